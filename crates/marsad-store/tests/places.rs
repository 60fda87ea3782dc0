//! Event places (schema version 2): stored from `event_loc`, filtered by place and box.

use marsad_coder::record::Location;
use marsad_coder::{CiteInfo, Event, TextInfo};
use marsad_store::{DocumentWrite, EventFilter, Store, SCHEMA_VERSION};

fn place(name: &str, resolved: &str, id: u64, lat: f64, lon: f64, cc: &str) -> Location {
    Location {
        extracted_place: name.into(),
        resolved_place: resolved.into(),
        geonameid: id,
        lat,
        lon,
        country_code: cc.into(),
        feature_class: "P".into(),
        feature_code: "PPL".into(),
        precision: "point".into(),
        resolution: 4,
        confidence: 0.9,
        ..Default::default()
    }
}

fn event(id: &str, doc: &str, loc: Option<Location>) -> Event {
    Event {
        id: id.into(),
        date: "2024-05-01".into(),
        event: vec!["ASSAULT".into()],
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
            citation: doc.into(),
            language: "ar".into(),
            coder: "marsad".into(),
            codebook: "plover".into(),
            ..Default::default()
        },
        event_loc: loc,
        ..Default::default()
    }
}

fn doc(id: &str, events: Vec<Event>) -> DocumentWrite {
    DocumentWrite {
        id: id.into(),
        date: Some("2024-05-01".into()),
        events,
        ..Default::default()
    }
}

fn mosul() -> Location {
    place("بالموصل", "Mosul", 99072, 36.335, 43.11889, "IRQ")
}

fn between() -> Location {
    let mut l = place("السماوة", "As Samawah", 98530, 31.33, 45.28, "IRQ");
    l.precision = "between".into();
    l.also = vec![place(
        "الديوانية",
        "Al Diwaniyah",
        99762,
        31.99,
        44.92,
        "IRQ",
    )];
    l
}

fn store() -> Store {
    let mut s = Store::open_in_memory().unwrap();
    s.write_batch(&[
        doc("d1", vec![event("e1", "d1", Some(mosul()))]),
        doc("d2", vec![event("e2", "d2", Some(between()))]),
        doc(
            "d3",
            vec![event(
                "e3",
                "d3",
                Some(place("فيجي", "Suva", 2198148, -18.14, 178.44, "FJI")),
            )],
        ),
        doc("d4", vec![event("e4", "d4", None)]),
    ])
    .unwrap();
    s
}

fn ids(s: &Store, f: EventFilter) -> Vec<String> {
    s.events(&f).unwrap().into_iter().map(|e| e.id).collect()
}

fn by_place(p: &str) -> EventFilter {
    EventFilter {
        place: Some(p.into()),
        ..Default::default()
    }
}

fn by_box(b: (f64, f64, f64, f64)) -> EventFilter {
    EventFilter {
        bbox: Some(b),
        ..Default::default()
    }
}

#[test]
fn place_matches_resolved_name_written_name_and_geonameid() {
    let s = store();
    assert_eq!(ids(&s, by_place("mosul")), ["e1"]);
    assert_eq!(
        ids(&s, by_place("الموصل")),
        ["e1"],
        "folded, inside بالموصل"
    );
    assert_eq!(ids(&s, by_place("الموصِل")), ["e1"], "diacritics fold");
    assert_eq!(ids(&s, by_place("99072")), ["e1"]);
    // The second place of بين X و Y counts too.
    assert_eq!(ids(&s, by_place("Al Diwaniyah")), ["e2"]);
    assert_eq!(ids(&s, by_place("الديوانيه")), ["e2"]);
    assert!(ids(&s, by_place("Basra")).is_empty());
    assert!(
        ids(&s, by_place("Mos")).is_empty(),
        "English names match whole"
    );
}

#[test]
fn bbox_selects_events_with_a_place_inside() {
    let s = store();
    // Iraq, roughly.
    assert_eq!(ids(&s, by_box((38.8, 29.0, 48.6, 37.4))), ["e1", "e2"]);
    // Only the second place of e2 (Diwaniyah, 44.92 E) lies in this box.
    assert_eq!(ids(&s, by_box((44.5, 31.5, 45.0, 32.5))), ["e2"]);
    // Bounds are inclusive.
    assert_eq!(
        ids(&s, by_box((43.11889, 36.335, 43.11889, 36.335))),
        ["e1"]
    );
    // A box across the antimeridian (170 E to 170 W).
    assert_eq!(ids(&s, by_box((170.0, -25.0, -170.0, -10.0))), ["e3"]);
    // Events without a place never match.
    assert!(!ids(&s, by_box((-180.0, -90.0, 180.0, 90.0))).contains(&"e4".to_string()));
}

#[test]
fn place_and_bbox_combine_with_other_filters() {
    let s = store();
    let f = EventFilter {
        place: Some("Mosul".into()),
        bbox: Some((0.0, 0.0, 10.0, 10.0)),
        ..Default::default()
    };
    assert!(ids(&s, f).is_empty());
    let f = EventFilter {
        place: Some("الموصل".into()),
        event_type: Some("assault".into()),
        ..Default::default()
    };
    assert_eq!(ids(&s, f), ["e1"]);
}

#[test]
fn rewriting_a_document_replaces_its_places() {
    let mut s = store();
    s.write_document(&doc("d1", vec![event("e1", "d1", None)]))
        .unwrap();
    assert!(ids(&s, by_place("Mosul")).is_empty());
    s.write_document(&doc("d1", vec![event("e1", "d1", Some(mosul()))]))
        .unwrap();
    assert_eq!(ids(&s, by_place("Mosul")), ["e1"]);
}

#[test]
fn a_version_1_database_gets_its_places_on_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.db");
    {
        let mut s = Store::open(&path).unwrap();
        s.write_batch(&[doc("d2", vec![event("e2", "d2", Some(between()))])])
            .unwrap();
    }
    // Turn it back into a version 1 database whose event JSON carries a location.
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("DROP TABLE event_places; PRAGMA user_version = 1;")
            .unwrap();
    }
    let s = Store::open(&path).unwrap();
    assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(ids(&s, by_place("As Samawah")), ["e2"]);
    assert_eq!(ids(&s, by_place("الديوانية")), ["e2"], "folded on open");
    assert_eq!(ids(&s, by_place("98530")), ["e2"]);
    assert_eq!(ids(&s, by_box((44.5, 31.5, 45.0, 32.5))), ["e2"]);
    // The event itself is unchanged.
    assert_eq!(
        s.events(&EventFilter::default()).unwrap()[0].event_loc,
        Some(between())
    );
}
