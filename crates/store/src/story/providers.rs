//! The chapter on providers.

use domain::provider::{Provider, ProviderKind};
use serde_json::json;

use crate::{Conflict, Store};

use super::fixtures::is_conflict;

fn newznab(name: &str) -> Provider {
    Provider {
        id: 0,
        kind: ProviderKind::Indexer,
        name: name.into(),
        implementation: "Newznab".into(),
        config_contract: "NewznabSettings".into(),
        settings:
            json!({"baseUrl": "http://indexer", "apiKey": "secret", "categories": [2000, 2040]})
                .as_object()
                .cloned()
                .unwrap_or_default(),
        options: json!({"enableRss": true, "priority": 25})
            .as_object()
            .cloned()
            .unwrap_or_default(),
        tags: vec![1],
    }
}

/// Providers are kept by kind, with unique names per kind, and read back whole.
pub async fn providers_are_kept_by_kind(store: &dyn Store) {
    let indexer = store
        .add_provider(&newznab("Indexer (Prowlarr)"))
        .await
        .expect("add");
    assert!(indexer.id > 0);
    assert_eq!(indexer.settings["categories"], json!([2000, 2040]));
    is_conflict(
        store.add_provider(&newznab("Indexer (Prowlarr)")).await,
        Conflict::ProviderNameExists {
            name: "Indexer (Prowlarr)".into(),
        },
    );
    let client = store
        .add_provider(&Provider {
            kind: ProviderKind::DownloadClient,
            implementation: "TorrentBlackhole".into(),
            ..newznab("Indexer (Prowlarr)")
        })
        .await
        .expect("the same name for another kind");
    assert_eq!(
        store.providers(ProviderKind::Indexer).await.expect("list"),
        vec![indexer.clone()]
    );
    assert_eq!(
        store
            .providers(ProviderKind::DownloadClient)
            .await
            .expect("list"),
        vec![client.clone()]
    );
    assert!(
        store
            .provider(ProviderKind::DownloadClient, indexer.id)
            .await
            .expect_err("another kind")
            .is_not_found()
    );

    let mut changed = indexer.clone();
    changed.options.insert("priority".into(), json!(10));
    changed.settings.insert("apiKey".into(), json!("new"));
    let saved = store.update_provider(&changed).await.expect("update");
    assert_eq!(saved, changed);
    assert_eq!(
        store
            .provider(ProviderKind::Indexer, indexer.id)
            .await
            .expect("read"),
        changed
    );

    store
        .delete_providers(ProviderKind::Indexer, &[indexer.id, 999])
        .await
        .expect("delete");
    assert!(
        store
            .providers(ProviderKind::Indexer)
            .await
            .expect("list")
            .is_empty()
    );
    assert_eq!(
        store
            .providers(ProviderKind::DownloadClient)
            .await
            .expect("list")
            .len(),
        1
    );
    assert!(
        store
            .update_provider(&changed)
            .await
            .expect_err("gone")
            .is_not_found()
    );
}
