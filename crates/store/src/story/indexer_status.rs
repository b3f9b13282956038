//! The chapter on indexer back-off state.

use chrono::{DateTime, Duration, SubsecRound, Utc};
use domain::indexer_status::IndexerStatus;
use domain::provider::{Provider, ProviderKind};
use serde_json::Map;

use crate::Store;

fn indexer(name: &str) -> Provider {
    Provider {
        id: 0,
        kind: ProviderKind::Indexer,
        name: name.into(),
        implementation: "Newznab".into(),
        config_contract: "NewznabSettings".into(),
        settings: Map::new(),
        options: Map::new(),
        tags: vec![],
    }
}

/// A time both backends keep exactly (PostgreSQL keeps microseconds).
fn at(minutes: i64) -> DateTime<Utc> {
    (Utc::now() + Duration::minutes(minutes)).trunc_subsecs(3)
}

/// An indexer's status is kept, replaced (its last failure's message with
/// it), read back whole, refused for an indexer that does not exist, and
/// removed with its indexer.
pub async fn indexer_status_is_kept_per_indexer(store: &dyn Store) {
    let first = store.add_provider(&indexer("First")).await.expect("add");
    let second = store.add_provider(&indexer("Second")).await.expect("add");
    assert_eq!(store.indexer_status(first.id).await.expect("read"), None);

    let failing = IndexerStatus {
        provider_id: first.id,
        escalation_level: 1,
        initial_failure: Some(at(0)),
        most_recent_failure: Some(at(0)),
        disabled_till: Some(at(1)),
        last_failure: Some("the indexer refused the API key: Auth failed".into()),
    };
    store.save_indexer_status(&failing).await.expect("save");
    assert_eq!(
        store.indexer_status(first.id).await.expect("read"),
        Some(failing.clone()),
        "the message round-trips"
    );
    let worse = IndexerStatus {
        escalation_level: 2,
        most_recent_failure: Some(at(2)),
        disabled_till: Some(at(7)),
        last_failure: Some("the indexer answered HTTP 500: Überlastet".into()),
        ..failing.clone()
    };
    store.save_indexer_status(&worse).await.expect("replace");
    let healthy = IndexerStatus {
        provider_id: second.id,
        ..IndexerStatus::default()
    };
    store.save_indexer_status(&healthy).await.expect("save");
    assert_eq!(
        store.indexer_status(first.id).await.expect("read"),
        Some(worse.clone())
    );
    assert_eq!(
        store.indexer_statuses().await.expect("list"),
        vec![worse.clone(), healthy.clone()]
    );
    // Recovered: the message is cleared, not kept from before.
    let recovered = IndexerStatus {
        escalation_level: 0,
        disabled_till: None,
        last_failure: None,
        ..worse
    };
    store
        .save_indexer_status(&recovered)
        .await
        .expect("replace");
    assert_eq!(
        store.indexer_status(first.id).await.expect("read"),
        Some(recovered)
    );

    let client = store
        .add_provider(&Provider {
            kind: ProviderKind::DownloadClient,
            ..indexer("Client")
        })
        .await
        .expect("add");
    for missing in [999, client.id] {
        let refused = store
            .save_indexer_status(&IndexerStatus {
                provider_id: missing,
                ..IndexerStatus::default()
            })
            .await;
        assert!(
            refused.expect_err("no such indexer").is_not_found(),
            "{missing}"
        );
    }

    store
        .delete_providers(ProviderKind::Indexer, &[first.id])
        .await
        .expect("delete");
    assert_eq!(store.indexer_status(first.id).await.expect("read"), None);
    assert_eq!(store.indexer_statuses().await.expect("list"), vec![healthy]);
}
