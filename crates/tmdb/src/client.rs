//! Requests to TMDB: through the shared limiter, with the configured
//! credentials, retried when TMDB asks to wait (429, after its Retry-After)
//! or fails in passing (5xx, timeouts, refused connections), and measured.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use reqwest::header::{AUTHORIZATION, RETRY_AFTER};
use reqwest::{RequestBuilder, Response, StatusCode};
use secrecy::ExposeSecret;
use serde::de::DeserializeOwned;

use crate::config::{Credential, TmdbConfig};
use crate::error::{Result, TmdbError};
use crate::rate_limit::Limiter;
use crate::wire::ErrorBody;

/// Tries per request, the first included.
pub const TRIES: u32 = 3;
/// The wait before the second try after a failure in passing; doubled after.
const BACKOFF: Duration = Duration::from_millis(500);
/// The wait after a 429 without a usable Retry-After.
const DEFAULT_RETRY_AFTER: Duration = Duration::from_secs(1);
/// A Retry-After longer than this is not waited out: the caller hears of it.
const LONGEST_RETRY_AFTER: Duration = Duration::from_secs(60);

/// What one try came to.
enum Outcome {
    Done(bytes::Bytes),
    Failed(TmdbError),
    /// Worth another try after the wait, or else this error.
    Retry(Duration, TmdbError),
}

/// The HTTP side of the client.
pub struct Requester {
    http: reqwest::Client,
    config: TmdbConfig,
    limiter: Limiter,
    /// Why the latest request failed, until one succeeds (for health).
    problem: Mutex<Option<String>>,
}

