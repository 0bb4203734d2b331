//! The third stage of dyad: find temporal expressions and normalise them to TimeML TIMEX3.
//!
//! The language knowledge lives in `resources/` — normalisation tables, named pattern pieces,
//! rules and named periods — and the example corpus `resources/examples.txt` is the test suite.
//! Code only runs the rules ([`recognise`]) and then anchors relative values against the
//! document creation time or the narrative's reference time ([`anchor`]), two separate passes.
//!
//! It hands the event stage, for each document, its TIMEX3s with resolved values, the ranges
//! they form (`1918/1922`), the named periods ("World War II" → 1939–1945), and the time span
//! of each section heading.
//!
//! ```
//! use dyad_time::{Tagger, TagOptions, Mode};
//! let tagger = Tagger::new().unwrap();
//! let text = "Relations began on 25 August 1866. One year later, a mission went to Italy.";
//! let tagging = tagger.tag(text, &TagOptions { mode: Mode::Narrative, dct: None });
//! let values: Vec<&str> = tagging.timexes.iter().map(|t| t.value.as_str()).collect();
//! assert_eq!(values, ["1866-08-25", "1867"]);
//! ```

pub mod anchor;
pub mod calendar;
pub mod eval;
pub mod period;
pub mod recognise;
pub mod resource;
pub mod template;
pub mod timeml;
pub mod value;

pub use period::PeriodMention;
pub use resource::{ResourceError, TimexType};

use dyad_read::{Document, Span};
use serde::Serialize;

/// How relative expressions are anchored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// News: "yesterday", "last year" count from the document creation time.
    News,
    /// Narratives (history, encyclopedia articles): everything counts from the time the text
    /// has reached.
    Narrative,
}

impl std::str::FromStr for Mode {
    type Err = String;
    fn from_str(s: &str) -> Result<Mode, String> {
        match s {
            "news" => Ok(Mode::News),
            "narrative" | "narratives" => Ok(Mode::Narrative),
            other => Err(format!(
                "unknown mode `{other}` (expected news or narrative)"
            )),
        }
    }
}

/// Guess how a text should be anchored when the user does not say: a narrative (history,
/// encyclopedia) when there is no creation time, or when it names many years or mostly years
/// more than ten years before it, and seldom names weekdays or "yesterday" as news does; news
/// otherwise.
///
/// ```
/// use dyad_time::{detect_mode, Mode};
/// assert_eq!(detect_mode("Troops landed in 1943 and left in 1945.", Some("2009-12-19")), Mode::Narrative);
/// assert_eq!(detect_mode("The minister said on Friday that 1998 was hard.", Some("1998-02-27")), Mode::News);
/// ```
pub fn detect_mode(text: &str, dct: Option<&str>) -> Mode {
    let Some(dct_year) = dct.and_then(value::RefTime::parse).map(|r| r.year) else {
        return Mode::Narrative;
    };
    let bytes = text.as_bytes();
    let (mut old, mut all) = (0usize, 0usize);
    let mut i = 0;
    while i + 4 <= bytes.len() {
        let is_year = bytes[i..i + 4].iter().all(u8::is_ascii_digit)
            && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
            && bytes.get(i + 4).is_none_or(|b| !b.is_ascii_alphanumeric());
        if is_year {
            if let Ok(year) = text[i..i + 4].parse::<i64>() {
                if (1000..=2199).contains(&year) {
                    all += 1;
                    if year < dct_year - 10 {
                        old += 1;
                    }
                }
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    // Years before the common era are long past, whatever their digits.
    let lower = text.to_ascii_lowercase();
    let bc = lower.matches(" bc").count()
        + lower.matches(" bce").count()
        + lower.matches(" b.c.").count();
    old += bc;
    all += bc;
    // News speaks from its day: weekdays and "yesterday" are its marks.
    let words = lower.split_whitespace().count().max(1);
    let deictic = lower
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| {
            matches!(
                *w,
                "monday"
                    | "tuesday"
                    | "wednesday"
                    | "thursday"
                    | "friday"
                    | "saturday"
                    | "sunday"
                    | "yesterday"
                    | "today"
                    | "tomorrow"
                    | "tonight"
            )
        })
        .count();
    let newsy = deictic * 1000 / words >= 2;
    // A history names many years, or years long past; news names few, near its day.
    let dense = all >= 5 && all * 1000 / words >= 8;
    if all > 0 && (old * 2 > all || dense) && !newsy {
        Mode::Narrative
    } else {
        Mode::News
    }
}

#[derive(Debug, Clone)]
pub struct TagOptions {
    pub mode: Mode,
    /// Document creation time, a TimeML value such as `1998-02-27`.
    pub dct: Option<String>,
}

/// A TIMEX3.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timex {
    pub span: Span,
    #[serde(rename = "type")]
    pub kind: TimexType,
    pub value: String,
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quant: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub freq: Option<String>,
    /// Whether the value was computed from an anchor (TimeML `temporalFunction`).
    pub anchored: bool,
    /// The rule that found it.
    pub rule: String,
}

/// Two TIMEX3s that form a range ("from 1885 to 1890", "(1254–1324)").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Interval {
    pub first: usize,
    pub second: usize,
    /// `1885/1890`.
    pub value: String,
}

