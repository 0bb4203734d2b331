//! Loading the language resources: tables, pattern pieces and rules (see `resources/`).
//!
//! The files are compiled into the binary with `include_str!`, and parsed and checked once when
//! a [`crate::Tagger`] is built; a mistake in them is a [`ResourceError`] naming file and line.

use crate::template::Template;
use foldhash::HashMap;
use regex::Regex;

pub const TABLES: &str = include_str!("../resources/tables.txt");
pub const PATTERNS: &str = include_str!("../resources/patterns.txt");
pub const RULES: &str = include_str!("../resources/rules.txt");

#[derive(Debug, thiserror::Error)]
pub enum ResourceError {
    #[error("{file}:{line}: {message}")]
    Syntax {
        file: &'static str,
        line: usize,
        message: String,
    },
    #[error("{file}:{line}: rule `{rule}`: bad regex: {source}")]
    Regex {
        file: &'static str,
        line: usize,
        rule: String,
        #[source]
        source: Box<regex::Error>,
    },
}

/// Normalisation tables: table name → (surface form → value).
pub type Tables = HashMap<String, HashMap<String, String>>;

/// Normalise a surface form for table lookup: lower case, single spaces, no trailing dot.
pub fn table_key(surface: &str) -> String {
    // (Built in one buffer: every template fill asks for keys.)
    let mut key = String::with_capacity(surface.len());
    for word in surface.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(word.chars().flat_map(char::to_lowercase));
    }
    key.truncate(key.trim_end_matches('.').len());
    key
}

pub fn parse_tables(source: &str) -> Result<Tables, ResourceError> {
    let mut tables: Tables = HashMap::default();
    let mut current: Option<String> = None;
    for (index, line) in source.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = Some(name.to_string());
            tables.entry(name.to_string()).or_default();
            continue;
        }
        let syntax = |message: &str| ResourceError::Syntax {
            file: "tables.txt",
            line: index + 1,
            message: message.to_string(),
        };
        let table = current
            .as_ref()
            .ok_or_else(|| syntax("entry before any [table]"))?;
        let (key, value) = line
            .rsplit_once(char::is_whitespace)
            .ok_or_else(|| syntax("expected `surface value`"))?;
        if let Some(map) = tables.get_mut(table) {
            map.insert(table_key(key), value.trim().to_string());
        }
    }
    Ok(tables)
}

/// Pattern pieces with every `@name` and `table:` reference expanded.
pub fn parse_patterns(
    source: &str,
    tables: &Tables,
) -> Result<HashMap<String, String>, ResourceError> {
    let mut pieces: HashMap<String, String> = HashMap::default();
    for (index, line) in source.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let syntax = |message: String| ResourceError::Syntax {
            file: "patterns.txt",
            line: index + 1,
            message,
        };
        let (name, body) = line
            .split_once(" = ")
            .ok_or_else(|| syntax("expected `@name = pattern`".into()))?;
        let name = name
            .trim()
            .strip_prefix('@')
            .ok_or_else(|| syntax("a piece's name starts with @".into()))?;
        let alternatives: Vec<String> = body
            .split('|')
            .map(|alt| {
                let alt = alt.trim();
                match alt.strip_prefix("table:") {
                    Some(spec) => table_alternation(spec, tables).map_err(&syntax),
                    None => Ok(alt.to_string()),
                }
            })
            .collect::<Result<_, _>>()?;
        let expanded = expand_pieces(&alternatives.join("|"), &pieces).map_err(&syntax)?;
        pieces.insert(name.to_string(), expanded);
    }
    Ok(pieces)
}

/// `month` or `month capitalised` → a regex alternation of the table's keys, longest first.
fn table_alternation(spec: &str, tables: &Tables) -> Result<String, String> {
    let mut words = spec.split_whitespace();
    let name = words.next().unwrap_or("");
    let capitalised = words.next() == Some("capitalised");
    let table = tables
        .get(name)
        .ok_or_else(|| format!("unknown table `{name}`"))?;
    let mut keys: Vec<&String> = table.keys().collect();
    keys.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    let alternatives: Vec<String> = keys
        .iter()
        .map(|key| {
            let escaped = regex::escape(key).replace(' ', r"\s+");
            if capitalised {
                let mut chars = escaped.chars();
                match chars.next() {
                    Some(first) => first.to_uppercase().chain(chars).collect(),
                    None => String::new(),
                }
            } else {
                escaped
            }
        })
        .collect();
    let flags = if capitalised { "-i" } else { "i" };
    Ok(format!("(?{flags}:{})", alternatives.join("|")))
}

/// Replace each `@name` by `(?:piece)`.
pub fn expand_pieces(pattern: &str, pieces: &HashMap<String, String>) -> Result<String, String> {
    let mut out = String::with_capacity(pattern.len() * 2);
    let mut rest = pattern;
    while let Some(at) = rest.find('@') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let name_len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        let name = &after[..name_len];
        if name.is_empty() {
            out.push('@');
        } else {
            let piece = pieces
                .get(name)
                .ok_or_else(|| format!("unknown pattern piece `@{name}`"))?;
            out.push_str("(?:");
            out.push_str(piece);
            out.push(')');
        }
        rest = &after[name_len..];
    }
    out.push_str(rest);
    Ok(out)
}

/// What a rule produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum TimexType {
    #[serde(rename = "DATE")]
    Date,
    #[serde(rename = "TIME")]
    Time,
    #[serde(rename = "DURATION")]
    Duration,
    #[serde(rename = "SET")]
    Set,
}

