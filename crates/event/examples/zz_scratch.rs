fn main() {
    let r = dyad_event::resource::Resources::load().unwrap();
    let text = "In 1995 mercenaries attempted to overthrow the Comorian president.";
    let scan = r.trigger_gates.scan(text);
    for (i, t) in r.triggers.iter().enumerate() {
        for m in r.trigger_gates.find_iter(i, &t.regex, text, &scan) {
            println!("{} {} {:?} {}", i, t.kind, m.as_str(), t.overrides);
        }
    }
}
