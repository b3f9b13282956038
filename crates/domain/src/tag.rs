//! Tags: labels users attach to movies and settings.

/// A tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    pub id: i32,
    /// Stored lower-case, as Radarr stores it.
    pub label: String,
}

/// The label as Radarr stores it: trimmed and lower-case. Any characters are
/// accepted, as Radarr 5 did, because Overseerr and Jellyseerr create labels
/// such as "1 - jane" that Radarr 6's stricter rule rejects.
pub fn normalize_label(label: &str) -> Option<String> {
    let label = label.trim().to_lowercase();
    (!label.is_empty()).then_some(label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_trimmed_lower_case_and_never_empty() {
        assert_eq!(normalize_label("  1 - Jane "), Some("1 - jane".to_string()));
        assert_eq!(normalize_label("   "), None);
    }
}
