//! Time each temporal rule over a text, slowest first, searched as the tagger does (near its
//! literals, after one literal scan): where to look when tagging slows down.
//!
//! `cargo run --release -p dyad-time --example rule-timing -- FILE`

use std::time::Instant;

/// Each rule is timed over this many searches of the text (gate scan included).
const REPEAT: usize = 20;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: rule-timing FILE");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(err) => {
            eprintln!("{path}: {err}");
            std::process::exit(1);
        }
    };
    let tables = dyad_time::resource::parse_tables(dyad_time::resource::TABLES).expect("tables");
    let pieces = dyad_time::resource::parse_patterns(dyad_time::resource::PATTERNS, &tables)
        .expect("patterns");
    let rules = dyad_time::resource::parse_rules(dyad_time::resource::RULES, &pieces, &tables)
        .expect("rules");
    let gates = dyad_prefilter::Gates::new(rules.iter().map(|r| r.regex.as_str()));
    let start = Instant::now();
    for _ in 0..REPEAT {
        gates.scan(&text);
    }
    let scan_ms = start.elapsed().as_secs_f64() * 1e3 / REPEAT as f64;
    let scan = gates.scan(&text);
    let mut timings: Vec<(f64, &str, usize)> = rules
        .iter()
        .enumerate()
        .map(|(index, rule)| {
            // As the tagger searches: only where the rule's literals are (`dyad-prefilter`).
            let start = Instant::now();
            let mut count = 0;
            for _ in 0..REPEAT {
                count = dyad_prefilter::captures_in(&rule.regex, &text, scan.ranges(index)).count();
            }
            (
                start.elapsed().as_secs_f64() * 1e3 / REPEAT as f64,
                rule.name.as_str(),
                count,
            )
        })
        .collect();
    timings.sort_by(|a, b| b.0.total_cmp(&a.0));
    let total: f64 = timings.iter().map(|t| t.0).sum();
    println!(
        "{} rules, {total:.2} ms over {} bytes, after a literal scan of {scan_ms:.2} ms",
        rules.len(),
        text.len()
    );
    for (ms, name, count) in timings.iter().take(25) {
        println!("{ms:>8.2} ms  {count:>6}  {name}");
    }
}
