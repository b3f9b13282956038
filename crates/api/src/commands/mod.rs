//! Commands, Radarr's long work: the jobs that carry them out, the runner that
//! claims them from the persisted queue, and the schedule that queues them.
//! One file per job, each a [`Job`].

mod backup;
mod clean_up_recycle_bin;
mod clear_blocklist;
mod clear_log;
mod delete_log_files;
mod delete_update_log_files;
mod downloaded_movies_scan;
mod fields;
mod manual_import;
mod messaging_cleanup;
mod movie_search;
mod refresh_collections;
mod refresh_monitored_downloads;
mod refresh_movie;
mod rename;
mod rescan_movie;
mod rss_sync;
mod runner;
mod scene_group_analysis;
mod schedule;
mod unavailable;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use async_trait::async_trait;
use chrono::Utc;
use domain::command::{
    Command, CommandOutcome, CommandPriority, CommandTrigger, NewCommand, RADARR_COMMANDS,
    known_name,
};
use serde_json::{Map, Value};
use tokio::sync::Notify;

use crate::error::{ApiError, ApiResult};
use crate::services::push;
use crate::state::AppState;

pub use runner::JobRunner;
pub use schedule::Schedule;

/// The message Radarr's unknown command names fail with; arrapi matches it.
pub const UNKNOWN_COMMAND: &str = "Sequence contains no matching element";

/// The work behind one command name.
#[async_trait]
pub trait Job: Send + Sync {
    /// Radarr's name for it, e.g. "RefreshMovie".
    fn name(&self) -> &'static str;
    /// The command's fields from a posted body (keys in any case), in the
    /// form they are stored, shown and compared for merging.
    fn fields(&self, given: &Map<String, Value>) -> ApiResult<Map<String, Value>>;
    /// Which queued command runs first.
    fn priority(&self) -> CommandPriority {
        CommandPriority::Normal
    }
    /// Whether it takes long, as Radarr's body reports it.
    fn is_long_running(&self) -> bool {
        false
    }
    /// Minutes between scheduled runs, for the jobs the schedule queues.
    fn schedule_minutes(&self) -> Option<i32> {
        None
    }
    /// Whether this run counts as a run of its scheduled task.
    fn updates_task(&self, _command: &Command) -> bool {
        self.schedule_minutes().is_some()
    }
    /// Does the work and says how it went.
    async fn run(&self, context: &JobContext, command: &Command) -> CommandOutcome;
}

/// How often progress may be written to the store.
const PROGRESS_EVERY: Duration = Duration::from_secs(1);

/// What a running job reaches: the application, and its command's progress.
pub struct JobContext {
    /// The store, TMDB and settings.
    pub state: AppState,
    command_id: i32,
    last_progress: Mutex<Option<Instant>>,
}

impl JobContext {
    fn new(state: AppState, command_id: i32) -> Self {
        JobContext {
            state,
            command_id,
            last_progress: Mutex::new(None),
        }
    }

    /// Shows progress to clients polling the command; at most one write a
    /// second, so a job may call it for every item.
    pub async fn progress(&self, message: &str) {
        {
            let mut last = self.last_progress.lock().unwrap_or_else(|e| e.into_inner());
            if last.is_some_and(|at| at.elapsed() < PROGRESS_EVERY) {
                return;
            }
            *last = Some(Instant::now());
        }
        match self
            .state
            .store
            .set_command_message(self.command_id, message)
            .await
        {
            Ok(()) => push::command_changed(&self.state, self.command_id).await,
            Err(e) => tracing::warn!(error = %e, "a command's progress was not saved"),
        }
    }
}

/// Every command the server knows, and the bell that wakes the runner.
pub struct Commands {
    jobs: HashMap<&'static str, Arc<dyn Job>>,
    wake: Notify,
}

impl Default for Commands {
    fn default() -> Self {
        let mut jobs: HashMap<&'static str, Arc<dyn Job>> = HashMap::new();
        let implemented: [Arc<dyn Job>; 20] = [
            Arc::new(refresh_movie::RefreshMovie),
            Arc::new(refresh_collections::RefreshCollections),
            Arc::new(messaging_cleanup::MessagingCleanup),
            Arc::new(movie_search::MovieSearchJob::Given),
            Arc::new(movie_search::MovieSearchJob::Missing),
            Arc::new(movie_search::MovieSearchJob::CutoffUnmet),
            Arc::new(rss_sync::RssSync),
            Arc::new(clear_blocklist::ClearBlocklist),
            Arc::new(backup::Backup),
            Arc::new(clear_log::ClearLog),
            Arc::new(delete_log_files::DeleteLogFiles),
            Arc::new(delete_update_log_files::DeleteUpdateLogFiles),
            Arc::new(refresh_monitored_downloads::RefreshMonitoredDownloads),
            Arc::new(rescan_movie::RescanMovie),
            Arc::new(rename::RenameJob::Movies),
            Arc::new(rename::RenameJob::Files),
            Arc::new(manual_import::ManualImport),
            Arc::new(downloaded_movies_scan::DownloadedMoviesScan),
            Arc::new(clean_up_recycle_bin::CleanUpRecycleBin),
            Arc::new(scene_group_analysis::SceneGroupAnalysis),
        ];
        for job in implemented {
            jobs.insert(job.name(), job);
        }
        for name in RADARR_COMMANDS {
            jobs.entry(name)
                .or_insert_with(|| Arc::new(unavailable::Unavailable(name)));
        }
        Commands {
            jobs,
            wake: Notify::new(),
        }
    }
}

impl Commands {
    /// The job behind a stored command's name.
    pub fn job(&self, name: &str) -> Option<&Arc<dyn Job>> {
        known_name(name).and_then(|name| self.jobs.get(name))
    }

    /// Queues the command a client posted (its `name` and fields), or finds
    /// the equal one already queued or running; `true` when it is new.
    pub async fn queue(
        &self,
        state: &AppState,
        given: &Map<String, Value>,
        trigger: CommandTrigger,
        client_user_agent: Option<String>,
    ) -> ApiResult<(Command, bool)> {
        let name = fields::get(given, "name")
            .and_then(Value::as_str)
            .unwrap_or("");
        let job = self
            .job(name)
            .ok_or_else(|| ApiError::Exception(UNKNOWN_COMMAND.to_string()))?;
        let command = NewCommand {
            name: job.name(),
            body: job.fields(given)?,
            priority: job.priority(),
            trigger,
            client_user_agent,
        };
        let queued = state.store.enqueue_command(&command).await?;
        if queued.1 {
            metrics::counter!("radarr_commands_queued_total", "name" => job.name()).increment(1);
            push::command(state, &queued.0);
        }
        self.wake.notify_one();
        Ok(queued)
    }

    /// The scheduled tasks: each job's name and minutes between runs.
    pub fn scheduled(&self) -> Vec<(&'static str, i32)> {
        let mut tasks: Vec<_> = self
            .jobs
            .values()
            .filter_map(|job| Some((job.name(), job.schedule_minutes()?)))
            .collect();
        tasks.sort_unstable();
        tasks
    }

    /// Waits until a command may have been queued.
    async fn queued(&self) {
        self.wake.notified().await;
    }
}

/// The id a runner claims commands under: unique to this process's run.
fn runner_id() -> String {
    format!(
        "{}-{}",
        std::process::id(),
        Utc::now().timestamp_nanos_opt().unwrap_or_default()
    )
}
