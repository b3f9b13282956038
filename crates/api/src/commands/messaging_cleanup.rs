//! `MessagingCleanup`: forgets finished commands after a day, as Radarr's
//! housekeeping does, so the queue's table stays small. Every 5 minutes.

use async_trait::async_trait;
use chrono::{Duration, Utc};
use domain::command::{Command, CommandOutcome};
use serde_json::{Map, Value};

use super::{Job, JobContext};
use crate::error::ApiResult;

/// How long a finished command can still be read by its id.
pub const KEEP_FINISHED: Duration = Duration::days(1);

/// The job.
pub struct MessagingCleanup;

#[async_trait]
impl Job for MessagingCleanup {
    fn name(&self) -> &'static str {
        "MessagingCleanup"
    }

    fn fields(&self, _given: &Map<String, Value>) -> ApiResult<Map<String, Value>> {
        Ok(Map::new())
    }

    fn schedule_minutes(&self) -> Option<i32> {
        Some(5)
    }

    async fn run(&self, context: &JobContext, _command: &Command) -> CommandOutcome {
        match context
            .state
            .store
            .delete_commands_ended_before(Utc::now() - KEEP_FINISHED)
            .await
        {
            Ok(_) => CommandOutcome::completed("Completed"),
            Err(e) => CommandOutcome::failed(format!("Old commands could not be removed: {e}")),
        }
    }
}
