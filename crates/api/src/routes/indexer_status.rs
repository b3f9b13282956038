//! `/api/v3/indexerstatus`: the indexers being left alone after failures,
//! as Radarr's `IndexerStatusResource` (and Prowlarr's) lists them.

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use chrono::Utc;
use domain::indexer_status::IndexerStatus;
use serde::Serialize;

use crate::error::ApiResult;
use crate::resources::wire_date::WireDate;
use crate::routes::respond::ok;
use crate::services::indexer_status::disabled;
use crate::state::AppState;

/// The indexer status routes.
pub fn routes() -> Router<AppState> {
    Router::new().route("/indexerstatus", get(list))
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct StatusResource {
    indexer_id: i32,
    provider_id: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    disabled_till: Option<WireDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    most_recent_failure: Option<WireDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    initial_failure: Option<WireDate>,
    id: i32,
}

impl From<IndexerStatus> for StatusResource {
    fn from(status: IndexerStatus) -> Self {
        StatusResource {
            indexer_id: status.provider_id,
            provider_id: status.provider_id,
            disabled_till: status.disabled_till.map(WireDate),
            most_recent_failure: status.most_recent_failure.map(WireDate),
            initial_failure: status.initial_failure.map(WireDate),
            // One status per indexer, so the indexer's id serves as its own.
            id: status.provider_id,
        }
    }
}

/// `GET /indexerstatus`: the indexers disabled now.
#[tracing::instrument(skip_all)]
async fn list(State(state): State<AppState>) -> ApiResult<Response> {
    let statuses = disabled(state.store.as_ref(), Utc::now()).await?;
    ok(&statuses
        .into_iter()
        .map(StatusResource::from)
        .collect::<Vec<_>>())
}
