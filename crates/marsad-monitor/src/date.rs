//! Calendar arithmetic on `YYYY-MM-DD` dates (proleptic Gregorian), enough for deadlines.

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (the first ten characters are read).
pub fn to_days(date: &str) -> Option<i64> {
    let d = date.get(..10)?;
    let b = d.as_bytes();
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i64 = d[..4].parse().ok()?;
    let m: i64 = d[5..7].parse().ok()?;
    let day: i64 = d[8..10].parse().ok()?;
    if !(1..=12).contains(&m) || day < 1 || day > days_in_month(y, m) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The `YYYY-MM-DD` date `days` days after 1970-01-01.
pub fn from_days(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// `date` plus `n` days.
pub fn add_days(date: &str, n: i64) -> Option<String> {
    Some(from_days(to_days(date)? + n))
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
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
