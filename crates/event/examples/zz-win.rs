fn main() {
    let text = std::fs::read_to_string("../shared/corpus/italy-japan-relations.txt").unwrap();
    let extractor = dyad_event::Extractor::new().unwrap();
    let r = extractor.resources();
    let scan = r.trigger_gates.scan(&text);
    let mut n = 0;
    let mut bytes = 0;
    let mut hits = 0;
    let mut active = 0;
    for (i, t) in r.triggers.iter().enumerate() {
        let w: Vec<_> = scan.ranges(i).collect();
        if !w.is_empty() {
            active += 1;
        }
        n += w.len();
        bytes += w.iter().map(|r| r.len()).sum::<usize>();
        hits += dyad_prefilter::find_in(&t.regex, &text, w.into_iter()).count();
    }
    let mut rows: Vec<(usize, usize, String)> = r
        .triggers
        .iter()
        .enumerate()
        .map(|(i, t)| {
            (
                scan.ranges(i).map(|r| r.len()).sum::<usize>(),
                i,
                t.regex.as_str().chars().take(90).collect(),
            )
        })
        .collect();
    rows.sort();
    rows.reverse();
    for (b, i, p) in rows.iter().take(25) {
        println!(
            "{b:6} {i:4} {}  {:?}",
            p,
            dyad_prefilter::required_literals(r.triggers[*i].regex.as_str(), 2)
                .map(|v| v.into_iter().take(6).collect::<Vec<_>>())
        );
    }
    println!(
        "triggers {} active {} windows {} bytes {} hits {} gated {}",
        r.triggers.len(),
        active,
        n,
        bytes,
        hits,
        r.trigger_gates.gated()
    );
}
