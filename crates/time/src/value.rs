//! TimeML values: parsing resolved values into reference times, and the relative values that
//! rules produce before anchoring.

use crate::calendar::{add_months, civil_from_days, days_from_civil, iso_week, monday_of_iso_week};
use std::fmt;

/// A point the anchoring pass can count from: a year, optionally a month and a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RefTime {
    /// Astronomical year: 1 BC is 0, 44 BC is -43.
    pub year: i64,
    pub month: Option<u32>,
    pub day: Option<u32>,
    /// Whether the reference is a quarter ("1989-Q3"): financial news counts years from it
    /// by quarters ("a year earlier" is 1988-Q3).
    pub quarter: bool,
}

impl RefTime {
    /// Parse a resolved TimeML value that names a year or something inside one:
    /// `1866`, `1866-08`, `1866-08-25`, `1866-08-25T10:00`, `1941-SU`, `1998-Q3`, `1998-W09`,
    /// `BC0044`. Decades, centuries, durations and `PRESENT_REF` are not points to count from.
    pub fn parse(value: &str) -> Option<RefTime> {
        if let Some(bc) = value.strip_prefix("BC") {
            let year: i64 = bc.get(..4)?.parse().ok()?;
            return Some(RefTime {
                year: 1 - year,
                month: None,
                day: None,
                quarter: false,
            });
        }
        let year_text = value.get(..4)?;
        if !year_text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i64 = year_text.parse().ok()?;
        let rest = &value[4..];
        if rest.is_empty() {
            return Some(RefTime {
                year,
                month: None,
                day: None,
                quarter: false,
            });
        }
        let rest = rest.strip_prefix('-')?;
        let two = |s: &str| -> Option<u32> {
            let t = s.get(..2)?;
            t.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| t.parse().ok())
                .flatten()
        };
        if let Some(month) = two(rest).filter(|m| (1..=12).contains(m)) {
            let day = rest
                .get(2..)
                .and_then(|r| r.strip_prefix('-'))
                .and_then(two);
            return Some(RefTime {
                year,
                month: Some(month),
                day,
                quarter: false,
            });
        }
        // A season is a year's worth of reference: it must not pull later bare months
        // ("the winter" … "10 September") into the wrong year.
        let month = match rest.get(..2)? {
            "SP" | "SU" | "FA" | "WI" => None,
            "Q1" | "H1" => Some(1),
            "Q2" => Some(4),
            "Q3" | "H2" => Some(7),
            "Q4" => Some(10),
            _ => None,
        };
        if let Some(week) = rest.strip_prefix('W').and_then(two) {
            let (y, m, d) = civil_from_days(monday_of_iso_week(year, week));
            return Some(RefTime {
                year: y,
                month: Some(m),
                day: Some(d),
                quarter: false,
            });
        }
        Some(RefTime {
            year,
            month,
            day: None,
            quarter: rest.starts_with('Q'),
        })
    }
}

/// Format an astronomical year as TimeML does: `1866`, `0800`, `BC0044`.
pub fn format_year(year: i64) -> String {
    if year >= 1 {
        format!("{year:04}")
    } else {
        format!("BC{:04}", 1 - year)
    }
}

/// What a relative value is counted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// The reference time the narrative has reached ("the same year", "four days earlier").
    Reference,
    /// The document creation time in news ("yesterday", "last year"); the reference time in
    /// narratives, which have no meaningful "now".
    Speech,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A year counted back or forward ("a year ago", "year-earlier"): in financial news
    /// that reports a quarter, it keeps the quarter ("1988-Q3").
    YearByQuarter,
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// Which year a month, season or quarter falls in, relative to the anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearChoice {
    Offset(i64),
    /// The latest one before the anchor ("last October").
    Last,
    /// The first one after the anchor ("next spring").
    Next,
    /// The one nearest the anchor, within six months: a bare "November" written in January
    /// means the November just past.
    Nearest,
}

