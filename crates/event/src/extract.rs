//! Events from sentences: clauses, triggers, actors, dates.

use crate::facts::extract_facts;
use crate::resource::{prose_regex, Resources, Trigger, NOT_AN_EVENT};
use crate::{Event, Evidence, Extraction, Participant, WhenSource};
use dyad_entity::{EntityKind, Mention, Recogniser};
use dyad_prefilter::{GateGroup, Scan};
use dyad_read::{Document, Span};
use dyad_time::value::{shift, RefTime, Unit};
use dyad_time::{Mode, TagOptions, Tagger, Tagging, TimexType};
use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

/// Where a clause ends inside a sentence. (Plain spaces around "but", "while" and dashes, so
/// that the search can skip to its literals.) "until" opens a clause only before a subject
/// and its verb ("…blockaded the border until Nigerian President Olusegun Obasanjo mediated
/// an agreement"), not before a date ("until 1983"). A demand after a comma ("vetoed the
/// talks, demanding that …") is an act of its own, and so is one placed by a span of time
/// (", a day after Soviet aircraft had bombed Kassa").
static CLAUSE_BREAK: LazyLock<Option<Regex>> = LazyLock::new(|| {
    prose_regex(
        r";|,\s+(?:while|whereas|but|which|when|although|though|where|who|whom|whose|as\s+well\s+as|(?:during|at|in|after|under)\s+which|demanding|urging)\b|[ \t\n](?:but|while)[ \t\n]|[ \t\n][–—][ \t\n]|[ \t\n]until\s+(?:[A-Z][\w'’-]+\s+){1,5}(?:[a-z]+ed|was|were|had|met|made|took|gave|won|lost)\b|,\s+an?\s+(?:visit|trip|journey|move|decision|step)\s+(?:that\s+)?(?:was\s+)?(?:condemned|criticised|criticized|denounced|welcomed|praised|protested)\b|,\s+(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|[0-9]+)\s+(?:days?|weeks?|months?|years?|decades?)\s+(?:after|before)\s",
    )
});

/// A sentence-opening subordinate clause with a verb of its own (its subject may be a list of
/// names: "When Saudi Arabia, the United Arab Emirates, Bahrain and Egypt cut ties"), or an
/// "After a coup in Cyprus"-like event phrase, up to its comma.
static OPENING_CLAUSE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    prose_regex(
        r"^(?:(?:After|Before|When|Once|Although|Though|While|Whereas|Because|Since|Until|As soon as)\s+(?:(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*)*(?:,\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*)*)+,?\s+and\s+)?[^,;]{1,100}?\s(?:[a-z]+ed|cut|set|put|shut|quit|beat|was|were|had|did|left|began|broke|took|made|won|lost|fell|came|went|saw|sent|gave|became|overthrew|drew|rose|struck|fought|sought|brought|led|held|met|paid|sold|told|threw|withdrew|froze|swept|shot|hit|split|spread|stood|ran|wrote|spoke|grew|knew|built|bought|caught|taught|lent)\s[^,;]{0,80}?|(?:After|Following)\s+(?:an?|the|[A-Z][\w'’-]*(?:'s|’s))\s+[^,;]{3,80}?),",
    )
});

/// Words between the article and the noun of an apposition that names an event again
/// ("…, the first visit by …", "…, its first official visit").
const APPOSITION_WORDS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "last",
    "only",
    "latest",
    "first-ever",
    "official",
    "historic",
    "rare",
    "highest-level",
    "high-level",
];

/// Kinds of what a body may address to states: a call, a rebuke, a threat.
const REQUEST_LIKE: &[&str] = &["request", "dispute", "threat"];

/// Kinds of acts done to a state: aid given, sanctions imposed, threats made.
const DIRECTED_KINDS: &[&str] = &[
    "aid",
    "sanction",
    "dispute",
    "threat",
    "conflict",
    "support",
    "request",
    "expulsion",
];

/// Words that name a body, a compact or a programme, which one leaves by withdrawing.
const BODY_WORDS: &[&str] = &[
    "Initiative",
    "Organisation",
    "Organization",
    "Treaty",
    "Pact",
    "Alliance",
    "League",
    "Union",
    "Community",
    "Council",
    "Agreement",
    "Convention",
    "Commonwealth",
    "Bloc",
    "Court",
    "Programme",
    "Program",
    "Process",
    "Games",
    "Olympics",
    "Conference",
    "Forum",
    "Group",
    "Bank",
    "Fund",
    "command",
    "talks",
    "negotiations",
    "membership",
];

/// Words before a trigger that make it the topic of a stance, not an event told: "supports
/// Japan's position on the abductions", "the issue of the annexation".
static STANCE_TOPIC: LazyLock<Option<Regex>> = LazyLock::new(|| {
    prose_regex(
        r"\b(?:position|stance|policy|views?|concerns?|issue|question|problem)\s+(?:on|of|about|over|regarding)\s+(?:the\s+)?(?:[\w'’-]+\s+)?$",
    )
});

/// A visit told with who went where ("a visit by President Tran Duc Luong to Seoul", "his
/// visit to Hanoi") or by whom ("a visit by President Xi Jinping"): an event of its own even as
/// the frame of another ("expressed regret during a visit to Dhaka").
static VISIT_TO: LazyLock<Option<Regex>> = LazyLock::new(|| {
    prose_regex(
        r"^(?:(?:state|official|working|first)\s+)?visits?\s+(?:(?:by\s+(?:[\w'’.-]+\s+){1,6}?)?to\s+(?:the\s+)?\p{Lu}|by\s+\p{Lu})",
    )
});

/// The opening subordinate clause of a sentence ("After the war ended in 1945, "), if any.
/// (Its first word is checked before the pattern runs: most sentences open otherwise.)
fn opening_clause(sentence: &str) -> Option<regex::Match<'_>> {
    let first = sentence.split_whitespace().next()?;
    let opener = matches!(
        first,
        "After"
            | "Before"
            | "When"
            | "Once"
            | "Although"
            | "Though"
            | "While"
            | "Whereas"
            | "Because"
            | "Since"
            | "Until"
            | "As"
            | "Following"
    );
    if !opener {
        return None;
    }
    OPENING_CLAUSE.as_ref()?.find(sentence)
}

/// A subordinate clause that follows a short lead ("In August 1990, after Iraq invaded
/// Kuwait, Turkey …"): where it starts (at the comma after the lead) and ends (at its own
/// comma).
fn dated_opening_clause(sentence: &str) -> Option<(usize, usize)> {
    let first = sentence.split_whitespace().next()?;
    if !matches!(first, "In" | "On" | "By" | "During" | "Later" | "Then") {
        return None;
    }
    // (The lead is short: "In August 1990", "On 2 August".)
    let comma = sentence.find(", ").filter(|at| *at <= 40)?;
    let rest = &sentence[comma + 2..];
    let opener = rest.split_whitespace().next()?;
    let capitalised = match opener {
        "after" | "before" | "when" | "once" | "although" | "though" | "while" | "whereas"
        | "because" | "since" | "until" | "following" => {
            let mut word = opener.to_string();
            word[..1].make_ascii_uppercase();
            word
        }
        _ => return None,
    };
    let restated = format!("{capitalised}{}", &rest[opener.len()..]);
    let found = OPENING_CLAUSE.as_ref()?.find(&restated)?;
    Some((comma, comma + 2 + found.end() - 1))
}

/// The last 160 bytes or so of `text` (from a char boundary): what the end-anchored
/// patterns of the words before a trigger can see.
fn last_words(text: &str) -> &str {
    tail(text, 160)
}

/// The last `bytes` bytes of `text` or a little fewer, starting on a char boundary: the words
/// just before a place, read without reading everything before it.
fn tail(text: &str, bytes: usize) -> &str {
    let mut from = text.len().saturating_sub(bytes);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    &text[from..]
}

/// Words before a trigger that deny it.
static NEGATION: LazyLock<Option<Regex>> = LazyLock::new(|| {
    prose_regex(
        r"(?i)\b(?:not|never|neither|nor|no\s+longer|failed\s+to|did\s+not|didn't|refused\s+to|declined\s+to|without)\s+(?:\w+\s+){0,2}$|\b(?:refused|declined|failed)\s+to\s+(?:\w+\s+){0,3}$",
    )
});

/// Words that answer the act told just before with the same act ("responded in kind").
static RECIPROCAL: LazyLock<Option<Regex>> = LazyLock::new(|| {
    prose_regex(r"(?i)\b(?:responded|retaliated|replied|reacted)\s+in\s+kind\b|\breciprocated\b")
});

/// Words before a trigger that say it was refused.
static REFUSED: LazyLock<Option<Regex>> = LazyLock::new(|| {
    prose_regex(r"(?i)\b(?:refused|refuses|refusing|declined|declines)\s+to\s+(?:\w+\s+){0,5}$")
});

/// Words before a trigger that make it what a request asked for ("demanding that Skopje
/// recognise", "urged Ankara to withdraw").
static REQUESTED: LazyLock<Option<Regex>> = LazyLock::new(|| {
    prose_regex(
        r"(?i)\b(?:demand(?:ed|ing|s)\s+that|(?:urg(?:ed|ing)|call(?:ed|ing)\s+on|ask(?:ed|ing)|press(?:ed|ing))\s+(?:[\w'’-]+\s+){1,4}?to)\s+(?:\w+\s+){0,3}$",
    )
});

/// Words before a trigger that make it intended or possible rather than done.
static MODALITY: LazyLock<Option<Regex>> = LazyLock::new(|| {
    prose_regex(
        r"(?i)\b(?:plan(?:s|ned)?\s+to|will|would|shall|intend(?:s|ed)?\s+to|expected\s+to|aim(?:s|ed)?\s+to|hope(?:s|d)?\s+to|could|(?-i:may)|might|propos(?:ed|es)\s+to|scheduled\s+to|is\s+to|are\s+to|wanted\s+to|wished\s+to|unless|if)\s+(?:\w+\s+){0,3}$",
    )
});

/// "announced on 1 November that Hungary would leave the Warsaw Pact": a decision made known
/// is the act, not a plan (the modal is the reported speech's tense).
static ANNOUNCED_WOULD: LazyLock<Option<Regex>> = LazyLock::new(|| {
    prose_regex(
        r"(?i)\b(?:announced|declared|decided|gave\s+notice|confirmed)\s+(?:[\w'’,-]+\s+){0,6}?that\s+(?:[\w'’-]+\s+){1,5}?would\s+(?:\w+\s+){0,3}$",
    )
});

/// The words between an accusation's verb and a state named in what it alleges: "accusing
/// Damascus of becoming a" (not the accused itself, which comes before "of").
static ACCUSATION_CONTENT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    prose_regex(
        r"(?i)\baccus(?:ed|es|ing)\s+(?:[\w'’-]+\s+){1,3}?(?:of|for)\s+(?:[\w'’-]+\s+){1,5}$",
    )
});

/// Words before a trigger that make it what one side says the other did ("accused Iran of
/// attacks on its oil facilities"): reported, not asserted.
static ALLEGATION: LazyLock<Option<Regex>> = LazyLock::new(|| {
    prose_regex(
        r"(?i)\b(?:accus(?:ed|es|ing)|alleg(?:ed|es|ing)|blamed|suspected|denied)\s+(?:[\w'’-]+\s+){0,4}?(?:of|for)\s+(?:[\w'’-]+\s+){0,2}$|\ballegedly\s+(?:\w+\s+){0,2}$",
    )
});

/// Sections that are lists of links or sources, not prose.
const SKIPPED_SECTIONS: &[&str] = &[
    "See also",
    "References",
    "External links",
    "Further reading",
    "Notes",
    "Bibliography",
    "Sources",
    "Citations",
    "Footnotes",
];

/// The event extractor: all stages' resources, built once.
#[derive(Debug)]
pub struct Extractor {
    tagger: Tagger,
    recogniser: Recogniser,
    resources: Resources,
    /// The literal gates of every stage, searched for in one pass over each text.
    gates: GateGroup,
    /// Whether the trigger gates are among `gates` (see [`Extractor::new`]).
    triggers_grouped: bool,
}

/// The banks of [`Extractor::gates`], in order (the trigger bank last, when there).
const TIME_BANK: usize = 0;
const NAME_BANK: usize = 1;
const FACT_BANK: usize = 2;
const TRIGGER_BANK: usize = 3;

/// A date that can govern an event: a timex, or a range of two.
#[derive(Debug, Clone)]
struct DateUnit {
    span: Span,
    value: String,
    /// A bare year before a noun ("suspended the 1965 border agreement", "declared the 1899
    /// award void"): it names what the noun refers to, mostly an earlier event, so it dates
    /// the clause only when nothing else in the sentence does, and never moves the narrative.
    attributive: bool,
}

struct Found<'t> {
    trigger: &'t Trigger,
    span: Span,
}

