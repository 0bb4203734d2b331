//! Bad input never panics, and tagging stays linear: empty text, no newlines, digits only,
//! control characters, arbitrary Unicode.

use dyad_time::{Mode, TagOptions, Tagger};
use proptest::prelude::*;
use std::sync::LazyLock;
use std::time::{Duration, Instant};

static TAGGER: LazyLock<Tagger> = LazyLock::new(|| Tagger::new().expect("resources load"));

fn options(mode: Mode) -> TagOptions {
    TagOptions {
        mode,
        dct: Some("1998-02-27".into()),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
        let tagging = TAGGER.tag(&text, &options(Mode::News));
        for timex in &tagging.timexes {
            prop_assert!(text.get(timex.span.range()).is_some());
        }
    }

    #[test]
    fn date_like_soup_never_panics(text in "([0-9]{1,4}|May|March|the|of|[–/,. -]|BC|AD|Q[1-4]|ago|later|week|1st|twenty|-five|\u{e9}|\u{65e5})+") {
        let _ = TAGGER.tag(&text, &options(Mode::Narrative));
    }
}

#[test]
fn empty_and_degenerate_inputs() {
    for text in [
        "",
        " ",
        "\n\n\n",
        "\u{0}\u{1}\u{7f}",
        "0",
        "99999999999999999999",
        "31 February 1900",
        "BC",
    ] {
        let _ = TAGGER.tag(text, &options(Mode::News));
    }
}

/// A megabyte without a newline, of digits, of control characters and of date words each
/// finishes within a budget that only a super-linear algorithm would break (debug build).
#[test]
fn pathological_inputs_finish_within_budget() {
    let cases = [
        "1999 ".repeat(200_000),
        "9".repeat(1_000_000),
        "\u{1}\u{2}\u{3} ".repeat(250_000),
        "the 25th of August of the same year, ".repeat(27_000),
    ];
    for text in &cases {
        let start = Instant::now();
        let _ = TAGGER.tag(text, &options(Mode::Narrative));
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "{} bytes took {:?}",
            text.len(),
            start.elapsed()
        );
    }
}
