//! What a regex cannot match without: a set of literals, one of which every match contains.
//!
//! The analysis walks the regex's syntax tree and keeps, for each node, the finite set of
//! strings it matches (when small), the strings every match starts or ends with, and a set
//! every match contains. Concatenations join the end of one piece, the whole of the next and
//! the start of the one after, so `\b1[0-9]{3}\b` requires one of "10".."19" and
//! `(?i)(january|february) [0-9]+` one of "january 0" … "february 9".

use regex_syntax::hir::{Class, Hir, HirKind, Look};

/// Strings kept in one set; beyond this a set is dropped as too loose to be worth its size.
const MAX_SET: usize = 256;
/// Characters of a class taken as alternatives.
const MAX_CLASS: usize = 32;

/// A set of alternative strings, ASCII lower-cased, sorted and without duplicates. A word
/// boundary the pattern asserts is kept in them as [`BOUNDARY`].
type Set = Vec<String>;

/// Stands for a word boundary inside the analysis's strings.
pub(crate) const BOUNDARY: char = '\u{1}';

/// A literal every match contains, with whether the pattern puts a word boundary right
/// before and right after it ("ad" in `\bad\b` is not the "ad" of "made").
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Literal {
    pub text: String,
    pub word_start: bool,
    pub word_end: bool,
}

impl Literal {
    fn parse(marked: &str) -> Literal {
        let word_char = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
        let starts_marked = marked.starts_with(BOUNDARY);
        let ends_marked = marked.ends_with(BOUNDARY) && marked.len() > 1;
        let text: String = marked.chars().filter(|&c| c != BOUNDARY).collect();
        // A boundary is only checked where the literal's own edge is a word character; the
        // other kind (a boundary before a space) is left unchecked, which is never wrong.
        Literal {
            word_start: starts_marked && word_char(text.chars().next()),
            word_end: ends_marked && word_char(text.chars().next_back()),
            text,
        }
    }
}

#[derive(Debug, Clone, Default)]
struct Facts {
    /// Every string the node matches, when that set is small.
    exact: Option<Set>,
    /// Every match starts with one of these.
    prefix: Option<Set>,
    /// Every match ends with one of these.
    suffix: Option<Set>,
    /// Every match contains one of these.
    required: Option<Set>,
}

/// The literals one of which every match of `pattern` contains (ASCII case aside), or `None`
/// when no useful set exists (or the pattern does not parse). Literals are at least
/// `min_len` bytes long.
///
/// ```
/// let set = dyad_prefilter::required_literals(r"(?i)\b(?:march|may) [0-9]{4}\b", 3).unwrap();
/// // "march 0" … "march 9", "may 0" … "may 9": the month, the space and the first digit.
/// assert_eq!(set.len(), 20);
/// assert!(set.iter().all(|s| s.starts_with("march ") || s.starts_with("may ")));
/// assert!(dyad_prefilter::required_literals(r"[a-z]+", 2).is_none());
/// ```
pub fn required_literals(pattern: &str, min_len: usize) -> Option<Vec<String>> {
    let mut texts: Vec<String> = required(pattern, min_len)?
        .into_iter()
        .map(|l| l.text)
        .collect();
    texts.sort();
    texts.dedup();
    Some(texts)
}

/// [`required_literals`] with the word boundaries around each literal.
pub(crate) fn required(pattern: &str, min_len: usize) -> Option<Vec<Literal>> {
    gates(pattern, min_len).required.map(|gate| gate.literals)
}

/// A set of literals a pattern's matches hold, and how well it gates: the length of its
/// shortest literal, in half bytes, less for the commonest words, more for digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Gate {
    pub literals: Vec<Literal>,
    pub score: usize,
}

/// What a pattern's matches are known to hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Gating {
    /// One of these occurs somewhere in every match.
    pub required: Option<Gate>,
    /// Every match starts with one of these, so a match can only start where one occurs.
    pub leading: Option<Gate>,
}

