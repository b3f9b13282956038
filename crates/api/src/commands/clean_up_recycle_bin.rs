//! `CleanUpRecycleBin`: files that have been in the recycle bin longer
//! than the media management settings keep them are removed. Runs daily,
//! as Radarr's does.

use async_trait::async_trait;
use domain::command::{Command, CommandOutcome};
use serde_json::{Map, Value};

use super::{Job, JobContext, fields};
use crate::error::ApiResult;
use crate::services::{media_management, recycle_bin};

/// The job.
pub struct CleanUpRecycleBin;

#[async_trait]
impl Job for CleanUpRecycleBin {
    fn name(&self) -> &'static str {
        "CleanUpRecycleBin"
    }

    fn fields(&self, given: &Map<String, Value>) -> ApiResult<Map<String, Value>> {
        Ok(fields::own_fields(given))
    }

    fn schedule_minutes(&self) -> Option<i32> {
        Some(24 * 60)
    }

    async fn run(&self, context: &JobContext, _command: &Command) -> CommandOutcome {
        let settings = match media_management::load(&context.state).await {
            Ok(settings) => settings,
            Err(e) => {
                return CommandOutcome::failed(format!("The settings could not be read: {e}"));
            }
        };
        let cleaned = tokio::task::spawn_blocking(move || recycle_bin::clean_up(&settings)).await;
        match cleaned {
            Ok(Ok(removed)) => {
                CommandOutcome::completed(format!("{removed} file(s) removed from the recycle bin"))
            }
            Ok(Err(e)) => {
                CommandOutcome::failed(format!("Cleaning up the recycle bin failed: {e}"))
            }
            Err(e) => CommandOutcome::failed(format!("Cleaning up the recycle bin failed: {e}")),
        }
    }
}
