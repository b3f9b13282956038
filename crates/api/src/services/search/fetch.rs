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

#[cfg(test)]
mod tests {
    use async_trait::async_trait;
    use domain::release::Release;
    use indexers::{Capabilities, Implementation, IndexerDefinition, IndexerSettings, TestReport};

    use super::*;

    /// An indexer that answers one release at once, or never.
    struct Stub {
        definition: IndexerDefinition,
        hangs: bool,
    }

    impl Stub {
        fn shared(id: i32, hangs: bool) -> Arc<dyn Indexer> {
            Arc::new(Stub {
                definition: IndexerDefinition {
                    id,
                    name: format!("Stub {id}"),
                    priority: 25,
                    implementation: Implementation::Torznab,
                    settings: IndexerSettings::default(),
                },
                hangs,
            })
        }

        async fn answer(&self) -> indexers::Result<Found> {
            if self.hangs {
                std::future::pending::<()>().await;
            }
            Ok(Found {
                releases: vec![Release::default()],
                ..Found::default()
            })
        }
    }

    #[async_trait]
    impl Indexer for Stub {
        fn definition(&self) -> &IndexerDefinition {
            &self.definition
        }
        async fn caps(&self) -> indexers::Result<Arc<Capabilities>> {
            Ok(Arc::new(Capabilities::default()))
        }
        async fn search(&self, _search: &MovieSearch) -> indexers::Result<Found> {
            self.answer().await
        }
        async fn rss(&self) -> indexers::Result<Found> {
            self.answer().await
        }
        async fn test(&self) -> indexers::Result<TestReport> {
            Ok(TestReport::default())
        }
    }

    #[tokio::test]
    async fn an_indexer_that_never_answers_is_cut_off_and_the_others_kept() {
        let indexers = [Stub::shared(1, true), Stub::shared(2, false)];
        let deadline = Duration::from_millis(50);
        let answers = search_all(&indexers, &MovieSearch::default(), deadline).await;
        assert_eq!(answers.len(), 2);
        assert!(matches!(answers[0].outcome, Err(IndexerError::TimedOut(d)) if d == deadline));
        assert_eq!(answers[1].outcome.as_ref().map(|f| f.releases.len()), Ok(1));
        let rss = rss_all(&indexers, deadline).await;
        assert!(rss[0].outcome.is_err() && rss[1].outcome.is_ok());
    }
}
