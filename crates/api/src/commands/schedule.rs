//! The schedule: queues each scheduled task's command when its interval has
//! passed since it last ran. Every instance checks it; the store queues a
//! due task once however many check together.

use std::time::Duration;

use chrono::{DateTime, Utc};
use domain::command::{Command, CommandTrigger, NewCommand};
use serde_json::Map;

use crate::error::ApiResult;
use crate::services::backup;
use crate::services::{push, scene_group_config};
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
        let rss_interval = self.state.store.indexer_config().await?.rss_sync_interval;
        let scene_days = scene_group_config::load(&self.state).await?.interval_days;
        let backup_days = backup::settings::load(&self.state).await?.interval_days;
        // Tasks whose interval a user sets; 0 turns one off.
        let configured = [
            ("RssSync", rss_interval),
            ("SceneGroupAnalysis", scene_days.saturating_mul(24 * 60)),
            ("Backup", backup_days.saturating_mul(24 * 60)),
        ];
        self.follow_intervals(&configured, now).await?;
        let off = |name: &str| configured.iter().any(|(n, i)| *n == name && *i == 0);
        let mut queued = Vec::new();
        for task in self.state.store.scheduled_tasks().await? {
            if task.next_execution() > now || off(&task.name) {
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
            if let Some((command, new)) =
                self.state.store.enqueue_scheduled(&command, &task).await?
            {
                if new {
                    push::command(&self.state, &command);
                }
                queued.push(command);
            }
        }
        if !queued.is_empty() {
            self.state.commands.wake.notify_one();
        }
        Ok(queued)
    }

    /// Keeps the intervals users set (`/config/indexer`'s `rssSyncInterval`,
    /// `/config/scenegroup`'s `intervalDays`) on their tasks, as they may
    /// change them at any time.
    async fn follow_intervals(
        &self,
        configured: &[(&str, i32)],
        now: DateTime<Utc>,
    ) -> ApiResult<()> {
        let tasks = self.state.store.scheduled_tasks().await?;
        let changed: Vec<(&str, i32)> = configured
            .iter()
            .filter(|(name, interval)| {
                *interval > 0
                    && tasks
                        .iter()
                        .any(|t| t.name == *name && t.interval_minutes != *interval)
            })
            .copied()
            .collect();
        if !changed.is_empty() {
            self.state.store.ensure_tasks(&changed, now).await?;
        }
        Ok(())
    }
}
