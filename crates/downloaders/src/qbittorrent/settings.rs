//! Radarr's qBittorrent settings beyond the connection, with the choices its
//! select fields offer, and Radarr's check of the category names.

use crate::DownloadError;

/// Where a grabbed torrent goes in qBittorrent's queue (Radarr's
/// `QBittorrentPriority`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum QBittorrentPriority {
    /// Where qBittorrent puts it: the end of the queue.
    #[default]
    Last,
    /// Moved to the top of the queue (when queueing is on).
    First,
}

impl QBittorrentPriority {
    /// The priority a setting's value names (0 Last, 1 First).
    pub fn from_setting(value: i64) -> Self {
        if value == 1 { Self::First } else { Self::Last }
    }
}

/// How a grabbed torrent starts (Radarr's `QBittorrentState`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum QBittorrentInitialState {
    /// Started, within the queue's limits.
    #[default]
    Start,
    /// Started past the queue's limits (and its seeding limits).
    ForceStart,
    /// Added paused.
    Pause,
}

impl QBittorrentInitialState {
    /// The state a setting's value names (0 Start, 1 ForceStart, 2 Pause).
    pub fn from_setting(value: i64) -> Self {
        match value {
            1 => Self::ForceStart,
            2 => Self::Pause,
            _ => Self::Start,
        }
    }
}

/// How a torrent's files are laid out under the save folder (Radarr's
/// `QBittorrentContentLayout`, qBittorrent 4.3.2 and later).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum QBittorrentContentLayout {
    /// qBittorrent's own setting.
    #[default]
    Default,
    /// As the torrent has them.
    Original,
    /// Always in a folder of their own.
    Subfolder,
}

impl QBittorrentContentLayout {
    /// The layout a setting's value names (0 Default, 1 Original, 2 Subfolder).
    pub fn from_setting(value: i64) -> Self {
        match value {
            1 => Self::Original,
            2 => Self::Subfolder,
            _ => Self::Default,
        }
    }

    /// The `contentLayout` qBittorrent takes; none leaves its own setting.
    pub(super) fn api_value(self) -> Option<&'static str> {
        match self {
            Self::Default => None,
            Self::Original => Some("Original"),
            Self::Subfolder => Some("Subfolder"),
        }
    }
}

/// Radarr's qBittorrent settings beyond the connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QBittorrentSettings {
    /// The category our downloads get and are listed by (`movieCategory`);
    /// empty lists every torrent.
    pub category: String,
    /// The category set after import (`movieImportedCategory`); empty for
    /// none. Created by the test, like the category.
    pub imported_category: String,
    /// Queue position of a recent movie's torrent.
    pub recent_priority: QBittorrentPriority,
    /// Queue position of an older movie's torrent.
    pub older_priority: QBittorrentPriority,
    /// How torrents start.
    pub initial_state: QBittorrentInitialState,
    /// Whether pieces are downloaded in order.
    pub sequential_order: bool,
    /// Whether the first and last pieces come first.
    pub first_and_last: bool,
    /// How the files are laid out.
    pub content_layout: QBittorrentContentLayout,
}

impl Default for QBittorrentSettings {
    /// Radarr's defaults: the category `radarr`, the rest qBittorrent's own.
    fn default() -> Self {
        QBittorrentSettings {
            category: "radarr".into(),
            imported_category: String::new(),
            recent_priority: QBittorrentPriority::Last,
            older_priority: QBittorrentPriority::Last,
            initial_state: QBittorrentInitialState::Start,
            sequential_order: false,
            first_and_last: false,
            content_layout: QBittorrentContentLayout::Default,
        }
    }
}

impl QBittorrentSettings {
    /// Radarr's check of both category names: qBittorrent nests categories
    /// on `/`, so no empty level and no backslash.
    pub(super) fn check(&self) -> Result<(), DownloadError> {
        for (setting, name) in [
            ("movieCategory", &self.category),
            ("movieImportedCategory", &self.imported_category),
        ] {
            let bad = name.contains('\\')
                || name.contains("//")
                || name.starts_with('/')
                || name.ends_with('/');
            if bad {
                return Err(DownloadError::Setting {
                    setting,
                    message: r"Can not contain '\', '//', or start/end with '/'".into(),
                });
            }
        }
        Ok(())
    }

    /// The priority a grab gets.
    pub(super) fn priority(&self, recent: bool) -> QBittorrentPriority {
        if recent {
            self.recent_priority
        } else {
            self.older_priority
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn select_values_name_radarrs_choices() {
        assert_eq!(
            QBittorrentPriority::from_setting(1),
            QBittorrentPriority::First
        );
        assert_eq!(
            QBittorrentPriority::from_setting(0),
            QBittorrentPriority::Last
        );
        assert_eq!(
            QBittorrentInitialState::from_setting(2),
            QBittorrentInitialState::Pause
        );
        assert_eq!(
            QBittorrentInitialState::from_setting(1),
            QBittorrentInitialState::ForceStart
        );
        let layout = QBittorrentContentLayout::from_setting;
        assert_eq!(layout(0).api_value(), None);
        assert_eq!(layout(1).api_value(), Some("Original"));
        assert_eq!(layout(2).api_value(), Some("Subfolder"));
    }

    #[test]
    fn categories_nest_on_single_slashes_only() {
        let with = |category: &str, imported: &str| QBittorrentSettings {
            category: category.into(),
            imported_category: imported.into(),
            ..QBittorrentSettings::default()
        };
        assert!(with("radarr", "").check().is_ok());
        assert!(with("movies/radarr", "radarr-imported").check().is_ok());
        assert!(with("", "").check().is_ok());
        let setting = |s: QBittorrentSettings| match s.check() {
            Err(DownloadError::Setting { setting, .. }) => setting,
            other => panic!("{other:?}"),
        };
        assert_eq!(setting(with("/radarr", "")), "movieCategory");
        assert_eq!(setting(with("movies//radarr", "")), "movieCategory");
        assert_eq!(setting(with(r"movies\radarr", "")), "movieCategory");
        assert_eq!(setting(with("radarr", "done/")), "movieImportedCategory");
    }
}
