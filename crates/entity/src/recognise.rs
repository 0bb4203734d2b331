//! Recognition over a document: gazetteer matches with their ambiguities resolved, link
//! evidence, patterns for people and named treaties and wars, and coreference of the dyad.

use crate::gazetteer::{rows, EntityKind, Entry, Form, Gazetteer};
use crate::patterns::{
    Gated, APPOSITIVE_PERSON, BARE_PERSON, LIFESPAN_PERSON, NAME_GATES, NOT_NAME_STARTS,
    PERSON_OBJECT_VERBS, PERSON_VERBS, ROLE_MODIFIERS, ROLE_NOUNS, RULED_STATE_AFTER,
    RULE_OF_BEFORE, TITLED_PERSON, TITLE_STATES, TITLE_WORDS, TREATY, WAR,
};
use crate::EntityError;
use dyad_read::{Document, Span};
use dyad_time::period::PeriodMention;
use serde::Serialize;

const NOT_STATES: &str = include_str!("../resources/not-states.tsv");
const AMBIGUOUS: &str = include_str!("../resources/ambiguous-names.txt");
const NAME_OPENERS: &str = include_str!("../resources/name-openers.txt");
const SHARED_NAMES: &str = include_str!("../resources/shared-names.tsv");
const SUCCESSORS: &str = include_str!("../resources/successors.tsv");
const REGIONS_BEFORE_STATES: &str = include_str!("../resources/regions-before-states.tsv");

/// One mention of an entity in a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    pub span: Span,
    pub kind: EntityKind,
    pub text: String,
    /// The canonical name: a state's common name, a city's name, a person's name as written.
    pub name: String,
    /// ISO 3166-1 alpha-3: the state named, or the state a place, person or body belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The historical polity named ("Kingdom of Italy"), for states.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub historical: Option<String>,
    /// A person's title or role ("Prime Minister").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub geonames: Option<u64>,
    /// Years a treaty was signed / a war or polity lasted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub years: Option<(Option<i64>, Option<i64>)>,
    /// How it was found: name, demonym, historical, capital, city, link, title, lifespan,
    /// appositive, pattern, coreference.
    pub via: &'static str,
    /// Whether the mention stands inside parentheses (an aside).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub in_parentheses: bool,
}

/// The recogniser: gazetteers and patterns, built once and shared.
#[derive(Debug)]
pub struct Recogniser {
    gazetteer: Gazetteer,
    periods: dyad_time::period::PeriodGazetteer,
    not_states: Vec<String>,
    /// Words that begin longer place names ("San", "Port"): see `resources/name-openers.txt`.
    name_openers: Vec<String>,
    ambiguous: Vec<String>,
}

/// Phrases that refer to both states of the document's dyad.
const DYAD_PHRASES: &[&str] = &[
    "the two countries",
    "both countries",
    "the two nations",
    "both nations",
    "the two states",
    "both states",
    "the two governments",
    "both governments",
    "the two sides",
    "both sides",
    "the two powers",
    "both powers",
    "the two empires",
    "both empires",
    "the two kingdoms",
    "the two peoples",
    "both peoples",
    "the two neighbours",
    "the two neighbors",
    "both neighbours",
    "both neighbors",
    "both are",
    "both were",
    "both have",
    "both had",
    "both joined",
    "both signed",
];

/// Verbs after which a bare "both" is the pair ("Both are founding members of NATO").
const BARE_BOTH_VERBS: &[&str] = &["are", "were", "have", "had", "joined", "signed"];

/// Where coreference may start: the dyad phrases, "the former", "the latter", and "the "
/// (for "the country", "the Asian nation"), all found in one pass.
static COREFERENCE_CUES: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> =
    std::sync::LazyLock::new(|| {
        let cues = DYAD_PHRASES
            .iter()
            .copied()
            .chain(["the former", "the latter", "the "]);
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(cues)
            .ok()
    });

const LEADERS: &str = include_str!("../resources/leaders.tsv");

/// Rulers often named bare ("After Gaddafi seized power"), from `resources/leaders.tsv`.
struct Rulers {
    /// Every name they go by.
    searcher: aho_corasick::AhoCorasick,
    /// The state of each name's ruler, by pattern index.
    codes: Vec<String>,
    /// The first two bytes of every name: most word starts are turned away by these before
    /// any search.
    openings: foldhash::HashSet<[u8; 2]>,
}

static KNOWN_RULERS: std::sync::LazyLock<Option<Rulers>> = std::sync::LazyLock::new(|| {
    let mut names: Vec<String> = Vec::new();
    let mut codes: Vec<String> = Vec::new();
    for line in LEADERS.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut fields = line.split('\t');
        let (Some(code), Some(forms)) = (fields.next(), fields.next()) else {
            continue;
        };
        for name in forms.split('|').map(str::trim).filter(|n| !n.is_empty()) {
            names.push(name.to_string());
            codes.push(code.trim().to_string());
        }
    }
    // (Searched anchored at the starts of words only, see `known_rulers`: a contiguous
    // NFA, cheap to build, fails within a byte or two at most words.)
    aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .start_kind(aho_corasick::StartKind::Anchored)
        .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
        .build(&names)
        .ok()
        .map(|searcher| {
            let openings = names
                .iter()
                .filter_map(|n| n.as_bytes().get(..2))
                .map(|b| [b[0], b[1]])
                .collect();
            Rulers {
                searcher,
                codes,
                openings,
            }
        })
});

/// Index of the first cue after the dyad phrases in [`COREFERENCE_CUES`].
const FORMER: usize = DYAD_PHRASES.len();

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn via_of(form: Form) -> &'static str {
    match form {
        Form::Name => "name",
        Form::Historical => "historical",
        Form::Demonym => "demonym",
        Form::Organisation => "name",
        Form::Treaty => "name",
        Form::Capital => "capital",
        Form::City => "city",
    }
}

