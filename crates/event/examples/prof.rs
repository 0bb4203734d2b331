fn main() {
    let text = std::fs::read_to_string("../shared/corpus/italy-japan-relations.txt").unwrap();
    let doc = dyad_read::parse_plain(&text, "Italy–Japan relations");
    let extractor = dyad_event::Extractor::new().unwrap();
    let options = dyad_time::TagOptions {
        mode: dyad_time::Mode::Narrative,
        dct: None,
    };
    let batch: Vec<dyad_read::Document> = (0..32).map(|_| doc.clone()).collect();
    extractor.extract_many(&batch, &options);
    let start = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..80 {
        n += extractor.extract_many(&batch, &options).len();
    }
    eprintln!(
        "{n} {:.3} ms/article",
        start.elapsed().as_secs_f64() * 1e3 / (80.0 * 32.0)
    );
}
