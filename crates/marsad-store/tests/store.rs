//! Integration tests of the store's public API.

use marsad_coder::{Attribution, CiteInfo, Condition, Entity, Event, Evidence, TextInfo};
use marsad_store::{DocumentWrite, EventFilter, SentenceWrite, Store, StoreError, SCHEMA_VERSION};
use proptest::prelude::*;

// ---------------------------------------------------------------- helpers

fn entity(code: Option<&str>, text: &str) -> Entity {
    Entity {
        code: code.map(str::to_owned),
        sector: Some("MIL".into()),
        entity_text: text.into(),
        ..Default::default()
    }
}

fn event(id: &str, doc: &str, seq: u32, date: &str, categories: &[&str]) -> Event {
    Event {
        id: id.into(),
        date: date.into(),
        date_precision: None,
        story_date: None,
        event_loc: None,
        size: None,
        confidence: None,
        low_confidence: false,
        event: categories.iter().map(|c| c.to_string()).collect(),
        actor: vec![],
        recipient: vec![],
        mode: vec![],
        context: vec![],
        event_text: vec!["قصف".into()],
        event_scale: -9.0,
        quad_code: 4,
        text: "نص".into(),
        text_info: TextInfo {
            sequence: seq,
            start: 0,
            end: 10,
        },
        cite_info: CiteInfo {
            citation: doc.into(),
            url: None,
            title: None,
            publication: None,
            language: "ar".into(),
            coder: "marsad 0.1.0".into(),
            codebook: "plover-marsad-0.1".into(),
        },
        aux_mode: vec![],
        condition: None,
        attribution: None,
        evidence: vec![],
    }
}

fn sentence(sequence: u32, text: &str) -> SentenceWrite {
    SentenceWrite {
        sequence,
        start: sequence * 100,
        end: sequence * 100 + text.chars().count() as u32,
        text: text.into(),
    }
}

fn doc(id: &str, sentences: Vec<SentenceWrite>, events: Vec<Event>) -> DocumentWrite {
    DocumentWrite {
        id: id.into(),
        date: Some("2024-05-01".into()),
        title: Some("عنوان".into()),
        url: Some(format!("https://example.invalid/{id}")),
        source: Some("وكالة".into()),
        sentences,
        events,
    }
}

fn ids(events: &[Event]) -> Vec<&str> {
    events.iter().map(|e| e.id.as_str()).collect()
}

fn all() -> EventFilter {
    EventFilter {
        include_nonfactual: true,
        ..Default::default()
    }
}

/// A small corpus exercising every filter.
fn corpus() -> Store {
    let mut store = Store::open_in_memory().unwrap();

    let mut e1 = event("e1", "d1", 0, "2024-05-01", &["ASSAULT"]);
    e1.actor = vec![Entity {
        identifier_id: Some("Q30".into()),
        identifier_text: Some("United States".into()),
        ..entity(Some("USA"), "القوات الأميركيّة")
    }];
    e1.recipient = vec![entity(Some("IRQ"), "الجيش العراقي")];

    let mut e2 = event("e2", "d1", 1, "2024-05-02", &["PROTEST", "ASSAULT"]);
    e2.actor = vec![entity(Some("IRQ"), "متظاهرون عراقيون")];
    e2.quad_code = 3;
    e2.event_scale = -4.5;

    let mut e3 = event("e3", "d2", 0, "2024-06-10", &["CONSULT"]);
    e3.actor = vec![entity(None, "وزير الخارجية")];
    e3.recipient = vec![entity(Some("IRN"), "إيران")];
    e3.quad_code = 1;
    e3.event_scale = 1.0;

    let mut e4 = event("e4", "d2", 1, "2024-06-11", &["ASSAULT"]);
    e4.actor = vec![entity(Some("ISR"), "إسرائيل")];
    e4.aux_mode = vec!["negation".into()];

    let mut e5 = event("e5", "d2", 2, "2024-06-12", &["AID"]);
    e5.actor = vec![entity(Some("USA"), "واشنطن")];
    e5.aux_mode = vec!["hypothetical".into(), "future".into()];
    e5.quad_code = 2;
    e5.event_scale = 4.0;

    let mut e6 = event("e6", "d2", 2, "2024-06-12", &["AID"]);
    e6.actor = vec![entity(Some("GBR"), "لندن")];
    e6.aux_mode = vec!["future".into()];

    store
        .write_batch(&[
            doc(
                "d1",
                vec![
                    sentence(0, "قصفت القوات الأميركيّة مواقع للجيش العراقي."),
                    sentence(1, "تظاهر آلاف العراقيين في بغداد."),
                ],
                vec![e2, e1],
            ),
            doc(
                "d2",
                vec![
                    sentence(0, "التقى وزير الخارجية نظيره الإيراني."),
                    sentence(1, "نفت إسرائيل شن غارات."),
                    sentence(2, "قد تقدم واشنطن ولندن مساعدات."),
                ],
                vec![e6, e5, e4, e3],
            ),
        ])
        .unwrap();
    store
}

