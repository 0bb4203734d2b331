//! Where an event's date comes from: the sentence, the narrative, or only the section heading.

mod common;

use common::{event_of_kind, events};
use dyad_event::WhenSource;

#[test]
fn section_span_is_a_frame_not_a_date() {
    let found = events(
        "Chile–Peru relations",
        "== History ==\n=== The 19th century ===\nTrade between Chile and Peru grew steadily as merchant ships carried nitrate to Callao.\n",
    );
    let trade = event_of_kind(&found, "trade");
    assert_eq!(trade.when, None);
    assert_eq!(trade.when_source, WhenSource::Section);
    assert_eq!(trade.frame.as_deref(), Some("1800/1899"));
}

#[test]
fn a_date_in_the_paragraph_is_the_narrative_date() {
    let found = events(
        "Chile–Peru relations",
        "== History ==\n=== The 19th century ===\nIn 1874 Chile and Peru signed a treaty of commerce. Trade between Chile and Peru grew steadily afterwards.\n",
    );
    let trade = event_of_kind(&found, "trade");
    assert_eq!(trade.when.as_deref(), Some("1874"));
    assert_eq!(trade.when_source, WhenSource::Narrative);
    assert_eq!(trade.frame, None);
}
