//! SABnzbd's API transport: `{urlBase}api?mode=…&apikey=…&output=json`
//! (or `ma_username`/`ma_password` when no API key is set). SABnzbd answers
//! its errors with HTTP 200: `{"status": false, "error": "…"}`, or a plain
//! `error: …` line.

use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};
use serde_json::Value;

use crate::DownloadError;
use crate::connection::{Connection, unreachable};

/// The client's name in errors.
pub(super) const CLIENT: &str = "SABnzbd";

/// Longest part of an unexpected answer quoted in an error.
const QUOTE: usize = 200;

/// One SABnzbd's API endpoint and credentials.
pub(super) struct Api {
    connection: Connection,
    api_key: String,
    /// The HTTP client, or why it could not be built (reported on first use,
    /// since building a client from settings cannot fail).
    http: Result<reqwest::Client, String>,
}

impl Api {
    pub(super) fn new(connection: Connection, api_key: String) -> Self {
        let http = connection.http(CLIENT, false).map_err(|e| e.to_string());
        Api {
            connection,
            api_key,
            http,
        }
    }

    /// The API's URL for `mode` with `params`, the credentials and the JSON
    /// output asked for. It holds the key: it never goes into a log or an
    /// error.
    fn url(&self, mode: &str, params: &[(&str, &str)]) -> String {
        let mut query = form_urlencoded::Serializer::new(String::new());
        query.append_pair("mode", mode);
        for (name, value) in params {
            query.append_pair(name, value);
        }
        if self.api_key.trim().is_empty() {
            query.append_pair("ma_username", &self.connection.username);
            query.append_pair("ma_password", &self.connection.password);
        } else {
            query.append_pair("apikey", self.api_key.trim());
        }
        query.append_pair("output", "json");
        format!("{}?{}", self.connection.url("api"), query.finish())
    }

    fn http(&self) -> Result<&reqwest::Client, DownloadError> {
        self.http
            .as_ref()
            .map_err(|reason| DownloadError::Unreachable {
                client: CLIENT,
                reason: reason.clone(),
            })
    }

    /// Calls `mode` and gives the answer's JSON (a plain-text answer that
    /// is not an error comes as a JSON string).
    pub(super) async fn get(
        &self,
        mode: &str,
        params: &[(&str, &str)],
    ) -> Result<Value, DownloadError> {
        let request = self.http()?.get(self.url(mode, params));
        answer(mode, request.send().await).await
    }

    /// Uploads an .nzb (`mode=addfile`) in the form field `name`.
    pub(super) async fn add_file(
        &self,
        params: &[(&str, &str)],
        file_name: &str,
        nzb: &[u8],
    ) -> Result<Value, DownloadError> {
        let part = Part::bytes(nzb.to_vec())
            .file_name(file_name.to_string())
            .mime_str("application/x-nzb")
            .map_err(|e| bad_answer(&format!("addfile: {e}")))?;
        let request = self
            .http()?
            .post(self.url("addfile", params))
            .multipart(Form::new().part("name", part));
        answer("addfile", request.send().await).await
    }
}

/// The answer to a request, or the error it carries.
async fn answer(
    mode: &str,
    sent: Result<reqwest::Response, reqwest::Error>,
) -> Result<Value, DownloadError> {
    let response = sent.map_err(|e| unreachable(CLIENT, e))?;
    match response.status() {
        StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN => {
            return Err(DownloadError::Auth(format!(
                "SABnzbd refused access (HTTP {})",
                response.status()
            )));
        }
        status if !status.is_success() => {
            return Err(bad_answer(&format!("{mode}: HTTP {status}")));
        }
        _ => {}
    }
    let text = response.text().await.map_err(|e| unreachable(CLIENT, e))?;
    read(mode, &text)
}

