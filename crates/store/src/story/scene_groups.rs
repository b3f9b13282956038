//! The chapter on scene-group reputation: tracker releases kept across runs,
//! and group scores saved by the rule of complete and partial analyses.

use chrono::{DateTime, Duration, TimeZone, Utc};
use domain::provider::{Provider, ProviderKind};
use domain::quality::Quality;
use domain::reputation::{GroupRelease, GroupStats, Reputation};
use domain::scene_group::{SceneGroup, SceneGroupPage, SceneGroupSort, TrackerRelease};
use serde_json::Map;

use crate::Store;

fn provider(name: &str, kind: ProviderKind) -> Provider {
    Provider {
        id: 0,
        kind,
        name: name.into(),
        implementation: "HDBits".into(),
        config_contract: "HDBitsSettings".into(),
        settings: Map::new(),
        options: Map::new(),
        tags: vec![],
    }
}

/// Whole seconds: a time both backends keep exactly.
fn at(minutes: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 5, 1, 12, 0, 0)
        .single()
        .unwrap_or_default()
        + Duration::minutes(minutes)
}

fn tracker(indexer_id: i32, torrent_id: i64, group: &str) -> TrackerRelease {
    TrackerRelease {
        indexer_id,
        torrent_id,
        release: GroupRelease {
            group: group.into(),
            release_key: format!("{indexer_id}/{torrent_id}"),
            revision: 1,
            quality: Quality::BLURAY_1080P,
            seeders: 12,
            leechers: 3,
            completions: 5_000_000_000,
            internal: true,
            freeleech: false,
            size: 9_000_000_000,
            added: at(torrent_id),
            deleted: false,
        },
    }
}

/// Releases as read back, in one order whatever the backend's.
async fn releases(store: &dyn Store) -> Vec<GroupRelease> {
    let mut read = store.tracker_releases().await.expect("releases");
    read.sort_by(|a, b| a.release_key.cmp(&b.release_key));
    read
}

/// Releases are replaced by (indexer, torrent), skipped for an indexer that
/// is gone, marked deleted only when older runs of their own indexer missed
/// them, listed again when read again, and removed with their indexer.
pub async fn tracker_releases_follow_each_run(store: &dyn Store) {
    let first = store
        .add_provider(&provider("First", ProviderKind::Indexer))
        .await
        .expect("add");
    let second = store
        .add_provider(&provider("Second", ProviderKind::Indexer))
        .await
        .expect("add");
    let client = store
        .add_provider(&provider("Client", ProviderKind::DownloadClient))
        .await
        .expect("add");
    let (a, b) = (first.id, second.id);

    let mut batch: Vec<TrackerRelease> = (1..=3).map(|t| tracker(a, t, "CtrlHD")).collect();
    batch.push(tracker(b, 1, "FraMeSToR"));
    batch.push(tracker(999, 1, "Gone"));
    batch.push(tracker(client.id, 1, "NotAnIndexer"));
    store
        .save_tracker_releases(&batch, 1)
        .await
        .expect("a release of a missing indexer does not fail the batch");
    let mut kept: Vec<GroupRelease> = batch[..4].iter().map(|t| t.release.clone()).collect();
    kept.sort_by(|a, b| a.release_key.cmp(&b.release_key));
    assert_eq!(releases(store).await, kept);

    // Run 2 reads the first indexer again, all but torrent 3.
    let mut better = tracker(a, 1, "CtrlHD");
    better.release.seeders = 40;
    better.release.quality = Quality::REMUX_2160P;
    better.release.revision = 2;
    store
        // Read twice in one batch (a page boundary moved): the later counts.
        .save_tracker_releases(
            &[
                tracker(a, 1, "CtrlHD"),
                better.clone(),
                tracker(a, 2, "CtrlHD"),
            ],
            2,
        )
        .await
        .expect("save");
    assert_eq!(store.mark_unseen_deleted(a, 2).await.expect("mark"), 1);
    assert_eq!(
        store.mark_unseen_deleted(a, 2).await.expect("mark"),
        0,
        "counted once"
    );
    assert_eq!(
        store.mark_unseen_deleted(b, 1).await.expect("mark"),
        0,
        "not older than the run"
    );
    let read = releases(store).await;
    assert_eq!(read.len(), 4, "replaced, not added: {read:?}");
    assert!(read.contains(&better.release), "replaced whole: {read:?}");
    let deleted: Vec<&str> = read
        .iter()
        .filter(|r| r.deleted)
        .map(|r| r.release_key.as_str())
        .collect();
    let unseen = format!("{a}/3");
    assert_eq!(deleted, [unseen.as_str()], "only the first's, only run 1's");

    // Read again, it is listed again.
    store
        .save_tracker_releases(&[tracker(a, 3, "CtrlHD")], 3)
        .await
        .expect("save");
    assert!(releases(store).await.iter().all(|r| !r.deleted));

    // A full page of a tracker at once.
    let page: Vec<TrackerRelease> = (10..110).map(|t| tracker(b, t, "HiFi")).collect();
    store.save_tracker_releases(&page, 3).await.expect("save");
    assert_eq!(releases(store).await.len(), 104);
    assert_eq!(store.mark_unseen_deleted(b, 3).await.expect("mark"), 1);

    store
        .delete_providers(ProviderKind::Indexer, &[b])
        .await
        .expect("delete");
    assert_eq!(releases(store).await.len(), 3, "gone with their indexer");
}

