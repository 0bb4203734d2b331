//! `dyad tag`: TIMEX3 tagging of plain, wiki or TimeML input.

use crate::cli::{InputArgs, TagFormat};
use crate::input::documents;
use anyhow::{Context, Result};
use dyad_time::timeml::TimemlDocument;
use dyad_time::{Mode, TagOptions, Tagger};
use serde_json::json;
use std::io::Write;
use std::path::Path;

pub fn is_timeml(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "tml")
}

pub fn run(
    file: Option<&Path>,
    dct: Option<String>,
    mode: Option<String>,
    format: Option<TagFormat>,
    args: &InputArgs,
) -> Result<()> {
    let tagger = Tagger::new().context("loading the temporal rules")?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if let Some(path) = file.filter(|p| is_timeml(p)) {
        let source = std::fs::read_to_string(path)
            .with_context(|| format!("{}: cannot read", path.display()))?;
        let doc = TimemlDocument::parse(&source, &path.display().to_string())?;
        let dct = dct.or(doc.dct.clone());
        // Without --mode, the text decides: history far before its DCT is a narrative.
        let mode = match mode.as_deref() {
            Some(mode) => mode.parse().map_err(anyhow::Error::msg)?,
            None => dyad_time::detect_mode(&doc.text, dct.as_deref()),
        };
        let options = TagOptions { mode, dct };
        let tagging = tagger.tag(&doc.text, &options);
        match format.unwrap_or(TagFormat::Timeml) {
            TagFormat::Timeml => out.write_all(doc.write(&tagging.timexes).as_bytes())?,
            TagFormat::Jsonl => {
                for timex in &tagging.timexes {
                    writeln!(out, "{}", timex_json(&doc.text, timex))?;
                }
            }
        }
        return Ok(());
    }
    let chosen: Option<Mode> = mode
        .as_deref()
        .map(str::parse)
        .transpose()
        .map_err(anyhow::Error::msg)?;
    for doc in documents(file, args)? {
        let doc = doc?;
        // Without --mode each document is judged by its text and the DCT (narrative without one).
        let options = TagOptions {
            mode: chosen.unwrap_or_else(|| dyad_time::detect_mode(&doc.text, dct.as_deref())),
            dct: dct.clone(),
        };
        let tagging = tagger.tag_document(&doc, &options);
        match format.unwrap_or(TagFormat::Jsonl) {
            TagFormat::Jsonl => {
                for timex in &tagging.timexes {
                    let mut record = timex_json(&doc.text, timex);
                    record["doc"] = json!(doc.title);
                    writeln!(out, "{record}")?;
                }
                for interval in &tagging.intervals {
                    writeln!(
                        out,
                        "{}",
                        json!({"doc": doc.title, "interval": interval.value, "first": interval.first, "second": interval.second})
                    )?;
                }
            }
            TagFormat::Timeml => {
                let wrapper = TimemlDocument {
                    head: format!(
                        "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>{}</DOCID>\n<TEXT>",
                        xml_escape(&doc.title)
                    ),
                    text: xml_escape(&doc.text),
                    tail: "</TEXT>\n</TimeML>\n".into(),
                    dct: options.dct.clone(),
                    dct_tid: None,
                    timexes: Vec::new(),
                };
                // Escaping changes offsets, so tag the escaped text itself.
                let tagging = tagger.tag(&wrapper.text, &options);
                out.write_all(wrapper.write(&tagging.timexes).as_bytes())?;
            }
        }
    }
    Ok(())
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn timex_json(text: &str, timex: &dyad_time::Timex) -> serde_json::Value {
    let mut record = serde_json::to_value(timex).unwrap_or_default();
    record["text"] = json!(text.get(timex.span.range()).unwrap_or(""));
    record
}
