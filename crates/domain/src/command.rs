//! Commands: Radarr's unit of long work (refresh, search, import …), queued,
//! run once, and polled by clients at `/api/v3/command/{id}`.

use chrono::{DateTime, Utc};
use serde_json::{Map, Value};

parser::wire_enum! {
    /// Where a command is in its life.
    pub enum CommandStatus {
        Queued = 0 => "queued", Started = 1 => "started", Completed = 2 => "completed",
        Failed = 3 => "failed", Aborted = 4 => "aborted", Cancelled = 5 => "cancelled",
        Orphaned = 6 => "orphaned",
    }
}

parser::wire_enum! {
    /// How a finished command went; `unknown` until it finishes.
    pub enum CommandResult { Unknown = 0 => "unknown", Successful = 1 => "successful", Unsuccessful = 2 => "unsuccessful" }
}

parser::wire_enum! {
    /// Which queued command runs first.
    pub enum CommandPriority { Low = -1 => "low", Normal = 0 => "normal", High = 1 => "high" }
}

parser::wire_enum! {
    /// Who asked for a command.
    pub enum CommandTrigger { Unspecified = 0 => "unspecified", Manual = 1 => "manual", Scheduled = 2 => "scheduled" }
}

impl CommandStatus {
    /// Whether the command has finished, one way or another.
    pub fn is_finished(self) -> bool {
        !matches!(self, CommandStatus::Queued | CommandStatus::Started)
    }
}

/// Every command name Radarr knows (its command classes, less "Command").
/// A name outside this list is refused as Radarr refuses it.
pub const RADARR_COMMANDS: &[&str] = &[
    "ApplicationCheckUpdate",
    "ApplicationUpdate",
    "Backup",
    "BulkMoveMovie",
    "CheckForFinishedDownload",
    "CheckHealth",
    "CleanUpRecycleBin",
    "ClearBlocklist",
    "ClearLog",
    "CutoffUnmetMoviesSearch",
    "DeleteLogFiles",
    "DeleteUpdateLogFiles",
    "DownloadedMoviesScan",
    "Housekeeping",
    "ImportListSync",
    "ManualImport",
    "MessagingCleanup",
    "MissingMoviesSearch",
    "MoveMovie",
    "MoviesSearch",
    "ProcessMonitoredDownloads",
    "RefreshCollections",
    "RefreshMonitoredDownloads",
    "RefreshMovie",
    "RenameFiles",
    "RenameMovie",
    "RenameMovieFolder",
    "RescanMovie",
    "ResetApiKey",
    "ResetQualityDefinitions",
    "Restart",
    "RssSync",
    "Shutdown",
];

/// Commands of our own, beside Radarr's.
pub const OWN_COMMANDS: &[&str] = &["SceneGroupAnalysis"];

/// Radarr's spelling of a command name given in any case (ours too).
pub fn known_name(name: &str) -> Option<&'static str> {
    let name = name.trim();
    let name = name
        .len()
        .checked_sub("Command".len())
        .filter(|&at| name.is_char_boundary(at) && name[at..].eq_ignore_ascii_case("Command"))
        .map_or(name, |at| &name[..at]);
    RADARR_COMMANDS
        .iter()
        .chain(OWN_COMMANDS)
        .find(|known| known.eq_ignore_ascii_case(name))
        .copied()
}

/// A name split into words, as Radarr shows it: "RefreshMovie" → "Refresh Movie".
pub fn words_of(name: &str) -> String {
    let mut words = String::with_capacity(name.len() + 4);
    let mut previous: Option<char> = None;
    for c in name.chars() {
        if c.is_uppercase() && previous.is_some_and(|p| p.is_lowercase()) {
            words.push(' ');
        }
        words.push(c);
        previous = Some(c);
    }
    words
}

/// A command to queue.
#[derive(Debug, Clone, PartialEq)]
pub struct NewCommand {
    /// Radarr's name, e.g. "RefreshMovie".
    pub name: &'static str,
    /// The command's own fields, in the form they are compared in.
    pub body: Map<String, Value>,
    /// Which queued command runs first.
    pub priority: CommandPriority,
    /// Who asked.
    pub trigger: CommandTrigger,
    /// The client that asked, from its `User-Agent`.
    pub client_user_agent: Option<String>,
}

impl NewCommand {
    /// What makes two commands the same: the name and the fields. A command
    /// like one already queued or running is merged with it, as in Radarr.
    pub fn dedupe_key(&self) -> String {
        // Map is ordered by key, so equal fields always print alike.
        format!("{}:{}", self.name, Value::Object(self.body.clone()))
    }
}

