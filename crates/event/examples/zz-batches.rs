fn main() {
    let text = std::fs::read_to_string("../shared/corpus/italy-japan-relations.txt").unwrap();
    let doc = dyad_read::parse_plain(&text, "article");
    let extractor = dyad_event::Extractor::new().unwrap();
    let options = dyad_time::TagOptions {
        mode: dyad_time::Mode::Narrative,
        dct: None,
    };
    let all: Vec<_> = (0..32).map(|_| doc.clone()).collect();
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20);
    let start = std::time::Instant::now();
    let mut c = 0;
    for _ in 0..n {
        c += extractor.extract_many(&all, &options).len();
    }
    let s = start.elapsed().as_secs_f64();
    println!(
        "{c} {:.3} ms/article {:.2} MB/s",
        s * 1e3 / (n * 32) as f64,
        (text.len() * n * 32) as f64 / 1e6 / s
    );
}

#[allow(dead_code)]
fn windows() {}