/// What tagging a text gives.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Tagging {
    pub timexes: Vec<Timex>,
    pub intervals: Vec<Interval>,
    pub periods: Vec<PeriodMention>,
}

/// The time span a section heading gives its section, in years.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionTime {
    pub start: Option<i64>,
    pub end: Option<i64>,
}

/// The temporal tagger: compiled rules and gazetteers. Build once, share across threads.
#[derive(Debug)]
pub struct Tagger {
    tables: resource::Tables,
    rules: Vec<resource::Rule>,
    /// Which paragraphs each rule can match in, found in one pass (see `dyad-prefilter`).
    gates: dyad_prefilter::Gates,
    periods: period::PeriodGazetteer,
}

impl Tagger {
    /// The tagger with the bundled English resources.
    pub fn new() -> Result<Tagger, ResourceError> {
        let tables = resource::parse_tables(resource::TABLES)?;
        let pieces = resource::parse_patterns(resource::PATTERNS, &tables)?;
        let rules = resource::parse_rules(resource::RULES, &pieces, &tables)?;
        let periods = period::PeriodGazetteer::parse(period::PERIODS).map_err(|message| {
            ResourceError::Syntax {
                file: "periods.tsv",
                line: 0,
                message,
            }
        })?;
        let gates = dyad_prefilter::Gates::new(rules.iter().map(|r| r.regex.as_str()));
        Ok(Tagger {
            tables,
            rules,
            gates,
            periods,
        })
    }

    /// Number of rules loaded (guards included).
    pub fn rule_count(&self) -> usize {
        self.rules.len()
    }

    /// A cardinal number written in digits or words, read with the tagger's number table:
    /// "three", "twenty-five", "a", "12". Vague quantities ("several") are none.
    ///
    /// ```
    /// let tagger = dyad_time::Tagger::new().unwrap();
    /// assert_eq!(tagger.cardinal("twenty-five"), Some(25));
    /// assert_eq!(tagger.cardinal("several"), None);
    /// ```
    pub fn cardinal(&self, surface: &str) -> Option<i64> {
        template::number(surface, &self.tables).ok()?.parse().ok()
    }

    /// Tag a text: recognise, find ranges, anchor.
    pub fn tag(&self, text: &str, options: &TagOptions) -> Tagging {
        self.tag_with_frozen(text, options, &[])
    }

    fn tag_with_frozen(&self, text: &str, options: &TagOptions, frozen: &[Span]) -> Tagging {
        let candidates = recognise::recognise(text, &self.rules, &self.gates, &self.tables);
        self.finish(text, candidates, options, frozen)
    }