// ---------------------------------------------------------------- open / migrate

#[test]
fn open_creates_file_with_wal_and_current_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("marsad.db");
    let store = Store::open(&path).unwrap();
    assert!(path.exists());
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    const { assert!(SCHEMA_VERSION >= 1) };
    drop(store);

    let conn = rusqlite::Connection::open(&path).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let version: u32 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
}

#[test]
fn reopening_is_idempotent_and_keeps_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("marsad.db");
    {
        let mut store = Store::open(&path).unwrap();
        store
            .write_document(&doc(
                "d1",
                vec![sentence(0, "قصفت القوات")],
                vec![event("e1", "d1", 0, "2024-05-01", &["ASSAULT"])],
            ))
            .unwrap();
    }
    for _ in 0..2 {
        let store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        let c = store.counts().unwrap();
        assert_eq!((c.documents, c.sentences, c.events), (1, 1, 1));
        let text = EventFilter {
            text: Some("القوات".into()),
            ..Default::default()
        };
        assert_eq!(ids(&store.events(&text).unwrap()), ["e1"]);
    }
}

#[test]
fn foreign_keys_are_enforced() {
    // Deleting a document through SQL cascades to its events: only true with
    // foreign keys on, which the store turns on for its own connection.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("marsad.db");
    let mut store = Store::open(&path).unwrap();
    let mut e = event("e1", "d1", 0, "2024-05-01", &["ASSAULT"]);
    e.actor = vec![entity(Some("USA"), "واشنطن")];
    e.recipient = vec![entity(Some("IRQ"), "بغداد")];
    store
        .write_document(&doc("d1", vec![sentence(0, "نص")], vec![e]))
        .unwrap();
    // Replacing d1 by a version without events must cascade to every child table.
    store.write_document(&doc("d1", vec![], vec![])).unwrap();
    let c = store.counts().unwrap();
    assert_eq!((c.documents, c.sentences, c.events), (1, 0, 0));
    let conn = rusqlite::Connection::open(&path).unwrap();
    let orphans: i64 = conn
        .query_row(
            "SELECT (SELECT count(*) FROM event_entities) + (SELECT count(*) FROM event_categories)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(orphans, 0);
}

#[test]
fn an_existing_version_zero_database_is_upgraded() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE unrelated(x); INSERT INTO unrelated VALUES (1);")
            .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(store.counts().unwrap().documents, 0);
}

#[test]
fn a_newer_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
    }
    let err = Store::open(&path).unwrap_err();
    match &err {
        StoreError::SchemaTooNew { found, supported } => {
            assert_eq!(*found, SCHEMA_VERSION + 1);
            assert_eq!(*supported, SCHEMA_VERSION);
        }
        other => panic!("expected SchemaTooNew, got {other:?}"),
    }
    assert!(err.to_string().contains("newer"), "{err}");
    let conn = rusqlite::Connection::open(&path).unwrap();
    let version: u32 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION + 1);
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "delete");
    let tables: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE name = 'documents'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(tables, 0);
}

#[test]
fn a_file_that_is_not_a_database_is_an_open_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("junk.db");
    std::fs::write(&path, vec![b'x'; 4096]).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::Open { .. }), "{err:?}");
    assert!(err.to_string().contains("junk.db"), "{err}");
}

// ---------------------------------------------------------------- write / read

