//! `/api/v3/parse`: what a release title says, as Radarr reads it.

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use serde_json::value::RawValue;

use crate::error::{ApiError, ApiResult};
use crate::extract::QueryParams;
use crate::resources::movie::movie_json;
use crate::resources::parse::ParseResource;
use crate::routes::movie::render_context;
use crate::routes::respond::ok;
use crate::services::parse::parse;
use crate::state::AppState;

/// The parse route.
pub fn routes() -> Router<AppState> {
    Router::new().route("/parse", get(one))
}

/// `GET /parse?title=`.
#[tracing::instrument(skip_all)]
async fn one(State(state): State<AppState>, query: QueryParams) -> ApiResult<Response> {
    let title = query.get("title").unwrap_or("").trim();
    if title.is_empty() {
        return Err(ApiError::invalid(
            "Title",
            "'Title' must not be empty.",
            "NotEmptyValidator",
        ));
    }
    let Some((parsed, movie)) = parse(&state, title).await? else {
        return ok(&ParseResource::new(title, None, None));
    };
    let rendered = match &movie {
        Some(movie) => {
            let json = movie_json(movie, &render_context(&state).await?);
            let text = String::from_utf8(json).map_err(|e| ApiError::Internal(e.to_string()))?;
            Some(RawValue::from_string(text).map_err(|e| ApiError::Internal(e.to_string()))?)
        }
        None => None,
    };
    ok(&ParseResource::new(
        title,
        Some(&parsed),
        rendered.as_deref(),
    ))
}
