//! The name lists (`resources/`), compiled into one Aho–Corasick automaton over every surface
//! form. Case matters: "Turkey" is a state, "turkey" a bird; "China" a state, "china" porcelain.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use foldhash::HashMap;

const COUNTRIES: &str = include_str!("../resources/countries.tsv");
const STATES: &str = include_str!("../resources/states.tsv");
const DEMONYMS: &str = include_str!("../resources/demonyms.tsv");
const CAPITALS: &str = include_str!("../resources/capitals.tsv");
const PLACES: &str = include_str!("../resources/places.tsv");
const ORGANISATIONS: &str = include_str!("../resources/organisations.tsv");
const TREATIES: &str = include_str!("../resources/treaties.tsv");
const WIKIDATA: &str = include_str!("../resources/wikidata.tsv");
const NOT_PLACES: &str = include_str!("../resources/not-places.txt");
const PLACE_ALIASES: &str = include_str!("../resources/place-aliases.tsv");
const REGIONS: &str = include_str!("../resources/regions.tsv");

/// What an entry of the gazetteer names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    State,
    Place,
    Person,
    Organisation,
    Treaty,
    War,
}

/// How a surface form names its entry; decides between entries that share a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Form {
    Name,
    Historical,
    Demonym,
    Organisation,
    Treaty,
    Capital,
    City,
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub kind: EntityKind,
    pub form: Form,
    /// The preferred name: the ISO short name of a state, a city's name, ...
    pub canonical: String,
    /// ISO 3166-1 alpha-3 of the state named, or of the state a place is in.
    pub code: Option<String>,
    /// For historical polities: the polity's own name ("Kingdom of Italy").
    pub historical: Option<String>,
    pub qid: Option<String>,
    pub geonames: Option<u64>,
    /// Years: signed (treaties) or existed (polities).
    pub from: Option<i64>,
    pub to: Option<i64>,
    /// Organisation kind (alliance, bloc, ...).
    pub detail: Option<String>,
}

#[derive(Debug)]
pub struct Gazetteer {
    pub entries: Vec<Entry>,
    pub automaton: AhoCorasick,
    /// Pattern index → entry index.
    pub pattern_entry: Vec<usize>,
    /// ISO alpha-3 → the entry of the state's short name.
    pub states: HashMap<String, usize>,
    /// Lower-cased surface form → entry, for looking up link targets and titles.
    pub by_name: HashMap<String, usize>,
    /// ISO alpha-3 → continent ("Asia", "Europe", "NorthAmerica", ...).
    pub continents: HashMap<String, String>,
    /// Entry index of an alliance → its member states, where they are fixed ("the Axis
    /// powers": Germany, Italy, Japan).
    pub members: HashMap<usize, Vec<String>>,
}

/// The name and its other English spellings: "Organisation"/"Organization" and
/// "Co-operation"/"Cooperation" are both written for the same body, and the resource lists one.
fn spellings(name: &str) -> Vec<String> {
    const PAIRS: [(&str, &str); 4] = [
        ("Organisation", "Organization"),
        ("Organization", "Organisation"),
        ("Co-operation", "Cooperation"),
        ("Cooperation", "Co-operation"),
    ];
    let mut out = vec![name.to_string()];
    for (from, to) in PAIRS {
        let more: Vec<String> = out
            .iter()
            .filter(|n| n.contains(from))
            .map(|n| n.replace(from, to))
            .collect();
        for spelling in more {
            if !out.contains(&spelling) {
                out.push(spelling);
            }
        }
    }
    out
}

