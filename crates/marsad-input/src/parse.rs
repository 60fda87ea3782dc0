//! Turning one JSONL line into a [`Document`] or a [`Problem`].
//!
//! Every check here produces a human-readable reason instead of an error
//! value, because the caller's only job with a bad line is to report it and
//! move on to the next one.

use serde::Deserialize;
use serde_json::Value;

use crate::date::is_valid_date;
use crate::{Document, InputOptions, Item, Origin, Problem};

/// Reason given for a document that has no date while no default is set.
pub(crate) const NO_DATE: &str = "no date: give one in the input or with --date";

/// The fields we look at. Everything else on the line is skipped by serde
/// without being stored. Values are kept as [`Value`] so that a wrong type
/// gets our own clear reason rather than a serde message.
#[derive(Deserialize)]
struct RawDoc {
    id: Option<Value>,
    text: Option<Value>,
    date: Option<Value>,
    title: Option<Value>,
    url: Option<Value>,
    source: Option<Value>,
}

/// Parses one JSONL line (without its line terminator; a trailing `\r` or
/// `\n` is tolerated) into an [`Item`].
///
/// Returns `None` for a blank line (only ASCII whitespace), which callers skip
/// silently. Any other line gives exactly one item: a [`Document`] when the
/// line is a valid document, otherwise a [`Problem`] carrying `path`,
/// `line_no` and the reason. It never panics, whatever the bytes.
///
/// Rules: the line must be a JSON object; `id` is a non-blank string or a
/// whole JSON number (turned into its decimal string); `text` is a non-blank
/// string kept byte for byte; `date`, if present and not null or blank, must
/// be a real `YYYY-MM-DD` date and wins over `options.default_date`; `title`,
/// `url` and `source` are optional strings (blank counts as absent); unknown
/// fields are ignored. A leading UTF-8 byte-order mark is *not* stripped here:
/// the streaming reader removes it from a file's first line before calling
/// this.
pub fn parse_jsonl_line(
    line: &[u8],
    path: &str,
    line_no: u64,
    options: &InputOptions,
) -> Option<Item> {
    if line.iter().all(u8::is_ascii_whitespace) {
        return None;
    }
    let origin = Origin {
        path: path.to_owned(),
        line: Some(line_no),
    };
    Some(match parse_document(line, options) {
        Ok(fields) => Item::Doc(fields.into_document(origin)),
        Err(reason) => Item::Problem(Problem {
            path: origin.path,
            line: origin.line,
            reason,
        }),
    })
}

/// A document's fields before its origin is attached.
pub(crate) struct Fields {
    pub(crate) id: String,
    pub(crate) text: String,
    pub(crate) date: Option<String>,
    pub(crate) title: Option<String>,
    pub(crate) url: Option<String>,
    pub(crate) source: Option<String>,
}

impl Fields {
    pub(crate) fn into_document(self, origin: Origin) -> Document {
        Document {
            id: self.id,
            text: self.text,
            date: self.date,
            title: self.title,
            url: self.url,
            source: self.source,
            origin,
        }
    }
}

