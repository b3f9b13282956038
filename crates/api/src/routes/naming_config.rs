//! `/api/v3/config/naming`: how imported files and new movie folders are
//! named.

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;

use crate::error::ApiResult;
use crate::extract::ApiJson;
use crate::routes::respond::{accepted, ok};
use crate::services::naming::{NamingResource, load, save};
use crate::state::AppState;

/// The naming routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/config/naming", get(read).put(update))
        .route("/config/naming/{id}", get(read).put(update))
}

#[tracing::instrument(skip_all)]
async fn read(State(state): State<AppState>) -> ApiResult<Response> {
    ok(&NamingResource::from(&load(&state).await?))
}

#[tracing::instrument(skip_all)]
async fn update(
    State(state): State<AppState>,
    ApiJson(resource): ApiJson<NamingResource>,
) -> ApiResult<Response> {
    accepted(&NamingResource::from(&save(&state, &resource).await?))
}
