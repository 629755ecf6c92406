//! The linker's state and the exported events (schema `0003_links.sql` and `0002_events.sql`).
//!
//! [`SqlLinks`] implements [`sitrep_reconcile::LinkStore`] over the database (the three reads
//! the linker makes); [`apply`] writes a [`LinkDelta`] in the caller's transaction, the way
//! [`sitrep_reconcile::MemoryStore::apply`] does in memory. The exported contract lines live in
//! `events` (one per current event) and merged ids in `event_aliases`: [`put_event`],
//! [`delete_event`], [`event`], [`resolve`], [`export_events`].

use crate::StoreError;
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use sitrep_model::contract::EventOut;
use sitrep_reconcile::{ArticleRecord, EventState, LinkDelta, LinkStore, MentionKey, NearLookup};
use std::collections::{BTreeMap, BTreeSet};

/// The linker's reads over a connection (a transaction derefs to one).
#[derive(Clone, Copy, Debug)]
pub struct SqlLinks<'c> {
    conn: &'c Connection,
}

impl<'c> SqlLinks<'c> {
    /// Reads through `conn`.
    pub fn new(conn: &'c Connection) -> Self {
        SqlLinks { conn }
    }
}

fn corrupt(what: &str, id: &str, e: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(format!("{what} {id}: {e}"))
}

/// The stored state of one event.
pub fn event_state(conn: &Connection, id: &str) -> Result<Option<EventState>, StoreError> {
    let json: Option<String> =
        conn.prepare_cached("SELECT state FROM link_events WHERE id = ?1")?.query_row([id], |r| r.get(0)).optional()?;
    json.map(|j| serde_json::from_str(&j).map_err(|e| corrupt("event state", id, e))).transpose()
}

fn states(conn: &Connection, ids: BTreeSet<String>) -> Result<Vec<EventState>, StoreError> {
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(s) = event_state(conn, &id)? {
            out.push(s);
        }
    }
    Ok(out)
}

