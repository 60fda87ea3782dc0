//! The acceptance scenarios of the truce monitor, on Arabic follow-up articles written for
//! marsad (`tests/fixtures/`), coded by the real coder with the built-in lexicon and
//! stored in a real store.
//!
//! `truce-announcement.jsonl` paraphrases, in our own words, the truce announcement of
//! the Kataib Hezbollah example article (2020-10-11); the others are later, invented
//! follow-ups: an unclaimed Katyusha attack near the US embassy (10-15), a raid by Iraqi
//! counter-terrorism forces on a Kataib Hezbollah base (10-18), an extension of the truce
//! (10-25), a claimed rocket attack on US forces (11-05), the end of the truce (11-10),
//! and an unrelated ultimatum (10-12).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use marsad_coder::{Coder, DocumentRef};
use marsad_lexicon::Lexicon;
use marsad_monitor::{
    derive_from_store, load, refresh, Certainty, Commitment, CommitmentKind, MonitorState, Status,
    StepKind,
};
use marsad_store::{DocumentWrite, SentenceWrite, Store};
use serde_json::Value;

const TRUCE: &str = "truce-announcement.jsonl";
const UNCLAIMED: &str = "unclaimed-rockets.jsonl";
const RAID: &str = "iraqi-raid.jsonl";
const EXTENSION: &str = "truce-extension.jsonl";
const CLAIMED: &str = "claimed-attack.jsonl";
const ENDED: &str = "truce-ended.jsonl";
const ULTIMATUM: &str = "ultimatum.jsonl";
const ALL: [&str; 7] = [TRUCE, UNCLAIMED, RAID, EXTENSION, CLAIMED, ENDED, ULTIMATUM];

fn coder() -> &'static Coder {
    static C: OnceLock<Coder> = OnceLock::new();
    C.get_or_init(|| Coder::new(Lexicon::embedded().expect("built-in lexicon")))
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Codes the documents of a fixture file.
fn coded(name: &str) -> Vec<DocumentWrite> {
    let text = std::fs::read_to_string(fixture(name)).unwrap();
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            let s = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
            let (id, body, date) = (s("id").unwrap(), s("text").unwrap(), s("date").unwrap());
            let c = coder().code(&DocumentRef {
                id: &id,
                text: &body,
                date: &date,
                title: v.get("title").and_then(Value::as_str),
                url: None,
                source: v.get("source").and_then(Value::as_str),
            });
            DocumentWrite {
                id: id.clone(),
                date: Some(date),
                title: s("title"),
                source: s("source"),
                url: None,
                sentences: c
                    .sentences
                    .into_iter()
                    .map(|x| SentenceWrite {
                        sequence: x.sequence,
                        start: x.start,
                        end: x.end,
                        text: x.text,
                    })
                    .collect(),
                events: c.events,
            }
        })
        .collect()
}

/// Ingests the fixtures, one batch each, in the order given.
fn ingest(store: &mut Store, names: &[&str]) {
    for n in names {
        store.write_batch(&coded(n)).unwrap();
    }
}

fn state_of(names: &[&str]) -> MonitorState {
    let mut store = Store::open_in_memory().unwrap();
    ingest(&mut store, names);
    derive_from_store(&store, coder().lexicon()).unwrap()
}

fn truce(st: &MonitorState) -> &Commitment {
    let t: Vec<&Commitment> = st
        .commitments
        .iter()
        .filter(|c| c.kind == CommitmentKind::Truce)
        .collect();
    assert_eq!(t.len(), 1, "expected one truce: {:#?}", st.commitments);
    t[0]
}

fn last_kind(c: &Commitment) -> StepKind {
    c.history.last().unwrap().kind
}