impl Recogniser {
    pub fn new() -> Result<Recogniser, EntityError> {
        let gazetteer = Gazetteer::load().map_err(EntityError::Resource)?;
        let periods = dyad_time::period::PeriodGazetteer::parse(dyad_time::period::PERIODS)
            .map_err(EntityError::Resource)?;
        let list = |source: &str| -> Vec<String> {
            source
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(str::to_string)
                .collect()
        };
        Ok(Recogniser {
            gazetteer,
            periods,
            not_states: list(NOT_STATES),
            ambiguous: list(AMBIGUOUS),
            name_openers: list(NAME_OPENERS),
        })
    }

    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// A mention of each state in `codes` (that the gazetteer knows), all at one span: "the
    /// two countries", "the Axis powers".
    fn state_mentions<'c>(
        &self,
        codes: impl IntoIterator<Item = &'c String>,
        span: Span,
        text: &str,
        via: &'static str,
    ) -> Vec<Mention> {
        codes
            .into_iter()
            .filter_map(|code| self.gazetteer.state(code))
            .map(|state| self.mention_of(state, span, text, via))
            .collect()
    }

    fn mention_of(&self, entry: &Entry, span: Span, text: &str, via: &'static str) -> Mention {
        Mention {
            span,
            kind: entry.kind,
            text: text.to_string(),
            name: entry.canonical.clone(),
            code: entry.code.clone(),
            historical: entry.historical.clone(),
            role: None,
            wikidata: entry.qid.clone().or_else(|| {
                // A historical polity or a demonym links to its state's id.
                (entry.kind == EntityKind::State)
                    .then(|| {
                        entry
                            .code
                            .as_deref()
                            .and_then(|c| self.gazetteer.state(c))
                            .and_then(|s| s.qid.clone())
                    })
                    .flatten()
            }),
            geonames: entry.geonames,
            years: (entry.from.is_some() || entry.to.is_some()).then_some((entry.from, entry.to)),
            via,
            in_parentheses: false,
        }
    }

    /// Every mention in the document, in text order.
    pub fn recognise(&self, doc: &Document) -> Vec<Mention> {
        self.recognise_many(std::slice::from_ref(doc))
            .pop()
            .unwrap_or_default()
    }

    /// [`Recogniser::recognise`] for several documents, step by step over all of them: each
    /// step's automata (the gazetteer, the name patterns, the treaty and war patterns) then
    /// stay in the processor's cache over the batch. The same mentions as one by one.
    pub fn recognise_many(&self, docs: &[Document]) -> Vec<Vec<Mention>> {
        let periods: Vec<Vec<PeriodMention>> = docs
            .iter()
            .map(|doc| self.periods.find(&doc.text))
            .collect();
        self.recognise_many_with_periods(docs, &periods)
    }

    /// [`Recogniser::recognise_many`] given the named periods in each document, as the
    /// temporal tagger finds them ([`dyad_time::Tagging::periods`]; the same gazetteer), so
    /// that a pipeline searches each text for them once.
    pub fn recognise_many_with_periods(
        &self,
        docs: &[Document],
        periods: &[Vec<PeriodMention>],
    ) -> Vec<Vec<Mention>> {
        let scans: Vec<dyad_prefilter::Scan> =
            docs.iter().map(|doc| NAME_GATES.scan(&doc.text)).collect();
        let periods: Vec<&[PeriodMention]> = periods.iter().map(Vec::as_slice).collect();
        self.recognise_scanned(docs, &periods, &scans)
    }

    /// The gates of the name patterns: a caller that scans texts for several banks at once
    /// (a [`dyad_prefilter::GateGroup`]) includes these and hands the scans to
    /// [`Recogniser::recognise_scanned`].
    pub fn gates(&self) -> &'static dyad_prefilter::Gates {
        &NAME_GATES
    }

    /// [`Recogniser::recognise_many_with_periods`] with each document's scan by
    /// [`Recogniser::gates`] given.
    pub fn recognise_scanned(
        &self,
        docs: &[Document],
        periods: &[&[PeriodMention]],
        scans: &[dyad_prefilter::Scan],
    ) -> Vec<Vec<Mention>> {
        let mut all: Vec<Vec<Mention>> = docs
            .iter()
            .map(|doc| {
                let mut mentions = self.gazetteer_mentions(&doc.text);
                // "the Falkland Islands", "Gibraltar": a territory is a place of its sovereign.
                // So is a town in one ("a consulate-general in Mariehamn", on Åland: Finland).
                for mention in mentions
                    .iter_mut()
                    .filter(|m| matches!(m.kind, EntityKind::State | EntityKind::Place))
                {
                    if let Some(sovereign) =
                        mention.code.as_deref().and_then(|c| TERRITORIES.get(c))
                    {
                        if mention.kind == EntityKind::State {
                            mention.kind = EntityKind::Place;
                            mention.code = sovereign.clone();
                        } else if sovereign.is_some() {
                            mention.code = sovereign.clone();
                        }
                    }
                }
                self.apply_links(doc, &mut mentions);
                mentions.sort_by_key(|m| (m.span.start, m.span.end));
                mentions
            })
            .collect();
        for ((doc, mentions), scan) in docs.iter().zip(&mut all).zip(scans) {
            let mut people = self.people(&doc.text, mentions, scan);
            known_rulers(&doc.text, mentions, &mut people);
            let again = named_again(&doc.text, mentions, &people, &self.gazetteer);
            people.extend(again);
            let person_spans = SpanIndex::new(people.iter().map(|p| p.span).collect());
            mentions.retain(|m| m.kind == EntityKind::State || !person_spans.overlaps(m.span));
            mentions.extend(people);
        }
        for (((doc, mentions), scan), periods) in docs.iter().zip(&mut all).zip(scans).zip(periods)
        {
            let named = self.named_treaties_and_wars(&doc.text, mentions, scan, periods);
            mentions.extend(named);
        }
        for (doc, mentions) in docs.iter().zip(&mut all) {
            self.finish(doc, mentions);
        }
        all
    }

    /// Names' nested mentions, wars' states, coreference and parentheses.
    fn finish(&self, doc: &Document, mentions: &mut Vec<Mention>) {
        let text = doc.text.as_str();
        // "the Sudan People's Liberation Army": a known body's name after another state's
        // name is part of a longer name, that state's body, not the known one.
        mentions.sort_by_key(|m| (m.span.start, m.span.end));
        for i in 1..mentions.len() {
            let (before, rest) = mentions.split_at_mut(i);
            let body = &mut rest[0];
            if body.kind != EntityKind::Organisation || body.code.is_none() {
                continue;
            }
            let owner = before.iter().rev().find(|m| {
                m.kind == EntityKind::State
                    && m.span.end < body.span.start
                    && text.get(m.span.end..body.span.start) == Some(" ")
            });
            if let Some(owner) = owner.filter(|o| o.code != body.code) {
                body.span = Span::new(owner.span.start, body.span.end);
                body.text = text[body.span.range()].to_string();
                body.name = body.text.clone();
                body.code = owner.code.clone();
                body.wikidata = None;
            }
        }
        // A state or place inside a name ("North American Free Trade Agreement", "Treaty of
        // Warsaw", "Russo-Japanese War") is part of that name, not a mention of its own.
        let names: Vec<Span> = mentions
            .iter()
            .filter(|m| {
                matches!(
                    m.kind,
                    EntityKind::Treaty | EntityKind::War | EntityKind::Organisation
                )
            })
            .map(|m| m.span)
            .collect();
        let names = SpanIndex::new(names);
        // A war named after one state or one of its regions ("the Iranian Revolution", "the
        // intervention in Siberia") keeps that state as its code when its nested mention goes.
        mentions.sort_by_key(|m| (m.span.start, m.span.end));
        let nested_states: Vec<(Span, String)> = mentions
            .iter()
            .filter(|m| {
                matches!(m.kind, EntityKind::State | EntityKind::Place)
                    && names.contains_strictly(m.span)
            })
            .filter_map(|m| m.code.clone().map(|c| (m.span, c)))
            .collect();
        for war in mentions
            .iter_mut()
            .filter(|m| m.kind == EntityKind::War && m.code.is_none())
        {
            let mut inside = nested_states
                .iter()
                .filter(|(span, _)| war.span.contains(span))
                .map(|(_, code)| code);
            if let (Some(code), None) = (inside.next(), inside.next()) {
                war.code = Some(code.clone());
            }
        }
        mentions.retain(|m| {
            !matches!(m.kind, EntityKind::State | EntityKind::Place)
                || !names.contains_strictly(m.span)
        });
        mentions.sort_by_key(|m| (m.span.start, m.span.end));
        let dyad = document_dyad(doc, &self.gazetteer, mentions);
        let coreferent = self.coreference(text, mentions, &dyad);
        mentions.extend(coreferent);
        mentions.sort_by_key(|m| (m.span.start, m.span.end));
        // One pass over the text for all mentions (in order): brackets opened and not yet
        // closed on the mention's line before it.
        let (mut position, mut open) = (0, 0i32);
        for mention in mentions.iter_mut() {
            let Some(stretch) = text.get(position..mention.span.start) else {
                continue;
            };
            for byte in stretch.bytes() {
                match byte {
                    b'\n' => open = 0,
                    b'(' => open += 1,
                    b')' => open -= 1,
                    _ => {}
                }
            }
            position = mention.span.start;
            mention.in_parentheses = open > 0;
        }
    }

    fn gazetteer_mentions(&self, text: &str) -> Vec<Mention> {
        let mut out = Vec::new();
        let mut position = 0;
        while position < text.len() {
            let input = aho_corasick::Input::new(text).range(position..);
            let Some(found) = self.gazetteer.automaton.find(input) else {
                break;
            };
            let (start, end) = (found.start(), found.end());
            let before = text[..start].chars().next_back();
            let after = text[end..].chars().next();
            let index = self
                .gazetteer
                .pattern_entry
                .get(found.pattern().as_usize())
                .copied();
            let entry = index.and_then(|i| self.gazetteer.entries.get(i));
            // "Franco-" of "Franco-Italian": the first part of a compound ends at its hyphen,
            // which is not part of the mention.
            let compound = text[start..end].ends_with('-');
            let accepted = match entry {
                Some(entry)
                    if !before.is_some_and(is_word_char)
                        && (compound || !after.is_some_and(is_word_char))
                        && self.plausible(text, start, end, entry) =>
                {
                    let end = if compound { end - 1 } else { end };
                    out.push(self.mention_of(
                        entry,
                        Span::new(start, end),
                        &text[start..end],
                        via_of(entry.form),
                    ));
                    // "declared war on the Axis powers": each member state is named. (Not
                    // in "as members of the Axis": the members are named beside it.)
                    let lead = text[..start].trim_end();
                    let lead = lead.strip_suffix("the").unwrap_or(lead).trim_end();
                    let membership = lead.ends_with("members of") || lead.ends_with("member of");
                    let members = index
                        .and_then(|i| self.gazetteer.members.get(&i))
                        .filter(|_| !membership);
                    out.extend(self.state_mentions(
                        members.into_iter().flatten(),
                        Span::new(start, end),
                        &text[start..end],
                        "members",
                    ));
                    true
                }
                _ => false,
            };
            // A rejected match ("the Japan" inside "the Japanese") must not hide a shorter one
            // that starts after it, so the search resumes one character on.
            position = if accepted {
                end
            } else {
                start + text[start..].chars().next().map_or(1, char::len_utf8)
            };
        }
        out
    }

    /// Context checks for a gazetteer match: "Italian dressing", "Michael Jordan",
    /// "Augusta, Georgia".
    fn plausible(&self, text: &str, start: usize, end: usize, entry: &Entry) -> bool {
        let surface = &text[start..end];
        let next_words: Vec<&str> = text[end..].split_whitespace().take(2).collect();
        let next = next_words
            .first()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .unwrap_or("");
        // (A city too: "the San Juan River" is no more Puerto Rico than "the Congo River" is
        // the Congo.)
        if matches!(entry.kind, EntityKind::State | EntityKind::Place)
            && self.not_states.iter().any(|w| w == next)
            && text[end..].starts_with(' ')
        {
            return false;
        }
        // "the Strait of Gibraltar", "the Sea of Japan", "the Gulf of Guinea": a feature of the
        // map named after the state, not the state.
        if matches!(entry.kind, EntityKind::State)
            && GEOGRAPHIC_FEATURES
                .iter()
                .any(|f| text[..start].ends_with(f))
        {
            return false;
        }
        // "Latin American", "Central American", "South America": a region or its people, not
        // the United States.
        if matches!(entry.kind, EntityKind::State)
            && surface.starts_with("America")
            && [
                "Latin ", "South ", "Central ", "North ", "Native ", "Pan-", "Meso",
            ]
            .iter()
            .any(|q| text[..start].ends_with(q))
        {
            return false;
        }
        // "José Eduardo dos Santos", "Luiz Inácio Lula da Silva": a person's surname after a
        // particle, not the city.
        if matches!(entry.kind, EntityKind::Place) {
            let mut before = text[..start].split_whitespace().rev();
            let particle = before.next().unwrap_or("");
            let name = before.next().unwrap_or("");
            if matches!(particle, "de" | "da" | "do" | "dos" | "das" | "del" | "di")
                && name.starts_with(char::is_uppercase)
            {
                return false;
            }
        }
        // "San Andrés", "Port Stanley": the start of a longer name the gazetteer lacks.
        if matches!(entry.kind, EntityKind::Place)
            && self.name_openers.iter().any(|w| w == surface)
            && next.chars().next().is_some_and(char::is_uppercase)
            && text[end..].starts_with(' ')
        {
            return false;
        }
        // "San Juan de Ulúa", "Santiago de Compostela": a longer name that begins with a city's.
        if matches!(entry.kind, EntityKind::Place)
            && matches!(
                next,
                "de" | "del" | "da" | "do" | "dos" | "das" | "di" | "della"
            )
            && next_words
                .get(1)
                .and_then(|w| w.chars().next())
                .is_some_and(char::is_uppercase)
        {
            return false;
        }
        // "US$9 billion", "A$", "NZ$": a currency, not the state.
        if matches!(entry.kind, EntityKind::State)
            && surface.len() <= 3
            && text[end..].trim_start_matches(' ').starts_with('$')
        {
            return false;
        }
        if !self.ambiguous.iter().any(|a| a == surface) {
            return true;
        }
        // "Augusta, Georgia": a US state after a city and a comma.
        if surface == "Georgia" && text[..start].trim_end().ends_with(',') {
            return false;
        }
        let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        let known = |w: &str| {
            self.gazetteer.lookup(w).is_some()
                || TITLE_STATES.iter().any(|(t, _)| t == w)
                || NOT_NAME_STARTS.contains(&w)
        };
        let followed_by_name = text[end..].starts_with(' ') && capitalised(next) && !known(next);
        let previous = text[..start].trim_end();
        let previous_word = previous
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("");
        let sentence_start =
            previous.is_empty() || previous.ends_with(['.', '!', '?', '\n', ':', '"', '(']);
        let preceded_by_name = text[..start].ends_with(' ')
            && capitalised(previous_word)
            && previous_word.chars().all(|c| c.is_alphabetic() || c == '.')
            && !known(previous_word)
            && !sentence_start
            && !previous_word.ends_with('.');
        !(followed_by_name || preceded_by_name)
    }

    /// A wikitext link says what its text names: `[[Kingdom of Italy|Italy]]` is the
    /// historical polity, `[[Simón Bolívar]]` is not a place.
    fn apply_links(&self, doc: &Document, mentions: &mut Vec<Mention>) {
        for link in &doc.links {
            let Some(entry) = self.gazetteer.lookup(&link.target) else {
                continue;
            };
            let text = doc.slice(link.span).to_string();
            match mentions
                .iter_mut()
                .find(|m| link.span.contains(&m.span) || m.span.contains(&link.span))
            {
                Some(mention) => {
                    if entry.kind == mention.kind || entry.kind == EntityKind::State {
                        let mut linked =
                            self.mention_of(entry, mention.span, &mention.text, "link");
                        if mention.via == "demonym" {
                            linked.via = "demonym";
                        }
                        *mention = linked;
                    }
                }
                None => mentions.push(self.mention_of(entry, link.span, &text, "link")),
            }
        }
    }

    fn people(
        &self,
        text: &str,
        mentions: &[Mention],
        scan: &dyad_prefilter::Scan,
    ) -> Vec<Mention> {
        let mut people: Vec<Mention> = Vec::new();
        // Mentions are sorted by start: look only at the ones around a span.
        let state_in = |span: Span| -> Option<String> {
            let from = mentions.partition_point(|m| m.span.start < span.start);
            let to = mentions.partition_point(|m| m.span.start < span.end);
            mentions[from..to]
                .iter()
                .rev()
                .find(|m| span.contains(&m.span) && m.kind == EntityKind::State)
                .and_then(|m| m.code.clone())
        };
        let state_before = |start: usize| -> Option<String> {
            // "Japanese Prime Minister …": a demonym or state name right before the title.
            let to = mentions.partition_point(|m| m.span.start < start);
            mentions[to.saturating_sub(4)..to]
                .iter()
                .rev()
                .find(|m| {
                    m.span.end <= start
                        && m.kind == EntityKind::State
                        && text[m.span.end..start].trim().is_empty()
                })
                .and_then(|m| m.code.clone())
        };
        // People found so far, to keep them apart in logarithmic time.
        let mut taken = DisjointSpans::default();
        let push = |person: Mention, people: &mut Vec<Mention>, taken: &mut DisjointSpans| {
            if taken.insert(person.span) {
                people.push(person);
            }
        };
        if let Some(regex) = APPOSITIVE_PERSON.as_ref() {
            for caps in NAME_GATES.captures_iter(Gated::Appositive as usize, regex, text, scan) {
                let (Some(name), Some(role), Some(state)) = (caps.get(1), caps.get(2), caps.get(3))
                else {
                    continue;
                };
                if NOT_NAME_STARTS.contains(&name.as_str().split_whitespace().next().unwrap_or(""))
                {
                    continue;
                }
                let code = state_in(Span::new(role.start(), role.end())).or_else(|| {
                    self.gazetteer
                        .lookup(state.as_str())
                        .and_then(|e| e.code.clone())
                });
                push(
                    person(
                        name.start(),
                        name.end(),
                        name.as_str(),
                        Some(role.as_str().trim().to_string()),
                        code,
                        "appositive",
                    ),
                    &mut people,
                    &mut taken,
                );
            }
        }
        if let Some(regex) = TITLED_PERSON.as_ref() {
            for caps in NAME_GATES.captures_iter(Gated::Titled as usize, regex, text, scan) {
                let (Some(title), Some(name)) = (caps.get(1), caps.get(2)) else {
                    continue;
                };
                // "President of the Italian Republic Carlo Azeglio Ciampi": a state's name at
                // the start of the name group belongs to the title.
                let mut name_start = name.start();
                let upto = mentions.partition_point(|m| m.span.start < name.start() + 1);
                if let Some(state) = mentions[..upto].iter().rev().take(8).find(|m| {
                    m.kind == EntityKind::State
                        && m.span.start < name.start() + 1
                        && m.span.end > name.start()
                }) {
                    if state.span.end >= name.end() {
                        continue;
                    }
                    name_start = state.span.end;
                }
                let name_text = trim_name(text[name_start..name.end()].trim_start());
                let name_start = name.end() - text[name_start..name.end()].trim_start().len();
                let title_end = name_start;
                let first_word = name_text.split_whitespace().next().unwrap_or("");
                let title_word = TITLE_WORDS.contains(first_word);
                if name_text.is_empty()
                    || title_word
                    || self
                        .gazetteer
                        .lookup(name_text)
                        .is_some_and(|e| e.kind == EntityKind::State)
                {
                    continue;
                }
                let role = title.as_str().trim().to_string();
                let implied = TITLE_STATES
                    .iter()
                    .find(|(t, _)| role.starts_with(t.as_str()))
                    .and_then(|(_, s)| s.clone());
                let code = state_in(Span::new(title.start(), title_end))
                    .or_else(|| state_before(title.start()))
                    .or(implied);
                push(
                    person(
                        name_start,
                        name_start + name_text.len(),
                        name_text,
                        Some(role),
                        code,
                        "title",
                    ),
                    &mut people,
                    &mut taken,
                );
            }
        }
        self.bare_people(text, mentions, &mut people);
        for p in &people {
            taken.insert(p.span);
        }
        if let Some(regex) = LIFESPAN_PERSON.as_ref() {
            for caps in NAME_GATES.captures_iter(Gated::Lifespan as usize, regex, text, scan) {
                let Some(name) = caps.get(1) else { continue };
                if NOT_NAME_STARTS.contains(&name.as_str().split_whitespace().next().unwrap_or(""))
                {
                    continue;
                }
                let code = state_before(name.start());
                push(
                    person(
                        name.start(),
                        name.end(),
                        name.as_str(),
                        None,
                        code,
                        "lifespan",
                    ),
                    &mut people,
                    &mut taken,
                );
            }
        }
        people
    }

    /// Names without a title, when the words around them say they are people.
    fn bare_people(&self, text: &str, mentions: &[Mention], people: &mut Vec<Mention>) {
        let Some(regex) = BARE_PERSON.as_ref() else {
            return;
        };
        let mut candidates: Vec<(Span, bool)> = Vec::new();
        let mut known = DisjointSpans::default();
        for p in people.iter() {
            known.insert(p.span);
        }
        // The name group is the whole match: finding is enough, no capture pass needed.
        for name in regex.find_iter(text) {
            let mut span = Span::new(name.start(), name.end());
            let mut words: Vec<&str> = name.as_str().split_whitespace().collect();
            // "Presidents Daniel arap Moi and Ali Hassan Mwinyi": a plural title names people.
            let plural_title = words.len() > 2
                && words[0]
                    .strip_suffix('s')
                    .is_some_and(|singular| TITLE_WORDS.contains(singular));
            if plural_title {
                span.start += words[0].len();
                span.start += text[span.start..].len() - text[span.start..].trim_start().len();
                words.remove(0);
            }
            let first = words.first().copied().unwrap_or("");
            // ("the Comprehensive Peace Agreement was signed": a document or a body.)
            let last = words.last().copied().unwrap_or("");
            if NOT_NAME_STARTS.contains(&first)
                || TITLE_WORDS.contains(first)
                || NOT_NAME_ENDS.contains(&last)
                || words.iter().any(|w| {
                    self.gazetteer
                        .lookup(w)
                        .is_some_and(|e| e.kind != EntityKind::Place)
                        || dyad_time_word(w)
                })
                || overlapping(mentions, span).any(|m| m.kind != EntityKind::Place)
                || known.overlaps(span)
            {
                continue;
            }
            let after = text[span.end..].trim_start();
            let next_word = after
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            let before = text[..span.start].trim_end();
            let previous_word = before
                .rsplit(|c: char| !c.is_alphanumeric() && c != 'ō')
                .next()
                .unwrap_or("");
            let by_verb =
                PERSON_VERBS.contains(&next_word) && text[span.end..].starts_with([' ', ',']);
            // ("Foreign ministers Ararat Mirzoyan and Jeyhun Bayramov": a plural role too.)
            let plural_role = previous_word
                .strip_suffix('s')
                .is_some_and(|singular| ROLE_NOUNS.contains(&singular));
            let by_role = plural_title
                || plural_role
                || ROLE_NOUNS.contains(&previous_word)
                || PERSON_OBJECT_VERBS.contains(&previous_word);
            let by_agent = previous_word == "by"
                && (after.starts_with('.')
                    || after.starts_with(',')
                    || after.starts_with("and ")
                    || after.is_empty());
            let ruler = ruled_state(text, mentions, span).is_some();
            candidates.push((span, by_verb || by_role || by_agent || ruler));
        }
        // "Charles de Gaulle and Konrad Adenauer signed": a name joined by "and" to a person
        // is a person.
        for i in 0..candidates.len() {
            if candidates[i].1 {
                continue;
            }
            let joined = |a: Span, b: Span| {
                text.get(a.end..b.start)
                    .is_some_and(|between| between.trim() == "and")
            };
            let left = i
                .checked_sub(1)
                .is_some_and(|j| candidates[j].1 && joined(candidates[j].0, candidates[i].0));
            let right = candidates
                .get(i + 1)
                .is_some_and(|c| c.1 && joined(candidates[i].0, c.0));
            if left || right {
                candidates[i].1 = true;
            }
        }
        for (span, accepted) in candidates {
            if accepted {
                // "Libyan leader Muammar Gaddafi", "the Italian foreign minister …": the state
                // named before the role noun is the person's.
                // ("Idi Amin, who seized power in Uganda", "the Guatemalan government of
                // Jacobo Árbenz": the state they ruled.)
                let state = state_before_role(text, mentions, span.start)
                    .or_else(|| ruled_state(text, mentions, span));
                people.push(person(
                    span.start,
                    span.end,
                    &text[span.range()],
                    None,
                    state,
                    "context",
                ));
            }
        }
    }

    fn named_treaties_and_wars(
        &self,
        text: &str,
        mentions: &[Mention],
        scan: &dyad_prefilter::Scan,
        periods: &[PeriodMention],
    ) -> Vec<Mention> {
        let mut out: Vec<Mention> = Vec::new();
        let names = SpanIndex::new(
            mentions
                .iter()
                .filter(|m| {
                    matches!(
                        m.kind,
                        EntityKind::Treaty | EntityKind::Organisation | EntityKind::Person
                    )
                })
                .map(|m| m.span)
                .collect(),
        );
        let mut taken = DisjointSpans::default();
        let mut free = |span: Span| !names.overlaps(span) && taken.insert(span);
        for period in periods {
            if period.name.contains("War")
                || period.name.contains("Rebellion")
                || period.name.contains("intervention")
                || period.name.contains("Revolution")
            {
                let span = period.span;
                if free(span) {
                    out.push(Mention {
                        span,
                        kind: EntityKind::War,
                        text: text[span.range()].to_string(),
                        name: period.name.clone(),
                        code: None,
                        historical: None,
                        role: None,
                        wikidata: None,
                        geonames: None,
                        years: Some((period.start, period.end)),
                        via: "name",
                        in_parentheses: false,
                    });
                }
            }
        }
        for (regex, kind, gate) in [
            (TREATY.as_ref(), EntityKind::Treaty, Gated::Treaty),
            (WAR.as_ref(), EntityKind::War, Gated::War),
        ] {
            let Some(regex) = regex else { continue };
            for found in NAME_GATES.find_iter(gate as usize, regex, text, scan) {
                let mut start = found.start();
                let mut matched = found.as_str();
                // Drop a sentence-initial function word ("The Tripartite Pact").
                if let Some(first) = matched.split_whitespace().next() {
                    if NOT_NAME_STARTS.contains(&first) {
                        start += first.len() + 1;
                        matched = &matched[first.len() + 1..];
                    }
                }
                let span = Span::new(start, found.end());
                if matched.split_whitespace().count() < 2 || !free(span) {
                    continue;
                }
                // ("a Franco-Portuguese agreement": the second half of a compound demonym
                // before a common noun names no treaty.)
                let after_hyphen = text[..start].ends_with(['-', '–']);
                let common_noun = matched
                    .split_whitespace()
                    .last()
                    .is_some_and(|w| w.starts_with(char::is_lowercase));
                if after_hyphen && common_noun {
                    continue;
                }
                out.push(Mention {
                    span,
                    kind,
                    text: matched.to_string(),
                    name: matched.to_string(),
                    code: None,
                    historical: None,
                    role: None,
                    wikidata: None,
                    geonames: None,
                    years: None,
                    via: "pattern",
                    in_parentheses: false,
                });
            }
        }
        out
    }

    /// "the two countries" → both states of the dyad; "the country", "the Asian country" → the
    /// last state mentioned (on that continent).
    fn coreference(&self, text: &str, mentions: &[Mention], dyad: &[String]) -> Vec<Mention> {
        // ASCII lower-casing keeps byte offsets the same as in `text`.
        let lower = text.to_ascii_lowercase();
        let mut out = Vec::new();
        // (cue, start) of every cue, in one pass.
        let cues: Vec<(usize, usize)> = COREFERENCE_CUES.as_ref().map_or(Vec::new(), |cues| {
            cues.find_overlapping_iter(&lower)
                .map(|m| (m.pattern().as_usize(), m.start()))
                .collect()
        });
        let starts = |cue: usize| {
            cues.iter()
                .filter(move |(c, _)| *c == cue)
                .map(|&(_, start)| start)
        };
        if dyad.len() == 2 {
            for (cue, phrase) in DYAD_PHRASES.iter().enumerate() {
                for start in starts(cue) {
                    let mut end = start + phrase.len();
                    if text[end..].chars().next().is_some_and(is_word_char)
                        || !text.is_char_boundary(start)
                        || (start > 0 && text[..start].ends_with(is_word_char))
                    {
                        continue;
                    }
                    // "Both are members of NATO": the pronoun is the mention, not its verb.
                    if let Some(space) = phrase.strip_prefix("both ").map(|_| 4) {
                        if BARE_BOTH_VERBS.contains(&&phrase[space + 1..]) {
                            end = start + space;
                        }
                    }
                    // "mediated between Chad and Sudan and hosted the signing … between the two
                    // neighbours": two other states just named together are the two meant.
                    let named_pair = coordinated_pair(text, mentions, start)
                        .filter(|pair| pair.iter().any(|code| !dyad.contains(code)));
                    out.extend(self.state_mentions(
                        named_pair.as_deref().unwrap_or(dyad),
                        Span::new(start, end),
                        &text[start..end],
                        "coreference",
                    ));
                }
            }
        }
        // "Italy and Japan …, with the former … and the latter …".
        for (word, index) in [("the former", 0usize), ("the latter", 1usize)] {
            for start in starts(FORMER + index) {
                let end = start + word.len();
                let pair = coordinated_mentions(text, mentions, start);
                if let Some(antecedent) = pair.get(index) {
                    let mut mention = (*antecedent).clone();
                    mention.span = Span::new(start, end);
                    mention.text = text[start..end].to_string();
                    mention.via = "coreference";
                    out.push(mention);
                }
            }
        }
        for start in starts(FORMER + 2) {
            let rest = &lower[start + 4..];
            // "Mali, Burkina Faso and Niger signed … The three governments announced": the
            // last list of that many states named.
            if let Some(group) = numbered_group(text, rest, start, mentions) {
                out.extend(group);
                continue;
            }
            let (adjective, noun_len) = match rest
                .split_whitespace()
                .take(2)
                .collect::<Vec<_>>()
                .as_slice()
            {
                [noun, ..]
                    if matches!(
                        noun.trim_end_matches(|c: char| !c.is_alphabetic()),
                        "country" | "nation" | "kingdom" | "empire"
                    ) =>
                {
                    (
                        None,
                        noun.trim_end_matches(|c: char| !c.is_alphabetic()).len(),
                    )
                }
                [adjective, noun]
                    if matches!(
                        noun.trim_end_matches(|c: char| !c.is_alphabetic()),
                        "country" | "nation"
                    ) =>
                {
                    let len = rest.find(noun).map_or(0, |i| {
                        i + noun.trim_end_matches(|c: char| !c.is_alphabetic()).len()
                    });
                    (Some(adjective.to_string()), len)
                }
                _ => continue,
            };
            let end = start + 4 + noun_len;
            if !text.is_char_boundary(end) || text[end..].chars().next().is_some_and(is_word_char) {
                continue;
            }
            // ("founded the Kingdom of Iraq": a name, not the state last named.)
            if text[end..].starts_with(" of ") {
                continue;
            }
            let continent = adjective.as_deref().and_then(|a| match a {
                "asian" => Some("Asia"),
                "european" => Some("Europe"),
                "african" => Some("Africa"),
                "american" | "latin" | "south" => Some("America"),
                _ => None,
            });
            if adjective.is_some() && continent.is_none() {
                continue;
            }
            let upto = mentions.partition_point(|m| m.span.start < start);
            let antecedent = mentions[..upto].iter().rev().find(|m| {
                m.span.end <= start
                    && m.kind == EntityKind::State
                    && m.via != "coreference"
                    && continent.is_none_or(|c| {
                        m.code
                            .as_deref()
                            .and_then(|code| self.gazetteer.continents.get(code))
                            .is_some_and(|k| k.contains(c))
                    })
            });
            if let Some(antecedent) = antecedent {
                let mut mention = antecedent.clone();
                mention.span = Span::new(start, end);
                mention.text = text[start..end].to_string();
                mention.via = "coreference";
                out.push(mention);
            }
        }
        out
    }
}

