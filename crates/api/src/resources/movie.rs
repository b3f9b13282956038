//! MovieResource as Radarr writes it. The columns are written through serde;
//! the metadata document is copied in as stored (see `domain::movie::MetadataDoc`).

use chrono::{DateTime, Utc};
use domain::availability;
use domain::language::Language;
use domain::movie::{AddOptions, CoverType, Movie, MovieStatus};
use domain::movie_file::{MediaInfo, MovieFile};
use domain::naming;
use domain::quality::QualityModel;
use serde::Serialize;

use super::wire_date::WireDate;
use crate::services::cover_proxy;
use crate::services::profile_cache::Profiles;

/// What rendering a movie needs beyond the movie: the URL base for image
/// links, the time for availability, and profiles for the cutoff check.
pub struct RenderContext {
    /// Path prefix of local URLs.
    pub url_base: String,
    /// The time availability is judged at.
    pub now: DateTime<Utc>,
    /// Days added to release dates before a movie counts as available.
    pub availability_delay: i32,
    /// Quality profiles by id.
    pub profiles: Profiles,
    /// The library revision the rendering was asked at.
    pub revision: i64,
    /// Names everything above but the library: two renderings of a movie
    /// under the same key, with the movie unchanged, are the same bytes.
    pub key: String,
}

impl RenderContext {
    /// The revision and the key together: two renderings of a movie under
    /// the same version are the same bytes.
    pub fn version(&self) -> String {
        format!("{}-{}", self.revision, self.key)
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ImageWire<'a> {
    cover_type: CoverType,
    url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    remote_url: Option<&'a str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Statistics<'a> {
    movie_file_count: i32,
    size_on_disk: i64,
    release_groups: Vec<&'a str>,
}

/// MovieFileResource, as embedded in a movie.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MovieFileWire<'a> {
    movie_id: i32,
    relative_path: &'a str,
    path: String,
    size: i64,
    date_added: WireDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    scene_name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    release_group: Option<&'a str>,
    edition: &'a str,
    languages: &'a [Language],
    quality: &'a QualityModel,
    indexer_flags: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    media_info: Option<&'a MediaInfo>,
    #[serde(skip_serializing_if = "Option::is_none")]
    original_file_path: Option<&'a str>,
    quality_cutoff_not_met: bool,
    id: i32,
}

impl<'a> MovieFileWire<'a> {
    /// The file of `movie`.
    pub fn new(movie: &Movie, file: &'a MovieFile, ctx: &RenderContext) -> Self {
        let cutoff_not_met = ctx
            .profiles
            .by_id
            .get(&movie.quality_profile_id)
            .is_some_and(
                |p| match (p.cutoff_index(), p.item_index_of(file.quality.quality.id)) {
                    (Some(cutoff), Some(have)) => have < cutoff,
                    _ => false,
                },
            );
        MovieFileWire {
            movie_id: file.movie_id,
            relative_path: &file.relative_path,
            path: format!(
                "{}/{}",
                movie.path.trim_end_matches('/'),
                file.relative_path
            ),
            size: file.size,
            date_added: WireDate(file.date_added),
            scene_name: file.scene_name.as_deref(),
            release_group: file.release_group.as_deref(),
            edition: &file.edition,
            languages: &file.languages,
            quality: &file.quality,
            indexer_flags: file.indexer_flags,
            media_info: file.media_info.as_ref(),
            original_file_path: file.original_file_path.as_deref(),
            quality_cutoff_not_met: cutoff_not_met,
            id: file.id,
        }
    }
}

/// The movie's own columns in MovieResource's names; the metadata document
/// supplies the rest.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct MovieHead<'a> {
    title: &'a str,
    sort_title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    size_on_disk: Option<i64>,
    status: MovieStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    in_cinemas: Option<WireDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    physical_release: Option<WireDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    digital_release: Option<WireDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    release_date: Option<WireDate>,
    images: Vec<ImageWire<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    remote_poster: Option<&'a str>,
    year: i32,
    path: &'a str,
    quality_profile_id: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    has_file: Option<bool>,
    movie_file_id: i32,
    monitored: bool,
    minimum_availability: MovieStatus,
    is_available: bool,
    /// Radarr's quirk: the full path, not the folder's name.
    folder_name: &'a str,
    clean_title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    imdb_id: Option<&'a str>,
    tmdb_id: i32,
    title_slug: String,
    root_folder_path: &'a str,
    folder: String,
    tags: &'a [i32],
    added: WireDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    add_options: Option<&'a AddOptions>,
    #[serde(skip_serializing_if = "Option::is_none")]
    movie_file: Option<MovieFileWire<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    last_search_time: Option<WireDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    statistics: Option<Statistics<'a>>,
    /// Written only when true: a lookup result on the exclusion list.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    is_excluded: bool,
    /// Absent for a lookup result not in the library.
    #[serde(skip_serializing_if = "is_zero")]
    id: i32,
}

fn is_zero(id: &i32) -> bool {
    *id == 0
}

/// Which of Radarr's two renderings of a movie.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// `/movie` and `/movie/{id}`: with the file statistics.
    Library,
    /// A lookup result: without `hasFile`, `statistics` and `sizeOnDisk`;
    /// one not in the library (id 0) links its images through the server's
    /// `/MediaCoverProxy` and names the folder the naming format would make.
    Lookup {
        /// On the exclusion list.
        excluded: bool,
    },
}

