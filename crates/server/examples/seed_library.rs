//! Fills a data folder's SQLite library with full-sized movies for the load
//! script (`scripts/load.sh`): alternate titles, images, ratings, a movie
//! file, about 5 KB of JSON each.
//!
//! `cargo run --release -p unified-radarr --example seed_library -- DATA_DIR COUNT`

use std::path::PathBuf;
use std::process::ExitCode;

use domain::movie::{AltTitleSource, AlternativeTitle, MetadataDoc};
use domain::quality_definition::default_definitions;
use domain::quality_profile::default_profiles;
use store::story::{full_movie, movie_file};
use store::{MovieStore, ProfileStore};
use store_sqlite::SqliteStore;

const BATCH: usize = 500;

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(Ok(count))) = (args.first(), args.get(1).map(|c| c.parse::<i32>())) else {
        eprintln!("usage: seed_library DATA_DIR COUNT");
        return ExitCode::FAILURE;
    };
    match seed(PathBuf::from(dir), count).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("seed_library: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn seed(dir: PathBuf, count: i32) -> Result<(), Box<dyn std::error::Error>> {
    std::fs::create_dir_all(&dir)?;
    let store = SqliteStore::open(&dir.join("unified-radarr.db")).await?;
    store
        .seed_defaults(&default_profiles(), &default_definitions())
        .await?;
    let ids: Vec<i32> = (1..=count).collect();
    for chunk in ids.chunks(BATCH) {
        let movies: Vec<_> = chunk.iter().map(|&n| big_movie(n)).collect();
        for movie in store.add_movies(&movies).await? {
            store.add_movie_file(&movie_file(&movie)).await?;
        }
    }
    let sample = store.movie(1).await?;
    println!(
        "seeded {count} movies; metadata of one is {} bytes",
        sample.metadata.as_json().len()
    );
    Ok(())
}

/// A movie as TMDB describes a popular one: many alternative titles.
fn big_movie(n: i32) -> domain::movie::Movie {
    let mut movie = full_movie(n, &format!("Movie Number {n}"), 1950 + n % 70);
    if let Ok(mut metadata) = movie.metadata.parse() {
        metadata.alternate_titles = (0..20)
            .map(|i| AlternativeTitle {
                id: 0,
                source_type: AltTitleSource::Tmdb,
                movie_metadata_id: n,
                title: format!("Movie Number {n}: Alternative Title {i}"),
            })
            .collect();
        metadata.keywords = (0..15).map(|i| format!("keyword {i}")).collect();
        movie.metadata = MetadataDoc::new(&metadata);
    }
    movie
}