/// The last two states named "A and B" in the sentence before `start`.
fn coordinated_mentions<'m>(text: &str, mentions: &'m [Mention], start: usize) -> Vec<&'m Mention> {
    let sentence_start = text[..start].rfind(['.', '\n']).map_or(0, |i| i + 1);
    let from = mentions.partition_point(|m| m.span.start < sentence_start);
    let to = mentions.partition_point(|m| m.span.start < start);
    let states = mentions[from..to]
        .iter()
        .filter(|m| {
            m.span.start >= sentence_start
                && m.span.end <= start
                && m.kind == EntityKind::State
                && m.via != "coreference"
        })
        .collect::<Vec<_>>();
    states
        .windows(2)
        .rev()
        .find(|w| {
            text.get(w[0].span.end..w[1].span.start)
                .is_some_and(|between| between.trim() == "and")
        })
        .map(|w| w.to_vec())
        .unwrap_or_default()
}

/// How far back (in bytes) the list "the three countries" stands for may be named.
const GROUP_REACH: usize = 600;

/// Mentions for "the three countries" (or four, five) at `start`, where `rest` is the lower-cased
/// text after "the ": one per state of the last list of exactly that many states named, "A, B
/// and C", within [`GROUP_REACH`] bytes before it.
fn numbered_group(
    text: &str,
    rest: &str,
    start: usize,
    mentions: &[Mention],
) -> Option<Vec<Mention>> {
    let mut words = rest.split_whitespace();
    let size = match words.next()? {
        "three" => 3,
        "four" => 4,
        "five" => 5,
        _ => return None,
    };
    let noun = words.next()?;
    let noun_bare = noun.trim_end_matches(|c: char| !c.is_alphabetic());
    if !matches!(
        noun_bare,
        "countries" | "governments" | "states" | "nations" | "powers" | "neighbours" | "neighbors"
    ) {
        return None;
    }
    let end = start + 4 + rest.find(noun_bare)? + noun_bare.len();
    let upto = mentions.partition_point(|m| m.span.start < start);
    let states: Vec<&Mention> = mentions[..upto]
        .iter()
        .filter(|m| {
            m.kind == EntityKind::State
                && m.via != "coreference"
                && m.code.is_some()
                && m.span.end <= start
                && start - m.span.end <= GROUP_REACH
        })
        .collect();
    // (Walk back over lists: a run of states joined by ", " or " and ".)
    let joined = |a: &Mention, b: &Mention| {
        text.get(a.span.end..b.span.start)
            .is_some_and(|between| matches!(between.trim(), "," | "and" | ", and"))
    };
    let mut run_end = states.len();
    while run_end > 0 {
        let mut run_start = run_end - 1;
        while run_start > 0 && joined(states[run_start - 1], states[run_start]) {
            run_start -= 1;
        }
        let run = &states[run_start..run_end];
        let mut codes: Vec<&String> = run.iter().filter_map(|m| m.code.as_ref()).collect();
        codes.sort();
        codes.dedup();
        if codes.len() == size && run.len() == size {
            return Some(
                run.iter()
                    .map(|m| {
                        let mut mention = (*m).clone();
                        mention.span = Span::new(start, end);
                        mention.text = text[start..end].to_string();
                        mention.via = "coreference";
                        mention
                    })
                    .collect(),
            );
        }
        run_end = run_start;
    }
    None
}

