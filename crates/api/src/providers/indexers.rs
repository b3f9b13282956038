//! The indexers the server offers (Newznab, Torznab and HDBits), their switches,
//! and what a stored indexer becomes: a client to search, and the settings
//! the decision engine reads.

use std::sync::Arc;

use domain::decision::IndexerSettings as DecisionSettings;
use domain::provider::{Provider, ProviderKind};
use domain::release::IndexerFlags;
use indexers::hdbits::HdBitsIndexer;
use indexers::{
    ClientConfig, Implementation as Flavour, Indexer, IndexerDefinition, IndexerSettings,
    NewznabClient,
};
use serde_json::{Value, json};

use super::indexer_checks::{Tested, test, validate};
use super::resource::{render, template};
use super::{Implementation, ProviderKindApi, Switches};
use crate::error::ValidationFailure;
use crate::services::indexer_status::record;
use crate::state::AppState;

/// An indexer's switches, with Radarr's defaults.
pub const SWITCHES: Switches = Switches(&[
    ("enableRss", || json!(true)),
    ("enableAutomaticSearch", || json!(true)),
    ("enableInteractiveSearch", || json!(true)),
    ("priority", || json!(DEFAULT_PRIORITY)),
    ("downloadClientId", || json!(0)),
]);

/// Radarr's default indexer priority (1 is first, 50 last).
pub const DEFAULT_PRIORITY: i64 = 25;

/// The indexers offered.
pub fn catalog() -> Vec<Implementation> {
    Flavour::ALL
        .into_iter()
        .map(|flavour| Implementation {
            implementation: flavour.name(),
            implementation_name: flavour.name(),
            config_contract: flavour.config_contract(),
            info_link: match flavour {
                Flavour::Newznab => "https://wiki.servarr.com/radarr/supported#newznab",
                Flavour::Torznab => "https://wiki.servarr.com/radarr/supported#torznab",
                Flavour::HdBits => "https://wiki.servarr.com/radarr/supported#hdbits",
            },
            protocol: flavour.protocol(),
            fields: flavour.fields().cloned().collect(),
        })
        .collect()
}

/// What every implementation can do, as the resource says it.
fn capabilities(mut resource: Value) -> Value {
    if let Value::Object(map) = &mut resource {
        map.insert("supportsRss".into(), json!(true));
        map.insert("supportsSearch".into(), json!(true));
    }
    resource
}

/// Radarr's `IndexerResource` of a stored indexer, secrets masked.
pub fn resource(provider: &Provider) -> Value {
    match catalog()
        .iter()
        .find(|i| i.implementation == provider.implementation)
    {
        Some(implementation) => capabilities(render(provider, implementation)),
        None => {
            json!({"id": provider.id, "name": provider.name, "implementation": provider.implementation})
        }
    }
}

/// The `/indexer/schema` templates.
pub fn templates() -> Vec<Value> {
    catalog()
        .iter()
        .map(|i| capabilities(template(i, &SWITCHES)))
        .collect()
}

/// The indexers' kind on the API.
pub struct Indexers;

impl ProviderKindApi for Indexers {
    const KIND: ProviderKind = ProviderKind::Indexer;
    const ROUTE: &'static str = "indexer";
    const SWITCHES: Switches = SWITCHES;

    fn catalog() -> Vec<Implementation> {
        catalog()
    }

    fn resource(provider: &Provider) -> Value {
        resource(provider)
    }

    fn templates() -> Vec<Value> {
        templates()
    }

    fn enabled(provider: &Provider) -> bool {
        enabled(provider)
    }

    fn validate(provider: &Provider) -> Vec<ValidationFailure> {
        validate(provider)
    }

    /// Radarr's test; a stored indexer's outcome is recorded in its status.
    async fn test(state: &AppState, provider: &Provider) -> Vec<ValidationFailure> {
        let tested = test(provider, &ClientConfig::default()).await;
        if let Tested::Ran(result) = &tested
            && provider.id > 0
        {
            record(state, provider.id, result).await;
        }
        tested.failures()
    }
}

/// Whether RSS sync uses the indexer.
pub fn rss_enabled(provider: &Provider) -> bool {
    provider.flag("enableRss", true)
}

/// Whether automatic searches (a movie's search, missing and cutoff searches) use it.
pub fn automatic_search_enabled(provider: &Provider) -> bool {
    provider.flag("enableAutomaticSearch", true)
}

/// Whether interactive searches (`GET /release`) use it.
pub fn interactive_search_enabled(provider: &Provider) -> bool {
    provider.flag("enableInteractiveSearch", true)
}

/// Whether anything uses it: Radarr's `IndexerDefinition.Enable`.
pub fn enabled(provider: &Provider) -> bool {
    rss_enabled(provider)
        || automatic_search_enabled(provider)
        || interactive_search_enabled(provider)
}

