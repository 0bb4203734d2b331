//! Knowledge-base commands: ingest, timeline, events, search, dyads, show, export.

use crate::cli::{DbArgs, InputArgs, QueryArgs};
use crate::input::{options, BUNDLED_NAME, BUNDLED_TEXT};
use anyhow::{Context, Result};
use dyad_event::Extractor;
use dyad_store::{EventFilter, EventRow, IngestOutcome, Store};
use rayon::iter::{ParallelBridge, ParallelIterator};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// The database path: `--db`, else `$DYAD_DB`, else `./dyad.db`.
pub fn db_path(args: &DbArgs) -> PathBuf {
    args.db
        .clone()
        .or_else(|| std::env::var_os("DYAD_DB").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from("dyad.db"))
}

/// Open the knowledge base; a new one starts with the bundled article.
pub fn open_store(args: &DbArgs) -> Result<Store> {
    let path = db_path(args);
    let fresh = !path.exists();
    let mut store = Store::open(&path)?;
    if fresh || store.document_count()? == 0 {
        let extractor = Extractor::new()?;
        for doc in
            dyad_read::read_bytes(BUNDLED_TEXT.as_bytes(), BUNDLED_NAME, &Default::default())?
        {
            let doc = doc?;
            let extraction = extractor.extract(&doc);
            store.ingest(&doc, &extraction)?;
        }
        eprintln!(
            "dyad: created {} from the bundled Italy–Japan article",
            path.display()
        );
    }
    Ok(store)
}

fn input_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut stack = vec![path.clone()];
            while let Some(dir) = stack.pop() {
                let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
                    .with_context(|| format!("{}: cannot list", dir.display()))?
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .collect();
                entries.sort();
                for entry in entries {
                    if entry.is_dir() {
                        stack.push(entry);
                    } else if entry.extension().is_some_and(|e| {
                        ["txt", "wiki", "wikitext", "mediawiki", "xml", "bz2"]
                            .contains(&e.to_string_lossy().as_ref())
                    }) {
                        files.push(entry);
                    }
                }
            }
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

/// Documents handed to the extractor at once by `dyad ingest`.
pub const BATCH: usize = 32;

/// Group an iterator's items into vectors of up to `size`.
fn batches<I: Iterator>(mut items: I, size: usize) -> impl Iterator<Item = Vec<I::Item>> {
    std::iter::from_fn(move || {
        let batch: Vec<I::Item> = items.by_ref().take(size).collect();
        (!batch.is_empty()).then_some(batch)
    })
}

pub fn ingest(paths: &[PathBuf], db: &DbArgs, input: &InputArgs) -> Result<()> {
    let path = db_path(db);
    let mut store = Store::open(&path)?;
    let extractor = Extractor::new()?;
    let read_options = options(input)?;
    let files = input_files(paths)?;
    let narrative = dyad_time::TagOptions {
        mode: dyad_time::Mode::Narrative,
        dct: None,
    };
    let progress = if std::io::stderr().is_terminal() {
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} {elapsed} {pos} pages ({per_sec}) {msg}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        Some(bar)
    } else {
        None
    };
    let started = std::time::Instant::now();
    let (mut added, mut replaced, mut unchanged, mut events, mut bytes, mut failed) =
        (0usize, 0usize, 0usize, 0usize, 0usize, 0usize);
    for file in &files {
        let docs = dyad_read::read_path(file, &read_options)
            .with_context(|| format!("reading {}", file.display()))?;
        // Extraction runs on all cores; this thread is the one writer, committing each
        // document in its own transaction as it arrives.
        let (sender, receiver) = std::sync::mpsc::sync_channel(64);
        std::thread::scope(|scope| -> Result<()> {
            let extractor = &extractor;
            let narrative = &narrative;
            scope.spawn(move || {
                // Batches of documents: each stage then runs over a whole batch, keeping its
                // automata in the processor's caches (see `Extractor::extract_many`).
                batches(docs, BATCH)
                    .par_bridge()
                    .for_each_with(sender, |sender, batch| {
                        let mut good = Vec::with_capacity(batch.len());
                        for doc in batch {
                            match doc {
                                Ok(doc) => good.push(doc),
                                Err(err) => {
                                    let _ = sender.send(Err(err));
                                }
                            }
                        }
                        let extractions = extractor.extract_many(&good, narrative);
                        for pair in good.into_iter().zip(extractions) {
                            let _ = sender.send(Ok(pair));
                        }
                    });
            });
            for result in receiver {
                match result {
                    Ok((doc, extraction)) => {
                        bytes += doc.text.len();
                        match store.ingest(&doc, &extraction)? {
                            IngestOutcome::Added { events: n, .. } => {
                                added += 1;
                                events += n;
                            }
                            IngestOutcome::Replaced { events: n, .. } => {
                                replaced += 1;
                                events += n;
                            }
                            IngestOutcome::Unchanged { .. } => unchanged += 1,
                        }
                    }
                    Err(err) => {
                        failed += 1;
                        eprintln!("dyad: skipped: {err}");
                    }
                }
                if let Some(bar) = &progress {
                    bar.inc(1);
                    bar.set_message(format!(
                        "{:.1} MB/s",
                        bytes as f64 / 1e6 / started.elapsed().as_secs_f64().max(1e-9)
                    ));
                }
            }
            Ok(())
        })?;
    }
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    let seconds = started.elapsed().as_secs_f64().max(1e-9);
    let pages = added + replaced + unchanged;
    eprintln!(
        "dyad: {}: {added} added, {replaced} replaced, {unchanged} unchanged, {failed} skipped; {events} events; {pages} pages in {seconds:.1} s ({:.1} pages/s, {:.2} MB/s)",
        path.display(),
        pages as f64 / seconds,
        bytes as f64 / 1e6 / seconds
    );
    Ok(())
}

