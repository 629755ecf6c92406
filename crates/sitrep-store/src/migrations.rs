//! Schema migrations: a numbered list, applied in order, each once, each in its own
//! transaction, recorded in `schema_migrations`. To change the schema, append an entry with
//! the next number (never edit an applied one):
//!
//! ```text
//! Migration { version: 2, name: "events", sql: include_str!("sql/0002_events.sql") },
//! ```

use crate::StoreError;
use rusqlite::Connection;

/// One schema step.
#[derive(Clone, Copy, Debug)]
pub struct Migration {
    /// Its number: 1, 2, 3... in order, no gaps.
    pub version: u32,
    /// A short name.
    pub name: &'static str,
    /// The SQL to run.
    pub sql: &'static str,
}

/// Every migration, in order.
pub const MIGRATIONS: &[Migration] = &[
    Migration { version: 1, name: "articles", sql: include_str!("sql/0001_articles.sql") },
    Migration { version: 2, name: "events", sql: include_str!("sql/0002_events.sql") },
    Migration { version: 3, name: "links", sql: include_str!("sql/0003_links.sql") },
    Migration { version: 4, name: "serving", sql: include_str!("sql/0004_serving.sql") },
    Migration { version: 5, name: "serving_indexes", sql: include_str!("sql/0005_serving_indexes.sql") },
    Migration { version: 6, name: "serving_country_index", sql: include_str!("sql/0006_serving_country_index.sql") },
];

/// The newest schema version this build knows.
pub fn latest() -> u32 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}

/// The schema version of a database (0 when new).
pub fn current(conn: &Connection) -> Result<u32, StoreError> {
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
    )?;
    Ok(conn.query_row("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", [], |r| r.get(0))?)
}

/// Applies the migrations a database lacks. Refuses a database made by a newer build.
pub fn migrate(conn: &mut Connection) -> Result<u32, StoreError> {
    debug_assert!(MIGRATIONS.iter().enumerate().all(|(i, m)| m.version as usize == i + 1), "migrations must be numbered 1, 2, 3...");
    let have = current(conn)?;
    if have > latest() {
        return Err(StoreError::TooNew { found: have, known: latest() });
    }
    for m in MIGRATIONS.iter().filter(|m| m.version > have) {
        let tx = conn.transaction()?;
        tx.execute_batch(m.sql).map_err(|e| StoreError::Migration { version: m.version, name: m.name, source: e })?;
        tx.execute(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
            rusqlite::params![m.version, m.name],
        )?;
        tx.commit()?;
    }
    Ok(latest())
}
