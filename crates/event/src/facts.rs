//! Standing facts: diplomatic missions and nationals abroad.

use crate::resource::{prose_regex, Resources};
use crate::Fact;
use dyad_entity::{EntityKind, Gazetteer, Mention};
use dyad_read::{Document, Span};
use dyad_segment::Sentence;

/// The facts `doc` states; `scan` is the document's scan by the fact gates.
pub fn extract_facts(
    doc: &Document,
    scan: &dyad_prefilter::Scan,
    sentences: &[Sentence],
    mentions: &[Mention],
    resources: &Resources,
    gazetteer: &Gazetteer,
    dyad: &[String],
) -> Vec<Fact> {
    let mut facts: Vec<Fact> = Vec::new();
    let state_code = |name: &str| -> Option<String> {
        gazetteer
            .lookup(name.trim())
            .filter(|e| e.kind == EntityKind::State)
            .and_then(|e| e.code.clone())
    };
    // A plural demonym is its state's too ("Venezuelans").
    let demonym_code = |name: &str| -> Option<String> {
        state_code(name).or_else(|| name.trim().strip_suffix('s').and_then(state_code))
    };
    let city_code = |name: &str, at: usize| -> Option<String> {
        mentions
            .iter()
            .find(|m| m.span.start == at && m.kind == EntityKind::Place)
            .and_then(|m| m.code.clone())
            .or_else(|| gazetteer.lookup(name).and_then(|e| e.code.clone()))
    };
    // Fact patterns need words most sentences lack ("embassy", "nationals"): the gates say
    // which sentences are worth a search.
    let ranges: Vec<Vec<std::ops::Range<usize>>> = (0..resources.facts.len())
        .map(|i| scan.ranges(i).collect())
        .collect();
    let may_match = |pattern: usize, span: Span| {
        let list = &ranges[pattern];
        let first = list.partition_point(|r| r.end <= span.start);
        list.get(first).is_some_and(|r| r.start < span.end)
    };
    for sentence in sentences {
        memberships(doc, sentence.span, mentions, &mut facts);
        memberships_of_which(doc, sentence.span, mentions, &mut facts);
        missions_in_each_other(
            doc.slice(sentence.span),
            sentence.span,
            gazetteer,
            dyad,
            &mut facts,
        );
        let text = doc.slice(sentence.span);
        let mut holder: Option<String> = None;
        // Matches of all patterns in text order, so that a list's holder is the one named
        // last before it ("Norway has an embassy in Moscow and consulates-general in
        // Murmansk; Russia has an embassy in Oslo").
        let mut matches: Vec<(usize, usize, regex::Captures)> = Vec::new();
        for (index, pattern) in resources.facts.iter().enumerate() {
            if !may_match(index, sentence.span) {
                continue;
            }
            let mut from = 0;
            while let Some(caps) = pattern.regex.captures_at(text, from) {
                let Some(whole) = caps.get(0) else { break };
                // A city list that ran on into the next holder ("an embassy in Asmara, and
                // Eritrea has an embassy in Addis Ababa") is searched again from that holder.
                let next_holder = caps.name("city").and_then(|cities| {
                    city_list(cities.as_str())
                        .into_iter()
                        .skip(1)
                        .find(|(_, city)| state_code(city).is_some())
                        .map(|(offset, _)| cities.start() + offset)
                });
                from = match next_holder {
                    Some(at) if at > whole.start() => at,
                    _ => whole.end().max(whole.start() + 1),
                };
                matches.push((whole.start(), index, caps));
                if from > text.len() {
                    break;
                }
            }
        }
        matches.sort_by_key(|(start, index, _)| (*start, *index));
        for (_, index, caps) in matches {
            let pattern = &resources.facts[index];
            {
                let span = Span::new(sentence.span.start, sentence.span.end);
                match pattern.fact.as_str() {
                    "mission" => {
                        if let Some(h) = caps
                            .name("holder")
                            .and_then(|h| state_code(last_words(h.as_str())))
                        {
                            holder = Some(h);
                        }
                        let (Some(holder), Some(kind), Some(cities)) =
                            (holder.clone(), caps.name("kind"), caps.name("city"))
                        else {
                            continue;
                        };
                        // "consulates-general in Piura and Tumbes": one fact per city.
                        let mut previous_code: Option<String> = None;
                        for (offset, city) in city_list(cities.as_str()) {
                            // "its embassy in Oslo, Norway": the country after its city says
                            // where the city is; it is no city of its own.
                            let code_here =
                                city_code(city, sentence.span.start + cities.start() + offset);
                            if previous_code.is_some() && state_code(city) == previous_code {
                                continue;
                            }
                            // "consulates in Gafsa, Le Kef and Kasserine, and Tunisia has an
                            // embassy in Algiers": a state that opens a clause of its own ends
                            // the list.
                            let after = text
                                .get(cities.start() + offset + city.len()..)
                                .unwrap_or("");
                            if state_code(city).is_some()
                                && ["has ", "have ", "maintains ", "also ", "opened ", "keeps "]
                                    .iter()
                                    .any(|verb| after.trim_start().starts_with(verb))
                            {
                                break;
                            }
                            previous_code = code_here;
                            let at = sentence.span.start + cities.start() + offset;
                            // In a relations article a mission of one of the pair is in
                            // the other: that settles a city no gazetteer knows, or one
                            // whose name is shared ("Valencia" is also Venezuelan).
                            let partner = (dyad.len() == 2 && dyad.contains(&holder))
                                .then(|| dyad.iter().find(|d| **d != holder).cloned())
                                .flatten();
                            // (A third state's capital is where a non-resident mission is:
                            // "represented in Iceland through its embassy in Oslo".)
                            let capital = |code: &str| {
                                gazetteer
                                    .capital_of(code)
                                    .is_some_and(|c| c.canonical == city)
                            };
                            let host = match (city_code(city, at), partner) {
                                (Some(code), Some(partner))
                                    if !dyad.contains(&code) && !capital(&code) =>
                                {
                                    Some(partner)
                                }
                                (Some(code), _) => Some(code),
                                (None, partner) => partner,
                            };
                            let Some(host) = host else { continue };
                            let fact = Fact::Mission {
                                holder: holder.clone(),
                                host,
                                kind: mission_kind(kind.as_str()),
                                city: city.to_string(),
                                span,
                            };
                            if !facts.iter().any(|f| same_fact(f, &fact)) {
                                facts.push(fact);
                            }
                        }
                    }
                    "population" => {
                        // "Japanese nationals", "Venezuelans", "people born in China".
                        let nationals = caps.name("nationals").or_else(|| caps.name("born"));
                        // (A count in the present tense may go without a year: "Some 30,000
                        // Italians live in Austria".)
                        let year = caps.name("year").map(|y| y.as_str().to_string());
                        let (Some(nationals), Some(host), Some(count)) =
                            (nationals, caps.name("host"), caps.name("count"))
                        else {
                            continue;
                        };
                        let (Some(nationals_of), Some(residing_in)) =
                            (demonym_code(nationals.as_str()), state_code(host.as_str()))
                        else {
                            continue;
                        };
                        let Some(count) = parse_count(count.as_str()) else {
                            continue;
                        };
                        // "…lived in Lithuania in 2011, a number that grew to more than 60,000
                        // by 2023": the same people counted again at a later date.
                        let recount = caps.get(0).and_then(|whole| {
                            let later = LATER_COUNT.as_ref()?.captures(&text[whole.end()..])?;
                            Some((
                                parse_count(later.name("count")?.as_str())?,
                                Some(later.name("year")?.as_str().to_string()),
                            ))
                        });
                        // (A year-less reading of a count another pattern dated is dropped.)
                        if year.is_none()
                            && facts.iter().any(|f| {
                                matches!(f, Fact::Population { nationals_of: n, residing_in: r, count: c, .. }
                                    if *n == nationals_of && *r == residing_in && *c == count)
                            })
                        {
                            continue;
                        }
                        let counts = std::iter::once((count, year)).chain(recount);
                        for (count, as_of) in counts {
                            let fact = Fact::Population {
                                nationals_of: nationals_of.clone(),
                                residing_in: residing_in.clone(),
                                count,
                                as_of,
                                span,
                            };
                            if !facts.iter().any(|f| same_fact(f, &fact)) {
                                facts.push(fact);
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    facts
}

/// "Both countries have embassies in each other's capitals": each of the pair has an embassy in
/// the other's capital.
fn missions_in_each_other(
    text: &str,
    span: Span,
    gazetteer: &Gazetteer,
    dyad: &[String],
    facts: &mut Vec<Fact>,
) {
    // (Most sentences name no capital: a literal search settles them.)
    if !CAPITAL_WORD.as_ref().is_some_and(|r| r.is_match(text)) {
        return;
    }
    let Some(found) = EACH_OTHER.as_ref().and_then(|r| r.captures(text)) else {
        return;
    };
    let [first, second] = dyad else { return };
    let kind = found.name("kind").map_or("embassy", |k| k.as_str());
    for (holder, host) in [(first, second), (second, first)] {
        let Some(capital) = gazetteer.capital_of(host) else {
            continue;
        };
        let fact = Fact::Mission {
            holder: holder.clone(),
            host: host.clone(),
            kind: mission_kind(kind),
            city: capital.canonical.clone(),
            span,
        };
        if !facts.iter().any(|f| same_fact(f, &fact)) {
            facts.push(fact);
        }
    }
}

/// A later count of the same people, told right after a population figure: ", a number that
/// grew to more than 60,000 by 2023".
static LATER_COUNT: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(|| {
    prose_regex(
        r"^,?\s+(?:a\s+(?:number|figure|population|community)\s+that|which)\s+(?:had\s+)?(?:grew|rose|fell|dropped|declined|increased|decreased|reached|swelled|shrank)\s+(?:to\s+)?(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+|fewer\s+than\s+)?(?P<count>[0-9][0-9,.]*(?:\s+million)?)\s+(?:by|in)\s+(?P<year>[0-9]{4})\b",
    )
});

static CAPITAL_WORD: std::sync::LazyLock<Option<regex::Regex>> =
    std::sync::LazyLock::new(|| prose_regex(r"(?i)capital"));

static EACH_OTHER: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(|| {
    prose_regex(
        r"(?i)\b(?:both|the\s+two)\s+(?:countries|nations|states|governments)\s+(?:have|maintain|operate)\s+(?:resident\s+)?(?P<kind>embassies|high\s+commissions)\s+in\s+(?:each\s+other[’']s|the\s+other[’']s|one\s+another[’']s)\s+capitals?\b",
    )
});

/// "14,937", "2.9 million": a count of people.
fn parse_count(text: &str) -> Option<u64> {
    let text = text.trim().replace(',', "");
    match text.strip_suffix("million") {
        Some(millions) => {
            let value: f64 = millions.trim().parse().ok()?;
            Some((value * 1_000_000.0).round() as u64)
        }
        None => text.parse().ok(),
    }
}

/// "Both countries are members of the Andean Community, the Organization of American States
/// and UNASUR", "Peru is a founding member of APEC": each state named (or meant by "both
/// countries") before "member(s) of", with each organisation named after it. Without
/// "member(s) of", "Sweden joined NATO in 2024": the states of the joining clause, with the
/// organisation named right after "joined". A sentence may state several memberships ("Both
/// are members of NATO, and Bulgaria is a member of the European Union"): each has the states
/// named after the statement before it and the organisations before the statement after it.
/// (Armed forces and companies, which act for a state, are no organisations one is a member
/// of.)
fn memberships(doc: &Document, span: Span, mentions: &[Mention], facts: &mut Vec<Fact>) {
    let text = doc.slice(span);
    // Every statement of membership in the sentence, in order: (where it starts, where the
    // organisation may start, whether the organisation must follow at once). (The patterns
    // need their words: a literal search settles most sentences.)
    let mut statements: Vec<(usize, usize, bool)> = Vec::new();
    if text.contains("member") {
        if let Some(regex) = MEMBER_OF.as_ref() {
            statements.extend(regex.find_iter(text).map(|m| (m.start(), m.end(), false)));
        }
    }
    // "Sweden joined NATO in March 2024": joining names the organisation right after it.
    if text.contains("joined") || text.contains("acceded") || text.contains("admitted") {
        if let Some(regex) = JOINED.as_ref() {
            statements.extend(regex.find_iter(text).map(|m| (m.start(), m.end(), true)));
        }
    }
    statements.sort_unstable();
    let local: Vec<&Mention> = mentions.iter().filter(|m| span.contains(&m.span)).collect();
    // "Both countries are members of NATO, and Bulgaria is a member of the European Union":
    // each statement's members are named after the one before it, and its organisations
    // before the one after it.
    for (i, &(start, end, adjacent)) in statements.iter().enumerate() {
        let member_at = span.start + start;
        let organisation_at = span.start + end;
        let previous_end = i
            .checked_sub(1)
            .map_or(span.start, |p| span.start + statements[p].1);
        let mut next_start = statements.get(i + 1).map_or(span.end, |n| span.start + n.0);
        // ("members of the Council of Europe and candidates for membership of the European
        // Union": a lesser standing named after the list closes it.)
        if !adjacent {
            if let Some(at) = lesser_standing(&doc.text[organisation_at..next_start]) {
                next_start = organisation_at + at;
            }
        }
        // (Who joined is the subject of its own clause: "After Russia invaded Ukraine,
        // Finland joined …" names Finland only.)
        let clause_start = if adjacent || i > 0 {
            doc.text[previous_end..member_at]
                .rfind([',', ';'])
                .map_or(previous_end, |c| previous_end + c + 1)
        } else {
            span.start
        };
        let mut members: Vec<String> = Vec::new();
        for m in local.iter().filter(|m| {
            m.kind == EntityKind::State
                && m.span.start >= clause_start
                && m.span.end <= member_at
                && !m.in_parentheses
        }) {
            if let Some(code) = &m.code {
                if !members.contains(code) {
                    members.push(code.clone());
                }
            }
        }
        for organisation in local.iter().filter(|m| {
            m.kind == EntityKind::Organisation
                && m.code.is_none()
                && if adjacent {
                    m.span.start == organisation_at && ends_noun_phrase(&doc.text[m.span.end..])
                } else {
                    m.span.start >= organisation_at && m.span.start < next_start
                }
        }) {
            for member in &members {
                push_membership(facts, member, organisation, span);
            }
        }
    }
}

/// Where words of a standing short of membership ("candidates for", "an observer in",
/// "applied to join") begin in `text`, if they do.
fn lesser_standing(text: &str) -> Option<usize> {
    const CUES: &[&str] = &[
        "candidate",
        "candidates",
        "observer",
        "observers",
        "applicant",
        "applicants",
        "applied",
        "seeking",
        "seeks",
        "aspires",
        "aspiring",
    ];
    let mut at = 0;
    for word in text.split_inclusive(|c: char| !c.is_alphanumeric()) {
        let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        if CUES.contains(&bare) {
            return Some(at);
        }
        at += word.len();
    }
    None
}

/// A state's membership of an organisation told in `span`, unless already found.
fn push_membership(facts: &mut Vec<Fact>, member: &str, organisation: &Mention, span: Span) {
    let fact = Fact::Membership {
        member: member.to_string(),
        organisation: organisation.name.clone(),
        wikidata: organisation.wikidata.clone(),
        span,
    };
    if !facts.iter().any(|f| same_fact(f, &fact)) {
        facts.push(fact);
    }
}

/// "BRICS, of which Russia is a founding member": the members named in the relative clause,
/// the organisation right before its comma.
static OF_WHICH_MEMBER: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(
    || {
        prose_regex(
            r",\s+of\s+which\s+(?P<members>[^,;.]{1,80}?)\s+(?:is|are|was|were|has\s+been|have\s+been)\s+(?:both\s+|also\s+)?(?:an?\s+)?(?:full\s+|founding\s+|permanent\s+)?members?\b",
        )
    },
);

/// Memberships told in a relative clause after the organisation's name (see
/// [`OF_WHICH_MEMBER`]).
fn memberships_of_which(doc: &Document, span: Span, mentions: &[Mention], facts: &mut Vec<Fact>) {
    let text = doc.slice(span);
    if !text.contains("of which") {
        return;
    }
    let Some(regex) = OF_WHICH_MEMBER.as_ref() else {
        return;
    };
    for found in regex.captures_iter(text) {
        let (Some(whole), Some(named)) = (found.get(0), found.name("members")) else {
            continue;
        };
        let comma = span.start + whole.start();
        let Some(organisation) = mentions.iter().find(|m| {
            m.kind == EntityKind::Organisation && m.code.is_none() && m.span.end == comma
        }) else {
            continue;
        };
        let named = Span::new(span.start + named.start(), span.start + named.end());
        for member in mentions
            .iter()
            .filter(|m| m.kind == EntityKind::State && named.contains(&m.span) && !m.in_parentheses)
        {
            if let Some(code) = &member.code {
                push_membership(facts, code, organisation, span);
            }
        }
    }
}

/// "are members of", "is a founding member of", "are both full member states of".
static MEMBER_OF: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(|| {
    prose_regex(
        r"\b(?:is|are|was|were|remain|remains|became|become|has\s+been|have\s+been|had\s+been)\s+(?:both\s+|also\s+|now\s+)?(?:an?\s+)?(?:full\s+|founding\s+|associate\s+|permanent\s+)?members?(?:\s+states?)?\s+of\b",
    )
});

/// Whether an organisation's name ends its noun phrase: not "joined the European Union
/// sanctions" or "the European Union's sanctions", where it only qualifies what was joined.
fn ends_noun_phrase(after: &str) -> bool {
    if after.starts_with(['\'', '’']) {
        return false;
    }
    let next = after.trim_start();
    next.is_empty()
        || next.starts_with([',', '.', ';', ':', ')', '('])
        || next.split_whitespace().next().is_some_and(|w| {
            matches!(
                w,
                "in" | "on"
                    | "at"
                    | "as"
                    | "and"
                    | "with"
                    | "after"
                    | "before"
                    | "when"
                    | "while"
                    | "under"
                    | "alongside"
                    | "together"
                    | "along"
                    | "from"
                    | "during"
                    | "by"
                    | "until"
                    | "shortly"
                    | "soon"
                    | "only"
                    | "itself"
            )
        })
}

/// "joined the", "acceded to", "was admitted to the" (the organisation follows at once).
static JOINED: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(|| {
    prose_regex(r"\b(?:joined|acceded\s+to|(?:was|were)\s+admitted\s+to)\s+(?:the\s+)?")
});

/// The cities of "Piura, Trujillo and Tumbes", each with its offset in the list.
fn city_list(list: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut rest = list;
    let mut offset = 0;
    loop {
        // "Washington, D.C." is one city.
        let cut = [", and ", " and ", ", "]
            .iter()
            .filter_map(|sep| {
                rest.match_indices(sep)
                    .find(|(i, _)| !rest[i + sep.len()..].starts_with("D.C."))
                    .map(|(i, _)| (i, std::cmp::Reverse(sep.len())))
            })
            // At one place the longest separator: ", and " before ", ".
            .min();
        match cut {
            Some((i, std::cmp::Reverse(len))) => {
                out.push((offset, rest[..i].trim()));
                offset += i + len;
                rest = &rest[i + len..];
            }
            None => {
                out.push((offset, rest.trim()));
                break;
            }
        }
    }
    out.retain(|(_, c)| !c.is_empty());
    out
}

/// The kind of mission in the singular, hyphenated: "consulates general" → "consulate-general".
fn mission_kind(kind: &str) -> String {
    let lower = kind.to_lowercase().replace(' ', "-");
    lower
        .replace("consulates-general", "consulate-general")
        .replace("consulates", "consulate")
        .replace("embassies", "embassy")
        .replace("legations", "legation")
        .replace("high-commissions", "high-commission")
        .replace("offices", "office")
        .replace("sections", "section")
}

/// The state name at the end of a subject phrase ("Since 1990, Italy" → "Italy").
fn last_words(phrase: &str) -> &str {
    let last = phrase.rsplit([',', '.']).next().unwrap_or(phrase).trim();
    last.strip_prefix("The ")
        .or_else(|| last.strip_prefix("the "))
        .unwrap_or(last)
}

fn same_fact(a: &Fact, b: &Fact) -> bool {
    match (a, b) {
        (
            Fact::Mission {
                holder: h1,
                host: o1,
                kind: k1,
                city: c1,
                ..
            },
            Fact::Mission {
                holder: h2,
                host: o2,
                kind: k2,
                city: c2,
                ..
            },
        ) => h1 == h2 && o1 == o2 && k1 == k2 && c1 == c2,
        (
            Fact::Population {
                nationals_of: n1,
                residing_in: r1,
                as_of: y1,
                ..
            },
            Fact::Population {
                nationals_of: n2,
                residing_in: r2,
                as_of: y2,
                ..
            },
        ) => n1 == n2 && r1 == r2 && y1 == y2,
        // (Told again in another sentence: "Both were founding members of the Gulf
        // Cooperation Council" after the lead's "Both are members of …".)
        (
            Fact::Membership {
                member: m1,
                organisation: o1,
                ..
            },
            Fact::Membership {
                member: m2,
                organisation: o2,
                ..
            },
        ) => m1 == m2 && o1 == o2,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn city_lists_split_on_commas_and_and() {
        let cities: Vec<&str> = city_list("Piura, Trujillo and Tumbes")
            .into_iter()
            .map(|(_, c)| c)
            .collect();
        assert_eq!(cities, vec!["Piura", "Trujillo", "Tumbes"]);
        assert_eq!(city_list("New York")[0], (0, "New York"));
        assert_eq!(city_list("Osaka and Nagoya")[1], (10, "Nagoya"));
        assert_eq!(city_list("Washington, D.C.")[0], (0, "Washington, D.C."));
        assert_eq!(city_list("Mexico City, and Mexico")[1], (17, "Mexico"));
    }

    #[test]
    fn plural_kinds_become_singular() {
        assert_eq!(mission_kind("consulates general"), "consulate-general");
        assert_eq!(mission_kind("Consulates-General"), "consulate-general");
        assert_eq!(mission_kind("honorary consulates"), "honorary-consulate");
    }
}
