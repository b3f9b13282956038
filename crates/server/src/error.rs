//! Why the server could not start or stopped with an error.

use std::path::PathBuf;

/// A failure of the server process.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// A setting is wrong.
    #[error("configuration: {0}")]
    Config(String),
    /// A file or folder could not be used.
    #[error("{0}: {1}")]
    Io(PathBuf, #[source] std::io::Error),
    /// Another process owns the data folder.
    #[error("the data folder {0} is in use by another Unified-Radarr process (lock file {1})")]
    DataDirInUse(PathBuf, PathBuf),
    /// The database could not be opened or migrated.
    #[error("database: {0}")]
    Store(#[from] store::StoreError),
    /// The listener failed.
    #[error("server: {0}")]
    Serve(#[source] std::io::Error),
}
