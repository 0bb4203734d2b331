//! `dyad read`: the document structure as JSON.

use crate::cli::InputArgs;
use crate::input::documents;
use anyhow::Result;
use dyad_read::Document;
use serde_json::{json, Value};
use std::io::Write;
use std::path::Path;

pub fn run(file: Option<&Path>, args: &InputArgs) -> Result<()> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for doc in documents(file, args)? {
        let doc = doc?;
        serde_json::to_writer_pretty(&mut out, &structure(&doc))?;
        writeln!(out)?;
    }
    Ok(())
}

/// Sections, paragraphs and sentences with their offsets and text.
pub fn structure(doc: &Document) -> Value {
    let sentences = dyad_segment::sentences(doc);
    let sections: Vec<Value> = doc
        .sections
        .iter()
        .enumerate()
        .map(|(index, section)| {
            let paragraphs: Vec<Value> = doc
                .blocks
                .iter()
                .enumerate()
                .filter(|(_, b)| b.section == index)
                .map(|(block_index, block)| {
                    let sentences: Vec<Value> = sentences
                        .iter()
                        .filter(|s| s.block == block_index)
                        .map(|s| json!({"span": [s.span.start, s.span.end], "text": doc.slice(s.span)}))
                        .collect();
                    json!({"kind": block.kind, "span": [block.span.start, block.span.end], "sentences": sentences})
                })
                .collect();
            json!({
                "path": section.path,
                "level": section.level,
                "span": [section.span.start, section.span.end],
                "paragraphs": paragraphs,
            })
        })
        .collect();
    json!({
        "title": doc.title,
        "source": doc.source,
        "page_id": doc.page_id,
        "revision_id": doc.revision_id,
        "bytes": doc.text.len(),
        "sections": sections,
        "links": doc.links.iter().map(|l| json!({"span": [l.span.start, l.span.end], "text": doc.slice(l.span), "target": l.target})).collect::<Vec<_>>(),
        "citations": doc.citations.len(),
    })
}
