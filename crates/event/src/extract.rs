//! Events from sentences: clauses, triggers, actors, dates.

use crate::facts::extract_facts;
use crate::resource::{Resources, Trigger};
use crate::{Event, Evidence, Extraction, Participant, WhenSource};
use dyad_entity::{EntityKind, Mention, Recogniser};
use dyad_read::{Document, Span};
use dyad_time::{Mode, TagOptions, Tagger, Tagging, TimexType};
use regex::Regex;
use std::sync::LazyLock;

/// Where a clause ends inside a sentence.
static CLAUSE_BREAK: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r";|,\s+(?:while|whereas|but|which|when|although|though|where|who|as\s+well\s+as)\b|\s+but\s+|\s+while\s+|\s[–—]\s").ok()
});

/// Words before a trigger that deny it.
static NEGATION: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:not|never|no\s+longer|failed\s+to|did\s+not|didn't|refused\s+to|declined\s+to|without)\s+(?:\w+\s+){0,2}$").ok()
});

/// Words before a trigger that make it intended or possible rather than done.
static MODALITY: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:plan(?:s|ned)?\s+to|will|would|shall|intend(?:s|ed)?\s+to|expected\s+to|aim(?:s|ed)?\s+to|hope(?:s|d)?\s+to|could|may|might|propos(?:ed|es)\s+to|scheduled\s+to|is\s+to|are\s+to)\s+(?:\w+\s+){0,3}$").ok()
});

/// Sections that are lists of links or sources, not prose.
const SKIPPED_SECTIONS: &[&str] = &["See also", "References", "External links", "Further reading", "Notes", "Bibliography", "Sources", "Citations", "Footnotes"];

/// The event extractor: all stages' resources, built once.
#[derive(Debug)]
pub struct Extractor {
    tagger: Tagger,
    recogniser: Recogniser,
    resources: Resources,
}