/// The gates of `pattern`, each with literals at least `min_len` bytes long (or rare);
/// nothing when the pattern does not parse.
pub(crate) fn gates(pattern: &str, min_len: usize) -> Gating {
    let Ok(hir) = regex_syntax::ParserBuilder::new().build().parse(pattern) else {
        return Gating::default();
    };
    let facts = analyse(&hir);
    let gate = |set: Set| {
        (shortest_text(&set) >= min_len).then(|| Gate {
            score: quality(&set).0,
            literals: set.iter().map(|s| Literal::parse(s)).collect(),
        })
    };
    Gating {
        required: best(&facts).and_then(gate),
        leading: facts.prefix.clone().or(facts.exact.clone()).and_then(gate),
    }
}

/// The longest match `pattern` can have, in bytes, when it is bounded, counting a run of
/// white space (`\s+`, `\s*`) as at most [`SPACE_RUN`] bytes: prose separates words by one
/// or two spaces, and without this cap nearly every rule would be unbounded.
pub(crate) fn maximum_len(pattern: &str) -> Option<usize> {
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(pattern)
        .ok()?;
    longest(&hir)
}

/// Bytes a run of white space is taken to span at most when a pattern leaves it unbounded.
pub(crate) const SPACE_RUN: usize = 8;

fn longest(hir: &Hir) -> Option<usize> {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => Some(0),
        HirKind::Literal(literal) => Some(literal.0.len()),
        HirKind::Class(_) => hir.properties().maximum_len(),
        HirKind::Capture(capture) => longest(&capture.sub),
        HirKind::Concat(parts) => parts.iter().try_fold(0usize, |sum, part| {
            longest(part).and_then(|n| sum.checked_add(n))
        }),
        HirKind::Alternation(parts) => parts
            .iter()
            .try_fold(0usize, |most, part| longest(part).map(|n| most.max(n))),
        HirKind::Repetition(repetition) => match repetition.max {
            Some(max) => longest(&repetition.sub)?.checked_mul(max as usize),
            None if is_space_class(&repetition.sub) => Some(SPACE_RUN),
            None => None,
        },
    }
}

/// Whether `hir` is a class of white-space characters only (`\s`, `[ \t]`).
fn is_space_class(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Class(Class::Unicode(class)) => class
            .ranges()
            .iter()
            .all(|r| (r.start()..=r.end()).all(char::is_whitespace)),
        HirKind::Class(Class::Bytes(class)) => class
            .ranges()
            .iter()
            .all(|r| (r.start()..=r.end()).all(|b| b.is_ascii_whitespace())),
        _ => false,
    }
}

fn analyse(hir: &Hir) -> Facts {
    match hir.kind() {
        HirKind::Look(
            Look::WordAscii
            | Look::WordUnicode
            | Look::WordStartAscii
            | Look::WordEndAscii
            | Look::WordStartHalfAscii
            | Look::WordEndHalfAscii,
        ) => exact(vec![BOUNDARY.to_string()]),
        HirKind::Empty | HirKind::Look(_) => exact(vec![String::new()]),
        HirKind::Literal(literal) => match std::str::from_utf8(&literal.0) {
            Ok(text) => exact(vec![text.to_ascii_lowercase()]),
            Err(_) => Facts::default(),
        },
        HirKind::Class(class) => match class_chars(class) {
            Some(chars) => exact(normalise(chars.into_iter().map(String::from).collect())),
            None => Facts::default(),
        },
        HirKind::Capture(capture) => analyse(&capture.sub),
        HirKind::Repetition(repetition) => {
            let sub = analyse(&repetition.sub);
            let exact_set = match (repetition.min, repetition.max, &sub.exact) {
                (0, Some(1), Some(set)) => {
                    let mut set = set.clone();
                    set.push(String::new());
                    Some(normalise(set))
                }
                (min, Some(max), Some(set)) if min == max && min <= 4 => {
                    let mut acc = vec![String::new()];
                    let mut ok = true;
                    for _ in 0..min {
                        match product(&acc, set) {
                            Some(next) => acc = next,
                            None => {
                                ok = false;
                                break;
                            }
                        }
                    }
                    ok.then_some(acc)
                }
                _ => None,
            };
            if let Some(set) = exact_set {
                return exact(set);
            }
            if repetition.min == 0 {
                return Facts::default();
            }
            Facts {
                exact: None,
                prefix: sub.prefix.clone().or_else(|| sub.exact.clone()),
                suffix: sub.suffix.clone().or_else(|| sub.exact.clone()),
                required: best(&sub),
            }
        }
        HirKind::Concat(children) => concat(&coalesce(children.iter().map(analyse))),
        HirKind::Alternation(children) => {
            let facts: Vec<Facts> = children.iter().map(analyse).collect();
            let union = |pick: &dyn Fn(&Facts) -> Option<Set>| -> Option<Set> {
                let mut all = Vec::new();
                for f in &facts {
                    all.extend(pick(f)?);
                }
                let all = normalise(all);
                (all.len() <= MAX_SET).then_some(all)
            };
            Facts {
                exact: union(&|f| f.exact.clone()),
                prefix: union(&|f| f.prefix.clone().or_else(|| f.exact.clone())),
                suffix: union(&|f| f.suffix.clone().or_else(|| f.exact.clone())),
                required: union(&best),
            }
        }
    }
}

