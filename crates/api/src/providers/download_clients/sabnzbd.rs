//! Radarr's SABnzbd download client: its settings, and the client they make.

use std::sync::Arc;

use domain::provider::{FieldSpec, Privacy, Provider};
use domain::release::Protocol;
use downloaders::{DownloadClient, Sabnzbd, SabnzbdPriority, SabnzbdSettings};
use serde_json::json;

use super::{ClientKind, connection, connection_fields, number, text};
use crate::providers::Implementation;

/// SABnzbd's web port.
const PORT: u16 = 8080;

/// Radarr's default category.
const CATEGORY: &str = "movies";

/// Radarr's `SabnzbdPriority` choices; Default leaves the category's.
const PRIORITIES: &[(i32, &str)] = &[
    (-100, "Default"),
    (-2, "Paused"),
    (-1, "Low"),
    (0, "Normal"),
    (1, "High"),
    (2, "Force"),
];

fn priority(name: &'static str, label: &'static str, help: &'static str) -> FieldSpec {
    FieldSpec {
        help_text: Some(help),
        select_options: PRIORITIES,
        ..FieldSpec::plain(name, label, "select", json!(-100))
    }
}

fn fields() -> Vec<FieldSpec> {
    let mut fields = connection_fields(PORT, "");
    // Radarr words the shared help for SABnzbd.
    for field in &mut fields {
        match field.name {
            "useSsl" => field.help_text = Some("Use secure connection when connecting to Sabnzbd"),
            "urlBase" => {
                field.help_text = Some(
                    "Adds a prefix to the Sabnzbd url, such as http://[host]:[port]/[urlBase]/api",
                );
            }
            _ => {}
        }
    }
    // The API key comes before the login, which stands in for it.
    let at = fields
        .iter()
        .position(|f| f.name == "username")
        .unwrap_or(fields.len());
    fields.insert(
        at,
        FieldSpec {
            privacy: Privacy::ApiKey,
            ..FieldSpec::plain("apiKey", "API Key", "textbox", json!(""))
        },
    );
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
    ]);
    fields
}

/// The client settings a stored provider's settings make.
fn settings(provider: &Provider) -> SabnzbdSettings {
    let priority = |name| SabnzbdPriority::from_setting(number(provider, name, -100));
    SabnzbdSettings {
        api_key: text(provider, "apiKey", ""),
        category: text(provider, "movieCategory", CATEGORY),
        recent_priority: priority("recentMoviePriority"),
        older_priority: priority("olderMoviePriority"),
    }
}

/// Radarr's SABnzbd.
pub const KIND: ClientKind = ClientKind {
    implementation: || Implementation {
        implementation: "Sabnzbd",
        implementation_name: "SABnzbd",
        config_contract: "SabnzbdSettings",
        info_link: "https://wiki.servarr.com/radarr/supported#sabnzbd",
        protocol: Protocol::Usenet,
        fields: fields(),
    },
    build: |provider: &Provider| -> Arc<dyn DownloadClient> {
        Arc::new(Sabnzbd::new(
            connection(provider, PORT, ""),
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
                "apiKey",
                "username",
                "password",
                "movieCategory",
                "recentMoviePriority",
                "olderMoviePriority",
            ]
        );
        assert_eq!(fields[1].default, json!(8080));
        assert_eq!(fields[4].privacy, Privacy::ApiKey);
        assert_eq!(fields[7].default, json!("movies"));
        assert_eq!(fields[8].select_options, PRIORITIES);
        assert_eq!(fields[9].default, json!(-100));
    }

    #[test]
    fn stored_settings_make_the_client_settings() {
        let mut provider = Provider {
            id: 1,
            kind: domain::provider::ProviderKind::DownloadClient,
            name: "SABnzbd".into(),
            implementation: "Sabnzbd".into(),
            config_contract: "SabnzbdSettings".into(),
            settings: serde_json::Map::new(),
            options: serde_json::Map::new(),
            tags: Vec::new(),
        };
        let made = settings(&provider);
        assert_eq!(
            (made.api_key.as_str(), made.category.as_str()),
            ("", "movies")
        );
        assert_eq!(made.recent_priority, SabnzbdPriority::Default);
        provider.settings.insert("apiKey".into(), json!("k3y"));
        provider
            .settings
            .insert("movieCategory".into(), json!("films"));
        provider
            .settings
            .insert("recentMoviePriority".into(), json!(2));
        provider
            .settings
            .insert("olderMoviePriority".into(), json!("-2"));
        let made = settings(&provider);
        assert_eq!(
            (made.api_key.as_str(), made.category.as_str()),
            ("k3y", "films")
        );
        assert_eq!(made.recent_priority, SabnzbdPriority::Force);
        assert_eq!(made.older_priority, SabnzbdPriority::Paused);
        assert_eq!((KIND.build)(&provider).protocol(), Protocol::Usenet);
    }

    #[test]
    fn every_priority_offered_is_one_sabnzbd_takes() {
        for (value, _) in PRIORITIES {
            assert_eq!(
                SabnzbdPriority::from_setting(i64::from(*value)).value(),
                *value
            );
        }
    }
}
