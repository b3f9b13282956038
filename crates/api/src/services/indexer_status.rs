//! Each indexer's back-off, kept in the store: after every request to an
//! indexer the search service calls [`record`]; a failure leaves the indexer
//! alone for a while (a minute, then longer with each failure in a row), a
//! success brings it back a step. [`may_search`] and [`disabled`] say which
//! indexers are being left alone.

use chrono::{DateTime, Utc};
use domain::indexer_status::IndexerStatus;
use indexers::{BackOff, Failure, IndexerError};
use store::IndexerStatusStore;

use crate::state::AppState;

/// How a failed request weighs in the back-off.
pub fn failure(error: &IndexerError) -> Failure {
    Failure {
        connection: error.is_connection_failure(),
        minimum: error.minimum_backoff(),
    }
}

/// Records the outcome of a request to an indexer, now. A store error is
/// logged, not returned: a search must not fail for want of a status.
pub async fn record<T>(state: &AppState, indexer_id: i32, result: &indexers::Result<T>) {
    let outcome = result.as_ref().map(|_| ()).map_err(failure);
    let recorded = record_at(
        state.store.as_ref(),
        indexer_id,
        outcome,
        Utc::now(),
        state.started,
    )
    .await;
    match recorded {
        Ok(_) => {}
        // The indexer was deleted while it was being asked.
        Err(e) if e.is_not_found() => {}
        Err(error) => tracing::warn!(indexer_id, %error, "indexer status not recorded"),
    }
}

fn back_off(status: &IndexerStatus) -> BackOff {
    BackOff {
        level: usize::try_from(status.escalation_level).unwrap_or_default(),
        initial_failure: status.initial_failure,
        most_recent_failure: status.most_recent_failure,
        disabled_till: status.disabled_till,
    }
}

/// Records an outcome at `now`, the server having started at `started`, and
/// answers the status it leaves. A success of a healthy indexer writes nothing.
pub async fn record_at(
    store: &dyn IndexerStatusStore,
    indexer_id: i32,
    outcome: Result<(), Failure>,
    now: DateTime<Utc>,
    started: DateTime<Utc>,
) -> store::Result<IndexerStatus> {
    let before = store
        .indexer_status(indexer_id)
        .await?
        .unwrap_or(IndexerStatus {
            provider_id: indexer_id,
            ..IndexerStatus::default()
        });
    let mut state = back_off(&before);
    match outcome {
        Ok(()) if state.level == 0 => return Ok(before),
        Ok(()) => state.record_success(),
        Err(failure) => state.record_failure(failure, now, started),
    }
    let after = IndexerStatus {
        provider_id: indexer_id,
        escalation_level: i32::try_from(state.level).unwrap_or(i32::MAX),
        initial_failure: state.initial_failure,
        most_recent_failure: state.most_recent_failure,
        disabled_till: state.disabled_till,
    };
    store.save_indexer_status(&after).await?;
    Ok(after)
}

/// Whether the indexer may be asked now. When the status cannot be read it
/// may: a broken store should not stop searches too.
pub async fn may_search(state: &AppState, indexer_id: i32) -> bool {
    match state.store.indexer_status(indexer_id).await {
        Ok(status) => !status.is_some_and(|s| s.is_disabled(Utc::now())),
        Err(error) => {
            tracing::warn!(indexer_id, %error, "indexer status not read");
            true
        }
    }
}

/// The statuses of the indexers being left alone at `now`.
pub async fn disabled(
    store: &dyn IndexerStatusStore,
    now: DateTime<Utc>,
) -> store::Result<Vec<IndexerStatus>> {
    let mut statuses = store.indexer_statuses().await?;
    statuses.retain(|s| s.is_disabled(now));
    Ok(statuses)
}

#[cfg(test)]
mod tests;
