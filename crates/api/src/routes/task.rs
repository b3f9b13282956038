//! `/api/v3/system/task`: the scheduled tasks, with their last and next run.

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use domain::command::{ScheduledTask, words_of};
use serde::Serialize;

use crate::error::{ApiError, ApiResult};
use crate::resources::wire_date::{WireDate, dotnet_min_date, time_span};
use crate::routes::respond::{Id, ok};
use crate::state::AppState;

/// The task routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/system/task", get(list))
        .route("/system/task/{id}", get(one))
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct TaskResource {
    name: String,
    task_name: String,
    interval: i32,
    last_execution: WireDate,
    last_start_time: WireDate,
    next_execution: WireDate,
    last_duration: String,
    id: i32,
}

fn resource(task: &ScheduledTask) -> TaskResource {
    let duration = task
        .last_start_time
        .filter(|started| *started <= task.last_execution)
        .map(|started| task.last_execution - started)
        .unwrap_or_default();
    TaskResource {
        name: words_of(&task.name),
        task_name: task.name.clone(),
        interval: task.interval_minutes,
        last_execution: WireDate(task.last_execution),
        last_start_time: task.last_start_time.map_or_else(dotnet_min_date, WireDate),
        next_execution: WireDate(task.next_execution()),
        last_duration: time_span(duration),
        id: task.id,
    }
}

#[tracing::instrument(skip_all)]
async fn list(State(state): State<AppState>) -> ApiResult<Response> {
    let tasks = state.store.scheduled_tasks().await?;
    ok(&tasks.iter().map(resource).collect::<Vec<_>>())
}

#[tracing::instrument(skip_all)]
async fn one(State(state): State<AppState>, Id(id): Id) -> ApiResult<Response> {
    let tasks = state.store.scheduled_tasks().await?;
    let task = tasks
        .iter()
        .find(|t| t.id == id)
        .ok_or_else(|| ApiError::NotFound(format!("Scheduled task with ID {id} does not exist")))?;
    ok(&resource(task))
}
