//! `/MediaCover/{movieId}/{file}` (and the same under `/api/v3`): movie images;
//! `/MediaCoverProxy/{hash}/{file}`: search results' images.

use axum::Extension;
use axum::extract::{Path, State};
use axum::http::HeaderValue;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};

use crate::error::{ApiError, ApiResult};
use crate::middleware::CasedPath;
use crate::services::{cover_proxy, media_covers};
use crate::state::AppState;

/// `GET /MediaCover/{movieId}/{file}`: the image, or 404.
#[tracing::instrument(skip_all)]
pub async fn get(
    State(state): State<AppState>,
    Path((movie_id, file)): Path<(String, String)>,
) -> ApiResult<Response> {
    let movie_id: i32 = movie_id
        .parse()
        .map_err(|_| ApiError::NotFound(format!("MediaCover {movie_id}/{file} not found")))?;
    let (bytes, content_type) = media_covers::cover(&state, movie_id, &file).await?;
    Ok((
        [(CONTENT_TYPE, HeaderValue::from_static(content_type))],
        bytes,
    )
        .into_response())
}

/// `GET /MediaCoverProxy/{hash}/{file}`: a search result's image, fetched
/// from TMDB. The file name keeps the case it was sent in.
#[tracing::instrument(skip_all)]
pub async fn proxy(
    State(state): State<AppState>,
    Path((hash, file)): Path<(String, String)>,
    cased: Option<Extension<CasedPath>>,
) -> ApiResult<Response> {
    let file = cased
        .as_ref()
        .and_then(|Extension(CasedPath(path))| path.rsplit('/').next())
        .filter(|original| original.eq_ignore_ascii_case(&file))
        .map_or(file.clone(), str::to_string);
    let (bytes, content_type) = cover_proxy::image(&state, &hash, &file).await?;
    Ok((
        [
            (CONTENT_TYPE, HeaderValue::from_static(content_type)),
            // TMDB's originals never change under one name.
            (
                CACHE_CONTROL,
                HeaderValue::from_static("private, max-age=86400"),
            ),
        ],
        bytes,
    )
        .into_response())
}
