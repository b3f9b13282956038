//! TMDB's v3 API: search, movie details (with credits, release dates,
//! alternative titles, external ids and videos in the same request), find by
//! IMDb id, and collections. Every request of the process goes through one
//! rate limiter (`rate_limit`), is retried when TMDB asks to wait or fails in
//! passing (`client`), and its answer is kept for a while (`cache`).
//!
//! Callers hold a [`Tmdb`]: [`TmdbClient`] in the server, a fake in tests.

mod cache;
mod client;
pub mod config;
mod error;
#[cfg(feature = "fake")]
pub mod fake;
mod rate_limit;
pub mod to_movie;
pub mod wire;

use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;

use crate::cache::Cached;
use crate::client::Requester;
pub use crate::client::TRIES;
pub use crate::config::{Credential, RateLimit, TmdbConfig};
pub use crate::error::{Result, TmdbError};
use crate::wire::{Collection, Configuration, FindResults, MovieDetails, MovieSummary, SearchPage};

/// What movie details append, so one request brings all a movie needs.
const DETAILS_APPENDED: &str = "credits,release_dates,alternative_titles,external_ids,videos";
/// How long details (and collections and IMDb finds) are kept.
const DETAILS_TTL: Duration = Duration::from_secs(24 * 60 * 60);
/// How long searches are kept.
const SEARCH_TTL: Duration = Duration::from_secs(60 * 60);

/// The calls the rest of the server makes.
#[async_trait]
pub trait Tmdb: Send + Sync {
    /// Movies matching `query` (and released in `year`, if given): TMDB's first page.
    async fn search_movies(&self, query: &str, year: Option<i32>) -> Result<Arc<SearchPage>>;
    /// A movie with everything appended, kept for a day.
    async fn movie(&self, tmdb_id: i32) -> Result<Arc<MovieDetails>>;
    /// A movie with everything appended, asked of TMDB now (a refresh).
    async fn movie_fresh(&self, tmdb_id: i32) -> Result<Arc<MovieDetails>>;
    /// The movie with this IMDb id (`tt0133093`), if TMDB knows one.
    async fn find_by_imdb(&self, imdb_id: &str) -> Result<Option<MovieSummary>>;
    /// A collection and its movies.
    async fn collection(&self, collection_id: i32) -> Result<Arc<Collection>>;
    /// The image at `remote_url`, a TMDB image URL as movies store it,
    /// fetched from where TMDB's configuration says images are served.
    async fn image(&self, remote_url: &str) -> Result<bytes::Bytes>;
    /// Why TMDB's latest answer failed, until one succeeds: for health.
    fn problem(&self) -> Option<String>;
}

/// The client of the real TMDB (or whatever `base_url` names).
pub struct TmdbClient {
    requester: Requester,
    details: Cached<i32, MovieDetails>,
    searches: Cached<(String, Option<i32>), SearchPage>,
    finds: Cached<String, FindResults>,
    collections: Cached<i32, Collection>,
    configuration: Cached<(), Configuration>,
}

impl TmdbClient {
    /// A client for `config`, with its own limiter and caches.
    pub fn new(config: TmdbConfig) -> Result<TmdbClient> {
        let bytes = config.cache_mb.saturating_mul(1024 * 1024);
        // Details are the bulk of what is asked and the largest answers.
        let (details, rest) = (bytes / 8 * 5, bytes / 8);
        Ok(TmdbClient {
            details: Cached::new("details", DETAILS_TTL, details),
            searches: Cached::new("search", SEARCH_TTL, rest),
            finds: Cached::new("find", DETAILS_TTL, rest),
            collections: Cached::new("collection", DETAILS_TTL, rest),
            configuration: Cached::new("configuration", DETAILS_TTL, 64 * 1024),
            requester: Requester::new(config)?,
        })
    }

    async fn fetch_movie(&self, tmdb_id: i32) -> Result<(MovieDetails, usize)> {
        let path = format!("/movie/{tmdb_id}");
        let what = format!("movie {tmdb_id}");
        self.requester
            .get(
                "movie",
                &what,
                &path,
                &[("append_to_response", DETAILS_APPENDED)],
            )
            .await
    }
}

#[async_trait]
impl Tmdb for TmdbClient {
    async fn search_movies(&self, query: &str, year: Option<i32>) -> Result<Arc<SearchPage>> {
        let query = query.trim().to_lowercase();
        let key = (query.clone(), year);
        self.searches
            .get_or_fetch(key, async {
                let year = year.map(|y| y.to_string());
                let mut params = vec![("query", query.as_str()), ("include_adult", "false")];
                if let Some(year) = &year {
                    params.push(("year", year.as_str()));
                }
                let what = format!("a search for '{query}'");
                self.requester
                    .get("search", &what, "/search/movie", &params)
                    .await
            })
            .await
    }

    async fn movie(&self, tmdb_id: i32) -> Result<Arc<MovieDetails>> {
        self.details
            .get_or_fetch(tmdb_id, self.fetch_movie(tmdb_id))
            .await
    }

    async fn movie_fresh(&self, tmdb_id: i32) -> Result<Arc<MovieDetails>> {
        self.details.forget(&tmdb_id).await;
        self.movie(tmdb_id).await
    }

    async fn find_by_imdb(&self, imdb_id: &str) -> Result<Option<MovieSummary>> {
        let imdb_id = imdb_id.trim().to_lowercase();
        let found = self
            .finds
            .get_or_fetch(imdb_id.clone(), async {
                let path = format!("/find/{imdb_id}");
                let what = format!("IMDb id {imdb_id}");
                let query = [("external_source", "imdb_id")];
                self.requester.get("find", &what, &path, &query).await
            })
            .await?;
        Ok(found.movie_results.first().cloned())
    }

    fn problem(&self) -> Option<String> {
        self.requester.problem()
    }

    async fn image(&self, remote_url: &str) -> Result<bytes::Bytes> {
        let url = match remote_url.strip_prefix(to_movie::IMAGE_HOST) {
            Some(rest) => {
                let configuration = self
                    .configuration
                    .get_or_fetch((), async {
                        let what = "the configuration";
                        self.requester
                            .get("configuration", what, "/configuration", &[])
                            .await
                    })
                    .await?;
                let base = configuration.images.secure_base_url.trim_end_matches('/');
                format!("{base}/{rest}")
            }
            None => remote_url.to_string(),
        };
        self.requester.fetch(&url).await
    }

    async fn collection(&self, collection_id: i32) -> Result<Arc<Collection>> {
        self.collections
            .get_or_fetch(collection_id, async {
                let path = format!("/collection/{collection_id}");
                let what = format!("collection {collection_id}");
                self.requester.get("collection", &what, &path, &[]).await
            })
            .await
    }
}
