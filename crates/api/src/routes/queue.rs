//! `/api/v3/queue`: the downloads being followed, paged and sorted as
//! Radarr pages them, with their details and a summary, and their removal.

use std::cmp::Ordering;
use std::collections::HashMap;

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::{delete, get};
use chrono::Utc;
use domain::download::{QueueStatus, TrackedDownload, TrackedDownloadStatus};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, QueryParams};
use crate::resources::queue::queue_resource;
use crate::routes::related::{formats_by_id, rendered_movies};
use crate::routes::respond::{Id, ok};
use crate::services::tracking::{Removal, remove};
use crate::state::AppState;

/// The queue routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/queue", get(page))
        .route("/queue/details", get(details))
        .route("/queue/status", get(status))
        .route("/queue/bulk", delete(remove_many))
        .route("/queue/{id}", delete(remove_one))
}

/// Radarr's sort keys for the queue; any other becomes `timeleft`.
const SORT_KEYS: [&str; 14] = [
    "added",
    "downloadClient",
    "estimatedCompletionTime",
    "indexer",
    "languages",
    "movies.sortTitle",
    "progress",
    "protocol",
    "quality",
    "size",
    "status",
    "timeleft",
    "title",
    "year",
];

/// What the queue shows: every download not done with.
async fn queued(state: &AppState) -> ApiResult<Vec<TrackedDownload>> {
    let mut downloads = state.store.tracked_downloads().await?;
    downloads.retain(|d| !d.is_finished());
    Ok(downloads)
}

/// The rendered resources, with their movies when asked for.
async fn resources(
    state: &AppState,
    downloads: &[TrackedDownload],
    include_movie: bool,
) -> ApiResult<Vec<Value>> {
    let formats = formats_by_id(state).await?;
    let ids: Vec<i32> = downloads.iter().filter_map(|d| d.movie_id).collect();
    let movies = rendered_movies(state, &ids, include_movie).await?;
    let now = Utc::now();
    Ok(downloads
        .iter()
        .map(|d| {
            let movie = d.movie_id.and_then(|id| movies.get(&id).cloned());
            queue_resource(d, &formats, movie, now)
        })
        .collect())
}

/// Whether a download passes the page's filters.
fn wanted(download: &TrackedDownload, query: &QueryParams) -> ApiResult<bool> {
    if download.movie_id.is_none() && !query.bool("includeunknownmovieitems", false)? {
        return Ok(false);
    }
    let movie_ids = query.ids("movieids")?;
    if !movie_ids.is_empty() && !download.movie_id.is_some_and(|id| movie_ids.contains(&id)) {
        return Ok(false);
    }
    if let Some(protocol) = query.get("protocol")
        && !download.protocol.as_str().eq_ignore_ascii_case(protocol)
        && protocol.parse::<i32>().ok() != Some(download.protocol as i32)
    {
        return Ok(false);
    }
    let qualities = query.ids("quality")?;
    if !qualities.is_empty() && !qualities.contains(&download.quality.quality.id) {
        return Ok(false);
    }
    let languages = query.ids("languages")?;
    if !languages.is_empty() && !download.languages.iter().any(|l| languages.contains(&l.id)) {
        return Ok(false);
    }
    let statuses: Vec<QueueStatus> = query
        .all("status")
        .map(|s| {
            s.parse().map_err(|_| {
                ApiError::invalid(
                    "Status",
                    format!("'{s}' is not a queue status"),
                    "EnumValidator",
                )
            })
        })
        .collect::<ApiResult<_>>()?;
    Ok(statuses.is_empty() || statuses.contains(&download.status))
}

/// Orders two downloads by a sort key (titles and years of their movies
/// need `titles`).
fn compare(
    key: &str,
    a: &TrackedDownload,
    b: &TrackedDownload,
    titles: &HashMap<i32, (String, i32)>,
) -> Ordering {
    let progress = |d: &TrackedDownload| {
        if d.size > 0 {
            (d.size - d.size_left) as f64 / d.size as f64
        } else {
            0.0
        }
    };
    let movie = |d: &TrackedDownload| d.movie_id.and_then(|id| titles.get(&id)).cloned();
    match key {
        "added" => a.added.cmp(&b.added),
        "downloadClient" => a.client_name.cmp(&b.client_name),
        "indexer" => a.indexer.cmp(&b.indexer),
        "languages" => a
            .languages
            .first()
            .map(|l| l.name)
            .cmp(&b.languages.first().map(|l| l.name)),
        "movies.sortTitle" => movie(a).map(|m| m.0).cmp(&movie(b).map(|m| m.0)),
        "year" => movie(a).map(|m| m.1).cmp(&movie(b).map(|m| m.1)),
        "progress" => progress(a).total_cmp(&progress(b)),
        "protocol" => (a.protocol as i32).cmp(&(b.protocol as i32)),
        "quality" => a.quality.quality.id.cmp(&b.quality.quality.id),
        "size" => a.size.cmp(&b.size),
        "status" => a.status.as_str().cmp(b.status.as_str()),
        "title" => a.title.to_lowercase().cmp(&b.title.to_lowercase()),
        // Unknown times last, as Radarr sorts them.
        _ => match (a.time_left, b.time_left) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        },
    }
    .then(a.id.cmp(&b.id))
}

