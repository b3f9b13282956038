//! The SQLite backend: the embedded default. One file in the data folder, in
//! WAL mode so readers never wait for the writer; all writes go through one
//! connection, so they queue in the pool instead of failing with
//! "database is locked".
#![forbid(unsafe_code)]

mod movies;
mod profiles;
mod settings;

use std::future::Future;
use std::path::Path;
use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use async_trait::async_trait;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use store::{Backend, Database, Result};

/// How long a statement waits for a lock held by another process before failing.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Readers: one per core is plenty; each holds its own page cache.
const MAX_READERS: u32 = 4;

/// A library in a SQLite file.
#[derive(Clone)]
pub struct SqliteStore {
    /// The one connection that writes.
    writer: SqlitePool,
    /// Read-only connections.
    reader: SqlitePool,
    /// Movie and file writes so far, after each was committed (see `library_revision`).
    revision: Arc<AtomicI64>,
}

impl SqliteStore {
    /// Opens (creating if needed) the database file at `path` and migrates it.
    pub async fn open(path: &Path) -> Result<Self> {
        let options = SqliteConnectOptions::new().filename(path);
        Self::connect_with(options).await
    }

    /// Opens a database named by a `sqlite:` URL and migrates it.
    pub async fn connect(url: &str) -> Result<Self> {
        Self::connect_with(SqliteConnectOptions::from_str(url)?).await
    }

    async fn connect_with(options: SqliteConnectOptions) -> Result<Self> {
        let options = options
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // With WAL, NORMAL loses no committed data on a process crash and
            // stays consistent on power loss; FULL would fsync every commit.
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(BUSY_TIMEOUT);
        // A SQLite connection is a file handle, not a socket that can go
        // stale: checking it before each use would only add a thread hop.
        let writer = SqlitePoolOptions::new()
            .test_before_acquire(false)
            .max_connections(1)
            .min_connections(1)
            .connect_with(options.clone())
            .await?;
        sqlx::migrate!("./migrations").run(&writer).await?;
        let reader = SqlitePoolOptions::new()
            .test_before_acquire(false)
            .max_connections(MAX_READERS)
            .min_connections(1)
            // Rows a worker thread may read ahead of its caller: the default
            // of 50 makes the two wake each other constantly on long lists.
            .connect_with(options.read_only(true).row_buffer_size(512))
            .await?;
        Ok(SqliteStore {
            writer,
            reader,
            revision: Arc::new(AtomicI64::new(0)),
        })
    }
}

impl SqliteStore {
    /// Runs a movie or file write, then counts it (committed or not: an extra
    /// count only costs a cache miss, a missing one would serve stale data).
    async fn counted<T>(&self, write: impl Future<Output = Result<T>>) -> Result<T> {
        let result = write.await;
        self.revision.fetch_add(1, Ordering::AcqRel);
        result
    }
}

#[async_trait]
impl Database for SqliteStore {
    fn backend(&self) -> Backend {
        Backend::Sqlite
    }

    async fn server_version(&self) -> Result<String> {
        Ok(sqlx::query_scalar("SELECT sqlite_version()")
            .fetch_one(&self.reader)
            .await?)
    }

    async fn migration_version(&self) -> Result<i64> {
        let version: Option<i64> =
            sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations WHERE success")
                .fetch_one(&self.reader)
                .await?;
        Ok(version.unwrap_or_default())
    }

    fn pool_connections(&self) -> (u32, usize) {
        (
            self.writer.size() + self.reader.size(),
            self.writer.num_idle() + self.reader.num_idle(),
        )
    }

    async fn ping(&self) -> Result<()> {
        sqlx::query("SELECT 1").execute(&self.reader).await?;
        Ok(())
    }

    async fn close(&self) {
        self.reader.close().await;
        self.writer.close().await;
    }
}
