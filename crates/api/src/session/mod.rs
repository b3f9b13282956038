//! The web UI's login policy: who may see a UI page (or the UI's bootstrap)
//! without the API key, as Radarr v5 decides it, as one middleware the UI's
//! routes put on; and the session cookie `/api` accepts besides the key.

pub mod cookie;
pub mod local_address;

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, OriginalUri, Request, State};
use axum::http::header::{ACCEPT, LOCATION};
use axum::http::{Extensions, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

pub use cookie::COOKIE_NAME;
pub use local_address::is_local_address;

use crate::auth::{client_ip, key_matches, presented_key};
use crate::error::ApiResult;
use crate::extract::QueryParams;
use crate::services::auth_settings::{
    self, AuthSettings, AuthenticationMethod, AuthenticationRequired,
};
use crate::state::AppState;

/// Where a request came from, after believing trusted proxies.
#[derive(Debug, Clone, Copy)]
pub struct Origin {
    /// The client's address; `None` when the connection's is unknown.
    pub ip: Option<IpAddr>,
    /// Whether the browser reached us over https.
    pub https: bool,
}

/// The request's [`Origin`]. `X-Forwarded-For` and `X-Forwarded-Proto` count
/// only from a trusted proxy: anyone else could claim to be local.
pub fn origin(state: &AppState, extensions: &Extensions, headers: &HeaderMap) -> Origin {
    let peer = extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    let trusted = &state.config.trusted_proxies;
    let from_proxy = peer.is_some_and(|p| trusted.iter().any(|net| net.contains(&p)));
    let https = from_proxy
        && headers
            .get("x-forwarded-proto")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').next())
            .is_some_and(|proto| proto.trim().eq_ignore_ascii_case("https"));
    Origin {
        ip: peer.map(|p| client_ip(p, headers, trusted)),
        https,
    }
}

/// Where the session cookie applies and whether it is https-only.
pub fn cookie_scope(state: &AppState, origin: Origin) -> cookie::Scope<'_> {
    let base = state.config.url_base.as_str();
    cookie::Scope {
        path: if base.is_empty() { "/" } else { base },
        secure: origin.https,
    }
}

/// The current time in Unix seconds, as cookies carry it.
pub fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// The user a request's session cookie names, if the cookie is valid under
/// `settings` and names the current user.
pub fn cookie_user(settings: &AuthSettings, headers: &HeaderMap) -> Option<String> {
    let value = cookie::presented(headers)?;
    let name = cookie::verify(settings.session_key(), value, now())?;
    settings.is_user(&name).then_some(name)
}

/// Whether a request carries a valid session cookie; reads the settings
/// only when a cookie is there, so key-only clients cost nothing more.
pub async fn has_session(state: &AppState, headers: &HeaderMap) -> ApiResult<bool> {
    if cookie::presented(headers).is_none() {
        return Ok(false);
    }
    let settings = auth_settings::load(state).await?;
    Ok(cookie_user(&settings, headers).is_some())
}

/// Whether the UI policy lets this request in. Takes the request's parts,
/// not the request, whose body cannot be shared across an await.
async fn allowed(
    state: &AppState,
    has_key: bool,
    origin: Origin,
    headers: &HeaderMap,
) -> ApiResult<bool> {
    if has_key {
        return Ok(true);
    }
    let settings = auth_settings::load(state).await?;
    if settings.method != AuthenticationMethod::Forms {
        return Ok(true);
    }
    // Until the first-run form made a user, every page leads to it.
    if settings.user.is_none() {
        return Ok(false);
    }
    if settings.required == AuthenticationRequired::DisabledForLocalAddresses
        && origin.ip.is_some_and(is_local_address)
    {
        return Ok(true);
    }
    Ok(cookie_user(&settings, headers).is_some())
}

