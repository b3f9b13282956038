//! RSS sync: every RSS-enabled indexer's newest releases, each mapped to
//! the library movie it names, decided on against that movie, and the best
//! accepted release per movie grabbed.

use std::collections::HashMap;

use chrono::Utc;
use domain::decision::{Candidate, ReleaseSource, formats_of};
use domain::movie::Movie;
use domain::release::Release;
use parser::{ParsedMovieInfo, clean_movie_title, normalize_imdb_id, parse_movie_title};

use super::{SearchSettings, evaluate, fetch, grab_best};
use crate::error::ApiResult;
use crate::services::grab::GrabSource;
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
    let movies = state.store.movies().await?;
    let library = Library::new(&movies);
    let mut by_movie: HashMap<usize, Vec<(Release, ParsedMovieInfo)>> = HashMap::new();
    for release in releases {
        let Some(parsed) = parse_movie_title(&release.title, false) else {
            continue;
        };
        if let Some(index) = library.find(&release, &parsed) {
            by_movie.entry(index).or_default().push((release, parsed));
        }
    }
    report.movies = by_movie.len();
    for (index, found) in by_movie {
        let movie = &movies[index];
        let Some(ctx) = settings
            .context(state, movie.clone(), ReleaseSource::Rss, now)
            .await?
        else {
            continue;
        };
        let language = movie.metadata.parse().ok().map(|m| m.original_language);
        let candidates: Vec<Candidate> = found
            .into_iter()
            .map(|(release, parsed)| Candidate {
                custom_formats: formats_of(
                    &parsed,
                    &release,
                    &settings.formats,
                    &ctx.profile,
                    language,
                ),
                release,
                parsed,
            })
            .collect();
        let evaluated = evaluate(&ctx, &candidates);
        if grab_best(state, movie, &evaluated, GrabSource::Rss)
            .await?
            .is_some()
        {
            report.grabbed += 1;
        }
    }
    Ok(report)
}

/// The library looked up by id and by clean title.
struct Library<'m> {
    movies: &'m [Movie],
    by_tmdb: HashMap<i32, usize>,
    by_imdb: HashMap<String, usize>,
    by_title: HashMap<String, Vec<usize>>,
}

impl<'m> Library<'m> {
    fn new(movies: &'m [Movie]) -> Self {
        let mut library = Library {
            movies,
            by_tmdb: HashMap::new(),
            by_imdb: HashMap::new(),
            by_title: HashMap::new(),
        };
        for (index, movie) in movies.iter().enumerate() {
            library.by_tmdb.insert(movie.tmdb_id, index);
            if let Some(imdb) = movie.imdb_id.as_deref().and_then(normalize_imdb_id) {
                library.by_imdb.insert(imdb, index);
            }
            let mut titles = vec![movie.clean_title.clone()];
            if let Ok(metadata) = movie.metadata.parse() {
                titles.push(clean_movie_title(&metadata.original_title));
                titles.extend(
                    metadata
                        .alternate_titles
                        .iter()
                        .map(|a| clean_movie_title(&a.title)),
                );
            }
            titles.sort();
            titles.dedup();
            for title in titles.into_iter().filter(|t| !t.is_empty()) {
                library.by_title.entry(title).or_default().push(index);
            }
        }
        library
    }

    /// The movie a release names: by the indexer's or the title's ids,
    /// else by a title with a fitting year.
    fn find(&self, release: &Release, parsed: &ParsedMovieInfo) -> Option<usize> {
        let tmdb = if release.tmdb_id > 0 {
            release.tmdb_id
        } else {
            parsed.tmdb_id
        };
        if let Some(&index) = self.by_tmdb.get(&tmdb) {
            return Some(index);
        }
        let imdb = release
            .imdb_id
            .as_deref()
            .or(parsed.imdb_id.as_deref())
            .and_then(normalize_imdb_id);
        if let Some(index) = imdb.and_then(|id| self.by_imdb.get(&id)) {
            return Some(*index);
        }
        parsed
            .movie_titles
            .iter()
            .filter_map(|title| self.by_title.get(&clean_movie_title(title)))
            .flatten()
            .copied()
            .find(|&index| {
                let movie = &self.movies[index];
                parsed.year == 0
                    || parsed.year == movie.year
                    || movie
                        .metadata
                        .parse()
                        .is_ok_and(|m| m.secondary_year == Some(parsed.year))
            })
    }
}
