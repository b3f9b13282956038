//! Radarr's indexer health checks: `IndexerRssCheck`, `IndexerSearchCheck`
//! and `IndexerStatusCheck`, in Radarr's words. They speak only once an
//! indexer is set up, so a new library's health stays empty.
//! `IndexerStatusCheck` also says why: each failing indexer with its last
//! failure, which Radarr leaves to its logs.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use domain::provider::{Provider, ProviderKind};
use store::Store;

use crate::providers::indexers::{
    automatic_search_enabled, enabled, interactive_search_enabled, rss_enabled,
};
use crate::services::indexer_status::disabled;

/// One failing check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The check's name, e.g. `IndexerStatusCheck`.
    pub source: &'static str,
    /// `warning` or `error`.
    pub kind: &'static str,
    /// What is wrong.
    pub message: String,
    /// The wiki section about it.
    pub wiki_url: &'static str,
}

fn problem(
    source: &'static str,
    kind: &'static str,
    message: &str,
    anchor: &'static str,
) -> Problem {
    Problem {
        source,
        kind,
        message: message.to_string(),
        wiki_url: anchor,
    }
}

/// The indexer checks that fail at `now`.
pub async fn checks(store: &dyn Store, now: DateTime<Utc>) -> store::Result<Vec<Problem>> {
    let indexers = store.providers(ProviderKind::Indexer).await?;
    if indexers.is_empty() {
        return Ok(Vec::new());
    }
    // Each indexer left alone, with what its last failure said.
    let blocked: HashMap<i32, Option<String>> = disabled(store, now)
        .await?
        .into_iter()
        .map(|s| (s.provider_id, s.last_failure))
        .collect();
    let is_blocked = |p: &Provider| blocked.contains_key(&p.id);
    let mut problems = Vec::new();

    let rss: Vec<&Provider> = indexers.iter().filter(|p| rss_enabled(p)).collect();
    if rss.is_empty() {
        problems.push(problem(
            "IndexerRssCheck",
            "error",
            "No indexers available with RSS sync enabled, Radarr will not grab new releases automatically",
            "https://wiki.servarr.com/radarr/system#no-indexers-available-with-rss-sync-enabled-radarr-will-not-grab-new-releases-automatically",
        ));
    } else if rss.iter().all(|p| is_blocked(p)) {
        problems.push(problem(
            "IndexerRssCheck",
            "warning",
            "All rss-capable indexers are temporarily unavailable due to recent indexer errors",
            "https://wiki.servarr.com/radarr/system#indexers-are-unavailable-due-to-failures",
        ));
    }

    let automatic: Vec<&Provider> = indexers
        .iter()
        .filter(|p| automatic_search_enabled(p))
        .collect();
    if automatic.is_empty() {
        problems.push(problem(
            "IndexerSearchCheck",
            "warning",
            "No indexers available with Automatic Search enabled, Radarr will not provide any automatic search results",
            "https://wiki.servarr.com/radarr/system#no-indexers-available-with-automatic-search-enabled-radarr-will-not-provide-any-automatic-search-results",
        ));
    } else if !indexers.iter().any(interactive_search_enabled) {
        problems.push(problem(
            "IndexerSearchCheck",
            "warning",
            "No indexers available with Interactive Search enabled, Radarr will not provide any interactive search results",
            "https://wiki.servarr.com/radarr/system#no-indexers-available-with-interactive-search-enabled",
        ));
    } else if automatic.iter().all(|p| is_blocked(p)) {
        problems.push(problem(
            "IndexerSearchCheck",
            "warning",
            "All search-capable indexers are temporarily unavailable due to recent indexer errors",
            "https://wiki.servarr.com/radarr/system#indexers-are-unavailable-due-to-failures",
        ));
    }

    let active: Vec<&Provider> = indexers.iter().filter(|p| enabled(p)).collect();
    let failing: Vec<String> = active
        .iter()
        .filter_map(|p| {
            blocked
                .get(&p.id)
                .map(|why| failing_indexer(p, why.as_deref()))
        })
        .collect();
    if !failing.is_empty() {
        let anchor =
            "https://wiki.servarr.com/radarr/system#indexers-are-unavailable-due-to-failures";
        let reasons = failing.join(", ");
        problems.push(if failing.len() == active.len() {
            problem(
                "IndexerStatusCheck",
                "error",
                &format!("All indexers are unavailable due to failures: {reasons}"),
                anchor,
            )
        } else {
            problem(
                "IndexerStatusCheck",
                "warning",
                &format!("Indexers unavailable due to failures: {reasons}"),
                anchor,
            )
        });
    }
    Ok(problems)
}

/// A failing indexer as health names it: `HDBits (why)`, or the name alone
/// when no failure message was kept (a status saved before messages were).
fn failing_indexer(indexer: &Provider, last_failure: Option<&str>) -> String {
    match last_failure.map(str::trim).filter(|m| !m.is_empty()) {
        Some(why) => format!("{} ({why})", indexer.name),
        None => indexer.name.clone(),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::Map;

    use super::*;

    fn named(name: &str) -> Provider {
        Provider {
            id: 1,
            kind: ProviderKind::Indexer,
            name: name.into(),
            implementation: "HDBits".into(),
            config_contract: "HDBitsSettings".into(),
            settings: Map::new(),
            options: Map::new(),
            tags: vec![],
        }
    }

    #[test]
    fn a_failing_indexer_is_named_with_its_reason_or_alone() {
        let hdbits = named("HDBits");
        assert_eq!(
            failing_indexer(
                &hdbits,
                Some("the indexer refused the API key: Auth failed")
            ),
            "HDBits (the indexer refused the API key: Auth failed)"
        );
        assert_eq!(failing_indexer(&hdbits, None), "HDBits");
        assert_eq!(failing_indexer(&hdbits, Some("  ")), "HDBits");
    }
}
