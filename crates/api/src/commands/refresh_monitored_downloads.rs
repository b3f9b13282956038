//! `RefreshMonitoredDownloads`: every download client is asked what it
//! holds and the queue is brought up to date (`services::tracking`), then
//! what has finished is imported (`services::import`). Runs every minute,
//! as Radarr's does.

use async_trait::async_trait;
use domain::command::{Command, CommandOutcome};
use serde_json::{Map, Value};

use super::{Job, JobContext, fields};
use crate::error::ApiResult;
use crate::services::{import, tracking};

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
        let report = match tracking::refresh(&context.state).await {
            Ok(report) => report,
            Err(e) => return CommandOutcome::failed(format!("Refreshing downloads failed: {e}")),
        };
        let imports = match import::import_ready(&context.state).await {
            Ok(imports) => imports,
            Err(e) => return CommandOutcome::failed(format!("Importing downloads failed: {e}")),
        };
        let mut message = format!(
            "{} download(s) followed in {} download client(s); {} imported",
            report.downloads, report.clients, imports.imported
        );
        if imports.blocked > 0 {
            message.push_str(&format!(", {} blocked", imports.blocked));
        }
        if report.failed_clients > 0 {
            message.push_str(&format!(
                "; {} download client(s) did not answer",
                report.failed_clients
            ));
        }
        CommandOutcome::completed(message)
    }
}
