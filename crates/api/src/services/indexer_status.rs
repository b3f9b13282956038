//! Each indexer's back-off, kept in the store: after every request to an
//! indexer the search service calls [`record`]; a failure leaves the indexer
//! alone for a while (a minute, then longer with each failure in a row) and
//! keeps what it said, a success brings it back a step. [`may_search`] and
//! [`disabled`] say which indexers are being left alone.

use chrono::{DateTime, Utc};
use domain::indexer_status::IndexerStatus;
use indexers::{BackOff, Failure, IndexerError};
use store::IndexerStatusStore;

use crate::services::push;
use crate::state::AppState;

/// How a failed request weighs in the back-off.
pub fn failure(error: &IndexerError) -> Failure {
    Failure {
        connection: error.is_connection_failure(),
        minimum: error.minimum_backoff(),
    }
}

/// A failed request as the status keeps it: how it weighs in the back-off,
/// and the error's message for health to show.
pub fn failed(error: &IndexerError) -> (Failure, String) {
    (failure(error), error.to_string())
}

/// Records the outcome of a request to an indexer, now, a failure with its
/// error's message. A store error is logged, not returned: a search must not
/// fail for want of a status.
pub async fn record<T>(state: &AppState, indexer_id: i32, result: &indexers::Result<T>) {
    let outcome = result.as_ref().map(|_| ()).map_err(failed);
    let recorded = record_changed(
        state.store.as_ref(),
        indexer_id,
        outcome,
        Utc::now(),
        state.started,
    )
    .await;
    match recorded {
        // A status written is an indexer failing or recovering: health's news.
        Ok((_, true)) => push::health(state),
        Ok((_, false)) => {}
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
/// answers the status it leaves. A failure comes with its message, kept as
/// the last failure until a success brings the indexer back to level 0. A
/// success of a healthy indexer writes nothing.
pub async fn record_at(
    store: &dyn IndexerStatusStore,
    indexer_id: i32,
    outcome: Result<(), (Failure, String)>,
    now: DateTime<Utc>,
    started: DateTime<Utc>,
) -> store::Result<IndexerStatus> {
    let (status, _) = record_changed(store, indexer_id, outcome, now, started).await?;
    Ok(status)
}

/// [`record_at`], also saying whether the status was written.
async fn record_changed(
    store: &dyn IndexerStatusStore,
    indexer_id: i32,
    outcome: Result<(), (Failure, String)>,
    now: DateTime<Utc>,
    started: DateTime<Utc>,
) -> store::Result<(IndexerStatus, bool)> {
    let before = store
        .indexer_status(indexer_id)
        .await?
        .unwrap_or(IndexerStatus {
            provider_id: indexer_id,
            ..IndexerStatus::default()
        });
    let mut state = back_off(&before);
    if outcome.is_ok() && state.level == 0 {
        return Ok((before, false));
    }
    let last_failure = match outcome {
        Ok(()) => {
            state.record_success();
            // While it steps back down the last failure is still the story
            // of its run; only a full recovery makes the message moot.
            before.last_failure.filter(|_| state.level > 0)
        }
        Err((failure, message)) => {
            state.record_failure(failure, now, started);
            Some(message)
        }
    };
    let after = IndexerStatus {
        provider_id: indexer_id,
        escalation_level: i32::try_from(state.level).unwrap_or(i32::MAX),
        initial_failure: state.initial_failure,
        most_recent_failure: state.most_recent_failure,
        disabled_till: state.disabled_till,
        last_failure,
    };
    store.save_indexer_status(&after).await?;
    Ok((after, true))
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
