//! Scoring events and facts against gold annotations (`../shared/gold/README.md` format).
//!
//! An extracted event matches a gold one when the gold anchor is a substring of one of its
//! evidence sentences; pairs are made one to one, best first (same kind, then same actors,
//! then same date). Detection counts matched pairs; a fully correct pair also has the same
//! kind, the same set of actors and the same `when` (any of the gold's readings).

use crate::{Event, Fact};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Deserialize)]
pub struct GoldEvent {
    pub id: String,
    #[serde(default)]
    pub when: serde_json::Value,
    pub kind: String,
    pub actors: Vec<String>,
    pub anchor: String,
    #[serde(default)]
    pub summary: String,
}

impl GoldEvent {
    /// The readings of `when` the gold allows (`None` for "no date").
    pub fn whens(&self) -> Vec<Option<String>> {
        match &self.when {
            serde_json::Value::Array(values) => values.iter().map(|v| v.as_str().map(str::to_string)).collect(),
            serde_json::Value::String(s) => vec![Some(s.clone())],
            _ => vec![None],
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[error("{input}:{line}: {message}")]
pub struct GoldError {
    pub input: String,
    pub line: usize,
    pub message: String,
}

pub fn parse_gold_events(text: &str, input: &str) -> Result<Vec<GoldEvent>, GoldError> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| serde_json::from_str(l).map_err(|e| GoldError { input: input.into(), line: i + 1, message: e.to_string() }))
        .collect()
}

pub fn parse_gold_facts(text: &str, input: &str) -> Result<Vec<serde_json::Value>, GoldError> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| serde_json::from_str(l).map_err(|e| GoldError { input: input.into(), line: i + 1, message: e.to_string() }))
        .collect()
}

fn sorted(actors: &[String]) -> Vec<String> {
    let mut a = actors.to_vec();
    a.sort();
    a.dedup();
    a
}

#[derive(Debug, Clone, Serialize)]
pub struct Pair {
    pub gold: usize,
    pub system: usize,
    pub kind_ok: bool,
    pub actors_ok: bool,
    pub when_ok: bool,
}

impl Pair {
    pub fn correct(&self) -> bool {
        self.kind_ok && self.actors_ok && self.when_ok
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

fn prf(hits: usize, system: usize, gold: usize) -> Prf {
    let precision = if system == 0 { 0.0 } else { hits as f64 / system as f64 };
    let recall = if gold == 0 { 0.0 } else { hits as f64 / gold as f64 };
    let f1 = if precision + recall == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) };
    Prf { precision, recall, f1 }
}

#[derive(Debug, Clone, Serialize)]
pub struct EventReport {
    pub gold: usize,
    pub system: usize,
    pub pairs: Vec<Pair>,
    pub detection: Prf,
    pub correct: Prf,
    pub kind_accuracy: f64,
    pub actors_accuracy: f64,
    pub when_accuracy: f64,
}

/// Score the factual events of `system` against `gold`.
pub fn score_events(gold: &[GoldEvent], system: &[Event]) -> EventReport {
    let mut candidates: Vec<(u8, Pair)> = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (si, s) in system.iter().enumerate() {
            if !s.evidence.iter().any(|e| e.sentence.contains(&g.anchor)) {
                continue;
            }
            let kind_ok = s.kind == g.kind;
            let actors_ok = sorted(&s.actors) == sorted(&g.actors);
            let when_ok = g.whens().contains(&s.when);
            let score = (kind_ok as u8) * 4 + (actors_ok as u8) * 2 + when_ok as u8;
            candidates.push((score, Pair { gold: gi, system: si, kind_ok, actors_ok, when_ok }));
        }
    }
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.gold.cmp(&b.1.gold)).then(a.1.system.cmp(&b.1.system)));
    let mut gold_used = vec![false; gold.len()];
    let mut system_used = vec![false; system.len()];
    let mut pairs = Vec::new();
    for (_, pair) in candidates {
        if !gold_used[pair.gold] && !system_used[pair.system] {
            gold_used[pair.gold] = true;
            system_used[pair.system] = true;
            pairs.push(pair);
        }
    }
    pairs.sort_by_key(|p| p.gold);
    let matched = pairs.len();
    let correct = pairs.iter().filter(|p| p.correct()).count();
    let rate = |n: usize| if matched == 0 { 0.0 } else { n as f64 / matched as f64 };
    EventReport {
        gold: gold.len(),
        system: system.len(),
        detection: prf(matched, system.len(), gold.len()),
        correct: prf(correct, system.len(), gold.len()),
        kind_accuracy: rate(pairs.iter().filter(|p| p.kind_ok).count()),
        actors_accuracy: rate(pairs.iter().filter(|p| p.actors_ok).count()),
        when_accuracy: rate(pairs.iter().filter(|p| p.when_ok).count()),
        pairs,
    }
}

/// Gold facts found among `system` (field by field, as JSON).
pub fn score_facts(gold: &[serde_json::Value], system: &[Fact]) -> (usize, Vec<serde_json::Value>) {
    let system_values: Vec<serde_json::Value> = system.iter().filter_map(|f| serde_json::to_value(f).ok()).collect();
    let mut missed = Vec::new();
    let mut found = 0;
    for g in gold {
        let hit = system_values.iter().any(|s| {
            g.as_object().is_some_and(|fields| {
                fields.iter().all(|(k, v)| {
                    let sv = &s[k];
                    sv == v || sv.as_u64().map(|n| n.to_string()) == v.as_str().map(str::to_string) || v.as_u64().map(|n| n.to_string()) == sv.as_str().map(str::to_string)
                })
            })
        });
        if hit {
            found += 1;
        } else {
            missed.push(g.clone());
        }
    }
    (found, missed)
}
