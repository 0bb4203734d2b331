//! The web UI in a real browser (Debian's headless Chromium): the page loads its events from a
//! server started by the test, filters given in the address are applied, and the screenshot is
//! not blank. Run with `cargo test -p dyad-serve --features browser` (.ci/run does).

#![cfg(feature = "browser")]

use dyad_serve::{app, Pool};
use std::process::Command;
use std::sync::Arc;

const CHROMIUM: &str = "/usr/bin/chromium";

fn start_server() -> String {
    let path = std::env::temp_dir().join(format!("dyad-browser-test-{}.db", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let mut store = dyad_store::Store::open(&path).unwrap();
    let extractor = dyad_event::Extractor::new().unwrap();
    let doc = dyad_read::parse_plain(
        include_str!("../../../corpus/italy-japan-relations.txt"),
        "seed",
    );
    store.ingest(&doc, &extractor.extract(&doc)).unwrap();
    let pool = Arc::new(Pool::open(&path, 2).unwrap());
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    listener.set_nonblocking(true).unwrap();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            axum::serve(listener, app(pool)).await.unwrap();
        });
    });
    addr
}

fn chromium(args: &[&str]) -> std::process::Output {
    let profile = std::env::temp_dir().join(format!("dyad-chrome-{}", std::process::id()));
    Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--virtual-time-budget=8000",
            "--window-size=1200,1600",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .output()
        .expect("chromium runs")
}

#[test]
fn timeline_filters_and_screenshot() {
    assert!(
        std::path::Path::new(CHROMIUM).exists(),
        "{CHROMIUM} is missing: apt-get install chromium"
    );
    let addr = start_server();
    // The whole timeline.
    let output = chromium(&["--dump-dom", &format!("http://{addr}/")]);
    let dom = String::from_utf8_lossy(&output.stdout);
    let all = dom.matches("class=\"event\"").count();
    assert!(
        all > 30,
        "only {all} events in the page:\n{}",
        &dom[..dom.len().min(2000)]
    );
    assert!(dom.contains("<svg"), "no chart");
    // Filters from the address: only alliances of the pair, in the 1900s.
    let output = chromium(&[
        "--dump-dom",
        &format!("http://{addr}/?pair=ITA-JPN&kind=alliance&from=1900&to=1999"),
    ]);
    let dom = String::from_utf8_lossy(&output.stdout);
    let filtered = dom.matches("class=\"event\"").count();
    assert!(filtered > 0 && filtered < all, "{filtered} of {all}");
    assert_eq!(
        dom.matches("class=\"kind ").count(),
        dom.matches(">alliance</span>").count()
    );
    // A screenshot that is not blank: a white page compresses to a few kilobytes.
    let shot = std::env::temp_dir().join(format!("dyad-ui-{}.png", std::process::id()));
    let output = chromium(&[
        &format!("--screenshot={}", shot.display()),
        &format!("http://{addr}/"),
    ]);
    let bytes = std::fs::read(&shot)
        .unwrap_or_else(|_| panic!("no screenshot: {}", String::from_utf8_lossy(&output.stderr)));
    assert!(bytes.starts_with(b"\x89PNG"));
    assert!(
        bytes.len() > 40_000,
        "screenshot looks blank ({} bytes)",
        bytes.len()
    );
}
