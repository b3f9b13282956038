//! How to reach the database and how many connections to keep.

use std::fmt;
use std::time::Duration;

/// Connection settings of a [`PostgresStore`](crate::PostgresStore).
#[derive(Clone, PartialEq, Eq)]
pub struct PostgresOptions {
    /// A `postgres://user:password@host:port/database` URL.
    pub url: String,
    /// Most connections this instance opens; with several instances on one
    /// server, their sum must stay under the server's `max_connections`.
    pub max_connections: u32,
    /// Connections kept open while idle, so a burst does not wait for handshakes.
    pub min_connections: u32,
    /// How long a query waits for a free connection before failing.
    pub acquire_timeout: Duration,
    /// An idle connection above `min_connections` is closed after this long.
    pub idle_timeout: Duration,
    /// Every connection is replaced after this long, so server-side memory and
    /// a failed-over primary behind a DNS name are picked up.
    pub max_lifetime: Duration,
    /// Check a pooled connection with a round trip before handing it out, so a
    /// server restart costs no failed request.
    pub test_before_acquire: bool,
}

impl PostgresOptions {
    /// The defaults for a database at `url`.
    pub fn new(url: impl Into<String>) -> Self {
        PostgresOptions {
            url: url.into(),
            max_connections: 20,
            min_connections: 2,
            acquire_timeout: Duration::from_secs(8),
            idle_timeout: Duration::from_secs(300),
            max_lifetime: Duration::from_secs(1800),
            test_before_acquire: true,
        }
    }
}

impl fmt::Debug for PostgresOptions {
    // The URL may carry a password: it is never printed.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PostgresOptions")
            .field("url", &redacted(&self.url))
            .field("max_connections", &self.max_connections)
            .field("min_connections", &self.min_connections)
            .field("acquire_timeout", &self.acquire_timeout)
            .field("idle_timeout", &self.idle_timeout)
            .field("max_lifetime", &self.max_lifetime)
            .field("test_before_acquire", &self.test_before_acquire)
            .finish()
    }
}

/// The URL with the password of its user part replaced.
fn redacted(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return "[redacted]".into();
    };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    match rest[..authority_end].rfind('@') {
        Some(at) => match rest[..at].split_once(':') {
            Some((user, _password)) => format!("{scheme}://{user}:[redacted]{}", &rest[at..]),
            None => url.to_string(),
        },
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults() {
        let options = PostgresOptions::new("postgres://localhost/radarr");
        assert_eq!(options.url, "postgres://localhost/radarr");
        assert_eq!(options.max_connections, 20);
        assert_eq!(options.min_connections, 2);
        assert_eq!(options.acquire_timeout, Duration::from_secs(8));
        assert_eq!(options.idle_timeout, Duration::from_secs(300));
        assert_eq!(options.max_lifetime, Duration::from_secs(1800));
        assert!(options.test_before_acquire);
    }

    #[test]
    fn debug_hides_the_password() {
        let options =
            PostgresOptions::new("postgres://radarr:s3cret@db:5432/radarr?sslmode=require");
        let shown = format!("{options:?}");
        assert!(!shown.contains("s3cret"), "{shown}");
        assert!(shown.contains("postgres://radarr:[redacted]@db:5432/radarr?sslmode=require"));
        assert_eq!(redacted("postgres://db/radarr"), "postgres://db/radarr");
        assert_eq!(redacted("no scheme"), "[redacted]");
    }
}