/// A node that matches only the strings of `set` (which are also its prefixes, suffixes and
/// requirement: the other fields stay empty and readers fall back on `exact`).
fn exact(set: Set) -> Facts {
    Facts {
        exact: Some(set),
        ..Facts::default()
    }
}

/// Join runs of pieces that each match one string (a case-insensitive literal is one class
/// per letter) into one piece: the same facts, far fewer products to try.
fn coalesce(children: impl Iterator<Item = Facts>) -> Vec<Facts> {
    let mut out: Vec<Facts> = Vec::new();
    for child in children {
        let single = child.exact.as_ref().filter(|set| set.len() == 1);
        match (out.last_mut(), single) {
            (Some(last), Some(set)) if last.exact.as_ref().is_some_and(|l| l.len() == 1) => {
                let joined = format!("{}{}", last.exact.as_ref().map_or("", |l| &l[0]), set[0]);
                *last = exact(normalise(vec![joined]));
            }
            _ => out.push(child),
        }
    }
    out
}

fn concat(children: &[Facts]) -> Facts {
    // Whole-string products over the leading exact pieces give the prefix (and, when every
    // piece is exact, the exact set); the same from the right gives the suffix.
    let mut prefix = vec![String::new()];
    let mut all_exact = true;
    for child in children {
        match &child.exact {
            Some(set) => match product(&prefix, set) {
                Some(next) => prefix = next,
                None => {
                    all_exact = false;
                    break;
                }
            },
            None => {
                all_exact = false;
                if let Some(next) = child.prefix.as_ref().and_then(|p| product(&prefix, p)) {
                    prefix = next;
                }
                break;
            }
        }
    }
    if all_exact {
        return exact(prefix);
    }
    let mut suffix = vec![String::new()];
    for child in children.iter().rev() {
        match &child.exact {
            Some(set) => match product(set, &suffix) {
                Some(next) => suffix = next,
                None => break,
            },
            None => {
                if let Some(next) = child.suffix.as_ref().and_then(|s| product(s, &suffix)) {
                    suffix = next;
                }
                break;
            }
        }
    }
    // Candidates for "contains": each piece's own, and every run joining the end of one
    // piece, the whole of the pieces after it and the start of the last.
    let mut candidates: Vec<Set> = vec![prefix.clone(), suffix.clone()];
    candidates.extend(children.iter().filter_map(best));
    for (i, first) in children.iter().enumerate() {
        let Some(mut run) = first.suffix.clone().or_else(|| first.exact.clone()) else {
            continue;
        };
        for next in &children[i + 1..] {
            match &next.exact {
                Some(set) => match product(&run, set) {
                    Some(joined) => {
                        run = joined;
                        candidates.push(run.clone());
                    }
                    None => break,
                },
                None => {
                    if let Some(joined) = next.prefix.as_ref().and_then(|p| product(&run, p)) {
                        candidates.push(joined);
                    }
                    break;
                }
            }
        }
    }
    Facts {
        exact: None,
        prefix: Some(prefix),
        suffix: Some(suffix),
        required: candidates.into_iter().max_by_key(quality),
    }
}

