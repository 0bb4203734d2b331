//! `dyad entities`: every entity mention with span, type, canonical name and ids.

use crate::cli::{EntityFormat, InputArgs};
use crate::input::documents;
use anyhow::Result;
use dyad_entity::Recogniser;
use std::io::Write;
use std::path::Path;

pub fn run(file: Option<&Path>, format: EntityFormat, args: &InputArgs) -> Result<()> {
    let recogniser = Recogniser::new()?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for doc in documents(file, args)? {
        let doc = doc?;
        for mention in recogniser.recognise(&doc) {
            match format {
                EntityFormat::Jsonl => {
                    let mut record = serde_json::to_value(&mention)?;
                    record["doc"] = serde_json::json!(doc.title);
                    writeln!(out, "{record}")?;
                }
                EntityFormat::Table => writeln!(
                    out,
                    "{:>6}-{:<6} {:<12} {:<40} {:<28} {:<4} {}",
                    mention.span.start,
                    mention.span.end,
                    format!("{:?}", mention.kind).to_lowercase(),
                    mention.text.chars().take(40).collect::<String>(),
                    mention.name.chars().take(28).collect::<String>(),
                    mention.code.as_deref().unwrap_or("-"),
                    [
                        mention.role.as_deref(),
                        mention.historical.as_deref(),
                        mention.wikidata.as_deref()
                    ]
                    .iter()
                    .flatten()
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(" ")
                )?,
            }
        }
    }
    Ok(())
}
