//! The fifth stage of dyad: events between states, and standing facts, from relations prose.
//!
//! For each sentence — with its section, its TIMEX3s and its entity mentions — it finds the
//! events the sentence reports: the kind (from trigger patterns in `resources/triggers.tsv`),
//! the states taking part, the date that governs the clause (or the one inherited from the
//! narrative or the section heading, marked as such), the place, the people and the named
//! instrument, and whether it is negated or only planned. Each kind carries its PLOVER type,
//! CAMEO code and Goldstein weight (`resources/kinds.tsv`). Facts (diplomatic missions,
//! nationals abroad) come from `resources/facts.tsv`.
//!
//! It hands the store an [`Extraction`]: events with their evidence sentences and byte spans,
//! and facts.
//!
//! ```
//! let extractor = dyad_event::Extractor::new().unwrap();
//! let doc = dyad_read::parse_plain("= Chile–Peru relations =\nIn 1879, Chile declared war on Peru.\n", "x");
//! let extraction = extractor.extract(&doc);
//! let event = &extraction.events[0];
//! assert_eq!((event.kind.as_str(), event.when.as_deref()), ("conflict", Some("1879")));
//! assert_eq!(event.actors, ["CHL", "PER"]);
//! ```

pub mod eval;
mod extract;
mod facts;
pub mod resource;

pub use extract::Extractor;

use dyad_read::Span;
use serde::Serialize;

/// Where an event's date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum WhenSource {
    /// A date in the event's own sentence.
    Sentence,
    /// A named period in the sentence ("during the Cold War").
    Period,
    /// The date the narrative had reached (year precision).
    Narrative,
    /// The span of the section heading.
    Section,
    /// No date at all.
    None,
}

/// A sentence an event is stated in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    pub section: Vec<String>,
    pub sentence: String,
    pub span: Span,
    /// The words that triggered the event.
    pub trigger: String,
    pub trigger_span: Span,
}

/// A person taking part.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Participant {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
}

/// One event between states.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    pub kind: String,
    /// ISO 3166-1 alpha-3 codes, the acting state first where there is one.
    pub actors: Vec<String>,
    /// TimeML value or interval (`1866-08-25`, `193`, `1918/1922`).
    pub when: Option<String>,
    pub when_source: WhenSource,
    /// For an event dated only by its section heading (`when_source` `section`), the heading's
    /// span: where a timeline can place it. `when` stays null, since the text gives the
    /// event no date of its own.
    pub frame: Option<String>,
    pub place: Option<String>,
    pub participants: Vec<Participant>,
    /// The named treaty or pact.
    pub instrument: Option<String>,
    /// `negative` when the text says it did not happen.
    pub polarity: &'static str,
    /// `asserted`, or `planned` / `possible` for what was intended or might be.
    pub modality: &'static str,
    pub plover: Option<String>,
    pub cameo: Option<String>,
    pub goldstein: f64,
    /// The first is where it is told; more when the text tells it again.
    pub evidence: Vec<Evidence>,
}

impl Event {
    /// Whether the text reports the event as having happened.
    pub fn is_factual(&self) -> bool {
        self.polarity == "positive" && self.modality == "asserted"
    }
}

/// A standing fact: a diplomatic mission, nationals living abroad, or a membership.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "fact", rename_all = "lowercase")]
pub enum Fact {
    Mission {
        holder: String,
        host: String,
        kind: String,
        city: String,
        #[serde(skip)]
        span: Span,
    },
    Population {
        nationals_of: String,
        residing_in: String,
        count: u64,
        /// The year of the count; `None` where the text gives none ("Some 30,000 Italians
        /// live in Austria").
        as_of: Option<String>,
        #[serde(skip)]
        span: Span,
    },
    /// "Both countries are members of the Andean Community": a state and an organisation it
    /// belongs to (with the organisation's Wikidata id where known).
    Membership {
        member: String,
        organisation: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        wikidata: Option<String>,
        #[serde(skip)]
        span: Span,
    },
}

/// What the event stage hands on for one document.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Extraction {
    pub title: String,
    /// The two states the document is about.
    pub dyad: Vec<String>,
    pub events: Vec<Event>,
    pub facts: Vec<Fact>,
    /// The earlier stages' results, for the store.
    #[serde(skip)]
    pub timexes: Vec<dyad_time::Timex>,
    #[serde(skip)]
    pub mentions: Vec<dyad_entity::Mention>,
    #[serde(skip)]
    pub sentences: Vec<dyad_segment::Sentence>,
}
