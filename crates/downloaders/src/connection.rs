//! Where a client's API answers and who we are to it: Radarr's host, port,
//! SSL, URL base, username and password settings, shared by every client
//! that speaks HTTP.

use std::fmt;
use std::time::Duration;

use crate::DownloadError;

/// How long a client has to answer one request.
const TIMEOUT: Duration = Duration::from_secs(30);

/// A client's address and credentials.
#[derive(Clone, Default)]
pub struct Connection {
    /// Host name or address, e.g. `localhost`.
    pub host: String,
    /// Port of its web API.
    pub port: u16,
    /// Whether it speaks HTTPS.
    pub use_ssl: bool,
    /// The path its API is under, e.g. `/transmission/` (may be empty).
    pub url_base: String,
    /// Username, when it asks for one.
    pub username: String,
    /// Password (or API key), when it asks for one.
    pub password: String,
}

impl fmt::Debug for Connection {
    // The password never reaches a log.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Connection")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("use_ssl", &self.use_ssl)
            .field("url_base", &self.url_base)
            .field("username", &self.username)
            .finish_non_exhaustive()
    }
}

impl Connection {
    /// The URL of `path` under the URL base: `http://host:port/base/path`.
    pub fn url(&self, path: &str) -> String {
        let scheme = if self.use_ssl { "https" } else { "http" };
        let base = self.url_base.trim_matches('/');
        let path = path.trim_start_matches('/');
        let host = if self.host.contains(':') && !self.host.starts_with('[') {
            format!("[{}]", self.host) // an IPv6 address
        } else {
            self.host.clone()
        };
        if base.is_empty() {
            format!("{scheme}://{host}:{}/{path}", self.port)
        } else {
            format!("{scheme}://{host}:{}/{base}/{path}", self.port)
        }
    }

    /// An HTTP client for it, with the timeout every client call has.
    /// `cookies` keeps a session cookie (qBittorrent's login).
    pub fn http(
        &self,
        client: &'static str,
        cookies: bool,
    ) -> Result<reqwest::Client, DownloadError> {
        reqwest::Client::builder()
            .timeout(TIMEOUT)
            .cookie_store(cookies)
            .build()
            .map_err(|e| DownloadError::Unreachable {
                client,
                reason: e.to_string(),
            })
    }
}

/// The error for a request that got no answer, without the URL (it may hold
/// a key).
pub(crate) fn unreachable(client: &'static str, error: reqwest::Error) -> DownloadError {
    let error = error.without_url();
    let reason = if error.is_timeout() {
        "the request timed out".to_string()
    } else if error.is_connect() {
        "the connection was refused".to_string()
    } else {
        error.to_string()
    };
    DownloadError::Unreachable { client, reason }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_join_the_base_and_path_with_single_slashes() {
        let mut connection = Connection {
            host: "localhost".into(),
            port: 9091,
            url_base: "/transmission/".into(),
            ..Connection::default()
        };
        assert_eq!(
            connection.url("/rpc"),
            "http://localhost:9091/transmission/rpc"
        );
        connection.url_base.clear();
        connection.use_ssl = true;
        connection.host = "::1".into();
        assert_eq!(
            connection.url("api/v2/auth/login"),
            "https://[::1]:9091/api/v2/auth/login"
        );
    }

    #[test]
    fn the_password_stays_out_of_debug_output() {
        let connection = Connection {
            password: "hunter2".into(),
            ..Connection::default()
        };
        assert!(!format!("{connection:?}").contains("hunter2"));
    }
}