/// The most selective of what a node guarantees.
fn best(facts: &Facts) -> Option<Set> {
    [&facts.required, &facts.exact, &facts.prefix, &facts.suffix]
        .into_iter()
        .flatten()
        .max_by_key(|set| quality(set))
        .cloned()
}

/// Longer shortest literals first (a word boundary at an edge counts half a byte), then
/// fewer literals. What prose is full of counts for less than its length ("the", "of"), what
/// it seldom holds for more (digits, currency signs: "the 5th" is gated on its digit).
fn quality(set: &Set) -> (usize, std::cmp::Reverse<usize>) {
    let score = |s: &String| {
        let boundaries = s.chars().filter(|&c| c == BOUNDARY).count();
        let text = s.trim_matches(BOUNDARY);
        if COMMON_WORDS.contains(&text) {
            return 1;
        }
        if rare(text) {
            return 2 * text.len() + 2;
        }
        2 * (s.len() - boundaries) + boundaries
    };
    let shortest = set.iter().map(score).min().unwrap_or(0);
    (shortest, std::cmp::Reverse(set.len()))
}

/// The commonest words of English prose: a gate on one of them opens nearly everywhere.
const COMMON_WORDS: &[&str] = &[
    "the", "of", "and", "to", "in", "a", "an", "on", "by", "for", "from", "at", "as", "with", "is",
    "was", "that", "it",
];

/// Whether a short literal is made of characters prose seldom holds (digits, currency
/// signs, "%"): worth gating on however short.
fn rare(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 3
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '$' | '€' | '£' | '¥' | '%'))
}

/// Bytes of the shortest literal, boundaries aside; a rare one counts as long enough.
fn shortest_text(set: &Set) -> usize {
    set.iter()
        .map(|s| {
            let text = s.trim_matches(BOUNDARY);
            if rare(text) {
                return usize::MAX;
            }
            text.chars()
                .filter(|&c| c != BOUNDARY)
                .map(char::len_utf8)
                .sum()
        })
        .min()
        .unwrap_or(0)
}

fn product(left: &[String], right: &[String]) -> Option<Set> {
    if left.len().saturating_mul(right.len()) > MAX_SET {
        return None;
    }
    let mut out = Vec::with_capacity(left.len() * right.len());
    for l in left {
        for r in right {
            out.push(format!("{l}{r}"));
        }
    }
    Some(normalise(out))
}

fn normalise(mut set: Set) -> Set {
    let doubled: String = [BOUNDARY, BOUNDARY].iter().collect();
    for s in &mut set {
        s.make_ascii_lowercase();
        while s.contains(&doubled) {
            *s = s.replace(&doubled, &BOUNDARY.to_string());
        }
    }
    set.sort();
    set.dedup();
    set
}