impl TimexType {
    pub fn as_str(&self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

#[derive(Debug)]
pub struct Rule {
    pub name: String,
    /// `None` for guards.
    pub kind: Option<TimexType>,
    pub regex: Regex,
    pub value: Template,
    pub modifier: Option<Template>,
    pub quant: Option<Template>,
    pub freq: Option<Template>,
    pub span_group: usize,
    pub end: Option<(usize, Template, Option<Template>)>,
    pub unless_after: Option<Regex>,
    /// Must not match the words right before the match (anchored with `$`).
    pub unless_before: Option<Regex>,
    /// Line of the `rule` field, for messages.
    pub line: usize,
}

/// Make `\b` an ASCII word boundary: the Unicode one stops the fast regex engines on non-ASCII
/// text, and English temporal expressions are ASCII.
fn ascii_boundaries(pattern: &str) -> String {
    pattern.replace(r"\b", r"(?-u:\b)")
}

pub fn parse_rules(
    source: &str,
    pieces: &HashMap<String, String>,
    tables: &Tables,
) -> Result<Vec<Rule>, ResourceError> {
    let mut rules = Vec::new();
    let mut block: Vec<(usize, &str, &str)> = Vec::new();
    let mut lines = source.lines().enumerate().peekable();
    loop {
        let next = lines.next();
        let line = next.map(|(_, l)| l.trim());
        if line.is_none_or(str::is_empty) {
            if !block.is_empty() {
                rules.push(build_rule(&block, pieces, tables)?);
                block.clear();
            }
            if next.is_none() {
                break;
            }
            continue;
        }
        let (index, raw) = next.unwrap_or((0, ""));
        let raw = raw.trim();
        if raw.starts_with('#') {
            continue;
        }
        let (field, value) = raw.split_once(char::is_whitespace).unwrap_or((raw, ""));
        block.push((index + 1, field, value.trim()));
    }
    Ok(rules)
}

fn build_rule(
    block: &[(usize, &str, &str)],
    pieces: &HashMap<String, String>,
    tables: &Tables,
) -> Result<Rule, ResourceError> {
    let first_line = block.first().map_or(0, |b| b.0);
    let field = |name: &str| {
        block
            .iter()
            .find(|(_, f, _)| *f == name)
            .map(|(_, _, v)| *v)
    };
    let syntax = |line: usize, message: String| ResourceError::Syntax {
        file: "rules.txt",
        line,
        message,
    };
    for (line, name, _) in block {
        if !matches!(
            *name,
            "rule"
                | "type"
                | "match"
                | "value"
                | "mod"
                | "quant"
                | "freq"
                | "span"
                | "end-span"
                | "end-value"
                | "end-mod"
                | "unless-after"
                | "unless-before"
        ) {
            return Err(syntax(*line, format!("unknown field `{name}`")));
        }
    }
    let name =
        field("rule").ok_or_else(|| syntax(first_line, "a rule needs a `rule` name".into()))?;
    let kind = match field("type") {
        Some("DATE") => Some(TimexType::Date),
        Some("TIME") => Some(TimexType::Time),
        Some("DURATION") => Some(TimexType::Duration),
        Some("SET") => Some(TimexType::Set),
        Some("NONE") => None,
        other => {
            return Err(syntax(
                first_line,
                format!("rule `{name}`: bad type {other:?}"),
            ))
        }
    };
    let pattern = field("match")
        .ok_or_else(|| syntax(first_line, format!("rule `{name}` has no `match`")))?;
    let expanded = expand_pieces(pattern, pieces).map_err(|m| syntax(first_line, m))?;
    let compile = |pattern: &str| {
        regex::RegexBuilder::new(&format!("(?i){}", ascii_boundaries(pattern)))
            .size_limit(1 << 24)
            .build()
            .map_err(|source| ResourceError::Regex {
                file: "rules.txt",
                line: first_line,
                rule: name.to_string(),
                source: Box::new(source),
            })
    };
    let regex = compile(&expanded)?;
    let template = |text: &str| {
        Template::parse(text, tables).map_err(|m| syntax(first_line, format!("rule `{name}`: {m}")))
    };
    let optional = |field_name: &str| field(field_name).map(&template).transpose();
    let value = match (kind, field("value")) {
        (None, _) => Template::empty(),
        (Some(_), Some(v)) => template(v)?,
        (Some(_), None) => return Err(syntax(first_line, format!("rule `{name}` has no `value`"))),
    };
    let group = |field_name: &str| -> Result<Option<usize>, ResourceError> {
        field(field_name)
            .map(|g| {
                g.parse::<usize>().map_err(|_| {
                    syntax(
                        first_line,
                        format!("rule `{name}`: `{field_name}` is a group number"),
                    )
                })
            })
            .transpose()
    };
    let span_group = group("span")?.unwrap_or(0);
    let end = match group("end-span")? {
        Some(g) => {
            let end_value = field("end-value").ok_or_else(|| {
                syntax(
                    first_line,
                    format!("rule `{name}`: end-span without end-value"),
                )
            })?;
            Some((g, template(end_value)?, optional("end-mod")?))
        }
        None => None,
    };
    for g in std::iter::once(span_group).chain(end.as_ref().map(|e| e.0)) {
        if g >= regex.captures_len() {
            return Err(syntax(first_line, format!("rule `{name}`: no group {g}")));
        }
    }
    let unless = |field_name: &str| -> Result<Option<Regex>, ResourceError> {
        field(field_name)
            .map(|pattern| {
                let expanded = expand_pieces(pattern, pieces).map_err(|m| syntax(first_line, m))?;
                compile(&expanded)
            })
            .transpose()
    };
    let unless_after = unless("unless-after")?;
    let unless_before = unless("unless-before")?;
    Ok(Rule {
        name: name.to_string(),
        kind,
        regex,
        value,
        modifier: optional("mod")?,
        quant: optional("quant")?,
        freq: optional("freq")?,
        span_group,
        end,
        unless_after,
        unless_before,
        line: first_line,
    })
}