impl LinkStore for SqlLinks<'_> {
    type Error = StoreError;

    fn events_by_keys(&self, keys: &[String], limit: usize) -> Result<Vec<EventState>, StoreError> {
        let mut stmt = self.conn.prepare_cached("SELECT event_id FROM link_keys WHERE key = ?1 ORDER BY latest DESC, event_id LIMIT ?2")?;
        let mut ids = BTreeSet::new();
        for k in keys {
            let rows = stmt.query_map(params![k, limit as i64], |r| r.get::<_, String>(0))?;
            for id in rows {
                ids.insert(id?);
            }
        }
        states(self.conn, ids)
    }

    fn events_near(&self, near: &[NearLookup], limit: usize) -> Result<Vec<EventState>, StoreError> {
        let mut before = self.conn.prepare_cached(
            "SELECT event_id, latest FROM link_keys WHERE key = ?1 AND latest <= ?2 AND latest >= ?3 \
             ORDER BY latest DESC, event_id LIMIT ?4",
        )?;
        let mut after = self.conn.prepare_cached(
            "SELECT event_id, latest FROM link_keys WHERE key = ?1 AND latest > ?2 AND latest <= ?3 \
             ORDER BY latest ASC, event_id DESC LIMIT ?4",
        )?;
        let mut undated =
            self.conn.prepare_cached("SELECT event_id FROM link_keys WHERE key = ?1 AND latest IS NULL ORDER BY event_id LIMIT ?2")?;
        let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        let mut ids = BTreeSet::new();
        for NearLookup { key, anchors } in near {
            for &(d, days) in anchors {
                let (lo, hi) = (d - chrono::Duration::days(days), d + chrono::Duration::days(days));
                let rows = |stmt: &mut rusqlite::CachedStatement<'_>, a: String, b: String| -> Result<Vec<(String, i64)>, StoreError> {
                    let got = stmt.query_map(params![key, a, b, limit as i64], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
                    let mut out = Vec::new();
                    for r in got {
                        let (id, latest) = r?;
                        let gap = day(&latest).map_or(i64::MAX, |l| (l - d).num_days().abs());
                        out.push((id, gap));
                    }
                    Ok(out)
                };
                let b = rows(&mut before, d.to_string(), lo.to_string())?;
                let a = rows(&mut after, d.to_string(), hi.to_string())?;
                // Closest first, ties to the earlier date (as MemoryStore reads them).
                let (mut i, mut j, mut n) = (0, 0, 0);
                while n < limit && (i < b.len() || j < a.len()) {
                    if j >= a.len() || (i < b.len() && b[i].1 <= a[j].1) {
                        ids.insert(b[i].0.clone());
                        i += 1;
                    } else {
                        ids.insert(a[j].0.clone());
                        j += 1;
                    }
                    n += 1;
                }
                if n < limit {
                    for id in undated.query_map(params![key, (limit - n) as i64], |r| r.get::<_, String>(0))? {
                        ids.insert(id?);
                    }
                }
            }
        }
        states(self.conn, ids)
    }

    fn key_counts(&self, keys: &[String], at_most: usize) -> Result<Vec<usize>, StoreError> {
        let mut stmt = self.conn.prepare_cached("SELECT COUNT(*) FROM (SELECT 1 FROM link_keys WHERE key = ?1 LIMIT ?2)")?;
        let mut out = Vec::with_capacity(keys.len());
        for k in keys {
            out.push(stmt.query_row(params![k, at_most as i64 + 1], |r| r.get::<_, i64>(0))? as usize);
        }
        Ok(out)
    }

    fn ids_in_use(&self, ids: &[String]) -> Result<Vec<bool>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM link_events WHERE id = ?1) OR EXISTS (SELECT 1 FROM event_aliases WHERE old_id = ?1)",
        )?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            out.push(stmt.query_row([id], |r| r.get::<_, bool>(0))?);
        }
        Ok(out)
    }

    fn events_of_articles(&self, article_ids: &[String]) -> Result<Vec<EventState>, StoreError> {
        let mut stmt = self.conn.prepare_cached("SELECT DISTINCT event_id FROM link_mentions WHERE article_id = ?1")?;
        let mut ids = BTreeSet::new();
        for a in article_ids {
            for id in stmt.query_map([a], |r| r.get::<_, String>(0))? {
                ids.insert(id?);
            }
        }
        states(self.conn, ids)
    }

    fn articles(&self, ids: &[String]) -> Result<Vec<ArticleRecord>, StoreError> {
        let mut stmt = self.conn.prepare_cached("SELECT record FROM link_articles WHERE id = ?1")?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(j) = stmt.query_row([id], |r| r.get::<_, String>(0)).optional()? {
                out.push(serde_json::from_str(&j).map_err(|e| corrupt("article record", id, e))?);
            }
        }
        Ok(out)
    }
}

/// The stored record of one article.
pub fn article_record(conn: &Connection, id: &str) -> Result<Option<ArticleRecord>, StoreError> {
    Ok(SqlLinks::new(conn).articles(&[id.to_string()])?.pop())
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).expect("serialisable")
}

