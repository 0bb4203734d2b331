//! Value templates: `{year:3}-{month:2}-{day:1}` filled from a match's groups.
//!
//! A call `{function:arg,arg}` takes group numbers or literals. Every table of `tables.txt` is
//! a function that looks its argument up; the functions below compute what a table cannot.
//! A group that did not take part in the match gives `""`, so `{mod:1}` with no qualifier
//! leaves the attribute out; a surface form a function cannot read drops the match.

use crate::resource::{table_key, Tables};
use regex::Captures;

#[derive(Debug, Clone)]
enum Arg {
    Group(usize),
    Literal(String),
}

#[derive(Debug, Clone)]
enum Part {
    Literal(String),
    Call { function: String, args: Vec<Arg> },
}

#[derive(Debug, Clone)]
pub struct Template {
    parts: Vec<Part>,
}

/// Functions implemented in code; tables are functions too.
const FUNCTIONS: &[&str] = &[
    "g",
    "year",
    "day",
    "pad",
    "ordinal",
    "number",
    "century",
    "bc",
    "bccentury",
    "yearstep",
    "yearchoice",
    "decadeword",
    "centurymod",
    "anchorword",
    "stepword",
    "quarter",
    "quarterstep",
    "half",
    "dayword",
    "calendar-unit-or-weekend",
    "weekendsuffix",
    "direction",
    "refstep",
    "weekdaydir",
    "clock",
    "noon",
    "oclock",
    "duration",
    "halfduration",
    "halfunit",
    "setunit",
    "quant",
    "pluralweekday",
    "times",
    "yearend",
    "shift",
    "partofdaydate",
    "recentref",
    "quarters",
    "fiscalstep",
    "spelledyear",
    "thousandyear",
];

/// Why a template could not be filled; the match is dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable;

impl Template {
    pub fn empty() -> Template {
        Template { parts: Vec::new() }
    }

    pub fn parse(text: &str, tables: &Tables) -> Result<Template, String> {
        let mut parts = Vec::new();
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            if open > 0 {
                parts.push(Part::Literal(rest[..open].to_string()));
            }
            let close = rest[open..]
                .find('}')
                .ok_or_else(|| format!("unclosed `{{` in `{text}`"))?
                + open;
            let call = &rest[open + 1..close];
            let (function, args) = call.split_once(':').unwrap_or((call, ""));
            if !FUNCTIONS.contains(&function) && !tables.contains_key(function) {
                return Err(format!("unknown function `{function}` in `{text}`"));
            }
            let args = args
                .split(',')
                .filter(|a| !a.is_empty())
                .map(|a| match a.parse::<usize>() {
                    Ok(g) => Arg::Group(g),
                    Err(_) => Arg::Literal(a.to_string()),
                })
                .collect();
            parts.push(Part::Call {
                function: function.to_string(),
                args,
            });
            rest = &rest[close + 1..];
        }
        if !rest.is_empty() {
            parts.push(Part::Literal(rest.to_string()));
        }
        Ok(Template { parts })
    }

    pub fn fill(&self, caps: &Captures, tables: &Tables) -> Result<String, Unreadable> {
        let mut out = String::new();
        for part in &self.parts {
            match part {
                Part::Literal(text) => out.push_str(text),
                Part::Call { function, args } => {
                    let values: Vec<Option<&str>> = args
                        .iter()
                        .map(|arg| match arg {
                            Arg::Group(g) => caps.get(*g).map(|m| m.as_str()),
                            Arg::Literal(text) => Some(text.as_str()),
                        })
                        .collect();
                    out.push_str(&call(function, &values, tables)?);
                }
            }
        }
        Ok(out)
    }
}

fn lookup<'t>(tables: &'t Tables, table: &str, surface: &str) -> Result<&'t str, Unreadable> {
    let map = tables.get(table).ok_or(Unreadable)?;
    let key = table_key(surface);
    map.get(&key)
        .or_else(|| map.get(key.trim_start_matches("the ")))
        .or_else(|| map.get(key.trim_end_matches('-')))
        .map(String::as_str)
        .ok_or(Unreadable)
}

