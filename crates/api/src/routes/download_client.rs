//! `/api/v3/downloadclient`: where grabbed releases are handed on.

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use domain::provider::{Provider, ProviderKind};
use serde_json::{Value, json};

use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, QueryParams};
use crate::providers::download_clients::{SWITCHES, catalog, test};
use crate::providers::resource::{read, render, template};
use crate::routes::respond::{Id, accepted, created_json, deleted, json, ok};
use crate::state::AppState;

/// The download client routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/downloadclient", get(list).post(add))
        .route("/downloadclient/schema", get(schema))
        .route("/downloadclient/test", post(test_one))
        .route("/downloadclient/testall", post(test_all))
        .route("/downloadclient/{id}", get(one).put(update).delete(remove))
}

const KIND: ProviderKind = ProviderKind::DownloadClient;

fn resource(provider: &Provider) -> Value {
    let catalog = catalog();
    match catalog
        .iter()
        .find(|i| i.implementation == provider.implementation)
    {
        Some(implementation) => render(provider, implementation),
        None => {
            json!({"id": provider.id, "name": provider.name, "implementation": provider.implementation})
        }
    }
}

#[tracing::instrument(skip_all)]
async fn list(State(state): State<AppState>) -> ApiResult<Response> {
    let providers = state.store.providers(KIND).await?;
    ok(&providers.iter().map(resource).collect::<Vec<_>>())
}

#[tracing::instrument(skip_all)]
async fn one(State(state): State<AppState>, Id(id): Id) -> ApiResult<Response> {
    ok(&resource(&state.store.provider(KIND, id).await?))
}

#[tracing::instrument(skip_all)]
async fn schema() -> ApiResult<Response> {
    let templates: Vec<Value> = catalog().iter().map(|i| template(i, &SWITCHES)).collect();
    ok(&templates)
}

/// Tests an enabled client before it is saved, unless `forceSave=true`.
async fn tested(provider: &Provider, query: &QueryParams) -> ApiResult<()> {
    if query.bool("forcesave", false)? || !provider.flag("enable", true) {
        return Ok(());
    }
    let failures = test(provider).await;
    if failures.is_empty() {
        Ok(())
    } else {
        Err(ApiError::Validation(failures))
    }
}

#[tracing::instrument(skip_all)]
async fn add(
    State(state): State<AppState>,
    query: QueryParams,
    ApiJson(body): ApiJson<Value>,
) -> ApiResult<Response> {
    let (provider, _) = read(KIND, &body, &catalog(), &SWITCHES, None)?;
    tested(&provider, &query).await?;
    let stored = state.store.add_provider(&provider).await?;
    created_json(
        &format!("/api/v3/downloadclient/{}", stored.id),
        &resource(&stored),
    )
}

#[tracing::instrument(skip_all)]
async fn update(
    State(state): State<AppState>,
    Id(id): Id,
    query: QueryParams,
    ApiJson(body): ApiJson<Value>,
) -> ApiResult<Response> {
    let stored = state.store.provider(KIND, id).await?;
    let (provider, _) = read(KIND, &body, &catalog(), &SWITCHES, Some(&stored))?;
    if provider != stored {
        tested(&provider, &query).await?;
    }
    accepted(&resource(&state.store.update_provider(&provider).await?))
}

#[tracing::instrument(skip_all)]
async fn remove(State(state): State<AppState>, Id(id): Id) -> ApiResult<Response> {
    state.store.provider(KIND, id).await?;
    state.store.delete_providers(KIND, &[id]).await?;
    Ok(deleted())
}

/// `POST /downloadclient/test`: 200 with `{}` when it passes.
#[tracing::instrument(skip_all)]
async fn test_one(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<Value>,
) -> ApiResult<Response> {
    let id = body
        .get("id")
        .and_then(Value::as_i64)
        .and_then(|id| i32::try_from(id).ok());
    let stored = match id {
        Some(id) if id > 0 => state.store.provider(KIND, id).await.ok(),
        _ => None,
    };
    let (provider, _) = read(KIND, &body, &catalog(), &SWITCHES, stored.as_ref())?;
    let failures = test(&provider).await;
    if failures.is_empty() {
        ok(&json!({}))
    } else {
        Err(ApiError::Validation(failures))
    }
}

/// `POST /downloadclient/testall`: each client's result; 400 when any fails.
#[tracing::instrument(skip_all)]
async fn test_all(State(state): State<AppState>) -> ApiResult<Response> {
    let mut results = Vec::new();
    let mut all_valid = true;
    for provider in state.store.providers(KIND).await? {
        let failures = test(&provider).await;
        all_valid &= failures.is_empty();
        results.push(json!({"id": provider.id, "isValid": failures.is_empty(), "validationFailures": failures}));
    }
    let status = if all_valid {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    json(status, &results)
}
