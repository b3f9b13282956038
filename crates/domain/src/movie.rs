//! A movie in the library: the columns the library sorts, filters and searches
//! by, plus a metadata document kept in the shape Radarr's MovieResource writes.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::language::Language;
use crate::movie_file::MovieFile;
use crate::naming;
use crate::quality::QualityModel;

parser::wire_enum! {
    /// Where a movie is in its release cycle; also the minimum a user waits for.
    pub enum MovieStatus {
        Deleted = -1 => "deleted",
        Tba = 0 => "tba",
        Announced = 1 => "announced",
        InCinemas = 2 => "inCinemas",
        Released = 3 => "released",
    }
}

parser::wire_enum! {
    /// What to monitor when a movie is added.
    pub enum MonitorType { MovieOnly = 0 => "movieOnly", MovieAndCollection = 1 => "movieAndCollection", None = 2 => "none" }
}

parser::wire_enum! {
    /// How a movie came into the library.
    pub enum AddMethod { Manual = 0 => "manual", List = 1 => "list", Collection = 2 => "collection" }
}

parser::wire_enum! {
    /// The kind of a movie image.
    pub enum CoverType {
        Unknown = 0 => "unknown", Poster = 1 => "poster", Banner = 2 => "banner", Fanart = 3 => "fanart",
        Screenshot = 4 => "screenshot", Headshot = 5 => "headshot", Clearlogo = 6 => "clearlogo",
    }
}

parser::wire_enum! {
    /// Whether a rating comes from users or critics.
    pub enum RatingType { User = 0 => "user", Critic = 1 => "critic" }
}

parser::wire_enum! {
    /// Where an alternative title came from.
    pub enum AltTitleSource { Tmdb = 0 => "tmdb", Mappings = 1 => "mappings", User = 2 => "user", Indexer = 3 => "indexer" }
}

/// The options a client chose when it added the movie.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AddOptions {
    /// Kept for Sonarr-shaped clients; Radarr ignores it.
    pub ignore_episodes_with_files: bool,
    /// Kept for Sonarr-shaped clients; Radarr ignores it.
    pub ignore_episodes_without_files: bool,
    /// What to monitor.
    pub monitor: MonitorType,
    /// Whether to search for the movie once added.
    pub search_for_movie: bool,
    /// How the movie was added.
    pub add_method: AddMethod,
}

impl Default for AddOptions {
    fn default() -> Self {
        AddOptions {
            ignore_episodes_with_files: false,
            ignore_episodes_without_files: false,
            monitor: MonitorType::MovieOnly,
            search_for_movie: false,
            add_method: AddMethod::Manual,
        }
    }
}

/// An image of the movie as its source published it; the local URL is made at the edge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MediaCover {
    /// Poster, fanart, …
    pub cover_type: CoverType,
    /// Where the image came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remote_url: Option<String>,
}

/// Another title the movie is known by.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AlternativeTitle {
    /// Row id; 0 for titles from metadata.
    #[serde(default)]
    pub id: i32,
    /// Where the title came from.
    #[serde(default = "tmdb_source")]
    pub source_type: AltTitleSource,
    /// The metadata row the title belongs to.
    #[serde(default)]
    pub movie_metadata_id: i32,
    /// The title.
    #[serde(default)]
    pub title: String,
}

fn tmdb_source() -> AltTitleSource {
    AltTitleSource::Tmdb
}

/// One site's rating.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RatingChild {
    /// Number of votes.
    #[serde(default)]
    pub votes: i32,
    /// The score on that site's scale.
    #[serde(default)]
    pub value: f64,
    /// User or critic score.
    #[serde(rename = "type", default = "user_rating")]
    pub rating_type: RatingType,
}

fn user_rating() -> RatingType {
    RatingType::User
}

/// Ratings by site; a site without a rating is absent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Ratings {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub imdb: Option<RatingChild>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tmdb: Option<RatingChild>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metacritic: Option<RatingChild>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rotten_tomatoes: Option<RatingChild>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trakt: Option<RatingChild>,
}

/// The TMDB collection a movie belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MovieCollection {
    /// The collection's title.
    #[serde(default)]
    pub title: String,
    /// The collection's TMDB id.
    #[serde(default)]
    pub tmdb_id: i32,
}

