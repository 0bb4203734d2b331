//! The schema, as numbered migrations applied in order and recorded in `PRAGMA user_version`.

use crate::StoreError;
use rusqlite::Connection;

const MIGRATIONS: &[&str] = &[
    // 1: the knowledge base.
    r#"
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        source TEXT NOT NULL,
        page_id INTEGER,
        revision_id INTEGER,
        content_hash TEXT NOT NULL,
        dyad TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        ingested_at TEXT NOT NULL DEFAULT (datetime('now')),
        UNIQUE (source, title)
    );
    CREATE TABLE sections (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        path TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL
    );
    CREATE TABLE sentences (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        section TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL
    );
    CREATE INDEX sentences_document ON sentences(document_id, start);
    CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id');
    CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences BEGIN
        INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
    END;
    CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
        INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END;
    CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        code TEXT NOT NULL DEFAULT '',
        wikidata TEXT,
        geonames INTEGER,
        UNIQUE (kind, name, code)
    );
    CREATE TABLE mentions (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        entity_id INTEGER NOT NULL REFERENCES entities(id),
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        via TEXT NOT NULL,
        role TEXT,
        historical TEXT
    );
    CREATE INDEX mentions_entity ON mentions(entity_id);
    CREATE TABLE timexes (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        type TEXT NOT NULL,
        value TEXT NOT NULL,
        mod TEXT,
        quant TEXT,
        freq TEXT
    );
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        plover TEXT,
        cameo TEXT,
        goldstein REAL NOT NULL,
        when_value TEXT,
        year_from INTEGER,
        year_to INTEGER,
        when_source TEXT NOT NULL,
        place TEXT,
        instrument TEXT,
        polarity TEXT NOT NULL,
        modality TEXT NOT NULL
    );
    CREATE INDEX events_years ON events(year_from, year_to);
    CREATE INDEX events_kind ON events(kind);
    CREATE TABLE event_actors (
        event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        code TEXT NOT NULL,
        role TEXT NOT NULL,
        PRIMARY KEY (event_id, position)
    );
    CREATE INDEX event_actors_code ON event_actors(code);
    CREATE TABLE evidence (
        id INTEGER PRIMARY KEY,
        event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        sentence_id INTEGER REFERENCES sentences(id) ON DELETE CASCADE,
        section TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        trigger TEXT NOT NULL,
        trigger_start INTEGER NOT NULL,
        trigger_end INTEGER NOT NULL
    );
    CREATE INDEX evidence_event ON evidence(event_id);
    CREATE TABLE participants (
        event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        role TEXT,
        state TEXT
    );
    CREATE TABLE facts (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        fact TEXT NOT NULL,
        json TEXT NOT NULL
    );
    "#,
    // 2: a page of events reads its participants by event id.
    r#"
    CREATE INDEX IF NOT EXISTS participants_event ON participants(event_id);
    "#,
    // 3: the span of the section heading an undated event is told under (`frame`).
    r#"
    ALTER TABLE events ADD COLUMN frame TEXT;
    "#,
];

pub fn migrate(connection: &mut Connection, path: &str) -> Result<(), StoreError> {
    let version: i64 = connection.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let known = MIGRATIONS.len() as i64;
    if version > known {
        return Err(StoreError::NewerSchema {
            path: path.to_string(),
            found: version,
            known,
        });
    }
    for (index, migration) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        let transaction = connection.transaction()?;
        transaction.execute_batch(migration)?;
        transaction.pragma_update(None, "user_version", (index + 1) as i64)?;
        transaction.commit()?;
    }
    Ok(())
}
