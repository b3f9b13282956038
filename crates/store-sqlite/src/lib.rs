//! The SQLite backend: the embedded default. One file in the data folder, in
//! WAL mode so readers never wait for the writer; all writes go through one
//! connection, so they queue instead of failing with "database is locked".
//!
//! It speaks to SQLite through rusqlite rather than sqlx (which the PostgreSQL
//! backend uses): sqlx runs each SQLite connection on a thread of its own, and
//! handing every statement over and back cost more than the statements did
//! (see `connections` and docs/PERFORMANCE.md). Queries are still plain SQL
//! run at runtime, read into the shared row shapes of `store::rows`.
#![forbid(unsafe_code)]

mod backup;
mod blocklist;
mod changes;
mod collections;
mod commands;
mod config;
mod connections;
mod decision_settings;
mod downloads;
mod formats;
mod history;
mod indexer_status;
mod movies;
mod profiles;
mod providers;
mod rows;
mod scene_groups;
mod settings;

use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};

use async_trait::async_trait;
use rusqlite_migration::{M, Migrations};
use store::{Backend, Database, Result};

use crate::changes::ChangeLog;
use crate::connections::Connections;

/// The schema, one migration per file, applied in order; the database's
/// `user_version` counts those applied.
fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(include_str!("../migrations/0001_library.sql")),
        M::up(include_str!("../migrations/0002_commands.sql")),
        M::up(include_str!("../migrations/0003_collections.sql")),
        M::up(include_str!("../migrations/0004_providers.sql")),
        M::up(include_str!("../migrations/0005_history.sql")),
        M::up(include_str!("../migrations/0006_indexer_status.sql")),
        M::up(include_str!("../migrations/0007_formats.sql")),
        M::up(include_str!("../migrations/0008_movie_outline.sql")),
        M::up(include_str!("../migrations/0009_downloads.sql")),
        M::up(include_str!("../migrations/0010_movie_file_ids.sql")),
        M::up(include_str!("../migrations/0011_scene_groups.sql")),
    ])
}

/// A library in a SQLite file.
#[derive(Clone)]
pub struct SqliteStore {
    db: Arc<Connections>,
    /// Movie and file writes so far, each counted after it was committed
    /// (see `library_revision`), with the movies each touched.
    changes: Arc<Mutex<ChangeLog>>,
}

impl SqliteStore {
    /// Opens (creating if needed) the database file at `path` and migrates it.
    pub async fn open(path: &Path) -> Result<Self> {
        let path = path.to_path_buf();
        // Opening reads the schema and may migrate: file work, off the runtime.
        let db = tokio::task::spawn_blocking(move || {
            Connections::open(&path, |conn| {
                refuse_unversioned(conn)?;
                migrations().to_latest(conn)?;
                Ok(())
            })
        })
        .await
        .map_err(|_| store::StoreError::Unavailable("opening was cancelled"))??;
        let db = Arc::new(db);
        db.spawn_idle_trimming();
        Ok(SqliteStore {
            db,
            changes: Arc::default(),
        })
    }

    /// Runs a write to these movies (or their files), then counts it.
    /// Counted committed or not: an extra count only costs a cache miss, a
    /// missing one would serve stale data.
    async fn counted<T>(
        &self,
        movies: &[i32],
        write: impl FnOnce(&mut rusqlite::Connection) -> Result<T>,
    ) -> Result<T> {
        let result = self.db.write(write).await;
        self.changes().record(movies.to_vec());
        result
    }

    /// Runs a write that adds movies, then counts it with those it added
    /// (none when it failed: an add is one statement or one transaction).
    async fn counted_adds<T>(
        &self,
        added: impl FnOnce(&T) -> Vec<i32>,
        write: impl FnOnce(&mut rusqlite::Connection) -> Result<T>,
    ) -> Result<T> {
        let result = self.db.write(write).await;
        self.changes()
            .record(result.as_ref().map_or_else(|_| Vec::new(), added));
        result
    }

    fn changes(&self) -> MutexGuard<'_, ChangeLog> {
        // The log is whole after any panic: each change to it is one call.
        self.changes.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// A file with tables but no schema version was not made by this store (or
/// by a development build from before versions were kept): migrating it
/// would fail halfway on the first table that already exists.
fn refuse_unversioned(conn: &rusqlite::Connection) -> Result<()> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    let tables: i64 = conn.query_row(
        "SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table'",
        [],
        |row| row.get(0),
    )?;
    if version == 0 && tables > 0 {
        return Err(store::StoreError::Unavailable(
            "the file has tables but no schema version, so it was not made by this \
             version of Unified-Radarr; move it away to start a new library",
        ));
    }
    Ok(())
}

#[async_trait]
impl Database for SqliteStore {
    fn backend(&self) -> Backend {
        Backend::Sqlite
    }

    async fn server_version(&self) -> Result<String> {
        Ok(rusqlite::version().to_string())
    }

    async fn migration_version(&self) -> Result<i64> {
        self.db
            .read(|conn| Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?))
    }

    fn pool_connections(&self) -> (u32, usize) {
        self.db.counts()
    }

    async fn ping(&self) -> Result<()> {
        self.db
            .read(|conn| Ok(conn.query_row("SELECT 1", [], |_| Ok(()))?))
    }

    async fn close(&self) {
        self.db.close().await;
    }

    async fn backup_database(&self, to: &Path) -> Result<()> {
        let to = to.to_path_buf();
        // A reader: the copy waits for no write and holds none up.
        self.db
            .read_blocking(move |conn| backup::copy_into(conn, &to))
            .await
    }

    async fn check_database_copy(&self, copy: &Path) -> Result<()> {
        let copy = copy.to_path_buf();
        // The live database was migrated to the newest schema on opening.
        let newest = self.migration_version().await?;
        tokio::task::spawn_blocking(move || backup::check_copy(&copy, newest))
            .await
            .map_err(|_| store::StoreError::Unavailable("the check was cancelled"))?
    }
}
