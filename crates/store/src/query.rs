//! Reading the knowledge base: events by actor, pair, kind, years and text; search; dyads;
//! entities. Every query is parameterised.

use crate::{Store, StoreError};
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, OptionalExtension, Row};
use serde::Serialize;
use std::collections::BTreeMap;
use std::collections::HashMap;

/// Which events to return.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    /// ISO alpha-3 codes that must all take part.
    pub actors: Vec<String>,
    /// Kinds to keep (any of them); empty keeps all.
    pub kinds: Vec<String>,
    /// Years the event's date must overlap.
    pub from: Option<i64>,
    pub to: Option<i64>,
    /// FTS5 query over the evidence sentences.
    pub text: Option<String>,
    /// Only events the text reports as having happened.
    pub factual_only: bool,
    pub limit: Option<usize>,
    pub offset: usize,
}

impl EventFilter {
    /// Kinds from a comma-separated list ("alliance,treaty"), blanks dropped.
    pub fn parse_kinds(list: &str) -> Vec<String> {
        list.split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect()
    }
}

/// One event as stored.
#[derive(Debug, Clone, Serialize)]
pub struct EventRow {
    pub id: i64,
    pub doc: String,
    pub document_id: i64,
    pub kind: String,
    pub when: Option<String>,
    pub year_from: Option<i64>,
    pub year_to: Option<i64>,
    pub when_source: String,
    /// The section heading's span, for an event the text gives no date of its own.
    pub frame: Option<String>,
    pub actors: Vec<String>,
    pub place: Option<String>,
    pub instrument: Option<String>,
    pub plover: Option<String>,
    pub cameo: Option<String>,
    pub goldstein: f64,
    pub polarity: String,
    pub modality: String,
    pub section: String,
    pub sentence: String,
    pub span: [i64; 2],
    pub trigger: String,
    pub trigger_span: [i64; 2],
    pub participants: Vec<serde_json::Value>,
    /// Every sentence the event is told in.
    pub evidence: Vec<serde_json::Value>,
}

