//! Embedded SQLite store for marsad: documents, their sentences, the PLOVER events coded
//! from them and the events' actors, with Arabic full-text search.
//!
//! # Design
//!
//! * **One file, one connection.** A [`Store`] owns one [`rusqlite::Connection`]. File
//!   databases run in WAL mode (readers never block the writer) with
//!   `synchronous = NORMAL` (a power loss may drop the last commits but never corrupts
//!   the file) and foreign keys enforced.
//! * **Versioned schema.** The schema version is `PRAGMA user_version`; an ordered,
//!   append-only list of migration scripts upgrades older databases on
//!   [`Store::open`], one transaction per script. A database newer than this build
//!   ([`SCHEMA_VERSION`]) is refused with [`StoreError::SchemaTooNew`] and left untouched.
//! * **Atomic, idempotent ingest.** [`Store::write_batch`] writes any number of
//!   documents in one transaction. Writing a document whose id is already stored first
//!   deletes the old document with its sentences, events and entities (cascading foreign
//!   keys), so re-ingesting never duplicates anything. Any error rolls the whole batch
//!   back; an interrupted process leaves the last committed state.
//! * **Events are stored verbatim.** Each event's full JSON serialisation is kept in
//!   `events.json` and is what [`Store::events`] deserialises, so reading returns exactly
//!   what was written. The other columns (`date`, `category`, `quad_code`, `factual`,
//!   ...) and the `event_categories` / `event_entities` tables only exist to filter and
//!   aggregate. The `factual` column holds `marsad_coder::in_default_output` at write
//!   time: neither negated nor hypothetical, and not under the learned filter's threshold.
//! * **Arabic search on folded text.** Sentences are indexed by an FTS5 table (tokenizer
//!   `unicode61`) over `marsad_text::normalize(text)`, not the raw text; queries are
//!   folded the same way, so diacritics, أ/إ/آ/ا, ى/ي and ة/ه do not matter. Every query
//!   word is passed to FTS5 as a quoted string, so quotes, `*`, `OR`, `NEAR`,
//!   parentheses and column filters in user input are searched for as text, never
//!   interpreted.
//! * **Deterministic contents.** Nothing time-dependent (no ingestion timestamp) is
//!   stored: ingesting the same input yields the same rows.
//!
//! # Schema (version 2)
//!
//! | table | columns |
//! |---|---|
//! | `documents` | `id` PK, `date`, `title`, `url`, `source` |
//! | `sentences` | `id` rowid, `doc_id` → documents (cascade), `sequence`, `start`, `end`, `text`, `folded`; unique (`doc_id`, `sequence`) |
//! | `sentences_fts` | FTS5 over `sentences.folded` (external content, kept by triggers) |
//! | `events` | `id` PK, `doc_id` → documents (cascade), `sentence_seq`, `date`, `category` (first of the list), `mode` (comma list), `quad_code`, `event_scale`, `aux_mode` (comma list, `''` when none), `factual`, `json` |
//! | `event_categories` | `event_id` → events (cascade), `position`, `category` |
//! | `event_entities` | `event_id` → events (cascade), `role` (`actor`/`recipient`), `position`, `code`, `sector`, `entity_text`, `entity_folded`, `identifier_id`, `identifier_text` |
//! | `event_places` (v2) | `event_id` → events (cascade), `position` (0 `event_loc`, 1.. its `also` places), `extracted`, `extracted_folded`, `resolved`, `geonameid` (NULL when none), `lat`, `lon`, `country_code`, `precision` |
//!
//! # Example
//!
//! ```
//! use marsad_store::{DocumentWrite, EventFilter, SentenceWrite, Store};
//!
//! let mut store = Store::open_in_memory()?;
//! store.write_batch(&[DocumentWrite {
//!     id: "doc-1".into(),
//!     date: Some("2024-05-01".into()),
//!     sentences: vec![SentenceWrite {
//!         sequence: 0,
//!         start: 0,
//!         end: 12,
//!         text: "قصفت القوات".into(),
//!     }],
//!     ..Default::default()
//! }])?;
//! assert_eq!(store.counts()?.documents, 1);
//! assert!(store.events(&EventFilter::default())?.is_empty());
//! # Ok::<(), marsad_store::StoreError>(())
//! ```

#![warn(missing_docs)]

mod error;
mod query;
mod schema;
mod write;

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use serde::Serialize;

pub use error::StoreError;
pub use schema::SCHEMA_VERSION;

/// An open marsad database. See the [crate documentation](crate) for the design.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
}

/// One document to (re)write: its metadata, its sentences and the events coded from it.
///
/// Writing a document replaces everything stored under the same `id`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DocumentWrite {
    /// Document id (the key; events' `cite_info.citation`).
    pub id: String,
    /// Story date, YYYY-MM-DD, when known.
    pub date: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Where the document was published.
    pub url: Option<String>,
    /// Publisher.
    pub source: Option<String>,
    /// The document's sentences; their text is indexed for [`EventFilter::text`].
    pub sentences: Vec<SentenceWrite>,
    /// The events coded from the document. An event belongs to the sentence whose
    /// `sequence` equals its `text_info.sequence`.
    pub events: Vec<marsad_coder::Event>,
}

/// One sentence of a document.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SentenceWrite {
    /// 0-based index of the sentence in the document (unique within the document).
    pub sequence: u32,
    /// Character offset of the sentence start in the document text.
    pub start: u32,
    /// Character offset one past the sentence end.
    pub end: u32,
    /// The sentence, verbatim.
    pub text: String,
}

