//! Helpers shared by the event stage's tests.

/// The events dyad extracts from `text` under an article titled `title`.
pub fn events(title: &str, text: &str) -> Vec<dyad_event::Event> {
    let extractor = dyad_event::Extractor::new().expect("resources load");
    let doc = dyad_read::parse_plain(&format!("= {title} =\n{text}\n"), "test");
    extractor.extract(&doc).events
}

/// The first event of `kind` among `found`; the test fails, showing them all, if there is none.
pub fn event_of_kind<'e>(found: &'e [dyad_event::Event], kind: &str) -> &'e dyad_event::Event {
    found
        .iter()
        .find(|e| e.kind == kind)
        .unwrap_or_else(|| panic!("a {kind} event in {found:?}"))
}
