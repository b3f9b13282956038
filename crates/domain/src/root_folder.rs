//! Root folders: where movie folders are created.

/// A root folder as stored; free space and accessibility are read from disk at the edge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RootFolder {
    pub id: i32,
    /// Absolute, without a trailing separator.
    pub path: String,
}

/// The path as Radarr stores a root folder: without trailing separators
/// (except for the file system root itself).
pub fn normalize_root_path(path: &str) -> String {
    let trimmed = path.trim();
    let without = trimmed.trim_end_matches('/');
    if without.is_empty() && trimmed.starts_with('/') {
        "/".to_string()
    } else {
        without.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailing_separators_are_dropped_but_root_stays() {
        assert_eq!(normalize_root_path("/movies/"), "/movies");
        assert_eq!(normalize_root_path(" /movies// "), "/movies");
        assert_eq!(normalize_root_path("/"), "/");
    }
}
