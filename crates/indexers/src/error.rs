//! What an indexer call can fail with. Each variant names the reason in
//! words a user can act on; the API passes the message on as it is, and the
//! search service reads the kind to decide how long to leave the indexer be.

use std::time::Duration;

/// A failed indexer call.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum IndexerError {
    /// The settings cannot make a request (no usable URL, say).
    #[error("the indexer is not configured correctly: {0}")]
    NotConfigured(String),
    /// The indexer could not be reached: DNS, refused connection, TLS.
    #[error("the indexer is unreachable: {0}")]
    Unreachable(String),
    /// No answer within the configured timeout.
    #[error("the indexer did not answer within {0:?}")]
    TimedOut(Duration),
    /// The indexer refused the API key (Newznab error 100, or another 1xx).
    #[error("the indexer refused the API key: {0}")]
    BadApiKey(String),
    /// The account behind the key cannot search (suspended, no privileges).
    #[error("the indexer refused the account (error {code}): {message}")]
    Account {
        /// The Newznab error code, 101 to 199.
        code: u16,
        /// The indexer's description.
        message: String,
    },
    /// The indexer refused a parameter of the request (errors 200 to 299).
    #[error("the indexer refused the request (error {code}): {message}")]
    BadRequest {
        /// The Newznab error code.
        code: u16,
        /// The indexer's description.
        message: String,
    },
    /// The indexer's request or download limit is reached (error 500/501,
    /// or HTTP 429); `retry_after` is the wait it asked for, if any.
    #[error("the indexer's request limit is reached: {message}")]
    RequestLimit {
        /// The indexer's description.
        message: String,
        /// How long the indexer asked to wait.
        retry_after: Option<Duration>,
    },
    /// Another Newznab error code.
    #[error("the indexer answered with error {code}: {message}")]
    Api {
        /// The Newznab error code.
        code: u16,
        /// The indexer's description.
        message: String,
    },
    /// The indexer answered with an HTTP error status.
    #[error("the indexer answered HTTP {status}: {message}")]
    Status {
        /// The HTTP status.
        status: u16,
        /// The start of the body, or the reason phrase.
        message: String,
    },
    /// The indexer answered a web page where a feed belongs: it is likely
    /// blocked, behind a login, or the URL is not its API.
    #[error(
        "the indexer answered a web page instead of a feed: the site is likely blocked or the URL is wrong"
    )]
    Html,
    /// The answer is not well-formed XML.
    #[error("the indexer's answer is not well-formed XML: {0}")]
    Malformed(String),
    /// The answer is XML but not what Newznab/Torznab describes.
    #[error("the indexer's answer is not a Newznab/Torznab {expected}: {found}")]
    NotAFeed {
        /// What was expected: "feed" or "caps document".
        expected: &'static str,
        /// What came instead.
        found: String,
    },
    /// The test's query worked but found nothing.
    #[error(
        "query successful, but no results were returned from the indexer: this may be an issue with the indexer or its category settings"
    )]
    NoResults,
    /// The caps say the indexer offers no search this client can use.
    #[error("the indexer does not support the required search parameters (q, imdbid or tmdbid)")]
    UnsupportedSearch,
}

impl IndexerError {
    /// The error a Newznab `<error code=… description=…/>` answer means.
    pub fn from_newznab(code: u16, description: &str) -> IndexerError {
        let message = description.to_string();
        // Some indexers say it in words with another code.
        if description.eq_ignore_ascii_case("Request limit reached") {
            return IndexerError::RequestLimit {
                message,
                retry_after: None,
            };
        }
        match code {
            100 => IndexerError::BadApiKey(message),
            101..=199 => IndexerError::Account { code, message },
            200..=299 => IndexerError::BadRequest { code, message },
            500 | 501 => IndexerError::RequestLimit {
                message,
                retry_after: None,
            },
            _ => IndexerError::Api { code, message },
        }
    }

    /// The settings field the failure is about, as Radarr names it, for a
    /// validation failure the UI shows beside the field.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            IndexerError::BadApiKey(_) | IndexerError::Account { .. } => Some("apiKey"),
            IndexerError::NotConfigured(_) => Some("baseUrl"),
            _ => None,
        }
    }

    /// Whether the indexer could not be reached at all: Radarr escalates the
    /// back-off more gently for these (a connection failure does not escalate).
    pub fn is_connection_failure(&self) -> bool {
        matches!(self, IndexerError::Unreachable(_))
    }

    /// The least back-off the failure asks for: an hour for a request limit
    /// without a Retry-After, as Radarr does.
    pub fn minimum_backoff(&self) -> Option<Duration> {
        match self {
            IndexerError::RequestLimit { retry_after, .. } => {
                Some(retry_after.unwrap_or(Duration::from_secs(60 * 60)))
            }
            _ => None,
        }
    }
}

/// An indexer result.
pub type Result<T> = std::result::Result<T, IndexerError>;
