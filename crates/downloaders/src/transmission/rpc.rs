//! Transmission's RPC transport: a JSON `{method, arguments}` POSTed to
//! `{urlBase}rpc` with basic auth, behind the CSRF handshake its spec
//! describes (a 409 carries the `X-Transmission-Session-Id` to send back).

use std::sync::Mutex;

use reqwest::StatusCode;
use serde_json::{Map, Value, json};

use crate::DownloadError;
use crate::connection::{Connection, unreachable};

/// The client's name in errors.
pub(super) const CLIENT: &str = "Transmission";

/// The header Transmission's CSRF protection asks to be echoed.
const SESSION_HEADER: &str = "X-Transmission-Session-Id";

/// Longest part of an unexpected answer quoted in an error.
const QUOTE: usize = 200;

/// One Transmission daemon's RPC endpoint and the session id it last gave.
pub(super) struct Rpc {
    connection: Connection,
    /// The HTTP client, or why it could not be built (reported on first use,
    /// since building a client from settings cannot fail).
    http: Result<reqwest::Client, String>,
    /// The session id to send; Transmission hands out a new one on restart,
    /// and a request carrying a stale one gets a 409 with the new one.
    session_id: Mutex<Option<String>>,
}

impl Rpc {
    pub(super) fn new(connection: Connection) -> Self {
        let http = connection.http(CLIENT, false).map_err(|e| e.to_string());
        Rpc {
            connection,
            http,
            session_id: Mutex::new(None),
        }
    }

    /// Calls `method` and gives its answer's `arguments` (an empty object
    /// when it has none).
    pub(super) async fn call(
        &self,
        method: &str,
        arguments: Value,
    ) -> Result<Map<String, Value>, DownloadError> {
        let http = self
            .http
            .as_ref()
            .map_err(|reason| DownloadError::Unreachable {
                client: CLIENT,
                reason: reason.clone(),
            })?;
        let url = self.connection.url("rpc");
        let body = json!({"method": method, "arguments": arguments});
        // The first try may carry no id or a stale one; the second carries
        // the id the 409 just gave, so a third 409 means something is wrong.
        for _ in 0..2 {
            let mut request = http.post(&url).json(&body);
            if !self.connection.username.is_empty() || !self.connection.password.is_empty() {
                request =
                    request.basic_auth(&self.connection.username, Some(&self.connection.password));
            }
            if let Some(id) = self.session_id() {
                request = request.header(SESSION_HEADER, id);
            }
            let response = request.send().await.map_err(|e| unreachable(CLIENT, e))?;
            match response.status() {
                StatusCode::CONFLICT => {
                    let id = response
                        .headers()
                        .get(SESSION_HEADER)
                        .and_then(|v| v.to_str().ok())
                        .ok_or_else(|| bad_answer("a 409 without a session id"))?;
                    self.set_session_id(id.to_string());
                }
                StatusCode::UNAUTHORIZED => {
                    return Err(DownloadError::Auth(
                        "Transmission refused the username or password".into(),
                    ));
                }
                // Transmission answers 403 to an address outside its RPC
                // whitelist, and after too many failed logins.
                StatusCode::FORBIDDEN => {
                    let text = response.text().await.unwrap_or_default();
                    return Err(DownloadError::Auth(format!(
                        "Transmission refused access: {}",
                        strip_html(&text)
                    )));
                }
                status if !status.is_success() => {
                    return Err(bad_answer(&format!("HTTP {status}")));
                }
                _ => return answer(response).await,
            }
        }
        Err(bad_answer("a 409 again after the new session id"))
    }

    fn session_id(&self) -> Option<String> {
        // A poisoned lock only means another call panicked mid-update; the
        // id in it is still a string, stale at worst, and a 409 renews it.
        match self.session_id.lock() {
            Ok(id) => id.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    fn set_session_id(&self, id: String) {
        match self.session_id.lock() {
            Ok(mut slot) => *slot = Some(id),
            Err(poisoned) => *poisoned.into_inner() = Some(id),
        }
    }
}

/// The `arguments` of a successful answer; a `result` other than `success`
/// is Transmission's own error message.
async fn answer(response: reqwest::Response) -> Result<Map<String, Value>, DownloadError> {
    let text = response.text().await.map_err(|e| unreachable(CLIENT, e))?;
    let value: Value = serde_json::from_str(&text)
        .map_err(|_| bad_answer(&format!("not JSON: {}", quote(&text))))?;
    match value.get("result").and_then(Value::as_str) {
        Some("success") => Ok(match value.get("arguments") {
            Some(Value::Object(arguments)) => arguments.clone(),
            _ => Map::new(),
        }),
        Some(error) => Err(bad_answer(error)),
        None => Err(bad_answer(&format!("no result: {}", quote(&text)))),
    }
}

fn bad_answer(reason: &str) -> DownloadError {
    DownloadError::Response {
        client: CLIENT,
        reason: reason.to_string(),
    }
}

/// The start of a long text, cut on a character boundary.
fn quote(text: &str) -> String {
    match text.char_indices().nth(QUOTE) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

/// The words of Transmission's small HTML error pages.
fn strip_html(text: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    quote(&out.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_pages_read_as_their_words() {
        assert_eq!(
            strip_html("<h1>403: Forbidden</h1><p>Unauthorized IP Address.</p>"),
            "403: Forbidden Unauthorized IP Address."
        );
    }

    #[test]
    fn long_answers_are_cut_on_a_character() {
        let long = "é".repeat(QUOTE + 5);
        let cut = quote(&long);
        assert_eq!(cut.chars().count(), QUOTE + 1, "the text and an ellipsis");
    }
}
