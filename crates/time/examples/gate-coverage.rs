//! How much of a text each temporal rule is searched in once the literal gates have run:
//! where to look when a rule is slow to gate.
//!
//! `cargo run --release -p dyad-time --example gate-coverage -- FILE`

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: gate-coverage FILE");
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
    let scan = gates.scan(&text);
    let mut rows: Vec<(f64, &str, Option<Vec<String>>)> = rules
        .iter()
        .enumerate()
        .map(|(i, rule)| {
            let searched: usize = scan.ranges(i).map(|r| r.len()).sum();
            (
                searched as f64 / text.len().max(1) as f64,
                rule.name.as_str(),
                dyad_prefilter::required_literals(rule.regex.as_str(), 2),
            )
        })
        .collect();
    rows.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mean = rows.iter().map(|r| r.0).sum::<f64>() / rows.len().max(1) as f64;
    println!(
        "{} rules, {} gated; on average each is searched in {:.1} % of the text",
        rules.len(),
        gates.gated(),
        mean * 100.0
    );
    for (share, name, literals) in rows {
        let shown = literals.map_or("(no gate)".to_string(), |l| {
            let n = l.len();
            format!(
                "{n} literals: {}",
                l.into_iter().take(6).collect::<Vec<_>>().join(" | ")
            )
        });
        println!("{:>6.1} %  {name:<32} {shown}", share * 100.0);
    }
}
