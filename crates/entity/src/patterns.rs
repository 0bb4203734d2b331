//! Patterns for what no list can hold: people after a title, named treaties and wars.

use regex::Regex;
use std::sync::LazyLock;

const TITLES: &str = include_str!("../resources/titles.tsv");

/// Compile with ASCII word boundaries and Latin letters.
///
/// A Unicode `\b` makes the fast engines give up on non-ASCII text (and Wikipedia prose
/// always has some), falling back to a slow one. Unicode's `\p{L}` made the name patterns'
/// automata thousands of states large (see [`dyad_prefilter::latin_letters`]).
fn compile(pattern: &str) -> Option<Regex> {
    Regex::new(&dyad_prefilter::latin_letters(
        &pattern.replace(r"\b", r"(?-u:\b)"),
    ))
    .ok()
}

/// Titles, longest first, with the state each implies on its own.
pub static TITLE_STATES: LazyLock<Vec<(String, Option<String>)>> = LazyLock::new(|| {
    let mut titles: Vec<(String, Option<String>)> = TITLES
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut fields = l.split('\t');
            let title = fields.next()?.trim().to_string();
            let state = fields
                .next()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string);
            Some((title, state))
        })
        .collect();
    titles.sort_by_key(|t| std::cmp::Reverse(t.0.len()));
    titles
});

/// Every word of every title ("Prime", "Minister", "Pope"): a name does not start with one.
pub static TITLE_WORDS: LazyLock<foldhash::HashSet<String>> = LazyLock::new(|| {
    TITLE_STATES
        .iter()
        .flat_map(|(title, _)| title.split_whitespace().map(str::to_string))
        .collect()
});

/// A capitalised name word, a name particle, or a regnal number.
const NAME_WORD: &str = r"(?:d'[\p{Lu}][\p{L}]+|[\p{Lu}]\.|[\p{Lu}][\p{L}'’\-]*|(?:de|da|do|dos|das|di|del|della|dei|von|van|der|bin|ibn|le|la|arap)\b|al-[\p{Lu}][\p{L}]+)";

/// Title followed by a name: "Prime Minister Golda Meir", "Pope Pius IX",
/// "Count Alessandro Fè d'Ostiani". Group 1: title, group 2: name.
pub static TITLED_PERSON: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let titles: Vec<String> = TITLE_STATES.iter().map(|(t, _)| regex::escape(t)).collect();
    compile(&format!(
        r"\b((?:(?:{titles})\s+)+(?:(?:of|for)\s+(?:the\s+)?[\p{{Lu}}][\p{{L}}]+(?:\s+(?:and|of)\s+[\p{{Lu}}][\p{{L}}]+)*\s+)?)([\p{{Lu}}][\p{{L}}'’\-]+(?:[ \t]+{NAME_WORD}){{0,4}})",
        titles = titles.join("|")
    ))
});

/// What may follow a ruler's name to say which state they ruled: ", who seized power in
/// Uganda", ", who ruled Libya", ", the president of Sudan". The state is the mention that
/// starts where the match ends.
pub static RULED_STATE_AFTER: LazyLock<Option<Regex>> = LazyLock::new(|| {
    compile(
        r"^,?\s+(?:who\s+(?:had\s+)?)?(?:(?:seized|took|came\s+to|returned\s+to|rose\s+to|held|assumed)\s+power\s+in|ruled|governed|led|(?:became|was)\s+(?:the\s+)?(?:[\p{L}-]+\s+)?(?:president|leader|ruler|dictator|prime\s+minister|king|emir|sultan|head\s+of\s+state)\s+of|the\s+(?:[\p{L}-]+\s+)?(?:president|leader|ruler|dictator|prime\s+minister|king|emir|sultan)\s+of)\s+(?:the\s+)?",
    )
});

/// What may stand before a ruler's name after the state's own name or demonym: "the
/// Guatemalan government of Jacobo Árbenz", "Uganda's regime of Idi Amin".
pub static RULE_OF_BEFORE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    compile(r"(?:'s|’s)?\s+(?:government|regime|junta|administration|dictatorship)\s+of\s+$")
});

