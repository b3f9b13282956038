//! RSS sync: every RSS-enabled indexer's newest releases, each mapped to
//! the library movie it names, decided on against that movie, and the best
//! accepted release per movie grabbed.

use std::collections::HashMap;

use chrono::Utc;
use domain::decision::{Candidate, ReleaseSource};
use domain::movie::MovieOutline;
use domain::release::Release;
use parser::{ParsedMovieInfo, clean_movie_title, normalize_imdb_id, parse_movie_title};

use super::{SearchSettings, evaluate, fetch, grab_best};
use crate::error::ApiResult;
use crate::services::grab::GrabSource;
use crate::services::parse::library_movie;
use crate::state::AppState;

/// What a sync did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RssReport {
    /// Releases the indexers listed.
    pub releases: usize,
    /// Movies with at least one release.
    pub movies: usize,
    /// Releases grabbed.
    pub grabbed: usize,
    /// Indexers that failed.
    pub failed_indexers: usize,
}

/// Runs one sync.
pub async fn rss_sync(state: &AppState) -> ApiResult<RssReport> {
    let settings = SearchSettings::load(state).await?;
    let now = Utc::now();
    let indexers = settings.indexers_for(ReleaseSource::Rss);
    let answers = fetch::rss_all(&indexers, settings.deadline()).await;
    let failed_indexers = answers.iter().filter(|a| a.outcome.is_err()).count();
    let releases = settings.record_answers(state, answers).await;
    let mut report = RssReport {
        releases: releases.len(),
        failed_indexers,
        ..RssReport::default()
    };
    let library = Library::read(state).await?;
    let mut by_movie: HashMap<i32, Vec<(Release, ParsedMovieInfo)>> = HashMap::new();
    let mut searched: HashMap<(String, i32), Option<i32>> = HashMap::new();
    for release in releases {
        let Some(parsed) = parse_movie_title(&release.title, false) else {
            continue;
        };
        let id = match library.find(&release, &parsed) {
            Some(id) => Some(id),
            // Alternative titles are not in the outlines; the title search
            // has them. A feed lists many releases of one film: ask once.
            None => {
                let key = (parsed.primary_movie_title().to_string(), parsed.year);
                match searched.get(&key) {
                    Some(id) => *id,
                    None => {
                        let id = library_movie(state, &parsed).await?.map(|m| m.id);
                        searched.insert(key, id);
                        id
                    }
                }
            }
        };
        if let Some(id) = id {
            by_movie.entry(id).or_default().push((release, parsed));
        }
    }
    report.movies = by_movie.len();
    let ids: Vec<i32> = by_movie.keys().copied().collect();
    for movie in state.store.movies_by_ids(&ids).await? {
        let Some(found) = by_movie.remove(&movie.id) else {
            continue;
        };
        let language = movie.metadata.parse().ok().map(|m| m.original_language);
        let Some(ctx) = settings
            .context(state, movie, ReleaseSource::Rss, now)
            .await?
        else {
            continue;
        };
        let candidates: Vec<Candidate> = found
            .into_iter()
            .map(|(release, parsed)| {
                Candidate::from_parsed(
                    release,
                    parsed,
                    &settings.formats,
                    &ctx.profile,
                    language,
                    &settings.reputations,
                )
            })
            .collect();
        let evaluated = evaluate(&ctx, &candidates);
        if grab_best(state, &ctx.movie, &evaluated, GrabSource::Rss)
            .await?
            .is_some()
        {
            report.grabbed += 1;
        }
    }
    Ok(report)
}

/// The library looked up by id and by clean title, from the movies'
/// outlines: only what matching needs is kept of each movie.
#[derive(Default)]
struct Library {
    years: HashMap<i32, i32>,
    by_tmdb: HashMap<i32, i32>,
    by_imdb: HashMap<String, i32>,
    by_title: HashMap<String, Vec<i32>>,
}

impl Library {
    async fn read(state: &AppState) -> ApiResult<Self> {
        let mut library = Library::default();
        for movie in state.store.movie_outlines().await? {
            library.add(&movie);
        }
        Ok(library)
    }

    fn add(&mut self, movie: &MovieOutline) {
        self.years.insert(movie.id, movie.year);
        self.by_tmdb.insert(movie.tmdb_id, movie.id);
        if let Some(imdb) = movie.imdb_id.as_deref().and_then(normalize_imdb_id) {
            self.by_imdb.insert(imdb, movie.id);
        }
        if !movie.clean_title.is_empty() {
            self.by_title
                .entry(movie.clean_title.clone())
                .or_default()
                .push(movie.id);
        }
    }

    /// The id of the movie a release names: by the indexer's or the
    /// title's ids, else by a title with a fitting year.
    fn find(&self, release: &Release, parsed: &ParsedMovieInfo) -> Option<i32> {
        let tmdb = if release.tmdb_id > 0 {
            release.tmdb_id
        } else {
            parsed.tmdb_id
        };
        if let Some(&id) = self.by_tmdb.get(&tmdb) {
            return Some(id);
        }
        let imdb = release
            .imdb_id
            .as_deref()
            .or(parsed.imdb_id.as_deref())
            .and_then(normalize_imdb_id);
        if let Some(&id) = imdb.and_then(|imdb| self.by_imdb.get(&imdb)) {
            return Some(id);
        }
        parsed
            .movie_titles
            .iter()
            .filter_map(|title| self.by_title.get(&clean_movie_title(title)))
            .flatten()
            .copied()
            .find(|id| {
                self.years
                    .get(id)
                    .is_some_and(|year| parsed.year == 0 || parsed.year == *year)
            })
    }
}