/// A state given by name, demonym or code → its ISO alpha-3 code.
pub fn resolve_state(gazetteer: &dyad_entity::Gazetteer, name: &str) -> Result<String> {
    gazetteer.resolve_state(name).with_context(|| {
        format!(
            "`{name}` is not a state dyad knows (give a name, a demonym or an ISO alpha-3 code)"
        )
    })
}

fn filter(actors: &[String], query: &QueryArgs) -> Result<EventFilter> {
    Ok(EventFilter {
        actors: if actors.is_empty() {
            Vec::new()
        } else {
            // One gazetteer for all the names: building it costs more than the query.
            let recogniser = dyad_entity::Recogniser::new()?;
            actors
                .iter()
                .map(|a| resolve_state(recogniser.gazetteer(), a))
                .collect::<Result<_>>()?
        },
        kinds: query
            .kind
            .as_deref()
            .map(EventFilter::parse_kinds)
            .unwrap_or_default(),
        from: query.from,
        to: query.to,
        text: query.q.clone(),
        factual_only: false,
        limit: query.limit,
        offset: 0,
    })
}

fn print_events(events: &[EventRow], json: bool) -> Result<()> {
    if json {
        out!(
            "{}",
            serde_json::to_string_pretty(
                &events
                    .iter()
                    .map(dyad_store::export::event_record)
                    .collect::<Vec<_>>()
            )?
        );
        return Ok(());
    }
    out!(
        "{:>5}  {:<12} {:<21} {:<15} {:<12} sentence",
        "id",
        "when",
        "kind",
        "actors",
        "place"
    );
    for e in events {
        let when = match (&e.when, e.when_source.as_str()) {
            (Some(w), "sentence") => w.clone(),
            (Some(w), _) => format!("~{w}"),
            (None, _) => match &e.frame {
                Some(frame) => format!("§{frame}"),
                None => "-".into(),
            },
        };
        let sentence: String = e.sentence.chars().take(70).collect();
        out!(
            "{:>5}  {:<12} {:<21} {:<15} {:<12} {}{}",
            e.id,
            when,
            e.kind,
            e.actors.join(","),
            e.place.as_deref().unwrap_or("-"),
            sentence,
            if e.sentence.chars().count() > 70 {
                "…"
            } else {
                ""
            }
        );
    }
    out!("{} events", events.len());
    Ok(())
}

pub fn timeline(a: &str, b: &str, query: &QueryArgs) -> Result<()> {
    let store = open_store(&query.db)?;
    let events = store.events(&filter(&[a.to_string(), b.to_string()], query)?)?;
    print_events(&events, query.json)
}

pub fn events(actors: &[String], query: &QueryArgs) -> Result<()> {
    let store = open_store(&query.db)?;
    let events = store.events(&filter(actors, query)?)?;
    print_events(&events, query.json)
}

