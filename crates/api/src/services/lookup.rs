//! Finding movies on TMDB to add, as Radarr's `movie/lookup` does: the term
//! may be a TMDB or IMDb id (or a link to either) or free text with a year;
//! a result already in the library is the library's movie, so clients see
//! that it was added.

use std::collections::HashSet;

use chrono::Utc;
use domain::movie::{Movie, MovieStatus};
use tmdb::TmdbError;
use tmdb::to_movie::{movie_from_details, movie_from_summary};

use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

/// What a lookup term asks for.
#[derive(Debug, PartialEq, Eq)]
pub enum Term {
    Tmdb(i32),
    Imdb(String),
    Text {
        query: String,
        year: Option<i32>,
    },
    /// An id prefix with no usable id, or nothing at all: no results.
    Nothing,
}

/// Reads a term as Radarr does: links are taken for their ids, `tmdb:` and
/// `imdb:` prefixes (or `tmdbid:`, `imdbid:`, or a bare `tt…`) name one
/// movie, and free text may end in a year.
pub fn read_term(term: &str) -> Term {
    let term = term.trim().to_lowercase();
    if let Some(id) = after(&term, "imdb.com/title/") {
        return imdb(id);
    }
    if let Some(id) = after(&term, "themoviedb.org/movie/") {
        return tmdb(id);
    }
    for prefix in ["tmdb:", "tmdbid:"] {
        if let Some(id) = term.strip_prefix(prefix) {
            return tmdb(id);
        }
    }
    for prefix in ["imdb:", "imdbid:"] {
        if let Some(id) = term.strip_prefix(prefix) {
            return imdb(id);
        }
    }
    if is_imdb_id(&term) {
        return Term::Imdb(term);
    }
    let words: Vec<&str> = term
        .split(|c: char| c.is_whitespace() || c == '.' || c == '_')
        .filter(|w| !w.is_empty())
        .collect();
    let year = match words.as_slice() {
        [_, .., last] => last
            .parse::<i32>()
            .ok()
            .filter(|y| (1800..2200).contains(y)),
        _ => None,
    };
    let words = if year.is_some() {
        &words[..words.len() - 1]
    } else {
        &words[..]
    };
    match words.is_empty() {
        true => Term::Nothing,
        false => Term::Text {
            query: words.join(" "),
            year,
        },
    }
}

fn after<'a>(term: &'a str, marker: &str) -> Option<&'a str> {
    term.find(marker).map(|at| &term[at + marker.len()..])
}

fn tmdb(id: &str) -> Term {
    let digits: String = id.trim().chars().take_while(char::is_ascii_digit).collect();
    match digits.parse::<i32>() {
        Ok(id) if id > 0 => Term::Tmdb(id),
        _ => Term::Nothing,
    }
}

fn imdb(id: &str) -> Term {
    let id: String = id
        .trim()
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect();
    match is_imdb_id(&id) {
        true => Term::Imdb(id),
        false => Term::Nothing,
    }
}

fn is_imdb_id(id: &str) -> bool {
    id.strip_prefix("tt")
        .is_some_and(|digits| digits.len() >= 5 && digits.chars().all(|c| c.is_ascii_digit()))
}

/// A lookup result.
pub struct Found {
    pub movie: Movie,
    /// On the exclusion list (only said of movies not in the library).
    pub excluded: bool,
}

/// The movies a term finds; those in the library as the library has them.
pub async fn lookup(state: &AppState, term: &str) -> ApiResult<Vec<Found>> {
    let failed = |e: TmdbError| ApiError::Unavailable(format!("Search for '{term}' failed. {e}"));
    let now = Utc::now();
    let movies = match read_term(term) {
        Term::Nothing => Vec::new(),
        Term::Tmdb(id) => match state.tmdb.movie(id).await {
            Ok(details) => vec![movie_from_details(&details, now)],
            Err(TmdbError::NotFound { .. }) => Vec::new(),
            Err(e) => return Err(failed(e)),
        },
        Term::Imdb(id) => match by_imdb(state, &id).await {
            Ok(movie) => movie.into_iter().collect(),
            Err(e) => return Err(failed(e)),
        },
        Term::Text { query, year } => {
            let mut page = state
                .tmdb
                .search_movies(&query, year)
                .await
                .map_err(failed)?;
            // A title that ends in a number ("Blade Runner 2049") is not
            // one from that year: asked again with the number in the title.
            if let (Some(year), true) = (year, page.results.is_empty()) {
                let whole = format!("{query} {year}");
                page = state
                    .tmdb
                    .search_movies(&whole, None)
                    .await
                    .map_err(failed)?;
            }
            page.results
                .iter()
                .map(|summary| movie_from_summary(summary, now))
                .collect()
        }
    };
    let excluded: HashSet<i32> = state
        .store
        .exclusions()
        .await?
        .into_iter()
        .map(|e| e.tmdb_id)
        .collect();
    let mut found = Vec::with_capacity(movies.len());
    for movie in movies {
        found.push(match state.store.movie_by_tmdb_id(movie.tmdb_id).await? {
            Some(stored) => Found {
                movie: stored,
                excluded: false,
            },
            None => Found {
                excluded: excluded.contains(&movie.tmdb_id),
                movie: not_added(movie),
            },
        });
    }
    Ok(found)
}

