//! Radarr's commands this version cannot carry out yet. They are accepted as
//! Radarr accepts them, so a client that sends one keeps working, and end as
//! failed with a message that says why, rather than pretending to succeed.

use async_trait::async_trait;
use domain::command::{Command, CommandOutcome, CommandPriority};
use serde_json::{Map, Value};

use super::{Job, JobContext, fields};
use crate::error::ApiResult;

/// A command name Radarr knows and this version does not run.
pub struct Unavailable(pub &'static str);

#[async_trait]
impl Job for Unavailable {
    fn name(&self) -> &'static str {
        self.0
    }

    fn fields(&self, given: &Map<String, Value>) -> ApiResult<Map<String, Value>> {
        Ok(fields::own_fields(given))
    }

    fn priority(&self) -> CommandPriority {
        // Radarr runs imports a user started by hand ahead of the rest.
        if self.0 == "ManualImport" {
            CommandPriority::High
        } else {
            CommandPriority::Normal
        }
    }

    async fn run(&self, _context: &JobContext, _command: &Command) -> CommandOutcome {
        CommandOutcome::failed(format!(
            "{} is not available in this version of Unified-Radarr",
            self.0
        ))
    }
}
