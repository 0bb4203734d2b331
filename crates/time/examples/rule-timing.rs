//! Time each temporal rule over a text, slowest first, searched as the tagger does (near its
//! literals, after one literal scan), with the share of the text its literal gate leaves it to
//! search and the literals it needs: where to look when tagging slows down.
//!
//! `cargo run --release -p dyad-time --example rule-timing -- FILE [ROWS]`

use std::time::Instant;

/// Each rule is timed over this many searches of the text.
const REPEAT: usize = 20;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: rule-timing FILE [ROWS]");
        std::process::exit(2);
    };
    let rows: usize = std::env::args()
        .nth(2)
        .and_then(|r| r.parse().ok())
        .unwrap_or(25);
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
    struct Row<'r> {
        ms: f64,
        /// The same rule searched over the whole text, ungated.
        whole_ms: f64,
        name: &'r str,
        matches: usize,
        share: f64,
        literals: Option<Vec<String>>,
    }
    let mut table: Vec<Row> = rules
        .iter()
        .enumerate()
        .map(|(index, rule)| {
            let start = Instant::now();
            let mut matches = 0;
            for _ in 0..REPEAT {
                matches =
                    dyad_prefilter::captures_in(&rule.regex, &text, scan.ranges(index)).count();
            }
            let ms = start.elapsed().as_secs_f64() * 1e3 / REPEAT as f64;
            let searched: usize = scan.ranges(index).map(|r| r.len()).sum();
            let start = Instant::now();
            for _ in 0..REPEAT {
                rule.regex.captures_iter(&text).count();
            }
            let whole_ms = start.elapsed().as_secs_f64() * 1e3 / REPEAT as f64;
            Row {
                whole_ms,
                ms,
                name: rule.name.as_str(),
                matches,
                share: searched as f64 / text.len().max(1) as f64,
                literals: dyad_prefilter::required_literals(rule.regex.as_str(), 2),
            }
        })
        .collect();
    table.sort_by(|a, b| b.ms.total_cmp(&a.ms));
    let total: f64 = table.iter().map(|r| r.ms).sum();
    let whole: f64 = table.iter().map(|r| r.whole_ms).sum();
    let mean_share = table.iter().map(|r| r.share).sum::<f64>() / table.len().max(1) as f64;
    println!(
        "{} rules ({} gated), {total:.2} ms over {} bytes after a literal scan of {scan_ms:.2} ms \
         ({whole:.2} ms ungated); each searched in {:.1} % of the text on average",
        rules.len(),
        gates.gated(),
        text.len(),
        mean_share * 100.0
    );
    for row in table.iter().take(rows) {
        let literals = row.literals.as_ref().map_or("(no gate)".to_string(), |l| {
            let shown: Vec<String> = l.iter().take(5).map(|s| format!("{s:?}")).collect();
            format!("{} literals: {}", l.len(), shown.join(" "))
        });
        println!(
            "{:>7.3} ms ({:>6.3} ungated) {:>5} {:>6.1} %  {:<32} {literals}",
            row.ms,
            row.whole_ms,
            row.matches,
            row.share * 100.0,
            row.name
        );
    }
}