#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error(transparent)]
    Time(#[from] dyad_time::ResourceError),
    #[error(transparent)]
    Entity(#[from] dyad_entity::EntityError),
    #[error(transparent)]
    Resource(#[from] crate::resource::ResourceError),
}

impl Extractor {
    pub fn new() -> Result<Extractor, ExtractError> {
        let tagger = Tagger::new()?;
        let recogniser = Recogniser::new()?;
        let resources = Resources::load()?;
        // Triggers are matched in the text with digit groups joined (`grouped_digits`); the
        // literals found in the text itself are the same there unless one holds a separator
        // or ends in a digit, which no trigger's does (if one ever did, the trigger bank
        // would scan the joined text on its own, as it did before).
        let triggers_grouped = resources
            .trigger_gates
            .literals()
            .iter()
            .all(|literal| separator_safe(literal));
        let mut banks = vec![
            tagger.gates().clone(),
            recogniser.gates().clone(),
            resources.fact_gates.clone(),
        ];
        if triggers_grouped {
            banks.push(resources.trigger_gates.clone());
        }
        Ok(Extractor {
            gates: GateGroup::new(banks),
            triggers_grouped,
            tagger,
            recogniser,
            resources,
        })
    }

    pub fn tagger(&self) -> &Tagger {
        &self.tagger
    }

    pub fn recogniser(&self) -> &Recogniser {
        &self.recogniser
    }

    pub fn resources(&self) -> &Resources {
        &self.resources
    }

    /// Events and facts of a narrative document (encyclopedia article, history).
    pub fn extract(&self, doc: &Document) -> Extraction {
        self.extract_with(
            doc,
            &TagOptions {
                mode: Mode::Narrative,
                dct: None,
            },
        )
    }

    pub fn extract_with(&self, doc: &Document, options: &TagOptions) -> Extraction {
        self.extract_many(std::slice::from_ref(doc), options)
            .pop()
            .unwrap_or_default()
    }

    /// Events and facts of many documents, each stage run over all of them before the next
    /// starts. The same results as [`Extractor::extract_with`] on each, faster: the stages'
    /// automata (some 15 MB in all) then stay in the processor's caches instead of evicting
    /// one another at every document.
    ///
    /// ```
    /// let extractor = dyad_event::Extractor::new().unwrap();
    /// let docs = [
    ///     dyad_read::parse_plain("Chile and Peru signed a treaty in 1929.", "Chile–Peru relations"),
    ///     dyad_read::parse_plain("In 1960 Ghana expelled Dutch diplomats.", "Ghana–Netherlands relations"),
    /// ];
    /// let options = dyad_time::TagOptions { mode: dyad_time::Mode::Narrative, dct: None };
    /// let extractions = extractor.extract_many(&docs, &options);
    /// assert_eq!(extractions.len(), 2);
    /// assert_eq!(extractions[1].events[0].kind, "expulsion");
    /// ```
    pub fn extract_many(&self, docs: &[Document], options: &TagOptions) -> Vec<Extraction> {
        // Triggers are matched with digit groups joined ("5_000 troops").
        let grouped: Vec<Cow<str>> = docs.iter().map(|doc| grouped_digits(&doc.text)).collect();
        // One scan of each text for the literals of every stage; each stage takes its part.
        let mut scans: Vec<Vec<Scan>> = docs
            .iter()
            .zip(&grouped)
            .map(|(doc, grouped)| {
                let mut texts = vec![doc.text.as_str(); TRIGGER_BANK];
                if self.triggers_grouped {
                    texts.push(grouped);
                }
                self.gates.scan_texts(&texts)
            })
            .collect();
        let bank = |scans: &mut Vec<Vec<Scan>>, bank: usize| -> Vec<Scan> {
            scans
                .iter_mut()
                .map(|banks| banks.get_mut(bank).map(std::mem::take).unwrap_or_default())
                .collect()
        };
        let taggings = self
            .tagger
            .tag_scanned(docs, &bank(&mut scans, TIME_BANK), options);
        let periods: Vec<&[dyad_time::period::PeriodMention]> = taggings
            .iter()
            .map(|tagging| tagging.periods.as_slice())
            .collect();
        let mentions =
            self.recogniser
                .recognise_scanned(docs, &periods, &bank(&mut scans, NAME_BANK));
        let triggers = if self.triggers_grouped {
            self.triggers_many(&grouped, Some(bank(&mut scans, TRIGGER_BANK)))
        } else {
            self.triggers_many(&grouped, None)
        };
        let fact_scans = bank(&mut scans, FACT_BANK);
        docs.iter()
            .zip(taggings)
            .zip(mentions)
            .zip(triggers)
            .zip(fact_scans)
            .map(|((((doc, tagging), mentions), triggers), fact_scan)| {
                let found = Earlier {
                    sentences: dyad_segment::sentences(doc),
                    tagging,
                    mentions,
                    triggers,
                    fact_scan,
                };
                self.assemble(doc, found)
            })
            .collect()
    }

    /// Every trigger match in each document, by start: each trigger is run once over the
    /// whole text (one pass per pattern is far cheaper than one per clause), near the
    /// literals it needs, trigger by trigger over the batch (so that each one's automaton
    /// stays in cache); matches are then handed to the clause they lie in. `texts` are the
    /// documents with digit groups joined; `scans`, their scans by the trigger gates if made.
    fn triggers_many(
        &self,
        texts: &[Cow<str>],
        scans: Option<Vec<Scan>>,
    ) -> Vec<Vec<(usize, Span)>> {
        let scans: Vec<Scan> = scans.unwrap_or_else(|| {
            texts
                .iter()
                .map(|text| self.resources.trigger_gates.scan(text))
                .collect()
        });
        let mut all: Vec<Vec<(usize, Span)>> = texts.iter().map(|_| Vec::new()).collect();
        // For each document, the whole matches of triggers with a focus, and their kinds.
        let mut focused: Vec<Vec<(&str, Span, Span)>> = texts.iter().map(|_| Vec::new()).collect();
        for (index, trigger) in self.resources.triggers.iter().enumerate() {
            for (((text, scan), triggers), focused) in
                texts.iter().zip(&scans).zip(&mut all).zip(&mut focused)
            {
                for found in
                    self.resources
                        .trigger_gates
                        .find_iter(index, &trigger.regex, text, scan)
                {
                    let at = focus(trigger, text, found);
                    if trigger.focus {
                        let whole = Span::new(found.start(), found.end());
                        focused.push((trigger.kind.as_str(), whole, at));
                    }
                    triggers.push((index, at));
                }
            }
        }
        // "Castro released a recording of the call": wording that is no event takes its
        // words from every trigger that reads them.
        for triggers in &mut all {
            let not_events: Vec<Span> = triggers
                .iter()
                .filter(|(index, _)| self.resources.triggers[*index].kind == NOT_AN_EVENT)
                .map(|(_, span)| *span)
                .collect();
            if !not_events.is_empty() {
                triggers.retain(|(_, span)| !not_events.iter().any(|n| n.overlaps(span)));
            }
        }
        for ((triggers, focused), text) in all.iter_mut().zip(&focused).zip(texts) {
            if focused.is_empty() {
                triggers.sort_by_key(|(index, span)| (span.start, *index));
                continue;
            }
            // "The war ended with the Chaco Peace Treaty, which Bolivia and Paraguay signed in
            // 1938": a trigger inside the words a focused trigger reads past tells the same
            // event, which the focus places.
            // And one that follows a stronger kind's trigger in its sentence ("The alliance …
            // was sealed by a pact in 1940, which Italy also signed") is part of that event.
            let suppresses = |stronger: &str, weaker: &str| {
                self.resources
                    .suppress
                    .iter()
                    .any(|(s, w)| s == stronger && w == weaker)
            };
            let found = triggers.clone();
            let stronger_over = |kind: &str, whole: &Span| {
                found.iter().any(|(other, span)| {
                    let other = self.resources.triggers[*other].kind.as_str();
                    let same_sentence = span.overlaps(whole)
                        || (span.end <= whole.start
                            && whole.start - span.end <= SAME_SENTENCE_REACH
                            && text
                                .get(span.end..whole.start)
                                .is_some_and(|gap| !gap.contains(". ") && !gap.contains('\n')));
                    same_sentence && suppresses(other, kind)
                })
            };
            // ("…parties to the Free Trade Agreement, which entered into force in 1994": a
            // weak trigger of a weaker kind that the focused one reads past is part of its
            // event too; not a full one — "froze its loans but resumed them" tells two.)
            // (Not one told by a verb of its own: "signed a border treaty in Bishkek, which
            // the parliament ratified later that month" is a signing and a ratification.)
            let first_word = |s: &Span| {
                text.get(s.range())
                    .and_then(|t| t.split_whitespace().next())
                    .unwrap_or("")
            };
            // (But "the war ended with the Chaco Peace Treaty, which … signed" names the
            // signing it ended with.)
            let own_verb = |span: &Span, at: &Span| {
                let verb = first_word(span);
                let second = text
                    .get(span.range())
                    .and_then(|t| t.split_whitespace().nth(1))
                    .unwrap_or("");
                finite_verb(verb) && verb != first_word(at) && second != "with"
            };
            triggers.retain(|(index, span)| {
                let kind = self.resources.triggers[*index].kind.as_str();
                !focused.iter().any(|(focus_kind, whole, at)| {
                    whole.overlaps(span)
                        && if *focus_kind == kind {
                            (!at.overlaps(span) && !own_verb(span, at))
                                || stronger_over(kind, whole)
                        } else {
                            !at.overlaps(span)
                                && self.resources.triggers[*index].weak
                                && suppresses(focus_kind, kind)
                        }
                })
            });
            triggers.sort_by_key(|(index, span)| (span.start, *index));
        }
        all
    }

    /// Events and facts from what the earlier stages found in `doc`.
    fn assemble(&self, doc: &Document, found: Earlier) -> Extraction {
        let Earlier {
            sentences,
            tagging,
            mut mentions,
            triggers,
            fact_scan,
        } = found;
        let section_times = self.tagger.section_times(doc, &tagging);
        let dyad = dyad_entity::document_dyad(doc, self.recogniser.gazetteer(), &mentions);
        dyad_entity::resolve_shared_names(&mut mentions, &dyad);
        let section_dyads = section_dyads(doc, &mentions, &dyad);
        let units = date_units(doc, &tagging, &mentions, &self.resources);
        let mut events: Vec<(usize, Event)> = Vec::new();
        // Where sentences that carry a date of their own begin (see `merge`).
        let mut dated_sentences: Vec<usize> = Vec::new();
        // (One pass over the text, as for the triggers.)
        let reciprocals: Vec<Span> = RECIPROCAL.as_ref().map_or_else(Vec::new, |r| {
            r.find_iter(&doc.text)
                .map(|m| Span::new(m.start(), m.end()))
                .collect()
        });
        for sentence in &sentences {
            let section = &doc.sections[sentence.section];
            if section
                .path
                .first()
                .is_some_and(|p| SKIPPED_SECTIONS.contains(&p.as_str()))
            {
                continue;
            }
            // Events come only from triggers: a sentence without one needs no clauses,
            // dates or context (most sentences of an article).
            let first_trigger = triggers.partition_point(|(_, t)| t.start < sentence.span.start);
            let reciprocal = reciprocals
                .get(reciprocals.partition_point(|r| r.start < sentence.span.start))
                .filter(|r| r.end <= sentence.span.end)
                .copied();
            if reciprocal.is_none()
                && triggers
                    .get(first_trigger)
                    .is_none_or(|(_, t)| t.start >= sentence.span.end)
            {
                continue;
            }
            // Everything a sentence needs lies inside it: hand it only its own mentions and
            // dates, so that work stays linear in the document's length.
            let local = |start: usize| mentions.partition_point(|m| m.span.start < start);
            let sentence_mentions = &mentions[local(sentence.span.start)..local(sentence.span.end)];
            let units_before = units.partition_point(|u| u.span.start < sentence.span.start);
            let units_end = units.partition_point(|u| u.span.start < sentence.span.end);
            let scope = narrative_scope(doc, &sentences, sentence, &self.resources.continuations);
            let units_in_scope = units.partition_point(|u| u.span.start < scope);
            let context = SentenceContext {
                doc,
                span: sentence.span,
                section_path: &section.path,
                tagging: &tagging,
                mentions: sentence_mentions,
                sentence_mentions,
                segment: None,
                units: &units[units_before..units_end],
                narrative: narrative_year(
                    &doc.text,
                    &units[units_in_scope.min(units_before)..units_before],
                    sentence.span.start,
                ),
                triggers: &triggers,
                dyad: &section_dyads[sentence.section],
                section_time: section_times.get(sentence.section).cloned().flatten(),
                opening_end: opening_clause(doc.slice(sentence.span))
                    .map(|m| sentence.span.start + m.end()),
                clauses: clauses(doc.slice(sentence.span))
                    .into_iter()
                    .map(|c| Span::new(sentence.span.start + c.start, sentence.span.start + c.end))
                    .collect(),
            };
            if context.units.iter().any(|u| !u.attributive) {
                dated_sentences.push(sentence.span.start);
            }
            for mut event in self.sentence_events(&context) {
                // "…recalled their ambassadors from Qatar. The ambassadors returned in
                // November 2014": relations restored with no state named before the verb are
                // restored between those who broke them, told just before.
                let trigger_at = event.evidence[0].trigger_span.start;
                let stateless = || {
                    !sentence_mentions.iter().any(|m| {
                        m.kind == EntityKind::State && m.code.is_some() && m.span.start < trigger_at
                    })
                };
                if event.kind == "relations.established" && stateless() {
                    if let Some((_, broken)) = events
                        .iter()
                        .rev()
                        .take(6)
                        .take_while(|(s, _)| *s == scope)
                        .find(|(_, e)| e.kind == "relations.broken")
                        .filter(|(_, e)| event.actors.iter().all(|a| e.actors.contains(a)))
                    {
                        event.actors = broken.actors.clone();
                    }
                }
                successor_states(&mut event, sentence_mentions);
                regions_before_states(&mut event, sentence_mentions, &doc.text);
                events.push((scope, event));
            }
            // "Venezuela expelled the American ambassador, and Washington responded in kind":
            // the act told just before, by the state that answers, on the one that acted.
            if let Some(phrase) = reciprocal {
                // (This sentence's events are the last ones pushed.)
                let told_there = events
                    .iter()
                    .rev()
                    .take_while(|(_, e)| e.evidence[0].span == sentence.span)
                    .any(|(_, e)| e.evidence[0].trigger_span.start >= phrase.start);
                let answering = sentence_mentions
                    .iter()
                    .rfind(|m| {
                        matches!(m.kind, EntityKind::State | EntityKind::Place)
                            && m.span.end <= phrase.start
                    })
                    .and_then(|m| m.code.clone());
                let answered = events
                    .last()
                    .filter(|(s, _)| *s == scope)
                    .map(|(_, e)| e.clone())
                    .filter(|e| {
                        e.actors.len() >= 2
                            && answering
                                .as_ref()
                                .is_some_and(|a| e.actors.contains(a) && e.actors[0] != *a)
                    });
                if let (false, Some(code), Some(mut event)) = (told_there, answering, answered) {
                    let first = event.actors[0].clone();
                    event.actors = vec![code, first];
                    if let Some(unit) = context
                        .units
                        .iter()
                        .find(|u| u.span.start >= phrase.end && !u.attributive)
                    {
                        event.when = Some(unit.value.clone());
                        event.when_source = WhenSource::Sentence;
                    }
                    event.participants.clear();
                    event.evidence = vec![Evidence {
                        section: section.path.clone(),
                        sentence: doc.slice(sentence.span).to_string(),
                        span: sentence.span,
                        trigger: doc.slice(phrase).to_string(),
                        trigger_span: phrase,
                    }];
                    events.push((scope, event));
                }
            }
        }
        self.list_events(
            doc,
            &sentences,
            &mentions,
            &units,
            &section_dyads,
            &mut events,
        );
        let events = merge(events, &dated_sentences);
        let facts = extract_facts(
            doc,
            &fact_scan,
            &sentences,
            &mentions,
            &self.resources,
            self.recogniser.gazetteer(),
            &dyad,
        );
        Extraction {
            title: doc.title.clone(),
            dyad,
            events,
            facts,
            timexes: tagging.timexes,
            mentions,
            sentences,
        }
    }

    fn sentence_events(&self, cx: &SentenceContext) -> Vec<Event> {
        let mut events: Vec<(usize, Option<String>, bool, Event)> = Vec::new();
        let mut in_terms = false;
        for (clause_index, &clause_span) in cx.clauses.iter().enumerate() {
            // Only triggers that start in a clause make its events.
            let first = cx
                .triggers
                .partition_point(|(_, t)| t.start < clause_span.start);
            if cx
                .triggers
                .get(first)
                .is_none_or(|(_, t)| t.start >= clause_span.end)
            {
                continue;
            }
            // "…signed the treaty in 1928, under which Nicaragua recognised Colombian
            // sovereignty, and Colombia recognised …": an agreement's terms, not events of
            // their own (nor the clauses "and" joins to a "which" clause that tells a term).
            let clause_text = &cx.doc.text[clause_span.range()];
            if clause_text.starts_with(", under which ") {
                in_terms = true;
                // (", under which Japan paid US$223 million over twelve years, and established
                // diplomatic relations in April 1958": a verb phrase joined after the terms, with
                // a date of its own, is a later act of the clause's subject.)
                if let Some(and_at) = clause_text.rfind(", and ") {
                    let later = Span::new(clause_span.start + and_at, clause_span.end);
                    if cx.units.iter().any(|u| later.contains(&u.span)) {
                        self.group_events(cx, clause_index, clause_span, later, &mut events);
                    }
                }
                continue;
            }
            // ("signed the Wyke–Aycinena Treaty, which recognised the boundaries of British
            // Honduras": what a treaty just named did is one of its terms.)
            let treaty_just_named = clause_index > 0 && {
                let previous = cx.clauses[clause_index - 1];
                let first = cx
                    .triggers
                    .partition_point(|(_, t)| t.start < previous.start);
                cx.triggers[first..]
                    .iter()
                    .take_while(|(_, t)| t.start < previous.end)
                    .any(|(index, _)| self.resources.triggers[*index].kind == "treaty")
            };
            if treaty_just_named
                && clause_text
                    .strip_prefix(", which ")
                    .and_then(|rest| rest.split_whitespace().next())
                    .is_some_and(|verb| TREATY_TERM_VERBS.contains(&verb))
            {
                in_terms = true;
                continue;
            }
            // (A joined clause with a date of its own tells a later event: "…, under which
            // Israel paid compensation, and ambassadors returned in December 2016".)
            in_terms &= (clause_text.starts_with(", and ") || clause_text.starts_with(" and "))
                && !cx.units.iter().any(|u| clause_span.contains(&u.span));
            if in_terms {
                continue;
            }
            let groups = segment_groups(&cx.doc.text, clause_span, cx.units, cx.triggers);
            if groups.len() == 1 && groups[0].segments.len() == 1 {
                self.group_events(cx, clause_index, clause_span, clause_span, &mut events);
                continue;
            }
            for group in &groups {
                let mut told: Vec<(usize, Option<String>, bool, Event)> = Vec::new();
                for segment in &group.segments {
                    // No trigger ends in it: nothing to read (and no mentions to copy).
                    let first = cx
                        .triggers
                        .partition_point(|(_, t)| t.start < clause_span.start);
                    let has_trigger = cx.triggers[first..]
                        .iter()
                        .take_while(|(_, t)| t.start < segment.end)
                        .any(|(_, t)| {
                            let anchor = trigger_anchor(*t, clause_span);
                            segment.start <= anchor && anchor < segment.end
                        });
                    if !has_trigger {
                        continue;
                    }
                    // A segment sees its own words' mentions and, for a verb phrase that shares
                    // the clause's subject, the subject's.
                    let subject = group.subject.filter(|_| segment.start > clause_span.start);
                    let in_view = |m: &Mention| {
                        segment.contains(&m.span) || subject.is_some_and(|s| s.contains(&m.span))
                    };
                    let mentions: Vec<Mention> =
                        cx.mentions.iter().filter(|m| in_view(m)).cloned().collect();
                    let mut restricted = cx.clone();
                    restricted.mentions = &mentions;
                    restricted.segment = Some(*segment);
                    let scope = Span::new(subject.map_or(segment.start, |s| s.start), segment.end);
                    self.group_events(&restricted, clause_index, clause_span, scope, &mut told);
                }
                // Verb phrases of one subject not ordered in time tell one event of a kind
                // ("arrived in Italy in 1585 and were received in Rome by the Pope").
                // ("arrived in Italy in 1585 and were received in Rome by the Pope"): the
                // states of each phrase take part.
                let mut kept: Vec<(usize, Option<String>, bool, Event)> = Vec::new();
                for item in told {
                    let repeated = kept.iter_mut().find(|(_, _, _, e)| {
                        e.kind == item.3.kind
                            && e.when == item.3.when
                            && !self.separate_acts(
                                cx,
                                &e.kind,
                                e.evidence[0].trigger_span,
                                item.3.evidence[0].trigger_span,
                            )
                    });
                    match repeated {
                        Some((_, _, _, e)) => {
                            for code in item.3.actors {
                                if !e.actors.contains(&code) {
                                    e.actors.push(code);
                                }
                            }
                        }
                        None => kept.push(item),
                    }
                }
                events.extend(kept);
            }
        }
        merge_within_sentence(events)
    }

    /// The events of one clause, or of one segment of it (`cx.segment`, read in `scope`):
    /// from the triggers that start in it, less the weak ones beside a stronger one and those
    /// another kind makes part of itself.
    fn group_events(
        &self,
        cx: &SentenceContext,
        clause_index: usize,
        clause_span: Span,
        scope: Span,
        events: &mut Vec<(usize, Option<String>, bool, Event)>,
    ) {
        let text = cx.doc.slice(cx.span);
        let own = cx.segment.unwrap_or(clause_span);
        let mut found: Vec<Found> = Vec::new();
        let mut frames: Vec<Found> = Vec::new();
        let first = cx
            .triggers
            .partition_point(|(_, span)| span.start < clause_span.start);
        for (index, span) in &cx.triggers[first..] {
            if span.start >= clause_span.end {
                break;
            }
            // (A trigger is read with the words of its segment's scope, never from before it.)
            let anchor = trigger_anchor(*span, clause_span);
            if anchor < own.start || anchor >= own.end || span.start < scope.start {
                continue;
            }
            // A trigger may reach over a relative clause's comma ("the treaty, which was
            // signed in 2010"), not over any other break.
            if span.end > clause_span.end && !cx.doc.text[clause_span.end..].starts_with(", which")
            {
                continue;
            }
            let at = span.start - cx.span.start;
            // "during a meeting of foreign ministers", "during the standoff": the frame of
            // what the clause tells, told as such, not an event of its own.
            // (A trigger may open with the article itself: "a meeting of foreign ministers".)
            let lead_word = cx.doc.slice(*span).split_whitespace().next().unwrap_or("");
            let lead_end = match lead_word {
                "a" | "an" | "the" => at + lead_word.len(),
                _ => at,
            };
            let framed = frame_phrase(&text[..lead_end])
                && !VISIT_TO.as_ref().is_some_and(|r| r.is_match(&text[at..]));
            // A capitalised trigger inside a sentence is part of a name ("Minister of
            // Foreign Affairs and International Cooperation"); words in quotation marks
            // are what someone said, not what happened.
            let matched = cx.doc.slice(*span);
            // So is one whose capitalised first word follows an organisation's name
            // ("the African Union Mission to Somalia").
            let after_name = cx.sentence_mentions.iter().any(|m| {
                m.kind == EntityKind::Organisation
                    && m.span.end <= span.start
                    && span.start - m.span.end <= 1
            });
            // (Or one of title-case words after a name's linking word: "the Council for
            // Mutual Economic Assistance".)
            let in_title = matched
                .split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase))
                && {
                    let mut before = text[..at]
                        .split_whitespace()
                        .rev()
                        .skip_while(|w| w.starts_with(char::is_uppercase));
                    let link = before.next().unwrap_or("");
                    let head = before.next().unwrap_or("");
                    matches!(link, "for" | "of" | "and" | "on")
                        && head.starts_with(char::is_uppercase)
                };
            let capitalised = at > 0
                && matched.starts_with(char::is_uppercase)
                && (!matched.contains(char::is_whitespace) || after_name || in_title);
            // "expelled priests from the occupied provinces", "the disputed islands": a
            // participle after an article describes a noun; it tells no event.
            let attributive = matched.len() > 4
                && matched.ends_with("ed")
                && !matched.contains(char::is_whitespace)
                && text[..at].split_whitespace().next_back().is_some_and(|w| {
                    matches!(
                        w,
                        "the"
                            | "The"
                            | "its"
                            | "their"
                            | "a"
                            | "an"
                            | "these"
                            | "those"
                            | "other"
                            | "several"
                    )
                });
            if capitalised || attributive || inside_quotes(text, at) {
                continue;
            }
            let trigger = &self.resources.triggers[*index];
            if described_as(&text[..lead_end], &trigger.kind) {
                continue;
            }
            // "Clinton visited Hanoi in November 2000, the first visit by an American
            // president since the war": an apposition that names the event again.
            let restated = || {
                let Some(comma) = text[..at].rfind(',') else {
                    return false;
                };
                let words: Vec<&str> = text[comma + 1..at].split_whitespace().collect();
                let determiner = words
                    .first()
                    .is_some_and(|w| matches!(*w, "the" | "a" | "an" | "its" | "their"))
                    && words[1..].iter().all(|w| APPOSITION_WORDS.contains(w));
                let from = cx
                    .triggers
                    .partition_point(|(_, t)| t.start < cx.span.start);
                let told_before = cx.triggers[from..]
                    .iter()
                    .take_while(|(_, t)| t.end <= cx.span.start + comma)
                    .any(|(i, _)| self.resources.triggers[*i].kind == trigger.kind);
                determiner && words.len() <= 3 && told_before
            };
            let lead_at = cx.span.start + lead_end;
            let stance_topic = || {
                STANCE_TOPIC.as_ref().is_some_and(|r| {
                    cx.doc
                        .text
                        .get(clause_span.start.min(lead_at)..lead_at)
                        .is_some_and(|lead| r.is_match(last_words(lead)))
                })
            };
            if restated() || visit_to_no_state(cx, trigger, *span) || stance_topic() {
                continue;
            }
            if !by_a_state(cx, own, trigger, *span) {
                continue;
            }
            // "signed an agreement under which Egypt deployed border guards": the terms of
            // an agreement, not events of their own. ("a treaty that abrogated the
            // amendment"; not "a declaration, in which Japan expressed remorse", where the
            // relative clause has a subject of its own.) Only asked when a treaty comes first.
            let treaty_before = || {
                cx.triggers[first..]
                    .iter()
                    .take_while(|(_, t)| t.start < span.start)
                    .any(|(i, _)| self.resources.triggers[*i].kind == "treaty")
            };
            let after_treaty = trigger.kind != "treaty" && treaty_before() && {
                let lead = &cx.doc.text[clause_span.start..span.start];
                let terms_at = AGREEMENT_TERMS
                    .iter()
                    .filter_map(|w| {
                        let at = lead.rfind(w)?;
                        let relative = matches!(*w, " that " | " which ");
                        // (The relative's verb may be the trigger itself: "an agreement
                        // that recognised Qatar".)
                        let next = cx.doc.text[clause_span.start + at + w.len()..]
                            .split_whitespace()
                            .next()
                            .unwrap_or("");
                        (!relative || finite_verb(next)).then_some(at)
                    })
                    .max()
                    .map(|at| clause_span.start + at);
                terms_at.is_some_and(|at| {
                    cx.triggers[first..]
                        .iter()
                        .take_while(|(_, t)| t.start < at)
                        .any(|(i, t)| t.end <= at && self.resources.triggers[*i].kind == "treaty")
                })
            };
            if after_treaty {
                continue;
            }
            let into = if framed { &mut frames } else { &mut found };
            into.push(Found {
                trigger,
                span: *span,
            });
        }
        // "About 100,000 civilians died during the Battle of Manila", "which Kekkonen
        // defused at a meeting in Novosibirsk": a frame with nothing else told in its clause
        // is what the clause tells — unless it opens a sentence that goes on to tell more
        // ("During the Zimbabwean crisis, Mbeki … refused to criticise Mugabe").
        if found.is_empty() && !frames.is_empty() {
            let from = cx
                .triggers
                .partition_point(|(_, t)| t.start < cx.span.start);
            let others_in_sentence = cx.triggers[from..]
                .iter()
                .take_while(|(_, t)| t.start < cx.span.end)
                .any(|(_, t)| cx.span.contains(t) && !frames.iter().any(|f| f.span == *t));
            let opens_sentence = |f: &Found| {
                let before = cx.doc.text[cx.span.start..f.span.start].trim();
                before.split_whitespace().count() <= 3 && !before.contains(',')
            };
            if !(others_in_sentence && frames.iter().any(opens_sentence)) {
                found = frames;
            }
        }
        // "…withdrew its ambassador in protest at …": the protest is why, not an event.
        if found.len() > 1 {
            found.retain(|f| !motive(cx.doc.text.as_str(), f.span));
        }
        found.retain(|f| !answered_act(cx.doc.text.as_str(), f.span));
        // "accusing Tripoli of backing a coup", "condemned Syria for sending troops": what an
        // accusation says was done is alleged, not told as done. (What a protest is about is
        // told as done: "Chile protested the Argentine occupation of the islands".)
        if found.len() > 1 {
            let accusations: Vec<Span> = found
                .iter()
                .filter(|f| accusation_verb(cx.doc.slice(f.span)))
                .map(|f| f.span)
                .collect();
            found.retain(|f| {
                f.trigger.kind == "dispute"
                    || !accusations.iter().any(|c| c.end <= f.span.start)
                    || !accused_gerund(
                        &cx.doc.text[clause_span.start..f.span.start],
                        cx.doc.slice(f.span),
                    )
            });
        }
        if found.iter().any(|f| !f.trigger.weak) {
            found.retain(|f| !f.trigger.weak);
        }
        // "Washington refused to pay reparations", "…, demanding that Skopje recognise the
        // Bulgarian roots of the language": a refusal or a request tells what was refused or
        // asked for; that act is not an event of its own, done or not.
        for (kind, words) in [("rejection", &REFUSED), ("request", &REQUESTED)] {
            let Some(words) = words.as_ref() else {
                continue;
            };
            if found.iter().any(|f| f.trigger.kind == kind) {
                found.retain(|f| {
                    f.trigger.kind == kind
                        || !words
                            .is_match(last_words(&cx.doc.text[clause_span.start..f.span.start]))
                });
            }
        }
        // "Cuban exiles backed by the United States landed at the Bay of Pigs": a participle
        // says who stood behind the subject; what the subject did is the event (the backer
        // stays among its actors).
        if found.len() > 1 {
            let text = cx.doc.text.as_str();
            let behind = |f: &Found| {
                f.trigger.kind == "support" && backing_participle(text, f.span, clause_span)
            };
            let act_ends: Vec<usize> = found
                .iter()
                .filter(|f| f.trigger.kind != "support")
                .map(|f| f.span.end)
                .collect();
            found.retain(|f| !(behind(f) && act_ends.iter().any(|&end| end > f.span.end)));
        }
        // "did not recognise Paraguayan independence until July 1852": a refusal that held
        // only until a date is no refusal; what it withheld was done then (the act's own
        // trigger tells it, dated so).
        found.retain(|f| {
            let text = cx.doc.slice(f.span);
            let refused = text.contains("not ") || text.contains("never ");
            !(f.trigger.kind == "rejection"
                && refused
                && until_date(cx, f.span, clause_span).is_some())
        });
        let overriding: Vec<(Span, String)> = found
            .iter()
            .filter(|f| f.trigger.overrides)
            .map(|f| (f.span, f.trigger.kind.clone()))
            .collect();
        // (Of two that override each other, the one that starts first, and of two that start
        // together the longer: "communal riots broke out" is unrest, not an attack; "refuses
        // to open its ports" is a closure more than a refusal.)
        found.retain(|f| {
            !overriding.iter().any(|(span, kind)| {
                let first = f.span.start < span.start
                    || (f.span.start == span.start && f.span.end > span.end);
                *kind != f.trigger.kind && span.overlaps(&f.span) && !(f.trigger.overrides && first)
            })
        });
        let kinds: Vec<&str> = found.iter().map(|f| f.trigger.kind.as_str()).collect();
        found.retain(|f| {
            accuses_a_state(cx, f)
                || !self.resources.suppress.iter().any(|(stronger, weaker)| {
                    weaker == &f.trigger.kind && kinds.contains(&stronger.as_str())
                })
        });
        found.sort_by_key(|f| f.span.start);
        // Triggers of one kind that overlap or repeat are one trigger.
        let mut per_kind: Vec<(&Trigger, Vec<Span>)> = Vec::new();
        for f in &found {
            match per_kind.iter_mut().find(|(t, _)| t.kind == f.trigger.kind) {
                Some((_, spans)) => {
                    if !spans.iter().any(|s| s.overlaps(&f.span)) {
                        spans.push(f.span);
                    }
                }
                None => per_kind.push((f.trigger, vec![f.span])),
            }
        }
        for (trigger, spans) in per_kind {
            // The state that opens the clause before its trigger, if any: the subject.
            let subject = states_before(cx.mentions, scope, spans[0]).find_map(|m| m.code.clone());
            // A clause of its own after ", and" (split so by `clauses`) tells its own event.
            let coordinated = cx.doc.slice(clause_span).starts_with(", and ");
            events.extend(
                self.clause_events(cx, scope, trigger, &spans)
                    .into_iter()
                    .map(|e| (clause_index, subject.clone(), coordinated, e)),
            );
        }
    }

    fn clause_events(
        &self,
        cx: &SentenceContext,
        clause: Span,
        trigger: &Trigger,
        spans: &[Span],
    ) -> Vec<Event> {
        let clause_text = cx.doc.slice(clause);
        // "…of Italy and Japan from the League of Nations in 1933 and 1937, respectively".
        if trigger.respectively && clause_text.contains("respectively") {
            let after = Span::new(spans[0].start, clause.end);
            let states = states_in(cx.mentions, after);
            let units: Vec<&DateUnit> = cx
                .units
                .iter()
                .filter(|u| after.contains(&u.span))
                .collect();
            if states.len() >= 2 && states.len() == units.len() {
                return states
                    .iter()
                    .zip(&units)
                    .map(|(state, unit)| {
                        let mut event =
                            self.event(cx, clause, trigger, spans[0], vec![state.clone()]);
                        event.when = Some(unit.value.clone());
                        event.when_source = WhenSource::Sentence;
                        event
                    })
                    .collect();
            }
        }
        let apart = spans
            .windows(2)
            .all(|w| w[1].start.saturating_sub(w[0].end) > 15);
        if spans.len() > 1 && apart {
            // Several triggers of one kind are several events when they have their own
            // subjects ("Italy's recognition of … and Japan's recognition of …") or their own
            // dates ("X was adviser from 1885 to 1890, Y worked there from 1884 to 1888").
            let subjects: Vec<Option<String>> = spans
                .iter()
                .map(|t| subject_before(cx.mentions, clause, *t))
                .collect();
            let distinct_subjects = subjects
                .iter()
                .flatten()
                .collect::<std::collections::HashSet<_>>()
                .len()
                > 1;
            // "…visited Beijing in December 1988, the first visit … since 1954": a date after
            // "since" bounds a comparison, it does not date a second event.
            let units: Vec<&DateUnit> = cx
                .units
                .iter()
                .filter(|u| cx.span.contains(&u.span))
                .filter(|u| !cx.doc.text[..u.span.start].trim_end().ends_with("since"))
                // ("After the coup of May 2021, ECOWAS imposed sanctions on 9 January 2022 and
                // its members closed their borders": the opening clause's date is of what it
                // tells, not a second date of the main clause.)
                .filter(|u| {
                    cx.opening_end
                        .is_none_or(|end| spans[0].start < end || u.span.start >= end)
                })
                .collect();
            let assigned = assign_units(spans, &units);
            let distinct_dates = assigned
                .iter()
                .flatten()
                .collect::<std::collections::HashSet<_>>()
                .len()
                > 1;
            let distinct_acts = spans
                .windows(2)
                .all(|w| self.separate_acts(cx, &trigger.kind, w[0], w[1]));
            if distinct_subjects || distinct_dates || distinct_acts {
                return spans
                    .iter()
                    .enumerate()
                    .filter_map(|(i, span)| {
                        // The next trigger's own subject ("after Japan's attack") is not this one's.
                        let next_start = spans.get(i + 1).map_or(clause.end, |next| {
                            cx.mentions
                                .iter()
                                .filter(|m| {
                                    m.kind == EntityKind::State
                                        && m.span.end <= next.start
                                        && next.start - m.span.end <= 4
                                })
                                .map(|m| m.span.start)
                                .next_back()
                                .unwrap_or(next.start)
                        });
                        let window = Span::new(
                            if i == 0 {
                                clause.start
                            } else {
                                spans[i - 1].end
                            },
                            next_start.max(span.end),
                        );
                        let actors = self.actors(cx, window, trigger, *span);
                        if actors.is_empty() {
                            return None;
                        }
                        let mut event = self.event(cx, clause, trigger, *span, actors);
                        if distinct_dates {
                            if let Some(unit) = assigned[i].and_then(|u| units.get(u)) {
                                event.when = Some(unit.value.clone());
                                event.when_source = WhenSource::Sentence;
                            }
                        }
                        Some(event)
                    })
                    .collect();
            }
        }
        // "fighting broke out between the Sudanese Armed Forces and the Rapid Support Forces":
        // fighting between two sides of one state is its own affair.
        if let Some(state) = internal_fighting(cx, clause, trigger, spans[0]) {
            let mut event = self.event(cx, clause, trigger, spans[0], vec![state]);
            self.relabel(&mut event, "context");
            return vec![event];
        }
        let actors = self.actors(cx, clause, trigger, spans[0]);
        if actors.is_empty() {
            // No state takes part (or only two others, as background): no event.
            return Vec::new();
        }
        let mut event = self.event(cx, clause, trigger, spans[0], actors);
        if fought_each_other(cx, clause, trigger, spans[0]) {
            self.relabel(&mut event, "conflict");
        }
        if let Some(state) = overthrown_at_home(cx, clause, spans[0]) {
            event.actors = vec![state];
            self.relabel(&mut event, "context");
        } else if overthrow_between_people(cx, clause, spans[0]) {
            return Vec::new();
        }
        let mut events = coordinated_dates(cx, clause, spans[0], &event, &self.resources.triggers)
            .into_iter()
            .map(|(value, subject)| {
                let mut again = event.clone();
                again.when = Some(value);
                if let Some(state) = subject {
                    again.actors = vec![state];
                }
                again
            })
            .collect::<Vec<_>>();
        if events.is_empty() {
            if let Some(first) = first_of_pair(cx, clause, &event) {
                event.when = Some(first);
            }
        }
        events.insert(0, event);
        events
    }

    /// Whether two triggers of one kind in a clause, `first` before `second`, tell two acts:
    /// "Turkey closed the pipeline and joined the embargo", "Moldova expelled five diplomats
    /// and declared Rogozin persona non grata" — a kind whose acts stand alone (`acts_apart`
    /// in `kinds.tsv`), each told with a finite verb of its own, joined by "and".
    fn separate_acts(&self, cx: &SentenceContext, kind: &str, first: Span, second: Span) -> bool {
        if !self.resources.kinds.get(kind).is_some_and(|k| k.acts_apart)
            || second.start <= first.end
        {
            return false;
        }
        // A list of three or more measures ("froze the assets…, banned Russian aircraft and
        // …") is one package: only a pair of acts is two events.
        let from = cx
            .triggers
            .partition_point(|(_, t)| t.start < cx.span.start);
        // (Matches that overlap are one act: "joined the embargo against" and "embargo".)
        let mut acts: Vec<Span> = Vec::new();
        for (index, span) in cx.triggers[from..]
            .iter()
            .take_while(|(_, t)| t.start < cx.span.end)
        {
            if self.resources.triggers[*index].kind == kind
                && !acts.iter().any(|a| a.overlaps(span))
            {
                acts.push(*span);
            }
        }
        if acts.len() > 2 {
            return false;
        }
        let text = cx.doc.text.as_str();
        let head = |s: Span| {
            text[s.range()]
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_lowercase()
        };
        // (Not "imposed an embargo, closing the port", an elaboration, nor "disputes and,
        // since 2017, the Gulf crisis", nouns.)
        let verbal = |h: &str| !h.ends_with("ing") && !matches!(h, "the" | "a" | "an");
        let (a, b) = (head(first), head(second));
        let between = &text[first.end..second.start];
        // ("arrested several Rwandan nationals and deported them": the same people, one act
        // carried through.)
        let object = text[second.start..]
            .split_whitespace()
            .nth(1)
            .unwrap_or("")
            .trim_end_matches([',', '.', ';']);
        let same_object = matches!(object, "them" | "him" | "her" | "it");
        a != b && !same_object && verbal(&a) && verbal(&b) && between.contains(" and ")
    }

    /// Lists of events: under a heading about visits, "High-level visits from Mexico to
    /// Spain" and then items such as "President Vicente Fox (2001, 2003)": each date of an
    /// item is a visit, in the direction the line before the list names (else between the
    /// section's pair), by the people the item names; the line itself, which names no date,
    /// is then no event of its own. Under a heading about agreements each dated item is a
    /// treaty ("- Agreement on cultural cooperation (1954)"). `list-headings.tsv` says which.
    fn list_events(
        &self,
        doc: &Document,
        sentences: &[dyad_segment::Sentence],
        mentions: &[Mention],
        units: &[DateUnit],
        section_dyads: &[Vec<String>],
        events: &mut Vec<(usize, Event)>,
    ) {
        let list_kind = |section: usize| self.resources.list_kind(&doc.sections[section].path);
        let states_in_block = |span: Span| -> Vec<String> {
            let mut codes: Vec<String> = Vec::new();
            for m in mentions.iter().filter(|m| span.contains(&m.span)) {
                if m.kind == EntityKind::State {
                    if let Some(code) = &m.code {
                        if !codes.contains(code) {
                            codes.push(code.clone());
                        }
                    }
                }
            }
            codes
        };
        let mut direction: Option<(Span, Vec<String>)> = None;
        // The paragraph just before a list: what introduces it.
        let mut header: Option<Span> = None;
        let mut headers_used: Vec<(Span, &str)> = Vec::new();
        let mut found: Vec<(usize, Event)> = Vec::new();
        for (index, block) in doc.blocks.iter().enumerate() {
            let Some(kind) = list_kind(block.section) else {
                direction = None;
                header = None;
                continue;
            };
            if block.kind == dyad_read::BlockKind::Paragraph {
                let states = states_in_block(block.span);
                direction = (states.len() == 2).then_some((block.span, states));
                header = Some(block.span);
                continue;
            }
            let told = events
                .iter()
                .any(|(_, e)| e.evidence.iter().any(|ev| block.span.contains(&ev.span)));
            if told {
                continue;
            }
            let Some(sentence) = sentences.iter().find(|s| s.block == index) else {
                continue;
            };
            let dates: Vec<&DateUnit> = units
                .iter()
                .filter(|u| block.span.contains(&u.span))
                .collect();
            if dates.is_empty() {
                continue;
            }
            if let Some(header) = header {
                headers_used.push((header, kind));
            }
            let named = states_in_block(block.span);
            let actors = match &direction {
                Some((_, states)) if kind == "visit" => states.clone(),
                _ if named.len() >= 2 => named,
                _ => section_dyads[block.section].clone(),
            };
            if actors.is_empty() {
                continue;
            }
            let info = self.resources.kinds.get(kind);
            let instrument = (kind == "treaty").then(|| {
                mentions
                    .iter()
                    .find(|m| block.span.contains(&m.span) && m.kind == EntityKind::Treaty)
                    .map(|m| m.name.clone())
                    .unwrap_or_else(|| {
                        let text = doc.slice(block.span).trim();
                        text.split(" (").next().unwrap_or(text).to_string()
                    })
            });
            let participants = participants_in(mentions, block.span);
            let place = mentions
                .iter()
                .find(|m| block.span.contains(&m.span) && m.kind == EntityKind::Place)
                .map(|m| m.name.clone());
            let text = doc.slice(block.span).trim();
            for unit in dates {
                found.push((
                    block.span.start,
                    Event {
                        kind: kind.to_string(),
                        actors: actors.clone(),
                        when: Some(unit.value.clone()),
                        when_source: WhenSource::Sentence,
                        frame: None,
                        place: place.clone(),
                        participants: participants.clone(),
                        instrument: instrument.clone(),
                        polarity: "positive",
                        modality: "asserted",
                        plover: info.and_then(|i| i.plover.clone()),
                        cameo: info.and_then(|i| i.cameo.clone()),
                        goldstein: info.map_or(0.0, |i| i.goldstein),
                        evidence: vec![Evidence {
                            section: doc.sections[block.section].path.clone(),
                            sentence: doc.slice(sentence.span).to_string(),
                            span: sentence.span,
                            trigger: text.to_string(),
                            trigger_span: sentence.span,
                        }],
                    },
                ));
            }
        }
        if found.is_empty() {
            return;
        }
        // The line that introduced the list ("High-level visits from Mexico to Spain", "Both
        // nations have signed several agreements, such as:") told no undated event of its own.
        events.retain(|(_, e)| {
            !(e.when.is_none()
                && headers_used
                    .iter()
                    .any(|(h, kind)| *kind == e.kind && h.contains(&e.evidence[0].span)))
        });
        events.extend(found);
        events.sort_by_key(|(_, e)| e.evidence[0].span.start);
    }

    /// The states a compound name opens with ("Anglo-German", "Sino-Soviet", "Franco-Italian
    /// protocol"), when every part of it is a people's name.
    fn compound_parties(&self, name: &str) -> Option<Vec<String>> {
        let first = name.split_whitespace().next()?;
        let parts: Vec<&str> = first.split(['-', '–']).collect();
        if parts.len() < 2 {
            return None;
        }
        let gazetteer = self.recogniser.gazetteer();
        let mut codes: Vec<String> = Vec::new();
        for part in parts {
            let code = gazetteer
                .resolve_state(part)
                .or_else(|| gazetteer.resolve_state(&format!("{part}-")))?;
            if !codes.contains(&code) {
                codes.push(code);
            }
        }
        (codes.len() >= 2).then_some(codes)
    }

    /// The power a colony's name names: "German South West Africa" (Namibia's forerunner) is
    /// Germany's, "the Dutch East Indies" the Netherlands'. A historical name whose first word
    /// is another state's people.
    fn colonial_power(&self, mention: &Mention) -> Option<String> {
        if mention.kind != EntityKind::State || mention.via != "historical" {
            return None;
        }
        let mut words = mention.text.split_whitespace();
        let first = words.next()?;
        words.next()?;
        let power = self
            .recogniser
            .gazetteer()
            .lookup(first)
            .filter(|e| e.kind == EntityKind::State && e.form == dyad_entity::Form::Demonym)?
            .code
            .clone()?;
        (mention.code.as_ref() != Some(&power)).then_some(power)
    }

    /// The same event told as another kind, with that kind's codes and weight.
    fn relabel(&self, event: &mut Event, kind: &str) {
        let info = self.resources.kinds.get(kind);
        event.kind = kind.to_string();
        event.plover = info.and_then(|i| i.plover.clone());
        event.cameo = info.and_then(|i| i.cameo.clone());
        event.goldstein = info.map_or(0.0, |i| i.goldstein);
    }

    fn event(
        &self,
        cx: &SentenceContext,
        clause: Span,
        trigger: &Trigger,
        span: Span,
        actors: Vec<String>,
    ) -> Event {
        let info = self.resources.kinds.get(&trigger.kind);
        let (when, when_source) = self.when(cx, clause, span);
        // A section heading's span ("=== The 19th century ===") places the event on a
        // timeline but is not a date the text gives it: kept apart as the frame.
        let (when, frame) = match when_source {
            WhenSource::Section => (None, when),
            _ => (when, None),
        };
        // (The patterns read only the last words before the trigger; they are anchored at its
        // start, so a bounded tail finds what the whole clause would.)
        let before = last_words(&cx.doc.text[clause.start..span.start]);
        // ("did not ratify it until 1989": it was ratified, in 1989.)
        let denied = NEGATION.as_ref().is_some_and(|r| r.is_match(before));
        let after = &cx.doc.text[span.end..clause.end.max(span.end)];
        let until_unit = if denied {
            until_date(cx, span, clause)
        } else {
            None
        };
        let until_date = until_unit.is_some();
        let (when, when_source) = match until_unit {
            Some(unit) if until_date => (Some(unit.value.clone()), WhenSource::Sentence),
            _ => (when, when_source),
        };
        let frame = if until_date { None } else { frame };
        let negated = denied && !until_date;
        let modal = MODALITY
            .as_ref()
            .and_then(|r| r.find(before))
            .map(|m| m.as_str().to_lowercase());
        let alleged = ALLEGATION.as_ref().is_some_and(|r| r.is_match(before));
        // A named event as the subject of a modal ("The García–Herrera Treaty of 1890 would
        // have divided the lands"): it did not take effect.
        let modal_after = ["would ", "could ", "might "]
            .iter()
            .any(|w| after.trim_start().starts_with(w));
        let announced = modal.as_deref().is_some_and(|m| m.starts_with("would "))
            && ANNOUNCED_WOULD.as_ref().is_some_and(|r| r.is_match(before));
        let modality = match modal {
            _ if alleged => "alleged",
            _ if announced => "asserted",
            _ if modal_after => "possible",
            // ("threatened military action unless Syria expelled Öcalan": a condition.)
            Some(m)
                if ["could", "may", "might", "unless", "if"]
                    .iter()
                    .any(|w| m.starts_with(w)) =>
            {
                "possible"
            }
            Some(_) => "planned",
            None => "asserted",
        };
        let in_clause = |m: &&Mention| clause.contains(&m.span);
        let place = cx
            .mentions
            .iter()
            .filter(in_clause)
            .find(|m| m.kind == EntityKind::Place && m.span.start >= span.start)
            .or_else(|| {
                cx.mentions
                    .iter()
                    .filter(in_clause)
                    .find(|m| m.kind == EntityKind::Place)
            })
            .map(|m| m.name.clone());
        let participants = participants_in(cx.mentions, clause);
        let instrument = cx
            .mentions
            .iter()
            .filter(|m| cx.span.contains(&m.span) && m.kind == EntityKind::Treaty)
            .min_by_key(|m| distance(span, m.span))
            .map(|m| m.name.clone());
        // "The Anglo-German Heligoland–Zanzibar Treaty of 1890 placed the boundary between
        // German East Africa and British Nyasaland": a treaty's name that joins two peoples
        // names its parties; the lands it disposes of are not among them.
        let actors = match trigger.kind.as_str() {
            "treaty" => {
                let named = [instrument.as_deref(), Some(cx.doc.slice(span))]
                    .into_iter()
                    .flatten()
                    .find_map(|name| self.compound_parties(name));
                match named {
                    Some(parties) if parties.iter().all(|p| actors.contains(p)) => {
                        actors.into_iter().filter(|a| parties.contains(a)).collect()
                    }
                    _ => actors,
                }
            }
            // "When the Eritrean–Ethiopian War began": a war named for two peoples is fought
            // between them.
            "conflict" => cx
                .mentions
                .iter()
                .find(|m| m.kind == EntityKind::War && m.span.overlaps(&span))
                .and_then(|m| self.compound_parties(&m.name))
                .unwrap_or(actors),
            _ => actors,
        };
        // "South African troops invaded German South West Africa": the colony's power is a
        // party wherever the colony is.
        // (Only where force is used or land changes hands: a colony's own acts ("French
        // Togoland became independent") and claims on it ("claimed sovereignty over British
        // Honduras") are about the land; so is its partition ("the partition of British
        // India").)
        let mut actors = actors;
        let between_states = matches!(
            trigger.kind.as_str(),
            "conflict" | "concession" | "mobilization" | "treaty"
        );
        let partition = || {
            let told = cx.doc.slice(span).to_ascii_lowercase();
            told.contains("partition") || told.contains("divid")
        };
        for mention in cx
            .sentence_mentions
            .iter()
            .filter(|m| between_states && clause.contains(&m.span))
        {
            if let Some(power) = self.colonial_power(mention) {
                if mention.code.as_ref().is_some_and(|c| actors.contains(c))
                    && !actors.contains(&power)
                    && !partition()
                {
                    actors.push(power);
                }
            }
        }
        Event {
            kind: trigger.kind.clone(),
            actors,
            when,
            when_source,
            frame,
            place,
            participants,
            instrument,
            polarity: if negated { "negative" } else { "positive" },
            modality,
            plover: info.and_then(|i| i.plover.clone()),
            cameo: info.and_then(|i| i.cameo.clone()),
            goldstein: info.map_or(0.0, |i| i.goldstein),
            evidence: vec![Evidence {
                section: cx.section_path.to_vec(),
                sentence: cx.doc.slice(cx.span).to_string(),
                span: cx.span,
                trigger: cx.doc.slice(span).to_string(),
                trigger_span: span,
            }],
        }
    }

    /// The states taking part, acting one first.
    fn actors(
        &self,
        cx: &SentenceContext,
        clause: Span,
        trigger: &Trigger,
        span: Span,
    ) -> Vec<String> {
        let text = cx.doc.text.as_str();
        // "Egypt condemned the Israeli strikes on Gaza": an event named as the object of
        // another, with its own agent just before it, is between that agent and what follows.
        if let Some(agent) = cx.mentions.iter().rfind(|m| {
            clause.contains(&m.span)
                    && m.kind == EntityKind::State
                    && m.span.end <= span.start
                    && span.start - m.span.end <= 4
                    && !text[m.span.end..span.start].contains(',')
                    && m.span.start > clause.start
                    // "joined the war as Bolivia's ally": the subject's role, not an object.
                    && !text[..m.span.start].trim_end().ends_with(" as")
                    // "Sweden, Finland and Turkey signed": the last of a list of subjects.
                    && !text[..m.span.start].trim_end().ends_with(" and")
                    && !text[..m.span.start].trim_end().ends_with(',')
        }) {
            let governed = cx
                .triggers
                .iter()
                .any(|(_, t)| clause.start <= t.start && t.end <= agent.span.start);
            if governed {
                return self.actors(cx, Span::new(agent.span.start, clause.end), trigger, span);
            }
        }
        // "Syria opposed the invasion of Iraq led by the United States": an act named as the
        // object of a statement, with no agent before it, is between the states named from it
        // on; the speaker is a party to the statement only.
        if NOMINAL_ACTS.contains(&trigger.kind.as_str()) && span.start > clause.start {
            let first = cx.triggers.partition_point(|(_, t)| t.start < clause.start);
            let stated = cx.triggers[first..]
                .iter()
                .take_while(|(_, t)| t.start < span.start)
                .any(|(index, t)| {
                    t.end <= span.start
                        && STATEMENT_KINDS.contains(&self.resources.triggers[*index].kind.as_str())
                        && text[t.end..span.start]
                            .split_whitespace()
                            .all(|w| matches!(w, "the" | "a" | "an"))
                });
            let named_after = cx.mentions.iter().any(|m| {
                m.kind == EntityKind::State
                    && m.span.start >= span.start
                    && clause.contains(&m.span)
            });
            if stated && named_after {
                let object = Span::new(span.start, clause.end);
                let mut codes = self.actors(cx, object, trigger, span);
                // (Not the pair's other member, filled in for an unnamed subject.)
                codes.retain(|code| {
                    cx.mentions
                        .iter()
                        .any(|m| object.contains(&m.span) && m.code.as_ref() == Some(code))
                });
                return codes;
            }
        }
        // An alliance or a treaty may name more members in the relative clause after its own
        // ("the alliance was formalized by the Tripartite Pact, which also included Germany").
        let scope = if matches!(trigger.kind.as_str(), "alliance" | "treaty") {
            with_membership_clause(cx, clause)
        } else {
            clause
        };
        // Where a treaty is signed, an alliance fights or relations are restored is a venue,
        // not a party ("an agreement was signed in Oslo", "fought alongside Japanese forces in
        // Burma"); where a visit goes or a war is fought is.
        let venue_only = matches!(
            trigger.kind.as_str(),
            "treaty" | "alliance" | "relations.established" | "relations.broken" | "diplomacy"
        );
        // (For allies only where their forces stand: "put down the Boxer Rebellion in China"
        // names whom they fought.)
        let located = |m: &Mention| {
            let before = without_article(&text[..m.span.start]);
            let Some(rest) = before.strip_suffix(" in") else {
                return false;
            };
            let word = rest.rsplit(char::is_whitespace).next().unwrap_or("");
            trigger.kind != "alliance"
                || matches!(
                    word,
                    "forces" | "troops" | "army" | "armies" | "units" | "soldiers" | "navies"
                )
        };
        let trigger_words = text[span.range()].trim_end().to_ascii_lowercase();
        let cedes_territory =
            trigger_words.ends_with("ceded") || trigger_words.ends_with("cession of");
        // "Sweden ceded Livonia, Estonia and Ingria to Russia", "under the Treaty of Nystad …
        // Sweden ceded Finland": lands handed over are no parties to the cession or to the
        // treaty that made it, unless the article is about them (nor is the same land named
        // earlier in the sentence).
        let ceded_codes: Vec<&String> = ceded_lands(text, clause)
            .filter(|_| matches!(trigger.kind.as_str(), "treaty" | "concession"))
            .map(|lands| {
                cx.sentence_mentions
                    .iter()
                    .filter(|c| c.kind == EntityKind::State && lands.contains(&c.span))
                    .filter_map(|c| c.code.as_ref())
                    .filter(|code| !cx.dyad.contains(code))
                    .collect()
            })
            .unwrap_or_default();
        let parties: Vec<&Mention> = cx
            .mentions
            .iter()
            // (A bystander phrase that is the trigger itself names the partner: "Italy
            // allied with Prussia".)
            // (Not when the trigger hands over territory: "Spain ceded the Philippines to the
            // United States" — what is ceded is no party, unless the article is about it.)
            .filter(|m| {
                let trigger_object = m.span.start >= span.end
                    && text[span.end..m.span.start]
                        .trim()
                        .trim_start_matches("the")
                        .trim()
                        .is_empty();
                let ceded =
                    cedes_territory && !m.code.as_ref().is_some_and(|code| cx.dyad.contains(code));
                (trigger_object && !ceded) || !is_bystander(text, m, cx.mentions)
            })
            .filter(|m| {
                m.kind != EntityKind::State
                    || !m
                        .code
                        .as_ref()
                        .is_some_and(|code| ceded_codes.contains(&code))
            })
            .filter(|m| !(venue_only && m.kind == EntityKind::State && located(m)))
            .collect();
        let mut codes = states_in(parties.iter().copied(), scope);
        // "…the annexation of East Timor, which Indonesian troops had invaded": what a
        // relative clause's "which" stands for, named right before it, is a party — and
        // its subject when no other comes before the verb ("…with help from the United
        // States, which sold aircraft to Costa Rica").
        // (So does "who" for a person: "…granted asylum to Evo Morales, who had resigned".)
        let mut antecedent_subject = false;
        let relative = text[clause.start..clause.end].trim_start_matches([',', ' ']);
        let which = relative.starts_with("which ");
        if which || relative.starts_with("who ") {
            let antecedent = cx.sentence_mentions.iter().rfind(|m| {
                m.span.end <= clause.start
                    && clause.start - m.span.end <= 2
                    && if which {
                        matches!(m.kind, EntityKind::State | EntityKind::Place)
                    } else {
                        m.kind == EntityKind::Person
                    }
            });
            if let Some(code) = antecedent.and_then(|m| m.code.clone()) {
                let lead = Span::new(clause.start, span.start);
                // (Not of a passive: "…the Commonwealth, which was partitioned by Russia".)
                let passive = ["was ", "were ", "had been ", "has been ", "is ", "are "]
                    .iter()
                    .any(|w| text[lead.range()].contains(w));
                antecedent_subject = !passive
                    && !cx
                        .mentions
                        .iter()
                        .any(|m| lead.contains(&m.span) && m.kind == EntityKind::State);
                codes.retain(|c| *c != code);
                if antecedent_subject {
                    codes.insert(0, code);
                } else {
                    codes.push(code);
                }
            }
        }
        // A person whose role ties them to a state stands for it beside the states named
        // ("received in Rome by Pope Gregory XIII": the Holy See).
        if !codes.is_empty() {
            for code in codes_of(parties.iter().copied(), scope, &[EntityKind::Person]) {
                if !codes.contains(&code) {
                    codes.push(code);
                }
            }
        }
        // "Gaddafi expelled 20,000 Italians": a person who stands for a state, named before
        // the verb ahead of any state, is the subject.
        let first_party = parties
            .iter()
            .filter(|m| {
                scope.contains(&m.span)
                    && m.span.end <= span.start
                    && m.code.is_some()
                    && matches!(
                        m.kind,
                        EntityKind::State | EntityKind::Organisation | EntityKind::Person
                    )
            })
            .min_by_key(|m| m.span.start);
        if let Some(code) = first_party
            .filter(|m| m.kind == EntityKind::Person && !codes.is_empty())
            .and_then(|m| m.code.clone())
        {
            codes.retain(|c| *c != code);
            codes.insert(0, code);
        }
        // "following its attack": the possessive points back to the last state named.
        let before_trigger = text[cx.span.start..span.start].trim_end();
        // (Set when the subject comes from a possessive or a pronoun's antecedent, so that the
        // pair's other member is not taken for it.)
        let mut subject_from_context = false;
        // The subject a pronoun or participle clause takes from the clause before it.
        let mut borrowed_subject: Option<String> = None;
        if before_trigger.ends_with(" its") || before_trigger.ends_with(" their") {
            if let Some(code) = cx
                .sentence_mentions
                .iter()
                .filter(|m| m.span.end <= span.start && m.kind == EntityKind::State)
                .filter_map(|m| m.code.clone())
                .next_back()
            {
                codes.retain(|c| *c != code);
                codes.insert(0, code);
                subject_from_context = true;
            }
        }
        let standing_in: &[EntityKind] = if venue_only {
            &[EntityKind::Person]
        } else {
            &[EntityKind::Person, EntityKind::Place, EntityKind::War]
        };
        let trigger_text = cx.doc.slice(span);
        let mission = ["embass", "consulate", "legation"]
            .iter()
            .any(|w| trigger_text.contains(w));
        if mission && !codes.is_empty() {
            for code in target_places(cx, clause, span, true) {
                if !codes.contains(&code) {
                    codes.push(code);
                }
            }
        }
        // A treaty named after its parties ("the United States–Mexico–Canada Agreement", "the
        // German–Polish Border Treaty") has them all as parties.
        if matches!(trigger.kind.as_str(), "treaty" | "alliance") {
            for m in cx
                .mentions
                .iter()
                .filter(|m| m.kind == EntityKind::Treaty && clause.contains(&m.span))
            {
                for code in states_in_name(&m.text, self.recogniser.gazetteer()) {
                    if !codes.contains(&code) {
                        codes.push(code);
                    }
                }
            }
        }
        // A capital right before the verb is its government, the subject: "Seoul broke off
        // relations with Taipei" (not a venue: "in Seoul, the two ministers signed").
        let capital_subject: Option<String> = cx
            .mentions
            .iter()
            .filter(|m| {
                m.kind == EntityKind::Place
                    && m.via == "capital"
                    && clause.contains(&m.span)
                    && m.span.end <= span.start
            })
            .find(|m| {
                let between = &text[m.span.end..span.start];
                let lead = text[clause.start..m.span.start].trim_end();
                // (Only lower-case words between: "the Colombo Plan" is a name.)
                !between.contains([',', ';'])
                    && between.split_whitespace().count() <= 3
                    && between
                        .split_whitespace()
                        .all(|w| w.starts_with(|c: char| c.is_lowercase()))
                    && !["in", "at", "to", "from", "of", "with", "by", "near", "and"]
                        .iter()
                        .any(|w| ends_with_word(lead, w))
            })
            .and_then(|m| m.code.clone());
        if let Some(code) = capital_subject.as_ref().filter(|c| !codes.contains(c)) {
            codes.insert(0, code.clone());
        }
        // A capital after "with" is its government, a partner: "ended its relations with
        // Taipei", "a treaty with Tokyo".
        if venue_only && !codes.is_empty() {
            for m in cx.mentions.iter().filter(|m| {
                m.kind == EntityKind::Place
                    && m.via == "capital"
                    && m.span.start >= span.end
                    && clause.contains(&m.span)
                    // (The "with" may close the trigger itself: "sided with Moscow".)
                    && ends_with_word(&text[span.start..m.span.start], "with")
            }) {
                if let Some(code) = &m.code {
                    if !codes.contains(code) {
                        codes.push(code.clone());
                    }
                }
            }
        }
        // Lands handed over concern the state they lie in, where the article is about it:
        // "Siam transferred its claims over Kedah, Kelantan, Perlis and Terengganu to Britain"
        // (Malaysia–Thailand).
        if trigger.kind == "concession" && !codes.is_empty() {
            for m in cx.mentions.iter().filter(|m| {
                m.kind == EntityKind::Place
                    && clause.contains(&m.span)
                    && m.span.start >= span.start
            }) {
                if let Some(code) = m.code.as_ref().filter(|c| cx.dyad.contains(*c)) {
                    if !codes.contains(code) {
                        codes.push(code.clone());
                    }
                }
            }
        }
        // Allies act against someone: the place of an "intervention in Siberia" or a campaign
        // "against" a region is the other side's, not a venue.
        if trigger.kind == "alliance" && !codes.is_empty() {
            for m in cx.mentions.iter().filter(|m| {
                matches!(m.kind, EntityKind::Place | EntityKind::War)
                    && clause.contains(&m.span)
                    && m.code.is_some()
            }) {
                let before = without_article(&text[clause.start..m.span.start]);
                // (Or a war named so: "during the intervention in Siberia".)
                let named = m.kind == EntityKind::War
                    && ALLIED_AGAINST
                        .iter()
                        .any(|w| m.text.to_lowercase().starts_with(w));
                let opposed = named || ALLIED_AGAINST.iter().any(|w| before.ends_with(w));
                if let (true, Some(code)) = (opposed, &m.code) {
                    if !codes.contains(code) {
                        codes.push(code.clone());
                    }
                }
            }
        }
        if codes.is_empty() {
            // No state named in the clause: the people and places in it stand for theirs;
            // where "the two" meet, a city is only the venue ("a meeting of the two heads of
            // state in Bamako").
            // (Or the sentence: "the two countries appointed envoys, who met in Moscow".)
            let lower = |s: Span| text[s.start..s.end].to_ascii_lowercase();
            let clause_text = lower(clause);
            let pair_named = cx.dyad.len() == 2
                && (clause_text.contains("the two ")
                    || clause_text.starts_with("both ")
                    || (trigger.kind == "visit" && lower(cx.span).contains("the two ")));
            let cast: &[EntityKind] = if pair_named {
                &[EntityKind::Person]
            } else {
                standing_in
            };
            // (A place a journey only passes through stands for nobody: "stopped in Manila on
            // his way back from Canberra".)
            codes = codes_of(
                cx.mentions
                    .iter()
                    .filter(|m| m.kind != EntityKind::Place || !is_bystander(text, m, cx.mentions)),
                clause,
                cast,
            );
        } else if !venue_only || trigger.kind == "relations.broken" {
            // Where an attack, a withdrawal or a visit goes is a party ("strikes on Gaza",
            // "withdrew its forces from the Sinai"), and so is the capital an envoy is
            // recalled from ("recalled its ambassador from Paris").
            for code in target_places(cx, clause, span, false) {
                if !codes.contains(&code) {
                    codes.push(code);
                }
            }
        }
        // "Presidents Ali and Maduro met in Argyle, Saint Vincent and the Grenadines": where
        // two sides named before the verb meet is a venue, not a third party.
        if trigger.kind == "visit" {
            let lead = Span::new(clause.start, span.start);
            let mut sides = states_in(parties.iter().copied(), lead);
            // (The person met counts as a side too: "Raisi met UAE President Mohamed bin
            // Zayed at the BRICS summit in Johannesburg".)
            for code in codes_of(parties.iter().copied(), clause, &[EntityKind::Person]) {
                if !sides.contains(&code) {
                    sides.push(code);
                }
            }
            // (Or two people named: "Presidents Ali and Maduro".)
            let people = parties
                .iter()
                .filter(|m| m.kind == EntityKind::Person && clause.contains(&m.span))
                .count();
            if sides.len() >= 2 || people >= 2 {
                let venues: Vec<&String> = cx
                    .mentions
                    .iter()
                    .filter(|m| {
                        matches!(m.kind, EntityKind::State | EntityKind::Place)
                            && clause.contains(&m.span)
                            && m.span.start >= span.end
                    })
                    .filter(|m| {
                        let between = &text[span.start..m.span.start];
                        (between.contains(" in ") || between.contains(" at "))
                            && !between.contains(" with ")
                            && !between.contains(" to ")
                    })
                    .filter_map(|m| m.code.as_ref())
                    .filter(|code| !sides.contains(code))
                    .collect();
                codes.retain(|c| !venues.contains(&c));
            }
        }
        // "Japan broke off relations with Taipei in 1972, when it recognised the People's
        // Republic": a pronoun subject with states only after the verb is the first state of
        // the clause before, and the pair's other member is no party.
        if !codes.is_empty() && states_before(cx.mentions, clause, span).next().is_none() {
            // (Past the connective and a leading date: ", but in July 1974 it recognised".)
            let mut lead_start = clause.start;
            loop {
                let rest = &text[lead_start..span.start];
                let trimmed = rest.trim_start_matches([',', ';', ' ']);
                let word = trimmed.split(' ').next().unwrap_or("");
                let skipped = rest.len() - trimmed.len();
                if PRONOUN_CONNECTIVES.contains(&word.to_ascii_lowercase().as_str()) {
                    lead_start += skipped + word.len();
                } else {
                    lead_start += skipped;
                    break;
                }
            }
            let lead = after_leading_date(text, Span::new(lead_start, span.start), cx.units)
                .to_ascii_lowercase();
            let mut words = lead
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty());
            let pronoun = words.next().filter(|w| matches!(*w, "it" | "they"));
            let pronoun = pronoun.filter(|_| words.count() <= 6);
            let previous = cx.clauses.iter().rfind(|c| c.end <= clause.start);
            if let (Some(pronoun), Some(previous)) = (pronoun, previous) {
                let antecedents = states_in(parties.iter().copied(), *previous);
                // ("it" is one state; "they" all the clause before names: "the two
                // countries created a Brazilian–Argentine agency, and on 26 March 1991 they
                // signed the Treaty of Asunción".)
                let take = if pronoun == "it" {
                    1
                } else {
                    antecedents.len()
                };
                for code in antecedents.iter().take(take).rev() {
                    codes.retain(|c| c != code);
                    codes.insert(0, code.clone());
                    subject_from_context = true;
                }
            }
        }
        // "…troops occupied the Ruhr; they withdrew in 1925": a pronoun subject is the
        // states of the clause before.
        if codes.is_empty() {
            let rest = text[clause.start..clause.end].trim_start_matches([',', ';', ' ']);
            let opening_at = clause.end - rest.len();
            let opening = rest.split_whitespace().next().unwrap_or("");
            // (So is a participle's: "…recalled their ambassadors from Qatar, accusing it of
            // interference".)
            let participle = opening.len() > 5
                && opening.ends_with("ing")
                && opening.starts_with(|c: char| c.is_ascii_lowercase())
                && text[..opening_at].trim_end().ends_with(',');
            // ("…, and in July 2024 they formed a confederation": past a leading date.)
            let subject = after_leading_date(text, Span::new(opening_at, clause.end), cx.units)
                .split_whitespace()
                .next()
                .unwrap_or("");
            if matches!(subject, "they" | "it" | "They" | "It") || participle {
                // (Within a clause, a verb phrase's is the words of its clause before it.)
                let previous = match cx.clauses.iter().find(|c| c.contains(&clause)) {
                    Some(whole) if whole.start < clause.start => {
                        Some(Span::new(whole.start, clause.start))
                    }
                    _ => cx.clauses.iter().rfind(|c| c.end <= clause.start).copied(),
                };
                if let Some(previous) = previous {
                    codes = states_in(parties.iter().copied(), previous);
                    // (Its subject acts: "Saudi Arabia … recalled their ambassadors from
                    // Qatar, accusing it": Saudi Arabia accuses, not Qatar.)
                    borrowed_subject = codes.first().cloned();
                }
            }
        }
        // Still none: the sentence's, unless the article's pair is the default cast (the
        // states of the sentence's other clauses belong to their own events there).
        if codes.is_empty() && cx.dyad.len() != 2 {
            codes = states_in(cx.mentions, cx.span);
        }
        if codes.is_empty() && cx.dyad.len() != 2 {
            codes = codes_of(cx.mentions, cx.span, standing_in);
        }
        // The acting state: the nearest one named before the trigger in the clause — or,
        // for a participle after a comma ("… from Qatar, accusing it"), the clause's first.
        let trigger_word = text[span.range()].split_whitespace().next().unwrap_or("");
        let trailing_participle = trigger_word.len() > 5
            && trigger_word.ends_with("ing")
            && text[..span.start].trim_end().ends_with(',');
        let mut before = states_before(cx.mentions, clause, span).filter_map(|m| m.code.clone());
        let named_subject = if trailing_participle {
            before.next()
        } else {
            before.next_back()
        };
        if let Some(subject) = borrowed_subject.or(named_subject) {
            if let Some(position) = codes.iter().position(|c| *c == subject) {
                let code = codes.remove(position);
                codes.insert(0, code);
            }
        }
        // "Both states regained independence": one act each, told of the pair (the recogniser
        // reads "both states" as a mention of each).
        if trigger.unilateral {
            // ("…shortly after both became independent from Britain": "both" with no state
            // named before the verb is the pair.)
            let lead = text[clause.start..span.start].to_ascii_lowercase();
            let both = lead.starts_with("both ")
                || lead.contains(" both ")
                || lead.contains(" the two ")
                || lead.starts_with("the two ");
            if both
                && cx.dyad.len() == 2
                && states_before(cx.mentions, clause, span).next().is_none()
            {
                return cx.dyad.to_vec();
            }
            if let Some(last) = states_before(cx.mentions, clause, span).next_back() {
                let pair: Vec<String> = states_before(cx.mentions, clause, span)
                    .filter(|m| m.span == last.span)
                    .filter_map(|m| m.code.clone())
                    .collect();
                if pair.len() > 1 {
                    return pair;
                }
                // "Mauritania and Senegal became independent in 1960": each of two states
                // named together as the subject.
                let joined = states_before(cx.mentions, clause, span)
                    .rfind(|m| m.span.end <= last.span.start)
                    .filter(|first| {
                        text[first.span.end..last.span.start].trim() == "and"
                            && text[last.span.end..span.start].trim().is_empty()
                    });
                if let Some(first) = joined {
                    let codes: Vec<String> = [first, last]
                        .iter()
                        .filter_map(|m| m.code.clone())
                        .collect();
                    if codes.len() == 2 && codes[0] != codes[1] {
                        return codes;
                    }
                }
            }
            // "Sukarno and Hatta proclaimed Indonesian independence", "became independent as
            // Ghana": a domestic event whose own words name its state.
            // ("…seized power in Banjul": where power changed hands is the state.)
            let seat_of_power = text[span.range()].ends_with("power");
            if trigger.kind == "context" {
                let named = cx.mentions.iter().find(|m| {
                    let between = || text.get(span.end..m.span.start).map(str::trim);
                    (m.kind == EntityKind::State
                        && (span.contains(&m.span)
                            || (m.span.start >= span.end && between() == Some("as"))))
                        || (seat_of_power
                            && matches!(m.kind, EntityKind::State | EntityKind::Place)
                            && m.span.start >= span.end
                            && matches!(between(), Some("in" | "in the")))
                });
                if let Some(code) = named.and_then(|m| m.code.clone()) {
                    return vec![code];
                }
            }
            // One side: the state the clause is about, nearest before the trigger; or, when the
            // trigger's verb shares the clause's subject ("Spain signed the accords with Morocco
            // and Mauritania and withdrew from the territory"), the first state of the clause.
            let before = states_before(cx.mentions, clause, span);
            let shared_subject = text[clause.start..span.start].trim_end().ends_with(" and");
            let subject = if shared_subject {
                before.filter_map(|m| m.code.clone()).next()
            } else {
                before.filter_map(|m| m.code.clone()).next_back()
            };
            // "…after martial law was declared": with no state in its phrase, the state last
            // named before it.
            let mut side: Vec<String> = match subject {
                Some(code) => vec![code],
                None if codes.is_empty() => cx
                    .sentence_mentions
                    .iter()
                    .rfind(|m| m.kind == EntityKind::State && m.span.end <= span.start)
                    .and_then(|m| m.code.clone())
                    .into_iter()
                    .collect(),
                None => codes.into_iter().take(1).collect(),
            };
            // "The United States welcomed the coup that overthrew President Goulart": a state
            // that acts on a domestic event (another kind's trigger between them) is not where
            // it happened; in an article on a pair, the other side is.
            if trigger.kind == "context" && cx.dyad.len() == 2 {
                let acting = side.first().and_then(|code| {
                    states_before(cx.mentions, clause, span)
                        .rfind(|m| m.code.as_ref() == Some(code))
                        .map(|m| (code.clone(), m.span.end))
                });
                // (Not a passive or a second verb of the subject: "Singapore was expelled
                // from the federation and became an independent state".)
                let acting = acting.filter(|(_, from)| {
                    let between = &text[*from..span.start];
                    ![" was ", " were ", " and "]
                        .iter()
                        .any(|w| between.contains(w))
                });
                if let Some((code, from)) = acting {
                    let acts_on_it = cx.triggers
                        [cx.triggers.partition_point(|(_, t)| t.start < from)..]
                        .iter()
                        .take_while(|(_, t)| t.start < span.start)
                        .any(|(i, _)| self.resources.triggers[*i].kind != "context");
                    if acts_on_it && cx.dyad.contains(&code) {
                        if let Some(other) = cx.dyad.iter().find(|c| **c != code) {
                            side = vec![other.clone()];
                        }
                    }
                }
            }
            // "withdrew its troops from Siberia", "withdrew from Norwegian territory": the
            // place left is the other side's.
            // (A domestic event keeps its one side: "won its independence from the Ottoman
            // Empire".)
            let left = if trigger.kind == "context" {
                Vec::new()
            } else {
                target_places(cx, clause, span, false)
                    .into_iter()
                    .chain(states_left(cx, clause, span))
                    .collect()
            };
            for code in left {
                if !side.contains(&code) && !side.is_empty() {
                    side.push(code);
                }
            }
            // "Nigeria withdrew its troops from Bakassi", "South Sudan withdrew from Heglig":
            // forces leave ground the article's other state holds or claims, even when the
            // place is too small to be known.
            if trigger.kind == "withdrawal" && side.len() == 1 && cx.dyad.contains(&side[0]) {
                let after = &text[span.start..clause.end];
                let military = after.split_whitespace().take(6).any(|w| {
                    matches!(
                        w.trim_matches(|c: char| !c.is_alphanumeric()),
                        "troops"
                            | "forces"
                            | "soldiers"
                            | "army"
                            | "units"
                            | "garrison"
                            | "garrisons"
                    )
                });
                let from_place = after
                    .split_once(" from ")
                    .map(|(_, rest)| rest.trim_start_matches("the ").trim_start())
                    .is_some_and(|rest| {
                        // (Not a body or a programme: "from NATO's military command", "from
                        // the Belt and Road Initiative".)
                        let body = rest.split_whitespace().take(6).any(|w| {
                            BODY_WORDS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric()))
                        });
                        rest.starts_with(char::is_uppercase)
                            && !body
                            && !cx.mentions.iter().any(|m| {
                                m.kind == EntityKind::Organisation
                                    && m.span.end > span.start
                                    && clause.contains(&m.span)
                            })
                    });
                if military || from_place {
                    if let Some(partner) = cx.dyad.iter().find(|d| **d != side[0]) {
                        side.push(partner.clone());
                    }
                }
            }
            return side;
        }
        // In a relations article the dyad is the default cast of a bilateral event, unless an
        // organisation acts ("The League of Nations imposed sanctions on Italy").
        // (Not one named before a state that acts: "Croatia sued Serbia at the International
        // Court of Justice, and Serbia filed a counter-suit".)
        let organisation_acts = cx.mentions.iter().any(|m| {
            clause.contains(&m.span)
                && m.span.end <= span.start
                && m.kind == EntityKind::Organisation
                && m.code.is_none()
                // (Nor one after the state that acts: "Iran accepted the United Nations
                // resolution".)
                && !cx.mentions.iter().any(|s| {
                    s.kind == EntityKind::State
                        && clause.contains(&s.span)
                        && s.span.end <= span.start
                })
        }) || {
            // "…took the case to the International Court of Justice, which ruled in favour of
            // Britain": a relative clause's subject is what it follows.
            let relative = text[clause.start..span.start]
                .trim_start_matches([',', ' '])
                .starts_with("which ");
            // (Not when the relative clause has a subject of its own: "…joined NATO, which
            // Moscow protested".)
            let own_subject = cx.mentions.iter().any(|m| {
                matches!(m.kind, EntityKind::State | EntityKind::Place)
                    && m.span.start >= clause.start
                    && m.span.end <= span.start
            });
            relative
                && !own_subject
                && cx
                    .sentence_mentions
                    .iter()
                    .rfind(|m| m.span.end <= clause.start)
                    .is_some_and(|m| m.kind == EntityKind::Organisation && m.code.is_none())
        };
        // (An organisation that brokers an agreement is no party to it: "The Organization of
        // American States negotiated a ceasefire".)
        let organisation_acts = organisation_acts && trigger.kind != "treaty";
        if cx.dyad.len() == 2 && !organisation_acts {
            let present = cx.dyad.iter().filter(|d| codes.contains(d)).count();
            let named_after = |m: &&Mention| {
                clause.contains(&m.span) && m.kind == EntityKind::State && m.span.start >= span.end
            };
            if present == 0
                && states_before(cx.mentions, clause, span).next().is_some()
                && cx.mentions.iter().any(|m| named_after(&m))
                && !trigger.unilateral
            {
                // "After Germany occupied Denmark": an event between two other states, told
                // as background in a relations article; not one of the pair's events.
                // (Told with a date of its own, it is an event of the article's story: "After
                // Iraq invaded Kuwait in August 1990, King Fahd invited American troops"; told
                // with a verb, for "after the Soviet invasion of Afghanistan in December 1979"
                // names a time.)
                let dated = cx.units.iter().any(|u| clause.contains(&u.span))
                    && !cx.doc.slice(span).ends_with(" of");
                return if dated && codes.len() >= 2 {
                    codes
                } else {
                    Vec::new()
                };
            }
            // "In 1935 France and Italy signed an agreement": two other states that act
            // together are the event's parties, not the article's pair (unless they act
            // between the pair: "Argentina, Brazil and Chile mediated a ceasefire").
            let others_together = || {
                let mut before: Vec<String> = states_before(cx.mentions, clause, span)
                    .filter_map(|m| m.code.clone())
                    .collect();
                before.sort();
                before.dedup();
                let between_pair = ["mediat", "brokered", "arbitrat", "good offices"]
                    .iter()
                    .any(|w| cx.doc.slice(span).contains(w));
                before.len() >= 2 && !between_pair
            };
            if present == 0 && !trigger.unilateral && others_together() {
                return codes;
            }
            if present == 0 {
                let mut with_dyad = cx.dyad.to_vec();
                with_dyad.extend(codes);
                codes = with_dyad;
            } else if present == 1 {
                // "The group arrived in Italy and was received by the Pope": with no state
                // before the trigger, the unnamed subject is the pair's other member.
                let subject_named = subject_from_context
                    || antecedent_subject
                    || capital_subject
                        .as_ref()
                        .is_some_and(|code| codes.contains(code))
                    || cx.mentions.iter().any(|m| {
                        clause.contains(&m.span)
                            && m.span.end <= span.start
                            && matches!(m.kind, EntityKind::State | EntityKind::Person)
                            && m.code.is_some()
                    });
                // (Nor when a treaty's parties are named together: "the Treaty of Erzurum,
                // signed by the Ottoman Empire and Persia".)
                // (Nor, for any kind, when the text names its two sides: "war broke out
                // between Ethiopia and Somalia".)
                let named_together = || {
                    cx.mentions
                        .iter()
                        .filter(|m| m.kind == EntityKind::State && clause.contains(&m.span))
                        .collect::<Vec<_>>()
                        .windows(2)
                        .any(|w| {
                            let joined = w[0].code != w[1].code
                                && text
                                    .get(w[0].span.end..w[1].span.start)
                                    .is_some_and(|between| matches!(between.trim(), "and" | ","));
                            let sides = || {
                                text[clause.start..w[0].span.start]
                                    .trim_end()
                                    .ends_with("between")
                            };
                            joined && (trigger.kind == "treaty" || sides())
                        })
                };
                // (A state that brokered it is no side: "Armenia signed a Russian-brokered
                // ceasefire" is with Azerbaijan.)
                let brokers: Vec<&String> = cx
                    .mentions
                    .iter()
                    .filter(|m| {
                        clause.contains(&m.span)
                            && m.kind == EntityKind::State
                            && ["-brokered", "-mediated", "-sponsored"]
                                .iter()
                                .any(|w| text[m.span.end..].starts_with(w))
                    })
                    .filter_map(|m| m.code.as_ref())
                    .filter(|code| !cx.dyad.contains(code))
                    .collect();
                let sides = codes.iter().filter(|c| !brokers.contains(c)).count();
                if let Some(partner) = cx.dyad.iter().find(|d| !codes.contains(d)) {
                    if sides == 1 && codes.len() > 1 {
                        codes.insert(1, partner.clone());
                    } else if codes.len() == 1 {
                        // ("the new government confiscated the property of Italian settlers":
                        // the unnamed subject acts on the one named after the verb; not in
                        // the passive, "was received by the Pope".)
                        let lead = text[clause.start..span.start].trim_end();
                        let passive = ["was", "were", "been", "being"]
                            .iter()
                            .any(|w| ends_with_word(lead, w));
                        if subject_named || passive {
                            codes.push(partner.clone());
                        } else {
                            codes.insert(0, partner.clone());
                        }
                    } else if !subject_named && !named_together() {
                        codes.insert(0, partner.clone());
                    } else if DIRECTED_KINDS.contains(&trigger.kind.as_str())
                        && !cx.mentions.iter().any(|m| {
                            clause.contains(&m.span)
                                && m.code.is_some()
                                && m.span.start >= span.start
                        })
                        && !text[clause.start..span.start]
                            .split_whitespace()
                            .any(|w| matches!(w, "which" | "whom" | "that"))
                    {
                        // "Saudi Arabia, Kuwait and the United Arab Emirates pledged US$12
                        // billion in aid": states that act together on no state named act on
                        // the pair's other member. (Not in a relative clause, whose object
                        // came before: "East Timor, which Indonesian troops had invaded".)
                        codes.push(partner.clone());
                    }
                }
            }
        } else if cx.dyad.len() == 2
            && codes.is_empty()
            && REQUEST_LIKE.contains(&trigger.kind.as_str())
        {
            // "The Security Council called for a ceasefire in August 1947": a body that asks,
            // condemns or threatens with no state named addresses the article's pair.
            codes = cx.dyad.to_vec();
        } else if cx.dyad.len() == 2
            && codes.len() == 1
            && cx.dyad.contains(&codes[0])
            && trigger.kind == "request"
        {
            // "The Security Council adopted resolutions demanding the withdrawal of forces from
            // Azerbaijani districts": what a body asks about one of the pair concerns both (what
            // it condemns is the one state's).
            if let Some(partner) = cx.dyad.iter().find(|d| **d != codes[0]) {
                codes.push(partner.clone());
            }
        } else if cx.dyad.len() == 1 && !organisation_acts && codes.len() == 1 {
            // An article on one state's relations ("Foreign relations of Angola"): that state
            // is the other party of a bilateral event naming only its partner ("In 1993, it
            // established relations with the United States").
            if codes[0] != cx.dyad[0] {
                codes.push(cx.dyad[0].clone());
            }
        }
        codes
    }

    /// The governing date: a date in the clause nearest the trigger, else a period named in it,
    /// else the nearest date of the sentence, else the narrative's year, else the section's span.
    fn when(
        &self,
        cx: &SentenceContext,
        clause: Span,
        trigger: Span,
    ) -> (Option<String>, WhenSource) {
        let text = cx.doc.text.as_str();
        // A date in parentheses belongs to the words just before it; it governs the trigger
        // only when the trigger is among those words.
        // Time adverbials mostly follow what they date ("resumed cooperation during the Cold
        // War"), so a date before the trigger counts as a little farther; a date in
        // parentheses before the trigger belongs to the words it follows.
        let cost = |u: &&DateUnit| {
            let d = distance(trigger, u.span);
            let before = u.span.end <= trigger.start;
            let in_parens = text[..u.span.start].trim_end().ends_with('(');
            match (in_parens, before) {
                (true, true) => d + 200,
                (true, false) if d > 60 => d + 200,
                (false, true) => d + 10,
                _ => d,
            }
        };
        // "accused Australia of having bugged its cabinet rooms during the negotiations of
        // 2004, and took the dispute to …": a date in what an accusation says dates what was
        // alleged, not the next verb phrase.
        let alleged = |u: &DateUnit| {
            u.span.end <= trigger.start && text[u.span.end..trigger.start].contains(", and ") && {
                let lead = &text[clause.start.min(u.span.start)..u.span.start];
                lead.rsplit_once(" accused ")
                    .or_else(|| lead.rsplit_once(" accusing "))
                    .is_some_and(|(_, content)| content.contains(" of "))
            }
        };
        let nearest = |scope: Span| {
            cx.units
                .iter()
                .filter(|u| scope.contains(&u.span) && !u.attributive && !alleged(u))
                .min_by_key(cost)
        };
        // "ended with the Treaty of Córdoba, signed on 24 August 1821", "led to the Treaty of
        // San Stefano of 3 March 1878": a date joined to the treaty's name is the treaty's,
        // whatever the clause around it dates.
        if let Some(unit) = cx
            .sentence_mentions
            .iter()
            .filter(|m| m.kind == EntityKind::Treaty && m.span.overlaps(&trigger))
            .find_map(|m| instrument_date(text, m.span, cx.units))
        {
            return (Some(unit.value.clone()), WhenSource::Sentence);
        }
        if let Some(value) = offset_date(&self.tagger, text, cx.span, trigger, cx.units) {
            return (Some(value), WhenSource::Sentence);
        }
        let until = |u: &DateUnit| -> String {
            // "maintained relations … until 1945": from where the narrative stands to then.
            let before = text[..u.span.start].trim_end();
            // (The armistice itself is dated at its day, not over what it ended.)
            let until_its_end = until_the_end_of(before).is_some_and(|at| trigger.end <= at);
            if (before.ends_with("until") || before.ends_with("till") || until_its_end)
                && !u.value.contains('/')
            {
                // From the sentence's own last date before it if there is one ("signed the
                // treaty on 1 May 1865 and fought Paraguay until 1870"), else the narrative's.
                let earlier = cx
                    .units
                    .iter()
                    .rfind(|e| e.span.end <= u.span.start && !e.value.contains('/'))
                    .map(|e| e.value.clone());
                if let Some(start) = earlier.or_else(|| cx.narrative.clone()) {
                    if start.as_str() < u.value.as_str() {
                        return format!("{start}/{}", u.value);
                    }
                }
            }
            u.value.clone()
        };
        // A verb phrase's own date first ("signed the pact in 1940 and attacked Pearl Harbor
        // on 7 December 1941"), then the clause's.
        // ("Mongolia supports Japan's position …, and hosted talks … in March 2014": a verb
        // phrase told in the present holds now, whatever its clause's other phrase dates.)
        let own_phrase = {
            let base = cx.segment.unwrap_or(clause);
            let end = text[trigger.end.clamp(base.start, base.end)..base.end]
                .find(", and ")
                .map_or(base.end, |i| trigger.end.max(base.start) + i);
            Span::new(base.start, end)
        };
        if !cx.units.iter().any(|u| own_phrase.contains(&u.span))
            && present_tense(cx.doc.slice(own_phrase))
        {
            return (None, WhenSource::None);
        }
        if let Some(unit) = cx.segment.and_then(&nearest) {
            return (Some(until(unit)), WhenSource::Sentence);
        }
        if let Some(unit) = nearest(clause) {
            return (Some(until(unit)), WhenSource::Sentence);
        }
        // "won the 2012 election": a year before a noun dates its clause when the sentence
        // has no other date.
        // (But "asked Senegal for help under a 1965 defence agreement", told of 1981: a year
        // before the narrative's names something earlier, and the narrative dates the clause.)
        let narrative_year = cx.narrative.as_deref().and_then(first_year);
        if cx.units.iter().all(|u| u.attributive) {
            if let Some(unit) = cx
                .units
                .iter()
                .filter(|u| clause.contains(&u.span))
                .filter(|u| {
                    narrative_year
                        .zip(first_year(&u.value))
                        .is_none_or(|(narrative, year)| year >= narrative)
                })
                .min_by_key(cost)
            {
                return (Some(until(unit)), WhenSource::Sentence);
            }
        }
        // A standing state told in the present ("Spain is Morocco's largest trading partner",
        // "relations have been marked by disputes") has no date to inherit, nor another
        // clause's date.
        if present_tense(cx.doc.slice(clause)) {
            return (None, WhenSource::None);
        }
        // "After the United Kingdom left the European Union, …": the main clause's date is
        // later than what the opening clause tells, which the text leaves undated.
        let opening =
            clause.start == cx.span.start && clause.end < cx.span.end && cx.opening_end.is_some();
        if opening {
            return (None, WhenSource::None);
        }
        let period_cost = |p: &&dyad_time::PeriodMention| {
            distance(trigger, p.span) + if p.span.end <= trigger.start { 10 } else { 0 }
        };
        if let Some(period) = cx
            .tagging
            .periods
            .iter()
            .filter(|p| clause.contains(&p.span))
            .min_by_key(period_cost)
        {
            if let Some(value) = period.interval() {
                return (Some(value), WhenSource::Period);
            }
        }
        // A date in a relative clause that tells an event of its own ("joined the alliance,
        // which was founded in 1949") dates that event, not this one; a relative clause that
        // only describes ("the Tripartite Pact, which also included Germany, on 27 September
        // 1940") and coordinated clauses ("Norway sent frigates in 2005, and Russia
        // protested") share the sentence's date.
        let other_events: Vec<Span> = cx
            .clauses
            .iter()
            .copied()
            .filter(|c| !c.contains(&clause))
            .filter(|c| {
                let text = cx.doc.slice(*c);
                let opening = text.trim_start_matches([',', ' ']);
                // "…, and in August 1964 paratroopers landed", "…withdrew their ambassadors,
                // and ambassadors were exchanged again only in 1976": a later clause's date is
                // its own (an earlier clause's carries on: "Norway sent frigates in 2005, and
                // Russia protested").
                let later_coordinate = c.start > clause.start
                    && (text.starts_with(", and ")
                        || text.starts_with("; ")
                        || text.starts_with(", but "));
                // (A later clause's own date is its own even when it tells no event: "Egypt
                // objected, and in June 2013 Egyptian politicians were filmed …".)
                let dated_later = later_coordinate
                    && opens_with_date_preposition(
                        text.trim_start_matches(", and ")
                            .trim_start_matches(", but ")
                            .trim_start_matches("; "),
                    );
                let own_event = || {
                    let first = cx.triggers.partition_point(|(_, t)| t.start < c.start);
                    cx.triggers.get(first).is_some_and(|(_, t)| t.start < c.end)
                };
                dated_later
                    || ((opening.starts_with("which ")
                        || opening.starts_with("who ")
                        || later_coordinate)
                        && own_event())
            })
            .collect();
        let free = Span::new(cx.span.start, cx.span.end);
        // "After Habré took N'Djamena in June 1982, Libya backed Goukouni and invaded Chad in
        // 1983": the opening clause's date dates the main clause only when it has none.
        let opening_end = cx.opening_end.filter(|end| *end <= trigger.start);
        // (A date of the main clause, not of a later clause: no comma between.)
        let main_dated = opening_end.is_some_and(|end| {
            cx.units.iter().any(|u| {
                let between = if u.span.start >= trigger.end {
                    &text[trigger.end..u.span.start]
                } else {
                    &text[u.span.end.min(trigger.start)..trigger.start]
                };
                u.span.start >= end
                    && free.contains(&u.span)
                    && !u.attributive
                    && !between.contains([',', ';'])
            })
        });
        if let Some(unit) = cx
            .units
            .iter()
            .filter(|u| free.contains(&u.span))
            .filter(|u| !other_events.iter().any(|c| c.contains(&u.span)))
            // ("The Al Khalifa family, which has ruled Bahrain since 1783, claimed Zubarah":
            // a relative clause before the verb describes the subject, at its own time.)
            // (Nor one after it that tells of a place or a person: "deported to France, where
            // he died in April 1803".)
            .filter(|u| {
                !cx.clauses.iter().any(|c| {
                    c.contains(&u.span) && {
                        let told = cx.doc.slice(*c);
                        if c.end <= clause.start {
                            told.starts_with(", which ") || told.starts_with(", who ")
                        } else {
                            c.start >= clause.end
                                && (told.starts_with(", where ") || told.starts_with(", who "))
                        }
                    }
                })
            })
            .filter(|u| !main_dated || opening_end.is_some_and(|end| u.span.start >= end))
            // ("…while Argentina remained neutral until March 1945, and the United States
            // supplied arms": how long another clause's state lasted dates nothing here.)
            // (But "…until 1991, when Croatia declared independence" dates what "when" tells.)
            .filter(|u| {
                clause.contains(&u.span) || {
                    let before = text[..u.span.start].trim_end();
                    let after = text[u.span.end..].trim_start_matches([',', ' ']);
                    !(before.ends_with(" until") || before.ends_with(" till"))
                        || after.starts_with("when ")
                }
            })
            .min_by_key(|u| cost(u) + if u.attributive { 300 } else { 0 })
        {
            // (What "when" tells after "until 1983" is at 1983, not over the span before it;
            // after "from 1691 until 1911, when …", at the span's end.)
            let value = if clause.contains(&unit.span) {
                until(unit)
            } else {
                let after = text[unit.span.end..].trim_start_matches([',', ' ']);
                match unit.value.split_once('/') {
                    Some((_, end)) if after.starts_with("when ") && !end.is_empty() => {
                        end.to_string()
                    }
                    _ => unit.value.clone(),
                }
            };
            return (Some(value), WhenSource::Sentence);
        }
        // A clause that opens the sentence before this one ("After the war, …").
        let opening = cx.clauses.first().copied().filter(|first| {
            first.start == cx.span.start && first.end < cx.span.end && !first.contains(&clause)
        });
        // "After the First World War, the Treaty of Versailles returned…": the main clause is
        // later than the period that opens the sentence, not at the narrative's last year.
        let opening_period = opening.and_then(|first| {
            cx.tagging
                .periods
                .iter()
                .find(|p| first.contains(&p.span))
                .map(|p| (first, p))
        });
        if let Some((first, period)) = opening_period {
            // (But "During the Winter War, Sweden sent weapons … but refused to let Allied
            // troops cross": a period the sentence opens "during" frames all it tells.)
            let opener = cx.doc.slice(first).split_whitespace().next().unwrap_or("");
            if matches!(opener, "During" | "Throughout") {
                if let Some(value) = period.interval() {
                    return (Some(value), WhenSource::Period);
                }
            }
            return (None, WhenSource::None);
        }
        // "After the invasion of Ukraine, North Korea supplied …": an undated event that opens
        // the sentence moves the story on from the year the narrative had reached (not "After
        // the war", which looks back on what the narrative told).
        let undated_opening = opening.is_some_and(|first| {
            let words = cx.doc.slice(first);
            ["After the ", "Following the "]
                .iter()
                .any(|w| words.starts_with(w))
                && words
                    .split_whitespace()
                    .skip(2)
                    .any(|w| w.starts_with(|c: char| c.is_uppercase()))
        });
        if undated_opening {
            return (None, WhenSource::None);
        }
        // "visited Moscow many times": repeated over years, at no one date (as is what was
        // "never" done).
        let clause_text = cx.doc.slice(clause);
        if HABITUAL.iter().any(|h| clause_text.contains(h)) {
            return (None, WhenSource::None);
        }
        if let Some(year) = cx.narrative.clone() {
            return (Some(year), WhenSource::Narrative);
        }
        if let Some(time) = &cx.section_time {
            let value = match (time.start, time.end) {
                (Some(s), Some(e)) if s == e => Some(format!("{s:04}")),
                (Some(s), Some(e)) => Some(format!("{s:04}/{e:04}")),
                (Some(s), None) => Some(format!("{s:04}/PRESENT_REF")),
                (None, Some(e)) => Some(format!("/{e:04}")),
                (None, None) => None,
            };
            if value.is_some() {
                return (value, WhenSource::Section);
            }
        }
        (None, WhenSource::None)
    }
}

