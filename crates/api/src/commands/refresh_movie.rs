//! `RefreshMovie`: fresh TMDB metadata for some movies (`movieIds`) or the
//! whole library (none given; the schedule does this daily), then their
//! folders rescanned as the settings say. A movie that cannot be refreshed
//! keeps what it had, and the rest go on.

use std::sync::atomic::{AtomicUsize, Ordering};

use async_trait::async_trait;
use domain::command::{Command, CommandOutcome, CommandTrigger};
use futures::{StreamExt, TryStreamExt};
use serde_json::{Map, Value};

use super::{Job, JobContext, fields};
use crate::error::ApiResult;
use crate::services::media_management;
use crate::services::refresh::refresh_movie;
use crate::services::rescan::rescan;

/// Movies read from the store at a time.
const BATCH: usize = 64;
/// Refreshes in flight: enough to keep a generous TMDB rate limit busy; the
/// limiter holds them to the configured rate.
const IN_FLIGHT: usize = 32;

/// The job.
pub struct RefreshMovie;

#[async_trait]
impl Job for RefreshMovie {
    fn name(&self) -> &'static str {
        "RefreshMovie"
    }

    fn fields(&self, given: &Map<String, Value>) -> ApiResult<Map<String, Value>> {
        let mut fields = Map::new();
        fields.insert("movieIds".into(), fields::ids(given, "movieIds")?.into());
        fields.insert(
            "isNewMovie".into(),
            fields::flag(given, "isNewMovie")?.into(),
        );
        Ok(fields)
    }

    fn is_long_running(&self) -> bool {
        true
    }

    fn schedule_minutes(&self) -> Option<i32> {
        Some(24 * 60)
    }

    fn updates_task(&self, command: &Command) -> bool {
        command.ids("movieIds").is_empty()
    }

    async fn run(&self, context: &JobContext, command: &Command) -> CommandOutcome {
        let asked = command.ids("movieIds");
        let asked_all = asked.is_empty();
        let ids = if asked_all {
            match library_ids(context).await {
                Ok(ids) => ids,
                Err(e) => {
                    return CommandOutcome::failed(format!("The library could not be read: {e}"));
                }
            }
        } else {
            asked
        };
        let total = ids.len();
        let done = AtomicUsize::new(0);
        let mut failures = Vec::new();
        for batch in ids.chunks(BATCH) {
            let movies = match context.state.store.movies_by_ids(batch).await {
                Ok(movies) => movies,
                Err(e) => {
                    return CommandOutcome::failed(format!("The library could not be read: {e}"));
                }
            };
            for missing in batch
                .iter()
                .filter(|id| !movies.iter().any(|m| m.id == **id))
            {
                failures.push(format!("Movie with ID {missing} does not exist"));
            }
            let outcomes: Vec<_> = futures::stream::iter(movies)
                .map(|movie| async {
                    let title = movie.title.clone();
                    let outcome = refresh_movie(&context.state, movie).await;
                    let count = done.fetch_add(1, Ordering::Relaxed) + 1;
                    context
                        .progress(&format!("Updating info for {title} ({count} of {total})"))
                        .await;
                    outcome.map_err(|e| format!("{title}: {e}"))
                })
                .buffer_unordered(IN_FLIGHT)
                .collect()
                .await;
            for failure in outcomes.into_iter().filter_map(Result::err) {
                tracing::warn!(error = %failure, "a movie was not refreshed");
                metrics::counter!("radarr_movie_refresh_failures_total").increment(1);
                failures.push(failure);
            }
        }
        if let Err(e) = rescan_after(context, command, &ids, asked_all).await {
            failures.push(format!("The movies' folders could not be rescanned: {e}"));
        }
        match failures.first() {
            None => CommandOutcome::completed("Completed"),
            Some(first) => CommandOutcome::failed(format!(
                "{} of {total} movies could not be refreshed; the first: {first}",
                failures.len()
            )),
        }
    }
}

/// Reads the refreshed movies' folders again when the media management
/// settings ask for it after every refresh (`always`, Radarr's default) or
/// after one the user started (`afterManual`).
async fn rescan_after(
    context: &JobContext,
    command: &Command,
    ids: &[i32],
    all: bool,
) -> ApiResult<()> {
    let settings = media_management::load(&context.state).await?;
    let wanted = match settings.rescan_after_refresh.as_str() {
        "always" => true,
        "afterManual" => command.trigger == CommandTrigger::Manual,
        _ => false,
    };
    if wanted {
        context.progress("Rescanning the movies' folders").await;
        rescan(&context.state, (!all).then_some(ids)).await?;
    }
    Ok(())
}

/// Every movie's id, read without holding the library in memory.
async fn library_ids(context: &JobContext) -> store::Result<Vec<i32>> {
    context
        .state
        .store
        .stream_movies()
        .map_ok(|movie| movie.id)
        .try_collect()
        .await
}
