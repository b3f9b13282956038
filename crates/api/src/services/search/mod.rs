//! Finding releases: every enabled indexer asked at once, each release read
//! by the parser, matched against the custom formats, decided on against
//! the movie and ranked. Interactive searches show every decision; automatic
//! searches, RSS sync and pushed releases grab the best accepted one.

mod fetch;
mod inputs;
mod pool;
pub mod release_cache;
mod rss;

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use domain::custom_format::CustomFormat;
use domain::decision::{
    Candidate, DecisionContext, Prepared, Rejection, ReleaseSource, decide, rank,
};
use domain::movie::Movie;
use domain::quality::QualityModel;
use domain::release::Release;
use indexers::MovieSearch;

use crate::error::{ApiError, ApiResult};
use crate::services::grab::{GrabSource, Grabbed, grab};
use crate::state::AppState;

pub use inputs::{ActiveIndexer, SearchSettings};
pub use pool::IndexerPool;
pub use release_cache::ReleaseCache;
pub use rss::{RssReport, rss_sync};

/// One release decided on for a movie, as `GET /release` shows it.
#[derive(Debug, Clone)]
pub struct Evaluated {
    /// The release, parsed and scored.
    pub candidate: Candidate,
    /// The library movie it is for, when it names one.
    pub movie_id: Option<i32>,
    /// Every reason it is not taken; empty when approved.
    pub rejections: Vec<Rejection>,
    /// Whether it is for the movie at all.
    pub download_allowed: bool,
    /// Radarr's `qualityWeight`: its place in the profile, then revision.
    pub quality_weight: i32,
    /// Its place in the ranking, best first, from 1.
    pub release_weight: i32,
}

impl Evaluated {
    /// No reason stands against it.
    pub fn approved(&self) -> bool {
        self.rejections.is_empty()
    }

    /// Only reasons that may pass stand against it.
    pub fn temporarily_rejected(&self) -> bool {
        domain::decision::only_temporary(&self.rejections)
    }
}

/// What an interactive search found, with the formats to name them by.
pub struct SearchResult {
    /// Every release, best first.
    pub releases: Vec<Evaluated>,
    /// The custom formats, for rendering matched ones.
    pub formats: HashMap<i32, CustomFormat>,
}

/// What a movie search asks of indexers.
pub fn movie_search(movie: &Movie) -> MovieSearch {
    let mut titles = vec![movie.title.clone()];
    if let Ok(metadata) = movie.metadata.parse()
        && !metadata.original_title.is_empty()
        && metadata.original_title != movie.title
    {
        titles.push(metadata.original_title);
    }
    MovieSearch {
        imdb_id: movie.imdb_id.clone(),
        tmdb_id: movie.tmdb_id,
        titles,
        year: movie.year,
    }
}

/// Decides and ranks `candidates` against the context's movie.
pub fn evaluate(ctx: &DecisionContext, candidates: &[Candidate]) -> Vec<Evaluated> {
    let prepared = Prepared::new(ctx);
    let ranked = rank(ctx, decide(ctx, candidates));
    ranked
        .into_iter()
        .enumerate()
        .map(|(place, decision)| Evaluated {
            quality_weight: quality_weight(&prepared, &decision.candidate.parsed.quality),
            release_weight: i32::try_from(place + 1).unwrap_or(i32::MAX),
            movie_id: decision.download_allowed.then_some(ctx.movie.id),
            candidate: decision.candidate.clone(),
            download_allowed: decision.download_allowed,
            rejections: decision.rejections,
        })
        .collect()
}

/// Radarr's weight: the quality's item in the profile by hundreds, then
/// the revision's REAL count by tens and its version.
fn quality_weight(prepared: &Prepared, quality: &QualityModel) -> i32 {
    let index = prepared
        .quality_index(quality.quality)
        .map_or(0, |i| i32::try_from(i.index).unwrap_or(0));
    index * 100 + quality.revision.real * 10 + quality.revision.version
}

