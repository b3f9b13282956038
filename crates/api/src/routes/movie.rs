//! `/api/v3/movie`: the library.

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, put};
use chrono::{Datelike, Utc};
use domain::movie::Movie;

use crate::error::ApiResult;
use crate::extract::{ApiJson, QueryParams};
use crate::resources::movie::{RenderContext, movie_json, write_movie};
use crate::resources::movie_input::{MovieEditorInput, MovieInput};
use crate::routes::movie_list;
use crate::routes::respond::{Id, created, deleted, json_array, json_bytes, update_id};
use crate::services::movies;
use crate::state::AppState;

/// The movie routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/movie",
            get(movie_list::list).post(add).put(update_from_body),
        )
        .route("/movie/editor", put(edit).delete(delete_many))
        .route("/movie/import", axum::routing::post(import))
        .route("/movie/{id}", get(one).put(update).delete(delete_one))
}

/// What rendering needs, read once per request.
#[tracing::instrument(skip_all)]
pub async fn render_context(state: &AppState) -> ApiResult<RenderContext> {
    let profiles = state.profiles.get(state.store.as_ref()).await?;
    let revision = state.store.library_revision().await?;
    let now = Utc::now();
    // The day, because availability turns with the date; the start time,
    // because a restart may bring another URL base or a reset revision.
    let key = format!(
        "{:x}-{}-{}",
        profiles.fingerprint,
        now.date_naive().num_days_from_ce(),
        state.started.timestamp_micros()
    );
    Ok(RenderContext {
        url_base: state.config.url_base.clone(),
        now,
        availability_delay: 0,
        profiles,
        revision,
        key,
    })
}

pub(super) fn movies_array(movies: &[Movie], ctx: &RenderContext) -> Vec<u8> {
    json_array(movies, |out, movie| write_movie(out, movie, ctx))
}

/// `GET /movie/{id}`.
#[tracing::instrument(skip_all)]
async fn one(State(state): State<AppState>, Id(id): Id) -> ApiResult<Response> {
    let ctx = render_context(&state).await?;
    let version = ctx.version();
    if let Some(bytes) = state.rendered_movies.get(id, &version) {
        return Ok(json_bytes(StatusCode::OK, bytes));
    }
    let movie = state.store.movie(id).await?;
    let bytes = movie_json(&movie, &ctx);
    state.rendered_movies.insert(id, &version, &bytes);
    Ok(json_bytes(StatusCode::OK, bytes))
}

/// `POST /movie`: 201 with the stored movie.
#[tracing::instrument(skip_all)]
async fn add(
    State(state): State<AppState>,
    ApiJson(input): ApiJson<MovieInput>,
) -> ApiResult<Response> {
    let movie = movies::add_movie(&state, input).await?;
    let ctx = render_context(&state).await?;
    let location = format!("{}/api/v3/movie/{}", state.config.url_base, movie.id);
    Ok(created(&location, movie_json(&movie, &ctx)))
}

/// `POST /movie/import`: adds many, skipping those already present.
#[tracing::instrument(skip_all)]
async fn import(
    State(state): State<AppState>,
    ApiJson(inputs): ApiJson<Vec<MovieInput>>,
) -> ApiResult<Response> {
    let added = movies::import_movies(&state, inputs).await;
    let ctx = render_context(&state).await?;
    Ok(json_bytes(StatusCode::OK, movies_array(&added, &ctx)))
}

#[tracing::instrument(skip_all)]
async fn update_and_render(
    state: &AppState,
    id: i32,
    query: &QueryParams,
    input: MovieInput,
) -> ApiResult<Response> {
    let move_files = query.bool("movefiles", false)?;
    let movie = movies::update_movie(state, id, input, move_files).await?;
    let ctx = render_context(state).await?;
    Ok(json_bytes(StatusCode::ACCEPTED, movie_json(&movie, &ctx)))
}

/// `PUT /movie/{id}`.
#[tracing::instrument(skip_all)]
async fn update(
    State(state): State<AppState>,
    id: Id,
    query: QueryParams,
    ApiJson(input): ApiJson<MovieInput>,
) -> ApiResult<Response> {
    let id = update_id(Some(id), input.id)?;
    update_and_render(&state, id, &query, input).await
}

/// `PUT /movie` with the id in the body, as Overseerr and pyarr send it.
#[tracing::instrument(skip_all)]
async fn update_from_body(
    State(state): State<AppState>,
    query: QueryParams,
    ApiJson(input): ApiJson<MovieInput>,
) -> ApiResult<Response> {
    let id = update_id(None, input.id)?;
    update_and_render(&state, id, &query, input).await
}

/// `DELETE /movie/{id}?deleteFiles=&addImportExclusion=`.
#[tracing::instrument(skip_all)]
async fn delete_one(
    State(state): State<AppState>,
    Id(id): Id,
    query: QueryParams,
) -> ApiResult<Response> {
    state.store.movie(id).await?;
    let delete_files = query.bool("deletefiles", false)?;
    let exclude = query.bool("addimportexclusion", false)?;
    movies::delete_movies(&state, &[id], delete_files, exclude).await?;
    Ok(deleted())
}

/// `PUT /movie/editor`: 202 with the changed movies.
#[tracing::instrument(skip_all)]
async fn edit(
    State(state): State<AppState>,
    ApiJson(input): ApiJson<MovieEditorInput>,
) -> ApiResult<Response> {
    let saved = movies::edit_movies(&state, input).await?;
    let ctx = render_context(&state).await?;
    Ok(json_bytes(StatusCode::ACCEPTED, movies_array(&saved, &ctx)))
}

/// `DELETE /movie/editor`: `{}`.
#[tracing::instrument(skip_all)]
async fn delete_many(
    State(state): State<AppState>,
    ApiJson(input): ApiJson<MovieEditorInput>,
) -> ApiResult<Response> {
    movies::delete_movies(
        &state,
        &input.movie_ids,
        input.delete_files,
        input.add_import_exclusion,
    )
    .await?;
    Ok(json_bytes(StatusCode::OK, b"{}".to_vec()))
}
