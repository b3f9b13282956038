//! `GET /api/v3/rename`: the renames the naming settings ask of movies'
//! files (Radarr's `RenameMovieResource`); `RenameMovie` and `RenameFiles`
//! carry them out.

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use serde_json::{Value, json};

use crate::error::ApiResult;
use crate::extract::QueryParams;
use crate::routes::respond::ok;
use crate::services::rename::preview;
use crate::state::AppState;

/// The rename routes.
pub fn routes() -> Router<AppState> {
    Router::new().route("/rename", get(list))
}

#[tracing::instrument(skip_all)]
async fn list(State(state): State<AppState>, query: QueryParams) -> ApiResult<Response> {
    let ids = query.ids("movieid")?;
    let renames: Vec<Value> = preview(&state, &ids)
        .await?
        .into_iter()
        .map(|r| {
            json!({
                "movieId": r.movie_id,
                "movieFileId": r.movie_file_id,
                "existingPath": r.existing_path,
                "newPath": r.new_path,
            })
        })
        .collect();
    ok(&renames)
}
