//! The chapter on collections.

use chrono::Utc;
use domain::collection::{Collection, CollectionPart};
use domain::movie::{Movie, MovieStatus};

use crate::Store;

use super::fixtures::seeded;

fn part(tmdb_id: i32, title: &str) -> CollectionPart {
    CollectionPart {
        tmdb_id,
        imdb_id: None,
        title: title.into(),
        clean_title: title.to_lowercase().replace(' ', ""),
        sort_title: title.to_lowercase(),
        status: MovieStatus::Released,
        overview: String::new(),
        runtime: 0,
        images: Vec::new(),
        year: 2003,
        ratings: Default::default(),
        genres: vec!["Action".into()],
    }
}

/// A collection is stored once per TMDB id, read back whole, and updated.
pub async fn collections_are_kept_once_and_updated(store: &dyn Store) {
    let mut lender = Movie::new(603, "The Matrix", 1999);
    lender.quality_profile_id = 4;
    lender.root_folder_path = "/movies".into();
    lender.tags = vec![1];
    let met = Collection::first_met(2344, "The Matrix Collection", &lender, false, Utc::now());
    let (stored, new) = store.add_collection(&met).await.expect("add");
    assert!(new);
    assert!(stored.id > 0);
    assert_eq!(stored.quality_profile_id, 4);
    assert_eq!(stored.tags, vec![1]);
    assert_eq!(stored.last_info_sync, None);
    let (again, new) = store.add_collection(&met).await.expect("add again");
    assert!(!new, "one collection per TMDB id");
    assert_eq!(again.id, stored.id);

    let mut synced = stored.clone();
    synced.overview = "Neo's story.".into();
    synced.parts = vec![part(603, "The Matrix"), part(604, "The Matrix Reloaded")];
    synced.monitored = true;
    synced.last_info_sync = Some(Utc::now());
    let updated = store.update_collection(&synced).await.expect("update");
    assert_eq!(updated.parts, synced.parts);
    assert!(updated.monitored);
    assert_eq!(updated.overview, "Neo's story.");
    assert_eq!(store.collection(stored.id).await.expect("read"), updated);

    let other = Collection::first_met(10, "Alien Collection", &lender, false, Utc::now());
    store.add_collection(&other).await.expect("add");
    let titles: Vec<String> = store
        .collections()
        .await
        .expect("list")
        .into_iter()
        .map(|c| c.title)
        .collect();
    assert_eq!(
        titles,
        ["Alien Collection", "The Matrix Collection"],
        "by sort title"
    );
    assert!(
        store
            .collection(999)
            .await
            .expect_err("none")
            .is_not_found()
    );
    let mut missing = synced.clone();
    missing.id = 999;
    assert!(
        store
            .update_collection(&missing)
            .await
            .expect_err("none")
            .is_not_found()
    );

    seeded(store).await;
    store
        .add_movie(&Movie {
            quality_profile_id: 1,
            path: "/movies/m".into(),
            ..lender.clone()
        })
        .await
        .expect("movie");
    assert_eq!(store.tmdb_ids().await.expect("ids"), vec![603]);
}
