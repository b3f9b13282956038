//! Scene-group reputation: the tracker releases an analysis has read, and
//! each group's score computed from them.

use async_trait::async_trait;
use domain::reputation::GroupRelease;
use domain::scene_group::{SceneGroup, SceneGroupPage, TrackerRelease};

use crate::Result;

/// Tracker releases and group scores.
#[async_trait]
pub trait SceneGroupStore: Send + Sync {
    /// Records releases read in analysis run `run`, each replacing what was
    /// known of the same (indexer, torrent) and no longer counted deleted.
    async fn save_tracker_releases(&self, releases: &[TrackerRelease], run: i64) -> Result<()>;
    /// Marks the releases of `indexer_id` that run `run` did not read as
    /// deleted (called after a run that read every page); how many were.
    async fn mark_unseen_deleted(&self, indexer_id: i32, run: i64) -> Result<u64>;
    /// Every tracker release read so far, of every indexer.
    async fn tracker_releases(&self) -> Result<Vec<GroupRelease>>;
    /// Stores group scores in one transaction, by name without case. After a
    /// `complete` run every score is replaced; otherwise a group's score is
    /// replaced only by one resting on at least as many releases.
    async fn save_scene_groups(&self, groups: &[SceneGroup], complete: bool) -> Result<()>;
    /// One page of groups and the number of groups in all.
    async fn scene_groups(&self, page: SceneGroupPage) -> Result<(i64, Vec<SceneGroup>)>;
    /// One group, by name without case.
    async fn scene_group(&self, name: &str) -> Result<Option<SceneGroup>>;
    /// Every group's score, by name as stored, for decisions.
    async fn scene_group_scores(&self) -> Result<Vec<(String, f64)>>;
}
