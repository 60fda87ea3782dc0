//! Persisting the derived state in the marsad database, next to the events.
//!
//! The monitor's tables are derived data: [`refresh`] recomputes them from all stored
//! events and rewrites them in one transaction, so they never hold anything the events
//! do not imply. Their schema has its own version in `monitor_meta` (the store's
//! `PRAGMA user_version` belongs to the store); an older monitor schema is dropped and
//! rebuilt, a newer one is refused.
//!
//! | table | columns |
//! |---|---|
//! | `monitor_meta` | `key` PK, `value`: `schema_version`, `as_of` (latest event date), `events_fingerprint` (of the events the state was derived from), `derivation` (the rules' revision, [`DERIVATION`]) |
//! | `commitments` | `id` PK, `position`, `kind`, `status`, `start_date`, `doc_id`, `summary`, `deadline`, `json` (the full [`Commitment`]) |
//! | `commitment_parties` | `commitment_id` → commitments, `side` (`committing`/`concerned`), `position`, `code`, `sector`, `name`, `text`, `named` |
//! | `commitment_events` | `commitment_id` → commitments, `event_id`, `doc_id`, `date`, `role` |
//! | `commitment_history` | `commitment_id` → commitments, `seq`, `date`, `kind`, `from_status`, `status`, `certainty`, `event_id`, `reason` |
//! | `monitor_alerts` | `id` PK, `position` (newest first), `date`, `commitment_id` → commitments, `kind`, `status`, `certainty`, `event_id`, `reason`, `json` (the full [`Alert`]) |

use std::path::Path;

use marsad_coder::Event;
use marsad_lexicon::Lexicon;
use marsad_store::{EventFilter, Store, StoreError};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use crate::model::{Alert, Commitment, MonitorState};
use crate::Monitor;

/// Version of the monitor's tables.
pub const MONITOR_SCHEMA_VERSION: u32 = 1;

/// Revision of the derivation rules, stored with the state: a state derived by other
/// rules is recomputed on read. Bump it when the rules change.
pub const DERIVATION: &str = concat!(env!("CARGO_PKG_VERSION"), "+rules.10");

/// The categories the monitor reads; other events cannot announce, break or end a
/// commitment.
pub const MONITORED_CATEGORIES: &[&str] = &[
    "RETREAT", "AGREE", "CONCEDE", "THREATEN", "ASSAULT", "COERCE", "REJECT",
];

/// What can go wrong reading or writing the monitor's state.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum MonitorError {
    /// The store could not be opened or read.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// An SQLite error on the monitor's tables.
    #[error("monitor tables: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A stored commitment or alert is not valid JSON.
    #[error("monitor tables hold invalid JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The monitor tables were written by a newer marsad.
    #[error("monitor schema version {found} is newer than this marsad supports ({supported}); upgrade marsad")]
    SchemaTooNew {
        /// Version found in `monitor_meta`.
        found: u32,
        /// [`MONITOR_SCHEMA_VERSION`].
        supported: u32,
    },
}