/// A name followed by a life span: "Marco Polo (1254–1324)". Group 1: name.
pub static LIFESPAN_PERSON: LazyLock<Option<Regex>> = LazyLock::new(|| {
    compile(
        r"\b([\p{Lu}][\p{L}'’\-]+(?:\s+(?:[\p{Lu}][\p{L}'’\-]+|de|da|di|von|van)){1,3})\s+\((?:born\s+|b\.\s+|c\.\s+)?[0-9]{3,4}\s*[–\-]\s*(?:c\.\s+)?[0-9]{2,4}\)",
    )
});

/// A name followed by a role of a state: "Yōko Kamikawa, Minister for Foreign Affairs of
/// Japan". Group 1: name, group 2: role, group 3: state name.
pub static APPOSITIVE_PERSON: LazyLock<Option<Regex>> = LazyLock::new(|| {
    compile(
        r"\b([\p{Lu}][\p{L}'’\-]+(?:\s+[\p{Lu}][\p{L}'’\-]+){1,3}),\s+((?:the\s+)?(?:[\p{L}\-]+\s+){0,4}?(?:Minister|President|Ambassador|Secretary|Chancellor|King|Queen|Emperor|Premier|Envoy|Consul|Governor|Chairman|General|Admiral)(?:\s+(?:for|of)\s+[\p{L}\s]+?)?)\s+of\s+(?:the\s+)?([\p{Lu}][\p{L}]+(?:\s+[\p{Lu}][\p{L}]+){0,3})",
    )
});

/// Named treaties: "Treaty of Friendship and Commerce", "Tripartite Pact", "Cassibile
/// armistice". Group 0 is the name.
pub static TREATY: LazyLock<Option<Regex>> = LazyLock::new(|| {
    compile(
        r"\b(?:(?:Treaty|Pact|Convention|Protocol|Declaration|Agreement|Accords?|Armistice|Charter|Peace|Concordat|Alliance|Entente|Treaties|Act)\s+of\s+[\p{Lu}][\p{L}\-]+(?:(?:\s+|\s+(?:and|of|the|for|on|between)\s+)[\p{Lu}][\p{L}\-]+)*|(?:[\p{Lu}][\p{L}\-–]+\s+){1,4}(?:Treaty|Pact|Accords?|Agreement|Convention|Protocol|Declaration|Armistice|Charter|Concordat|Communiqué|Memorandum|Act)|[\p{Lu}][\p{L}]+\s+(?:armistice|treaty|accords?|agreement|pact))\b",
    )
});

/// Named wars: "Russo-Japanese War", "War of the Pacific", "First Sino-Japanese War".
pub static WAR: LazyLock<Option<Regex>> = LazyLock::new(|| {
    compile(
        r"\b(?:(?:[\p{Lu}][\p{L}\-–']+\s+){1,3}(?:War|Wars|Rebellion|Revolution|Uprising|Crisis|Incident|Intervention)|(?:War|Wars)\s+of\s+(?:the\s+)?[\p{Lu}][\p{L}\-]+(?:\s+[\p{Lu}][\p{L}\-]+)*)\b",
    )
});

/// Words that start a capitalised phrase at a sentence start without being part of a name.
pub const NOT_NAME_STARTS: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "After",
    "Before",
    "During",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Their",
    "Its",
    "Both",
    "Each",
    "Under",
    "With",
    "From",
    "By",
    "For",
    "Following",
    "Since",
    "When",
    "While",
    "Although",
    "As",
    "Relations",
    "Between",
];

/// A name without a title, accepted by its context: "Fidel Castro visited", "the painter
/// Diego Rivera", "signed by Indira Gandhi and …". Group 1: the name.
pub static BARE_PERSON: LazyLock<Option<Regex>> = LazyLock::new(|| {
    compile(&format!(
        r"\b([\p{{Lu}}][\p{{L}}'’\-]+(?:[ \t]+(?:{NAME_WORD}|(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI)\b)){{1,3}})"
    ))
});

