//! Scoring events and facts against gold annotations (`../shared/gold/README.md` format).
//!
//! An extracted event matches a gold one when the gold anchor is a substring of one of its
//! evidence sentences; pairs are made best first (same kind, then same actors, then same
//! date), each gold once and each evidence sentence of an event once — an event told twice
//! and merged may stand for two gold annotations of it. Recall counts matched gold events,
//! precision extracted events with at least one match; a fully correct pair also has the same
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
            serde_json::Value::Array(values) => values
                .iter()
                .map(|v| v.as_str().map(str::to_string))
                .collect(),
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

/// Parse JSON lines into records, naming the line of the first that does not parse.
fn parse_jsonl<T: serde::de::DeserializeOwned>(
    text: &str,
    input: &str,
) -> Result<Vec<T>, GoldError> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).map_err(|e| GoldError {
                input: input.into(),
                line: i + 1,
                message: e.to_string(),
            })
        })
        .collect()
}

pub fn parse_gold_events(text: &str, input: &str) -> Result<Vec<GoldEvent>, GoldError> {
    parse_jsonl(text, input)
}

pub fn parse_gold_facts(text: &str, input: &str) -> Result<Vec<serde_json::Value>, GoldError> {
    parse_jsonl(text, input)
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
    let precision = if system == 0 {
        0.0
    } else {
        hits as f64 / system as f64
    };
    let recall = if gold == 0 {
        0.0
    } else {
        hits as f64 / gold as f64
    };
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    Prf {
        precision,
        recall,
        f1,
    }
}

/// Precision and recall with their own numerators (an event may match two gold mentions).
fn prf_split(system_hits: usize, system: usize, gold_hits: usize, gold: usize) -> Prf {
    let p = prf(system_hits, system, gold);
    let r = prf(gold_hits, system, gold);
    let f1 = if p.precision + r.recall == 0.0 {
        0.0
    } else {
        2.0 * p.precision * r.recall / (p.precision + r.recall)
    };
    Prf {
        precision: p.precision,
        recall: r.recall,
        f1,
    }
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
    let mut evidence_of: Vec<usize> = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (si, s) in system.iter().enumerate() {
            let Some(evidence) = s
                .evidence
                .iter()
                .position(|e| e.sentence.contains(&g.anchor))
            else {
                continue;
            };
            let kind_ok = s.kind == g.kind;
            let actors_ok = sorted(&s.actors) == sorted(&g.actors);
            let when_ok = g.whens().contains(&s.when);
            let score = (kind_ok as u8) * 4 + (actors_ok as u8) * 2 + when_ok as u8;
            candidates.push((
                score,
                Pair {
                    gold: gi,
                    system: si,
                    kind_ok,
                    actors_ok,
                    when_ok,
                },
            ));
            evidence_of.push(evidence);
        }
    }
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by(|&a, &b| {
        let (sa, pa) = &candidates[a];
        let (sb, pb) = &candidates[b];
        sb.cmp(sa)
            .then(pa.gold.cmp(&pb.gold))
            .then(pa.system.cmp(&pb.system))
    });
    let mut gold_used = vec![false; gold.len()];
    let mut used_evidence: Vec<(usize, usize)> = Vec::new();
    let mut pairs = Vec::new();
    for index in order {
        let pair = &candidates[index].1;
        let key = (pair.system, evidence_of[index]);
        if !gold_used[pair.gold] && !used_evidence.contains(&key) {
            gold_used[pair.gold] = true;
            used_evidence.push(key);
            pairs.push(pair.clone());
        }
    }
    pairs.sort_by_key(|p| p.gold);
    let matched = pairs.len();
    let correct = pairs.iter().filter(|p| p.correct()).count();
    let matched_events = {
        let mut events: Vec<usize> = pairs.iter().map(|p| p.system).collect();
        events.sort();
        events.dedup();
        events.len()
    };
    let correct_events = {
        let mut events: Vec<usize> = pairs
            .iter()
            .filter(|p| p.correct())
            .map(|p| p.system)
            .collect();
        events.sort();
        events.dedup();
        events.len()
    };
    let rate = |n: usize| {
        if matched == 0 {
            0.0
        } else {
            n as f64 / matched as f64
        }
    };
    EventReport {
        gold: gold.len(),
        system: system.len(),
        detection: prf_split(matched_events, system.len(), matched, gold.len()),
        correct: prf_split(correct_events, system.len(), correct, gold.len()),
        kind_accuracy: rate(pairs.iter().filter(|p| p.kind_ok).count()),
        actors_accuracy: rate(pairs.iter().filter(|p| p.actors_ok).count()),
        when_accuracy: rate(pairs.iter().filter(|p| p.when_ok).count()),
        pairs,
    }
}

/// What scoring facts found.
#[derive(Debug, Clone, Default)]
pub struct FactScore {
    /// Gold facts found among the system's.
    pub found: usize,
    /// Gold facts not found.
    pub missed: Vec<serde_json::Value>,
    /// System facts that match no gold fact.
    pub extra: Vec<serde_json::Value>,
}

/// Gold facts found among `system` (field by field, as JSON: the system may say more, such as
/// a Wikidata id, than the gold asks for).
pub fn score_facts(gold: &[serde_json::Value], system: &[Fact]) -> FactScore {
    let system_values: Vec<serde_json::Value> = system
        .iter()
        .filter_map(|f| serde_json::to_value(f).ok())
        .collect();
    let matches = |g: &serde_json::Value, s: &serde_json::Value| {
        g.as_object().is_some_and(|fields| {
            fields.iter().all(|(k, v)| {
                let sv = &s[k];
                sv == v
                    || sv.as_u64().map(|n| n.to_string()) == v.as_str().map(str::to_string)
                    || v.as_u64().map(|n| n.to_string()) == sv.as_str().map(str::to_string)
            })
        })
    };
    let mut score = FactScore::default();
    for g in gold {
        if system_values.iter().any(|s| matches(g, s)) {
            score.found += 1;
        } else {
            score.missed.push(g.clone());
        }
    }
    score.extra = system_values
        .iter()
        .filter(|s| !gold.iter().any(|g| matches(g, s)))
        .cloned()
        .collect();
    score
}
