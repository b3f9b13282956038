//! The SignalR JSON hub protocol, pure: records ended by 0x1E, the
//! handshake, the messages a client may send, and the ones the hub sends
//! (aspnetcore's `HubProtocol.md`).

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::events::{Action, Message};

/// Ends every record, in both directions.
pub const RECORD_SEPARATOR: char = '\u{1e}';

/// The keep-alive the hub sends, and its answer to a client's.
pub const PING: &str = "{\"type\":6}\u{1e}";

/// The handshake's answer when the protocol is accepted.
pub const HANDSHAKE_OK: &str = "{}\u{1e}";

/// The highest JSON hub protocol version served; version 2 differs only by
/// stateful reconnect, which a client uses only when negotiate offers it.
const MAX_VERSION: u32 = 2;

/// Why the client's text cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum ProtocolError {
    /// A record that is not the JSON expected.
    #[error("invalid record: {0}")]
    Json(#[from] serde_json::Error),
    /// A record that grew past the limit without ending.
    #[error("a record is longer than {0} bytes")]
    TooLong(usize),
}

/// Collects text as it arrives and hands out whole records: a frame may hold
/// several, or the start of one the next frame ends.
#[derive(Debug)]
pub struct Records {
    partial: String,
    limit: usize,
}

impl Records {
    /// A buffer refusing records longer than `limit` bytes.
    pub fn new(limit: usize) -> Self {
        Records {
            partial: String::new(),
            limit,
        }
    }

    /// Adds text; answers the records it completes, without separators.
    pub fn push(&mut self, text: &str) -> Result<Vec<String>, ProtocolError> {
        self.partial.push_str(text);
        let mut records = Vec::new();
        while let Some(end) = self.partial.find(RECORD_SEPARATOR) {
            let rest = self.partial.split_off(end + RECORD_SEPARATOR.len_utf8());
            let mut record = std::mem::replace(&mut self.partial, rest);
            record.pop();
            records.push(record);
        }
        if self.partial.len() > self.limit {
            return Err(ProtocolError::TooLong(self.limit));
        }
        Ok(records)
    }
}

#[derive(Deserialize)]
struct HandshakeRequest {
    protocol: String,
    version: u32,
}

/// Reads the handshake record: `Ok` for the JSON protocol at a version
/// served, else the error the hub sends back before closing.
pub fn check_handshake(record: &str) -> Result<(), String> {
    let request: HandshakeRequest = serde_json::from_str(record)
        .map_err(|_| "The handshake request is not valid.".to_string())?;
    if request.protocol != "json" {
        return Err(format!(
            "Requested protocol '{}' is not available.",
            request.protocol
        ));
    }
    if request.version > MAX_VERSION {
        return Err(format!(
            "The server does not support version {} of the 'json' protocol.",
            request.version
        ));
    }
    Ok(())
}

/// The handshake's answer when it is refused.
pub fn handshake_error(error: &str) -> String {
    record(&serde_json::json!({ "error": error }))
}

/// What a client's record asks.
#[derive(Debug, PartialEq, Eq)]
pub enum Incoming {
    /// A call of a hub method; one with an id waits for its completion.
    Invocation {
        /// The id to complete, when the caller waits.
        invocation_id: Option<String>,
        /// The method called.
        target: String,
    },
    /// A keep-alive.
    Ping,
    /// The client is going.
    Close,
    /// Anything the hub has no use for (completions, stream items, cancels).
    Other,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Envelope {
    #[serde(rename = "type")]
    kind: u8,
    invocation_id: Option<String>,
    target: Option<String>,
}

/// Reads one of the client's records.
pub fn incoming(record: &str) -> Result<Incoming, ProtocolError> {
    let envelope: Envelope = serde_json::from_str(record)?;
    Ok(match envelope.kind {
        // Invocation and StreamInvocation both call a method.
        1 | 4 => Incoming::Invocation {
            invocation_id: envelope.invocation_id,
            target: envelope.target.unwrap_or_default(),
        },
        6 => Incoming::Ping,
        7 => Incoming::Close,
        _ => Incoming::Other,
    })
}

/// The completion that fails a call the hub cannot serve: Radarr's hub has
/// no method a client may call.
pub fn unknown_method(invocation_id: &str, target: &str) -> String {
    record(&serde_json::json!({
        "type": 3,
        "invocationId": invocation_id,
        "error": format!("Unknown hub method '{target}'"),
    }))
}

/// The close message: with an error when the hub closes on one; with
/// `allowReconnect` when the client should come back (the server stops).
pub fn close(error: Option<&str>, allow_reconnect: bool) -> String {
    let mut message = serde_json::json!({ "type": 7 });
    if let Some(error) = error {
        message["error"] = error.into();
    }
    if allow_reconnect {
        message["allowReconnect"] = true.into();
    }
    record(&message)
}

/// Radarr's `SignalRMessage`: a resource name and a body.
#[derive(Serialize)]
struct SignalRMessage<'a, B: Serialize> {
    name: &'a str,
    body: B,
}

/// Radarr's `ResourceChangeMessage`: the resource (left out for a sync) and
/// the action.
#[derive(Serialize)]
struct ResourceChange<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    resource: Option<&'a RawValue>,
    action: Action,
}

#[derive(Serialize)]
struct Invocation<'a, A: Serialize> {
    #[serde(rename = "type")]
    kind: u8,
    target: &'a str,
    arguments: [A; 1],
}

/// The invocation of the client's `receiveMessage` carrying a change.
pub fn receive_message(message: &Message) -> String {
    invocation(&SignalRMessage {
        name: message.name,
        body: ResourceChange {
            resource: message.resource.as_deref(),
            action: message.action,
        },
    })
}

/// The `version` message sent on connect, with the 4-part app version.
pub fn version_message(version: &str) -> String {
    invocation(&SignalRMessage {
        name: "version",
        body: serde_json::json!({ "version": version }),
    })
}

fn invocation<A: Serialize>(argument: A) -> String {
    record(&Invocation {
        kind: 1,
        target: "receiveMessage",
        arguments: [argument],
    })
}

/// A value as one record. The shapes here always serialize; the fallback
/// only keeps the function total.
fn record(value: &impl Serialize) -> String {
    let mut text = serde_json::to_string(value).unwrap_or_else(|_| "{}".to_string());
    text.push(RECORD_SEPARATOR);
    text
}

#[cfg(test)]
mod tests;