#[test]
fn events_round_trip_byte_identical() {
    let mut e = event("e1", "d1", 3, "2024-05-01", &["ASSAULT", "COERCE"]);
    e.actor = vec![Entity {
        code: Some("USA".into()),
        sector: Some("MIL".into()),
        other_sectors: vec!["GOV".into()],
        entity_text: "القوات الأميركيّة".into(),
        identifier_id: Some("Q30".into()),
        identifier_text: Some("United States".into()),
        ..Default::default()
    }];
    e.recipient = vec![entity(Some("IRQ"), "الجيش")];
    e.mode = vec!["firearms".into(), "aerial".into()];
    e.context = vec!["military".into()];
    e.event_scale = -9.3;
    e.aux_mode = vec!["hypothetical".into()];
    e.condition = Some(Condition {
        cue: "إذا".into(),
        text: "إذا رفضت الحكومة".into(),
        start: 5,
        end: 20,
    });
    e.attribution = Some(Attribution {
        verb: "قال".into(),
        speaker: Some(entity(Some("USA"), "المتحدث")),
        start: 0,
        end: 4,
    });
    e.evidence = vec![Evidence {
        role: "trigger".into(),
        text: "قصف".into(),
        start: 7,
        end: 10,
    }];
    e.cite_info.url = Some("https://example.invalid/d1".into());
    e.cite_info.title = Some("عنوان \"مقتبس\"".into());
    e.cite_info.publication = Some("وكالة".into());
    e.text = "قال المتحدث: سنقصف إذا رفضت الحكومة\n".into();
    let mut e2 = event("e2", "d1", 4, "2024-05-01", &[]);
    e2.event_scale = 0.1;

    let mut store = Store::open_in_memory().unwrap();
    store
        .write_document(&doc("d1", vec![], vec![e.clone(), e2.clone()]))
        .unwrap();
    let back = store.events(&all()).unwrap();
    assert_eq!(back, vec![e.clone(), e2.clone()]);
    assert_eq!(
        serde_json::to_string(&back[0]).unwrap(),
        serde_json::to_string(&e).unwrap()
    );
    assert_eq!(
        serde_json::to_string(&back[1]).unwrap(),
        serde_json::to_string(&e2).unwrap()
    );
}

#[test]
fn results_are_ordered_by_date_doc_sentence_and_id() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .write_batch(&[
            doc(
                "b",
                vec![],
                vec![
                    event("z", "b", 0, "2024-01-02", &["AID"]),
                    event("y", "b", 1, "2024-01-01", &["AID"]),
                    event("x", "b", 0, "2024-01-01", &["AID"]),
                ],
            ),
            doc(
                "a",
                vec![],
                vec![
                    event("w", "a", 5, "2024-01-01", &["AID"]),
                    event("v", "a", 5, "2024-01-01", &["AID"]),
                ],
            ),
        ])
        .unwrap();
    assert_eq!(
        ids(&store.events(&all()).unwrap()),
        ["v", "w", "x", "y", "z"]
    );
}

#[test]
fn reingesting_a_document_replaces_it() {
    let mut store = Store::open_in_memory().unwrap();
    let first = doc(
        "d1",
        vec![sentence(0, "قصفت القوات المدينة"), sentence(1, "ثم انسحبت")],
        vec![
            event("e1", "d1", 0, "2024-05-01", &["ASSAULT"]),
            event("e2", "d1", 1, "2024-05-01", &["RETREAT"]),
        ],
    );
    store.write_document(&first).unwrap();
    let before = store.counts().unwrap();
    store.write_document(&first).unwrap();
    store.write_batch(&[first.clone(), first.clone()]).unwrap();
    assert_eq!(store.counts().unwrap(), before);
    assert_eq!(
        (before.documents, before.sentences, before.events),
        (1, 2, 2)
    );

    // A changed coding of the same document replaces the old events and sentences.
    let mut changed = doc(
        "d1",
        vec![sentence(0, "هاجم المسلحون القرية")],
        vec![event("e3", "d1", 0, "2024-05-03", &["ASSAULT"])],
    );
    changed.title = Some("عنوان جديد".into());
    store.write_document(&changed).unwrap();
    let c = store.counts().unwrap();
    assert_eq!((c.documents, c.sentences, c.events), (1, 1, 1));
    assert_eq!(ids(&store.events(&all()).unwrap()), ["e3"]);

    // The old sentence left the full-text index, the new one is in it.
    let search = |q: &str| {
        store
            .events(&EventFilter {
                text: Some(q.into()),
                ..all()
            })
            .unwrap()
    };
    assert!(search("المدينة").is_empty());
    assert_eq!(ids(&search("القرية")), ["e3"]);
}

