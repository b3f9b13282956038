//! The job runner: claims queued commands from the store, runs a few at a
//! time, and records how each ended. Claims are kept alive while a command
//! runs; a claim left to lapse (its instance stopped or died) puts the
//! command back in the queue for any runner to take.

use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::Utc;
use domain::command::{Command, CommandOutcome};
use futures::FutureExt;
use store::Backend;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

use super::{JobContext, runner_id};
use crate::services::push;
use crate::state::AppState;

/// Commands run at once, as in Radarr.
const SLOTS: usize = 3;
/// How often the queue is looked at without being woken: other instances
/// queue commands too, and requeued ones wake nobody.
const POLL_EVERY: Duration = Duration::from_secs(5);
/// How often a runner renews its claims and looks for lapsed ones.
const KEEP_CLAIMS_EVERY: Duration = Duration::from_secs(15);
/// A claim not renewed for this long has lapsed.
const CLAIM_LAPSES_AFTER: chrono::Duration = chrono::Duration::seconds(60);

/// Runs commands for one instance.
pub struct JobRunner {
    state: AppState,
    id: String,
    slots: Arc<Semaphore>,
}

impl JobRunner {
    /// A runner over the application's store and jobs.
    pub fn new(state: AppState) -> Self {
        JobRunner {
            state,
            id: runner_id(),
            slots: Arc::new(Semaphore::new(SLOTS)),
        }
    }

    /// Puts back what a previous run of this server left started. With
    /// SQLite, this process owns the data, so nothing started can still be
    /// running; with PostgreSQL, other instances' work is left to their
    /// claims, which lapse if they are gone.
    pub async fn recover(&self) {
        let before = match self.state.store.backend() {
            Backend::Sqlite => Utc::now() + chrono::Duration::days(1),
            Backend::Postgres => Utc::now() - CLAIM_LAPSES_AFTER,
        };
        match self.state.store.requeue_commands(before).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(
                commands = n,
                "commands left running by a stop are queued again"
            ),
            Err(e) => tracing::warn!(error = %e, "commands left running could not be queued again"),
        }
    }

    /// Runs commands until dropped; the commands it leaves running are put
    /// back by [`JobRunner::release`] or, failing that, by their claims lapsing.
    pub async fn run(self) {
        let mut running = JoinSet::new();
        // Its own task: claims must be renewed while every slot is busy.
        let (state, id) = (self.state.clone(), self.id.clone());
        running.spawn(async move {
            let mut every = tokio::time::interval(KEEP_CLAIMS_EVERY);
            loop {
                every.tick().await;
                keep_claims(&state, &id).await;
            }
        });
        loop {
            let Ok(slot) = self.slots.clone().acquire_owned().await else {
                return;
            };
            match self.state.store.claim_command(&self.id, Utc::now()).await {
                Ok(Some(command)) => {
                    let state = self.state.clone();
                    running.spawn(async move {
                        execute(state, command).await;
                        drop(slot);
                    });
                    continue;
                }
                Ok(None) => {}
                Err(e) => tracing::warn!(error = %e, "the command queue could not be read"),
            }
            drop(slot);
            tokio::select! {
                () = self.state.commands.queued() => {}
                () = tokio::time::sleep(POLL_EVERY) => {}
            }
            while running.try_join_next().is_some() {}
        }
    }

    /// Puts this runner's started commands back in the queue, for a clean
    /// stop: the next start (or another instance) runs them again.
    pub async fn release(state: &AppState, id: &str) {
        if let Err(e) = state.store.release_commands(id).await {
            tracing::warn!(error = %e, "running commands could not be queued again");
        }
    }

    /// The id this runner claims under.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Runs queued commands one by one until none is left: for tests, which
    /// drain the queue rather than wait for a running runner.
    pub async fn drain(&self) -> Vec<Command> {
        let mut ran = Vec::new();
        while let Ok(Some(command)) = self.state.store.claim_command(&self.id, Utc::now()).await {
            let id = command.id;
            execute(self.state.clone(), command).await;
            if let Ok(command) = self.state.store.command(id).await {
                ran.push(command);
            }
        }
        ran
    }
}

/// Renews this runner's claims, and queues again the commands of runners
/// that stopped renewing theirs.
async fn keep_claims(state: &AppState, id: &str) {
    let now = Utc::now();
    if let Err(e) = state.store.keep_claims(id, now).await {
        tracing::warn!(error = %e, "the runner's claims could not be renewed");
    }
    match state.store.requeue_commands(now - CLAIM_LAPSES_AFTER).await {
        Ok(0) => {}
        Ok(n) => tracing::warn!(
            commands = n,
            "commands whose runner went away are queued again"
        ),
        Err(e) => tracing::warn!(error = %e, "lapsed claims could not be checked"),
    }
}

/// Runs one claimed command and records its end.
async fn execute(state: AppState, command: Command) {
    let started = Instant::now();
    let Some(job) = state.commands.job(&command.name).cloned() else {
        let outcome = CommandOutcome::failed(format!("No job runs {}", command.name));
        finish(&state, &command, &outcome, None).await;
        return;
    };
    let task = job.updates_task(&command).then(|| job.name());
    if let Some(task) = task
        && let Err(e) = state.store.task_started(task, Utc::now()).await
    {
        tracing::warn!(error = %e, task, "a task's start was not recorded");
    }
    tracing::info!(id = command.id, name = %command.name, "command started");
    push::command(&state, &command);
    let context = JobContext::new(state.clone(), command.id);
    let outcome = AssertUnwindSafe(job.run(&context, &command))
        .catch_unwind()
        .await
        .unwrap_or_else(|_| CommandOutcome::failed("The command stopped unexpectedly"));
    metrics::counter!(
        "radarr_commands_total",
        "name" => job.name(),
        "status" => outcome.status.as_str()
    )
    .increment(1);
    metrics::histogram!("radarr_command_duration_seconds", "name" => job.name())
        .record(started.elapsed().as_secs_f64());
    finish(&state, &command, &outcome, task).await;
}

async fn finish(state: &AppState, command: &Command, outcome: &CommandOutcome, task: Option<&str>) {
    tracing::info!(
        id = command.id,
        name = %command.name,
        status = %outcome.status,
        message = %outcome.message,
        "command ended"
    );
    match state
        .store
        .finish_command(command.id, outcome, Utc::now(), task)
        .await
    {
        Ok(()) => push::command_changed(state, command.id).await,
        Err(e) => tracing::error!(error = %e, id = command.id, "a command's end was not recorded"),
    }
}
