//! Whether a release is for the movie at all (Radarr's parsing-service map):
//! by TMDB or IMDb id, else by clean title and year. Otherwise "Unknown Movie".

use super::Rejection;
use super::context::Candidate;
use super::prepared::Prepared;

/// Parsed years before this are not years (Radarr ignores them).
const FIRST_YEAR: i32 = 1800;

/// Rejects a release that cannot be parsed or names another movie.
pub fn evaluate(c: &Candidate, p: &Prepared) -> Option<Rejection> {
    if c.parsed.primary_movie_title().trim().is_empty() {
        return Some(Rejection::permanent("Unable to parse release"));
    }
    if matches_by_id(c, p) || matches_by_title(c, p) {
        return None;
    }
    Some(Rejection::permanent("Unknown Movie"))
}

/// The indexer's ids win over the title's, as Radarr reads them.
fn matches_by_id(c: &Candidate, p: &Prepared) -> bool {
    let movie = &p.ctx.movie;
    let tmdb = if c.release.tmdb_id > 0 {
        c.release.tmdb_id
    } else {
        c.parsed.tmdb_id
    };
    if tmdb > 0 && tmdb == movie.tmdb_id {
        return true;
    }
    let imdb = c
        .release
        .imdb_id
        .as_deref()
        .filter(|id| !id.trim().is_empty() && *id != "0")
        .or(c.parsed.imdb_id.as_deref());
    match (
        imdb.and_then(parser::normalize_imdb_id),
        movie.imdb_id.as_deref(),
    ) {
        (Some(release), Some(ours)) => parser::normalize_imdb_id(ours) == Some(release),
        _ => false,
    }
}

/// One of the release's titles is one of the movie's, and the year (when
/// the title has one) is the movie's year or secondary year.
fn matches_by_title(c: &Candidate, p: &Prepared) -> bool {
    let titled = c
        .parsed
        .movie_titles
        .iter()
        .any(|t| p.clean_titles.contains(&parser::clean_movie_title(t)));
    let year = c.parsed.year;
    let (movie_year, secondary) = p.years;
    titled && (year < FIRST_YEAR || year == movie_year || Some(year) == secondary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decision::test_support::{candidate, context, hd_profile, reason};
    use crate::quality::Quality;

    #[test]
    fn title_and_year_match_the_movie() {
        let ctx = context(hd_profile(true));
        let c = candidate(
            "Movie.Title.2020.1080p.BluRay.x264-GRP",
            Quality::BLURAY_1080P,
        );
        assert_eq!(reason(evaluate, &ctx, &c), None);
        let c = candidate("Movie Title 1080p BluRay x264-GRP", Quality::BLURAY_1080P);
        assert_eq!(
            reason(evaluate, &ctx, &c),
            None,
            "no year is no contradiction"
        );
    }

    #[test]
    fn wrong_year_or_title_is_an_unknown_movie() {
        let ctx = context(hd_profile(true));
        let c = candidate(
            "Movie.Title.2018.1080p.BluRay.x264-GRP",
            Quality::BLURAY_1080P,
        );
        assert_eq!(reason(evaluate, &ctx, &c).as_deref(), Some("Unknown Movie"));
        let c = candidate(
            "Another.Film.2020.1080p.BluRay.x264-GRP",
            Quality::BLURAY_1080P,
        );
        assert_eq!(reason(evaluate, &ctx, &c).as_deref(), Some("Unknown Movie"));
    }

    #[test]
    fn indexer_ids_match_whatever_the_title_says() {
        let ctx = context(hd_profile(true));
        let mut c = candidate(
            "Totally.Different.1999.1080p.BluRay-GRP",
            Quality::BLURAY_1080P,
        );
        c.release.tmdb_id = 603;
        assert_eq!(reason(evaluate, &ctx, &c), None);
        c.release.tmdb_id = 0;
        c.release.imdb_id = Some("tt0000603".into());
        assert_eq!(reason(evaluate, &ctx, &c), None);
    }

    #[test]
    fn a_title_without_a_movie_title_cannot_be_parsed() {
        let ctx = context(hd_profile(true));
        let mut c = candidate(
            "Movie.Title.2020.1080p.BluRay.x264-GRP",
            Quality::BLURAY_1080P,
        );
        c.parsed.movie_titles.clear();
        assert_eq!(
            reason(evaluate, &ctx, &c).as_deref(),
            Some("Unable to parse release")
        );
    }
}