/// The codes of [`coordinated_mentions`] named "between A and B", when they are two
/// different states. (Not a pair that acts: "Iraq and Oman hosted talks between the two
/// countries".)
fn coordinated_pair(text: &str, mentions: &[Mention], start: usize) -> Option<Vec<String>> {
    let pair = coordinated_mentions(text, mentions, start);
    let between = pair
        .first()
        .is_some_and(|m| text[..m.span.start].trim_end().ends_with("between"));
    let codes: Vec<String> = pair.iter().filter_map(|m| m.code.clone()).collect();
    (between && codes.len() == 2 && codes[0] != codes[1]).then_some(codes)
}

/// Last words of a capitalised name that make it a document or a body, not a person.
const NOT_NAME_ENDS: &[&str] = &[
    "Agreement",
    "Agreements",
    "Treaty",
    "Accord",
    "Accords",
    "Pact",
    "Convention",
    "Act",
    "Declaration",
    "Charter",
    "Protocol",
    "Army",
    "Party",
    "Front",
    "Council",
    "Union",
    "Bank",
    "Company",
    "University",
    "Conference",
    "Commission",
    "Committee",
    "Movement",
    "Forces",
    "Force",
    "Court",
    "Assembly",
    "Parliament",
    "Government",
    "Ministry",
    "Agency",
];

