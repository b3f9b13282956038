//! What a TMDB call can fail with, each naming TMDB and the reason, so the
//! API can pass the message on to the user as it is.

/// A failed TMDB call.
#[derive(Debug, Clone, thiserror::Error)]
pub enum TmdbError {
    /// No API key or read-access token is configured.
    #[error("TMDB is not configured: set an API key (--tmdb-api-key) or a read-access token")]
    NotConfigured,
    /// TMDB refused the key or token (401).
    #[error("TMDB refused the API key: {0}")]
    Unauthorized(String),
    /// TMDB has no such movie, collection or id (404).
    #[error("TMDB has no {what}")]
    NotFound {
        /// What was asked for, e.g. "movie 603".
        what: String,
    },
    /// TMDB kept answering 429 after every retry.
    #[error("TMDB's rate limit was still exceeded after {tries} tries")]
    RateLimited {
        /// Tries made.
        tries: u32,
    },
    /// TMDB could not be reached, timed out, or failed with 5xx, every try.
    #[error("TMDB is unreachable: {0}")]
    Unreachable(String),
    /// TMDB answered with another status.
    #[error("TMDB answered {status}: {message}")]
    Status {
        /// The HTTP status.
        status: u16,
        /// TMDB's `status_message`, or the body's start.
        message: String,
    },
    /// TMDB's answer was not the JSON its documentation describes.
    #[error("TMDB sent a malformed answer for {what}: {reason}")]
    Malformed {
        /// The request, e.g. "movie 603".
        what: String,
        /// What did not parse.
        reason: String,
    },
}

/// A TMDB result.
pub type Result<T> = std::result::Result<T, TmdbError>;
