//! The knowledge base: ingest, re-ingest, queries, search and every export format checked
//! against its format's rules.

use dyad_event::Extractor;
use dyad_store::export::{export, Format};
use dyad_store::{EventFilter, IngestOutcome, Store, StoreError};
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| Extractor::new().expect("resources"));
const SEED: &str = include_str!("../../../corpus/italy-japan-relations.txt");

fn seeded() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let mut doc = dyad_read::parse_plain(SEED, "seed");
    doc.source = "seed".into();
    let extraction = EXTRACTOR.extract(&doc);
    assert!(matches!(
        store.ingest(&doc, &extraction).unwrap(),
        IngestOutcome::Added { .. }
    ));
    store
}

#[test]
fn ingest_is_idempotent_and_replaces_changed_documents() {
    let mut store = seeded();
    let mut doc = dyad_read::parse_plain(SEED, "seed");
    doc.source = "seed".into();
    let extraction = EXTRACTOR.extract(&doc);
    assert!(matches!(
        store.ingest(&doc, &extraction).unwrap(),
        IngestOutcome::Unchanged { .. }
    ));
    let before = store.events(&EventFilter::default()).unwrap().len();
    let changed_text = SEED.replace(
        "In 2014, Italian Prime Minister",
        "In 2015, Italian Prime Minister",
    );
    let mut changed = dyad_read::parse_plain(&changed_text, "seed");
    changed.source = "seed".into();
    let extraction = EXTRACTOR.extract(&changed);
    assert!(matches!(
        store.ingest(&changed, &extraction).unwrap(),
        IngestOutcome::Replaced { .. }
    ));
    assert_eq!(store.document_count().unwrap(), 1);
    let after = store.events(&EventFilter::default()).unwrap();
    assert_eq!(after.len(), before);
    assert!(after.iter().any(|e| e.when.as_deref() == Some("2015")));
    assert!(!after.iter().any(|e| e.when.as_deref() == Some("2014")));
}

#[test]
fn filters_pair_years_kinds_and_text() {
    let store = seeded();
    let filter = EventFilter {
        actors: vec!["ITA".into(), "JPN".into()],
        kinds: vec!["alliance".into(), "treaty".into()],
        from: Some(1900),
        to: Some(1950),
        ..Default::default()
    };
    let events = store.events(&filter).unwrap();
    assert!(!events.is_empty());
    for e in &events {
        assert!(e.actors.contains(&"ITA".to_string()) && e.actors.contains(&"JPN".to_string()));
        assert!(e.kind == "alliance" || e.kind == "treaty");
        assert!(
            e.year_to.unwrap() >= 1900 && e.year_from.unwrap() <= 1950,
            "{:?}",
            e.when
        );
        assert_eq!(&SEED[e.span[0] as usize..e.span[1] as usize], e.sentence);
    }
    let by_text = store
        .events(&EventFilter {
            text: Some("Tripartite".into()),
            ..Default::default()
        })
        .unwrap();
    assert!(by_text.iter().all(|e| e
        .evidence
        .iter()
        .any(|ev| ev["sentence"].as_str().unwrap().contains("Tripartite"))));
    assert!(!by_text.is_empty());
    let one = store.event(events[0].id).unwrap();
    assert_eq!(one.id, events[0].id);
    assert!(matches!(
        store.event(999_999),
        Err(StoreError::NoSuchEvent(_))
    ));
}

#[test]
fn search_highlights_and_rejects_bad_syntax() {
    let store = seeded();
    let hits = store.search("\"Tripartite Pact\"", 5).unwrap();
    assert_eq!(hits.len(), 1);
    assert!(
        hits[0].snippet.contains("[Tripartite Pact]"),
        "{}",
        hits[0].snippet
    );
    assert!(matches!(
        store.search("\"unterminated", 5),
        Err(StoreError::QuerySyntax { .. })
    ));
    assert!(matches!(
        store.events(&EventFilter {
            text: Some("AND OR (".into()),
            ..Default::default()
        }),
        Err(StoreError::QuerySyntax { .. })
    ));
}