fn trim_name(name: &str) -> &str {
    // A trailing regnal "I" or an initial is part of the name; a trailing possessive is not.
    name.trim_end_matches("'s").trim_end_matches('.').trim_end()
}

/// The state named right before the role noun that ends just before `name_start`, across at
/// most two modifiers ("Libyan leader", "the Italian foreign minister", "Libya's leader").
fn state_before_role(text: &str, mentions: &[Mention], name_start: usize) -> Option<String> {
    let mut cut = text[..name_start].trim_end().len();
    // The role noun itself, then up to two modifiers.
    for step in 0..3 {
        let head = text[..cut].trim_end();
        let word_start = head
            .rfind(|c: char| !(c.is_alphanumeric() || c == '-' || c == 'ō'))
            .map_or(0, |i| {
                i + head[i..].chars().next().map_or(1, char::len_utf8)
            });
        let word = &head[word_start..];
        // (The word before the name must be a role: "the coup backed by the United States
        // overthrew Jacobo Árbenz" makes him no American.)
        let role = ROLE_NOUNS.contains(&word)
            || word
                .strip_suffix('s')
                .is_some_and(|singular| ROLE_NOUNS.contains(&singular));
        if word.is_empty()
            || !word.chars().next().is_some_and(char::is_lowercase)
            || (step == 0 && !role)
            || (step > 0 && !ROLE_MODIFIERS.contains(&word))
        {
            break;
        }
        cut = word_start;
        let to = mentions.partition_point(|m| m.span.start < cut);
        if let Some(state) = mentions[..to].iter().rev().take(3).find(|m| {
            m.kind == EntityKind::State && matches!(text[m.span.end..cut].trim(), "" | "'s" | "’s")
        }) {
            return state.code.clone();
        }
    }
    None
}

