//! The naming settings (`/config/naming`), kept whole under one key in
//! Radarr's resource shape; Radarr's defaults until saved.

use domain::rename::{ColonReplacement, NamingConfig};
use serde::{Deserialize, Serialize};

use crate::error::{ApiError, ApiResult, ValidationFailure};
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
    let Some(text) = state.store.config_text(KEY).await? else {
        return Ok(NamingConfig::default());
    };
    let resource: NamingResource = serde_json::from_str(&text)
        .map_err(|e| ApiError::Internal(format!("the naming settings cannot be read: {e}")))?;
    resource.config()
}

/// Saves the naming settings a body describes, checked.
pub async fn save(state: &AppState, resource: &NamingResource) -> ApiResult<NamingConfig> {
    let config = resource.config()?;
    let text = serde_json::to_string(&NamingResource::from(&config))
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    state.store.set_config_text(KEY, &text).await?;
    Ok(config)
}
