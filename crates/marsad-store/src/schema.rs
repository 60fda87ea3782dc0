//! Versioned schema migrations.
//!
//! The schema version lives in SQLite's `PRAGMA user_version` (0 for a new, empty
//! database). [`MIGRATIONS`] is append-only: script `i` upgrades a database from version
//! `i` to version `i + 1`. Each script runs in its own `BEGIN IMMEDIATE` transaction that
//! also bumps `user_version`, so a crash mid-migration leaves the previous version intact
//! and the next open retries it. Never edit a released script; append a new one.

use rusqlite::{Connection, TransactionBehavior};

use crate::StoreError;

/// Version 1: documents, sentences (with their folded text and an FTS5 index over it),
/// events, their categories and their entities.
const V1: &str = r#"
CREATE TABLE documents (
    id     TEXT PRIMARY KEY NOT NULL,
    date   TEXT,
    title  TEXT,
    url    TEXT,
    source TEXT
);

CREATE TABLE sentences (
    id       INTEGER PRIMARY KEY,
    doc_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sequence INTEGER NOT NULL,
    "start"  INTEGER NOT NULL,
    "end"    INTEGER NOT NULL,
    text     TEXT NOT NULL,
    -- marsad_text::normalize(text): what the full-text index sees.
    folded   TEXT NOT NULL,
    UNIQUE (doc_id, sequence)
);

