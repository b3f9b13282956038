//! `DeleteLogFiles`: deletes the log files in the data folder's `logs/`. The
//! file being written is emptied rather than deleted, so logging goes on
//! into it.

use async_trait::async_trait;
use domain::command::{Command, CommandOutcome};
use serde_json::{Map, Value};

use super::{Job, JobContext, fields};
use crate::error::ApiResult;
use crate::logs::files;

/// The job.
pub struct DeleteLogFiles;

#[async_trait]
impl Job for DeleteLogFiles {
    fn name(&self) -> &'static str {
        "DeleteLogFiles"
    }

    fn fields(&self, given: &Map<String, Value>) -> ApiResult<Map<String, Value>> {
        Ok(fields::own_fields(given))
    }

    async fn run(&self, context: &JobContext, _command: &Command) -> CommandOutcome {
        let folder = files::folder(&context.state.config.data_dir);
        match files::delete_all(&folder).await {
            Ok(_) => CommandOutcome::completed("Log files deleted"),
            Err(e) => CommandOutcome::failed(format!("Deleting the log files failed: {e}")),
        }
    }
}
