//! `ManualImport`: the files the user chose (`files`, each with its path,
//! movie and what they said of it) imported in `importMode`
//! (`services::import::manual`).

use async_trait::async_trait;
use domain::command::{Command, CommandOutcome, CommandPriority};
use serde_json::{Map, Value};

use super::{Job, JobContext, fields};
use crate::error::{ApiError, ApiResult};
use crate::services::import::manual::{Choice, ImportMode, import_chosen};

/// The job.
pub struct ManualImport;

impl ManualImport {
    fn choices(given: &Map<String, Value>) -> ApiResult<Vec<Choice>> {
        let files = fields::get(given, "files").cloned().unwrap_or(Value::Null);
        let files: Vec<Choice> = serde_json::from_value(files).map_err(|e| {
            ApiError::invalid(
                "Files",
                format!("'Files' must be a list of files with their path and movie: {e}"),
                "InvalidValueValidator",
            )
        })?;
        if files.is_empty() {
            return Err(ApiError::invalid(
                "Files",
                "'Files' must not be empty.",
                "NotEmptyValidator",
            ));
        }
        if let Some(file) = files.iter().find(|f| f.movie_id <= 0) {
            return Err(ApiError::invalid(
                "Files",
                format!(
                    "'Files' must be a list of files with their path and movie: {} has no movieId",
                    file.path.display()
                ),
                "InvalidValueValidator",
            ));
        }
        Ok(files)
    }
}

#[async_trait]
impl Job for ManualImport {
    fn name(&self) -> &'static str {
        "ManualImport"
    }

    fn fields(&self, given: &Map<String, Value>) -> ApiResult<Map<String, Value>> {
        Self::choices(given)?;
        let mut fields = fields::own_fields(given);
        let mode = fields::text(given, "importMode")?.unwrap_or_else(|| "auto".into());
        fields.insert("importMode".into(), mode.into());
        Ok(fields)
    }

    fn priority(&self) -> CommandPriority {
        CommandPriority::High
    }

    async fn run(&self, context: &JobContext, command: &Command) -> CommandOutcome {
        let choices = match Self::choices(&command.body) {
            Ok(choices) => choices,
            Err(e) => return CommandOutcome::failed(e.to_string()),
        };
        let mode = fields::text(&command.body, "importMode")
            .ok()
            .flatten()
            .map_or(ImportMode::Auto, |m| ImportMode::named(&m));
        match import_chosen(&context.state, &choices, mode).await {
            Ok(outcome) if outcome.failed.is_empty() => {
                CommandOutcome::completed(format!("{} file(s) imported", outcome.imported))
            }
            Ok(outcome) => {
                let reasons: Vec<String> = outcome
                    .failed
                    .iter()
                    .map(|(path, reason)| format!("{}: {reason}", path.display()))
                    .collect();
                CommandOutcome::failed(format!(
                    "{} file(s) imported, {} not: {}",
                    outcome.imported,
                    outcome.failed.len(),
                    reasons.join("; ")
                ))
            }
            Err(e) => CommandOutcome::failed(format!("Importing failed: {e}")),
        }
    }
}
