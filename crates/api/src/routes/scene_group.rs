//! Our own routes for scene-group reputation: `/api/v3/scenegroup` (the
//! groups and their scores, paged and sortable; one group by name) and
//! `/api/v3/config/scenegroup` (the analysis settings). Documented in
//! `docs/openapi-additions.yaml`.

use axum::Router;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::get;
use domain::scene_group::{SceneGroup, SceneGroupConfig, SceneGroupPage, SceneGroupSort};
use serde_json::{Value, json};

use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, QueryParams};
use crate::resources::wire_date::WireDate;
use crate::routes::respond::{accepted, ok};
use crate::services::scene_group_config::{load, save};
use crate::state::AppState;

/// The scene-group routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/scenegroup", get(page))
        .route("/scenegroup/{name}", get(one))
        .route("/config/scenegroup", get(read_config).put(update_config))
        .route(
            "/config/scenegroup/{id}",
            get(read_config).put(update_config),
        )
}

/// Sort keys; any other becomes `score`.
const SORT_KEYS: [&str; 4] = ["score", "name", "sampleSize", "updated"];

/// `GET /scenegroup`: best first unless asked otherwise.
#[tracing::instrument(skip_all)]
async fn page(State(state): State<AppState>, query: QueryParams) -> ApiResult<Response> {
    let paging = query.paging(&SORT_KEYS, "score", true)?;
    let sort = match paging.sort_key {
        "name" => SceneGroupSort::Name,
        "sampleSize" => SceneGroupSort::SampleSize,
        "updated" => SceneGroupSort::Updated,
        _ => SceneGroupSort::Score,
    };
    let (total, groups) = state
        .store
        .scene_groups(SceneGroupPage {
            page: i64::try_from(paging.page).unwrap_or(i64::MAX),
            page_size: i64::try_from(paging.page_size).unwrap_or(i64::MAX),
            sort,
            ascending: !paging.descending,
        })
        .await?;
    let records = groups.iter().map(resource).collect();
    ok(&paging.resource(usize::try_from(total).unwrap_or(0), Value::Array(records)))
}

/// `GET /scenegroup/{name}`: one group, its name in any case.
#[tracing::instrument(skip_all)]
async fn one(State(state): State<AppState>, Path(name): Path<String>) -> ApiResult<Response> {
    match state.store.scene_group(&name).await? {
        Some(group) => ok(&resource(&group)),
        None => Err(ApiError::NotFound(format!(
            "No scene group named '{name}' has been analysed"
        ))),
    }
}

#[tracing::instrument(skip_all)]
async fn read_config(State(state): State<AppState>) -> ApiResult<Response> {
    ok(&config_resource(&load(&state).await?))
}

#[tracing::instrument(skip_all)]
async fn update_config(
    State(state): State<AppState>,
    ApiJson(config): ApiJson<SceneGroupConfig>,
) -> ApiResult<Response> {
    accepted(&config_resource(&save(&state, config).await?))
}

/// The settings with the id 1 Radarr's config resources carry.
fn config_resource(config: &SceneGroupConfig) -> Value {
    let mut resource = json!(config);
    if let Some(map) = resource.as_object_mut() {
        map.insert("id".into(), json!(1));
    }
    resource
}

/// A group: its score, the parts it is made of and the statistics behind
/// them.
fn resource(group: &SceneGroup) -> Value {
    let (r, s) = (&group.reputation, &group.stats);
    let counted = |counts: &[(String, usize)]| -> Vec<Value> {
        counts
            .iter()
            .map(|(name, count)| json!({"name": name, "count": count}))
            .collect()
    };
    json!({
        "name": group.name,
        "score": round(group.score),
        "sampleSize": group.sample_size,
        "updated": WireDate(group.updated),
        "components": {
            "rawScore": round(r.raw_score),
            "popularity": r.popularity,
            "seeding": r.seeding,
            "internal": r.internal,
            "consistency": r.consistency,
            "reliability": r.reliability,
        },
        "statistics": {
            "releases": s.releases,
            "averageSeeders": s.average_seeders,
            "medianSeeders": s.median_seeders,
            "totalCompletions": s.total_completions,
            "medianCompletions": s.median_completions,
            "internalShare": s.internal_share,
            "freeleechShare": s.freeleech_share,
            "qualities": counted(&s.qualities),
            "sources": counted(&s.sources),
            "sizeVariation": s.size_variation,
            "sizeVariationByQuality": s
                .size_variation_by_quality
                .iter()
                .map(|(name, variation)| json!({"name": name, "variation": variation}))
                .collect::<Vec<_>>(),
            "replacedShare": s.replaced_share,
            "deletedShare": s.deleted_share,
            "firstSeen": WireDate(s.first_seen),
            "lastSeen": WireDate(s.last_seen),
        },
    })
}

/// A score to one decimal, as shown.
fn round(score: f64) -> f64 {
    (score * 10.0).round() / 10.0
}
