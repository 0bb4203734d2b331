//! The example corpus `resources/examples.txt` is the tagger's test suite (the Duckling way):
//! every line is tagged and checked, and every failure is reported with its line.
//!
//! A line is `text => TYPE VALUE [mod=M] [quant=Q] [freq=F]`, or `text => NONE`. Where the text
//! has `[[…]]`, that part is the expression and the rest is context; otherwise the whole text
//! is. `NONE` means no expression overlaps the marked part. `[news dct=…]` and `[narrative]`
//! lines set the mode for the lines after them.

use dyad_time::{Mode, TagOptions, Tagger};

#[test]
fn example_corpus() {
    let tagger = Tagger::new().expect("resources load");
    let corpus = include_str!("../resources/examples.txt");
    let mut options = TagOptions {
        mode: Mode::News,
        dct: Some("1998-02-27".into()),
    };
    let mut failures = Vec::new();
    let mut count = 0;
    for (index, raw) in corpus.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(header) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            let mut words = header.split_whitespace();
            let mode = words.next().unwrap_or("news");
            options.mode = mode.parse().expect("mode");
            options.dct = words
                .find_map(|w| w.strip_prefix("dct="))
                .map(str::to_string);
            continue;
        }
        count += 1;
        let (text, expected) = line
            .rsplit_once(" => ")
            .unwrap_or_else(|| panic!("line {}: no =>", index + 1));
        let (input, mark) = match (text.find("[["), text.find("]]")) {
            (Some(open), Some(close)) if close > open => {
                let input = format!(
                    "{}{}{}",
                    &text[..open],
                    &text[open + 2..close],
                    &text[close + 2..]
                );
                (input, (open, close - 2))
            }
            _ => (text.to_string(), (0, text.len())),
        };
        let tagging = tagger.tag(&input, &options);
        let overlapping: Vec<_> = tagging
            .timexes
            .iter()
            .filter(|t| t.span.start < mark.1 && mark.0 < t.span.end)
            .collect();
        let describe = |t: &dyad_time::Timex| {
            let mut s = format!(
                "{:?} {} {}",
                &input[t.span.range()],
                t.kind.as_str(),
                t.value
            );
            for (k, v) in [("mod", &t.modifier), ("quant", &t.quant), ("freq", &t.freq)] {
                if let Some(v) = v {
                    s.push_str(&format!(" {k}={v}"));
                }
            }
            s.push_str(&format!(" [{}]", t.rule));
            s
        };
        let got: Vec<String> = overlapping.iter().map(|t| describe(t)).collect();
        let ok = if expected.trim() == "NONE" {
            overlapping.is_empty()
        } else {
            let mut fields = expected.split_whitespace();
            let kind = fields.next().unwrap_or("");
            let value = fields.next().unwrap_or("");
            let attrs: Vec<(&str, &str)> = fields.filter_map(|f| f.split_once('=')).collect();
            overlapping.len() == 1 && {
                let t = overlapping[0];
                let attr = |name: &str| attrs.iter().find(|(k, _)| *k == name).map(|(_, v)| *v);
                t.span.start == mark.0
                    && t.span.end == mark.1
                    && t.kind.as_str() == kind
                    && t.value == value
                    && t.modifier.as_deref() == attr("mod")
                    && t.quant.as_deref() == attr("quant")
                    && t.freq.as_deref() == attr("freq")
            }
        };
        if !ok {
            failures.push(format!(
                "line {}: {text}\n    expected {expected}\n    got {got:?}",
                index + 1
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {count} examples fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(count >= 400, "only {count} examples");
}
