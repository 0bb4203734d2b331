//! Literal gates for banks of regexes run over long texts: which paragraphs each regex can
//! match in, found with one Aho–Corasick pass, so that the rest are never searched.
//!
//! dyad runs some two hundred rule and trigger regexes over every article. Each is a full
//! scan of the text, yet most rules need a word that most paragraphs lack ("ago", "century",
//! a month name, "declared war"). [`Gates`] works out from each pattern's syntax a set of
//! literals every match must contain ([`required_literals`]), finds all of them in the text
//! at once, and tells each regex the stretches worth searching ([`Scan::ranges`]): around each
//! of its literals, as far as a match of the regex can reach (its longest match when that is
//! bounded, else 128 bytes). A regex with no useful literal is searched everywhere.
//!
//! Several banks (dyad's time rules, name patterns, triggers and fact patterns) are scanned in
//! one pass with a [`GateGroup`]: each text is read once for the literals of all of them.
//!
//! When every match of a regex starts with one of a few literals ("declared" of
//! `\bdeclared\s+war\b`), it is instead tried, anchored, at each place one occurs
//! ([`Gates::find_iter`], [`Gates::captures_iter`]): a failed try reads a few bytes, where a
//! window search reads the whole window.
//!
//! A run of white space the pattern leaves unbounded (`\s+`) is taken to be at most eight
//! bytes long, so that "declared\s+war" has a reach of 19 bytes, not 128: words in prose are
//! one or two spaces apart, and the windows, not the literal scan, are what the regexes pay for.
//!
//! A match is searched for inside one paragraph (text between blank lines), so what a regex
//! finds across a blank line is not found (no rule of dyad means to); nor is a match of an
//! unbounded pattern that reaches more than 128 bytes from every literal it holds, nor one
//! whose white-space runs are longer than eight bytes.
//!
//! ```
//! use dyad_prefilter::Gates;
//! let rules = [
//!     regex::Regex::new(r"(?i)\b[0-9]+ years ago\b").unwrap(),
//!     regex::Regex::new(r"(?i)\bdeclared\s+war\b").unwrap(),
//! ];
//! let gates = Gates::new(rules.iter().map(|r| r.as_str()));
//! let text = "In 1990 it rained.\n\nTwo storms, 5 years ago.\n\nItaly declared war.";
//! let scan = gates.scan(text);
//! let found = |i: usize| -> Vec<&str> {
//!     gates.find_iter(i, &rules[i], text, &scan).map(|m| m.as_str()).collect()
//! };
//! assert_eq!(found(0), vec!["5 years ago"]);
//! assert_eq!(found(1), vec!["declared war"]);
//! ```
//!
//! The windows alone, searched with [`find_in`]:
//!
//! ```
//! use dyad_prefilter::{find_in, Gates};
//! let rules = [regex::Regex::new(r"(?i)\b[0-9]+ years ago\b").unwrap()];
//! let gates = Gates::new(rules.iter().map(|r| r.as_str()));
//! let text = "In 1990 it rained.\n\nTwo storms, 5 years ago.\n\nNothing here.";
//! let scan = gates.scan(text);
//! let found: Vec<&str> = find_in(&rules[0], text, scan.ranges(0)).map(|m| m.as_str()).collect();
//! assert_eq!(found, vec!["5 years ago"]);
//! assert_eq!(scan.ranges(0).count(), 1);
//! ```

mod classes;
mod literals;

pub use classes::{latin_letters, LATIN_LETTERS};
pub use literals::required_literals;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::{Captures, Match, Regex};
use regex_automata::meta;
use regex_automata::nfa::thompson::WhichCaptures;
use regex_automata::{Anchored, Input};
use std::ops::Range;
use std::sync::OnceLock;

/// Shortest literal worth gating on; single characters are everywhere (but digits and currency
/// signs, which prose seldom holds, gate however short).
const MIN_LITERAL: usize = 2;
/// How far from its literal a match of a pattern with no length bound may reach. Dates,
/// durations and trigger phrases are a few words long; a longer match is cut off here.
const DEFAULT_REACH: usize = 128;
/// Windows closer than this are searched as one.
const MERGE_GAP: usize = 64;

