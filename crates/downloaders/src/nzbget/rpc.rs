//! NZBGet's JSON-RPC transport: `{"method", "params"}` POSTed to
//! `{urlBase}jsonrpc` with basic auth; the answer carries `result`, or an
//! `error` object with NZBGet's message.

use reqwest::StatusCode;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use crate::DownloadError;
use crate::connection::{Connection, unreachable};

/// The client's name in errors.
pub(super) const CLIENT: &str = "NZBGet";

/// Longest part of an unexpected answer quoted in an error.
const QUOTE: usize = 200;

/// One NZBGet daemon's RPC endpoint.
pub(super) struct Rpc {
    connection: Connection,
    /// The HTTP client, or why it could not be built (reported on first use,
    /// since building a client from settings cannot fail).
    http: Result<reqwest::Client, String>,
}

impl Rpc {
    pub(super) fn new(connection: Connection) -> Self {
        let http = connection.http(CLIENT, false).map_err(|e| e.to_string());
        Rpc { connection, http }
    }

    /// Calls `method` with positional `params` and gives its `result`.
    pub(super) async fn call(&self, method: &str, params: Value) -> Result<Value, DownloadError> {
        let http = self
            .http
            .as_ref()
            .map_err(|reason| DownloadError::Unreachable {
                client: CLIENT,
                reason: reason.clone(),
            })?;
        let body = json!({"version": "1.1", "method": method, "params": params});
        let mut request = http.post(self.connection.url("jsonrpc")).json(&body);
        // NZBGet without a control password takes requests without
        // credentials; with one, every request carries them.
        if !self.connection.username.is_empty() || !self.connection.password.is_empty() {
            request =
                request.basic_auth(&self.connection.username, Some(&self.connection.password));
        }
        let response = request.send().await.map_err(|e| unreachable(CLIENT, e))?;
        match response.status() {
            StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN => Err(DownloadError::Auth(
                "NZBGet refused the username or password".into(),
            )),
            status if !status.is_success() => Err(bad_answer(&format!("HTTP {status}"))),
            _ => {
                let text = response.text().await.map_err(|e| unreachable(CLIENT, e))?;
                result(method, &text)
            }
        }
    }

    /// [`Self::call`], its result read as `T`.
    pub(super) async fn get<T: DeserializeOwned>(
        &self,
        method: &str,
        params: Value,
    ) -> Result<T, DownloadError> {
        let value = self.call(method, params).await?;
        serde_json::from_value(value).map_err(|e| bad_answer(&format!("{method}: {e}")))
    }
}

/// The `result` of an answer's text, or the error NZBGet gave.
fn result(method: &str, text: &str) -> Result<Value, DownloadError> {
    let mut value: Value = serde_json::from_str(text)
        .map_err(|_| bad_answer(&format!("{method}: not JSON: {}", quote(text))))?;
    if let Some(error) = value.get("error").filter(|e| !e.is_null()) {
        let message = error
            .get("message")
            .and_then(Value::as_str)
            .map_or_else(|| error.to_string(), str::to_string);
        return Err(bad_answer(&format!("{method}: {message}")));
    }
    value
        .get_mut("result")
        .map(Value::take)
        .ok_or_else(|| bad_answer(&format!("{method}: no result: {}", quote(text))))
}

pub(super) fn bad_answer(reason: &str) -> DownloadError {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_result_is_taken_out_of_the_answer() {
        let answer = r#"{"version": "1.1", "id": 1, "result": "21.0"}"#;
        assert_eq!(result("version", answer).ok(), Some(json!("21.0")));
    }

    #[test]
    fn nzbgets_error_object_becomes_its_message() {
        let answer = r#"{"version": "1.1", "error": {"name": "JSONRPCError", "code": 2,
            "message": "Invalid parameter (AddTop)"}}"#;
        let error = result("append", answer).err().map(|e| e.to_string());
        assert_eq!(
            error.as_deref(),
            Some("NZBGet answered unexpectedly: append: Invalid parameter (AddTop)")
        );
    }

    #[test]
    fn an_answer_that_is_not_json_is_quoted_short() {
        let page = format!("<html>{}</html>", "x".repeat(500));
        let Err(DownloadError::Response { reason, .. }) = result("version", &page) else {
            panic!("a web page is not an answer");
        };
        assert!(
            reason.starts_with("version: not JSON: <html>xxx"),
            "{reason}"
        );
        assert!(reason.chars().count() < 250, "{reason}");
    }
}