    /// Tag several documents, as [`Tagger::tag_document`] does each: the same result, found
    /// rule by rule over the batch, which is faster (see [`recognise::recognise_many`]).
    pub fn tag_documents(&self, docs: &[Document], options: &TagOptions) -> Vec<Tagging> {
        let scans: Vec<dyad_prefilter::Scan> =
            docs.iter().map(|doc| self.gates.scan(&doc.text)).collect();
        self.tag_scanned(docs, &scans, options)
    }

    /// The gates of the tagger's rules: a caller that scans texts for several banks at once
    /// (a [`dyad_prefilter::GateGroup`]) includes these and hands the scans to
    /// [`Tagger::tag_scanned`].
    pub fn gates(&self) -> &dyad_prefilter::Gates {
        &self.gates
    }

    /// [`Tagger::tag_documents`] with each document's scan by [`Tagger::gates`] given.
    pub fn tag_scanned(
        &self,
        docs: &[Document],
        scans: &[dyad_prefilter::Scan],
        options: &TagOptions,
    ) -> Vec<Tagging> {
        let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
        let found =
            recognise::recognise_scanned(&texts, scans, &self.rules, &self.gates, &self.tables);
        docs.iter()
            .zip(found)
            .map(|(doc, candidates)| {
                let headings: Vec<Span> = doc.sections.iter().filter_map(|s| s.heading).collect();
                self.finish(&doc.text, candidates, options, &headings)
            })
            .collect()
    }

    /// Ranges, anchoring and periods for what recognition found in `text`.
    fn finish(
        &self,
        text: &str,
        candidates: Vec<recognise::Candidate>,
        options: &TagOptions,
        frozen: &[Span],
    ) -> Tagging {
        let mut timexes: Vec<Timex> = candidates
            .into_iter()
            .map(|c| Timex {
                span: c.span,
                kind: c.kind,
                value: c.value,
                modifier: c.modifier,
                quant: c.quant,
                freq: c.freq,
                anchored: false,
                rule: self
                    .rules
                    .get(c.rule)
                    .map(|r| r.name.clone())
                    .unwrap_or_default(),
            })
            .collect();
        let pairs = range_pairs(text, &timexes);
        let context = anchor::AnchorContext {
            mode: options.mode,
            dct: options.dct.as_deref().and_then(value::RefTime::parse),
            frozen,
            ranges: &pairs,
        };
        anchor::anchor(&mut timexes, text, &context);
        let intervals = pairs
            .into_iter()
            .map(|(first, second)| Interval {
                first,
                second,
                value: format!("{}/{}", timexes[first].value, timexes[second].value),
            })
            .collect();
        Tagging {
            timexes,
            intervals,
            periods: self.periods.find(text),
        }
    }

    /// Tag a whole document. Headings are tagged in place but do not move the reference time.
    pub fn tag_document(&self, doc: &Document, options: &TagOptions) -> Tagging {
        self.tag_documents(std::slice::from_ref(doc), options)
            .pop()
            .unwrap_or_default()
    }

    /// The span of years each section's heading (or an enclosing heading) gives it, from the
    /// dates and periods named in it: "The 19th century" → 1800–1899, "Post-WWII" → 1945–,
    /// "Relations from 1945 to the present day" → 1945–.
    pub fn section_times(&self, doc: &Document, tagging: &Tagging) -> Vec<Option<SectionTime>> {
        let own: Vec<Option<SectionTime>> = doc
            .sections
            .iter()
            .map(|section| section.heading.and_then(|h| heading_time(doc, h, tagging)))
            .collect();
        // A section without its own time takes its parent's.
        let mut out: Vec<Option<SectionTime>> = Vec::with_capacity(own.len());
        for (index, section) in doc.sections.iter().enumerate() {
            let inherited = own[index].clone().or_else(|| {
                (0..index).rev().find_map(|parent| {
                    let p = &doc.sections[parent];
                    (p.level < section.level && section.path.starts_with(&p.path))
                        .then(|| out[parent].clone())
                        .flatten()
                })
            });
            out.push(inherited);
        }
        out
    }
}

