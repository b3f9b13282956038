//! The storage API: one async trait per part of the library, the error every
//! backend returns, the row shapes both SQL backends decode, and (feature
//! `story`) the one test story every backend must pass.
#![forbid(unsafe_code)]

#[cfg(feature = "bench")]
pub mod bench_data;
mod blocklist;
mod collections;
mod commands;
mod config;
pub mod decision_rows;
mod decision_settings;
pub mod download_rows;
mod downloads;
mod error;
mod formats;
mod history;
mod indexer_status;
mod metered;
/// Recognising constraint failures in database errors.
pub mod error_kind {
    pub use crate::error::{Broken, ConstraintError, when_broken};
}
mod movie_stream;
mod movies;
mod profiles;
mod providers;
pub mod rows;
mod scene_groups;
mod search;
mod settings;
#[cfg(feature = "story")]
pub mod story;

pub use blocklist::BlocklistStore;
pub use collections::CollectionStore;
pub use commands::CommandStore;
pub use config::ConfigStore;
pub use decision_settings::DecisionSettingsStore;
pub use downloads::DownloadStore;
pub use error::{Conflict, Result, StoreError};
pub use formats::FormatStore;
pub use history::HistoryStore;
pub use indexer_status::IndexerStatusStore;
pub use metered::Metered;
pub use movie_stream::{LIST_PAGE, MovieSink, spawn_movie_stream};
pub use movies::MovieStore;
pub use profiles::ProfileStore;
pub use providers::ProviderStore;
pub use scene_groups::SceneGroupStore;
pub use search::search_terms;
pub use settings::SettingsStore;

use async_trait::async_trait;

/// Which database engine a store runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// The embedded default: one file in the data folder.
    Sqlite,
    /// For several instances on one database.
    Postgres,
}

/// Facts about the database itself, and its lifecycle.
#[async_trait]
pub trait Database: Send + Sync {
    /// The engine.
    fn backend(&self) -> Backend;
    /// The engine's version, e.g. "3.46.0" or "15.4".
    async fn server_version(&self) -> Result<String>;
    /// The newest migration applied.
    async fn migration_version(&self) -> Result<i64>;
    /// Open and idle connections, for the pool gauges.
    fn pool_connections(&self) -> (u32, usize);
    /// Cheap round trip that proves the database answers.
    async fn ping(&self) -> Result<()>;
    /// Waits for connections in use, then closes them all.
    async fn close(&self);
    /// Writes a consistent copy of the whole database to the file `to`
    /// (which must not exist yet) while the store stays in use. Only the
    /// embedded database is copied so; PostgreSQL refuses, as its own tools
    /// back it up.
    async fn backup_database(&self, to: &std::path::Path) -> Result<()>;
    /// Checks that the file at `copy`, a copy [`Database::backup_database`]
    /// made, could replace this database: it opens, is whole, and holds a
    /// schema this build migrates from. The error says why not.
    async fn check_database_copy(&self, copy: &std::path::Path) -> Result<()>;
}

/// Everything the library keeps, over one backend.
pub trait Store:
    Database
    + MovieStore
    + SettingsStore
    + ProfileStore
    + CommandStore
    + CollectionStore
    + ProviderStore
    + HistoryStore
    + IndexerStatusStore
    + FormatStore
    + DecisionSettingsStore
    + DownloadStore
    + BlocklistStore
    + ConfigStore
    + SceneGroupStore
{
}

impl<T> Store for T where
    T: Database
        + MovieStore
        + SettingsStore
        + ProfileStore
        + CommandStore
        + CollectionStore
        + ProviderStore
        + HistoryStore
        + IndexerStatusStore
        + FormatStore
        + DecisionSettingsStore
        + DownloadStore
        + BlocklistStore
        + ConfigStore
        + SceneGroupStore
{
}
