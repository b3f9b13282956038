//! `/api/v3/manualimport`: the files a folder or download holds that could
//! be imported, and the same looked at again with the user's choices. The
//! import itself is the `ManualImport` command.

use std::path::PathBuf;

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use domain::language::Language;
use domain::quality::QualityModel;
use serde::Deserialize;
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

/// Radarr's `ManualImportReprocessResource`: a candidate with the user's
/// choices.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ReprocessItem {
    path: String,
    #[serde(default)]
    movie_id: i32,
    quality: Option<QualityModel>,
    languages: Option<Vec<Language>>,
    release_group: Option<String>,
    download_id: Option<String>,
}

#[tracing::instrument(skip_all)]
async fn reprocess(
    State(state): State<AppState>,
    ApiJson(items): ApiJson<Vec<ReprocessItem>>,
) -> ApiResult<Response> {
    let mut found = Vec::with_capacity(items.len());
    for item in items {
        let choice = Choice {
            path: PathBuf::from(item.path),
            movie_id: item.movie_id,
            quality: item.quality,
            languages: item.languages,
            release_group: item.release_group,
            download_id: item.download_id.filter(|id| !id.is_empty()),
        };
        found.push(reevaluate(&state, &choice).await?);
    }
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
