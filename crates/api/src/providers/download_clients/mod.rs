//! The download clients the server offers, and building one from its
//! stored settings to hand a release on, follow its downloads or test it.
//! Each implementation lives in its own file as a [`ClientKind`].

mod blackhole;
mod nzbget;
mod qbittorrent;
mod sabnzbd;
mod transmission;

use std::sync::Arc;

use domain::provider::{FieldSpec, Privacy, Provider, ProviderKind};
use downloaders::{Connection, DownloadClient, DownloadError};
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

/// One implementation: what the API shows of it, and how its stored
/// settings make a client.
pub struct ClientKind {
    /// Its resource template and fields.
    pub implementation: fn() -> Implementation,
    /// The client its settings describe.
    pub build: fn(&Provider) -> Arc<dyn DownloadClient>,
}

/// Every implementation offered, in the order the schema lists them.
const KINDS: &[ClientKind] = &[
    blackhole::TORRENT,
    blackhole::USENET,
    nzbget::KIND,
    qbittorrent::KIND,
    sabnzbd::KIND,
    transmission::KIND,
];

/// The download clients offered.
pub fn catalog() -> Vec<Implementation> {
    KINDS.iter().map(|kind| (kind.implementation)()).collect()
}

/// The client a stored provider describes.
pub fn client(provider: &Provider) -> Option<Arc<dyn DownloadClient>> {
    KINDS
        .iter()
        .find(|kind| (kind.implementation)().implementation == provider.implementation)
        .map(|kind| (kind.build)(provider))
}

/// The settings every client with a web API has, as Radarr names them:
/// host, port, useSsl, urlBase, username and password.
pub fn connection_fields(default_port: u16, default_url_base: &'static str) -> Vec<FieldSpec> {
    vec![
        FieldSpec {
            required: true,
            ..FieldSpec::plain("host", "Host", "textbox", json!("localhost"))
        },
        FieldSpec {
            required: true,
            ..FieldSpec::plain("port", "Port", "number", json!(default_port))
        },
        FieldSpec {
            help_text: Some(
                "Use a secure connection. See Options -> Web UI -> 'Use HTTPS instead of HTTP' in the client",
            ),
            ..FieldSpec::plain("useSsl", "Use SSL", "checkbox", json!(false))
        },
        FieldSpec {
            advanced: true,
            help_text: Some(
                "Adds a prefix to the client's url, such as http://[host]:[port]/[urlBase]/",
            ),
            ..FieldSpec::plain("urlBase", "Url Base", "textbox", json!(default_url_base))
        },
        FieldSpec {
            privacy: Privacy::UserName,
            ..FieldSpec::plain("username", "Username", "textbox", json!(""))
        },
        FieldSpec {
            privacy: Privacy::Password,
            ..FieldSpec::plain("password", "Password", "password", json!(""))
        },
    ]
}

/// A text setting, `default` when unset.
pub fn text(provider: &Provider, name: &str, default: &str) -> String {
    provider.setting_str(name).unwrap_or(default).to_string()
}

/// A number setting (sent as a number or as its text), `default` when unset.
pub fn number(provider: &Provider, name: &str, default: i64) -> i64 {
    match provider.settings.get(name) {
        Some(Value::Number(n)) => n.as_i64().unwrap_or(default),
        Some(Value::String(s)) => s.trim().parse().unwrap_or(default),
        _ => default,
    }
}

/// A checkbox setting, `default` when unset.
pub fn checkbox(provider: &Provider, name: &str, default: bool) -> bool {
    provider
        .settings
        .get(name)
        .and_then(Value::as_bool)
        .unwrap_or(default)
}

/// The connection settings of [`connection_fields`].
pub fn connection(provider: &Provider, default_port: u16, default_url_base: &str) -> Connection {
    Connection {
        host: text(provider, "host", "localhost"),
        port: u16::try_from(number(provider, "port", i64::from(default_port)))
            .unwrap_or(default_port),
        use_ssl: checkbox(provider, "useSsl", false),
        url_base: text(provider, "urlBase", default_url_base),
        username: text(provider, "username", ""),
        password: text(provider, "password", ""),
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
            DownloadError::Unreachable { .. } => "Host".to_string(),
            DownloadError::Auth(_) => "Username".to_string(),
            DownloadError::Setting { setting, .. } => pascal(setting),
            _ => String::new(),
        };
        vec![ValidationFailure::new(
            &property,
            error.to_string(),
            "PredicateValidator",
        )]
    }
}
