//! What NZBGet's `status`, `listgroups` and `history` answer, and how Radarr
//! reads them as downloads: the `drone` post-processing parameter set when
//! adding is the download id, so it survives the move from queue to history.

use std::path::PathBuf;
use std::time::Duration;

use serde::Deserialize;
use serde_json::Value;

use crate::{DownloadItem, DownloadStatus};

/// The post-processing parameter that carries our download id.
pub(super) const DRONE: &str = "drone";

/// The statuses NZBGet gives a step that went well or did not run.
const SUCCESS: &[&str] = &["SUCCESS", "NONE"];

/// Why NZBGet deleted a download when that means it failed (health too low,
/// a duplicate, an unreadable .nzb, a copy of one already there, marked bad);
/// other deletions are warnings.
const DELETED_AS_FAILED: &[&str] = &["HEALTH", "DUPE", "SCAN", "COPY", "BAD"];

/// NZBGet's global status, as far as the queue needs it.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub(super) struct GlobalStatus {
    /// The whole queue is paused.
    pub download_paused: bool,
    /// Current speed, in bytes per second.
    pub download_rate: u64,
}

/// A post-processing parameter.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub(super) struct Parameter {
    name: String,
    #[serde(default)]
    value: Value,
}

/// One download in the queue (`listgroups`). Sizes come as two 32-bit
/// halves, since JSON numbers are not trusted beyond 2^53.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub(super) struct Group {
    #[serde(rename = "NZBID")]
    pub nzb_id: i64,
    #[serde(rename = "NZBName")]
    pub nzb_name: String,
    pub category: String,
    pub file_size_lo: u64,
    pub file_size_hi: u64,
    pub remaining_size_lo: u64,
    pub remaining_size_hi: u64,
    pub paused_size_lo: u64,
    pub paused_size_hi: u64,
    pub active_downloads: i64,
    pub parameters: Vec<Parameter>,
}

/// One finished (or failed, or deleted) download in the history.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub(super) struct HistoryItem {
    #[serde(rename = "ID")]
    pub id: i64,
    pub name: String,
    pub category: String,
    pub file_size_lo: u64,
    pub file_size_hi: u64,
    pub dest_dir: String,
    pub final_dir: String,
    pub par_status: String,
    pub unpack_status: String,
    pub move_status: String,
    pub script_status: String,
    pub delete_status: String,
    pub mark_status: String,
    pub parameters: Vec<Parameter>,
}

/// A size from its 32-bit halves.
fn size(hi: u64, lo: u64) -> u64 {
    (hi << 32) | (lo & 0xFFFF_FFFF)
}

/// The value of the `drone` parameter, when there is one.
fn drone(parameters: &[Parameter]) -> Option<String> {
    let parameter = parameters.iter().find(|p| p.name == DRONE)?;
    match &parameter.value {
        Value::String(s) => Some(s.clone()),
        Value::Null => None,
        other => Some(other.to_string()),
    }
}

impl Group {
    /// Our id for it: the `drone` parameter, else NZBGet's own id (a
    /// download added by someone else).
    pub fn download_id(&self) -> String {
        drone(&self.parameters).unwrap_or_else(|| self.nzb_id.to_string())
    }
}

impl HistoryItem {
    /// Our id for it, as for [`Group::download_id`].
    pub fn download_id(&self) -> String {
        drone(&self.parameters).unwrap_or_else(|| self.id.to_string())
    }
}

/// The queue's downloads in `category`. The time left of each counts what
/// is ahead of it in the whole queue, since NZBGet downloads in order.
pub(super) fn queue(groups: &[Group], status: &GlobalStatus, category: &str) -> Vec<DownloadItem> {
    let mut ahead: u64 = 0;
    let mut items = Vec::new();
    for group in groups {
        let remaining = size(group.remaining_size_hi, group.remaining_size_lo);
        let paused = size(group.paused_size_hi, group.paused_size_lo);
        let (state, remaining_size, remaining_time) =
            if status.download_paused || (remaining == paused && remaining != 0) {
                (DownloadStatus::Paused, remaining, None)
            } else {
                let state = if group.active_downloads == 0 && remaining != 0 {
                    DownloadStatus::Queued
                } else {
                    // Downloading, or post-processing (nothing left to fetch).
                    DownloadStatus::Downloading
                };
                let left = remaining.saturating_sub(paused);
                let time = (status.download_rate > 0).then(|| {
                    ahead = ahead.saturating_add(left);
                    Duration::from_secs(ahead / status.download_rate)
                });
                (state, left, time)
            };
        if group.category != category {
            continue;
        }
        items.push(DownloadItem {
            download_id: group.download_id(),
            title: group.nzb_name.clone(),
            total_size: size(group.file_size_hi, group.file_size_lo),
            remaining_size,
            remaining_time,
            status: state,
            message: None,
            output_path: None,
            can_move_files: true,
            can_be_removed: true,
        });
    }
    items
}

/// The history's downloads in `category`; those the user deleted by hand
/// are left out unless they were also marked bad.
pub(super) fn history(items: &[HistoryItem], category: &str) -> Vec<DownloadItem> {
    items
        .iter()
        .filter(|item| item.category == category)
        .filter_map(|item| {
            let status = history_status(item)?;
            let dir = if item.final_dir.is_empty() {
                &item.dest_dir
            } else {
                &item.final_dir
            };
            Some(DownloadItem {
                download_id: item.download_id(),
                title: item.name.clone(),
                total_size: size(item.file_size_hi, item.file_size_lo),
                remaining_size: 0,
                remaining_time: Some(Duration::ZERO),
                status,
                message: (status != DownloadStatus::Completed).then(|| summary(item)),
                output_path: (!dir.is_empty()).then(|| PathBuf::from(dir)),
                can_move_files: true,
                can_be_removed: true,
            })
        })
        .collect()
}

/// How a history item stands, from each post-processing step's status, as
/// Radarr reads them; `None` for one deleted by hand.
fn history_status(item: &HistoryItem) -> Option<DownloadStatus> {
    let ok = |status: &str| SUCCESS.contains(&status);
    if item.delete_status == "MANUAL" {
        return (item.mark_status == "BAD").then_some(DownloadStatus::Failed);
    }
    let mut status = DownloadStatus::Completed;
    if !ok(&item.par_status) {
        status = DownloadStatus::Failed;
    }
    if item.unpack_status == "SPACE" {
        status = DownloadStatus::Warning;
    } else if !ok(&item.unpack_status) {
        status = DownloadStatus::Failed;
    }
    if !ok(&item.move_status) {
        status = DownloadStatus::Warning;
    }
    if !ok(&item.script_status) {
        status = DownloadStatus::Failed;
    }
    if !ok(&item.delete_status) && !item.delete_status.is_empty() {
        status = if DELETED_AS_FAILED.contains(&item.delete_status.as_str()) {
            DownloadStatus::Failed
        } else {
            DownloadStatus::Warning
        };
    }
    Some(status)
}

/// Every step's status, the message Radarr shows for a download that did
/// not complete cleanly.
fn summary(item: &HistoryItem) -> String {
    format!(
        "PAR Status: {} - Unpack Status: {} - Move Status: {} - Script Status: {} - Delete Status: {} - Mark Status: {}",
        item.par_status,
        item.unpack_status,
        item.move_status,
        item.script_status,
        item.delete_status,
        item.mark_status
    )
}

#[cfg(test)]
mod tests;