/// The gates of a bank of patterns, built once and used on many texts.
#[derive(Debug, Clone)]
pub struct Gates {
    count: usize,
    /// For patterns whose every match starts with one of a few literals: the pattern, to be
    /// tried anchored at each of those literals instead of searched in a window around them
    /// (a failed try reads a few bytes, a window a few hundred).
    anchored: Vec<Option<AnchoredPattern>>,
    /// All literals of all gated patterns, searched at once; built when first needed (a bank
    /// scanned only as part of a [`GateGroup`] never needs its own).
    searcher: OnceLock<Option<AhoCorasick>>,
    /// Those literals, by index.
    literals: Vec<String>,
    /// For each literal, the patterns that need it.
    owners: Vec<Vec<u32>>,
    /// For each literal, whether a word boundary must come right before / after it.
    boundaries: Vec<(bool, bool)>,
    /// For each pattern, the longest match it can have (bounded by `DEFAULT_REACH`).
    reach: Vec<usize>,
    /// Patterns with no useful literal: searched everywhere.
    ungated: Vec<usize>,
}

impl Gates {
    /// Analyse each pattern (as given to `regex::Regex::new`, inline flags included).
    pub fn new<'a>(patterns: impl IntoIterator<Item = &'a str>) -> Gates {
        let mut literals: Vec<String> = Vec::new();
        let mut boundaries: Vec<(bool, bool)> = Vec::new();
        let mut index: std::collections::HashMap<String, usize> = Default::default();
        let mut owners: Vec<Vec<u32>> = Vec::new();
        let mut ungated = Vec::new();
        let mut reach = Vec::new();
        let mut anchored = Vec::new();
        let mut count = 0;
        for (pattern_index, pattern) in patterns.into_iter().enumerate() {
            count += 1;
            reach.push(
                literals::maximum_len(pattern).map_or(DEFAULT_REACH, |n| n.min(DEFAULT_REACH)),
            );
            let gating = literals::gates(pattern, MIN_LITERAL);
            let leading = gating.leading.filter(|leading| {
                leading.score >= LEADING_SCORE.min(gating.required.as_ref().map_or(0, |r| r.score))
            });
            let starts = leading.is_some().then(|| AnchoredPattern {
                pattern: pattern.to_string(),
                regex: OnceLock::new(),
            });
            let gate = match (starts.is_some(), leading, gating.required) {
                (true, Some(leading), _) => Some(leading),
                (_, _, required) => required,
            };
            anchored.push(starts);
            match gate.map(|gate| gate.literals) {
                Some(set) => {
                    for literal in set {
                        let id = *index.entry(literal.text.clone()).or_insert_with(|| {
                            literals.push(literal.text.clone());
                            owners.push(Vec::new());
                            boundaries.push((true, true));
                            literals.len() - 1
                        });
                        // A literal shared by several patterns (or readings): a boundary is
                        // checked only when every one of them asks for it.
                        boundaries[id].0 &= literal.word_start;
                        boundaries[id].1 &= literal.word_end;
                        if owners[id].last() != Some(&(pattern_index as u32)) {
                            owners[id].push(pattern_index as u32);
                        }
                    }
                }
                None => ungated.push(pattern_index),
            }
        }
        Gates {
            count,
            anchored,
            searcher: OnceLock::new(),
            literals,
            owners,
            boundaries,
            reach,
            ungated,
        }
    }

    /// How many patterns have a gate (the rest are searched everywhere).
    pub fn gated(&self) -> usize {
        self.count - self.ungated.len()
    }

    /// The literals the bank's patterns are gated on (what [`GateGroup`] searches for).
    pub fn literals(&self) -> &[String] {
        &self.literals
    }

    fn searcher(&self) -> Option<&AhoCorasick> {
        self.searcher
            .get_or_init(|| {
                (!self.literals.is_empty()).then(|| literal_searcher(&self.literals))?
            })
            .as_ref()
    }

    /// Find, in one pass, the stretches of `text` each pattern may match in: around each of
    /// its literals, as far as a match can reach, inside the literal's paragraph.
    pub fn scan(&self, text: &str) -> Scan {
        if self.searcher().is_none() && !self.literals.is_empty() {
            return Scan::everywhere(text.len());
        }
        let paragraphs = paragraphs(text);
        let mut ranges = self.start_ranges(text);
        if let Some(searcher) = self.searcher() {
            let mut paragraph = 0;
            // Overlapping hits come in order of their ends, so the paragraph is found by the
            // end (literals carry no blank lines, so a hit lies in one paragraph).
            for hit in searcher.find_overlapping_iter(text) {
                while paragraphs[paragraph].end < hit.end() {
                    paragraph += 1;
                }
                let hit = Hit {
                    literal: hit.pattern().as_usize(),
                    start: hit.start(),
                    end: hit.end(),
                };
                self.record(text, &paragraphs[paragraph], hit, &mut ranges);
            }
        }
        self.finish(ranges)
    }

    /// The ranges of a scan before any literal is found: the whole text for ungated patterns.
    fn start_ranges(&self, text: &str) -> Vec<Vec<Range<usize>>> {
        let mut ranges: Vec<Vec<Range<usize>>> = vec![Vec::new(); self.count];
        for &pattern in &self.ungated {
            ranges[pattern].push(0..text.len());
        }
        ranges
    }

    /// Open (or widen) the windows of the patterns that need a literal found at `hit`, in the
    /// paragraph `bounds`. Hits must come in order of their ends.
    fn record(
        &self,
        text: &str,
        bounds: &Range<usize>,
        hit: Hit,
        ranges: &mut [Vec<Range<usize>>],
    ) {
        let (word_start, word_end) = self.boundaries[hit.literal];
        if (word_start && is_word_byte_before(text, hit.start))
            || (word_end && is_word_byte_at(text, hit.end))
        {
            return;
        }
        for &owner in &self.owners[hit.literal] {
            let owner = owner as usize;
            let reach = self.reach[owner];
            let list = &mut ranges[owner];
            if self.anchored[owner].is_some() {
                // A match starts right here, if anywhere near. (The word the reach ends in
                // is followed for a few bytes only: in a megabyte of digits every hit would
                // otherwise read to its end.)
                let reach_end = (hit.start + reach).min(bounds.end);
                let end = end_of_word(text, reach_end, (reach_end + LONGEST_WORD).min(bounds.end));
                list.push(hit.start..end);
                continue;
            }
            // Dense literals ("the", years) mostly fall in a window already open.
            if list.last().is_some_and(|last| {
                last.end >= (hit.start + reach).min(bounds.end) && last.start <= hit.start
            }) {
                continue;
            }
            // A match holding this hit starts at most `reach` before its end and ends at
            // most `reach` after its start.
            let start = floor_boundary(text, hit.end.saturating_sub(reach).max(bounds.start));
            let end = end_of_word(text, (hit.start + reach).min(bounds.end), bounds.end);
            match list.last_mut() {
                // Scanning a short gap costs less than starting another search (inside one
                // paragraph: matches never cross a blank line).
                Some(last)
                    if last.end >= start
                        || (last.end >= bounds.start && last.end + MERGE_GAP >= start) =>
                {
                    last.end = last.end.max(end)
                }
                _ => list.push(start..end),
            }
        }
    }

    fn finish(&self, mut ranges: Vec<Vec<Range<usize>>>) -> Scan {
        for (list, anchored) in ranges.iter_mut().zip(&self.anchored) {
            // Hits come in order of their ends; literals of different lengths can put a
            // later start first, or two at one start.
            if anchored.is_some() {
                list.sort_by_key(|range| range.start);
                list.dedup_by_key(|range| range.start);
            }
        }
        Scan {
            ranges,
            everywhere: None,
        }
    }

    /// Pattern `index` to be tried anchored at its literals, if it is and `scan` found them
    /// (a scan that could not look for literals searches every pattern in its whole text).
    fn anchored_pattern(&self, index: usize, scan: &Scan) -> Option<&AnchoredPattern> {
        if scan.everywhere.is_some() {
            return None;
        }
        self.anchored.get(index).and_then(Option::as_ref)
    }

    /// The matches of `regex` (pattern `index` of the bank) in `text`, in order, found where
    /// `scan` (the scan of `text`) says they may be. The same as `regex.find_iter(text)`
    /// but for matches that cross a blank line or reach far from the literals they hold.
    pub fn find_iter<'t, 'r>(
        &'r self,
        index: usize,
        regex: &'r Regex,
        text: &'t str,
        scan: &'r Scan,
    ) -> Box<dyn Iterator<Item = Match<'t>> + 'r>
    where
        't: 'r,
    {
        match self.anchored_pattern(index, scan) {
            Some(anchored) => Box::new(
                anchored_starts(anchored, regex, text, scan.ranges(index)).filter_map(
                    move |(start, haystack_end)| regex.find_at(&text[..haystack_end], start),
                ),
            ),
            None => Box::new(find_in(regex, text, scan.ranges(index))),
        }
    }

    /// The captures of `regex` (pattern `index` of the bank) in `text`: [`Gates::find_iter`]
    /// with capture groups.
    pub fn captures_iter<'t, 'r>(
        &'r self,
        index: usize,
        regex: &'r Regex,
        text: &'t str,
        scan: &'r Scan,
    ) -> Box<dyn Iterator<Item = Captures<'t>> + 'r>
    where
        't: 'r,
    {
        match self.anchored_pattern(index, scan) {
            Some(anchored) => Box::new(
                anchored_starts(anchored, regex, text, scan.ranges(index)).filter_map(
                    move |(start, haystack_end)| regex.captures_at(&text[..haystack_end], start),
                ),
            ),
            None => Box::new(captures_in(regex, text, scan.ranges(index))),
        }
    }
}

