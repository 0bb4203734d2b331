//! The event resources: kinds with their codes, triggers, suppressions and fact patterns.

use foldhash::HashMap;
use regex::Regex;

const KINDS: &str = include_str!("../resources/kinds.tsv");
const TRIGGERS: &str = include_str!("../resources/triggers.tsv");
const CONTINUATIONS: &str = include_str!("../resources/continuations.txt");
const LIST_HEADINGS: &str = include_str!("../resources/list-headings.tsv");
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
    /// Each act of the kind stands alone: two verbs of it joined in one clause are two
    /// events ("closed the pipeline and joined the embargo"), where two verbs of a visit
    /// ("arrived in Rome and was received by the Pope") tell one.
    pub acts_apart: bool,
}

/// The pseudo-kind of triggers that mark wording which tells no event ("released a
/// recording"): their matches take away every other trigger's match they overlap, and
/// are dropped themselves.
pub const NOT_AN_EVENT: &str = "none";

#[derive(Debug)]
pub struct Trigger {
    pub kind: String,
    pub regex: Regex,
    pub weak: bool,
    pub unilateral: bool,
    pub respectively: bool,
    /// Where its match overlaps another kind's, only this one counts ("ethnic clashes broke
    /// out" is unrest, not a war).
    pub overrides: bool,
    /// The regex has a group named `at`: the event is where that group matched, not the
    /// whole match ("the Arusha Memorandum, which Kenya and Somalia (signed)": the words
    /// before only say what was signed, and the date and subject belong to the verb's clause).
    pub focus: bool,
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
    /// Which stretches of a text each fact pattern can match in (see `dyad-prefilter`).
    pub fact_gates: dyad_prefilter::Gates,
    /// Openings of a paragraph that continue the one before ("As a result", "However").
    pub continuations: Vec<String>,
    /// Heading words whose sections list events of a kind, one per date of an item
    /// (lower-cased word, kind).
    pub list_headings: Vec<(String, String)>,
}

/// The letters, digits and underscore of the Latin script (ASCII, Latin-1, Latin Extended-A
/// and -B): what a word of English prose, names with diacritics included, is made of.
const LATIN_WORD: &str = r"A-Za-z0-9_\u{C0}-\u{24F}";

/// A capital letter of the Latin script as names in English prose use it: ASCII, Latin-1
/// and Latin Extended-A (`(?-i:[A-Z])` in a pattern is read as this).
const LATIN_CAPITAL: &str =
    "(?-i:[A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ])";

/// Trigger and fact patterns with small automata: `\b` is an ASCII word boundary, `\w` a Latin
/// word character and `\p{L}` a Latin letter ([`dyad_prefilter::latin_letters`]). Unicode's
/// `\w` spans hundreds of ranges; repeated in "(?:\w+\s+){0,6}" it made the triggers' automata
/// take 23 MB, too much to stay in the processor's caches beside the other stages (5.5 MB with
/// these classes).
fn compact_classes(pattern: &str) -> String {
    // A capital that opens a name may carry a diacritic ("a ceremony in Čurug", "Łódź").
    let pattern = &pattern.replace("(?-i:[A-Z])", LATIN_CAPITAL);
    let mut out = String::with_capacity(pattern.len() + 64);
    let mut in_class = false;
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('w') if in_class => out.push_str(LATIN_WORD),
                Some('w') => {
                    out.push('[');
                    out.push_str(LATIN_WORD);
                    out.push(']');
                }
                // A boundary before a word needs no word character before it; one after a
                // word, none after it. Half boundaries say just that, so a word that ends in a
                // letter outside ASCII ("communiqué", "chargé") still ends there. What can
                // only follow the end of a word (white space, a negated class, punctuation)
                // marks one after a word too: "loans\b[^.;]", "aid\b\s".
                Some('b') if !in_class => {
                    let mut ahead = chars.clone();
                    let after_word = match ahead.next() {
                        None | Some('|' | ')' | ' ' | ',' | '.' | ';' | ':') => true,
                        Some('[') => ahead.next() == Some('^'),
                        Some('\\') => matches!(ahead.next(), Some('s' | 'W')),
                        Some(_) => false,
                    };
                    out.push_str(if after_word {
                        r"(?-u:\b{end-half})"
                    } else {
                        r"(?-u:\b{start-half})"
                    });
                }
                Some(next) => {
                    out.push('\\');
                    out.push(next);
                }
                None => out.push('\\'),
            },
            '[' if !in_class => {
                in_class = true;
                out.push(c);
                // A `]` right after the opening bracket (or after `^`) is a literal.
                if chars.peek() == Some(&'^') {
                    out.push('^');
                    chars.next();
                }
                if chars.peek() == Some(&']') {
                    out.push(']');
                    chars.next();
                }
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    dyad_prefilter::latin_letters(&out)
}

