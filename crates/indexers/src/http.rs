//! One request to an indexer (a GET of a feed, or HDBits' JSON POST): the
//! shared `reqwest::Client`, the timeout, the status and content type
//! judged, and the body read in chunks up to a cap so that a huge (or
//! endless) answer is cut, never held whole.

use std::time::Duration;

use bytes::{Bytes, BytesMut};
use reqwest::header::{ACCEPT, CONTENT_TYPE, RETRY_AFTER};
use reqwest::{Response, StatusCode, Url};

use crate::error::{IndexerError, Result};
use crate::xml;

/// What feeds are asked for as (Radarr's `HttpAccept.Rss`).
const ACCEPT_RSS: &str = "application/rss+xml, text/rss+xml, application/xml, text/xml";

/// A body as read: its bytes and whether it was cut at the cap.
pub struct Body {
    pub bytes: Bytes,
    pub cut: bool,
}

/// The HTTP side of a client.
pub struct Http {
    client: reqwest::Client,
    timeout: Duration,
    max_body: usize,
}

impl Http {
    pub fn new(timeout: Duration, max_body: usize) -> Result<Http> {
        let client = reqwest::Client::builder()
            .timeout(timeout)
            .user_agent(concat!("Unified-Radarr/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| IndexerError::NotConfigured(format!("cannot make an HTTP client: {e}")))?;
        Ok(Http {
            client,
            timeout,
            max_body,
        })
    }

    /// The body at `url`, judged.
    pub async fn get(&self, url: Url) -> Result<Body> {
        let response = self
            .client
            .get(url)
            .header(ACCEPT, ACCEPT_RSS)
            .send()
            .await
            .map_err(|e| self.transport(&e))?;
        let status = response.status();
        refuse_if_limited(&response)?;
        let html = response
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.to_ascii_lowercase().contains("text/html"));
        let body = self.read(response).await?;
        if !status.is_success() {
            // A Newznab error sent with an error status still says the most.
            if let Some(error) = error_in(&body.bytes) {
                return Err(error);
            }
            return Err(IndexerError::Status {
                status: status.as_u16(),
                message: match html {
                    true => status.canonical_reason().unwrap_or("error").to_string(),
                    false => xml::sample(&body.bytes).trim().to_string(),
                },
            });
        }
        // Some indexers label their XML text/html; only a real page is refused.
        if html && !looks_like_xml(&body.bytes) {
            return Err(IndexerError::Html);
        }
        Ok(body)
    }

    /// The body answering `body` posted as JSON to `url` (HDBits' API),
    /// judged by its HTTP status only: the caller reads the JSON.
    pub async fn post_json(&self, url: Url, body: &impl serde::Serialize) -> Result<Body> {
        let response = self
            .client
            .post(url)
            .header(ACCEPT, "application/json")
            .json(body)
            .send()
            .await
            .map_err(|e| self.transport(&e))?;
        let status = response.status();
        refuse_if_limited(&response)?;
        let body = self.read(response).await?;
        if !status.is_success() {
            return Err(IndexerError::Status {
                status: status.as_u16(),
                message: status.canonical_reason().unwrap_or("error").to_string(),
            });
        }
        Ok(body)
    }

    /// The body in chunks, stopping at the cap.
    async fn read(&self, mut response: Response) -> Result<Body> {
        let mut bytes = BytesMut::new();
        let mut cut = false;
        while let Some(chunk) = response.chunk().await.map_err(|e| self.transport(&e))? {
            let room = self.max_body.saturating_sub(bytes.len());
            if chunk.len() > room {
                bytes.extend_from_slice(&chunk[..room]);
                cut = true;
                tracing::warn!(
                    max_bytes = self.max_body,
                    "indexer answer over the size cap; the rest is dropped"
                );
                break;
            }
            bytes.extend_from_slice(&chunk);
        }
        Ok(Body {
            bytes: bytes.freeze(),
            cut,
        })
    }

    /// A transport error in a few words, without the URL (it holds the key).
    fn transport(&self, e: &reqwest::Error) -> IndexerError {
        if e.is_timeout() {
            return IndexerError::TimedOut(self.timeout);
        }
        let kind = match e.is_connect() {
            true => "connection failed",
            false => "request failed",
        };
        let mut message = kind.to_string();
        let mut source = std::error::Error::source(e);
        while let Some(cause) = source {
            message = format!("{message}: {cause}");
            source = cause.source();
        }
        IndexerError::Unreachable(message)
    }
}

/// An indexer's 429 as its request limit, with the wait it asked for.
fn refuse_if_limited(response: &Response) -> Result<()> {
    if response.status() == StatusCode::TOO_MANY_REQUESTS {
        return Err(IndexerError::RequestLimit {
            message: "HTTP 429 Too Many Requests".into(),
            retry_after: retry_after(response),
        });
    }
    Ok(())
}

fn retry_after(response: &Response) -> Option<Duration> {
    let value = response.headers().get(RETRY_AFTER)?.to_str().ok()?;
    value.trim().parse::<u64>().ok().map(Duration::from_secs)
}

fn looks_like_xml(body: &[u8]) -> bool {
    let start = String::from_utf8_lossy(&body[..body.len().min(512)]).to_ascii_lowercase();
    let start = start.trim_start_matches('\u{feff}').trim_start();
    start.starts_with("<?xml")
        || start.starts_with("<rss")
        || start.starts_with("<caps")
        || start.starts_with("<error")
}

/// The Newznab error a body holds at its root, if it is one.
fn error_in(body: &[u8]) -> Option<IndexerError> {
    match crate::feed::parse_feed(body, domain::release::Protocol::Unknown, None, false, 0) {
        Err(
            e @ (IndexerError::BadApiKey(_)
            | IndexerError::Account { .. }
            | IndexerError::BadRequest { .. }
            | IndexerError::RequestLimit { .. }
            | IndexerError::Api { .. }),
        ) => Some(e),
        _ => None,
    }
}
