//! The command queue and scheduled tasks in PostgreSQL, shared by every
//! instance on the database: a command is claimed with `FOR UPDATE SKIP
//! LOCKED`, so each runs on one instance, and the unique index on queued and
//! running commands merges the same command queued by two instances at once.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use domain::command::{
    Command, CommandOutcome, CommandResult, CommandStatus, NewCommand, ScheduledTask,
};
use store::rows::{CommandRow, ScheduledTaskRow};
use store::{CommandStore, Result, StoreError};

use crate::PostgresStore;

/// The columns of [`CommandRow`].
const COMMAND_COLUMNS: &str = "id, name, body, priority, status, result, trigger_type, \
     message, exception, client_user_agent, queued, started, ended";

fn not_found(id: i32) -> StoreError {
    StoreError::NotFound {
        entity: "Command",
        id,
    }
}

fn body_text(command: &NewCommand) -> Result<String> {
    serde_json::to_string(&command.body)
        .map_err(|e| StoreError::Corrupt(format!("command body: {e}")))
}

/// Queues a command, or finds its equal queued or running; `true` when it
/// is new.
async fn enqueue(conn: &mut sqlx::PgConnection, command: &NewCommand) -> Result<(Command, bool)> {
    let body = body_text(command)?;
    let key = command.dedupe_key();
    let insert = format!(
        "INSERT INTO commands (name, body, dedupe_key, priority, status, result, \
         trigger_type, client_user_agent, queued) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now()) \
         ON CONFLICT (dedupe_key) WHERE status IN (0, 1) DO NOTHING \
         RETURNING {COMMAND_COLUMNS}"
    );
    let existing = format!(
        "SELECT {COMMAND_COLUMNS} FROM commands WHERE dedupe_key = $1 AND status IN (0, 1)"
    );
    // The one in the way may end between the insert and the select: then
    // the next insert goes through.
    for _ in 0..8 {
        let inserted: Option<CommandRow> = sqlx::query_as(&insert)
            .bind(command.name)
            .bind(&body)
            .bind(&key)
            .bind(command.priority as i32)
            .bind(CommandStatus::Queued as i32)
            .bind(CommandResult::Unknown as i32)
            .bind(command.trigger as i32)
            .bind(&command.client_user_agent)
            .fetch_optional(&mut *conn)
            .await?;
        if let Some(row) = inserted {
            return Ok((row.try_into()?, true));
        }
        let found: Option<CommandRow> = sqlx::query_as(&existing)
            .bind(&key)
            .fetch_optional(&mut *conn)
            .await?;
        if let Some(row) = found {
            return Ok((row.try_into()?, false));
        }
    }
    Err(StoreError::Unavailable("the command queue kept changing"))
}

#[async_trait]
impl CommandStore for PostgresStore {
    async fn enqueue_command(&self, command: &NewCommand) -> Result<(Command, bool)> {
        let mut conn = self.pool.acquire().await?;
        enqueue(&mut conn, command).await
    }

    async fn enqueue_scheduled(
        &self,
        command: &NewCommand,
        seen: &ScheduledTask,
    ) -> Result<Option<(Command, bool)>> {
        let mut tx = self.pool.begin().await?;
        // The row lock orders this after a finishing run of the task (which
        // updates the row first), so a run that just ended is seen.
        let last: Option<DateTime<Utc>> = sqlx::query_scalar(
            "SELECT last_execution FROM scheduled_tasks WHERE name = $1 FOR UPDATE",
        )
        .bind(&seen.name)
        .fetch_optional(&mut *tx)
        .await?;
        if last != Some(seen.last_execution) {
            return Ok(None);
        }
        let queued = enqueue(&mut tx, command).await?;
        tx.commit().await?;
        Ok(Some(queued))
    }

