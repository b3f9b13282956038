//! Import exclusions: movies that lists and bulk imports must never add again.

/// A movie excluded from import, by TMDB id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportExclusion {
    pub id: i32,
    pub tmdb_id: i32,
    pub movie_title: String,
    pub movie_year: i32,
}
