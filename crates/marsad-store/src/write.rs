//! Writing documents: one transaction per batch, replace-by-id.

use marsad_coder::{Entity, Event};
use marsad_text::normalize;
use rusqlite::{params, ErrorCode, Transaction};

use crate::{DocumentWrite, Store, StoreError};

impl Store {
    /// Writes one document in its own transaction; shorthand for
    /// [`write_batch`](Store::write_batch) with one element.
    pub fn write_document(&mut self, doc: &DocumentWrite) -> Result<(), StoreError> {
        self.write_batch(std::slice::from_ref(doc))
    }

    /// Writes `docs` in one transaction: all of them are stored, or (on any error) none
    /// is and the database is unchanged.
    ///
    /// A document whose id is already stored (or appears earlier in the same batch) is
    /// replaced: its old sentences, events and entities are deleted first. Event ids are
    /// primary keys, so an event id already used by *another* document fails the batch
    /// with [`StoreError::DuplicateEventId`].
    pub fn write_batch(&mut self, docs: &[DocumentWrite]) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        for doc in docs {
            write_document(&tx, doc)?;
        }
        tx.commit()?;
        Ok(())
    }
}

/// True when the error is a UNIQUE / PRIMARY KEY constraint violation.
fn is_unique_violation(err: &rusqlite::Error) -> bool {
    match err {
        rusqlite::Error::SqliteFailure(e, _) => {
            e.code == ErrorCode::ConstraintViolation
                && (e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY
                    || e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE)
        }
        _ => false,
    }
}

fn write_document(tx: &Transaction<'_>, doc: &DocumentWrite) -> Result<(), StoreError> {
    // Sentences are deleted explicitly (not only by the cascade) so that the FTS
    // triggers certainly see every deleted row.
    tx.prepare_cached("DELETE FROM sentences WHERE doc_id = ?1")?
        .execute([&doc.id])?;
    tx.prepare_cached("DELETE FROM documents WHERE id = ?1")?
        .execute([&doc.id])?;
    tx.prepare_cached(
        "INSERT INTO documents (id, date, title, url, source) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![doc.id, doc.date, doc.title, doc.url, doc.source])?;

    {
        let mut insert = tx.prepare_cached(
            r#"INSERT INTO sentences (doc_id, sequence, "start", "end", text, folded)
               VALUES (?1, ?2, ?3, ?4, ?5, ?6)"#,
        )?;
        for s in &doc.sentences {
            insert
                .execute(params![
                    doc.id,
                    s.sequence,
                    s.start,
                    s.end,
                    s.text,
                    normalize(&s.text)
                ])
                .map_err(|e| {
                    if is_unique_violation(&e) {
                        StoreError::DuplicateSentence {
                            doc_id: doc.id.clone(),
                            sequence: s.sequence,
                        }
                    } else {
                        e.into()
                    }
                })?;
        }
    }

    for event in &doc.events {
        write_event(tx, &doc.id, event)?;
    }
    Ok(())
}

fn write_event(tx: &Transaction<'_>, doc_id: &str, event: &Event) -> Result<(), StoreError> {
    if !event.event_scale.is_finite() {
        return Err(StoreError::InvalidEvent {
            event_id: event.id.clone(),
            doc_id: doc_id.to_owned(),
            reason: "event_scale is not a finite number",
        });
    }
    let json = serde_json::to_string(event).map_err(|source| StoreError::Serialize {
        event_id: event.id.clone(),
        source,
    })?;
    let factual = marsad_coder::in_default_output(event);
    tx.prepare_cached(
        "INSERT INTO events (id, doc_id, sentence_seq, date, category, mode, quad_code,
                             event_scale, aux_mode, factual, json)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        event.id,
        doc_id,
        event.text_info.sequence,
        event.date,
        event.event.first(),
        event.mode.join(","),
        event.quad_code,
        f64::from(event.event_scale),
        event.aux_mode.join(","),
        factual,
        json,
    ])
    .map_err(|e| {
        if is_unique_violation(&e) {
            StoreError::DuplicateEventId {
                event_id: event.id.clone(),
                doc_id: doc_id.to_owned(),
            }
        } else {
            e.into()
        }
    })?;

    {
        let mut insert = tx.prepare_cached(
            "INSERT INTO event_categories (event_id, position, category) VALUES (?1, ?2, ?3)",
        )?;
        for (position, category) in event.event.iter().enumerate() {
            insert.execute(params![event.id, position as i64, category])?;
        }
    }

    let mut insert = tx.prepare_cached(
        "INSERT INTO event_entities (event_id, role, position, code, sector, entity_text,
                                     entity_folded, identifier_id, identifier_text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    let mut put = |role: &str, position: usize, e: &Entity| {
        insert.execute(params![
            event.id,
            role,
            position as i64,
            e.code,
            e.sector,
            e.entity_text,
            normalize(&e.entity_text),
            e.identifier_id,
            e.identifier_text,
        ])
    };
    for (i, e) in event.actor.iter().enumerate() {
        put("actor", i, e)?;
    }
    for (i, e) in event.recipient.iter().enumerate() {
        put("recipient", i, e)?;
    }
    drop(insert);
    write_places(tx, event)?;
    Ok(())
}

/// Rows of `event_places`: `event_loc` at position 0, its `also` places after it.
fn write_places(tx: &Transaction<'_>, event: &Event) -> Result<(), StoreError> {
    let Some(loc) = &event.event_loc else {
        return Ok(());
    };
    let mut insert = tx.prepare_cached(
        "INSERT INTO event_places (event_id, position, extracted, extracted_folded, resolved,
                                   geonameid, lat, lon, country_code, precision)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for (position, place) in std::iter::once(loc).chain(&loc.also).enumerate() {
        let finite = |x: f64| x.is_finite().then_some(x);
        insert.execute(params![
            event.id,
            position as i64,
            place.extracted_place,
            normalize(&place.extracted_place),
            (!place.resolved_place.is_empty()).then_some(&place.resolved_place),
            (place.geonameid != 0).then_some(place.geonameid as i64),
            finite(place.lat),
            finite(place.lon),
            (!place.country_code.is_empty()).then_some(&place.country_code),
            (!place.precision.is_empty()).then_some(&place.precision),
        ])?;
    }
    Ok(())
}