/// A group's stored score, its parts in values both backends keep exactly.
fn group(name: &str, score: f64, sample_size: usize, updated: i64) -> SceneGroup {
    let stats = GroupStats {
        group: name.into(),
        releases: sample_size,
        average_seeders: 12.5,
        median_seeders: 10.0,
        total_completions: 1_234_567,
        median_completions: 800.25,
        internal_share: 0.75,
        freeleech_share: 0.125,
        qualities: vec![("Bluray-1080p".into(), sample_size)],
        sources: vec![("bluray".into(), sample_size)],
        size_variation: 0.0625,
        size_variation_by_quality: vec![("Bluray-1080p".into(), 0.0625)],
        replaced_share: 0.0,
        deleted_share: 0.03125,
        first_seen: at(-1000),
        last_seen: at(-10),
    };
    let reputation = Reputation {
        group: name.into(),
        score,
        raw_score: score + 2.5,
        popularity: 0.5,
        seeding: 0.25,
        internal: 0.75,
        consistency: 0.9375,
        reliability: 0.96875,
        sample_size,
    };
    SceneGroup::new(stats, reputation, at(updated))
}

fn names(groups: &[SceneGroup]) -> Vec<&str> {
    groups.iter().map(|g| g.name.as_str()).collect()
}

/// A partial analysis replaces a score only with one resting on as many
/// releases or more; a complete one replaces every score and drops the
/// groups it did not find. Names are one without case, parts read back whole.
pub async fn scene_groups_are_saved_by_the_completeness_rule(store: &dyn Store) {
    let ctrl = group("CtrlHD", 80.5, 100, 0);
    let hifi = group("HiFi", 60.25, 40, 0);
    store
        .save_scene_groups(&[ctrl.clone(), hifi.clone()], false)
        .await
        .expect("save");
    assert_eq!(
        store.scene_group("ctrlhd").await.expect("read"),
        Some(ctrl.clone()),
        "by name without case, every part kept"
    );
    assert_eq!(store.scene_group("nobody").await.expect("read"), None);

    let fewer = group("CTRLHD", 20.0, 99, 5);
    let as_many = group("HIFI", 70.5, 40, 5);
    store
        .save_scene_groups(&[fewer, as_many.clone()], false)
        .await
        .expect("save");
    assert_eq!(
        store.scene_group("CtrlHD").await.expect("read"),
        Some(ctrl.clone()),
        "a partial run's smaller sample does not overwrite"
    );
    assert_eq!(
        store.scene_group("hifi").await.expect("read"),
        Some(as_many.clone()),
        "one resting on as many releases does"
    );

    let smaller = group("ctrlhd", 30.0, 10, 9);
    let new = group("NTb", 55.0, 5, 9);
    store
        // The same group twice: the one resting on more releases counts.
        .save_scene_groups(
            &[smaller.clone(), new.clone(), group("CtrlHD", 35.0, 8, 9)],
            true,
        )
        .await
        .expect("save");
    assert_eq!(
        store.scene_group("CTRLHD").await.expect("read"),
        Some(smaller.clone()),
        "a complete run replaces whatever the sample"
    );
    assert_eq!(
        store.scene_group("HiFi").await.expect("read"),
        None,
        "and drops the groups it did not find"
    );
    let mut scores = store.scene_group_scores().await.expect("scores");
    scores.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(scores, vec![("NTb".into(), 55.0), ("ctrlhd".into(), 30.0)]);
}

/// Pages hold their share of the groups in the asked order, equal keys by
/// name, with the count of all; a page number or size below 1 counts as 1.
pub async fn scene_groups_are_paged_and_sorted(store: &dyn Store) {
    let groups = [
        group("beta", 70.0, 30, 3),
        group("Alpha", 70.0, 10, 1),
        group("delta", 40.0, 50, 4),
        group("Gamma", 90.0, 20, 2),
        group("epsilon", 55.5, 40, 0),
    ];
    store.save_scene_groups(&groups, true).await.expect("save");
    let page = |page, page_size, sort, ascending| SceneGroupPage {
        page,
        page_size,
        sort,
        ascending,
    };
    let read = |p: SceneGroupPage| async move { store.scene_groups(p).await.expect("page") };

    let (total, first) = read(page(1, 2, SceneGroupSort::Score, false)).await;
    assert_eq!(total, 5);
    assert_eq!(names(&first), ["Gamma", "Alpha"], "ties by name");
    let (_, second) = read(page(2, 2, SceneGroupSort::Score, false)).await;
    assert_eq!(names(&second), ["beta", "epsilon"]);
    let (_, last) = read(page(3, 2, SceneGroupSort::Score, false)).await;
    assert_eq!(names(&last), ["delta"]);
    let (total, beyond) = read(page(4, 2, SceneGroupSort::Score, false)).await;
    assert_eq!((total, beyond.len()), (5, 0));

    let (_, up) = read(page(1, 5, SceneGroupSort::Score, true)).await;
    assert_eq!(names(&up), ["delta", "epsilon", "Alpha", "beta", "Gamma"]);
    let (_, by_name) = read(page(1, 5, SceneGroupSort::Name, true)).await;
    assert_eq!(
        names(&by_name),
        ["Alpha", "beta", "delta", "epsilon", "Gamma"],
        "without case"
    );
    let (_, by_name) = read(page(1, 5, SceneGroupSort::Name, false)).await;
    assert_eq!(
        names(&by_name),
        ["Gamma", "epsilon", "delta", "beta", "Alpha"]
    );
    let (_, by_size) = read(page(1, 5, SceneGroupSort::SampleSize, false)).await;
    assert_eq!(
        names(&by_size),
        ["delta", "epsilon", "beta", "Gamma", "Alpha"]
    );
    let (_, by_date) = read(page(1, 5, SceneGroupSort::Updated, true)).await;
    assert_eq!(
        names(&by_date),
        ["epsilon", "Alpha", "Gamma", "beta", "delta"]
    );

    let (total, guarded) = read(page(0, 0, SceneGroupSort::Score, false)).await;
    assert_eq!((total, names(&guarded)), (5, vec!["Gamma"]));
}
