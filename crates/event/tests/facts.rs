//! Standing facts from sentences and lists.

use dyad_event::{Extractor, Fact};

fn facts(title: &str, text: &str) -> Vec<serde_json::Value> {
    let extractor = Extractor::new().expect("resources load");
    let doc = dyad_read::parse_plain(&format!("= {title} =\n{text}\n"), "facts");
    extractor
        .extract(&doc)
        .facts
        .iter()
        .map(|f: &Fact| serde_json::to_value(f).expect("facts serialise"))
        .collect()
}

#[test]
fn memberships_of_both_states() {
    let found = facts(
        "Ecuador–Peru relations",
        "Both countries are members of the Andean Community and the Organization of American States.",
    );
    let pairs: Vec<(String, String)> = found
        .iter()
        .filter(|f| f["fact"] == "membership")
        .map(|f| {
            (
                f["member"].as_str().unwrap_or("").to_string(),
                f["organisation"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(pairs.len(), 4, "{found:?}");
    assert!(pairs.contains(&("PER".into(), "Andean Community".into())));
    assert!(pairs.contains(&("ECU".into(), "Organization of American States".into())));
}

#[test]
fn founding_member_with_wikidata() {
    let found = facts(
        "Iceland–United Kingdom relations",
        "Iceland is a founding member of NATO.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["member"], "ISL");
    assert_eq!(found[0]["wikidata"], "Q7184");
}

#[test]
fn mission_lists_with_several_cities() {
    let found = facts(
        "Morocco–Spain relations",
        "Morocco has an embassy in Madrid and consulates-general in Algeciras, Seville and Valencia.",
    );
    let cities: Vec<&str> = found
        .iter()
        .filter(|f| f["fact"] == "mission")
        .map(|f| f["city"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(cities, vec!["Madrid", "Algeciras", "Seville", "Valencia"]);
    // Valencia is also a Venezuelan city: in a Morocco–Spain article it is the Spanish one.
    assert!(found.iter().all(|f| f["host"] == "ESP"), "{found:?}");
    assert!(found[1..].iter().all(|f| f["kind"] == "consulate-general"));
}

#[test]
fn no_membership_without_a_state() {
    let found = facts(
        "Ecuador–Peru relations",
        "The delegates were members of the Andean Community's secretariat.",
    );
    assert!(found.iter().all(|f| f["fact"] != "membership"), "{found:?}");
}

#[test]
fn a_bare_both_is_the_pair() {
    let found = facts(
        "Iceland–United Kingdom relations",
        "Both are founding members of NATO and members of the Council of Europe.",
    );
    assert_eq!(found.len(), 4, "{found:?}");
}