/// Words that may stand between a state and a role noun ("the Italian foreign minister",
/// "Venezuelan opposition leader"); any other word (a verb: "Colombia recognised opposition
/// leader …") cuts the tie.
pub const ROLE_MODIFIERS: &[&str] = &[
    "foreign",
    "prime",
    "former",
    "then",
    "supreme",
    "military",
    "opposition",
    "deputy",
    "vice",
    "defence",
    "defense",
    "interior",
    "finance",
    "trade",
    "rebel",
    "spiritual",
    "new",
    "late",
    "exiled",
    "interim",
    "acting",
    "chief",
];

/// Lower-case role nouns before a bare name ("the painter Diego Rivera").
pub const ROLE_NOUNS: &[&str] = &[
    "painter",
    "sculptor",
    "architect",
    "writer",
    "poet",
    "novelist",
    "composer",
    "musician",
    "singer",
    "general",
    "admiral",
    "missionary",
    "merchant",
    "navigator",
    "explorer",
    "samurai",
    "envoy",
    "diplomat",
    "minister",
    "leader",
    "dictator",
    "scholar",
    "priest",
    "artist",
    "pilot",
    "pilots",
    "journalist",
    "engineer",
    "physician",
    "philosopher",
    "historian",
    "emperor",
    "king",
    "queen",
    "president",
    "chancellor",
    "daimyō",
    "daimyo",
    "shogun",
    "monk",
    "nun",
    "saint",
    "star",
    "player",
    "activist",
    "dissident",
    "assassin",
    "spy",
    "officer",
    "commander",
    "colonel",
    "captain",
];

/// Verbs after a bare name that make it a person ("Anwar Sadat flew to Jerusalem").
pub const PERSON_VERBS: &[&str] = &[
    "was",
    "is",
    "had",
    "has",
    "said",
    "says",
    "met",
    "visited",
    "took",
    "flew",
    "shot",
    "signed",
    "became",
    "proclaimed",
    "spoke",
    "declared",
    "wrote",
    "told",
    "led",
    "ordered",
    "announced",
    "travelled",
    "traveled",
    "arrived",
    "died",
    "married",
    "resigned",
    "returned",
    "welcomed",
    "addressed",
    "accepted",
    "refused",
    "sent",
    "received",
    "ruled",
    "reigned",
    "fled",
    "won",
    "lost",
    "founded",
    "attended",
    "praised",
    "condemned",
    "described",
    "overthrew",
    "deposed",
    "ousted",
    "who",
];

/// Verbs whose object is a person when a bare name follows: "Idi Amin overthrew Milton
/// Obote" (not the town of Milton).
pub const PERSON_OBJECT_VERBS: &[&str] = &[
    "overthrew",
    "deposed",
    "ousted",
    "succeeded",
    "assassinated",
    "pardoned",
];

/// Which of the gated name patterns is which in [`NAME_GATES`].
#[derive(Debug, Clone, Copy)]
pub enum Gated {
    Appositive = 0,
    Titled = 1,
    Lifespan = 2,
    Treaty = 3,
    War = 4,
}

/// Literal gates for the name patterns that hold a literal (a title, a role, "Treaty", a
/// parenthesised year): each is searched only near one. The bare-name pattern has none.
pub static NAME_GATES: LazyLock<dyad_prefilter::Gates> = LazyLock::new(|| {
    let pattern = |regex: &Option<Regex>| regex.as_ref().map_or("", |r| r.as_str()).to_string();
    let patterns = [
        pattern(&APPOSITIVE_PERSON),
        pattern(&TITLED_PERSON),
        pattern(&LIFESPAN_PERSON),
        pattern(&TREATY),
        pattern(&WAR),
    ];
    dyad_prefilter::Gates::new(patterns.iter().map(String::as_str))
});
