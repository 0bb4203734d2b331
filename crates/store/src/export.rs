//! Exports in the formats of the field: JSON / JSON lines (dyad's contract), CSV, TimeML,
//! TimelineJS, GraphML and PLOVER.

use crate::{EventRow, Store, StoreError};
use serde_json::{json, Value};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Jsonl,
    Csv,
    Timeml,
    Timelinejs,
    Graphml,
    Plover,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Format, String> {
        Ok(match s {
            "json" => Format::Json,
            "jsonl" => Format::Jsonl,
            "csv" => Format::Csv,
            "timeml" => Format::Timeml,
            "timelinejs" => Format::Timelinejs,
            "graphml" => Format::Graphml,
            "plover" => Format::Plover,
            other => return Err(format!("unknown export format `{other}` (json, jsonl, csv, timeml, timelinejs, graphml, plover)")),
        })
    }
}

impl Format {
    pub fn content_type(&self) -> &'static str {
        match self {
            Format::Json | Format::Timelinejs | Format::Plover => "application/json",
            Format::Jsonl => "application/x-ndjson",
            Format::Csv => "text/csv; charset=utf-8",
            Format::Timeml | Format::Graphml => "application/xml",
        }
    }
}

/// The output contract record of an event (as `dyad extract`), plus its store id.
pub fn event_record(event: &EventRow) -> Value {
    json!({
        "doc": event.doc,
        "section": event.section.split(" / ").filter(|s| !s.is_empty()).collect::<Vec<_>>(),
        "sentence": event.sentence,
        "span": event.span,
        "when": event.when,
        "kind": event.kind,
        "actors": event.actors,
        "place": event.place,
        "evidence": event.trigger,
        "id": event.id,
        "when_source": event.when_source,
        "frame": event.frame,
        "plover": event.plover,
        "cameo": event.cameo,
        "goldstein": event.goldstein,
        "polarity": event.polarity,
        "modality": event.modality,
        "participants": event.participants,
        "instrument": event.instrument,
        "mentions": event.evidence,
    })
}

