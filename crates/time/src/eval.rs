//! TempEval-3 timex scores: strict and relaxed span P/R/F1, value and type F1 over relaxed
//! matches.
//!
//! Spans are compared in a whitespace-free coordinate system, so a system that changed white
//! space (as some taggers do) is still scored on the same characters. A relaxed match is a
//! one-to-one pairing of overlapping spans; strict also needs the same extent. Value and type
//! accuracy are counted over relaxed matches, and their F1 is accuracy × relaxed F1, as the
//! TempEval-3 scorer reports them.

use crate::timeml::AnnotatedTimex;
use serde::Serialize;

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Counts {
    pub gold: usize,
    pub system: usize,
    pub strict: usize,
    pub relaxed: usize,
    pub value_correct: usize,
    pub type_correct: usize,
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, other: Counts) {
        self.gold += other.gold;
        self.system += other.system;
        self.strict += other.strict;
        self.relaxed += other.relaxed;
        self.value_correct += other.value_correct;
        self.type_correct += other.type_correct;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// The measures TempEval-3 reports.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Scores {
    pub strict_p: f64,
    pub strict_r: f64,
    pub strict_f1: f64,
    pub relaxed_p: f64,
    pub relaxed_r: f64,
    pub relaxed_f1: f64,
    pub value_f1: f64,
    pub type_f1: f64,
}

impl Counts {
    pub fn scores(&self) -> Scores {
        let strict_p = ratio(self.strict, self.system);
        let strict_r = ratio(self.strict, self.gold);
        let relaxed_p = ratio(self.relaxed, self.system);
        let relaxed_r = ratio(self.relaxed, self.gold);
        let relaxed_f1 = f1(relaxed_p, relaxed_r);
        Scores {
            strict_p,
            strict_r,
            strict_f1: f1(strict_p, strict_r),
            relaxed_p,
            relaxed_r,
            relaxed_f1,
            value_f1: ratio(self.value_correct, self.relaxed) * relaxed_f1,
            type_f1: ratio(self.type_correct, self.relaxed) * relaxed_f1,
        }
    }
}

/// One difference between gold and system, for error analysis.
#[derive(Debug, Clone, Serialize)]
pub struct Difference {
    pub kind: &'static str,
    pub gold: Option<String>,
    pub system: Option<String>,
}

/// Map byte offsets of `text` to indices among its non-whitespace characters; an XML entity
/// (`&amp;`) counts as the one character it stands for, so escaped and unescaped copies of a
/// text line up.
fn compact_positions(text: &str) -> Vec<usize> {
    let mut map = vec![0; text.len() + 1];
    let mut count = 0;
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let Some(c) = rest.chars().next() else { break };
        let len = if c == '&' {
            rest[1..]
                .char_indices()
                .take(9)
                .find(|(_, ch)| !(ch.is_ascii_alphanumeric() || *ch == '#'))
                .filter(|(_, ch)| *ch == ';')
                .map_or(1, |(j, _)| j + 2)
        } else {
            c.len_utf8()
        };
        for slot in map.iter_mut().skip(i).take(len) {
            *slot = count;
        }
        if !c.is_whitespace() {
            count += 1;
        }
        i += len;
    }
    map[text.len()] = count;
    map
}

fn compact_span(map: &[usize], text: &str, t: &AnnotatedTimex) -> (usize, usize) {
    let piece = text.get(t.span.range()).unwrap_or("");
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    let start = map.get(t.span.start + lead).copied().unwrap_or(0);
    let end = map.get(t.span.end - trail).copied().unwrap_or(start);
    (start, end)
}

fn describe(text: &str, t: &AnnotatedTimex) -> String {
    let mut s = format!(
        "{:?} {} {}",
        text.get(t.span.range()).unwrap_or(""),
        t.kind,
        t.value
    );
    if let Some(m) = &t.modifier {
        s.push_str(&format!(" mod={m}"));
    }
    s
}

/// Score one document.
pub fn score(
    gold_text: &str,
    gold: &[AnnotatedTimex],
    system_text: &str,
    system: &[AnnotatedTimex],
) -> (Counts, Vec<Difference>) {
    let gold_map = compact_positions(gold_text);
    let system_map = compact_positions(system_text);
    let gold_spans: Vec<(usize, usize)> = gold
        .iter()
        .map(|t| compact_span(&gold_map, gold_text, t))
        .collect();
    let system_spans: Vec<(usize, usize)> = system
        .iter()
        .map(|t| compact_span(&system_map, system_text, t))
        .collect();
    let mut counts = Counts {
        gold: gold.len(),
        system: system.len(),
        ..Counts::default()
    };
    let mut differences = Vec::new();
    let mut used = vec![false; system.len()];
    for (gi, g) in gold.iter().enumerate() {
        let (gs, ge) = gold_spans[gi];
        let found = system_spans
            .iter()
            .enumerate()
            .find(|(si, (ss, se))| !used[*si] && *ss < ge && gs < *se);
        match found {
            Some((si, &(ss, se))) => {
                used[si] = true;
                counts.relaxed += 1;
                let s = &system[si];
                if (ss, se) == (gs, ge) {
                    counts.strict += 1;
                } else {
                    differences.push(Difference {
                        kind: "extent",
                        gold: Some(describe(gold_text, g)),
                        system: Some(describe(system_text, s)),
                    });
                }
                if s.value == g.value {
                    counts.value_correct += 1;
                } else {
                    differences.push(Difference {
                        kind: "value",
                        gold: Some(describe(gold_text, g)),
                        system: Some(describe(system_text, s)),
                    });
                }
                if s.kind == g.kind {
                    counts.type_correct += 1;
                }
            }
            None => differences.push(Difference {
                kind: "missed",
                gold: Some(describe(gold_text, g)),
                system: None,
            }),
        }
    }
    for (si, s) in system.iter().enumerate() {
        if !used[si] {
            differences.push(Difference {
                kind: "spurious",
                gold: None,
                system: Some(describe(system_text, s)),
            });
        }
    }
    (counts, differences)
}
