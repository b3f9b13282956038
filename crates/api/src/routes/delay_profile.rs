//! `/api/v3/delayprofile`: how long releases wait for better ones, per tag,
//! in the order the user sets; the default profile (id 1) always exists.

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::{get, put};
use domain::decision::DelayProfile;
use domain::decision::delay_profile::reorder;

use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, QueryParams};
use crate::resources::delay_profile::DelayProfileResource;
use crate::routes::respond::{Id, accepted, created_json, deleted, ok, update_id};
use crate::state::AppState;

/// The delay profile routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/delayprofile", get(list).post(add))
        .route("/delayprofile/reorder/{id}", put(move_after))
        .route("/delayprofile/{id}", get(one).put(update).delete(remove))
}

fn resources(profiles: Vec<DelayProfile>) -> Vec<DelayProfileResource> {
    profiles.into_iter().map(Into::into).collect()
}

/// The profile a body describes, checked by Radarr's rules.
async fn checked(state: &AppState, resource: &DelayProfileResource) -> ApiResult<DelayProfile> {
    let others = state.store.delay_profiles().await?;
    let failures = resource.failures(&others);
    if failures.is_empty() {
        Ok(resource.to_profile())
    } else {
        Err(ApiError::Validation(failures))
    }
}

#[tracing::instrument(skip_all)]
async fn list(State(state): State<AppState>) -> ApiResult<Response> {
    ok(&resources(state.store.delay_profiles().await?))
}

#[tracing::instrument(skip_all)]
async fn one(State(state): State<AppState>, Id(id): Id) -> ApiResult<Response> {
    ok(&DelayProfileResource::from(
        state.store.delay_profile(id).await?,
    ))
}

#[tracing::instrument(skip_all)]
async fn add(
    State(state): State<AppState>,
    ApiJson(mut resource): ApiJson<DelayProfileResource>,
) -> ApiResult<Response> {
    // A new profile is never the default, whatever id the body carries.
    resource.id = 0;
    let profile = checked(&state, &resource).await?;
    let added = state.store.add_delay_profile(&profile).await?;
    created_json(
        &format!("{}/api/v3/delayprofile/{}", state.config.url_base, added.id),
        &DelayProfileResource::from(added),
    )
}

#[tracing::instrument(skip_all)]
async fn update(
    State(state): State<AppState>,
    id: Id,
    ApiJson(mut resource): ApiJson<DelayProfileResource>,
) -> ApiResult<Response> {
    resource.id = update_id(Some(id), Some(resource.id))?;
    let profile = checked(&state, &resource).await?;
    accepted(&DelayProfileResource::from(
        state.store.update_delay_profile(&profile).await?,
    ))
}

#[tracing::instrument(skip_all)]
async fn remove(State(state): State<AppState>, Id(id): Id) -> ApiResult<Response> {
    if id == DelayProfile::DEFAULT_ID {
        return Err(ApiError::MethodNotAllowed(
            "Cannot delete global delay profile".into(),
        ));
    }
    state.store.delete_delay_profile(id).await?;
    Ok(deleted())
}

/// `PUT /delayprofile/reorder/{id}?after=`: moves the profile to just after
/// `after` (first when absent); 200 with every profile in its new order.
#[tracing::instrument(skip_all)]
async fn move_after(
    State(state): State<AppState>,
    Id(id): Id,
    query: QueryParams,
) -> ApiResult<Response> {
    if id <= 0 {
        return Err(ApiError::BadRequest(format!("{id} is not a valid ID")));
    }
    let after = query.i32("after")?;
    let profiles = state.store.delay_profiles().await?;
    let reordered = reorder(&profiles, id, after);
    let orders: Vec<(i32, i32)> = reordered
        .iter()
        .filter(|p| {
            profiles
                .iter()
                .any(|old| old.id == p.id && old.order != p.order)
        })
        .map(|p| (p.id, p.order))
        .collect();
    state.store.set_delay_profile_orders(&orders).await?;
    ok(&resources(state.store.delay_profiles().await?))
}
