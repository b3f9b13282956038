//! `RescanMovie`: a movie's folder (every movie's without `movieId`) read
//! again (`services::rescan`).

use async_trait::async_trait;
use domain::command::{Command, CommandOutcome};
use serde_json::{Map, Value};

use super::{Job, JobContext, fields};
use crate::error::ApiResult;
use crate::services::rescan::rescan;

/// The job.
pub struct RescanMovie;

#[async_trait]
impl Job for RescanMovie {
    fn name(&self) -> &'static str {
        "RescanMovie"
    }

    fn fields(&self, given: &Map<String, Value>) -> ApiResult<Map<String, Value>> {
        let mut fields = Map::new();
        if let Some(id) = fields::id(given, "movieId")? {
            fields.insert("movieId".into(), id.into());
        }
        Ok(fields)
    }

    async fn run(&self, context: &JobContext, command: &Command) -> CommandOutcome {
        let movie_id = fields::id(&command.body, "movieId").ok().flatten();
        let ids = movie_id.map(|id| vec![id]);
        match rescan(&context.state, ids.as_deref()).await {
            Ok(report) => CommandOutcome::completed(format!(
                "Rescanned: {} missing file(s) forgotten, {} found",
                report.missing, report.found
            )),
            Err(e) => CommandOutcome::failed(format!("Rescanning failed: {e}")),
        }
    }
}
