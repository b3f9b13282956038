//! Cross-cutting behaviour: case-insensitive routes, the version header,
//! request metrics and slow-request logs.

use std::time::{Duration, Instant};

use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderValue, Uri};
use axum::middleware::Next;
use axum::response::Response;

use crate::state::AppState;

/// The request path as sent, before [`lowercase_path`]: for the few routes
/// whose last segment is a name that keeps its case (a TMDB image's file).
#[derive(Clone, Debug)]
pub struct CasedPath(pub String);

/// Lower-cases the request path before routing: Radarr's routes match in any
/// case and clients rely on it (`/api/v3/qualityProfile`, `/MediaCover/…`).
pub fn lowercase_path(mut req: Request) -> Request {
    if req.uri().path().bytes().any(|b| b.is_ascii_uppercase()) {
        let uri = req.uri().clone();
        let path = uri.path();
        req.extensions_mut().insert(CasedPath(path.to_string()));
        let lowered = match uri.query() {
            Some(q) => format!("{}?{q}", path.to_ascii_lowercase()),
            None => path.to_ascii_lowercase(),
        };
        if let Ok(new) = lowered.parse::<Uri>() {
            let mut parts = uri.into_parts();
            parts.path_and_query = new.into_parts().path_and_query;
            if let Ok(rebuilt) = Uri::from_parts(parts) {
                *req.uri_mut() = rebuilt;
            }
        }
    }
    req
}

/// Adds `X-Application-Version` to every authenticated `/api` response:
/// Prowlarr reads it to decide whether it talks to a Radarr it supports.
pub async fn application_version(
    State(state): State<AppState>,
    req: Request,
    next: Next,
) -> Response {
    let mut response = next.run(req).await;
    if let Ok(value) = HeaderValue::from_str(&state.config.app_version) {
        response
            .headers_mut()
            .insert("x-application-version", value);
    }
    response
}

/// Records each request's duration by route template (never the raw path, so
/// ids do not explode the label set) and logs at warn those slower than
/// `slow`, the rest at debug, as Radarr does at its debug level.
pub async fn observe(State(slow): State<Duration>, req: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = req.method().to_string();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| "unmatched".to_string());
    let response = next.run(req).await;
    let elapsed = started.elapsed();
    let status = response.status().as_u16().to_string();
    let labels = [
        ("method", method.clone()),
        ("route", route.clone()),
        ("status", status),
    ];
    metrics::histogram!("radarr_api_request_duration_seconds", &labels)
        .record(elapsed.as_secs_f64());
    metrics::counter!("radarr_api_requests_total", &labels).increment(1);
    if elapsed > slow {
        tracing::warn!(%method, %route, duration_ms = elapsed.as_millis() as u64, "slow request");
    } else {
        let status = response.status().as_u16();
        tracing::debug!(%method, %route, status, duration_ms = elapsed.as_millis() as u64, "request");
    }
    response
}

#[cfg(test)]
mod tests {
    use std::io::Write;
    use std::sync::{Arc, Mutex};

    use axum::Router;
    use axum::routing::get;
    use tower::ServiceExt;

    use super::*;

    /// Collects what the log writes.
    #[derive(Clone, Default)]
    struct Captured(Arc<Mutex<Vec<u8>>>);

    impl Write for Captured {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[tokio::test(flavor = "current_thread")]
    async fn slow_requests_are_logged_at_warn_with_route_and_duration() {
        let captured = Captured::default();
        let writer = captured.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::WARN)
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .finish();
        let _guard = tracing::subscriber::set_default(subscriber);
        let app = Router::new()
            .route(
                "/slow/{id}",
                get(|| async { tokio::time::sleep(Duration::from_millis(30)).await }),
            )
            .route("/fast", get(|| async {}))
            .layer(axum::middleware::from_fn_with_state(
                Duration::from_millis(10),
                observe,
            ));
        let request = |uri: &str| {
            Request::builder()
                .uri(uri)
                .body(axum::body::Body::empty())
                .unwrap()
        };
        app.clone().oneshot(request("/fast")).await.unwrap();
        assert!(
            captured.0.lock().unwrap().is_empty(),
            "fast requests are not logged"
        );
        app.oneshot(request("/slow/7")).await.unwrap();
        let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
        assert!(log.contains("WARN"), "{log}");
        assert!(log.contains("route=/slow/{id}"), "{log}");
        assert!(log.contains("duration_ms="), "{log}");
    }

    #[test]
    fn path_is_lowered_and_query_kept() {
        let req = Request::builder()
            .uri("/API/v3/qualityProfile?ApiKey=AbC")
            .body(axum::body::Body::empty())
            .unwrap();
        let req = lowercase_path(req);
        assert_eq!(req.uri().path(), "/api/v3/qualityprofile");
        assert_eq!(req.uri().query(), Some("ApiKey=AbC"));
    }
}
