//! `/api/v3/indexer`: the Newznab and Torznab indexers searched for
//! releases, set up by hand or synced by Prowlarr (which adds, then retries
//! with `forceSave=true` when the test fails).

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use domain::provider::{Provider, ProviderKind};
use indexers::ClientConfig;
use serde_json::{Value, json};

use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, QueryParams};
use crate::providers::indexer_checks::{Tested, test, validate};
use crate::providers::indexers::{SWITCHES, catalog, enabled, resource, templates};
use crate::providers::resource::read;
use crate::routes::respond::{Id, accepted, created_json, deleted, json, ok, update_id};
use crate::services::indexer_status::record;
use crate::state::AppState;

/// The indexer routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/indexer", get(list).post(add).put(update_unrouted))
        .route("/indexer/schema", get(schema))
        .route("/indexer/test", post(test_one))
        .route("/indexer/testall", post(test_all))
        .route("/indexer/{id}", get(one).put(update).delete(remove))
}

const KIND: ProviderKind = ProviderKind::Indexer;

#[tracing::instrument(skip_all)]
async fn list(State(state): State<AppState>) -> ApiResult<Response> {
    let mut indexers = state.store.providers(KIND).await?;
    // Radarr lists providers by name.
    indexers.sort_by(|a, b| a.name.cmp(&b.name));
    ok(&indexers.iter().map(resource).collect::<Vec<_>>())
}

#[tracing::instrument(skip_all)]
async fn one(State(state): State<AppState>, Id(id): Id) -> ApiResult<Response> {
    ok(&resource(&state.store.provider(KIND, id).await?))
}

#[tracing::instrument(skip_all)]
async fn schema() -> ApiResult<Response> {
    ok(&templates())
}

fn refuse(failures: Vec<crate::error::ValidationFailure>) -> ApiResult<()> {
    match failures.is_empty() {
        true => Ok(()),
        false => Err(ApiError::Validation(failures)),
    }
}

/// Runs Radarr's test and records its outcome in the indexer's status when
/// the indexer is a stored one.
async fn tested(state: &AppState, provider: &Provider) -> ApiResult<()> {
    let tested = test(provider, &ClientConfig::default()).await;
    if let Tested::Ran(result) = &tested
        && provider.id > 0
    {
        record(state, provider.id, result).await;
    }
    refuse(tested.failures())
}

/// Checks an enabled indexer before it is saved: its settings always, the
/// indexer itself unless `forceSave=true` (Prowlarr's retry).
async fn checked(state: &AppState, provider: &Provider, query: &QueryParams) -> ApiResult<()> {
    if !enabled(provider) {
        return Ok(());
    }
    refuse(validate(provider))?;
    if query.bool("forcesave", false)? {
        return Ok(());
    }
    tested(state, provider).await
}

#[tracing::instrument(skip_all)]
async fn add(
    State(state): State<AppState>,
    query: QueryParams,
    ApiJson(body): ApiJson<Value>,
) -> ApiResult<Response> {
    let (provider, _) = read(KIND, &body, &catalog(), &SWITCHES, None)?;
    checked(&state, &provider, &query).await?;
    let stored = state.store.add_provider(&provider).await?;
    created_json(
        &format!("/api/v3/indexer/{}", stored.id),
        &resource(&stored),
    )
}

async fn save(state: &AppState, id: i32, query: &QueryParams, body: &Value) -> ApiResult<Response> {
    let stored = state.store.provider(KIND, id).await?;
    let (provider, _) = read(KIND, body, &catalog(), &SWITCHES, Some(&stored))?;
    if provider == stored {
        return accepted(&resource(&stored));
    }
    checked(state, &provider, query).await?;
    accepted(&resource(&state.store.update_provider(&provider).await?))
}

#[tracing::instrument(skip_all)]
async fn update(
    State(state): State<AppState>,
    Id(id): Id,
    query: QueryParams,
    ApiJson(body): ApiJson<Value>,
) -> ApiResult<Response> {
    save(&state, id, &query, &body).await
}

/// `PUT /indexer` with the id in the body only.
#[tracing::instrument(skip_all)]
async fn update_unrouted(
    State(state): State<AppState>,
    query: QueryParams,
    ApiJson(body): ApiJson<Value>,
) -> ApiResult<Response> {
    let id = update_id(None, body_id(&body))?;
    save(&state, id, &query, &body).await
}

#[tracing::instrument(skip_all)]
async fn remove(State(state): State<AppState>, Id(id): Id) -> ApiResult<Response> {
    state.store.provider(KIND, id).await?;
    state.store.delete_providers(KIND, &[id]).await?;
    Ok(deleted())
}

fn body_id(body: &Value) -> Option<i32> {
    body.get("id")
        .and_then(Value::as_i64)
        .and_then(|id| i32::try_from(id).ok())
}

/// `POST /indexer/test`: 200 with `{}` when it passes. Prowlarr reads
/// `X-Application-Version` off this answer.
#[tracing::instrument(skip_all)]
async fn test_one(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<Value>,
) -> ApiResult<Response> {
    let stored = match body_id(&body) {
        Some(id) if id > 0 => state.store.provider(KIND, id).await.ok(),
        _ => None,
    };
    let (provider, _) = read(KIND, &body, &catalog(), &SWITCHES, stored.as_ref())?;
    tested(&state, &provider).await?;
    ok(&json!({}))
}

/// `POST /indexer/testall`: each enabled indexer's result; 400 when any fails.
#[tracing::instrument(skip_all)]
async fn test_all(State(state): State<AppState>) -> ApiResult<Response> {
    let mut results = Vec::new();
    for provider in state.store.providers(KIND).await? {
        // Radarr tests only the enabled indexers whose settings are valid.
        if !enabled(&provider) || !validate(&provider).is_empty() {
            continue;
        }
        let tested = test(&provider, &ClientConfig::default()).await;
        if let Tested::Ran(result) = &tested {
            record(&state, provider.id, result).await;
        }
        let failures = tested.failures();
        results.push(json!({"id": provider.id, "isValid": failures.is_empty(), "validationFailures": failures}));
    }
    let status = match results.iter().all(|r| r["isValid"] == true) {
        true => StatusCode::OK,
        false => StatusCode::BAD_REQUEST,
    };
    json(status, &results)
}
