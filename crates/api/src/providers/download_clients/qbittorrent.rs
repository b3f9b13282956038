//! Radarr's qBittorrent download client: its settings, and the client they
//! make.

use std::sync::Arc;

use domain::provider::{FieldSpec, Provider};
use domain::release::Protocol;
use downloaders::{
    DownloadClient, QBittorrent, QBittorrentContentLayout, QBittorrentInitialState,
    QBittorrentPriority, QBittorrentSettings,
};
use serde_json::json;

use super::{ClientKind, checkbox, connection, connection_fields, number, text};
use crate::providers::Implementation;

/// qBittorrent's WebUI port.
const PORT: u16 = 8080;

/// qBittorrent serves its WebUI at the root unless a proxy puts it under one.
const URL_BASE: &str = "";

/// The category Radarr suggests.
const CATEGORY: &str = "radarr";

/// Radarr's `QBittorrentPriority` choices.
const PRIORITIES: &[(i32, &str)] = &[(0, "Last"), (1, "First")];

/// Radarr's `QBittorrentState` choices.
const INITIAL_STATES: &[(i32, &str)] = &[(0, "Start"), (1, "ForceStart"), (2, "Pause")];

/// Radarr's `QBittorrentContentLayout` choices.
const CONTENT_LAYOUTS: &[(i32, &str)] = &[(0, "Default"), (1, "Original"), (2, "Subfolder")];

fn select(
    name: &'static str,
    label: &'static str,
    help: &'static str,
    options: &'static [(i32, &'static str)],
) -> FieldSpec {
    FieldSpec {
        help_text: Some(help),
        select_options: options,
        ..FieldSpec::plain(name, label, "select", json!(0))
    }
}

fn check(name: &'static str, label: &'static str, help: &'static str) -> FieldSpec {
    FieldSpec {
        help_text: Some(help),
        ..FieldSpec::plain(name, label, "checkbox", json!(false))
    }
}

fn fields() -> Vec<FieldSpec> {
    let mut fields = connection_fields(PORT, URL_BASE);
    // Radarr words the shared SSL and URL base help for qBittorrent.
    for field in &mut fields {
        match field.name {
            "useSsl" => {
                field.help_text = Some(
                    "Use a secure connection. See Options -> Web UI -> 'Use HTTPS instead of HTTP' in qBittorrent.",
                );
            }
            "urlBase" => {
                field.help_text = Some(
                    "Adds a prefix to the qBittorrent url, such as http://[host]:[port]/[urlBase]/api",
                );
            }
            _ => {}
        }
    }
    fields.extend([
        FieldSpec {
            help_text: Some(
                "Adding a category specific to Radarr avoids conflicts with unrelated non-Radarr downloads. Using a category is optional, but strongly recommended.",
            ),
            ..FieldSpec::plain("movieCategory", "Category", "textbox", json!(CATEGORY))
        },
        FieldSpec {
            advanced: true,
            help_text: Some(
                "Category for Radarr to set after it has imported the download. Radarr will not remove torrents in that category even if seeding finished. Leave blank to keep same category.",
            ),
            ..FieldSpec::plain(
                "movieImportedCategory",
                "Post-Import Category",
                "textbox",
                json!(""),
            )
        },
        select(
            "recentMoviePriority",
            "Recent Priority",
            "Priority to use when grabbing movies that released within the last 21 days",
            PRIORITIES,
        ),
        select(
            "olderMoviePriority",
            "Older Priority",
            "Priority to use when grabbing movies that released over 21 days ago",
            PRIORITIES,
        ),
        select(
            "initialState",
            "Initial State",
            "Initial state for torrents added to qBittorrent. Note that Forced Torrents do not abide by seed restrictions",
            INITIAL_STATES,
        ),
        check(
            "sequentialOrder",
            "Sequential Order",
            "Download in sequential order (qBittorrent 4.1.0+)",
        ),
        check(
            "firstAndLast",
            "First and Last First",
            "Download first and last pieces first (qBittorrent 4.1.0+)",
        ),
        select(
            "contentLayout",
            "Content Layout",
            "Whether to use qBittorrent's configured content layout, the original layout from the torrent or always create a subfolder (qBittorrent 4.3.2+)",
            CONTENT_LAYOUTS,
        ),
    ]);
    fields
}

