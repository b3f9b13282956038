//! `/api/v3/moviefile`: the library's files, read by movie or by id, and
//! deleted.

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::{delete, get};
use serde::Deserialize;
use serde_json::Value;

use crate::error::ApiResult;
use crate::extract::{ApiJson, QueryParams};
use crate::resources::movie::MovieFileWire;
use crate::routes::movie::render_context;
use crate::routes::respond::{Id, deleted, ok};
use crate::services::movie_files;
use crate::state::AppState;

/// The movie file routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/moviefile", get(list))
        .route("/moviefile/bulk", delete(remove_many))
        .route("/moviefile/{id}", get(one).delete(remove_one))
}

/// `GET /moviefile?movieId=` (or `movieFileIds=`): the files asked for.
#[tracing::instrument(skip_all)]
async fn list(State(state): State<AppState>, query: QueryParams) -> ApiResult<Response> {
    let movie_ids = query.ids("movieid")?;
    let file_ids = query.ids("moviefileids")?;
    let mut movies = state.store.movies_by_ids(&movie_ids).await?;
    for file_id in file_ids {
        if let Some(movie) = state.store.movie_by_file_id(file_id).await?
            && !movies.iter().any(|m| m.id == movie.id)
        {
            movies.push(movie);
        }
    }
    let ctx = render_context(&state).await?;
    let files: Vec<Value> = movies
        .iter()
        .filter_map(|movie| {
            let file = movie.movie_file.as_ref()?;
            serde_json::to_value(MovieFileWire::new(movie, file, &ctx)).ok()
        })
        .collect();
    ok(&files)
}

/// `GET /moviefile/{id}`.
#[tracing::instrument(skip_all)]
async fn one(State(state): State<AppState>, Id(id): Id) -> ApiResult<Response> {
    let movie = state
        .store
        .movie_by_file_id(id)
        .await?
        .ok_or(store::StoreError::NotFound {
            entity: "MovieFile",
            id,
        })?;
    let ctx = render_context(&state).await?;
    match &movie.movie_file {
        Some(file) => ok(&MovieFileWire::new(&movie, file, &ctx)),
        None => Err(store::StoreError::NotFound {
            entity: "MovieFile",
            id,
        }
        .into()),
    }
}

/// `DELETE /moviefile/{id}`: the file goes from disk and library.
#[tracing::instrument(skip_all)]
async fn remove_one(State(state): State<AppState>, Id(id): Id) -> ApiResult<Response> {
    movie_files::delete(&state, id).await?;
    Ok(deleted())
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Bulk {
    #[serde(default)]
    movie_file_ids: Vec<i32>,
}

/// `DELETE /moviefile/bulk`: each file in turn.
#[tracing::instrument(skip_all)]
async fn remove_many(
    State(state): State<AppState>,
    ApiJson(bulk): ApiJson<Bulk>,
) -> ApiResult<Response> {
    for id in bulk.movie_file_ids {
        movie_files::delete(&state, id).await?;
    }
    Ok(deleted())
}
