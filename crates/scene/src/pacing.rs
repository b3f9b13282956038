//! The pace of the analysis: requests spaced by the configured delay (one
//! limiter for the whole run), each given a timeout, and retried with a
//! growing wait before its page is given up.

use std::num::NonZeroU32;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use domain::scene_group::SceneGroupConfig;
use governor::{DefaultDirectRateLimiter, Quota, RateLimiter};
use indexers::IndexerError;

use crate::source::{ListedRelease, TrackerSource};

/// The longest wait a tracker's own "retry after" is followed for.
const LONGEST_RETRY_AFTER: Duration = Duration::from_secs(300);

/// How the analysis reads a tracker.
#[derive(Debug, Clone, PartialEq)]
pub struct Tuning {
    /// Releases a page.
    pub batch_size: u32,
    /// Requests in flight at once.
    pub concurrent_requests: usize,
    /// The least time between the starts of two requests.
    pub request_delay: Duration,
    /// Tries after the first before a page is skipped.
    pub retry_attempts: u32,
    /// How long one request may take.
    pub timeout: Duration,
    /// The wait before the first retry; doubled for each one after.
    pub retry_wait: Duration,
}

impl From<&SceneGroupConfig> for Tuning {
    fn from(c: &SceneGroupConfig) -> Self {
        Tuning {
            batch_size: u32::try_from(c.batch_size.max(1)).unwrap_or(1),
            concurrent_requests: usize::try_from(c.concurrent_requests.max(1)).unwrap_or(1),
            request_delay: Duration::from_millis(u64::try_from(c.request_delay_ms).unwrap_or(0)),
            retry_attempts: u32::try_from(c.retry_attempts).unwrap_or(0),
            timeout: Duration::from_secs(u64::try_from(c.timeout_seconds.max(1)).unwrap_or(1)),
            retry_wait: Duration::from_secs(1),
        }
    }
}

impl Tuning {
    /// The limiter every request of a run waits on; none without a delay.
    pub(crate) fn limiter(&self) -> Option<DefaultDirectRateLimiter> {
        Quota::with_period(self.request_delay)
            .map(|quota| RateLimiter::direct(quota.allow_burst(NonZeroU32::MIN)))
    }
}

/// How reading one page went.
pub(crate) enum Fetched {
    /// Read, after this many requests.
    Page(Vec<ListedRelease>, u32),
    /// Every try failed; the last error, after this many requests.
    Skipped(IndexerError, u32),
    /// The tracker refused the account: no retry can help.
    Refused(IndexerError, u32),
}

/// Reads one page, paced, with retries; each request sent is counted in
/// `sent`, those of a page dropped before its answer too.
pub(crate) async fn fetch(
    source: &dyn TrackerSource,
    category: i32,
    page: u32,
    tuning: &Tuning,
    limiter: Option<&DefaultDirectRateLimiter>,
    sent: &AtomicU64,
) -> Fetched {
    let mut requests = 0;
    let mut wait = tuning.retry_wait;
    loop {
        if let Some(limiter) = limiter {
            limiter.until_ready().await;
        }
        requests += 1;
        sent.fetch_add(1, Ordering::Relaxed);
        let answer = tokio::time::timeout(
            tuning.timeout,
            source.page(category, page, tuning.batch_size),
        )
        .await
        .unwrap_or(Err(IndexerError::TimedOut(tuning.timeout)));
        let error = match answer {
            Ok(releases) => return Fetched::Page(releases, requests),
            Err(e) if refuses_account(&e) => return Fetched::Refused(e, requests),
            Err(e) => e,
        };
        if requests > tuning.retry_attempts {
            return Fetched::Skipped(error, requests);
        }
        tracing::debug!(page, category, error = %error, "a tracker page failed; retrying");
        let asked = match &error {
            IndexerError::RequestLimit {
                retry_after: Some(after),
                ..
            } => (*after).min(LONGEST_RETRY_AFTER),
            _ => Duration::ZERO,
        };
        tokio::time::sleep(wait.max(asked)).await;
        wait = wait.saturating_mul(2);
    }
}

/// Errors that say the account or settings are wrong, not the moment.
fn refuses_account(error: &IndexerError) -> bool {
    matches!(
        error,
        IndexerError::BadApiKey(_) | IndexerError::Account { .. } | IndexerError::NotConfigured(_)
    )
}