/// A date that can govern an event: a timex, or a range of two.
#[derive(Debug, Clone)]
struct DateUnit {
    span: Span,
    value: String,
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
        Ok(Extractor {
            tagger: Tagger::new()?,
            recogniser: Recogniser::new()?,
            resources: Resources::load()?,
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
        self.extract_with(doc, &TagOptions { mode: Mode::Narrative, dct: None })
    }

    pub fn extract_with(&self, doc: &Document, options: &TagOptions) -> Extraction {
        let sentences = dyad_segment::sentences(doc);
        let tagging = self.tagger.tag_document(doc, options);
        let section_times = self.tagger.section_times(doc, &tagging);
        let mentions = self.recogniser.recognise(doc);
        let dyad = dyad_entity::document_dyad(doc, self.recogniser.gazetteer(), &mentions);
        let units = date_units(doc, &tagging, &mentions);
        let mut events: Vec<Event> = Vec::new();
        for sentence in &sentences {
            let section = &doc.sections[sentence.section];
            if section.path.first().is_some_and(|p| SKIPPED_SECTIONS.contains(&p.as_str())) {
                continue;
            }
            let context = SentenceContext {
                doc,
                span: sentence.span,
                section_path: &section.path,
                tagging: &tagging,
                mentions: &mentions,
                units: &units,
                dyad: &dyad,
                section_time: section_times.get(sentence.section).cloned().flatten(),
            };
            events.extend(self.sentence_events(&context));
        }
        let events = merge(events);
        let facts = extract_facts(doc, &sentences, &mentions, &self.resources, self.recogniser.gazetteer());
        Extraction {
            title: doc.title.clone(),
            dyad,
            events,
            facts,
        }
    }

    fn sentence_events(&self, cx: &SentenceContext) -> Vec<Event> {
        let text = cx.doc.slice(cx.span);
        let mut events = Vec::new();
        for clause in clauses(text) {
            let clause_span = Span::new(cx.span.start + clause.start, cx.span.start + clause.end);
            let clause_text = &text[clause.range()];
            let mut found: Vec<Found> = Vec::new();
            for trigger in &self.resources.triggers {
                for m in trigger.regex.find_iter(clause_text) {
                    found.push(Found {
                        trigger,
                        span: Span::new(clause_span.start + m.start(), clause_span.start + m.end()),
                    });
                }
            }
            if found.iter().any(|f| !f.trigger.weak) {
                found.retain(|f| !f.trigger.weak);
            }
            let kinds: Vec<&str> = found.iter().map(|f| f.trigger.kind.as_str()).collect();
            found.retain(|f| {
                !self
                    .resources
                    .suppress
                    .iter()
                    .any(|(stronger, weaker)| weaker == &f.trigger.kind && kinds.contains(&stronger.as_str()))
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
                events.extend(self.clause_events(cx, clause_span, trigger, &spans));
            }
        }
        events
    }

    fn clause_events(&self, cx: &SentenceContext, clause: Span, trigger: &Trigger, spans: &[Span]) -> Vec<Event> {
        let clause_units: Vec<&DateUnit> = cx.units.iter().filter(|u| clause.contains(&u.span)).collect();
        let sentence_text = cx.doc.slice(cx.span);
        let clause_text = cx.doc.slice(clause);
        // "…of Italy and Japan from the League of Nations in 1933 and 1937, respectively".
        if trigger.respectively && clause_text.contains("respectively") {
            let states = states_in(cx.mentions, clause);
            if states.len() >= 2 && states.len() == clause_units.len() {
                return states
                    .iter()
                    .zip(&clause_units)
                    .map(|(state, unit)| {
                        let mut event = self.event(cx, clause, trigger, spans[0], vec![state.clone()]);
                        event.when = Some(unit.value.clone());
                        event.when_source = WhenSource::Sentence;
                        event
                    })
                    .collect();
            }
        }
        let actors = self.actors(cx, clause, trigger, spans[0]);
        // A clause that lists several dates for one kind ("X was adviser from 1885 to 1890,
        // Y worked there from 1884 to 1888") tells one event per trigger, each with its date.
        if spans.len() > 1 && clause_units.len() >= spans.len() {
            let mut taken = vec![false; clause_units.len()];
            let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
            for (ti, t) in spans.iter().enumerate() {
                for (ui, u) in clause_units.iter().enumerate() {
                    pairs.push((distance(*t, u.span), ti, ui));
                }
            }
            pairs.sort();
            let mut assigned: Vec<Option<usize>> = vec![None; spans.len()];
            for (_, ti, ui) in pairs {
                if assigned[ti].is_none() && !taken[ui] {
                    assigned[ti] = Some(ui);
                    taken[ui] = true;
                }
            }
            return spans
                .iter()
                .zip(assigned)
                .map(|(span, unit)| {
                    let mut event = self.event(cx, clause, trigger, *span, actors.clone());
                    if let Some(unit) = unit.and_then(|u| clause_units.get(u)) {
                        event.when = Some(unit.value.clone());
                        event.when_source = WhenSource::Sentence;
                    }
                    event
                })
                .collect();
        }
        let _ = sentence_text;
        vec![self.event(cx, clause, trigger, spans[0], actors)]
    }

    fn event(&self, cx: &SentenceContext, clause: Span, trigger: &Trigger, span: Span, actors: Vec<String>) -> Event {
        let info = self.resources.kinds.get(&trigger.kind);
        let (when, when_source) = self.when(cx, clause, span);
        let before = &cx.doc.text[clause.start..span.start];
        let negated = NEGATION.as_ref().is_some_and(|r| r.is_match(before));
        let modal = MODALITY.as_ref().and_then(|r| r.find(before)).map(|m| m.as_str().to_lowercase());
        let modality = match modal {
            Some(m) if m.starts_with("could") || m.starts_with("may") || m.starts_with("might") => "possible",
            Some(_) => "planned",
            None => "asserted",
        };
        let in_clause = |m: &&Mention| clause.contains(&m.span);
        let place = cx
            .mentions
            .iter()
            .filter(in_clause)
            .find(|m| m.kind == EntityKind::Place && m.span.start >= span.start)
            .or_else(|| cx.mentions.iter().filter(in_clause).find(|m| m.kind == EntityKind::Place))
            .map(|m| m.name.clone());
        let participants = cx
            .mentions
            .iter()
            .filter(in_clause)
            .filter(|m| m.kind == EntityKind::Person)
            .map(|m| Participant {
                name: m.name.clone(),
                role: m.role.clone(),
                state: m.code.clone(),
            })
            .collect();
        let instrument = cx
            .mentions
            .iter()
            .filter(|m| cx.span.contains(&m.span) && m.kind == EntityKind::Treaty)
            .min_by_key(|m| distance(span, m.span))
            .map(|m| m.name.clone());
        Event {
            kind: trigger.kind.clone(),
            actors,
            when,
            when_source,
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
    fn actors(&self, cx: &SentenceContext, clause: Span, trigger: &Trigger, span: Span) -> Vec<String> {
        let mut codes = states_in(cx.mentions, clause);
        if codes.is_empty() {
            // No state named in the clause: the people and places in it stand for theirs.
            codes = codes_of(cx.mentions, clause, &[EntityKind::Person, EntityKind::Place]);
        }
        if codes.is_empty() {
            codes = states_in(cx.mentions, cx.span);
        }
        if codes.is_empty() {
            codes = codes_of(cx.mentions, cx.span, &[EntityKind::Person, EntityKind::Place]);
        }
        // The acting state: the nearest one named before the trigger in the clause.
        if let Some(subject) = cx
            .mentions
            .iter()
            .filter(|m| clause.contains(&m.span) && m.span.end <= span.start && m.kind == EntityKind::State)
            .filter_map(|m| m.code.clone())
            .next_back()
        {
            if let Some(position) = codes.iter().position(|c| *c == subject) {
                let code = codes.remove(position);
                codes.insert(0, code);
            }
        }
        if trigger.unilateral {
            codes.truncate(codes.len().min(2));
            return codes;
        }
        // In a relations article the dyad is the default cast of a bilateral event.
        if cx.dyad.len() == 2 {
            let present = cx.dyad.iter().filter(|d| codes.contains(d)).count();
            if present == 0 {
                let mut with_dyad = cx.dyad.to_vec();
                with_dyad.extend(codes);
                codes = with_dyad;
            } else if present == 1 && codes.len() == 1 {
                if let Some(partner) = cx.dyad.iter().find(|d| !codes.contains(d)) {
                    codes.push(partner.clone());
                }
            }
        }
        codes
    }

    /// The governing date: a date in the clause nearest the trigger, else a period named in it,
    /// else the nearest date of the sentence, else the narrative's year, else the section's span.
    fn when(&self, cx: &SentenceContext, clause: Span, trigger: Span) -> (Option<String>, WhenSource) {
        let nearest = |scope: Span| cx.units.iter().filter(|u| scope.contains(&u.span)).min_by_key(|u| distance(trigger, u.span));
        if let Some(unit) = nearest(clause) {
            return (Some(unit.value.clone()), WhenSource::Sentence);
        }
        if let Some(period) = cx.tagging.periods.iter().filter(|p| clause.contains(&p.span)).min_by_key(|p| distance(trigger, p.span)) {
            if let Some(value) = period.interval() {
                return (Some(value), WhenSource::Period);
            }
        }
        if let Some(unit) = nearest(cx.span) {
            return (Some(unit.value.clone()), WhenSource::Sentence);
        }
        if let Some(year) = narrative_year(cx.units, cx.span.start) {
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

struct SentenceContext<'a> {
    doc: &'a Document,
    span: Span,
    section_path: &'a [String],
    tagging: &'a Tagging,
    mentions: &'a [Mention],
    units: &'a [DateUnit],
    dyad: &'a [String],
    section_time: Option<dyad_time::SectionTime>,
}

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
    if let Some(regex) = CLAUSE_BREAK.as_ref() {
        for m in regex.find_iter(text) {
            if m.start() > start {
                out.push(Span::new(start, m.start()));
            }
            start = m.start();
        }
    }
    out.push(Span::new(start, text.len()));
    out
}

fn states_in(mentions: &[Mention], scope: Span) -> Vec<String> {
    codes_of(mentions, scope, &[EntityKind::State])
}

fn codes_of(mentions: &[Mention], scope: Span, kinds: &[EntityKind]) -> Vec<String> {
    let mut codes: Vec<String> = Vec::new();
    for mention in mentions.iter().filter(|m| scope.contains(&m.span) && kinds.contains(&m.kind)) {
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
fn date_units(doc: &Document, tagging: &Tagging, mentions: &[Mention]) -> Vec<DateUnit> {
    let text = doc.text.as_str();
    let headings: Vec<Span> = doc.sections.iter().filter_map(|s| s.heading).collect();
    let range_ends: Vec<usize> = tagging.intervals.iter().map(|i| i.second).collect();
    let mut units = Vec::new();
    for (index, timex) in tagging.timexes.iter().enumerate() {
        if !matches!(timex.kind, TimexType::Date | TimexType::Time) || range_ends.contains(&index) {
            continue;
        }
        if headings.iter().any(|h| h.contains(&timex.span)) || timex.value.contains("REF") || timex.value.starts_with('X') {
            continue;
        }
        let (span, value) = match tagging.intervals.iter().find(|i| i.first == index) {
            Some(interval) => {
                let second = &tagging.timexes[interval.second];
                (Span::new(timex.span.start, second.span.end), interval.value.clone())
            }
            None => (timex.span, timex.value.clone()),
        };
        // A parenthesis right after a person's name holds a life span, not an event date.
        let before = text[..span.start].trim_end();
        if before.ends_with('(') {
            let before_paren = before[..before.len() - 1].trim_end();
            if mentions.iter().any(|m| m.kind == EntityKind::Person && m.span.end == before_paren.len()) {
                continue;
            }
        }
        units.push(DateUnit { span, value });
    }
    units
}

/// The year the narrative has reached before `offset`, from the last dated expression that
/// names a year (not a decade or a period).
fn narrative_year(units: &[DateUnit], offset: usize) -> Option<String> {
    units
        .iter()
        .filter(|u| u.span.end <= offset)
        .filter_map(|u| {
            let first = u.value.split('/').next_back()?;
            dyad_time::value::RefTime::parse(first).map(|r| dyad_time::value::format_year(r.year))
        })
        .next_back()
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
fn merge(events: Vec<Event>) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::new();
    for event in events {
        let same = out.iter_mut().find(|e| {
            e.kind == event.kind
                && e.evidence.iter().all(|ev| ev.span != event.evidence[0].span)
                && {
                    let mut a = e.actors.clone();
                    let mut b = event.actors.clone();
                    a.sort();
                    b.sort();
                    a == b
                }
                && e.when_source == WhenSource::Sentence
                && event.when_source == WhenSource::Sentence
                && compatible(&e.when, &event.when)
        });
        match same {
            Some(existing) => {
                if event.when.as_ref().map_or(0, String::len) > existing.when.as_ref().map_or(0, String::len) {
                    existing.when = event.when.clone();
                }
                existing.evidence.extend(event.evidence);
            }
            None => out.push(event),
        }
    }
    out
}
