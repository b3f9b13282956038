//! qBittorrent's WebUI API v2 transport: `{urlBase}/api/v2/{method}` behind
//! a cookie session from `auth/login`; a 403 means the session is gone
//! (qBittorrent restarted, or it timed out), so the client logs in again
//! once and retries.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use reqwest::{RequestBuilder, StatusCode};

use crate::DownloadError;
use crate::connection::{Connection, unreachable};

/// The client's name in errors.
const CLIENT: &str = "qBittorrent";

/// Longest part of an unexpected answer quoted in an error.
const QUOTE: usize = 200;

/// A WebAPI version, e.g. 2.8.19 for qBittorrent 4.5.2.
pub(super) type ApiVersion = (u32, u32, u32);

/// An answer other than 403: its status and text.
pub(super) struct Reply {
    pub status: StatusCode,
    pub body: String,
}

impl Reply {
    /// The text of a successful answer; any other status is an error.
    pub(super) fn ok(self, method: &str) -> Result<String, DownloadError> {
        if self.status.is_success() {
            Ok(self.body)
        } else {
            Err(bad_answer(format!(
                "{method}: HTTP {} {}",
                self.status,
                quote(&self.body)
            )))
        }
    }
}

/// One qBittorrent's WebUI and our session with it.
pub(super) struct Api {
    connection: Connection,
    /// The HTTP client (which keeps the session cookie), or why it could
    /// not be built (reported on first use).
    http: Result<reqwest::Client, String>,
    /// Whether a login has been done (or is not needed); cleared by a 403.
    logged_in: AtomicBool,
    /// The WebAPI version, asked once per client.
    version: Mutex<Option<ApiVersion>>,
}

impl Api {
    pub(super) fn new(connection: Connection) -> Self {
        let http = connection.http(CLIENT, true).map_err(|e| e.to_string());
        Api {
            connection,
            http,
            logged_in: AtomicBool::new(false),
            version: Mutex::new(None),
        }
    }

    /// GETs `method` (e.g. `torrents/info`) with `query`.
    pub(super) async fn get(
        &self,
        method: &str,
        query: &[(&str, &str)],
    ) -> Result<Reply, DownloadError> {
        self.send(method, |http, url| http.get(url).query(query))
            .await
    }

    /// POSTs `method` with a url-encoded form.
    pub(super) async fn post(
        &self,
        method: &str,
        form: &[(&str, &str)],
    ) -> Result<Reply, DownloadError> {
        self.send(method, |http, url| http.post(url).form(form))
            .await
    }

    /// Sends a request `build` makes (again, should the session have to be
    /// renewed), logging in first when no session is held yet.
    pub(super) async fn send<F>(&self, method: &str, build: F) -> Result<Reply, DownloadError>
    where
        F: Fn(&reqwest::Client, String) -> RequestBuilder,
    {
        let http = self.http()?;
        let url = self.connection.url(&format!("api/v2/{method}"));
        if !self.logged_in.load(Ordering::Acquire) {
            self.login(http).await?;
        }
        let first = build(http, url.clone()).send().await;
        let first = first.map_err(|e| unreachable(CLIENT, e))?;
        if first.status() != StatusCode::FORBIDDEN {
            return reply(first).await;
        }
        self.logged_in.store(false, Ordering::Release);
        self.login(http).await?;
        let second = build(http, url).send().await;
        let second = second.map_err(|e| unreachable(CLIENT, e))?;
        if second.status() == StatusCode::FORBIDDEN {
            return Err(DownloadError::Auth(if self.has_credentials() {
                "qBittorrent refused access after a fresh login".into()
            } else {
                "qBittorrent asks for a username and password".into()
            }));
        }
        reply(second).await
    }

    /// The WebAPI version (`app/webapiVersion`).
    pub(super) async fn version(&self) -> Result<ApiVersion, DownloadError> {
        if let Some(version) = *lock(&self.version) {
            return Ok(version);
        }
        let text = self.get("app/webapiVersion", &[]).await?;
        let text = text.ok("app/webapiVersion")?;
        let version = parse_version(&text)
            .ok_or_else(|| bad_answer(format!("a WebAPI version of '{}'", quote(&text))))?;
        *lock(&self.version) = Some(version);
        Ok(version)
    }

    fn has_credentials(&self) -> bool {
        let c = &self.connection;
        !c.username.trim().is_empty() && !c.password.trim().is_empty()
    }

    fn http(&self) -> Result<&reqwest::Client, DownloadError> {
        self.http
            .as_ref()
            .map_err(|reason| DownloadError::Unreachable {
                client: CLIENT,
                reason: reason.clone(),
            })
    }

    /// Starts a session. Like Radarr, none is asked for without a username
    /// and password (qBittorrent can let local or whitelisted addresses in).
    async fn login(&self, http: &reqwest::Client) -> Result<(), DownloadError> {
        let c = &self.connection;
        if !self.has_credentials() {
            self.logged_in.store(true, Ordering::Release);
            return Ok(());
        }
        let form = [
            ("username", c.username.as_str()),
            ("password", c.password.as_str()),
        ];
        let response = http
            .post(c.url("api/v2/auth/login"))
            .form(&form)
            .send()
            .await
            .map_err(|e| unreachable(CLIENT, e))?;
        let Reply { status, body } = reply(response).await?;
        match status {
            // After too many failed logins qBittorrent bans the address.
            StatusCode::FORBIDDEN => Err(DownloadError::Auth(format!(
                "qBittorrent refused the login: {}",
                quote(&body)
            ))),
            StatusCode::NOT_FOUND => Err(DownloadError::Unsupported(
                "No qBittorrent WebUI API v2 here: qBittorrent 4.1 or newer is needed".into(),
            )),
            // "Fails." is a wrong username or password; the session cookie
            // comes with "Ok.".
            status if status.is_success() && body.trim() == "Ok." => {
                self.logged_in.store(true, Ordering::Release);
                Ok(())
            }
            status if status.is_success() => Err(DownloadError::Auth(
                "qBittorrent refused the username or password".into(),
            )),
            status => Err(bad_answer(format!("auth/login: HTTP {status}"))),
        }
    }
}

async fn reply(response: reqwest::Response) -> Result<Reply, DownloadError> {
    let status = response.status();
    let body = response.text().await.map_err(|e| unreachable(CLIENT, e))?;
    Ok(Reply { status, body })
}

/// A poisoned lock only means a call panicked mid-update of a plain value.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// `2.8.19` (or `2.0`) as numbers.
pub(super) fn parse_version(text: &str) -> Option<ApiVersion> {
    let mut parts = text.trim().trim_start_matches('v').split('.');
    let major = parts.next()?.parse().ok()?;
    let minor = parts.next().map_or(Some(0), |p| p.parse().ok())?;
    let patch = parts.next().map_or(Some(0), |p| p.parse().ok())?;
    Some((major, minor, patch))
}

pub(super) fn bad_answer(reason: String) -> DownloadError {
    DownloadError::Response {
        client: CLIENT,
        reason,
    }
}

/// The start of a long text, cut on a character boundary.
pub(super) fn quote(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(QUOTE) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests;