#[test]
fn the_announcement_yields_the_kataib_hezbollah_truce_in_force() {
    let st = state_of(&[TRUCE]);
    let c = truce(&st);
    assert_eq!(c.status, Status::InForce);
    assert_eq!(c.start_date, "2020-10-11");
    assert_eq!(c.doc_id, "fx-truce-2020-10-11");
    // Kataib Hezbollah (the announcing speaker) and the allied factions (the actor).
    let names: Vec<&str> = c
        .committing
        .iter()
        .filter_map(|p| p.name.as_deref())
        .collect();
    assert!(names.contains(&"Kataib Hezbollah"), "{names:?}");
    assert!(names.contains(&"armed factions"), "{names:?}");
    assert!(c.covers_allied_factions);
    // Towards US forces: suspend rocket attacks.
    assert_eq!(c.concerned.len(), 1);
    assert_eq!(c.concerned[0].code.as_deref(), Some("USA"));
    assert_eq!(c.concerned[0].sector.as_deref(), Some("MIL"));
    assert!(
        c.undertaking
            .summary
            .starts_with("suspend rocket attacks on"),
        "{}",
        c.undertaking.summary
    );
    // The condition: a withdrawal timetable from the Iraqi government.
    assert_eq!(c.conditions.len(), 1);
    assert!(c.conditions[0].text.contains("جدولا زمنيا"));
    assert!(c.conditions[0]
        .parties
        .iter()
        .any(|p| p.code.as_deref() == Some("IRQ") && p.sector.as_deref() == Some("GOV")));
    // The voiding trigger: attacks on the PMF and its allies, by anyone, including Iraqi
    // forces.
    assert_eq!(c.voiding_triggers.len(), 1);
    let t = &c.voiding_triggers[0];
    assert_eq!(
        t.targets[0].name.as_deref(),
        Some("Popular Mobilization Forces")
    );
    assert!(t.includes_allies && t.any_attacker);
    assert!(t
        .by
        .iter()
        .any(|p| p.code.as_deref() == Some("IRQ") && p.sector.as_deref() == Some("MIL")));
    assert!(t.met.is_none());
    // Evidence offsets point into the document.
    let s = &c.statements[0];
    let trig: String = s
        .sentence
        .chars()
        .skip((s.trigger_start - s.start) as usize)
        .take((s.trigger_end - s.trigger_start) as usize)
        .collect();
    assert_eq!(trig, s.trigger);
    assert_eq!(st.alerts.len(), 1);
    assert_eq!(st.alerts[0].kind, StepKind::Announced);
}

#[test]
fn a_claimed_rocket_attack_by_a_party_breaks_it() {
    let st = state_of(&[TRUCE, CLAIMED]);
    let c = truce(&st);
    assert_eq!(c.status, Status::Broken);
    let s = c.history.last().unwrap();
    assert_eq!(s.kind, StepKind::Violation);
    assert_eq!(s.certainty, Certainty::Certain);
    assert_eq!(s.date, "2020-11-05");
    assert!(s.reason.contains("Kataib Hezbollah"), "{}", s.reason);
    assert_eq!(s.evidence.as_ref().unwrap().doc_id, "fx-claimed-2020-11-05");
    assert!(c.events.iter().any(|l| l.role == "violation"));
}

#[test]
fn an_iraqi_forces_raid_on_a_pmf_faction_meets_the_voiding_trigger() {
    let st = state_of(&[TRUCE, RAID]);
    let c = truce(&st);
    assert_eq!(c.status, Status::Strained);
    assert_eq!(last_kind(c), StepKind::TriggerMet);
    let met = c.voiding_triggers[0].met.as_ref().expect("trigger met");
    assert_eq!(met.date, "2020-10-18");
    assert!(
        met.reason.contains("Counter Terrorism Service"),
        "{}",
        met.reason
    );
}

#[test]
fn an_unclaimed_attack_is_a_possible_violation_not_proof() {
    let st = state_of(&[TRUCE, UNCLAIMED]);
    let c = truce(&st);
    assert_eq!(c.status, Status::Strained);
    let s = c.history.last().unwrap();
    assert_eq!(s.kind, StepKind::PossibleViolation);
    assert_eq!(s.certainty, Certainty::Possible);
    assert!(s.reason.contains("unclaimed"), "{}", s.reason);
    assert!(s.reason.contains("embassy"), "{}", s.reason);
    let a = &st.alerts[0];
    assert_eq!(a.kind, StepKind::PossibleViolation);
    assert_eq!(a.date, "2020-10-15");
}

#[test]
fn an_extension_keeps_it_in_force() {
    let st = state_of(&[TRUCE, EXTENSION]);
    let c = truce(&st);
    assert_eq!(c.status, Status::InForce);
    assert_eq!(last_kind(c), StepKind::Extended);
    assert!(c.events.iter().any(|l| l.role == "extension"));
    // After a possible violation, the extension puts it back in force.
    let st = state_of(&[TRUCE, UNCLAIMED, EXTENSION]);
    let c = truce(&st);
    assert_eq!(c.status, Status::InForce);
    let steps: Vec<StepKind> = c.history.iter().map(|s| s.kind).collect();
    assert_eq!(
        steps,
        [
            StepKind::Announced,
            StepKind::InForce,
            StepKind::PossibleViolation,
            StepKind::Extended
        ]
    );
}

