//! The movie bodies clients send: a lookup result with choices added (POST),
//! a whole resource with changes (PUT), and the bulk editor's body.

use domain::language::Language;
use domain::movie::{
    AddOptions, AlternativeTitle, CoverType, MediaCover, MovieCollection, MovieStatus, Ratings,
};
use serde::Deserialize;

use super::wire_date::WireDate;

/// An image as clients send it back: `remoteUrl` is the source; `url` may be
/// the only link a lookup result carried.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImageInput {
    pub cover_type: CoverType,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub remote_url: Option<String>,
}

impl ImageInput {
    /// The image to store: its remote URL, else an absolute `url`.
    pub fn into_cover(self) -> MediaCover {
        let remote = self.remote_url.or(self
            .url
            .filter(|u| u.starts_with("http://") || u.starts_with("https://")));
        MediaCover {
            cover_type: self.cover_type,
            remote_url: remote,
        }
    }
}

/// MovieResource as a client sends it; anything may be missing.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct MovieInput {
    pub id: Option<i32>,
    pub title: Option<String>,
    pub original_title: Option<String>,
    pub original_language: Option<Language>,
    pub alternate_titles: Option<Vec<AlternativeTitle>>,
    pub secondary_year: Option<i32>,
    pub status: Option<MovieStatus>,
    pub overview: Option<String>,
    pub in_cinemas: Option<WireDate>,
    pub physical_release: Option<WireDate>,
    pub digital_release: Option<WireDate>,
    pub images: Option<Vec<ImageInput>>,
    pub website: Option<String>,
    pub year: Option<i32>,
    pub you_tube_trailer_id: Option<String>,
    pub studio: Option<String>,
    pub path: Option<String>,
    pub quality_profile_id: Option<i32>,
    pub monitored: Option<bool>,
    pub minimum_availability: Option<MovieStatus>,
    pub runtime: Option<i32>,
    pub imdb_id: Option<String>,
    pub tmdb_id: Option<i32>,
    pub root_folder_path: Option<String>,
    pub certification: Option<String>,
    pub genres: Option<Vec<String>>,
    pub keywords: Option<Vec<String>>,
    pub tags: Option<Vec<i32>>,
    pub add_options: Option<AddOptions>,
    pub ratings: Option<Ratings>,
    pub collection: Option<MovieCollection>,
    pub popularity: Option<f64>,
}

domain::wire_enum! {
    /// How the editor applies its tags.
    pub enum ApplyTags { Add = 0 => "add", Remove = 1 => "remove", Replace = 2 => "replace" }
}

/// The bulk editor's body (`PUT` and `DELETE /api/v3/movie/editor`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct MovieEditorInput {
    pub movie_ids: Vec<i32>,
    pub monitored: Option<bool>,
    pub quality_profile_id: Option<i32>,
    pub minimum_availability: Option<MovieStatus>,
    pub root_folder_path: Option<String>,
    pub tags: Option<Vec<i32>>,
    pub apply_tags: Option<ApplyTags>,
    pub move_files: bool,
    pub delete_files: bool,
    pub add_import_exclusion: bool,
}
