//! Time each temporal rule over a text, slowest first: where to look when tagging slows down.
//!
//! `cargo run --release -p dyad-time --example rule-timing -- FILE`

use std::time::Instant;

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
    let mut timings: Vec<(f64, &str, usize)> = rules
        .iter()
        .map(|rule| {
            let start = Instant::now();
            let count = rule.regex.captures_iter(&text).count();
            (
                start.elapsed().as_secs_f64() * 1e3,
                rule.name.as_str(),
                count,
            )
        })
        .collect();
    timings.sort_by(|a, b| b.0.total_cmp(&a.0));
    let total: f64 = timings.iter().map(|t| t.0).sum();
    println!(
        "{} rules, {total:.1} ms over {} bytes",
        rules.len(),
        text.len()
    );
    for (ms, name, count) in timings.iter().take(25) {
        println!("{ms:>8.2} ms  {count:>6}  {name}");
    }
}