/// A value a rule could not finish without knowing the reference time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Relative {
    /// `@rel(ref,year,-1)`: the anchor shifted by whole units.
    Shift {
        anchor: Anchor,
        unit: Unit,
        offset: i64,
    },
    /// `@in(speech,0,08-25)`: a part of a year (`08`, `08-25`, `SU`, `Q3`) in a year chosen
    /// relative to the anchor.
    Within {
        anchor: Anchor,
        year: YearChoice,
        part: String,
    },
    /// `@dow(speech,5,-1)`: a weekday (1 = Monday) before (-1), after (+1) or nearest (0).
    Weekday {
        anchor: Anchor,
        weekday: u32,
        direction: i64,
    },
    /// `@decade(ref,3)`: "the thirties", in the anchor's century.
    Decade { anchor: Anchor, digit: u32 },
    /// `@year2(ref,98)`: a two-digit year, in the century that puts it nearest the anchor.
    TwoDigitYear { anchor: Anchor, year: u32 },
    /// `@weekend(speech)`: the weekend just past (said Monday to Thursday) or this one.
    Weekend { anchor: Anchor },
    /// `@dom(ref,20)`: "on the 20th", a day of the anchor's month.
    DayOfMonth { anchor: Anchor, day: u32 },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelativeValue {
    pub relative: Relative,
    /// Appended after resolution: `TMO`, `T10:35`.
    pub suffix: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("bad relative value `{0}`")]
pub struct RelativeSyntaxError(pub String);

impl RelativeValue {
    /// Parse `@name(args)` with an optional `+suffix`.
    pub fn parse(text: &str) -> Result<RelativeValue, RelativeSyntaxError> {
        let bad = || RelativeSyntaxError(text.to_string());
        let body = text.strip_prefix('@').ok_or_else(bad)?;
        let open = body.find('(').ok_or_else(bad)?;
        let close = body.find(')').ok_or_else(bad)?;
        let name = &body[..open];
        let args: Vec<&str> = body[open + 1..close].split(',').map(str::trim).collect();
        let suffix = body[close + 1..]
            .strip_prefix('+')
            .unwrap_or("")
            .to_string();
        let anchor = match args.first().copied() {
            Some("ref") => Anchor::Reference,
            Some("speech") | Some("dct") => Anchor::Speech,
            _ => return Err(bad()),
        };
        let arg = |i: usize| args.get(i).copied().ok_or_else(bad);
        let int = |i: usize| -> Result<i64, RelativeSyntaxError> {
            arg(i)?.trim_start_matches('+').parse().map_err(|_| bad())
        };
        let relative = match name {
            "rel" => Relative::Shift {
                anchor,
                unit: match arg(1)? {
                    "day" => Unit::Day,
                    "week" => Unit::Week,
                    "month" => Unit::Month,
                    "quarter" => Unit::Quarter,
                    "year" => Unit::Year,
                    "yearq" => Unit::YearByQuarter,
                    "decade" => Unit::Decade,
                    "century" => Unit::Century,
                    _ => return Err(bad()),
                },
                offset: int(2)?,
            },
            "in" => Relative::Within {
                anchor,
                year: match arg(1)? {
                    "last" => YearChoice::Last,
                    "next" => YearChoice::Next,
                    "near" => YearChoice::Nearest,
                    _ => YearChoice::Offset(int(1)?),
                },
                part: arg(2)?.to_string(),
            },
            "dow" => Relative::Weekday {
                anchor,
                weekday: int(1)? as u32,
                direction: int(2)?,
            },
            "decade" => Relative::Decade {
                anchor,
                digit: int(1)? as u32,
            },
            "year2" => Relative::TwoDigitYear {
                anchor,
                year: int(1)? as u32,
            },
            "weekend" => Relative::Weekend { anchor },
            "dom" => Relative::DayOfMonth {
                anchor,
                day: int(1)? as u32,
            },
            _ => return Err(bad()),
        };
        Ok(RelativeValue { relative, suffix })
    }

    pub fn anchor(&self) -> Anchor {
        match &self.relative {
            Relative::Shift { anchor, .. }
            | Relative::Within { anchor, .. }
            | Relative::Weekday { anchor, .. }
            | Relative::Decade { anchor, .. }
            | Relative::TwoDigitYear { anchor, .. }
            | Relative::Weekend { anchor }
            | Relative::DayOfMonth { anchor, .. } => *anchor,
        }
    }

