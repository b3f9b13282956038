//! Why a release could not be handed on.

/// A download client's failure, with the reason Radarr would show.
#[derive(Debug, thiserror::Error)]
pub enum DownloadError {
    /// A folder the client writes to is missing or cannot be written.
    #[error("Folder '{path}' {reason}")]
    Folder {
        /// The folder.
        path: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The client cannot take this kind of release.
    #[error("{0}")]
    Unsupported(String),
    /// Writing failed.
    #[error("could not write '{path}': {source}")]
    Write {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
}