/// What the stages before event extraction found in one document.
struct Earlier {
    sentences: Vec<dyad_segment::Sentence>,
    tagging: Tagging,
    mentions: Vec<Mention>,
    triggers: Vec<(usize, Span)>,
    /// Where the fact patterns may match.
    fact_scan: Scan,
}

#[derive(Clone)]
struct SentenceContext<'a> {
    doc: &'a Document,
    span: Span,
    section_path: &'a [String],
    tagging: &'a Tagging,
    /// The mentions inside the sentence (or, for a part of a clause, inside that part).
    mentions: &'a [Mention],
    /// All the mentions inside the sentence.
    sentence_mentions: &'a [Mention],
    /// The verb phrase or cause phrase of a clause being read, when the clause has several
    /// (see `segment_groups`): its own dates come first.
    segment: Option<Span>,
    /// The dates inside the sentence.
    units: &'a [DateUnit],
    /// The year the narrative had reached before the sentence.
    narrative: Option<String>,
    /// Trigger matches of the whole document (trigger index, span), by start.
    triggers: &'a [(usize, Span)],
    dyad: &'a [String],
    section_time: Option<dyad_time::SectionTime>,
    /// Where the sentence's opening subordinate clause ends ("After the war ended in 1945,"),
    /// in document offsets.
    opening_end: Option<usize>,
    /// The sentence's clauses, in document offsets.
    clauses: Vec<Span>,
}

