//! Reading events back: filters, full-text search and aggregates.

use std::collections::BTreeMap;

use marsad_coder::Event;
use marsad_text::normalize;
use rusqlite::params_from_iter;
use rusqlite::types::Value;

use crate::{EventFilter, Stats, Store, StoreError};

/// The result order: deterministic for any contents.
const ORDER: &str = "e.date, e.doc_id, e.sentence_seq, e.id";

/// Turns user input into a safe FTS5 query: the input is folded with
/// `marsad_text::normalize`, split on whitespace, words without any letter or digit are
/// dropped, and every remaining word becomes a double-quoted FTS5 string (inner quotes
/// doubled), so no FTS5 operator or syntax can be injected. The words are implicitly
/// ANDed. `None` when no searchable word remains.
pub(crate) fn fts_query(raw: &str) -> Option<String> {
    let folded = normalize(raw);
    let terms: Vec<String> = folded
        .split_whitespace()
        .filter(|t| t.chars().any(char::is_alphanumeric))
        .map(|t| format!("\"{}\"", t.replace('"', "\"\"")))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// A WHERE clause over `events e` and its parameters.
struct Where {
    sql: String,
    params: Vec<Value>,
}

impl Where {
    fn bind(&mut self, v: impl Into<Value>) -> String {
        self.params.push(v.into());
        format!("?{}", self.params.len())
    }

    fn and(&mut self, cond: String) {
        self.sql.push_str(if self.sql.is_empty() {
            " WHERE "
        } else {
            " AND "
        });
        self.sql.push_str(&cond);
    }
}

/// Builds `SELECT <columns> FROM events e WHERE ... ORDER BY ... LIMIT ...`.
fn select(columns: &str, filter: &EventFilter) -> (String, Vec<Value>) {
    let mut w = Where {
        sql: String::new(),
        params: Vec::new(),
    };
    if !filter.include_nonfactual {
        w.and("e.factual = 1".into());
    }
    if let Some(t) = &filter.event_type {
        let p = w.bind(t.trim().to_owned());
        w.and(format!(
            "e.id IN (SELECT event_id FROM event_categories WHERE category = {p} COLLATE NOCASE)"
        ));
    }
    if let Some(a) = &filter.actor {
        let a = a.trim();
        let exact = w.bind(a.to_owned());
        let folded = normalize(a);
        let text_match = if folded.is_empty() {
            String::new()
        } else {
            let f = w.bind(folded);
            format!(" OR instr(entity_folded, {f}) > 0")
        };
        w.and(format!(
            "e.id IN (SELECT event_id FROM event_entities WHERE role = 'actor' AND (\
             code = {exact} COLLATE NOCASE OR identifier_id = {exact} COLLATE NOCASE \
             OR identifier_text = {exact} COLLATE NOCASE{text_match}))"
        ));
    }
    if let Some(c) = &filter.country {
        let p = w.bind(c.trim().to_owned());
        w.and(format!(
            "e.id IN (SELECT event_id FROM event_entities WHERE code = {p} COLLATE NOCASE)"
        ));
    }
    if let Some(since) = &filter.since {
        let p = w.bind(since.trim().to_owned());
        w.and(format!("e.date >= {p}"));
    }
    if let Some(until) = &filter.until {
        // U+10FFFF sorts after every character, so every date starting with `until`
        // (the date itself, or all days of a month prefix) is included.
        let p = w.bind(format!("{}\u{10FFFF}", until.trim()));
        w.and(format!("e.date <= {p}"));
    }
    if let Some(text) = &filter.text {
        match fts_query(text) {
            Some(q) => {
                let p = w.bind(q);
                w.and(format!(
                    "EXISTS (SELECT 1 FROM sentences s WHERE s.doc_id = e.doc_id \
                     AND s.sequence = e.sentence_seq \
                     AND s.id IN (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH {p}))"
                ));
            }
            None => w.and("0".into()),
        }
    }
    if let Some(place) = &filter.place {
        let place = place.trim();
        let mut conds = Vec::new();
        if let Ok(id) = place.parse::<i64>() {
            let p = w.bind(id);
            conds.push(format!("p.geonameid = {p}"));
        }
        let exact = w.bind(place.to_owned());
        conds.push(format!("p.resolved = {exact} COLLATE NOCASE"));
        let folded = normalize(place);
        if !folded.is_empty() {
            let f = w.bind(folded);
            conds.push(format!("instr(p.extracted_folded, {f}) > 0"));
        }
        w.and(format!(
            "EXISTS (SELECT 1 FROM event_places p WHERE p.event_id = e.id AND ({}))",
            conds.join(" OR ")
        ));
    }
    if let Some((min_lon, min_lat, max_lon, max_lat)) = filter.bbox {
        let (a, b, c, d) = (
            w.bind(min_lat),
            w.bind(max_lat),
            w.bind(min_lon),
            w.bind(max_lon),
        );
        // A box with min_lon > max_lon crosses the antimeridian.
        let lon = if min_lon <= max_lon {
            format!("p.lon BETWEEN {c} AND {d}")
        } else {
            format!("(p.lon >= {c} OR p.lon <= {d})")
        };
        w.and(format!(
            "EXISTS (SELECT 1 FROM event_places p WHERE p.event_id = e.id \
             AND p.lat BETWEEN {a} AND {b} AND {lon})"
        ));
    }
    let mut sql = format!("SELECT {columns} FROM events e{} ORDER BY {ORDER}", w.sql);
    if let Some(limit) = filter.limit {
        let p = w.bind(i64::try_from(limit).unwrap_or(i64::MAX));
        sql.push_str(&format!(" LIMIT {p}"));
    }
    (sql, w.params)
}

impl Store {
    /// The events `filter` selects, in (date, document id, sentence sequence, event id)
    /// order, exactly as they were written.
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<Event>, StoreError> {
        let (sql, params) = select("e.id, e.json", filter);
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query(params_from_iter(params))?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let json: String = row.get(1)?;
            let event = serde_json::from_str(&json).map_err(|source| StoreError::CorruptEvent {
                event_id: row.get::<_, String>(0).unwrap_or_default(),
                source,
            })?;
            out.push(event);
        }
        Ok(out)
    }

    /// Counts of the events `filter` selects (the same events, `limit` included, that
    /// [`events`](Store::events) returns) by first category, by first actor's code and
    /// by date.
    pub fn stats(&self, filter: &EventFilter) -> Result<Stats, StoreError> {
        let (selected, params) = select(
            "COALESCE(e.category, 'UNK') AS category, \
             COALESCE((SELECT code FROM event_entities a \
                       WHERE a.event_id = e.id AND a.role = 'actor' AND a.position = 0), \
                      'UNK') AS actor, \
             e.date AS date",
            filter,
        );
        let sql = format!(
            "WITH sel AS MATERIALIZED ({selected}) \
             SELECT 0, category, count(*) FROM sel GROUP BY category \
             UNION ALL SELECT 1, actor, count(*) FROM sel GROUP BY actor \
             UNION ALL SELECT 2, date, count(*) FROM sel GROUP BY date"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query(params_from_iter(params))?;
        let mut groups: [BTreeMap<String, u64>; 3] = Default::default();
        while let Some(row) = rows.next()? {
            let which: i64 = row.get(0)?;
            let key: String = row.get(1)?;
            let n: i64 = row.get(2)?;
            groups[which as usize].insert(key, n as u64);
        }
        let [by_type, by_actor, by_day] = groups;
        let by_count = |m: BTreeMap<String, u64>| {
            let mut v: Vec<(String, u64)> = m.into_iter().collect();
            // Stable sort: ties keep the BTreeMap's key order.
            v.sort_by_key(|entry| std::cmp::Reverse(entry.1));
            v
        };
        let total = by_day.values().sum();
        Ok(Stats {
            by_type: by_count(by_type),
            by_actor: by_count(by_actor),
            by_day: by_day.into_iter().collect(),
            total,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn quotes_every_word_and_folds() {
        assert_eq!(
            fts_query("القوات الأميركيّة").as_deref(),
            Some("\"القوات\" \"الاميركيه\"")
        );
        assert_eq!(
            fts_query("a \"b\" OR").as_deref(),
            Some("\"a\" \"\"\"b\"\"\" \"or\"")
        );
    }

    #[test]
    fn drops_words_without_letters() {
        assert_eq!(fts_query(""), None);
        assert_eq!(fts_query("   "), None);
        assert_eq!(fts_query("* ( ) \"\" -"), None);
        assert_eq!(fts_query("x*").as_deref(), Some("\"x*\""));
    }
}