/// Which events [`Store::events`] and [`Store::stats`] consider. Every field that is set
/// narrows the selection; the default selects the events of `marsad code`'s default
/// output.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EventFilter {
    /// A PLOVER category that must appear anywhere in the event's category list,
    /// compared case-insensitively (`"assault"` matches `ASSAULT`).
    pub event_type: Option<String>,
    /// An actor (not recipient) of the event must match: its `code`, `identifier_id` or
    /// `identifier_text` equal this (ASCII case-insensitive), or its `entity_text`
    /// contain it once both are folded with `marsad_text::normalize`.
    pub actor: Option<String>,
    /// An actor or recipient must have this code (case-insensitive), e.g. `"IRQ"`.
    pub country: Option<String>,
    /// Earliest event date, inclusive (`YYYY-MM-DD`, or a prefix such as `YYYY-MM`).
    pub since: Option<String>,
    /// Latest event date, inclusive. A prefix includes every date it starts:
    /// `"2024-05"` includes all of May 2024.
    pub until: Option<String>,
    /// Full-text query over the event's sentence. Every word must occur (as a whole
    /// token) in the sentence after Arabic folding; operators and quotes are searched
    /// literally. A query with no searchable word (empty, only punctuation) matches
    /// nothing. Requires the sentence to have been stored with the document.
    pub text: Option<String>,
    /// Also return the events left out of `marsad code`'s default output: negated and
    /// hypothetical ones, and those under their learned filter's threshold (by default
    /// only events for which `marsad_coder::in_default_output` holds).
    pub include_nonfactual: bool,
    /// Return at most this many events (the first ones in result order).
    pub limit: Option<usize>,
    /// A place of the event (its `event_loc` or one of its `also` places) must match:
    /// its GeoNames id equal this number, its resolved (English) name equal this (ASCII
    /// case-insensitive), or its name as written contain this once both are folded with
    /// `marsad_text::normalize` (`الموصل` matches `بالموصل`'s `الموصل`, `موصل` too).
    pub place: Option<String>,
    /// A place of the event must lie in this box: `(min_lon, min_lat, max_lon,
    /// max_lat)` in degrees, bounds included. A box whose `min_lon` is greater than its
    /// `max_lon` crosses the antimeridian. Events without coordinates never match.
    pub bbox: Option<(f64, f64, f64, f64)>,
}

/// Aggregates over the events a filter selects.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Stats {
    /// Events per first category, most frequent first (ties by name); events with no
    /// category count under `UNK`.
    pub by_type: Vec<(String, u64)>,
    /// Events per code of the first actor, most frequent first (ties by code); `UNK` when
    /// the event has no actor or its first actor has no code.
    pub by_actor: Vec<(String, u64)>,
    /// Events per event date, oldest first.
    pub by_day: Vec<(String, u64)>,
    /// Number of selected events (each of the lists above sums to it).
    pub total: u64,
}

/// Row counts of the main tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Counts {
    /// Stored documents.
    pub documents: u64,
    /// Stored sentences.
    pub sentences: u64,
    /// Stored events.
    pub events: u64,
}

impl Store {
    /// Opens the database at `path`, creating it when missing, in WAL mode with foreign
    /// keys on, and upgrades its schema to [`SCHEMA_VERSION`].
    ///
    /// Fails with [`StoreError::SchemaTooNew`] (changing nothing) when the file was
    /// written by a newer marsad.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let open_err = |source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        };
        let conn = Connection::open(path).map_err(open_err)?;
        // Refuse a newer database before switching its journal mode.
        let found = schema::user_version(&conn).map_err(open_err)?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::SchemaTooNew {
                found,
                supported: SCHEMA_VERSION,
            });
        }
        configure(&conn, true).map_err(open_err)?;
        Store::init(conn)
    }

    /// Opens a fresh, private in-memory database (for tests and one-off runs).
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let open_err = |source| StoreError::Open {
            path: PathBuf::from(":memory:"),
            source,
        };
        let conn = Connection::open_in_memory().map_err(open_err)?;
        configure(&conn, false).map_err(open_err)?;
        Store::init(conn)
    }

    fn init(mut conn: Connection) -> Result<Store, StoreError> {
        schema::migrate(&mut conn, schema::MIGRATIONS)?;
        schema::fold_copied_places(&mut conn)?;
        Ok(Store { conn })
    }

    /// The schema version of the open database (always [`SCHEMA_VERSION`] once opened).
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        Ok(schema::user_version(&self.conn)?)
    }

    /// Row counts of documents, sentences and events.
    pub fn counts(&self) -> Result<Counts, StoreError> {
        let count = |table: &str| -> Result<u64, StoreError> {
            let n: i64 =
                self.conn
                    .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
            Ok(n as u64)
        };
        Ok(Counts {
            documents: count("documents")?,
            sentences: count("sentences")?,
            events: count("events")?,
        })
    }
}

/// Connection settings applied on every open.
fn configure(conn: &Connection, file: bool) -> rusqlite::Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    if file {
        let mode: String =
            conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CANTOPEN),
                Some(format!("could not switch to WAL journal mode (got {mode})")),
            ));
        }
        conn.pragma_update(None, "synchronous", "NORMAL")?;
    }
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(())
}
