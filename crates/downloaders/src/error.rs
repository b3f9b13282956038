//! Why a client could not be reached, refused a release, or failed a test.

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
    /// The client did not answer (refused, timed out, not HTTP).
    #[error("Unable to connect to {client}: {reason}")]
    Unreachable {
        /// The client, e.g. `qBittorrent`.
        client: &'static str,
        /// What went wrong.
        reason: String,
    },
    /// The client refused the username or password (or API key).
    #[error("Authentication failure: {0}")]
    Auth(String),
    /// A setting is wrong in a way the client told us, e.g. a category it
    /// does not have; `setting` is the field's name (`movieCategory`).
    #[error("{message}")]
    Setting {
        /// The setting's field name.
        setting: &'static str,
        /// Radarr's message.
        message: String,
    },
    /// The client answered, but not as its API says, or with an error.
    #[error("{client} answered unexpectedly: {reason}")]
    Response {
        /// The client.
        client: &'static str,
        /// What was wrong with the answer.
        reason: String,
    },
    /// The download is not in the client.
    #[error("Download '{0}' is not in the client")]
    NotFound(String),
}
