//! The UI's files, compiled into the binary: each served with its content
//! type, an ETag from its bytes and a cache policy, so a browser asks again
//! only with `If-None-Match` and is answered 304 while the binary is the
//! same.

use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, ETAG, IF_NONE_MATCH};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

/// One embedded file.
pub struct Asset {
    /// Its path under `/static/`.
    pub path: &'static str,
    pub bytes: &'static [u8],
    pub content_type: &'static str,
}

macro_rules! asset {
    ($path:literal, $type:expr) => {
        Asset {
            path: $path,
            bytes: include_bytes!(concat!("../assets/", $path)),
            content_type: $type,
        }
    };
}

const JS: &str = "text/javascript; charset=utf-8";
const CSS: &str = "text/css; charset=utf-8";

/// Every file the UI loads.
pub static ASSETS: &[Asset] = &[
    asset!("app.css", CSS),
    asset!("app.js", JS),
    asset!("api.js", JS),
    asset!("live.js", JS),
    asset!("tags.js", JS),
    asset!("pages/activity_tabs.js", JS),
    asset!("pages/add.js", JS),
    asset!("pages/blocklist.js", JS),
    asset!("pages/calendar.js", JS),
    asset!("pages/history.js", JS),
    asset!("pages/movie.js", JS),
    asset!("pages/movies.js", JS),
    asset!("pages/queue.js", JS),
    asset!("pages/settings.js", JS),
    asset!("pages/settings/custom_formats.js", JS),
    asset!("pages/settings/general.js", JS),
    asset!("pages/settings/lists.js", JS),
    asset!("pages/settings/media_management.js", JS),
    asset!("pages/settings/profile_edit.js", JS),
    asset!("pages/settings/profiles.js", JS),
    asset!("pages/settings/provider_fields.js", JS),
    asset!("pages/settings/providers.js", JS),
    asset!("pages/settings/quality.js", JS),
    asset!("pages/scene_groups.js", JS),
    asset!("pages/system.js", JS),
    asset!("pages/system/logs.js", JS),
    asset!("pages/system/backup.js", JS),
    asset!("pages/wanted.js", JS),
    asset!("favicon.svg", "image/svg+xml"),
];

/// The page every UI path answers with; the script draws the page the path
/// names.
pub static INDEX: &str = include_str!("../assets/index.html");

/// An asset by its path, if there is one.
pub fn find(path: &str) -> Option<&'static Asset> {
    ASSETS.iter().find(|a| a.path == path)
}

/// The file, or 304 when the browser holds the same bytes.
pub fn respond(asset: &Asset, headers: &HeaderMap) -> Response {
    let tag = format!("\"{:08x}\"", crc32fast::hash(asset.bytes));
    let unchanged = headers
        .get(IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == tag));
    let etag = HeaderValue::from_str(&tag).unwrap_or(HeaderValue::from_static("\"0\""));
    // Revalidated each time: the ETag makes that a 304 while nothing changed.
    let cache = HeaderValue::from_static("no-cache");
    if unchanged {
        return (
            StatusCode::NOT_MODIFIED,
            [(ETAG, etag), (CACHE_CONTROL, cache)],
        )
            .into_response();
    }
    (
        [
            (CONTENT_TYPE, HeaderValue::from_static(asset.content_type)),
            (ETAG, etag),
            (CACHE_CONTROL, cache),
        ],
        asset.bytes,
    )
        .into_response()
}
