//! The chapter on release profiles, delay profiles and indexer settings.

use domain::decision::delay_profile::for_tags;
use domain::decision::{DelayProfile, IndexerConfig, ProperDownloadTypes, ReleaseProfile};
use domain::release::Protocol;

use crate::{Conflict, Store};

use super::fixtures::is_conflict;

/// Release profiles are kept whole, changed and removed by id; a tag one
/// carries cannot be deleted.
pub async fn release_profiles_are_kept(store: &dyn Store) {
    let tag = store.add_tag("hdr").await.expect("tag");
    let profile = ReleaseProfile {
        id: 0,
        name: "No HC subs".into(),
        enabled: true,
        required: vec!["x265".into()],
        ignored: vec!["HC".into(), "/\\bKORSUB\\b/i".into()],
        indexer_id: 3,
        tags: vec![tag.id],
    };
    let added = store.add_release_profile(&profile).await.expect("add");
    is_conflict(
        store.delete_tag(tag.id).await,
        Conflict::TagInUse {
            label: "hdr".into(),
        },
    );
    assert!(added.id > 0);
    assert_eq!(
        added,
        ReleaseProfile {
            id: added.id,
            ..profile.clone()
        }
    );
    let mut changed = added.clone();
    changed.enabled = false;
    changed.required.clear();
    assert_eq!(
        store
            .update_release_profile(&changed)
            .await
            .expect("update"),
        changed
    );
    assert_eq!(
        store.release_profiles().await.expect("list"),
        vec![changed.clone()]
    );
    store
        .delete_release_profile(added.id)
        .await
        .expect("delete");
    assert!(store.release_profiles().await.expect("list").is_empty());
    for missing in [
        store.release_profile(added.id).await.map(|_| ()),
        store.update_release_profile(&changed).await.map(|_| ()),
        store.delete_release_profile(added.id).await,
    ] {
        assert!(missing.expect_err("gone").is_not_found());
    }
}

fn tagged(tags: &[i32], delay: i32) -> DelayProfile {
    DelayProfile {
        id: 0,
        preferred_protocol: Protocol::Torrent,
        usenet_delay: delay,
        torrent_delay: delay * 2,
        bypass_if_above_custom_format_score: true,
        minimum_custom_format_score: 100,
        order: 0,
        tags: tags.to_vec(),
        ..DelayProfile::default()
    }
}

fn orders(profiles: &[DelayProfile]) -> Vec<(i32, i32)> {
    profiles.iter().map(|p| (p.id, p.order)).collect()
}

/// The default delay profile is there from the start and stays last; new
/// ones go before it, and removing one numbers the rest again. A tag one
/// carries cannot be deleted.
pub async fn delay_profiles_keep_their_order(store: &dyn Store) {
    let tag = store.add_tag("anime").await.expect("tag");
    assert_eq!(
        store.delay_profiles().await.expect("list"),
        vec![DelayProfile::default()]
    );
    // Tags 101..103 are ids no stored tag has, so only `tag` is in use.
    let first = store
        .add_delay_profile(&tagged(&[101], 10))
        .await
        .expect("add");
    let second = store
        .add_delay_profile(&tagged(&[102], 20))
        .await
        .expect("add");
    let third = store
        .add_delay_profile(&tagged(&[103], 30))
        .await
        .expect("add");
    let mut tagged_with = third.clone();
    tagged_with.tags = vec![tag.id];
    store
        .update_delay_profile(&tagged_with)
        .await
        .expect("tag it");
    is_conflict(
        store.delete_tag(tag.id).await,
        Conflict::TagInUse {
            label: "anime".into(),
        },
    );
    store.update_delay_profile(&third).await.expect("untag it");
    store.delete_tag(tag.id).await.expect("no longer in use");
    assert_eq!(
        DelayProfile {
            id: 0,
            order: 0,
            ..first.clone()
        },
        tagged(&[101], 10)
    );
    let max = i32::MAX;
    let all = store.delay_profiles().await.expect("list");
    assert_eq!(
        orders(&all),
        [(first.id, 1), (second.id, 2), (third.id, 3), (1, max)]
    );
    assert_eq!(for_tags(&all, &[103, 102]).id, second.id);

    let mut changed = second.clone();
    changed.usenet_delay = 99;
    changed.order = 50;
    let saved = store.update_delay_profile(&changed).await.expect("update");
    assert_eq!((saved.usenet_delay, saved.order), (99, 2), "order is kept");

    store
        .set_delay_profile_orders(&[(third.id, 1), (first.id, 2), (second.id, 3)])
        .await
        .expect("reorder");
    store.delete_delay_profile(first.id).await.expect("delete");
    let all = store.delay_profiles().await.expect("list");
    assert_eq!(orders(&all), [(third.id, 1), (second.id, 2), (1, max)]);
    assert!(
        store
            .delete_delay_profile(first.id)
            .await
            .expect_err("gone")
            .is_not_found()
    );
    assert!(
        store
            .delay_profile(first.id)
            .await
            .expect_err("gone")
            .is_not_found()
    );
}

/// Indexer settings start at Radarr's defaults and are saved whole.
pub async fn indexer_config_is_saved(store: &dyn Store) {
    assert_eq!(
        store.indexer_config().await.expect("defaults"),
        IndexerConfig::default()
    );
    let config = IndexerConfig {
        minimum_age: 15,
        retention: 3000,
        maximum_size: 40_000,
        rss_sync_interval: 0,
        availability_delay: -2,
        prefer_indexer_flags: true,
        allow_hardcoded_subs: true,
        whitelisted_hardcoded_subs: "KORSUB".into(),
        download_propers_and_repacks: ProperDownloadTypes::DoNotUpgrade,
    };
    assert_eq!(
        store.update_indexer_config(&config).await.expect("save"),
        config
    );
    let again = IndexerConfig {
        retention: 0,
        ..config
    };
    store
        .update_indexer_config(&again)
        .await
        .expect("save again");
    assert_eq!(store.indexer_config().await.expect("read"), again);
}
