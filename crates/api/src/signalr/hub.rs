//! One hub connection's socket loop: the handshake, the `version` message,
//! then the bus's messages out as `receiveMessage` invocations, keep-alive
//! pings both ways, and the close (on the client's word, on its silence, or
//! when the server stops).

use std::time::Duration;

use axum::extract::State;
use axum::extract::ws::{Message as Frame, Utf8Bytes, WebSocket, WebSocketUpgrade};
use axum::response::Response;
use tokio::sync::broadcast::error::RecvError;
use tokio::time::{Instant, interval_at, timeout};

use super::protocol::{
    self, HANDSHAKE_OK, Incoming, PING, Records, check_handshake, handshake_error,
};
use crate::state::AppState;

/// How often the hub pings, as ASP.NET's `KeepAliveInterval`.
const KEEP_ALIVE: Duration = Duration::from_secs(15);
/// A client heard from less often than this is gone (`ClientTimeoutInterval`).
const CLIENT_TIMEOUT: Duration = Duration::from_secs(30);
/// The time a client has to send its handshake (`HandshakeTimeout`).
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(15);
/// A client that takes longer than this to take one frame has stopped
/// reading; it is dropped rather than left holding its task.
const SEND_TIMEOUT: Duration = Duration::from_secs(30);
/// The longest record a client may send (`MaximumReceiveMessageSize`).
const MAX_RECORD: usize = 32 * 1024;

/// `GET /signalr/messages`: upgrades to the hub's WebSocket. The `id` a
/// negotiated client adds is not checked: negotiate keeps nothing (see
/// `negotiate`), and a client that skips negotiation sends none.
#[tracing::instrument(skip_all)]
pub async fn connect(State(state): State<AppState>, upgrade: WebSocketUpgrade) -> Response {
    upgrade
        .max_message_size(MAX_RECORD)
        .max_frame_size(MAX_RECORD)
        .on_upgrade(move |socket| run(socket, state))
}

/// What a read brought.
enum Read {
    /// Whole records (none when the frame ended no record).
    Records(Vec<String>),
    /// Text the protocol cannot read.
    Invalid,
    /// The client closed or the connection broke.
    Gone,
}

/// Whether the loop goes on after a record.
enum Flow {
    Continue,
    Stop,
}

struct Connection {
    socket: WebSocket,
    records: Records,
}

async fn run(socket: WebSocket, state: AppState) {
    let mut connection = Connection {
        socket,
        records: Records::new(MAX_RECORD),
    };
    // Subscribed before the handshake is answered: nothing published after
    // the client learns it is connected is missed.
    let mut messages = state.events.subscribe();
    let mut stopping = state.events.stopping();
    let pending = match timeout(HANDSHAKE_TIMEOUT, connection.handshake()).await {
        Ok(Some(pending)) => pending,
        Ok(None) => return connection.close().await,
        Err(_) => {
            tracing::debug!("a SignalR client sent no handshake in time");
            return connection.close().await;
        }
    };
    tracing::debug!("a SignalR client connected");
    if !connection
        .send(protocol::version_message(&state.config.app_version))
        .await
    {
        return;
    }
    let mut heard = Instant::now();
    for record in pending {
        if let Flow::Stop = connection.answer(&record).await {
            return connection.close().await;
        }
    }
    let mut ping = interval_at(Instant::now() + KEEP_ALIVE, KEEP_ALIVE);
    loop {
        let flow = tokio::select! {
            received = messages.recv() => match received {
                Ok(message) => connection.send(protocol::receive_message(&message)).await.into(),
                Err(RecvError::Lagged(skipped)) => {
                    tracing::debug!(skipped, "a slow SignalR client skipped messages");
                    Flow::Continue
                }
                Err(RecvError::Closed) => Flow::Stop,
            },
            read = connection.read() => {
                heard = Instant::now();
                connection.answer_all(read).await
            }
            _ = ping.tick() => {
                if heard.elapsed() > CLIENT_TIMEOUT {
                    let error = "Server timeout elapsed without receiving a message from the client.";
                    connection.send(protocol::close(Some(error), false)).await;
                    Flow::Stop
                } else {
                    connection.send(PING).await.into()
                }
            }
            // Mapped to `()` so the value's borrow does not live in the
            // future, which must be `Send`; a gone sender means stopping too.
            () = async { drop(stopping.wait_for(|stop| *stop).await) } => {
                connection.send(protocol::close(None, true)).await;
                Flow::Stop
            }
        };
        if let Flow::Stop = flow {
            break;
        }
    }
    tracing::debug!("a SignalR client disconnected");
    connection.close().await;
}

