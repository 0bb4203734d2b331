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

/// Two fields of each fact of one kind: (member, organisation), (holder, city)…
fn pairs_of(found: &[serde_json::Value], fact: &str, a: &str, b: &str) -> Vec<(String, String)> {
    found
        .iter()
        .filter(|f| f["fact"] == fact)
        .map(|f| {
            // (Numbers, such as a population's count, as their digits.)
            let field = |k: &str| f[k].as_str().map_or_else(|| f[k].to_string(), String::from);
            (field(a), field(b))
        })
        .collect()
}

#[test]
fn memberships_of_both_states() {
    let found = facts(
        "Ecuador–Peru relations",
        "Both countries are members of the Andean Community and the Organization of American States.",
    );
    let pairs = pairs_of(&found, "membership", "member", "organisation");
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

#[test]
fn populations_told_in_several_ways() {
    let cases = [
        (
            "Germany–Poland relations",
            "About 866,000 Polish citizens lived in Germany in 2022.",
            "POL",
            "DEU",
            866_000,
            "2022",
        ),
        (
            "Colombia–Venezuela relations",
            "By 2023 about 2.9 million Venezuelans lived in Colombia.",
            "VEN",
            "COL",
            2_900_000,
            "2023",
        ),
        (
            "Australia–China relations",
            "As of 2021, about 550,000 people born in China lived in Australia.",
            "CHN",
            "AUS",
            550_000,
            "2021",
        ),
    ];
    for (title, text, of, residing, count, year) in cases {
        let found = facts(title, text);
        let population = found
            .iter()
            .find(|f| f["fact"] == "population")
            .unwrap_or_else(|| panic!("no population in {text}: {found:?}"));
        assert_eq!(population["nationals_of"], of, "{text}");
        assert_eq!(population["residing_in"], residing, "{text}");
        assert_eq!(population["count"], count, "{text}");
        assert_eq!(population["as_of"], year, "{text}");
    }
}

#[test]
fn each_list_of_missions_has_the_holder_named_before_it() {
    let found = facts(
        "Norway–Russia relations",
        "Norway has an embassy in Moscow and consulates-general in Murmansk and Saint Petersburg; Russia has an embassy in Oslo and a consulate-general in Kirkenes.",
    );
    let holder_of = |city: &str| {
        found
            .iter()
            .find(|f| f["city"] == city)
            .map(|f| f["holder"].as_str().unwrap_or("").to_string())
    };
    assert_eq!(holder_of("Murmansk").as_deref(), Some("NOR"), "{found:?}");
    assert_eq!(holder_of("Saint Petersburg").as_deref(), Some("NOR"));
    assert_eq!(holder_of("Oslo").as_deref(), Some("RUS"));
    assert_eq!(holder_of("Kirkenes").as_deref(), Some("RUS"));
}

#[test]
fn embassies_in_each_others_capitals() {
    let found = facts(
        "Chile–Peru relations",
        "Both countries have embassies in each other's capitals.",
    );
    let cities = pairs_of(&found, "mission", "holder", "city");
    assert!(cities.contains(&("CHL".into(), "Lima".into())), "{found:?}");
    assert!(
        cities.contains(&("PER".into(), "Santiago".into())),
        "{found:?}"
    );
}

#[test]
fn a_non_resident_mission_is_in_the_third_states_capital() {
    let found = facts(
        "Iceland–Japan relations",
        "Iceland is represented in Japan through its embassy in Tokyo. Japan is represented in Iceland through its embassy in Oslo, Norway.",
    );
    let missions: Vec<(String, String, String)> = found
        .iter()
        .filter(|f| f["fact"] == "mission")
        .map(|f| {
            let field = |k: &str| f[k].as_str().unwrap_or("").to_string();
            (field("holder"), field("host"), field("city"))
        })
        .collect();
    assert!(
        missions.contains(&("ISL".into(), "JPN".into(), "Tokyo".into())),
        "{missions:?}"
    );
    assert!(
        missions.contains(&("JPN".into(), "NOR".into(), "Oslo".into())),
        "{missions:?}"
    );
    assert_eq!(missions.len(), 2, "{missions:?}");
}

#[test]
fn a_second_holder_after_a_comma_and_and() {
    let found = facts(
        "Eritrea–Ethiopia relations",
        "Ethiopia has an embassy in Asmara, and Eritrea has an embassy in Addis Ababa. France maintains an embassy in Mexico City, and Mexico has an embassy in Paris.",
    );
    let missions = pairs_of(&found, "mission", "holder", "city");
    for expected in [
        ("ETH", "Asmara"),
        ("ERI", "Addis Ababa"),
        ("FRA", "Mexico City"),
        ("MEX", "Paris"),
    ] {
        assert!(
            missions.contains(&(expected.0.to_string(), expected.1.to_string())),
            "{expected:?} in {missions:?}"
        );
    }
    assert_eq!(missions.len(), 4, "{missions:?}");
}

#[test]
fn mission_kinds_in_capitals_and_deputy_high_commissions() {
    let found = facts(
        "Bangladesh–India relations",
        "India has a High Commission in Dhaka and assistant high commissions in Chittagong. \
         Bangladesh has a High Commission in New Delhi and deputy high commissions in Kolkata and Mumbai.",
    );
    let kinds: Vec<(String, String)> = pairs_of(&found, "mission", "kind", "city");
    assert!(
        kinds.contains(&("high-commission".into(), "Dhaka".into())),
        "{found:?}"
    );
    assert!(
        kinds.contains(&("high-commission".into(), "New Delhi".into())),
        "{found:?}"
    );
    assert!(
        kinds.contains(&("deputy-high-commission".into(), "Kolkata".into())),
        "{found:?}"
    );
    assert!(
        kinds.contains(&("deputy-high-commission".into(), "Mumbai".into())),
        "{found:?}"
    );
}

/// The one population fact a sentence gives, as (nationals, residence).
fn assert_population(title: &str, text: &str, expected: (&str, &str)) {
    let found = facts(title, text);
    let pairs = pairs_of(&found, "population", "nationals_of", "residing_in");
    let expected = (expected.0.to_string(), expected.1.to_string());
    assert_eq!(pairs, vec![expected], "{text}: {found:?}");
}

#[test]
fn population_in_a_country_named_with_the_article() {
    assert_population(
        "Iran–United Arab Emirates relations",
        "Around 500,000 Iranians lived in the UAE in 2019.",
        ("IRN", "ARE"),
    );
}

#[test]
fn populations_told_with_a_census_or_an_estimate() {
    for text in [
        "According to the 2022 census, 162,000 Chileans live in Argentina.",
        "Some 162,000 Chileans live in Argentina, according to a 2022 estimate.",
    ] {
        let found = facts("Argentina–Chile relations", text);
        let population: Vec<_> = found.iter().filter(|f| f["fact"] == "population").collect();
        assert_eq!(population.len(), 1, "{text}: {found:?}");
        assert_eq!(population[0]["nationals_of"], "CHL", "{text}");
        assert_eq!(population[0]["residing_in"], "ARG", "{text}");
        assert_eq!(population[0]["count"], 162000, "{text}");
        assert_eq!(population[0]["as_of"], "2022", "{text}");
    }
    assert_population(
        "Lebanon–Syria relations",
        "More than 1.5 million Syrian refugees lived in Lebanon in 2023.",
        ("SYR", "LBN"),
    );
    assert_population(
        "Kazakhstan–Russia relations",
        "About 3.5 million ethnic Russians lived in Kazakhstan in 2021.",
        ("RUS", "KAZ"),
    );
}

#[test]
fn city_names_with_two_particles() {
    assert_missions(
        "Bolivia–Brazil relations",
        "Brazil has an embassy in La Paz and consulates-general in Santa Cruz de la Sierra and Cochabamba.",
        &[("BRA", "Santa Cruz de la Sierra"), ("BRA", "Cochabamba")],
    );
}

/// The missions found, after checking that each expected (holder, city) pair is among them.
fn assert_missions(title: &str, text: &str, expected: &[(&str, &str)]) -> Vec<(String, String)> {
    let found = facts(title, text);
    let cities = pairs_of(&found, "mission", "holder", "city");
    for (holder, city) in expected {
        assert!(
            cities.contains(&(holder.to_string(), city.to_string())),
            "{holder} in {city}: {found:?}"
        );
    }
    cities
}

#[test]
fn joining_names_the_organisation_right_after_it() {
    let found = facts(
        "Finland–Russia relations",
        "After Russia invaded Ukraine in 2022, Finland joined NATO in April 2023.",
    );
    let members: Vec<(&str, &str)> = found
        .iter()
        .filter(|f| f["fact"] == "membership")
        .filter_map(|f| Some((f["member"].as_str()?, f["organisation"].as_str()?)))
        .collect();
    assert_eq!(
        members,
        [("FIN", "North Atlantic Treaty Organization")],
        "{found:?}"
    );
    // What qualifies another noun was not joined: sanctions are no organisation.
    let found = facts(
        "Norway–Russia relations",
        "Norway joined the European Union's sanctions against Russia in 2014.",
    );
    assert!(found.iter().all(|f| f["fact"] != "membership"), "{found:?}");
}

#[test]
fn each_statement_of_membership_has_its_own_members() {
    let found = facts(
        "Bulgaria–North Macedonia relations",
        "Both countries are members of NATO, and Bulgaria is a member of the European Union.",
    );
    let pairs = pairs_of(&found, "membership", "member", "organisation");
    assert_eq!(pairs.len(), 3, "{found:?}");
    assert!(pairs.contains(&("BGR".into(), "European Union".into())));
    assert!(!pairs.contains(&("MKD".into(), "European Union".into())));
    // A second organisation joined in the same sentence.
    let found = facts(
        "Hungary–Romania relations",
        "Romania joined NATO in 2004, five years after Hungary, and both joined the European Union in 2007.",
    );
    let pairs = pairs_of(&found, "membership", "member", "organisation");
    assert!(
        pairs.contains(&("HUN".into(), "European Union".into())),
        "{found:?}"
    );
    assert!(
        pairs.contains(&("ROU".into(), "European Union".into())),
        "{found:?}"
    );
}

#[test]
fn a_membership_told_twice_is_one_fact() {
    let found = facts(
        "Bahrain–Kuwait relations",
        "Both countries are members of the Gulf Cooperation Council. Both were founding members of the Gulf Cooperation Council in May 1981.",
    );
    let pairs = pairs_of(&found, "membership", "member", "organisation");
    assert_eq!(pairs.len(), 2, "{found:?}");
}

#[test]
fn a_population_counted_again_later_in_its_sentence() {
    let found = facts(
        "Moldova–Romania relations",
        "About 4,000 Moldovan citizens lived in Romania in 2005, a number that rose to more than 30,000 by 2021.",
    );
    let counts = pairs_of(&found, "population", "count", "as_of");
    assert_eq!(
        counts,
        vec![
            ("4000".into(), "2005".into()),
            ("30000".into(), "2021".into())
        ],
        "{found:?}"
    );
}

#[test]
fn populations_counted_by_birthplace_and_census() {
    assert_population(
        "Chile–Peru relations",
        "At the 2017 census about 190,000 Peruvian-born people were living in Chile.",
        ("PER", "CHL"),
    );
    assert_population(
        "Canada–Ireland relations",
        "About 12,000 Irish-born residents lived in Canada in 2016.",
        ("IRL", "CAN"),
    );
}

#[test]
fn a_state_opening_a_new_clause_ends_a_city_list() {
    let cities = assert_missions(
        "Libya–Tunisia relations",
        "Libya has an embassy in Tunis and consulates in Sfax, Gabès and Djerba, and Tunisia has an embassy in Tripoli.",
        &[("LBY", "Djerba"), ("TUN", "Tripoli")],
    );
    assert!(
        !cities.iter().any(|(_, city)| city == "Tunisia"),
        "{cities:?}"
    );
}

#[test]
fn a_mission_in_a_territory_s_town_is_in_its_sovereign() {
    let found = facts(
        "Finland–Norway relations",
        "Norway has an embassy in Helsinki and a consulate-general in Mariehamn.",
    );
    let hosts = pairs_of(&found, "mission", "city", "host");
    assert!(
        hosts.contains(&("Mariehamn".into(), "FIN".into())),
        "{found:?}"
    );
}

#[test]
fn populations_of_nationals_named_in_several_words() {
    assert_population(
        "Australia–Papua New Guinea relations",
        "About 20,000 Papua New Guineans lived in Australia in 2021.",
        ("PNG", "AUS"),
    );
    assert_population(
        "India–Sri Lanka relations",
        "Some 30,000 Sri Lankans lived in India in 2020.",
        ("LKA", "IND"),
    );
}

#[test]
fn missions_of_a_state_whose_name_has_an_apostrophe() {
    let found = facts(
        "Côte d'Ivoire–Ghana relations",
        "Ghana has an embassy in Abidjan, and Côte d'Ivoire has an embassy in Accra.",
    );
    let missions = pairs_of(&found, "mission", "holder", "city");
    assert_eq!(
        missions,
        vec![
            ("GHA".into(), "Abidjan".into()),
            ("CIV".into(), "Accra".into())
        ],
        "{found:?}"
    );
}

#[test]
fn a_candidacy_named_after_a_membership_is_no_membership() {
    let found = facts(
        "Montenegro–Serbia relations",
        "Both countries are members of the Council of Europe and candidates for membership of the European Union.",
    );
    let pairs = pairs_of(&found, "membership", "member", "organisation");
    assert_eq!(pairs.len(), 2, "{found:?}");
    assert!(
        pairs.iter().all(|(_, o)| o == "Council of Europe"),
        "{pairs:?}"
    );
}

#[test]
fn a_membership_told_in_a_relative_clause() {
    let found = facts(
        "Egypt–Russia relations",
        "Egypt joined BRICS, of which Russia and China are founding members, in January 2024.",
    );
    let mut pairs = pairs_of(&found, "membership", "member", "organisation");
    pairs.sort();
    assert_eq!(
        pairs,
        vec![
            ("CHN".to_string(), "BRICS".to_string()),
            ("EGY".to_string(), "BRICS".to_string()),
            ("RUS".to_string(), "BRICS".to_string()),
        ],
        "{found:?}"
    );
}

#[test]
fn nationals_in_metropolitan_france() {
    assert_population(
        "France–Haiti relations",
        "About 80,000 Haitians lived in metropolitan France as of 2019.",
        ("HTI", "FRA"),
    );
}

#[test]
fn missions_named_among_a_counted_few() {
    let cities = assert_missions(
        "China–South Korea relations",
        "South Korea has an embassy in Beijing and nine consulates-general, among them those in Shanghai, Qingdao and Shenyang.",
        &[("KOR", "Beijing"), ("KOR", "Shanghai"), ("KOR", "Qingdao"), ("KOR", "Shenyang")],
    );
    assert_eq!(cities.len(), 4);
}

#[test]
fn populations_told_in_the_present_without_a_year() {
    let found = facts(
        "Argentina–Spain relations",
        "Around 290,000 Argentine-born people live in Spain, and more than 90,000 Spanish citizens were registered in Argentina in 2023.",
    );
    let years = pairs_of(&found, "population", "nationals_of", "as_of");
    assert_eq!(
        years,
        vec![("ARG".into(), "null".into()), ("ESP".into(), "2023".into())],
        "{found:?}"
    );
    // A dated count is not told twice, once without its year.
    let found = facts(
        "Chile–Peru relations",
        "Some 250,000 Peruvians live in Chile, according to a 2023 estimate.",
    );
    assert_eq!(
        pairs_of(&found, "population", "count", "as_of"),
        vec![("250000".into(), "2023".into())]
    );
    // An ethnic minority is no count of foreign nationals.
    let found = facts(
        "Hungary–Slovakia relations",
        "About 420,000 ethnic Hungarians live in Slovakia.",
    );
    assert!(
        pairs_of(&found, "population", "count", "as_of").is_empty(),
        "{found:?}"
    );
}

#[test]
fn liaison_offices_are_missions() {
    let found = facts(
        "Israel–Oman relations",
        "Israel has a liaison office in Muscat, and Oman has a liaison office in Tel Aviv.",
    );
    let kinds = pairs_of(&found, "mission", "holder", "kind");
    assert_eq!(
        kinds,
        vec![
            ("ISR".into(), "liaison-office".into()),
            ("OMN".into(), "liaison-office".into())
        ],
        "{found:?}"
    );
}
