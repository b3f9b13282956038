//! The SignalR hub at `/signalr/messages`, spoken to as Bazarr and the web
//! UI speak to it: negotiate, a WebSocket with the JSON hub protocol, and
//! `receiveMessage` invocations for what changes.

use std::collections::VecDeque;
use std::time::Duration;

use futures::{SinkExt, StreamExt};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::{Error as WsError, Message};
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream, connect_async};

use crate::helpers::{TestApp, spawn_app, spawn_app_with, spawn_app_with_tmdb};

/// How long any one expected record may take.
const WAIT: Duration = Duration::from_secs(10);
const RS: char = '\u{1e}';

/// A hub connection past its handshake, with the records not yet read.
struct Hub {
    socket: WebSocketStream<MaybeTlsStream<TcpStream>>,
    pending: VecDeque<Value>,
}

fn hub_url(app: &TestApp, query: &str) -> String {
    let base = app.address.replacen("http://", "ws://", 1);
    format!("{base}/signalr/messages{query}")
}

/// Opens the socket at `query`, without the handshake.
async fn open(app: &TestApp, query: &str) -> Result<Hub, WsError> {
    let (socket, _) = connect_async(hub_url(app, query)).await?;
    Ok(Hub {
        socket,
        pending: VecDeque::new(),
    })
}

/// Opens the socket with the key as Bazarr sends it and completes the
/// JSON protocol's handshake.
async fn connect(app: &TestApp) -> Hub {
    let mut hub = open(app, &format!("?access_token={}", app.api_key))
        .await
        .expect("the socket opens");
    hub.handshake().await;
    hub
}

impl Hub {
    async fn send(&mut self, text: &str) {
        self.socket
            .send(Message::text(text))
            .await
            .expect("a frame sent");
    }

    async fn handshake(&mut self) {
        self.send("{\"protocol\":\"json\",\"version\":1}\u{1e}")
            .await;
        assert_eq!(self.next().await, json!({}), "the handshake is accepted");
    }

    /// The next record; `None` when the server closed the socket.
    async fn next_or_closed(&mut self) -> Option<Value> {
        loop {
            if let Some(record) = self.pending.pop_front() {
                return Some(record);
            }
            let frame = tokio::time::timeout(WAIT, self.socket.next())
                .await
                .expect("a record within the wait");
            let text = match frame {
                None | Some(Err(_)) | Some(Ok(Message::Close(_))) => return None,
                Some(Ok(Message::Text(text))) => text,
                Some(Ok(_)) => continue,
            };
            assert!(text.ends_with(RS), "records end with 0x1E: {text:?}");
            for record in text.split_terminator(RS) {
                self.pending
                    .push_back(serde_json::from_str(record).expect("a JSON record"));
            }
        }
    }

    async fn next(&mut self) -> Value {
        self.next_or_closed().await.expect("the socket is open")
    }

    /// The next `receiveMessage` argument named `name`, skipping the others
    /// (pings and other resources' messages).
    async fn message(&mut self, name: &str) -> Value {
        loop {
            let record = self.next().await;
            if record["type"] == 1 && record["arguments"][0]["name"] == name {
                assert_eq!(record["target"], "receiveMessage");
                return record["arguments"][0].clone();
            }
        }
    }
}

#[tokio::test]
async fn signalr_negotiate_needs_the_key_and_answers_a_token() {
    let app = spawn_app().await;
    let path = "/signalr/messages/negotiate?negotiateVersion=1";
    let refused = app.anonymous(Method::POST, path).await;
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(refused.text().await.unwrap(), "");

    let answer: Value = app
        .request(Method::POST, path)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(answer["negotiateVersion"], 1);
    assert!(answer["connectionId"].is_string());
    assert!(answer["connectionToken"].is_string());
    assert_ne!(answer["connectionId"], answer["connectionToken"]);
    assert_eq!(
        answer["availableTransports"],
        json!([{"transport": "WebSockets", "transferFormats": ["Text"]}])
    );

    // The key as `access_token`, and the first negotiate version: no token.
    let old = app
        .anonymous(
            Method::POST,
            &format!("/signalr/messages/negotiate?access_token={}", app.api_key),
        )
        .await;
    assert_eq!(old.status(), StatusCode::OK);
    let old: Value = old.json().await.unwrap();
    assert_eq!(old["negotiateVersion"], 0);
    assert!(old.get("connectionToken").is_none());
}