/// Reads a historical name by the event's date when another state kept the name: "Japan and
/// the Republic of China signed the Treaty of Taipei" (1952) is between Japan and Taiwan. Only
/// when every mention of the actor's code in the sentence is such a name (the People's
/// Republic beside it keeps its code).
fn successor_states(event: &mut Event, mentions: &[Mention]) {
    // (Historical names are rare: most sentences have none to read.)
    if !mentions.iter().any(|m| m.historical.is_some()) {
        return;
    }
    let Some(year) = event_year(event) else {
        return;
    };
    for actor in event.actors.iter_mut() {
        let named: Vec<&Mention> = mentions
            .iter()
            .filter(|m| m.kind == EntityKind::State && m.code.as_deref() == Some(actor.as_str()))
            .collect();
        let successors: Vec<Option<&str>> = named
            .iter()
            .map(|m| dyad_entity::successor_in(m, year))
            .collect();
        if let Some(Some(then)) = successors.first() {
            if successors.iter().all(|s| s == &Some(*then)) {
                *actor = then.to_string();
            }
        }
    }
    let mut seen: Vec<String> = Vec::new();
    event.actors.retain(|a| {
        let first = !seen.contains(a);
        seen.push(a.clone());
        first
    });
}

/// Drops an actor named only by a region's name before the state took it: "Bulgaria occupied
/// eastern Macedonia in 1916" is no act on North Macedonia. Only when every mention of the
/// actor's code in the sentence is such a name, and another actor remains.
fn regions_before_states(event: &mut Event, mentions: &[Mention], text: &str) {
    let Some(year) = event_year(event) else {
        return;
    };
    let region_only = |code: &str| {
        let mut named = mentions
            .iter()
            .filter(|m| m.kind == EntityKind::State && m.code.as_deref() == Some(code))
            .peekable();
        named.peek().is_some()
            && named.all(|m| {
                text.get(m.span.range())
                    .is_some_and(|surface| dyad_entity::region_before_state(surface, code, year))
            })
    };
    let regions: Vec<String> = event
        .actors
        .iter()
        .filter(|a| region_only(a))
        .cloned()
        .collect();
    if !regions.is_empty() && regions.len() < event.actors.len() {
        event.actors.retain(|a| !regions.contains(a));
    }
}

