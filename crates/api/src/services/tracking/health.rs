//! Radarr's `DownloadClientCheck`: a client that did not answer the last
//! refresh is an error in `/health`, and a library with indexers but no
//! enabled download client a warning. The last refresh's failures are kept
//! in the store, so every instance on one database reports the same.

use std::collections::BTreeMap;

use domain::provider::ProviderKind;

use crate::error::ApiResult;
use crate::services::indexer_health::Problem;
use crate::services::push;
use crate::state::AppState;

const KEY: &str = "downloadClientFailures";
const WIKI: &str = "https://wiki.servarr.com/radarr/system#download-clients";

/// Keeps the last refresh's failures, by client id; when they differ from
/// the last kept, health has changed and listeners are told.
pub async fn record(state: &AppState, failures: &BTreeMap<i32, String>) -> ApiResult<()> {
    let text = serde_json::to_string(failures).unwrap_or_else(|_| "{}".into());
    let kept = state.store.config_text(KEY).await?;
    // Nothing kept yet reads as no failures.
    if kept.as_deref().unwrap_or("{}") == text {
        return Ok(());
    }
    state.store.set_config_text(KEY, &text).await?;
    push::health(state);
    Ok(())
}

/// The download client checks that fail.
pub async fn checks(state: &AppState) -> ApiResult<Vec<Problem>> {
    let clients = state.store.providers(ProviderKind::DownloadClient).await?;
    let enabled: Vec<_> = clients.iter().filter(|c| c.flag("enable", true)).collect();
    let mut problems = Vec::new();
    if enabled.is_empty() {
        if !state
            .store
            .providers(ProviderKind::Indexer)
            .await?
            .is_empty()
        {
            problems.push(Problem {
                source: "DownloadClientCheck",
                kind: "warning",
                message: "No download client is available".into(),
                wiki_url: WIKI,
            });
        }
        return Ok(problems);
    }
    let failures: BTreeMap<i32, String> = state
        .store
        .config_text(KEY)
        .await?
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default();
    for client in enabled {
        if let Some(reason) = failures.get(&client.id) {
            problems.push(Problem {
                source: "DownloadClientCheck",
                kind: "error",
                message: format!("Unable to communicate with {}. {reason}", client.name),
                wiki_url: WIKI,
            });
        }
    }
    Ok(problems)
}
