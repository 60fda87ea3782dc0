//! Property tests: `parse_jsonl_line` never panics and valid documents
//! round-trip byte for byte, directly and through the file reader.

use std::path::PathBuf;

use marsad_input::{parse_jsonl_line, read_inputs, InputOptions, Item};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

fn opts(default_date: Option<&str>) -> InputOptions {
    InputOptions {
        default_date: default_date.map(str::to_owned),
        ..InputOptions::default()
    }
}

/// Checks the shape of whatever `parse_jsonl_line` returned.
fn check_item(line: &[u8], item: Option<Item>, line_no: u64) {
    match item {
        None => assert!(line.iter().all(u8::is_ascii_whitespace)),
        Some(Item::Problem(p)) => {
            assert_eq!(p.path, "p.jsonl");
            assert_eq!(p.line, Some(line_no));
            assert!(!p.reason.is_empty());
            assert!(p.reason.len() < 1000, "reason too long: {}", p.reason.len());
        }
        Some(Item::Doc(d)) => {
            assert!(!d.id.trim().is_empty());
            assert!(!d.text.trim().is_empty());
            assert!(d.date.as_deref().is_some_and(marsad_input::is_valid_date));
            assert_eq!(d.origin.path, "p.jsonl");
            assert_eq!(d.origin.line, Some(line_no));
        }
    }
}

/// Strings that stress the text path: Arabic (with diacritics and tatweel),
/// emoji, bidi and zero-width marks, control characters, quotes, backslashes.
fn tricky_string() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        any::<char>().prop_map(String::from),
        Just("قال وزير الخارجية".to_owned()),
        Just("\u{064e}\u{0651}\u{0640}".to_owned()),
        Just("😀👨‍👩‍👧🇸🇦".to_owned()),
        Just("\u{200f}\u{200d}\u{feff}\u{202e}".to_owned()),
        Just("\u{0}\u{1}\u{1f}\u{7f}\t\r\n".to_owned()),
        Just("\"\\/{}[]".to_owned()),
        Just(" ".to_owned()),
        "[a-z0-9]{1,8}",
    ];
    proptest::collection::vec(pieces, 0..12).prop_map(|v| v.concat())
}

