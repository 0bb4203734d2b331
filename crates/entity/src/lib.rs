//! The fourth stage of dyad: recognise and link the entities that events are made of.
//!
//! In every sentence it finds, with byte spans:
//! - **states**: names, formal names, demonyms, historical polities mapped to the ISO 3166-1
//!   alpha-3 code of the state that continues them (the historical name is kept), and
//!   coreference of "the two countries" / "both nations" to the document's dyad;
//! - **places** with the state they are in (GeoNames cities and capitals);
//! - **people** with their title or role and, where the text gives it, their state;
//! - **organisations and alliances**; **named treaties and wars**, with years where known.
//!
//! Names come from data: ISO/CLDR country data generated from the `keshvar` crate, GeoNames
//! cities, and resource files for what no package has (see `resources/`). It hands the event
//! stage a list of [`Mention`]s.
//!
//! ```
//! let recogniser = dyad_entity::Recogniser::new().unwrap();
//! let doc = dyad_read::parse_plain("= Italy–Japan relations =\nThe Japanese Prime Minister Fumio Kishida visited Rome.\n", "x");
//! let mentions = recogniser.recognise(&doc);
//! let found: Vec<_> = mentions.iter().map(|m| (m.text.as_str(), m.code.as_deref())).collect();
//! assert_eq!(&found[2..], [("Japanese", Some("JPN")), ("Fumio Kishida", Some("JPN")), ("Rome", Some("ITA"))]);
//! ```

pub mod eval;
mod gazetteer;
mod patterns;
mod recognise;

pub use gazetteer::{EntityKind, Form, Gazetteer};
pub use recognise::{
    document_dyad, region_before_state, resolve_shared_names, successor_in, Mention, Recogniser,
};

#[derive(Debug, thiserror::Error)]
pub enum EntityError {
    #[error("entity resources: {0}")]
    Resource(String),
}
