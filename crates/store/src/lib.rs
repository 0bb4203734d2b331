//! The sixth stage of dyad: the knowledge base, an embedded SQLite database.
//!
//! [`Store`] keeps documents, sections, sentences (with an FTS5 index), entity mentions and
//! entities, TIMEX3s, events with their actors, evidence and participants, and facts. Each
//! document is written in one transaction: re-ingesting an unchanged document (same content
//! hash) is a no-op, a changed one replaces its rows atomically, and a crash mid-ingest leaves
//! every committed document intact. Queries ([`EventFilter`]) and exports ([`export`]) read it;
//! the `serve` stage and the command line are its users.
//!
//! ```
//! let mut store = dyad_store::Store::open_in_memory().unwrap();
//! let extractor = dyad_event::Extractor::new().unwrap();
//! let doc = dyad_read::parse_plain("= Chile–Peru relations =\nIn 1879, Chile declared war on Peru.\n", "x");
//! let extraction = extractor.extract(&doc);
//! assert!(store.ingest(&doc, &extraction).unwrap().written());
//! let events = store.events(&dyad_store::EventFilter::default()).unwrap();
//! assert_eq!(events[0].kind, "conflict");
//! assert!(!store.ingest(&doc, &extraction).unwrap().written()); // unchanged: a no-op
//! ```

pub mod export;
mod ingest;
mod query;
mod schema;

pub use ingest::IngestOutcome;
pub use query::{DecadeCounts, DyadRow, EntityRow, EventFilter, EventRow, SearchHit};

use rusqlite::Connection;
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database {path}: {source}")]
    Open {
        path: String,
        #[source]
        source: rusqlite::Error,
    },
    #[error("database: {0}")]
    Sql(#[from] rusqlite::Error),
    #[error(
        "database {path} was written by a newer dyad (schema {found}, this build knows {known})"
    )]
    NewerSchema {
        path: String,
        found: i64,
        known: i64,
    },
    #[error("search query {query:?} is not valid FTS5 syntax: {message}")]
    QuerySyntax { query: String, message: String },
    #[error("no event {0}")]
    NoSuchEvent(i64),
    #[error("export: {0}")]
    Export(String),
}

/// The knowledge base.
pub struct Store {
    connection: Connection,
    path: String,
}

impl Store {
    /// Open (creating and migrating if needed) the database at `path`.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let name = path.display().to_string();
        let connection = Connection::open(path).map_err(|source| StoreError::Open {
            path: name.clone(),
            source,
        })?;
        Store::setup(connection, name)
    }

    pub fn open_in_memory() -> Result<Store, StoreError> {
        Store::setup(Connection::open_in_memory()?, ":memory:".into())
    }

    fn setup(connection: Connection, path: String) -> Result<Store, StoreError> {
        connection.busy_timeout(std::time::Duration::from_secs(5))?;
        connection.pragma_update(None, "foreign_keys", "ON")?;
        // WAL keeps readers (the server) going while a writer ingests; NORMAL sync is safe
        // with WAL: a crash loses at most the last transaction, never a committed document.
        let _ = connection.pragma_update(None, "journal_mode", "WAL");
        connection.pragma_update(None, "synchronous", "NORMAL")?;
        let mut store = Store { connection, path };
        schema::migrate(&mut store.connection, &store.path)?;
        Ok(store)
    }

    pub fn path(&self) -> &str {
        &self.path
    }

    pub(crate) fn connection(&self) -> &Connection {
        &self.connection
    }

    /// SQLite's own consistency check: `"ok"` when the file is sound.
    pub fn integrity_check(&self) -> Result<String, StoreError> {
        Ok(self
            .connection
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }

    /// Documents that have no sentences: a half-written document would show up here.
    pub fn documents_without_sentences(&self) -> Result<i64, StoreError> {
        Ok(self.connection.query_row("SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.document_id = d.id)", [], |r| r.get(0))?)
    }

    /// Number of documents stored.
    pub fn document_count(&self) -> Result<i64, StoreError> {
        Ok(self
            .connection
            .query_row("SELECT count(*) FROM documents", [], |r| r.get(0))?)
    }
}

/// A stable 64-bit FNV-1a hash of a document's text, as hex: "is this the same content?".
pub fn content_hash(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.as_bytes() {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// The years a TimeML value or interval covers, for range queries: `1866-08-25` → 1866–1866,
/// `193` → 1930–1939, `1918/1922` → 1918–1922, `1945/PRESENT_REF` → 1945–9999.
pub fn year_bounds(value: &str) -> Option<(i64, i64)> {
    match value.split_once('/') {
        Some((a, b)) => {
            let start = if a.is_empty() {
                i64::MIN / 2
            } else {
                dyad_time::value_years(a)?.0
            };
            let end = match b {
                "PRESENT_REF" | "" => 9999,
                b => dyad_time::value_years(b)?.1,
            };
            Some((start, end))
        }
        None => dyad_time::value_years(value),
    }
}
