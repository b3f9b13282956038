//! What is kept of scene-group reputation: each group's score with the
//! statistics and parts it came from, the tracker releases an analysis has
//! read (so that a restarted analysis goes on where it stopped), and the
//! analysis settings users tune at `/api/v3/config/scenegroup`.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::reputation::{GroupRelease, GroupStats, Reputation};

/// One release group's stored reputation.
#[derive(Debug, Clone, PartialEq)]
pub struct SceneGroup {
    /// The group's name, case as first seen; unique without case.
    pub name: String,
    /// 0 to 100 (`reputation.score`, kept apart to sort and filter on).
    pub score: f64,
    /// The parts of the score.
    pub reputation: Reputation,
    /// The statistics the parts were made from.
    pub stats: GroupStats,
    /// Releases the score rests on.
    pub sample_size: i64,
    /// When the score was computed.
    pub updated: DateTime<Utc>,
}

impl SceneGroup {
    /// The stored form of a group's statistics and reputation.
    pub fn new(stats: GroupStats, reputation: Reputation, updated: DateTime<Utc>) -> SceneGroup {
        SceneGroup {
            name: stats.group.clone(),
            score: reputation.score,
            sample_size: i64::try_from(reputation.sample_size).unwrap_or(i64::MAX),
            reputation,
            stats,
            updated,
        }
    }
}

/// The stored parts of a score, as one JSON document beside it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Components {
    pub reputation: Reputation,
    pub stats: GroupStats,
}

/// A release an analysis read from a tracker, keyed by the indexer it came
/// from and the tracker's own id for it.
#[derive(Debug, Clone, PartialEq)]
pub struct TrackerRelease {
    /// The indexer (an HDBits indexer's id in `/api/v3/indexer`).
    pub indexer_id: i32,
    /// The tracker's id of the torrent.
    pub torrent_id: i64,
    /// What the statistics need of it.
    pub release: GroupRelease,
}

/// The order of a page of groups.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SceneGroupSort {
    /// Best first unless ascending is asked for.
    #[default]
    Score,
    Name,
    SampleSize,
    Updated,
}

/// One page of groups, in an order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SceneGroupPage {
    /// From 1.
    pub page: i64,
    pub page_size: i64,
    pub sort: SceneGroupSort,
    pub ascending: bool,
}

/// How the analysis reads the tracker, how much reputation counts in
/// decisions, and how often the analysis runs. The defaults are the tuning
/// the project started from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SceneGroupConfig {
    /// Releases asked for per request (HDBits answers at most 100).
    pub batch_size: i32,
    /// Requests in flight at once.
    pub concurrent_requests: i32,
    /// The least time between the starts of two requests, in milliseconds.
    pub request_delay_ms: i64,
    /// Tries after the first before a page is skipped.
    pub retry_attempts: i32,
    /// How long one request may take.
    pub timeout_seconds: i32,
    /// Custom-format points a release gains per point of its group's score
    /// above 50 (and loses per point below).
    pub reputation_weight: f64,
    /// Days between scheduled analyses; 0 turns the schedule off.
    pub interval_days: i32,
}

impl Default for SceneGroupConfig {
    fn default() -> Self {
        SceneGroupConfig {
            batch_size: 50,
            concurrent_requests: 3,
            request_delay_ms: 1_000,
            retry_attempts: 3,
            timeout_seconds: 30,
            reputation_weight: 1.0,
            interval_days: 7,
        }
    }
}

/// The score that counts as neither good nor bad: what a release gains or
/// loses is measured from it, and groups with no data are taken to have it.
pub const NEUTRAL_SCORE: f64 = 50.0;

impl SceneGroupConfig {
    /// The custom-format points a group's `score` adds to its releases.
    pub fn points(&self, score: f64) -> i32 {
        let points = ((score - NEUTRAL_SCORE) * self.reputation_weight).round();
        // Bounded by the validated weight; the clamp keeps the cast exact.
        points.clamp(f64::from(i32::MIN), f64::from(i32::MAX)) as i32
    }
}

