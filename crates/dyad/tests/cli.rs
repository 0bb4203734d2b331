//! End-to-end tests of the `dyad` command: the bundled article, fixtures, and bad inputs.

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn dyad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .output()
        .expect("dyad runs")
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dyad-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A failing run: exit code not 0, no panic, and a message naming the input.
fn assert_clean_failure(output: &Output, names: &[&str]) -> String {
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(
        !output.status.success(),
        "expected failure, stderr: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "panic: {stderr}");
    for name in names {
        assert!(stderr.contains(name), "stderr lacks {name:?}: {stderr}");
    }
    stderr
}

#[test]
fn read_bundled_article_sections_and_sentence_offsets() {
    let output = dyad(&["read"]);
    assert!(output.status.success());
    let doc: Value = serde_json::from_slice(&output.stdout).unwrap();
    let source = include_str!("../../../corpus/italy-japan-relations.txt");
    let paths: Vec<String> = doc["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            s["path"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p.as_str().unwrap())
                .collect::<Vec<_>>()
                .join("/")
        })
        .collect();
    for expected in [
        "History/Early relations from the 13th Century",
        "History/The World Wars/Second World War",
        "High level visits",
        "Diaspora",
        "Resident diplomatic missions",
        "See also",
    ] {
        assert!(
            paths.iter().any(|p| p == expected),
            "missing section {expected}: {paths:?}"
        );
    }
    let mut count = 0;
    for section in doc["sections"].as_array().unwrap() {
        for paragraph in section["paragraphs"].as_array().unwrap() {
            for sentence in paragraph["sentences"].as_array().unwrap() {
                let start = sentence["span"][0].as_u64().unwrap() as usize;
                let end = sentence["span"][1].as_u64().unwrap() as usize;
                assert_eq!(&source[start..end], sentence["text"].as_str().unwrap());
                count += 1;
            }
        }
    }
    assert!(count > 60, "{count} sentences");
}

fn sentence_texts(doc: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for section in doc["sections"].as_array().unwrap() {
        for paragraph in section["paragraphs"].as_array().unwrap() {
            for sentence in paragraph["sentences"].as_array().unwrap() {
                out.push(sentence["text"].as_str().unwrap().to_string());
            }
        }
    }
    out
}

fn read_json(path: &Path) -> Value {
    let output = dyad(&["read", path.to_str().unwrap()]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

/// Two bz2 streams back to back, as in `pages-articles-multistream` dumps.
fn multistream_bz2(xml: &str) -> Vec<u8> {
    let split = xml.find("  <page>").unwrap();
    let mut out = Vec::new();
    for part in [&xml[..split], &xml[split..]] {
        let mut encoder = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::fast());
        encoder.write_all(part.as_bytes()).unwrap();
        out.extend(encoder.finish().unwrap());
    }
    out
}

#[test]
fn wikitext_xml_and_multistream_bz2_read_into_the_same_structure() {
    let wiki = read_json(&fixture("chile-peru.wiki"));
    let xml = read_json(&fixture("chile-peru.xml"));
    let dir = temp_dir("bz2");
    let bz2_path = dir.join("dump-multistream.xml.bz2");
    let xml_text = std::fs::read_to_string(fixture("chile-peru.xml")).unwrap();
    std::fs::write(&bz2_path, multistream_bz2(&xml_text)).unwrap();
    let bz2 = read_json(&bz2_path);
    assert_eq!(xml["title"], "Chile–Peru relations");
    assert_eq!(xml["page_id"], 4242);
    assert_eq!(xml["revision_id"], 99001);
    assert_eq!(sentence_texts(&xml), sentence_texts(&bz2));
    assert_eq!(sentence_texts(&wiki), sentence_texts(&xml));
    let sentences = sentence_texts(&xml);
    assert!(
        sentences.contains(&"In 1879, Chile declared war on Peru and Bolivia.".to_string()),
        "{sentences:?}"
    );
    assert!(
        sentences.contains(&"Both countries established relations on 23 January 1822.".to_string())
    );
    assert!(sentences
        .iter()
        .all(|s| !s.contains("{{") && !s.contains("[[") && !s.contains("wikitable")));
    let targets: Vec<&str> = xml["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["target"].as_str().unwrap())
        .collect();
    assert!(targets.contains(&"Treaty of Ancón") && targets.contains(&"Peru"));
}

#[test]
fn missing_file_and_directory() {
    let output = dyad(&["read", "/nonexistent/article.txt"]);
    assert_clean_failure(&output, &["/nonexistent/article.txt"]);
    let dir = temp_dir("dir");
    let output = dyad(&["read", dir.to_str().unwrap()]);
    assert_clean_failure(&output, &["is a directory"]);
}

#[test]
fn binary_input() {
    let dir = temp_dir("binary");
    let path = dir.join("image.png");
    std::fs::write(&path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").unwrap();
    assert_clean_failure(
        &dyad(&["read", path.to_str().unwrap()]),
        &["image.png", "binary", "byte offset 8"],
    );
}

#[test]
fn invalid_utf8_and_lossy() {
    let dir = temp_dir("utf8");
    let path = dir.join("latin1.txt");
    std::fs::write(
        &path,
        b"= T =\nRelations began in 1866 in Caf\xe9 society.\n",
    )
    .unwrap();
    assert_clean_failure(
        &dyad(&["read", path.to_str().unwrap()]),
        &["latin1.txt", "byte offset 36", "line 2", "--lossy"],
    );
    let output = dyad(&["read", "--lossy", path.to_str().unwrap()]);
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).contains('\u{FFFD}'));
}

#[test]
fn broken_xml() {
    let dir = temp_dir("xml");
    let path = dir.join("broken.xml");
    std::fs::write(&path, "<mediawiki><page><title>A</title><ns>0</ns><id>1</id><revision><text>x</revision></page></mediawiki>").unwrap();
    assert_clean_failure(
        &dyad(&["read", path.to_str().unwrap()]),
        &["broken.xml", "byte offset"],
    );
}

#[test]
fn truncated_bz2() {
    let dir = temp_dir("bz2trunc");
    let xml_text = std::fs::read_to_string(fixture("chile-peru.xml")).unwrap();
    let mut encoder = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::best());
    encoder.write_all(xml_text.repeat(20).as_bytes()).unwrap();
    let bytes = encoder.finish().unwrap();
    let path = dir.join("truncated.xml.bz2");
    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    assert_clean_failure(
        &dyad(&["read", path.to_str().unwrap()]),
        &["truncated.xml.bz2"],
    );
}