/// An automaton finding every occurrence of `literals` (ASCII case ignored), or none if they
/// are too many to build one.
fn literal_searcher<P: AsRef<[u8]>>(literals: &[P]) -> Option<AhoCorasick> {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(literals)
        .ok()
}

/// One literal found in a text.
#[derive(Debug, Clone, Copy)]
struct Hit {
    /// The literal's index in its bank.
    literal: usize,
    start: usize,
    end: usize,
}

/// Several banks of gates scanned in one pass: a text is read once for the literals of all
/// of them, instead of once for each bank.
///
/// Each bank's [`Scan`] is the one [`Gates::scan`] would give, so it is used with that bank's
/// [`Gates::find_iter`] as before.
///
/// ```
/// use dyad_prefilter::{GateGroup, Gates};
/// let dates = [regex::Regex::new(r"(?i)\b[0-9]+ years ago\b").unwrap()];
/// let acts = [regex::Regex::new(r"(?i)\bdeclared\s+war\b").unwrap()];
/// let date_gates = Gates::new(dates.iter().map(|r| r.as_str()));
/// let act_gates = Gates::new(acts.iter().map(|r| r.as_str()));
/// let group = GateGroup::new(vec![date_gates.clone(), act_gates.clone()]);
/// let text = "Five years ago it rained.\n\nItaly declared war 5 years ago.";
/// let scans = group.scan(text);
/// let found: Vec<&str> = act_gates.find_iter(0, &acts[0], text, &scans[1]).map(|m| m.as_str()).collect();
/// assert_eq!(found, vec!["declared war"]);
/// assert_eq!(scans[0].ranges(0).collect::<Vec<_>>(), date_gates.scan(text).ranges(0).collect::<Vec<_>>());
/// ```
#[derive(Debug, Clone)]
pub struct GateGroup {
    banks: Vec<Gates>,
    /// The literals of every bank, each once.
    searcher: Option<AhoCorasick>,
    /// For each literal of `searcher`: the banks that hold it, with its index in each.
    holders: Vec<Vec<(u32, u32)>>,
}

