//! Radarr's Transmission download client: its settings, and the client they
//! make.

use std::sync::Arc;

use domain::provider::{FieldSpec, Provider};
use domain::release::Protocol;
use downloaders::{DownloadClient, Transmission, TransmissionPriority, TransmissionSettings};
use serde_json::json;

use super::{ClientKind, checkbox, connection, connection_fields, number, text};
use crate::providers::Implementation;

/// Transmission's RPC port.
const PORT: u16 = 9091;

/// Where Transmission serves its RPC unless told otherwise.
const URL_BASE: &str = "/transmission/";

/// Radarr's `TransmissionPriority` choices.
const PRIORITIES: &[(i32, &str)] = &[(0, "Last"), (1, "First")];

fn priority(name: &'static str, label: &'static str, help: &'static str) -> FieldSpec {
    FieldSpec {
        help_text: Some(help),
        select_options: PRIORITIES,
        ..FieldSpec::plain(name, label, "select", json!(0))
    }
}

fn fields() -> Vec<FieldSpec> {
    let mut fields = connection_fields(PORT, URL_BASE);
    // Radarr words the shared SSL and URL base help for Transmission.
    for field in &mut fields {
        match field.name {
            "useSsl" => {
                field.help_text = Some("Use secure connection when connecting to Transmission");
            }
            "urlBase" => {
                field.help_text = Some(
                    "Adds a prefix to the Transmission rpc url, eg http://[host]:[port]/[urlBase]/rpc, defaults to '/transmission/'",
                );
            }
            _ => {}
        }
    }
    fields.extend([
        FieldSpec {
            help_text: Some(
                "Adding a category specific to Radarr avoids conflicts with unrelated non-Radarr downloads. Using a category is optional, but strongly recommended. Creates a [category] subdirectory in the output directory.",
            ),
            ..FieldSpec::plain("movieCategory", "Category", "textbox", json!(""))
        },
        FieldSpec {
            advanced: true,
            help_text: Some(
                "Optional location to put downloads in, leave blank to use the default Transmission location",
            ),
            ..FieldSpec::plain("movieDirectory", "Directory", "textbox", json!(""))
        },
        priority(
            "recentMoviePriority",
            "Recent Priority",
            "Priority to use when grabbing movies that released within the last 21 days",
        ),
        priority(
            "olderMoviePriority",
            "Older Priority",
            "Priority to use when grabbing movies that released over 21 days ago",
        ),
        FieldSpec::plain("addPaused", "Add Paused", "checkbox", json!(false)),
    ]);
    fields
}

/// Radarr's Transmission.
pub const KIND: ClientKind = ClientKind {
    implementation: || Implementation {
        implementation: "Transmission",
        implementation_name: "Transmission",
        config_contract: "TransmissionSettings",
        info_link: "https://wiki.servarr.com/radarr/supported#transmission",
        protocol: Protocol::Torrent,
        fields: fields(),
    },
    build: |provider: &Provider| -> Arc<dyn DownloadClient> {
        let settings = TransmissionSettings {
            category: text(provider, "movieCategory", ""),
            directory: text(provider, "movieDirectory", ""),
            recent_priority: TransmissionPriority::from_setting(number(
                provider,
                "recentMoviePriority",
                0,
            )),
            older_priority: TransmissionPriority::from_setting(number(
                provider,
                "olderMoviePriority",
                0,
            )),
            add_paused: checkbox(provider, "addPaused", false),
        };
        Arc::new(Transmission::new(
            connection(provider, PORT, URL_BASE),
            settings,
        ))
    },
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fields_are_radarrs_in_its_order() {
        let names: Vec<_> = fields().iter().map(|f| f.name).collect();
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
                "movieDirectory",
                "recentMoviePriority",
                "olderMoviePriority",
                "addPaused",
            ]
        );
        let fields = fields();
        assert_eq!(fields[1].default, json!(9091));
        assert_eq!(fields[3].default, json!("/transmission/"));
        assert_eq!(fields[8].select_options, &[(0, "Last"), (1, "First")]);
    }
}