/// The characters of a small class. Case variants outside ASCII of an ASCII letter in the
/// class (the Kelvin sign for `k`, long s for `s`) are dropped: the search that uses these
/// literals ignores ASCII case only, and such variants do not occur in real text.
fn class_chars(class: &Class) -> Option<Vec<char>> {
    let mut chars: Vec<char> = Vec::new();
    match class {
        Class::Unicode(class) => {
            for range in class.iter() {
                let size = range.end() as usize - range.start() as usize + 1;
                if chars.len() + size > MAX_CLASS * 2 {
                    return None;
                }
                chars.extend(range.start()..=range.end());
            }
        }
        Class::Bytes(class) => {
            for range in class.iter() {
                if !range.end().is_ascii() {
                    return None;
                }
                chars.extend((range.start()..=range.end()).map(char::from));
            }
        }
    }
    let has_ascii = |c: char| chars.iter().any(|k| k.eq_ignore_ascii_case(&c));
    let folds_to_ascii = |c: &char| {
        !c.is_ascii()
            && c.to_lowercase()
                .chain(c.to_uppercase())
                .any(|f| f.is_ascii() && has_ascii(f))
    };
    let mut kept: Vec<char> = chars
        .iter()
        .copied()
        .filter(|c| !folds_to_ascii(c))
        .map(|c| c.to_ascii_lowercase())
        .collect();
    kept.sort_unstable();
    kept.dedup();
    // A class of blanks (`\s`: 25 characters, most of them Unicode spaces) multiplies every
    // literal it joins and says little: taken as unknown, the words on either side carry the
    // requirement ("present" of `at\s+present`, not "at" and 25 blanks).
    if kept.len() > 1 && kept.iter().any(|c| c.is_whitespace()) {
        return None;
    }
    (kept.len() <= MAX_CLASS).then_some(kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(pattern: &str) -> Option<Vec<String>> {
        required_literals(pattern, 2)
    }

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_digit_gates_better_than_the_commonest_words() {
        let digits: Vec<String> = (0..10).map(|d| d.to_string()).collect();
        assert_eq!(
            req(r"(?i)\b(?:on|of)\s+the\s+[0-9]{1,2}(?:st|th)?\b"),
            Some(digits)
        );
        // (A rarer word still wins over a digit.)
        assert_eq!(
            req(r"(?i)\b(?:ad|a\.d\.)\s+[0-9]+\b"),
            Some(strings(&["a.d.", "ad"]))
        );
    }

    #[test]
    fn currency_signs_are_gates_however_short() {
        assert_eq!(req(r"[$£]\s?[a-z]+"), Some(strings(&["$", "£"])));
        assert_eq!(req(r"[x-z]\s?[a-z]+"), None);
    }

    #[test]
    fn words_of_an_alternation() {
        assert_eq!(
            req(r"(?i)\b(?:ago|earlier)\b"),
            Some(strings(&["ago", "earlier"]))
        );
    }

    #[test]
    fn case_insensitive_letters_fold_to_one_literal() {
        assert_eq!(req(r"(?i)kelvins"), Some(strings(&["kelvins"])));
    }

    #[test]
    fn digit_runs_join_with_what_follows() {
        let set = req(r"\b[0-9]{1,3}(?:st|nd|rd|th) century\b").unwrap();
        assert!(set.iter().all(|s| s.ends_with(" century")), "{set:?}");
    }

    #[test]
    fn a_year_needs_two_of_its_digits() {
        let set = req(r"\b(1[0-9]{3}|20[0-9]{2})\b").unwrap();
        assert!(set.contains(&"19".to_string()) || set.contains(&"190".to_string()));
        assert!(set.iter().all(|s| s.len() >= 2));
    }

    #[test]
    fn optional_pieces_give_no_requirement() {
        assert_eq!(req(r"(?:the )?[a-z]+"), None);
        assert_eq!(req(r"x*"), None);
    }

    #[test]
    fn leading_literals_start_every_match() {
        let leading = |p: &str| {
            gates(p, 2)
                .leading
                .map(|g| g.literals.into_iter().map(|l| l.text).collect::<Vec<_>>())
        };
        assert_eq!(
            leading(r"(?i)\b(?:formally\s+)?declared\s+war\b"),
            None,
            "a blank run ends the leading literal, and the optional word leaves none"
        );
        assert_eq!(
            leading(r"(?i)\bdeclared\s+war\b"),
            Some(strings(&["declared"]))
        );
        assert_eq!(
            leading(r"(?i)\b(?:ago|earlier)\b"),
            Some(strings(&["ago", "earlier"]))
        );
        assert_eq!(leading(r"(?:the )?[a-z]+"), None);
        let gate = gates(r"(?i)\bdeclared\s+war\b", 2).leading.unwrap();
        assert!(gate.literals[0].word_start && !gate.literals[0].word_end);
    }

    #[test]
    fn explicit_non_ascii_letters_are_kept() {
        let set = req(r"(?i)é[a-z]+té").unwrap();
        assert!(
            set.iter().any(|s| s.contains('é') || s.contains('É')),
            "{set:?}"
        );
    }
}
