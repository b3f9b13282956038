//! The media management settings (`/config/mediamanagement`), kept whole
//! under one key in Radarr's resource shape, with Radarr's defaults until
//! saved. Imports read the free-space check, hard linking and media info
//! from here; deletions read the recycle bin.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{ApiError, ApiResult, ValidationFailure};
use crate::services::stored;
use crate::state::AppState;

const KEY: &str = "mediaManagement";

/// Radarr's `MediaManagementConfigResource`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct MediaManagement {
    pub id: i32,
    pub auto_unmonitor_previously_downloaded_movies: bool,
    /// Where deleted and replaced files go; empty deletes them for good.
    pub recycle_bin: String,
    /// Days a file stays in the recycle bin; 0 keeps it.
    pub recycle_bin_cleanup_days: i32,
    pub download_propers_and_repacks: String,
    pub create_empty_movie_folders: bool,
    pub delete_empty_folders: bool,
    pub file_date: String,
    pub rescan_after_refresh: String,
    pub auto_rename_folders: bool,
    pub paths_default_static: bool,
    pub set_permissions_linux: bool,
    pub chmod_folder: String,
    pub chown_group: String,
    pub skip_free_space_check_when_importing: bool,
    /// Megabytes an import must leave free on the destination's disk.
    pub minimum_free_space_when_importing: i32,
    /// Whether a file a client still seeds is hard-linked (else copied).
    pub copy_using_hardlinks: bool,
    pub use_script_import: bool,
    pub script_import_path: String,
    pub import_extra_files: bool,
    pub extra_file_extensions: String,
    /// Whether imported files are read with ffprobe.
    pub enable_media_info: bool,
}

impl Default for MediaManagement {
    fn default() -> Self {
        MediaManagement {
            id: 1,
            auto_unmonitor_previously_downloaded_movies: false,
            recycle_bin: String::new(),
            recycle_bin_cleanup_days: 7,
            download_propers_and_repacks: "preferAndUpgrade".into(),
            create_empty_movie_folders: false,
            delete_empty_folders: false,
            file_date: "none".into(),
            rescan_after_refresh: "always".into(),
            auto_rename_folders: false,
            paths_default_static: false,
            set_permissions_linux: false,
            chmod_folder: "755".into(),
            chown_group: String::new(),
            skip_free_space_check_when_importing: false,
            minimum_free_space_when_importing: 100,
            copy_using_hardlinks: true,
            use_script_import: false,
            script_import_path: String::new(),
            import_extra_files: false,
            extra_file_extensions: "srt".into(),
            enable_media_info: true,
        }
    }
}

/// Radarr's names for the settings that are one of a few.
const PROPERS: [&str; 3] = ["preferAndUpgrade", "doNotUpgrade", "doNotPrefer"];
const FILE_DATES: [&str; 3] = ["none", "cinemas", "release"];
const RESCANS: [&str; 3] = ["always", "afterManual", "never"];

impl MediaManagement {
    /// The settings checked as Radarr checks them.
    fn checked(mut self) -> ApiResult<Self> {
        self.id = 1;
        self.recycle_bin = self.recycle_bin.trim().to_string();
        let mut failures = Vec::new();
        if !self.recycle_bin.is_empty() {
            let bin = Path::new(&self.recycle_bin);
            let failure = if !bin.is_absolute() {
                Some(ValidationFailure::new(
                    "RecycleBin",
                    "Invalid Path",
                    "PathValidator",
                ))
            } else if !bin.is_dir() {
                Some(ValidationFailure::new(
                    "RecycleBin",
                    format!("Path '{}' does not exist", self.recycle_bin),
                    "PathExistsValidator",
                ))
            } else {
                None
            };
            failures.extend(failure.map(|f| f.attempted(&self.recycle_bin)));
        }
        if self.recycle_bin_cleanup_days < 0 {
            failures.push(at_least(
                "RecycleBinCleanupDays",
                "Recycle Bin Cleanup Days",
                0,
                self.recycle_bin_cleanup_days,
            ));
        }
        if self.minimum_free_space_when_importing < 100 {
            failures.push(at_least(
                "MinimumFreeSpaceWhenImporting",
                "Minimum Free Space When Importing",
                100,
                self.minimum_free_space_when_importing,
            ));
        }
        if u32::from_str_radix(&self.chmod_folder, 8).map_or(true, |mode| mode > 0o7777) {
            failures.push(
                ValidationFailure::new(
                    "ChmodFolder",
                    "Must contain a valid Unix permissions octal",
                    "FolderChmodValidator",
                )
                .attempted(&self.chmod_folder),
            );
        }
        for (property, value, allowed) in [
            (
                "DownloadPropersAndRepacks",
                &self.download_propers_and_repacks,
                &PROPERS,
            ),
            ("FileDate", &self.file_date, &FILE_DATES),
            ("RescanAfterRefresh", &self.rescan_after_refresh, &RESCANS),
        ] {
            if !allowed.contains(&value.as_str()) {
                failures.push(
                    ValidationFailure::new(
                        property,
                        format!("Must be one of: {}", allowed.join(", ")),
                        "EnumValidator",
                    )
                    .attempted(value),
                );
            }
        }
        if failures.is_empty() {
            Ok(self)
        } else {
            Err(ApiError::Validation(failures))
        }
    }
}

/// Radarr's failure for a number below its least.
fn at_least(property: &str, label: &str, least: i32, value: i32) -> ValidationFailure {
    ValidationFailure::new(
        property,
        format!("'{label}' must be greater than or equal to '{least}'."),
        "GreaterThanOrEqualValidator",
    )
    .attempted(value)
}

/// The settings as saved.
pub async fn load(state: &AppState) -> ApiResult<MediaManagement> {
    stored::load(state, KEY, "media management settings").await
}

/// Saves the settings a body describes, checked.
pub async fn save(state: &AppState, settings: MediaManagement) -> ApiResult<MediaManagement> {
    let settings = settings.checked()?;
    stored::save(state, KEY, &settings).await?;
    Ok(settings)
}
