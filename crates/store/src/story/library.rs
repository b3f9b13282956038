//! Chapters on movies and their files.

use chrono::{TimeZone, Utc};
use domain::exclusion::ImportExclusion;
use domain::movie::{MetadataDoc, Movie, MovieOutline, MovieStatus};
use domain::movie_file::{MediaInfo, MovieFile};
use domain::quality::{Quality, QualityModel};
use domain::quality_definition::default_definitions;
use domain::quality_profile::default_profiles;
use futures::StreamExt;

use crate::{Conflict, Store, StoreError};

use super::fixtures::{full_movie, is_conflict, movie_file, seeded};

/// Defaults are stored once with their ids, however often start-up seeds them.
pub async fn seeding_defaults_is_idempotent(store: &dyn Store) {
    seeded(store).await;
    seeded(store).await;
    let profiles = store.quality_profiles().await.expect("profiles");
    assert_eq!(profiles, default_profiles());
    let definitions = store.quality_definitions().await.expect("definitions");
    assert_eq!(definitions, default_definitions());
    // A profile added later gets the next id, not one of the seeded ones.
    let mut extra = default_profiles()[0].clone();
    extra.name = "Extra".into();
    let added = store.add_quality_profile(&extra).await.expect("add");
    assert_eq!(added.id, 7);
}

/// What is stored is what is read back, by id, by TMDB id and in the list.
pub async fn movie_round_trip(store: &dyn Store) {
    seeded(store).await;
    let movie = full_movie(603, "The Matrix", 1999);
    let added = store.add_movie(&movie).await.expect("add");
    assert!(added.id > 0);
    let read = store.movie(added.id).await.expect("read");
    assert_eq!(
        read,
        Movie {
            id: added.id,
            ..movie.clone()
        }
    );
    assert_eq!(read.metadata.parse().expect("metadata").runtime, 136);
    let by_tmdb = store.movie_by_tmdb_id(603).await.expect("by tmdb");
    assert_eq!(by_tmdb.map(|m| m.id), Some(added.id));
    assert!(
        store
            .movie_by_tmdb_id(604)
            .await
            .expect("by tmdb")
            .is_none()
    );
    assert_eq!(store.movies().await.expect("list"), vec![read]);
    assert_eq!(
        store.movie_paths().await.expect("paths"),
        vec![movie.path.clone()]
    );
    assert!(matches!(
        store.movie(added.id + 1).await,
        Err(StoreError::NotFound {
            entity: "Movie",
            ..
        })
    ));
    let other = store
        .add_movie(&full_movie(604, "The Matrix Reloaded", 2003))
        .await
        .expect("add");
    let by_ids = store
        .movies_by_ids(&[other.id, added.id, 999])
        .await
        .expect("by ids");
    assert_eq!(
        by_ids.iter().map(|m| m.id).collect::<Vec<_>>(),
        vec![added.id, other.id]
    );
}

/// The streamed list holds every movie once, in id order.
pub async fn full_list_streams_every_movie(store: &dyn Store) {
    seeded(store).await;
    let movies: Vec<Movie> = (1..=150)
        .map(|n| full_movie(n, &format!("Movie {n}"), 2000))
        .collect();
    store.add_movies(&movies).await.expect("add");
    let streamed: Vec<Movie> = store
        .stream_movies()
        .map(|m| m.expect("row"))
        .collect()
        .await;
    assert_eq!(streamed.len(), 150);
    assert!(streamed.windows(2).all(|w| w[0].id < w[1].id));
    assert_eq!(streamed, store.movies().await.expect("list"));
}

/// A TMDB id is in the library at most once.
pub async fn duplicate_tmdb_id_is_a_conflict(store: &dyn Store) {
    seeded(store).await;
    store
        .add_movie(&full_movie(603, "The Matrix", 1999))
        .await
        .expect("add");
    is_conflict(
        store.add_movie(&full_movie(603, "Again", 1999)).await,
        Conflict::MovieExists { tmdb_id: 603 },
    );
    assert_eq!(store.movies().await.expect("list").len(), 1);
}

/// A movie cannot name a quality profile that does not exist.
pub async fn unknown_profile_is_a_conflict(store: &dyn Store) {
    seeded(store).await;
    let mut movie = full_movie(603, "The Matrix", 1999);
    movie.quality_profile_id = 99;
    is_conflict(
        store.add_movie(&movie).await,
        Conflict::UnknownProfile { id: 99 },
    );
}