#[test]
fn fts_index_stays_consistent_after_replacements() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("marsad.db");
    let mut store = Store::open(&path).unwrap();
    for round in 0..3 {
        let docs: Vec<DocumentWrite> = (0..5)
            .map(|d| {
                doc(
                    &format!("d{d}"),
                    (0..round + 1)
                        .map(|s| sentence(s, &format!("جملة رقم {s} الجولة {round}")))
                        .collect(),
                    vec![],
                )
            })
            .collect();
        store.write_batch(&docs).unwrap();
    }
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute(
        "INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('integrity-check', 1)",
        [],
    )
    .unwrap();
    let n: i64 = conn
        .query_row("SELECT count(*) FROM sentences", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 15);
}

// ---------------------------------------------------------------- transactions

#[test]
fn a_failed_batch_rolls_back_completely() {
    let mut store = corpus();
    let before_counts = store.counts().unwrap();
    let before_events = store.events(&all()).unwrap();

    // New doc, a replacement of d1 (which deletes its events), then a doc whose event id
    // clashes with one of d2's: the whole batch must vanish.
    let batch = vec![
        doc(
            "d3",
            vec![sentence(0, "جديد")],
            vec![event("n1", "d3", 0, "2024-07-01", &["AID"])],
        ),
        doc("d1", vec![], vec![]),
        doc(
            "d4",
            vec![],
            vec![event("e3", "d4", 0, "2024-07-02", &["AID"])],
        ),
    ];
    let err = store.write_batch(&batch).unwrap_err();
    match &err {
        StoreError::DuplicateEventId { event_id, doc_id } => {
            assert_eq!(event_id, "e3");
            assert_eq!(doc_id, "d4");
        }
        other => panic!("expected DuplicateEventId, got {other:?}"),
    }
    assert_eq!(store.counts().unwrap(), before_counts);
    assert_eq!(store.events(&all()).unwrap(), before_events);

    // The store is still usable afterwards.
    store.write_batch(&batch[..2]).unwrap();
    assert_eq!(store.counts().unwrap().documents, 3);
}

#[test]
fn duplicate_sentences_and_invalid_events_are_rejected_without_changes() {
    let mut store = corpus();
    let before = store.counts().unwrap();

    let dup = doc("d9", vec![sentence(0, "أ"), sentence(0, "ب")], vec![]);
    let err = store.write_document(&dup).unwrap_err();
    assert!(
        matches!(&err, StoreError::DuplicateSentence { doc_id, sequence: 0 } if doc_id == "d9"),
        "{err:?}"
    );

    let mut nan = event("bad", "d1", 0, "2024-05-01", &["AID"]);
    nan.event_scale = f32::NAN;
    let err = store
        .write_batch(&[doc("d1", vec![], vec![]), doc("d9", vec![], vec![nan])])
        .unwrap_err();
    assert!(matches!(err, StoreError::InvalidEvent { .. }), "{err:?}");

    let same_id_twice = doc(
        "d9",
        vec![],
        vec![
            event("x", "d9", 0, "2024-05-01", &["AID"]),
            event("x", "d9", 1, "2024-05-01", &["AID"]),
        ],
    );
    let err = store.write_document(&same_id_twice).unwrap_err();
    assert!(
        matches!(err, StoreError::DuplicateEventId { .. }),
        "{err:?}"
    );

    assert_eq!(store.counts().unwrap(), before);
}

#[test]
fn committed_batches_survive_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("marsad.db");
    {
        let mut store = Store::open(&path).unwrap();
        store
            .write_batch(&[
                doc("a", vec![sentence(0, "نص")], vec![]),
                doc(
                    "b",
                    vec![],
                    vec![event("e", "b", 0, "2024-01-01", &["AID"])],
                ),
            ])
            .unwrap();
        let err = store
            .write_batch(&[
                doc("c", vec![], vec![]),
                doc(
                    "d",
                    vec![],
                    vec![event("e", "d", 0, "2024-01-01", &["AID"])],
                ),
            ])
            .unwrap_err();
        assert!(matches!(err, StoreError::DuplicateEventId { .. }));
    }
    let store = Store::open(&path).unwrap();
    let c = store.counts().unwrap();
    assert_eq!((c.documents, c.sentences, c.events), (2, 1, 1));
}

// ---------------------------------------------------------------- filters

#[test]
fn default_filter_returns_only_factual_events() {
    let store = corpus();
    assert_eq!(
        ids(&store.events(&EventFilter::default()).unwrap()),
        ["e1", "e2", "e3", "e6"]
    );
    assert_eq!(
        ids(&store.events(&all()).unwrap()),
        ["e1", "e2", "e3", "e4", "e5", "e6"]
    );
    assert_eq!(store.counts().unwrap().events, 6);
}

