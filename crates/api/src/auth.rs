//! API-key authentication: the key from the `apikey` query, the `X-Api-Key`
//! header or a Bearer token, compared in constant time, or the web UI's
//! session cookie; an address that keeps failing is answered ever more slowly.

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use ipnet::IpNet;
use secrecy::ExposeSecret;
use subtle::ConstantTimeEq;

use crate::extract::QueryParams;
use crate::state::AppState;

/// Failures an address may make before its answers are delayed.
const FREE_FAILURES: u32 = 5;
/// The first delay; it doubles with each further failure.
const FIRST_DELAY: Duration = Duration::from_millis(250);
/// The longest delay.
const MAX_DELAY: Duration = Duration::from_secs(10);

/// Counts failed attempts per address; forgotten after 15 idle minutes.
pub struct FailureTracker {
    failures: moka::sync::Cache<IpAddr, u32>,
}

impl Default for FailureTracker {
    fn default() -> Self {
        FailureTracker {
            failures: moka::sync::Cache::builder()
                .max_capacity(100_000)
                .time_to_idle(Duration::from_secs(15 * 60))
                .build(),
        }
    }
}

impl FailureTracker {
    /// Records a failure and returns how long to wait before answering it.
    pub fn record_failure(&self, ip: IpAddr) -> Duration {
        let count = self.failures.get(&ip).unwrap_or(0).saturating_add(1);
        self.failures.insert(ip, count);
        delay_after(count)
    }

    /// Forgets an address's failures after it authenticates.
    pub fn clear(&self, ip: IpAddr) {
        self.failures.invalidate(&ip);
    }
}

/// The delay for the `count`th consecutive failure.
fn delay_after(count: u32) -> Duration {
    if count <= FREE_FAILURES {
        return Duration::ZERO;
    }
    let doublings = (count - FREE_FAILURES - 1).min(16);
    FIRST_DELAY.saturating_mul(1 << doublings).min(MAX_DELAY)
}

/// The key a request carries, from the query, `X-Api-Key` or `Authorization: Bearer`.
pub(crate) fn presented_key(query: &QueryParams, headers: &HeaderMap) -> Option<String> {
    if let Some(key) = query.get("apikey") {
        return Some(key.to_string());
    }
    if let Some(key) = headers.get("x-api-key").and_then(|v| v.to_str().ok()) {
        return Some(key.to_string());
    }
    headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.strip_prefix("Bearer ")
                .or_else(|| v.strip_prefix("bearer "))
        })
        .map(|k| k.trim().to_string())
}

/// The client's address: the peer, or, when the peer is a trusted proxy, the
/// last address in `X-Forwarded-For` that is not itself a trusted proxy.
pub fn client_ip(peer: IpAddr, headers: &HeaderMap, trusted: &[IpNet]) -> IpAddr {
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|net| net.contains(ip));
    if !is_trusted(&peer) {
        return peer;
    }
    let forwarded = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|s| s.trim().parse::<IpAddr>().ok())
        .collect::<Vec<_>>();
    forwarded
        .into_iter()
        .rev()
        .find(|ip| !is_trusted(ip))
        .unwrap_or(peer)
}

/// Whether the presented key is the configured one, in constant time.
pub fn key_matches(state: &AppState, presented: &str) -> bool {
    let expected = state.config.api_key.expose_secret().as_bytes();
    bool::from(expected.ct_eq(presented.as_bytes()))
}

/// Middleware: lets a request through only with the API key or a valid UI
/// session cookie (as Radarr v5 does); otherwise 401 with an empty body, as
/// Radarr answers.
pub async fn require_api_key(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let query = QueryParams::parse(req.uri().query().unwrap_or(""));
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip())
        .unwrap_or(IpAddr::from([127, 0, 0, 1]));
    let ip = client_ip(peer, req.headers(), &state.config.trusted_proxies);
    let by_key = presented_key(&query, req.headers()).is_some_and(|key| key_matches(&state, &key));
    // The cookie is checked only without the key, so key clients never wait
    // on reading the login settings.
    let by_session = !by_key
        && crate::session::has_session(&state, req.headers())
            .await
            .unwrap_or_else(|e| {
                tracing::error!(error = %e, "the login settings cannot be read");
                false
            });
    if by_key || by_session {
        state.auth_failures.clear(ip);
        return next.run(req).await;
    }
    slow_down(&state, ip).await;
    StatusCode::UNAUTHORIZED.into_response()
}

/// Records a failed attempt from `ip` and waits as long as its count asks.
pub async fn slow_down(state: &AppState, ip: IpAddr) {
    let delay = state.auth_failures.record_failure(ip);
    if !delay.is_zero() {
        tracing::warn!(%ip, ?delay, "repeated authentication failures; slowing down");
        tokio::time::sleep(delay).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_start_after_free_failures_double_and_stop_at_the_cap() {
        assert_eq!(delay_after(1), Duration::ZERO);
        assert_eq!(delay_after(5), Duration::ZERO);
        assert_eq!(delay_after(6), Duration::from_millis(250));
        assert_eq!(delay_after(7), Duration::from_millis(500));
        assert_eq!(delay_after(9), Duration::from_secs(2));
        assert_eq!(delay_after(40), MAX_DELAY);
        assert_eq!(delay_after(u32::MAX), MAX_DELAY);
    }

    #[test]
    fn tracker_counts_per_address_and_forgets_on_success() {
        let tracker = FailureTracker::default();
        let a: IpAddr = "10.0.0.1".parse().unwrap();
        let b: IpAddr = "10.0.0.2".parse().unwrap();
        for _ in 0..5 {
            assert_eq!(tracker.record_failure(a), Duration::ZERO);
        }
        assert!(tracker.record_failure(a) > Duration::ZERO);
        assert_eq!(tracker.record_failure(b), Duration::ZERO);
        tracker.clear(a);
        assert_eq!(tracker.record_failure(a), Duration::ZERO);
    }

    #[test]
    fn forwarded_for_is_believed_only_from_trusted_proxies() {
        let mut headers = HeaderMap::new();
        headers.insert("x-forwarded-for", "203.0.113.9, 10.0.0.5".parse().unwrap());
        let proxy: IpAddr = "10.0.0.5".parse().unwrap();
        let trusted: Vec<IpNet> = vec!["10.0.0.0/8".parse().unwrap()];
        assert_eq!(
            client_ip(proxy, &headers, &trusted),
            "203.0.113.9".parse::<IpAddr>().unwrap()
        );
        assert_eq!(client_ip(proxy, &headers, &[]), proxy);
        let stranger: IpAddr = "198.51.100.1".parse().unwrap();
        assert_eq!(client_ip(stranger, &headers, &trusted), stranger);
    }

    #[test]
    fn key_is_read_from_query_header_or_bearer() {
        let mut headers = HeaderMap::new();
        assert_eq!(
            presented_key(&QueryParams::parse("ApiKey=abc"), &headers).as_deref(),
            Some("abc")
        );
        headers.insert("x-api-key", "def".parse().unwrap());
        assert_eq!(
            presented_key(&QueryParams::default(), &headers).as_deref(),
            Some("def")
        );
        let mut bearer = HeaderMap::new();
        bearer.insert("authorization", "Bearer ghi".parse().unwrap());
        assert_eq!(
            presented_key(&QueryParams::default(), &bearer).as_deref(),
            Some("ghi")
        );
    }
}
