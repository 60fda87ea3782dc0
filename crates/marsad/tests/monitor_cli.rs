//! End-to-end tests of `marsad truces`, `marsad truce` and `marsad alerts` on the truce
//! monitor's fixtures (`crates/marsad-monitor/tests/fixtures`, written for marsad), run
//! as a real process. Never uses `../shared`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../marsad-monitor/tests/fixtures")
        .join(name)
}

fn marsad<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_marsad"))
        .env_remove("MARSAD_LEXICON")
        .args(args)
        .output()
        .expect("run marsad")
}

fn ok(o: &Output) -> String {
    assert!(
        o.status.success(),
        "status {:?}\nstdout:\n{}\nstderr:\n{}",
        o.status,
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn jsonl(s: &str) -> Vec<Value> {
    s.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn ingest(db: &Path, names: &[&str]) -> String {
    let mut args: Vec<std::ffi::OsString> = vec!["ingest".into(), "--db".into(), db.into()];
    args.extend(names.iter().map(|n| fixture(n).into_os_string()));
    let o = marsad(&args);
    ok(&o);
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn truces_jsonl(db: &Path) -> Vec<Value> {
    let o = marsad(&[
        "truces".as_ref(),
        "--db".as_ref(),
        db.as_os_str(),
        "--format".as_ref(),
        "jsonl".as_ref(),
    ]);
    jsonl(&ok(&o))
}

#[test]
fn ingest_then_truces_truce_and_alerts() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    let err = ingest(&db, &["truce-announcement.jsonl"]);
    assert!(err.contains("marsad: monitor: 1 commitments"), "{err}");
    let list = truces_jsonl(&db);
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["kind"], "truce");
    assert_eq!(list[0]["status"], "in_force");
    assert_eq!(list[0]["start_date"], "2020-10-11");

    ingest(&db, &["unclaimed-rockets.jsonl", "iraqi-raid.jsonl"]);
    let list = truces_jsonl(&db);
    assert_eq!(list[0]["status"], "strained");
    let id = list[0]["id"].as_str().unwrap().to_string();

    // The table lists parties, conditions, status and linked events.
    let db_s = db.to_str().unwrap();
    let table = ok(&marsad(&["truces", "--db", db_s]));
    for needle in [
        id.as_str(),
        "STRAINED",
        "Kataib Hezbollah",
        "forces (USA MIL)",
        "بشرط أن",
        "voided if:",
        "MET 2020-10-18",
        "possible_violation",
    ] {
        assert!(table.contains(needle), "{needle} missing from:\n{table}");
    }

    // One commitment as a timeline, by a unique id prefix.
    let tl = ok(&marsad(&["truce", "--db", db_s, &id[..6]]));
    assert!(tl.contains("timeline:"), "{tl}");
    assert!(tl.contains("2020-10-15  possible violation"), "{tl}");
    assert!(tl.contains("in force -> strained"), "{tl}");
    assert!(
        tl.contains("⟦سقطت⟧"),
        "evidence sentence with the trigger marked:\n{tl}"
    );
    let one = jsonl(&ok(&marsad(&[
        "truce", "--db", db_s, &id, "--format", "jsonl",
    ])));
    assert_eq!(one.len(), 1);
    assert_eq!(one[0]["history"].as_array().unwrap().len(), 4);

    // Alerts, newest first, with --since.
    let alerts = jsonl(&ok(&marsad(&["alerts", "--db", db_s, "--format", "jsonl"])));
    let kinds: Vec<&str> = alerts.iter().map(|a| a["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["trigger_met", "possible_violation", "announced"]);
    let since = ok(&marsad(&["alerts", "--db", db_s, "--since", "2020-10-16"]));
    assert_eq!(since.lines().count(), 1, "{since}");
    assert!(since.contains("trigger met"), "{since}");

    // Unknown id: a clear error.
    let o = marsad(&["truce", "--db", db_s, "tr-nope"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no commitment"));
}

#[test]
fn arrival_order_does_not_change_the_result() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.db"), dir.path().join("b.db"));
    let files = [
        "truce-announcement.jsonl",
        "unclaimed-rockets.jsonl",
        "iraqi-raid.jsonl",
        "truce-extension.jsonl",
        "claimed-attack.jsonl",
    ];
    for f in files {
        ingest(&a, &[f]);
    }
    for f in files.iter().rev() {
        ingest(&b, &[f]);
    }
    ingest(&b, &["truce-announcement.jsonl"]); // re-ingest
    let (ta, tb) = (truces_jsonl(&a), truces_jsonl(&b));
    assert_eq!(ta, tb);
    assert_eq!(ta[0]["status"], "broken");
}

#[test]
fn missing_database_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("none.db");
    let o = marsad(&["truces".as_ref(), "--db".as_ref(), db.as_os_str()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!db.exists(), "a read command must not create the database");
}
