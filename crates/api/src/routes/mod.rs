//! The router: every route, the auth boundary, and the layers around it.

mod backup;
mod blocklist;
mod calendar;
mod collection;
mod command;
mod custom_format;
mod delay_profile;
mod exclusion;
mod history;
mod host_config;
mod indexer_config;
mod indexer_status;
mod initialize;
mod log;
mod login;
mod manual_import;
mod media_cover;
mod media_management_config;
mod movie;
mod movie_file;
mod movie_list;
mod movie_lookup;
mod naming_config;
mod parse;
mod providers;
mod quality;
mod quality_definition;
mod queue;
pub mod related;
mod release;
mod release_profile;
mod remote_path_mapping;
mod rename;
pub mod respond;
// Shared with the push channel, which renders movies as GET /movie/{id} does.
pub(crate) use movie::render_context;
mod root_folder;
mod scene_group;
mod system;
mod tag;
mod task;
mod wanted;

use axum::Router;
use axum::extract::Request;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::from_fn_with_state;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tower::ServiceExt;
use tower::util::MapRequest;
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::cors::{Any, CorsLayer};

use crate::auth::require_api_key;
use crate::middleware::{application_version, lowercase_path, observe};
use crate::providers::download_clients::DownloadClients;
use crate::providers::indexers::Indexers;
use crate::state::AppState;

/// A request rewriter, as [`service`] applies it.
type Rewrite = fn(Request) -> Request;

/// The whole application as a service whose paths match in any case: the
/// rewrite must run before routing, so it wraps the router rather than being
/// one of its layers.
pub fn service(state: AppState) -> MapRequest<Router, Rewrite> {
    service_with(state, Router::new())
}

/// [`service`] with more routes beside the API's (the web UI's), under the
/// same URL base and layers.
pub fn service_with(state: AppState, more: Router<AppState>) -> MapRequest<Router, Rewrite> {
    app_with(state, more).map_request(lowercase_path as Rewrite)
}

/// Every route with its layers; paths match exactly.
pub fn app(state: AppState) -> Router {
    app_with(state, Router::new())
}

/// [`app`] with `more` routes beside the API's.
pub fn app_with(state: AppState, more: Router<AppState>) -> Router {
    let v3 = Router::new()
        .merge(movie::routes())
        .merge(movie_lookup::routes())
        .merge(system::routes())
        .merge(root_folder::routes())
        .merge(tag::routes())
        .merge(quality::routes())
        .merge(exclusion::routes())
        .merge(command::routes())
        .merge(collection::routes())
        .merge(task::routes())
        .merge(parse::routes())
        .merge(providers::routes::<DownloadClients>())
        .merge(history::routes())
        .merge(providers::routes::<Indexers>())
        .merge(indexer_status::routes())
        .merge(release::routes())
        .merge(wanted::routes())
        .merge(quality_definition::routes())
        .merge(custom_format::routes())
        .merge(release_profile::routes())
        .merge(delay_profile::routes())
        .merge(indexer_config::routes())
        .merge(queue::routes())
        .merge(blocklist::routes())
        .merge(naming_config::routes())
        .merge(media_management_config::routes())
        .merge(movie_file::routes())
        .merge(scene_group::routes())
        .route("/calendar", get(calendar::calendar))
        .merge(manual_import::routes())
        .merge(rename::routes())
        .merge(remote_path_mapping::routes())
        .merge(host_config::routes())
        .merge(backup::routes())
        .merge(log::routes())
        .route("/mediacover/{id}/{file}", get(media_cover::get));
    let api = Router::new()
        .route("/api", get(system::api_info))
        .route("/feed/v3/calendar/radarr.ics", get(calendar::feed))
        .route("/backup/{kind}/{name}", get(backup::download))
        .route("/logfile/{filename}", get(log::download))
        .route("/mediacover/{id}/{file}", get(media_cover::get))
        .route("/mediacoverproxy/{hash}/{file}", get(media_cover::proxy))
        .nest("/api/v3", v3)
        .layer(from_fn_with_state(state.clone(), application_version))
        .layer(from_fn_with_state(state.clone(), require_api_key));
    let mut metrics = Router::new().route("/metrics", get(metrics_page));
    if !state.config.metrics_open {
        metrics = metrics.layer(from_fn_with_state(state.clone(), require_api_key));
    }
    let routes = Router::new()
        .route("/ping", get(system::ping).head(system::ping))
        .merge(api)
        .merge(login::routes())
        .merge(initialize::routes(state.clone()))
        .merge(more)
        .merge(crate::signalr::routes(&state))
        .merge(metrics)
        .layer(from_fn_with_state(state.config.slow_request, observe))
        .layer(DefaultBodyLimit::max(state.config.body_limit))
        .layer(
            CorsLayer::new()
                .allow_origin(Any)
                .allow_methods(Any)
                .allow_headers(Any),
        )
        .layer(CompressionLayer::new().quality(CompressionLevel::Fastest));
    let url_base = state.config.url_base.to_ascii_lowercase();
    if url_base.is_empty() {
        routes.with_state(state)
    } else {
        Router::new().nest(&url_base, routes.with_state(state))
    }
}

/// `GET /metrics`: Prometheus text.
async fn metrics_page(State(state): State<AppState>) -> Response {
    match &state.metrics {
        Some(render) => (
            [(
                CONTENT_TYPE,
                HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
            )],
            render(),
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}