impl From<bool> for Flow {
    /// A send that failed ends the connection.
    fn from(sent: bool) -> Self {
        if sent { Flow::Continue } else { Flow::Stop }
    }
}

impl Connection {
    /// Reads the handshake and answers it; the records that came after it,
    /// or `None` when the connection ends here.
    async fn handshake(&mut self) -> Option<Vec<String>> {
        loop {
            let mut records = match self.read().await {
                Read::Records(records) if records.is_empty() => continue,
                Read::Records(records) => records,
                Read::Invalid => {
                    self.send(handshake_error("The handshake request is not valid."))
                        .await;
                    return None;
                }
                Read::Gone => return None,
            };
            let rest = records.split_off(1);
            return match check_handshake(&records[0]) {
                Ok(()) => self.send(HANDSHAKE_OK).await.then_some(rest),
                Err(error) => {
                    tracing::debug!(%error, "a SignalR handshake was refused");
                    self.send(handshake_error(&error)).await;
                    None
                }
            };
        }
    }

    /// The next frame's records.
    async fn read(&mut self) -> Read {
        let text = match self.socket.recv().await {
            None | Some(Err(_)) | Some(Ok(Frame::Close(_))) => return Read::Gone,
            Some(Ok(Frame::Text(text))) => text,
            Some(Ok(Frame::Binary(bytes))) => match Utf8Bytes::try_from(bytes) {
                Ok(text) => text,
                Err(_) => return Read::Invalid,
            },
            // WebSocket pings are answered by the socket itself.
            Some(Ok(Frame::Ping(_) | Frame::Pong(_))) => return Read::Records(Vec::new()),
        };
        match self.records.push(text.as_str()) {
            Ok(records) => Read::Records(records),
            Err(error) => {
                tracing::debug!(%error, "a SignalR client sent what cannot be read");
                Read::Invalid
            }
        }
    }

    /// Answers what a read brought.
    async fn answer_all(&mut self, read: Read) -> Flow {
        match read {
            Read::Records(records) => {
                for record in records {
                    if let Flow::Stop = self.answer(&record).await {
                        return Flow::Stop;
                    }
                }
                Flow::Continue
            }
            Read::Invalid => self.fail().await,
            Read::Gone => Flow::Stop,
        }
    }

    /// Closes on what the client sent, telling it why.
    async fn fail(&mut self) -> Flow {
        let error = "Connection closed with an error.";
        self.send(protocol::close(Some(error), false)).await;
        Flow::Stop
    }

    /// Answers one of the client's records.
    async fn answer(&mut self, record: &str) -> Flow {
        match protocol::incoming(record) {
            Ok(Incoming::Ping) => self.send(PING).await.into(),
            Ok(Incoming::Close) => Flow::Stop,
            Ok(Incoming::Invocation {
                invocation_id: Some(id),
                target,
            }) => self
                .send(protocol::unknown_method(&id, &target))
                .await
                .into(),
            Ok(Incoming::Invocation { .. } | Incoming::Other) => Flow::Continue,
            Err(error) => {
                tracing::debug!(%error, "a SignalR client sent what cannot be read");
                self.fail().await
            }
        }
    }

    /// Sends one text frame; `false` when the client is gone or not reading.
    async fn send(&mut self, text: impl Into<Utf8Bytes>) -> bool {
        match timeout(SEND_TIMEOUT, self.socket.send(Frame::Text(text.into()))).await {
            Ok(Ok(())) => true,
            Ok(Err(error)) => {
                tracing::debug!(%error, "a SignalR client is gone");
                false
            }
            Err(_) => {
                tracing::debug!("a SignalR client stopped reading; dropped");
                false
            }
        }
    }

    /// Ends the WebSocket; a client already gone is no error.
    async fn close(mut self) {
        let _ = timeout(SEND_TIMEOUT, self.socket.send(Frame::Close(None))).await;
    }
}
