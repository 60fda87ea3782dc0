//! Calendar-date validation for `YYYY-MM-DD` strings.
//!
//! The pipeline groups and filters events by day, so a date that merely
//! *looks* like a date (`2023-02-30`) would silently put events on a day that
//! never existed. We therefore check the calendar, not just the shape, without
//! pulling in a date-time dependency for this one job.

/// Returns `true` when `s` is exactly `YYYY-MM-DD` (ASCII digits, dashes at
/// positions 4 and 7) and names a real day of the proleptic Gregorian
/// calendar, leap years included (`2024-02-29` is valid, `2023-02-29` is not).
///
/// Years `0000` to `9999` are accepted; no surrounding whitespace, time part
/// or time zone is allowed.
pub fn is_valid_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        b[range].iter().try_fold(0u32, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    let (Some(year), Some(month), Some(day)) = (digits(0..4), digits(5..7), digits(8..10)) else {
        return false;
    };
    if !(1..=12).contains(&month) || day == 0 {
        return false;
    }
    day <= days_in_month(year, month)
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ => {
            // Divisible by 4 but not by 100, or divisible by 400. (Written as
            // a match so it needs nothing newer than the workspace's MSRV.)
            let leap = matches!((year % 4, year % 100, year % 400), (0, 1.., _) | (_, _, 0));
            if leap {
                29
            } else {
                28
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_valid_date;

    #[test]
    fn accepts_real_dates() {
        for d in [
            "2024-01-01",
            "2024-02-29",
            "2000-02-29",
            "1999-12-31",
            "2023-04-30",
            "0000-01-01",
            "9999-12-31",
        ] {
            assert!(is_valid_date(d), "{d} should be valid");
        }
    }

    #[test]
    fn rejects_impossible_or_malformed_dates() {
        for d in [
            "2023-02-29",
            "1900-02-29",
            "2023-04-31",
            "2023-13-01",
            "2023-00-10",
            "2023-01-00",
            "2023-01-32",
            "2023-1-01",
            "23-01-01",
            "2023/01/01",
            "2023-01-01T00:00:00Z",
            " 2023-01-01",
            "",
            "٢٠٢٣-٠١-٠١",
            "2023-0a-01",
            "+023-01-01",
        ] {
            assert!(!is_valid_date(d), "{d:?} should be invalid");
        }
    }
}
