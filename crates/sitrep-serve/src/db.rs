//! Database access for the server: a small pool of read-only connections (queries run on
//! tokio's blocking threads, at most one per connection), each statement bounded by a
//! deadline, and, when writing is enabled, one writer connection behind a lock.

use crate::error::ApiError;
use rusqlite::{Connection, OpenFlags};
use sitrep_store::{Store, StoreError};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::Semaphore;

/// Read-only connections to one database.
#[derive(Debug)]
pub struct Pool {
    path: PathBuf,
    conns: Mutex<Vec<Connection>>,
    permits: Semaphore,
    query_timeout: Duration,
}

/// The schema version of a database, read without writing anything (0 when it has none).
pub fn schema_version(conn: &Connection) -> Result<u32, StoreError> {
    let exists: bool =
        conn.query_row("SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations')", [], |r| {
            r.get(0)
        })?;
    if !exists {
        return Ok(0);
    }
    Ok(conn.query_row("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", [], |r| r.get(0))?)
}

/// Opens one read-only connection (`query_only` too, so no statement can write).
pub fn open_read_only(path: &Path) -> Result<Connection, StoreError> {
    if !path.exists() {
        return Err(StoreError::Missing(path.to_path_buf()));
    }
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.pragma_update(None, "query_only", true)?;
    conn.pragma_update(None, "cache_size", -32_000)?;
    conn.pragma_update(None, "mmap_size", 268_435_456_i64)?;
    Ok(conn)
}

/// Why a database cannot be served as it is.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The schema is older than this build's.
    #[error(
        "the database {path} has schema version {found}; this sitrep needs {needed}. Run `sitrep serve --migrate` once (or any command that writes, such as `sitrep ingest`) to upgrade it"
    )]
    Old {
        /// The file.
        path: PathBuf,
        /// Its version.
        found: u32,
        /// Ours.
        needed: u32,
    },
    /// Not a sitrep database.
    #[error("{0} is not a sitrep database (no schema_migrations table)")]
    NotSitrep(PathBuf),
}

impl Pool {
    /// Opens `size` read-only connections after checking the schema (`migrate`: bring it up
    /// to date first through a writing connection, then close that).
    pub fn open(path: &Path, size: usize, query_timeout: Duration, migrate: bool) -> Result<Pool, OpenError> {
        if migrate {
            drop(Store::open_existing(path)?);
        }
        let first = open_read_only(path)?;
        let found = schema_version(&first)?;
        let needed = sitrep_store::migrations::latest();
        if found == 0 {
            return Err(OpenError::NotSitrep(path.to_path_buf()));
        }
        if found > needed {
            return Err(StoreError::TooNew { found, known: needed }.into());
        }
        if found < needed {
            return Err(OpenError::Old { path: path.to_path_buf(), found, needed });
        }
        let size = size.max(1);
        let mut conns = vec![first];
        for _ in 1..size {
            conns.push(open_read_only(path)?);
        }
        Ok(Pool { path: path.to_path_buf(), conns: Mutex::new(conns), permits: Semaphore::new(size), query_timeout })
    }

    /// Runs `f` on a connection on a blocking thread; every statement it runs is interrupted
    /// once the query timeout has passed (the error becomes a 503).
    pub async fn read<T, F>(self: &Arc<Self>, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, ApiError> + Send + 'static,
    {
        let _permit = self.permits.acquire().await.map_err(ApiError::internal)?;
        let pool = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let conn =
                pool.conns.lock().unwrap_or_else(|p| p.into_inner()).pop().ok_or_else(|| ApiError::internal("connection pool empty"))?;
            let deadline = Instant::now() + pool.query_timeout;
            let out = match conn.progress_handler(10_000, Some(move || Instant::now() > deadline)) {
                Ok(()) => std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(&conn)))
                    .unwrap_or_else(|_| Err(ApiError::internal("a request handler panicked"))),
                Err(e) => Err(ApiError::from(e)),
            };
            let cleared = conn.progress_handler(0, None::<fn() -> bool>);
            if cleared.is_ok() {
                pool.conns.lock().unwrap_or_else(|p| p.into_inner()).push(conn);
            } else {
                // a connection that keeps an old deadline would fail every later read: replace it
                match open_read_only(&pool.path) {
                    Ok(c) => pool.conns.lock().unwrap_or_else(|p| p.into_inner()).push(c),
                    Err(e) => return Err(ApiError::from(e)),
                }
            }
            out
        })
        .await
        .map_err(ApiError::internal)?
    }
}

/// The one writing connection (only when writing is enabled).
#[derive(Debug)]
pub struct Writer {
    store: tokio::sync::Mutex<Option<Store>>,
}

impl Writer {
    /// Opens the database for writing.
    pub fn open(path: &Path) -> Result<Writer, StoreError> {
        Ok(Writer { store: tokio::sync::Mutex::new(Some(Store::open_existing(path)?)) })
    }

    /// Runs `f` with the store on a blocking thread, one writer at a time.
    pub async fn write<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> Result<T, ApiError> + Send + 'static,
    {
        let mut guard = self.store.lock().await;
        let mut store = guard.take().ok_or_else(|| ApiError::internal("the writer was lost after a failure"))?;
        let (store, out) = tokio::task::spawn_blocking(move || {
            let out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(&mut store)));
            (store, out.unwrap_or_else(|_| Err(ApiError::internal("ingest panicked"))))
        })
        .await
        .map_err(ApiError::internal)?;
        *guard = Some(store);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn read_only_connections_refuse_writes_and_old_schemas_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.db");
        drop(Store::open(&path).unwrap());
        let pool = Arc::new(Pool::open(&path, 2, Duration::from_secs(5), false).unwrap());
        let err = pool.read(|c| Ok(c.execute("INSERT INTO events VALUES ('x', '{}')", [])?)).await.unwrap_err();
        assert_eq!(err.code, "internal");
        let n = pool.read(|c| Ok(c.query_row("SELECT COUNT(*) FROM events", [], |r| r.get::<_, i64>(0))?)).await.unwrap();
        assert_eq!(n, 0);
        // an older schema is refused with a way out, and --migrate upgrades it
        let c = Connection::open(&path).unwrap();
        c.execute("DELETE FROM schema_migrations WHERE version = (SELECT MAX(version) FROM schema_migrations)", []).unwrap();
        drop(c);
        assert!(matches!(Pool::open(&path, 1, Duration::from_secs(5), false), Err(OpenError::Old { .. })));
        let missing = dir.path().join("nope.db");
        assert!(matches!(Pool::open(&missing, 1, Duration::from_secs(5), false), Err(OpenError::Store(StoreError::Missing(_)))));
        assert!(!missing.exists(), "a reader never creates a database");
    }

    #[tokio::test]
    async fn slow_queries_are_interrupted() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.db");
        drop(Store::open(&path).unwrap());
        let pool = Arc::new(Pool::open(&path, 1, Duration::from_millis(50), false).unwrap());
        let slow = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT COUNT(*) FROM c";
        let err = pool.read(move |c| Ok(c.query_row(slow, [], |r| r.get::<_, i64>(0))?)).await.unwrap_err();
        assert_eq!(err.code, "timeout");
        // the connection is usable again afterwards
        let one = pool.read(|c| Ok(c.query_row("SELECT 1", [], |r| r.get::<_, i64>(0))?)).await.unwrap();
        assert_eq!(one, 1);
    }
}