/// A pattern of the extractor's own, compiled with small classes (see [`compact_classes`]);
/// `None` if it does not compile.
pub(crate) fn prose_regex(pattern: &str) -> Option<Regex> {
    Regex::new(&compact_classes(pattern)).ok()
}

fn lines(source: &str) -> impl Iterator<Item = (usize, &str)> {
    source
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l))
}

impl Resources {
    /// The kind a section's list items tell, by its headings (see `list-headings.tsv`).
    pub fn list_kind(&self, path: &[String]) -> Option<&str> {
        path.iter().rev().find_map(|heading| {
            let heading = heading.to_lowercase();
            self.list_headings
                .iter()
                .find(|(word, _)| heading.contains(word.as_str()))
                .map(|(_, kind)| kind.as_str())
        })
    }

    pub fn load() -> Result<Resources, ResourceError> {
        let mut kinds = HashMap::default();
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
                    acts_apart: field(5).as_deref() == Some("apart"),
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
            if *kind != NOT_AN_EVENT && !kinds.contains_key(*kind) {
                return Err(ResourceError {
                    file: "triggers.tsv",
                    line,
                    message: format!("unknown kind `{kind}`"),
                });
            }
            let regex = regex::RegexBuilder::new(&format!("(?i){}", compact_classes(pattern)))
                .build()
                .map_err(|e| ResourceError {
                    file: "triggers.tsv",
                    line,
                    message: e.to_string(),
                })?;
            // Each line is searched on its own (not as one alternation per kind): where two
            // lines match at one place, both matches count ("Museum" alone is part of a name,
            // "Museum in São Paulo was inaugurated" is an event).
            triggers.push(Trigger {
                kind: kind.to_string(),
                weak: options.contains("weak"),
                unilateral: options.contains("unilateral"),
                overrides: options.contains("overrides"),
                respectively: options.contains("respectively"),
                focus: regex.capture_names().any(|name| name == Some("at")),
                regex,
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
            let regex = Regex::new(&compact_classes(pattern)).map_err(|e| ResourceError {
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
        let continuations = lines(CONTINUATIONS)
            .map(|(_, l)| l.trim().to_string())
            .collect();
        let mut list_headings = Vec::new();
        for (line, text) in lines(LIST_HEADINGS) {
            let (word, kind) = text.split_once('\t').ok_or(ResourceError {
                file: "list-headings.tsv",
                line,
                message: "expected heading word, kind".into(),
            })?;
            if !kinds.contains_key(kind.trim()) {
                return Err(ResourceError {
                    file: "list-headings.tsv",
                    line,
                    message: format!("unknown kind `{kind}`"),
                });
            }
            list_headings.push((word.trim().to_lowercase(), kind.trim().to_string()));
        }
        let fact_gates = dyad_prefilter::Gates::new(facts.iter().map(|f| f.regex.as_str()));
        Ok(Resources {
            fact_gates,
            kinds,
            continuations,
            trigger_gates,
            list_headings,
            triggers,
            suppress,
            facts,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_classes_rewrites_word_and_boundary() {
        assert_eq!(
            compact_classes(r"\bvisit\s+(?:\w+\s+){0,2}[\w'-]+\.\b"),
            r"(?-u:\b{start-half})visit\s+(?:[A-Za-z0-9_\u{C0}-\u{24F}]+\s+){0,2}[A-Za-z0-9_\u{C0}-\u{24F}'-]+\.(?-u:\b{end-half})"
        );
        let regex = regex::Regex::new(&format!(
            "(?i){}",
            compact_classes(r"\bjoint\s+(?:statement|communiqué)\b")
        ))
        .unwrap();
        assert!(regex.is_match("issued a joint communiqué on trade"));
        assert!(!regex.is_match("a joint statements"));
        // (A boundary followed by what only follows a word ends that word.)
        let regex = regex::Regex::new(&compact_classes(r"\baid\b[^.;]{0,20}\bbut\b")).unwrap();
        assert!(regex.is_match("gave aid to Peru, but"));
        let regex = regex::Regex::new(&compact_classes(r"\baid\b\s+to\b")).unwrap();
        assert!(regex.is_match("gave aid to Peru"));
        // (A name's capital may carry a diacritic.)
        let regex = regex::Regex::new(&compact_classes(r"\bin\s+(?-i:[A-Z])\w+")).unwrap();
        assert_eq!(
            regex.find("a ceremony in Čurug").map(|m| m.as_str()),
            Some("in Čurug")
        );
        assert!(!regex.is_match("a ceremony in čurug"));
        let regex = regex::Regex::new(&compact_classes(r"\b\w+\s+visited\b")).unwrap();
        assert_eq!(
            regex.find("the daimyō visited").map(|m| m.as_str()),
            Some("daimyō visited")
        );
    }
}
