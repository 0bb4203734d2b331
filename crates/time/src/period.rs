//! Named periods and eras ("the Meiji era", "World War II") with their spans, from
//! `resources/periods.tsv`. Matched with one Aho–Corasick automaton over all names.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use dyad_read::Span;
use serde::Serialize;

pub const PERIODS: &str = include_str!("../resources/periods.tsv");

/// A period named in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PeriodMention {
    pub span: Span,
    /// The first name of the period in the resource file.
    pub name: String,
    pub start: Option<i64>,
    pub end: Option<i64>,
}

impl PeriodMention {
    /// The period as a TimeML interval value, e.g. `1939/1945`.
    pub fn interval(&self) -> Option<String> {
        match (self.start, self.end) {
            (Some(s), Some(e)) if s == e => Some(format!("{s:04}")),
            (Some(s), Some(e)) => Some(format!("{s:04}/{e:04}")),
            _ => None,
        }
    }
}

#[derive(Debug)]
struct Period {
    name: String,
    start: Option<i64>,
    end: Option<i64>,
}

#[derive(Debug)]
pub struct PeriodGazetteer {
    automaton: AhoCorasick,
    /// Pattern index → period index.
    owners: Vec<usize>,
    periods: Vec<Period>,
}

impl PeriodGazetteer {
    pub fn parse(source: &str) -> Result<PeriodGazetteer, String> {
        let mut names = Vec::new();
        let mut owners = Vec::new();
        let mut periods = Vec::new();
        for (index, line) in source.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            if fields.len() < 4 {
                return Err(format!(
                    "periods.tsv:{}: expected names, start, end, source",
                    index + 1
                ));
            }
            let year = |f: &str| -> Result<Option<i64>, String> {
                if f.trim().is_empty() {
                    Ok(None)
                } else {
                    f.trim()
                        .parse()
                        .map(Some)
                        .map_err(|_| format!("periods.tsv:{}: bad year `{f}`", index + 1))
                }
            };
            let variants: Vec<&str> = fields[0].split('|').map(str::trim).collect();
            for variant in &variants {
                names.push(variant.trim_start_matches("the ").to_string());
                owners.push(periods.len());
            }
            periods.push(Period {
                name: variants.first().copied().unwrap_or("").to_string(),
                start: year(fields[1])?,
                end: year(fields[2])?,
            });
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            // A few hundred names: a full DFA is small and scans several times faster than
            // the default NFA with case folding.
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&names)
            .map_err(|e| e.to_string())?;
        Ok(PeriodGazetteer {
            automaton,
            owners,
            periods,
        })
    }

    /// Every period named in `text`, at word boundaries.
    pub fn find(&self, text: &str) -> Vec<PeriodMention> {
        let bytes = text.as_bytes();
        let is_word = |b: u8| b.is_ascii_alphanumeric();
        self.automaton
            .find_iter(text)
            .filter(|m| {
                let before = m.start().checked_sub(1).map(|i| bytes[i]);
                let after = bytes.get(m.end()).copied();
                !before.is_some_and(is_word) && !after.is_some_and(is_word)
            })
            // "the Grand Ethiopian Renaissance Dam": a period's name inside a longer name
            // (a capitalised word on both sides) names something else.
            .filter(|m| {
                let word_before = text[..m.start()].trim_end_matches(' ');
                let capital_before = m.start() > word_before.len()
                    && word_before
                        .rsplit(' ')
                        .next()
                        .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()) && w.len() > 1);
                let capital_after = text[m.end()..]
                    .strip_prefix(' ')
                    .is_some_and(|rest| rest.starts_with(|c: char| c.is_uppercase()));
                !(capital_before && capital_after)
            })
            .filter_map(|m| {
                let period = self
                    .owners
                    .get(m.pattern().as_usize())
                    .and_then(|&i| self.periods.get(i))?;
                Some(PeriodMention {
                    span: Span::new(m.start(), m.end()),
                    name: period.name.clone(),
                    start: period.start,
                    end: period.end,
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_period_inside_a_longer_name_is_not_the_period() {
        let gazetteer = PeriodGazetteer::parse(PERIODS).expect("periods parse");
        let inside = gazetteer.find("the Grand Ethiopian Renaissance Dam on the Blue Nile");
        assert!(inside.is_empty(), "{inside:?}");
        let alone = gazetteer.find("art of the Renaissance in Florence");
        assert_eq!(alone.len(), 1, "{alone:?}");
        let war = gazetteer.find("During the Soviet–Afghan War Pakistan hosted refugees");
        assert_eq!(war.len(), 1, "{war:?}");
    }
}
