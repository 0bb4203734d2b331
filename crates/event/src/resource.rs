//! The event resources: kinds with their codes, triggers, suppressions and fact patterns.

use regex::Regex;
use std::collections::HashMap;

const KINDS: &str = include_str!("../resources/kinds.tsv");
const TRIGGERS: &str = include_str!("../resources/triggers.tsv");
const SUPPRESS: &str = include_str!("../resources/suppress.tsv");
const FACTS: &str = include_str!("../resources/facts.tsv");

#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct ResourceError {
    pub file: &'static str,
    pub line: usize,
    pub message: String,
}

/// An event kind with its interchange codes.
#[derive(Debug, Clone, serde::Serialize)]
pub struct KindInfo {
    pub kind: String,
    pub plover: Option<String>,
    pub cameo: Option<String>,
    pub goldstein: f64,
    /// cooperation, conflict or neutral.
    pub polarity_class: String,
}

#[derive(Debug)]
pub struct Trigger {
    pub kind: String,
    pub regex: Regex,
    pub weak: bool,
    pub unilateral: bool,
    pub respectively: bool,
}

#[derive(Debug)]
pub struct FactPattern {
    pub fact: String,
    pub regex: Regex,
}

#[derive(Debug)]
pub struct Resources {
    pub kinds: HashMap<String, KindInfo>,
    pub triggers: Vec<Trigger>,
    /// Which paragraphs each trigger can match in (see `dyad-prefilter`).
    pub trigger_gates: dyad_prefilter::Gates,
    /// (stronger, weaker) kind pairs.
    pub suppress: Vec<(String, String)>,
    pub facts: Vec<FactPattern>,
}

fn lines(source: &str) -> impl Iterator<Item = (usize, &str)> {
    source
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l))
}

impl Resources {
    pub fn load() -> Result<Resources, ResourceError> {
        let mut kinds = HashMap::new();
        for (line, text) in lines(KINDS) {
            let f: Vec<&str> = text.split('\t').collect();
            let field = |i: usize| {
                f.get(i)
                    .map(|s| s.trim())
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
            };
            let kind = field(0).ok_or(ResourceError {
                file: "kinds.tsv",
                line,
                message: "no kind".into(),
            })?;
            let goldstein = field(3).and_then(|g| g.parse().ok()).unwrap_or(0.0);
            kinds.insert(
                kind.clone(),
                KindInfo {
                    kind,
                    plover: field(1),
                    cameo: field(2),
                    goldstein,
                    polarity_class: field(4).unwrap_or_else(|| "neutral".into()),
                },
            );
        }
        let mut triggers = Vec::new();
        for (line, text) in lines(TRIGGERS) {
            let f: Vec<&str> = text.splitn(3, '\t').collect();
            let [kind, options, pattern] = f.as_slice() else {
                return Err(ResourceError {
                    file: "triggers.tsv",
                    line,
                    message: "expected kind, options, regex".into(),
                });
            };
            if !kinds.contains_key(*kind) {
                return Err(ResourceError {
                    file: "triggers.tsv",
                    line,
                    message: format!("unknown kind `{kind}`"),
                });
            }
            let regex =
                regex::RegexBuilder::new(&format!("(?i){}", pattern.replace(r"\b", r"(?-u:\b)")))
                    .build()
                    .map_err(|e| ResourceError {
                        file: "triggers.tsv",
                        line,
                        message: e.to_string(),
                    })?;
            triggers.push(Trigger {
                kind: kind.to_string(),
                regex,
                weak: options.contains("weak"),
                unilateral: options.contains("unilateral"),
                respectively: options.contains("respectively"),
            });
        }
        let mut suppress = Vec::new();
        for (line, text) in lines(SUPPRESS) {
            let (stronger, weaker) = text.split_once('\t').ok_or(ResourceError {
                file: "suppress.tsv",
                line,
                message: "expected two kinds".into(),
            })?;
            for kind in [stronger, weaker] {
                if !kinds.contains_key(kind.trim()) {
                    return Err(ResourceError {
                        file: "suppress.tsv",
                        line,
                        message: format!("unknown kind `{kind}`"),
                    });
                }
            }
            suppress.push((stronger.trim().to_string(), weaker.trim().to_string()));
        }
        let mut facts = Vec::new();
        for (line, text) in lines(FACTS) {
            let (fact, pattern) = text.split_once('\t').ok_or(ResourceError {
                file: "facts.tsv",
                line,
                message: "expected fact, regex".into(),
            })?;
            let regex = Regex::new(pattern).map_err(|e| ResourceError {
                file: "facts.tsv",
                line,
                message: e.to_string(),
            })?;
            facts.push(FactPattern {
                fact: fact.to_string(),
                regex,
            });
        }
        let trigger_gates = dyad_prefilter::Gates::new(triggers.iter().map(|t| t.regex.as_str()));
        Ok(Resources {
            kinds,
            trigger_gates,
            triggers,
            suppress,
            facts,
        })
    }
}
