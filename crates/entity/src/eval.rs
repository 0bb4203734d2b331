//! Scoring entity mentions against an annotated corpus (`resources/examples.txt` format).
//!
//! A system mention is correct when a gold mention has the same span, the same type and, for
//! states and places, the same ISO code. Coreference mentions ("the two countries") are not
//! scored; a `[[…]]` without a type marks text nobody is scored on.

use crate::{EntityKind, Mention, Recogniser};
use dyad_read::Span;
use serde::Serialize;
use std::collections::BTreeMap;

/// The bundled annotated corpus.
pub const EXAMPLES: &str = include_str!("../resources/examples.txt");

#[derive(Debug, Clone, PartialEq)]
pub struct GoldMention {
    pub span: Span,
    pub kind: String,
    pub code: Option<String>,
}

/// One annotated sentence, ready to recognise.
#[derive(Debug, Clone)]
pub struct Example {
    pub line: usize,
    /// `= Title =\nsentence\n`.
    pub text: String,
    pub gold: Vec<GoldMention>,
    pub ignored: Vec<Span>,
}

#[derive(Debug, thiserror::Error)]
#[error("examples line {line}: {message}")]
pub struct ExampleError {
    pub line: usize,
    pub message: String,
}

pub fn parse_examples(source: &str) -> Result<Vec<Example>, ExampleError> {
    let mut title = String::from("Relations");
    let mut out = Vec::new();
    for (index, raw) in source.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(header) = line.strip_prefix("[doc ").and_then(|l| l.strip_suffix(']')) {
            title = header.to_string();
            continue;
        }
        let prefix = format!("= {title} =\n");
        let mut text = prefix.clone();
        let mut gold = Vec::new();
        let mut ignored = Vec::new();
        let mut rest = line;
        while let Some(open) = rest.find("[[") {
            text.push_str(&rest[..open]);
            let close = rest[open..].find("]]").ok_or(ExampleError {
                line: index + 1,
                message: "unclosed [[".into(),
            })? + open;
            let inner = &rest[open + 2..close];
            let (surface, annotation) = inner.split_once('|').unwrap_or((inner, ""));
            let start = text.len();
            text.push_str(surface);
            let span = Span::new(start, text.len());
            if annotation.is_empty() {
                ignored.push(span);
            } else {
                let (kind, code) = match annotation.split_once(':') {
                    Some((k, c)) => (k.to_string(), Some(c.to_string())),
                    None => (annotation.to_string(), None),
                };
                gold.push(GoldMention { span, kind, code });
            }
            rest = &rest[close + 2..];
        }
        text.push_str(rest);
        text.push('\n');
        out.push(Example {
            line: index + 1,
            text,
            gold,
            ignored,
        });
    }
    Ok(out)
}

fn type_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::State => "STATE",
        EntityKind::Place => "PLACE",
        EntityKind::Person => "PERSON",
        EntityKind::Organisation => "ORG",
        EntityKind::Treaty => "TREATY",
        EntityKind::War => "WAR",
    }
}

#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct TypeCounts {
    pub gold: usize,
    pub system: usize,
    pub correct: usize,
}

impl TypeCounts {
    pub fn precision(&self) -> f64 {
        if self.system == 0 {
            0.0
        } else {
            self.correct as f64 / self.system as f64
        }
    }
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            0.0
        } else {
            self.correct as f64 / self.gold as f64
        }
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct EntityReport {
    pub sentences: usize,
    pub by_type: BTreeMap<String, TypeCounts>,
    /// `line: expected … / got …` for every error.
    pub errors: Vec<String>,
}

fn scored(m: &Mention) -> bool {
    m.via != "coreference"
}

/// Recognise every example and count per type.
pub fn evaluate(recogniser: &Recogniser, examples: &[Example]) -> EntityReport {
    let mut report = EntityReport {
        sentences: examples.len(),
        ..Default::default()
    };
    for example in examples {
        let doc = dyad_read::parse_plain(&example.text, "example");
        let body_start = example.text.find('\n').map_or(0, |i| i + 1);
        let mentions: Vec<Mention> = recogniser
            .recognise(&doc)
            .into_iter()
            .filter(|m| scored(m) && m.span.start >= body_start)
            .filter(|m| !example.ignored.iter().any(|i| i.overlaps(&m.span)))
            .collect();
        for gold in &example.gold {
            report.by_type.entry(gold.kind.clone()).or_default().gold += 1;
        }
        let mut matched_gold = vec![false; example.gold.len()];
        for mention in &mentions {
            let kind = type_name(mention.kind);
            let counts = report.by_type.entry(kind.to_string()).or_default();
            counts.system += 1;
            let hit = example.gold.iter().enumerate().find(|(i, g)| {
                !matched_gold[*i]
                    && g.span == mention.span
                    && g.kind == kind
                    && (g.code.is_none() || g.code == mention.code)
            });
            match hit {
                Some((i, _)) => {
                    matched_gold[i] = true;
                    counts.correct += 1;
                }
                None => report.errors.push(format!(
                    "line {}: spurious {kind}{} {:?}",
                    example.line,
                    mention
                        .code
                        .as_deref()
                        .map(|c| format!(":{c}"))
                        .unwrap_or_default(),
                    mention.text
                )),
            }
        }
        for (i, gold) in example.gold.iter().enumerate() {
            if !matched_gold[i] {
                report.errors.push(format!(
                    "line {}: missed {}{} {:?}",
                    example.line,
                    gold.kind,
                    gold.code
                        .as_deref()
                        .map(|c| format!(":{c}"))
                        .unwrap_or_default(),
                    &example.text[gold.span.range()]
                ));
            }
        }
    }
    report
}
