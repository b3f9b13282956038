//! Radarr's `ParseResource`: what a release title says (`parsedMovieInfo`),
//! and the library's movie it names, when there is one.

use parser::{Language, ParsedMovieInfo, QualityModel};
use serde::Serialize;
use serde_json::value::RawValue;

/// `parsedMovieInfo`, as Radarr writes it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ParsedMovieInfoWire<'a> {
    movie_titles: &'a [String],
    original_title: &'a str,
    release_title: &'a str,
    simple_release_title: &'a str,
    quality: &'a QualityModel,
    languages: &'a [Language],
    #[serde(skip_serializing_if = "Option::is_none")]
    release_group: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    release_hash: Option<&'a str>,
    edition: &'a str,
    year: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    imdb_id: Option<&'a str>,
    tmdb_id: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    hardcoded_subs: Option<&'a str>,
    movie_title: &'a str,
    primary_movie_title: &'a str,
}

/// A parse answer.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ParseResource<'a> {
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    parsed_movie_info: Option<ParsedMovieInfoWire<'a>>,
    /// The library's movie, already rendered as `/movie` renders it.
    #[serde(skip_serializing_if = "Option::is_none")]
    movie: Option<&'a RawValue>,
    #[serde(skip_serializing_if = "Option::is_none")]
    languages: Option<&'a [Language]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    custom_formats: Option<[(); 0]>,
    custom_format_score: i32,
}

impl<'a> ParseResource<'a> {
    /// The answer for `title`, read as `parsed` (`None` when it could not
    /// be), naming `movie` when the library has it.
    pub fn new(
        title: &'a str,
        parsed: Option<&'a ParsedMovieInfo>,
        movie: Option<&'a RawValue>,
    ) -> Self {
        let primary = parsed.map_or("", ParsedMovieInfo::primary_movie_title);
        ParseResource {
            title,
            parsed_movie_info: parsed.map(|p| ParsedMovieInfoWire {
                movie_titles: &p.movie_titles,
                original_title: &p.original_title,
                release_title: &p.release_title,
                simple_release_title: &p.simple_release_title,
                quality: &p.quality,
                languages: &p.languages,
                release_group: p.release_group.as_deref(),
                release_hash: p.release_hash.as_deref(),
                edition: &p.edition,
                year: p.year,
                imdb_id: p.imdb_id.as_deref(),
                tmdb_id: p.tmdb_id,
                hardcoded_subs: p.hardcoded_subs.as_deref(),
                movie_title: primary,
                primary_movie_title: primary,
            }),
            movie,
            languages: parsed.map(|p| p.languages.as_slice()),
            custom_formats: parsed.map(|_| []),
            custom_format_score: 0,
        }
    }
}
