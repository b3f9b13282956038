//! The command queue and scheduled tasks in SQLite. One process owns the
//! file and every write goes through one connection, so claiming a command
//! needs no more than a single `UPDATE … RETURNING`.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use domain::command::{
    Command, CommandOutcome, CommandResult, CommandStatus, NewCommand, ScheduledTask,
};
use rusqlite::{Connection, OptionalExtension, params};
use store::{CommandStore, Result, StoreError};

use crate::SqliteStore;
use crate::rows::{COMMAND_COLUMNS, command_row, row_id, task_row, to_json};

fn not_found(id: i32) -> StoreError {
    StoreError::NotFound {
        entity: "Command",
        id,
    }
}

fn read_command(
    conn: &Connection,
    sql: &str,
    param: impl rusqlite::Params,
) -> Result<Option<Command>> {
    let row = conn
        .prepare_cached(sql)?
        .query_row(param, command_row)
        .optional()?;
    row.map(Command::try_from).transpose()
}

/// Queues a command on an open transaction, or finds its equal queued or
/// running; `true` when it is new.
fn enqueue(tx: &Connection, command: &NewCommand, body: &str) -> Result<(Command, bool)> {
    let key = command.dedupe_key();
    let inserted = tx
        .prepare_cached(
            "INSERT INTO commands (name, body, dedupe_key, priority, status, result, \
             trigger_type, client_user_agent, queued) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) \
             ON CONFLICT (dedupe_key) WHERE status IN (0, 1) DO NOTHING",
        )?
        .execute(params![
            command.name,
            body,
            key,
            command.priority as i32,
            CommandStatus::Queued as i32,
            CommandResult::Unknown as i32,
            command.trigger as i32,
            command.client_user_agent,
            Utc::now(),
        ])?;
    let found = if inserted > 0 {
        let id = row_id(tx.last_insert_rowid())?;
        let sql = format!("SELECT {COMMAND_COLUMNS} FROM commands WHERE id = ?1");
        read_command(tx, &sql, [id])?
    } else {
        let sql = format!(
            "SELECT {COMMAND_COLUMNS} FROM commands WHERE dedupe_key = ?1 AND status IN (0, 1)"
        );
        read_command(tx, &sql, [&key])?
    };
    let command = found.ok_or(StoreError::Unavailable("the queued command vanished"))?;
    Ok((command, inserted > 0))
}

#[async_trait]
impl CommandStore for SqliteStore {
    async fn enqueue_command(&self, command: &NewCommand) -> Result<(Command, bool)> {
        let body = to_json(&command.body)?;
        self.db
            .write(|conn| {
                let tx = conn.transaction()?;
                let queued = enqueue(&tx, command, &body)?;
                tx.commit()?;
                Ok(queued)
            })
            .await
    }

    async fn enqueue_scheduled(
        &self,
        command: &NewCommand,
        seen: &ScheduledTask,
    ) -> Result<Option<(Command, bool)>> {
        let body = to_json(&command.body)?;
        self.db
            .write(|conn| {
                let tx = conn.transaction()?;
                let last = tx
                    .prepare_cached("SELECT last_execution FROM scheduled_tasks WHERE name = ?1")?
                    .query_row([&seen.name], |row| row.get::<_, DateTime<Utc>>(0))
                    .optional()?;
                if last != Some(seen.last_execution) {
                    return Ok(None);
                }
                let queued = enqueue(&tx, command, &body)?;
                tx.commit()?;
                Ok(Some(queued))
            })
            .await
    }

    async fn command(&self, id: i32) -> Result<Command> {
        let sql = format!("SELECT {COMMAND_COLUMNS} FROM commands WHERE id = ?1");
        self.db
            .read(|conn| read_command(conn, &sql, [id]))?
            .ok_or_else(|| not_found(id))
    }

