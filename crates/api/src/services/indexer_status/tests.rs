//! The back-off as the status service keeps it, over an in-memory store.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::Duration as StdDuration;

use async_trait::async_trait;
use chrono::{Duration, Utc};
use domain::indexer_status::IndexerStatus;
use indexers::{Failure, IndexerError};
use store::{IndexerStatusStore, StoreError};

use super::{disabled, failed, failure, record_at};

/// Statuses in memory, for indexers 1 to 9.
#[derive(Default)]
struct Memory(Mutex<BTreeMap<i32, IndexerStatus>>);

impl Memory {
    fn writes(&self) -> usize {
        self.0.lock().unwrap().len()
    }
}

#[async_trait]
impl IndexerStatusStore for Memory {
    async fn indexer_statuses(&self) -> store::Result<Vec<IndexerStatus>> {
        Ok(self.0.lock().unwrap().values().cloned().collect())
    }
    async fn indexer_status(&self, provider_id: i32) -> store::Result<Option<IndexerStatus>> {
        Ok(self.0.lock().unwrap().get(&provider_id).cloned())
    }
    async fn save_indexer_status(&self, status: &IndexerStatus) -> store::Result<()> {
        if !(1..10).contains(&status.provider_id) {
            return Err(StoreError::NotFound {
                entity: "Indexer",
                id: status.provider_id,
            });
        }
        self.0
            .lock()
            .unwrap()
            .insert(status.provider_id, status.clone());
        Ok(())
    }
}

const BROKEN: Failure = Failure {
    connection: false,
    minimum: None,
};

/// A failure that said `message`.
fn broken(message: &str) -> Result<(), (Failure, String)> {
    Err((BROKEN, message.to_string()))
}

#[tokio::test]
async fn failures_escalate_and_successes_step_back() {
    let store = Memory::default();
    let started = Utc::now() - Duration::hours(1);
    let now = Utc::now();

    let healthy = record_at(&store, 1, Ok(()), now, started).await.unwrap();
    assert_eq!(healthy.escalation_level, 0);
    assert_eq!(store.writes(), 0, "a healthy success writes nothing");

    let first = record_at(&store, 1, broken("first"), now, started)
        .await
        .unwrap();
    assert_eq!(first.escalation_level, 1);
    assert_eq!(first.last_failure.as_deref(), Some("first"));
    assert_eq!(first.initial_failure, Some(now));
    assert_eq!(first.disabled_till, Some(now + Duration::minutes(1)));
    assert_eq!(disabled(&store, now).await.unwrap(), vec![first.clone()]);

    let later = now + Duration::minutes(2);
    let second = record_at(&store, 1, broken("second"), later, started)
        .await
        .unwrap();
    assert_eq!(second.escalation_level, 2);
    assert_eq!(
        second.last_failure.as_deref(),
        Some("second"),
        "the latest message replaces the first"
    );
    assert_eq!(second.initial_failure, Some(now), "the run's start is kept");
    assert_eq!(second.disabled_till, Some(later + Duration::minutes(5)));

    let back = record_at(&store, 1, Ok(()), later, started).await.unwrap();
    assert_eq!(back.escalation_level, 1);
    assert_eq!(back.disabled_till, None);
    assert_eq!(
        back.last_failure.as_deref(),
        Some("second"),
        "kept while the level is above 0"
    );
    assert!(disabled(&store, later).await.unwrap().is_empty());

    let recovered = record_at(&store, 1, Ok(()), later, started).await.unwrap();
    assert_eq!(recovered.escalation_level, 0);
    assert_eq!(recovered.last_failure, None, "cleared on recovery");
    assert_eq!(store.0.lock().unwrap()[&1], recovered, "and stored so");
}

#[tokio::test]
async fn a_failure_keeps_its_errors_message() {
    let store = Memory::default();
    let now = Utc::now();
    let refused = IndexerError::BadApiKey("Auth failed".into());
    let status = record_at(&store, 4, Err(failed(&refused)), now, now)
        .await
        .unwrap();
    assert_eq!(
        status.last_failure.as_deref(),
        Some("the indexer refused the API key: Auth failed")
    );
    assert_eq!(disabled(&store, now).await.unwrap(), vec![status]);
}

#[tokio::test]
async fn startup_grace_and_request_limits_are_honoured() {
    let store = Memory::default();
    let now = Utc::now();
    // Just started: failures do not escalate past a minute away.
    for _ in 0..3 {
        let status = record_at(&store, 2, broken("down"), now, now)
            .await
            .unwrap();
        assert_eq!(status.escalation_level, 1);
        assert_eq!(status.disabled_till, Some(now + Duration::minutes(1)));
    }
    // A request limit keeps the indexer away at least the hour Radarr waits.
    let limit = IndexerError::RequestLimit {
        message: "Request limit reached".into(),
        retry_after: None,
    };
    let status = record_at(&store, 3, Err(failed(&limit)), now, now)
        .await
        .unwrap();
    assert!(status.disabled_till >= Some(now + Duration::hours(1)));
    let unreachable = failure(&IndexerError::Unreachable("refused".into()));
    assert!(unreachable.connection);
    let waited = failure(&IndexerError::RequestLimit {
        message: String::new(),
        retry_after: Some(StdDuration::from_secs(90)),
    });
    assert_eq!(waited.minimum, Some(StdDuration::from_secs(90)));
}

#[tokio::test]
async fn an_indexer_that_is_gone_is_not_found() {
    let store = Memory::default();
    let now = Utc::now();
    let gone = record_at(&store, 42, broken("gone"), now, now).await;
    assert!(gone.unwrap_err().is_not_found());
}
