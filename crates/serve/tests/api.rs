//! The HTTP API, request by request: filters, paging bounds, errors as JSON with status codes,
//! hostile input.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use dyad_serve::{app, Pool};
use std::sync::{Arc, LazyLock};
use tower::ServiceExt;

static DB: LazyLock<std::path::PathBuf> = LazyLock::new(|| {
    let path = std::env::temp_dir().join(format!("dyad-serve-test-{}.db", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let mut store = dyad_store::Store::open(&path).unwrap();
    let extractor = dyad_event::Extractor::new().unwrap();
    let doc = dyad_read::parse_plain(
        include_str!("../../../corpus/italy-japan-relations.txt"),
        "seed",
    );
    store.ingest(&doc, &extractor.extract(&doc)).unwrap();
    path
});

async fn get(uri: &str) -> (StatusCode, String, String) {
    let pool = Arc::new(Pool::open(&DB, 1).unwrap());
    let response = app(pool)
        .oneshot(Request::builder().uri(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let body = axum::body::to_bytes(response.into_body(), 10 << 20)
        .await
        .unwrap();
    (
        status,
        content_type,
        String::from_utf8_lossy(&body).into_owned(),
    )
}

fn json(body: &str) -> serde_json::Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"))
}

#[tokio::test]
async fn health_and_openapi() {
    let (status, _, body) = get("/api/health").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(json(&body)["documents"], 1);
    let (status, _, body) = get("/api/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    assert!(json(&body)["paths"]["/api/events"].is_object());
}

#[tokio::test]
async fn events_with_filters_and_paging() {
    let (status, _, body) =
        get("/api/events?pair=Italy-Japan&from=1900&to=1950&kind=alliance,treaty&limit=5").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let value = json(&body);
    let events = value["events"].as_array().unwrap();
    assert!(!events.is_empty() && events.len() <= 5);
    for e in events {
        assert!(["alliance", "treaty"].contains(&e["kind"].as_str().unwrap()));
    }
    let id = events[0]["id"].as_i64().unwrap();
    let (status, _, body) = get(&format!("/api/events/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!json(&body)["evidence"].as_array().unwrap().is_empty());
    let (_, _, page2) = get("/api/events?limit=5&offset=5").await;
    assert_eq!(json(&page2)["offset"], 5);
}

#[tokio::test]
async fn timeline_dyads_entities_search_export() {
    let (status, _, body) = get("/api/timeline?pair=ITA-JPN").await;
    assert_eq!(status, StatusCode::OK);
    assert!(json(&body)["events"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["start_date"]["year"].is_i64()));
    let (_, _, body) = get("/api/dyads").await;
    assert_eq!(
        json(&body)["dyads"][0]["pair"],
        serde_json::json!(["ITA", "JPN"])
    );
    let (_, _, body) = get("/api/entities?kind=state&limit=3").await;
    assert_eq!(json(&body)["entities"].as_array().unwrap().len(), 3);
    let (_, _, body) = get("/api/facts?fact=mission&state=jpn").await;
    let facts = json(&body)["facts"].as_array().unwrap().clone();
    assert_eq!(facts.len(), 4, "{body}");
    assert!(facts
        .iter()
        .all(|f| f["fact"] == "mission" && f["doc"] == "Italy–Japan relations"));
    let (status, _, _) = get("/api/facts?fact=treaty").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (_, _, body) = get("/api/search?q=Tripartite").await;
    assert!(json(&body)["hits"][0]["snippet"]
        .as_str()
        .unwrap()
        .contains("[Tripartite]"));
    for (format, kind) in [
        ("csv", "text/csv"),
        ("graphml", "application/xml"),
        ("timeml", "application/xml"),
        ("plover", "application/json"),
        ("jsonl", "application/x-ndjson"),
    ] {
        let (status, content_type, body) = get(&format!("/api/export?format={format}")).await;
        assert_eq!(status, StatusCode::OK, "{format}");
        assert!(content_type.starts_with(kind), "{format}: {content_type}");
        assert!(!body.is_empty());
    }
}

#[tokio::test]
async fn errors_are_json_with_status_codes() {
    for (uri, expected) in [
        ("/api/events?limit=0", StatusCode::BAD_REQUEST),
        ("/api/events?limit=100000", StatusCode::BAD_REQUEST),
        ("/api/events?from=2000&to=1900", StatusCode::BAD_REQUEST),
        ("/api/events?actor=Atlantis", StatusCode::BAD_REQUEST),
        ("/api/events?pair=ITA", StatusCode::BAD_REQUEST),
        ("/api/events?from=notayear", StatusCode::BAD_REQUEST),
        ("/api/events?q=%22unbalanced", StatusCode::BAD_REQUEST),
        ("/api/search", StatusCode::BAD_REQUEST),
        ("/api/search?q=NEAR(", StatusCode::BAD_REQUEST),
        ("/api/events/abc", StatusCode::BAD_REQUEST),
        ("/api/events/999999", StatusCode::NOT_FOUND),
        ("/api/export?format=pdf", StatusCode::BAD_REQUEST),
        ("/api/nothing/here", StatusCode::NOT_FOUND),
        ("/api/../../etc/passwd", StatusCode::NOT_FOUND),
    ] {
        let (status, _, body) = get(uri).await;
        assert_eq!(status, expected, "{uri}: {body}");
        if status != StatusCode::NOT_FOUND || uri.starts_with("/api/") {
            let value: serde_json::Value =
                serde_json::from_str(&body).unwrap_or_else(|_| panic!("{uri}: not JSON: {body}"));
            assert!(value["error"].is_string(), "{uri}: {body}");
            assert!(
                !body.contains("rusqlite") && !body.contains("panicked"),
                "{uri}: {body}"
            );
        }
    }
    let long = "a".repeat(600);
    let (status, _, _) = get(&format!("/api/search?q={long}")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn ui_is_served_from_the_binary() {
    let (status, content_type, body) = get("/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(content_type.starts_with("text/html"));
    assert!(body.contains("<script src=\"/app.js\">"));
    let (status, _, body) = get("/app.js").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("/api/events"));
}

#[tokio::test]
async fn a_client_over_its_rate_gets_429() {
    let pool = Arc::new(Pool::open(&DB, 1).unwrap());
    let app = app(pool);
    let client: std::net::SocketAddr = "127.0.0.9:5555".parse().unwrap();
    let mut limited = 0;
    for _ in 0..(2.0 * dyad_serve::RATE_PER_SECOND) as usize + 200 {
        let mut request = Request::builder()
            .uri("/api/openapi.json")
            .body(Body::empty())
            .unwrap();
        request
            .extensions_mut()
            .insert(axum::extract::ConnectInfo(client));
        let response = app.clone().oneshot(request).await.unwrap();
        if response.status() == StatusCode::TOO_MANY_REQUESTS {
            limited += 1;
        }
    }
    assert!(limited > 0, "no request was limited");
}
