//! Where backups go and how often and how long scheduled ones are kept
//! (`/config/host`'s `backupFolder`, `backupInterval`, `backupRetention`),
//! kept whole under one key; Radarr's defaults until saved.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{ApiResult, ValidationFailure};
use crate::services::folders::check_absolute;
use crate::services::stored;
use crate::state::AppState;

const KEY: &str = "backup";

/// The days between scheduled backups Radarr allows.
pub const INTERVAL_DAYS: (i64, i64) = (1, 7);
/// The days scheduled backups are kept that Radarr allows.
pub const RETENTION_DAYS: (i64, i64) = (1, 90);

/// The backup settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct BackupSettings {
    /// The folder backups go in: relative to the data folder, or absolute.
    pub folder: String,
    /// Days between scheduled backups.
    pub interval_days: i32,
    /// Days a scheduled backup is kept.
    pub retention_days: i32,
}

impl Default for BackupSettings {
    fn default() -> Self {
        BackupSettings {
            folder: "Backups".into(),
            interval_days: 7,
            retention_days: 28,
        }
    }
}

impl BackupSettings {
    /// The backup folder as a path: a relative one is inside `data_dir`.
    pub fn folder_in(&self, data_dir: &Path) -> PathBuf {
        let folder = Path::new(&self.folder);
        if folder.is_absolute() {
            folder.to_path_buf()
        } else {
            data_dir.join(folder)
        }
    }
}

/// The settings as saved.
pub async fn load(state: &AppState) -> ApiResult<BackupSettings> {
    stored::load(state, KEY, "backup settings").await
}

/// Saves settings that [`changed`] checked.
pub async fn save(state: &AppState, settings: &BackupSettings) -> ApiResult<()> {
    stored::save(state, KEY, settings).await
}

/// `current` with the values a client sent (those it left out stay), or
/// every rule they break, as Radarr's host config validator words them.
pub fn changed(
    current: &BackupSettings,
    folder: Option<String>,
    interval_days: Option<i64>,
    retention_days: Option<i64>,
) -> Result<BackupSettings, Vec<ValidationFailure>> {
    let mut failures = Vec::new();
    let folder = folder.map_or_else(|| current.folder.clone(), |f| f.trim().to_string());
    if folder.is_empty() {
        failures.push(
            ValidationFailure::new(
                "BackupFolder",
                "'Backup Folder' must not be empty.",
                "NotEmptyValidator",
            )
            .attempted(&folder),
        );
    } else if Path::new(&folder).is_absolute() || folder.contains('\0') {
        failures.extend(check_absolute("BackupFolder", &folder));
    }
    let mut in_range =
        |property: &str, label: &str, value: Option<i64>, (least, most), now: i32| {
            let value = value.unwrap_or(i64::from(now));
            match i32::try_from(value) {
                Ok(days) if (least..=most).contains(&value) => days,
                _ => {
                    failures.push(
                        ValidationFailure::new(
                            property,
                            format!(
                                "'{label}' must be between {least} and {most}. You entered {value}."
                            ),
                            "InclusiveBetweenValidator",
                        )
                        .attempted(value),
                    );
                    now
                }
            }
        };
    let interval_days = in_range(
        "BackupInterval",
        "Backup Interval",
        interval_days,
        INTERVAL_DAYS,
        current.interval_days,
    );
    let retention_days = in_range(
        "BackupRetention",
        "Backup Retention",
        retention_days,
        RETENTION_DAYS,
        current.retention_days,
    );
    if failures.is_empty() {
        Ok(BackupSettings {
            folder,
            interval_days,
            retention_days,
        })
    } else {
        Err(failures)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_left_out_stay_and_each_bad_one_is_named() {
        let current = BackupSettings::default();
        assert_eq!(changed(&current, None, None, None), Ok(current.clone()));
        let set = changed(&current, Some("/srv/backups".into()), Some(1), Some(90)).unwrap();
        assert_eq!(
            (set.folder.as_str(), set.interval_days, set.retention_days),
            ("/srv/backups", 1, 90)
        );
        let failures = changed(&current, Some(" ".into()), Some(0), Some(91)).unwrap_err();
        let names: Vec<_> = failures.iter().map(|f| f.property_name.as_str()).collect();
        assert_eq!(names, ["BackupFolder", "BackupInterval", "BackupRetention"]);
        assert_eq!(
            failures[1].error_message,
            "'Backup Interval' must be between 1 and 7. You entered 0."
        );
    }

    #[test]
    fn a_relative_folder_is_inside_the_data_folder() {
        let settings = BackupSettings::default();
        assert_eq!(
            settings.folder_in(Path::new("/data")),
            Path::new("/data/Backups")
        );
        let absolute = BackupSettings {
            folder: "/mnt/backups".into(),
            ..BackupSettings::default()
        };
        assert_eq!(
            absolute.folder_in(Path::new("/data")),
            Path::new("/mnt/backups")
        );
    }
}
