//! IMDb and TMDB ids inside titles.

use std::sync::LazyLock;

use regex::Regex;

static IMDB_ID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)tt\d{7,8}").expect("valid pattern"));
static TMDB_ID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)tmdb(?:id)?-(\d+)").expect("valid pattern"));

/// An IMDb id in canonical form (`tt` and at least seven digits), from
/// `tt0133093`, `133093` and the like; `None` when it is not one.
pub fn normalize_imdb_id(id: &str) -> Option<String> {
    let digits = id.strip_prefix("tt").unwrap_or(id);
    let valid =
        !digits.is_empty() && digits.len() <= 10 && digits.bytes().all(|b| b.is_ascii_digit());
    // Radarr turns down a lone digit or two, and "tt" with nothing after.
    (valid && id.len() > 2).then(|| format!("tt{digits:0>7}"))
}

/// The IMDb id a title carries.
pub fn parse_imdb_id(title: &str) -> Option<String> {
    IMDB_ID.find(title).map(|m| m.as_str().to_string())
}

/// The TMDB id a title carries (`tmdbid-603`, `tmdb-603`); 0 for none.
pub fn parse_tmdb_id(title: &str) -> i32 {
    TMDB_ID
        .captures(title)
        .and_then(|c| c.get(1))
        .and_then(|m| m.as_str().parse().ok())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_read_from_titles() {
        assert_eq!(
            parse_imdb_id("Movie 2008 [tt1234567] 720p").as_deref(),
            Some("tt1234567")
        );
        assert_eq!(parse_imdb_id("Movie 2008 tt123"), None);
        assert_eq!(parse_tmdb_id("Movie (2016) {tmdbid-43074}"), 43074);
        assert_eq!(parse_tmdb_id("Movie (2016) {tmdb-99999999999}"), 0);
        assert_eq!(normalize_imdb_id("12").as_deref(), None);
        assert_eq!(normalize_imdb_id("tt").as_deref(), None);
    }
}
