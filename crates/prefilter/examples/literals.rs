//! Prints the literals one of which every match of a pattern contains:
//! `cargo run --release -p dyad-prefilter --example literals -- PATTERN`.
fn main() {
    let pattern = std::env::args().nth(1).unwrap_or_default();
    match dyad_prefilter::required_literals(&pattern, 2) {
        Some(set) => println!("{} literals: {set:?}", set.len()),
        None => println!("no useful literals"),
    }
}