#[test]
fn ending_the_truce_and_resuming_attacks_withdraws_it() {
    let st = state_of(&[TRUCE, ENDED]);
    let c = truce(&st);
    assert_eq!(c.status, Status::Withdrawn);
    assert_eq!(last_kind(c), StepKind::Withdrawn);
    // The announced resumption is not counted as an attack.
    assert!(!c.events.iter().any(|l| l.role.contains("violation")));
}

#[test]
fn the_whole_story_in_order() {
    let st = state_of(&ALL);
    let c = truce(&st);
    let steps: Vec<(&str, StepKind, Status)> = c
        .history
        .iter()
        .map(|s| (s.date.as_str(), s.kind, s.status))
        .collect();
    assert_eq!(
        steps,
        [
            ("2020-10-11", StepKind::Announced, Status::Announced),
            ("2020-10-11", StepKind::InForce, Status::InForce),
            ("2020-10-15", StepKind::PossibleViolation, Status::Strained),
            ("2020-10-18", StepKind::TriggerMet, Status::Strained),
            ("2020-10-25", StepKind::Extended, Status::InForce),
            ("2020-11-05", StepKind::Violation, Status::Broken),
        ]
    );
    // The ultimatum is a commitment of its own, with its deadline.
    let u = st
        .commitments
        .iter()
        .find(|c| c.kind == CommitmentKind::Ultimatum)
        .expect("ultimatum");
    assert_eq!(u.start_date, "2020-10-12");
    assert_eq!(
        u.deadline.as_ref().unwrap().date.as_deref(),
        Some("2020-11-11")
    );
    assert_eq!(u.status, Status::InForce, "no event after the deadline yet");
    // Alerts newest first.
    let dates: Vec<&str> = st.alerts.iter().map(|a| a.date.as_str()).collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted);
}

#[test]
fn reverse_order_and_reingest_give_the_same_state() {
    let forward = state_of(&ALL);
    let mut rev = ALL;
    rev.reverse();
    assert_eq!(state_of(&rev), forward);
    // Each scenario in reverse too.
    for pair in [
        [TRUCE, CLAIMED],
        [TRUCE, RAID],
        [TRUCE, UNCLAIMED],
        [TRUCE, EXTENSION],
    ] {
        assert_eq!(state_of(&[pair[1], pair[0]]), state_of(&pair), "{pair:?}");
    }
    // Re-ingesting documents changes nothing.
    let mut store = Store::open_in_memory().unwrap();
    ingest(&mut store, &ALL);
    ingest(&mut store, &[CLAIMED, TRUCE, RAID]);
    assert_eq!(
        derive_from_store(&store, coder().lexicon()).unwrap(),
        forward
    );
}

#[test]
fn refresh_persists_the_state_in_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    {
        let mut store = Store::open(&db).unwrap();
        ingest(&mut store, &[TRUCE, UNCLAIMED]);
    }
    let st = refresh(&db, coder().lexicon()).unwrap();
    let conn = rusqlite::Connection::open(&db).unwrap();
    assert_eq!(load(&conn).unwrap().as_ref(), Some(&st));
    assert!(marsad_monitor::db::is_fresh(&conn).unwrap());
    let rows: i64 = conn
        .query_row(
            "SELECT count(*) FROM commitment_history h JOIN commitments c ON c.id = h.commitment_id \
             WHERE c.kind = 'truce'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(rows, 3);
    // New events make the stored state stale; load_or_refresh recomputes it.
    {
        let mut store = Store::open(&db).unwrap();
        ingest(&mut store, &[CLAIMED]);
    }
    assert!(!marsad_monitor::db::is_fresh(&conn).unwrap());
    let st2 = marsad_monitor::load_or_refresh(&db, coder().lexicon()).unwrap();
    assert_eq!(truce(&st2).status, Status::Broken);
    assert!(marsad_monitor::db::is_fresh(&conn).unwrap());
    // A refresh of the same events writes the same state.
    assert_eq!(refresh(&db, coder().lexicon()).unwrap(), st2);
}
