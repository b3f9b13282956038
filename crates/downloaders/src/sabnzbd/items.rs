//! What SABnzbd's `queue` and `history` answer, and how Radarr reads them
//! as downloads. SABnzbd writes many numbers as strings (`"mb": "1277.65"`),
//! so numbers are read from either.

use std::path::PathBuf;
use std::time::Duration;

use serde::{Deserialize, Deserializer};
use serde_json::Value;

use crate::{DownloadItem, DownloadStatus};

/// What SABnzbd puts before the name of a job whose archives are encrypted.
const ENCRYPTED: &str = "ENCRYPTED / ";

/// The one failure SABnzbd reports that the user can fix and retry (a full
/// disk), shown as a warning rather than a failure, as Radarr does.
const DISK_FULL: &str = "Unpacking failed, write error or disk is full?";

/// The `queue` object of `mode=queue`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct Queue {
    /// The whole queue is paused.
    #[serde(deserialize_with = "flag")]
    pub paused: bool,
    pub slots: Vec<QueueSlot>,
}

/// One job in the queue.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct QueueSlot {
    pub nzo_id: String,
    pub filename: String,
    pub cat: String,
    pub status: String,
    /// `Force`, `High`, `Normal`, `Low` (a number in old versions).
    #[serde(deserialize_with = "text")]
    pub priority: String,
    /// `H:MM:SS`, or `D:HH:MM:SS` past a day.
    pub timeleft: String,
    #[serde(deserialize_with = "number")]
    pub mb: f64,
    #[serde(deserialize_with = "number")]
    pub mbleft: f64,
}

/// The `history` object of `mode=history`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct History {
    pub slots: Vec<HistorySlot>,
}

/// One finished, failed or post-processing job.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(super) struct HistorySlot {
    pub nzo_id: String,
    pub name: String,
    pub category: String,
    pub status: String,
    #[serde(deserialize_with = "number")]
    pub bytes: f64,
    pub storage: String,
    pub fail_message: String,
}

/// A number written as a number or as text; anything else is 0.
fn number<'de, D: Deserializer<'de>>(deserializer: D) -> Result<f64, D::Error> {
    Ok(match Value::deserialize(deserializer)? {
        Value::Number(n) => n.as_f64().unwrap_or(0.0),
        Value::String(s) => s.trim().parse().unwrap_or(0.0),
        _ => 0.0,
    })
}

/// A flag written as `true`, `1` or `"1"`.
pub(super) fn flag<'de, D: Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    Ok(match Value::deserialize(deserializer)? {
        Value::Bool(b) => b,
        Value::Number(n) => n.as_f64().is_some_and(|n| n != 0.0),
        Value::String(s) => matches!(s.trim().to_ascii_lowercase().as_str(), "1" | "true"),
        _ => false,
    })
}

/// Text written as text or as a number.
fn text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    Ok(match Value::deserialize(deserializer)? {
        Value::String(s) => s,
        Value::Null => String::new(),
        other => other.to_string(),
    })
}

/// Bytes in `mb` mebibytes, as SABnzbd counts them.
fn bytes(mb: f64) -> u64 {
    // A float to integer cast saturates; negatives and NaN become 0.
    (mb * 1024.0 * 1024.0).round() as u64
}

/// A `timeleft`: `0:16:44`, `27:03:10`, or `1:03:03:10` with days.
pub(super) fn time_left(text: &str) -> Option<Duration> {
    let parts: Vec<u64> = text
        .trim()
        .split(':')
        .map(|p| p.trim().parse().ok())
        .collect::<Option<_>>()?;
    let seconds = match parts.as_slice() {
        [d, h, m, s] => ((d * 24 + h) * 60 + m) * 60 + s,
        [h, m, s] => (h * 60 + m) * 60 + s,
        [m, s] => m * 60 + s,
        _ => return None,
    };
    Some(Duration::from_secs(seconds))
}

/// Whether a job is ours: in our category, or in SABnzbd's default (`*`)
/// when we have none.
fn ours(job_category: &str, category: &str) -> bool {
    job_category == category || (job_category == "*" && category.trim().is_empty())
}

fn is_force(priority: &str) -> bool {
    priority.eq_ignore_ascii_case("force") || priority.trim() == "2"
}

/// The queue's jobs in `category`.
pub(super) fn queue(queue: &Queue, category: &str) -> Vec<DownloadItem> {
    queue
        .slots
        .iter()
        .filter(|slot| !slot.status.eq_ignore_ascii_case("deleted"))
        .filter(|slot| ours(&slot.cat, category))
        .map(|slot| {
            let status = slot.status.to_ascii_lowercase();
            let mut remaining_time = time_left(&slot.timeleft);
            let mut state = if (queue.paused && !is_force(&slot.priority)) || status == "paused" {
                remaining_time = None;
                DownloadStatus::Paused
            } else if matches!(status.as_str(), "queued" | "grabbing" | "propagating") {
                DownloadStatus::Queued
            } else {
                // Downloading, fetching extra blocks, checking, …
                DownloadStatus::Downloading
            };
            let mut message = None;
            let title = match slot.filename.strip_prefix(ENCRYPTED) {
                // Radarr fails an encrypted download as soon as it sees one:
                // its archives cannot be unpacked.
                Some(title) => {
                    state = DownloadStatus::Failed;
                    message = Some("Encrypted download detected".to_string());
                    title.to_string()
                }
                None => slot.filename.clone(),
            };
            DownloadItem {
                download_id: slot.nzo_id.clone(),
                title,
                total_size: bytes(slot.mb),
                remaining_size: bytes(slot.mbleft),
                remaining_time,
                status: state,
                message,
                output_path: None,
                can_move_files: true,
                can_be_removed: true,
            }
        })
        .collect()
}

/// The history's jobs in `category`.
pub(super) fn history(history: &History, category: &str) -> Vec<DownloadItem> {
    history
        .slots
        .iter()
        .filter(|slot| !slot.status.eq_ignore_ascii_case("deleted"))
        .filter(|slot| ours(&slot.category, category))
        .map(|slot| {
            let status = match slot.status.to_ascii_lowercase().as_str() {
                "failed" if slot.fail_message.eq_ignore_ascii_case(DISK_FULL) => {
                    DownloadStatus::Warning
                }
                "failed" => DownloadStatus::Failed,
                "completed" => DownloadStatus::Completed,
                // Verifying, repairing, extracting, moving, running a script.
                _ => DownloadStatus::Downloading,
            };
            DownloadItem {
                download_id: slot.nzo_id.clone(),
                title: slot.name.clone(),
                total_size: slot.bytes.max(0.0).round() as u64,
                remaining_size: 0,
                remaining_time: Some(Duration::ZERO),
                status,
                message: (!slot.fail_message.is_empty()).then(|| slot.fail_message.clone()),
                output_path: output_path(&slot.storage, &slot.name),
                can_move_files: true,
                can_be_removed: true,
            }
        })
        .collect()
}

/// Where a job's files are: its `storage`, or the highest folder above it
/// named as the job (storage can name a file inside the job's folder).
/// Either separator is taken, since SABnzbd may run on Windows.
fn output_path(storage: &str, title: &str) -> Option<PathBuf> {
    if storage.is_empty() {
        return None;
    }
    let mut start = 0;
    for (at, c) in storage.char_indices() {
        if c == '/' || c == '\\' {
            if !title.is_empty() && &storage[start..at] == title {
                return Some(PathBuf::from(&storage[..at]));
            }
            start = at + c.len_utf8();
        }
    }
    Some(PathBuf::from(storage))
}

#[cfg(test)]
mod tests;
