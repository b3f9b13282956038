//! `/api/v3/config/indexer`: the settings every indexer search obeys.

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;

use crate::error::{ApiError, ApiResult};
use crate::extract::ApiJson;
use crate::resources::indexer_config::{IndexerConfigInput, IndexerConfigResource, failures};
use crate::routes::respond::{Id, accepted, ok};
use crate::state::AppState;

/// The indexer settings routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/config/indexer", get(read).put(save_from_body))
        .route("/config/indexer/{id}", get(read_by_id).put(save))
}

#[tracing::instrument(skip_all)]
async fn read(State(state): State<AppState>) -> ApiResult<Response> {
    ok(&IndexerConfigResource::from(
        &state.store.indexer_config().await?,
    ))
}

/// Radarr answers any id with the one resource, as its config routes do.
#[tracing::instrument(skip_all)]
async fn read_by_id(State(state): State<AppState>, Id(_): Id) -> ApiResult<Response> {
    ok(&IndexerConfigResource::from(
        &state.store.indexer_config().await?,
    ))
}

async fn store(state: &AppState, input: IndexerConfigInput) -> ApiResult<Response> {
    let config = input.apply(state.store.indexer_config().await?);
    let found = failures(&config);
    if !found.is_empty() {
        return Err(ApiError::Validation(found));
    }
    let saved = state.store.update_indexer_config(&config).await?;
    accepted(&IndexerConfigResource::from(&saved))
}

#[tracing::instrument(skip_all)]
async fn save(
    State(state): State<AppState>,
    Id(_): Id,
    ApiJson(input): ApiJson<IndexerConfigInput>,
) -> ApiResult<Response> {
    store(&state, input).await
}

/// `PUT /config/indexer` without an id, which Radarr also takes.
#[tracing::instrument(skip_all)]
async fn save_from_body(
    State(state): State<AppState>,
    ApiJson(input): ApiJson<IndexerConfigInput>,
) -> ApiResult<Response> {
    store(&state, input).await
}