pub fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Export `events` (TimeML also reads their documents' text and TIMEX3s from `store`).
pub fn export(store: &Store, events: &[EventRow], format: Format) -> Result<String, StoreError> {
    Ok(match format {
        Format::Json => {
            serde_json::to_string_pretty(&events.iter().map(event_record).collect::<Vec<_>>())
                .map_err(|e| StoreError::Export(e.to_string()))?
        }
        Format::Jsonl => events
            .iter()
            .map(|e| event_record(e).to_string() + "\n")
            .collect(),
        Format::Csv => csv(events)?,
        Format::Timeml => timeml(store, events)?,
        Format::Timelinejs => serde_json::to_string_pretty(&timelinejs(events))
            .map_err(|e| StoreError::Export(e.to_string()))?,
        Format::Graphml => graphml(events),
        Format::Plover => serde_json::to_string_pretty(&plover(events))
            .map_err(|e| StoreError::Export(e.to_string()))?,
    })
}

fn csv(events: &[EventRow]) -> Result<String, StoreError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let error = |e: csv::Error| StoreError::Export(e.to_string());
    writer
        .write_record([
            "id",
            "doc",
            "when",
            "year_from",
            "year_to",
            "when_source",
            "frame",
            "kind",
            "plover",
            "cameo",
            "goldstein",
            "actors",
            "source",
            "target",
            "place",
            "instrument",
            "polarity",
            "modality",
            "section",
            "sentence",
            "span_start",
            "span_end",
        ])
        .map_err(error)?;
    for e in events {
        writer
            .write_record([
                e.id.to_string(),
                e.doc.clone(),
                e.when.clone().unwrap_or_default(),
                e.year_from.map(|y| y.to_string()).unwrap_or_default(),
                e.year_to.map(|y| y.to_string()).unwrap_or_default(),
                e.when_source.clone(),
                e.frame.clone().unwrap_or_default(),
                e.kind.clone(),
                e.plover.clone().unwrap_or_default(),
                e.cameo.clone().unwrap_or_default(),
                e.goldstein.to_string(),
                e.actors.join(";"),
                e.actors.first().cloned().unwrap_or_default(),
                e.actors.get(1).cloned().unwrap_or_default(),
                e.place.clone().unwrap_or_default(),
                e.instrument.clone().unwrap_or_default(),
                e.polarity.clone(),
                e.modality.clone(),
                e.section.clone(),
                e.sentence.clone(),
                e.span[0].to_string(),
                e.span[1].to_string(),
            ])
            .map_err(error)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| StoreError::Export(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| StoreError::Export(e.to_string()))
}

/// One TimeML document per source document of the events, with its TIMEX3s and an EVENT tag
/// on each trigger; several documents are wrapped in `<TimeMLCollection>`.
fn timeml(store: &Store, events: &[EventRow]) -> Result<String, StoreError> {
    let mut documents: Vec<i64> = events.iter().map(|e| e.document_id).collect();
    documents.sort();
    documents.dedup();
    let mut parts = Vec::new();
    for document_id in documents {
        let (title, text, timexes) = store.document_timexes(document_id)?;
        // Tags to insert: (start, end, open tag, close tag); nested or crossing ones are skipped.
        let mut tags: Vec<(usize, usize, String, &'static str)> = Vec::new();
        for (index, (start, end, kind, value, modifier)) in timexes.iter().enumerate() {
            let modifier = modifier
                .as_deref()
                .map(|m| format!(" mod=\"{}\"", xml_escape(m)))
                .unwrap_or_default();
            tags.push((
                *start as usize,
                *end as usize,
                format!(
                    "<TIMEX3 tid=\"t{}\" type=\"{kind}\" value=\"{}\"{modifier}>",
                    index + 1,
                    xml_escape(value)
                ),
                "</TIMEX3>",
            ));
        }
        for e in events.iter().filter(|e| e.document_id == document_id) {
            let (start, end) = (e.trigger_span[0] as usize, e.trigger_span[1] as usize);
            tags.push((
                start,
                end,
                format!(
                    "<EVENT eid=\"e{}\" class=\"OCCURRENCE\" type=\"{}\">",
                    e.id,
                    xml_escape(&e.kind)
                ),
                "</EVENT>",
            ));
        }
        tags.sort_by_key(|t| (t.0, std::cmp::Reverse(t.1)));
        let mut out = format!("<TimeML>\n<DOCID>{}</DOCID>\n<TEXT>", xml_escape(&title));
        let mut cursor = 0;
        for (start, end, open, close) in tags {
            if start < cursor
                || end > text.len()
                || !text.is_char_boundary(start)
                || !text.is_char_boundary(end)
            {
                continue;
            }
            out.push_str(&xml_escape(&text[cursor..start]));
            out.push_str(&open);
            out.push_str(&xml_escape(&text[start..end]));
            out.push_str(close);
            cursor = end;
        }
        out.push_str(&xml_escape(&text[cursor..]));
        out.push_str("</TEXT>\n</TimeML>\n");
        parts.push(out);
    }
    Ok(match parts.len() {
        1 => format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{}", parts.remove(0)),
        _ => format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TimeMLCollection>\n{}</TimeMLCollection>\n", parts.concat()),
    })
}

/// A TimelineJS date object from a TimeML value: year, month and day where the value has them.
fn timeline_date(value: &str) -> Option<Value> {
    let r = dyad_time::value::RefTime::parse(value);
    match r {
        Some(r) => {
            let mut date = json!({"year": r.year});
            if let Some(m) = r.month {
                date["month"] = json!(m);
            }
            if let Some(d) = r.day {
                date["day"] = json!(d);
            }
            Some(date)
        }
        None => dyad_time::value_years(value)
            .map(|(start, _)| json!({"year": start, "display_date": value})),
    }
}

/// The TimelineJS JSON format: `{"title": …, "events": [{"start_date": {"year": …}, "text": …}]}`.
pub fn timelinejs(events: &[EventRow]) -> Value {
    let items: Vec<Value> = events
        .iter()
        .filter_map(|e| {
            // An event dated only by its section heading still has a place on the timeline.
            let when = e.when.as_deref().or(e.frame.as_deref())?;
            let (first, last) = match when.split_once('/') {
                Some((a, b)) => (a, Some(b)),
                None => (when, None),
            };
            let mut item = json!({
                "unique_id": format!("event-{}", e.id),
                "start_date": timeline_date(first)?,
                "text": {"headline": format!("{}: {}", e.kind, e.actors.join("–")), "text": xml_escape(&e.sentence)},
                "group": e.kind,
            });
            if let Some(end) = last.and_then(timeline_date) {
                item["end_date"] = end;
            }
            Some(item)
        })
        .collect();
    let title = events.first().map(|e| e.doc.clone()).unwrap_or_default();
    json!({"title": {"text": {"headline": title, "text": "Events extracted by dyad"}}, "events": items})
}

/// GraphML: states as nodes, events as directed edges from the acting state.
pub fn graphml(events: &[EventRow]) -> String {
    let mut nodes: Vec<&str> = events
        .iter()
        .flat_map(|e| e.actors.iter().map(String::as_str))
        .collect();
    nodes.sort();
    nodes.dedup();
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    for (id, name, kind) in [
        ("kind", "kind", "string"),
        ("when", "when", "string"),
        ("goldstein", "goldstein", "double"),
        ("event", "event", "long"),
        ("sentence", "sentence", "string"),
    ] {
        out.push_str(&format!(
            "  <key id=\"{id}\" for=\"edge\" attr.name=\"{name}\" attr.type=\"{kind}\"/>\n"
        ));
    }
    out.push_str("  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n  <graph id=\"dyad\" edgedefault=\"directed\">\n");
    for node in &nodes {
        out.push_str(&format!(
            "    <node id=\"{0}\"><data key=\"label\">{0}</data></node>\n",
            xml_escape(node)
        ));
    }
    for e in events {
        let (Some(source), Some(target)) = (e.actors.first(), e.actors.get(1)) else {
            continue;
        };
        out.push_str(&format!(
            "    <edge id=\"e{}\" source=\"{}\" target=\"{}\"><data key=\"kind\">{}</data><data key=\"when\">{}</data><data key=\"goldstein\">{}</data><data key=\"event\">{}</data><data key=\"sentence\">{}</data></edge>\n",
            e.id,
            xml_escape(source),
            xml_escape(target),
            xml_escape(&e.kind),
            xml_escape(e.when.as_deref().unwrap_or("")),
            e.goldstein,
            e.id,
            xml_escape(&e.sentence)
        ));
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

/// PLOVER event records: `id`, `date`, `event_type`, `mode`, `context`, `actor`,
/// `actor_country`, `recipient`, `recipient_country`, `location`, `source_text`, plus the
/// CAMEO code and Goldstein weight for GDELT/ICEWS-style joins. Domestic `context` events have
/// no PLOVER type and are left out.
pub fn plover(events: &[EventRow]) -> Value {
    Value::Array(
        events
            .iter()
            .filter_map(|e| {
                let event_type = e.plover.clone()?;
                Some(json!({
                    "id": format!("dyad-{}", e.id),
                    "date": e.when,
                    "event_type": event_type,
                    "mode": if e.modality == "asserted" { Value::Null } else { json!(e.modality) },
                    "context": e.kind,
                    "actor": e.actors.first(),
                    "actor_country": e.actors.first(),
                    "recipient": e.actors.get(1),
                    "recipient_country": e.actors.get(1),
                    "location": e.place,
                    "source_text": e.sentence,
                    "source": e.doc,
                    "cameo": e.cameo,
                    "goldstein": e.goldstein,
                }))
            })
            .collect(),
    )
}
