//! `/api/v3/manualimport`: the files a folder or download holds that could
//! be imported, and the same looked at again with the user's choices. The
//! import itself is the `ManualImport` command.

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use serde_json::Value;

use crate::error::ApiResult;
use crate::extract::{ApiJson, QueryParams};
use crate::resources::manual_import::manual_import_resource;
use crate::routes::related::{formats_by_id, rendered_movies};
use crate::routes::respond::ok;
use crate::services::import::manual::{Candidate, Choice, Lookup, candidates, reevaluate};
use crate::state::AppState;

/// The manual import routes.
pub fn routes() -> Router<AppState> {
    Router::new().route("/manualimport", get(list).post(reprocess))
}

#[tracing::instrument(skip_all)]
async fn list(State(state): State<AppState>, query: QueryParams) -> ApiResult<Response> {
    let lookup = Lookup {
        folder: query.get("folder").map(str::to_string),
        download_id: query
            .get("downloadid")
            .filter(|id| !id.trim().is_empty())
            .map(str::to_string),
        movie_id: query.i32("movieid")?.filter(|id| *id > 0),
        filter_existing_files: query.bool("filterexistingfiles", true)?,
    };
    let found = candidates(&state, &lookup).await?;
    ok(&render(&state, &found).await?)
}

#[tracing::instrument(skip_all)]
async fn reprocess(
    State(state): State<AppState>,
    ApiJson(choices): ApiJson<Vec<Choice>>,
) -> ApiResult<Response> {
    let found = reevaluate(&state, &choices).await?;
    ok(&render(&state, &found).await?)
}

async fn render(state: &AppState, found: &[Candidate]) -> ApiResult<Vec<Value>> {
    let formats = formats_by_id(state).await?;
    let mut ids: Vec<i32> = found
        .iter()
        .filter_map(|c| c.movie.as_ref().map(|m| m.id))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let movies = rendered_movies(state, &ids, true).await?;
    Ok(found
        .iter()
        .map(|c| {
            let movie = c.movie.as_ref().and_then(|m| movies.get(&m.id).cloned());
            manual_import_resource(c, &formats, movie)
        })
        .collect())
}
