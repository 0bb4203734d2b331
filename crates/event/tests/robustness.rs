//! The whole pipeline on arbitrary text and markup: no panic, spans inside the text.

use dyad_event::Extractor;
use proptest::prelude::*;
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| Extractor::new().expect("resources load"));

/// Whether every evidence span of the document's events slices its text.
fn evidence_inside(doc: &dyad_read::Document) -> bool {
    EXTRACTOR.extract(doc).events.iter().all(|event| {
        event
            .evidence
            .iter()
            .all(|evidence| doc.text.get(evidence.span.range()).is_some())
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn plain_text_never_panics(text in "(\\PC|\n|==|Italy|Japan|signed|treaty|1866|the two countries|\\(|\\)|\")*") {
        let doc = dyad_read::parse_plain(&text, "T");
        prop_assert!(evidence_inside(&doc));
    }

    #[test]
    fn wikitext_never_panics(text in "(\\PC|\n|\\[\\[|\\]\\]|\\{\\{|\\}\\}|\\||<ref>|</ref>|&amp;|&|''|==|\\{\\||\\|\\}|<!--|-->)*") {
        let doc = dyad_read::parse_wikitext(&text, "A–B relations");
        let _ = EXTRACTOR.extract(&doc);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Clauses cut into verb phrases and cause phrases, with triggers across the cuts.
    #[test]
    fn clause_segments_never_panic(words in prop::collection::vec(prop::sample::select(vec![
        "Italy", "Japan", "the two countries", "signed", "an agreement", "held", "a meeting",
        "immediately", "after", "following", "the", "ceremony", "and", ", and", "later",
        "restored", "relations", "in 1961", "in May 2020", "which", "that", "under which",
        "withdrew", "from", "Siberia", "the Israeli", "strikes on", "Gaza", "condemned",
        "mediated", "a ceasefire", "in protest at", "its", "visit", "(1990, 1992)", ",", ".",
    ]), 0..40)) {
        let text = format!("= Italy–Japan relations =\n\n{}\n", words.join(" "));
        let doc = dyad_read::parse_plain(&text, "T");
        prop_assert!(evidence_inside(&doc));
    }
}

/// A trigger that reaches past where a cause phrase would begin ("held … after") found in a
/// real page of the 2016 dump sample.
#[test]
fn trigger_across_a_cause_phrase() {
    let text = "= Academy Awards =\n\nSince 2010, winners have had the option of having engraved nameplates applied to their statuettes at an inscription-processing station at the Governor's Ball, a party held immediately after the Oscar ceremony.\n";
    let doc = dyad_read::parse_plain(text, "T");
    let _ = EXTRACTOR.extract(&doc);
}