    /// The TimeML value counted from `anchor`; with no anchor, the parts that are unknown are
    /// written as `X` as TimeML does.
    pub fn resolve(&self, anchor: Option<RefTime>) -> String {
        let core = match anchor {
            Some(at) => self.resolve_from(at),
            None => self.unanchored(),
        };
        format!("{core}{}", self.suffix)
    }

    fn unanchored(&self) -> String {
        match &self.relative {
            Relative::Shift { unit, .. } => match unit {
                Unit::Day => "XXXX-XX-XX".into(),
                Unit::Week => "XXXX-WXX".into(),
                Unit::Month => "XXXX-XX".into(),
                Unit::Quarter => "XXXX-QX".into(),
                Unit::Year | Unit::YearByQuarter => "XXXX".into(),
                Unit::Decade => "XXX".into(),
                Unit::Century => "XX".into(),
            },
            Relative::Within { part, .. } => format!("XXXX-{part}"),
            Relative::Weekday { .. } => "XXXX-XX-XX".into(),
            Relative::Decade { digit, .. } => format!("19{digit}"),
            Relative::TwoDigitYear { year, .. } => format!("19{year:02}"),
            Relative::Weekend { .. } => "XXXX-WXX-WE".into(),
            Relative::DayOfMonth { day, .. } => format!("XXXX-XX-{day:02}"),
        }
    }

    fn resolve_from(&self, at: RefTime) -> String {
        match &self.relative {
            Relative::Shift { unit, offset, .. } => shift(at, *unit, *offset),
            Relative::Within { year, part, .. } => {
                let part_month = part_month(part);
                let y = match (year, part_month, at.month) {
                    (YearChoice::Offset(o), _, _) => at.year + o,
                    (YearChoice::Last, Some(pm), Some(am)) if pm < am => at.year,
                    (YearChoice::Last, _, _) => at.year - 1,
                    (YearChoice::Next, Some(pm), Some(am)) if pm > am => at.year,
                    (YearChoice::Next, _, _) => at.year + 1,
                    (YearChoice::Nearest, Some(pm), Some(am)) => {
                        let distance =
                            |y: i64| ((y * 12 + pm as i64) - (at.year * 12 + am as i64)).abs();
                        [at.year, at.year - 1, at.year + 1]
                            .into_iter()
                            .min_by_key(|&y| distance(y))
                            .unwrap_or(at.year)
                    }
                    (YearChoice::Nearest, _, _) => at.year,
                };
                format!("{}-{part}", format_year(y))
            }
            Relative::Weekday {
                weekday, direction, ..
            } => {
                let (Some(month), Some(day)) = (at.month, at.day) else {
                    return "XXXX-XX-XX".into();
                };
                let days = days_from_civil(at.year, month, day);
                let current = crate::calendar::weekday(at.year, month, day) as i64;
                let target = *weekday as i64;
                let forward = (target - current).rem_euclid(7);
                let back = (current - target).rem_euclid(7);
                // -1: the one before, 1: the one after, 2: this one or the one after,
                // 0: this one or the one before.
                let delta = match *direction {
                    d if d < 0 => -(if back == 0 { 7 } else { back }),
                    1 => {
                        if forward == 0 {
                            7
                        } else {
                            forward
                        }
                    }
                    2 => forward,
                    _ => -back,
                };
                format_day(days + delta)
            }
            Relative::Decade { digit, .. } => {
                let century = at.year.div_euclid(100);
                format!("{century:02}{digit}")
            }
            Relative::DayOfMonth { day, .. } => match at.month {
                Some(month) if crate::calendar::is_valid_date(at.year, month, *day) => {
                    format!("{}-{month:02}-{day:02}", format_year(at.year))
                }
                _ => format!("XXXX-XX-{day:02}"),
            },
            Relative::Weekend { .. } => {
                let (Some(month), Some(day)) = (at.month, at.day) else {
                    return "XXXX-WXX-WE".into();
                };
                let days = days_from_civil(at.year, month, day);
                let wd = crate::calendar::weekday(at.year, month, day) as i64;
                let shifted = if wd <= 4 { days - 7 } else { days };
                let (y, m, d) = civil_from_days(shifted);
                let (wy, w) = iso_week(y, m, d);
                format!("{}-W{w:02}-WE", format_year(wy))
            }
            Relative::TwoDigitYear { year, .. } => {
                let base = at.year.div_euclid(100) * 100 + *year as i64;
                let best = [base - 100, base, base + 100]
                    .into_iter()
                    .min_by_key(|candidate| (candidate - at.year).abs())
                    .unwrap_or(base);
                format_year(best)
            }
        }
    }
}

