//! Radarr's NZBGet download client: its settings, and the client they make.

use std::sync::Arc;

use domain::provider::{FieldSpec, Provider};
use domain::release::Protocol;
use downloaders::{DownloadClient, Nzbget, NzbgetPriority, NzbgetSettings};
use serde_json::json;

use super::{ClientKind, checkbox, connection, connection_fields, number, text};
use crate::providers::Implementation;

/// NZBGet's web port.
const PORT: u16 = 6789;

/// NZBGet's own default login, which Radarr offers.
const USERNAME: &str = "nzbget";
const PASSWORD: &str = "tegbzn6789";

/// Radarr's default category: NZBGet's own default `Movies` category.
const CATEGORY: &str = "Movies";

/// Radarr's `NzbgetPriority` choices.
const PRIORITIES: &[(i32, &str)] = &[
    (-100, "VeryLow"),
    (-50, "Low"),
    (0, "Normal"),
    (50, "High"),
    (100, "VeryHigh"),
    (900, "Force"),
];

fn priority(name: &'static str, label: &'static str, help: &'static str) -> FieldSpec {
    FieldSpec {
        help_text: Some(help),
        select_options: PRIORITIES,
        ..FieldSpec::plain(name, label, "select", json!(0))
    }
}

fn fields() -> Vec<FieldSpec> {
    let mut fields = connection_fields(PORT, "");
    // Radarr words the shared help for NZBGet, and offers its default login.
    for field in &mut fields {
        match field.name {
            "useSsl" => field.help_text = Some("Use secure connection when connecting to NZBGet"),
            "urlBase" => {
                field.help_text = Some(
                    "Adds a prefix to the NZBGet url, such as http://[host]:[port]/[urlBase]/jsonrpc",
                );
            }
            "username" => field.default = json!(USERNAME),
            "password" => field.default = json!(PASSWORD),
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
        FieldSpec {
            help_text: Some("This option requires at least NZBGet version 16.0"),
            ..FieldSpec::plain("addPaused", "Add Paused", "checkbox", json!(false))
        },
    ]);
    fields
}

/// The client settings a stored provider's settings make.
fn settings(provider: &Provider) -> NzbgetSettings {
    let priority = |name| NzbgetPriority::from_setting(number(provider, name, 0));
    NzbgetSettings {
        category: text(provider, "movieCategory", CATEGORY),
        recent_priority: priority("recentMoviePriority"),
        older_priority: priority("olderMoviePriority"),
        add_paused: checkbox(provider, "addPaused", false),
    }
}

/// Radarr's NZBGet.
pub const KIND: ClientKind = ClientKind {
    implementation: || Implementation {
        implementation: "Nzbget",
        implementation_name: "NZBGet",
        config_contract: "NzbgetSettings",
        info_link: "https://wiki.servarr.com/radarr/supported#nzbget",
        protocol: Protocol::Usenet,
        fields: fields(),
    },
    build: |provider: &Provider| -> Arc<dyn DownloadClient> {
        let mut connection = connection(provider, PORT, "");
        connection.username = text(provider, "username", USERNAME);
        connection.password = text(provider, "password", PASSWORD);
        Arc::new(Nzbget::new(connection, settings(provider)))
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
                "recentMoviePriority",
                "olderMoviePriority",
                "addPaused",
            ]
        );
        assert_eq!(fields[1].default, json!(6789));
        assert_eq!(fields[4].default, json!("nzbget"));
        assert_eq!(fields[6].default, json!("Movies"));
        assert_eq!(fields[7].select_options, PRIORITIES);
        assert_eq!(fields[8].default, json!(0));
    }

    #[test]
    fn stored_settings_make_the_client_settings() {
        let mut provider = Provider {
            id: 1,
            kind: domain::provider::ProviderKind::DownloadClient,
            name: "NZBGet".into(),
            implementation: "Nzbget".into(),
            config_contract: "NzbgetSettings".into(),
            settings: serde_json::Map::new(),
            options: serde_json::Map::new(),
            tags: Vec::new(),
        };
        let made = settings(&provider);
        assert_eq!(made.category, "Movies");
        assert_eq!(made.older_priority, NzbgetPriority::Normal);
        assert!(!made.add_paused);
        provider
            .settings
            .insert("movieCategory".into(), json!("radarr"));
        provider
            .settings
            .insert("recentMoviePriority".into(), json!(900));
        provider
            .settings
            .insert("olderMoviePriority".into(), json!("-50"));
        provider.settings.insert("addPaused".into(), json!(true));
        let made = settings(&provider);
        assert_eq!(made.category, "radarr");
        assert_eq!(made.recent_priority, NzbgetPriority::Force);
        assert_eq!(made.older_priority, NzbgetPriority::Low);
        assert!(made.add_paused);
        assert_eq!((KIND.build)(&provider).protocol(), Protocol::Usenet);
    }

    #[test]
    fn every_priority_offered_is_one_nzbget_takes() {
        for (value, _) in PRIORITIES {
            assert_eq!(
                NzbgetPriority::from_setting(i64::from(*value)).value(),
                *value
            );
        }
    }
}