fn parse_document(line: &[u8], options: &InputOptions) -> Result<Fields, String> {
    let line = match std::str::from_utf8(line) {
        Ok(s) => s,
        Err(e) => {
            return Err(format!(
                "invalid UTF-8 at byte {} of the line",
                e.valid_up_to() + 1
            ))
        }
    };
    // serde would happily read a JSON array into a struct field by field, so
    // insist on an object before handing the line over.
    if !line
        .trim_start_matches([' ', '\t', '\r', '\n'])
        .starts_with('{')
    {
        return Err("not a JSON object: each line must be one {...} document".to_owned());
    }
    let raw: RawDoc = serde_json::from_str(line).map_err(json_reason)?;

    let id = match raw.id {
        None | Some(Value::Null) => return Err("missing id".to_owned()),
        Some(Value::String(s)) if s.trim().is_empty() => return Err("empty id".to_owned()),
        Some(Value::String(s)) => s,
        Some(Value::Number(n)) => {
            if let Some(u) = n.as_u64() {
                u.to_string()
            } else if let Some(i) = n.as_i64() {
                i.to_string()
            } else {
                return Err(format!(
                    "id {n} is not a whole number: give ids as strings or whole numbers"
                ));
            }
        }
        Some(other) => {
            return Err(format!(
                "id must be a string or a number, not {}",
                kind(&other)
            ))
        }
    };

    let text = match raw.text {
        None | Some(Value::Null) => return Err("missing text".to_owned()),
        Some(Value::String(s)) if s.trim().is_empty() => return Err("empty text".to_owned()),
        Some(Value::String(s)) => s,
        Some(other) => return Err(format!("text must be a string, not {}", kind(&other))),
    };

    let date = match raw.date {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s.trim().is_empty() => None,
        Some(Value::String(s)) => {
            let d = s.trim();
            if !is_valid_date(d) {
                return Err(format!(
                    "invalid date {}: expected a real calendar date as YYYY-MM-DD",
                    preview(&s)
                ));
            }
            Some(d.to_owned())
        }
        Some(other) => {
            return Err(format!(
                "date must be a string in YYYY-MM-DD form, not {}",
                kind(&other)
            ))
        }
    };
    let date = Some(resolve_date(date, options)?);

    Ok(Fields {
        id,
        text,
        date,
        title: optional_string("title", raw.title)?,
        url: optional_string("url", raw.url)?,
        source: optional_string("source", raw.source)?,
    })
}

/// Picks the document's own date, else the default; a missing or invalid
/// default is reported rather than guessed around.
pub(crate) fn resolve_date(own: Option<String>, options: &InputOptions) -> Result<String, String> {
    if let Some(d) = own {
        return Ok(d);
    }
    match &options.default_date {
        None => Err(NO_DATE.to_owned()),
        Some(d) if is_valid_date(d) => Ok(d.clone()),
        Some(d) => Err(format!(
            "no date in the input, and the default date {} is not a real calendar date as YYYY-MM-DD",
            preview(d)
        )),
    }
}

fn optional_string(name: &str, value: Option<Value>) -> Result<Option<String>, String> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.is_empty() => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(format!("{name} must be a string, not {}", kind(&other))),
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Serde's message without its "at line 1 column N" tail (the line number is
/// the file's, given separately), with the column kept.
fn json_reason(e: serde_json::Error) -> String {
    let mut msg = e.to_string();
    if let Some(at) = msg.rfind(" at line ") {
        msg.truncate(at);
    }
    format!("malformed JSON at column {}: {msg}", e.column())
}

