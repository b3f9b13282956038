//! `/api/v3/blocklist`: releases that will not be grabbed again, paged as
//! Radarr pages them, and their removal.

use std::collections::HashMap;

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::{delete, get};
use domain::blocklist::BlocklistEntry;
use domain::release::Protocol;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, QueryParams};
use crate::resources::format_resources;
use crate::resources::wire_date::WireDate;
use crate::routes::related::{formats_by_id, rendered_movies};
use crate::routes::respond::{Id, deleted, ok};
use crate::state::AppState;

/// The blocklist routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/blocklist", get(page))
        .route("/blocklist/movie", get(of_movie))
        .route("/blocklist/bulk", delete(remove_many))
        .route("/blocklist/{id}", delete(remove_one))
}

/// Sort keys; any other becomes `date`.
const SORT_KEYS: [&str; 6] = [
    "date",
    "indexer",
    "movieMetadata.sortTitle",
    "protocol",
    "quality",
    "sourceTitle",
];

async fn resources(
    state: &AppState,
    entries: &[BlocklistEntry],
    include_movie: bool,
) -> ApiResult<Vec<Value>> {
    let formats = formats_by_id(state).await?;
    let ids: Vec<i32> = entries.iter().map(|e| e.movie_id).collect();
    let movies = rendered_movies(state, &ids, include_movie).await?;
    Ok(entries
        .iter()
        .map(|entry| {
            let custom_formats = format_resources(&entry.custom_formats, &formats);
            let mut resource = json!({
                "id": entry.id,
                "movieId": entry.movie_id,
                "sourceTitle": entry.source_title,
                "languages": entry.languages,
                "quality": entry.quality,
                "customFormats": custom_formats,
                "date": WireDate(entry.date),
                "protocol": entry.protocol,
            });
            if let Some(map) = resource.as_object_mut() {
                if let Some(indexer) = &entry.indexer {
                    map.insert("indexer".into(), json!(indexer));
                }
                if let Some(message) = &entry.message {
                    map.insert("message".into(), json!(message));
                }
                if let Some(movie) = movies.get(&entry.movie_id) {
                    map.insert("movie".into(), movie.clone());
                }
            }
            resource
        })
        .collect())
}

/// `GET /blocklist`: newest first unless asked otherwise.
#[tracing::instrument(skip_all)]
async fn page(State(state): State<AppState>, query: QueryParams) -> ApiResult<Response> {
    let paging = query.paging(&SORT_KEYS, "date", true)?;
    let sort_key = paging.sort_key;
    let protocols: Vec<Protocol> = query
        .all("protocols")
        .map(|p| {
            p.parse().map_err(|_| {
                ApiError::invalid(
                    "Protocols",
                    format!("'{p}' is not a protocol"),
                    "EnumValidator",
                )
            })
        })
        .collect::<ApiResult<_>>()?;
    let mut entries = state.store.blocklist(&query.ids("movieids")?).await?;
    entries.retain(|e| protocols.is_empty() || protocols.contains(&e.protocol));
    let mut titles = HashMap::new();
    if sort_key == "movieMetadata.sortTitle" {
        let movie_ids: Vec<i32> = entries.iter().map(|e| e.movie_id).collect();
        for movie in state.store.movies_by_ids(&movie_ids).await? {
            titles.insert(movie.id, movie.sort_title);
        }
    }
    entries.sort_by(|a, b| {
        match sort_key {
            "indexer" => a.indexer.cmp(&b.indexer),
            "movieMetadata.sortTitle" => titles.get(&a.movie_id).cmp(&titles.get(&b.movie_id)),
            "protocol" => (a.protocol as i32).cmp(&(b.protocol as i32)),
            "quality" => a.quality.quality.id.cmp(&b.quality.quality.id),
            "sourceTitle" => a
                .source_title
                .to_lowercase()
                .cmp(&b.source_title.to_lowercase()),
            _ => a.date.cmp(&b.date),
        }
        .then(a.id.cmp(&b.id))
    });
    if paging.descending {
        entries.reverse();
    }
    let (shown, total) = paging.take(entries);
    let records = resources(&state, &shown, query.bool("includemovie", false)?).await?;
    ok(&paging.resource(total, Value::Array(records)))
}

/// `GET /blocklist/movie?movieId=`: a movie's entries, newest first.
#[tracing::instrument(skip_all)]
async fn of_movie(State(state): State<AppState>, query: QueryParams) -> ApiResult<Response> {
    let movie_id = query.i32("movieid")?.ok_or_else(|| {
        ApiError::invalid(
            "MovieId",
            "'Movie Id' must not be empty.",
            "NotEmptyValidator",
        )
    })?;
    let entries = state.store.blocklist(&[movie_id]).await?;
    ok(&resources(&state, &entries, false).await?)
}

/// `DELETE /blocklist/{id}`.
#[tracing::instrument(skip_all)]
async fn remove_one(State(state): State<AppState>, Id(id): Id) -> ApiResult<Response> {
    if state.store.delete_blocklist(&[id]).await? == 0 {
        return Err(store::StoreError::NotFound {
            entity: "Blocklist",
            id,
        }
        .into());
    }
    Ok(deleted())
}

#[derive(Deserialize)]
struct Bulk {
    #[serde(default)]
    ids: Vec<i32>,
}

/// `DELETE /blocklist/bulk`.
#[tracing::instrument(skip_all)]
async fn remove_many(
    State(state): State<AppState>,
    ApiJson(bulk): ApiJson<Bulk>,
) -> ApiResult<Response> {
    state.store.delete_blocklist(&bulk.ids).await?;
    Ok(deleted())
}