/// A cardinal number from digits or words: "4", "four", "twenty-five", "a"; vague quantities
/// ("several", "a few") are `X`.
pub fn number(surface: &str, tables: &Tables) -> Result<String, Unreadable> {
    let key = table_key(surface);
    if key.chars().all(|c| c.is_ascii_digit() || c == '.') && !key.is_empty() {
        let trimmed = key.trim_start_matches('0');
        return Ok(if trimmed.is_empty() || trimmed.starts_with('.') {
            format!("0{trimmed}")
        } else {
            trimmed.to_string()
        });
    }
    if let Ok(value) = lookup(tables, "number", &key) {
        return Ok(value.to_string());
    }
    let mut total = 0u64;
    for word in key.split(['-', ' ']) {
        let value = lookup(tables, "number", word)?;
        total += value.parse::<u64>().map_err(|_| Unreadable)?;
    }
    Ok(total.to_string())
}

fn ordinal(surface: &str, tables: &Tables) -> Result<u32, Unreadable> {
    let key = table_key(surface);
    let digits: String = key.chars().take_while(|c| c.is_ascii_digit()).collect();
    if !digits.is_empty() {
        return digits.parse().map_err(|_| Unreadable);
    }
    lookup(tables, "ordinal", &key)?
        .parse()
        .map_err(|_| Unreadable)
}

fn pad(value: &str, width: usize) -> String {
    format!("{value:0>width$}")
}

fn step(word: &str) -> Result<&'static str, Unreadable> {
    let key = table_key(word);
    Ok(match key.trim_start_matches("the ") {
        "this" | "current" | "same" | "that" | "present" => "0",
        "last" | "past" | "previous" | "preceding" | "prior" | "latest" => "-1",
        "next" | "coming" | "following" | "subsequent" => "1",
        _ => return Err(Unreadable),
    })
}