#[test]
fn dyads_have_decades_and_an_index() {
    let store = seeded();
    let dyads = store.dyads().unwrap();
    let main = &dyads[0];
    assert_eq!(main.pair, ["ITA".to_string(), "JPN".to_string()]);
    assert!(main.events > 30 && main.cooperation_index > 0.0 && main.cooperation_index <= 1.0);
    assert!(main
        .decades
        .iter()
        .any(|d| d.decade == 1940 && d.conflict > 0));
}

fn well_formed_xml(text: &str) -> usize {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut elements = 0;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => return elements,
            Ok(quick_xml::events::Event::Start(_)) | Ok(quick_xml::events::Event::Empty(_)) => {
                elements += 1
            }
            Ok(_) => {}
            Err(err) => panic!("not well-formed XML at {}: {err}", reader.buffer_position()),
        }
    }
}

#[test]
fn exports_follow_their_formats() {
    let store = seeded();
    let events = store.events(&EventFilter::default()).unwrap();
    // JSON and JSON lines carry the output contract.
    let json: serde_json::Value =
        serde_json::from_str(&export(&store, &events, Format::Json).unwrap()).unwrap();
    assert_eq!(json.as_array().unwrap().len(), events.len());
    for field in [
        "doc", "section", "sentence", "span", "when", "kind", "actors", "place", "evidence",
    ] {
        assert!(json[0].get(field).is_some(), "json lacks {field}");
    }
    let jsonl = export(&store, &events, Format::Jsonl).unwrap();
    assert_eq!(
        jsonl
            .lines()
            .filter(|l| serde_json::from_str::<serde_json::Value>(l).is_ok())
            .count(),
        events.len()
    );
    // CSV: quoting survives commas, quotes and newlines in sentences.
    let csv_text = export(&store, &events, Format::Csv).unwrap();
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let sentence_column = headers.iter().position(|h| h == "sentence").unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), events.len());
    assert_eq!(&rows[0][sentence_column], events[0].sentence);
    assert!(rows.iter().all(|r| r.len() == headers.len()));
    // TimeML and GraphML are well-formed XML with the expected elements.
    let timeml = export(&store, &events, Format::Timeml).unwrap();
    assert!(well_formed_xml(&timeml) > events.len());
    assert!(timeml.contains("<TIMEX3 tid=") && timeml.contains("<EVENT eid="));
    let graphml = export(&store, &events, Format::Graphml).unwrap();
    assert!(well_formed_xml(&graphml) > 3);
    assert!(graphml.contains("<node id=\"ITA\">") && graphml.contains("<edge "));
    // TimelineJS: every event has a start_date with a numeric year and a text headline.
    let timeline: serde_json::Value =
        serde_json::from_str(&export(&store, &events, Format::Timelinejs).unwrap()).unwrap();
    let items = timeline["events"].as_array().unwrap();
    assert!(!items.is_empty());
    for item in items {
        assert!(item["start_date"]["year"].is_i64(), "{item}");
        assert!(item["text"]["headline"].is_string());
    }
    // PLOVER: the event fields, with PLOVER types only.
    let plover: serde_json::Value =
        serde_json::from_str(&export(&store, &events, Format::Plover).unwrap()).unwrap();
    let types = [
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
    ];
    for record in plover.as_array().unwrap() {
        for field in [
            "id",
            "date",
            "event_type",
            "mode",
            "context",
            "actor",
            "recipient",
            "source_text",
        ] {
            assert!(record.get(field).is_some(), "plover lacks {field}");
        }
        assert!(types.contains(&record["event_type"].as_str().unwrap()));
    }
}

#[test]
fn year_bounds_cover_timeml_values() {
    assert_eq!(dyad_store::year_bounds("1866-08-25"), Some((1866, 1866)));
    assert_eq!(dyad_store::year_bounds("193"), Some((1930, 1939)));
    assert_eq!(dyad_store::year_bounds("12"), Some((1200, 1299)));
    assert_eq!(dyad_store::year_bounds("1918/1922"), Some((1918, 1922)));
    assert_eq!(
        dyad_store::year_bounds("1945/PRESENT_REF"),
        Some((1945, 9999))
    );
}