#[test]
fn event_type_matches_any_category_case_insensitively() {
    let store = corpus();
    let by_type = |t: &str| {
        store
            .events(&EventFilter {
                event_type: Some(t.into()),
                ..all()
            })
            .unwrap()
    };
    assert_eq!(ids(&by_type("assault")), ["e1", "e2", "e4"]);
    assert_eq!(ids(&by_type("ASSAULT")), ["e1", "e2", "e4"]);
    assert_eq!(ids(&by_type("Protest")), ["e2"]);
    assert!(by_type("SEIZE").is_empty());
    assert!(by_type("").is_empty());
}

#[test]
fn actor_matches_codes_identifiers_and_folded_arabic_text() {
    let store = corpus();
    let by_actor = |a: &str| {
        store
            .events(&EventFilter {
                actor: Some(a.into()),
                ..all()
            })
            .unwrap()
    };
    assert_eq!(ids(&by_actor("USA")), ["e1", "e5"]);
    assert_eq!(ids(&by_actor("usa")), ["e1", "e5"]);
    assert_eq!(ids(&by_actor("q30")), ["e1"]);
    assert_eq!(ids(&by_actor("united states")), ["e1"]);
    // Arabic substring, with or without diacritics and hamza on the alef.
    assert_eq!(ids(&by_actor("الأميركية")), ["e1"]);
    assert_eq!(ids(&by_actor("الاميركيّة")), ["e1"]);
    assert_eq!(ids(&by_actor("وزير")), ["e3"]);
    assert_eq!(ids(&by_actor("اسرائيل")), ["e4"]);
    // Recipients are not actors: IRN is only a recipient, "الجيش العراقي" too.
    assert!(by_actor("IRN").is_empty());
    assert!(by_actor("الجيش").is_empty());
    // IRQ is the actor of e2 only (recipient of e1).
    assert_eq!(ids(&by_actor("IRQ")), ["e2"]);
    // Blank does not match everything.
    assert!(by_actor("  ").is_empty());
}

#[test]
fn country_matches_actor_or_recipient_code() {
    let store = corpus();
    let by_country = |c: &str| {
        store
            .events(&EventFilter {
                country: Some(c.into()),
                ..all()
            })
            .unwrap()
    };
    assert_eq!(ids(&by_country("IRQ")), ["e1", "e2"]);
    assert_eq!(ids(&by_country("irn")), ["e3"]);
    assert_eq!(ids(&by_country("USA")), ["e1", "e5"]);
    assert!(by_country("FRA").is_empty());
}

#[test]
fn since_and_until_are_inclusive() {
    let store = corpus();
    let range = |since: Option<&str>, until: Option<&str>| {
        store
            .events(&EventFilter {
                since: since.map(Into::into),
                until: until.map(Into::into),
                ..all()
            })
            .unwrap()
    };
    assert_eq!(
        ids(&range(Some("2024-05-02"), None)),
        ["e2", "e3", "e4", "e5", "e6"]
    );
    assert_eq!(ids(&range(None, Some("2024-05-02"))), ["e1", "e2"]);
    assert_eq!(
        ids(&range(Some("2024-06-11"), Some("2024-06-12"))),
        ["e4", "e5", "e6"]
    );
    assert_eq!(
        ids(&range(Some("2024-06-12"), Some("2024-06-12"))),
        ["e5", "e6"]
    );
    // Month prefixes.
    assert_eq!(ids(&range(None, Some("2024-05"))), ["e1", "e2"]);
    assert_eq!(
        ids(&range(Some("2024-06"), Some("2024-06"))),
        ["e3", "e4", "e5", "e6"]
    );
    assert!(range(Some("2024-07-01"), None).is_empty());
    assert!(range(Some("2024-06-12"), Some("2024-06-11")).is_empty());
}

#[test]
fn limit_takes_the_first_events_in_order() {
    let store = corpus();
    let limited = |n: usize| {
        store
            .events(&EventFilter {
                limit: Some(n),
                ..all()
            })
            .unwrap()
    };
    assert_eq!(ids(&limited(2)), ["e1", "e2"]);
    assert!(limited(0).is_empty());
    assert_eq!(limited(100).len(), 6);
    assert_eq!(limited(usize::MAX).len(), 6);
}