fn call(function: &str, args: &[Option<&str>], tables: &Tables) -> Result<String, Unreadable> {
    let arg = |i: usize| args.get(i).copied().flatten();
    // A group that did not take part gives "", except for functions with a default.
    let first = match arg(0) {
        Some(first) => first,
        None if function == "weekdaydir" => "",
        None if function == "thousandyear" => return Ok("2000".into()),
        // "the morning of 19 April" has no year: the anchoring pass finds it.
        None if function == "partofdaydate" => {
            let month = lookup(tables, "month", arg(1).ok_or(Unreadable)?)?;
            let day = pad(
                table_key(arg(2).ok_or(Unreadable)?).trim_end_matches(|c: char| c.is_alphabetic()),
                2,
            );
            return Ok(format!("@in(speech,near,{month}-{day})+"));
        }
        None => return Ok(String::new()),
    };
    let key = table_key(first);
    Ok(match function {
        "g" => first.to_string(),
        "year" => pad(&key, 4),
        "day" => pad(key.trim_end_matches(|c: char| c.is_alphabetic()), 2),
        "pad" => pad(&key, 2),
        "recentref" => {
            if key.starts_with("as soon") {
                "FUTURE_REF".into()
            } else {
                "PAST_REF".into()
            }
        }
        "quarters" => match number(first, tables)?.as_str() {
            "X" => "PXQ".into(),
            n => format!("P{}M", n.parse::<u64>().map_err(|_| Unreadable)? * 3),
        },
        "fiscalstep" => match key.as_str() {
            "previous" | "last" => "-1".into(),
            "next" | "coming" => "1".into(),
            _ => "0".into(),
        },
        "spelledyear" => {
            let century = number(first, tables)?;
            let rest = number(arg(1).ok_or(Unreadable)?, tables)?;
            format!("{century}{}", pad(&rest, 2))
        }
        "partofdaydate" => {
            let month = lookup(tables, "month", arg(1).ok_or(Unreadable)?)?;
            let day = pad(
                table_key(arg(2).ok_or(Unreadable)?).trim_end_matches(|c: char| c.is_alphabetic()),
                2,
            );
            format!("{}-{month}-{day}", pad(&key, 4))
        }
        "yearend" => {
            let century = key.get(..2).ok_or(Unreadable)?;
            let end = format!("{century}{}", table_key(arg(1).ok_or(Unreadable)?));
            if end <= key {
                return Err(Unreadable);
            }
            end
        }
        "ordinal" => pad(&ordinal(first, tables)?.to_string(), 2),
        "number" => number(first, tables)?,
        "century" => pad(
            &(ordinal(first, tables)?.checked_sub(1).ok_or(Unreadable)?).to_string(),
            2,
        ),
        "bc" => format!("BC{}", pad(&key, 4)),
        "bccentury" => format!(
            "BC{}",
            pad(
                &(ordinal(first, tables)?.checked_sub(1).ok_or(Unreadable)?).to_string(),
                2
            )
        ),
        "yearstep" | "refstep" => step(first)?.to_string(),
        "stepword" => step(first)?.to_string(),
        "yearchoice" => match key.as_str() {
            "last" | "past" | "previous" | "preceding" => "last".into(),
            "next" | "coming" | "following" => "next".into(),
            _ => "0".into(),
        },
        "decadeword" => match key.as_str() {
            "twenties" => "2",
            "thirties" => "3",
            "forties" => "4",
            "fifties" => "5",
            "sixties" => "6",
            "seventies" => "7",
            "eighties" => "8",
            "nineties" => "9",
            _ => return Err(Unreadable),
        }
        .into(),
        "centurymod" => {
            let k = key.as_str();
            if k.starts_with("beginning")
                || k.starts_with("start")
                || k.starts_with("dawn")
                || k.starts_with("first")
                || k.starts_with("early")
            {
                "START".into()
            } else if k.starts_with("middle") {
                "MID".into()
            } else {
                "END".into()
            }
        }
        "anchorword" => match key.trim_start_matches("the ") {
            "this" | "last" | "next" | "yesterday" | "tomorrow" | "current" | "coming" | "past" => {
                "speech".into()
            }
            _ => "ref".into(),
        },
        "quarter" => match key.as_str() {
            "first" | "1st" => "Q1",
            "second" | "2nd" => "Q2",
            "third" | "3rd" => "Q3",
            "fourth" | "4th" | "final" | "last" => "Q4",
            _ => return Err(Unreadable),
        }
        .into(),
        // News reports a quarter once it is over: "the quarter", "the latest quarter" is the
        // last complete one, and the year-ago quarter is four before that.
        "quarterstep" => match key.as_str() {
            "year-earlier" | "year-ago" => "-5".into(),
            "latest" | "quarter" => "-1".into(),
            _ => step(first)?.to_string(),
        },
        "half" => match key.as_str() {
            "first" => "H1".into(),
            "second" | "last" | "latter" => "H2".into(),
            _ => return Err(Unreadable),
        },
        "dayword" => match key.as_str() {
            "today" | "this" | "that" | "tonight" => "0",
            "yesterday" | "last" => "-1",
            "tomorrow" => "1",
            "the day before yesterday" => "-2",
            "the day after tomorrow" => "2",
            _ => return Err(Unreadable),
        }
        .into(),
        "calendar-unit-or-weekend" => {
            if key == "weekend" {
                "week".into()
            } else {
                lookup(tables, "calendar-unit", &key)?.to_string()
            }
        }
        "weekendsuffix" => {
            if key == "weekend" {
                "+-WE".into()
            } else {
                String::new()
            }
        }
        "shift" => {
            // "a decade later" moves by ten years, not to the next decade.
            let count = number(first, tables)?;
            let count: i64 = count.parse().map_err(|_| Unreadable)?;
            let unit = lookup(tables, "calendar-unit", arg(1).ok_or(Unreadable)?)?;
            let (unit, factor) = match unit {
                "year" => ("yearq", 1),
                "decade" => ("year", 10),
                "century" => ("year", 100),
                other => (other, 1),
            };
            let sign = match table_key(arg(2).ok_or(Unreadable)?).as_str() {
                "later" | "after" | "afterwards" | "afterward" | "on" => 1,
                _ => -1,
            };
            format!("{unit},{}", sign * count * factor)
        }
        "direction" => match key.as_str() {
            "later" | "after" | "afterwards" | "afterward" | "on" => "".into(),
            _ => "-".into(),
        },
        "weekdaydir" => match key.as_str() {
            "last" | "past" => "-1".into(),
            "next" | "coming" => "1".into(),
            _ => "0".into(),
        },
        "clock" => {
            let (hour, minute) = match key.split_once(':') {
                Some((h, m)) => (h.parse::<u32>().map_err(|_| Unreadable)?, m.to_string()),
                None => (
                    key.parse::<u32>().map_err(|_| Unreadable)?,
                    "00".to_string(),
                ),
            };
            let pm = arg(1).is_some_and(|a| a.to_lowercase().starts_with('p'));
            let hour = match (hour, pm) {
                (12, false) => 0,
                (12, true) => 12,
                (h, true) if h < 12 => h + 12,
                (h, _) if h < 24 => h,
                _ => return Err(Unreadable),
            };
            format!("T{hour:02}:{minute}")
        }
        "noon" => match key.as_str() {
            "midnight" => "24:00".into(),
            _ => "12:00".into(),
        },
        "oclock" => {
            let hour: u32 = number(first, tables)?.parse().map_err(|_| Unreadable)?;
            let later = arg(1).is_some_and(|a| {
                let a = a.to_lowercase();
                a.contains("afternoon") || a.contains("evening")
            });
            let hour = if later && hour < 12 { hour + 12 } else { hour };
            format!("T{hour:02}:00")
        }
        "duration" => {
            let count = if first == "X" {
                "X".to_string()
            } else {
                number(first, tables)?
            };
            let unit_surface = arg(1).ok_or(Unreadable)?;
            let unit = lookup(tables, "unit", unit_surface)?;
            duration(&count, unit)?
        }
        "halfduration" => {
            let Some(unit_surface) = arg(1) else {
                return Ok(String::new());
            };
            let count: f64 = number(first, tables)?.parse().map_err(|_| Unreadable)?;
            let unit = lookup(tables, "unit", unit_surface)?;
            duration(&format!("{}", count + 0.5), unit)?
        }
        "thousandyear" => format!("20{}", pad(&number(first, tables)?, 2)),
        "halfunit" => match key.as_str() {
            "hour" => "PT30M",
            "day" => "PT12H",
            "year" => "P6M",
            "decade" => "P5Y",
            "century" => "P50Y",
            _ => return Err(Unreadable),
        }
        .into(),
        "setunit" if lookup(tables, "month", &key).is_ok() => {
            format!("XXXX-{}", lookup(tables, "month", &key)?)
        }
        "setunit" => match key.as_str() {
            "day" => "P1D",
            "week" => "P1W",
            "month" => "P1M",
            "quarter" => "P3M",
            "year" => "P1Y",
            "decade" => "P10Y",
            "morning" => "XXXX-XX-XXTMO",
            "afternoon" => "XXXX-XX-XXTAF",
            "evening" => "XXXX-XX-XXTEV",
            "night" => "XXXX-XX-XXTNI",
            "weekend" => "XXXX-WXX-WE",
            "summer" => "XXXX-SU",
            "winter" => "XXXX-WI",
            "spring" => "XXXX-SP",
            "autumn" | "fall" => "XXXX-FA",
            "annum" => "P1Y",
            "hour" => "PT1H",
            _ => return Err(Unreadable),
        }
        .into(),
        "quant" => key.to_uppercase(),
        "pluralweekday" => lookup(tables, "weekday", key.trim_end_matches('s'))?.to_string(),
        "times" => match key.as_str() {
            "once" => "1X".into(),
            "twice" => "2X".into(),
            "thrice" => "3X".into(),
            other => format!(
                "{}X",
                number(other.trim_end_matches("times").trim(), tables)?
            ),
        },
        table => lookup(tables, table, first)?.to_string(),
    })
}

/// `count` units as a TimeML duration: `P3Y`, `PT5H`, `PXY`, `P2DE`.
fn duration(count: &str, unit: &str) -> Result<String, Unreadable> {
    let (time, letter) = match unit.strip_prefix('T') {
        Some(letter) => (true, letter),
        None => (false, unit),
    };
    let (count, letter) = match letter {
        "2W" if count == "X" => ("X".to_string(), "W"),
        "2W" => (
            format!("{}", count.parse::<f64>().map_err(|_| Unreadable)? * 2.0),
            "W",
        ),
        "S" if !time => return Err(Unreadable),
        other => (count.to_string(), other),
    };
    Ok(format!(
        "P{}{count}{}",
        if time { "T" } else { "" },
        if time {
            letter.trim_start_matches('T')
        } else {
            letter
        }
    ))
}
