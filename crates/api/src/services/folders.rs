//! Checks on folders users name: root folders and movie paths.

use std::path::Path;

use crate::error::ValidationFailure;

/// Whether `path` is absolute (Radarr's `IsValidPath`).
pub fn check_absolute(property: &str, path: &str) -> Option<ValidationFailure> {
    let valid = !path.trim().is_empty() && Path::new(path).is_absolute() && !path.contains('\0');
    (!valid)
        .then(|| ValidationFailure::new(property, "Invalid Path", "PathValidator").attempted(path))
}

/// Whether `path` is an absolute, existing folder this process can write to;
/// every rule that fails is reported.
pub fn check_writable_folder(property: &str, path: &str) -> Vec<ValidationFailure> {
    if let Some(failure) = check_absolute(property, path) {
        return vec![failure];
    }
    let dir = Path::new(path);
    if !dir.is_dir() {
        return vec![
            ValidationFailure::new(
                property,
                format!("Folder '{path}' does not exist"),
                "FolderExistsValidator",
            )
            .attempted(path),
        ];
    }
    if !is_writable(dir) {
        return vec![
            ValidationFailure::new(
                property,
                format!(
                    "Folder '{path}' is not writable by user '{}'",
                    current_user()
                ),
                "FolderWritableValidator",
            )
            .attempted(path),
        ];
    }
    Vec::new()
}

/// Writes and removes a probe file: permission bits alone do not tell
/// (read-only mounts, ACLs, root).
pub fn is_writable(dir: &Path) -> bool {
    let probe = dir.join(format!(".unified-radarr-write-test-{}", std::process::id()));
    match std::fs::File::create(&probe) {
        Ok(_) => std::fs::remove_file(&probe).is_ok(),
        Err(_) => false,
    }
}

fn current_user() -> String {
    std::env::var("USER").unwrap_or_else(|_| "unknown".to_string())
}

/// Whether `child` lies strictly inside `parent`, compared by path components.
pub fn is_inside(child: &str, parent: &str) -> bool {
    let child = Path::new(child);
    let parent = Path::new(parent);
    child != parent && child.starts_with(parent)
}

/// Free and total bytes of the file system holding `path`.
pub fn space(path: &Path) -> Option<(u64, u64)> {
    Some((
        fs4::available_space(path).ok()?,
        fs4::total_space(path).ok()?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_empty_and_missing_folders_are_refused() {
        assert_eq!(
            check_writable_folder("Path", "movies")[0].error_code,
            "PathValidator"
        );
        assert_eq!(
            check_writable_folder("Path", "")[0].error_code,
            "PathValidator"
        );
        let missing = check_writable_folder("Path", "/definitely/not/here");
        assert_eq!(missing[0].error_code, "FolderExistsValidator");
        assert_eq!(missing[0].property_name, "Path");
    }

    #[test]
    fn unwritable_folders_are_refused_even_for_root() {
        // /proc refuses new files whoever asks.
        assert_eq!(
            check_writable_folder("Path", "/proc")[0].error_code,
            "FolderWritableValidator"
        );
        let dir = tempfile::tempdir().unwrap();
        assert!(check_writable_folder("Path", dir.path().to_str().unwrap()).is_empty());
    }

    #[test]
    fn inside_compares_whole_components() {
        assert!(is_inside("/movies/The Matrix (1999)", "/movies"));
        assert!(!is_inside("/movies", "/movies"));
        assert!(!is_inside("/movies2/x", "/movies"));
    }
}
