//! Movies and files as TMDB and an import would describe them, and the
//! helpers every chapter uses.

use chrono::{TimeZone, Utc};
use domain::language::Language;
use domain::movie::{
    AddOptions, AltTitleSource, AlternativeTitle, CoverType, MediaCover, MetadataDoc, Movie,
    MovieCollection, MovieMetadata, MovieStatus, RatingChild, RatingType, Ratings,
};
use domain::movie_file::{MediaInfo, MovieFile};
use domain::quality::{Quality, QualityModel};
use domain::quality_definition::default_definitions;
use domain::quality_profile::default_profiles;

use crate::{Conflict, Store, StoreError};

/// A movie with every field filled, as TMDB would describe it.
pub fn full_movie(tmdb_id: i32, title: &str, year: i32) -> Movie {
    let mut movie = Movie::new(tmdb_id, title, year);
    movie.imdb_id = Some(format!("tt{:07}", tmdb_id));
    movie.status = MovieStatus::Released;
    movie.in_cinemas = Utc.with_ymd_and_hms(year, 3, 31, 0, 0, 0).single();
    movie.digital_release = Utc.with_ymd_and_hms(year, 9, 21, 0, 0, 0).single();
    movie.physical_release = Utc.with_ymd_and_hms(year, 9, 21, 0, 0, 0).single();
    movie.quality_profile_id = 1;
    movie.path = format!("/movies/{title} ({year})");
    movie.root_folder_path = "/movies".into();
    movie.tags = vec![];
    movie.add_options = Some(AddOptions {
        search_for_movie: true,
        ..AddOptions::default()
    });
    movie.added = Utc
        .with_ymd_and_hms(2024, 1, 15, 18, 22, 3)
        .single()
        .unwrap_or_default();
    movie.images = vec![
        MediaCover {
            cover_type: CoverType::Poster,
            remote_url: Some(format!("https://image.tmdb.org/t/p/original/{tmdb_id}.jpg")),
        },
        MediaCover {
            cover_type: CoverType::Fanart,
            remote_url: Some(format!(
                "https://image.tmdb.org/t/p/original/{tmdb_id}-fanart.jpg"
            )),
        },
    ];
    let rating = |votes, value| {
        Some(RatingChild {
            votes,
            value,
            rating_type: RatingType::User,
        })
    };
    movie.metadata = MetadataDoc::new(&MovieMetadata {
        original_title: title.to_string(),
        original_language: Language::ENGLISH,
        alternate_titles: vec![AlternativeTitle {
            id: 0,
            source_type: AltTitleSource::Tmdb,
            movie_metadata_id: 0,
            title: format!("{title} Special Edition"),
        }],
        secondary_year: None,
        secondary_year_source_id: 0,
        overview: "A computer hacker learns about the true nature of reality.".repeat(4),
        website: "https://example.com/movie".into(),
        you_tube_trailer_id: "vKQi3bBA1y8".into(),
        studio: "Warner Bros. Pictures".into(),
        runtime: 136,
        certification: "R".into(),
        genres: vec!["Action".into(), "Science Fiction".into()],
        keywords: vec!["dystopia".into(), "artificial intelligence".into()],
        ratings: Ratings {
            imdb: rating(2_100_000, 8.7),
            tmdb: rating(26_000, 8.2),
            ..Ratings::default()
        },
        collection: Some(MovieCollection {
            title: format!("{title} Collection"),
            tmdb_id: tmdb_id + 100_000,
        }),
        popularity: 85.32,
    });
    movie
}

/// A file for a stored movie.
pub fn movie_file(movie: &Movie) -> MovieFile {
    MovieFile {
        id: 0,
        movie_id: movie.id,
        relative_path: format!("{} ({}) Bluray-1080p.mkv", movie.title, movie.year),
        size: 12_345_678_901,
        date_added: Utc
            .with_ymd_and_hms(2024, 1, 16, 2, 10, 44)
            .single()
            .unwrap_or_default(),
        scene_name: Some("The.Movie.1999.1080p.BluRay.x264-GROUP".into()),
        release_group: Some("GROUP".into()),
        edition: String::new(),
        languages: vec![Language::ENGLISH],
        quality: QualityModel::new(Quality::BLURAY_1080P),
        indexer_flags: 0,
        media_info: Some(MediaInfo {
            audio_codec: "DTS".into(),
            resolution: "1920x800".into(),
            audio_channels: 5.1,
            ..MediaInfo::default()
        }),
        original_file_path: None,
    }
}

pub(super) async fn seeded(store: &dyn Store) {
    store
        .seed_defaults(&default_profiles(), &default_definitions())
        .await
        .expect("seed");
}

pub(super) fn is_conflict(result: Result<impl std::fmt::Debug, StoreError>, expected: Conflict) {
    match result {
        Err(StoreError::Conflict(c)) => assert_eq!(c, expected),
        other => panic!("expected conflict {expected:?}, got {other:?}"),
    }
}
