//! `dyad extract`: the whole pipeline, one JSON object per event.

use crate::cli::{InputArgs, OutputFormat};
use crate::input::documents;
use anyhow::Result;
use dyad_event::{Event, Extraction, Extractor};
use serde_json::{json, Value};
use std::io::Write;
use std::path::Path;

pub fn run(file: Option<&Path>, format: OutputFormat, facts: bool, args: &InputArgs) -> Result<()> {
    let extractor = Extractor::new()?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut all = Vec::new();
    for doc in documents(file, args)? {
        let doc = doc?;
        let extraction = extractor.extract(&doc);
        if facts {
            for fact in &extraction.facts {
                let mut record = serde_json::to_value(fact)?;
                record["doc"] = json!(extraction.title);
                writeln!(out, "{record}")?;
            }
            continue;
        }
        match format {
            OutputFormat::Jsonl => {
                for (index, event) in extraction.events.iter().enumerate() {
                    writeln!(out, "{}", event_record(&extraction, index, event))?;
                }
            }
            OutputFormat::Json => all.push(json!({
                "doc": extraction.title,
                "dyad": extraction.dyad,
                "events": extraction.events.iter().enumerate().map(|(i, e)| event_record(&extraction, i, e)).collect::<Vec<_>>(),
                "facts": extraction.facts,
            })),
            OutputFormat::Table => write_table(&mut out, &extraction)?,
        }
    }
    if format == OutputFormat::Json && !facts {
        serde_json::to_writer_pretty(&mut out, &all)?;
        writeln!(out)?;
    }
    Ok(())
}

/// The stable output contract, plus dyad's extra fields (built where the exports build it).
pub fn event_record(extraction: &Extraction, index: usize, event: &Event) -> Value {
    dyad_store::export::event_record(&dyad_store::EventRow::from_event(
        &extraction.title,
        index,
        event,
    ))
}

fn write_table(out: &mut impl Write, extraction: &Extraction) -> Result<()> {
    writeln!(
        out,
        "{} — {} events, {} facts (dyad {})",
        extraction.title,
        extraction.events.len(),
        extraction.facts.len(),
        extraction.dyad.join("–")
    )?;
    writeln!(
        out,
        "{:<12} {:<21} {:<15} {:<14} evidence",
        "when", "kind", "actors", "place"
    )?;
    for event in &extraction.events {
        let when = match (&event.when, event.when_source) {
            (Some(w), dyad_event::WhenSource::Sentence) => w.clone(),
            (Some(w), _) => format!("~{w}"),
            (None, _) => match &event.frame {
                Some(frame) => format!("§{frame}"),
                None => "-".into(),
            },
        };
        let flags = if event.is_factual() {
            String::new()
        } else {
            format!(" [{} {}]", event.polarity, event.modality)
        };
        let sentence = event
            .evidence
            .first()
            .map(|e| e.sentence.as_str())
            .unwrap_or("");
        let short: String = sentence.chars().take(70).collect();
        writeln!(
            out,
            "{:<12} {:<21} {:<15} {:<14} {}{}{}",
            when,
            event.kind,
            event.actors.join(","),
            event.place.as_deref().unwrap_or("-"),
            short,
            if sentence.chars().count() > 70 {
                "…"
            } else {
                ""
            },
            flags
        )?;
    }
    for fact in &extraction.facts {
        writeln!(out, "fact: {}", serde_json::to_string(fact)?)?;
    }
    Ok(())
}
