//! Calendar days without a date library: days since 1970-01-01 <-> (year, month, day),
//! and the review streak.

use std::collections::BTreeSet;

/// Days since 1970-01-01 (negative before).
pub type Day = i64;

/// Howard Hinnant's `days_from_civil`: exact for every proleptic Gregorian date.
pub fn days_from_civil(year: i64, month: u32, day: u32) -> Day {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

pub fn civil_from_days(z: Day) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// "YYYY-MM-DD".
pub fn iso_date(day: Day) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Parses "YYYY-MM-DD", rejecting impossible dates.
pub fn parse_iso_date(s: &str) -> Option<Day> {
    let mut parts = s.splitn(3, '-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    let d: u32 = parts.next()?.parse().ok()?;
    if s.len() != 10 || !(1..=12).contains(&m) || d == 0 {
        return None;
    }
    let day = days_from_civil(y, m, d);
    (civil_from_days(day) == (y, m, d)).then_some(day)
}

/// Consecutive reviewed days ending today, or ending yesterday while today is still open.
pub fn streak(reviewed: &BTreeSet<Day>, today: Day) -> u32 {
    let mut day = if reviewed.contains(&today) { today } else { today - 1 };
    let mut n = 0;
    while reviewed.contains(&day) {
        n += 1;
        day -= 1;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_dates() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(iso_date(20_416), "2025-11-24");
        assert_eq!(parse_iso_date("2024-02-29"), Some(days_from_civil(2024, 2, 29)));
        assert_eq!(parse_iso_date("2023-02-29"), None);
        assert_eq!(parse_iso_date("2023-13-01"), None);
        assert_eq!(parse_iso_date("nonsense"), None);
    }

    #[test]
    fn streak_counts_back_from_today_or_yesterday() {
        let set = |v: &[Day]| v.iter().copied().collect::<BTreeSet<_>>();
        assert_eq!(streak(&set(&[8, 9, 10]), 10), 3);
        assert_eq!(streak(&set(&[8, 9]), 10), 2, "today is still open");
        assert_eq!(streak(&set(&[7, 9, 10]), 10), 2);
        assert_eq!(streak(&set(&[5]), 10), 0);
    }

    proptest! {
        #[test]
        fn days_round_trip(day in -1_000_000i64..1_000_000) {
            let (y, m, d) = civil_from_days(day);
            prop_assert_eq!(days_from_civil(y, m, d), day);
            if (0..=9999).contains(&y) { prop_assert_eq!(parse_iso_date(&iso_date(day)), Some(day)); }
        }
    }
}
