//! Backups, as Radarr makes them: a zip of the database and `config.toml`
//! in the backup folder, by hand or on a schedule; listed, downloaded,
//! deleted, and restored at the next start.

pub mod archive;
pub mod files;
pub mod restore;
pub mod settings;

use std::path::{Path, PathBuf};

use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

/// The database's name in a backup zip, which is its file's name in the
/// data folder.
pub const DATABASE_ENTRY: &str = "unified-radarr.db";
/// The settings file's name in a backup zip and in the data folder.
pub const CONFIG_ENTRY: &str = "config.toml";

/// Checks the text of a `config.toml` as the server reads it at start: a
/// restore must not leave a file the next start refuses.
pub type ConfigFileCheck = fn(&str) -> Result<(), String>;

/// The backup folder: the configured one, relative to the data folder.
pub async fn folder(state: &AppState) -> ApiResult<PathBuf> {
    Ok(settings::load(state)
        .await?
        .folder_in(&state.config.data_dir))
}

/// Runs file work off the async workers.
pub(crate) async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> ApiResult<T> + Send + 'static,
) -> ApiResult<T> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| ApiError::Internal(format!("file work stopped: {e}")))?
}

/// An I/O failure on `path`, logged, never shown.
pub(crate) fn io_error(path: &Path, e: std::io::Error) -> ApiError {
    ApiError::Internal(format!("{}: {e}", path.display()))
}
