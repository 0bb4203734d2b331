//! The whole pipeline on arbitrary text and markup: no panic, spans inside the text.

use dyad_event::Extractor;
use proptest::prelude::*;
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| Extractor::new().expect("resources load"));

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn plain_text_never_panics(text in "(\\PC|\n|==|Italy|Japan|signed|treaty|1866|the two countries|\\(|\\)|\")*") {
        let doc = dyad_read::parse_plain(&text, "T");
        let extraction = EXTRACTOR.extract(&doc);
        for event in &extraction.events {
            for evidence in &event.evidence {
                prop_assert!(doc.text.get(evidence.span.range()).is_some());
            }
        }
    }

    #[test]
    fn wikitext_never_panics(text in "(\\PC|\n|\\[\\[|\\]\\]|\\{\\{|\\}\\}|\\||<ref>|</ref>|&amp;|&|''|==|\\{\\||\\|\\}|<!--|-->)*") {
        let doc = dyad_read::parse_wikitext(&text, "A–B relations");
        let _ = EXTRACTOR.extract(&doc);
    }
}
