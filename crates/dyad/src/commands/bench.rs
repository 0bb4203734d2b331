//! `dyad bench`: throughput of each stage and of the whole pipeline, in MB/s of article text.
//!
//! The input (the bundled article by default) is repeated to a working size so that timings
//! are well above the clock's resolution; each stage is timed on one core.

use crate::cli::InputArgs;
use crate::input::documents;
use anyhow::Result;
use dyad_event::Extractor;
use dyad_read::{parse_plain, Document};
use dyad_time::{Mode, TagOptions};
use std::path::Path;
use std::time::Instant;

pub fn run(file: Option<&Path>, repeat: usize, args: &InputArgs) -> Result<()> {
    let docs: Vec<Document> = documents(file, args)?.collect::<Result<_, _>>()?;
    let text: String = docs
        .iter()
        .map(|d| d.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let big = text.repeat(repeat.max(1));
    let megabytes = big.len() as f64 / 1e6;
    out!(
        "input: {} document(s), {:.2} MB after repeating {}×",
        docs.len(),
        megabytes,
        repeat
    );
    let started = Instant::now();
    let extractor = Extractor::new()?;
    out!(
        "start-up (load and compile all resources): {:.1} ms",
        started.elapsed().as_secs_f64() * 1e3
    );

    let time = |label: &str, f: &mut dyn FnMut() -> usize| -> Result<()> {
        let start = Instant::now();
        let count = f();
        let seconds = start.elapsed().as_secs_f64();
        out!(
            "{label:<34} {:>8.1} ms  {:>8.2} MB/s  ({count} items)",
            seconds * 1e3,
            megabytes / seconds
        );
        Ok(())
    };
    let doc = parse_plain(&big, "bench");
    time("read + segment (sentences)", &mut || {
        let d = parse_plain(&big, "bench");
        dyad_segment::sentences(&d).len()
    })?;
    let options = TagOptions {
        mode: Mode::Narrative,
        dct: None,
    };
    time("tag times (TIMEX3)", &mut || {
        extractor.tagger().tag(&big, &options).timexes.len()
    })?;
    time("recognise entities", &mut || {
        extractor.recogniser().recognise(&doc).len()
    })?;
    time("whole pipeline (events + facts)", &mut || {
        extractor.extract(&doc).events.len()
    })?;
    // The seed article once, as a user runs it: well under 10 ms is the target.
    if let Some(first) = docs.first() {
        let start = Instant::now();
        let events = extractor.extract(first).events.len();
        out!(
            "one article ({} bytes): {:.2} ms, {events} events",
            first.text.len(),
            start.elapsed().as_secs_f64() * 1e3
        );
    }
    Ok(())
}