#[test]
fn filters_combine() {
    let store = corpus();
    let f = EventFilter {
        event_type: Some("assault".into()),
        country: Some("IRQ".into()),
        since: Some("2024-05-02".into()),
        ..Default::default()
    };
    assert_eq!(ids(&store.events(&f).unwrap()), ["e2"]);
    let f = EventFilter {
        actor: Some("USA".into()),
        text: Some("واشنطن".into()),
        ..Default::default()
    };
    // e5 matches but is hypothetical.
    assert!(store.events(&f).unwrap().is_empty());
    let f = EventFilter {
        include_nonfactual: true,
        ..f
    };
    assert_eq!(ids(&store.events(&f).unwrap()), ["e5"]);
}

// ---------------------------------------------------------------- full-text search

#[test]
fn text_search_folds_arabic_variants() {
    let store = corpus();
    let search = |q: &str| {
        store
            .events(&EventFilter {
                text: Some(q.into()),
                ..all()
            })
            .unwrap()
    };
    // Stored: "قصفت القوات الأميركيّة مواقع للجيش العراقي."
    assert_eq!(ids(&search("القوات الأميركيّة")), ["e1"]);
    assert_eq!(ids(&search("القوات الاميركية")), ["e1"]); // no hamza, no shadda
    assert_eq!(ids(&search("الْقُوَّاتُ الأَمِيرْكِيَّةُ")), ["e1"]); // full vocalisation
    assert_eq!(ids(&search("الأميركيه")), ["e1"]); // ه for ة
    assert_eq!(ids(&search("العراقي")), ["e1"]);
    // Different letters are a different word.
    assert!(search("القوات الأمريكية").is_empty());
    // Every word must occur, in the event's own sentence.
    assert!(search("القوات بغداد").is_empty());
    assert_eq!(ids(&search("بغداد")), ["e2"]);
    // Stored "الإيراني" / "إسرائيل" with hamza below.
    assert_eq!(ids(&search("الايراني")), ["e3"]);
    assert_eq!(ids(&search("اسرائيل")), ["e4"]);
    // Two events in one sentence.
    assert_eq!(ids(&search("مساعدات")), ["e5", "e6"]);
    // Whole tokens, not substrings.
    assert!(search("القو").is_empty());
}

#[test]
fn hostile_text_queries_never_error() {
    let store = corpus();
    let hostile = [
        "",
        "   ",
        "\"",
        "\"\"",
        "\"القوات",
        "القوات\"",
        "*",
        "القو*",
        "OR",
        "القوات OR بغداد",
        "AND",
        "NOT القوات",
        "NEAR(القوات بغداد)",
        "(",
        ")",
        "(القوات",
        "القوات)",
        "folded:القوات",
        "^القوات",
        "-القوات",
        "+",
        "'",
        "'; DROP TABLE events; --",
        "{folded}: x",
        "\u{0}",
        "،؛؟",
        "ـــ",
        "\u{064E}\u{0651}",
    ];
    for q in hostile {
        let result = store.events(&EventFilter {
            text: Some(q.into()),
            ..all()
        });
        assert!(result.is_ok(), "query {q:?} failed: {:?}", result.err());
        let stats = store.stats(&EventFilter {
            text: Some(q.into()),
            ..all()
        });
        assert!(stats.is_ok(), "stats {q:?} failed: {:?}", stats.err());
    }
    let search = |q: &str| {
        store
            .events(&EventFilter {
                text: Some(q.into()),
                ..all()
            })
            .unwrap()
    };
    // Queries without any word match nothing.
    assert!(search("").is_empty());
    assert!(search("* ( )").is_empty());
    // Operators are literal words (and absent from the text), so no match.
    assert!(search("القوات OR بغداد").is_empty());
    // Quotes and brackets around a word do not stop it matching.
    assert_eq!(ids(&search("\"القوات\"")), ["e1"]);
    assert_eq!(ids(&search("(القوات)")), ["e1"]);
    assert_eq!(ids(&search("«القوات»")), ["e1"]);
    // The database is intact.
    assert_eq!(store.counts().unwrap().events, 6);
}