impl EventRow {
    /// The row an extracted event would be stored as (`id` is its position, from 1), so that
    /// `dyad extract` and the exports build the output contract in one place.
    pub fn from_event(doc: &str, index: usize, event: &dyad_event::Event) -> EventRow {
        let bounds = event
            .when
            .as_deref()
            .or(event.frame.as_deref())
            .and_then(crate::year_bounds);
        let first = event.evidence.first();
        let span = |s: dyad_read::Span| [s.start as i64, s.end as i64];
        EventRow {
            id: index as i64 + 1,
            doc: doc.to_string(),
            document_id: 0,
            kind: event.kind.clone(),
            when: event.when.clone(),
            year_from: bounds.map(|b| b.0),
            year_to: bounds.map(|b| b.1),
            when_source: serde_json::to_value(event.when_source).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default(),
            frame: event.frame.clone(),
            actors: event.actors.clone(),
            place: event.place.clone(),
            instrument: event.instrument.clone(),
            plover: event.plover.clone(),
            cameo: event.cameo.clone(),
            goldstein: event.goldstein,
            polarity: event.polarity.to_string(),
            modality: event.modality.to_string(),
            section: first.map(|e| e.section.join(" / ")).unwrap_or_default(),
            sentence: first.map(|e| e.sentence.clone()).unwrap_or_default(),
            span: first.map(|e| span(e.span)).unwrap_or([0, 0]),
            trigger: first.map(|e| e.trigger.clone()).unwrap_or_default(),
            trigger_span: first.map(|e| span(e.trigger_span)).unwrap_or([0, 0]),
            participants: event.participants.iter().filter_map(|p| serde_json::to_value(p).ok()).collect(),
            evidence: event
                .evidence
                .iter()
                .map(|e| serde_json::json!({"section": e.section.join(" / "), "sentence": e.sentence, "span": span(e.span), "trigger": e.trigger, "trigger_span": span(e.trigger_span)}))
                .collect(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct SearchHit {
    pub sentence_id: i64,
    pub doc: String,
    pub section: String,
    pub snippet: String,
    pub span: [i64; 2],
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct DecadeCounts {
    pub decade: i64,
    pub cooperation: usize,
    pub conflict: usize,
    pub neutral: usize,
    /// Mean Goldstein weight of the decade's events (−10 … +10).
    pub mean_goldstein: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct DyadRow {
    pub pair: [String; 2],
    pub events: usize,
    /// (cooperation − conflict) / events, −1 … +1.
    pub cooperation_index: f64,
    pub decades: Vec<DecadeCounts>,
}

/// A stored TIMEX3: start, end, type, value, mod.
pub type StoredTimex = (i64, i64, String, String, Option<String>);

#[derive(Debug, Clone, Serialize)]
pub struct EntityRow {
    pub id: i64,
    pub kind: String,
    pub name: String,
    pub code: Option<String>,
    pub wikidata: Option<String>,
    pub geonames: Option<i64>,
    pub mentions: i64,
}

const EVENT_COLUMNS: &str = "e.id, d.title, d.id, e.kind, e.when_value, e.year_from, e.year_to, e.when_source, e.place, e.instrument, e.plover, e.cameo, e.goldstein, e.polarity, e.modality, e.frame";

fn map_fts_error(query: &str, err: rusqlite::Error) -> StoreError {
    let message = err.to_string();
    if message.contains("fts5")
        || message.contains("syntax error")
        || message.contains("no such column")
        || message.contains("unterminated")
    {
        StoreError::QuerySyntax {
            query: query.to_string(),
            message,
        }
    } else {
        StoreError::Sql(err)
    }
}

/// Event ids per batched query (SQLite allows thousands of parameters; pages are ≤ 500).
const FILL_CHUNK: usize = 500;

impl Store {
    /// Events matching the filter, in date order (undated last).
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<EventRow>, StoreError> {
        let mut sql = format!("SELECT {EVENT_COLUMNS} FROM events e JOIN documents d ON d.id = e.document_id WHERE 1 = 1");
        let mut values: Vec<Value> = Vec::new();
        for code in &filter.actors {
            sql.push_str(" AND e.id IN (SELECT event_id FROM event_actors WHERE code = ?)");
            values.push(Value::Text(code.clone()));
        }
        if !filter.kinds.is_empty() {
            sql.push_str(&format!(
                " AND e.kind IN ({})",
                vec!["?"; filter.kinds.len()].join(", ")
            ));
            values.extend(filter.kinds.iter().map(|k| Value::Text(k.clone())));
        }
        if let Some(from) = filter.from {
            sql.push_str(" AND e.year_to >= ?");
            values.push(Value::Integer(from));
        }
        if let Some(to) = filter.to {
            sql.push_str(" AND e.year_from <= ?");
            values.push(Value::Integer(to));
        }
        if filter.factual_only {
            sql.push_str(" AND e.polarity = 'positive' AND e.modality = 'asserted'");
        }
        if let Some(text) = &filter.text {
            sql.push_str(" AND e.id IN (SELECT ev.event_id FROM evidence ev JOIN sentences_fts f ON f.rowid = ev.sentence_id WHERE sentences_fts MATCH ?)");
            values.push(Value::Text(text.clone()));
        }
        sql.push_str(
            " ORDER BY e.year_from IS NULL, e.year_from, e.year_to, e.id LIMIT ? OFFSET ?",
        );
        values.push(Value::Integer(filter.limit.map_or(-1, |l| l as i64)));
        values.push(Value::Integer(filter.offset as i64));
        let mut statement = self.connection().prepare(&sql)?;
        let rows = statement
            .query_map(params_from_iter(values.iter()), |row| self.event_row(row))
            .map_err(|e| map_fts_error(filter.text.as_deref().unwrap_or(""), e))?;
        let mut out = Vec::new();
        for row in rows {
            out.push(row.map_err(|e| map_fts_error(filter.text.as_deref().unwrap_or(""), e))?);
        }
        self.fill_events(&mut out)?;
        Ok(out)
    }

    /// One event with all its evidence.
    pub fn event(&self, id: i64) -> Result<EventRow, StoreError> {
        let sql = format!("SELECT {EVENT_COLUMNS} FROM events e JOIN documents d ON d.id = e.document_id WHERE e.id = ?1");
        let row = self
            .connection()
            .query_row(&sql, params![id], |row| self.event_row(row))
            .optional()?;
        let event = row.ok_or(StoreError::NoSuchEvent(id))?;
        let mut events = [event];
        self.fill_events(&mut events)?;
        let [event] = events;
        Ok(event)
    }

    fn event_row(&self, row: &Row) -> rusqlite::Result<EventRow> {
        Ok(EventRow {
            id: row.get(0)?,
            doc: row.get(1)?,
            document_id: row.get(2)?,
            kind: row.get(3)?,
            when: row.get(4)?,
            year_from: row.get(5)?,
            year_to: row.get(6)?,
            when_source: row.get(7)?,
            frame: row.get(15)?,
            actors: Vec::new(),
            place: row.get(8)?,
            instrument: row.get(9)?,
            plover: row.get(10)?,
            cameo: row.get(11)?,
            goldstein: row.get(12)?,
            polarity: row.get(13)?,
            modality: row.get(14)?,
            section: String::new(),
            sentence: String::new(),
            span: [0, 0],
            trigger: String::new(),
            trigger_span: [0, 0],
            participants: Vec::new(),
            evidence: Vec::new(),
        })
    }

    /// Actors, evidence and participants of a page of events: three queries per page (by
    /// chunks of event ids), not three per event.
    fn fill_events(&self, events: &mut [EventRow]) -> Result<(), StoreError> {
        let connection = self.connection();
        let mut texts: HashMap<i64, String> = HashMap::new();
        for chunk in events.chunks_mut(FILL_CHUNK) {
            let ids: Vec<Value> = chunk.iter().map(|e| Value::Integer(e.id)).collect();
            let marks = vec!["?"; ids.len()].join(", ");
            let position: HashMap<i64, usize> =
                chunk.iter().enumerate().map(|(i, e)| (e.id, i)).collect();
            let mut actors = connection.prepare_cached(&format!(
                "SELECT event_id, code FROM event_actors WHERE event_id IN ({marks}) ORDER BY event_id, position"
            ))?;
            let rows = actors.query_map(params_from_iter(ids.iter()), |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })?;
            for row in rows {
                let (id, code) = row?;
                if let Some(&i) = position.get(&id) {
                    chunk[i].actors.push(code);
                }
            }
            let mut evidence = connection.prepare_cached(&format!(
                "SELECT event_id, section, start, end, trigger, trigger_start, trigger_end FROM evidence WHERE event_id IN ({marks}) ORDER BY event_id, id"
            ))?;
            let rows: Vec<(i64, String, i64, i64, String, i64, i64)> = evidence
                .query_map(params_from_iter(ids.iter()), |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                        r.get(6)?,
                    ))
                })?
                .collect::<Result<_, _>>()?;
            for (id, section, start, end, trigger, trigger_start, trigger_end) in rows {
                let Some(&i) = position.get(&id) else {
                    continue;
                };
                let event = &mut chunk[i];
                // SQLite's substr counts characters, not bytes: slice the text in Rust instead;
                // each document's text is read once, however many of its events are returned.
                if let std::collections::hash_map::Entry::Vacant(slot) =
                    texts.entry(event.document_id)
                {
                    let text: String = connection.query_row(
                        "SELECT text FROM documents WHERE id = ?1",
                        params![event.document_id],
                        |r| r.get(0),
                    )?;
                    slot.insert(text);
                }
                let text = texts
                    .get(&event.document_id)
                    .map(String::as_str)
                    .unwrap_or("");
                let sentence = text
                    .get(start as usize..end as usize)
                    .unwrap_or("")
                    .to_string();
                if event.evidence.is_empty() {
                    event.section = section.clone();
                    event.sentence = sentence.clone();
                    event.span = [start, end];
                    event.trigger = trigger.clone();
                    event.trigger_span = [trigger_start, trigger_end];
                }
                event.evidence.push(serde_json::json!({"section": section, "sentence": sentence, "span": [start, end], "trigger": trigger, "trigger_span": [trigger_start, trigger_end]}));
            }
            let mut participants = connection.prepare_cached(&format!(
                "SELECT event_id, name, role, state FROM participants WHERE event_id IN ({marks}) ORDER BY event_id, rowid"
            ))?;
            let rows = participants.query_map(params_from_iter(ids.iter()), |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    serde_json::json!({"name": r.get::<_, String>(1)?, "role": r.get::<_, Option<String>>(2)?, "state": r.get::<_, Option<String>>(3)?}),
                ))
            })?;
            for row in rows {
                let (id, participant) = row?;
                if let Some(&i) = position.get(&id) {
                    chunk[i].participants.push(participant);
                }
            }
        }
        Ok(())
    }

    /// Full-text search over sentences, best first, with `[`…`]` around the matched words.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        let mut statement = self.connection().prepare_cached(
            "SELECT s.id, d.title, s.section, snippet(sentences_fts, 0, '[', ']', '…', 16), s.start, s.end \
             FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid JOIN documents d ON d.id = s.document_id \
             WHERE sentences_fts MATCH ?1 ORDER BY rank LIMIT ?2",
        )?;
        let rows = statement
            .query_map(params![query, limit as i64], |r| {
                Ok(SearchHit {
                    sentence_id: r.get(0)?,
                    doc: r.get(1)?,
                    section: r.get(2)?,
                    snippet: r.get(3)?,
                    span: [r.get(4)?, r.get(5)?],
                })
            })
            .map_err(|e| map_fts_error(query, e))?;
        rows.collect::<Result<Vec<_>, _>>()
            .map_err(|e| map_fts_error(query, e))
    }

    /// Every pair of states that share events, with counts and a cooperation–conflict index
    /// per decade (from the Goldstein weights of the events' kinds).
    pub fn dyads(&self) -> Result<Vec<DyadRow>, StoreError> {
        let events = self.events(&EventFilter {
            factual_only: true,
            ..Default::default()
        })?;
        let mut pairs: BTreeMap<(String, String), Vec<&EventRow>> = BTreeMap::new();
        for event in &events {
            let mut actors = event.actors.clone();
            actors.sort();
            actors.dedup();
            for i in 0..actors.len() {
                for j in i + 1..actors.len() {
                    pairs
                        .entry((actors[i].clone(), actors[j].clone()))
                        .or_default()
                        .push(event);
                }
            }
        }
        let mut out: Vec<DyadRow> = pairs
            .into_iter()
            .map(|((a, b), events)| {
                let mut decades: BTreeMap<i64, (DecadeCounts, f64)> = BTreeMap::new();
                let (mut cooperation, mut conflict) = (0usize, 0usize);
                for e in &events {
                    if e.goldstein > 0.0 {
                        cooperation += 1;
                    } else if e.goldstein < 0.0 {
                        conflict += 1;
                    }
                    let Some(year) = e.year_from.filter(|y| *y > -10_000) else {
                        continue;
                    };
                    let decade = year.div_euclid(10) * 10;
                    let (counts, sum) = decades.entry(decade).or_insert_with(|| {
                        (
                            DecadeCounts {
                                decade,
                                ..Default::default()
                            },
                            0.0,
                        )
                    });
                    match e.goldstein {
                        g if g > 0.0 => counts.cooperation += 1,
                        g if g < 0.0 => counts.conflict += 1,
                        _ => counts.neutral += 1,
                    }
                    *sum += e.goldstein;
                }
                let decades = decades
                    .into_values()
                    .map(|(mut counts, sum)| {
                        let n = counts.cooperation + counts.conflict + counts.neutral;
                        counts.mean_goldstein = if n == 0 { 0.0 } else { sum / n as f64 };
                        counts
                    })
                    .collect();
                DyadRow {
                    pair: [a, b],
                    events: events.len(),
                    cooperation_index: if events.is_empty() {
                        0.0
                    } else {
                        (cooperation as f64 - conflict as f64) / events.len() as f64
                    },
                    decades,
                }
            })
            .collect();
        out.sort_by(|x, y| y.events.cmp(&x.events).then(x.pair.cmp(&y.pair)));
        Ok(out)
    }

    /// Entities with their mention counts, most mentioned first.
    pub fn entities(&self, kind: Option<&str>, limit: usize) -> Result<Vec<EntityRow>, StoreError> {
        let mut statement = self.connection().prepare_cached(
            "SELECT en.id, en.kind, en.name, en.code, en.wikidata, en.geonames, count(m.id) AS n FROM entities en JOIN mentions m ON m.entity_id = en.id \
             WHERE (?1 IS NULL OR en.kind = ?1) GROUP BY en.id ORDER BY n DESC, en.name LIMIT ?2",
        )?;
        let rows = statement.query_map(params![kind, limit as i64], |r| {
            let code: String = r.get(3)?;
            Ok(EntityRow {
                id: r.get(0)?,
                kind: r.get(1)?,
                name: r.get(2)?,
                code: (!code.is_empty()).then_some(code),
                wikidata: r.get(4)?,
                geonames: r.get(5)?,
                mentions: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Standing facts (missions, nationals abroad, memberships), optionally of one type and
    /// naming one state in any role, each with its document's title.
    pub fn facts(
        &self,
        fact: Option<&str>,
        state: Option<&str>,
        limit: usize,
    ) -> Result<Vec<serde_json::Value>, StoreError> {
        let mut statement = self.connection().prepare_cached(
            "SELECT d.title, f.json FROM facts f JOIN documents d ON d.id = f.document_id \
             WHERE (?1 IS NULL OR f.fact = ?1) \
             AND (?2 IS NULL OR ?2 IN (json_extract(f.json, '$.holder'), json_extract(f.json, '$.host'), \
                  json_extract(f.json, '$.member'), json_extract(f.json, '$.nationals_of'), json_extract(f.json, '$.residing_in'))) \
             ORDER BY f.id LIMIT ?3",
        )?;
        let rows = statement.query_map(params![fact, state, limit as i64], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (title, json) = row?;
            let mut value: serde_json::Value =
                serde_json::from_str(&json).unwrap_or(serde_json::Value::Null);
            if let Some(object) = value.as_object_mut() {
                object.insert("doc".into(), serde_json::Value::String(title));
                out.push(value);
            }
        }
        Ok(out)
    }

    /// The stored title, text and TIMEX3s of a document, for TimeML export.
    pub fn document_timexes(
        &self,
        document_id: i64,
    ) -> Result<(String, String, Vec<StoredTimex>), StoreError> {
        let (title, text): (String, String) = self.connection().query_row(
            "SELECT title, text FROM documents WHERE id = ?1",
            params![document_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let mut statement = self.connection().prepare_cached("SELECT start, end, type, value, mod FROM timexes WHERE document_id = ?1 ORDER BY start")?;
        let timexes = statement
            .query_map(params![document_id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?
            .collect::<Result<_, _>>()?;
        Ok((title, text, timexes))
    }
}
