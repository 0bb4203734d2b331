//! `dyad extract`: the whole pipeline, one JSON object per event.

use crate::cli::{InputArgs, OutputFormat};
use crate::input::documents;
use anyhow::Result;
use serde_json::json;
use std::io::Write;
use std::path::Path;

pub fn run(file: Option<&Path>, format: OutputFormat, args: &InputArgs) -> Result<()> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for doc in documents(file, args)? {
        let doc = doc?;
        for sentence in dyad_segment::sentences(&doc) {
            let section = &doc.sections[sentence.section];
            let record = json!({
                "doc": doc.title,
                "section": section.path,
                "sentence": doc.slice(sentence.span),
                "span": [sentence.span.start, sentence.span.end],
                "when": null,
                "kind": null,
                "actors": [],
                "place": null,
                "evidence": doc.slice(sentence.span),
            });
            match format {
                OutputFormat::Table => writeln!(
                    out,
                    "{:>6}  {}",
                    sentence.span.start,
                    doc.slice(sentence.span)
                )?,
                _ => writeln!(out, "{record}")?,
            }
        }
    }
    Ok(())
}