/// Rulers the text names bare or without their state ("After Gaddafi seized power",
/// "President Sylvanus Olympio"), from [`KNOWN_RULERS`]: a person found without a state gets
/// the ruler's; a name found nowhere else becomes a person. Not a name inside a longer one
/// ("Saif al-Islam Gaddafi") or inside another entity's.
fn known_rulers(text: &str, mentions: &[Mention], people: &mut Vec<Mention>) {
    let Some(Rulers {
        searcher,
        codes,
        openings,
    }) = KNOWN_RULERS.as_ref()
    else {
        return;
    };
    let joined = |c: char| is_word_char(c) || c == '-';
    // A name starts a word with a capital, or with a particle ("al-Bashir", "de Gaulle",
    // "arap Moi"): an anchored search at each such start, instead of an unanchored one that
    // walks every byte of the text through the automaton.
    let mut previous: Option<char> = None;
    let mut resume = 0;
    for (start, c) in text.char_indices() {
        let word_start = !previous.is_some_and(joined);
        previous = Some(c);
        if start < resume || !word_start || !(c.is_uppercase() || matches!(c, 'a' | 'e' | 'd')) {
            continue;
        }
        let opening = text.as_bytes().get(start..start + 2);
        if !opening.is_some_and(|b| openings.contains(&[b[0], b[1]])) {
            continue;
        }
        let input = aho_corasick::Input::new(text)
            .range(start..)
            .anchored(aho_corasick::Anchored::Yes);
        let Some(found) = searcher.find(input) else {
            continue;
        };
        let span = Span::new(found.start(), found.end());
        if text[span.end..].chars().next().is_some_and(joined) {
            continue;
        }
        resume = span.end;
        if inside_longer_name(text, span.start) {
            continue;
        }
        let code = &codes[found.pattern().as_usize()];
        if let Some(person) = people.iter_mut().find(|p| p.span.overlaps(&span)) {
            // ("Jacobo Árbenz" found bare: the ruler's state; a person found with a state
            // keeps it.)
            if person.code.is_none() && (person.span.contains(&span) || span.contains(&person.span))
            {
                person.code = Some(code.clone());
            }
            continue;
        }
        // (Mentions are sorted by start, not end: a plain scan, for the few names found.) A
        // place inside a ruler's full name is part of it: "Salvador" in "Salvador Allende".
        let full_name = text[span.range()].contains(' ');
        // A ruler's surname that is also a town ("Trujillo", of the Dominican Republic and a
        // Peruvian city) is the ruler where the text names his state and not the town's.
        let named = |state: Option<&str>| {
            mentions
                .iter()
                .any(|m| m.kind == EntityKind::State && m.code.as_deref() == state)
        };
        let ruler_over_town = |m: &Mention| {
            m.kind == EntityKind::Place
                && m.via == "city"
                && m.span == span
                && m.code.as_ref() != Some(code)
                && named(Some(code))
                && !named(m.code.as_deref())
        };
        if mentions.iter().any(|m| {
            m.span.overlaps(&span)
                && !(full_name
                    && m.kind == EntityKind::Place
                    && span.contains(&m.span)
                    && m.span != span)
                && !ruler_over_town(m)
        }) {
            continue;
        }
        people.push(person(
            span.start,
            span.end,
            &text[span.range()],
            None,
            Some(code.clone()),
            "ruler",
        ));
    }
}

/// Whether a name starting at `start` is the end of a longer one ("Saif al-Islam Gaddafi"):
/// a capitalised word right before it, unless that word opens a sentence or a clause or is a
/// title ("After Amin was overthrown", "President Amin").
fn inside_longer_name(text: &str, start: usize) -> bool {
    let previous = text[..start].trim_end_matches(' ');
    let previous_word = previous
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    previous.len() < start
        && previous_word.chars().next().is_some_and(char::is_uppercase)
        && !CAPITALISED_OPENERS.contains(&previous_word)
        && !TITLE_WORDS.contains(previous_word)
        && !previous.ends_with(['.', ',', ';', ':'])
}

/// Capitalised words that open a sentence or a clause before a name, not part of it.
const CAPITALISED_OPENERS: &[&str] = &[
    "After",
    "Before",
    "When",
    "While",
    "Since",
    "Until",
    "Under",
    "In",
    "On",
    "At",
    "As",
    "By",
    "For",
    "From",
    "With",
    "Without",
    "Then",
    "But",
    "And",
    "Though",
    "Although",
    "Once",
    "If",
    "Later",
    "During",
    "Following",
    "Because",
    "Meanwhile",
    "Also",
    "Unlike",
    "Like",
    "Both",
];

/// The state a ruler's name is told with: after it ("Idi Amin, who seized power in Uganda",
/// "Omar al-Bashir, the president of Sudan") or before it ("the Guatemalan government of
/// Jacobo Árbenz").
fn ruled_state(text: &str, mentions: &[Mention], name: Span) -> Option<String> {
    // (The state's mention may take in the article the pattern has read: "the Gambia".)
    let state_at = |at: usize, slack: usize| {
        let from = mentions.partition_point(|m| m.span.start + slack < at);
        mentions[from..]
            .iter()
            .take_while(|m| m.span.start <= at)
            .find(|m| m.kind == EntityKind::State && m.span.end > at)
            .and_then(|m| m.code.clone())
    };
    // (Asked of every name-like run of capitals: the patterns run only where the next or
    // previous words can start them.)
    let after = text[name.end..].trim_start();
    let next_word = after
        .trim_start_matches(',')
        .split_whitespace()
        .next()
        .unwrap_or("");
    let may_follow = matches!(
        next_word,
        "who"
            | "seized"
            | "took"
            | "came"
            | "returned"
            | "rose"
            | "held"
            | "assumed"
            | "ruled"
            | "governed"
            | "led"
            | "became"
            | "was"
            | "the"
    );
    let found_after = may_follow
        .then(|| {
            RULED_STATE_AFTER
                .as_ref()
                .and_then(|r| r.find(&text[name.end..]))
        })
        .flatten();
    if let Some(found) = found_after {
        if let Some(code) = state_at(name.end + found.end(), 4) {
            return Some(code);
        }
    }
    if !text[..name.start].trim_end().ends_with(" of") {
        return None;
    }
    let mut from = name.start.saturating_sub(60);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..name.start];
    let found = RULE_OF_BEFORE.as_ref().and_then(|r| r.find(before))?;
    let noun_at = name.start - (before.len() - found.start());
    let to = mentions.partition_point(|m| m.span.start < noun_at);
    mentions[..to]
        .iter()
        .rev()
        .take(3)
        .find(|m| m.kind == EntityKind::State && m.span.end == noun_at)
        .and_then(|m| m.code.clone())
}