#[tokio::test]
async fn signalr_connects_after_negotiate_and_says_the_version() {
    let app = spawn_app().await;
    let answer: Value = app
        .request(
            Method::POST,
            "/signalr/messages/negotiate?negotiateVersion=1",
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = answer["connectionToken"].as_str().unwrap();
    let query = format!("?id={token}&access_token={}", app.api_key);
    let mut hub = open(&app, &query).await.expect("the socket opens");
    hub.handshake().await;
    let version = hub.message("version").await;
    let status = app.get_json("/api/v3/system/status").await;
    assert_eq!(version["body"]["version"], status["version"]);

    // A ping is answered; a close ends the connection.
    hub.send("{\"type\":6}\u{1e}").await;
    assert_eq!(hub.next().await, json!({"type": 6}));
    hub.send("{\"type\":7}\u{1e}").await;
    assert_eq!(hub.next_or_closed().await, None);
}

#[tokio::test]
async fn signalr_takes_the_key_as_a_header_without_negotiate() {
    let app = spawn_app_with(|s| s.url_base = "/radarr".into()).await;
    let mut request = hub_url(&app, "").into_client_request().unwrap();
    request
        .headers_mut()
        .insert("X-Api-Key", app.api_key.parse().unwrap());
    let (socket, _) = connect_async(request).await.expect("the socket opens");
    let mut hub = Hub {
        socket,
        pending: VecDeque::new(),
    };
    hub.handshake().await;
    assert!(hub.message("version").await["body"]["version"].is_string());
}

#[tokio::test]
async fn signalr_refuses_a_wrong_key_and_other_protocols() {
    let app = spawn_app().await;
    for query in ["", "?access_token=wrong"] {
        match open(&app, query).await {
            Err(WsError::Http(response)) => {
                assert_eq!(response.status(), StatusCode::UNAUTHORIZED.as_u16())
            }
            Err(other) => panic!("refused with {other}"),
            Ok(_) => panic!("the socket opened with {query:?}"),
        }
    }
    let mut hub = open(&app, &format!("?access_token={}", app.api_key))
        .await
        .unwrap();
    hub.send("{\"protocol\":\"messagepack\",\"version\":1}\u{1e}")
        .await;
    let refused = hub.next().await;
    assert!(
        refused["error"].as_str().unwrap().contains("messagepack"),
        "{refused}"
    );
    assert_eq!(hub.next_or_closed().await, None);
}

#[tokio::test]
async fn signalr_tells_of_a_movie_added() {
    let (app, _fake) = spawn_app_with_tmdb().await;
    app.add_root_folder().await;
    let mut hub = connect(&app).await;
    hub.message("version").await;
    let added = app.add_movie(603, "The Matrix", 1999).await;
    let message = hub.message("movie").await;
    assert_eq!(message["body"]["action"], "created");
    assert_eq!(message["body"]["resource"]["title"], "The Matrix");
    assert_eq!(message["body"]["resource"]["id"], added["id"]);

    let deleted = app.delete(&format!("/api/v3/movie/{}", added["id"])).await;
    assert_eq!(deleted.status(), StatusCode::OK);
    loop {
        let message = hub.message("movie").await;
        if message["body"]["action"] == "deleted" {
            assert_eq!(message["body"]["resource"], json!({"id": added["id"]}));
            break;
        }
    }
    app.idle().await;
}

#[tokio::test]
async fn signalr_follows_a_command_to_its_end() {
    let (app, _fake) = spawn_app_with_tmdb().await;
    let mut hub = connect(&app).await;
    let response = app
        .post(
            "/api/v3/command",
            &json!({"name": "RefreshMovie", "movieIds": []}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let started: Value = response.json().await.unwrap();
    let mut statuses = Vec::new();
    loop {
        let message = hub.message("command").await;
        let resource = &message["body"]["resource"];
        if resource["id"] != started["id"] {
            continue;
        }
        assert_eq!(message["body"]["action"], "updated");
        assert_eq!(resource["name"], "RefreshMovie");
        let status = resource["status"].as_str().unwrap().to_string();
        if statuses.last() != Some(&status) {
            statuses.push(status.clone());
        }
        if status == "completed" {
            assert_eq!(resource["result"], "successful");
            break;
        }
    }
    assert_eq!(statuses, ["queued", "started", "completed"]);
}

#[tokio::test]
async fn signalr_asks_clients_to_reconnect_when_the_server_stops() {
    let app = spawn_app().await;
    let mut hub = connect(&app).await;
    hub.message("version").await;
    tokio::time::timeout(WAIT, app.stop())
        .await
        .expect("the server stops with a hub client connected")
        .expect("a clean stop");
    assert_eq!(hub.next().await, json!({"type": 7, "allowReconnect": true}));
}

async fn refresh_downloads(app: &TestApp) {
    app.run_command(&json!({"name": "RefreshMonitoredDownloads"}))
        .await;
}

#[tokio::test]
async fn signalr_tells_of_queue_and_health_changes() {
    let app = spawn_app().await;
    let watch = tempfile::tempdir().unwrap();
    let folder = watch.path().to_str().unwrap().to_string();
    crate::queue::add_blackhole(&app, &folder).await;
    let mut hub = connect(&app).await;
    std::fs::write(watch.path().join("Some.Movie.2020.1080p.mkv"), [0u8; 64]).unwrap();
    refresh_downloads(&app).await;
    assert_eq!(
        hub.message("queue").await["body"],
        json!({"action": "sync"})
    );

    // The client's folder is gone: it no longer answers, and health says so.
    watch.close().unwrap();
    refresh_downloads(&app).await;
    assert_eq!(
        hub.message("health").await["body"],
        json!({"action": "sync"})
    );
}