/// What a release group's reputation means for one of its releases.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupReputation {
    /// The group's name as the release gives it.
    pub group: String,
    /// Its score, 0 to 100.
    pub score: f64,
    /// What the score adds to the release's custom-format score (negative
    /// below [`NEUTRAL_SCORE`]).
    pub points: i32,
}

/// Every scored group, looked up by name without case, with the points
/// each adds under one weight. Empty ([`Reputations::default`]) where
/// reputation does not apply: every group is then neutral.
#[derive(Debug, Clone, Default)]
pub struct Reputations {
    /// (score, points) by lower-case name.
    by_name: HashMap<String, (f64, i32)>,
}

impl Reputations {
    /// The lookup of `scores` (name, score) with points by `config`'s weight.
    /// A score that is not a number is left out, so its group stays neutral.
    pub fn new(
        scores: impl IntoIterator<Item = (String, f64)>,
        config: &SceneGroupConfig,
    ) -> Reputations {
        let by_name = scores
            .into_iter()
            .filter(|(name, score)| score.is_finite() && !name.trim().is_empty())
            .map(|(name, score)| (key(&name), (score, config.points(score))))
            .collect();
        Reputations { by_name }
    }

    /// The reputation of `group`, named as asked; none for a group without
    /// data (or no group at all), which is neutral.
    pub fn of(&self, group: &str) -> Option<GroupReputation> {
        let &(score, points) = self.by_name.get(&key(group))?;
        Some(GroupReputation {
            group: group.trim().to_string(),
            score,
            points,
        })
    }

    /// No group has data.
    pub fn is_empty(&self) -> bool {
        self.by_name.is_empty()
    }
}

/// Groups are one group whatever the case (as the store keeps them) and
/// whatever stray space a title leaves around the name.
fn key(group: &str) -> String {
    group.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_score_adds_points_by_its_distance_from_neutral() {
        let config = SceneGroupConfig {
            reputation_weight: 2.0,
            ..SceneGroupConfig::default()
        };
        assert_eq!(config.points(80.0), 60);
        assert_eq!(config.points(NEUTRAL_SCORE), 0);
        assert_eq!(config.points(20.25), -60);
        let off = SceneGroupConfig {
            reputation_weight: 0.0,
            ..SceneGroupConfig::default()
        };
        assert_eq!(off.points(99.0), 0);
    }

    fn weighted(weight: f64) -> SceneGroupConfig {
        SceneGroupConfig {
            reputation_weight: weight,
            ..SceneGroupConfig::default()
        }
    }

    #[test]
    fn a_group_is_found_without_case_with_its_points() {
        let scores = vec![("SPARKS".to_string(), 90.0), ("Poor".to_string(), 10.0)];
        let lookup = Reputations::new(scores, &weighted(1.0));
        assert_eq!(
            lookup.of("sparks"),
            Some(GroupReputation {
                group: "sparks".into(),
                score: 90.0,
                points: 40,
            })
        );
        assert_eq!(lookup.of(" POOR ").map(|r| r.points), Some(-40));
        let halved = Reputations::new(vec![("SPARKS".to_string(), 90.0)], &weighted(0.5));
        assert_eq!(halved.of("Sparks").map(|r| r.points), Some(20));
    }

    #[test]
    fn unknown_empty_and_unscored_groups_are_neutral() {
        let scores = vec![("GRP".to_string(), 70.0), ("NAN".to_string(), f64::NAN)];
        let lookup = Reputations::new(scores, &weighted(1.0));
        assert_eq!(lookup.of("OTHER"), None);
        assert_eq!(lookup.of(""), None);
        assert_eq!(lookup.of("  "), None);
        assert_eq!(lookup.of("nan"), None);
        assert!(Reputations::default().of("GRP").is_none());
        assert!(Reputations::default().is_empty() && !lookup.is_empty());
    }
}
