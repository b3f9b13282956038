//! `SceneGroupAnalysis`, our own command: the scene-group analysis
//! (`services::scene_analysis`), weekly unless `/config/scenegroup` says
//! otherwise. A run stopped early (the server stopped, the tracker down) is
//! resumed by the next.

use async_trait::async_trait;
use domain::command::{Command, CommandOutcome, CommandTrigger};
use serde_json::{Map, Value};

use super::{Job, JobContext};
use crate::error::ApiResult;
use crate::services::scene_analysis::{NO_SOURCE, Progress, analyse_groups};

/// Minutes in the default interval, a week; the schedule follows the
/// configured `intervalDays`.
pub const DEFAULT_MINUTES: i32 = 7 * 24 * 60;

/// The job.
pub struct SceneGroupAnalysis;

#[async_trait]
impl Progress for JobContext {
    async fn progress(&self, message: &str) {
        JobContext::progress(self, message).await;
    }
}

#[async_trait]
impl Job for SceneGroupAnalysis {
    fn name(&self) -> &'static str {
        "SceneGroupAnalysis"
    }

    fn fields(&self, _given: &Map<String, Value>) -> ApiResult<Map<String, Value>> {
        Ok(Map::new())
    }

    fn is_long_running(&self) -> bool {
        true
    }

    fn schedule_minutes(&self) -> Option<i32> {
        Some(DEFAULT_MINUTES)
    }

    async fn run(&self, context: &JobContext, command: &Command) -> CommandOutcome {
        match analyse_groups(&context.state, context).await {
            Ok(outcome) if outcome.stopped.is_none() => {
                CommandOutcome::completed(outcome.to_string())
            }
            Ok(outcome) => CommandOutcome::failed(outcome.to_string()),
            // The weekly run of a library without HDBits has nothing to do,
            // which is no failure; one a user asked for says what is missing.
            Err(e)
                if command.trigger == CommandTrigger::Scheduled && e.to_string() == NO_SOURCE =>
            {
                CommandOutcome::completed(NO_SOURCE)
            }
            Err(e) => CommandOutcome::failed(e.to_string()),
        }
    }
}
