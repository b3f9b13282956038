//! Analysing scene groups: the configured HDBits indexers' catalogues read
//! (resuming an unfinished run), every release kept, and each group scored
//! from all the releases kept so far. Run by the `SceneGroupAnalysis`
//! command and by `unified-radarr analyze-groups`.

use std::time::Duration;

use async_trait::async_trait;
use chrono::Utc;
use domain::provider::ProviderKind;
use domain::reputation::{gather, score};
use domain::scene_group::{SceneGroup, TrackerRelease};
use indexers::hdbits::{HdBits, HdBitsSettings};
use scene::{AnalysisSink, Checkpoint, HdBitsSource, Report, TrackerSource, Tuning};

use crate::error::{ApiError, ApiResult};
use crate::providers::indexers::{enabled, flavour, settings};
use crate::services::scene_group_config;
use crate::state::AppState;

/// Why there is nothing to analyse.
pub const NO_SOURCE: &str =
    "No enabled HDBits indexer: add one in Settings > Indexers to analyse scene groups";

/// Where the run's checkpoint is kept.
const CHECKPOINT_KEY: &str = "sceneGroupAnalysis";

/// Where a run tells how it is going.
#[async_trait]
pub trait Progress: Send + Sync {
    async fn progress(&self, message: &str);
}

/// How a run went.
#[derive(Debug)]
pub struct Outcome {
    pub report: Report,
    /// Groups scored.
    pub groups: usize,
    /// Every page of every category was read.
    pub complete: bool,
    /// Why the run stopped early, if it did; the next run resumes there.
    pub stopped: Option<String>,
}

impl std::fmt::Display for Outcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}; {} groups scored", self.report, self.groups)?;
        if let Some(why) = &self.stopped {
            write!(f, "; stopped early, to resume on the next run: {why}")?;
        }
        Ok(())
    }
}

/// Runs (or resumes) the analysis and scores the groups.
pub async fn analyse_groups(state: &AppState, progress: &dyn Progress) -> ApiResult<Outcome> {
    let config = scene_group_config::load(state).await?;
    let tuning = Tuning::from(&config);
    let sources = sources(state, tuning.timeout).await?;
    if sources.is_empty() {
        return Err(ApiError::BadRequest(NO_SOURCE.into()));
    }
    let previous = match state.store.config_text(CHECKPOINT_KEY).await? {
        // A checkpoint that cannot be read starts a new run.
        Some(text) => serde_json::from_str(&text).ok(),
        None => None,
    };
    let mut checkpoint = Checkpoint::resume_or_start(previous, Utc::now());
    let sink = StoreSink { state, progress };
    let stopped = scene::analyse(&sources, &tuning, &mut checkpoint, &sink)
        .await
        .err()
        .map(|e| e.to_string());
    let complete = checkpoint.complete();
    if complete {
        for source in &sources {
            state
                .store
                .mark_unseen_deleted(source.indexer_id(), checkpoint.run)
                .await?;
        }
    }
    progress.progress("Scoring release groups").await;
    let groups = scored(state).await?;
    state.store.save_scene_groups(&groups, complete).await?;
    let outcome = Outcome {
        report: checkpoint.report(),
        groups: groups.len(),
        complete,
        stopped,
    };
    record_metrics(&outcome);
    Ok(outcome)
}

/// Every enabled HDBits indexer as a source.
async fn sources(state: &AppState, timeout: Duration) -> ApiResult<Vec<Box<dyn TrackerSource>>> {
    let mut sources: Vec<Box<dyn TrackerSource>> = Vec::new();
    for provider in state.store.providers(ProviderKind::Indexer).await? {
        if flavour(&provider) != Some(indexers::Implementation::HdBits) || !enabled(&provider) {
            continue;
        }
        match HdBits::new(HdBitsSettings::from(&settings(&provider)), timeout) {
            Ok(client) => sources.push(Box::new(HdBitsSource {
                indexer_id: provider.id,
                name: provider.name.clone(),
                client,
            })),
            Err(e) => tracing::warn!(indexer = %provider.name, error = %e, "cannot be analysed"),
        }
    }
    Ok(sources)
}

/// Each group's score from every release kept.
async fn scored(state: &AppState) -> ApiResult<Vec<SceneGroup>> {
    let releases = state.store.tracker_releases().await?;
    let now = Utc::now();
    let stats = gather(&releases);
    let reputations = score(&stats);
    Ok(stats
        .into_iter()
        .zip(reputations)
        .map(|(stats, reputation)| SceneGroup::new(stats, reputation, now))
        .collect())
}

/// Keeps each page in the store. The releases go first: a stop between the
/// two writes reads the page again, which replaces the same rows.
struct StoreSink<'a> {
    state: &'a AppState,
    progress: &'a dyn Progress,
}

#[async_trait]
impl AnalysisSink for StoreSink<'_> {
    async fn keep(
        &self,
        releases: &[TrackerRelease],
        checkpoint: &Checkpoint,
    ) -> Result<(), String> {
        let store = &self.state.store;
        if !releases.is_empty() {
            store
                .save_tracker_releases(releases, checkpoint.run)
                .await
                .map_err(|e| e.to_string())?;
        }
        let text = serde_json::to_string(checkpoint).map_err(|e| e.to_string())?;
        store
            .set_config_text(CHECKPOINT_KEY, &text)
            .await
            .map_err(|e| e.to_string())?;
        self.progress
            .progress(&format!("Analysing scene groups: {}", checkpoint.report()))
            .await;
        Ok(())
    }
}

fn record_metrics(outcome: &Outcome) {
    let report = &outcome.report;
    metrics::gauge!("radarr_scene_analysis_releases").set(report.releases as f64);
    metrics::gauge!("radarr_scene_analysis_releases_per_minute").set(report.releases_per_minute);
    metrics::gauge!("radarr_scene_analysis_success_ratio").set(report.success_rate);
    metrics::gauge!("radarr_scene_analysis_duration_seconds").set(report.elapsed.as_secs_f64());
    metrics::gauge!("radarr_scene_analysis_skipped_pages").set(report.skipped_pages as f64);
    metrics::gauge!("radarr_scene_groups").set(outcome.groups as f64);
}
