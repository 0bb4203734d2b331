//! Time each stage of the extraction on one article processed many times, warm: where to
//! look when the pipeline slows down.
//!
//! `cargo run --release -p dyad-event --example stage-timing -- [FILE] [REPEAT]`

use std::time::Instant;

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/corpus/italy-japan-relations.txt".into());
    let repeat: usize = std::env::args()
        .nth(2)
        .and_then(|r| r.parse().ok())
        .unwrap_or(200);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(err) => {
            eprintln!("{path}: {err}");
            std::process::exit(1);
        }
    };
    let doc = dyad_read::parse_plain(&text, "article");
    let extractor = dyad_event::Extractor::new().expect("bundled resources");
    extractor.extract(&doc);
    let options = dyad_time::TagOptions {
        mode: dyad_time::Mode::Narrative,
        dct: None,
    };
    let resources = extractor.resources();
    let time = |label: &str, f: &mut dyn FnMut() -> usize| {
        let start = Instant::now();
        let mut items = 0;
        for _ in 0..repeat {
            items += f();
        }
        let per = start.elapsed().as_secs_f64() * 1e3 / repeat as f64;
        println!(
            "{label:<28} {per:>7.3} ms per article  ({} items)",
            items / repeat
        );
    };
    println!("{} bytes, {repeat} times", text.len());
    time("sentences", &mut || dyad_segment::sentences(&doc).len());
    time("tag times", &mut || {
        extractor
            .tagger()
            .tag_document(&doc, &options)
            .timexes
            .len()
    });
    time("recognise entities", &mut || {
        extractor.recogniser().recognise(&doc).len()
    });
    time("trigger gates", &mut || {
        let scan = resources.trigger_gates.scan(&doc.text);
        (0..resources.triggers.len())
            .map(|i| scan.ranges(i).count())
            .sum()
    });
    time("trigger gates + search", &mut || {
        let scan = resources.trigger_gates.scan(&doc.text);
        resources
            .triggers
            .iter()
            .enumerate()
            .map(|(i, t)| dyad_prefilter::find_in(&t.regex, &doc.text, scan.ranges(i)).count())
            .sum()
    });
    time("tag + recognise, alternating", &mut || {
        extractor
            .tagger()
            .tag_document(&doc, &options)
            .timexes
            .len()
            + extractor.recogniser().recognise(&doc).len()
    });
    time("whole extraction", &mut || {
        extractor.extract(&doc).events.len()
    });
    // Stage-major, as `dyad ingest` runs it: every stage over a batch of documents.
    let batch: Vec<dyad_read::Document> = (0..32).map(|_| doc.clone()).collect();
    let rounds = repeat.div_ceil(batch.len());
    let start = Instant::now();
    let mut events = 0;
    for _ in 0..rounds {
        events += extractor
            .extract_many(&batch, &options)
            .iter()
            .map(|e| e.events.len())
            .sum::<usize>();
    }
    let articles = rounds * batch.len();
    let per = start.elapsed().as_secs_f64() * 1e3 / articles as f64;
    println!(
        "{:<28} {per:>7.3} ms per article  ({} items)",
        "whole, batches of 32",
        events / articles
    );
}