/// Every field an update changes is saved; a missing movie is not found.
pub async fn update_saves_fields(store: &dyn Store) {
    seeded(store).await;
    let mut movie = store
        .add_movie(&full_movie(603, "The Matrix", 1999))
        .await
        .expect("add");
    movie.monitored = false;
    movie.quality_profile_id = 4;
    movie.minimum_availability = MovieStatus::InCinemas;
    movie.tags = vec![3, 5];
    movie.path = "/other/The Matrix (1999)".into();
    movie.last_search_time = Utc.with_ymd_and_hms(2024, 2, 1, 10, 0, 0).single();
    store.update_movie(&movie).await.expect("update");
    assert_eq!(store.movie(movie.id).await.expect("read"), movie);
    let missing = Movie {
        id: movie.id + 10,
        ..movie.clone()
    };
    assert!(
        store
            .update_movie(&missing)
            .await
            .expect_err("missing")
            .is_not_found()
    );
    let mut second = store
        .add_movie(&full_movie(604, "Reloaded", 2003))
        .await
        .expect("add");
    second.tmdb_id = 603;
    is_conflict(
        store.update_movies(&[movie.clone(), second]).await,
        Conflict::MovieExists { tmdb_id: 603 },
    );
}

/// A movie's outline is what its full read says of it.
pub async fn outlines_match_the_movies(store: &dyn Store) {
    seeded(store).await;
    let movie = store
        .add_movie(&full_movie(603, "The Matrix", 1999))
        .await
        .expect("add");
    store
        .add_movie_file(&movie_file(&movie))
        .await
        .expect("file");
    store
        .add_movie(&full_movie(604, "Reloaded", 2003))
        .await
        .expect("add");
    let full = store.movies().await.expect("list");
    let expected: Vec<MovieOutline> = full.iter().map(MovieOutline::of).collect();
    assert_eq!(store.movie_outlines().await.expect("outlines"), expected);
    assert!(expected[0].file_quality.is_some() && expected[1].file_quality.is_none());
}

/// Recording a search time changes that alone, and counts as a change.
pub async fn search_time_is_recorded_alone(store: &dyn Store) {
    seeded(store).await;
    let movie = store
        .add_movie(&full_movie(603, "The Matrix", 1999))
        .await
        .expect("add");
    let other = store
        .add_movie(&full_movie(604, "Reloaded", 2003))
        .await
        .expect("add");
    let before = store.library_revision().await.expect("revision");
    let at = Utc
        .with_ymd_and_hms(2024, 3, 1, 8, 30, 0)
        .single()
        .expect("a date");
    store
        .set_last_search_time(&[movie.id], at)
        .await
        .expect("searched");
    let expected = Movie {
        last_search_time: Some(at),
        ..movie.clone()
    };
    assert_eq!(store.movie(movie.id).await.expect("read"), expected);
    assert_eq!(store.movie(other.id).await.expect("read"), other);
    assert_ne!(store.library_revision().await.expect("revision"), before);
}

/// A bulk add that fails part way stores nothing.
pub async fn bulk_add_is_all_or_nothing(store: &dyn Store) {
    seeded(store).await;
    let movies = vec![
        full_movie(1, "One", 2001),
        full_movie(2, "Two", 2002),
        full_movie(1, "One again", 2001),
    ];
    is_conflict(
        store.add_movies(&movies).await,
        Conflict::MovieExists { tmdb_id: 1 },
    );
    assert!(store.movies().await.expect("list").is_empty());
    let added = store.add_movies(&movies[..2]).await.expect("add");
    assert_eq!(added.len(), 2);
}

/// Deleting movies removes them and their files and records exclusions, once.
pub async fn delete_removes_movies_and_adds_exclusions(store: &dyn Store) {
    seeded(store).await;
    let a = store
        .add_movie(&full_movie(603, "The Matrix", 1999))
        .await
        .expect("add");
    let b = store
        .add_movie(&full_movie(604, "Reloaded", 2003))
        .await
        .expect("add");
    store.add_movie_file(&movie_file(&a)).await.expect("file");
    let exclusion = ImportExclusion {
        id: 0,
        tmdb_id: 603,
        movie_title: "The Matrix".into(),
        movie_year: 1999,
    };
    store
        .add_exclusions(std::slice::from_ref(&exclusion))
        .await
        .expect("exclude");
    store
        .delete_movies(&[a.id, 12345], std::slice::from_ref(&exclusion))
        .await
        .expect("delete");
    assert_eq!(
        store
            .movies()
            .await
            .expect("list")
            .iter()
            .map(|m| m.id)
            .collect::<Vec<_>>(),
        vec![b.id]
    );
    assert_eq!(store.exclusions().await.expect("exclusions").len(), 1);
    let second = ImportExclusion {
        tmdb_id: 604,
        movie_title: "Reloaded".into(),
        movie_year: 2003,
        ..exclusion
    };
    store
        .delete_movies(&[b.id], &[second])
        .await
        .expect("delete");
    let tmdb_ids: Vec<i32> = store
        .exclusions()
        .await
        .expect("exclusions")
        .iter()
        .map(|e| e.tmdb_id)
        .collect();
    assert_eq!(tmdb_ids, vec![603, 604]);
}

