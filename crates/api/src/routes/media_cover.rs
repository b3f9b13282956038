//! `/MediaCover/{movieId}/{file}` (and the same under `/api/v3`): movie images.

use axum::extract::{Path, State};
use axum::http::HeaderValue;
use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};

use crate::error::{ApiError, ApiResult};
use crate::services::media_covers;
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