impl GateGroup {
    pub fn new(banks: Vec<Gates>) -> GateGroup {
        let mut literals: Vec<&str> = Vec::new();
        let mut holders: Vec<Vec<(u32, u32)>> = Vec::new();
        let mut index: std::collections::HashMap<&str, usize> = Default::default();
        for (bank, gates) in banks.iter().enumerate() {
            for (id, literal) in gates.literals.iter().enumerate() {
                let at = *index.entry(literal.as_str()).or_insert_with(|| {
                    literals.push(literal.as_str());
                    holders.push(Vec::new());
                    literals.len() - 1
                });
                holders[at].push((bank as u32, id as u32));
            }
        }
        let searcher = (!literals.is_empty())
            .then(|| literal_searcher(&literals))
            .flatten();
        GateGroup {
            banks,
            searcher,
            holders,
        }
    }

    /// The banks, in the order given.
    pub fn banks(&self) -> &[Gates] {
        &self.banks
    }

    /// Each bank's [`Scan`] of `text`, in the order the banks were given.
    pub fn scan(&self, text: &str) -> Vec<Scan> {
        self.scan_texts(&vec![text; self.banks.len()])
    }

    /// Each bank's [`Scan`] of its own text, `texts[i]` for bank `i`: versions of one text,
    /// of one length, in which every literal of the banks occurs at the same places (the
    /// text and a copy with some punctuation rewritten). The literals are sought in the
    /// first; each bank's windows are fitted to its own text. Texts that are not such
    /// versions are scanned bank by bank.
    pub fn scan_texts(&self, texts: &[&str]) -> Vec<Scan> {
        let alone = || {
            self.banks
                .iter()
                .zip(texts)
                .map(|(gates, text)| gates.scan(text))
                .collect()
        };
        let Some(&first) = texts.first() else {
            return Vec::new();
        };
        let versions = texts.len() == self.banks.len()
            && texts.iter().all(|text| {
                // (Mostly the very same text: nothing to compare.)
                std::ptr::eq(*text, first)
                    || (text.len() == first.len()
                        && text
                            .bytes()
                            .zip(first.bytes())
                            .all(|(a, b)| a == b || (a != b'\n' && b != b'\n')))
            });
        let Some(searcher) = self.searcher.as_ref().filter(|_| versions) else {
            // (No literals, or too many for one automaton: each bank on its own.)
            return alone();
        };
        let paragraphs = paragraphs(first);
        let mut ranges: Vec<Vec<Vec<Range<usize>>>> = self
            .banks
            .iter()
            .map(|gates| gates.start_ranges(first))
            .collect();
        let mut paragraph = 0;
        for hit in searcher.find_overlapping_iter(first) {
            while paragraphs[paragraph].end < hit.end() {
                paragraph += 1;
            }
            for &(bank, literal) in &self.holders[hit.pattern().as_usize()] {
                let bank = bank as usize;
                let found = Hit {
                    literal: literal as usize,
                    start: hit.start(),
                    end: hit.end(),
                };
                self.banks[bank].record(
                    texts[bank],
                    &paragraphs[paragraph],
                    found,
                    &mut ranges[bank],
                );
            }
        }
        self.banks
            .iter()
            .zip(ranges)
            .map(|(gates, ranges)| gates.finish(ranges))
            .collect()
    }
}

