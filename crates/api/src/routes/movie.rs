//! `/api/v3/movie`: the library.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::header::{CONTENT_TYPE, ETAG, IF_NONE_MATCH};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, put};
use chrono::Utc;
use domain::movie::Movie;
use futures::stream::{BoxStream, Stream, StreamExt};

use crate::error::ApiResult;
use crate::extract::{ApiJson, QueryParams};
use crate::resources::movie::{RenderContext, movie_json, write_movie};
use crate::resources::movie_input::{MovieEditorInput, MovieInput};
use crate::routes::respond::{Id, JSON, created, deleted, json_bytes, update_id};
use crate::services::movies;
use crate::state::AppState;

/// Bytes gathered before a chunk of the list is sent.
const CHUNK_BYTES: usize = 64 * 1024;

/// The movie routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/movie", get(list).post(add).put(update_from_body))
        .route("/movie/editor", put(edit).delete(delete_many))
        .route("/movie/import", axum::routing::post(import))
        .route("/movie/{id}", get(one).put(update).delete(delete_one))
}

/// What rendering needs, read once per request.
pub async fn render_context(state: &AppState) -> ApiResult<RenderContext> {
    let profiles = state.store.quality_profiles().await?;
    Ok(RenderContext {
        url_base: state.config.url_base.clone(),
        now: Utc::now(),
        availability_delay: 0,
        profiles: profiles
            .into_iter()
            .map(|p| (p.id, p))
            .collect::<HashMap<_, _>>(),
    })
}

fn movies_array(movies: &[Movie], ctx: &RenderContext) -> Vec<u8> {
    let mut out = Vec::with_capacity(movies.len() * 4096 + 2);
    out.push(b'[');
    for (i, movie) in movies.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_movie(&mut out, movie, ctx);
    }
    out.push(b']');
    out
}

/// `GET /movie`: every movie, streamed, with an ETag over the library's revision.
async fn list(
    State(state): State<AppState>,
    query: QueryParams,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let ctx = render_context(&state).await?;
    if let Some(tmdb_id) = query.i32("tmdbid")? {
        let movies: Vec<Movie> = state
            .store
            .movie_by_tmdb_id(tmdb_id)
            .await?
            .into_iter()
            .collect();
        return Ok(json_bytes(StatusCode::OK, movies_array(&movies, &ctx)));
    }
    let revision = state.store.library_revision().await?;
    let etag = list_etag(revision, &state, &ctx);
    let etag_value =
        HeaderValue::from_str(&etag).unwrap_or_else(|_| HeaderValue::from_static("\"0\""));
    let matches = headers
        .get_all(IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|tag| tag.trim() == etag || tag.trim() == "*");
    if matches {
        return Ok((StatusCode::NOT_MODIFIED, [(ETAG, etag_value)]).into_response());
    }
    // Fused: the HTTP layers may poll once more after the end.
    let body = Body::from_stream(list_chunks(state.store.stream_movies(), ctx).fuse());
    Ok((
        StatusCode::OK,
        [
            (CONTENT_TYPE, HeaderValue::from_static(JSON)),
            (ETAG, etag_value),
        ],
        body,
    )
        .into_response())
}

/// Changes whenever the list could: a movie or file changed (revision), the
/// day changed (availability), profiles changed (cutoff), or the server restarted.
fn list_etag(revision: i64, state: &AppState, ctx: &RenderContext) -> String {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    let mut profiles: Vec<_> = ctx.profiles.values().collect();
    profiles.sort_by_key(|p| p.id);
    for p in profiles {
        (
            p.id,
            p.cutoff,
            serde_json::to_string(&p.items).unwrap_or_default(),
        )
            .hash(&mut hasher);
    }
    format!(
        "\"{revision}-{:x}-{}-{}\"",
        hasher.finish(),
        ctx.now.format("%Y%m%d"),
        state.started.timestamp_micros()
    )
}

/// The JSON array in chunks of about [`CHUNK_BYTES`], written as rows arrive.
fn list_chunks(
    movies: BoxStream<'static, store::Result<Movie>>,
    ctx: RenderContext,
) -> impl Stream<Item = Result<Bytes, std::io::Error>> {
    struct Progress {
        movies: BoxStream<'static, store::Result<Movie>>,
        ctx: RenderContext,
        buf: Vec<u8>,
        first: bool,
        done: bool,
    }
    let start = Progress {
        movies,
        ctx,
        buf: b"[".to_vec(),
        first: true,
        done: false,
    };
    futures::stream::unfold(start, |mut p| async move {
        if p.done {
            return None;
        }
        loop {
            match p.movies.next().await {
                Some(Ok(movie)) => {
                    if !p.first {
                        p.buf.push(b',');
                    }
                    p.first = false;
                    write_movie(&mut p.buf, &movie, &p.ctx);
                    if p.buf.len() >= CHUNK_BYTES {
                        let chunk = Bytes::from(std::mem::replace(
                            &mut p.buf,
                            Vec::with_capacity(CHUNK_BYTES + 8192),
                        ));
                        return Some((Ok(chunk), p));
                    }
                }
                Some(Err(e)) => {
                    // The status line is gone; cutting the body short is all that is left.
                    tracing::error!(error = %e, "reading the movie list failed mid-response");
                    p.done = true;
                    return Some((Err(std::io::Error::other(e.to_string())), p));
                }
                None => {
                    p.buf.push(b']');
                    p.done = true;
                    let chunk = Bytes::from(std::mem::take(&mut p.buf));
                    return Some((Ok(chunk), p));
                }
            }
        }
    })
}

/// `GET /movie/{id}`.
async fn one(State(state): State<AppState>, Id(id): Id) -> ApiResult<Response> {
    let movie = state.store.movie(id).await?;
    let ctx = render_context(&state).await?;
    Ok(json_bytes(StatusCode::OK, movie_json(&movie, &ctx)))
}

/// `POST /movie`: 201 with the stored movie.
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
async fn import(
    State(state): State<AppState>,
    ApiJson(inputs): ApiJson<Vec<MovieInput>>,
) -> ApiResult<Response> {
    let added = movies::import_movies(&state, inputs).await?;
    let ctx = render_context(&state).await?;
    Ok(json_bytes(StatusCode::OK, movies_array(&added, &ctx)))
}

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
async fn update_from_body(
    State(state): State<AppState>,
    query: QueryParams,
    ApiJson(input): ApiJson<MovieInput>,
) -> ApiResult<Response> {
    let id = update_id(None, input.id)?;
    update_and_render(&state, id, &query, input).await
}

/// `DELETE /movie/{id}?deleteFiles=&addImportExclusion=`.
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
async fn edit(
    State(state): State<AppState>,
    ApiJson(input): ApiJson<MovieEditorInput>,
) -> ApiResult<Response> {
    let saved = movies::edit_movies(&state, input).await?;
    let ctx = render_context(&state).await?;
    Ok(json_bytes(StatusCode::ACCEPTED, movies_array(&saved, &ctx)))
}

/// `DELETE /movie/editor`: `{}`.
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