/// The month a part of a year is counted at when choosing its year. Winter is counted at its
/// start, December, so that "last winter" in June is the winter that began the year before.
fn part_month(part: &str) -> Option<u32> {
    match part {
        "SP" => Some(4),
        "SU" => Some(7),
        "FA" => Some(10),
        "WI" => Some(12),
        _ => RefTime::parse(&format!("2000-{part}")).and_then(|r| r.month),
    }
}

/// The decade `offset` decades from the one of `year`: `193`, or `BC046` (the 460s BC).
fn decade_value(year: i64, offset: i64) -> String {
    if year >= 1 {
        let decade = year.div_euclid(10) + offset;
        if decade >= 0 {
            return format!("{decade:03}");
        }
    }
    // BC decades count backwards: 465 BC is in BC046; the next decade is BC045.
    let bc_decade = (1 - year).div_euclid(10) - offset;
    format!("BC{:03}", bc_decade.max(0))
}

/// The century `offset` centuries from the one of `year`: `19` (the 1900s), `BC04` (the 5th
/// century BC).
fn century_value(year: i64, offset: i64) -> String {
    if year >= 1 {
        let century = year.div_euclid(100) + offset;
        if century >= 0 {
            return format!("{century:02}");
        }
    }
    let bc_century = (1 - year - 1).div_euclid(100) - offset;
    format!("BC{:02}", bc_century.max(0))
}

fn format_day(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{}-{m:02}-{d:02}", format_year(y))
}

