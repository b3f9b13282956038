//! The PostgreSQL backend: for scale-out, several instances on one database.
//! Every instance runs the migrations at connect, one at a time under an
//! advisory lock; writes that belong together are one transaction, and the
//! database's own locks keep concurrent instances from stepping on each other.
#![forbid(unsafe_code)]

mod blocklist;
mod collections;
mod commands;
mod config;
mod decision_settings;
mod downloads;
mod formats;
mod history;
mod indexer_status;
mod movies;
mod options;
mod profiles;
mod providers;
mod scene_groups;
mod settings;
#[cfg(feature = "test-database")]
pub mod test_database;

use std::str::FromStr;

use async_trait::async_trait;
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use store::{Backend, Database, Result};

pub use options::PostgresOptions;

/// The advisory lock held while migrating (the ASCII of "UR migra"). sqlx's
/// migrator takes its own lock too (keyed on the database name, before it
/// creates `_sqlx_migrations`), but it leaves that lock held on the connection
/// when a migration fails; ours closes the connection then, releasing both.
const MIGRATION_LOCK: i64 = 0x5552_206d_6967_7261;

/// A library in a PostgreSQL database.
#[derive(Clone)]
pub struct PostgresStore {
    pool: PgPool,
}

impl PostgresStore {
    /// Connects with `options` and migrates the database.
    pub async fn connect(options: &PostgresOptions) -> Result<Self> {
        let connect = PgConnectOptions::from_str(&options.url)?.application_name("unified-radarr");
        let pool = PgPoolOptions::new()
            .max_connections(options.max_connections)
            .min_connections(options.min_connections)
            .acquire_timeout(options.acquire_timeout)
            .idle_timeout(options.idle_timeout)
            .max_lifetime(options.max_lifetime)
            .test_before_acquire(options.test_before_acquire)
            .connect_with(connect)
            .await?;
        migrate(&pool).await?;
        Ok(PostgresStore { pool })
    }
}

/// Runs the migrations on one connection, holding [`MIGRATION_LOCK`], so
/// instances starting together migrate one after the other and the later
/// ones find nothing left to do.
async fn migrate(pool: &PgPool) -> Result<()> {
    let mut conn = pool.acquire().await?;
    sqlx::query("SELECT pg_advisory_lock($1)")
        .bind(MIGRATION_LOCK)
        .execute(&mut *conn)
        .await?;
    let migrated = sqlx::migrate!("./migrations").run(&mut *conn).await;
    let unlocked = sqlx::query("SELECT pg_advisory_unlock($1)")
        .bind(MIGRATION_LOCK)
        .execute(&mut *conn)
        .await;
    if migrated.is_err() || unlocked.is_err() {
        // A session lock lives as long as its connection: never pool it again.
        conn.close_on_drop();
    }
    migrated?;
    unlocked?;
    Ok(())
}

#[async_trait]
impl Database for PostgresStore {
    fn backend(&self) -> Backend {
        Backend::Postgres
    }

    async fn server_version(&self) -> Result<String> {
        let full: String = sqlx::query_scalar("SHOW server_version")
            .fetch_one(&self.pool)
            .await?;
        // Distributions append their package version: "15.18 (Debian 15.18-0+deb12u1)".
        Ok(full
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_string())
    }

    async fn migration_version(&self) -> Result<i64> {
        let version: Option<i64> =
            sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations WHERE success")
                .fetch_one(&self.pool)
                .await?;
        Ok(version.unwrap_or_default())
    }

    fn pool_connections(&self) -> (u32, usize) {
        (self.pool.size(), self.pool.num_idle())
    }

    async fn ping(&self) -> Result<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    async fn close(&self) {
        self.pool.close().await;
    }

    async fn backup_database(&self, _to: &std::path::Path) -> Result<()> {
        Err(NOT_COPIED)
    }

    async fn check_database_copy(&self, _copy: &std::path::Path) -> Result<()> {
        Err(NOT_COPIED)
    }
}

/// A PostgreSQL database lives on its server, beside other instances' work:
/// `pg_dump` and the server's own tools back it up and restore it, not a
/// file copy made by one instance.
const NOT_COPIED: store::StoreError = store::StoreError::Unavailable(
    "a PostgreSQL database is backed up and restored with PostgreSQL's own tools",
);
