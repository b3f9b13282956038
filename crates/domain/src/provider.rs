//! Providers: the indexers, download clients and other services a library is
//! set up with. Each is an implementation (`Newznab`, `TorrentBlackhole`)
//! with its settings, kept as Radarr's fields name them, and the switches of
//! its kind (`enableRss`, `priority`, …).

use std::sync::LazyLock;

use serde_json::{Map, Value};

use crate::Language;
use crate::release::IndexerFlags;

parser::wire_enum! {
    /// What a provider is for.
    pub enum ProviderKind {
        Indexer = 0 => "indexer", DownloadClient = 1 => "downloadClient",
        ImportList = 2 => "importList", Notification = 3 => "notification", Metadata = 4 => "metadata",
    }
}

impl ProviderKind {
    /// Its name in Radarr's messages, e.g. "Indexer with ID 3 does not exist".
    pub fn entity(self) -> &'static str {
        match self {
            ProviderKind::Indexer => "Indexer",
            ProviderKind::DownloadClient => "DownloadClient",
            ProviderKind::ImportList => "ImportList",
            ProviderKind::Notification => "Notification",
            ProviderKind::Metadata => "Metadata",
        }
    }
}

parser::wire_enum! {
    /// How a setting is shown and kept: a secret is never read back.
    pub enum Privacy { Normal = 0 => "normal", Password = 1 => "password", ApiKey = 2 => "apiKey", UserName = 3 => "userName" }
}

/// What a secret reads back as; sent back, it leaves the secret as it was.
pub const MASKED: &str = "********";

/// One setting of an implementation, as Radarr describes it in `fields`.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldSpec {
    /// The setting's name, dotted when nested (`seedCriteria.seedRatio`).
    pub name: &'static str,
    /// Its label.
    pub label: &'static str,
    /// Radarr's input type: `textbox`, `password`, `number`, `checkbox`,
    /// `select`, `path`, `tag`, `url`, …
    pub input: &'static str,
    /// Its value until set.
    pub default: Value,
    /// Whether it is a secret.
    pub privacy: Privacy,
    /// Whether the UI hides it under advanced settings.
    pub advanced: bool,
    /// A line of help.
    pub help_text: Option<&'static str>,
    /// The choices of a `select`: value and name.
    pub select_options: &'static [(i32, &'static str)],
    /// Where the UI asks for a `select`'s choices instead
    /// (`selectOptionsProviderAction`, e.g. `newznabCategories`).
    pub select_options_provider_action: Option<&'static str>,
    /// A unit shown beside a number (`minutes`).
    pub unit: Option<&'static str>,
    /// A number with decimals (`isFloat`).
    pub is_float: bool,
    /// Whether it must be given.
    pub required: bool,
}

impl FieldSpec {
    /// A setting with no help, choices or secret, not advanced, optional.
    pub const fn plain(
        name: &'static str,
        label: &'static str,
        input: &'static str,
        default: Value,
    ) -> Self {
        FieldSpec {
            name,
            label,
            input,
            default,
            privacy: Privacy::Normal,
            advanced: false,
            help_text: None,
            select_options: &[],
            select_options_provider_action: None,
            unit: None,
            is_float: false,
            required: false,
        }
    }
}

static LANGUAGE_OPTIONS: LazyLock<Vec<(i32, &'static str)>> = LazyLock::new(|| {
    let mut options: Vec<(i32, &'static str)> = Language::ALL
        .iter()
        // Real languages only: not Unknown, Any or Original.
        .filter(|l| l.id > 0)
        .map(|l| (l.id, l.name))
        .collect();
    options.sort_by_key(|(_, name)| *name);
    options
});

static INDEXER_FLAG_OPTIONS: LazyLock<Vec<(i32, &'static str)>> = LazyLock::new(|| {
    IndexerFlags::NAMES
        .iter()
        .enumerate()
        .map(|(bit, name)| (1 << bit, *name))
        .collect()
});

/// The choices of a setting that names languages (an indexer's
/// `multiLanguages`): every real language by name.
pub fn language_options() -> &'static [(i32, &'static str)] {
    &LANGUAGE_OPTIONS
}

/// The choices of a setting that names indexer flags (`requiredFlags`): each
/// flag's bit and Radarr's name for it.
pub fn indexer_flag_options() -> &'static [(i32, &'static str)] {
    &INDEXER_FLAG_OPTIONS
}

/// A configured provider.
#[derive(Debug, Clone, PartialEq)]
pub struct Provider {
    /// Its id.
    pub id: i32,
    /// What it is for.
    pub kind: ProviderKind,
    /// Its name, unique among providers of its kind.
    pub name: String,
    /// The implementation, e.g. `Newznab`.
    pub implementation: String,
    /// The settings type the implementation reads, e.g. `NewznabSettings`.
    pub config_contract: String,
    /// The settings by field name, nested settings dotted
    /// (`seedCriteria.seedRatio`).
    pub settings: Map<String, Value>,
    /// The switches of its kind: `enableRss`, `priority`, `enable`, …
    pub options: Map<String, Value>,
    /// Its tags.
    pub tags: Vec<i32>,
}

impl Provider {
    /// A switch of its kind that is true or false; `default` when unset.
    pub fn flag(&self, name: &str, default: bool) -> bool {
        self.options
            .get(name)
            .and_then(Value::as_bool)
            .unwrap_or(default)
    }

    /// A number among its switches (`priority`); `default` when unset.
    pub fn number(&self, name: &str, default: i64) -> i64 {
        self.options
            .get(name)
            .and_then(Value::as_i64)
            .unwrap_or(default)
    }

    /// A setting as text (`baseUrl`); `None` when unset or not text.
    pub fn setting_str(&self, name: &str) -> Option<&str> {
        self.settings.get(name).and_then(Value::as_str)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn switches_and_settings_read_with_defaults() {
        let provider = Provider {
            id: 1,
            kind: ProviderKind::Indexer,
            name: "Indexer".into(),
            implementation: "Newznab".into(),
            config_contract: "NewznabSettings".into(),
            settings: json!({"baseUrl": "http://x"})
                .as_object()
                .cloned()
                .unwrap_or_default(),
            options: json!({"enableRss": false, "priority": 10})
                .as_object()
                .cloned()
                .unwrap_or_default(),
            tags: vec![],
        };
        assert!(!provider.flag("enableRss", true));
        assert!(provider.flag("enableAutomaticSearch", true));
        assert_eq!(provider.number("priority", 25), 10);
        assert_eq!(provider.setting_str("baseUrl"), Some("http://x"));
        assert_eq!(provider.setting_str("apiKey"), None);
    }

    #[test]
    fn option_lists_name_real_languages_and_flag_bits() {
        let languages = language_options();
        assert!(languages.contains(&(1, "English")));
        assert!(languages.iter().all(|(id, _)| *id > 0));
        assert!(languages.windows(2).all(|w| w[0].1 <= w[1].1), "by name");
        let flags = indexer_flag_options();
        assert_eq!(flags[0], (1, "G_Freeleech"));
        assert_eq!(flags[3], (8, "PTP_Golden"));
        assert_eq!(flags.len(), 12);
    }
}
