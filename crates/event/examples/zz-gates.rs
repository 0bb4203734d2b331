use std::time::Instant;
fn main() {
    let text = include_str!("../resources/triggers.tsv");
    let mut corpus = String::new();
    for e in std::fs::read_dir("eval/dev").unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            corpus.push_str(&std::fs::read_to_string(&p).unwrap());
            corpus.push_str("\n\n");
        }
    }
    let mut pats = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.splitn(3, '\t').collect();
        if f.len() < 3 {
            continue;
        }
        pats.push((i + 1, regex::Regex::new(&format!("(?i){}", f[2])).unwrap()));
    }
    for (line, re) in &pats {
        if [316usize, 343, 15, 28, 68].contains(line) {
            println!(
                "{} {:?}",
                line,
                dyad_prefilter::required_literals(re.as_str(), 2)
            );
        }
    }
    let gates = dyad_prefilter::Gates::new(pats.iter().map(|(_, r)| r.as_str()));
    let scan = gates.scan(&corpus);
    let mut rows = Vec::new();
    for (k, (line, re)) in pats.iter().enumerate() {
        let bytes: usize = scan.ranges(k).map(|r| r.len()).sum();
        let t = Instant::now();
        for _ in 0..20 {
            let n = dyad_prefilter::find_in(re, &corpus, scan.ranges(k)).count();
            std::hint::black_box(n);
        }
        rows.push((t.elapsed().as_micros() / 20, *line, bytes));
    }
    rows.sort();
    let total: u128 = rows.iter().map(|r| r.0).sum();
    println!("corpus {} bytes, total {} us", corpus.len(), total);
    let new: u128 = rows.iter().filter(|r| r.1 >= 296).map(|r| r.0).sum();
    println!("new lines {} us", new);
    for r in rows.iter().rev().filter(|r| r.1 >= 296).take(12) {
        println!("{:>6} us  line {:>3}  window {} bytes", r.0, r.1, r.2);
    }
}
