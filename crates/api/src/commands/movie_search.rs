//! The automatic searches: `MoviesSearch` (the movies given),
//! `MissingMoviesSearch` (monitored, available, no file) and
//! `CutoffUnmetMoviesSearch` (monitored, available, below the cutoff). Each
//! movie is searched on the indexers enabled for automatic search and its
//! best accepted release grabbed.

use async_trait::async_trait;
use chrono::Utc;
use domain::command::{Command, CommandOutcome, CommandTrigger};
use serde_json::{Map, Value};

use super::{Job, JobContext, fields};
use crate::error::ApiResult;
use crate::services::search::{SearchSettings, automatic};
use crate::services::wanted::{Wanted, to_search};

/// Movies read from the store at a time.
const BATCH: usize = 50;

/// Which movies a search job looks for.
pub enum MovieSearchJob {
    /// `MoviesSearch` with its `movieIds`.
    Given,
    /// `MissingMoviesSearch`.
    Missing,
    /// `CutoffUnmetMoviesSearch`.
    CutoffUnmet,
}

#[async_trait]
impl Job for MovieSearchJob {
    fn name(&self) -> &'static str {
        match self {
            MovieSearchJob::Given => "MoviesSearch",
            MovieSearchJob::Missing => "MissingMoviesSearch",
            MovieSearchJob::CutoffUnmet => "CutoffUnmetMoviesSearch",
        }
    }

    fn fields(&self, given: &Map<String, Value>) -> ApiResult<Map<String, Value>> {
        let mut fields = Map::new();
        if let MovieSearchJob::Given = self {
            let ids = fields::required_ids(given, "movieIds", "Movie Ids")?;
            fields.insert("movieIds".into(), ids.into());
        }
        Ok(fields)
    }

    fn is_long_running(&self) -> bool {
        !matches!(self, MovieSearchJob::Given)
    }

    async fn run(&self, context: &JobContext, command: &Command) -> CommandOutcome {
        let state = &context.state;
        let ids = match self.movie_ids(context, command).await {
            Ok(ids) => ids,
            Err(e) => return CommandOutcome::failed(format!("The library could not be read: {e}")),
        };
        let settings = match SearchSettings::load(state).await {
            Ok(settings) => settings,
            Err(e) => {
                return CommandOutcome::failed(format!(
                    "The search settings could not be read: {e}"
                ));
            }
        };
        if settings.indexers.is_empty() {
            return CommandOutcome::failed("No indexers are enabled for automatic search");
        }
        let user_invoked = command.trigger == CommandTrigger::Manual;
        let total = ids.len();
        let (mut done, mut grabbed) = (0, 0);
        let mut failures = Vec::new();
        for batch in ids.chunks(BATCH) {
            let movies = match state.store.movies_by_ids(batch).await {
                Ok(movies) => movies,
                Err(e) => {
                    return CommandOutcome::failed(format!("The library could not be read: {e}"));
                }
            };
            for movie in &movies {
                done += 1;
                context
                    .progress(&format!("Searching for {} ({done}/{total})", movie.title))
                    .await;
                match automatic(state, &settings, movie, user_invoked).await {
                    Ok(Some(_)) => grabbed += 1,
                    Ok(None) => {}
                    Err(e) => failures.push(format!("{}: {e}", movie.title)),
                }
            }
        }
        let summary = format!(
            "Completed search for {total} movie{}. {grabbed} report{} downloaded.",
            if total == 1 { "" } else { "s" },
            if grabbed == 1 { "" } else { "s" },
        );
        if failures.is_empty() {
            CommandOutcome::completed(summary)
        } else {
            CommandOutcome::failed(format!("{summary} Failed: {}", failures.join("; ")))
        }
    }
}

impl MovieSearchJob {
    async fn movie_ids(&self, context: &JobContext, command: &Command) -> ApiResult<Vec<i32>> {
        let state = &context.state;
        let now = Utc::now();
        let delay = state.store.indexer_config().await?.availability_delay;
        match self {
            MovieSearchJob::Given => Ok(command.ids("movieIds")),
            MovieSearchJob::Missing => to_search(state, Wanted::Missing, now, delay).await,
            MovieSearchJob::CutoffUnmet => to_search(state, Wanted::CutoffUnmet, now, delay).await,
        }
    }
}
