//! Standing facts: diplomatic missions and nationals abroad.

use crate::resource::Resources;
use crate::Fact;
use dyad_entity::{EntityKind, Gazetteer, Mention};
use dyad_read::{Document, Span};
use dyad_segment::Sentence;

pub fn extract_facts(
    doc: &Document,
    sentences: &[Sentence],
    mentions: &[Mention],
    resources: &Resources,
    gazetteer: &Gazetteer,
) -> Vec<Fact> {
    let mut facts: Vec<Fact> = Vec::new();
    let state_code = |name: &str| -> Option<String> {
        gazetteer
            .lookup(name.trim())
            .filter(|e| e.kind == EntityKind::State)
            .and_then(|e| e.code.clone())
    };
    let city_code = |name: &str, at: usize| -> Option<String> {
        mentions
            .iter()
            .find(|m| m.span.start == at && m.kind == EntityKind::Place)
            .and_then(|m| m.code.clone())
            .or_else(|| gazetteer.lookup(name).and_then(|e| e.code.clone()))
    };
    for sentence in sentences {
        let text = doc.slice(sentence.span);
        let mut holder: Option<String> = None;
        for pattern in &resources.facts {
            for caps in pattern.regex.captures_iter(text) {
                let span = Span::new(sentence.span.start, sentence.span.end);
                match pattern.fact.as_str() {
                    "mission" => {
                        if let Some(h) = caps
                            .name("holder")
                            .and_then(|h| state_code(last_words(h.as_str())))
                        {
                            holder = Some(h);
                        }
                        let (Some(holder), Some(kind), Some(city)) =
                            (holder.clone(), caps.name("kind"), caps.name("city"))
                        else {
                            continue;
                        };
                        let Some(host) =
                            city_code(city.as_str(), sentence.span.start + city.start())
                        else {
                            continue;
                        };
                        let fact = Fact::Mission {
                            holder,
                            host,
                            kind: kind.as_str().to_lowercase().replace(' ', "-"),
                            city: city.as_str().to_string(),
                            span,
                        };
                        if !facts.iter().any(|f| same_fact(f, &fact)) {
                            facts.push(fact);
                        }
                    }
                    "population" => {
                        let (Some(nationals), Some(host), Some(count), Some(year)) = (
                            caps.name("nationals"),
                            caps.name("host"),
                            caps.name("count"),
                            caps.name("year"),
                        ) else {
                            continue;
                        };
                        let (Some(nationals_of), Some(residing_in)) =
                            (state_code(nationals.as_str()), state_code(host.as_str()))
                        else {
                            continue;
                        };
                        let Ok(count) = count.as_str().replace(',', "").parse::<u64>() else {
                            continue;
                        };
                        let fact = Fact::Population {
                            nationals_of,
                            residing_in,
                            count,
                            as_of: year.as_str().to_string(),
                            span,
                        };
                        if !facts.iter().any(|f| same_fact(f, &fact)) {
                            facts.push(fact);
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    facts
}

/// The state name at the end of a subject phrase ("Since 1990, Italy" → "Italy").
fn last_words(phrase: &str) -> &str {
    phrase.rsplit([',', '.']).next().unwrap_or(phrase).trim()
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
        _ => false,
    }
}