/// Shift a reference time by whole units, at the coarser of the unit's and the reference's
/// granularity: "four days earlier" from a bare year stays that year.
///
/// ```
/// use dyad_time::value::{shift, RefTime, Unit};
/// let at = RefTime::parse("2004-03-25").unwrap();
/// assert_eq!(shift(at, Unit::Month, -3), "2003-12");
/// assert_eq!(shift(at, Unit::Day, 7), "2004-04-01");
/// ```
pub fn shift(at: RefTime, unit: Unit, offset: i64) -> String {
    match (unit, at.month, at.day) {
        (Unit::Day, Some(m), Some(d)) => format_day(days_from_civil(at.year, m, d) + offset),
        (Unit::Week, Some(m), Some(d)) => {
            let days = days_from_civil(at.year, m, d) + offset * 7;
            let (y, mm, dd) = civil_from_days(days);
            let (wy, w) = iso_week(y, mm, dd);
            format!("{}-W{w:02}", format_year(wy))
        }
        (Unit::Day | Unit::Week | Unit::Month, Some(m), _) => {
            let shifted = if unit == Unit::Month { offset } else { 0 };
            let (y, mm) = add_months(at.year, m, shifted);
            format!("{}-{mm:02}", format_year(y))
        }
        (Unit::Quarter, Some(m), _) => {
            let index = at.year * 4 + (m as i64 - 1) / 3 + offset;
            format!(
                "{}-Q{}",
                format_year(index.div_euclid(4)),
                index.rem_euclid(4) + 1
            )
        }
        (Unit::Day | Unit::Week | Unit::Month | Unit::Quarter, None, _) => format_year(at.year),
        (Unit::YearByQuarter, Some(m), _) if at.quarter => {
            format!("{}-Q{}", format_year(at.year + offset), (m - 1) / 3 + 1)
        }
        (Unit::Year | Unit::YearByQuarter, _, _) => format_year(at.year + offset),
        (Unit::Decade, _, _) => decade_value(at.year, offset),
        (Unit::Century, _, _) => century_value(at.year, offset),
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self:?}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(value: &str) -> Option<RefTime> {
        RefTime::parse(value)
    }

    fn resolve(spec: &str, anchor: &str) -> String {
        RelativeValue::parse(spec).unwrap().resolve(at(anchor))
    }

    #[test]
    fn parse_reference_times() {
        assert_eq!(
            at("1866-08-25"),
            Some(RefTime {
                year: 1866,
                month: Some(8),
                day: Some(25),
                quarter: false,
            })
        );
        assert_eq!(at("1941-SU").unwrap().month, None);
        assert_eq!(at("1998-Q3").unwrap().month, Some(7));
        assert_eq!(at("BC0044").unwrap().year, -43);
        assert_eq!(at("193"), None);
        assert_eq!(at("PRESENT_REF"), None);
        assert_eq!(at("P3Y"), None);
    }

    #[test]
    fn shifts() {
        assert_eq!(resolve("@rel(ref,day,-4)", "1941-12-11"), "1941-12-07");
        assert_eq!(resolve("@rel(ref,year,1)", "1866-08-25"), "1867");
        assert_eq!(resolve("@rel(speech,week,0)", "1998-02-27"), "1998-W09");
        assert_eq!(resolve("@rel(speech,month,-1)", "1998-01-15"), "1997-12");
        assert_eq!(resolve("@rel(speech,quarter,-1)", "1998-02-27"), "1997-Q4");
        assert_eq!(resolve("@rel(ref,decade,1)", "1935"), "194");
        assert_eq!(resolve("@rel(ref,decade,1)", "BC0465"), "BC045");
        assert_eq!(resolve("@rel(ref,century,-1)", "BC0431"), "BC05");
        assert_eq!(resolve("@rel(ref,day,-4)", "1941"), "1941");
        assert_eq!(
            resolve("@rel(speech,day,0)+TMO", "1998-02-27"),
            "1998-02-27TMO"
        );
    }

    #[test]
    fn within_year_weekday_decade() {
        assert_eq!(resolve("@in(ref,0,08-25)", "1866-05-27"), "1866-08-25");
        assert_eq!(resolve("@in(speech,last,10)", "1999-02-05"), "1998-10");
        assert_eq!(resolve("@in(speech,last,01)", "1999-02-05"), "1999-01");
        assert_eq!(resolve("@in(speech,next,SP)", "1999-02-05"), "1999-SP");
        assert_eq!(
            resolve("@in(speech,near,11-25)", "2000-01-06"),
            "1999-11-25"
        );
        assert_eq!(resolve("@in(ref,near,01)", "1941-12-11"), "1942-01");
        assert_eq!(resolve("@in(ref,near,10)", "1945-04"), "1945-10");
        assert_eq!(resolve("@in(ref,near,10)", "1945"), "1945-10");
        assert_eq!(resolve("@dow(speech,5,0)", "1998-02-27"), "1998-02-27");
        assert_eq!(resolve("@dow(speech,4,0)", "1998-02-27"), "1998-02-26");
        assert_eq!(resolve("@dow(speech,1,1)", "1998-02-27"), "1998-03-02");
        assert_eq!(resolve("@dow(speech,5,-1)", "1998-02-27"), "1998-02-20");
        assert_eq!(resolve("@decade(ref,3)", "1941"), "193");
        assert_eq!(resolve("@year2(ref,98)", "2001"), "1998");
        assert_eq!(
            RelativeValue::parse("@in(ref,0,08)").unwrap().resolve(None),
            "XXXX-08"
        );
        assert!(RelativeValue::parse("@bogus(ref)").is_err());
        assert_eq!(resolve("@weekend(speech)", "1990-08-13"), "1990-W32-WE");
        assert_eq!(resolve("@dom(ref,20)", "1918-08-13"), "1918-08-20");
        assert_eq!(resolve("@weekend(speech)", "1990-08-17"), "1990-W33-WE");
    }
}