/// The releases every interactive-search indexer has for the movie, each
/// decided on, best first; each is kept so that it can be grabbed.
pub async fn interactive(state: &AppState, movie_id: i32) -> ApiResult<SearchResult> {
    let movie = state.store.movie(movie_id).await?;
    let settings = SearchSettings::load(state).await?;
    let releases = search_movie(
        state,
        &settings,
        &movie,
        ReleaseSource::InteractiveSearch,
        Utc::now(),
    )
    .await?;
    for evaluated in &releases {
        state.releases.keep(release_cache::Found {
            candidate: evaluated.candidate.clone(),
            movie_id: Some(movie.id),
        });
    }
    Ok(SearchResult {
        releases,
        formats: settings.formats_by_id(),
    })
}

/// Searches the indexers enabled for `source` and decides on everything
/// found for the movie.
async fn search_movie(
    state: &AppState,
    settings: &SearchSettings,
    movie: &Movie,
    source: ReleaseSource,
    now: DateTime<Utc>,
) -> ApiResult<Vec<Evaluated>> {
    let indexers = settings.indexers_for(source);
    let answers = fetch::search_all(&indexers, &movie_search(movie), settings.deadline()).await;
    let releases = settings.record_answers(state, answers).await;
    let Some(ctx) = settings.context(state, movie.clone(), source, now).await? else {
        return Ok(Vec::new());
    };
    let candidates = settings.candidates(releases, &ctx);
    Ok(evaluate(&ctx, &candidates))
}

/// An automatic search for one movie: the best accepted release is
/// grabbed. Returns what was grabbed, if anything.
pub async fn automatic(
    state: &AppState,
    settings: &SearchSettings,
    movie: &Movie,
    user_invoked: bool,
) -> ApiResult<Option<Grabbed>> {
    let source = if user_invoked {
        ReleaseSource::UserInvokedSearch
    } else {
        ReleaseSource::Search
    };
    let now = Utc::now();
    let releases = search_movie(state, settings, movie, source, now).await?;
    state.store.set_last_search_time(&[movie.id], now).await?;
    grab_best(state, movie, &releases, GrabSource::Search).await
}

/// Grabs the best approved release, trying the next on a failed grab as
/// Radarr does.
async fn grab_best(
    state: &AppState,
    movie: &Movie,
    releases: &[Evaluated],
    source: GrabSource,
) -> ApiResult<Option<Grabbed>> {
    for evaluated in releases.iter().filter(|e| e.approved()) {
        match grab(state, movie, &evaluated.candidate, source, None).await {
            Ok(grabbed) => return Ok(Some(grabbed)),
            Err(error) => {
                tracing::warn!(release = %evaluated.candidate.release.title, %error, "grab failed, trying the next release");
            }
        }
    }
    Ok(None)
}

/// Decides on a release another tool pushed (`/release/push`) against the
/// movie its title names, and grabs it when approved. The decision is
/// returned either way; a title that cannot be read is refused.
pub async fn push(state: &AppState, release: Release) -> ApiResult<SearchResult> {
    let settings = SearchSettings::load(state).await?;
    let Some(parsed) = parser::parse_movie_title(&release.title, false) else {
        return Err(ApiError::invalid(
            "Title",
            "Unable to parse",
            "PredicateValidator",
        ));
    };
    let movie = crate::services::parse::library_movie(state, &parsed).await?;
    let context = match movie {
        Some(movie) => {
            settings
                .context(state, movie, ReleaseSource::Rss, Utc::now())
                .await?
        }
        None => None,
    };
    let Some(ctx) = context else {
        let candidate = Candidate {
            parsed,
            release,
            custom_formats: Default::default(),
            // No movie, so no profile to score it under: it stays neutral.
            reputation: None,
        };
        let unknown = Evaluated {
            candidate,
            movie_id: None,
            rejections: vec![Rejection::permanent("Unknown Movie")],
            download_allowed: false,
            quality_weight: 0,
            release_weight: 1,
        };
        return Ok(SearchResult {
            releases: vec![unknown],
            formats: settings.formats_by_id(),
        });
    };
    let candidates = settings.candidates(vec![release], &ctx);
    let releases = evaluate(&ctx, &candidates);
    if let Some(approved) = releases.first().filter(|e| e.approved()) {
        grab(
            state,
            &ctx.movie,
            &approved.candidate,
            GrabSource::ReleasePush,
            None,
        )
        .await?;
    }
    Ok(SearchResult {
        releases,
        formats: settings.formats_by_id(),
    })
}
