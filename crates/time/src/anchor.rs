//! Anchoring: finish relative values against the document creation time (DCT) or the
//! reference time the narrative has reached.
//!
//! The reference-time rule, in order of the text:
//! 1. A relative value counts from its anchor: in news mode "yesterday" or "last year" count
//!    from the DCT, and "the same year" or "four days earlier" from the reference time; in
//!    narrative mode both count from the reference time (the DCT stands in until the text has
//!    given a date).
//! 2. A DATE or TIME whose value names a year or a point inside one becomes the reference time,
//!    whether it was written out or resolved by step 1.
//! 3. Except: the second end of a range ("1885 to *1890*") and expressions inside section
//!    headings do not move it, and a coarser value of the same year ("in 1866" after
//!    "25 August 1866") keeps the finer reference.
//!
//! Durations, sets, decades, centuries and `PRESENT_REF` never move it.

use crate::value::{Anchor, RefTime, Relative, RelativeValue, YearChoice};
use crate::{Mode, Timex};
use dyad_read::Span;

/// Words before a weekday that put it in the future ("will meet on Monday").
const FUTURE_MARKERS: &[&str] = &[
    " will ",
    "'ll ",
    " shall ",
    " is to ",
    " are to ",
    " scheduled ",
    " expected ",
    " plans ",
    " plan ",
    " going to ",
    " next ",
    " would ",
];

pub struct AnchorContext<'a> {
    pub mode: Mode,
    pub dct: Option<RefTime>,
    /// Spans (headings) whose expressions do not move the reference time.
    pub frozen: &'a [Span],
    /// Ranges as (start, end) indices of timexes.
    pub ranges: &'a [(usize, usize)],
}

/// Resolve every relative value in place, in text order.
pub fn anchor(timexes: &mut [Timex], text: &str, context: &AnchorContext) {
    let mut reference: Option<RefTime> = None;
    // The last reference precise to the day: "the same day" or "two days later" count from
    // it when a coarser date of the same year came in between ("On 18 September Canada said
    // the murder in June …; Canada expelled a diplomat the same day").
    let mut day_reference: Option<RefTime> = None;
    // "from 28 February to 5 March 2017": a range start written without its year is read
    // from the end it runs to, not from the narrative's reference.
    let mut range_end_times: Vec<Option<RefTime>> = vec![None; timexes.len()];
    for &(start, end) in context.ranges {
        let Some(end) = timexes.get(end).filter(|t| !t.value.starts_with('@')) else {
            continue;
        };
        if let Some(slot) = range_end_times.get_mut(start) {
            *slot = RefTime::parse(&end.value);
        }
    }
    for (index, timex) in timexes.iter_mut().enumerate() {
        // A date counted back from the reported quarter ("a year earlier") must not become the
        // reference itself, or the next one would count back from it.
        let mut keeps_reference = false;
        if let Some(spec) = timex.value.strip_prefix('@').map(|_| timex.value.clone()) {
            match RelativeValue::parse(&spec) {
                Ok(mut relative) => {
                    // Financial news counts "a year ago" from the quarter it is reporting.
                    let by_quarter = matches!(
                        relative.relative,
                        Relative::Shift {
                            unit: crate::value::Unit::YearByQuarter,
                            ..
                        }
                    ) && reference.is_some_and(|r| r.quarter);
                    keeps_reference = by_quarter;
                    let at = match (context.mode, relative.anchor()) {
                        _ if range_end_times[index].is_some() => range_end_times[index],
                        (Mode::News, Anchor::Speech) if !by_quarter => context.dct.or(reference),
                        _ => reference.or(context.dct),
                    };
                    let at = match (&relative.relative, at) {
                        (
                            Relative::Shift {
                                anchor: Anchor::Reference,
                                unit: crate::value::Unit::Day,
                                ..
                            },
                            Some(coarse),
                        ) if coarse.day.is_none() => {
                            day_reference.filter(|d| d.year == coarse.year).or(at)
                        }
                        _ => at,
                    };
                    // News reports what has happened or is coming soon: a bare month is in the
                    // DCT's year, or the year before when it is more than half a year ahead
                    // ("in November", said in February). It is never pushed into next year.
                    if context.mode == Mode::News {
                        if let (
                            Relative::Within {
                                anchor: Anchor::Speech,
                                year,
                                part,
                            },
                            Some(dct),
                        ) = (&mut relative.relative, at)
                        {
                            if *year == YearChoice::Nearest {
                                let part_month: Option<u32> =
                                    part.get(..2).and_then(|m| m.parse().ok());
                                if let (Some(pm), Some(am)) = (part_month, dct.month) {
                                    let back =
                                        pm > am + 4 && !future_context(text, timex.span.start);
                                    *year = YearChoice::Offset(if back { -1 } else { 0 });
                                }
                            }
                        }
                    }
                    if let Relative::Weekday { direction, .. } = &mut relative.relative {
                        if *direction == 0 {
                            *direction = match context.mode {
                                Mode::Narrative => 2,
                                Mode::News if future_context(text, timex.span.start) => 1,
                                Mode::News => 0,
                            };
                        }
                    }
                    // In a narrative, "today" is the writer's present, not a day of the story.
                    let narrative_today = context.mode == Mode::Narrative
                        && relative.suffix.is_empty()
                        && matches!(
                            relative.relative,
                            Relative::Shift {
                                anchor: Anchor::Speech,
                                unit: crate::value::Unit::Day,
                                offset: 0
                            }
                        );
                    timex.value = if narrative_today {
                        "PRESENT_REF".into()
                    } else {
                        relative.resolve(at)
                    };
                    timex.anchored = true;
                }
                Err(_) => timex.value = "XXXX".into(),
            }
        }
        // An approximate relative date ("almost two decades earlier") is too loose to count
        // from.
        let approximate = timex.anchored
            && timex
                .modifier
                .as_deref()
                .is_some_and(|m| !matches!(m, "START" | "MID" | "END"));
        let moves_reference = matches!(timex.kind, crate::TimexType::Date | crate::TimexType::Time)
            && !approximate
            && !keeps_reference
            && !context.ranges.iter().any(|&(_, end)| end == index)
            && !context.frozen.iter().any(|f| f.contains(&timex.span));
        if moves_reference {
            if let Some(new) = RefTime::parse(&timex.value) {
                if new.day.is_some() {
                    day_reference = Some(new);
                }
                reference = Some(match reference {
                    Some(old) if refines(old, new) => old,
                    _ => new,
                });
            }
        }
    }
}

/// Whether `old` is a finer point inside `new` (same year, and same month if `new` has one).
fn refines(old: RefTime, new: RefTime) -> bool {
    old.year == new.year
        && new.day.is_none()
        && match new.month {
            Some(month) => old.month == Some(month) && old.day.is_some(),
            None => old.month.is_some(),
        }
}

fn future_context(text: &str, start: usize) -> bool {
    let mut from = start.saturating_sub(60);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..start];
    let clause = before
        .rsplit(['.', '\n'])
        .next()
        .unwrap_or(before)
        .to_lowercase();
    let padded = format!(" {clause}");
    FUTURE_MARKERS.iter().any(|m| padded.contains(m))
}
