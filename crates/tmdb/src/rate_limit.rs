//! One limiter for every TMDB request of the process.
//!
//! TMDB counts requests in windows of time. A token bucket with a burst of
//! the whole limit lets through the burst and then the steady rate within
//! one window, up to twice the limit; so requests here are spaced evenly
//! instead, one per `period / requests`, with 4% more room than that. A
//! quarter of that room allows a small burst (1% of the limit), so a waiter
//! that wakes a little late does not push every later request back; the rest
//! is left for requests that reach TMDB a little later or sooner than the
//! spacing they left with (a busy machine bunches them on the way). Any
//! window of the period then holds at most `requests`, however many callers
//! wait.

use std::num::NonZeroU32;
use std::time::Instant;

use governor::{DefaultDirectRateLimiter, Quota};

use crate::config::RateLimit;

/// Room left between requests: for the burst and for their trip to TMDB.
const MARGIN: f64 = 1.04;

/// Spaces requests to stay within a [`RateLimit`].
pub struct Limiter {
    limiter: DefaultDirectRateLimiter,
}

impl Limiter {
    /// A limiter for `limit`.
    pub fn new(limit: RateLimit) -> Limiter {
        let interval = limit.period.mul_f64(MARGIN) / limit.requests;
        let burst = NonZeroU32::MIN.saturating_add(limit.requests / 100);
        let quota = Quota::with_period(interval)
            .unwrap_or_else(|| Quota::per_second(NonZeroU32::MAX))
            .allow_burst(burst);
        Limiter {
            limiter: DefaultDirectRateLimiter::direct(quota),
        }
    }

    /// Waits for this request's turn; the wait is measured.
    pub async fn until_ready(&self) {
        if self.limiter.check().is_ok() {
            return;
        }
        let started = Instant::now();
        self.limiter.until_ready().await;
        metrics::counter!("radarr_tmdb_ratelimit_waits_total").increment(1);
        metrics::histogram!("radarr_tmdb_ratelimit_wait_seconds")
            .record(started.elapsed().as_secs_f64());
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[tokio::test]
    async fn requests_are_spaced_evenly_over_the_period() {
        let limiter = Limiter::new(RateLimit {
            requests: 20,
            period: Duration::from_millis(200),
        });
        let started = Instant::now();
        for _ in 0..11 {
            limiter.until_ready().await;
        }
        // The first goes at once, the ten others 10.4 ms apart.
        let took = started.elapsed();
        assert!(took >= Duration::from_millis(100), "{took:?}");
    }
}
