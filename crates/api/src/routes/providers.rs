//! The routes every kind of provider has, as Radarr's provider controller
//! serves them: list, one, add, update (with the id in the path or the
//! body), delete, schema, test and testall. A provider is checked before it
//! is saved: its settings always, the service itself unless
//! `forceSave=true` (Prowlarr's retry after a failed test). `action/{name}`
//! asks the provider a form describes for a field's options.

use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use domain::provider::Provider;
use serde_json::{Value, json};

use crate::error::{ApiError, ApiResult, ValidationFailure};
use crate::extract::{ApiJson, QueryParams};
use crate::providers::ProviderKindApi;
use crate::providers::resource::read;
use crate::routes::respond::{Id, accepted, created_json, deleted, json, ok, update_id};
use crate::services::provider_actions::request_action;
use crate::state::AppState;

/// The routes of kind `P` under `/{P::ROUTE}`.
pub fn routes<P: ProviderKindApi>() -> Router<AppState> {
    let base = format!("/{}", P::ROUTE);
    Router::new()
        .route(
            &base,
            get(list::<P>).post(add::<P>).put(update_unrouted::<P>),
        )
        .route(&format!("{base}/schema"), get(schema::<P>))
        .route(&format!("{base}/test"), post(test_one::<P>))
        .route(&format!("{base}/testall"), post(test_all::<P>))
        .route(&format!("{base}/action/{{name}}"), post(action::<P>))
        .route(
            &format!("{base}/{{id}}"),
            get(one::<P>).put(update::<P>).delete(remove::<P>),
        )
}

fn refuse(failures: Vec<ValidationFailure>) -> ApiResult<()> {
    if failures.is_empty() {
        Ok(())
    } else {
        Err(ApiError::Validation(failures))
    }
}

fn read_body<P: ProviderKindApi>(body: &Value, stored: Option<&Provider>) -> ApiResult<Provider> {
    let (provider, _) = read(P::KIND, body, &P::catalog(), &P::SWITCHES, stored)?;
    Ok(provider)
}

fn body_id(body: &Value) -> Option<i32> {
    body.get("id")
        .and_then(Value::as_i64)
        .and_then(|id| i32::try_from(id).ok())
}

/// Checks an enabled provider before it is saved.
async fn checked<P: ProviderKindApi>(
    state: &AppState,
    provider: &Provider,
    query: &QueryParams,
) -> ApiResult<()> {
    if !P::enabled(provider) {
        return Ok(());
    }
    refuse(P::validate(provider))?;
    if query.bool("forcesave", false)? {
        return Ok(());
    }
    refuse(P::test(state, provider).await)
}

#[tracing::instrument(skip_all)]
async fn list<P: ProviderKindApi>(State(state): State<AppState>) -> ApiResult<Response> {
    let mut providers = state.store.providers(P::KIND).await?;
    // Radarr lists providers by name.
    providers.sort_by(|a, b| a.name.cmp(&b.name));
    ok(&providers.iter().map(P::resource).collect::<Vec<_>>())
}

#[tracing::instrument(skip_all)]
async fn one<P: ProviderKindApi>(State(state): State<AppState>, Id(id): Id) -> ApiResult<Response> {
    ok(&P::resource(&state.store.provider(P::KIND, id).await?))
}

#[tracing::instrument(skip_all)]
async fn schema<P: ProviderKindApi>() -> ApiResult<Response> {
    ok(&P::templates())
}

#[tracing::instrument(skip_all)]
async fn add<P: ProviderKindApi>(
    State(state): State<AppState>,
    query: QueryParams,
    ApiJson(body): ApiJson<Value>,
) -> ApiResult<Response> {
    let provider = read_body::<P>(&body, None)?;
    checked::<P>(&state, &provider, &query).await?;
    let stored = state.store.add_provider(&provider).await?;
    created_json(
        &format!("/api/v3/{}/{}", P::ROUTE, stored.id),
        &P::resource(&stored),
    )
}

