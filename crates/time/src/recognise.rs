//! Recognition: run every rule, keep the longest non-overlapping matches, fill their templates.
//! Values may still be relative (`@rel(...)`); finishing them is the anchoring pass's job.

use crate::resource::{Rule, Tables, TimexType};
use dyad_read::Span;

/// A temporal expression as found, before anchoring.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub span: Span,
    pub kind: TimexType,
    /// A TimeML value, or a relative value starting with `@`.
    pub value: String,
    pub modifier: Option<String>,
    pub quant: Option<String>,
    pub freq: Option<String>,
    /// Index of the rule in the rule file.
    pub rule: usize,
}

struct Claim {
    span: Span,
    rule: usize,
    found: Vec<Candidate>,
}

/// Bytes before a match that an `unless-before` pattern sees.
const UNLESS_BEFORE_WINDOW: usize = 40;

fn non_empty(text: String) -> Option<String> {
    (!text.is_empty()).then_some(text)
}

/// All expressions in `text`, in order, without overlaps. `gates` were built from `rules`
/// (in order); each rule is searched only in the paragraphs that hold a literal it needs.
pub fn recognise(
    text: &str,
    rules: &[Rule],
    gates: &dyad_prefilter::Gates,
    tables: &Tables,
) -> Vec<Candidate> {
    recognise_many(&[text], rules, gates, tables)
        .pop()
        .unwrap_or_default()
}

/// [`recognise`] for several texts at once, rule by rule: each rule's automaton stays in the
/// processor's cache over the whole batch instead of being evicted by the next hundred rules,
/// which makes tagging a batch markedly faster than tagging its texts one by one.
pub fn recognise_many(
    texts: &[&str],
    rules: &[Rule],
    gates: &dyad_prefilter::Gates,
    tables: &Tables,
) -> Vec<Vec<Candidate>> {
    let scans: Vec<dyad_prefilter::Scan> = texts.iter().map(|text| gates.scan(text)).collect();
    recognise_scanned(texts, &scans, rules, gates, tables)
}

/// [`recognise_many`] with each text's scan by `gates` given (made with others' in one pass).
pub fn recognise_scanned(
    texts: &[&str],
    scans: &[dyad_prefilter::Scan],
    rules: &[Rule],
    gates: &dyad_prefilter::Gates,
    tables: &Tables,
) -> Vec<Vec<Candidate>> {
    let mut claims: Vec<Vec<Claim>> = texts.iter().map(|_| Vec::new()).collect();
    for (index, rule) in rules.iter().enumerate() {
        for ((text, scan), claims) in texts.iter().zip(scans).zip(&mut claims) {
            for caps in gates.captures_iter(index, &rule.regex, text, scan) {
                claims.extend(claim(text, index, rule, &caps, tables));
            }
        }
    }
    claims.into_iter().map(accept).collect()
}

/// What one match of a rule claims: its expressions (none for a guard or an impossible
/// date, which still hold their text against shorter readings).
fn claim(
    text: &str,
    index: usize,
    rule: &Rule,
    caps: &regex::Captures,
    tables: &Tables,
) -> Option<Claim> {
    let whole = caps.get(0)?;
    if let Some(unless) = &rule.unless_after {
        if unless.is_match(&text[whole.end()..]) {
            return None;
        }
    }
    if let Some(unless) = &rule.unless_before {
        // (A few words back are enough, and keep the test independent of the text's length.)
        let mut from = whole.start().saturating_sub(UNLESS_BEFORE_WINDOW);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        if unless.is_match(&text[from..whole.start()]) {
            return None;
        }
    }
    let Some(kind) = rule.kind else {
        return Some(Claim {
            span: Span::new(whole.start(), whole.end()),
            rule: index,
            found: Vec::new(),
        });
    };
    let group = caps.get(rule.span_group)?;
    let span = trimmed_span(text, group.start(), group.end());
    if span.is_empty() {
        return None;
    }
    let fill = |template: &Option<crate::template::Template>| -> Result<Option<String>, crate::template::Unreadable> {
        template.as_ref().map(|t| t.fill(caps, tables)).transpose().map(|v| v.and_then(non_empty))
    };
    let (Ok(value), Ok(modifier), Ok(quant), Ok(freq)) = (
        rule.value.fill(caps, tables),
        fill(&rule.modifier),
        fill(&rule.quant),
        fill(&rule.freq),
    ) else {
        return None;
    };
    if !plausible(&value) {
        // An impossible date still claims its text, so a shorter reading of part of
        // it ("February 1900" in "31 February 1900") does not slip in.
        return Some(Claim {
            span: Span::new(whole.start(), whole.end()),
            rule: index,
            found: Vec::new(),
        });
    }
    let mut found = vec![Candidate {
        span,
        kind,
        value,
        modifier,
        quant,
        freq,
        rule: index,
    }];
    let mut claim_span = span;
    if let Some((end_group, end_value, end_mod)) = &rule.end {
        let end_match = caps.get(*end_group)?;
        let (Ok(value), Ok(modifier)) = (end_value.fill(caps, tables), fill(end_mod)) else {
            return None;
        };
        let end_span = trimmed_span(text, end_match.start(), end_match.end());
        claim_span = Span::new(span.start.min(end_span.start), span.end.max(end_span.end));
        found.push(Candidate {
            span: end_span,
            kind,
            value,
            modifier,
            quant: None,
            freq: None,
            rule: index,
        });
    }
    Some(Claim {
        span: claim_span,
        rule: index,
        found,
    })
}

/// The longest claims that do not overlap, their expressions in text order.
fn accept(mut claims: Vec<Claim>) -> Vec<Candidate> {
    // Longest first; on a tie the earlier rule (guards come first in the file).
    claims.sort_by(|a, b| {
        b.span
            .len()
            .cmp(&a.span.len())
            .then(a.rule.cmp(&b.rule))
            .then(a.span.start.cmp(&b.span.start))
    });
    // Accepted claims never overlap, so a map from start to end answers "is this free?" in
    // logarithmic time: only the neighbours on either side can overlap a new claim.
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let mut accepted: Vec<Claim> = Vec::new();
    for claim in claims {
        let (start, end) = (claim.span.start, claim.span.end);
        let left_free = taken
            .range(..=start)
            .next_back()
            .is_none_or(|(_, &e)| e <= start);
        let right_free = taken.range(start..).next().is_none_or(|(&s, _)| s >= end);
        if left_free && right_free {
            taken.insert(start, end.max(start + 1));
            accepted.push(claim);
        }
    }
    let mut out: Vec<Candidate> = accepted.into_iter().flat_map(|c| c.found).collect();
    out.sort_by_key(|c| c.span.start);
    out
}

/// Spans never start or end with white space or a trailing comma.
fn trimmed_span(text: &str, start: usize, end: usize) -> Span {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim().trim_end_matches([',', ';', ':']);
    Span::new(start + lead, start + lead + trimmed.len())
}

/// Reject impossible calendar values ("31 February 1900").
fn plausible(value: &str) -> bool {
    let bytes = value.as_bytes();
    if value.len() >= 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && value[..4].bytes().all(|b| b.is_ascii_digit())
    {
        if let (Ok(y), Ok(m), Ok(d)) = (
            value[..4].parse::<i64>(),
            value[5..7].parse::<u32>(),
            value[8..10].parse::<u32>(),
        ) {
            return crate::calendar::is_valid_date(y, m, d);
        }
    }
    true
}