-- External-content FTS5 index over sentences.folded, kept in step by triggers.
CREATE VIRTUAL TABLE sentences_fts USING fts5(
    folded,
    content = 'sentences',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER sentences_fts_ai AFTER INSERT ON sentences BEGIN
    INSERT INTO sentences_fts(rowid, folded) VALUES (new.id, new.folded);
END;
CREATE TRIGGER sentences_fts_ad AFTER DELETE ON sentences BEGIN
    INSERT INTO sentences_fts(sentences_fts, rowid, folded) VALUES ('delete', old.id, old.folded);
END;
CREATE TRIGGER sentences_fts_au AFTER UPDATE ON sentences BEGIN
    INSERT INTO sentences_fts(sentences_fts, rowid, folded) VALUES ('delete', old.id, old.folded);
    INSERT INTO sentences_fts(rowid, folded) VALUES (new.id, new.folded);
END;

CREATE TABLE events (
    id           TEXT PRIMARY KEY NOT NULL,
    doc_id       TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence_seq INTEGER NOT NULL,
    date         TEXT NOT NULL,
    -- First PLOVER category of the event list (NULL when the list is empty).
    category     TEXT,
    -- Comma-separated modes.
    mode         TEXT NOT NULL,
    quad_code    INTEGER NOT NULL,
    event_scale  REAL NOT NULL,
    -- Comma-separated auxiliary modes, '' when none.
    aux_mode     TEXT NOT NULL,
    -- 1 when aux_mode has neither 'negation' nor 'hypothetical'.
    factual      INTEGER NOT NULL,
    -- The full serialised Event, returned verbatim by queries.
    json         TEXT NOT NULL
);
CREATE INDEX events_order ON events(date, doc_id, sentence_seq, id);
CREATE INDEX events_doc ON events(doc_id, sentence_seq);

-- Every category of an event's list, for "matches any category" filters.
CREATE TABLE event_categories (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    category TEXT NOT NULL,
    PRIMARY KEY (event_id, position)
);
CREATE INDEX event_categories_category ON event_categories(category COLLATE NOCASE);

CREATE TABLE event_entities (
    event_id        TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    role            TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
    position        INTEGER NOT NULL,
    code            TEXT,
    sector          TEXT,
    entity_text     TEXT NOT NULL,
    -- marsad_text::normalize(entity_text), for Arabic substring matching.
    entity_folded   TEXT NOT NULL,
    identifier_id   TEXT,
    identifier_text TEXT,
    PRIMARY KEY (event_id, role, position)
);
CREATE INDEX event_entities_code ON event_entities(code COLLATE NOCASE);
CREATE INDEX event_entities_text ON event_entities(entity_folded);
CREATE INDEX event_entities_identifier ON event_entities(identifier_id COLLATE NOCASE);
"#;

/// Version 2: the places of events (PLOVER `event_loc` and its `also` places), for the
/// place and bounding-box filters. Events stored before carry their location in their
/// JSON; the script copies it, leaving `extracted_folded` NULL for the store to fill on
/// open (the folding is `marsad_text::normalize`, which SQL cannot run).
const V2: &str = r#"
CREATE TABLE event_places (
    event_id         TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    -- 0: event_loc itself; 1, 2, ...: its `also` places, in order.
    position         INTEGER NOT NULL,
    -- The place name as written, and marsad_text::normalize of it.
    extracted        TEXT NOT NULL,
    extracted_folded TEXT,
    -- Canonical (GeoNames) name, id (NULL when the entry has none), coordinates.
    resolved         TEXT,
    geonameid        INTEGER,
    lat              REAL,
    lon              REAL,
    country_code     TEXT,
    precision        TEXT,
    PRIMARY KEY (event_id, position)
);
CREATE INDEX event_places_resolved ON event_places(resolved COLLATE NOCASE);
CREATE INDEX event_places_geonameid ON event_places(geonameid);
CREATE INDEX event_places_lat_lon ON event_places(lat, lon);
CREATE INDEX event_places_unfolded ON event_places(event_id) WHERE extracted_folded IS NULL;

INSERT INTO event_places (event_id, position, extracted, resolved, geonameid, lat, lon,
                          country_code, precision)
SELECT e.id, 0,
       COALESCE(json_extract(e.json, '$.event_loc.extracted_place'), ''),
       json_extract(e.json, '$.event_loc.resolved_place'),
       NULLIF(json_extract(e.json, '$.event_loc.geonameid'), 0),
       json_extract(e.json, '$.event_loc.lat'),
       json_extract(e.json, '$.event_loc.lon'),
       json_extract(e.json, '$.event_loc.country_code'),
       json_extract(e.json, '$.event_loc.precision')
FROM events e
WHERE json_type(e.json, '$.event_loc') = 'object';

INSERT INTO event_places (event_id, position, extracted, resolved, geonameid, lat, lon,
                          country_code, precision)
SELECT e.id, 1 + CAST(a.key AS INTEGER),
       COALESCE(json_extract(a.value, '$.extracted_place'), ''),
       json_extract(a.value, '$.resolved_place'),
       NULLIF(json_extract(a.value, '$.geonameid'), 0),
       json_extract(a.value, '$.lat'),
       json_extract(a.value, '$.lon'),
       json_extract(a.value, '$.country_code'),
       json_extract(a.value, '$.precision')
FROM events e, json_each(e.json, '$.event_loc.also') a
WHERE json_type(e.json, '$.event_loc.also') = 'array';
"#;

/// The migration scripts, in order; script `i` takes the schema from version `i` to
/// `i + 1`.
pub(crate) const MIGRATIONS: &[&str] = &[V1, V2];

/// The schema version this build writes and reads: the number of migrations.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// Fills `event_places.extracted_folded` where migration 2 left it NULL (places copied
/// from events stored before version 2), in one transaction. A partial index makes the
/// check free once nothing is left.
pub(crate) fn fold_copied_places(conn: &mut Connection) -> Result<(), StoreError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let rows: Vec<(i64, String)> = {
        let mut stmt =
            tx.prepare("SELECT rowid, extracted FROM event_places WHERE extracted_folded IS NULL")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    {
        let mut update =
            tx.prepare("UPDATE event_places SET extracted_folded = ?2 WHERE rowid = ?1")?;
        for (rowid, extracted) in rows {
            update.execute(rusqlite::params![rowid, marsad_text::normalize(&extracted)])?;
        }
    }
    tx.commit()?;
    Ok(())
}

/// Reads `PRAGMA user_version`.
pub(crate) fn user_version(conn: &Connection) -> rusqlite::Result<u32> {
    conn.query_row("PRAGMA user_version", [], |row| row.get::<_, i64>(0))
        .map(|v| u32::try_from(v).unwrap_or(u32::MAX))
}

/// Brings the database up to `migrations.len()`, one transaction per script.
///
/// Refuses (changing nothing) when the database is already newer than the list.
pub(crate) fn migrate(conn: &mut Connection, migrations: &[&str]) -> Result<(), StoreError> {
    let supported = migrations.len() as u32;
    loop {
        // IMMEDIATE takes the write lock before reading the version, so two processes
        // opening the same file at once cannot both apply the same script.
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let current = user_version(&tx)?;
        if current > supported {
            return Err(StoreError::SchemaTooNew {
                found: current,
                supported,
            });
        }
        if current == supported {
            tx.commit()?;
            return Ok(());
        }
        let version = current + 1;
        let apply = |tx: &rusqlite::Transaction<'_>| -> rusqlite::Result<()> {
            tx.execute_batch(migrations[current as usize])?;
            tx.pragma_update(None, "user_version", version)
        };
        apply(&tx).map_err(|source| StoreError::Migration { version, source })?;
        tx.commit()
            .map_err(|source| StoreError::Migration { version, source })?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table_exists(conn: &Connection, name: &str) -> bool {
        conn.query_row(
            "SELECT count(*) FROM sqlite_master WHERE name = ?1",
            [name],
            |r| r.get::<_, i64>(0),
        )
        .unwrap()
            > 0
    }

    #[test]
    fn applies_all_scripts_and_sets_user_version() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, MIGRATIONS).unwrap();
        assert_eq!(user_version(&conn).unwrap(), SCHEMA_VERSION);
        for t in [
            "documents",
            "sentences",
            "sentences_fts",
            "events",
            "event_categories",
            "event_entities",
            "event_places",
        ] {
            assert!(table_exists(&conn, t), "{t} missing");
        }
        // Idempotent.
        migrate(&mut conn, MIGRATIONS).unwrap();
        assert_eq!(user_version(&conn).unwrap(), SCHEMA_VERSION);
    }

    #[test]
    fn upgrades_an_older_database_keeping_its_data() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, &MIGRATIONS[..1]).unwrap();
        conn.execute("INSERT INTO documents(id) VALUES ('d1')", [])
            .unwrap();
        let v2 = "ALTER TABLE documents ADD COLUMN language TEXT; \
                  UPDATE documents SET language = 'ar';";
        let list = [MIGRATIONS[0], v2];
        migrate(&mut conn, &list).unwrap();
        assert_eq!(user_version(&conn).unwrap(), 2);
        let lang: String = conn
            .query_row("SELECT language FROM documents WHERE id = 'd1'", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(lang, "ar");
    }

    #[test]
    fn a_failing_script_rolls_back_and_keeps_the_version() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, MIGRATIONS).unwrap();
        let bad = "CREATE TABLE half_done(x); SELECT * FROM no_such_table;";
        let mut list = MIGRATIONS.to_vec();
        list.push(bad);
        let err = migrate(&mut conn, &list).unwrap_err();
        assert!(
            matches!(err, StoreError::Migration { version, .. } if version == SCHEMA_VERSION + 1),
            "{err:?}"
        );
        assert_eq!(user_version(&conn).unwrap(), SCHEMA_VERSION);
        assert!(!table_exists(&conn, "half_done"));
    }

    #[test]
    fn refuses_a_newer_database() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, MIGRATIONS).unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 5)
            .unwrap();
        let err = migrate(&mut conn, MIGRATIONS).unwrap_err();
        assert!(matches!(
            err,
            StoreError::SchemaTooNew { found, supported }
                if found == SCHEMA_VERSION + 5 && supported == SCHEMA_VERSION
        ));
        assert_eq!(user_version(&conn).unwrap(), SCHEMA_VERSION + 5);
    }
}
