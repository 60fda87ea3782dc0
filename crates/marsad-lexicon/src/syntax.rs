//! The line syntax shared by all lexicon files (see `docs/lexicon-format.md`): `|`-separated
//! fields, `#` comments, forms separated by `،` or `,`, attributes `key=value; ...`.

use std::fmt;

/// A lexicon problem, always with the file and line it comes from.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct LexiconError {
    pub file: String,
    /// 1-based line number; 0 when the problem concerns the whole file.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        }
    }
}

/// Where a record came from, kept with every entry so the coder can explain itself.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SourceLine {
    pub file: String,
    pub line: usize,
}

/// One record line split into fields.
pub struct Record<'a> {
    pub fields: Vec<&'a str>,
    pub at: SourceLine,
}

impl Record<'_> {
    pub fn error(&self, message: impl Into<String>) -> LexiconError {
        LexiconError {
            file: self.at.file.clone(),
            line: self.at.line,
            message: message.into(),
        }
    }
}

/// Splits a file into records with exactly `n_fields` fields (the last, the attributes,
/// may be omitted).
pub fn records<'a>(
    file: &str,
    text: &'a str,
    n_fields: usize,
) -> Result<Vec<Record<'a>>, LexiconError> {
    let mut out = Vec::new();
    for (idx, raw) in text.lines().enumerate() {
        let line = match raw.find('#') {
            Some(p) => &raw[..p],
            None => raw,
        };
        let line = line.trim().trim_start_matches('\u{feff}');
        if line.is_empty() {
            continue;
        }
        let mut fields: Vec<&str> = line.split('|').map(str::trim).collect();
        let at = SourceLine {
            file: file.to_string(),
            line: idx + 1,
        };
        if fields.len() == n_fields - 1 {
            fields.push("");
        }
        if fields.len() != n_fields {
            return Err(LexiconError {
                file: at.file,
                line: at.line,
                message: format!(
                    "expected {} fields separated by '|', found {}",
                    n_fields,
                    fields.len()
                ),
            });
        }
        out.push(Record { fields, at });
    }
    Ok(out)
}

/// Splits a forms field on `،` and `,`; empty forms are an error.
pub fn forms<'a>(rec: &Record<'a>, field: &'a str) -> Result<Vec<&'a str>, LexiconError> {
    let v: Vec<&str> = field.split(['،', ',']).map(str::trim).collect();
    if v.iter().any(|f| f.is_empty()) {
        return Err(rec.error("empty form in the forms field (doubled or trailing comma?)"));
    }
    Ok(v)
}

/// Parses `key=value; key=value` with the allowed keys; unknown keys are errors.
pub fn attributes<'a>(
    rec: &Record<'a>,
    field: &'a str,
    allowed: &[&str],
) -> Result<Vec<(&'a str, &'a str)>, LexiconError> {
    let mut out = Vec::new();
    // `note=` takes the rest of the field, so a note may contain ';' and '='.
    let (field, note) = match find_note(field) {
        Some(p) => (&field[..p], Some(field[p + "note=".len()..].trim())),
        None => (field, None),
    };
    for part in field.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let Some((k, v)) = part.split_once('=') else {
            return Err(rec.error(format!("attribute '{part}' is not key=value")));
        };
        let (k, v) = (k.trim(), v.trim());
        if !allowed.contains(&k) {
            return Err(rec.error(format!(
                "unknown attribute '{k}' (allowed: {})",
                allowed.join(", ")
            )));
        }
        if out.iter().any(|(ek, _)| *ek == k) {
            return Err(rec.error(format!("attribute '{k}' given twice")));
        }
        out.push((k, v));
    }
    if let Some(n) = note {
        if allowed.contains(&"note") {
            out.push(("note", n));
        }
    }
    Ok(out)
}

/// Byte offset of a `note=` attribute that starts the field or follows a `;`.
fn find_note(field: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(p) = field[from..].find("note=") {
        let at = from + p;
        if field[..at].trim_end().is_empty() || field[..at].trim_end().ends_with(';') {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Checks a YYYY-MM-DD date (calendar-valid).
pub fn is_valid_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().ok();
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    if !(1..=12).contains(&m) || d == 0 {
        return false;
    }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ][(m - 1) as usize];
    d <= days
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_records_and_skips_comments() {
        let text = "# header\n\nA | B | C # trailing\nD|E|F|G\n";
        let r = records("f.txt", text, 4).unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].fields, vec!["A", "B", "C", ""]);
        assert_eq!(r[0].at.line, 3);
    }

    #[test]
    fn wrong_field_count_names_file_and_line() {
        let e = records("lex/x.txt", "a|b\n", 4).err().unwrap();
        assert_eq!(
            e.to_string(),
            "lex/x.txt:1: expected 4 fields separated by '|', found 2"
        );
    }

    #[test]
    fn attributes_are_validated() {
        let r = records("f", "a|b|c|name=Iraq; wikidata=Q796", 4).unwrap();
        let a = attributes(&r[0], r[0].fields[3], &["name", "wikidata"]).unwrap();
        assert_eq!(a, vec![("name", "Iraq"), ("wikidata", "Q796")]);
        let e = attributes(&r[0], "nmae=Iraq", &["name"]).err().unwrap();
        let a = attributes(&r[0], "name=X; note=a; b=c; anything", &["name", "note"]).unwrap();
        assert_eq!(a, vec![("name", "X"), ("note", "a; b=c; anything")]);
        assert!(e.message.contains("unknown attribute 'nmae'"));
    }

    #[test]
    fn forms_split_on_both_commas() {
        let r = records("f", "a|b|c|", 4).unwrap();
        assert_eq!(
            forms(&r[0], "العراق، جمهورية العراق, بلاد الرافدين")
                .unwrap()
                .len(),
            3
        );
        assert!(forms(&r[0], "العراق،،").is_err());
    }

    #[test]
    fn dates() {
        assert!(is_valid_date("2020-02-29"));
        assert!(!is_valid_date("2021-02-29"));
        assert!(!is_valid_date("2021-13-01"));
        assert!(!is_valid_date("20210101"));
    }
}
