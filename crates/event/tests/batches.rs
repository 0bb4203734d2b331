//! A batch gives each document exactly what extracting it alone gives: the stages run rule by
//! rule over the whole batch only for speed.

use dyad_event::Extractor;
use dyad_time::{Mode, TagOptions};

#[test]
fn a_batch_extracts_what_each_document_alone_does() {
    let mut docs = vec![dyad_read::parse_plain(
        include_str!("../../../corpus/italy-japan-relations.txt"),
        "Italy–Japan relations",
    )];
    let dev = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../eval/dev");
    let mut paths: Vec<_> = std::fs::read_dir(&dev)
        .expect("eval/dev")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    for path in paths.iter().take(8) {
        let text = std::fs::read_to_string(path).expect("a dev article");
        docs.push(dyad_read::parse_plain(&text, "dev"));
    }
    // A short document and an empty one between the long ones.
    docs.insert(
        2,
        dyad_read::parse_plain("Chile and Peru signed a treaty in 1929.", "x"),
    );
    docs.insert(4, dyad_read::parse_plain("", "empty"));
    let extractor = Extractor::new().expect("resources load");
    let options = TagOptions {
        mode: Mode::Narrative,
        dct: None,
    };
    let batch = extractor.extract_many(&docs, &options);
    assert_eq!(batch.len(), docs.len());
    for (doc, together) in docs.iter().zip(&batch) {
        let alone = extractor.extract_with(doc, &options);
        assert_eq!(together.events, alone.events, "{}", doc.title);
        assert_eq!(together.facts, alone.facts, "{}", doc.title);
        assert_eq!(together.timexes, alone.timexes, "{}", doc.title);
    }
    assert!(batch[0].events.len() > 40);
}
