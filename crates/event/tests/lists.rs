//! Lists of visits: one event per date of an item, in the direction the line before names.

use dyad_event::Extractor;

#[test]
fn each_date_of_a_listed_visit_is_a_visit() {
    let text = "= Mexico–Spain relations =\n\nMexico–Spain relations are the relations between Mexico and Spain.\n\n== High-level visits ==\nHigh-level visits from Mexico to Spain\n- President Vicente Fox (2001, 2003)\n- President Andrés Manuel López Obrador (2019)\n\nHigh-level visits from Spain to Mexico\n- King Juan Carlos I (1978, 1990)\n";
    let doc = dyad_read::parse_plain(text, "lists");
    let extraction = Extractor::new().expect("resources load").extract(&doc);
    let visits: Vec<(Vec<String>, Option<String>)> = extraction
        .events
        .iter()
        .filter(|e| e.kind == "visit")
        .map(|e| (e.actors.clone(), e.when.clone()))
        .collect();
    let mex_esp = vec!["MEX".to_string(), "ESP".to_string()];
    let esp_mex = vec!["ESP".to_string(), "MEX".to_string()];
    for (actors, year) in [
        (&mex_esp, "2001"),
        (&mex_esp, "2003"),
        (&mex_esp, "2019"),
        (&esp_mex, "1978"),
        (&esp_mex, "1990"),
    ] {
        assert!(
            visits.contains(&(actors.clone(), Some(year.to_string()))),
            "{actors:?} {year} not in {visits:?}"
        );
    }
    // The lines naming the direction tell no undated visit of their own.
    assert_eq!(visits.len(), 5, "{visits:?}");
}

#[test]
fn each_dated_agreement_of_a_list_is_a_treaty() {
    let text = "= Japan–Mexico relations =\n\nJapan–Mexico relations are the relations between Japan and Mexico.\n\n== Bilateral agreements ==\nBoth nations have signed several bilateral agreements, such as:\n- Treaty of Amity, Commerce and Navigation (1888)\n- Agreement on Cultural Exchanges (1954)\n";
    let doc = dyad_read::parse_plain(text, "lists");
    let extraction = Extractor::new().expect("resources load").extract(&doc);
    let treaties: Vec<(Option<String>, Option<String>)> = extraction
        .events
        .iter()
        .filter(|e| e.kind == "treaty")
        .map(|e| (e.when.clone(), e.instrument.clone()))
        .collect();
    assert_eq!(treaties.len(), 2, "{treaties:?}");
    assert!(
        treaties
            .iter()
            .any(|(when, instrument)| when.as_deref() == Some("1888")
                && instrument
                    .as_deref()
                    .is_some_and(|i| i.starts_with("Treaty of Amity"))),
        "{treaties:?}"
    );
    assert!(treaties
        .iter()
        .any(|(when, _)| when.as_deref() == Some("1954")));
}
