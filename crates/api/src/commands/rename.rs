//! `RenameMovie` (the files of the movies given) and `RenameFiles` (some
//! files of one movie): renamed to the naming settings
//! (`services::rename`).

use async_trait::async_trait;
use domain::command::{Command, CommandOutcome};
use serde_json::{Map, Value};

use super::{Job, JobContext, fields};
use crate::error::{ApiError, ApiResult};
use crate::services::rename::rename;

/// Which files a rename job renames.
pub enum RenameJob {
    /// `RenameMovie` with its `movieIds`.
    Movies,
    /// `RenameFiles` with its `movieId` and `files`.
    Files,
}

#[async_trait]
impl Job for RenameJob {
    fn name(&self) -> &'static str {
        match self {
            RenameJob::Movies => "RenameMovie",
            RenameJob::Files => "RenameFiles",
        }
    }

    fn fields(&self, given: &Map<String, Value>) -> ApiResult<Map<String, Value>> {
        let mut fields = Map::new();
        match self {
            RenameJob::Movies => {
                let ids = fields::required_ids(given, "movieIds", "Movie Ids")?;
                fields.insert("movieIds".into(), ids.into());
            }
            RenameJob::Files => {
                let movie_id = fields::id(given, "movieId")?.ok_or_else(|| {
                    ApiError::invalid(
                        "MovieId",
                        "'Movie Id' must not be empty.",
                        "NotEmptyValidator",
                    )
                })?;
                fields.insert("movieId".into(), movie_id.into());
                fields.insert("files".into(), fields::ids(given, "files")?.into());
            }
        }
        Ok(fields)
    }

    async fn run(&self, context: &JobContext, command: &Command) -> CommandOutcome {
        let body = &command.body;
        let renamed = match self {
            RenameJob::Movies => {
                let ids = fields::ids(body, "movieIds").unwrap_or_default();
                rename(&context.state, &ids, None).await
            }
            RenameJob::Files => {
                let movie_id = fields::id(body, "movieId").ok().flatten().unwrap_or(0);
                let files = fields::ids(body, "files").unwrap_or_default();
                rename(&context.state, &[movie_id], Some(&files)).await
            }
        };
        match renamed {
            Ok(count) => CommandOutcome::completed(format!("{count} file(s) renamed")),
            Err(e) => CommandOutcome::failed(format!("Renaming failed: {e}")),
        }
    }
}
