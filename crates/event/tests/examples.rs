//! The event example corpus `resources/examples.txt` is the event stage's test suite: every
//! sentence is extracted on its own (as an article with the header's title) and compared with
//! the events listed for it; failures are reported with their lines.

use dyad_event::Extractor;

fn parse_expected(text: &str) -> Vec<(String, Vec<String>, Option<String>)> {
    if text.trim() == "NONE" {
        return Vec::new();
    }
    text.split(';')
        .map(|event| {
            let fields: Vec<&str> = event.split_whitespace().collect();
            let kind = fields.first().copied().unwrap_or("").to_string();
            let mut actors: Vec<String> = fields
                .get(1)
                .map(|a| a.split(',').map(str::to_string).collect())
                .unwrap_or_default();
            actors.sort();
            let when = fields.get(2).filter(|w| **w != "-").map(|w| w.to_string());
            (kind, actors, when)
        })
        .collect()
}

#[test]
fn event_corpus() {
    let extractor = Extractor::new().expect("resources load");
    let corpus = include_str!("../resources/examples.txt");
    let mut title = String::from("Relations");
    let mut failures = Vec::new();
    let mut count = 0;
    let mut passed = 0;
    for (index, raw) in corpus.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(header) = line.strip_prefix("[doc ").and_then(|l| l.strip_suffix(']')) {
            title = header.to_string();
            continue;
        }
        let Some((sentence, expected)) = line.rsplit_once(" => ") else {
            panic!("line {}: no =>", index + 1);
        };
        count += 1;
        // ` ¶ ` separates paragraphs of a passage.
        let passage = sentence.replace(" ¶ ", "\n\n");
        let doc = dyad_read::parse_plain(&format!("= {title} =\n{passage}\n"), "example");
        let mut got: Vec<(String, Vec<String>, Option<String>)> = extractor
            .extract(&doc)
            .events
            .into_iter()
            .filter(|e| e.is_factual())
            .map(|e| {
                let mut actors = e.actors.clone();
                actors.sort();
                // An inherited date is written `~VALUE`.
                let when = match e.when_source {
                    dyad_event::WhenSource::Sentence | dyad_event::WhenSource::Period => {
                        e.when.clone()
                    }
                    _ => e.when.as_ref().map(|w| format!("~{w}")),
                };
                (e.kind.clone(), actors, when)
            })
            .collect();
        got.sort();
        let mut want = parse_expected(expected);
        want.sort();
        if got == want {
            passed += 1;
        } else {
            failures.push(format!(
                "line {}: {sentence}\n    expected {want:?}\n    got      {got:?}",
                index + 1
            ));
        }
    }
    println!("{passed} of {count} example sentences extract as expected");
    assert!(count >= 100, "only {count} examples");
    // The corpus is also the development log: the share that passes may not fall.
    let floor = 0.9;
    assert!(
        passed as f64 >= floor * count as f64,
        "{passed} of {count} pass, below {floor}:\n{}",
        failures.join("\n")
    );
    if !failures.is_empty() {
        eprintln!(
            "{} failing examples:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }
}
