//! Runs every case of `tests/sentences.txt`; a failing case is reported with its line.

#[test]
fn sentence_corpus() {
    let corpus = include_str!("sentences.txt");
    let mut failures = Vec::new();
    let mut sentence_count = 0;
    for (number, line) in corpus.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let expected: Vec<&str> = line.split(" || ").collect();
        sentence_count += expected.len();
        let input = expected.join(" ");
        let got: Vec<&str> = dyad_segment::split_sentences(&input)
            .iter()
            .map(|span| &input[span.range()])
            .collect();
        if got != expected {
            failures.push(format!(
                "line {}: expected {expected:?}\n   got {got:?}",
                number + 1
            ));
        }
    }
    assert!(
        sentence_count >= 60,
        "only {sentence_count} sentences in the corpus"
    );
    assert!(
        failures.is_empty(),
        "{} failing cases:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
