//! Release titles read the way Radarr reads them: the movie's title and
//! year, edition, quality, languages and release group, with Radarr's names
//! for each. Pure: no I/O, and every pattern is compiled once.
//!
//! [`parse_movie_title`] reads a whole release title; the parts it is made
//! of ([`parse_quality`], [`parse_languages`], [`parse_release_group`], …)
//! are public too, as Radarr's are, and each is tested against the rows of
//! Radarr's own tests (`tests/cases.rs`).
#![forbid(unsafe_code)]

mod wire_enum;

mod clean;
mod edition;
mod ids;
pub mod language;
mod language_parser;
mod parsed;
pub mod quality;
mod quality_parser;
mod release_group;
mod scene;
mod subtitle;
mod text;
mod title;

pub use clean::clean_movie_title;
pub use edition::parse_edition;
pub use ids::{normalize_imdb_id, parse_imdb_id, parse_tmdb_id};
pub use language::Language;
pub use language_parser::parse_languages;
pub use parsed::ParsedMovieInfo;
pub use quality::{Modifier, Quality, QualityModel, QualitySource, Revision};
pub use quality_parser::{DetectionSource, ParsedQuality, parse_quality};
pub use release_group::parse_release_group;
pub use scene::{is_scene_title, scene_title};
pub use subtitle::{SubtitleInfo, parse_subtitle_language, parse_subtitle_language_information};
pub use title::{parse_movie_path, parse_movie_title, simplify_release_title};
pub use wire_enum::UnknownVariant;

/// The longest input read: a longer one is cut here (at a character
/// boundary), so every parse takes bounded time.
pub const MAX_INPUT: usize = 1024;
