//! TMDB answers kept for a while, bounded by the bytes they came in as (a
//! fair measure of what the parsed answer holds). Concurrent asks for the
//! same key wait for one request; failures are not kept.

use std::future::Future;
use std::hash::Hash;
use std::sync::Arc;
use std::time::Duration;

use moka::future::Cache;
use moka::notification::RemovalCause;

use crate::error::{Result, TmdbError};

/// An answer and the size it came in as.
struct Entry<V> {
    value: Arc<V>,
    bytes: u32,
}

// Not derived: that would ask for `V: Clone`, and only the `Arc` is cloned.
impl<V> Clone for Entry<V> {
    fn clone(&self) -> Self {
        Entry {
            value: self.value.clone(),
            bytes: self.bytes,
        }
    }
}

/// One kind of answer, kept under `name` in the metrics.
pub struct Cached<K, V> {
    name: &'static str,
    cache: Cache<K, Entry<V>>,
}

impl<K, V> Cached<K, V>
where
    K: Hash + Eq + Send + Sync + Clone + 'static,
    V: Send + Sync + 'static,
{
    /// Keeps answers for `ttl`, `max_bytes` of them at most.
    pub fn new(name: &'static str, ttl: Duration, max_bytes: u64) -> Self {
        let cache = Cache::builder()
            .time_to_live(ttl)
            .max_capacity(max_bytes)
            .weigher(|_, entry: &Entry<V>| entry.bytes)
            .eviction_listener(move |_, _, cause| {
                if cause == RemovalCause::Size {
                    metrics::counter!("radarr_tmdb_cache_evictions_total", "cache" => name)
                        .increment(1);
                }
            })
            .build();
        Cached { name, cache }
    }

    /// The kept answer for `key`, else the one `fetch` gets (with its size), kept.
    pub async fn get_or_fetch(
        &self,
        key: K,
        fetch: impl Future<Output = Result<(V, usize)>>,
    ) -> Result<Arc<V>> {
        let entry = self
            .cache
            .entry(key)
            .or_try_insert_with(async {
                fetch.await.map(|(value, bytes)| Entry {
                    value: Arc::new(value),
                    bytes: u32::try_from(bytes).unwrap_or(u32::MAX),
                })
            })
            .await
            .map_err(|e: Arc<TmdbError>| (*e).clone())?;
        match entry.is_fresh() {
            true => metrics::counter!("radarr_tmdb_cache_misses_total", "cache" => self.name),
            false => metrics::counter!("radarr_tmdb_cache_hits_total", "cache" => self.name),
        }
        .increment(1);
        Ok(entry.into_value().value)
    }

    /// Forgets `key`, so the next ask fetches it again.
    pub async fn forget(&self, key: &K) {
        self.cache.invalidate(key).await;
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicU32, Ordering};

    use super::*;

    #[tokio::test]
    async fn an_answer_is_fetched_once_and_failures_are_not_kept() {
        let cache: Cached<i32, String> = Cached::new("test", Duration::from_secs(60), 1 << 20);
        let fetches = AtomicU32::new(0);
        let fetch = |fail: bool| {
            fetches.fetch_add(1, Ordering::SeqCst);
            async move {
                if fail {
                    Err(TmdbError::NotFound {
                        what: "movie 1".into(),
                    })
                } else {
                    Ok(("one".to_string(), 3))
                }
            }
        };
        assert!(cache.get_or_fetch(1, fetch(true)).await.is_err());
        assert_eq!(
            *cache.get_or_fetch(1, fetch(false)).await.expect("fetched"),
            "one"
        );
        assert_eq!(
            *cache.get_or_fetch(1, fetch(true)).await.expect("kept"),
            "one"
        );
        // The third fetch future was made but never run.
        assert_eq!(fetches.load(Ordering::SeqCst), 3);
        cache.forget(&1).await;
        assert!(
            cache.get_or_fetch(1, fetch(true)).await.is_err(),
            "fetched again"
        );
    }
}
