//! Collections: the TMDB collections (a franchise, a trilogy) that library
//! movies belong to, with the movies TMDB lists in each, and the settings
//! that movies added from a collection get.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::movie::{MediaCover, MovieStatus, Ratings};

/// A movie of a collection as TMDB lists it; in the library or not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CollectionPart {
    /// Its TMDB id.
    pub tmdb_id: i32,
    /// Its IMDb id, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub imdb_id: Option<String>,
    /// Its title.
    pub title: String,
    /// The title as matched.
    pub clean_title: String,
    /// The title as sorted.
    pub sort_title: String,
    /// Where it is in its release cycle.
    pub status: MovieStatus,
    /// What it is about.
    #[serde(default)]
    pub overview: String,
    /// Minutes long, when known.
    #[serde(default)]
    pub runtime: i32,
    /// Its poster and fanart.
    #[serde(default)]
    pub images: Vec<MediaCover>,
    /// The year of its first release.
    pub year: i32,
    /// Its ratings.
    #[serde(default)]
    pub ratings: Ratings,
    /// Its genres.
    #[serde(default)]
    pub genres: Vec<String>,
}

/// A collection the library knows.
#[derive(Debug, Clone, PartialEq)]
pub struct Collection {
    /// Its id.
    pub id: i32,
    /// Its TMDB id.
    pub tmdb_id: i32,
    /// Its title.
    pub title: String,
    /// The title as sorted.
    pub sort_title: String,
    /// The title as matched.
    pub clean_title: String,
    /// What it is about.
    pub overview: String,
    /// Its poster and fanart.
    pub images: Vec<MediaCover>,
    /// Whether its missing movies are added to the library.
    pub monitored: bool,
    /// The profile movies added from it get.
    pub quality_profile_id: i32,
    /// Where movies added from it go.
    pub root_folder_path: String,
    /// The minimum availability movies added from it get.
    pub minimum_availability: MovieStatus,
    /// Whether movies added from it are searched for at once.
    pub search_on_add: bool,
    /// The tags movies added from it get.
    pub tags: Vec<i32>,
    /// When the library first met it.
    pub added: DateTime<Utc>,
    /// When its details last came from TMDB; `None` until they have.
    pub last_info_sync: Option<DateTime<Utc>>,
    /// Its movies, as TMDB lists them.
    pub parts: Vec<CollectionPart>,
}

impl Collection {
    /// A collection first met through one of its movies, which lends it its
    /// settings; its details come later, from TMDB.
    pub fn first_met(
        tmdb_id: i32,
        title: &str,
        settings: &crate::movie::Movie,
        monitored: bool,
        now: DateTime<Utc>,
    ) -> Self {
        Collection {
            id: 0,
            tmdb_id,
            title: title.to_string(),
            sort_title: crate::naming::sort_title(title),
            clean_title: crate::naming::clean_title(title),
            overview: String::new(),
            images: Vec::new(),
            monitored,
            quality_profile_id: settings.quality_profile_id,
            root_folder_path: settings.root_folder_path.clone(),
            minimum_availability: settings.minimum_availability,
            search_on_add: settings
                .add_options
                .as_ref()
                .is_some_and(|o| o.search_for_movie),
            tags: settings.tags.clone(),
            added: now,
            last_info_sync: None,
            parts: Vec::new(),
        }
    }
}
