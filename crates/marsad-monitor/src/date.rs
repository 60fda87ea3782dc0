//! Calendar arithmetic on `YYYY-MM-DD` dates (proleptic Gregorian), enough for deadlines.
//!
//! The arithmetic is the coder's (`marsad_coder::when`), which resolves dates in the text;
//! this module only adapts it to the monitor's string dates.

use marsad_coder::when::{civil_from_days, days_from_civil, parse_ymd};

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (the first ten characters are read).
pub fn to_days(date: &str) -> Option<i64> {
    let (y, m, d) = parse_ymd(date.get(..10)?)?;
    Some(days_from_civil(y, m, d))
}

/// The `YYYY-MM-DD` date `days` days after 1970-01-01.
pub fn from_days(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// `date` plus `n` days.
pub fn add_days(date: &str, n: i64) -> Option<String> {
    Some(from_days(to_days(date)? + n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_adds() {
        assert_eq!(to_days("1970-01-01"), Some(0));
        assert_eq!(from_days(to_days("2020-10-11").unwrap()), "2020-10-11");
        assert_eq!(add_days("2020-10-11", 30).as_deref(), Some("2020-11-10"));
        assert_eq!(add_days("2020-02-28", 1).as_deref(), Some("2020-02-29"));
        assert_eq!(add_days("2019-12-31", 1).as_deref(), Some("2020-01-01"));
        assert_eq!(to_days("2020-13-01"), None);
        assert_eq!(to_days("2021-02-29"), None);
        assert_eq!(to_days("nonsense"), None);
    }
}