/// Descriptive metadata the library never filters on. Field names and shapes
/// are exactly MovieResource's, so the stored document is spliced into
/// responses without being decoded (see [`MetadataDoc`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct MovieMetadata {
    pub original_title: String,
    pub original_language: Language,
    pub alternate_titles: Vec<AlternativeTitle>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secondary_year: Option<i32>,
    pub secondary_year_source_id: i32,
    pub overview: String,
    pub website: String,
    pub you_tube_trailer_id: String,
    pub studio: String,
    /// Minutes.
    pub runtime: i32,
    pub certification: String,
    pub genres: Vec<String>,
    pub keywords: Vec<String>,
    pub ratings: Ratings,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub collection: Option<MovieCollection>,
    pub popularity: f64,
}

impl Default for MovieMetadata {
    fn default() -> Self {
        MovieMetadata {
            original_title: String::new(),
            original_language: Language::ENGLISH,
            alternate_titles: Vec::new(),
            secondary_year: None,
            secondary_year_source_id: 0,
            overview: String::new(),
            website: String::new(),
            you_tube_trailer_id: String::new(),
            studio: String::new(),
            runtime: 0,
            certification: String::new(),
            genres: Vec::new(),
            keywords: Vec::new(),
            ratings: Ratings::default(),
            collection: None,
            popularity: 0.0,
        }
    }
}

/// [`MovieMetadata`] as its JSON object. Lists of thousands of movies are
/// written by copying these bytes, which is what keeps `GET /movie` fast.
#[derive(Debug, Clone)]
pub struct MetadataDoc(Box<str>);

impl MetadataDoc {
    /// Encodes metadata.
    pub fn new(metadata: &MovieMetadata) -> Self {
        // Serializing a plain struct of strings, numbers and vectors cannot fail.
        let json = serde_json::to_string(metadata).unwrap_or_else(|_| "{}".to_string());
        MetadataDoc(json.into_boxed_str())
    }

    /// Takes back a document this program stored. It is not parsed again:
    /// every document was encoded by [`MetadataDoc::new`], and both backends
    /// return what they were given (SQLite the same bytes, PostgreSQL its
    /// own rendering of the jsonb value), so only the braces are checked,
    /// which keeps reading 10,000 movies from re-reading 50 MB of JSON.
    pub fn from_stored(json: String) -> Result<Self, NotAnObject> {
        let text = json.trim();
        if text.starts_with('{') && text.ends_with('}') {
            Ok(MetadataDoc(json.into_boxed_str()))
        } else {
            Err(NotAnObject)
        }
    }

    /// Decodes the metadata.
    pub fn parse(&self) -> Result<MovieMetadata, serde_json::Error> {
        serde_json::from_str(&self.0)
    }

    /// The JSON object's text.
    pub fn as_json(&self) -> &str {
        &self.0
    }
}

/// A stored metadata document that is not a JSON object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("movie metadata must be a JSON object")]
pub struct NotAnObject;

impl Default for MetadataDoc {
    fn default() -> Self {
        MetadataDoc::new(&MovieMetadata::default())
    }
}

impl PartialEq for MetadataDoc {
    fn eq(&self, other: &Self) -> bool {
        match (self.parse(), other.parse()) {
            (Ok(a), Ok(b)) => a == b,
            _ => self.as_json() == other.as_json(),
        }
    }
}

/// What lists that filter and sort the whole library need of a movie (the
/// Wanted pages, RSS matching): read without its images or metadata, which
/// are nearly all of a movie's bytes.
#[derive(Debug, Clone, PartialEq)]
pub struct MovieOutline {
    pub id: i32,
    pub tmdb_id: i32,
    pub imdb_id: Option<String>,
    pub clean_title: String,
    pub sort_title: String,
    pub year: i32,
    pub monitored: bool,
    pub minimum_availability: MovieStatus,
    pub quality_profile_id: i32,
    pub in_cinemas: Option<DateTime<Utc>>,
    pub physical_release: Option<DateTime<Utc>>,
    pub digital_release: Option<DateTime<Utc>>,
    pub last_search_time: Option<DateTime<Utc>>,
    /// The quality of its file, when it has one.
    pub file_quality: Option<QualityModel>,
}

