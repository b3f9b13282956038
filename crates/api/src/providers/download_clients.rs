//! The download clients the server offers, and building one from its
//! stored settings to hand a release on or to test it.

use std::path::PathBuf;
use std::sync::Arc;

use domain::provider::{FieldSpec, Provider, ProviderKind};
use domain::release::Protocol;
use downloaders::{DownloadClient, DownloadError, TorrentBlackhole, UsenetBlackhole};
use serde_json::{Value, json};

use super::resource::{pascal, render, template};
use super::{Implementation, ProviderKindApi, Switches};
use crate::error::ValidationFailure;
use crate::state::AppState;

/// A download client's switches, with Radarr's defaults.
pub const SWITCHES: Switches = Switches(&[
    ("enable", || json!(true)),
    ("priority", || json!(1)),
    ("removeCompletedDownloads", || json!(true)),
    ("removeFailedDownloads", || json!(true)),
]);

fn folder(name: &'static str, label: &'static str, help: &'static str) -> FieldSpec {
    FieldSpec {
        help_text: Some(help),
        required: true,
        ..FieldSpec::plain(name, label, "path", json!(""))
    }
}

/// The download clients offered.
pub fn catalog() -> Vec<Implementation> {
    vec![
        Implementation {
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
                folder(
                    "watchFolder",
                    "Watch Folder",
                    "Folder from which Radarr should import completed downloads",
                ),
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
        Implementation {
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
                folder(
                    "watchFolder",
                    "Watch Folder",
                    "Folder from which Radarr should import completed downloads",
                ),
            ],
        },
    ]
}

fn path(provider: &Provider, name: &str) -> PathBuf {
    PathBuf::from(provider.setting_str(name).unwrap_or_default())
}

/// The client a stored provider describes.
pub fn client(provider: &Provider) -> Option<Arc<dyn DownloadClient>> {
    match provider.implementation.as_str() {
        "TorrentBlackhole" => Some(Arc::new(TorrentBlackhole {
            torrent_folder: path(provider, "torrentFolder"),
            watch_folder: path(provider, "watchFolder"),
            save_magnet_files: provider
                .settings
                .get("saveMagnetFiles")
                .and_then(Value::as_bool)
                .unwrap_or(false),
            magnet_file_extension: provider
                .setting_str("magnetFileExtension")
                .unwrap_or(".magnet")
                .to_string(),
        })),
        "UsenetBlackhole" => Some(Arc::new(UsenetBlackhole {
            nzb_folder: path(provider, "nzbFolder"),
            watch_folder: path(provider, "watchFolder"),
        })),
        _ => None,
    }
}

/// The download clients' kind on the API.
pub struct DownloadClients;

impl ProviderKindApi for DownloadClients {
    const KIND: ProviderKind = ProviderKind::DownloadClient;
    const ROUTE: &'static str = "downloadclient";
    const SWITCHES: Switches = SWITCHES;

    fn catalog() -> Vec<Implementation> {
        catalog()
    }

    fn resource(provider: &Provider) -> Value {
        match catalog()
            .iter()
            .find(|i| i.implementation == provider.implementation)
        {
            Some(implementation) => render(provider, implementation),
            None => {
                json!({"id": provider.id, "name": provider.name, "implementation": provider.implementation})
            }
        }
    }

    fn templates() -> Vec<Value> {
        catalog().iter().map(|i| template(i, &SWITCHES)).collect()
    }

    fn enabled(provider: &Provider) -> bool {
        provider.flag("enable", true)
    }

    fn validate(provider: &Provider) -> Vec<ValidationFailure> {
        if client(provider).is_some() {
            return Vec::new();
        }
        vec![ValidationFailure::new(
            "Implementation",
            format!("Unknown implementation '{}'", provider.implementation),
            "PredicateValidator",
        )]
    }

    /// Radarr's test of a download client, its failures named by setting.
    async fn test(_state: &AppState, provider: &Provider) -> Vec<ValidationFailure> {
        let Some(client) = client(provider) else {
            return Self::validate(provider);
        };
        let Err(error) = client.test().await else {
            return Vec::new();
        };
        let property = match &error {
            DownloadError::Folder { path, .. } => provider
                .settings
                .iter()
                .find(|(_, value)| value.as_str() == Some(path.as_str()))
                .map(|(name, _)| pascal(name))
                .unwrap_or_default(),
            _ => String::new(),
        };
        vec![ValidationFailure::new(
            &property,
            error.to_string(),
            "PredicateValidator",
        )]
    }
}
