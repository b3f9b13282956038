//! `/api/v3/command`: start a command, poll it, list recent ones, cancel one.

use axum::Router;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::http::header::USER_AGENT;
use axum::response::Response;
use axum::routing::get;
use chrono::{Duration, Utc};
use domain::command::{Command, CommandStatus, CommandTrigger};
use serde_json::Value;

use crate::error::{ApiError, ApiResult};
use crate::extract::ApiJson;
use crate::resources::command::CommandResource;
use crate::routes::respond::{Id, created_json, deleted, ok};
use crate::services::push;
use crate::state::AppState;

/// How long a finished command stays in the list, as in Radarr.
const LISTED_AFTER_ENDING: Duration = Duration::minutes(5);

/// The command routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/command", get(list).post(start))
        .route("/command/{id}", get(one).delete(cancel))
}

fn resource<'a>(state: &AppState, command: &'a Command) -> CommandResource<'a> {
    CommandResource::new(command, state.commands.job(&command.name).map(|job| &**job))
}

/// `POST /command`: 201 with the command, or with the equal one already
/// queued or running.
#[tracing::instrument(skip_all)]
async fn start(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<Value>,
) -> ApiResult<Response> {
    let Value::Object(given) = body else {
        return Err(ApiError::BadRequest(
            "The command must be a JSON object".into(),
        ));
    };
    let agent = headers
        .get(USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let (command, _) = state
        .commands
        .queue(&state, &given, CommandTrigger::Manual, agent)
        .await?;
    created_json(
        &format!("/api/v3/command/{}", command.id),
        &resource(&state, &command),
    )
}

/// `GET /command`: running, then queued, then lately finished commands.
#[tracing::instrument(skip_all)]
async fn list(State(state): State<AppState>) -> ApiResult<Response> {
    let mut commands = state
        .store
        .recent_commands(Utc::now() - LISTED_AFTER_ENDING)
        .await?;
    commands.sort_by_key(|c| match c.status {
        CommandStatus::Started => 0,
        CommandStatus::Queued => 1,
        _ => 2,
    });
    ok(&commands
        .iter()
        .map(|c| resource(&state, c))
        .collect::<Vec<_>>())
}

#[tracing::instrument(skip_all)]
async fn one(State(state): State<AppState>, Id(id): Id) -> ApiResult<Response> {
    let command = state.store.command(id).await?;
    ok(&resource(&state, &command))
}

/// `DELETE /command/{id}`: cancels the command if it has not started; one
/// running or finished is left as it is, as Radarr leaves it.
#[tracing::instrument(skip_all)]
async fn cancel(State(state): State<AppState>, Id(id): Id) -> ApiResult<Response> {
    state.store.command(id).await?;
    if state.store.cancel_command(id, Utc::now()).await? {
        push::command_changed(&state, id).await;
    } else {
        tracing::info!(id, "the command was not cancelled: it is not queued");
    }
    Ok(deleted())
}
