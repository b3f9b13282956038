//! The hub protocol's records, handshake and message shapes.
#![allow(clippy::unwrap_used)]

use serde_json::Value;
use serde_json::value::RawValue;

use super::*;
use crate::events::{Action, Message};

fn json(record: &str) -> Value {
    let body = record
        .strip_suffix(RECORD_SEPARATOR)
        .expect("ends a record");
    assert!(!body.contains(RECORD_SEPARATOR), "one record: {record:?}");
    serde_json::from_str(body).unwrap()
}

#[test]
fn records_are_split_on_the_separator_and_partial_ones_wait() {
    let mut records = Records::new(1024);
    assert_eq!(
        records
            .push("{\"protocol\":\"json\",\"version\":1}\u{1e}{\"type\":6}\u{1e}{\"ty")
            .unwrap(),
        vec![
            "{\"protocol\":\"json\",\"version\":1}".to_string(),
            "{\"type\":6}".to_string()
        ]
    );
    assert_eq!(records.push("pe\":").unwrap(), Vec::<String>::new());
    assert_eq!(records.push("7}\u{1e}").unwrap(), vec!["{\"type\":7}"]);
    assert_eq!(records.push("").unwrap(), Vec::<String>::new());
}

#[test]
fn a_record_that_never_ends_is_refused() {
    let mut records = Records::new(8);
    assert!(records.push("{\"type\":6}\u{1e}").is_ok());
    assert!(matches!(
        records.push("0123456789"),
        Err(ProtocolError::TooLong(8))
    ));
}

#[test]
fn the_json_protocol_is_accepted_and_others_refused() {
    assert_eq!(
        check_handshake(r#"{"protocol":"json","version":1}"#),
        Ok(())
    );
    assert_eq!(
        check_handshake(r#"{"version":2,"protocol":"json"}"#),
        Ok(())
    );
    assert_eq!(
        check_handshake(r#"{"protocol":"messagepack","version":1}"#),
        Err("Requested protocol 'messagepack' is not available.".to_string())
    );
    assert_eq!(
        check_handshake(r#"{"protocol":"json","version":9}"#),
        Err("The server does not support version 9 of the 'json' protocol.".to_string())
    );
    assert!(check_handshake("hello").is_err());
    assert!(check_handshake(r#"{"protocol":"json"}"#).is_err());
    assert_eq!(
        json(&handshake_error("Requested protocol 'x' is not available.")),
        serde_json::json!({"error": "Requested protocol 'x' is not available."})
    );
    assert_eq!(json(HANDSHAKE_OK), serde_json::json!({}));
    assert_eq!(json(PING), serde_json::json!({"type": 6}));
}

#[test]
fn client_messages_are_read_by_type() {
    assert_eq!(incoming(r#"{"type":6}"#).unwrap(), Incoming::Ping);
    assert_eq!(
        incoming(r#"{"type":7,"error":"bye"}"#).unwrap(),
        Incoming::Close
    );
    assert_eq!(
        incoming(r#"{"type":1,"invocationId":"4","target":"Join","arguments":[]}"#).unwrap(),
        Incoming::Invocation {
            invocation_id: Some("4".into()),
            target: "Join".into()
        }
    );
    assert_eq!(
        incoming(r#"{"type":1,"target":"Fire","arguments":[1]}"#).unwrap(),
        Incoming::Invocation {
            invocation_id: None,
            target: "Fire".into()
        }
    );
    assert_eq!(
        incoming(r#"{"type":3,"invocationId":"1"}"#).unwrap(),
        Incoming::Other
    );
    assert!(incoming("{}").is_err());
    assert!(incoming("not json").is_err());
}

#[test]
fn a_change_is_a_receive_message_invocation() {
    let resource = RawValue::from_string(r#"{"title":"Dune","id":3}"#.into()).unwrap();
    let message = Message::with_resource("movie", Action::Created, resource);
    assert_eq!(
        json(&receive_message(&message)),
        serde_json::json!({
            "type": 1,
            "target": "receiveMessage",
            "arguments": [{
                "name": "movie",
                "body": {"resource": {"title": "Dune", "id": 3}, "action": "created"}
            }]
        })
    );
    assert_eq!(
        json(&receive_message(&Message::sync("queue"))),
        serde_json::json!({
            "type": 1,
            "target": "receiveMessage",
            "arguments": [{"name": "queue", "body": {"action": "sync"}}]
        })
    );
    assert_eq!(
        json(&receive_message(&Message::deleted("movie", 9)))["arguments"][0]["body"],
        serde_json::json!({"resource": {"id": 9}, "action": "deleted"})
    );
}

#[test]
fn the_version_message_carries_the_app_version() {
    assert_eq!(
        json(&version_message("6.0.4.10291"))["arguments"][0],
        serde_json::json!({"name": "version", "body": {"version": "6.0.4.10291"}})
    );
}

#[test]
fn close_and_completion_messages() {
    assert_eq!(json(&close(None, false)), serde_json::json!({"type": 7}));
    assert_eq!(
        json(&close(Some("Connection closed with an error."), false)),
        serde_json::json!({"type": 7, "error": "Connection closed with an error."})
    );
    assert_eq!(
        json(&close(None, true)),
        serde_json::json!({"type": 7, "allowReconnect": true})
    );
    assert_eq!(
        json(&unknown_method("12", "Subscribe")),
        serde_json::json!({
            "type": 3,
            "invocationId": "12",
            "error": "Unknown hub method 'Subscribe'"
        })
    );
}
