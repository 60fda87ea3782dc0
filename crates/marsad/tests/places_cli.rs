//! `marsad events --place/--bbox` and `marsad export --format geojson` on a store written
//! through the library.

use std::process::Command;

use marsad_coder::record::Location;
use marsad_coder::{CiteInfo, Entity, Event, TextInfo};
use marsad_store::{DocumentWrite, Store};

fn event(id: &str, loc: Option<Location>) -> Event {
    Event {
        id: id.into(),
        date: "2024-05-01".into(),
        event: vec!["ASSAULT".into()],
        actor: vec![Entity {
            code: Some("IRQ".into()),
            entity_text: "القوات العراقية".into(),
            ..Default::default()
        }],
        event_text: vec!["هجوم".into()],
        event_scale: -9.0,
        quad_code: 4,
        text: "نص".into(),
        text_info: TextInfo {
            sequence: 0,
            start: 0,
            end: 2,
        },
        cite_info: CiteInfo {
            citation: format!("doc-{id}"),
            language: "ar".into(),
            coder: "marsad".into(),
            codebook: "plover".into(),
            ..Default::default()
        },
        event_loc: loc,
        ..Default::default()
    }
}

fn db() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.db");
    let mosul = Location {
        extracted_place: "الموصل".into(),
        resolved_place: "Mosul".into(),
        geonameid: 99072,
        lat: 36.335,
        lon: 43.11889,
        country_code: "IRQ".into(),
        precision: "point".into(),
        ..Default::default()
    };
    let mut store = Store::open(&path).unwrap();
    for (id, loc) in [("e1", Some(mosul)), ("e2", None)] {
        store
            .write_document(&DocumentWrite {
                id: format!("doc-{id}"),
                date: Some("2024-05-01".into()),
                events: vec![event(id, loc)],
                ..Default::default()
            })
            .unwrap();
    }
    (dir, path)
}

fn marsad(args: &[&str]) -> (String, String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_marsad"))
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn events_filter_by_place_and_bbox() {
    let (_d, path) = db();
    let db = path.to_str().unwrap();
    let (out, err, code) = marsad(&[
        "events",
        "--db",
        db,
        "--place",
        "الموصل",
        "--format",
        "jsonl",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 1);
    assert!(out.contains("\"e1\""));
    let (out, _, code) = marsad(&[
        "events",
        "--db",
        db,
        "--bbox",
        "38.8,29,48.6,37.4",
        "--format",
        "jsonl",
    ]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 1);
    let (out, _, _) = marsad(&[
        "events",
        "--db",
        db,
        "--bbox",
        "-10,-10,10,10",
        "--format",
        "jsonl",
    ]);
    assert_eq!(out.lines().count(), 0);
    let (_, err, code) = marsad(&["events", "--db", db, "--bbox", "1,2,3"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("MINLON"), "{err}");
}

#[test]
fn export_writes_geojson_points() {
    let (_d, path) = db();
    let (out, err, code) = marsad(&[
        "export",
        "--db",
        path.to_str().unwrap(),
        "--format",
        "geojson",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["type"], "FeatureCollection");
    let features = v["features"].as_array().unwrap();
    assert_eq!(features.len(), 1, "events without a location are left out");
    assert_eq!(features[0]["geometry"]["type"], "Point");
    assert_eq!(features[0]["geometry"]["coordinates"][0], 43.11889);
    assert_eq!(features[0]["properties"]["citation"], "doc-e1");
    assert_eq!(features[0]["properties"]["actor"][0], "IRQ");
}