#[test]
fn hundred_megabyte_single_line() {
    let dir = temp_dir("huge");
    let path = dir.join("one-line.txt");
    let mut file = std::fs::File::create(&path).unwrap();
    let chunk = "word ".repeat(1 << 16);
    for _ in 0..(100 << 20) / chunk.len() {
        file.write_all(chunk.as_bytes()).unwrap();
    }
    drop(file);
    let stderr = assert_clean_failure(
        &dyad(&["read", path.to_str().unwrap()]),
        &["one-line.txt", "line 1", "over the limit"],
    );
    assert!(stderr.len() < 1000);
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn bad_flags_are_reported() {
    assert_clean_failure(&dyad(&["read", "--input-format", "pdf", "x"]), &["pdf"]);
    assert_clean_failure(&dyad(&["read", "--title", "(", "x"]), &["--title"]);
}

#[test]
fn extract_on_a_real_wikipedia_dump_sample() {
    let dump = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus/dumps/enwiki-table-markup.xml.bz2");
    if !dump.exists() {
        eprintln!("skipped: {} not present", dump.display());
        return;
    }
    let output = dyad(&["extract", dump.to_str().unwrap()]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let lines = String::from_utf8_lossy(&output.stdout).lines().count();
    assert!(lines > 10, "{lines} events");
}

#[test]
fn extract_follows_the_output_contract() {
    let output = dyad(&["extract"]);
    assert!(output.status.success());
    let text = String::from_utf8_lossy(&output.stdout);
    let source = include_str!("../../../corpus/italy-japan-relations.txt");
    let mut count = 0;
    for line in text.lines() {
        let event: Value = serde_json::from_str(line).unwrap();
        for field in [
            "doc", "section", "sentence", "span", "when", "kind", "actors", "place", "evidence",
        ] {
            assert!(event.get(field).is_some(), "missing {field} in {line}");
        }
        let start = event["span"][0].as_u64().unwrap() as usize;
        let end = event["span"][1].as_u64().unwrap() as usize;
        assert_eq!(&source[start..end], event["sentence"].as_str().unwrap());
        count += 1;
    }
    assert!(count >= 40, "{count} events");
}

/// Everything outside the tags of a TimeML file, for byte-for-byte comparison.
fn without_timeml_annotations(text: &str) -> String {
    let body_start = text.find("<TEXT>").unwrap_or(0);
    let body_end = text.find("</TEXT>").unwrap_or(text.len());
    let mut out = String::new();
    let mut in_tag = false;
    for c in text[body_start..body_end].chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn tag_rewrites_timeml_byte_for_byte_outside_the_tags() {
    let gold = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/eval/tbaq-cleaned/TimeBank/APW19980227.0487.tml");
    if !gold.exists() {
        eprintln!("skipped: {} not present", gold.display());
        return;
    }
    let output = dyad(&["tag", gold.to_str().unwrap()]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let tagged = String::from_utf8(output.stdout).unwrap();
    let original = std::fs::read_to_string(&gold).unwrap();
    assert_eq!(
        without_timeml_annotations(&tagged),
        without_timeml_annotations(&original)
    );
    assert!(tagged.contains("<TIMEX3 tid=\"t1\""));
    assert!(!tagged.contains("<EVENT") && !tagged.contains("<TLINK"));
    assert_eq!(
        &tagged[..tagged.find("<TEXT>").unwrap()],
        &original[..original.find("<TEXT>").unwrap()]
    );
}