/// Bytes a window end is moved on to reach the end of a word, at most, where windows are
/// not merged: longer than the words of prose, short of a run of digits a megabyte long.
const LONGEST_WORD: usize = 64;

/// Literals a pattern's matches start with are used as its gate when the shortest scores at
/// least this (three letters, or a digit): tries at shorter ones would be too many.
const LEADING_SCORE: usize = 6;

/// A pattern tried anchored where its leading literals occur, compiled for that when first
/// tried: a bank holds hundreds of patterns, and start-up would pay for all of them.
#[derive(Debug, Clone)]
struct AnchoredPattern {
    pattern: String,
    regex: OnceLock<Option<meta::Regex>>,
}

/// `pattern` compiled for anchored tries, when it compiles (it was compiled once already as
/// a `regex::Regex`; the two engines share syntax and semantics).
fn anchored_regex(pattern: &str) -> Option<meta::Regex> {
    meta::Regex::builder()
        .configure(meta::Regex::config().which_captures(WhichCaptures::Implicit))
        .build(pattern)
        .ok()
}

/// Where the matches start among `candidates` (each a start and how far a match from it may
/// reach), with the haystack end to search them in: leftmost first, none overlapping, as an
/// unanchored search finds them.
fn anchored_starts<'t, 'r>(
    anchored: &'r AnchoredPattern,
    regex: &'r Regex,
    text: &'t str,
    candidates: impl Iterator<Item = Range<usize>> + 'r,
) -> impl Iterator<Item = (usize, usize)> + 'r
where
    't: 'r,
{
    let mut free_from = 0;
    candidates.filter_map(move |range| {
        if range.start < free_from {
            return None;
        }
        let end = match anchored
            .regex
            .get_or_init(|| anchored_regex(&anchored.pattern))
        {
            Some(compiled) => {
                let input = Input::new(&text[..range.end])
                    .range(range.start..range.end)
                    .anchored(Anchored::Yes);
                compiled.search_half(&input)?.offset()
            }
            // (Never in practice: the leftmost match from here, if it starts here.)
            None => regex
                .find_at(&text[..range.end], range.start)
                .filter(|m| m.start() == range.start)?
                .end(),
        };
        free_from = next_start(text, range.start, end);
        Some((range.start, range.end))
    })
}

/// Whether the byte before `at` is an ASCII word character (so no word starts at `at`).
fn is_word_byte_before(text: &str, at: usize) -> bool {
    at > 0 && is_word_byte(text.as_bytes()[at - 1])
}

