//! `POST /signalr/messages/negotiate`: the first step of a SignalR client,
//! answered with a connection id (and, from negotiate version 1, a token)
//! and the one transport served, WebSockets with text frames.

use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use serde::Serialize;

use crate::extract::QueryParams;

/// The highest negotiate version served.
const MAX_NEGOTIATE_VERSION: u32 = 1;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Transport {
    transport: &'static str,
    transfer_formats: [&'static str; 1],
}

/// The negotiate answer.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Negotiation {
    negotiate_version: u32,
    connection_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    connection_token: Option<String>,
    available_transports: [Transport; 1],
}

/// A connection id as ASP.NET makes one: 16 random bytes, base64url.
fn new_id() -> String {
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// The negotiate answer for the version the client asked (`None`: version
/// 0), or the error for one that is not a number.
fn negotiation(asked: Option<&str>) -> Result<Negotiation, String> {
    let version = match asked.map(str::trim) {
        None | Some("") => 0,
        Some(v) => v
            .parse::<u32>()
            .map_err(|_| format!("The client requested an invalid protocol version '{v}'"))?
            .min(MAX_NEGOTIATE_VERSION),
    };
    Ok(Negotiation {
        negotiate_version: version,
        connection_id: new_id(),
        // The token is what the socket's `id` carries from version 1 on.
        connection_token: (version >= 1).then(new_id),
        available_transports: [Transport {
            transport: "WebSockets",
            transfer_formats: ["Text"],
        }],
    })
}

/// The handler. Nothing is kept per connection: the socket is authenticated
/// by the API key on its own, and several instances may share one database,
/// so a socket may reach an instance that did not negotiate it.
#[tracing::instrument(skip_all)]
pub async fn negotiate(query: QueryParams) -> Response {
    let body = match negotiation(query.get("negotiateversion")) {
        Ok(answer) => serde_json::to_vec(&answer),
        Err(error) => serde_json::to_vec(&serde_json::json!({ "error": error })),
    };
    match body {
        Ok(body) => (
            StatusCode::OK,
            [(CONTENT_TYPE, "application/json; charset=utf-8")],
            body,
        )
            .into_response(),
        Err(error) => {
            tracing::error!(%error, "the negotiate answer could not be written");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(asked: Option<&str>) -> serde_json::Value {
        serde_json::to_value(negotiation(asked).expect("an answer")).expect("json")
    }

    #[test]
    fn version_one_has_a_token_and_version_zero_none() {
        let one = answer(Some("1"));
        assert_eq!(one["negotiateVersion"], 1);
        let (id, token) = (
            one["connectionId"].as_str(),
            one["connectionToken"].as_str(),
        );
        assert_eq!(id.map(str::len), Some(22));
        assert_eq!(token.map(str::len), Some(22));
        assert_ne!(id, token);
        assert_eq!(
            one["availableTransports"],
            serde_json::json!([{"transport": "WebSockets", "transferFormats": ["Text"]}])
        );
        let zero = answer(None);
        assert_eq!(zero["negotiateVersion"], 0);
        assert!(zero.get("connectionToken").is_none());
        assert_eq!(answer(Some("3"))["negotiateVersion"], 1);
    }

    #[test]
    fn a_version_that_is_not_a_number_is_an_error() {
        assert!(negotiation(Some("x")).is_err());
    }
}
