//! `RssSync`: the newest releases of every RSS-enabled indexer, each
//! decided on for the library movie it names; the best accepted release of
//! each movie is grabbed. Runs on the schedule, every `rssSyncInterval`
//! minutes of `/config/indexer`.

use async_trait::async_trait;
use domain::command::{Command, CommandOutcome};
use serde_json::{Map, Value};

use super::{Job, JobContext, fields};
use crate::error::ApiResult;
use crate::services::search::rss_sync;

/// Radarr's default interval, until `/config/indexer` says otherwise.
pub const DEFAULT_INTERVAL_MINUTES: i32 = 60;

/// The job.
pub struct RssSync;

#[async_trait]
impl Job for RssSync {
    fn name(&self) -> &'static str {
        "RssSync"
    }

    fn fields(&self, given: &Map<String, Value>) -> ApiResult<Map<String, Value>> {
        Ok(fields::own_fields(given))
    }

    fn schedule_minutes(&self) -> Option<i32> {
        Some(DEFAULT_INTERVAL_MINUTES)
    }

    async fn run(&self, context: &JobContext, _command: &Command) -> CommandOutcome {
        match rss_sync(&context.state).await {
            Ok(report) => {
                let message = format!(
                    "RSS Sync Completed. Reports found: {}, Reports grabbed: {}",
                    report.releases, report.grabbed
                );
                if report.failed_indexers > 0 {
                    CommandOutcome::completed(format!(
                        "{message}; {} indexer(s) failed",
                        report.failed_indexers
                    ))
                } else {
                    CommandOutcome::completed(message)
                }
            }
            Err(e) => CommandOutcome::failed(format!("RSS sync failed: {e}")),
        }
    }
}
