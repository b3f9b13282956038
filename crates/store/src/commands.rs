//! The command queue and the schedule that feeds it.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use domain::command::{Command, CommandOutcome, NewCommand, ScheduledTask};

use crate::Result;

/// A persisted queue of commands, claimed by job runners (several, when
/// several instances share a PostgreSQL database), and the scheduled tasks.
#[async_trait]
pub trait CommandStore: Send + Sync {
    /// Queues a command, unless one with the same name and fields is queued
    /// or running: then that one is returned, and `false` says so.
    async fn enqueue_command(&self, command: &NewCommand) -> Result<(Command, bool)>;
    /// Queues a scheduled task's command, as `enqueue_command` does, if the
    /// task has not run since it was read as `seen`; `None` when it has.
    /// Instances checking the schedule together queue it once.
    async fn enqueue_scheduled(
        &self,
        command: &NewCommand,
        seen: &ScheduledTask,
    ) -> Result<Option<(Command, bool)>>;
    /// One command.
    async fn command(&self, id: i32) -> Result<Command>;
    /// Commands queued or running, and those that ended after `ended_after`,
    /// by id.
    async fn recent_commands(&self, ended_after: DateTime<Utc>) -> Result<Vec<Command>>;
    /// Takes the next queued command (highest priority, then oldest) for
    /// `runner`, marking it started; no other runner can take it.
    async fn claim_command(&self, runner: &str, now: DateTime<Utc>) -> Result<Option<Command>>;
    /// Says that `runner` still works on its started commands.
    async fn keep_claims(&self, runner: &str, now: DateTime<Utc>) -> Result<()>;
    /// Shows progress on a running command.
    async fn set_command_message(&self, id: i32, message: &str) -> Result<()>;
    /// Ends a command. When `task` is given, that scheduled task is recorded
    /// as run, in the same transaction.
    async fn finish_command(
        &self,
        id: i32,
        outcome: &CommandOutcome,
        ended: DateTime<Utc>,
        task: Option<&str>,
    ) -> Result<()>;
    /// Cancels a queued command; `false` when it was not queued.
    async fn cancel_command(&self, id: i32, now: DateTime<Utc>) -> Result<bool>;
    /// Puts back in the queue the started commands whose runner has not
    /// kept its claim since `claimed_before`: it stopped or died. Returns
    /// how many.
    async fn requeue_commands(&self, claimed_before: DateTime<Utc>) -> Result<u64>;
    /// Puts back in the queue every started command of `runner`, which is
    /// stopping. Returns how many.
    async fn release_commands(&self, runner: &str) -> Result<u64>;
    /// Forgets finished commands that ended before `ended_before`.
    async fn delete_commands_ended_before(&self, ended_before: DateTime<Utc>) -> Result<u64>;

    /// Makes sure each `(name, interval in minutes)` task exists with that
    /// interval; a new one counts as run at `now`.
    async fn ensure_tasks(&self, tasks: &[(&str, i32)], now: DateTime<Utc>) -> Result<()>;
    /// Every scheduled task, by id.
    async fn scheduled_tasks(&self) -> Result<Vec<ScheduledTask>>;
    /// Records that a task's command started.
    async fn task_started(&self, name: &str, at: DateTime<Utc>) -> Result<()>;
}
