//! TMDB's answers read into library movies as Radarr fills them.

use chrono::{DateTime, Duration, TimeZone, Utc};
use domain::collection::Collection;
use domain::language::Language;
use domain::movie::{CoverType, MovieStatus};
use tmdb::to_movie::{collection_from_details, movie_from_details, movie_from_summary};
use tmdb::wire::{MovieDetails, SearchPage};

fn fixture<T: serde::de::DeserializeOwned>(name: &str) -> T {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).expect("fixture")).expect("parses")
}

fn day(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 0, 0, 0)
        .single()
        .expect("date")
}

#[test]
fn the_matrix_is_filled_from_its_details() {
    let details: MovieDetails = fixture("movie_603.json");
    let movie = movie_from_details(&details, day(2026, 12, 1));
    assert_eq!(
        (movie.tmdb_id, movie.title.as_str(), movie.year),
        (603, "The Matrix", 1999)
    );
    assert_eq!(movie.sort_title, "matrix");
    assert_eq!(movie.imdb_id.as_deref(), Some("tt0133093"));
    // The US dates: theatrical, DVD, iTunes.
    assert_eq!(movie.in_cinemas, Some(day(1999, 3, 31)));
    assert_eq!(movie.physical_release, Some(day(1999, 9, 21)));
    assert_eq!(movie.digital_release, Some(day(2008, 5, 20)));
    assert_eq!(movie.status, MovieStatus::Released);
    let poster = movie
        .images
        .iter()
        .find(|i| i.cover_type == CoverType::Poster);
    assert_eq!(
        poster.and_then(|p| p.remote_url.as_deref()),
        Some("https://image.tmdb.org/t/p/original/f89U3ADr1oiB1s9GkdPOEpXUk5H.jpg")
    );
    assert!(
        movie
            .images
            .iter()
            .any(|i| i.cover_type == CoverType::Fanart)
    );
    let metadata = movie.metadata.parse().expect("metadata");
    assert_eq!(metadata.original_title, "The Matrix");
    assert_eq!(metadata.original_language, Language::ENGLISH);
    assert_eq!(metadata.certification, "R");
    assert_eq!(metadata.runtime, 136);
    assert_eq!(metadata.genres, vec!["Action", "Science Fiction"]);
    assert!(!metadata.studio.is_empty());
    assert!(!metadata.you_tube_trailer_id.is_empty());
    assert!(!metadata.alternate_titles.is_empty());
    assert!(
        metadata
            .alternate_titles
            .iter()
            .all(|t| t.title != "The Matrix")
    );
    assert_eq!(metadata.collection.as_ref().map(|c| c.tmdb_id), Some(2344));
    let rating = metadata.ratings.tmdb.expect("TMDB rating");
    assert!(rating.votes > 0 && rating.value > 0.0);
    assert!(movie.search_text().contains("The Matrix"));
}

#[test]
fn status_follows_the_release_dates_as_radarrs_does() {
    let details: MovieDetails = fixture("movie_603.json");
    let at = |now| movie_from_details(&details, now).status;
    assert_eq!(at(day(1999, 3, 1)), MovieStatus::Announced);
    assert_eq!(at(day(1999, 4, 15)), MovieStatus::InCinemas);
    assert_eq!(
        at(day(1999, 9, 21)),
        MovieStatus::Released,
        "on the DVD's day"
    );

    // Only a cinema release known: released 90 days on.
    let mut sparse = details.clone();
    sparse.release_dates = None;
    let opened = day(1999, 3, 30);
    let at = |now| movie_from_details(&sparse, now).status;
    assert_eq!(at(opened + Duration::days(30)), MovieStatus::InCinemas);
    assert_eq!(at(opened + Duration::days(91)), MovieStatus::Released);
}

#[test]
fn search_results_fill_what_they_hold() {
    let page: SearchPage = fixture("search_matrix.json");
    let resurrections = page
        .results
        .iter()
        .find(|m| m.id == 624860)
        .expect("result");
    let movie = movie_from_summary(resurrections, day(2026, 12, 1));
    assert_eq!(movie.year, 2021);
    assert_eq!(movie.status, MovieStatus::Released);
    assert!(
        !movie
            .metadata
            .parse()
            .expect("metadata")
            .overview
            .is_empty()
    );
    let announced = movie_from_summary(resurrections, day(2020, 1, 1));
    assert_eq!(announced.status, MovieStatus::Announced);
}

#[test]
fn a_collection_takes_tmdbs_details_and_keeps_its_settings() {
    let details: tmdb::wire::Collection = fixture("collection_2344.json");
    let mut lender = domain::movie::Movie::new(603, "The Matrix", 1999);
    lender.quality_profile_id = 4;
    lender.root_folder_path = "/movies".into();
    let met = Collection::first_met(2344, "Matrix", &lender, true, day(2026, 1, 1));
    let collection = collection_from_details(&met, &details, day(2026, 12, 1));
    assert_eq!(collection.title, "The Matrix Collection");
    assert_eq!(collection.sort_title, "matrix collection");
    assert!(!collection.overview.is_empty());
    assert_eq!(collection.images[0].cover_type, CoverType::Poster);
    assert_eq!(collection.last_info_sync, Some(day(2026, 12, 1)));
    assert!(collection.monitored, "settings stay");
    assert_eq!(collection.quality_profile_id, 4);
    let ids: Vec<i32> = collection.parts.iter().map(|p| p.tmdb_id).collect();
    assert_eq!(ids.len(), 4);
    assert!(ids.contains(&603) && ids.contains(&604));
    let reloaded = collection
        .parts
        .iter()
        .find(|p| p.tmdb_id == 604)
        .expect("604");
    assert_eq!(reloaded.title, "The Matrix Reloaded");
    assert_eq!(reloaded.year, 2003);
    assert_eq!(reloaded.status, MovieStatus::Released);
    assert!(reloaded.ratings.tmdb.is_some());
}
