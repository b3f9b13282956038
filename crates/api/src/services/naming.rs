//! The naming settings (`/config/naming`), kept whole under one key in
//! Radarr's resource shape; Radarr's defaults until saved.

use std::path::Path;

use domain::movie::Movie;
use domain::movie_file::MovieFile;
use domain::rename::{ColonReplacement, NamingConfig, NamingValues};
use serde::{Deserialize, Serialize};

use crate::error::{ApiError, ApiResult, ValidationFailure};
use crate::services::stored;
use crate::state::AppState;

const KEY: &str = "naming";

/// Radarr's `NamingConfigResource`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct NamingResource {
    pub id: i32,
    pub rename_movies: bool,
    pub replace_illegal_characters: bool,
    pub colon_replacement_format: ColonReplacement,
    pub standard_movie_format: String,
    pub movie_folder_format: String,
}

impl Default for NamingResource {
    fn default() -> Self {
        NamingResource::from(&NamingConfig::default())
    }
}

impl From<&NamingConfig> for NamingResource {
    fn from(c: &NamingConfig) -> Self {
        NamingResource {
            id: 1,
            rename_movies: c.rename_movies,
            replace_illegal_characters: c.replace_illegal_characters,
            colon_replacement_format: c.colon_replacement,
            standard_movie_format: c.standard_movie_format.clone(),
            movie_folder_format: c.movie_folder_format.clone(),
        }
    }
}

impl NamingResource {
    /// The settings it describes, checked as Radarr checks them: both
    /// formats name the movie's title.
    pub fn config(&self) -> ApiResult<NamingConfig> {
        let names_title = |format: &str| {
            let lower = format.to_ascii_lowercase();
            [
                "movie title",
                "movie.title",
                "movie_title",
                "movie-title",
                "movie cleantitle",
                "movie.cleantitle",
                "movie titlethe",
                "movie originaltitle",
            ]
            .iter()
            .any(|token| lower.contains(token))
        };
        let mut failures = Vec::new();
        if !names_title(&self.standard_movie_format) {
            failures.push(ValidationFailure::new(
                "StandardMovieFormat",
                "Must contain Movie Title",
                "ValidStandardMovieFormatValidator",
            ));
        }
        if !names_title(&self.movie_folder_format) {
            failures.push(ValidationFailure::new(
                "MovieFolderFormat",
                "Must contain Movie Title",
                "ValidMovieFolderFormatValidator",
            ));
        }
        if !failures.is_empty() {
            return Err(ApiError::Validation(failures));
        }
        Ok(NamingConfig {
            rename_movies: self.rename_movies,
            replace_illegal_characters: self.replace_illegal_characters,
            colon_replacement: self.colon_replacement_format,
            standard_movie_format: self.standard_movie_format.clone(),
            movie_folder_format: self.movie_folder_format.clone(),
        })
    }
}

/// The naming settings as saved.
pub async fn load(state: &AppState) -> ApiResult<NamingConfig> {
    match stored::load_saved::<NamingResource>(state, KEY, "naming settings").await? {
        Some(resource) => resource.config(),
        None => Ok(NamingConfig::default()),
    }
}

/// Saves the naming settings a body describes, checked.
pub async fn save(state: &AppState, resource: &NamingResource) -> ApiResult<NamingConfig> {
    let config = resource.config()?;
    stored::save(state, KEY, &NamingResource::from(&config)).await?;
    Ok(config)
}

/// The folder `naming` gives a new movie under its root folder: the movie
/// folder format filled from the movie; Radarr's default
/// "{Movie Title} ({Release Year})" when that is not one plain name.
pub fn folder_name_of(naming: &NamingConfig, movie: &Movie) -> String {
    let metadata = movie.metadata.parse().ok();
    let name = naming.folder_name(&NamingValues {
        title: &movie.title,
        original_title: metadata.as_ref().map_or("", |m| m.original_title.as_str()),
        year: movie.year,
        imdb_id: movie.imdb_id.as_deref(),
        tmdb_id: movie.tmdb_id,
        quality: None,
        edition: "",
        release_group: None,
        media_info: None,
        original_file_name: "",
        scene_name: None,
        custom_formats: Vec::new(),
    });
    if is_plain(&name) {
        name
    } else {
        domain::naming::movie_folder_name(&movie.title, movie.year)
    }
}

/// Radarr's `NamingExampleResource`: what the sample movie is named.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NamingExamples {
    pub movie_example: String,
    pub movie_folder_example: String,
}