pub fn search(query: &str, limit: usize, json: bool, db: &DbArgs) -> Result<()> {
    let store = open_store(db)?;
    let hits = store.search(query, limit)?;
    if json {
        out!("{}", serde_json::to_string_pretty(&hits)?);
        return Ok(());
    }
    for hit in &hits {
        out!(
            "{} [{}] {}\n    {}",
            hit.doc,
            hit.section,
            format_args!("{}–{}", hit.span[0], hit.span[1]),
            hit.snippet
        );
    }
    out!("{} sentences", hits.len());
    Ok(())
}

pub fn facts(fact: Option<&str>, state: Option<&str>, limit: usize, db: &DbArgs) -> Result<()> {
    let store = open_store(db)?;
    let state = state.map(str::to_ascii_uppercase);
    for fact in store.facts(fact, state.as_deref(), limit)? {
        out!("{fact}");
    }
    Ok(())
}

pub fn dyads(json: bool, db: &DbArgs) -> Result<()> {
    let store = open_store(db)?;
    let dyads = store.dyads()?;
    if json {
        out!("{}", serde_json::to_string_pretty(&dyads)?);
        return Ok(());
    }
    out!(
        "{:<9} {:>6} {:>7}  decades (cooperation/conflict)",
        "pair",
        "events",
        "index"
    );
    for d in &dyads {
        let decades: Vec<String> = d
            .decades
            .iter()
            .map(|x| format!("{}s {}/{}", x.decade, x.cooperation, x.conflict))
            .collect();
        out!(
            "{:<9} {:>6} {:>7.2}  {}",
            d.pair.join("–"),
            d.events,
            d.cooperation_index,
            decades.join(", ")
        );
    }
    Ok(())
}

pub fn show(id: i64, json: bool, db: &DbArgs) -> Result<()> {
    let store = open_store(db)?;
    let event = store.event(id)?;
    if json {
        out!(
            "{}",
            serde_json::to_string_pretty(&dyad_store::export::event_record(&event))?
        );
        return Ok(());
    }
    out!(
        "event {}: {} {} ({})",
        event.id,
        event.kind,
        event.actors.join(" → "),
        event.when.as_deref().unwrap_or("undated")
    );
    out!(
        "  PLOVER {} · CAMEO {} · Goldstein {:+.1} · {} {}",
        event.plover.as_deref().unwrap_or("-"),
        event.cameo.as_deref().unwrap_or("-"),
        event.goldstein,
        event.polarity,
        event.modality
    );
    out!(
        "  date from: {}; place: {}; instrument: {}",
        event.when_source,
        event.place.as_deref().unwrap_or("-"),
        event.instrument.as_deref().unwrap_or("-")
    );
    for p in &event.participants {
        out!("  participant: {}", p);
    }
    for ev in &event.evidence {
        out!(
            "  evidence in {} § {} bytes {}: {}",
            event.doc,
            ev["section"].as_str().unwrap_or(""),
            ev["span"],
            ev["sentence"].as_str().unwrap_or("")
        );
    }
    Ok(())
}

pub fn export(
    format: &str,
    actors: &[String],
    out_path: Option<&Path>,
    query: &QueryArgs,
) -> Result<()> {
    let format: dyad_store::export::Format = format.parse().map_err(anyhow::Error::msg)?;
    let store = open_store(&query.db)?;
    let events = store.events(&filter(actors, query)?)?;
    let text = dyad_store::export::export(&store, &events, format)?;
    match out_path {
        Some(path) => std::fs::write(path, text)
            .with_context(|| format!("{}: cannot write", path.display()))?,
        None => {
            use std::io::Write;
            std::io::stdout().lock().write_all(text.as_bytes())?;
        }
    }
    Ok(())
}

/// Entities stored in the knowledge base.
pub fn stored_entities(db: &DbArgs, json: bool) -> Result<()> {
    let store = open_store(db)?;
    let rows = store.entities(None, 500)?;
    if json {
        out!("{}", serde_json::to_string_pretty(&rows)?);
        return Ok(());
    }
    for r in &rows {
        out!(
            "{:>5} {:<12} {:<36} {:<4} {:<10} {}",
            r.mentions,
            r.kind,
            r.name,
            r.code.as_deref().unwrap_or("-"),
            r.wikidata.as_deref().unwrap_or("-"),
            r.geonames.map(|g| g.to_string()).unwrap_or_default()
        );
    }
    Ok(())
}
