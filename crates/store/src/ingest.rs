//! Writing one document and everything extracted from it, in one transaction.

use crate::{content_hash, year_bounds, Store, StoreError};
use dyad_event::Extraction;
use dyad_read::Document;
use rusqlite::{params, OptionalExtension};

/// What ingesting a document did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IngestOutcome {
    Added { document_id: i64, events: usize },
    Replaced { document_id: i64, events: usize },
    Unchanged { document_id: i64 },
}

impl IngestOutcome {
    pub fn written(&self) -> bool {
        !matches!(self, IngestOutcome::Unchanged { .. })
    }
}

impl Store {
    /// Store a document and its extraction. Unchanged content (same source, title and hash) is
    /// left alone; changed content replaces the old rows in the same transaction.
    pub fn ingest(
        &mut self,
        doc: &Document,
        extraction: &Extraction,
    ) -> Result<IngestOutcome, StoreError> {
        let hash = content_hash(&doc.text);
        let source = if doc.source.is_empty() {
            doc.title.clone()
        } else {
            doc.source.clone()
        };
        let transaction = self.connection.transaction()?;
        let existing: Option<(i64, String)> = transaction
            .query_row(
                "SELECT id, content_hash FROM documents WHERE source = ?1 AND title = ?2",
                params![source, doc.title],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if let Some((id, old_hash)) = &existing {
            if *old_hash == hash {
                return Ok(IngestOutcome::Unchanged { document_id: *id });
            }
            transaction.execute("DELETE FROM documents WHERE id = ?1", params![id])?;
        }
        transaction.execute(
            "INSERT INTO documents (title, source, page_id, revision_id, content_hash, dyad, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![doc.title, source, doc.page_id.map(|v| v as i64), doc.revision_id.map(|v| v as i64), hash, extraction.dyad.join("-"), doc.text],
        )?;
        let document_id = transaction.last_insert_rowid();
        {
            let mut section = transaction.prepare_cached("INSERT INTO sections (document_id, position, path, start, end) VALUES (?1, ?2, ?3, ?4, ?5)")?;
            for (position, s) in doc.sections.iter().enumerate() {
                section.execute(params![
                    document_id,
                    position as i64,
                    s.path.join(" / "),
                    s.span.start as i64,
                    s.span.end as i64
                ])?;
            }
            let mut sentence = transaction.prepare_cached("INSERT INTO sentences (document_id, section, start, end, text) VALUES (?1, ?2, ?3, ?4, ?5)")?;
            let mut sentence_ids = Vec::with_capacity(extraction.sentences.len());
            for s in &extraction.sentences {
                let path = doc
                    .sections
                    .get(s.section)
                    .map(|x| x.path.join(" / "))
                    .unwrap_or_default();
                sentence.execute(params![
                    document_id,
                    path,
                    s.span.start as i64,
                    s.span.end as i64,
                    doc.slice(s.span)
                ])?;
                sentence_ids.push((s.span, transaction.last_insert_rowid()));
            }
            let mut entity_insert = transaction.prepare_cached("INSERT OR IGNORE INTO entities (kind, name, code, wikidata, geonames) VALUES (?1, ?2, ?3, ?4, ?5)")?;
            let mut entity_select = transaction.prepare_cached(
                "SELECT id FROM entities WHERE kind = ?1 AND name = ?2 AND code = ?3",
            )?;
            let mut mention = transaction.prepare_cached("INSERT INTO mentions (document_id, entity_id, start, end, text, via, role, historical) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")?;
            for m in &extraction.mentions {
                let kind = format!("{:?}", m.kind).to_lowercase();
                let code = m.code.clone().unwrap_or_default();
                entity_insert.execute(params![
                    kind,
                    m.name,
                    code,
                    m.wikidata,
                    m.geonames.map(|g| g as i64)
                ])?;
                let entity_id: i64 =
                    entity_select.query_row(params![kind, m.name, code], |r| r.get(0))?;
                mention.execute(params![
                    document_id,
                    entity_id,
                    m.span.start as i64,
                    m.span.end as i64,
                    m.text,
                    m.via,
                    m.role,
                    m.historical
                ])?;
            }
            let mut timex = transaction.prepare_cached("INSERT INTO timexes (document_id, start, end, type, value, mod, quant, freq) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")?;
            for t in &extraction.timexes {
                timex.execute(params![
                    document_id,
                    t.span.start as i64,
                    t.span.end as i64,
                    t.kind.as_str(),
                    t.value,
                    t.modifier,
                    t.quant,
                    t.freq
                ])?;
            }
            let mut event = transaction.prepare_cached(
                "INSERT INTO events (document_id, kind, plover, cameo, goldstein, when_value, year_from, year_to, when_source, place, instrument, polarity, modality, frame) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            )?;
            let mut actor = transaction.prepare_cached(
                "INSERT INTO event_actors (event_id, position, code, role) VALUES (?1, ?2, ?3, ?4)",
            )?;
            let mut evidence = transaction.prepare_cached(
                "INSERT INTO evidence (event_id, sentence_id, section, start, end, trigger, trigger_start, trigger_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?;
            let mut participant = transaction.prepare_cached(
                "INSERT INTO participants (event_id, name, role, state) VALUES (?1, ?2, ?3, ?4)",
            )?;
            for e in &extraction.events {
                let bounds = e
                    .when
                    .as_deref()
                    .or(e.frame.as_deref())
                    .and_then(year_bounds);
                let when_source = serde_json::to_value(e.when_source)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default();
                event.execute(params![
                    document_id,
                    e.kind,
                    e.plover,
                    e.cameo,
                    e.goldstein,
                    e.when,
                    bounds.map(|b| b.0),
                    bounds.map(|b| b.1),
                    when_source,
                    e.place,
                    e.instrument,
                    e.polarity,
                    e.modality,
                    e.frame
                ])?;
                let event_id = transaction.last_insert_rowid();
                for (position, code) in e.actors.iter().enumerate() {
                    let role = match position {
                        0 => "source",
                        1 => "target",
                        _ => "third",
                    };
                    actor.execute(params![event_id, position as i64, code, role])?;
                }
                for ev in &e.evidence {
                    let sentence_id = sentence_ids
                        .iter()
                        .find(|(span, _)| *span == ev.span)
                        .map(|(_, id)| *id);
                    evidence.execute(params![
                        event_id,
                        sentence_id,
                        ev.section.join(" / "),
                        ev.span.start as i64,
                        ev.span.end as i64,
                        ev.trigger,
                        ev.trigger_span.start as i64,
                        ev.trigger_span.end as i64
                    ])?;
                }
                for p in &e.participants {
                    participant.execute(params![event_id, p.name, p.role, p.state])?;
                }
            }
            let mut fact = transaction.prepare_cached(
                "INSERT INTO facts (document_id, fact, json) VALUES (?1, ?2, ?3)",
            )?;
            for f in &extraction.facts {
                let json = serde_json::to_value(f).unwrap_or_default();
                fact.execute(params![
                    document_id,
                    json["fact"].as_str().unwrap_or(""),
                    json.to_string()
                ])?;
            }
        }
        transaction.commit()?;
        let events = extraction.events.len();
        Ok(match existing {
            Some(_) => IngestOutcome::Replaced {
                document_id,
                events,
            },
            None => IngestOutcome::Added {
                document_id,
                events,
            },
        })
    }
}