/// Years covered by a TimeML value: `1866-08-25` → 1866–1866, `193` → 1930–1939, `18` → 1800–1899.
pub fn value_years(value: &str) -> Option<(i64, i64)> {
    if let Some(r) = value::RefTime::parse(value) {
        return Some((r.year, r.year));
    }
    let digits = value.bytes().all(|b| b.is_ascii_digit());
    match value.len() {
        3 if digits => value.parse::<i64>().ok().map(|d| (d * 10, d * 10 + 9)),
        2 if digits => value.parse::<i64>().ok().map(|c| (c * 100, c * 100 + 99)),
        _ => None,
    }
}

fn heading_time(doc: &Document, heading: Span, tagging: &Tagging) -> Option<SectionTime> {
    let text = doc.slice(heading).to_lowercase();
    let mut start: Option<i64> = None;
    let mut end: Option<i64> = None;
    let inside: Vec<&Timex> = tagging
        .timexes
        .iter()
        .filter(|t| heading.contains(&t.span) && t.kind == TimexType::Date)
        .collect();
    for timex in &inside {
        if timex.value == "PRESENT_REF" {
            continue;
        }
        if let Some((s, e)) = value_years(&timex.value) {
            start = Some(start.map_or(s, |x: i64| x.min(s)));
            end = Some(end.map_or(e, |x: i64| x.max(e)));
        }
    }
    for period in tagging.periods.iter().filter(|p| heading.contains(&p.span)) {
        start = match (start, period.start) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        end = match (end, period.end) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
    }
    if start.is_none() && end.is_none() {
        return None;
    }
    let open_ended = text.contains("present") || text.contains("today") || text.contains("since");
    if text.starts_with("post") || text.starts_with("after") || text.contains("aftermath") {
        return Some(SectionTime {
            start: end,
            end: None,
        });
    }
    if text.starts_with("pre-") || text.starts_with("before") {
        return Some(SectionTime {
            start: None,
            end: start,
        });
    }
    if open_ended || (inside.len() == 1 && text.contains("from")) {
        return Some(SectionTime { start, end: None });
    }
    Some(SectionTime { start, end })
}

/// Pairs of timexes that form a range, by the words between them.
fn range_pairs(text: &str, timexes: &[Timex]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for (i, pair) in timexes.windows(2).enumerate() {
        let (a, b) = (&pair[0], &pair[1]);
        if a.kind != TimexType::Date || b.kind != TimexType::Date || a.span.end > b.span.start {
            continue;
        }
        if b.span.start - a.span.end > 16 {
            continue;
        }
        let between = text[a.span.end..b.span.start].trim().to_lowercase();
        let joins = match between.as_str() {
            "–" | "-" | "—" | "to" | "until" | "till" | "through" | "/" | "and" => true,
            "to the" | "until the" | "till the" | "through the" | "and the" => true,
            "" => false,
            _ => false,
        };
        if !joins {
            continue;
        }
        // "in the 16th and 17th centuries": two ordinals that share a plural noun are one
        // span.
        let shared_plural = text[b.span.end..].trim_start().starts_with("centuries");
        // ("between the 14th and the 19th centuries" too.)
        if matches!(between.as_str(), "and" | "and the") && !shared_plural {
            let before = text[..a.span.start].trim_end();
            let mut from = before.len().saturating_sub(8);
            while !before.is_char_boundary(from) {
                from += 1;
            }
            if !before[from..].eq_ignore_ascii_case("between")
                && !before[from..].to_ascii_lowercase().ends_with(" between")
            {
                continue;
            }
        }
        pairs.push((i, i + 1));
    }
    pairs
}
