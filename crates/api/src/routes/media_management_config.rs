//! `/api/v3/config/mediamanagement`: how files are imported, kept and
//! deleted.

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;

use crate::error::ApiResult;
use crate::extract::ApiJson;
use crate::routes::respond::{accepted, ok};
use crate::services::media_management::{MediaManagement, load, save};
use crate::state::AppState;

/// The media management routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/config/mediamanagement", get(read).put(update))
        .route("/config/mediamanagement/{id}", get(read).put(update))
}

#[tracing::instrument(skip_all)]
async fn read(State(state): State<AppState>) -> ApiResult<Response> {
    ok(&load(&state).await?)
}

#[tracing::instrument(skip_all)]
async fn update(
    State(state): State<AppState>,
    ApiJson(settings): ApiJson<MediaManagement>,
) -> ApiResult<Response> {
    accepted(&save(&state, settings).await?)
}
