//! The web UI, built into the binary: one HTML page for every UI path, whose
//! script draws the page the path names from `/api/v3`, and the scripts and
//! styles it loads from `/static/`. No Node.js builds or runs it; the pages
//! are plain ES modules.
#![forbid(unsafe_code)]

mod assets;

use api::AppState;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

/// The paths the UI draws, Radarr's where it has one. Each answers the same
/// page; the script reads the path.
const PAGES: &[&str] = &[
    "/",
    "/movies",
    "/movie/{slug}",
    "/add/new",
    "/activity/queue",
    "/activity/history",
    "/activity/blocklist",
    "/calendar",
    "/wanted/missing",
    "/wanted/cutoffunmet",
    "/settings",
    "/settings/{section}",
    "/system/{section}",
    "/scenegroups",
];

/// The UI's routes: its pages, which need the UI's login (`pages_layer`
/// wraps them), and its static files, which do not (the login page uses
/// them too).
pub fn routes(pages_layer: impl FnOnce(Router<AppState>) -> Router<AppState>) -> Router<AppState> {
    let mut pages = Router::new();
    for path in PAGES {
        pages = pages.route(path, get(index));
    }
    pages_layer(pages).route("/static/{*path}", get(asset))
}

/// The page, its links under the URL base.
async fn index(State(state): State<AppState>) -> Response {
    let page = assets::INDEX.replace("__URL_BASE__", &state.config.url_base);
    (
        [
            (
                CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            ),
            // The page holds nothing that changes; its scripts are checked
            // by their ETags.
            (CACHE_CONTROL, HeaderValue::from_static("no-cache")),
        ],
        page,
    )
        .into_response()
}

async fn asset(Path(path): Path<String>, headers: HeaderMap) -> Response {
    match assets::find(&path) {
        Some(asset) => assets::respond(asset, &headers),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}
