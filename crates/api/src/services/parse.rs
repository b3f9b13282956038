//! `GET /parse`: a release title read, and the library's movie it names.

use domain::movie::Movie;
use parser::{ParsedMovieInfo, clean_movie_title, parse_movie_title};

use crate::error::ApiResult;
use crate::state::AppState;

/// Titles searched for a match, at most.
const CANDIDATES: u32 = 20;

/// The title read, and the library's movie it names.
pub async fn parse(
    state: &AppState,
    title: &str,
) -> ApiResult<Option<(ParsedMovieInfo, Option<Movie>)>> {
    let Some(parsed) = parse_movie_title(title, false) else {
        return Ok(None);
    };
    let movie = library_movie(state, &parsed).await?;
    Ok(Some((parsed, movie)))
}

/// The movie a parsed title names, as Radarr finds it: by TMDB id, then by
/// a title (or alternative title) that cleans to the same as one of the
/// release's, with the release's year when it gives one.
pub async fn library_movie(state: &AppState, parsed: &ParsedMovieInfo) -> ApiResult<Option<Movie>> {
    if parsed.tmdb_id > 0
        && let Some(movie) = state.store.movie_by_tmdb_id(parsed.tmdb_id).await?
    {
        return Ok(Some(movie));
    }
    for title in &parsed.movie_titles {
        let wanted = clean_movie_title(title);
        if wanted.is_empty() {
            continue;
        }
        let candidates = state.store.search_movies(title, CANDIDATES).await?;
        if let Some(movie) = candidates
            .into_iter()
            .find(|m| names(m, &wanted, parsed.year))
        {
            return Ok(Some(movie));
        }
    }
    Ok(None)
}

/// Whether `movie` has a title cleaning to `wanted`, and the year (0: any).
fn names(movie: &Movie, wanted: &str, year: i32) -> bool {
    let year_fits = year == 0 || movie.year == year;
    let alternates = movie
        .metadata
        .parse()
        .map(|m| m.alternate_titles)
        .unwrap_or_default();
    year_fits
        && (clean_movie_title(&movie.title) == wanted
            || alternates
                .iter()
                .any(|a| clean_movie_title(&a.title) == wanted))
}
