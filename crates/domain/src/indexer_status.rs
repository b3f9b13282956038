//! How an indexer has been failing: Radarr's `IndexerStatus`, the back-off
//! state kept per indexer so a failing one is left alone for a while.

use chrono::{DateTime, Utc};

/// The back-off state of one indexer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndexerStatus {
    /// The indexer (provider) it belongs to.
    pub provider_id: i32,
    /// How far the back-off has escalated: 0 when healthy.
    pub escalation_level: i32,
    /// When the current run of failures began.
    pub initial_failure: Option<DateTime<Utc>>,
    /// When it last failed.
    pub most_recent_failure: Option<DateTime<Utc>>,
    /// Not to be used before this.
    pub disabled_till: Option<DateTime<Utc>>,
    /// What the most recent failure said, so health can tell why the
    /// indexer is left alone; none once it has recovered.
    pub last_failure: Option<String>,
}

impl IndexerStatus {
    /// Whether the indexer is being left alone at `now`.
    pub fn is_disabled(&self, now: DateTime<Utc>) -> bool {
        self.disabled_till.is_some_and(|till| till > now)
    }
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::*;

    #[test]
    fn disabled_until_the_time_passes() {
        let now = Utc::now();
        let mut status = IndexerStatus::default();
        assert!(!status.is_disabled(now));
        status.disabled_till = Some(now + Duration::minutes(1));
        assert!(status.is_disabled(now));
        assert!(!status.is_disabled(now + Duration::minutes(1)));
    }
}
