//! Radarr's push channel: the ASP.NET Core SignalR hub at
//! `{urlBase}/signalr/messages` that Bazarr, LunaSea and the web UI listen
//! to. Negotiate, then one WebSocket speaking the JSON hub protocol, over
//! which the hub invokes `receiveMessage` for each message of the event bus
//! (`crate::events`). Only the WebSockets transport is served.

mod hub;
mod negotiate;
pub mod protocol;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::HeaderValue;
use axum::middleware::{Next, from_fn_with_state};
use axum::response::Response;
use axum::routing::{get, post};

use crate::auth::require_api_key;
use crate::extract::QueryParams;
use crate::state::AppState;

/// The hub's routes, each behind the API key: they live outside `/api`, so
/// they carry their own auth layer.
pub fn routes(state: &AppState) -> Router<AppState> {
    Router::new()
        .route("/signalr/messages", get(hub::connect))
        .route("/signalr/messages/negotiate", post(negotiate::negotiate))
        .layer(from_fn_with_state(state.clone(), require_key))
}

/// The API's own check ([`require_api_key`]: the key, or the web UI's
/// session cookie), which here also takes the key as `access_token`: a
/// browser cannot set headers on a WebSocket, so SignalR clients (Bazarr
/// too) put the key there. It is handed on as the `X-Api-Key` header the
/// check reads, so the comparison, the slowing of repeated failures and the
/// empty 401 stay the API's.
async fn require_key(state: State<AppState>, mut req: Request, next: Next) -> Response {
    let query = QueryParams::parse(req.uri().query().unwrap_or(""));
    if !req.headers().contains_key("x-api-key")
        && let Some(token) = query.get("access_token")
        && let Ok(value) = HeaderValue::from_str(token)
    {
        req.headers_mut().insert("x-api-key", value);
    }
    require_api_key(state, req, next).await
}