/// The settings a stored provider holds, Radarr's defaults where unset.
fn settings(provider: &Provider) -> QBittorrentSettings {
    QBittorrentSettings {
        category: text(provider, "movieCategory", CATEGORY),
        imported_category: text(provider, "movieImportedCategory", ""),
        recent_priority: QBittorrentPriority::from_setting(number(
            provider,
            "recentMoviePriority",
            0,
        )),
        older_priority: QBittorrentPriority::from_setting(number(
            provider,
            "olderMoviePriority",
            0,
        )),
        initial_state: QBittorrentInitialState::from_setting(number(provider, "initialState", 0)),
        sequential_order: checkbox(provider, "sequentialOrder", false),
        first_and_last: checkbox(provider, "firstAndLast", false),
        content_layout: QBittorrentContentLayout::from_setting(number(
            provider,
            "contentLayout",
            0,
        )),
    }
}

/// Radarr's qBittorrent.
pub const KIND: ClientKind = ClientKind {
    implementation: || Implementation {
        implementation: "QBittorrent",
        implementation_name: "qBittorrent",
        config_contract: "QBittorrentSettings",
        info_link: "https://wiki.servarr.com/radarr/supported#qbittorrent",
        protocol: Protocol::Torrent,
        fields: fields(),
    },
    build: |provider: &Provider| -> Arc<dyn DownloadClient> {
        Arc::new(QBittorrent::new(
            connection(provider, PORT, URL_BASE),
            settings(provider),
        ))
    },
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fields_are_radarrs_in_its_order() {
        let fields = fields();
        let names: Vec<_> = fields.iter().map(|f| f.name).collect();
        assert_eq!(
            names,
            [
                "host",
                "port",
                "useSsl",
                "urlBase",
                "username",
                "password",
                "movieCategory",
                "movieImportedCategory",
                "recentMoviePriority",
                "olderMoviePriority",
                "initialState",
                "sequentialOrder",
                "firstAndLast",
                "contentLayout",
            ]
        );
        assert_eq!(fields[1].default, json!(8080));
        assert_eq!(fields[6].default, json!("radarr"));
        assert!(fields[7].advanced, "the post-import category");
        assert_eq!(fields[9].select_options, PRIORITIES);
        assert_eq!(
            fields[10].select_options,
            &[(0, "Start"), (1, "ForceStart"), (2, "Pause")]
        );
        assert_eq!(fields[12].input, "checkbox");
        assert_eq!(
            fields[13].select_options,
            &[(0, "Default"), (1, "Original"), (2, "Subfolder")]
        );
    }

    #[test]
    fn stored_settings_make_the_client_settings() {
        let mut provider = Provider {
            id: 1,
            kind: domain::provider::ProviderKind::DownloadClient,
            name: "qBittorrent".into(),
            implementation: "QBittorrent".into(),
            config_contract: "QBittorrentSettings".into(),
            settings: serde_json::Map::new(),
            options: serde_json::Map::new(),
            tags: Vec::new(),
        };
        assert_eq!(settings(&provider), QBittorrentSettings::default());
        provider
            .settings
            .insert("movieCategory".into(), json!("movies"));
        provider
            .settings
            .insert("recentMoviePriority".into(), json!(1));
        provider.settings.insert("initialState".into(), json!("2"));
        provider.settings.insert("firstAndLast".into(), json!(true));
        provider.settings.insert("contentLayout".into(), json!(2));
        let made = settings(&provider);
        assert_eq!(made.category, "movies");
        assert_eq!(made.recent_priority, QBittorrentPriority::First);
        assert_eq!(made.older_priority, QBittorrentPriority::Last);
        assert_eq!(made.initial_state, QBittorrentInitialState::Pause);
        assert!(made.first_and_last && !made.sequential_order);
        assert_eq!(made.content_layout, QBittorrentContentLayout::Subfolder);
    }
}