    async fn recent_commands(&self, ended_after: DateTime<Utc>) -> Result<Vec<Command>> {
        let sql = format!(
            "SELECT {COMMAND_COLUMNS} FROM commands \
             WHERE status IN (0, 1) OR ended > ?1 ORDER BY id"
        );
        let rows = self.db.read(|conn| {
            let mut stmt = conn.prepare_cached(&sql)?;
            let rows = stmt
                .query_map([ended_after], command_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })?;
        rows.into_iter().map(Command::try_from).collect()
    }

    async fn claim_command(&self, runner: &str, now: DateTime<Utc>) -> Result<Option<Command>> {
        let sql = format!(
            "UPDATE commands SET status = 1, started = ?1, runner = ?2, claimed = ?1 \
             WHERE id = (SELECT id FROM commands WHERE status = 0 \
                         ORDER BY priority DESC, id LIMIT 1) \
             RETURNING {COMMAND_COLUMNS}"
        );
        self.db
            .write(|conn| read_command(conn, &sql, params![now, runner]))
            .await
    }

    async fn keep_claims(&self, runner: &str, now: DateTime<Utc>) -> Result<()> {
        self.db
            .write(|conn| {
                conn.prepare_cached(
                    "UPDATE commands SET claimed = ?1 WHERE status = 1 AND runner = ?2",
                )?
                .execute(params![now, runner])?;
                Ok(())
            })
            .await
    }

    async fn set_command_message(&self, id: i32, message: &str) -> Result<()> {
        self.db
            .write(|conn| {
                conn.prepare_cached("UPDATE commands SET message = ?1 WHERE id = ?2")?
                    .execute(params![message, id])?;
                Ok(())
            })
            .await
    }

    async fn finish_command(
        &self,
        id: i32,
        outcome: &CommandOutcome,
        ended: DateTime<Utc>,
        task: Option<&str>,
    ) -> Result<()> {
        self.db
            .write(|conn| {
                let tx = conn.transaction()?;
                tx.prepare_cached(
                    "UPDATE commands SET status = ?1, result = ?2, message = ?3, exception = ?4, \
                     ended = ?5, runner = NULL, claimed = NULL WHERE id = ?6 AND status = 1",
                )?
                .execute(params![
                    outcome.status as i32,
                    outcome.result() as i32,
                    outcome.message,
                    outcome.exception,
                    ended,
                    id
                ])?;
                if let Some(task) = task {
                    tx.prepare_cached(
                        "UPDATE scheduled_tasks SET last_execution = ?1 WHERE name = ?2",
                    )?
                    .execute(params![ended, task])?;
                }
                tx.commit()?;
                Ok(())
            })
            .await
    }

    async fn cancel_command(&self, id: i32, now: DateTime<Utc>) -> Result<bool> {
        self.db
            .write(|conn| {
                let changed = conn
                    .prepare_cached(
                        "UPDATE commands SET status = ?1, result = ?2, message = 'Cancelled', \
                         ended = ?3 WHERE id = ?4 AND status = 0",
                    )?
                    .execute(params![
                        CommandStatus::Cancelled as i32,
                        CommandResult::Unsuccessful as i32,
                        now,
                        id
                    ])?;
                Ok(changed > 0)
            })
            .await
    }

    async fn requeue_commands(&self, claimed_before: DateTime<Utc>) -> Result<u64> {
        self.db
            .write(|conn| {
                let changed = conn
                    .prepare_cached(
                        "UPDATE commands SET status = 0, runner = NULL, claimed = NULL \
                         WHERE status = 1 AND claimed < ?1",
                    )?
                    .execute([claimed_before])?;
                Ok(changed as u64)
            })
            .await
    }

    async fn release_commands(&self, runner: &str) -> Result<u64> {
        self.db
            .write(|conn| {
                let changed = conn
                    .prepare_cached(
                        "UPDATE commands SET status = 0, runner = NULL, claimed = NULL \
                         WHERE status = 1 AND runner = ?1",
                    )?
                    .execute([runner])?;
                Ok(changed as u64)
            })
            .await
    }

    async fn delete_commands_ended_before(&self, ended_before: DateTime<Utc>) -> Result<u64> {
        self.db
            .write(|conn| {
                let deleted = conn
                    .prepare_cached(
                        "DELETE FROM commands WHERE status NOT IN (0, 1) AND ended < ?1",
                    )?
                    .execute([ended_before])?;
                Ok(deleted as u64)
            })
            .await
    }

    async fn ensure_tasks(&self, tasks: &[(&str, i32)], now: DateTime<Utc>) -> Result<()> {
        self.db
            .write(|conn| {
                let tx = conn.transaction()?;
                {
                    let mut upsert = tx.prepare_cached(
                        "INSERT INTO scheduled_tasks (name, interval_minutes, last_execution) \
                         VALUES (?1, ?2, ?3) \
                         ON CONFLICT (name) DO UPDATE SET interval_minutes = excluded.interval_minutes",
                    )?;
                    for (name, interval) in tasks {
                        upsert.execute(params![name, interval, now])?;
                    }
                }
                tx.commit()?;
                Ok(())
            })
            .await
    }

    async fn scheduled_tasks(&self) -> Result<Vec<ScheduledTask>> {
        let rows = self.db.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT id, name, interval_minutes, last_execution, last_start_time \
                 FROM scheduled_tasks ORDER BY id",
            )?;
            let rows = stmt
                .query_map([], task_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    async fn task_started(&self, name: &str, at: DateTime<Utc>) -> Result<()> {
        self.db
            .write(|conn| {
                conn.prepare_cached(
                    "UPDATE scheduled_tasks SET last_start_time = ?1 WHERE name = ?2",
                )?
                .execute(params![at, name])?;
                Ok(())
            })
            .await
    }
}