const SCHEMA: &str = r#"
CREATE TABLE IF NOT EXISTS monitor_meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS commitments (
    id         TEXT PRIMARY KEY NOT NULL,
    position   INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    status     TEXT NOT NULL,
    start_date TEXT NOT NULL,
    doc_id     TEXT NOT NULL,
    summary    TEXT NOT NULL,
    deadline   TEXT,
    json       TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS commitment_parties (
    commitment_id TEXT NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
    side          TEXT NOT NULL CHECK (side IN ('committing', 'concerned')),
    position      INTEGER NOT NULL,
    code          TEXT,
    sector        TEXT,
    name          TEXT,
    text          TEXT NOT NULL,
    named         INTEGER NOT NULL,
    PRIMARY KEY (commitment_id, side, position)
);
CREATE TABLE IF NOT EXISTS commitment_events (
    commitment_id TEXT NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
    event_id      TEXT NOT NULL,
    doc_id        TEXT NOT NULL,
    date          TEXT NOT NULL,
    role          TEXT NOT NULL,
    PRIMARY KEY (commitment_id, event_id, role)
);
CREATE INDEX IF NOT EXISTS commitment_events_event ON commitment_events(event_id);
CREATE TABLE IF NOT EXISTS commitment_history (
    commitment_id TEXT NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
    seq           INTEGER NOT NULL,
    date          TEXT NOT NULL,
    kind          TEXT NOT NULL,
    from_status   TEXT NOT NULL,
    status        TEXT NOT NULL,
    certainty     TEXT NOT NULL,
    event_id      TEXT,
    reason        TEXT NOT NULL,
    PRIMARY KEY (commitment_id, seq)
);
CREATE TABLE IF NOT EXISTS monitor_alerts (
    id            TEXT PRIMARY KEY NOT NULL,
    position      INTEGER NOT NULL,
    date          TEXT NOT NULL,
    commitment_id TEXT NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL,
    status        TEXT NOT NULL,
    certainty     TEXT NOT NULL,
    event_id      TEXT,
    reason        TEXT NOT NULL,
    json          TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS monitor_alerts_date ON monitor_alerts(date);
"#;

const DROP: &str = "DROP TABLE IF EXISTS monitor_alerts; DROP TABLE IF EXISTS commitment_history; \
     DROP TABLE IF EXISTS commitment_events; DROP TABLE IF EXISTS commitment_parties; \
     DROP TABLE IF EXISTS commitments; DROP TABLE IF EXISTS monitor_meta;";

fn meta(conn: &Connection, key: &str) -> rusqlite::Result<Option<String>> {
    let exists: i64 = conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'monitor_meta'",
        [],
        |r| r.get(0),
    )?;
    if exists == 0 {
        return Ok(None);
    }
    conn.query_row(
        "SELECT value FROM monitor_meta WHERE key = ?1",
        [key],
        |r| r.get(0),
    )
    .optional()
}

/// The monitor schema version stored in the database (`None` when it has no monitor
/// tables yet).
pub fn schema_version(conn: &Connection) -> Result<Option<u32>, MonitorError> {
    Ok(meta(conn, "schema_version")?.map(|v| v.parse().unwrap_or(u32::MAX)))
}

/// Creates the monitor tables (dropping those of an older monitor schema).
fn ensure_schema(conn: &Connection) -> Result<(), MonitorError> {
    match schema_version(conn)? {
        Some(v) if v > MONITOR_SCHEMA_VERSION => {
            return Err(MonitorError::SchemaTooNew {
                found: v,
                supported: MONITOR_SCHEMA_VERSION,
            })
        }
        Some(v) if v < MONITOR_SCHEMA_VERSION => conn.execute_batch(DROP)?,
        _ => {}
    }
    conn.execute_batch(SCHEMA)?;
    conn.execute(
        "INSERT OR REPLACE INTO monitor_meta(key, value) VALUES ('schema_version', ?1)",
        [MONITOR_SCHEMA_VERSION.to_string()],
    )?;
    Ok(())
}

/// A fingerprint of the stored events (ids and serialised sizes), independent of their
/// order: when it changes, the monitor state is stale.
pub fn events_fingerprint(conn: &Connection) -> Result<String, MonitorError> {
    let mut stmt = conn.prepare("SELECT id, length(json) FROM events")?;
    let mut rows = stmt.query([])?;
    let (mut sum, mut xor, mut n) = (0u64, 0u64, 0u64);
    while let Some(r) = rows.next()? {
        let id: String = r.get(0)?;
        let len: i64 = r.get(1)?;
        let h = xxhash_rust::xxh3::xxh3_64(format!("{id}\u{1f}{len}").as_bytes());
        sum = sum.wrapping_add(h);
        xor ^= h.rotate_left(17);
        n += 1;
    }
    Ok(format!("{n}-{sum:016x}-{xor:016x}"))
}

/// Writes `state` (replacing the previous state) in one transaction.
pub fn save(conn: &mut Connection, state: &MonitorState) -> Result<(), MonitorError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    ensure_schema(&tx)?;
    tx.execute_batch(
        "DELETE FROM monitor_alerts; DELETE FROM commitment_history; \
         DELETE FROM commitment_events; DELETE FROM commitment_parties; DELETE FROM commitments;",
    )?;
    {
        let mut c_ins = tx.prepare(
            "INSERT INTO commitments(id, position, kind, status, start_date, doc_id, summary, deadline, json) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        let mut p_ins = tx.prepare(
            "INSERT INTO commitment_parties(commitment_id, side, position, code, sector, name, text, named) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        let mut e_ins = tx.prepare(
            "INSERT OR IGNORE INTO commitment_events(commitment_id, event_id, doc_id, date, role) \
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        let mut h_ins = tx.prepare(
            "INSERT INTO commitment_history(commitment_id, seq, date, kind, from_status, status, certainty, event_id, reason) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        for (i, c) in state.commitments.iter().enumerate() {
            c_ins.execute(params![
                c.id,
                i as i64,
                c.kind.as_str(),
                c.status.as_str(),
                c.start_date,
                c.doc_id,
                c.undertaking.summary,
                c.deadline.as_ref().and_then(|d| d.date.clone()),
                serde_json::to_string(c)?,
            ])?;
            for (side, list) in [("committing", &c.committing), ("concerned", &c.concerned)] {
                for (j, p) in list.iter().enumerate() {
                    p_ins.execute(params![
                        c.id, side, j as i64, p.code, p.sector, p.name, p.text, p.named
                    ])?;
                }
            }
            for l in &c.events {
                e_ins.execute(params![c.id, l.event_id, l.doc_id, l.date, l.role])?;
            }
            for s in &c.history {
                h_ins.execute(params![
                    c.id,
                    s.seq,
                    s.date,
                    s.kind.as_str(),
                    s.from.as_str(),
                    s.status.as_str(),
                    s.certainty.as_str(),
                    s.evidence.as_ref().map(|v| v.event_id.clone()),
                    s.reason,
                ])?;
            }
        }
        let mut a_ins = tx.prepare(
            "INSERT INTO monitor_alerts(id, position, date, commitment_id, kind, status, certainty, event_id, reason, json) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?;
        for (i, a) in state.alerts.iter().enumerate() {
            a_ins.execute(params![
                a.id,
                i as i64,
                a.date,
                a.commitment_id,
                a.kind.as_str(),
                a.status.as_str(),
                a.certainty.as_str(),
                a.event_id,
                a.reason,
                serde_json::to_string(a)?,
            ])?;
        }
    }
    let fp = events_fingerprint(&tx)?;
    tx.execute(
        "INSERT OR REPLACE INTO monitor_meta(key, value) VALUES ('events_fingerprint', ?1)",
        [fp],
    )?;
    tx.execute(
        "INSERT OR REPLACE INTO monitor_meta(key, value) VALUES ('derivation', ?1)",
        [DERIVATION],
    )?;
    tx.execute(
        "INSERT OR REPLACE INTO monitor_meta(key, value) VALUES ('as_of', ?1)",
        [state.as_of.clone().unwrap_or_default()],
    )?;
    tx.commit()?;
    Ok(())
}

/// Reads the stored state; `None` when the database has no monitor tables.
pub fn load(conn: &Connection) -> Result<Option<MonitorState>, MonitorError> {
    let Some(version) = schema_version(conn)? else {
        return Ok(None);
    };
    if version > MONITOR_SCHEMA_VERSION {
        return Err(MonitorError::SchemaTooNew {
            found: version,
            supported: MONITOR_SCHEMA_VERSION,
        });
    }
    if version < MONITOR_SCHEMA_VERSION {
        return Ok(None);
    }
    let mut commitments = Vec::new();
    let mut stmt = conn.prepare("SELECT json FROM commitments ORDER BY position")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let json: String = r.get(0)?;
        commitments.push(serde_json::from_str::<Commitment>(&json)?);
    }
    let mut alerts = Vec::new();
    let mut stmt = conn.prepare("SELECT json FROM monitor_alerts ORDER BY position")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let json: String = r.get(0)?;
        alerts.push(serde_json::from_str::<Alert>(&json)?);
    }
    let as_of = meta(conn, "as_of")?.filter(|s| !s.is_empty());
    Ok(Some(MonitorState {
        as_of,
        commitments,
        alerts,
    }))
}

