//! Asking indexers: all of them at once, each bounded by its client's own
//! timeout and by a deadline over the whole call, so one that hangs or
//! fails never holds up or stops the others.

use std::sync::Arc;
use std::time::{Duration, Instant};

use futures::future::join_all;
use indexers::{Found, Indexer, IndexerError, MovieSearch};

/// What one indexer answered.
pub struct Answer {
    /// The indexer's id.
    pub indexer_id: i32,
    /// Its name, for messages.
    pub name: String,
    /// Its releases, or why there are none.
    pub outcome: Result<Found, IndexerError>,
}

/// Asks every indexer for a movie at once.
pub async fn search_all(
    indexers: &[Arc<dyn Indexer>],
    search: &MovieSearch,
    deadline: Duration,
) -> Vec<Answer> {
    join_all(indexers.iter().map(|indexer| async move {
        ask(indexer.as_ref(), "search", deadline, indexer.search(search)).await
    }))
    .await
}

/// Reads every indexer's newest releases at once.
pub async fn rss_all(indexers: &[Arc<dyn Indexer>], deadline: Duration) -> Vec<Answer> {
    join_all(
        indexers.iter().map(|indexer| async move {
            ask(indexer.as_ref(), "rss", deadline, indexer.rss()).await
        }),
    )
    .await
}

async fn ask(
    indexer: &dyn Indexer,
    call: &'static str,
    deadline: Duration,
    request: impl Future<Output = indexers::Result<Found>>,
) -> Answer {
    let definition = indexer.definition();
    let started = Instant::now();
    let outcome = tokio::time::timeout(deadline, request)
        .await
        .unwrap_or(Err(IndexerError::TimedOut(deadline)));
    let result = match &outcome {
        Ok(_) => "success",
        Err(error) => {
            tracing::warn!(indexer = %definition.name, %error, "indexer {call} failed");
            "failure"
        }
    };
    metrics::counter!("radarr_indexer_requests_total", "call" => call, "result" => result)
        .increment(1);
    metrics::histogram!("radarr_indexer_request_duration_seconds", "call" => call)
        .record(started.elapsed().as_secs_f64());
    Answer {
        indexer_id: definition.id,
        name: definition.name.clone(),
        outcome,
    }
}