    async fn command(&self, id: i32) -> Result<Command> {
        let row: Option<CommandRow> = sqlx::query_as(&format!(
            "SELECT {COMMAND_COLUMNS} FROM commands WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.ok_or_else(|| not_found(id))?.try_into()
    }

    async fn recent_commands(&self, ended_after: DateTime<Utc>) -> Result<Vec<Command>> {
        let rows: Vec<CommandRow> = sqlx::query_as(&format!(
            "SELECT {COMMAND_COLUMNS} FROM commands \
             WHERE status IN (0, 1) OR ended > $1 ORDER BY id"
        ))
        .bind(ended_after)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(Command::try_from).collect()
    }

    async fn claim_command(&self, runner: &str, now: DateTime<Utc>) -> Result<Option<Command>> {
        let row: Option<CommandRow> = sqlx::query_as(&format!(
            "UPDATE commands SET status = 1, started = $1, runner = $2, claimed = $1 \
             WHERE id = (SELECT id FROM commands WHERE status = 0 \
                         ORDER BY priority DESC, id LIMIT 1 FOR UPDATE SKIP LOCKED) \
             RETURNING {COMMAND_COLUMNS}"
        ))
        .bind(now)
        .bind(runner)
        .fetch_optional(&self.pool)
        .await?;
        row.map(Command::try_from).transpose()
    }

    async fn keep_claims(&self, runner: &str, now: DateTime<Utc>) -> Result<()> {
        sqlx::query("UPDATE commands SET claimed = $1 WHERE status = 1 AND runner = $2")
            .bind(now)
            .bind(runner)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn set_command_message(&self, id: i32, message: &str) -> Result<()> {
        sqlx::query("UPDATE commands SET message = $1 WHERE id = $2")
            .bind(message)
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn finish_command(
        &self,
        id: i32,
        outcome: &CommandOutcome,
        ended: DateTime<Utc>,
        task: Option<&str>,
    ) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        // The task first: `enqueue_scheduled` locks it before the command
        // row, and taking the two in one order cannot deadlock.
        if let Some(task) = task {
            sqlx::query("UPDATE scheduled_tasks SET last_execution = $1 WHERE name = $2")
                .bind(ended)
                .bind(task)
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query(
            "UPDATE commands SET status = $1, result = $2, message = $3, exception = $4, \
             ended = $5, runner = NULL, claimed = NULL WHERE id = $6 AND status = 1",
        )
        .bind(outcome.status as i32)
        .bind(outcome.result() as i32)
        .bind(&outcome.message)
        .bind(&outcome.exception)
        .bind(ended)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn cancel_command(&self, id: i32, now: DateTime<Utc>) -> Result<bool> {
        let changed = sqlx::query(
            "UPDATE commands SET status = $1, result = $2, message = 'Cancelled', ended = $3 \
             WHERE id = $4 AND status = 0",
        )
        .bind(CommandStatus::Cancelled as i32)
        .bind(CommandResult::Unsuccessful as i32)
        .bind(now)
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(changed.rows_affected() > 0)
    }

    async fn requeue_commands(&self, claimed_before: DateTime<Utc>) -> Result<u64> {
        let changed = sqlx::query(
            "UPDATE commands SET status = 0, runner = NULL, claimed = NULL \
             WHERE status = 1 AND claimed < $1",
        )
        .bind(claimed_before)
        .execute(&self.pool)
        .await?;
        Ok(changed.rows_affected())
    }

    async fn release_commands(&self, runner: &str) -> Result<u64> {
        let changed = sqlx::query(
            "UPDATE commands SET status = 0, runner = NULL, claimed = NULL \
             WHERE status = 1 AND runner = $1",
        )
        .bind(runner)
        .execute(&self.pool)
        .await?;
        Ok(changed.rows_affected())
    }

    async fn delete_commands_ended_before(&self, ended_before: DateTime<Utc>) -> Result<u64> {
        let deleted = sqlx::query("DELETE FROM commands WHERE status NOT IN (0, 1) AND ended < $1")
            .bind(ended_before)
            .execute(&self.pool)
            .await?;
        Ok(deleted.rows_affected())
    }

    async fn ensure_tasks(&self, tasks: &[(&str, i32)], now: DateTime<Utc>) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        for (name, interval) in tasks {
            sqlx::query(
                "INSERT INTO scheduled_tasks (name, interval_minutes, last_execution) \
                 VALUES ($1, $2, $3) \
                 ON CONFLICT (name) DO UPDATE SET interval_minutes = excluded.interval_minutes",
            )
            .bind(name)
            .bind(interval)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn scheduled_tasks(&self) -> Result<Vec<ScheduledTask>> {
        let rows: Vec<ScheduledTaskRow> = sqlx::query_as(
            "SELECT id, name, interval_minutes, last_execution, last_start_time \
             FROM scheduled_tasks ORDER BY id",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    async fn task_started(&self, name: &str, at: DateTime<Utc>) -> Result<()> {
        sqlx::query("UPDATE scheduled_tasks SET last_start_time = $1 WHERE name = $2")
            .bind(at)
            .bind(name)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
