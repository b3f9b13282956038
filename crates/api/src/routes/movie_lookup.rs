//! `/api/v3/movie/lookup`: movies found on TMDB, for adding.

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;

use crate::error::{ApiError, ApiResult};
use crate::extract::QueryParams;
use crate::resources::movie::{Shape, write_shaped};
use crate::routes::movie::render_context;
use crate::routes::respond::{json_array, json_bytes};
use crate::services::lookup;
use crate::state::AppState;

/// The lookup routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/movie/lookup", get(by_term))
        .route("/movie/lookup/tmdb", get(by_tmdb_id))
        .route("/movie/lookup/imdb", get(by_imdb_id))
}

/// `GET /movie/lookup?term=`: an array, empty when nothing matches.
#[tracing::instrument(skip_all)]
async fn by_term(State(state): State<AppState>, query: QueryParams) -> ApiResult<Response> {
    let term = query.get("term").unwrap_or_default();
    let found = lookup::lookup(&state, term).await?;
    let ctx = render_context(&state).await?;
    let out = json_array(&found, |out, result| {
        let shape = Shape::Lookup {
            excluded: result.excluded,
        };
        write_shaped(out, &result.movie, &ctx, shape);
    });
    Ok(json_bytes(StatusCode::OK, out))
}

/// `GET /movie/lookup/tmdb?tmdbId=`: one movie.
#[tracing::instrument(skip_all)]
async fn by_tmdb_id(State(state): State<AppState>, query: QueryParams) -> ApiResult<Response> {
    let tmdb_id = query
        .i32("tmdbid")?
        .ok_or_else(|| ApiError::invalid("tmdbId", "'tmdbId' is required", "QueryValidator"))?;
    let movie = lookup::lookup_tmdb(&state, tmdb_id).await?;
    single(&state, &movie).await
}

/// `GET /movie/lookup/imdb?imdbId=`: one movie.
#[tracing::instrument(skip_all)]
async fn by_imdb_id(State(state): State<AppState>, query: QueryParams) -> ApiResult<Response> {
    let imdb_id = query.get("imdbid").map(str::trim).unwrap_or_default();
    if imdb_id.is_empty() {
        return Err(ApiError::invalid(
            "imdbId",
            "'imdbId' is required",
            "QueryValidator",
        ));
    }
    let movie = lookup::lookup_imdb(&state, imdb_id).await?;
    single(&state, &movie).await
}

async fn single(state: &AppState, movie: &domain::movie::Movie) -> ApiResult<Response> {
    let ctx = render_context(state).await?;
    let mut out = Vec::with_capacity(4096);
    write_shaped(&mut out, movie, &ctx, Shape::Lookup { excluded: false });
    Ok(json_bytes(StatusCode::OK, out))
}