/// The names Radarr's sample movie (its `FileNameSampleService`: "The
/// Movie: Title" of 2010, a Bluray-1080p Proper by RlsGrp) gets under
/// `naming`; "Invalid format" for an empty format, as Radarr says.
pub fn examples(naming: &NamingConfig) -> NamingExamples {
    let media_info = domain::movie_file::MediaInfo {
        audio_channels: 5.1,
        audio_codec: "DTS".into(),
        audio_languages: "eng/ger".into(),
        audio_stream_count: 2,
        video_bit_depth: 10,
        video_codec: "x264".into(),
        video_fps: 23.976,
        video_dynamic_range: "HDR".into(),
        video_dynamic_range_type: "HDR10".into(),
        resolution: "1920x1080".into(),
        run_time: "1:59:00".into(),
        subtitles: "eng/ger".into(),
        ..Default::default()
    };
    let quality = domain::QualityModel {
        quality: domain::Quality::BLURAY_1080P,
        revision: domain::Revision {
            version: 2,
            ..Default::default()
        },
    };
    let values = NamingValues {
        title: "The Movie: Title",
        original_title: "The Original Movie Title",
        year: 2010,
        imdb_id: Some("tt0066921"),
        tmdb_id: 345691,
        quality: Some(quality),
        edition: "Ultimate extended edition",
        release_group: Some("RlsGrp"),
        media_info: Some(&media_info),
        original_file_name: "The.Movie.Title.2010.1080p.BluRay.DTS.x264-RlsGrp",
        scene_name: Some("The.Movie.Title.2010.1080p.BluRay.DTS.x264-RlsGrp"),
        custom_formats: vec!["Surround Sound", "x264"],
    };
    let example = |format: &str| {
        if format.trim().is_empty() {
            "Invalid format".to_string()
        } else {
            naming.render(format, &values)
        }
    };
    NamingExamples {
        movie_example: example(&naming.standard_movie_format),
        movie_folder_example: example(&naming.movie_folder_format),
    }
}

/// Names Windows keeps for devices, with or without an extension: a file
/// or folder so named cannot be opened there (a library on a share).
const DEVICE_NAMES: [&str; 22] = [
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// Whether a name is one plain name inside a folder: not empty, no
/// separators, not `.` or `..`, not a device's name.
fn is_plain(name: &str) -> bool {
    let base = name
        .split('.')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    !name.is_empty()
        && Path::new(name).components().count() == 1
        && !matches!(name, "." | "..")
        && !DEVICE_NAMES.contains(&base.as_str())
}

/// The name (without extension) `naming` gives a movie's file: the
/// standard movie format filled from the movie and the file's record when
/// renaming is on, else (as Radarr) its release's name, or the name it
/// came with, made safe. `None` when that is not one plain name inside the
/// movie's folder.
pub fn file_name_of(
    naming: &NamingConfig,
    movie: &Movie,
    file: &MovieFile,
    original_file_name: &str,
) -> Option<String> {
    let metadata = movie.metadata.parse().ok();
    let name = if naming.rename_movies {
        naming.file_name(&NamingValues {
            title: &movie.title,
            original_title: metadata.as_ref().map_or("", |m| m.original_title.as_str()),
            year: movie.year,
            imdb_id: movie.imdb_id.as_deref(),
            tmdb_id: movie.tmdb_id,
            quality: Some(file.quality),
            edition: &file.edition,
            release_group: file.release_group.as_deref(),
            media_info: file.media_info.as_ref(),
            original_file_name,
            scene_name: file.scene_name.as_deref(),
            custom_formats: Vec::new(),
        })
    } else {
        let original = file
            .scene_name
            .as_deref()
            .filter(|name| !name.trim().is_empty())
            .unwrap_or(original_file_name);
        naming
            .clean(original)
            .trim()
            .trim_start_matches('.')
            .to_string()
    };
    is_plain(&name).then_some(name)
}

#[cfg(test)]
mod tests {
    use domain::movie_file::MovieFile;

    use super::*;

    fn movie() -> Movie {
        let mut movie = Movie::new(603, "The Matrix", 1999);
        movie.path = "/movies/The Matrix (1999)".into();
        movie
    }

    fn file(scene_name: Option<&str>) -> MovieFile {
        MovieFile {
            id: 1,
            movie_id: 1,
            relative_path: String::new(),
            size: 0,
            date_added: chrono::Utc::now(),
            scene_name: scene_name.map(str::to_string),
            release_group: None,
            edition: String::new(),
            languages: Vec::new(),
            quality: Default::default(),
            indexer_flags: 0,
            media_info: None,
            original_file_path: None,
        }
    }

    #[test]
    fn a_name_never_leaves_the_movies_folder_nor_names_a_device() {
        let keep_names = NamingConfig {
            rename_movies: false,
            replace_illegal_characters: false,
            ..NamingConfig::default()
        };
        let (movie, plain) = (movie(), file(None));
        for hostile in ["..", ".", "", "CON", "nul.x264", "Lpt1"] {
            assert_eq!(
                file_name_of(&keep_names, &movie, &plain, hostile),
                None,
                "{hostile}"
            );
        }
        // Separators and leading dots are taken out: a path becomes one name.
        assert_eq!(
            file_name_of(&keep_names, &movie, &plain, "../../etc/passwd").as_deref(),
            Some("etcpasswd")
        );
        assert_eq!(
            file_name_of(
                &keep_names,
                &movie,
                &file(Some("/abs/The.Matrix.1999")),
                "x"
            )
            .as_deref(),
            Some("absThe.Matrix.1999"),
            "the release's name, made one plain name"
        );
        assert_eq!(
            file_name_of(&keep_names, &movie, &plain, "Console.Wars.2020").as_deref(),
            Some("Console.Wars.2020"),
            "only the device names themselves"
        );
    }

    #[test]
    fn a_folder_format_that_makes_no_plain_name_falls_back_to_radarrs_default() {
        let odd = NamingConfig {
            movie_folder_format: "..".into(),
            ..NamingConfig::default()
        };
        assert_eq!(folder_name_of(&odd, &movie()), "The Matrix (1999)");
        let custom = NamingConfig {
            movie_folder_format: "{Movie Title} [{TmdbId}]".into(),
            ..NamingConfig::default()
        };
        assert_eq!(folder_name_of(&custom, &movie()), "The Matrix [603]");
    }
}
