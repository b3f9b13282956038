//! Chapters on root folders, tags, exclusions and profiles.

use domain::exclusion::ImportExclusion;
use domain::quality_profile::default_profiles;
use domain::tag::Tag;

use crate::{Conflict, Store};

use super::fixtures::{full_movie, is_conflict, seeded};

/// Root folders: unique paths, not-found on unknown ids.
pub async fn root_folders(store: &dyn Store) {
    let a = store.add_root_folder("/movies").await.expect("add");
    let b = store.add_root_folder("/films").await.expect("add");
    is_conflict(
        store.add_root_folder("/movies").await,
        Conflict::RootFolderExists {
            path: "/movies".into(),
        },
    );
    assert_eq!(
        store.root_folders().await.expect("list"),
        vec![a.clone(), b.clone()]
    );
    assert_eq!(store.root_folder(b.id).await.expect("read"), b);
    store.delete_root_folder(a.id).await.expect("delete");
    assert!(
        store
            .delete_root_folder(a.id)
            .await
            .expect_err("gone")
            .is_not_found()
    );
    assert!(
        store
            .root_folder(a.id)
            .await
            .expect_err("gone")
            .is_not_found()
    );
}

/// Tags: one per label, renames checked, a tag in use is kept.
pub async fn tags(store: &dyn Store) {
    seeded(store).await;
    let a = store.add_tag("1 - jane").await.expect("add");
    let again = store.add_tag("1 - jane").await.expect("add again");
    assert_eq!(again, a);
    let b = store.add_tag("4k").await.expect("add");
    assert_eq!(
        store.tags().await.expect("list"),
        vec![a.clone(), b.clone()]
    );
    is_conflict(
        store
            .update_tag(&Tag {
                id: b.id,
                label: a.label.clone(),
            })
            .await,
        Conflict::TagExists {
            label: a.label.clone(),
        },
    );
    let renamed = store
        .update_tag(&Tag {
            id: b.id,
            label: "uhd".into(),
        })
        .await
        .expect("rename");
    assert_eq!(store.tag(b.id).await.expect("read"), renamed);
    let mut movie = full_movie(603, "The Matrix", 1999);
    movie.tags = vec![a.id];
    let movie = store.add_movie(&movie).await.expect("add");
    assert_eq!(
        store.movie_ids_with_tag(a.id).await.expect("usage"),
        vec![movie.id]
    );
    assert!(
        store
            .movie_ids_with_tag(b.id)
            .await
            .expect("usage")
            .is_empty()
    );
    is_conflict(
        store.delete_tag(a.id).await,
        Conflict::TagInUse {
            label: a.label.clone(),
        },
    );
    store.delete_tag(b.id).await.expect("delete");
    assert!(store.tag(b.id).await.expect_err("gone").is_not_found());
    assert!(
        store
            .delete_tag(b.id)
            .await
            .expect_err("gone")
            .is_not_found()
    );
}

/// Exclusions: unique TMDB ids, bulk all or nothing.
pub async fn exclusions(store: &dyn Store) {
    let e = |tmdb_id| ImportExclusion {
        id: 0,
        tmdb_id,
        movie_title: format!("Movie {tmdb_id}"),
        movie_year: 2000,
    };
    let added = store.add_exclusions(&[e(1), e(2)]).await.expect("add");
    assert_eq!(added.len(), 2);
    is_conflict(
        store.add_exclusions(&[e(3), e(1)]).await,
        Conflict::ExclusionExists { tmdb_id: 1 },
    );
    assert_eq!(
        store.exclusions().await.expect("list").len(),
        2,
        "the failed bulk add stored nothing"
    );
    let mut first = added[0].clone();
    first.movie_title = "Renamed".into();
    store.update_exclusion(&first).await.expect("update");
    assert_eq!(store.exclusion(first.id).await.expect("read"), first);
    first.tmdb_id = 2;
    is_conflict(
        store.update_exclusion(&first).await,
        Conflict::ExclusionExists { tmdb_id: 2 },
    );
    store
        .delete_exclusions(&[added[0].id, 999])
        .await
        .expect("delete");
    assert_eq!(
        store.exclusions().await.expect("list"),
        vec![added[1].clone()]
    );
    assert!(
        store
            .exclusion(added[0].id)
            .await
            .expect_err("gone")
            .is_not_found()
    );
}

/// Profiles: unique names, a profile in use cannot be deleted.
pub async fn quality_profiles(store: &dyn Store) {
    seeded(store).await;
    let mut profile = default_profiles()[3].clone();
    profile.name = "Custom".into();
    profile.upgrade_allowed = true;
    profile.min_reputation_score = 40;
    let added = store.add_quality_profile(&profile).await.expect("add");
    assert_eq!(store.quality_profile(added.id).await.expect("read"), added);
    is_conflict(
        store.add_quality_profile(&profile).await,
        Conflict::ProfileNameExists {
            name: "Custom".into(),
        },
    );
    let mut changed = added.clone();
    changed.cutoff = 30;
    changed.min_format_score = 10;
    changed.min_reputation_score = 55;
    store
        .update_quality_profile(&changed)
        .await
        .expect("update");
    assert_eq!(
        store.quality_profile(added.id).await.expect("read"),
        changed
    );
    let mut movie = full_movie(603, "The Matrix", 1999);
    movie.quality_profile_id = added.id;
    let movie = store.add_movie(&movie).await.expect("add");
    is_conflict(
        store.delete_quality_profile(added.id).await,
        Conflict::ProfileInUse {
            name: "Custom".into(),
        },
    );
    store
        .delete_movies(&[movie.id], &[])
        .await
        .expect("delete movie");
    store
        .delete_quality_profile(added.id)
        .await
        .expect("delete");
    assert!(
        store
            .quality_profile(added.id)
            .await
            .expect_err("gone")
            .is_not_found()
    );
}

/// Settings kept whole by key are read back as written and replaced.
pub async fn config_text_is_kept_by_key(store: &dyn Store) {
    assert_eq!(store.config_text("naming").await.expect("read"), None);
    store
        .set_config_text("naming", r#"{"renameMovies":true}"#)
        .await
        .expect("set");
    store
        .set_config_text("naming", r#"{"renameMovies":false}"#)
        .await
        .expect("replace");
    assert_eq!(
        store.config_text("naming").await.expect("read").as_deref(),
        Some(r#"{"renameMovies":false}"#)
    );
    // The first value inserted stays; later ones get it back.
    assert_eq!(
        store
            .config_text_or_insert("secret", "\"a\"")
            .await
            .expect("insert"),
        "\"a\""
    );
    assert_eq!(
        store
            .config_text_or_insert("secret", "\"b\"")
            .await
            .expect("kept"),
        "\"a\""
    );
    assert_eq!(
        store
            .config_text_or_insert("naming", "{}")
            .await
            .expect("kept"),
        r#"{"renameMovies":false}"#
    );
}