/// A movie is read with its file; a new file replaces the old one.
pub async fn movie_file_is_read_with_its_movie(store: &dyn Store) {
    seeded(store).await;
    let movie = store
        .add_movie(&full_movie(603, "The Matrix", 1999))
        .await
        .expect("add");
    assert!(
        store
            .movie(movie.id)
            .await
            .expect("read")
            .movie_file
            .is_none()
    );
    let file = store
        .add_movie_file(&movie_file(&movie))
        .await
        .expect("file");
    assert_eq!(
        store.movie(movie.id).await.expect("read").movie_file,
        Some(file.clone())
    );
    let better = MovieFile {
        quality: QualityModel::new(Quality::REMUX_1080P),
        ..movie_file(&movie)
    };
    let replaced_by = store.add_movie_file(&better).await.expect("replace");
    assert!(
        replaced_by.id > file.id,
        "a new file has a new id, even in place of the newest: {} after {}",
        replaced_by.id,
        file.id
    );
    let read = store.movie(movie.id).await.expect("read");
    assert_eq!(
        read.movie_file.map(|f| f.quality.quality),
        Some(Quality::REMUX_1080P)
    );
    let orphan = MovieFile {
        movie_id: movie.id + 100,
        ..movie_file(&movie)
    };
    assert!(
        store
            .add_movie_file(&orphan)
            .await
            .expect_err("no movie")
            .is_not_found()
    );

    let current = store
        .movie(movie.id)
        .await
        .expect("read")
        .movie_file
        .expect("a file");
    let found = store
        .movie_by_file_id(current.id)
        .await
        .expect("by file")
        .expect("its movie");
    assert_eq!(found.id, movie.id);
    assert_eq!(
        store
            .movie_by_file_id(current.id + 100)
            .await
            .expect("none"),
        None
    );
    let before = store.library_revision().await.expect("revision");
    let renamed = MovieFile {
        relative_path: "Renamed (2001).mkv".into(),
        media_info: Some(MediaInfo {
            video_codec: "x264".into(),
            ..MediaInfo::default()
        }),
        // The movie is the file's own and cannot be moved by an update.
        movie_id: movie.id + 100,
        ..current.clone()
    };
    let saved = store.update_movie_file(&renamed).await.expect("update");
    assert_eq!(saved.movie_id, movie.id);
    let read = store
        .movie(movie.id)
        .await
        .expect("read")
        .movie_file
        .expect("a file");
    assert_eq!(read.id, current.id, "updated in place");
    assert_eq!(read.relative_path, "Renamed (2001).mkv");
    assert_eq!(read.media_info, renamed.media_info);
    assert!(store.library_revision().await.expect("revision") > before);
    assert!(
        store
            .update_movie_file(&MovieFile {
                id: current.id + 100,
                ..current.clone()
            })
            .await
            .expect_err("no such file")
            .is_not_found()
    );

    let before = store.library_revision().await.expect("revision");
    store.delete_movie_file(current.id).await.expect("forget");
    assert!(
        store
            .movie(movie.id)
            .await
            .expect("read")
            .movie_file
            .is_none()
    );
    assert!(
        store.library_revision().await.expect("revision") > before,
        "a file's change is its movie's"
    );
    assert!(
        store
            .delete_movie_file(current.id)
            .await
            .expect_err("gone")
            .is_not_found()
    );
}

