//! The blackhole clients: a folder another program watches.

use std::path::PathBuf;
use std::sync::Arc;

use domain::provider::{FieldSpec, Provider};
use domain::release::Protocol;
use downloaders::{DownloadClient, TorrentBlackhole, UsenetBlackhole};
use serde_json::{Value, json};

use super::ClientKind;
use crate::providers::Implementation;

fn folder(name: &'static str, label: &'static str, help: &'static str) -> FieldSpec {
    FieldSpec {
        help_text: Some(help),
        required: true,
        ..FieldSpec::plain(name, label, "path", json!(""))
    }
}

fn watch_folder() -> FieldSpec {
    folder(
        "watchFolder",
        "Watch Folder",
        "Folder from which Radarr should import completed downloads",
    )
}

fn path(provider: &Provider, name: &str) -> PathBuf {
    PathBuf::from(provider.setting_str(name).unwrap_or_default())
}

fn flag(provider: &Provider, name: &str, default: bool) -> bool {
    provider
        .settings
        .get(name)
        .and_then(Value::as_bool)
        .unwrap_or(default)
}

/// Radarr's Torrent Blackhole.
pub const TORRENT: ClientKind = ClientKind {
    implementation: || Implementation {
        implementation: "TorrentBlackhole",
        implementation_name: "Torrent Blackhole",
        config_contract: "TorrentBlackholeSettings",
        info_link: "https://wiki.servarr.com/radarr/supported#torrentblackhole",
        protocol: Protocol::Torrent,
        fields: vec![
            folder(
                "torrentFolder",
                "Torrent Folder",
                "Folder in which Radarr will store the .torrent file",
            ),
            watch_folder(),
            FieldSpec {
                help_text: Some("Save the magnet link if no .torrent file is available"),
                ..FieldSpec::plain(
                    "saveMagnetFiles",
                    "Save Magnet Files",
                    "checkbox",
                    json!(false),
                )
            },
            FieldSpec {
                help_text: Some("Extension to use for magnet links, defaults to '.magnet'"),
                ..FieldSpec::plain(
                    "magnetFileExtension",
                    "Save Magnet Files Extension",
                    "textbox",
                    json!(".magnet"),
                )
            },
            FieldSpec {
                help_text: Some(
                    "Instead of moving files this will instruct Radarr to Copy or Hardlink",
                ),
                ..FieldSpec::plain("readOnly", "Read Only", "checkbox", json!(true))
            },
        ],
    },
    build: |provider| -> Arc<dyn DownloadClient> {
        Arc::new(TorrentBlackhole {
            torrent_folder: path(provider, "torrentFolder"),
            watch_folder: path(provider, "watchFolder"),
            save_magnet_files: flag(provider, "saveMagnetFiles", false),
            magnet_file_extension: provider
                .setting_str("magnetFileExtension")
                .unwrap_or(".magnet")
                .to_string(),
            read_only: flag(provider, "readOnly", true),
        })
    },
};

/// Radarr's Usenet Blackhole.
pub const USENET: ClientKind = ClientKind {
    implementation: || Implementation {
        implementation: "UsenetBlackhole",
        implementation_name: "Usenet Blackhole",
        config_contract: "UsenetBlackholeSettings",
        info_link: "https://wiki.servarr.com/radarr/supported#usenetblackhole",
        protocol: Protocol::Usenet,
        fields: vec![
            folder(
                "nzbFolder",
                "Nzb Folder",
                "This folder will need to be reachable from Radarr",
            ),
            watch_folder(),
        ],
    },
    build: |provider| -> Arc<dyn DownloadClient> {
        Arc::new(UsenetBlackhole {
            nzb_folder: path(provider, "nzbFolder"),
            watch_folder: path(provider, "watchFolder"),
        })
    },
};
