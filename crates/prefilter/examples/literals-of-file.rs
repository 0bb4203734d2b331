//! Prints, for each regex of a resource file (the last tab-separated field of each line), the
//! literals its gate looks for, shortest first, to find patterns whose gates open everywhere:
//! `cargo run --release -p dyad-prefilter --example literals-of-file -- FILE`.
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("cannot read {path}");
        return;
    };
    for (number, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let pattern = line.rsplit('\t').next().unwrap_or("");
        match dyad_prefilter::required_literals(&format!("(?i){pattern}"), 2) {
            Some(set) => {
                let shortest = set.iter().map(String::len).min().unwrap_or(0);
                let sample: Vec<&String> = set.iter().take(4).collect();
                println!(
                    "{:>4} {:>3} {shortest:>2} {sample:?}",
                    number + 1,
                    set.len()
                );
            }
            None => println!("{:>4}   -  - (no gate)", number + 1),
        }
    }
}
