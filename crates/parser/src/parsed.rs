//! What a release title says, as Radarr's `ParsedMovieInfo` holds it.

use crate::language::Language;
use crate::quality::QualityModel;

/// A release title read whole.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ParsedMovieInfo {
    /// The movie's title, then each alternative title it gives (split on
    /// `AKA` and `/`); never empty.
    pub movie_titles: Vec<String>,
    /// The title as given.
    pub original_title: String,
    /// The title without its file extension.
    pub release_title: String,
    /// The release title with characters a file name cannot hold removed.
    pub simple_release_title: String,
    /// Its quality and revision.
    pub quality: QualityModel,
    /// Its languages; `[Unknown]` when it names none.
    pub languages: Vec<Language>,
    /// The group that made the release.
    pub release_group: Option<String>,
    /// An anime-style CRC, e.g. `ABCD1234`.
    pub release_hash: Option<String>,
    /// The edition, e.g. `Director's Cut`; empty for none.
    pub edition: String,
    /// The year; 0 when the title has none.
    pub year: i32,
    /// An IMDb id the title carries, e.g. `tt0133093`.
    pub imdb_id: Option<String>,
    /// A TMDB id the title carries (`tmdbid-603`); 0 for none.
    pub tmdb_id: i32,
    /// The language of burned-in subtitles (`KORSUB`), or `HC` / `SUBBED`.
    pub hardcoded_subs: Option<String>,
}

impl ParsedMovieInfo {
    /// The movie's (first) title.
    pub fn primary_movie_title(&self) -> &str {
        self.movie_titles.first().map_or("", String::as_str)
    }
}