/// An answer's JSON, or the error it carries.
pub(super) fn read(mode: &str, text: &str) -> Result<Value, DownloadError> {
    let trimmed = text.trim();
    let value = match serde_json::from_str::<Value>(trimmed) {
        Ok(value) => value,
        Err(_) => {
            let lower = trimmed.to_ascii_lowercase();
            if lower.starts_with("error") {
                let message = trimmed.get(5..).unwrap_or_default();
                let message = message.trim_start_matches([':', ' ']).trim();
                return Err(refusal(mode, message));
            }
            Value::String(trimmed.to_string())
        }
    };
    let failed = match value.get("status") {
        Some(Value::Bool(ok)) => !ok,
        Some(Value::String(s)) => s.eq_ignore_ascii_case("false"),
        _ => false,
    };
    if failed {
        let message = value.get("error").and_then(Value::as_str).unwrap_or("");
        // A failed add answers `status: false` with no error; the caller
        // says what that means.
        if !message.is_empty() {
            return Err(refusal(mode, message));
        }
    }
    Ok(value)
}

/// SABnzbd's error message as our error: the API key and login messages are
/// authentication failures.
fn refusal(mode: &str, message: &str) -> DownloadError {
    let lower = message.to_ascii_lowercase();
    if lower.contains("api key") || lower.contains("authentication") {
        DownloadError::Auth(quote(message))
    } else {
        bad_answer(&format!("{mode}: {}", quote(message)))
    }
}

pub(super) fn bad_answer(reason: &str) -> DownloadError {
    DownloadError::Response {
        client: CLIENT,
        reason: reason.to_string(),
    }
}

/// The start of a long text, cut on a character boundary.
pub(super) fn quote(text: &str) -> String {
    match text.char_indices().nth(QUOTE) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn api_key_errors_are_authentication_failures() {
        for answer in [
            r#"{"status": false, "error": "API Key Incorrect"}"#,
            "error: API Key Required\n",
            "error: Missing authentication",
        ] {
            let result = read("queue", answer);
            assert!(
                matches!(result, Err(DownloadError::Auth(_))),
                "{answer}: {result:?}"
            );
        }
        let Err(DownloadError::Auth(message)) = read("queue", "error: API Key Incorrect") else {
            panic!("an incorrect key");
        };
        assert_eq!(message, "API Key Incorrect");
    }

    #[test]
    fn other_errors_carry_sabnzbds_words() {
        let result = read("queue", r#"{"status": false, "error": "not implemented"}"#);
        let Err(DownloadError::Response { reason, .. }) = result else {
            panic!("an error: {result:?}");
        };
        assert_eq!(reason, "queue: not implemented");
    }

    #[test]
    fn answers_pass_through_and_plain_text_becomes_a_string() {
        assert_eq!(
            read("version", r#"{"version": "4.3.2"}"#).ok(),
            Some(json!({"version": "4.3.2"}))
        );
        assert_eq!(read("version", "0.7.20\n").ok(), Some(json!("0.7.20")));
        let refused = read("addfile", r#"{"status": false, "nzo_ids": []}"#);
        assert_eq!(refused.ok(), Some(json!({"status": false, "nzo_ids": []})));
    }

    #[test]
    fn the_key_goes_in_the_query_and_credentials_stand_in_for_it() {
        let connection = Connection {
            host: "localhost".into(),
            port: 8080,
            url_base: "/sabnzbd".into(),
            username: "me".into(),
            password: "p&ss".into(),
            ..Connection::default()
        };
        let keyed = Api::new(connection.clone(), "k3y".into());
        assert_eq!(
            keyed.url("queue", &[("start", "0")]),
            "http://localhost:8080/sabnzbd/api?mode=queue&start=0&apikey=k3y&output=json"
        );
        let login = Api::new(connection, String::new());
        assert_eq!(
            login.url("version", &[]),
            "http://localhost:8080/sabnzbd/api?mode=version&ma_username=me&ma_password=p%26ss&output=json"
        );
    }
}
