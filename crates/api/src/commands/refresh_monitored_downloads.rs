//! `RefreshMonitoredDownloads`: every download client is asked what it
//! holds and the queue is brought up to date (`services::tracking`). Runs
//! every minute, as Radarr's does.

use async_trait::async_trait;
use domain::command::{Command, CommandOutcome};
use serde_json::{Map, Value};

use super::{Job, JobContext, fields};
use crate::error::ApiResult;
use crate::services::tracking;

/// The job.
pub struct RefreshMonitoredDownloads;

#[async_trait]
impl Job for RefreshMonitoredDownloads {
    fn name(&self) -> &'static str {
        "RefreshMonitoredDownloads"
    }

    fn fields(&self, given: &Map<String, Value>) -> ApiResult<Map<String, Value>> {
        Ok(fields::own_fields(given))
    }

    fn schedule_minutes(&self) -> Option<i32> {
        Some(1)
    }

    async fn run(&self, context: &JobContext, _command: &Command) -> CommandOutcome {
        match tracking::refresh(&context.state).await {
            Ok(report) if report.failed_clients > 0 => CommandOutcome::completed(format!(
                "{} download(s) followed; {} of {} download client(s) did not answer",
                report.downloads, report.failed_clients, report.clients
            )),
            Ok(report) => CommandOutcome::completed(format!(
                "{} download(s) followed in {} download client(s)",
                report.downloads, report.clients
            )),
            Err(e) => CommandOutcome::failed(format!("Refreshing downloads failed: {e}")),
        }
    }
}
