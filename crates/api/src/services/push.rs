//! What the push channel is told of each change: movies rendered as
//! `GET /api/v3/movie/{id}` renders them, commands as
//! `GET /api/v3/command/{id}` does, and syncs for the queue and health.
//! Nothing is rendered or read unless someone listens, and a failure to
//! render is logged, never the change's failure.

use domain::command::Command;
use domain::movie::Movie;
use serde_json::value::RawValue;

use crate::events::{Action, Message};
use crate::resources::command::CommandResource;
use crate::resources::movie::movie_json;
use crate::routes::render_context;
use crate::state::AppState;

/// Movies added (`Created`) or changed (`Updated`).
pub async fn movies(state: &AppState, action: Action, movies: &[Movie]) {
    if movies.is_empty() || !state.events.has_listeners() {
        return;
    }
    let ctx = match render_context(state).await {
        Ok(ctx) => ctx,
        Err(error) => {
            tracing::warn!(%error, "changed movies were not rendered for listeners");
            return;
        }
    };
    for movie in movies {
        let rendered = String::from_utf8(movie_json(movie, &ctx))
            .ok()
            .and_then(|json| RawValue::from_string(json).ok());
        match rendered {
            Some(resource) => state
                .events
                .publish(Message::with_resource("movie", action, resource)),
            None => tracing::warn!(id = movie.id, "a changed movie was not rendered"),
        }
    }
}

/// A movie changed through something else (its file was added, renamed or
/// removed): read again, since the file is part of the movie resource.
pub async fn movie_changed(state: &AppState, id: i32) {
    if !state.events.has_listeners() {
        return;
    }
    match state.store.movie(id).await {
        Ok(movie) => movies(state, Action::Updated, &[movie]).await,
        // Removed meanwhile: its deletion says so.
        Err(error) if error.is_not_found() => {}
        Err(error) => tracing::warn!(id, %error, "a changed movie was not read for listeners"),
    }
}

/// Movies removed: only their ids, as Radarr sends them.
pub fn movies_deleted(state: &AppState, ids: &[i32]) {
    if !state.events.has_listeners() {
        return;
    }
    for id in ids {
        state.events.publish(Message::deleted("movie", *id));
    }
}

/// A command queued, started, moved on or ended.
pub fn command(state: &AppState, command: &Command) {
    if !state.events.has_listeners() {
        return;
    }
    let job = state.commands.job(&command.name).map(|job| &**job);
    match serde_json::value::to_raw_value(&CommandResource::new(command, job)) {
        Ok(resource) => {
            state
                .events
                .publish(Message::with_resource("command", Action::Updated, resource));
        }
        Err(error) => tracing::warn!(id = command.id, %error, "a command was not rendered"),
    }
}

/// A command changed in the store: read again to be told as it now is.
pub async fn command_changed(state: &AppState, id: i32) {
    if !state.events.has_listeners() {
        return;
    }
    match state.store.command(id).await {
        Ok(stored) => command(state, &stored),
        Err(error) => tracing::warn!(id, %error, "a changed command was not read for listeners"),
    }
}

/// The queue changed: clients fetch it again.
pub fn queue(state: &AppState) {
    state.events.sync("queue");
}

/// Health may have changed: clients fetch it again.
pub fn health(state: &AppState) {
    state.events.sync("health");
}
