//! `/api/v3/collection`: the collections of the library's movies, and the
//! settings movies added from them get.

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;

use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, QueryParams};
use crate::resources::collection::{CollectionInput, CollectionResource};
use crate::routes::respond::{Id, accepted, ok};
use crate::services::collections::{edit, holdings};
use crate::state::AppState;

/// The collection routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/collection", get(list).put(edit_many))
        .route("/collection/{id}", get(one).put(edit_one))
}

/// `GET /collection`, or with `tmdbId` the one with that TMDB id.
#[tracing::instrument(skip_all)]
async fn list(State(state): State<AppState>, query: QueryParams) -> ApiResult<Response> {
    let tmdb_id = query.i32("tmdbid")?;
    let collections = state.store.collections().await?;
    let holdings = holdings(&state).await?;
    let shown: Vec<_> = collections
        .iter()
        .filter(|c| tmdb_id.is_none_or(|id| c.tmdb_id == id))
        .map(|c| CollectionResource::new(c, &holdings))
        .collect();
    ok(&shown)
}

#[tracing::instrument(skip_all)]
async fn one(State(state): State<AppState>, Id(id): Id) -> ApiResult<Response> {
    let collection = state.store.collection(id).await?;
    ok(&CollectionResource::new(
        &collection,
        &holdings(&state).await?,
    ))
}

/// `PUT /collection/{id}` with the whole resource: 202 with it as saved.
#[tracing::instrument(skip_all)]
async fn edit_one(
    State(state): State<AppState>,
    Id(id): Id,
    ApiJson(input): ApiJson<CollectionInput>,
) -> ApiResult<Response> {
    let saved = edit(&state, &[id], &input).await?;
    let holdings = holdings(&state).await?;
    match saved.first() {
        Some(collection) => accepted(&CollectionResource::new(collection, &holdings)),
        None => Err(ApiError::NotFound(format!(
            "Collection with ID {id} does not exist"
        ))),
    }
}

/// `PUT /collection` with `collectionIds` and the settings to change.
#[tracing::instrument(skip_all)]
async fn edit_many(
    State(state): State<AppState>,
    ApiJson(input): ApiJson<CollectionInput>,
) -> ApiResult<Response> {
    let ids = input.collection_ids.clone().unwrap_or_default();
    let saved = edit(&state, &ids, &input).await?;
    let holdings = holdings(&state).await?;
    accepted(
        &saved
            .iter()
            .map(|c| CollectionResource::new(c, &holdings))
            .collect::<Vec<_>>(),
    )
}
