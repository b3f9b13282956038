//! The indexers' clients, kept between searches so that each keeps its
//! capabilities (asked once a week) and its connections; a client is made
//! anew when its indexer's settings change.

use std::collections::HashMap;
use std::sync::Mutex;

use domain::provider::ProviderKind;
use indexers::ClientConfig;

use super::inputs::ActiveIndexer;
use crate::error::ApiResult;
use crate::providers::indexers::{client, enabled};
use crate::state::AppState;

/// Clients by indexer id, with the settings each was made from.
#[derive(Default)]
pub struct IndexerPool {
    clients: Mutex<HashMap<i32, ActiveIndexer>>,
}

impl IndexerPool {
    /// Every indexer with at least one of its switches on, with its client.
    /// An indexer whose settings cannot make a client is left out (its test
    /// says why).
    pub async fn active(&self, state: &AppState) -> ApiResult<Vec<ActiveIndexer>> {
        let providers = state.store.providers(ProviderKind::Indexer).await?;
        let mut clients = self
            .clients
            .lock()
            .map_err(|_| crate::error::ApiError::Internal("indexer pool poisoned".into()))?;
        clients.retain(|id, _| providers.iter().any(|p| p.id == *id));
        let mut active = Vec::new();
        for provider in providers.into_iter().filter(enabled) {
            let kept = clients.get(&provider.id).filter(|a| a.provider == provider);
            let indexer = match kept {
                Some(indexer) => indexer.clone(),
                None => {
                    let Some(client) = client(&provider, &ClientConfig::default()) else {
                        tracing::warn!(indexer = %provider.name, "indexer settings cannot make a client");
                        continue;
                    };
                    let indexer = ActiveIndexer { provider, client };
                    clients.insert(indexer.provider.id, indexer.clone());
                    indexer
                }
            };
            active.push(indexer);
        }
        Ok(active)
    }
}
