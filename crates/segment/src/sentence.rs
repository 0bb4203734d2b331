//! Sentence boundaries inside blocks.

use dyad_read::{Document, Span};
use foldhash::HashSet;
use serde::Serialize;
use std::sync::LazyLock;

/// A sentence of a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sentence {
    pub span: Span,
    /// Index into [`Document::blocks`].
    pub block: usize,
    /// Index into [`Document::sections`].
    pub section: usize,
}

struct Lexicon {
    never_final: HashSet<String>,
    ambiguous: HashSet<String>,
    starters: HashSet<String>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut lexicon = Lexicon {
        never_final: HashSet::default(),
        ambiguous: HashSet::default(),
        starters: HashSet::default(),
    };
    let mut current: Option<&mut HashSet<String>> = None;
    for line in include_str!("../resources/abbreviations.txt").lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        match line {
            "" => continue,
            "[never-final]" => current = Some(&mut lexicon.never_final),
            "[ambiguous]" => current = Some(&mut lexicon.ambiguous),
            "[sentence-starters]" => current = Some(&mut lexicon.starters),
            words => {
                if let Some(set) = current.as_deref_mut() {
                    set.extend(
                        words
                            .split_whitespace()
                            .map(|w| w.trim_end_matches('.').to_string()),
                    );
                }
            }
        }
    }
    lexicon
});

/// Every sentence of the document, in order.
pub fn sentences(doc: &Document) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (index, block) in doc.blocks.iter().enumerate() {
        let text = doc.slice(block.span);
        for span in split_sentences(text) {
            out.push(Sentence {
                span: Span::new(block.span.start + span.start, block.span.start + span.end),
                block: index,
                section: block.section,
            });
        }
    }
    out
}

const CLOSERS: &[char] = &['"', '\'', '”', '’', ')', ']', '»'];

/// The length of a footnote marker at the start of `text`: "[1]", "[12]", "[a]", "[note 3]",
/// "[citation needed]".
fn citation_marker(text: &str) -> Option<usize> {
    let inner = text.strip_prefix('[')?;
    let close = inner.find(']')?;
    let body = &inner[..close];
    let short = body.len() <= 20 && !body.is_empty();
    let marker = body.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ')
        && (body.chars().all(|c| c.is_ascii_digit())
            || body.len() == 1
            || body.starts_with("note")
            || body.starts_with("citation")
            || body.starts_with("nb"));
    (short && marker).then_some(close + 2)
}

/// Split one block of text into sentence spans (offsets relative to `text`), trimmed of
/// surrounding white space.
pub fn split_sentences(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < text.len() {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if !matches!(c, '.' | '!' | '?' | '…') {
            i += c.len_utf8();
            continue;
        }
        let terminal = i;
        // The whole run of terminal marks, then closing quotes and brackets.
        let mut end = i;
        while let Some(t) = text[end..]
            .chars()
            .next()
            .filter(|t| matches!(t, '.' | '!' | '?' | '…'))
        {
            end += t.len_utf8();
        }
        loop {
            if let Some(closer) = text[end..].chars().next().filter(|c| CLOSERS.contains(c)) {
                end += closer.len_utf8();
            } else if let Some(marker) = citation_marker(&text[end..]) {
                // Footnote markers left in the text ("…Benjamin.[1] In 2005") end with it.
                end += marker;
            } else {
                break;
            }
        }
        i = end;
        let after = &text[end..];
        if !after.is_empty() && !after.starts_with(char::is_whitespace) {
            continue;
        }
        let next_word = after.split_whitespace().next().unwrap_or("");
        if !next_word.is_empty() && !starts_sentence(next_word) {
            continue;
        }
        let single_dot = c == '.' && !text[terminal + 1..end].contains(['.', '!', '?', '…']);
        if single_dot && !dot_ends_sentence(&text[start..terminal], next_word) {
            continue;
        }
        push_trimmed(&mut spans, text, start, end);
        start = end;
    }
    push_trimmed(&mut spans, text, start, text.len());
    spans
}

fn starts_sentence(word: &str) -> bool {
    let first = word
        .chars()
        .find(|c| !matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '«'));
    match first {
        Some(c) => c.is_uppercase() || c.is_ascii_digit() || !c.is_alphabetic(),
        None => true,
    }
}

/// Whether a single `.` after `before` ends the sentence, given the word that follows.
fn dot_ends_sentence(before: &str, next_word: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .next()
        .unwrap_or("");
    if word.is_empty() {
        return true;
    }
    let lexicon = &*LEXICON;
    let next_is_starter = {
        let cleaned: String = next_word
            .trim_start_matches(['"', '\'', '“', '‘', '('])
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect();
        lexicon.starters.contains(&cleaned)
    };
    // "…under Queen Margaret I. Christian II of Denmark…": a regnal numeral after a ruler's
    // title and name is no initial, and a capitalised word after it starts a sentence.
    if matches!(word, "I" | "V" | "X") && next_word.starts_with(char::is_uppercase) {
        let mut words = before.split_whitespace().rev().skip(1);
        let (name, title) = (words.next(), words.next());
        let ruler = name.is_some_and(|n| n.starts_with(char::is_uppercase))
            && title.is_some_and(|t| REGNAL_TITLES.contains(&t));
        if ruler {
            return true;
        }
    }
    if lexicon.never_final.contains(word)
        || lexicon.never_final.contains(&word.to_lowercase())
        || lexicon.never_final.contains(&capitalised(word))
    {
        return false;
    }
    // "No." and "Art." followed by a number, and any other never-final word, were handled
    // above; an ambiguous abbreviation or an initial ends a sentence only before a typical
    // sentence start.
    let is_initial = word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase());
    let is_dotted = word.contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.');
    if lexicon.ambiguous.contains(word) || is_initial || is_dotted {
        return next_is_starter;
    }
    true
}

/// Titles of rulers whose names carry a regnal numeral.
const REGNAL_TITLES: &[&str] = &[
    "King", "Queen", "Emperor", "Empress", "Tsar", "Tsarina", "Pope", "Sultan", "Shah", "Emir",
    "Kaiser", "Prince", "Princess", "Pharaoh", "Khedive",
];

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) => c
            .to_uppercase()
            .chain(chars.flat_map(|c| c.to_lowercase()))
            .collect(),
        None => String::new(),
    }
}

fn push_trimmed(spans: &mut Vec<Span>, text: &str, start: usize, end: usize) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        spans.push(Span::new(start + lead, start + lead + trimmed.len()));
    }
}
