//! SQLite storage (bundled SQLite, WAL journal). [`Store::open`] creates or upgrades a
//! database through numbered [`migrations`]; writers work in one transaction per batch
//! ([`Store::transaction`]), so a crash (even `kill -9`) leaves only whole batches.
//!
//! Modules hold one kind of data each: [`articles`] the articles (original and cleaned text,
//! offset map, raw HTML, metadata, diagnostics, flags, duplicates, kind, derivatives, event
//! ids) and the cross-document line counts; [`links`] the linker's state (event states, block
//! key postings, mention events, article records: `sitrep_reconcile::LinkStore` over SQLite)
//! and the exported events (the contract line of each current event, merged-id aliases).

pub mod articles;
pub mod links;
pub mod migrations;
pub mod serving;

use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// Errors of the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite failed.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A migration failed.
    #[error("schema migration {version} ({name}) failed: {source}")]
    Migration {
        /// Its number.
        version: u32,
        /// Its name.
        name: &'static str,
        /// Why.
        source: rusqlite::Error,
    },
    /// The database was made by a newer sitrep.
    #[error("the database has schema version {found}, newer than this sitrep knows ({known}); upgrade sitrep")]
    TooNew {
        /// Its version.
        found: u32,
        /// Ours.
        known: u32,
    },
    /// No database at this path (for readers, which never create one).
    #[error("no database at {0} (run `sitrep ingest` first, or pass --db)")]
    Missing(PathBuf),
    /// Stored data that does not decode (a damaged row).
    #[error("damaged data in the database: {0}")]
    Corrupt(String),
}

/// An open database.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens (creating if needed) the database at `path`, in WAL mode, migrated to the
    /// latest schema.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let conn = Connection::open(path)?;
        Store::setup(conn)
    }

    /// Opens an existing database for reading and writing; [`StoreError::Missing`] when
    /// there is none (commands that only read use this, so a typo in `--db` does not create
    /// an empty database).
    pub fn open_existing(path: &Path) -> Result<Store, StoreError> {
        if !path.exists() {
            return Err(StoreError::Missing(path.to_path_buf()));
        }
        let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
        Store::setup(conn)
    }

    /// A private in-memory database (tests, `sitrep extract`-style one-off work).
    pub fn open_in_memory() -> Result<Store, StoreError> {
        Store::setup(Connection::open_in_memory()?)
    }

    fn setup(mut conn: Connection) -> Result<Store, StoreError> {
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        // WAL: readers never block the writer; a transaction is durable once committed even
        // if the process is killed. NORMAL sync is safe against process crashes in WAL mode.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        migrations::migrate(&mut conn)?;
        Ok(Store { conn })
    }

    /// The connection (for reads and for modules of other crates that add their own tables).
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Starts a write transaction (taken immediately, so two writers queue instead of failing
    /// half-way). Commit it with `commit()`; dropping it rolls back.
    pub fn transaction(&mut self) -> Result<rusqlite::Transaction<'_>, StoreError> {
        Ok(self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?)
    }

    /// The schema version.
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        migrations::current(&self.conn)
    }

    /// `PRAGMA integrity_check`: `ok`, or what is wrong.
    pub fn integrity_check(&self) -> Result<String, StoreError> {
        let rows: Vec<String> = self.conn.prepare("PRAGMA integrity_check")?.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
        Ok(rows.join("; "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opens_migrates_and_reopens() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.db");
        assert!(matches!(Store::open_existing(&path), Err(StoreError::Missing(_))));
        let s = Store::open(&path).unwrap();
        assert_eq!(s.schema_version().unwrap(), migrations::latest());
        let mode: String = s.conn().query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
        assert_eq!(mode, "wal");
        drop(s);
        let s = Store::open_existing(&path).unwrap();
        assert_eq!(s.integrity_check().unwrap(), "ok");
        let n: i64 = s.conn().query_row("SELECT COUNT(*) FROM schema_migrations", [], |r| r.get(0)).unwrap();
        assert_eq!(n as usize, migrations::MIGRATIONS.len());
    }

    #[test]
    fn refuses_a_newer_schema() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.db");
        let s = Store::open(&path).unwrap();
        s.conn().execute("INSERT INTO schema_migrations VALUES (999, 'future', 'now')", []).unwrap();
        drop(s);
        assert!(matches!(Store::open(&path), Err(StoreError::TooNew { found: 999, .. })));
    }
}
