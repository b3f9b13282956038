//! The event bus: each change clients may want to see at once (a movie
//! added, a command's progress, the queue moved on), told to whoever listens
//! — the SignalR hub's connections. Publishing never waits: a listener that
//! falls behind loses the oldest messages, never the publisher its time.

use std::sync::Arc;

use serde::Serialize;
use serde_json::value::RawValue;
use tokio::sync::{broadcast, watch};

/// Messages kept for a listener that has not read them yet; one further
/// behind skips what it missed (a client refetches on the next message).
const CAPACITY: usize = 256;

/// What happened to the resource, as Radarr's `ModelAction` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// A new resource.
    Created,
    /// A changed resource.
    Updated,
    /// A removed resource; the message carries only its `{id}`.
    Deleted,
    /// Something in a collection changed: fetch it again. No resource.
    Sync,
}

/// One change, under the REST resource's name (`movie`, `command`, …).
#[derive(Debug, Clone)]
pub struct Message {
    /// The resource's name, as the client matches it.
    pub name: &'static str,
    /// What happened.
    pub action: Action,
    /// The resource as the API renders it, already serialized: rendered
    /// once, shared by every listener.
    pub resource: Option<Arc<RawValue>>,
}

impl Message {
    /// A change to a collection, without a resource: clients fetch it again.
    pub fn sync(name: &'static str) -> Self {
        Message {
            name,
            action: Action::Sync,
            resource: None,
        }
    }

    /// A resource created or updated, as rendered.
    pub fn with_resource(name: &'static str, action: Action, resource: Box<RawValue>) -> Self {
        Message {
            name,
            action,
            resource: Some(Arc::from(resource)),
        }
    }

    /// A resource removed: Radarr sends only its id.
    pub fn deleted(name: &'static str, id: i32) -> Self {
        let resource = RawValue::from_string(format!("{{\"id\":{id}}}")).ok();
        Message {
            name,
            action: Action::Deleted,
            resource: resource.map(Arc::from),
        }
    }
}

/// The bus: one sender, a receiver per listener, and the stop signal that
/// tells listeners the server is going away.
pub struct Events {
    sender: broadcast::Sender<Message>,
    stopping: watch::Sender<bool>,
}

impl Default for Events {
    fn default() -> Self {
        Events {
            sender: broadcast::Sender::new(CAPACITY),
            stopping: watch::Sender::new(false),
        }
    }
}

impl Events {
    /// Whether anyone listens: publishers render a resource only then.
    pub fn has_listeners(&self) -> bool {
        self.sender.receiver_count() > 0
    }

    /// A new listener, which sees every message published from now on.
    pub fn subscribe(&self) -> broadcast::Receiver<Message> {
        self.sender.subscribe()
    }

    /// Tells every listener; with none, the message is dropped.
    pub fn publish(&self, message: Message) {
        // The only error is "no receiver", which is no error here.
        let _ = self.sender.send(message);
    }

    /// Tells every listener that the collection `name` changed.
    pub fn sync(&self, name: &'static str) {
        if self.has_listeners() {
            self.publish(Message::sync(name));
        }
    }

    /// Tells listeners to go: the server is stopping.
    pub fn stop(&self) {
        self.stopping.send_replace(true);
    }

    /// Becomes `true` when the server stops.
    pub fn stopping(&self) -> watch::Receiver<bool> {
        self.stopping.subscribe()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_reach_listeners_and_lagging_ones_skip() {
        let events = Events::default();
        assert!(!events.has_listeners());
        events.publish(Message::sync("queue"));
        let mut listener = events.subscribe();
        assert!(events.has_listeners());
        events.publish(Message::deleted("movie", 7));
        let got = listener.try_recv().expect("a message");
        assert_eq!((got.name, got.action), ("movie", Action::Deleted));
        assert_eq!(got.resource.expect("an id").get(), r#"{"id":7}"#);
        for _ in 0..CAPACITY + 5 {
            events.sync("health");
        }
        assert!(matches!(
            listener.try_recv(),
            Err(broadcast::error::TryRecvError::Lagged(5))
        ));
        assert_eq!(listener.try_recv().expect("the rest").name, "health");
    }

    #[test]
    fn stop_is_seen_by_listeners() {
        let events = Events::default();
        let stopping = events.stopping();
        assert!(!*stopping.borrow());
        events.stop();
        assert!(*stopping.borrow());
    }
}