/// Whether the byte at `at` is an ASCII word character (so no word ends at `at`).
fn is_word_byte_at(text: &str, at: usize) -> bool {
    text.as_bytes().get(at).is_some_and(|&b| is_word_byte(b))
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// `at`, moved on to the end of the word it falls in: a search stopped inside a word would
/// see a word boundary there that the text does not have.
fn end_of_word(text: &str, mut at: usize, limit: usize) -> usize {
    while !text.is_char_boundary(at) {
        at += 1;
    }
    let limit = floor_boundary(text, limit.min(text.len())).max(at);
    let bytes = text.as_bytes();
    // (Byte by byte while ASCII: a window end falls in prose, and this runs for every hit.)
    while at < limit {
        let byte = bytes[at];
        let width = if byte.is_ascii() {
            (byte.is_ascii_alphanumeric() || byte == b'_').then_some(1)
        } else {
            text[at..limit]
                .chars()
                .next()
                .filter(|c| c.is_alphanumeric())
                .map(char::len_utf8)
        };
        match width {
            Some(width) => at += width,
            None => break,
        }
    }
    at
}

/// Where each pattern of a bank is worth searching in one text. (The default scan holds no
/// ranges: nothing is searched.)
#[derive(Debug, Clone, Default)]
pub struct Scan {
    ranges: Vec<Vec<Range<usize>>>,
    /// Every pattern is to be searched in the whole text, of this length (the literals could
    /// not be searched for: slower, never wrong).
    everywhere: Option<usize>,
}

impl Scan {
    fn everywhere(len: usize) -> Scan {
        Scan {
            ranges: Vec::new(),
            everywhere: Some(len),
        }
    }

    /// The byte ranges (in order, not overlapping) to search for pattern
    /// `index`.
    pub fn ranges(&self, index: usize) -> impl Iterator<Item = Range<usize>> + '_ {
        let whole = self.everywhere.map(|len| 0..len);
        self.ranges
            .get(index)
            .into_iter()
            .flat_map(|list| list.iter().cloned())
            .chain(whole)
    }
}

/// The paragraphs of `text`: runs of lines, each ending after the blank lines that follow
/// it; together they cover the whole text.
fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut position = 0;
    let mut has_content = false;
    for line in text.split_inclusive('\n') {
        position += line.len();
        if line.trim().is_empty() {
            if has_content {
                out.push(start..position);
                start = position;
                has_content = false;
            }
        } else {
            has_content = true;
        }
    }
    if start < text.len() || out.is_empty() {
        out.push(start..text.len());
    }
    out
}

/// The matches of `regex` inside `ranges` of `text`, in order. Each range is searched as
/// its own haystack end, with the text before it as look-behind context (`\b` sees it).
pub fn find_in<'t, 'r>(
    regex: &'r Regex,
    text: &'t str,
    ranges: impl Iterator<Item = Range<usize>> + 'r,
) -> impl Iterator<Item = Match<'t>> + 'r
where
    't: 'r,
{
    ranges.flat_map(move |range| {
        let haystack = &text[..range.end];
        let mut at = range.start;
        std::iter::from_fn(move || {
            if at > haystack.len() {
                return None;
            }
            let found = regex.find_at(haystack, at)?;
            at = next_start(haystack, found.start(), found.end());
            Some(found)
        })
    })
}

/// The captures of `regex` inside `ranges` of `text`, in order (see [`find_in`]).
pub fn captures_in<'t, 'r>(
    regex: &'r Regex,
    text: &'t str,
    ranges: impl Iterator<Item = Range<usize>> + 'r,
) -> impl Iterator<Item = Captures<'t>> + 'r
where
    't: 'r,
{
    ranges.flat_map(move |range| {
        let haystack = &text[..range.end];
        let mut at = range.start;
        std::iter::from_fn(move || {
            if at > haystack.len() {
                return None;
            }
            let found = regex.captures_at(haystack, at)?;
            let whole = found.get(0)?;
            at = next_start(haystack, whole.start(), whole.end());
            Some(found)
        })
    })
}

