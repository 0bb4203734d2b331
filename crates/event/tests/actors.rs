//! Who acts: the order of an event's actors, the acting state first.

mod common;

use common::{event_of_kind, events};

#[test]
fn a_participle_after_a_comma_is_its_clause_subjects_act() {
    let found = events(
        "Bahrain–Qatar relations",
        "In 1986 Bahrain and Saudi Arabia recalled their envoys from Qatar, accusing it of provocation.",
    );
    let dispute = event_of_kind(&found, "dispute");
    assert_eq!(
        dispute.actors.first().map(String::as_str),
        Some("BHR"),
        "{dispute:?}"
    );
    assert!(dispute.actors.contains(&"QAT".to_string()), "{dispute:?}");
}

#[test]
fn the_nearest_state_before_a_verb_acts() {
    let found = events(
        "Guyana–Venezuela relations",
        "In 2015 Venezuela claimed the waters off Essequibo, which Guyana condemned.",
    );
    let condemned = found
        .iter()
        .find(|e| e.evidence[0].trigger.contains("condemn"))
        .unwrap_or_else(|| panic!("a condemnation in {found:?}"));
    assert_eq!(
        condemned.actors.first().map(String::as_str),
        Some("GUY"),
        "{condemned:?}"
    );
}