/// The fields of a resource table's rows (tab-separated; blank lines and `#` comments skipped).
pub(crate) fn rows(source: &str) -> impl Iterator<Item = Vec<&str>> {
    source
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

fn year(field: Option<&&str>) -> Option<i64> {
    field.and_then(|f| f.trim().parse().ok())
}

/// A display name without ISO's qualifiers: "Bolivia (Plurinational State of)" → "Bolivia".
fn plain_name(name: &str) -> String {
    let base = name.split(" (").next().unwrap_or(name);
    match base.split_once(", ") {
        Some((first, _)) => first.to_string(),
        None => base.to_string(),
    }
}

impl Gazetteer {
    pub fn load() -> Result<Gazetteer, String> {
        let qids: HashMap<&str, &str> = rows(WIKIDATA)
            .filter_map(|r| Some((*r.first()?, *r.get(1)?)))
            .collect();
        let not_places: Vec<&str> = NOT_PLACES
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        let mut entries: Vec<Entry> = Vec::new();
        let mut members: HashMap<usize, Vec<String>> = HashMap::default();
        let mut forms: Vec<(String, usize)> = Vec::new();
        let mut states = HashMap::default();
        let state =
            |code: &str, canonical: String, form: Form, historical: Option<String>, from, to| {
                Entry {
                    kind: EntityKind::State,
                    form,
                    canonical,
                    code: Some(code.to_string()),
                    historical,
                    qid: qids.get(code).map(|q| q.to_string()),
                    geonames: None,
                    from,
                    to,
                    detail: None,
                }
            };
        // Modern states from the ISO / CLDR data.
        let mut canonical_names: HashMap<String, String> = HashMap::default();
        let mut continents = HashMap::default();
        for row in rows(COUNTRIES) {
            let (Some(code), Some(short)) = (row.first(), row.get(2)) else {
                continue;
            };
            let unofficial: Vec<&str> = row
                .get(5)
                .map(|u| u.split('|').collect())
                .unwrap_or_default();
            // Prefer a plain common name ("Turkey" over "Türkiye" is left to the data).
            let canonical = unofficial
                .first()
                .filter(|u| !u.contains(['(', ',']))
                .map(|u| u.to_string())
                .unwrap_or_else(|| plain_name(short));
            canonical_names.insert(code.to_string(), canonical.clone());
            if let Some(continent) = row.get(6) {
                continents.insert(code.to_string(), continent.to_string());
            }
            let index = entries.len();
            entries.push(state(code, canonical.clone(), Form::Name, None, None, None));
            states.insert(code.to_string(), index);
            let mut names: Vec<String> = vec![plain_name(short), canonical];
            if let Some(long) = row.get(3) {
                names.push(long.trim_start_matches("The ").to_string());
                names.push(format!("the {}", long.trim_start_matches("The ")));
            }
            names.extend(
                unofficial
                    .iter()
                    .filter(|u| !u.contains(['(', ',', '[']))
                    .map(|u| u.to_string()),
            );
            for name in names {
                forms.push((name, index));
            }
            // "Bosnian, Herzegovinian" is two forms; "Kittian and Nevisian" none that prose
            // uses; "Central African" names a region more often than the republic.
            let nationalities = row.get(4).map_or(Vec::new(), |n| {
                n.split(", ")
                    .filter(|n| !n.is_empty() && !n.contains(" and ") && *n != "Central African")
                    .collect()
            });
            for nationality in nationalities {
                let demonym = entries.len();
                let mut entry = state(
                    code,
                    canonical_names[*code].clone(),
                    Form::Demonym,
                    None,
                    None,
                    None,
                );
                entry.detail = Some(nationality.to_string());
                entries.push(entry);
                forms.push((nationality.to_string(), demonym));
                if let Some(plural) = plural_of(nationality) {
                    forms.push((plural, demonym));
                }
            }
        }
        for row in rows(STATES) {
            let (Some(code), Some(names)) = (row.first(), row.get(1)) else {
                continue;
            };
            let canonical = canonical_names
                .get(*code)
                .cloned()
                .unwrap_or_else(|| code.to_string());
            let from = year(row.get(2));
            let to = year(row.get(3));
            for name in names.split('|') {
                // A historical polity keeps its own name; a common name is just the state.
                let historical = (from.is_some() || to.is_some()).then(|| name.to_string());
                let form = if historical.is_some() {
                    Form::Historical
                } else {
                    Form::Name
                };
                let index = entries.len();
                entries.push(state(code, canonical.clone(), form, historical, from, to));
                forms.push((name.to_string(), index));
            }
        }
        for row in rows(DEMONYMS) {
            let (Some(code), Some(names)) = (row.first(), row.get(1)) else {
                continue;
            };
            let canonical = canonical_names
                .get(*code)
                .cloned()
                .unwrap_or_else(|| code.to_string());
            for name in names.split('|') {
                let index = entries.len();
                entries.push(state(
                    code,
                    canonical.clone(),
                    Form::Demonym,
                    None,
                    None,
                    None,
                ));
                forms.push((name.to_string(), index));
            }
        }
        for row in rows(ORGANISATIONS) {
            let Some(names) = row.first() else { continue };
            let variants: Vec<&str> = names.split('|').collect();
            let index = entries.len();
            entries.push(Entry {
                kind: EntityKind::Organisation,
                form: Form::Organisation,
                canonical: variants.first().copied().unwrap_or("").to_string(),
                code: row.get(3).filter(|c| !c.is_empty()).map(|c| c.to_string()),
                historical: None,
                qid: row.get(2).filter(|q| !q.is_empty()).map(|q| q.to_string()),
                geonames: None,
                from: None,
                to: None,
                detail: row.get(1).map(|d| d.to_string()),
            });
            if let Some(codes) = row.get(4).filter(|m| !m.trim().is_empty()) {
                members.insert(
                    index,
                    codes.split_whitespace().map(str::to_string).collect(),
                );
            }
            for variant in variants {
                for spelling in spellings(variant) {
                    forms.push((spelling, index));
                }
            }
        }
        for row in rows(TREATIES) {
            let Some(names) = row.first() else { continue };
            let variants: Vec<&str> = names.split('|').collect();
            let index = entries.len();
            entries.push(Entry {
                kind: EntityKind::Treaty,
                form: Form::Treaty,
                canonical: variants.first().copied().unwrap_or("").to_string(),
                code: None,
                historical: None,
                qid: None,
                geonames: None,
                from: year(row.get(1)),
                to: year(row.get(2)),
                detail: None,
            });
            for variant in variants {
                forms.push((variant.to_string(), index));
            }
        }
        let capitals: HashMap<(String, String), ()> = rows(CAPITALS)
            .filter_map(|r| Some(((r.first()?.to_string(), r.get(1)?.to_string()), ())))
            .collect();
        for row in rows(PLACES) {
            let (Some(name), Some(id), Some(code)) = (row.first(), row.get(1), row.get(2)) else {
                continue;
            };
            if not_places.contains(name) {
                continue;
            }
            let capital = capitals.contains_key(&(code.to_string(), name.to_string()));
            let index = entries.len();
            entries.push(Entry {
                kind: EntityKind::Place,
                form: if capital { Form::Capital } else { Form::City },
                canonical: name.to_string(),
                code: Some(code.to_string()),
                historical: None,
                qid: None,
                geonames: id.parse().ok(),
                from: None,
                to: None,
                detail: None,
            });
            forms.push((name.to_string(), index));
        }
        for row in rows(REGIONS) {
            let (Some(name), Some(code)) = (row.first(), row.get(1)) else {
                continue;
            };
            let index = entries.len();
            entries.push(Entry {
                kind: EntityKind::Place,
                form: Form::City,
                canonical: name.to_string(),
                code: Some(code.to_string()),
                historical: None,
                qid: None,
                geonames: None,
                from: None,
                to: None,
                detail: None,
            });
            forms.push((name.to_string(), index));
        }
        // (An alias is curated: it wins over a smaller city of the same name, as "Santa Cruz"
        // is Santa Cruz de la Sierra, not the Philippine town listed under that name.)
        let mut aliases: Vec<(String, usize)> = Vec::new();
        for row in rows(PLACE_ALIASES) {
            let (Some(alias), Some(main)) = (row.first(), row.get(1)) else {
                continue;
            };
            if let Some(index) = forms
                .iter()
                .find(|(name, i)| name == main && entries[*i].kind == EntityKind::Place)
                .map(|(_, i)| *i)
            {
                aliases.push((alias.to_string(), index));
            }
        }
        // Names are matched without their article: "the Netherlands" is "the" and a name.
        for (name, _) in forms.iter_mut() {
            if let Some(rest) = name
                .strip_prefix("the ")
                .or_else(|| name.strip_prefix("The "))
            {
                if rest.chars().next().is_some_and(char::is_uppercase) {
                    *name = rest.to_string();
                }
            }
        }
        // One entry per surface form: the best form wins (a state's name over a city's).
        let mut best: HashMap<String, usize> = HashMap::default();
        for (surface, index) in &forms {
            if surface.is_empty() {
                continue;
            }
            best.entry(surface.clone())
                .and_modify(|current| {
                    // A better form wins; on a tie the later list (the curated resource files
                    // come after the generated ISO data) wins: "French" is France, not the
                    // French Southern Territories.
                    // Two cities of one name: the larger (listed first) wins ("La Paz" is
                    // Bolivia's, not the Mexican city's).
                    let both_cities =
                        entries[*index].form == Form::City && entries[*current].form == Form::City;
                    if entries[*index].form <= entries[*current].form && !both_cities {
                        *current = *index;
                    }
                })
                .or_insert(*index);
        }
        for (alias, index) in aliases {
            let current = best.entry(alias).or_insert(index);
            if entries[*current].form == Form::City {
                *current = index;
            }
        }
        let mut patterns: Vec<(String, usize)> = best.into_iter().collect();
        patterns.sort();
        let by_name = patterns
            .iter()
            .map(|(s, i)| (s.to_lowercase(), *i))
            .collect();
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(patterns.iter().map(|(s, _)| s.as_str()))
            .map_err(|e| e.to_string())?;
        Ok(Gazetteer {
            entries,
            automaton,
            pattern_entry: patterns.iter().map(|(_, i)| *i).collect(),
            states,
            by_name,
            continents,
            members,
        })
    }

    /// The state entry of an ISO alpha-3 code.
    pub fn state(&self, code: &str) -> Option<&Entry> {
        self.states.get(code).and_then(|&i| self.entries.get(i))
    }

    /// The ISO alpha-3 code of a state given by code, name or demonym ("ITA", "Italy",
    /// "Italian", "Kingdom of Italy").
    pub fn resolve_state(&self, name: &str) -> Option<String> {
        let upper = name.trim().to_uppercase();
        if upper.len() == 3 && self.state(&upper).is_some() {
            return Some(upper);
        }
        self.lookup(name)
            .filter(|e| e.kind == EntityKind::State)
            .and_then(|e| e.code.clone())
    }

    /// Resolve a name ("Italy", "Japanese", "Kingdom of Italy") to its entry, ignoring case.
    /// The capital of a state, by its ISO 3166-1 alpha-3 code.
    ///
    /// ```
    /// let gazetteer = dyad_entity::Gazetteer::load().unwrap();
    /// assert_eq!(gazetteer.capital_of("PER").map(|e| e.canonical.as_str()), Some("Lima"));
    /// ```
    pub fn capital_of(&self, code: &str) -> Option<&Entry> {
        self.entries
            .iter()
            .find(|e| e.form == Form::Capital && e.code.as_deref() == Some(code))
    }

    pub fn lookup(&self, name: &str) -> Option<&Entry> {
        self.by_name
            .get(&name.trim().to_lowercase())
            .and_then(|&i| self.entries.get(i))
    }
}

/// The plural noun for people of a nationality, where English forms one by adding "s":
/// "Chadians", "Costa Ricans", "Iraqis", "Czechs"; not "Vietnamese", "Swiss", "British".
fn plural_of(nationality: &str) -> Option<String> {
    let uninflected = ["ese", "sh", "ss", "z"]
        .iter()
        .any(|end| nationality.ends_with(end))
        || nationality.ends_with("ch") && !nationality.ends_with("Czech");
    (!uninflected).then(|| format!("{nationality}s"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organisation_names_are_known_in_both_spellings() {
        assert_eq!(
            spellings("Organisation for Economic Co-operation and Development"),
            [
                "Organisation for Economic Co-operation and Development",
                "Organization for Economic Co-operation and Development",
                "Organisation for Economic Cooperation and Development",
                "Organization for Economic Cooperation and Development",
            ]
        );
        assert_eq!(spellings("NATO"), ["NATO"]);
        let gazetteer = Gazetteer::load().expect("the bundled tables load");
        let oei = gazetteer.lookup("Organization of Ibero-American States");
        assert_eq!(
            oei.map(|e| e.canonical.as_str()),
            Some("Organisation of Ibero-American States")
        );
    }
}
