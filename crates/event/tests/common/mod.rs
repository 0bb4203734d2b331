//! Helpers shared by the event stage's tests.

/// The events dyad extracts from `text` under an article titled `title`.
pub fn events(title: &str, text: &str) -> Vec<dyad_event::Event> {
    let extractor = dyad_event::Extractor::new().expect("resources load");
    let doc = dyad_read::parse_plain(&format!("= {title} =\n{text}\n"), "test");
    extractor.extract(&doc).events
}