impl Requester {
    pub fn new(config: TmdbConfig) -> Result<Requester> {
        let http = reqwest::Client::builder()
            .timeout(config.timeout)
            .user_agent(concat!("Unified-Radarr/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| TmdbError::Unreachable(format!("cannot make an HTTP client: {e}")))?;
        Ok(Requester {
            http,
            limiter: Limiter::new(config.rate_limit),
            config,
            problem: Mutex::new(None),
        })
    }

    /// Why the latest request failed, unless a later one succeeded. An id
    /// TMDB does not know is an answer, not a problem.
    pub fn problem(&self) -> Option<String> {
        self.problem.lock().ok().and_then(|p| p.clone())
    }

    fn note(&self, outcome: &std::result::Result<(), &TmdbError>) {
        let problem = match outcome {
            Ok(()) | Err(TmdbError::NotFound { .. }) => None,
            Err(e) => Some(e.to_string()),
        };
        if let Ok(mut slot) = self.problem.lock() {
            *slot = problem;
        }
    }

    /// `GET {base}{path}?{query}` parsed as `T`, with the size of the body.
    /// `endpoint` names the call in metrics; `what` in errors.
    pub async fn get<T: DeserializeOwned>(
        &self,
        endpoint: &'static str,
        what: &str,
        path: &str,
        query: &[(&str, &str)],
    ) -> Result<(T, usize)> {
        // Before the limiter: a request that cannot be sent takes no turn.
        let Some(credential) = &self.config.credential else {
            return Err(TmdbError::NotConfigured);
        };
        let mut tries = 0;
        loop {
            tries += 1;
            self.limiter.until_ready().await;
            let started = Instant::now();
            let outcome = match self.request(path, query, credential).send().await {
                Ok(response) => judge(response, what, tries).await,
                Err(e) => Outcome::Retry(backoff(tries), TmdbError::Unreachable(describe(&e))),
            };
            let status = match &outcome {
                Outcome::Done(_) => "ok",
                Outcome::Failed(_) => "failed",
                Outcome::Retry(..) => "retried",
            };
            metrics::histogram!("radarr_tmdb_request_duration_seconds", "endpoint" => endpoint)
                .record(started.elapsed().as_secs_f64());
            metrics::counter!("radarr_tmdb_requests_total", "endpoint" => endpoint, "outcome" => status)
                .increment(1);
            let result = match outcome {
                Outcome::Done(body) => serde_json::from_slice(&body)
                    .map(|value| (value, body.len()))
                    .map_err(|e| TmdbError::Malformed {
                        what: what.to_string(),
                        reason: e.to_string(),
                    }),
                Outcome::Retry(wait, e) if tries < TRIES => {
                    tracing::debug!(error = %e, ?wait, tries, "retrying a TMDB request");
                    tokio::time::sleep(wait).await;
                    continue;
                }
                Outcome::Failed(e) | Outcome::Retry(_, e) => Err(e),
            };
            self.note(&result.as_ref().map(|_| ()));
            return result;
        }
    }

    /// The bytes at `url` (an image): no credentials, no limiter (TMDB's
    /// image host is not the API), one try.
    pub async fn fetch(&self, url: &str) -> Result<bytes::Bytes> {
        let what = "an image";
        let response = self
            .http
            .get(url)
            .send()
            .await
            .map_err(|e| TmdbError::Unreachable(describe(&e)))?;
        match response.status() {
            StatusCode::NOT_FOUND => Err(TmdbError::NotFound {
                what: what.to_string(),
            }),
            status if !status.is_success() => Err(TmdbError::Status {
                status: status.as_u16(),
                message: format!("for {what}"),
            }),
            _ => response
                .bytes()
                .await
                .map_err(|e| TmdbError::Unreachable(describe(&e))),
        }
    }

    fn request(
        &self,
        path: &str,
        query: &[(&str, &str)],
        credential: &Credential,
    ) -> RequestBuilder {
        let url = format!("{}{path}", self.config.base_url.trim_end_matches('/'));
        let request = self.http.get(url).query(query);
        match credential {
            Credential::AccessToken(token) => {
                request.header(AUTHORIZATION, format!("Bearer {}", token.expose_secret()))
            }
            Credential::ApiKey(key) => request.query(&[("api_key", key.expose_secret())]),
        }
    }
}

/// Reads a response into an outcome.
async fn judge(response: Response, what: &str, tries: u32) -> Outcome {
    let status = response.status();
    if status == StatusCode::TOO_MANY_REQUESTS {
        let wait = retry_after(&response).unwrap_or(DEFAULT_RETRY_AFTER);
        let error = TmdbError::RateLimited { tries };
        return match wait <= LONGEST_RETRY_AFTER {
            true => Outcome::Retry(wait, error),
            false => Outcome::Failed(error),
        };
    }
    let body = match response.bytes().await {
        Ok(body) => body,
        Err(e) => return Outcome::Retry(backoff(tries), TmdbError::Unreachable(describe(&e))),
    };
    if status.is_success() {
        return Outcome::Done(body);
    }
    let message = serde_json::from_slice::<ErrorBody>(&body)
        .map(|b| b.status_message)
        .unwrap_or_else(|_| String::from_utf8_lossy(&body[..body.len().min(200)]).into_owned());
    match status {
        StatusCode::UNAUTHORIZED => Outcome::Failed(TmdbError::Unauthorized(message)),
        StatusCode::NOT_FOUND => Outcome::Failed(TmdbError::NotFound {
            what: what.to_string(),
        }),
        s if s.is_server_error() => Outcome::Retry(
            backoff(tries),
            TmdbError::Unreachable(format!("{} {message}", s.as_u16())),
        ),
        s => Outcome::Failed(TmdbError::Status {
            status: s.as_u16(),
            message,
        }),
    }
}

/// Retry-After in seconds (TMDB sends seconds; an HTTP date is not read).
fn retry_after(response: &Response) -> Option<Duration> {
    let value = response.headers().get(RETRY_AFTER)?.to_str().ok()?;
    value.trim().parse::<u64>().ok().map(Duration::from_secs)
}

fn backoff(tries: u32) -> Duration {
    BACKOFF * 2u32.saturating_pow(tries.saturating_sub(1))
}

/// A transport error in a few words, without the URL (it holds the API key).
fn describe(e: &reqwest::Error) -> String {
    if e.is_timeout() {
        return "timed out".to_string();
    }
    let kind = if e.is_connect() {
        "connection failed"
    } else {
        "request failed"
    };
    match std::error::Error::source(e) {
        Some(source) => format!("{kind}: {source}"),
        None => kind.to_string(),
    }
}
