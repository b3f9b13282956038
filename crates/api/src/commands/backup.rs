//! `Backup`: a zip of the database and `config.toml` in the backup folder
//! (`services::backup`). Posted by a user it is a manual backup, kept until
//! deleted; run by the schedule (every `backupInterval` days) it is a
//! scheduled one, and scheduled backups older than `backupRetention` days
//! are deleted after it.

use async_trait::async_trait;
use chrono::{Duration, Utc};
use domain::command::{Command, CommandOutcome, CommandTrigger};
use serde_json::{Map, Value};

use super::{Job, JobContext};
use crate::error::ApiResult;
use crate::services::backup::archive::{MadeBackup, make_backup};
use crate::services::backup::files::{BackupKind, delete_older_than};
use crate::services::backup::{self, blocking, io_error, settings};
use crate::state::AppState;

/// Minutes in Radarr's default interval, a week; the schedule follows the
/// configured `backupInterval`.
pub const DEFAULT_MINUTES: i32 = 7 * 24 * 60;

/// The job.
pub struct Backup;

#[async_trait]
impl Job for Backup {
    fn name(&self) -> &'static str {
        "Backup"
    }

    fn fields(&self, _given: &Map<String, Value>) -> ApiResult<Map<String, Value>> {
        Ok(Map::new())
    }

    fn schedule_minutes(&self) -> Option<i32> {
        Some(DEFAULT_MINUTES)
    }

    fn updates_task(&self, command: &Command) -> bool {
        command.trigger == CommandTrigger::Scheduled
    }

    async fn run(&self, context: &JobContext, command: &Command) -> CommandOutcome {
        let kind = if command.trigger == CommandTrigger::Scheduled {
            BackupKind::Scheduled
        } else {
            BackupKind::Manual
        };
        context.progress("Backing up").await;
        let made = match make_backup(&context.state, kind).await {
            Ok(made) => made,
            Err(e) => {
                tracing::error!(error = %e, "the backup failed");
                return CommandOutcome::failed("The backup failed; the log says why");
            }
        };
        let mut message = described(&made);
        if kind == BackupKind::Scheduled {
            match drop_expired(&context.state).await {
                Ok(0) => {}
                Ok(count) => {
                    message.push_str(&format!("; deleted {count} older scheduled backups"))
                }
                Err(e) => {
                    tracing::warn!(error = %e, "old scheduled backups could not be deleted");
                    message.push_str("; old scheduled backups could not be deleted");
                }
            }
        }
        CommandOutcome::completed(message)
    }
}

/// What the backup holds, for the command's message.
fn described(made: &MadeBackup) -> String {
    let name = &made.file.name;
    match (made.has_database, made.has_config) {
        (true, true) => format!("Backed up the database and config.toml to {name}"),
        (true, false) => format!("Backed up the database to {name}"),
        (false, true) => format!(
            "Backed up config.toml to {name}; the PostgreSQL database is not in it: back it \
             up with PostgreSQL's own tools (pg_dump)"
        ),
        (false, false) => format!(
            "Made {name}, which is empty: there is no config.toml, and the PostgreSQL \
             database is backed up with PostgreSQL's own tools (pg_dump)"
        ),
    }
}

/// Deletes scheduled backups older than the retention; returns how many.
async fn drop_expired(state: &AppState) -> ApiResult<usize> {
    let retention = settings::load(state).await?.retention_days;
    let root = backup::folder(state).await?;
    let cutoff = Utc::now() - Duration::days(i64::from(retention));
    blocking(move || {
        delete_older_than(&root, BackupKind::Scheduled, cutoff).map_err(|e| io_error(&root, e))
    })
    .await
}
