//! The backup folders: a folder per kind under the backup folder, holding
//! zips named as Radarr names them. Listing, finding (by id, or by kind and
//! name, never a path), deleting, and dropping old scheduled ones.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::Serialize;
use sha1::{Digest, Sha1};

/// Why a backup was made; each kind has its own folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum BackupKind {
    /// By the schedule; old ones are deleted after the retention.
    Scheduled,
    /// Asked for by a user; kept until deleted.
    Manual,
    /// Before an update (Radarr's; listed when present, never made here).
    Update,
}

impl BackupKind {
    /// Every kind, in Radarr's order.
    pub const ALL: [BackupKind; 3] = [
        BackupKind::Scheduled,
        BackupKind::Manual,
        BackupKind::Update,
    ];

    /// The folder's name, as in the download path.
    pub fn folder_name(self) -> &'static str {
        match self {
            BackupKind::Scheduled => "scheduled",
            BackupKind::Manual => "manual",
            BackupKind::Update => "update",
        }
    }

    /// The kind a folder name (in any case) names.
    pub fn from_folder_name(name: &str) -> Option<BackupKind> {
        Self::ALL
            .into_iter()
            .find(|kind| kind.folder_name().eq_ignore_ascii_case(name))
    }

    /// Radarr's name of the kind, which its backup ids are made from.
    fn radarr_name(self) -> &'static str {
        match self {
            BackupKind::Scheduled => "Scheduled",
            BackupKind::Manual => "Manual",
            BackupKind::Update => "Update",
        }
    }
}

/// One backup zip.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupFile {
    /// The file's name.
    pub name: String,
    /// Its kind.
    pub kind: BackupKind,
    /// Where it is.
    pub path: PathBuf,
    /// Its size in bytes.
    pub size: u64,
    /// When it was written.
    pub time: DateTime<Utc>,
}

impl BackupFile {
    /// Its id, the same on every call and the one Radarr gives the same
    /// file: the first four bytes of the SHA-1 of `backup-{Kind}-{name}`,
    /// read little-endian, without the sign bit.
    pub fn id(&self) -> i32 {
        let hash = Sha1::digest(format!("backup-{}-{}", self.kind.radarr_name(), self.name));
        let first = i32::from_le_bytes([hash[0], hash[1], hash[2], hash[3]]);
        first & 0x7fff_ffff
    }
}

/// Whether `name` is a backup's name as Radarr recognises them:
/// `radarr_backup_` (or `nzbdrone_backup_`), an optional `v`, a version and
/// time of digits, dots and underscores, and `.zip`.
pub fn is_backup_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let Some(rest) = lower
        .strip_prefix("radarr_backup_")
        .or_else(|| lower.strip_prefix("nzbdrone_backup_"))
    else {
        return false;
    };
    let Some(stamp) = rest.strip_suffix(".zip") else {
        return false;
    };
    let stamp = stamp.strip_prefix('v').unwrap_or(stamp);
    !stamp.is_empty()
        && stamp
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '_')
}