fn json_scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        tricky_string().prop_map(Value::String),
        Just(Value::String("2024-02-29".to_owned())),
        Just(Value::String("2023-02-29".to_owned())),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    json_scalar().prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::vec(("[a-z]{0,6}", inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

/// Objects built from the document's own keys (and some others) with values
/// of every type, serialised, then sometimes damaged.
fn json_ish_line() -> impl Strategy<Value = Vec<u8>> {
    let key = prop_oneof![
        Just("id"),
        Just("text"),
        Just("date"),
        Just("title"),
        Just("url"),
        Just("source"),
        Just("other"),
    ];
    let object = proptest::collection::vec((key, json_value()), 0..8).prop_map(|kv| {
        let map: Map<String, Value> = kv.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
        serde_json::to_vec(&Value::Object(map)).unwrap()
    });
    (object, any::<prop::sample::Index>(), 0u8..4, any::<u8>()).prop_map(
        |(mut bytes, at, damage, byte)| {
            let i = if bytes.is_empty() {
                0
            } else {
                at.index(bytes.len())
            };
            match damage {
                0 => {}
                1 => bytes.truncate(i),
                2 => bytes.insert(i, byte),
                _ => {
                    if !bytes.is_empty() {
                        bytes.remove(i);
                    }
                }
            }
            bytes
        },
    )
}

proptest! {
    #[test]
    fn never_panics_on_arbitrary_bytes(
        line in proptest::collection::vec(any::<u8>(), 0..512),
        line_no in 1u64..1_000_000,
        with_default in any::<bool>(),
    ) {
        let o = opts(with_default.then_some("2024-01-01"));
        let item = parse_jsonl_line(&line, "p.jsonl", line_no, &o);
        check_item(&line, item, line_no);
    }

    #[test]
    fn never_panics_on_json_ish_text(
        line in "[{}\\[\\]\":,0-9a-z\\\\ .eE+\\-\u{0627}-\u{064a}\t\r]{0,200}",
    ) {
        let item = parse_jsonl_line(line.as_bytes(), "p.jsonl", 1, &opts(None));
        check_item(line.as_bytes(), item, 1);
    }

    #[test]
    fn never_panics_on_structured_json(line in json_ish_line(), with_default in any::<bool>()) {
        let o = opts(with_default.then_some("2024-01-01"));
        let item = parse_jsonl_line(&line, "p.jsonl", 3, &o);
        check_item(&line, item, 3);
    }

    #[test]
    fn valid_documents_round_trip(
        id in tricky_string().prop_filter("id must not be blank", |s| !s.trim().is_empty()),
        text in tricky_string().prop_filter("text must not be blank", |s| !s.trim().is_empty()),
        date in (0u32..=9999, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        title in proptest::option::of(tricky_string().prop_filter("non-empty", |s| !s.is_empty())),
        extra in json_value(),
    ) {
        let line = serde_json::to_vec(&json!({
            "extra": extra, "id": id, "text": text, "date": date, "title": title,
        })).unwrap();
        match parse_jsonl_line(&line, "p.jsonl", 9, &opts(Some("1999-01-01"))) {
            Some(Item::Doc(d)) => {
                prop_assert_eq!(d.id.as_bytes(), id.as_bytes());
                prop_assert_eq!(d.text.as_bytes(), text.as_bytes());
                prop_assert_eq!(d.date.as_deref(), Some(date.as_str()));
                prop_assert_eq!(d.title, title);
            }
            other => prop_assert!(false, "expected a document, got {:?}", other),
        }
    }

    #[test]
    fn numeric_ids_round_trip(signed in any::<i64>(), unsigned in any::<u64>()) {
        let o = opts(Some("2024-01-01"));
        for (n, expected) in [(Value::from(signed), signed.to_string()), (Value::from(unsigned), unsigned.to_string())] {
            let line = serde_json::to_vec(&json!({"id": n, "text": "نص"})).unwrap();
            match parse_jsonl_line(&line, "p.jsonl", 1, &o) {
                Some(Item::Doc(d)) => prop_assert_eq!(d.id, expected),
                other => prop_assert!(false, "expected a document, got {:?}", other),
            }
        }
    }
}

proptest! {
    // Each case writes a file, so fewer cases.
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn documents_round_trip_through_files(
        docs in proptest::collection::vec(
            (tricky_string(), tricky_string()).prop_filter("not blank", |(i, t)| {
                !i.trim().is_empty() && !t.trim().is_empty()
            }),
            0..8,
        ),
        crlf in any::<bool>(),
        bom in any::<bool>(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("docs.jsonl");
        let mut data = Vec::new();
        if bom {
            data.extend_from_slice("\u{feff}".as_bytes());
        }
        for (id, text) in &docs {
            data.extend(serde_json::to_vec(&json!({"id": id, "text": text})).unwrap());
            data.extend_from_slice(if crlf { b"\r\n" } else { b"\n" });
        }
        std::fs::write(&path, &data).unwrap();
        let items: Vec<Item> = read_inputs(&[PathBuf::from(&path)], &opts(Some("2024-01-01"))).collect();
        prop_assert_eq!(items.len(), docs.len());
        for (n, (item, (id, text))) in items.iter().zip(&docs).enumerate() {
            match item {
                Item::Doc(d) => {
                    prop_assert_eq!(&d.id, id);
                    prop_assert_eq!(&d.text, text);
                    prop_assert_eq!(d.origin.line, Some(n as u64 + 1));
                }
                Item::Problem(p) => prop_assert!(false, "unexpected problem {}", p),
            }
        }
    }
}