/// The first year of an event's date, or of the period that frames it.
fn event_year(event: &Event) -> Option<i64> {
    event
        .when
        .as_deref()
        .or(event.frame.as_deref())
        .and_then(first_year)
}

/// The first year of a TimeML value or interval: "1952-04-28" → 1952, "195" (the 1950s) →
/// 1950, "1945/1949" → 1945; none for BC dates or values without one.
fn first_year(value: &str) -> Option<i64> {
    let digits: String = value.chars().take_while(char::is_ascii_digit).collect();
    match digits.len() {
        4.. => digits[..4].parse().ok(),
        3 => digits.parse::<i64>().ok().map(|decade| decade * 10),
        2 => digits.parse::<i64>().ok().map(|century| century * 100),
        _ => None,
    }
}

/// Words that may open a clause before its pronoun subject ("…, when it recognised").
/// Kinds of acts that a statement may name as its object ("condemned the invasion of …").
const NOMINAL_ACTS: &[&str] = &["conflict", "sanction", "mobilization", "expulsion"];

/// Kinds of statements about another's act. (Not support: who "supported an invasion" took
/// part in it.)
const STATEMENT_KINDS: &[&str] = &["dispute", "rejection", "request"];

/// The text of `clause` past a leading "and", "then" or "but" and a date the tagger found
/// after "in", "on" or "by" ("in July 2024", "on 3 May 1990,"); the whole clause when it
/// opens with no such date.
fn after_leading_date<'t>(text: &'t str, clause: Span, units: &[DateUnit]) -> &'t str {
    let whole = &text[clause.range()];
    let mut rest = whole.trim_start();
    for joint in ["and ", "then ", "but "] {
        if let Some(after) = rest.strip_prefix(joint) {
            rest = after.trim_start();
        }
    }
    let Some(after) = ["in ", "In ", "on ", "On ", "by ", "By "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
    else {
        return whole;
    };
    let date_start = clause.end - after.len();
    match units
        .iter()
        .find(|u| u.span.start == date_start && u.span.end <= clause.end)
    {
        Some(unit) => text[unit.span.end..clause.end].trim_start_matches([',', ' ']),
        None => whole,
    }
}

const PRONOUN_CONNECTIVES: &[&str] = &[
    "when", "after", "as", "because", "since", "and", "but", "until", "before", "while", "where",
    "so", "then", "once", "although", "though",
];

fn distance(a: Span, b: Span) -> usize {
    if a.overlaps(&b) {
        0
    } else if b.start >= a.end {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// Clause spans (relative to the sentence).
fn clauses(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    // "After Germany occupied Denmark, British forces invaded Iceland": a sentence that
    // opens with a subordinate clause has its main clause after the first comma.
    if let Some(m) = opening_clause(text) {
        out.push(Span::new(0, m.end() - 1));
        start = m.end() - 1;
    } else if let Some((from, to)) = dated_opening_clause(text) {
        // ("In August 1990, after Iraq invaded Kuwait, Turkey closed the pipeline": the same
        // after a date that leads the sentence.)
        out.push(Span::new(0, from));
        out.push(Span::new(from, to));
        start = to;
    }
    if let Some(regex) = CLAUSE_BREAK.as_ref() {
        for m in regex.find_iter(text) {
            if m.start() > start {
                out.push(Span::new(start, m.start()));
            }
            start = m.start();
        }
    }
    out.push(Span::new(start, text.len()));
    split_coordinated(text, split_relative_ends(text, out))
}

/// "The Al Khalifa family, which has ruled Bahrain since 1783, claimed Zubarah": a relative
/// clause between a subject and its verb ends at the comma before that verb, so its date
/// stays its own.
fn split_relative_ends(text: &str, clauses: Vec<Span>) -> Vec<Span> {
    let mut out = Vec::with_capacity(clauses.len());
    for clause in clauses {
        let piece = &text[clause.start..clause.end];
        let relative = piece.starts_with(", which ") || piece.starts_with(", who ");
        let resumed = relative
            .then(|| {
                piece.match_indices(", ").skip(1).find(|(at, _)| {
                    let next = piece[at + 2..].split_whitespace().next().unwrap_or("");
                    finite_verb(next) && !matches!(next, "has" | "have" | "is" | "are")
                })
            })
            .flatten();
        match resumed {
            Some((at, _)) => {
                out.push(Span::new(clause.start, clause.start + at));
                out.push(Span::new(clause.start + at, clause.end));
            }
            None => out.push(clause),
        }
    }
    out
}

/// A span of time told before "after" or "before", and the act it places
/// ("on 25 March 2004, three months after Libya agreed to …").
static OFFSET_ACT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    prose_regex(r",\s+([\w-]+)\s+(day|week|month|year|decade)s?\s+(after|before)\s+")
});

/// The date of an act told as a span of time after or before a dated one: "Blair met Gaddafi
/// on 25 March 2004, three months after Libya agreed to give up …" dates the agreement
/// 2003-12. The date is given only as finely as both the span and the reference date allow.
fn offset_date(
    tagger: &Tagger,
    text: &str,
    sentence: Span,
    trigger: Span,
    units: &[DateUnit],
) -> Option<String> {
    let before_trigger = text.get(sentence.start..trigger.start)?;
    let found = OFFSET_ACT.as_ref()?.captures_iter(before_trigger).last()?;
    let whole = found.get(0)?;
    // (The act is the one right after "after": no clause between.)
    if before_trigger[whole.end()..].contains([',', ';']) {
        return None;
    }
    let at = sentence.start + whole.start();
    // (Unless the act has a date of its own: "…, three months before Guyana became
    // independent on 26 May 1966".)
    let act_end = text[trigger.end..sentence.end]
        .find([',', ';'])
        .map_or(sentence.end, |i| trigger.end + i);
    let act = Span::new(sentence.start + whole.end(), act_end);
    if units.iter().any(|u| act.contains(&u.span)) {
        return None;
    }
    let reference = units
        .iter()
        .rfind(|u| u.span.end <= at && u.span.start >= sentence.start && !u.attributive)?;
    let count = tagger.cardinal(found.get(1)?.as_str())?;
    let sign = if found.get(3)?.as_str().eq_ignore_ascii_case("after") {
        -1
    } else {
        1
    };
    let reference = RefTime::parse(&reference.value)?;
    // (Days and weeks need a reference day, months a month: never a guessed finer date.)
    let (unit, count) = match found.get(2)?.as_str().to_ascii_lowercase().as_str() {
        "day" if reference.day.is_some() => (Unit::Day, count),
        "week" if reference.day.is_some() => (Unit::Day, 7 * count),
        "month" if reference.month.is_some() => (Unit::Month, count),
        "year" => (Unit::Year, count),
        "decade" => (Unit::Year, 10 * count),
        _ => return None,
    };
    Some(shift(reference, unit, sign * count))
}

/// Whether a clause is told in the present (a copula or auxiliary in the present, none in the
/// past).
fn present_tense(clause: &str) -> bool {
    // (Asked of every clause: read lazily, and most clauses are in the past, so the present
    // verb is sought first.)
    let words = || {
        clause
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| !w.is_empty())
    };
    // (Verbs of standing relations in the third person: "Brazil exports iron ore to Japan".)
    let present = words().any(|w| {
        matches!(
            w,
            "is" | "are"
                | "has"
                | "have"
                | "remains"
                | "remain"
                | "operate"
                | "operates"
                | "exports"
                | "imports"
                | "maintains"
                | "hosts"
                | "supplies"
                | "buys"
                | "sells"
                | "invests"
                | "accounts"
                | "rejects"
                | "claims"
                | "disputes"
                | "demands"
                | "opposes"
                | "considers"
                | "regards"
                | "supports"
                | "backs"
                | "shares"
                | "cooperates"
                | "condemns"
                | "criticises"
                | "criticizes"
                | "welcomes"
                | "favours"
                | "favors"
        )
    });
    if !present {
        return false;
    }
    // ("the electricity produced by Lao dams": a participle before "by" and its agent
    // describes a noun; a passive in the past has its own "was", and "responded by banning"
    // is a finite verb.)
    let after = |n: usize| words().skip(n).map(Some).chain(std::iter::repeat(None));
    let past = words()
        .zip(after(1))
        .zip(after(2))
        .any(|((w, next), then)| {
            let participle = next == Some("by") && !then.is_some_and(|t| t.ends_with("ing"));
            (IRREGULAR_PAST_SET.contains(w) && !matches!(w, "has" | "have" | "is" | "are"))
                || (w.len() > 4
                    && w.ends_with("ed")
                    && w.chars().all(|c| c.is_ascii_lowercase())
                    && !participle)
        });
    if !past {
        return true;
    }
    // "have been marked": a perfect of a state is still the present.
    // ("has since demanded": so is one told as lasting to now.)
    // ("Vietnam has condemned Chinese actions": the present perfect, with no date, is
    // what holds now, not what happened at the narrative's last date.)
    words().zip(words().skip(1)).any(|(auxiliary, next)| {
        matches!(auxiliary, "has" | "have")
            && (matches!(
                next,
                "been"
                    | "since"
                    | "long"
                    | "repeatedly"
                    | "also"
                    | "often"
                    | "never"
                    | "not"
                    | "always"
                    | "yet"
            ) || next.len() > 4 && next.ends_with("ed")
                || IRREGULAR_PARTICIPLES.contains(&next))
    })
}

/// Past participles that are not "-ed" forms, for telling a present perfect ("Oman has flown
/// wounded Yemenis to Omani hospitals").
const IRREGULAR_PARTICIPLES: &[&str] = &[
    "flown",
    "given",
    "taken",
    "sent",
    "made",
    "built",
    "sold",
    "held",
    "kept",
    "paid",
    "lent",
    "won",
    "lost",
    "brought",
    "sought",
    "fought",
    "met",
    "led",
    "spent",
    "shown",
    "seen",
    "done",
    "become",
    "begun",
    "broken",
    "chosen",
    "drawn",
    "driven",
    "written",
    "spoken",
    "stood",
    "struck",
    "thrown",
    "withdrawn",
    "undertaken",
    "frozen",
];

/// Past-tense verbs that are not "-ed" forms, for telling a clause from a noun phrase.
#[rustfmt::skip]
const IRREGULAR_PAST: &[&str] = &[
    "was", "were", "had", "did", "made", "took", "gave", "sent", "left", "began", "broke", "won",
    "lost", "met", "held", "paid", "led", "came", "went", "saw", "became", "fell", "fought",
    "sought", "brought", "built", "cut", "drew", "froze", "hit", "kept", "laid", "meant", "put",
    "ran", "rose", "said", "set", "shot", "sold", "spoke", "stood", "struck", "told", "threw",
    "withdrew", "wrote", "has", "have", "is", "are", "flew", "fled", "bought", "caught", "chose",
    "felt", "found", "got", "heard", "hid", "knew", "lent", "overran", "overthrew", "retook",
    "sank", "shut", "spent", "spread", "stole", "swept", "swore", "taught", "thought", "undertook",
    "upheld", "drove", "oversaw", "overtook", "tore", "underwent", "forbade", "dealt", "grew",
    "bore", "shook", "rode", "arose", "wore", "strove", "forgave", "foresaw", "slew", "sprang",
    "hung",
];

/// The length of the longest word in [`IRREGULAR_PAST`], for `finite_verb`'s quick test.
const IRREGULAR_PAST_LONGEST: usize = longest(IRREGULAR_PAST);

const fn longest(words: &[&str]) -> usize {
    let (mut i, mut max) = (0, 0);
    while i < words.len() {
        if words[i].len() > max {
            max = words[i].len();
        }
        i += 1;
    }
    max
}

/// Prepositions that open a date phrase before a clause's subject.
const DATE_PREPOSITIONS: &[&str] = &[
    "in", "on", "during", "by", "after", "before", "from", "since", "between",
];

/// Whether `text` opens with a date phrase's preposition ("…, and in August 1964 …").
fn opens_with_date_preposition(text: &str) -> bool {
    text.split_whitespace()
        .next()
        .is_some_and(|w| DATE_PREPOSITIONS.contains(&w))
}

/// Words that open a subject noun phrase.
const SUBJECT_OPENERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "this", "these", "those", "both", "each", "it",
    "they", "he", "she", "we", "some", "many", "several", "most", "all", "two", "three",
];

fn finite_verb(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    // (Every verb sought is lower-case ASCII: most words are ruled out by a byte or two.)
    if !word.starts_with(|c: char| c.is_ascii_lowercase()) {
        return false;
    }
    if word.len() > 4 && word.ends_with("ed") {
        return word.bytes().all(|b| b.is_ascii_lowercase());
    }
    (2..=IRREGULAR_PAST_LONGEST).contains(&word.len()) && IRREGULAR_PAST_SET.contains(word)
}

/// [`IRREGULAR_PAST`] as a set: `finite_verb` is asked of nearly every word.
static IRREGULAR_PAST_SET: LazyLock<foldhash::HashSet<&'static str>> =
    LazyLock::new(|| IRREGULAR_PAST.iter().copied().collect());

/// "Spanish forces evicted them, and the United States mediated an agreement": two clauses,
/// each with its own subject and verb, joined by ", and". A list ("Italy, Germany, and
/// Japan signed") has no verb before its ", and" and stays whole.
fn split_coordinated(text: &str, clauses: Vec<Span>) -> Vec<Span> {
    let mut out = Vec::with_capacity(clauses.len());
    for clause in clauses {
        let mut start = clause.start;
        let piece = &text[clause.start..clause.end];
        // (Also " and " with no comma when a name follows: "Brazil recalled its ambassador
        // and Paraguay was suspended from Mercosur".)
        let joints = piece.match_indices(" and ").filter_map(|(at, _)| {
            let comma = piece[..at].ends_with(',');
            // (Not "Iran and Saudi Arabia agreed": two names joined are one subject.)
            let after_name = piece[..at]
                .rsplit(char::is_whitespace)
                .next()
                .is_some_and(|w| w.starts_with(char::is_uppercase));
            // (Or the pair named together: "recognised Ecuador in 1832 and the two countries
            // signed a treaty … on 13 June 1839".)
            let pair = PAIR_SUBJECTS.iter().any(|p| piece[at + 5..].starts_with(p));
            let named = (piece[at + 5..].starts_with(char::is_uppercase) && !after_name) || pair;
            match (comma, named) {
                (true, _) => Some((at - 1, 6, pair)),
                (false, true) => Some((at, 5, pair)),
                _ => None,
            }
        });
        for (at, joint, pair) in joints {
            let cut = clause.start + at;
            if cut < start {
                continue;
            }
            let before_has_verb = text[start..cut].split_whitespace().any(finite_verb);
            let words: Vec<&str> = text[cut + joint..clause.end]
                .split_whitespace()
                .take(14)
                .collect();
            // A leading date phrase ("…, and in August 1964 paratroopers landed") comes before
            // the subject.
            let skip = if opens_with_date_preposition(&text[cut + joint..clause.end]) {
                // ("…, and between 1942 and 1944 the Peruvian government deported …": a span
                // ends at its second date.)
                let dated = |w: &&str| w.chars().any(|c| c.is_ascii_digit());
                if words.first() == Some(&"between") {
                    words.iter().take(7).rposition(dated)
                } else {
                    words.iter().take(4).position(dated)
                }
                .map_or(0, |p| p + 1)
            } else {
                leading_phrase_end(&words)
            };
            let after = &words[skip.min(words.len())..];
            // A subject of up to six words ("the border between the two countries has been
            // closed"), then a verb; right after a name without a comma, of up to two.
            let reach = match (joint, pair) {
                (6, _) => 6,
                (_, true) => 3,
                _ => 2,
            };
            // (A name or date counts as one word: ", and the Danish–Icelandic Act of Union of
            // 1 December 1918 recognised".)
            let after_has_verb = after
                .iter()
                .skip(1)
                .filter(|w| {
                    !(w.starts_with(char::is_uppercase)
                        || w.starts_with(|c: char| c.is_ascii_digit())
                        || **w == "of")
                })
                .take(reach)
                .any(|w| finite_verb(w));
            // The second clause opens with its own subject: a name, a determiner or a pronoun
            // (not an adverb: "met the Pope, and formally requested" shares its subject).
            // A bare plural followed at once by its verb is a subject too ("paratroopers
            // landed").
            let subject_first = after
                .first()
                .is_some_and(|w| w.starts_with(char::is_uppercase) || SUBJECT_OPENERS.contains(w))
                || (after.len() > 1
                    && after[0].ends_with('s')
                    && !finite_verb(after[0])
                    && finite_verb(after[1]))
                // (Or a mass noun or a singular one with its adjective: "fighting resumed",
                // "full-scale war broke out".)
                || (after.len() > 1 && bare_noun(after[0]) && finite_verb(after[1]))
                || (after.len() > 2
                    && bare_noun(after[0])
                    && bare_noun(after[1])
                    && finite_verb(after[2]))
                // (Or with an adjective: "diplomatic relations were restored".)
                || (after.len() > 2
                    && after[1].ends_with('s')
                    && !finite_verb(after[0])
                    && !finite_verb(after[1])
                    && finite_verb(after[2]))
                // (Or with a phrase after the noun: "direct flights between Manama and Doha
                // resumed", "mobs in Nouakchott killed".)
                || (0..2).any(|noun| {
                    after.len() > noun + 1
                        && after[noun].ends_with('s')
                        && after[..=noun].iter().all(|w| !finite_verb(w) && !w.ends_with("ly"))
                        && matches!(
                            after[noun + 1],
                            "between" | "in" | "from" | "at" | "of" | "near" | "along"
                        )
                });
            if before_has_verb && after_has_verb && subject_first {
                out.push(Span::new(start, cut));
                start = cut;
            }
        }
        out.push(Span::new(start, clause.end));
    }
    out
}

/// Where the subject starts after a leading phrase of a clause ("under pressure from the
/// United States the Dominican government agreed", "with Soviet help Cuba sent"): at the first
/// determiner or name that follows a word other than a preposition, determiner or name. Zero
/// when the words open with no such phrase, or it does not end within eight words.
fn leading_phrase_end(words: &[&str]) -> usize {
    const LEADS: &[&str] = &["under", "with", "despite", "amid", "following", "after"];
    const LINKS: &[&str] = &["from", "of", "with", "by", "to", "for", "and", "on", "in"];
    if !words.first().is_some_and(|w| LEADS.contains(w)) {
        return 0;
    }
    (2..words.len().min(9))
        .find(|&p| {
            let word = words[p];
            let previous = words[p - 1];
            // (A name right after a name is the same name: "the United States".)
            let opens = SUBJECT_OPENERS.contains(&word)
                || (word.starts_with(char::is_uppercase)
                    && !previous.starts_with(char::is_uppercase));
            opens
                && !previous.ends_with(',')
                && !LINKS.contains(&previous)
                && !SUBJECT_OPENERS.contains(&previous)
        })
        .unwrap_or(0)
}

/// A lower-case word that may be a bare noun or its adjective at the head of a clause: not a
/// verb, an adverb ("formally", "then") or a preposition.
fn bare_noun(word: &str) -> bool {
    word.chars().all(|c| c.is_ascii_lowercase() || c == '-')
        && !finite_verb(word)
        && !word.ends_with("ly")
        && !NOT_SUBJECT_HEADS.contains(&word)
}

/// Words that open a verb phrase sharing the clause's subject (", and then signed") or a
/// relative clause (", and which represented").
const NOT_SUBJECT_HEADS: &[&str] = &[
    "which",
    "who",
    "whom",
    "whose",
    "that",
    "where",
    "when",
    "what",
    "or",
    "but",
    "and",
    "so",
    "then",
    "later",
    "also",
    "again",
    "soon",
    "thus",
    "still",
    "even",
    "once",
    "twice",
    "thereby",
    "subsequently",
    "eventually",
    "finally",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "to",
    "from",
    "after",
    "before",
    "during",
    "since",
    "until",
    "not",
    "never",
    "has",
    "had",
    "have",
    "was",
    "were",
    "is",
    "are",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "did",
    "does",
];

