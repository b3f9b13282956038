//! `/initialize.json` and the legacy `/initialize.js`: what the UI needs to
//! start (where the API is, its key, the versions), behind the UI's login.
//! Home Assistant's set-up reads the legacy script to find the key.

use axum::Router;
use axum::extract::State;
use axum::http::HeaderValue;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::middleware::from_fn_with_state;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use secrecy::ExposeSecret;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::error::ApiResult;
use crate::routes::respond::ok;
use crate::session::require_ui_session;
use crate::state::AppState;

/// The bootstrap routes, each behind the UI's login.
pub fn routes(state: AppState) -> Router<AppState> {
    Router::new()
        .route("/initialize.json", get(json))
        .route("/initialize.js", get(script))
        .route_layer(from_fn_with_state(state, require_ui_session))
}

/// Radarr's bootstrap fields, in its order.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Bootstrap<'a> {
    api_root: String,
    api_key: &'a str,
    release: &'a str,
    version: &'a str,
    instance_name: &'a str,
    theme: &'static str,
    branch: &'static str,
    analytics: bool,
    user_hash: String,
    url_base: &'a str,
    is_production: bool,
}

fn bootstrap(state: &AppState) -> Bootstrap<'_> {
    let config = &state.config;
    let key = config.api_key.expose_secret();
    Bootstrap {
        api_root: format!("{}/api/v3", config.url_base),
        api_key: key,
        release: &config.package_version,
        version: &config.app_version,
        instance_name: &config.instance_name,
        theme: "auto",
        branch: "main",
        analytics: false,
        user_hash: user_hash(key),
        url_base: &config.url_base,
        is_production: true,
    }
}

/// A short, stable id of this install that does not reveal its key.
fn user_hash(api_key: &str) -> String {
    Sha256::digest(api_key.as_bytes())
        .iter()
        .take(4)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `GET /initialize.json`.
#[tracing::instrument(skip_all)]
async fn json(State(state): State<AppState>) -> ApiResult<Response> {
    let mut response = ok(&bootstrap(&state))?;
    // It holds the API key: no cache keeps it.
    response
        .headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

/// `GET /initialize.js`: Radarr ≤ 4's script, one property a line, in
/// single quotes, as Home Assistant's regexes read it. `apiRoot` is given
/// below the URL base (which `urlBase` carries): Home Assistant matches
/// `apiRoot: '/api/…'` and would not find the version behind a prefix.
#[tracing::instrument(skip_all)]
async fn script(State(state): State<AppState>) -> Response {
    let b = bootstrap(&state);
    let body = format!(
        "// Radarr-compatible bootstrap (Unified-Radarr)\n\
         window.Radarr = {{\n  \
           apiRoot: '/api/v3',\n  \
           apiKey: '{}',\n  \
           urlBase: '{}',\n  \
           version: '{}',\n  \
           instanceName: '{}',\n  \
           release: '{}',\n  \
           theme: '{}',\n  \
           branch: '{}',\n  \
           analytics: {},\n  \
           userHash: '{}',\n  \
           isProduction: {}\n\
         }};\n",
        js_string(b.api_key),
        js_string(b.url_base),
        js_string(b.version),
        js_string(b.instance_name),
        js_string(b.release),
        b.theme,
        b.branch,
        b.analytics,
        b.user_hash,
        b.is_production,
    );
    (
        [
            (
                CONTENT_TYPE,
                HeaderValue::from_static("application/javascript; charset=utf-8"),
            ),
            (CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        body,
    )
        .into_response()
}

/// Text made safe inside a single-quoted JavaScript string.
fn js_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            // So the text can never close a <script> it is put in.
            '<' => out.push_str("\\u003c"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_hash_is_eight_stable_hex_digits() {
        let hash = user_hash("abc");
        assert_eq!(hash.len(), 8);
        assert_eq!(hash, user_hash("abc"));
        assert_ne!(hash, user_hash("abd"));
        assert_eq!(hash, "ba7816bf", "the first four bytes of sha256(abc)");
    }

    #[test]
    fn js_strings_cannot_break_out() {
        assert_eq!(
            js_string(r"it's a \ </script>"),
            r"it\'s a \\ \u003c/script>"
        );
        assert_eq!(js_string("a\nb"), "a\\nb");
    }
}
