//! HDBits as one of the library's indexers: searched by the movie's IMDb
//! id, read for RSS, and tested as Radarr tests it (the newest releases).

use std::sync::Arc;

use async_trait::async_trait;
use domain::release::Release;
use secrecy::SecretString;

use super::{HdBits, HdBitsSettings};
use crate::caps::Capabilities;
use crate::client::ClientConfig;
use crate::error::Result;
use crate::search::MovieSearch;
use crate::{Found, Indexer, IndexerDefinition, IndexerSettings, TestReport};

impl From<&IndexerSettings> for HdBitsSettings {
    /// An HDBits indexer's stored settings; an empty base URL is hdbits.org.
    fn from(settings: &IndexerSettings) -> Self {
        HdBitsSettings {
            base_url: match settings.base_url.trim() {
                "" => super::DEFAULT_BASE_URL.to_string(),
                given => given.to_string(),
            },
            username: settings.username.clone(),
            passkey: SecretString::from(settings.api_key().unwrap_or_default().to_string()),
            categories: settings.categories.clone(),
            codecs: settings.codecs.clone(),
            mediums: settings.mediums.clone(),
        }
    }
}

/// An HDBits indexer.
pub struct HdBitsIndexer {
    definition: IndexerDefinition,
    api: HdBits,
    caps: Arc<Capabilities>,
}

impl HdBitsIndexer {
    /// The indexer `definition` (an `HDBits` one) describes.
    pub fn new(definition: IndexerDefinition, config: &ClientConfig) -> Result<HdBitsIndexer> {
        let api = HdBits::new(HdBitsSettings::from(&definition.settings), config.timeout)?;
        // HDBits searches by IMDb id alone; what it answers is one page.
        let caps = Capabilities {
            search_params: None,
            movie_search_params: Some(vec!["imdbid".into()]),
            ..Capabilities::default()
        };
        Ok(HdBitsIndexer {
            definition,
            api,
            caps: Arc::new(caps),
        })
    }

    fn found(&self, mut releases: Vec<Release>) -> Found {
        for release in &mut releases {
            release.indexer_id = self.definition.id;
            release.indexer = self.definition.name.clone();
            release.indexer_priority = self.definition.priority;
        }
        Found {
            releases,
            requests: 1,
            ..Found::default()
        }
    }
}

#[async_trait]
impl Indexer for HdBitsIndexer {
    fn definition(&self) -> &IndexerDefinition {
        &self.definition
    }

    async fn caps(&self) -> Result<Arc<Capabilities>> {
        Ok(self.caps.clone())
    }

    async fn search(&self, search: &MovieSearch) -> Result<Found> {
        let Some(imdb_id) = search.imdb_id.as_deref() else {
            return Ok(Found::default());
        };
        Ok(self.found(self.api.search(imdb_id).await?))
    }

    async fn rss(&self) -> Result<Found> {
        Ok(self.found(self.api.recent().await?))
    }

    /// The newest releases fetched: the account and the filters work. An
    /// empty answer passes (a narrow filter may have nothing new).
    async fn test(&self) -> Result<TestReport> {
        let found = self.api.recent().await?;
        Ok(TestReport {
            releases: found.len(),
            warnings: Vec::new(),
        })
    }
}