/// True when the stored state was derived from exactly the stored events, by these
/// rules ([`DERIVATION`]).
pub fn is_fresh(conn: &Connection) -> Result<bool, MonitorError> {
    if schema_version(conn)? != Some(MONITOR_SCHEMA_VERSION)
        || meta(conn, "derivation")?.as_deref() != Some(DERIVATION)
    {
        return Ok(false);
    }
    Ok(meta(conn, "events_fingerprint")?.as_deref() == Some(events_fingerprint(conn)?.as_str()))
}

/// The stored events the monitor reads (its categories, factual or not), deduplicated.
pub fn monitored_events(store: &Store) -> Result<Vec<Event>, MonitorError> {
    let mut out: Vec<Event> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for cat in MONITORED_CATEGORIES {
        let filter = EventFilter {
            event_type: Some((*cat).to_string()),
            include_nonfactual: true,
            ..Default::default()
        };
        for e in store.events(&filter)? {
            if seen.insert(e.id.clone()) {
                out.push(e);
            }
        }
    }
    Ok(out)
}

/// Derives the state from the events of `store`.
pub fn derive_from_store(store: &Store, lex: &Lexicon) -> Result<MonitorState, MonitorError> {
    Ok(Monitor::new(lex).derive(&monitored_events(store)?))
}

fn open_conn(db: &Path) -> Result<Connection, MonitorError> {
    let conn = Connection::open(db)?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(conn)
}

/// Recomputes the monitor state of the database at `db` from all its events and
/// stores it (one transaction). Returns the new state.
pub fn refresh(db: &Path, lex: &Lexicon) -> Result<MonitorState, MonitorError> {
    let store = Store::open(db)?;
    let state = derive_from_store(&store, lex)?;
    drop(store);
    let mut conn = open_conn(db)?;
    save(&mut conn, &state)?;
    Ok(state)
}

/// The stored state, recomputed first when it is missing or stale (the events changed
/// since it was derived, e.g. an ingest by a marsad without the monitor).
pub fn load_or_refresh(db: &Path, lex: &Lexicon) -> Result<MonitorState, MonitorError> {
    // Opening the store first brings its schema up to date.
    drop(Store::open(db)?);
    let conn = open_conn(db)?;
    if is_fresh(&conn)? {
        if let Some(state) = load(&conn)? {
            return Ok(state);
        }
    }
    drop(conn);
    refresh(db, lex)
}
