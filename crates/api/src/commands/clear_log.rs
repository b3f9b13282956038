//! `ClearLog`: forgets the log entries `/api/v3/log` shows; the log files
//! stay.

use async_trait::async_trait;
use domain::command::{Command, CommandOutcome};
use serde_json::{Map, Value};

use super::{Job, JobContext, fields};
use crate::error::ApiResult;

/// The job.
pub struct ClearLog;

#[async_trait]
impl Job for ClearLog {
    fn name(&self) -> &'static str {
        "ClearLog"
    }

    fn fields(&self, given: &Map<String, Value>) -> ApiResult<Map<String, Value>> {
        Ok(fields::own_fields(given))
    }

    async fn run(&self, context: &JobContext, _command: &Command) -> CommandOutcome {
        context.state.logs.clear();
        CommandOutcome::completed("Log cleared")
    }
}
