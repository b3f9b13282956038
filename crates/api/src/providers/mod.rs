//! Providers over HTTP (indexers and download clients): each kind
//! offers implementations, each with its settings described as Radarr's
//! `fields`; a provider is stored with its settings by field name.

pub mod download_clients;
pub mod indexer_checks;
pub mod indexers;
pub mod resource;

use std::future::Future;

use domain::provider::{FieldSpec, Provider, ProviderKind};
use domain::release::Protocol;
use serde_json::{Map, Value};

use crate::error::ValidationFailure;
use crate::state::AppState;

/// An implementation a kind offers, e.g. `TorrentBlackhole`.
pub struct Implementation {
    /// Radarr's implementation name.
    pub implementation: &'static str,
    /// What the UI shows.
    pub implementation_name: &'static str,
    /// The settings type it reads.
    pub config_contract: &'static str,
    /// Radarr's wiki page for it.
    pub info_link: &'static str,
    /// What it downloads.
    pub protocol: Protocol,
    /// Its settings.
    pub fields: Vec<FieldSpec>,
}

/// A switch's name, and what makes its default.
pub type Switch = (&'static str, fn() -> Value);

/// The switches a kind's providers have beside their settings, with their
/// defaults, e.g. a download client's `enable` and `priority`.
pub struct Switches(pub &'static [Switch]);

impl Switches {
    /// The switches a body gives, each known one taken (in any case) or
    /// defaulted.
    pub fn read(&self, body: &Map<String, Value>) -> Map<String, Value> {
        self.0
            .iter()
            .map(|(name, default)| {
                let given = body
                    .iter()
                    .find(|(key, _)| key.eq_ignore_ascii_case(name))
                    .map(|(_, value)| value.clone())
                    .filter(|value| !value.is_null());
                (name.to_string(), given.unwrap_or_else(default))
            })
            .collect()
    }
}

/// What sets one kind of provider apart on the API; the routes are the
/// same for every kind (`routes::providers`).
pub trait ProviderKindApi: Send + Sync + 'static {
    /// The kind.
    const KIND: ProviderKind;
    /// Its route under `/api/v3`, e.g. `indexer`.
    const ROUTE: &'static str;
    /// Its switches beside the settings.
    const SWITCHES: Switches;
    /// The implementations offered.
    fn catalog() -> Vec<Implementation>;
    /// The resource of a stored provider, secrets masked.
    fn resource(provider: &Provider) -> Value;
    /// The `schema` templates.
    fn templates() -> Vec<Value>;
    /// Whether it is switched on; only enabled providers are tested.
    fn enabled(provider: &Provider) -> bool;
    /// What Radarr's validators refuse in its settings, without asking it.
    fn validate(provider: &Provider) -> Vec<ValidationFailure>;
    /// Radarr's test of the service itself; the failures, none when it passed.
    fn test(
        state: &AppState,
        provider: &Provider,
    ) -> impl Future<Output = Vec<ValidationFailure>> + Send;
}
