//! The store's error type.

use std::path::PathBuf;

/// Everything that can go wrong when opening, writing or querying a [`Store`](crate::Store).
///
/// A failed [`write_batch`](crate::Store::write_batch) has always been rolled back when
/// one of these is returned: the database is left exactly as it was before the call.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The database file could not be opened or configured (not an SQLite file, no
    /// permission, WAL mode refused, ...).
    #[error("cannot open database {}: {source}", path.display())]
    Open {
        /// The path given to [`Store::open`](crate::Store::open) (`:memory:` for an
        /// in-memory store).
        path: PathBuf,
        /// The underlying SQLite error.
        #[source]
        source: rusqlite::Error,
    },

    /// The database was written by a newer marsad whose schema this build does not know.
    /// Nothing was changed; upgrade marsad (or use another database file).
    #[error(
        "database schema version {found} is newer than the newest this marsad supports \
         ({supported}); upgrade marsad to open it"
    )]
    SchemaTooNew {
        /// The database's `PRAGMA user_version`.
        found: u32,
        /// [`SCHEMA_VERSION`](crate::SCHEMA_VERSION) of this build.
        supported: u32,
    },

    /// A schema migration failed; it was rolled back, so the database stays at
    /// `version - 1`.
    #[error("migrating the database schema to version {version} failed: {source}")]
    Migration {
        /// The schema version the failed migration would have produced.
        version: u32,
        /// The underlying SQLite error.
        #[source]
        source: rusqlite::Error,
    },

    /// Two events of one batch (or an event of the batch and one stored for another
    /// document) share an id. Event ids are primary keys.
    #[error("event id {event_id} of document {doc_id} is already used by another stored event")]
    DuplicateEventId {
        /// The clashing event id.
        event_id: String,
        /// The document whose write failed.
        doc_id: String,
    },

    /// A document lists two sentences with the same sequence number.
    #[error("document {doc_id} has more than one sentence with sequence {sequence}")]
    DuplicateSentence {
        /// The document whose write failed.
        doc_id: String,
        /// The repeated sentence sequence number.
        sequence: u32,
    },

    /// An event cannot be stored faithfully (e.g. a non-finite `event_scale`, which
    /// JSON cannot represent).
    #[error("event {event_id} of document {doc_id} cannot be stored: {reason}")]
    InvalidEvent {
        /// The offending event's id.
        event_id: String,
        /// The document whose write failed.
        doc_id: String,
        /// What is wrong with it.
        reason: &'static str,
    },

    /// An event could not be serialised to JSON.
    #[error("event {event_id} could not be serialised: {source}")]
    Serialize {
        /// The offending event's id.
        event_id: String,
        /// The underlying serde_json error.
        #[source]
        source: serde_json::Error,
    },

    /// A stored event's JSON no longer parses as an [`Event`](marsad_coder::Event) (the
    /// database was edited by hand, or written by an incompatible marsad).
    #[error("stored event {event_id} is not a valid event record: {source}")]
    CorruptEvent {
        /// The stored event's id.
        event_id: String,
        /// The underlying serde_json error.
        #[source]
        source: serde_json::Error,
    },

    /// Any other SQLite error during a read or write.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}