/// Words after which a clause states what an agreement provides.
const AGREEMENT_TERMS: &[&str] = &[
    " under which ",
    " whereby ",
    " providing for ",
    " provided for ",
    " by which ",
    " that ",
    " which ",
];

/// Armed groups that are not states: what they do is not an act of a state ("militants
/// attacked the pipeline"). Crowds are another matter: event data codes "protesters stormed
/// the Saudi embassy in Tehran" as Iran's people against Saudi Arabia.
const NON_STATE_SUBJECTS: &[&str] = &[
    "militants",
    "rebels",
    "guerrillas",
    "insurgents",
    "terrorists",
    "gunmen",
    "pirates",
    "smugglers",
    "separatists",
    "extremists",
    "jihadists",
    "dissidents",
    "exiles",
];

/// Nouns for a state's armed forces after its name or demonym ("Tanzanian forces").
const STATE_FORCES: &[&str] = &[
    "forces", "troops", "army", "navy", "soldiers", "aircraft", "warships", "units",
];

/// Kinds that are acts of force or coercion, which only states (or their forces) commit here.
const FORCE_KINDS: &[&str] = &["conflict", "sanction", "expulsion", "mobilization"];

/// Whether a trigger of force can be a state's act: not when its subject is an armed group
/// ("rebels attacked the convoy"), its object an organisation ("expelled the UN
/// force"), or it is a passive with no agent and no state in sight ("after the pipeline was
/// attacked").
fn by_a_state(cx: &SentenceContext, segment: Span, trigger: &Trigger, span: Span) -> bool {
    let text = cx.doc.text.as_str();
    let start = segment.start.max(cx.span.start).min(span.start);
    let before: Vec<&str> = text[start..span.start].split_whitespace().collect();
    // "The court rejected both claims", "the tribunal ordered": a court's ruling is not an
    // act of either state.
    let court_subject = before.iter().rev().take(3).any(|w| {
        matches!(
            w.trim_matches(|c: char| !c.is_alphanumeric()),
            "court" | "Court" | "tribunal" | "Tribunal" | "judges" | "arbitrators"
        )
    });
    // (A state's own court acts for it: "the Supreme Court of Mexico ordered her release".)
    let lead = Span::new(start, span.start);
    let state_named = cx
        .sentence_mentions
        .iter()
        .any(|m| m.kind == EntityKind::State && lead.contains(&m.span));
    // (What it awards is told as the loser's concession: "the tribunal awarded most of the
    // islands to Yemen".)
    let award = cx.doc.slice(span).starts_with("awarded");
    if court_subject && !state_named && !award {
        return false;
    }
    // "The Esquipulas agreement, signed by the five presidents, called for the bases to be
    // closed": what a document provides is no request of a state.
    let document_subject = trigger.kind == "request" && {
        let opening = &text[cx.span.start..span.start];
        let subject_end = opening.find(',').unwrap_or(opening.len());
        let subject_words: Vec<&str> = opening[..subject_end].split_whitespace().collect();
        subject_words.len() <= 6
            && subject_words.last().is_some_and(|w| {
                matches!(
                    w.to_ascii_lowercase().as_str(),
                    "agreement"
                        | "treaty"
                        | "accord"
                        | "accords"
                        | "pact"
                        | "declaration"
                        | "protocol"
                        | "charter"
                        | "convention"
                )
            })
            && !cx.sentence_mentions.iter().any(|m| {
                m.kind == EntityKind::State
                    && m.span.start >= cx.span.start
                    && m.span.end <= cx.span.start + subject_end
            })
    };
    if document_subject {
        return false;
    }
    if !FORCE_KINDS.contains(&trigger.kind.as_str()) {
        return true;
    }
    let subject_words = before.iter().rev().take(3);
    let non_state_subject = subject_words
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .any(|w| NON_STATE_SUBJECTS.contains(&w.as_str()));
    // ("Tanzanian forces and Ugandan rebels captured Kampala": a state's forces among the
    // subjects make it the state's act.)
    let state_forces = || {
        cx.sentence_mentions.iter().any(|m| {
            m.kind == EntityKind::State
                && lead.contains(&m.span)
                && text[m.span.end..span.start]
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| STATE_FORCES.contains(&w))
        })
    };
    if non_state_subject && !state_forces() {
        return false;
    }
    let after = text[span.end..cx.span.end].trim_start();
    let after = after.strip_prefix("the ").unwrap_or(after);
    let organisation_object = cx.sentence_mentions.iter().any(|m| {
        m.kind == EntityKind::Organisation
            && m.code.is_none()
            && m.span.start >= span.end
            && text[span.end..m.span.start]
                .trim()
                .trim_end_matches("the")
                .trim()
                .is_empty()
    }) && !after.is_empty();
    if organisation_object {
        return false;
    }
    let passive = before
        .last()
        .is_some_and(|w| matches!(*w, "was" | "were" | "been" | "being"))
        || before.len() >= 2
            && matches!(before[before.len() - 2], "was" | "were" | "been")
            && before[before.len() - 1].ends_with("ly");
    if passive {
        let clause_end = cx
            .clauses
            .iter()
            .find(|c| c.contains(&span))
            .map_or(cx.span.end, |c| c.end);
        let by_agent = text[span.end..clause_end].contains(" by ");
        let scope = Span::new(start, clause_end);
        let state_in_sight = cx.sentence_mentions.iter().any(|m| {
            scope.contains(&m.span)
                && m.code.is_some()
                && matches!(m.kind, EntityKind::State | EntityKind::Place)
        });
        if !by_agent && !state_in_sight {
            return false;
        }
    }
    true
}

/// Whether a trigger names the motive of another event in its clause: "in protest at", "in
/// retaliation for", "in response to", "because of".
fn motive(text: &str, span: Span) -> bool {
    let word = text[span.start..span.end].to_lowercase();
    let motive_noun = ["protest", "retaliation", "response", "solidarity"]
        .iter()
        .any(|w| word.starts_with(w));
    let before = text[..span.start].trim_end();
    if motive_noun && before.ends_with(" in") {
        return true;
    }
    // "…decided not to join the federation, chiefly because of disagreements over oil
    // revenue": a quarrel given as the reason.
    let before = before
        .strip_suffix(" the")
        .or_else(|| before.strip_suffix(" a"))
        .unwrap_or(before);
    ["because of", "owing to", "due to"]
        .iter()
        .any(|reason| before.ends_with(reason))
}

/// "…fired missiles at Lampedusa in retaliation for the American bombing of Tripoli": the act
/// answered is the reason given, not an event told.
fn answered_act(text: &str, span: Span) -> bool {
    // (The phrase and three words fit in a short window; the whole text before is not read.)
    let before = tail(&text[..span.start], 60).trim_end();
    // (Most windows hold no " in ": one search rules them out.)
    before.match_indices(" in ").any(|(at, _)| {
        let rest = &before[at..];
        MOTIVE_PHRASES.iter().any(|phrase| {
            rest.strip_prefix(phrase).is_some_and(|after| {
                let between: Vec<&str> = after.split_whitespace().collect();
                between.len() <= 3 && !between.iter().any(|w| finite_verb(w))
            })
        })
    })
}

/// Phrases that give the reason for an act ("in retaliation for the bombing").
const MOTIVE_PHRASES: &[&str] = &[
    " in retaliation for",
    " in response to",
    " in reprisal for",
    " in protest at",
    " in protest against",
    " in protest over",
];

/// Whether a visit goes to a thing, not a state: "Hasina visited the camps" (in her own
/// country), "toured the plant". Not "visited the country", "visited the Argentine plant".
fn visit_to_no_state(cx: &SentenceContext, trigger: &Trigger, span: Span) -> bool {
    let matched = cx.doc.slice(span);
    if trigger.kind != "visit" || !matches!(matched, "visited" | "visits" | "visiting" | "toured") {
        return false;
    }
    let after = &cx.doc.text[span.end..cx.span.end];
    let mut words = after.split_whitespace();
    let determiner = words.next().unwrap_or("");
    let noun = words
        .next()
        .unwrap_or("")
        .trim_end_matches(|c: char| !c.is_alphanumeric());
    // ("visited border posts", "toured refugee camps": a bare plural with a noun before it.)
    let bare_plural = determiner.chars().all(|c| c.is_ascii_lowercase())
        && !determiner.is_empty()
        && noun.len() > 3
        && noun.ends_with('s')
        && noun.chars().all(|c| c.is_ascii_lowercase())
        && !matches!(
            determiner,
            "in" | "on" | "at" | "during" | "for" | "with" | "again"
        );
    if !(bare_plural
        || matches!(
            determiner,
            "the" | "a" | "an" | "its" | "their" | "his" | "her"
        ))
        || !noun.starts_with(|c: char| c.is_ascii_lowercase())
        || matches!(
            noun,
            "capital"
                | "country"
                | "nation"
                | "kingdom"
                | "island"
                | "islands"
                | "republic"
                | "court"
        )
    {
        return false;
    }
    // (Nor one whose object names a state, place or person soon after: "the camps in
    // Cox's Bazar".)
    let window_end = after
        .char_indices()
        .filter(|(_, c)| c.is_whitespace())
        .nth(5)
        .map_or(cx.span.end, |(i, _)| span.end + i);
    !cx.sentence_mentions.iter().any(|m| {
        m.span.start >= span.end
            && m.span.start < window_end
            && matches!(
                m.kind,
                EntityKind::State | EntityKind::Place | EntityKind::Person
            )
    })
}

/// How far before a focused trigger another trigger is taken to be in its sentence, at most.
const SAME_SENTENCE_REACH: usize = 200;

/// Where a trigger's match `found` in `text` puts its event: the group `at` if the trigger
/// has one, else the whole match.
fn focus(trigger: &Trigger, text: &str, found: regex::Match) -> Span {
    let at = trigger.focus.then(|| {
        trigger
            .regex
            .captures_at(&text[..found.end()], found.start())
            .and_then(|caps| caps.name("at"))
    });
    match at.flatten() {
        Some(at) => Span::new(at.start(), at.end()),
        None => Span::new(found.start(), found.end()),
    }
}

/// Whether `literal` is found at the same places, with the same bytes around it, in a text
/// and in its [`grouped_digits`] form: it starts and ends with no digit (so no joined
/// separator is next to it), and no separator in it could stand between two digits.
fn separator_safe(literal: &str) -> bool {
    let bytes = literal.as_bytes();
    let digit_or_edge =
        |at: Option<usize>| at.and_then(|i| bytes.get(i)).is_none_or(u8::is_ascii_digit);
    !literal.starts_with(|c: char| c.is_ascii_digit())
        && !literal.ends_with(|c: char| c.is_ascii_digit())
        && !bytes.iter().enumerate().any(|(i, b)| {
            matches!(b, b',' | b'.' | b'_')
                && digit_or_edge(i.checked_sub(1))
                && digit_or_edge(Some(i + 1))
        })
}

/// The text triggers are matched in: a number's group separators ("5,000 troops",
/// "$1.5 billion") become `_`, so that a number is one word to a pattern's `\w+` and no
/// comma inside it reads as a break. Same length, so every offset holds.
fn grouped_digits(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let separator = |i: usize| {
        matches!(bytes[i], b',' | b'.')
            && i > 0
            && bytes[i - 1].is_ascii_digit()
            && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
    };
    if !(0..bytes.len()).any(separator) {
        return Cow::Borrowed(text);
    }
    let grouped: Vec<u8> = (0..bytes.len())
        .map(|i| if separator(i) { b'_' } else { bytes[i] })
        .collect();
    // (Only ASCII bytes were replaced by ASCII: still UTF-8.)
    Cow::Owned(String::from_utf8(grouped).unwrap_or_else(|_| text.to_string()))
}

/// Whether `found` is an accusation aimed at a state named right after its verb ("…expelled
/// the ambassador, accusing Somalia of …"): an act of its own, not the reason another act of
/// the clause gives (as "expelled officials accused of spying" is).
fn accuses_a_state(cx: &SentenceContext, found: &Found) -> bool {
    let matched = cx.doc.slice(found.span);
    if found.trigger.kind != "dispute" || !accusation_verb(matched) {
        return false;
    }
    let verb_end = found.span.start
        + matched
            .trim_end()
            .find(char::is_whitespace)
            .unwrap_or(matched.len());
    cx.mentions.iter().any(|m| {
        m.kind == EntityKind::State
            && m.span.start >= verb_end
            && cx
                .doc
                .text
                .get(verb_end..m.span.start)
                .is_some_and(|gap| gap.trim().is_empty())
    })
}

/// Whether a trigger's words are a verb of accusation, whose object is what is alleged.
fn accusation_verb(matched: &str) -> bool {
    let word = matched.trim_start().to_lowercase();
    ACCUSATION_VERBS.iter().any(|v| word.starts_with(v))
}

/// Verb stems of accusation: "accusing", "condemned", "blamed", …
const ACCUSATION_VERBS: &[&str] = &[
    "condemn", "accus", "criticis", "criticiz", "denounc", "blamed", "rebuked",
];

/// Whether the words before a trigger make it the gerund of an accusation: "of backing",
/// "for sending".
fn accused_gerund(before: &str, matched: &str) -> bool {
    let gerund = matched
        .split_whitespace()
        .next()
        .is_some_and(|w| w.ends_with("ing"));
    if gerund && (ends_with_word(before, "of") || ends_with_word(before, "for")) {
        return true;
    }
    // ("accused Iran of planning the 1992 bombing": the gerund's object.)
    let words: Vec<&str> = before.split_whitespace().rev().take(5).collect();
    words.iter().enumerate().skip(1).any(|(at, w)| {
        w.ends_with("ing")
            && matches!(words.get(at + 1), Some(&"of") | Some(&"for"))
            && words[..at]
                .iter()
                .all(|w| !w.ends_with("ing") && !finite_verb(w))
    })
}

/// The one state whose own forces fight each other: a conflict "between" two sides of which
/// the clause names one state only.
fn internal_fighting(
    cx: &SentenceContext,
    clause: Span,
    trigger: &Trigger,
    span: Span,
) -> Option<String> {
    if trigger.kind != "conflict" {
        return None;
    }
    let text = cx.doc.text.as_str();
    let after = &text[span.end.min(clause.end)..clause.end];
    let between = after.find(" between ").or_else(|| {
        text[clause.start..span.start]
            .ends_with("between ")
            .then_some(0)
    })?;
    if after[..between].split_whitespace().count() > 3 {
        return None;
    }
    match states_in(cx.mentions, clause).as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

/// Whether "fought against" sets the pair against each other ("Australian troops fought
/// against Chinese forces") rather than side by side against a third state ("Italy and Japan
/// fought against Germany").
fn fought_each_other(cx: &SentenceContext, clause: Span, trigger: &Trigger, span: Span) -> bool {
    if trigger.kind != "alliance" || !cx.doc.slice(span).contains("against") || cx.dyad.len() != 2 {
        return false;
    }
    let before = states_in(cx.mentions, Span::new(clause.start, span.start));
    let after = states_in(cx.mentions, Span::new(span.end.min(clause.end), clause.end));
    let against_pair = cx.dyad.iter().any(|d| after.contains(d));
    let one_side_before = cx.dyad.iter().filter(|d| before.contains(d)).count() == 1;
    against_pair && one_side_before
}

/// "Idi Amin overthrew Milton Obote": a ruler overthrown by no other state (a person of
/// their own, or no state named before the verb) is a domestic event of the ruler's state.
/// The state is that of the person named right after the verb.
fn overthrown_at_home(cx: &SentenceContext, clause: Span, span: Span) -> Option<String> {
    let text = cx.doc.text.as_str();
    let head = text[span.range()].split_whitespace().next().unwrap_or("");
    // (Or the noun: "after the overthrow of al-Bashir in April 2019"; "a coup against
    // President Makarios".)
    let coup_against = head == "coup" && text[span.end..].starts_with(" against ");
    if !coup_against
        && !RULER_REMOVED.contains(&head)
        && !matches!(head, "overthrow" | "ouster" | "ousting")
    {
        return None;
    }
    let ruler = cx.mentions.iter().find(|m| {
        m.span.start >= span.end
            && clause.contains(&m.span)
            && text[span.end..m.span.start].split_whitespace().count() <= 2
    });
    let state = match ruler {
        Some(ruler) if ruler.kind == EntityKind::Person => ruler.code.clone()?,
        // A ruler the gazetteer does not know, put down by an army named for its state: "the
        // overthrow of Morsi by the Egyptian army".
        _ => own_army_after(cx, clause, span)?,
    };
    let acting = |m: &&Mention| {
        matches!(m.kind, EntityKind::State | EntityKind::Person) && clause.contains(&m.span)
    };
    if matches!(head, "overthrow" | "ouster" | "ousting") {
        // A noun's doer is told after "by" or in a possessive before it, not by the clause's
        // subject: "Erdoğan condemned the overthrow of Morsi", "Tanzania's overthrow of Amin".
        let doer = cx.mentions.iter().filter(acting).find(|m| {
            if m.span.start >= span.end {
                after_by(text, span.end, m.span.start)
            } else {
                m.span.end <= span.start
                    && matches!(text[m.span.end..span.start].trim_end(), "'s" | "’s")
            }
        });
        return match doer {
            Some(m) if m.code.as_ref().is_some_and(|c| *c != state) => None,
            _ => Some(state),
        };
    }
    // (A state that only backed those who did it is no actor of it: "a coup backed by the
    // United States overthrew Jacobo Árbenz".)
    let backer = |m: &Mention| {
        let before = text[clause.start.min(m.span.start)..m.span.start].trim_end();
        let before = before.strip_suffix(" the").unwrap_or(before);
        [
            "backed by",
            "supported by",
            "sponsored by",
            "help of",
            "help from",
        ]
        .iter()
        .any(|w| before.ends_with(w))
    };
    let another_state_acts = cx.mentions.iter().filter(acting).any(|m| {
        m.span.end <= span.start && m.code.as_ref().is_some_and(|c| *c != state) && !backer(m)
    });
    // (A coup against a ruler is his state's affair whoever backed it: "the Greek junta backed
    // a coup against President Makarios" — the backing is its own event.)
    (coup_against || !another_state_acts).then_some(state)
}

/// Whether the trigger at `span` tells one named person putting down another with no state,
/// place or organisation named on either side ("After Teodoro Obiang Nguema Mbasogo overthrew
/// Macías, Spain restored relations"): a domestic affair, which the gazetteer cannot place in
/// either state, and no act between states. ("Vietnam overthrew …" names a state.)
fn overthrow_between_people(cx: &SentenceContext, clause: Span, span: Span) -> bool {
    let text = cx.doc.text.as_str();
    let head = text[span.range()].split_whitespace().next().unwrap_or("");
    if !RULER_REMOVED.contains(&head) {
        return false;
    }
    let rest = &text[span.end..clause.end.max(span.end)];
    let Some(next) = rest.split_whitespace().next() else {
        return false;
    };
    if !next.starts_with(char::is_uppercase) {
        return false;
    }
    let object_end = span.end + rest.find(next).unwrap_or(0) + next.len();
    let subject = Span::new(clause.start.min(span.start), span.start);
    let named_person = text[subject.range()]
        .split_whitespace()
        .rev()
        .take_while(|w| w.starts_with(char::is_uppercase))
        .count()
        >= 2;
    let names_a_party = |scope: Span| {
        cx.sentence_mentions.iter().any(|m| {
            matches!(
                m.kind,
                EntityKind::State | EntityKind::Place | EntityKind::Organisation
            ) && scope.overlaps(&m.span)
        })
    };
    named_person && !names_a_party(subject) && !names_a_party(Span::new(span.end, object_end))
}

/// Verbs that put a ruler down ("overthrew Árbenz"), read by both overthrow checks.
const RULER_REMOVED: &[&str] = &["overthrew", "toppled", "deposed", "ousted"];

/// Subjects that name the document's pair together.
const PAIR_SUBJECTS: &[&str] = &[
    "the two countries ",
    "the two governments ",
    "the two states ",
    "the two nations ",
    "both countries ",
    "both governments ",
    "both states ",
    "both nations ",
];

/// What a treaty does by its terms, told in a relative clause after it ("…, which recognised
/// the independence of Uruguay").
const TREATY_TERM_VERBS: &[&str] = &[
    "recognised",
    "recognized",
    "guaranteed",
    "granted",
    "fixed",
    "defined",
    "confirmed",
    "ceded",
    "transferred",
    "returned",
    "provided",
    "delimited",
    "demarcated",
    "settled",
    "ended",
    "awarded",
];

/// The words a clause names as ceded: from "ceded" to the " to " before the receiver.
fn ceded_lands(text: &str, clause: Span) -> Option<Span> {
    let told = &text[clause.range()];
    let verb = told.find(" ceded ")? + " ceded ".len();
    let to = told[verb..].find(" to ")?;
    Some(Span::new(clause.start + verb, clause.start + verb + to))
}

/// Whether the words from `from` to `to` end with "by" or "by the": what follows is the doer.
fn after_by(text: &str, from: usize, to: usize) -> bool {
    let before = text[from..to].trim_end();
    before.ends_with(" by") || before.ends_with(" by the")
}

/// The state whose own army is the doer after "by" in a clause ("… by the Egyptian army",
/// "… by Chile's armed forces").
fn own_army_after(cx: &SentenceContext, clause: Span, span: Span) -> Option<String> {
    let text = cx.doc.text.as_str();
    cx.mentions
        .iter()
        .filter(|m| m.kind == EntityKind::State && m.span.start >= span.end)
        .filter(|m| clause.contains(&m.span))
        .find(|m| {
            let after = text[m.span.end..clause.end].trim_start_matches(['’', '\'', 's', ' ']);
            after_by(text, span.end, m.span.start)
                && ["army", "military", "armed forces", "generals", "officers"]
                    .iter()
                    .any(|w| after.starts_with(w))
        })
        .and_then(|m| m.code.clone())
}

/// Further dates joined by "and" to the date of an event, each dating the same kind of event
/// again: "signed a treaty of commerce in 1866 and a postal convention in 1873", "lifted the
/// tariffs on barley in August 2023 and on wine in March 2024", "visited Tokyo in 1990 and
/// 1995". Not when a verb or another trigger comes between ("…in 1861, and Japan began…").
/// An event of one state may be told again of another with the verb left out ("Tanganyika
/// became independent in December 1961 and Malawi in July 1964"): that state is given with
/// the date.
fn coordinated_dates(
    cx: &SentenceContext,
    clause: Span,
    trigger: Span,
    event: &Event,
    triggers: &[Trigger],
) -> Vec<(String, Option<String>)> {
    if event.when_source != WhenSource::Sentence {
        return Vec::new();
    }
    let text = cx.doc.text.as_str();
    let in_clause: Vec<&DateUnit> = cx
        .units
        .iter()
        .filter(|u| clause.contains(&u.span) && u.span.start >= trigger.end)
        .collect();
    let Some(first) = in_clause
        .iter()
        .position(|u| Some(&u.value) == event.when.as_ref())
    else {
        return Vec::new();
    };
    let mut values = Vec::new();
    let mut previous = in_clause[first];
    for unit in &in_clause[first + 1..] {
        let between = &text[previous.span.end..unit.span.start];
        // Each date with its own words ("and on wine in"); a bare list of dates ("in
        // referendums held in 2010 and 2011") dates one event.
        let own_words = between
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .any(|w| !matches!(w, "and" | "in" | "on" | "of" | "the" | "during" | "by"));
        // Visits are counted: "visited India in 2006, 2012 and 2014" is three.
        // (So are trade missions and offensives told in the plural: "led trade missions to
        // China in 1994 and 2001", "launched two offensives, in July 1947 and December 1948".)
        // (And fighting: "fought each other in Kisangani in August 1999, May 2000 and June
        // 2000" is three battles.)
        let fighting = event.kind == "conflict" && {
            let words = text[trigger.range()].to_ascii_lowercase();
            words.starts_with("fought") || words.starts_with("clashed")
        };
        // (Instruments signed in the plural are counted too: "signed cooperation and defence
        // agreements in 1960 and 1974" is two treaties.)
        let instruments = event.kind == "treaty"
            && text[trigger.start..in_clause[first].span.start]
                .split_whitespace()
                .any(|w| {
                    matches!(
                        w.trim_matches(|c: char| !c.is_alphanumeric()),
                        "agreements" | "treaties" | "accords" | "conventions" | "protocols"
                    )
                });
        let counted = event.kind == "visit"
            || fighting
            || instruments
            || text[trigger.start..in_clause[first].span.start]
                .split_whitespace()
                .any(|w| {
                    matches!(
                        w.trim_matches(|c: char| !c.is_alphanumeric()),
                        "missions"
                            | "visits"
                            | "trips"
                            | "tours"
                            | "delegations"
                            | "offensives"
                            | "attacks"
                            | "raids"
                            | "invasions"
                            | "incursions"
                            | "campaigns"
                    )
                });
        let joint = between.trim().trim_start_matches(',').trim();
        // (Two days or months in a row are one stay: "visited New Delhi on 4 and 5 December",
        // "toured India in November and December 1955".)
        let one_stay = joint == "and" && next_in_calendar(&previous.value, &unit.value);
        let visit_list = counted && (between == ", " || joint == "and") && !one_stay;
        // (A preposition said again marks another occasion, whatever the kind: "were
        // deported to Siberia in June 1941 and in March 1949", "visited in 2006 and in 2012".)
        let occasions = matches!(joint, "and in" | "and on");
        let joined = between.len() <= 80
            && (own_words || visit_list || occasions)
            && (between.starts_with(" and ") || between.starts_with(", and ") || visit_list)
            && !between.contains('(')
            && !between.split_whitespace().any(finite_verb)
            && !cx.triggers.iter().any(|(index, t)| {
                // Another kind's event would claim the date ("…, and a war broke out in 1879");
                // the same kind or a weak word ("a trade agreement") does not.
                let other = triggers
                    .get(*index)
                    .is_some_and(|x| !x.weak && x.kind != event.kind);
                // (Nor words said again from the first date's phrase: "upgraded their
                // relations to a strategic partnership in 2013 and to a comprehensive strategic
                // partnership in 2025".)
                let said_again = || {
                    let from = cx
                        .triggers
                        .partition_point(|(_, e)| e.start < trigger.start);
                    cx.triggers[from..]
                        .iter()
                        .take_while(|(_, e)| e.start < in_clause[first].span.start)
                        .any(|(earlier_index, earlier)| {
                            earlier_index == index && earlier.end <= in_clause[first].span.start
                        })
                };
                other && previous.span.end <= t.start && t.start < unit.span.start && !said_again()
            });
        if !joined {
            break;
        }
        let subject = match event.actors.as_slice() {
            [actor] => {
                let mut states = cx.mentions.iter().filter(|m| {
                    m.kind == EntityKind::State
                        && previous.span.end <= m.span.start
                        && m.span.end <= unit.span.start
                });
                match (states.next(), states.next()) {
                    (Some(state), None) => state.code.clone().filter(|code| code != actor),
                    _ => None,
                }
            }
            _ => None,
        };
        values.push((unit.value.clone(), subject));
        previous = unit;
    }
    values
}

/// Whether `later` is the day or month right after `earlier` ("1955-11" and "1955-12",
/// "2025-12-04" and "2025-12-05").
fn next_in_calendar(earlier: &str, later: &str) -> bool {
    let parts = |v: &str| -> Option<Vec<u32>> { v.split('-').map(|p| p.parse().ok()).collect() };
    match (parts(earlier), parts(later)) {
        (Some(a), Some(b)) if a.len() == 2 && b.len() == 2 => {
            (a[0] == b[0] && a[1] + 1 == b[1]) || (a[0] + 1 == b[0] && a[1] == 12 && b[1] == 1)
        }
        (Some(a), Some(b)) if a.len() == 3 && b.len() == 3 => {
            a[0] == b[0] && a[1] == b[1] && a[2] + 1 == b[2]
        }
        _ => false,
    }
}

/// The first of two dates joined by a bare "and" when the nearer one was taken: "In 1987 and
/// 1988 Angolan and Cuban forces fought …" is dated from 1987. (Dates after the trigger
/// are taken in order already, and acts counted one by one are split by `coordinated_dates`.)
fn first_of_pair(cx: &SentenceContext, clause: Span, event: &Event) -> Option<String> {
    if event.when_source != WhenSource::Sentence {
        return None;
    }
    let when = event.when.as_deref()?;
    let text = cx.doc.text.as_str();
    let units: Vec<&DateUnit> = cx
        .units
        .iter()
        .filter(|u| clause.contains(&u.span) && !u.attributive)
        .collect();
    let at = units.iter().position(|u| u.value == when)?;
    let previous = units[at.checked_sub(1)?];
    let bare = previous.value.len() == when.len()
        && previous.value.as_str() < when
        && matches!(
            text[previous.span.end..units[at].span.start].trim(),
            "and" | "and in"
        );
    bare.then(|| previous.value.clone())
}

/// The states of the places a trigger's words lead to: "strikes on Gaza", "invaded Kuwait",
/// "withdrew from the Sinai"; not a venue ("met the president in Brasília", "clashed in the
/// valley").
///
/// With `mission` the city a mission is in counts too ("closed its embassy in Taipei").
fn target_places(cx: &SentenceContext, clause: Span, trigger: Span, mission: bool) -> Vec<String> {
    let text = cx.doc.text.as_str();
    let mut codes: Vec<String> = Vec::new();
    for m in cx.mentions {
        // A trigger may end inside the name ("withdrew from S…" of "from Siberia").
        if m.kind != EntityKind::Place || m.span.end <= trigger.end || !clause.contains(&m.span) {
            continue;
        }
        let between = without_article(text[trigger.end.min(m.span.start)..m.span.start].trim());
        if between.split_whitespace().count() > 3 {
            continue;
        }
        let lead = text[trigger.start..m.span.start]
            .trim_end()
            .trim_end_matches("the")
            .trim_end();
        let last = lead.rsplit(char::is_whitespace).next().unwrap_or("");
        let directed = matches!(
            last,
            "on" | "against" | "from" | "into" | "to" | "of" | "toward" | "towards"
        );
        let venue = matches!(last, "in" | "at");
        // Nothing but the preposition between ("its embassy in Taipei").
        let adjacent = between.is_empty() || between == last;
        if directed || (adjacent && (!venue || mission)) {
            if let Some(code) = &m.code {
                if !codes.contains(code) {
                    codes.push(code.clone());
                }
            }
        }
    }
    codes
}

/// States named just after "from" following a trigger ("withdrew from Norwegian territory").
fn states_left(cx: &SentenceContext, clause: Span, trigger: Span) -> Vec<String> {
    let text = cx.doc.text.as_str();
    cx.mentions
        .iter()
        .filter(|m| {
            m.kind == EntityKind::State && m.span.end > trigger.end && clause.contains(&m.span)
        })
        .filter(|m| {
            let lead = without_article(&text[trigger.start..m.span.start]);
            lead.ends_with(" from") || lead == "from"
        })
        .filter_map(|m| m.code.clone())
        .collect()
}

/// Words before a place that make it the target of allies' military action.
const ALLIED_AGAINST: &[&str] = &[
    "intervention in",
    "invasion of",
    "expedition to",
    "campaign in",
    "against",
];

/// The words before a place with their end trimmed and a final article dropped ("withdrew
/// from the" → "withdrew from").
fn without_article(text: &str) -> &str {
    let text = text.trim_end();
    text.strip_suffix("the").unwrap_or(text).trim_end()
}

/// The people named in a scope, with the roles and states that tie them to a party.
fn participants_in(mentions: &[Mention], scope: Span) -> Vec<Participant> {
    mentions
        .iter()
        .filter(|m| scope.contains(&m.span) && m.kind == EntityKind::Person)
        .map(|m| Participant {
            name: m.name.clone(),
            role: m.role.clone(),
            state: m.code.clone(),
        })
        .collect()
}

/// Where a trigger belongs in its clause: at its last word ("diplomatic relations in 1961 and
/// restored them" is the restoring), or where it starts when it reaches over a relative
/// clause's comma ("the treaty, which was signed").
fn trigger_anchor(trigger: Span, clause: Span) -> usize {
    if trigger.end <= clause.end {
        trigger.end.saturating_sub(1).max(trigger.start)
    } else {
        trigger.start
    }
}

/// Adverbs that may come between "and" and the verb of a verb phrase sharing the subject;
/// those that order events in time make the second phrase an event of its own ("imposed tariffs
/// on barley in May 2020, and later restricted imports of coal").
const SHARED_SUBJECT_ADVERBS: &[(&str, bool)] = &[
    ("later", true),
    ("then", true),
    ("subsequently", true),
    ("afterwards", true),
    ("eventually", true),
    ("finally", true),
    ("again", true),
    ("also", false),
    ("formally", false),
    ("officially", false),
    ("jointly", false),
    ("immediately", false),
    ("soon", false),
    ("quickly", false),
];

/// Words after which a phrase names a cause with participants of its own ("recalled its
/// ambassador after the Israeli invasion of Lebanon", "following its attack on Pearl Harbor").
const CAUSE_OPENERS: &[&str] = &[
    " after ",
    " following ",
    " in response to ",
    " in retaliation for ",
];

/// " and ", ", " and the [`CAUSE_OPENERS`], in that order: where `segment_groups` may cut.
static CLAUSE_JOINTS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    let joints = [" and ", ", "].iter().chain(CAUSE_OPENERS);
    aho_corasick::AhoCorasick::new(joints).expect("a handful of fixed strings")
});

