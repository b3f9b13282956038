//! `DownloadedMoviesScan`: the finished download at `path` imported, each
//! file matched to its movie by name (or by the download we follow there),
//! as scripts call it after moving a download; without a path, the
//! finished downloads the clients report are imported.

use async_trait::async_trait;
use domain::command::{Command, CommandOutcome};
use serde_json::{Map, Value};

use super::{Job, JobContext, fields};
use crate::error::ApiResult;
use crate::services::import::import_ready;
use crate::services::import::manual::{Choice, ImportMode, Lookup, candidates, import_chosen};
use crate::state::AppState;

/// The job.
pub struct DownloadedMoviesScan;

#[async_trait]
impl Job for DownloadedMoviesScan {
    fn name(&self) -> &'static str {
        "DownloadedMoviesScan"
    }

    fn fields(&self, given: &Map<String, Value>) -> ApiResult<Map<String, Value>> {
        let mut fields = Map::new();
        if let Some(path) = fields::text(given, "path")? {
            fields.insert("path".into(), path.into());
        }
        if let Some(id) = fields::text(given, "downloadClientId")? {
            fields.insert("downloadClientId".into(), id.into());
        }
        let mode = fields::text(given, "importMode")?.unwrap_or_else(|| "auto".into());
        fields.insert("importMode".into(), mode.into());
        Ok(fields)
    }

    async fn run(&self, context: &JobContext, command: &Command) -> CommandOutcome {
        let body = &command.body;
        let Some(path) = fields::text(body, "path").ok().flatten() else {
            return match import_ready(&context.state).await {
                Ok(report) => CommandOutcome::completed(format!(
                    "{} finished download(s) imported",
                    report.imported
                )),
                Err(e) => CommandOutcome::failed(format!("Importing downloads failed: {e}")),
            };
        };
        let download_id = fields::text(body, "downloadClientId").ok().flatten();
        let mode = fields::text(body, "importMode")
            .ok()
            .flatten()
            .map_or(ImportMode::Auto, |m| ImportMode::named(&m));
        match scan(&context.state, path.clone(), download_id, mode).await {
            Ok((imported, skipped)) => CommandOutcome::completed(format!(
                "{imported} file(s) imported from {path}, {skipped} left"
            )),
            Err(e) => CommandOutcome::failed(format!("Importing {path} failed: {e}")),
        }
    }
}

/// Imports what may be imported at `path`: the number imported, and the
/// number of video files left there.
async fn scan(
    state: &AppState,
    path: String,
    download_id: Option<String>,
    mode: ImportMode,
) -> ApiResult<(usize, usize)> {
    let lookup = Lookup {
        folder: Some(path),
        download_id: download_id.clone(),
        movie_id: None,
        filter_existing_files: true,
    };
    let found = candidates(state, &lookup).await?;
    let choices: Vec<Choice> = found
        .iter()
        .filter(|c| c.rejections.is_empty())
        .filter_map(|c| {
            Some(Choice {
                path: c.path.clone(),
                movie_id: c.movie.as_ref()?.id,
                quality: Some(c.release.quality),
                languages: Some(c.release.languages.clone()),
                release_group: c.release_group.clone(),
                download_id: c.release.download_id.clone().or(download_id.clone()),
            })
        })
        .collect();
    let outcome = import_chosen(state, &choices, mode).await?;
    Ok((outcome.imported, found.len() - outcome.imported))
}