/// Local image URL, as Radarr serves cached covers.
fn local_image_url(url_base: &str, movie_id: i32, cover: CoverType) -> String {
    let extension = if cover == CoverType::Clearlogo {
        "png"
    } else {
        "jpg"
    };
    format!("{url_base}/MediaCover/{movie_id}/{cover}.{extension}")
}

/// Appends the movie's JSON object to `out`, as `/movie` renders it.
pub fn write_movie(out: &mut Vec<u8>, movie: &Movie, ctx: &RenderContext) {
    write_shaped(out, movie, ctx, Shape::Library);
}

/// Appends the movie's JSON object to `out` in `shape`.
pub fn write_shaped(out: &mut Vec<u8>, movie: &Movie, ctx: &RenderContext, shape: Shape) {
    let file = movie.movie_file.as_ref();
    let size_on_disk = file.map_or(0, |f| f.size);
    let library = shape == Shape::Library;
    let stored = movie.id != 0;
    let images = movie
        .images
        .iter()
        .map(|i| ImageWire {
            cover_type: i.cover_type,
            url: match (stored, i.remote_url.as_deref()) {
                (false, Some(remote)) => match cover_proxy::path_of(remote) {
                    Some(path) => format!("{}{path}", ctx.url_base),
                    None => remote.to_string(),
                },
                _ => local_image_url(&ctx.url_base, movie.id, i.cover_type),
            },
            remote_url: i.remote_url.as_deref(),
        })
        .collect();
    let head = MovieHead {
        title: &movie.title,
        sort_title: &movie.sort_title,
        size_on_disk: library.then_some(size_on_disk),
        status: movie.status,
        in_cinemas: movie.in_cinemas.map(WireDate),
        physical_release: movie.physical_release.map(WireDate),
        digital_release: movie.digital_release.map(WireDate),
        release_date: availability::release_date(movie).map(WireDate),
        images,
        remote_poster: movie
            .images
            .iter()
            .find(|i| i.cover_type == CoverType::Poster)
            .and_then(|i| i.remote_url.as_deref()),
        year: movie.year,
        path: &movie.path,
        quality_profile_id: movie.quality_profile_id,
        has_file: library.then_some(file.is_some()),
        movie_file_id: file.map_or(0, |f| f.id),
        monitored: movie.monitored,
        minimum_availability: movie.minimum_availability,
        is_available: availability::is_available(movie, ctx.now, ctx.availability_delay),
        folder_name: &movie.path,
        clean_title: &movie.clean_title,
        imdb_id: movie.imdb_id.as_deref(),
        tmdb_id: movie.tmdb_id,
        title_slug: movie.title_slug(),
        root_folder_path: &movie.root_folder_path,
        folder: match stored {
            true => movie
                .path
                .rsplit('/')
                .next()
                .unwrap_or_default()
                .to_string(),
            false => naming::movie_folder_name(&movie.title, movie.year),
        },
        tags: &movie.tags,
        added: WireDate(movie.added),
        add_options: movie.add_options.as_ref(),
        movie_file: file.map(|f| MovieFileWire::new(movie, f, ctx)),
        last_search_time: movie.last_search_time.map(WireDate),
        statistics: library.then(|| Statistics {
            movie_file_count: i32::from(file.is_some()),
            size_on_disk,
            release_groups: file
                .and_then(|f| f.release_group.as_deref())
                .into_iter()
                .collect(),
        }),
        is_excluded: matches!(shape, Shape::Lookup { excluded: true }),
        id: movie.id,
    };
    let start = out.len();
    // Writing plain structs into a Vec cannot fail.
    if serde_json::to_writer(&mut *out, &head).is_err() {
        out.truncate(start);
        out.extend_from_slice(b"{}");
        return;
    }
    splice_object(out, movie.metadata.as_json());
}

/// Merges a JSON object's members into the object just written at the end of
/// `out`: `{"a":1}` and `{"b":2}` become `{"a":1,"b":2}`.
fn splice_object(out: &mut Vec<u8>, object: &str) {
    let inner = object.trim();
    let inner = inner
        .strip_prefix('{')
        .and_then(|s| s.strip_suffix('}'))
        .unwrap_or("")
        .trim();
    if inner.is_empty() {
        return;
    }
    if out.last() == Some(&b'}') {
        out.pop();
        out.push(b',');
        out.extend_from_slice(inner.as_bytes());
        out.push(b'}');
    }
}

/// The movie as a JSON value, for single-movie responses.
pub fn movie_json(movie: &Movie, ctx: &RenderContext) -> Vec<u8> {
    let mut out = Vec::with_capacity(4096);
    write_movie(&mut out, movie, ctx);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splice_merges_members_and_ignores_empty_objects() {
        let mut out = br#"{"a":1}"#.to_vec();
        splice_object(&mut out, r#" { "b" : [2] } "#);
        assert_eq!(String::from_utf8(out).unwrap(), r#"{"a":1,"b" : [2]}"#);
        let mut out = br#"{"a":1}"#.to_vec();
        splice_object(&mut out, "{}");
        assert_eq!(String::from_utf8(out).unwrap(), r#"{"a":1}"#);
    }
}
