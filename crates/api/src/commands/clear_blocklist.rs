//! `ClearBlocklist`: every blocklisted release may be grabbed again.

use async_trait::async_trait;
use domain::command::{Command, CommandOutcome};
use serde_json::{Map, Value};

use super::{Job, JobContext, fields};
use crate::error::ApiResult;

/// The job.
pub struct ClearBlocklist;

#[async_trait]
impl Job for ClearBlocklist {
    fn name(&self) -> &'static str {
        "ClearBlocklist"
    }

    fn fields(&self, given: &Map<String, Value>) -> ApiResult<Map<String, Value>> {
        Ok(fields::own_fields(given))
    }

    async fn run(&self, context: &JobContext, _command: &Command) -> CommandOutcome {
        match context.state.store.clear_blocklist().await {
            Ok(()) => CommandOutcome::completed("Blocklist cleared"),
            Err(e) => CommandOutcome::failed(format!("Clearing the blocklist failed: {e}")),
        }
    }
}