/// The backups of one kind under `root`; none when its folder is missing.
fn list_kind(root: &Path, kind: BackupKind) -> std::io::Result<Vec<BackupFile>> {
    let folder = root.join(kind.folder_name());
    let entries = match std::fs::read_dir(&folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut found = Vec::new();
    for entry in entries {
        let entry = entry?;
        let Ok(name) = entry.file_name().into_string() else {
            continue;
        };
        let Ok(meta) = entry.metadata() else {
            continue;
        };
        if !meta.is_file() || !is_backup_name(&name) {
            continue;
        }
        found.push(BackupFile {
            path: entry.path(),
            name,
            kind,
            size: meta.len(),
            time: meta
                .modified()
                .map(DateTime::<Utc>::from)
                .unwrap_or_default(),
        });
    }
    Ok(found)
}

/// Every backup under `root`, newest first.
pub fn list(root: &Path) -> std::io::Result<Vec<BackupFile>> {
    let mut all = Vec::new();
    for kind in BackupKind::ALL {
        all.extend(list_kind(root, kind)?);
    }
    all.sort_by(|a, b| b.time.cmp(&a.time).then_with(|| b.name.cmp(&a.name)));
    Ok(all)
}

/// The backup with this id.
pub fn find_by_id(root: &Path, id: i32) -> std::io::Result<Option<BackupFile>> {
    Ok(list(root)?.into_iter().find(|b| b.id() == id))
}

/// The backup of this kind with exactly this name: found among the files
/// listed, so a name that climbs out of the folder finds nothing.
pub fn find(root: &Path, kind: BackupKind, name: &str) -> std::io::Result<Option<BackupFile>> {
    if !is_backup_name(name) {
        return Ok(None);
    }
    Ok(list_kind(root, kind)?.into_iter().find(|b| b.name == name))
}

/// Deletes the backups of `kind` written before `cutoff`; returns how many.
pub fn delete_older_than(
    root: &Path,
    kind: BackupKind,
    cutoff: DateTime<Utc>,
) -> std::io::Result<usize> {
    let mut deleted = 0;
    for backup in list_kind(root, kind)? {
        if backup.time < cutoff {
            std::fs::remove_file(&backup.path)?;
            tracing::info!(file = %backup.path.display(), "deleted an old scheduled backup");
            deleted += 1;
        }
    }
    Ok(deleted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backup_names_are_recognised_as_radarr_does() {
        assert!(is_backup_name(
            "radarr_backup_v6.0.3.10276_2026.12.02_18.40.00.zip"
        ));
        assert!(is_backup_name("nzbdrone_backup_2017.01.01.zip"));
        assert!(is_backup_name("Radarr_Backup_v1.0.zip"));
        assert!(!is_backup_name("radarr_backup_v1.0.zip.partial"));
        assert!(!is_backup_name("radarr_backup_v../../etc.zip"));
        assert!(!is_backup_name("radarr_backup_.zip"));
        assert!(!is_backup_name("notes.zip"));
    }

    #[test]
    fn ids_are_stable_positive_and_differ_by_kind() {
        let backup = |kind| BackupFile {
            name: "radarr_backup_v6.0.3.10276_2026.12.02_18.40.00.zip".into(),
            kind,
            path: PathBuf::new(),
            size: 0,
            time: Utc::now(),
        };
        let manual = backup(BackupKind::Manual);
        assert_eq!(manual.id(), manual.clone().id());
        assert!(manual.id() >= 0);
        assert_ne!(manual.id(), backup(BackupKind::Scheduled).id());
    }

    #[test]
    fn listing_finds_only_backups_newest_first_and_names_cannot_escape() {
        let root = tempfile::tempdir().unwrap();
        let manual = root.path().join("manual");
        std::fs::create_dir_all(&manual).unwrap();
        std::fs::write(
            manual.join("radarr_backup_v1_2020.01.01_00.00.00.zip"),
            "old",
        )
        .unwrap();
        std::fs::write(manual.join("notes.txt"), "not a backup").unwrap();
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        std::fs::File::options()
            .write(true)
            .open(manual.join("radarr_backup_v1_2020.01.01_00.00.00.zip"))
            .unwrap()
            .set_modified(old)
            .unwrap();
        std::fs::write(
            manual.join("radarr_backup_v1_2020.01.02_00.00.00.zip"),
            "new",
        )
        .unwrap();
        let all = list(root.path()).unwrap();
        let names: Vec<_> = all.iter().map(|b| b.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "radarr_backup_v1_2020.01.02_00.00.00.zip",
                "radarr_backup_v1_2020.01.01_00.00.00.zip"
            ]
        );
        assert_eq!(
            find_by_id(root.path(), all[1].id()).unwrap(),
            Some(all[1].clone())
        );
        assert_eq!(
            find(root.path(), BackupKind::Manual, "../manual/notes.txt").unwrap(),
            None
        );
        assert_eq!(
            find(root.path(), BackupKind::Scheduled, &all[0].name).unwrap(),
            None
        );
        let cutoff = Utc::now() - chrono::Duration::minutes(30);
        assert_eq!(
            delete_older_than(root.path(), BackupKind::Manual, cutoff).unwrap(),
            1
        );
        assert_eq!(list(root.path()).unwrap().len(), 1);
    }
}