#[test]
fn hostile_actor_and_other_filters_never_error() {
    let store = corpus();
    for q in ["'", "\"", "%", "_", "' OR 1=1 --", "*", "\u{0}", ""] {
        let f = EventFilter {
            actor: Some(q.into()),
            country: Some(q.into()),
            event_type: Some(q.into()),
            since: Some(q.into()),
            until: Some(q.into()),
            ..all()
        };
        assert!(store.events(&f).unwrap().is_empty(), "{q:?}");
    }
}

// ---------------------------------------------------------------- stats

#[test]
fn stats_count_by_type_actor_and_day() {
    let store = corpus();
    let s = store.stats(&all()).unwrap();
    assert_eq!(s.total, 6);
    assert_eq!(
        s.by_type,
        [
            ("AID".to_string(), 2),
            ("ASSAULT".to_string(), 2),
            ("CONSULT".to_string(), 1),
            ("PROTEST".to_string(), 1),
        ]
    );
    assert_eq!(
        s.by_actor,
        [
            ("USA".to_string(), 2),
            ("GBR".to_string(), 1),
            ("IRQ".to_string(), 1),
            ("ISR".to_string(), 1),
            ("UNK".to_string(), 1),
        ]
    );
    assert_eq!(
        s.by_day,
        [
            ("2024-05-01".to_string(), 1),
            ("2024-05-02".to_string(), 1),
            ("2024-06-10".to_string(), 1),
            ("2024-06-11".to_string(), 1),
            ("2024-06-12".to_string(), 2),
        ]
    );
    for list in [&s.by_type, &s.by_actor, &s.by_day] {
        assert_eq!(list.iter().map(|(_, n)| n).sum::<u64>(), s.total);
    }
}

#[test]
fn stats_respect_the_filter() {
    let store = corpus();
    let filters = [
        EventFilter::default(),
        all(),
        EventFilter {
            event_type: Some("assault".into()),
            ..all()
        },
        EventFilter {
            country: Some("USA".into()),
            ..Default::default()
        },
        EventFilter {
            since: Some("2024-06".into()),
            limit: Some(2),
            ..all()
        },
        EventFilter {
            text: Some("nothing".into()),
            ..all()
        },
    ];
    for f in &filters {
        let s = store.stats(f).unwrap();
        let events = store.events(f).unwrap();
        assert_eq!(s.total, events.len() as u64, "{f:?}");
        for list in [&s.by_type, &s.by_actor, &s.by_day] {
            assert_eq!(list.iter().map(|(_, n)| n).sum::<u64>(), s.total, "{f:?}");
        }
    }
    let s = store.stats(&EventFilter::default()).unwrap();
    assert_eq!(s.total, 4);
    assert_eq!(
        s.by_type,
        [
            ("AID".to_string(), 1),
            ("ASSAULT".to_string(), 1),
            ("CONSULT".to_string(), 1),
            ("PROTEST".to_string(), 1),
        ]
    );
    let empty = store
        .stats(&EventFilter {
            text: Some("nothing".into()),
            ..all()
        })
        .unwrap();
    assert_eq!(empty, marsad_store::Stats::default());
}

#[test]
fn stats_report_unk_for_events_without_category() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .write_document(&doc(
            "d",
            vec![],
            vec![event("e", "d", 0, "2024-01-01", &[])],
        ))
        .unwrap();
    let s = store.stats(&EventFilter::default()).unwrap();
    assert_eq!(s.by_type, [("UNK".to_string(), 1)]);
    assert_eq!(s.by_actor, [("UNK".to_string(), 1)]);
    assert_eq!(s.total, 1);
}

// ---------------------------------------------------------------- properties

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any user text as a search query or actor is safe, and a stored sentence is
    /// always found by its own words.
    #[test]
    fn any_query_is_safe(q in "[\\PC\u{064B}-\u{0652}\"'*()^:+-]{0,24}", word in "[\u{0621}-\u{063A}\u{0641}-\u{064A}]{2,8}") {
        let mut store = Store::open_in_memory().unwrap();
        store
            .write_document(&doc(
                "d",
                vec![sentence(0, &format!("{word} {q}"))],
                vec![event("e", "d", 0, "2024-01-01", &["AID"])],
            ))
            .unwrap();
        let f = EventFilter { text: Some(q.clone()), actor: Some(q.clone()), ..all() };
        prop_assert!(store.events(&f).is_ok());
        prop_assert!(store.stats(&f).is_ok());
        let found = store
            .events(&EventFilter { text: Some(word.clone()), ..all() })
            .unwrap();
        prop_assert_eq!(found.len(), 1);
    }
}
