//! Letter classes narrowed to the Latin script, for patterns over English prose.

/// The letters of the Latin script: ASCII, Latin-1 (without `×` and `÷`), Latin Extended-A
/// and -B, and Latin Extended Additional. English prose spells names with these, diacritics
/// included ("Yōko", "Łukasz", "Nguyễn"), as the contents of a bracketed class.
pub const LATIN_LETTERS: &str = r"A-Za-z\u{C0}-\u{D6}\u{D8}-\u{F6}\u{F8}-\u{24F}\u{1E00}-\u{1EFF}";

/// `pattern` with Unicode's letter classes `\p{L}` and `\p{Lu}` narrowed to the Latin
/// script ([`LATIN_LETTERS`]), inside or outside a bracketed class.
///
/// Why: `\p{L}` spans hundreds of ranges over every script. Repeated in a pattern for a name
/// of several words it compiles to thousands of automaton states, and every search for the
/// capture groups of a match then clears a table of states × bytes before it starts.
///
/// ```
/// use dyad_prefilter::latin_letters;
/// let name = regex::Regex::new(&latin_letters(r"\p{Lu}[\p{L}'-]+")).unwrap();
/// assert!(name.is_match("Łukasz"));
/// assert!(!name.is_match("Ωmega"));
/// ```
pub fn latin_letters(pattern: &str) -> String {
    pattern
        .replace(r"\p{Lu}", &format!(r"[\p{{Lu}}&&[{LATIN_LETTERS}]]"))
        .replace(r"\p{L}", &format!("[{LATIN_LETTERS}]"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrowed_classes_keep_latin_letters_and_case() {
        let upper = regex::Regex::new(&format!("^{}$", latin_letters(r"\p{Lu}"))).unwrap();
        for c in ["A", "Ō", "Ł", "Ễ"] {
            assert!(upper.is_match(c), "{c}");
        }
        for c in ["a", "ō", "ł", "×", "Ж", "1"] {
            assert!(!upper.is_match(c), "{c}");
        }
        let letter = regex::Regex::new(&format!("^{}+$", latin_letters(r"[\p{L}'-]"))).unwrap();
        assert!(letter.is_match("d'Ostiani"));
        assert!(letter.is_match("Nguyễn"));
        assert!(!letter.is_match("a÷b"));
    }
}