impl MovieOutline {
    /// The outline of a whole movie.
    pub fn of(movie: &Movie) -> Self {
        MovieOutline {
            id: movie.id,
            tmdb_id: movie.tmdb_id,
            imdb_id: movie.imdb_id.clone(),
            clean_title: movie.clean_title.clone(),
            sort_title: movie.sort_title.clone(),
            year: movie.year,
            monitored: movie.monitored,
            minimum_availability: movie.minimum_availability,
            quality_profile_id: movie.quality_profile_id,
            in_cinemas: movie.in_cinemas,
            physical_release: movie.physical_release,
            digital_release: movie.digital_release,
            last_search_time: movie.last_search_time,
            file_quality: movie.movie_file.as_ref().map(|f| f.quality),
        }
    }

    /// Whether the movie has reached its minimum availability at `now`
    /// (see [`crate::availability::is_available`]).
    pub fn is_available(&self, now: DateTime<Utc>, delay_days: i32) -> bool {
        // Availability reads only these fields of a movie.
        let mut movie = Movie::new(self.tmdb_id, "", self.year);
        movie.minimum_availability = self.minimum_availability;
        movie.in_cinemas = self.in_cinemas;
        movie.physical_release = self.physical_release;
        movie.digital_release = self.digital_release;
        crate::availability::is_available(&movie, now, delay_days)
    }
}

/// 0001-01-01T00:00:00Z, which Radarr (.NET's least date) writes for a date
/// not set, such as `added` of a movie not yet added.
pub fn year_one() -> DateTime<Utc> {
    DateTime::from_timestamp(-62_135_596_800, 0).unwrap_or(DateTime::<Utc>::MIN_UTC)
}

/// A movie of the library. `id` is 0 until stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Movie {
    pub id: i32,
    pub tmdb_id: i32,
    pub imdb_id: Option<String>,
    pub title: String,
    pub sort_title: String,
    pub clean_title: String,
    pub year: i32,
    pub status: MovieStatus,
    pub in_cinemas: Option<DateTime<Utc>>,
    pub physical_release: Option<DateTime<Utc>>,
    pub digital_release: Option<DateTime<Utc>>,
    pub monitored: bool,
    pub minimum_availability: MovieStatus,
    pub quality_profile_id: i32,
    /// The movie's folder.
    pub path: String,
    pub root_folder_path: String,
    pub tags: Vec<i32>,
    pub add_options: Option<AddOptions>,
    pub added: DateTime<Utc>,
    pub last_search_time: Option<DateTime<Utc>>,
    pub images: Vec<MediaCover>,
    pub metadata: MetadataDoc,
    /// The file on disk, when there is one; read with the movie, written on its own.
    pub movie_file: Option<MovieFile>,
}

impl Movie {
    /// A movie with a title and year and everything else empty; the sort and
    /// clean titles follow the title.
    pub fn new(tmdb_id: i32, title: &str, year: i32) -> Self {
        Movie {
            id: 0,
            tmdb_id,
            imdb_id: None,
            title: title.to_string(),
            sort_title: naming::sort_title(title),
            clean_title: naming::clean_title(title),
            year,
            status: MovieStatus::Tba,
            in_cinemas: None,
            physical_release: None,
            digital_release: None,
            monitored: true,
            minimum_availability: MovieStatus::Released,
            quality_profile_id: 0,
            path: String::new(),
            root_folder_path: String::new(),
            tags: Vec::new(),
            add_options: None,
            added: year_one(),
            last_search_time: None,
            images: Vec::new(),
            metadata: MetadataDoc::default(),
            movie_file: None,
        }
    }

    /// Radarr's slug for the movie: its TMDB id, as the web UI routes by it.
    pub fn title_slug(&self) -> String {
        self.tmdb_id.to_string()
    }

    /// The words title search matches: the title, the original title and
    /// every alternative title.
    pub fn search_text(&self) -> String {
        let mut text = self.title.clone();
        if let Ok(metadata) = self.metadata.parse() {
            for extra in std::iter::once(&metadata.original_title)
                .chain(metadata.alternate_titles.iter().map(|t| &t.title))
            {
                if !extra.is_empty() && !text.contains(extra.as_str()) {
                    text.push(' ');
                    text.push_str(extra);
                }
            }
        }
        text
    }
}
