//! The schedule: queues each scheduled task's command when its interval has
//! passed since it last ran. Every instance checks it; the store queues a
//! due task once however many check together.

use std::time::Duration;

use chrono::{DateTime, Utc};
use domain::command::{Command, CommandTrigger, NewCommand};
use serde_json::Map;

use crate::error::ApiResult;
use crate::state::AppState;

/// How often the schedule is checked, as in Radarr.
const CHECK_EVERY: Duration = Duration::from_secs(30);

/// The schedule of one instance.
pub struct Schedule {
    state: AppState,
}

impl Schedule {
    /// Makes sure every task exists with its interval; a task new to the
    /// database counts as run now, so a new library is not refreshed at once.
    pub async fn new(state: AppState) -> ApiResult<Self> {
        let tasks = state.commands.scheduled();
        state.store.ensure_tasks(&tasks, Utc::now()).await?;
        Ok(Schedule { state })
    }

    /// Checks the schedule every 30 seconds, forever.
    pub async fn run(self) {
        let mut every = tokio::time::interval(CHECK_EVERY);
        loop {
            every.tick().await;
            if let Err(e) = self.queue_due(Utc::now()).await {
                tracing::warn!(error = %e, "the schedule could not be checked");
            }
        }
    }

    /// Queues the commands of the tasks due at `now`; returns those queued
    /// (or already queued or running).
    pub async fn queue_due(&self, now: DateTime<Utc>) -> ApiResult<Vec<Command>> {
        let rss_interval = self.follow_rss_interval(now).await?;
        let mut queued = Vec::new();
        for task in self.state.store.scheduled_tasks().await? {
            if task.next_execution() > now || (task.name == "RssSync" && rss_interval == 0) {
                continue;
            }
            let Some(job) = self.state.commands.job(&task.name) else {
                continue;
            };
            let command = NewCommand {
                name: job.name(),
                body: job.fields(&Map::new())?,
                priority: job.priority(),
                trigger: CommandTrigger::Scheduled,
                client_user_agent: None,
            };
            if let Some((command, _)) = self.state.store.enqueue_scheduled(&command, &task).await? {
                queued.push(command);
            }
        }
        if !queued.is_empty() {
            self.state.commands.wake.notify_one();
        }
        Ok(queued)
    }

    /// Keeps the RSS task's interval at `/config/indexer`'s
    /// `rssSyncInterval`, which a user may change at any time; 0 turns the
    /// sync off. Returns the interval.
    async fn follow_rss_interval(&self, now: DateTime<Utc>) -> ApiResult<i32> {
        let interval = self.state.store.indexer_config().await?.rss_sync_interval;
        let tasks = self.state.store.scheduled_tasks().await?;
        let stored = tasks.iter().find(|t| t.name == "RssSync");
        if interval > 0 && stored.is_some_and(|t| t.interval_minutes != interval) {
            self.state
                .store
                .ensure_tasks(&[("RssSync", interval)], now)
                .await?;
        }
        Ok(interval)
    }
}
