//! Proleptic Gregorian calendar arithmetic, enough for anchoring: days, months, ISO weeks.

/// Days from 1970-01-01 to the given civil date (negative before it).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = month as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count from 1970-01-01.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + if month <= 2 { 1 } else { 0 };
    (year, month, day)
}

pub fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

pub fn is_valid_date(year: i64, month: u32, day: u32) -> bool {
    (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)
}

/// ISO weekday: Monday 1 … Sunday 7.
pub fn weekday(year: i64, month: u32, day: u32) -> u32 {
    let days = days_from_civil(year, month, day);
    ((days + 3).rem_euclid(7) + 1) as u32
}

/// ISO 8601 week-numbering year and week of a date.
pub fn iso_week(year: i64, month: u32, day: u32) -> (i64, u32) {
    let days = days_from_civil(year, month, day);
    let wd = weekday(year, month, day) as i64;
    // The Thursday of this week decides the year.
    let thursday = days - wd + 4;
    let (ty, _, _) = civil_from_days(thursday);
    let jan1 = days_from_civil(ty, 1, 1);
    (ty, ((thursday - jan1) / 7 + 1) as u32)
}

/// Monday of an ISO week.
pub fn monday_of_iso_week(year: i64, week: u32) -> i64 {
    let jan4 = days_from_civil(year, 1, 4);
    let wd = weekday(year, 1, 4) as i64;
    jan4 - (wd - 1) + (week as i64 - 1) * 7
}

/// Add months, clamping the day to the month's length.
pub fn add_months(year: i64, month: u32, offset: i64) -> (i64, u32) {
    let index = year * 12 + (month as i64 - 1) + offset;
    (index.div_euclid(12), (index.rem_euclid(12) + 1) as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_weekdays() {
        for days in [-800_000, -1, 0, 1, 10_000, 20_000, 2_000_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(weekday(1941, 12, 7), 7); // a Sunday
        assert_eq!(weekday(1998, 2, 27), 5); // a Friday
        assert_eq!(iso_week(1998, 2, 27), (1998, 9));
        assert_eq!(iso_week(2021, 1, 1), (2020, 53));
        assert_eq!(add_months(1866, 11, 3), (1867, 2));
        assert!(!is_valid_date(1900, 2, 29) && is_valid_date(2000, 2, 29));
    }
}