/// Later mentions of people already found with their state: "Muammar Gaddafi" or "Gaddafi"
/// after "Libyan leader Muammar Gaddafi". A surname two people of different states share
/// names neither; words the gazetteer knows are not taken for surnames.
fn named_again(
    text: &str,
    mentions: &[Mention],
    people: &[Mention],
    gazetteer: &Gazetteer,
) -> Vec<Mention> {
    let mut names: Vec<(String, Option<String>)> = Vec::new();
    let mut add =
        |name: &str, code: &Option<String>| match names.iter_mut().find(|(n, _)| n == name) {
            Some((_, known)) if known != code => *known = None,
            Some(_) => {}
            None => names.push((name.to_string(), code.clone())),
        };
    for person in people {
        let words: Vec<&str> = person.name.split_whitespace().collect();
        if words.len() < 2 || person.code.is_none() {
            continue;
        }
        add(&person.name, &person.code);
        let last = words[words.len() - 1];
        let surname = last
            .strip_suffix("'s")
            .or_else(|| last.strip_suffix("’s"))
            .unwrap_or(last);
        if surname.chars().count() >= 3
            && surname.chars().next().is_some_and(char::is_uppercase)
            && !TITLE_WORDS.contains(surname)
            && gazetteer.lookup(surname).is_none()
        {
            add(surname, &person.code);
        }
    }
    let mut taken = DisjointSpans::default();
    for m in mentions.iter().chain(people) {
        taken.insert(m.span);
    }
    // One pass over the text for every name (a search per name cost a pass each); at any
    // start the longest name wins, so a surname inside a full name is not found again.
    let names: Vec<(String, String)> = names
        .into_iter()
        .filter_map(|(name, code)| code.map(|code| (name, code)))
        .collect();
    let mut out = Vec::new();
    if names.is_empty() {
        return out;
    }
    // (Built per document for a handful of names: a DFA's tables would cost more to build
    // than the one search saves.)
    let Ok(searcher) = aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .kind(Some(aho_corasick::AhoCorasickKind::NoncontiguousNFA))
        .build(names.iter().map(|(name, _)| name))
    else {
        return out;
    };
    for found in searcher.find_iter(text) {
        let (name, code) = &names[found.pattern().as_usize()];
        let (start, end) = (found.start(), found.end());
        let joined = |c: char| is_word_char(c) || c == '-';
        let word_before = text[..start].chars().next_back().is_some_and(joined);
        let word_after = text[end..].chars().next().is_some_and(joined);
        // ("Saif al-Islam Gaddafi": a longer name that ends in it is someone else's.)
        let longer_name = inside_longer_name(text, start);
        if word_before || word_after || longer_name {
            continue;
        }
        let span = Span::new(start, end);
        if taken.insert(span) {
            out.push(person(
                start,
                end,
                name,
                None,
                Some(code.clone()),
                "named again",
            ));
        }
    }
    out
}

fn person(
    start: usize,
    end: usize,
    name: &str,
    role: Option<String>,
    code: Option<String>,
    via: &'static str,
) -> Mention {
    Mention {
        span: Span::new(start, end),
        kind: EntityKind::Person,
        text: name.to_string(),
        name: name.to_string(),
        code,
        historical: None,
        role,
        wikidata: None,
        geonames: None,
        years: None,
        via,
        in_parentheses: false,
    }
}

/// Reads names two states share ("Congo", "Congolese") as the state the document is about:
/// in an article on the Democratic Republic of the Congo, "the Congo" is that state, not its
/// neighbour; so too in one that names only that state by a name of its own. `dyad` is the
/// document's (see [`document_dyad`]).
///
/// ```
/// use dyad_entity::{resolve_shared_names, EntityKind, Mention};
/// # let mention = |text: &str, code: &str| Mention {
/// #     span: dyad_read::Span::new(0, text.len()), kind: EntityKind::State,
/// #     text: text.into(), name: text.into(), code: Some(code.into()), historical: None,
/// #     role: None, wikidata: None, geonames: None, years: None, via: "name",
/// #     in_parentheses: false };
/// let mut mentions = vec![mention("the Congo", "COG")];
/// resolve_shared_names(&mut mentions, &["COD".to_string(), "RWA".to_string()]);
/// assert_eq!(mentions[0].code.as_deref(), Some("COD"));
/// ```
pub fn resolve_shared_names(mentions: &mut [Mention], dyad: &[String]) {
    static SHARED: std::sync::LazyLock<Vec<(String, String, Vec<String>)>> =
        std::sync::LazyLock::new(|| {
            rows(SHARED_NAMES)
                .filter_map(|fields| {
                    let default = fields.first()?.trim().to_string();
                    let alternative = fields.get(1)?.trim().to_string();
                    let names = fields.get(2)?.split('|').map(|n| n.trim().to_string());
                    Some((default, alternative, names.collect()))
                })
                .collect()
        });
    for (default, alternative, names) in SHARED.iter() {
        // (Inside another entity's name too: "the Second Congo War".)
        let shared = |mention: &Mention| {
            names.iter().any(|n| {
                mention.text == *n
                    || mention.text.strip_prefix("the ") == Some(n)
                    || (mention.kind != EntityKind::State
                        && mention.text.split_whitespace().any(|w| w == n))
            })
        };
        // Also where the document names only the alternative by a name of its own ("the
        // Democratic Republic of the Congo … both armies left Congo").
        let named_apart = |code: &str| {
            mentions.iter().any(|m| {
                m.kind == EntityKind::State && m.code.as_deref() == Some(code) && !shared(m)
            })
        };
        let about_alternative =
            dyad.contains(alternative) || (named_apart(alternative) && !named_apart(default));
        if !about_alternative || dyad.contains(default) {
            continue;
        }
        for mention in mentions.iter_mut() {
            let named = shared(mention);
            if named && mention.code.as_deref() == Some(default.as_str()) {
                mention.code = Some(alternative.clone());
            }
        }
    }
}

/// The state a historical name stands for in `year`, when another state kept the name after
/// the polity's last year: the "Republic of China" of 1952 is the government in Taipei
/// (`TWN`), that of 1937 the state continued by China. `None` when the mention's code holds.
///
/// ```
/// use dyad_entity::{successor_in, EntityKind, Mention};
/// let mention = Mention {
///     span: dyad_read::Span::new(0, 17), kind: EntityKind::State,
///     text: "Republic of China".into(), name: "China".into(), code: Some("CHN".into()),
///     historical: Some("Republic of China".into()), role: None, wikidata: None,
///     geonames: None, years: Some((Some(1912), Some(1949))), via: "historical",
///     in_parentheses: false };
/// assert_eq!(successor_in(&mention, 1952), Some("TWN"));
/// assert_eq!(successor_in(&mention, 1937), None);
/// ```
pub fn successor_in(mention: &Mention, year: i64) -> Option<&'static str> {
    static SUCCESSORS_BY_NAME: std::sync::LazyLock<Vec<(Vec<String>, i64, String)>> =
        std::sync::LazyLock::new(|| {
            rows(SUCCESSORS)
                .filter_map(|fields| {
                    let names = fields.first()?.split('|').map(|n| n.trim().to_string());
                    let until = fields.get(1)?.trim().parse().ok()?;
                    let then = fields.get(2)?.trim().to_string();
                    Some((names.collect(), until, then))
                })
                .collect()
        });
    let historical = mention.historical.as_deref()?;
    SUCCESSORS_BY_NAME
        .iter()
        .find(|(names, until, _)| year > *until && names.iter().any(|n| n == historical))
        .map(|(_, _, then)| then.as_str())
}

/// Whether a state's name, as written, still named only a region in `year`, before the state
/// took it ("Bulgaria occupied eastern Macedonia in 1916" is no act on North Macedonia).
///
/// ```
/// assert!(dyad_entity::region_before_state("Macedonia", "MKD", 1916));
/// assert!(!dyad_entity::region_before_state("Macedonia", "MKD", 2004));
/// assert!(!dyad_entity::region_before_state("North Macedonia", "MKD", 1916));
/// ```
pub fn region_before_state(surface: &str, code: &str, year: i64) -> bool {
    static ROWS: std::sync::LazyLock<Vec<(Vec<String>, String, i64)>> =
        std::sync::LazyLock::new(|| {
            rows(REGIONS_BEFORE_STATES)
                .filter_map(|fields| {
                    let names = fields.first()?.split('|').map(|n| n.trim().to_string());
                    let code = fields.get(1)?.trim().to_string();
                    let from = fields.get(2)?.trim().parse().ok()?;
                    Some((names.collect(), code, from))
                })
                .collect()
        });
    ROWS.iter().any(|(names, state, from)| {
        state == code && year < *from && names.iter().any(|n| n == surface)
    })
}