/// Search matches word prefixes of titles and alternative titles, all words
/// required, and treats query syntax as plain text.
pub async fn title_search_matches_word_prefixes(store: &dyn Store) {
    seeded(store).await;
    let titles = [
        (603, "The Matrix", 1999),
        (604, "The Matrix Reloaded", 2003),
        (2001, "2001: A Space Odyssey", 1968),
        (335984, "Blade Runner 2049", 2017),
    ];
    for (tmdb, title, year) in titles {
        store
            .add_movie(&full_movie(tmdb, title, year))
            .await
            .expect("add");
    }
    let found = |text: &'static str| async move {
        let mut ids: Vec<i32> = store
            .search_movies(text, 50)
            .await
            .expect("search")
            .iter()
            .map(|m| m.tmdb_id)
            .collect();
        ids.sort_unstable();
        ids
    };
    assert_eq!(found("matrix").await, vec![603, 604]);
    // Every movie has an alternative title with "Edition": the shortest
    // title comes first.
    let closest_first: Vec<i32> = store
        .search_movies("edition", 50)
        .await
        .expect("search")
        .iter()
        .map(|m| m.tmdb_id)
        .collect();
    assert_eq!(closest_first, [603, 335984, 604, 2001]);
    assert_eq!(found("MATR").await, vec![603, 604]);
    assert_eq!(found("matrix reload").await, vec![604]);
    assert_eq!(found("odyssey 2001").await, vec![2001]);
    assert_eq!(found("runner 2049").await, vec![335984]);
    assert_eq!(
        found("edition").await,
        vec![603, 604, 2001, 335984],
        "alternative titles are searched"
    );
    assert!(found("matrix\" OR \"blade").await.is_empty());
    assert!(found("*").await.is_empty());
    assert_eq!(
        store
            .search_movies("matrix", 1)
            .await
            .expect("search")
            .len(),
        1
    );
    // Renamed movies are found by their new title only.
    let mut movie = store
        .movie_by_tmdb_id(603)
        .await
        .expect("read")
        .expect("stored");
    movie.title = "Neo".into();
    movie.metadata = MetadataDoc::default();
    store.update_movie(&movie).await.expect("update");
    assert_eq!(found("matrix").await, vec![604]);
    assert_eq!(found("neo").await, vec![603]);
}

/// Every write to a movie or file moves the revision; reads do not.
pub async fn revision_changes_with_every_movie_write(store: &dyn Store) {
    seeded(store).await;
    let start = store.library_revision().await.expect("revision");
    let movie = store
        .add_movie(&full_movie(603, "The Matrix", 1999))
        .await
        .expect("add");
    let after_add = store.library_revision().await.expect("revision");
    assert_ne!(after_add, start);
    store.movies().await.expect("list");
    assert_eq!(store.library_revision().await.expect("revision"), after_add);
    store.update_movie(&movie).await.expect("update");
    let after_update = store.library_revision().await.expect("revision");
    assert_ne!(after_update, after_add);
    store
        .add_movie_file(&movie_file(&movie))
        .await
        .expect("file");
    let after_file = store.library_revision().await.expect("revision");
    assert_ne!(after_file, after_update);
    store.delete_movies(&[movie.id], &[]).await.expect("delete");
    assert_ne!(
        store.library_revision().await.expect("revision"),
        after_file
    );
}

/// Each write names the movies it touched, for caches that patch what they
/// hold instead of reading the whole library again.
pub async fn writes_name_the_movies_they_touched(store: &dyn Store) {
    seeded(store).await;
    let revision = || async { store.library_revision().await.expect("revision") };
    let touched = |since: i64| async move {
        store
            .movies_touched_since(since)
            .await
            .expect("changes")
            .expect("this store names the movies its writes touch")
    };
    let start = revision().await;
    assert_eq!(touched(start).await, Vec::<i32>::new());
    let added = store
        .add_movies(&[
            full_movie(603, "The Matrix", 1999),
            full_movie(604, "The Matrix Reloaded", 2003),
            full_movie(605, "The Matrix Revolutions", 2003),
        ])
        .await
        .expect("add");
    let [matrix, reloaded, revolutions] = [0, 1, 2].map(|i| added[i].id);
    let after_add = revision().await;
    assert_eq!(touched(start).await, vec![matrix, reloaded, revolutions]);
    assert_eq!(touched(after_add).await, Vec::<i32>::new());

    store.update_movie(&added[1]).await.expect("update");
    let after_update = revision().await;
    assert_eq!(touched(after_add).await, vec![reloaded]);
    store
        .add_movie_file(&movie_file(&added[2]))
        .await
        .expect("file");
    assert_eq!(touched(after_update).await, vec![revolutions]);
    assert_eq!(touched(after_add).await, vec![reloaded, revolutions]);
    let after_file = revision().await;
    store.delete_movies(&[matrix], &[]).await.expect("delete");
    assert_eq!(touched(after_file).await, vec![matrix]);
    assert_eq!(
        touched(start).await,
        vec![matrix, reloaded, revolutions],
        "each movie once, however many writes touched it"
    );
    // A revision the store never reached names nothing it could patch from.
    let future = revision().await + 1;
    assert_eq!(
        store.movies_touched_since(future).await.expect("changes"),
        None
    );
}