/// A command as the queue keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct Command {
    /// Its id.
    pub id: i32,
    /// Radarr's name, e.g. "RefreshMovie".
    pub name: String,
    /// The command's own fields.
    pub body: Map<String, Value>,
    /// Which queued command runs first.
    pub priority: CommandPriority,
    /// Where it is in its life.
    pub status: CommandStatus,
    /// How it went.
    pub result: CommandResult,
    /// Who asked.
    pub trigger: CommandTrigger,
    /// Progress while it runs; the outcome once it ends.
    pub message: Option<String>,
    /// Why it failed, when it did.
    pub exception: Option<String>,
    /// The client that asked.
    pub client_user_agent: Option<String>,
    /// When it was queued.
    pub queued: DateTime<Utc>,
    /// When it last started.
    pub started: Option<DateTime<Utc>>,
    /// When it ended.
    pub ended: Option<DateTime<Utc>>,
}

impl Command {
    /// A body field that lists ids, e.g. `movieIds`; empty when absent.
    pub fn ids(&self, field: &str) -> Vec<i32> {
        self.body
            .get(field)
            .and_then(Value::as_array)
            .map(|ids| {
                ids.iter()
                    .filter_map(|id| id.as_i64().and_then(|id| i32::try_from(id).ok()))
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// How a finished command ended.
#[derive(Debug, Clone, PartialEq)]
pub struct CommandOutcome {
    /// `completed`, `failed`, `aborted` or `cancelled`.
    pub status: CommandStatus,
    /// The message shown to clients.
    pub message: String,
    /// Why it failed, when it did.
    pub exception: Option<String>,
}

impl CommandOutcome {
    /// A command that did its work.
    pub fn completed(message: impl Into<String>) -> Self {
        CommandOutcome {
            status: CommandStatus::Completed,
            message: message.into(),
            exception: None,
        }
    }

    /// A command that could not do its work, and why.
    pub fn failed(message: impl Into<String>) -> Self {
        let message = message.into();
        CommandOutcome {
            status: CommandStatus::Failed,
            exception: Some(message.clone()),
            message,
        }
    }

    /// The result clients read beside the status.
    pub fn result(&self) -> CommandResult {
        if self.status == CommandStatus::Completed {
            CommandResult::Successful
        } else {
            CommandResult::Unsuccessful
        }
    }
}

/// A command the schedule queues every `interval_minutes`.
#[derive(Debug, Clone, PartialEq)]
pub struct ScheduledTask {
    /// Its id.
    pub id: i32,
    /// The command's name, e.g. "RefreshMovie".
    pub name: String,
    /// Minutes between runs.
    pub interval_minutes: i32,
    /// When it last finished.
    pub last_execution: DateTime<Utc>,
    /// When it last started.
    pub last_start_time: Option<DateTime<Utc>>,
}

impl ScheduledTask {
    /// When it is next due.
    pub fn next_execution(&self) -> DateTime<Utc> {
        self.last_execution + chrono::Duration::minutes(i64::from(self.interval_minutes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_matched_in_any_case_with_or_without_the_suffix() {
        assert_eq!(known_name("refreshmovie"), Some("RefreshMovie"));
        assert_eq!(known_name("RefreshMovieCommand"), Some("RefreshMovie"));
        assert_eq!(known_name(" RSSSYNC "), Some("RssSync"));
        assert_eq!(known_name("Refresh"), None);
        assert_eq!(known_name("Command"), None);
        assert_eq!(known_name("é"), None);
        assert_eq!(known_name("scenegroupanalysis"), Some("SceneGroupAnalysis"));
    }

    #[test]
    fn names_split_into_words() {
        assert_eq!(words_of("RefreshMovie"), "Refresh Movie");
        assert_eq!(words_of("MoviesSearch"), "Movies Search");
        assert_eq!(words_of("RssSync"), "Rss Sync");
    }

    #[test]
    fn commands_with_equal_fields_share_a_key() {
        let command = |body: Value| NewCommand {
            name: "RefreshMovie",
            body: body.as_object().cloned().unwrap_or_default(),
            priority: CommandPriority::Normal,
            trigger: CommandTrigger::Manual,
            client_user_agent: None,
        };
        let a = command(serde_json::json!({"movieIds": [1, 2], "isNewMovie": false}));
        let b = command(serde_json::json!({"isNewMovie": false, "movieIds": [1, 2]}));
        let c = command(serde_json::json!({"movieIds": [1]}));
        assert_eq!(a.dedupe_key(), b.dedupe_key());
        assert_ne!(a.dedupe_key(), c.dedupe_key());
    }

    #[test]
    fn a_task_is_next_due_an_interval_after_it_last_ran() {
        let ran = DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z")
            .map(|d| d.with_timezone(&Utc))
            .unwrap_or_default();
        let task = ScheduledTask {
            id: 1,
            name: "RefreshMovie".into(),
            interval_minutes: 1440,
            last_execution: ran,
            last_start_time: None,
        };
        assert_eq!(
            task.next_execution().to_rfc3339(),
            "2026-01-02T00:00:00+00:00"
        );
    }
}