/// The states a document is about: two from a title such as "Italy–Japan relations", one from
/// "Foreign relations of Angola", else the two states mentioned most.
pub fn document_dyad(doc: &Document, gazetteer: &Gazetteer, mentions: &[Mention]) -> Vec<String> {
    let state = |name: &str| {
        gazetteer
            .lookup(name.trim())
            .filter(|e| e.kind == EntityKind::State)
            .and_then(|e| e.code.clone())
    };
    // "Foreign relations of Angola": one state and its many partners; a section on one of
    // them makes the pair (see the event extractor's section dyads).
    for prefix in FOREIGN_RELATIONS_PREFIXES {
        if let Some(rest) = doc.title.strip_prefix(prefix) {
            if let Some(code) = state(rest.trim_start_matches("the ")) {
                return vec![code];
            }
        }
    }
    let title = doc
        .title
        .trim_end_matches(" relations")
        .trim_end_matches(" Relations");
    let parts: Vec<&str> = title.split(['–', '—', '-', '/']).map(str::trim).collect();
    if parts.len() == 2 {
        let codes: Vec<String> = parts
            .iter()
            .filter_map(|p| {
                gazetteer
                    .lookup(p)
                    .filter(|e| e.kind == EntityKind::State)
                    .and_then(|e| e.code.clone())
            })
            .collect();
        if codes.len() == 2 && codes[0] != codes[1] {
            return codes;
        }
    }
    let mut counts: Vec<(String, usize)> = Vec::new();
    for mention in mentions.iter().filter(|m| m.kind == EntityKind::State) {
        let Some(code) = &mention.code else { continue };
        match counts.iter_mut().find(|(c, _)| c == code) {
            Some((_, n)) => *n += 1,
            None => counts.push((code.clone(), 1)),
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    counts.into_iter().take(2).map(|(c, _)| c).collect()
}

/// Non-sovereign territories and their sovereigns, from `resources/territories.tsv`.
static TERRITORIES: std::sync::LazyLock<foldhash::HashMap<String, Option<String>>> =
    std::sync::LazyLock::new(|| {
        include_str!("../resources/territories.tsv")
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let mut fields = l.split('\t');
                let code = fields.next()?.trim().to_string();
                let sovereign = fields
                    .next()
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string);
                Some((code, sovereign))
            })
            .collect()
    });

/// Names of seas, straits and capes that end in a state's name.
const GEOGRAPHIC_FEATURES: &[&str] = &[
    "Strait of ",
    "Straits of ",
    "Gulf of ",
    "Bay of ",
    "Sea of ",
    "Cape of ",
    "Isthmus of ",
    "Horn of ",
    "Bight of ",
];

/// Titles of articles on one state's relations with all others.
const FOREIGN_RELATIONS_PREFIXES: &[&str] = &[
    "Foreign relations of ",
    "Foreign policy of ",
    "Diplomatic relations of ",
    "International relations of ",
];

/// Month and weekday names are capitalised without being names of people.
fn dyad_time_word(word: &str) -> bool {
    matches!(
        word,
        "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
    )
}

/// Mentions (sorted by start) that overlap `span`, found by binary search: gazetteer names are
/// short, so only the few that start just before `span` can reach into it.
fn overlapping(mentions: &[Mention], span: Span) -> impl Iterator<Item = &Mention> {
    let end = mentions.partition_point(|m| m.span.start < span.end);
    let start = end.saturating_sub(8);
    mentions[start..end]
        .iter()
        .filter(move |m| m.span.overlaps(&span))
}

/// Spans that do not overlap one another, kept by start: since their ends are in the same
/// order, only the last one starting before a query's end can reach into it.
#[derive(Default)]
struct DisjointSpans {
    by_start: std::collections::BTreeMap<usize, usize>,
}

impl DisjointSpans {
    fn overlaps(&self, span: Span) -> bool {
        self.by_start
            .range(..span.end.max(span.start + 1))
            .next_back()
            .is_some_and(|(&start, &end)| Span::new(start, end).overlaps(&span))
    }

    /// Add `span` unless it overlaps one already there; whether it was added.
    fn insert(&mut self, span: Span) -> bool {
        if self.overlaps(span) {
            return false;
        }
        self.by_start.insert(span.start, span.end);
        true
    }
}

/// Spans sorted by start, for overlap and containment queries in logarithmic time: every span
/// is at most `longest` bytes, so only those starting less than that before a query can reach it.
struct SpanIndex {
    spans: Vec<Span>,
    longest: usize,
}

impl SpanIndex {
    fn new(mut spans: Vec<Span>) -> SpanIndex {
        spans.sort();
        let longest = spans.iter().map(Span::len).max().unwrap_or(0);
        SpanIndex { spans, longest }
    }

    fn candidates(&self, span: Span) -> impl Iterator<Item = &Span> {
        let end = self.spans.partition_point(|s| s.start < span.end);
        let start = self
            .spans
            .partition_point(|s| s.start + self.longest < span.start);
        self.spans[start.min(end)..end].iter()
    }

    fn overlaps(&self, span: Span) -> bool {
        self.candidates(span).any(|s| s.overlaps(&span))
    }

    /// Whether a span strictly larger than `span` contains it.
    fn contains_strictly(&self, span: Span) -> bool {
        self.candidates(span)
            .any(|s| s.contains(&span) && *s != span)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(text: &str) -> Vec<(String, Option<String>)> {
        let recogniser = Recogniser::new().expect("bundled resources");
        let doc = dyad_read::parse_plain(text, "Italy–Libya relations");
        recogniser
            .recognise(&doc)
            .into_iter()
            .filter(|m| m.kind == EntityKind::Person)
            .map(|m| (m.text, m.code))
            .collect()
    }

    fn states_at(text: &str, phrase: &str) -> Vec<String> {
        let recogniser = Recogniser::new().expect("bundled resources");
        let doc = dyad_read::parse_plain(text, "Burkina Faso–Mali relations");
        let start = doc.text.find(phrase).expect("the phrase is in the text");
        let mut codes: Vec<String> = recogniser
            .recognise(&doc)
            .into_iter()
            .filter(|m| m.kind == EntityKind::State && m.span.start == start)
            .filter_map(|m| m.code)
            .collect();
        codes.sort();
        codes
    }

    #[test]
    fn a_numbered_group_stands_for_the_last_list_of_that_many_states() {
        let text = "Mali, Burkina Faso and Niger signed a charter in 2023. The three governments left ECOWAS in 2024.";
        assert_eq!(
            states_at(text, "The three governments"),
            ["BFA", "MLI", "NER"]
        );
        // Two states named are not "the three".
        let text = "Mali and Niger signed a charter. The three governments left ECOWAS.";
        assert!(states_at(text, "The three governments").is_empty());
    }

    #[test]
    fn an_alliance_with_fixed_members_names_each() {
        let text = "Mexico declared war on the Axis powers in 1942.";
        assert_eq!(states_at(text, "Axis powers"), ["DEU", "ITA", "JPN"]);
        let text = "As members of the Axis powers, Italy and Japan fought.";
        assert!(states_at(text, "Axis powers").is_empty());
    }

    #[test]
    fn a_place_inside_a_rulers_full_name_is_part_of_it() {
        let found = people("Salvador Allende was elected president in 1970.");
        assert_eq!(found, vec![("Salvador Allende".into(), Some("CHL".into()))]);
    }

    #[test]
    fn a_role_after_a_demonym_gives_a_bare_name_its_state() {
        let found = people("Libyan leader Muammar Gaddafi visited Rome in 2009.");
        assert_eq!(found, vec![("Muammar Gaddafi".into(), Some("LBY".into()))]);
        // A verb between the state and the role cuts the tie.
        let found = people("Italy received opposition leader Mahmoud Jibril in 2011.");
        assert!(found.iter().all(|(_, code)| code.is_none()), "{found:?}");
    }

    #[test]
    fn a_ruler_is_tied_to_the_state_told_with_the_name() {
        let found = people(
            "Idi Amin, who seized power in Uganda in 1971, expelled Asians.\n\nAfter Amin was overthrown in 1979, exiles returned.",
        );
        assert_eq!(
            found,
            vec![
                ("Idi Amin".into(), Some("UGA".into())),
                ("Amin".into(), Some("UGA".into())),
            ]
        );
        let found = people("Yahya Jammeh came to power in the Gambia in 1994.");
        assert_eq!(found, vec![("Yahya Jammeh".into(), Some("GMB".into()))]);
        // A state before a verb is not the state of the verb's object.
        let found =
            people("In 1954 a coup backed by the United States overthrew Tomás Rivera Lago.");
        assert!(found.iter().all(|(_, code)| code.is_none()), "{found:?}");
    }

    #[test]
    fn known_rulers_are_people_of_their_state() {
        let found = people("After Gaddafi seized power in 1969, President Sylvanus Olympio wrote.");
        assert_eq!(
            found,
            vec![
                ("Gaddafi".into(), Some("LBY".into())),
                ("Sylvanus Olympio".into(), Some("TGO".into())),
            ]
        );
        // Not inside a longer name.
        let found = people("Saif al-Islam Gaddafi met the envoy.");
        assert!(found.iter().all(|(_, code)| code.is_none()), "{found:?}");
    }

    #[test]
    fn people_with_a_state_are_found_again_by_surname() {
        let found = people(
            "Libyan leader Muammar Gaddafi visited Rome in 2009.\n\nIn 1969 Gaddafi seized power.",
        );
        assert_eq!(
            found,
            vec![
                ("Muammar Gaddafi".into(), Some("LBY".into())),
                ("Gaddafi".into(), Some("LBY".into())),
            ]
        );
    }
}