/// Its priority, 1 (first) to 50 (last).
pub fn priority(provider: &Provider) -> i32 {
    i32::try_from(provider.number("priority", DEFAULT_PRIORITY)).unwrap_or(DEFAULT_PRIORITY as i32)
}

/// Its implementation, when it is one the server has.
pub fn flavour(provider: &Provider) -> Option<Flavour> {
    Flavour::from_name(&provider.implementation)
}

/// Its settings, read from the stored fields.
pub fn settings(provider: &Provider) -> IndexerSettings {
    IndexerSettings::from_fields(
        provider
            .settings
            .iter()
            .map(|(name, value)| (name.as_str(), value)),
        None,
    )
}

/// The definition a client is built from; none for an implementation the
/// server does not have.
pub fn definition(provider: &Provider) -> Option<IndexerDefinition> {
    Some(IndexerDefinition {
        id: provider.id,
        name: provider.name.clone(),
        priority: priority(provider),
        implementation: flavour(provider)?,
        settings: settings(provider),
    })
}

/// The client that searches a stored indexer; none when its implementation
/// is unknown or its settings cannot make a request (no usable URL).
pub fn client(provider: &Provider, config: &ClientConfig) -> Option<Arc<dyn Indexer>> {
    let definition = definition(provider)?;
    let built: indexers::Result<Arc<dyn Indexer>> = match definition.implementation {
        Flavour::HdBits => HdBitsIndexer::new(definition, config).map(|c| Arc::new(c) as _),
        _ => NewznabClient::new(definition, config.clone()).map(|c| Arc::new(c) as _),
    };
    match built {
        Ok(client) => Some(client),
        Err(error) => {
            tracing::warn!(indexer = %provider.name, %error, "indexer cannot be searched");
            None
        }
    }
}

/// What the decision engine reads of the indexer: a torrent indexer's
/// fewest seeders and required flags.
pub fn decision_settings(provider: &Provider) -> DecisionSettings {
    let torrent = flavour(provider).is_some_and(|f| f != Flavour::Newznab);
    let settings = settings(provider);
    DecisionSettings {
        id: provider.id,
        minimum_seeders: torrent.then_some(settings.minimum_seeders),
        required_flags: match torrent {
            true => settings
                .required_flags
                .iter()
                .filter_map(|flag| u32::try_from(*flag).ok())
                .map(IndexerFlags)
                .collect(),
            false => Vec::new(),
        },
    }
}

#[cfg(test)]
mod tests {
    use domain::provider::ProviderKind;
    use serde_json::Map;

    use super::*;

    fn stored(implementation: &str, settings: Value, options: Value) -> Provider {
        let object = |v: Value| v.as_object().cloned().unwrap_or_else(Map::new);
        Provider {
            id: 7,
            kind: ProviderKind::Indexer,
            name: "Tracker".into(),
            implementation: implementation.into(),
            config_contract: format!("{implementation}Settings"),
            settings: object(settings),
            options: object(options),
            tags: vec![],
        }
    }

    #[test]
    fn a_torznab_indexer_gives_the_engine_its_seeders_and_flags() {
        let torznab = stored(
            "Torznab",
            json!({"baseUrl": "http://tracker", "minimumSeeders": 3, "requiredFlags": [1, 8]}),
            json!({}),
        );
        assert_eq!(
            decision_settings(&torznab),
            DecisionSettings {
                id: 7,
                minimum_seeders: Some(3),
                required_flags: vec![IndexerFlags::FREELEECH, IndexerFlags::PTP_GOLDEN],
            }
        );
        let newznab = stored(
            "Newznab",
            json!({"baseUrl": "http://nzb", "requiredFlags": [1]}),
            json!({}),
        );
        assert_eq!(decision_settings(&newznab).minimum_seeders, None);
        assert!(decision_settings(&newznab).required_flags.is_empty());
    }

    #[test]
    fn a_client_is_built_only_from_usable_settings() {
        let config = ClientConfig::default();
        let indexer = stored(
            "Newznab",
            json!({"baseUrl": "http://nzb.example"}),
            json!({"priority": 10, "enableRss": false}),
        );
        let built = client(&indexer, &config).expect("a client");
        assert_eq!(built.definition().id, 7);
        assert_eq!(built.definition().priority, 10);
        assert_eq!(built.definition().name, "Tracker");
        assert!(!rss_enabled(&indexer));
        assert!(automatic_search_enabled(&indexer) && enabled(&indexer));
        assert!(client(&stored("Newznab", json!({}), json!({})), &config).is_none());
        assert!(
            client(
                &stored("Rarbg", json!({"baseUrl": "http://x"}), json!({})),
                &config
            )
            .is_none()
        );
        let hdbits = stored(
            "HDBits",
            json!({"username": "me", "apiKey": "key", "minimumSeeders": 5}),
            json!({}),
        );
        assert!(client(&hdbits, &config).is_some());
        assert_eq!(decision_settings(&hdbits).minimum_seeders, Some(5));
    }
}
