//! The knowledge base from the command line: ingest, queries, exports, and a kill in the
//! middle of an ingest that leaves every committed document intact.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

fn dyad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .output()
        .expect("dyad runs")
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dyad-kb-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A MediaWiki export with `pages` copies of the seed article under different titles.
fn write_dump(path: &Path, pages: usize) {
    let seed = include_str!("../../../corpus/italy-japan-relations.txt");
    let body: String = seed.lines().skip(1).collect::<Vec<_>>().join("\n");
    let escaped = body
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    let mut xml = String::from("<mediawiki>\n");
    for i in 0..pages {
        xml.push_str(&format!("<page><title>Italy–Japan relations ({i})</title><ns>0</ns><id>{}</id><revision><id>{}</id><text>{escaped}</text></revision></page>\n", i + 1, i + 1000));
    }
    xml.push_str("</mediawiki>\n");
    std::fs::write(path, xml).unwrap();
}

#[test]
fn queries_and_exports_on_the_default_database() {
    let dir = temp("queries");
    let db = dir.join("kb.db");
    let db = db.to_str().unwrap();
    let output = dyad(&[
        "timeline",
        "Italy",
        "Japanese",
        "--from",
        "1900",
        "--to",
        "1950",
        "--kind",
        "alliance,treaty",
        "--json",
        "--db",
        db,
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let events: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(!events.as_array().unwrap().is_empty());
    let output = dyad(&["search", "Tripartite Pact", "--db", db]);
    assert!(String::from_utf8_lossy(&output.stdout).contains("[Tripartite]"));
    let output = dyad(&["dyads", "--db", db]);
    assert!(String::from_utf8_lossy(&output.stdout).contains("ITA–JPN"));
    let output = dyad(&["facts", "--fact", "population", "--db", db]);
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert!(lines.iter().all(|f| f["count"].as_u64().unwrap() > 1000));
    let id = events[0]["id"].as_i64().unwrap().to_string();
    let output = dyad(&["show", &id, "--db", db]);
    assert!(String::from_utf8_lossy(&output.stdout).contains("evidence in Italy–Japan relations"));
    for format in [
        "json",
        "jsonl",
        "csv",
        "timeml",
        "timelinejs",
        "graphml",
        "plover",
    ] {
        let output = dyad(&["export", "--format", format, "--db", db]);
        assert!(
            output.status.success() && !output.stdout.is_empty(),
            "{format}"
        );
    }
    let output = dyad(&["export", "--format", "pdf", "--db", db]);
    assert!(!output.status.success());
    let output = dyad(&["search", "\"unbalanced", "--db", db]);
    assert!(
        !output.status.success()
            && String::from_utf8_lossy(&output.stderr).contains("not valid FTS5 syntax")
    );
    let output = dyad(&["timeline", "Atlantis", "Japan", "--db", db]);
    assert!(
        !output.status.success() && String::from_utf8_lossy(&output.stderr).contains("Atlantis")
    );
}

#[test]
fn reingest_is_a_no_op_and_a_killed_ingest_keeps_committed_documents() {
    let dir = temp("kill");
    let dump = dir.join("dump.xml");
    write_dump(&dump, 300);
    let db = dir.join("kb.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args([
            "ingest",
            dump.to_str().unwrap(),
            "--db",
            db.to_str().unwrap(),
        ])
        .spawn()
        .expect("dyad runs");
    // Kill it once some documents are in (or after a while on a fast machine).
    let started = Instant::now();
    loop {
        std::thread::sleep(Duration::from_millis(200));
        let written = std::fs::metadata(dir.join("kb.db-wal"))
            .map(|m| m.len())
            .unwrap_or(0);
        if written > 500_000 || started.elapsed() > Duration::from_secs(20) {
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    let store = dyad_store::Store::open(&db).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    assert_eq!(store.documents_without_sentences().unwrap(), 0);
    let partial = store.document_count().unwrap();
    drop(store);
    // Finishing the ingest adds the rest; doing it again changes nothing.
    let output = dyad(&[
        "ingest",
        dump.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let store = dyad_store::Store::open(&db).unwrap();
    assert_eq!(
        store.document_count().unwrap(),
        300,
        "had {partial} after the kill"
    );
    drop(store);
    let output = dyad(&[
        "ingest",
        dump.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]);
    let report = String::from_utf8_lossy(&output.stderr);
    assert!(
        report.contains("0 added, 0 replaced, 300 unchanged"),
        "{report}"
    );
}
