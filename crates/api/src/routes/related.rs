//! What list resources embed beside their own fields, read for a whole
//! page at once: custom formats by id, and the movies they belong to,
//! rendered as `GET /movie/{id}` renders them.

use std::collections::HashMap;

use domain::custom_format::CustomFormat;
use serde_json::Value;

use crate::error::ApiResult;
use crate::resources::movie::movie_json;
use crate::routes::movie::render_context;
use crate::state::AppState;

/// Every custom format, by id.
pub async fn formats_by_id(state: &AppState) -> ApiResult<HashMap<i32, CustomFormat>> {
    Ok(state
        .store
        .custom_formats()
        .await?
        .into_iter()
        .map(|f| (f.id, f))
        .collect())
}

/// The movies with these ids, rendered, by id; none unless `wanted`.
pub async fn rendered_movies(
    state: &AppState,
    ids: &[i32],
    wanted: bool,
) -> ApiResult<HashMap<i32, Value>> {
    let mut movies = HashMap::new();
    if !wanted {
        return Ok(movies);
    }
    let ctx = render_context(state).await?;
    for movie in state.store.movies_by_ids(ids).await? {
        let rendered = serde_json::from_slice(&movie_json(&movie, &ctx)).unwrap_or(Value::Null);
        movies.insert(movie.id, rendered);
    }
    Ok(movies)
}