/// Middleware for the UI's pages and bootstrap: lets the request through
/// when the login method is none or external, when the client is local and
/// local addresses need no login, with a valid session cookie, or with the
/// API key. Otherwise a page is sent to the login page (which comes back
/// here after), and a script or XHR gets 401 with an empty body.
pub async fn require_ui_session(
    State(state): State<AppState>,
    req: Request,
    next: Next,
) -> Response {
    let query = QueryParams::parse(req.uri().query().unwrap_or(""));
    let has_key = presented_key(&query, req.headers()).is_some_and(|key| key_matches(&state, &key));
    let from = origin(&state, req.extensions(), req.headers());
    let verdict = allowed(&state, has_key, from, req.headers()).await;
    match verdict {
        Ok(true) => next.run(req).await,
        Ok(false) if wants_data(&req) => StatusCode::UNAUTHORIZED.into_response(),
        Ok(false) => {
            let here = req
                .extensions()
                .get::<OriginalUri>()
                .map(|u| &u.0)
                .unwrap_or(req.uri());
            let back = here.path_and_query().map_or("/", |pq| pq.as_str());
            let to = format!(
                "{}/login?returnUrl={}",
                state.config.url_base,
                form_urlencoded::byte_serialize(back.as_bytes()).collect::<String>()
            );
            redirect(StatusCode::FOUND, &to)
        }
        Err(e) => e.into_response(),
    }
}

/// Whether the request wants data rather than a page: a redirect to an HTML
/// login form would only confuse a script (Home Assistant reads
/// `/initialize.js` and would fail on it less clearly).
fn wants_data(req: &Request) -> bool {
    let path = req.uri().path();
    let accept = req
        .headers()
        .get(ACCEPT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let xhr = req
        .headers()
        .get("x-requested-with")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("xmlhttprequest"));
    path.ends_with(".json")
        || path.ends_with(".js")
        || xhr
        || (accept.contains("application/json") && !accept.contains("text/html"))
}

/// A redirect to `to`, a path we built or checked.
pub fn redirect(status: StatusCode, to: &str) -> Response {
    match HeaderValue::from_str(to) {
        Ok(location) => (status, [(LOCATION, location)]).into_response(),
        Err(_) => StatusCode::BAD_REQUEST.into_response(),
    }
}

/// Where to go after logging in: `candidate` when it is a path under the
/// URL base (never another site, nor `//host`, which browsers read as one),
/// else the UI's home.
pub fn safe_return_url(url_base: &str, candidate: Option<&str>) -> String {
    let home = format!("{url_base}/");
    let Some(url) = candidate.map(str::trim).filter(|u| !u.is_empty()) else {
        return home;
    };
    let lower = url.to_ascii_lowercase();
    let base = url_base.to_ascii_lowercase();
    let path = lower.split(['?', '#']).next().unwrap_or("");
    let under_base = base.is_empty() || path == base || path.starts_with(&format!("{base}/"));
    let login = path == format!("{base}/login") || path == format!("{base}/logout");
    let safe = url.starts_with('/')
        && !url.starts_with("//")
        && !url.contains('\\')
        && !url.chars().any(char::is_control)
        && url.is_ascii();
    if safe && under_base && !login {
        url.to_string()
    } else {
        home
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn return_urls_stay_under_the_url_base() {
        assert_eq!(safe_return_url("", Some("/movies?x=1")), "/movies?x=1");
        assert_eq!(safe_return_url("", None), "/");
        for hostile in [
            "https://evil.example",
            "//evil.example/x",
            "/\\evil.example",
            "evil",
            "javascript:alert(1)",
            "/login",
            "/x\r\nSet-Cookie: a=b",
        ] {
            assert_eq!(safe_return_url("", Some(hostile)), "/", "{hostile}");
        }
        assert_eq!(
            safe_return_url("/radarr", Some("/radarr/movies")),
            "/radarr/movies"
        );
        assert_eq!(safe_return_url("/radarr", Some("/radarr")), "/radarr");
        assert_eq!(safe_return_url("/radarr", Some("/other")), "/radarr/");
        assert_eq!(safe_return_url("/radarr", Some("/radarrx")), "/radarr/");
    }

    #[test]
    fn scripts_and_xhr_want_data_pages_do_not() {
        let request = |path: &str, accept: &str| {
            Request::builder()
                .uri(path)
                .header(ACCEPT, accept)
                .body(axum::body::Body::empty())
                .unwrap()
        };
        assert!(wants_data(&request("/initialize.json", "*/*")));
        assert!(wants_data(&request("/initialize.js", "*/*")));
        assert!(wants_data(&request("/anything", "application/json")));
        assert!(!wants_data(&request("/movies", "text/html,*/*")));
    }
}