/// Words that open the noun phrase or clause of a cause (not a date: "after 1949").
const CAUSE_NOUN_OPENERS: &[&str] = &["the", "its", "their", "his", "her", "a", "an"];

/// Verb phrases of a clause that tell one event of a kind, or a cause phrase: `segments`, and
/// the clause's `subject` that verb phrases after the first share (none for a cause phrase).
struct SegmentGroup {
    segments: Vec<Span>,
    subject: Option<Span>,
}

/// A clause's verb phrases and cause phrases, grouped into what tells one event of a kind:
/// "Egypt condemned the strikes on Gaza and mediated a ceasefire" has two verb phrases sharing
/// "Egypt"; "recalled its ambassador after the invasion of Lebanon" a cause phrase whose states
/// are its own. Verb phrases of one subject stay one group unless an adverb orders them in time.
fn segment_groups(
    text: &str,
    clause: Span,
    dates: &[DateUnit],
    triggers: &[(usize, Span)],
) -> Vec<SegmentGroup> {
    #[derive(Clone, Copy, PartialEq)]
    enum Cut {
        SharedSubject { sequenced: bool },
        Cause,
    }
    let piece = &text[clause.start..clause.end];
    let mut cuts: Vec<(usize, Cut)> = Vec::new();
    // Where the clause's finite verbs end, in order: "is there a verb between a and b" is
    // asked at every joint, so it is answered from this list, not by reading the words again.
    let verb_ends: Vec<usize> = piece
        .split_inclusive(char::is_whitespace)
        .scan(0, |end, word| {
            *end += word.len();
            Some((*end, word))
        })
        .filter(|(_, word)| finite_verb(word.trim_end()))
        .map(|(end, word)| end - (word.len() - word.trim_end().len()))
        .collect();
    let verb_between = |from: usize, to: usize| {
        let first = verb_ends.partition_point(|&e| e <= from);
        verb_ends.get(first).is_some_and(|&e| e <= to)
    };
    // Every joint of the clause in one pass (six searches of a short text cost more in
    // setting up than in reading).
    let mut joints: [Vec<usize>; 6] = Default::default();
    for found in CLAUSE_JOINTS.find_overlapping_iter(piece) {
        joints[found.pattern().as_usize()].push(found.start());
    }
    for &at in &joints[0] {
        let before = piece[..at].trim_end_matches(',');
        // "deported and massacred the Armenians in 1915": two verbs of one object and one
        // date, not two verb phrases.
        if !piece[..at].ends_with(',')
            && before
                .rsplit(char::is_whitespace)
                .next()
                .is_some_and(finite_verb)
        {
            continue;
        }
        let last_cut = cuts.last().map_or(0, |c| c.0);
        if !verb_between(last_cut.min(before.len()), before.len()) {
            continue;
        }
        let mut sequenced = false;
        let mut verb = false;
        for word in piece[at + 5..].split_whitespace().take(3) {
            let word = word.trim_matches(|c: char| !c.is_alphanumeric());
            if let Some((_, orders)) = SHARED_SUBJECT_ADVERBS.iter().find(|(a, _)| *a == word) {
                sequenced |= *orders;
                continue;
            }
            // ("and has delivered tanks to Ukraine": a perfect is a verb phrase too.)
            let perfect = matches!(word, "has" | "have")
                && piece[at + 5..]
                    .split_whitespace()
                    .skip_while(|w| w.trim_matches(|c: char| !c.is_alphanumeric()) != word)
                    .nth(1)
                    .is_some_and(|next| {
                        (next.len() > 4 && next.ends_with("ed"))
                            || IRREGULAR_PARTICIPLES.contains(&next)
                    });
            verb = perfect || (finite_verb(word) && !matches!(word, "has" | "have" | "is" | "are"));
            break;
        }
        // "closed its airspace in September, and in October it stopped supplying gas": a
        // verb phrase of its own date, however its subject is told.
        let after = &piece[at + 5..];
        let dated = !verb
            && ["in ", "on ", "during ", "by ", "at "]
                .iter()
                .find(|p| after.starts_with(*p))
                .is_some_and(|p| {
                    let date_at = clause.start + at + 5 + p.len();
                    // (Not "visited Japan in 2014 and in 2016": a second date alone.)
                    dates.iter().any(|d| {
                        d.span.start == date_at
                            && d.span.end <= clause.end
                            && text[d.span.end..clause.end]
                                .split_whitespace()
                                .take(4)
                                .any(finite_verb)
                    })
                });
        if verb || dated {
            let start = if piece[..at].ends_with(',') {
                at - 1
            } else {
                at
            };
            cuts.push((
                start,
                Cut::SharedSubject {
                    sequenced: sequenced || dated,
                },
            ));
        }
    }
    // "condemned the raid as a violation of its sovereignty, expelled the ambassador and
    // broke off relations": a list of verb phrases separated by commas.
    for &at in &joints[1] {
        let next = piece[at + 2..].split_whitespace().next().unwrap_or("");
        let verb = finite_verb(next) && !matches!(next, "has" | "have" | "is" | "are" | "was");
        let last_cut = cuts
            .iter()
            .map(|c| c.0)
            .filter(|&c| c < at)
            .max()
            .unwrap_or(0);
        if verb && verb_between(last_cut, at) {
            cuts.push((at, Cut::SharedSubject { sequenced: false }));
        }
    }
    for (opener, found) in CAUSE_OPENERS.iter().zip(&joints[2..]) {
        for &at in found {
            let next = piece[at + opener.len()..]
                .split_whitespace()
                .next()
                .unwrap_or("");
            let word = next.trim_end_matches(',');
            // ("after May 1940" opens a date the tagger found, not a cause.)
            let phrase_start = clause.start + at + opener.len();
            let date = dates.iter().any(|d| d.span.start == phrase_start);
            let noun = !date
                && (CAUSE_NOUN_OPENERS.contains(&next)
                    || (next.chars().next().is_some_and(char::is_alphabetic)
                        && !matches!(word, "which" | "that" | "whom" | "being" | "having" | "it")));
            // "the following month", "the year after": a date, not a cause.
            let adjective = piece[..at]
                .rsplit(char::is_whitespace)
                .next()
                .is_some_and(|w| matches!(w, "the" | "a" | "an" | "this" | "that" | "each"));
            let time_unit = matches!(
                word,
                "day"
                    | "days"
                    | "week"
                    | "weeks"
                    | "month"
                    | "months"
                    | "year"
                    | "years"
                    | "decade"
                    | "decades"
                    | "century"
                    | "spring"
                    | "summer"
                    | "autumn"
                    | "winter"
            );
            // A cause never opens inside a trigger's words ("a party held immediately after
            // the ceremony" is one phrase).
            let cut_at = clause.start + at;
            let inside_trigger = triggers
                .iter()
                .any(|(_, t)| t.start < cut_at && cut_at < t.end);
            if noun
                && !adjective
                && !time_unit
                && !inside_trigger
                && piece[..at].split_whitespace().any(finite_verb)
            {
                cuts.push((at, Cut::Cause));
            }
        }
    }
    if cuts.is_empty() {
        return vec![SegmentGroup {
            segments: vec![clause],
            subject: None,
        }];
    }
    cuts.sort_by_key(|c| c.0);
    cuts.dedup_by_key(|c| c.0);
    // The subject: the words before the clause's first verb.
    // ("A coalition led by the United States began…": a participle before "by" is not it.)
    let mut offset = 0;
    let mut subject_end = 0;
    let words: Vec<&str> = piece.split_inclusive(char::is_whitespace).collect();
    for (i, word) in words.iter().enumerate() {
        let participle = words.get(i + 1).is_some_and(|next| next.trim() == "by");
        if finite_verb(word.trim()) && !participle {
            subject_end = offset;
            break;
        }
        offset += word.len();
    }
    let subject = Some(Span::new(clause.start, clause.start + subject_end));
    let mut groups: Vec<SegmentGroup> = vec![SegmentGroup {
        segments: Vec::new(),
        subject,
    }];
    // The group that later verb phrases without an ordering adverb join.
    let mut verb_group = 0;
    let bounds: Vec<(usize, Option<Cut>)> = std::iter::once((0, None))
        .chain(cuts.iter().map(|&(at, cut)| (at, Some(cut))))
        .collect();
    for (i, &(start, cut)) in bounds.iter().enumerate() {
        let end = bounds.get(i + 1).map_or(piece.len(), |b| b.0);
        let segment = Span::new(clause.start + start, clause.start + end);
        let target = match cut {
            None | Some(Cut::SharedSubject { sequenced: false }) => verb_group,
            Some(Cut::SharedSubject { sequenced: true }) => {
                groups.push(SegmentGroup {
                    segments: Vec::new(),
                    subject,
                });
                verb_group = groups.len() - 1;
                verb_group
            }
            Some(Cut::Cause) => {
                groups.push(SegmentGroup {
                    segments: Vec::new(),
                    subject: None,
                });
                groups.len() - 1
            }
        };
        groups[target].segments.push(segment);
    }
    groups.retain(|g| !g.segments.is_empty());
    groups
}

/// A treaty's clause and the relative clause after it that names its other parties ("the Rio
/// Protocol, which was guaranteed by Argentina, Brazil, Chile and the United States").
fn with_membership_clause(cx: &SentenceContext, clause: Span) -> Span {
    let next = cx.clauses.iter().copied().find(|c| c.start == clause.end);
    let Some(next) = next else { return clause };
    let text = cx.doc.slice(next).to_ascii_lowercase();
    let relative = text.trim_start_matches([',', ' ']).starts_with("which");
    let membership = [
        "guarantee",
        "include",
        "joined",
        "signed",
        "signatories",
        "acceded",
        "ratified by",
        "adhered",
    ]
    .iter()
    .any(|w| text.contains(w));
    if relative && membership {
        Span::new(clause.start, next.end)
    } else {
        clause
    }
}

/// The states named in `clause` before `trigger`, in text order.
fn states_before(
    mentions: &[Mention],
    clause: Span,
    trigger: Span,
) -> impl DoubleEndedIterator<Item = &Mention> {
    mentions.iter().filter(move |m| {
        clause.contains(&m.span) && m.span.end <= trigger.start && m.kind == EntityKind::State
    })
}

/// States named in a scope, a state's own forces ("the Imperial Japanese Army") included, and
/// asides in parentheses ("(led by the United States)") left out unless nothing else is named.
fn states_in<'m>(mentions: impl IntoIterator<Item = &'m Mention>, scope: Span) -> Vec<String> {
    codes_of(
        mentions,
        scope,
        &[EntityKind::State, EntityKind::Organisation],
    )
}

fn codes_of<'m>(
    mentions: impl IntoIterator<Item = &'m Mention>,
    scope: Span,
    kinds: &[EntityKind],
) -> Vec<String> {
    let mut codes: Vec<String> = Vec::new();
    let in_scope: Vec<&Mention> = mentions
        .into_iter()
        .filter(|m| scope.contains(&m.span) && kinds.contains(&m.kind))
        .collect();
    let outside_parens: Vec<&Mention> = in_scope
        .iter()
        .copied()
        .filter(|m| !m.in_parentheses)
        .collect();
    let chosen = if outside_parens.is_empty() {
        in_scope
    } else {
        outside_parens
    };
    for mention in chosen {
        if let Some(code) = &mention.code {
            if !codes.contains(code) {
                codes.push(code.clone());
            }
        }
    }
    codes
}

/// The dates that can govern events: DATE and TIME timexes, a range counted once with its
/// interval value, and life spans after a person's name ("Marco Polo (1254–1324)") left out.
fn date_units(
    doc: &Document,
    tagging: &Tagging,
    mentions: &[Mention],
    resources: &Resources,
) -> Vec<DateUnit> {
    let text = doc.text.as_str();
    let headings: Vec<Span> = doc.sections.iter().filter_map(|s| s.heading).collect();
    let range_ends: Vec<usize> = tagging.intervals.iter().map(|i| i.second).collect();
    let mut units = Vec::new();
    for (index, timex) in tagging.timexes.iter().enumerate() {
        if !matches!(timex.kind, TimexType::Date | TimexType::Time) || range_ends.contains(&index) {
            continue;
        }
        if headings.iter().any(|h| h.contains(&timex.span))
            || timex.value.contains("REF")
            || timex.value.starts_with('X')
        {
            continue;
        }
        let (span, value) = match tagging.intervals.iter().find(|i| i.first == index) {
            Some(interval) => {
                let second = &tagging.timexes[interval.second];
                (
                    Span::new(timex.span.start, second.span.end),
                    interval.value.clone(),
                )
            }
            None => (timex.span, timex.value.clone()),
        };
        // A parenthesis right after a person's name holds a life span, and after an era's
        // name the era's bounds ("the Edo period (1603–1868)"): not event dates.
        let before = text[..span.start].trim_end();
        if let Some(before_paren) = before.strip_suffix('(') {
            let before_paren = before_paren.trim_end();
            // (Except in a list of visits: "President Vicente Fox (2001, 2003)".)
            let in_visit_list = doc
                .blocks
                .iter()
                .find(|b| b.span.contains(&span))
                .is_some_and(|b| {
                    b.kind == dyad_read::BlockKind::ListItem
                        && resources.list_kind(&doc.sections[b.section].path).is_some()
                });
            let after_person = !in_visit_list
                && mentions
                    .iter()
                    .any(|m| m.kind == EntityKind::Person && m.span.end == before_paren.len());
            let after_era = tagging.periods.iter().any(|p| {
                p.span.end == before_paren.len()
                    && ["period", "era", "dynasty", "age", "shogunate"]
                        .iter()
                        .any(|w| text[p.span.range()].to_lowercase().ends_with(w))
            });
            if after_person || after_era {
                continue;
            }
        }
        let attributive = attributive_year(text, span) || deadline(text, span);
        units.push(DateUnit {
            span,
            value,
            attributive,
        });
    }
    units
}

/// Whether the date at `span` is a bare year between a determiner and a noun ("the 1965
/// border agreement", "its 2004 ruling").
fn attributive_year(text: &str, span: Span) -> bool {
    let year = &text[span.range()];
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let before = text[..span.start].trim_end_matches(' ');
    let determiner = before
        .rsplit(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .next()
        .unwrap_or("");
    let determined = matches!(
        determiner.to_ascii_lowercase().as_str(),
        "the" | "its" | "their" | "his" | "her" | "this" | "that"
    ) || determiner.ends_with("'s")
        || determiner.ends_with("’s");
    let after = &text[span.end..];
    determined && after.starts_with(' ') && after[1..].starts_with(|c: char| c.is_alphabetic())
}

/// The date written onto a treaty's name: "… of 3 March 1878", ", signed on 24 August 1821",
/// " (1878)".
fn instrument_date<'u>(text: &str, name: Span, units: &'u [DateUnit]) -> Option<&'u DateUnit> {
    let after = &text[name.end..];
    let joined = after.trim_start_matches([',', ' ', '(']);
    let skipped = after.len() - joined.len();
    let joined_by = [
        "signed ",
        "concluded ",
        "ratified ",
        "which was signed ",
        "of ",
        "on ",
    ]
    .iter()
    .find(|w| joined.starts_with(*w))
    .map_or(0, |w| w.len());
    let rest = &joined[joined_by..];
    let preposition = ["on ", "in ", "of "]
        .iter()
        .find(|w| rest.starts_with(*w))
        .map_or(0, |w| w.len());
    // (Only a date right there: "the Treaty of Kars, which Turkey …" gives none.)
    if joined_by == 0 && preposition == 0 && !after.starts_with(" (") {
        return None;
    }
    let start = name.end + skipped + joined_by + preposition;
    units
        .iter()
        .find(|u| u.span.start == start && !u.attributive)
}

/// Whether the date at `span` is the deadline of a promise ("pledged to withdraw its troops
/// by 2002"): it tells when the promised act was due, not when the promise was made.
fn deadline(text: &str, span: Span) -> bool {
    const PROMISES: [&str; 9] = [
        "pledged to ",
        "promised to ",
        "agreed to ",
        "undertook to ",
        "committed to ",
        "committed itself to ",
        "was to ",
        "were to ",
        "planned to ",
    ];
    let before = text[..span.start].trim_end();
    if !before.ends_with(" by") {
        return false;
    }
    // (In its own clause: "South Africa agreed to grant independence to Namibia, and Cuba
    // withdrew its troops by 1991" tells a withdrawal done by then.)
    let clause_start = [". ", "; ", ", and ", ", but "]
        .iter()
        .filter_map(|b| before.rfind(b).map(|i| i + b.len()))
        .max()
        .unwrap_or(0);
    let told = &before[clause_start..];
    PROMISES.iter().any(|promise| told.contains(promise))
}

/// Where the narrative a sentence continues begins: its paragraph, or also the paragraph
/// before (in the same section) when its paragraph opens with a continuation ("As a result",
/// "However", "This"). A paragraph that opens afresh does not inherit the last one's date.
fn narrative_scope(
    doc: &Document,
    sentences: &[dyad_segment::Sentence],
    sentence: &dyad_segment::Sentence,
    continuations: &[String],
) -> usize {
    let block = &doc.blocks[sentence.block];
    // Sentences come in text order, so their blocks are in order too.
    let first = sentences
        .get(sentences.partition_point(|s| s.block < sentence.block))
        .filter(|s| s.block == sentence.block)
        .map_or(block.span, |s| s.span);
    let opening = doc.slice(first);
    let continues = continuations.iter().any(|cue| {
        opening.starts_with(cue.as_str())
            && !opening[cue.len()..].starts_with(|c: char| c.is_alphanumeric())
    });
    if continues && sentence.block > 0 {
        let previous = &doc.blocks[sentence.block - 1];
        if previous.section == block.section {
            return previous.span.start;
        }
    }
    block.span.start
}

/// The pair each section's events default to: the document's dyad, or, where a heading names
/// states ("Japan" in "Foreign relations of Angola", "Angola–Vietnam relations"), the pair it
/// makes. A section without a state in its heading takes its parent's pair.
fn section_dyads(doc: &Document, mentions: &[Mention], dyad: &[String]) -> Vec<Vec<String>> {
    let named: Vec<Vec<String>> = doc
        .sections
        .iter()
        .map(|section| {
            let Some(heading) = section.heading else {
                return Vec::new();
            };
            let mut codes: Vec<String> = Vec::new();
            for m in mentions.iter().filter(|m| {
                heading.contains(&m.span) && m.kind == EntityKind::State && !m.in_parentheses
            }) {
                if let Some(code) = &m.code {
                    if !codes.contains(code) {
                        codes.push(code.clone());
                    }
                }
            }
            codes
        })
        .collect();
    let mut out: Vec<Vec<String>> = Vec::with_capacity(named.len());
    for (index, section) in doc.sections.iter().enumerate() {
        let local = match named[index].as_slice() {
            [a, b, ..] => vec![a.clone(), b.clone()],
            [y] if dyad.len() == 1 && dyad[0] != *y => vec![dyad[0].clone(), y.clone()],
            [y] if dyad.is_empty() => vec![y.clone()],
            [_] => dyad.to_vec(),
            [] => (0..index)
                .rev()
                .find(|&parent| {
                    let p = &doc.sections[parent];
                    p.level < section.level && section.path.starts_with(&p.path)
                })
                .map_or_else(|| dyad.to_vec(), |parent| out[parent].clone()),
        };
        out.push(local);
    }
    out
}

/// The year (or decade) the narrative has reached before `offset`: the last date of a main
/// clause — not one in parentheses, a relative clause or a trailing participle ("…agreements,
/// sealed by the economic mission to Nagasaki in 1938"), which date their own words, not where
/// the story stands. "Both pursued aggressive policies in the 1930s" sets the decade.
fn narrative_year(text: &str, units: &[DateUnit], offset: usize) -> Option<String> {
    units
        .iter()
        .rev()
        .filter(|u| u.span.end <= offset && !u.attributive)
        .filter(|u| main_clause_date(text, u.span))
        .find_map(|u| {
            let first = u.value.split('/').next_back()?;
            if first.len() == 3 && first.bytes().all(|b| b.is_ascii_digit()) {
                return Some(first.to_string());
            }
            dyad_time::value::RefTime::parse(first).map(|r| dyad_time::value::format_year(r.year))
        })
}

/// Whether a date stands in its sentence's main clause rather than in parentheses, a relative
/// clause or a participle after a comma.
fn main_clause_date(text: &str, span: Span) -> bool {
    let line_start = text[..span.start].rfind(['.', '\n']).map_or(0, |i| i + 1);
    let before = &text[line_start..span.start];
    if before.rfind('(') > before.rfind(')') {
        return false;
    }
    let Some(comma) = before.rfind(',') else {
        return true;
    };
    let mut words = before[comma + 1..].split_whitespace();
    let Some(mut first) = words.next() else {
        return true;
    };
    if first.ends_with("ly") {
        first = words.next().unwrap_or("");
    }
    let relative = matches!(first, "which" | "who" | "whom" | "whose" | "when" | "where");
    let participle = first.len() > 4
        && (first.ends_with("ing") || (first.ends_with("ed") && words.next() == Some("by")));
    !(relative || participle)
}

/// Whether two `when` values can be the same date told at two precisions.
fn compatible(a: &Option<String>, b: &Option<String>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == b || a.starts_with(b.as_str()) || b.starts_with(a.as_str()),
        (None, None) => true,
        _ => false,
    }
}