/// Where to search after a match: its end, or one character on after an empty match.
fn next_start(haystack: &str, start: usize, end: usize) -> usize {
    if end > start {
        return end;
    }
    end + haystack[end..].chars().next().map_or(1, char::len_utf8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn paragraphs_split_at_blank_lines() {
        let text = "a\nb\n\nc\n \n\nd";
        let spans: Vec<&str> = paragraphs(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(spans, vec!["a\nb\n\n", "c\n \n", "\nd"]);
        assert_eq!(paragraphs("").len(), 1);
        assert_eq!(paragraphs("x\n\n"), vec![0..3]);
    }

    #[test]
    fn ungated_patterns_search_everything() {
        let gates = Gates::new([r"[a-z]+"]);
        assert_eq!(gates.gated(), 0);
        let scan = gates.scan("abc\n\ndef");
        assert_eq!(scan.ranges(0).collect::<Vec<_>>(), vec![0..8]);
    }

    #[test]
    fn windows_reach_as_far_as_a_match_can() {
        // `\bago\b` is three bytes long at most: the window is the literal itself.
        let gates = Gates::new([r"(?i)\bago\b", r"(?i)\b[0-9]+ days ago\b"]);
        let text = "one ago\n\ntwo AGO\n\nthree\n\nfour 12 days ago";
        let scan = gates.scan(text);
        let windows: Vec<&str> = scan.ranges(0).map(|r| &text[r]).collect();
        assert_eq!(windows, vec!["ago", "AGO", "ago"]);
        // Unbounded: the whole paragraph up to the literal, and no further.
        let windows: Vec<&str> = scan.ranges(1).map(|r| &text[r]).collect();
        assert_eq!(windows, vec!["four 12 days ago"]);
    }

    #[test]
    fn literals_inside_words_do_not_open_a_gate() {
        let gates = Gates::new([r"(?i)\b(?:ad|a\.d\.)\s+[0-9]+\b"]);
        assert_eq!(gates.scan("He made 3 of them.").ranges(0).count(), 0);
        assert_eq!(gates.scan("In AD 79 it erupted.").ranges(0).count(), 1);
    }

    #[test]
    fn space_runs_count_as_eight_bytes() {
        assert_eq!(literals::maximum_len(r"(?i)\bdeclared\s+war\b"), Some(19));
        assert_eq!(literals::maximum_len(r"a[ \t]*b"), Some(10));
        assert_eq!(literals::maximum_len(r"a\s{2}b"), Some(8));
        assert_eq!(literals::maximum_len(r"a.+b"), None);
        let gates = Gates::new([r"(?i)\bdeclared\s+war\b"]);
        let text = format!("{}declared  war{}", "x ".repeat(100), " y".repeat(100));
        let windows: Vec<&str> = gates.scan(&text).ranges(0).map(|r| &text[r]).collect();
        assert_eq!(windows.len(), 1);
        assert!(windows[0].len() < 60, "{:?}", windows[0]);
        assert!(windows[0].contains("declared  war"));
    }

    #[test]
    fn patterns_with_leading_literals_are_tried_where_they_occur() {
        let gates = Gates::new([r"(?i)\bdeclared\s+war\s+on\b", r"[0-9]+ days"]);
        assert!(gates.anchored[0].is_some(), "'declared' starts every match");
        assert!(
            gates.anchored[1].is_none(),
            "a digit run has no leading literal"
        );
        let regex = Regex::new(r"(?i)\bdeclared\s+war\s+on\b").unwrap();
        let text =
            "Italy declared neutrality; then it declared war on France and Declared  War on Spain.";
        let scan = gates.scan(text);
        // A try at each "declared", the first of which fails.
        assert_eq!(scan.ranges(0).count(), 3);
        let found: Vec<&str> = gates
            .find_iter(0, &regex, text, &scan)
            .map(|m| m.as_str())
            .collect();
        assert_eq!(found, vec!["declared war on", "Declared  War on"]);
    }

    #[test]
    fn windows_end_at_word_ends() {
        assert_eq!(end_of_word("19450 x", 4, 7), 5);
        assert_eq!(end_of_word("1945 x", 4, 6), 4);
        // Letters beyond ASCII are word characters; a limit stops the walk.
        assert_eq!(end_of_word("São Tomé é", 6, 12), 10);
        assert_eq!(end_of_word("São Tomé é", 1, 12), 4);
        assert_eq!(end_of_word("abcdef", 1, 3), 3);
        assert_eq!(end_of_word("ab–cd", 1, 7), 2);
    }

    #[test]
    fn empty_matches_advance() {
        let regex = Regex::new(r"x*").unwrap();
        let found = find_in(&regex, "ab", std::iter::once(0..2)).count();
        assert_eq!(found, 3);
    }

    const PATTERNS: &[&str] = &[
        r"(?i)\b(?:january|february|march|may)\s+[0-9]{1,2}\b",
        r"(?i)\b[0-9]+\s+(?:days?|weeks?)\s+(?:ago|earlier|later)\b",
        r"\b(?:1[0-9]{3}|20[0-9]{2})\b",
        r"(?i)\bthe\s+(?:[0-9]{1,2})(?:st|nd|rd|th)\s+century\b",
        r"(?i)\b(?:last|next)\s+(?:year|month|week)\b",
        r"[a-z]+ly\b",
        // Tried at their leading literals: matches start there, and can overlap.
        r"(?i)\b(?:next|last)\s+(?:week|century)(?:\s+ago)?",
        r"(?i)\bmay(?:or)?\s+(?:[0-9]+|the)\b",
        r"(?i)\bdays?\b",
    ];

    proptest! {
        /// Gated search finds exactly what a search of the whole text finds, whenever no
        /// match crosses a blank line: no more, no fewer, no different.
        #[test]
        fn gated_search_finds_what_a_full_search_finds(
            words in proptest::collection::vec(
                prop_oneof![
                    Just("March"), Just("may"), Just("12"), Just("1999"), Just("2024"),
                    Just("days"), Just("ago"), Just("later"), Just("the"), Just("3rd"),
                    Just("century"), Just("Next"), Just("week"), Just("quickly"), Just("\n\n"),
                    Just("\n"), Just(","), Just("1"), Just("X"), Just("mayor"), Just("sago"),
                    Just("agog"), Just("19990"), Just("a1999"), Just("centuryx"), Just("last"),
                    Just("Mayor"), Just("day"), Just("Day"), Just("  "),
                ],
                0..60,
            )
        ) {
            let text = words.join(" ");
            let regexes: Vec<Regex> = PATTERNS.iter().map(|p| Regex::new(p).unwrap()).collect();
            let gates = Gates::new(PATTERNS.iter().copied());
            let scan = gates.scan(&text);
            for (i, regex) in regexes.iter().enumerate() {
                let full: Vec<(usize, usize)> = regex
                    .find_iter(&text)
                    .map(|m| (m.start(), m.end()))
                    .collect();
                if regex.find_iter(&text).any(|m| m.as_str().contains("\n\n") || m.as_str().contains("\n \n")) {
                    continue;
                }
                let gated: Vec<(usize, usize)> = gates
                    .find_iter(i, regex, &text, &scan)
                    .map(|m| (m.start(), m.end()))
                    .collect();
                prop_assert_eq!(&gated, &full, "pattern {} in {:?}", i, text);
                let captured: Vec<(usize, usize)> = gates
                    .captures_iter(i, regex, &text, &scan)
                    .filter_map(|c| c.get(0).map(|m| (m.start(), m.end())))
                    .collect();
                prop_assert_eq!(&captured, &full, "pattern {} in {:?}", i, text);
            }
        }

        /// A group's scan of a text gives each bank the ranges its own scan gives, whatever
        /// literals the banks share.
        #[test]
        fn a_group_scans_each_bank_as_the_bank_does(
            words in proptest::collection::vec(
                prop_oneof![
                    Just("March"), Just("may"), Just("12"), Just("1999"), Just("days"),
                    Just("ago"), Just("the"), Just("3rd"), Just("century"), Just("Next"),
                    Just("week"), Just("quickly"), Just("\n\n"), Just(","), Just("mayor"),
                    Just("Mayor"), Just("day"), Just("last"),
                ],
                0..60,
            ),
            split in 1..PATTERNS.len(),
        ) {
            let text = words.join(" ");
            let banks = [
                Gates::new(PATTERNS[..split].iter().copied()),
                Gates::new(PATTERNS[split..].iter().copied()),
                Gates::new(PATTERNS.iter().rev().copied()),
            ];
            let group = GateGroup::new(banks.to_vec());
            for (bank, scan) in banks.iter().zip(group.scan(&text)) {
                let own = bank.scan(&text);
                for i in 0..bank.count {
                    let grouped: Vec<Range<usize>> = scan.ranges(i).collect();
                    let alone: Vec<Range<usize>> = own.ranges(i).collect();
                    prop_assert_eq!(grouped, alone, "pattern {} in {:?}", i, text);
                }
            }
        }
    }

    #[test]
    fn a_scan_of_everywhere_searches_the_whole_text() {
        let regex = Regex::new(r"(?i)\bdays?\b").unwrap();
        let gates = Gates::new([regex.as_str()]);
        let text = "Two days.\n\nA day.";
        let scan = Scan::everywhere(text.len());
        assert_eq!(scan.ranges(0).collect::<Vec<_>>(), vec![0..text.len()]);
        let found: Vec<&str> = gates
            .find_iter(0, &regex, text, &scan)
            .map(|m| m.as_str())
            .collect();
        assert_eq!(found, vec!["days", "day"]);
        let captured = gates.captures_iter(0, &regex, text, &scan).count();
        assert_eq!(captured, 2);
    }
}
