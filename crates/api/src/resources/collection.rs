//! Radarr's `CollectionResource`, with each of its movies as a
//! `CollectionMovieResource` that says whether the library has it.

use std::collections::HashSet;

use domain::collection::{Collection, CollectionPart};
use domain::movie::{CoverType, MediaCover, MovieStatus, Ratings};
use domain::naming::movie_folder_name;
use serde::{Deserialize, Serialize};

/// An image of a collection or its movies. Only movies of the library have
/// their images kept here, so these link to TMDB's.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ImageWire<'a> {
    cover_type: CoverType,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    remote_url: Option<&'a str>,
}

fn images(images: &[MediaCover]) -> Vec<ImageWire<'_>> {
    images
        .iter()
        .map(|i| ImageWire {
            cover_type: i.cover_type,
            url: i.remote_url.as_deref(),
            remote_url: i.remote_url.as_deref(),
        })
        .collect()
}

/// A movie of a collection.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CollectionMovieResource<'a> {
    tmdb_id: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    imdb_id: Option<&'a str>,
    title: &'a str,
    clean_title: &'a str,
    sort_title: &'a str,
    status: MovieStatus,
    overview: &'a str,
    runtime: i32,
    images: Vec<ImageWire<'a>>,
    year: i32,
    ratings: &'a Ratings,
    genres: &'a [String],
    folder: String,
    is_existing: bool,
    is_excluded: bool,
}

/// A collection on the wire.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CollectionResource<'a> {
    title: &'a str,
    sort_title: &'a str,
    tmdb_id: i32,
    images: Vec<ImageWire<'a>>,
    overview: &'a str,
    monitored: bool,
    root_folder_path: &'a str,
    quality_profile_id: i32,
    search_on_add: bool,
    minimum_availability: MovieStatus,
    movies: Vec<CollectionMovieResource<'a>>,
    missing_movies: usize,
    tags: &'a [i32],
    id: i32,
}

/// What the library holds, for telling which movies of a collection it lacks.
pub struct Holdings {
    /// TMDB ids of the library's movies.
    pub in_library: HashSet<i32>,
    /// TMDB ids of excluded movies.
    pub excluded: HashSet<i32>,
}

impl<'a> CollectionResource<'a> {
    /// The resource of a stored collection.
    pub fn new(collection: &'a Collection, holdings: &Holdings) -> Self {
        let movies: Vec<CollectionMovieResource<'a>> = collection
            .parts
            .iter()
            .map(|part: &'a CollectionPart| CollectionMovieResource {
                tmdb_id: part.tmdb_id,
                imdb_id: part.imdb_id.as_deref(),
                title: &part.title,
                clean_title: &part.clean_title,
                sort_title: &part.sort_title,
                status: part.status,
                overview: &part.overview,
                runtime: part.runtime,
                images: images(&part.images),
                year: part.year,
                ratings: &part.ratings,
                genres: &part.genres,
                folder: movie_folder_name(&part.title, part.year),
                is_existing: holdings.in_library.contains(&part.tmdb_id),
                is_excluded: holdings.excluded.contains(&part.tmdb_id),
            })
            .collect();
        let missing_movies = movies
            .iter()
            .filter(|m| !m.is_existing && !m.is_excluded)
            .count();
        CollectionResource {
            title: &collection.title,
            sort_title: &collection.sort_title,
            tmdb_id: collection.tmdb_id,
            images: images(&collection.images),
            overview: &collection.overview,
            monitored: collection.monitored,
            root_folder_path: &collection.root_folder_path,
            quality_profile_id: collection.quality_profile_id,
            search_on_add: collection.search_on_add,
            minimum_availability: collection.minimum_availability,
            movies,
            missing_movies,
            tags: &collection.tags,
            id: collection.id,
        }
    }
}

/// The settings a client may change, one collection (`PUT /collection/{id}`,
/// a whole resource) or several (`PUT /collection`, with `collectionIds`);
/// what is absent stays as it is.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CollectionInput {
    /// The collections a bulk edit applies to.
    pub collection_ids: Option<Vec<i32>>,
    /// Whether missing movies are added.
    pub monitored: Option<bool>,
    /// Bulk only: monitors or unmonitors the library's movies of the collections.
    pub monitor_movies: Option<bool>,
    /// The profile added movies get.
    pub quality_profile_id: Option<i32>,
    /// Where added movies go.
    pub root_folder_path: Option<String>,
    /// The minimum availability added movies get.
    pub minimum_availability: Option<MovieStatus>,
    /// Whether added movies are searched for.
    pub search_on_add: Option<bool>,
    /// The tags added movies get.
    pub tags: Option<Vec<i32>>,
}