/// The same event told twice (in the lead and in the history) becomes one event with two
/// evidence sentences; the more precise date is kept.
/// `events` come with where the narrative of their sentence begins (see `narrative_scope`).
fn merge(events: Vec<(usize, Event)>, dated_sentences: &[usize]) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::new();
    for (scope, event) in events {
        let same_actors = |e: &Event| {
            let mut a = e.actors.clone();
            let mut b = event.actors.clone();
            a.sort();
            b.sort();
            a == b
        };
        // An undated sentence that goes on about the event just told ("The mission visited
        // Florence, Naples and Rome") is more evidence for it, not a new event; only inside
        // the narrative it continues (a fresh paragraph tells of something else).
        // ("Saudi Arabia also banned Qatari aircraft": "also" adds an event.)
        // (Nor does one whose date lies in another of its clauses: "Turkey backed the Annan
        // Plan, which Greek Cypriots rejected in April 2004" is not the recognition of 1983.)
        let opens_new = NEW_EVENT_OPENINGS
            .iter()
            .any(|o| event.evidence[0].sentence.starts_with(o))
            || event.evidence[0].sentence.contains(" also ")
            || dated_sentences
                .binary_search(&event.evidence[0].span.start)
                .is_ok();
        // "…who accompanied the members of the mission during their visit": a possessive
        // before the trigger points back to the event just told, whatever date the sentence
        // carries for its other words.
        let anaphoric = possessive_before(&event.evidence[0]);
        if (matches!(
            event.when_source,
            WhenSource::Narrative | WhenSource::Section
        ) && !opens_new)
            || anaphoric
        {
            // ("…accused France at the United Nations in September 2021. The junta accused
            // France of supplying weapons…": the same verb again tells another act.)
            let same_words = |e: &Event| {
                e.evidence.last().is_some_and(|ev| {
                    ev.trigger
                        .trim()
                        .eq_ignore_ascii_case(event.evidence[0].trigger.trim())
                })
            };
            let recent = out.iter_mut().rev().take(3).find(|e| {
                e.kind == event.kind
                    && same_actors(e)
                    && (anaphoric || !same_words(e))
                    && e.evidence.last().is_some_and(|ev| {
                        ev.span != event.evidence[0].span
                            && ev.span.start >= scope
                            && event.evidence[0].span.start.saturating_sub(ev.span.end) < 600
                    })
            });
            if let Some(existing) = recent {
                existing.evidence.extend(event.evidence);
                continue;
            }
        }
        // The same event told twice is told in two places (the lead and the history, or two
        // sections); within one section two dated mentions are two events unless their dates
        // are the same to the day.
        let told_elsewhere = |e: &Event| {
            e.evidence
                .iter()
                .all(|ev| ev.section != event.evidence[0].section)
                || (e.when == event.when && e.when.as_ref().is_some_and(|w| w.len() >= 10))
        };
        let same = out.iter_mut().find(|e| {
            e.kind == event.kind
                && told_elsewhere(e)
                && e.evidence
                    .iter()
                    .all(|ev| ev.span != event.evidence[0].span)
                && same_actors(e)
                && matches!(e.when_source, WhenSource::Sentence | WhenSource::Period)
                && matches!(event.when_source, WhenSource::Sentence | WhenSource::Period)
                && compatible(&e.when, &event.when)
        });
        match same {
            Some(existing) => {
                if event.when.as_ref().map_or(0, String::len)
                    > existing.when.as_ref().map_or(0, String::len)
                {
                    existing.when = event.when.clone();
                }
                existing.evidence.extend(event.evidence);
            }
            None => out.push(event),
        }
    }
    out
}

/// Whether the trigger of a mention follows a possessive pronoun ("their visit", "its
/// mission"), which refers back to an event already told.
fn possessive_before(evidence: &Evidence) -> bool {
    let offset = evidence
        .trigger_span
        .start
        .saturating_sub(evidence.span.start);
    let before = evidence.sentence.get(..offset).unwrap_or("");
    let last_word = before.trim_end().rsplit(' ').next().unwrap_or("");
    // ("Gaddafi made his first visit to Rome in June 2009": an ordinal makes it another.)
    let ordinal = ["first ", "second ", "third ", "maiden ", "last "]
        .iter()
        .any(|w| evidence.trigger.starts_with(w));
    !ordinal
        && matches!(
            last_word,
            "their" | "his" | "her" | "its" | "Their" | "His" | "Her" | "Its"
        )
}

/// Whether an offset is inside double quotation marks within its sentence.
fn inside_quotes(sentence: &str, offset: usize) -> bool {
    let before = &sentence[..offset.min(sentence.len())];
    let straight = before.matches('"').count();
    let open = before.matches('“').count();
    let close = before.matches('”').count();
    if !(straight % 2 == 1 || open > close) {
        return false;
    }
    // (A short quoted name is a name, not speech: declared a "strategic partnership".)
    let quoted_from = before.rfind(['"', '“']).map_or(0, |i| i + 1);
    let rest = &sentence[offset.min(sentence.len())..];
    let quoted_to = rest.find(['"', '”']).map_or(sentence.len(), |i| offset + i);
    let words = sentence
        .get(quoted_from..quoted_to)
        .map_or(usize::MAX, |q| q.split_whitespace().count());
    words > 4
}

/// The state named just before a trigger in its clause ("Italy's recognition").
fn subject_before(mentions: &[Mention], clause: Span, trigger: Span) -> Option<String> {
    mentions
        .iter()
        .filter(|m| {
            clause.contains(&m.span)
                && m.span.end <= trigger.start
                && trigger.start - m.span.end <= 4
                && m.kind == EntityKind::State
        })
        .filter_map(|m| m.code.clone())
        .next_back()
}

/// Each trigger's nearest date, no date given twice.
fn assign_units(spans: &[Span], units: &[&DateUnit]) -> Vec<Option<usize>> {
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (ti, t) in spans.iter().enumerate() {
        for (ui, u) in units.iter().enumerate() {
            // As in `when`: a date before its trigger counts as a little farther.
            let cost = distance(*t, u.span) + if u.span.end <= t.start { 10 } else { 0 };
            pairs.push((cost, ti, ui));
        }
    }
    pairs.sort();
    let mut taken = vec![false; units.len()];
    let mut assigned: Vec<Option<usize>> = vec![None; spans.len()];
    for (_, ti, ui) in pairs {
        if assigned[ti].is_none() && !taken[ui] {
            assigned[ti] = Some(ui);
            taken[ui] = true;
        }
    }
    assigned
}

/// Two verbs of one kind, each with a date of its own: "signed a border treaty on 13 March,
/// which the parliament ratified later that month" tells a signing and a ratification.
fn own_dated_acts(a: &Event, b: &Event) -> bool {
    let verb = |e: &Event| {
        e.evidence
            .first()
            .and_then(|x| x.trigger.split_whitespace().next())
            .filter(|w| finite_verb(w))
            .map(str::to_ascii_lowercase)
    };
    let dated = |e: &Event| e.when_source == WhenSource::Sentence && e.when.is_some();
    dated(a) && dated(b) && a.when != b.when && {
        let (va, vb) = (verb(a), verb(b));
        va.is_some() && vb.is_some() && va != vb
    }
}

/// Within one sentence, events of one kind with the same actors and a compatible date are one
/// event told across clauses ("…went to Italy on the first official trip, which was also the
/// last trip of the shogunate").
/// `events` come with their clause, the state named as its subject, if any, and whether the
/// clause is a coordinated one of its own.
fn merge_within_sentence(events: Vec<(usize, Option<String>, bool, Event)>) -> Vec<Event> {
    let mut out: Vec<(usize, Option<String>, Event)> = Vec::new();
    for (clause, subject, coordinated, event) in events {
        // The same kind between the same states told again in another clause is one event,
        // unless that clause is one of its own ("Indonesian troops raided Sarawak, and in 1964
        // paratroopers landed in Johor") or each clause names a different state as the one
        // acting ("Japan lifted its restrictions, and South Korea withdrew its complaint").
        let duplicate = if coordinated {
            None
        } else {
            out.iter_mut().find(|(c, s, e)| {
                *c != clause
                    && e.kind == event.kind
                    && sorted(&e.actors) == sorted(&event.actors)
                    && !(s.is_some() && subject.is_some() && *s != subject)
                    && (compatible(&e.when, &event.when)
                        || event.when_source != WhenSource::Sentence)
                    && !own_dated_acts(e, &event)
            })
        };
        match duplicate {
            // The other telling dates it: "recognise Indonesia's annexation of East Timor,
            // which Indonesian troops had invaded in December 1975".
            Some((_, _, kept))
                if kept.when.is_none() && event.when_source == WhenSource::Sentence =>
            {
                kept.when = event.when;
                kept.when_source = event.when_source;
                kept.frame = None;
            }
            Some(_) => {}
            None => out.push((clause, subject, event)),
        }
    }
    out.into_iter().map(|(_, _, e)| e).collect()
}

/// The states a compound name is made of: "United States–Mexico–Canada Agreement" → USA, MEX,
/// CAN; "Soviet–Japanese Joint Declaration" → RUS, JPN. Each dash-separated piece gives the state
/// its longest leading run of words names; a name without a dash gives none ("Treaty of Kars").
fn states_in_name(name: &str, gazetteer: &dyad_entity::Gazetteer) -> Vec<String> {
    let pieces: Vec<&str> = name.split(['–', '-']).collect();
    if pieces.len() < 2 {
        return Vec::new();
    }
    let mut codes = Vec::new();
    for piece in pieces {
        let words: Vec<&str> = piece.split_whitespace().collect();
        let code = (1..=words.len().min(4))
            .rev()
            .find_map(|n| gazetteer.resolve_state(&words[..n].join(" ")));
        if let Some(code) = code {
            if !codes.contains(&code) {
                codes.push(code);
            }
        }
    }
    codes
}

/// Whether `before` ends with "during" or "at" and an article: what follows is a time frame
/// ("at the NATO summit in Madrid"; "during his visit", told of a person, stays an event).
fn frame_phrase(before: &str) -> bool {
    // (Past a name: "at the NATO summit".)
    let words: Vec<&str> = before.split_whitespace().rev().take(7).collect();
    // (Up to four words: "at the Asia-Pacific Economic Cooperation summit".)
    let name = words
        .iter()
        .take(4)
        .take_while(|w| {
            // ("during the Indo-Pakistani war of 1965": a hyphenated name too.)
            w.starts_with(char::is_uppercase)
                && w.len() > 1
                && w.chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == '–')
        })
        .count();
    let mut words = words.into_iter().skip(name).peekable();
    let is_determiner =
        |w: &str| matches!(w, "a" | "an" | "the" | "this" | "that" | "its" | "their");
    // (Past one adjective too: "at its founding summit".)
    if name == 0
        && words.peek().is_some_and(|w| {
            w.len() > 2 && w.chars().all(|c| c.is_ascii_lowercase()) && !is_determiner(w)
        })
    {
        words.next();
    }
    let determiner = words.next().unwrap_or("");
    let preposition = words.next().unwrap_or("");
    // ("hours after the attack on Pearl Harbor": a time told by another event.)
    let measure = words.next().unwrap_or("");
    let timed_by = matches!(preposition, "after" | "before")
        && matches!(
            measure,
            "hours" | "days" | "weeks" | "months" | "shortly" | "soon" | "just" | "immediately"
        );
    // ("the first visit since the occupation of Cambodia": an earlier event that marks a
    // time, named as such.)
    (preposition.eq_ignore_ascii_case("during")
        || preposition.eq_ignore_ascii_case("at")
        || preposition == "since"
        || timed_by)
        && is_determiner(determiner)
}

/// Whether the words before a trigger describe an act as something ("rejected the demands as
/// an attack on its sovereignty"): how it is seen, not another act. (A role is different:
/// "appointed him as an adviser".)
fn described_as(before: &str, kind: &str) -> bool {
    let mut words = before.split_whitespace().rev();
    let determiner = words.next().unwrap_or("");
    let preposition = words.next().unwrap_or("");
    preposition == "as"
        && matches!(determiner, "a" | "an")
        && matches!(
            kind,
            "conflict" | "threat" | "dispute" | "sanction" | "mobilization"
        )
}

/// Whether the last word of `before` is `word` (ignoring ASCII case).
fn ends_with_word(before: &str, word: &str) -> bool {
    before
        .split_whitespace()
        .next_back()
        .is_some_and(|w| w.eq_ignore_ascii_case(word))
}

fn sorted(codes: &[String]) -> Vec<String> {
    let mut codes = codes.to_vec();
    codes.sort();
    codes
}

/// Words that tell an undated clause of something repeated, or withheld throughout ("never
/// recognised the annexation"), which no one date fits.
const HABITUAL: &[&str] = &[
    " never ",
    " many times",
    " several times",
    " repeatedly",
    " regularly",
    " frequently",
    " often",
    " every year",
    " annually",
];

/// Sentence openings that announce a new event rather than more about the last one.
const NEW_EVENT_OPENINGS: &[&str] = &[
    "As a result",
    "Consequently",
    "Subsequently",
    "Later",
    "Then",
    "Afterwards",
    "Thereafter",
    "In response",
    "In return",
    "Following",
    "After",
    "Meanwhile",
    "In the meantime",
];

/// The end of a reason phrase that places what it names: "over its offensive in (northern)",
/// "in protest at the war in"; or of a journey's topic: "to discuss peace in".
static REASON_PLACE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    prose_regex(
        r"(?i)(?:\b(?:over|in\s+protest\s+(?:at|against|over))\s+(?:its|their|the|his|her)\s+(?:[\w'’-]+\s+){0,2}?(?:in|into|on|against)|\bto\s+discuss\s+(?:[\w'’-]+\s+){0,3}?(?:in|on|with|for)|\bover\s+(?:[\w'’-]+\s+){0,2}?(?:purchases?|imports?|sales?|dealings|trade)\s+(?:of|from|with))\s+(?:(?:the\s+)?(?:northern|southern|eastern|western|north-eastern|north-western|south-eastern|south-western|central)\s+)?$",
    )
});

/// A time marked by an earlier event, up to the name: "since the occupation of", "since the
/// Vietnamese" (lower-case "since": a sentence opening "Since Thailand refused" gives a reason).
static SINCE_EVENT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    prose_regex(r"\bsince\s+the\s+(?:[\w'’-]+\s+){0,3}?(?:(?:of|by)\s+(?:the\s+)?)?$")
});

const NOT_ACTORS: &str = include_str!("../resources/not-actors.tsv");

/// Phrases before a state's name that make it a bystander, from `resources/not-actors.tsv`.
static BYSTANDER_PHRASES: LazyLock<Vec<String>> = LazyLock::new(|| {
    NOT_ACTORS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_lowercase)
        .collect()
});

/// Whether `span` is "backed" or "supported" used as a participle after a noun ("exiles
/// backed by the United States"), not as a verb ("were backed by", "Cuba backed").
fn backing_participle(text: &str, span: Span, clause: Span) -> bool {
    let word = text[span.start..span.end].trim_start_matches([' ', ',', ';', '(']);
    if !matches!(word, "backed" | "supported") {
        return false;
    }
    if !text[span.end..clause.end.max(span.end)].starts_with(" by ") {
        return false;
    }
    let previous = text[clause.start..span.start.max(clause.start)]
        .split_whitespace()
        .next_back()
        .unwrap_or("");
    previous.chars().all(|c| c.is_ascii_lowercase())
        && !previous.is_empty()
        && !matches!(
            previous,
            "was" | "were" | "been" | "is" | "are" | "be" | "being" | "and" | "or" | "also"
        )
}

/// Where "until" starts when `before` ends "until the armistice of" (or the ceasefire, truce
/// or end of): the date that follows bounds what went before, as after a bare "until".
fn until_the_end_of(before: &str) -> Option<usize> {
    let mut words = before.split_whitespace().rev();
    let (Some("of"), Some(marker), Some("the"), Some(until)) =
        (words.next(), words.next(), words.next(), words.next())
    else {
        return None;
    };
    let bounds = matches!(
        marker,
        "armistice" | "ceasefire" | "cease-fire" | "truce" | "end" | "signing"
    ) && matches!(until, "until" | "till");
    // (The four words close `before`, so the last "until" or "till" in it is this one.)
    bounds.then(|| before.rfind(until)).flatten()
}

/// The date of "until <date>" within three words after `span` in `clause` ("did not ratify it
/// until 1989").
fn until_date<'c>(cx: &'c SentenceContext, span: Span, clause: Span) -> Option<&'c DateUnit> {
    let after = &cx.doc.text[span.end..clause.end.max(span.end)];
    let (k, w) = after.match_indices(" until ").next()?;
    if after[..k].split_whitespace().count() > 3 {
        return None;
    }
    let at = span.end + k + w.len();
    cx.units.iter().find(|d| d.span.start == at)
}

/// A state named as a bystander ("in solidarity with Peru") or as where a place lies
/// ("Weihaiwei in China") is not a party to the event.
fn is_bystander(text: &str, mention: &Mention, mentions: &[Mention]) -> bool {
    if mention.kind == EntityKind::Person {
        // "in the presence of United States President Bill Clinton": a person whose title
        // names a bystander state is a bystander too.
        let title_state = mentions.iter().rfind(|m| {
            m.kind == EntityKind::State
                && m.span.end <= mention.span.start
                && mention.span.start - m.span.end <= 40
                && !text[m.span.end..mention.span.start].contains([',', '.', ';'])
        });
        return title_state.is_some_and(|state| is_bystander(text, state, mentions));
    }
    if !matches!(mention.kind, EntityKind::State | EntityKind::Place) {
        return false;
    }
    let near = tail(&text[..mention.span.start], 30);
    let from = mention.span.start - near.len();
    // ASCII lower-casing keeps byte offsets, which the place check below relies on.
    let before = near.to_ascii_lowercase();
    let before = before.trim_end().trim_end_matches("the").trim_end();
    let after = &text[mention.span.end..];
    let after_phrase = BYSTANDER_PHRASES.iter().any(|p| {
        if p.starts_with('-') {
            after
                .get(..p.len())
                .is_some_and(|a| a.eq_ignore_ascii_case(p))
        } else {
            before.ends_with(p.as_str())
        }
    });
    // "under pressure from Washington": a place standing for its state is a bystander after
    // the same phrases as a state (the other checks below are for states).
    if mention.kind == EntityKind::Place {
        return after_phrase;
    }
    // "…, accusing Damascus of becoming a Soviet satellite": what an accusation says of the
    // accused is no party to what the clause tells.
    if ACCUSATION_CONTENT
        .as_ref()
        .is_some_and(|r| r.is_match(tail(&text[..mention.span.start], 80)))
    {
        return true;
    }
    // "…suspended arms exports to Turkey over its offensive in northern Syria": where the act
    // a reason phrase names took place is no party to the event it explains.
    if REASON_PLACE
        .as_ref()
        .is_some_and(|r| r.is_match(tail(&text[..mention.span.start], 60)))
    {
        return true;
    }
    // "the first visit … since the Vietnamese occupation of Cambodia": an earlier event named
    // to mark a time has no party in what the clause tells.
    if SINCE_EVENT
        .as_ref()
        .is_some_and(|r| r.is_match(tail(&text[..mention.span.start], 60)))
    {
        return true;
    }
    // "fought each other in the Congolese city of Kisangani": a state named only to place a
    // venue is no party.
    let venue_word = [
        " city of ",
        " town of ",
        " port of ",
        " village of ",
        " province of ",
    ]
    .iter()
    .any(|w| {
        after
            .get(..w.len())
            .is_some_and(|a| a.eq_ignore_ascii_case(w))
    });
    if venue_word && before.ends_with(" in") {
        return true;
    }
    if after_phrase {
        return true;
    }
    // "by way of China and Korea": a state joined to a bystander by "and" or a comma is one.
    // ("the Indonesia–Malaysia confrontation": a compound of names is one phrase.)
    if before.ends_with(" and")
        || before.ends_with(',')
        || before.ends_with(" or")
        || before.ends_with('–')
    {
        let joined_at = from + before.trim_end_matches([',', '–']).len();
        let previous = mentions
            .iter()
            .rfind(|m| m.kind == EntityKind::State && m.span.end <= joined_at);
        if let Some(previous) = previous {
            let gap = text[previous.span.end..mention.span.start].trim();
            let only_joiner = matches!(
                gap,
                "and" | "," | "or" | ", and" | "and the" | ", and the" | "–"
            );
            // (A comma then a state that goes on with a verb opens the clause: "under
            // pressure from the United States, Mexico deployed troops" — Mexico acts.)
            let next_word = after.split_whitespace().next().unwrap_or("");
            let opens_clause = gap == ","
                && next_word.starts_with(|c: char| c.is_ascii_lowercase())
                && !matches!(next_word, "and" | "or" | "and," | "or,");
            if only_joiner && !opens_clause && is_bystander(text, previous, mentions) {
                return true;
            }
        }
    }
    // "<place> in <state>": the state locates the place (a known place, or a capitalised name
    // that is no entity of its own; "the Boxer Rebellion in China" keeps China).
    if let Some(rest) = before.strip_suffix(" in") {
        let word_end = from + rest.len();
        let word_start = text[..word_end]
            .rfind(|c: char| c.is_whitespace())
            .map_or(0, |i| i + 1);
        let word = &text[word_start..word_end];
        // ("al-Shabaab in Somalia": a name may begin with a lower-case particle.)
        let capitalised = word.chars().next().is_some_and(char::is_uppercase)
            || word
                .split_once('-')
                .is_some_and(|(_, rest)| rest.starts_with(char::is_uppercase));
        let covering = mentions
            .iter()
            .find(|m| m.span.start <= word_start && m.span.end >= word_end);
        return match covering {
            Some(m) => m.kind == EntityKind::Place,
            None => {
                capitalised
                    && word_start > 0
                    && !text[..word_start].trim_end().ends_with(['.', '\n'])
            }
        };
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where `phrase` stands in `text`.
    fn span_of(text: &str, phrase: &str) -> Span {
        let start = text.find(phrase).expect("the phrase is in the text");
        Span::new(start, start + phrase.len())
    }

    #[test]
    fn a_leading_phrase_before_a_new_subject_is_passed_over() {
        let words = |s: &'static str| s.split_whitespace().collect::<Vec<_>>();
        let end = leading_phrase_end(&words(
            "under pressure from the United States the government agreed",
        ));
        assert_eq!(end, 6);
        assert_eq!(
            leading_phrase_end(&words("with Soviet help Cuba sent troops")),
            3
        );
        // (No new subject: the phrase belongs to a verb phrase of the same subject.)
        assert_eq!(
            leading_phrase_end(&words("under pressure agreed to pay")),
            0
        );
        assert_eq!(leading_phrase_end(&words("the government agreed")), 0);
        let text = "Haiti protested, and under pressure from the United States the government agreed to pay.";
        assert_eq!(clauses(text).len(), 2);
    }

    #[test]
    fn a_leading_date_phrase_is_passed_over() {
        let date = |text: &str, phrase: &str, value: &str| DateUnit {
            span: span_of(text, phrase),
            value: value.into(),
            attributive: false,
        };
        let whole = |text: &str| Span::new(0, text.len());
        let text = "and in July 2024 they formed";
        let units = [date(text, "July 2024", "2024-07")];
        assert_eq!(after_leading_date(text, whole(text), &units), "they formed");
        let text = "on 3 May 1990, it left";
        let units = [date(text, "3 May 1990", "1990-05-03")];
        assert_eq!(after_leading_date(text, whole(text), &units), "it left");
        // No date after the preposition: the clause itself.
        let text = "in Rome they met in 1990";
        let units = [date(text, "1990", "1990")];
        assert_eq!(after_leading_date(text, whole(text), &units), text);
    }

    #[test]
    fn a_date_written_onto_a_treaty_name_is_the_treaty_date() {
        let unit = |text: &str, phrase: &str| DateUnit {
            span: span_of(text, phrase),
            value: phrase.into(),
            attributive: false,
        };
        for (text, name, date) in [
            (
                "ended with the Treaty of Córdoba, signed on 24 August 1821 by both",
                "Treaty of Córdoba",
                "24 August 1821",
            ),
            (
                "led to the Treaty of San Stefano of 3 March 1878, which",
                "Treaty of San Stefano",
                "3 March 1878",
            ),
            ("the Treaty of Kars (1921) fixed", "Treaty of Kars", "1921"),
        ] {
            let units = [unit(text, date)];
            let found = instrument_date(text, span_of(text, name), &units);
            assert_eq!(found.map(|u| u.value.as_str()), Some(date), "{text}");
        }
        // A date further on is the clause's, not the name's.
        let text = "the Treaty of Kars, which Turkey signed in 1921";
        let units = [unit(text, "1921")];
        assert!(instrument_date(text, span_of(text, "Treaty of Kars"), &units).is_none());
    }

    #[test]
    fn an_act_a_span_before_a_dated_one_is_dated_back() {
        let tagger = Tagger::new().expect("the bundled time resources load");
        let dated = |text: &str, date: &str, value: &str, trigger: &str| {
            let units = [DateUnit {
                span: span_of(text, date),
                value: value.into(),
                attributive: false,
            }];
            let sentence = Span::new(0, text.len());
            offset_date(&tagger, text, sentence, span_of(text, trigger), &units)
        };
        let text = "Blair met Gaddafi on 25 March 2004, three months after Libya agreed to give up";
        assert_eq!(
            dated(text, "25 March 2004", "2004-03-25", "agreed").as_deref(),
            Some("2003-12")
        );
        let text = "independence on 24 February 1918, a day before German troops entered Tallinn";
        assert_eq!(
            dated(text, "24 February 1918", "1918-02-24", "entered").as_deref(),
            Some("1918-02-25")
        );
        let text = "signed in 1990, two years after the war ended";
        assert_eq!(
            dated(text, "1990", "1990", "ended").as_deref(),
            Some("1988")
        );
        // (Not finer than the reference date allows, and not when the act has its own date.)
        let text = "signed in 1990, two months after the war ended";
        assert_eq!(dated(text, "1990", "1990", "ended"), None);
        let text = "signed on 17 February 1966, three months before Guyana became independent on 26 May 1966";
        let units = [
            ("17 February 1966", "1966-02-17"),
            ("26 May 1966", "1966-05-26"),
        ]
        .map(|(date, value)| DateUnit {
            span: span_of(text, date),
            value: value.into(),
            attributive: false,
        });
        let sentence = Span::new(0, text.len());
        assert_eq!(
            offset_date(&tagger, text, sentence, span_of(text, "became"), &units),
            None
        );
    }

    #[test]
    fn a_promise_s_by_date_is_a_deadline() {
        let text = "Russia pledged to withdraw its troops from Transnistria by 2002";
        assert!(deadline(text, span_of(text, "2002")));
        // (Done by then, in a clause of its own.)
        let text =
            "South Africa agreed to grant independence, and Cuba withdrew its troops by 1991";
        assert!(!deadline(text, span_of(text, "1991")));
        let text = "Cuba withdrew its troops by 1991";
        assert!(!deadline(text, span_of(text, "1991")));
    }

    #[test]
    fn triggers_share_the_one_literal_scan() {
        let extractor = Extractor::new().expect("the bundled resources load");
        assert!(extractor.triggers_grouped);
    }

    #[test]
    fn literals_with_separators_or_digit_ends_are_not_separator_safe() {
        assert!(separator_safe("declared"));
        assert!(separator_safe("G7 summit"));
        assert!(!separator_safe("1.5"));
        assert!(!separator_safe("G7"));
        assert!(!separator_safe("5,000"));
        assert!(!separator_safe(".5 billion"));
        assert!(separator_safe("clashed,"));
        assert!(separator_safe("U.S."));
    }
}