async fn save<P: ProviderKindApi>(
    state: &AppState,
    id: i32,
    query: &QueryParams,
    body: &Value,
) -> ApiResult<Response> {
    let stored = state.store.provider(P::KIND, id).await?;
    let provider = read_body::<P>(body, Some(&stored))?;
    if provider == stored {
        return accepted(&P::resource(&stored));
    }
    checked::<P>(state, &provider, query).await?;
    accepted(&P::resource(&state.store.update_provider(&provider).await?))
}

#[tracing::instrument(skip_all)]
async fn update<P: ProviderKindApi>(
    State(state): State<AppState>,
    Id(id): Id,
    query: QueryParams,
    ApiJson(body): ApiJson<Value>,
) -> ApiResult<Response> {
    save::<P>(&state, id, &query, &body).await
}

/// `PUT` with the id in the body only.
#[tracing::instrument(skip_all)]
async fn update_unrouted<P: ProviderKindApi>(
    State(state): State<AppState>,
    query: QueryParams,
    ApiJson(body): ApiJson<Value>,
) -> ApiResult<Response> {
    let id = update_id(None, body_id(&body))?;
    save::<P>(&state, id, &query, &body).await
}

#[tracing::instrument(skip_all)]
async fn remove<P: ProviderKindApi>(
    State(state): State<AppState>,
    Id(id): Id,
) -> ApiResult<Response> {
    state.store.provider(P::KIND, id).await?;
    state.store.delete_providers(P::KIND, &[id]).await?;
    Ok(deleted())
}

/// `POST …/test`: 200 with `{}` when it passes. Prowlarr reads
/// `X-Application-Version` off this answer.
#[tracing::instrument(skip_all)]
async fn test_one<P: ProviderKindApi>(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<Value>,
) -> ApiResult<Response> {
    let stored = match body_id(&body) {
        Some(id) if id > 0 => state.store.provider(P::KIND, id).await.ok(),
        _ => None,
    };
    let provider = read_body::<P>(&body, stored.as_ref())?;
    refuse(P::validate(&provider))?;
    refuse(P::test(&state, &provider).await)?;
    ok(&json!({}))
}

/// `POST …/testall`: each enabled provider with valid settings tested, as
/// Radarr picks them; 400 when any fails.
#[tracing::instrument(skip_all)]
async fn test_all<P: ProviderKindApi>(State(state): State<AppState>) -> ApiResult<Response> {
    let mut results = Vec::new();
    for provider in state.store.providers(P::KIND).await? {
        if !P::enabled(&provider) || !P::validate(&provider).is_empty() {
            continue;
        }
        let failures = P::test(&state, &provider).await;
        results.push(json!({"id": provider.id, "isValid": failures.is_empty(), "validationFailures": failures}));
    }
    let status = if results.iter().all(|r| r["isValid"] == true) {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    json(status, &results)
}

/// The provider a form being filled in describes, if it can be read yet.
/// The name plays no part in an action, so an unnamed new form is still read.
fn read_form<P: ProviderKindApi>(mut body: Value, stored: Option<&Provider>) -> Option<Provider> {
    if let Some(map) = body.as_object_mut() {
        let named = map.iter().any(|(k, v)| {
            k.eq_ignore_ascii_case("name") && v.as_str().is_some_and(|s| !s.trim().is_empty())
        });
        if !named {
            map.retain(|k, _| !k.eq_ignore_ascii_case("name"));
            map.insert("name".into(), json!(P::ROUTE));
        }
    }
    read_body::<P>(&body, stored).ok()
}

/// `POST …/action/{name}`: what the provider the body describes offers for
/// a field (`{"options": […]}`), or null for an action it does not have.
/// The body is not validated (it is a form being filled in): one that
/// cannot be read yet gets the action's defaults.
#[tracing::instrument(skip_all)]
async fn action<P: ProviderKindApi>(
    State(state): State<AppState>,
    Path(name): Path<String>,
    ApiJson(body): ApiJson<Value>,
) -> ApiResult<Response> {
    let stored = match body_id(&body) {
        Some(id) if id > 0 => state.store.provider(P::KIND, id).await.ok(),
        _ => None,
    };
    let provider = read_form::<P>(body, stored.as_ref());
    ok(&request_action(P::KIND, &name, provider.as_ref()).await)
}
