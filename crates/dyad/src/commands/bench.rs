//! `dyad bench`: throughput of each stage and of the whole pipeline, in MB/s of article text.
//!
//! The input (the bundled article by default) is processed `--repeat` times, each document on
//! its own as an ingest does, so that timings are well above the clock's resolution and
//! per-document costs count; each stage is timed on one core, after one warm-up article. The
//! batched pipeline is also timed in rounds, whose median and best are given: on a shared
//! machine the spread between rounds shows how much of a figure is other tenants' load.

use crate::cli::InputArgs;
use crate::input::documents;
use anyhow::Result;
use dyad_event::Extractor;
use dyad_read::{parse_plain, Document};
use dyad_time::{Mode, TagOptions};
use std::path::Path;
use std::time::Instant;

/// Documents per batch, as `dyad ingest` hands them to the extractor.
const BATCH: usize = crate::commands::kb::BATCH;

/// Rounds the batched pipeline is timed in (each a share of the repetitions).
const ROUNDS: usize = 5;

pub fn run(
    file: Option<&Path>,
    repeat: usize,
    pipeline_only: bool,
    args: &InputArgs,
) -> Result<()> {
    let docs: Vec<Document> = documents(file, args)?.collect::<Result<_, _>>()?;
    let repeat = repeat.max(1);
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let megabytes = (bytes * repeat) as f64 / 1e6;
    out!(
        "input: {} document(s), {:.2} MB in all after {}× (each document is processed on its own, as in an ingest)",
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
    let options = TagOptions {
        mode: Mode::Narrative,
        dct: None,
    };
    if pipeline_only {
        // (Warmed up on the first article, as the full run is.)
        if let Some(first) = docs.first() {
            extractor.extract(first);
        }
        return time_batched(&extractor, &docs, repeat, megabytes, &options);
    }
    // The first article pays for lazily built searchers and cold caches; it is timed on its
    // own, as a user running the seed once meets it.
    if let Some(first) = docs.first() {
        let start = Instant::now();
        let events = extractor.extract(first).events.len();
        out!(
            "first article, cold ({} bytes): {:.2} ms, {events} events",
            first.text.len(),
            start.elapsed().as_secs_f64() * 1e3
        );
        let start = Instant::now();
        let events = extractor.extract(first).events.len();
        out!(
            "same article again, warm: {:.2} ms, {events} events",
            start.elapsed().as_secs_f64() * 1e3
        );
    }

    let time = |label: &str, f: &mut dyn FnMut(&Document) -> usize| -> Result<()> {
        let start = Instant::now();
        let mut count = 0;
        for _ in 0..repeat {
            for doc in &docs {
                count += f(doc);
            }
        }
        let seconds = start.elapsed().as_secs_f64();
        out!(
            "{label:<34} {:>8.1} ms  {:>8.2} MB/s  ({count} items)",
            seconds * 1e3,
            megabytes / seconds
        );
        Ok(())
    };
    time("read + segment (sentences)", &mut |doc| {
        let d = parse_plain(&doc.text, "bench");
        dyad_segment::sentences(&d).len()
    })?;
    time("tag times (TIMEX3)", &mut |doc| {
        extractor.tagger().tag(&doc.text, &options).timexes.len()
    })?;
    time("recognise entities", &mut |doc| {
        extractor.recogniser().recognise(doc).len()
    })?;
    time("whole pipeline, a document at a time", &mut |doc| {
        extractor.extract(doc).events.len()
    })?;
    time_batched(&extractor, &docs, repeat, megabytes, &options)
}

/// The whole pipeline as `dyad ingest` runs it: batches of documents, each stage over the
/// whole batch.
fn time_batched(
    extractor: &Extractor,
    docs: &[Document],
    repeat: usize,
    megabytes: f64,
    options: &TagOptions,
) -> Result<()> {
    let all: Vec<Document> = (0..repeat).flat_map(|_| docs.iter().cloned()).collect();
    // Timed in rounds as well: on a shared machine other tenants slow some rounds down, and
    // the best round is the nearest to what the code itself costs (the median is given too).
    // (A round is whole batches, as an ingest hands them over.)
    let batches: Vec<&[Document]> = all.chunks(BATCH).collect();
    let per_round = batches.len().div_ceil(ROUNDS).max(1);
    let mut round_rates: Vec<f64> = Vec::with_capacity(ROUNDS);
    let start = Instant::now();
    let mut count = 0;
    for round in batches.chunks(per_round) {
        let round_start = Instant::now();
        for batch in round {
            count += extractor
                .extract_many(batch, options)
                .iter()
                .map(|e| e.events.len())
                .sum::<usize>();
        }
        let round_bytes: usize = round
            .iter()
            .flat_map(|b| b.iter())
            .map(|d| d.text.len())
            .sum();
        round_rates.push(round_bytes as f64 / 1e6 / round_start.elapsed().as_secs_f64());
    }
    let seconds = start.elapsed().as_secs_f64();
    out!(
        "{:<34} {:>8.1} ms  {:>8.2} MB/s  ({count} items)",
        format!("whole pipeline, batches of {BATCH}"),
        seconds * 1e3,
        megabytes / seconds
    );
    if round_rates.len() > 1 {
        round_rates.sort_by(f64::total_cmp);
        out!(
            "  in {} rounds: median {:.2} MB/s, best {:.2} MB/s, worst {:.2} MB/s",
            round_rates.len(),
            round_rates[round_rates.len() / 2],
            round_rates[round_rates.len() - 1],
            round_rates[0]
        );
    }
    Ok(())
}