fn remove_event_rows(tx: &Transaction<'_>, id: &str, touched: &mut BTreeSet<String>) -> Result<(), StoreError> {
    let arts: Vec<String> = tx
        .prepare_cached("SELECT DISTINCT article_id FROM link_mentions WHERE event_id = ?1")?
        .query_map([id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    touched.extend(arts);
    tx.prepare_cached("DELETE FROM link_keys WHERE event_id = ?1")?.execute([id])?;
    tx.prepare_cached("DELETE FROM link_mentions WHERE event_id = ?1")?.execute([id])?;
    tx.prepare_cached("DELETE FROM link_events WHERE id = ?1")?.execute([id])?;
    Ok(())
}

/// Writes the linker's part of a delta (event states, key postings, mention events, article
/// records) in the caller's transaction. Returns the articles whose mentions' events may have
/// changed (recompute their `event_ids` with [`article_event_ids`]). The contract lines
/// (`delta.outputs`) are written separately ([`put_event`]), after any additions.
pub fn apply(tx: &Transaction<'_>, delta: &LinkDelta) -> Result<BTreeSet<String>, StoreError> {
    let mut touched: BTreeSet<String> = BTreeSet::new();
    for id in &delta.deleted {
        remove_event_rows(tx, id, &mut touched)?;
    }
    for e in &delta.events {
        remove_event_rows(tx, &e.id, &mut touched)?;
        let latest = e.latest.map(|d| d.to_string());
        tx.prepare_cached("INSERT INTO link_events (id, latest, state) VALUES (?1, ?2, ?3)")?.execute(params![e.id, latest, json(e)])?;
        let mut key_stmt = tx.prepare_cached("INSERT OR IGNORE INTO link_keys (key, event_id, latest) VALUES (?1, ?2, ?3)")?;
        for k in &e.keys {
            key_stmt.execute(params![k, e.id, latest])?;
        }
        let mut m_stmt = tx.prepare_cached("INSERT OR REPLACE INTO link_mentions (article_id, idx, event_id) VALUES (?1, ?2, ?3)")?;
        for m in &e.members {
            m_stmt.execute(params![m.key.article_id, m.key.index, e.id])?;
            touched.insert(m.key.article_id.clone());
        }
    }
    let mut a_stmt = tx.prepare_cached("INSERT OR REPLACE INTO link_articles (id, record) VALUES (?1, ?2)")?;
    for a in &delta.articles {
        a_stmt.execute(params![a.id, json(a)])?;
        touched.insert(a.id.clone());
    }
    Ok(touched)
}

/// Forgets the linker's record of an article (it became an exact duplicate, or was deleted).
pub fn delete_article_record(tx: &Transaction<'_>, id: &str) -> Result<(), StoreError> {
    tx.prepare_cached("DELETE FROM link_articles WHERE id = ?1")?.execute([id])?;
    Ok(())
}

/// An article's events in mention order (main first), from the linker's state.
pub fn article_event_ids(conn: &Connection, article_id: &str) -> Result<Vec<String>, StoreError> {
    let mut seen = BTreeSet::new();
    let ids: Vec<String> = conn
        .prepare_cached("SELECT event_id FROM link_mentions WHERE article_id = ?1 ORDER BY idx")?
        .query_map([article_id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(ids.into_iter().filter(|id| seen.insert(id.clone())).collect())
}

/// The event of each mention of these articles.
pub fn mention_events(conn: &Connection, article_ids: &[String]) -> Result<BTreeMap<MentionKey, String>, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT idx, event_id FROM link_mentions WHERE article_id = ?1")?;
    let mut out = BTreeMap::new();
    for a in article_ids {
        for r in stmt.query_map([a], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))? {
            let (idx, ev) = r?;
            out.insert(MentionKey { article_id: a.clone(), index: idx as u32 }, ev);
        }
    }
    Ok(out)
}

/// Stores an event's contract line (replacing it) and points its merged ids at it.
pub fn put_event(tx: &Transaction<'_>, e: &EventOut) -> Result<(), StoreError> {
    tx.prepare_cached("INSERT OR REPLACE INTO events (id, json) VALUES (?1, ?2)")?.execute(params![e.id, json(e)])?;
    let mut alias = tx.prepare_cached("INSERT OR REPLACE INTO event_aliases (old_id, event_id) VALUES (?1, ?2)")?;
    for old in e.merged_from.iter().flatten() {
        alias.execute(params![old, e.id])?;
    }
    Ok(())
}

/// Removes an event's contract line (it was merged into another, whose `merged_from` and
/// alias rows record it).
pub fn delete_event(tx: &Transaction<'_>, id: &str) -> Result<(), StoreError> {
    tx.prepare_cached("DELETE FROM events WHERE id = ?1")?.execute([id])?;
    Ok(())
}

/// The current id of an event id: itself when it is current, else the event it was merged
/// into; `None` when unknown.
pub fn resolve(conn: &Connection, id: &str) -> Result<Option<String>, StoreError> {
    if conn.prepare_cached("SELECT 1 FROM events WHERE id = ?1")?.query_row([id], |_| Ok(())).optional()?.is_some() {
        return Ok(Some(id.to_string()));
    }
    Ok(conn.prepare_cached("SELECT event_id FROM event_aliases WHERE old_id = ?1")?.query_row([id], |r| r.get(0)).optional()?)
}

/// One event's contract line.
pub fn event(conn: &Connection, id: &str) -> Result<Option<EventOut>, StoreError> {
    let json: Option<String> = conn.prepare_cached("SELECT json FROM events WHERE id = ?1")?.query_row([id], |r| r.get(0)).optional()?;
    json.map(|j| serde_json::from_str(&j).map_err(|e| corrupt("event", id, e))).transpose()
}

/// Number of current events.
pub fn event_count(conn: &Connection) -> Result<u64, StoreError> {
    Ok(conn.query_row("SELECT COUNT(*) FROM events", [], |r| r.get::<_, i64>(0))? as u64)
}

/// Calls `f` with every event's stored contract line (the JSON text), in id order.
pub fn export_events<E: From<StoreError>>(conn: &Connection, mut f: impl FnMut(&str) -> Result<(), E>) -> Result<(), E> {
    let mut stmt = conn.prepare("SELECT json FROM events ORDER BY id").map_err(StoreError::from)?;
    let mut rows = stmt.query([]).map_err(StoreError::from)?;
    while let Some(r) = rows.next().map_err(StoreError::from)? {
        let j: String = r.get(0).map_err(StoreError::from)?;
        f(&j)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    /// Near reads: per anchor the closest events within the window (ties to the earlier),
    /// then undated ones while fewer than the limit.
    #[test]
    fn events_near_reads_the_closest_within_the_window() {
        let store = Store::open_in_memory().expect("store");
        let conn = store.conn();
        let events = [
            ("ev-a", Some("2020-05-01")),
            ("ev-b", Some("2020-06-05")),
            ("ev-c", Some("2020-06-15")),
            ("ev-d", Some("2020-06-20")),
            ("ev-e", None),
        ];
        for (id, latest) in events {
            let state = EventState {
                id: id.to_string(),
                merged_from: Vec::new(),
                keys: vec!["n:XA:tima:2020".to_string()],
                latest: latest.map(|d| d.parse().expect("date")),
                members: Vec::new(),
            };
            conn.execute("INSERT INTO link_events (id, latest, state) VALUES (?1, ?2, ?3)", params![id, latest, json(&state)])
                .expect("event");
            conn.execute("INSERT INTO link_keys (key, event_id, latest) VALUES ('n:XA:tima:2020', ?1, ?2)", params![id, latest])
                .expect("key");
        }
        let links = SqlLinks::new(conn);
        let read = |anchor: &str, days: i64, limit: usize| -> Vec<String> {
            let near = [NearLookup { key: "n:XA:tima:2020".to_string(), anchors: vec![(anchor.parse().expect("date"), days)] }];
            links.events_near(&near, limit).expect("near").into_iter().map(|e| e.id).collect()
        };
        // 2020-06-10: ev-b and ev-c are 5 days away (the earlier first), ev-d 10.
        assert_eq!(read("2020-06-10", 30, 1), vec!["ev-b"]);
        assert_eq!(read("2020-06-10", 30, 3), vec!["ev-b", "ev-c", "ev-d"]);
        // ev-a is out of a 30-day window: the undated event fills the last place.
        assert_eq!(read("2020-06-10", 30, 5), vec!["ev-b", "ev-c", "ev-d", "ev-e"]);
        assert_eq!(read("2020-06-10", 60, 5), vec!["ev-a", "ev-b", "ev-c", "ev-d", "ev-e"]);
    }

    #[test]
    fn key_counts_count_postings_up_to_the_bound() {
        let store = Store::open_in_memory().expect("store");
        let conn = store.conn();
        for (key, id) in
            [("n:XA:kobadu:2019", "ev-1"), ("n:XA:kobadu:2019", "ev-2"), ("n:XA:kobadu:2019", "ev-3"), ("p:XA:tima:2019", "ev-1")]
        {
            conn.execute("INSERT INTO link_keys (key, event_id, latest) VALUES (?1, ?2, NULL)", params![key, id]).expect("insert");
        }
        let keys: Vec<String> = ["n:XA:kobadu:2019", "p:XA:tima:2019", "n:XA:other:2019"].map(String::from).to_vec();
        let links = SqlLinks::new(conn);
        assert_eq!(links.key_counts(&keys, 10).expect("counts"), vec![3, 1, 0]);
        // Counting stops one past the bound: above it is all the linker asks.
        assert_eq!(links.key_counts(&keys, 1).expect("counts"), vec![2, 1, 0]);
    }
}