/// One movie by TMDB id, as TMDB has it (never the library's).
pub async fn lookup_tmdb(state: &AppState, tmdb_id: i32) -> ApiResult<Movie> {
    match state.tmdb.movie(tmdb_id).await {
        Ok(details) => Ok(not_added(movie_from_details(&details, Utc::now()))),
        Err(e) => Err(single_failed(e, &format!("TmdbId {tmdb_id}"))),
    }
}

/// One movie by IMDb id, as TMDB has it (never the library's).
pub async fn lookup_imdb(state: &AppState, imdb_id: &str) -> ApiResult<Movie> {
    let what = format!("ImdbId {imdb_id}");
    match by_imdb(state, imdb_id).await {
        Ok(Some(movie)) => Ok(not_added(movie)),
        Ok(None) => Err(ApiError::NotFound(format!("Movie with {what} not found"))),
        Err(e) => Err(single_failed(e, &what)),
    }
}

async fn by_imdb(state: &AppState, imdb_id: &str) -> Result<Option<Movie>, TmdbError> {
    let Some(summary) = state.tmdb.find_by_imdb(imdb_id).await? else {
        return Ok(None);
    };
    let details = state.tmdb.movie(summary.id).await?;
    Ok(Some(movie_from_details(&details, Utc::now())))
}

fn single_failed(e: TmdbError, what: &str) -> ApiError {
    match e {
        TmdbError::NotFound { .. } => ApiError::NotFound(format!("Movie with {what} not found")),
        e => ApiError::Unavailable(format!("Looking up the movie with {what} failed. {e}")),
    }
}

/// A movie as lookup shows one not in the library: unmonitored, no profile,
/// availability `tba`.
fn not_added(mut movie: Movie) -> Movie {
    movie.monitored = false;
    movie.quality_profile_id = 0;
    movie.minimum_availability = MovieStatus::Tba;
    movie
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(query: &str, year: Option<i32>) -> Term {
        Term::Text {
            query: query.into(),
            year,
        }
    }

    #[test]
    fn terms_read_as_radarr_reads_them() {
        assert_eq!(read_term("tmdb:603"), Term::Tmdb(603));
        assert_eq!(read_term(" TMDBID:603 "), Term::Tmdb(603));
        assert_eq!(read_term("tmdb:"), Term::Nothing);
        assert_eq!(read_term("tmdb:abc"), Term::Nothing);
        assert_eq!(read_term("imdb:tt0133093"), Term::Imdb("tt0133093".into()));
        assert_eq!(
            read_term("imdbid:TT0133093"),
            Term::Imdb("tt0133093".into())
        );
        assert_eq!(read_term("tt0133093"), Term::Imdb("tt0133093".into()));
        assert_eq!(read_term("imdb:nonsense"), Term::Nothing);
        assert_eq!(
            read_term("https://www.imdb.com/title/tt0133093/?ref_=nv"),
            Term::Imdb("tt0133093".into())
        );
        assert_eq!(
            read_term("https://www.themoviedb.org/movie/603-the-matrix"),
            Term::Tmdb(603)
        );
        assert_eq!(read_term("The Matrix"), text("the matrix", None));
        assert_eq!(read_term("the.matrix.1999"), text("the matrix", Some(1999)));
        assert_eq!(
            read_term("1917"),
            text("1917", None),
            "a title that is a year"
        );
        assert_eq!(
            read_term("blade runner 2049"),
            text("blade runner", Some(2049))
        );
        assert_eq!(read_term("   "), Term::Nothing);
    }
}
