//! `DeleteUpdateLogFiles`: Radarr deletes its updater's logs; this server
//! updates through its packaging and has no updater, so there is nothing to
//! delete and the command simply completes.

use async_trait::async_trait;
use domain::command::{Command, CommandOutcome};
use serde_json::{Map, Value};

use super::{Job, JobContext, fields};
use crate::error::ApiResult;

/// The job.
pub struct DeleteUpdateLogFiles;

#[async_trait]
impl Job for DeleteUpdateLogFiles {
    fn name(&self) -> &'static str {
        "DeleteUpdateLogFiles"
    }

    fn fields(&self, given: &Map<String, Value>) -> ApiResult<Map<String, Value>> {
        Ok(fields::own_fields(given))
    }

    async fn run(&self, _context: &JobContext, _command: &Command) -> CommandOutcome {
        CommandOutcome::completed("No update log files to delete")
    }
}