/// Quotes a value for a reason, cut short so that one huge bad value cannot
/// make a huge report.
pub(crate) fn preview(s: &str) -> String {
    const MAX_CHARS: usize = 40;
    match s.char_indices().nth(MAX_CHARS) {
        None => format!("{s:?}"),
        Some((cut, _)) => format!("{:?}...", &s[..cut]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(default_date: Option<&str>) -> InputOptions {
        InputOptions {
            default_date: default_date.map(str::to_owned),
            ..InputOptions::default()
        }
    }

    fn parse(line: &str, o: &InputOptions) -> Option<Item> {
        parse_jsonl_line(line.as_bytes(), "in.jsonl", 7, o)
    }

    fn doc(line: &str, o: &InputOptions) -> Document {
        match parse(line, o) {
            Some(Item::Doc(d)) => d,
            other => panic!("expected a document from {line:?}, got {other:?}"),
        }
    }

    fn reason(line: &[u8], o: &InputOptions) -> String {
        match parse_jsonl_line(line, "in.jsonl", 7, o) {
            Some(Item::Problem(p)) => {
                assert_eq!(p.path, "in.jsonl");
                assert_eq!(p.line, Some(7));
                p.reason
            }
            other => panic!("expected a problem from {line:?}, got {other:?}"),
        }
    }

    #[test]
    fn full_document() {
        let d = doc(
            r#"{"id":"a1","text":"قال الرئيس","date":"2024-03-01","title":"عنوان","url":"https://x.test/1","source":"wire","extra":{"nested":[1,2]}}"#,
            &opts(None),
        );
        assert_eq!(d.id, "a1");
        assert_eq!(d.text, "قال الرئيس");
        assert_eq!(d.date.as_deref(), Some("2024-03-01"));
        assert_eq!(d.title.as_deref(), Some("عنوان"));
        assert_eq!(d.url.as_deref(), Some("https://x.test/1"));
        assert_eq!(d.source.as_deref(), Some("wire"));
        assert_eq!(
            d.origin,
            Origin {
                path: "in.jsonl".into(),
                line: Some(7)
            }
        );
    }

    #[test]
    fn blank_lines_are_none() {
        for l in ["", " ", "\t", "\r", "  \t \r\n"] {
            assert_eq!(parse(l, &opts(None)), None, "{l:?}");
        }
    }

    #[test]
    fn numeric_ids_become_decimal_strings() {
        let o = opts(Some("2024-01-01"));
        assert_eq!(doc(r#"{"id":42,"text":"x"}"#, &o).id, "42");
        assert_eq!(doc(r#"{"id":-7,"text":"x"}"#, &o).id, "-7");
        assert_eq!(
            doc(r#"{"id":18446744073709551615,"text":"x"}"#, &o).id,
            "18446744073709551615"
        );
        assert!(reason(br#"{"id":1.5,"text":"x"}"#, &o).contains("not a whole number"));
        assert!(reason(br#"{"id":1e3,"text":"x"}"#, &o).contains("not a whole number"));
        assert!(reason(br#"{"id":true,"text":"x"}"#, &o).contains("id must be a string"));
    }

    #[test]
    fn text_is_kept_exactly() {
        let o = opts(Some("2024-01-01"));
        let d = doc(
            r#"{"id":"x","text":"  \u0627\u0644 نص\r\n\t😀\u0000 "}"#,
            &o,
        );
        assert_eq!(d.text, "  ال نص\r\n\t😀\u{0} ");
        // Emoji given as a surrogate pair escape.
        assert_eq!(doc(r#"{"id":"x","text":"\ud83d\ude00"}"#, &o).text, "😀");
    }

    #[test]
    fn id_problems() {
        let o = opts(Some("2024-01-01"));
        assert_eq!(reason(br#"{"text":"x"}"#, &o), "missing id");
        assert_eq!(reason(br#"{"id":null,"text":"x"}"#, &o), "missing id");
        assert_eq!(reason(br#"{"id":"","text":"x"}"#, &o), "empty id");
        assert_eq!(reason(br#"{"id":"  ","text":"x"}"#, &o), "empty id");
        assert!(reason(br#"{"id":["a"],"text":"x"}"#, &o).contains("not an array"));
    }

    #[test]
    fn text_problems() {
        let o = opts(Some("2024-01-01"));
        assert_eq!(reason(br#"{"id":"a"}"#, &o), "missing text");
        assert_eq!(reason(br#"{"id":"a","text":null}"#, &o), "missing text");
        assert_eq!(reason(br#"{"id":"a","text":""}"#, &o), "empty text");
        assert_eq!(reason(br#"{"id":"a","text":" \n\t "}"#, &o), "empty text");
        assert_eq!(
            reason(br#"{"id":"a","text":5}"#, &o),
            "text must be a string, not a number"
        );
    }

    #[test]
    fn non_arabic_text_is_fine() {
        let d = doc(
            r#"{"id":"a","text":"hello world"}"#,
            &opts(Some("2024-01-01")),
        );
        assert_eq!(d.text, "hello world");
    }

    #[test]
    fn date_rules() {
        let none = opts(None);
        let dflt = opts(Some("2020-05-05"));
        // Input wins over the default.
        let line = r#"{"id":"a","text":"x","date":"2024-02-29"}"#;
        assert_eq!(doc(line, &dflt).date.as_deref(), Some("2024-02-29"));
        assert_eq!(doc(line, &none).date.as_deref(), Some("2024-02-29"));
        // No date: default, else a problem.
        let line = r#"{"id":"a","text":"x"}"#;
        assert_eq!(doc(line, &dflt).date.as_deref(), Some("2020-05-05"));
        assert_eq!(reason(line.as_bytes(), &none), NO_DATE);
        // Null or blank count as absent.
        for line in [
            r#"{"id":"a","text":"x","date":null}"#,
            r#"{"id":"a","text":"x","date":""}"#,
        ] {
            assert_eq!(doc(line, &dflt).date.as_deref(), Some("2020-05-05"));
            assert_eq!(reason(line.as_bytes(), &none), NO_DATE);
        }
        // Surrounding spaces are forgiven.
        let line = r#"{"id":"a","text":"x","date":" 2024-01-02 "}"#;
        assert_eq!(doc(line, &none).date.as_deref(), Some("2024-01-02"));
        // Invalid dates are problems even when a default exists.
        let r = reason(br#"{"id":"a","text":"x","date":"2023-02-29"}"#, &dflt);
        assert_eq!(
            r,
            "invalid date \"2023-02-29\": expected a real calendar date as YYYY-MM-DD"
        );
        assert!(
            reason(br#"{"id":"a","text":"x","date":"yesterday"}"#, &dflt)
                .starts_with("invalid date")
        );
        assert!(reason(br#"{"id":"a","text":"x","date":20240101}"#, &dflt)
            .starts_with("date must be a string"));
        // An invalid default date is reported, not used.
        let bad = opts(Some("2023-02-30"));
        assert!(reason(br#"{"id":"a","text":"x"}"#, &bad).contains("default date \"2023-02-30\""));
    }

    #[test]
    fn huge_bad_date_gives_short_reason() {
        let line = format!(
            r#"{{"id":"a","text":"x","date":"{}"}}"#,
            "٩".repeat(100_000)
        );
        let r = reason(line.as_bytes(), &opts(None));
        assert!(r.len() < 300, "{}", r.len());
        assert!(r.contains("\"...:"), "{r}");
    }

    #[test]
    fn optional_fields() {
        let o = opts(Some("2024-01-01"));
        let d = doc(
            r#"{"id":"a","text":"x","title":null,"url":"","source":"s"}"#,
            &o,
        );
        assert_eq!(
            (d.title, d.url, d.source.as_deref()),
            (None, None, Some("s"))
        );
        assert_eq!(
            reason(br#"{"id":"a","text":"x","title":3}"#, &o),
            "title must be a string, not a number"
        );
        assert_eq!(
            reason(br#"{"id":"a","text":"x","source":{}}"#, &o),
            "source must be a string, not an object"
        );
    }

    #[test]
    fn malformed_json() {
        let o = opts(Some("2024-01-01"));
        let r = reason(br#"{"id":"a","text":"x""#, &o);
        assert!(r.starts_with("malformed JSON at column"), "{r}");
        assert!(!r.contains("at line"), "{r}");
        assert!(reason(br#"{"id":"a","text":"x"} trailing"#, &o).starts_with("malformed JSON"));
        assert!(reason(br#"{"id":"a","id":"b","text":"x"}"#, &o).contains("duplicate field"));
        assert!(reason(br#"{"id":"a","text":"\x"}"#, &o).starts_with("malformed JSON"));
        for l in [&b"[\"a\",\"b\"]"[..], b"\"str\"", b"42", b"null", b"hello"] {
            assert!(reason(l, &o).starts_with("not a JSON object"), "{l:?}");
        }
    }

    #[test]
    fn invalid_utf8_is_reported() {
        let o = opts(Some("2024-01-01"));
        let mut line = br#"{"id":"a","text":"ab"#.to_vec();
        line.extend_from_slice(&[0xff, 0xfe]);
        line.extend_from_slice(br#""}"#);
        assert_eq!(reason(&line, &o), "invalid UTF-8 at byte 21 of the line");
    }

    #[test]
    fn deep_nesting_does_not_overflow_the_stack() {
        let o = opts(Some("2024-01-01"));
        for field in ["extra", "text", "id"] {
            // The nested value comes first so it is parsed before anything
            // else could fail.
            let line = format!(
                r#"{{"{field}":{},"id":"a","text":"x"}}"#,
                "[".repeat(200_000)
            );
            let r = reason(line.as_bytes(), &o);
            assert!(
                r.contains("recursion limit") || r.contains("malformed"),
                "{r}"
            );
        }
    }
}