/// `GET /queue`: a page of the queue.
#[tracing::instrument(skip_all)]
async fn page(State(state): State<AppState>, query: QueryParams) -> ApiResult<Response> {
    let paging = query.paging(&SORT_KEYS, "timeleft", false)?;
    let sort_key = paging.sort_key;
    let mut downloads = Vec::new();
    for download in queued(&state).await? {
        if wanted(&download, &query)? {
            downloads.push(download);
        }
    }
    let mut titles = HashMap::new();
    if matches!(sort_key, "movies.sortTitle" | "year") {
        let ids: Vec<i32> = downloads.iter().filter_map(|d| d.movie_id).collect();
        for movie in state.store.movies_by_ids(&ids).await? {
            titles.insert(movie.id, (movie.sort_title.clone(), movie.year));
        }
    }
    downloads.sort_by(|a, b| compare(sort_key, a, b, &titles));
    if paging.descending {
        downloads.reverse();
    }
    let (shown, total) = paging.take(downloads);
    let records = resources(&state, &shown, query.bool("includemovie", false)?).await?;
    ok(&paging.resource(total, Value::Array(records)))
}

/// `GET /queue/details`: every queued download (of one movie if asked).
#[tracing::instrument(skip_all)]
async fn details(State(state): State<AppState>, query: QueryParams) -> ApiResult<Response> {
    let movie_id = query.i32("movieid")?;
    let mut downloads = queued(&state).await?;
    if let Some(movie_id) = movie_id {
        downloads.retain(|d| d.movie_id == Some(movie_id));
    }
    ok(&resources(&state, &downloads, query.bool("includemovie", false)?).await?)
}

/// `GET /queue/status`: counts and whether anything needs attention, known
/// movies' downloads apart from unknown ones.
#[tracing::instrument(skip_all)]
async fn status(State(state): State<AppState>) -> ApiResult<Response> {
    let downloads = queued(&state).await?;
    let (known, unknown): (Vec<_>, Vec<_>) = downloads.iter().partition(|d| d.movie_id.is_some());
    let any = |list: &[&TrackedDownload], status: TrackedDownloadStatus| {
        list.iter().any(|d| d.tracked_status == status)
    };
    ok(&json!({
        "totalCount": downloads.len(),
        "count": known.len(),
        "unknownCount": unknown.len(),
        "errors": any(&known, TrackedDownloadStatus::Error),
        "warnings": any(&known, TrackedDownloadStatus::Warning),
        "unknownErrors": any(&unknown, TrackedDownloadStatus::Error),
        "unknownWarnings": any(&unknown, TrackedDownloadStatus::Warning),
    }))
}

fn removal(query: &QueryParams) -> ApiResult<Removal> {
    Ok(Removal {
        from_client: query.bool("removefromclient", true)?,
        blocklist: query.bool("blocklist", false)?,
        skip_redownload: query.bool("skipredownload", false)?,
    })
}

/// `DELETE /queue/{id}`.
#[tracing::instrument(skip_all)]
async fn remove_one(
    State(state): State<AppState>,
    Id(id): Id,
    query: QueryParams,
) -> ApiResult<Response> {
    remove(&state, id, removal(&query)?).await?;
    ok(&json!({}))
}

/// The body of `DELETE /queue/bulk`.
#[derive(Deserialize)]
struct Bulk {
    #[serde(default)]
    ids: Vec<i32>,
}

/// `DELETE /queue/bulk`: each id in turn; the first failure stops it.
#[tracing::instrument(skip_all)]
async fn remove_many(
    State(state): State<AppState>,
    query: QueryParams,
    ApiJson(bulk): ApiJson<Bulk>,
) -> ApiResult<Response> {
    let removal = removal(&query)?;
    for id in bulk.ids {
        remove(&state, id, removal).await?;
    }
    ok(&json!({}))
}
