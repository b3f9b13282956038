//! TMDB's answers as library movies, the way Radarr fills a movie from its
//! metadata: release dates by type (the certification country's first, else
//! the earliest anywhere), status from those dates, certification, studio,
//! trailer, ratings, images and collection.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use domain::collection::{Collection, CollectionPart};
use domain::language::Language;
use domain::movie::{
    AltTitleSource, AlternativeTitle, CoverType, MediaCover, MetadataDoc, Movie, MovieCollection,
    MovieMetadata, MovieStatus, RatingChild, RatingType, Ratings,
};

use crate::wire::{CountryReleases, MovieDetails, MovieSummary};

/// Where TMDB serves its images (its documented default; the client asks
/// TMDB's configuration for the host it fetches from).
pub const IMAGE_HOST: &str = "https://image.tmdb.org/t/p/";
/// Images at their original size.
pub const IMAGE_BASE: &str = "https://image.tmdb.org/t/p/original";
/// Whose certification and release dates count first, as Radarr's default.
pub const CERTIFICATION_COUNTRY: &str = "US";
/// Radarr counts a movie released this long after its cinema release when
/// TMDB knows of no physical or digital one.
const RELEASED_AFTER_DAYS: i64 = 90;

/// TMDB's release types (1 is a premiere, 6 television).
const LIMITED_THEATRICAL: u8 = 2;
const THEATRICAL: u8 = 3;
const DIGITAL: u8 = 4;
const PHYSICAL: u8 = 5;

/// A movie with everything details hold, judged at `now`; not yet stored.
pub fn movie_from_details(details: &MovieDetails, now: DateTime<Utc>) -> Movie {
    let (mut movie, mut metadata) = from_summary(&details.movie, now);
    let releases = details
        .release_dates
        .as_ref()
        .map_or(&[][..], |r| r.results.as_slice());
    movie.in_cinemas = earliest(releases, &[THEATRICAL, LIMITED_THEATRICAL]).or(movie.in_cinemas);
    movie.physical_release = earliest(releases, &[PHYSICAL]);
    movie.digital_release = earliest(releases, &[DIGITAL]);
    movie.status = status(
        movie.in_cinemas,
        movie.physical_release,
        movie.digital_release,
        now,
    );
    if movie.year == 0 {
        movie.year = movie.in_cinemas.map_or(0, |d| d.year());
    }
    movie.imdb_id = details.imdb_id.clone().or_else(|| {
        details
            .external_ids
            .as_ref()
            .and_then(|e| e.imdb_id.clone())
    });
    metadata.alternate_titles = details
        .alternative_titles
        .iter()
        .flat_map(|a| &a.titles)
        .filter(|t| !t.title.trim().is_empty() && t.title != movie.title)
        .map(|t| AlternativeTitle {
            id: 0,
            source_type: AltTitleSource::Tmdb,
            movie_metadata_id: 0,
            title: t.title.clone(),
        })
        .collect();
    metadata.website = details.homepage.clone().unwrap_or_default();
    metadata.you_tube_trailer_id = trailer(details).unwrap_or_default();
    metadata.studio = details
        .production_companies
        .first()
        .map(|c| c.name.clone())
        .unwrap_or_default();
    metadata.runtime = details.runtime.unwrap_or(0);
    metadata.certification = certification(releases).unwrap_or_default();
    metadata.genres = details.genres.iter().map(|g| g.name.clone()).collect();
    metadata.collection = details
        .belongs_to_collection
        .as_ref()
        .map(|c| MovieCollection {
            title: c.name.clone(),
            tmdb_id: c.id,
        });
    movie.metadata = MetadataDoc::new(&metadata);
    movie
}

/// A movie with what a search result holds (no release types, credits or
/// alternative titles), judged at `now`.
pub fn movie_from_summary(summary: &MovieSummary, now: DateTime<Utc>) -> Movie {
    let (mut movie, metadata) = from_summary(summary, now);
    movie.metadata = MetadataDoc::new(&metadata);
    movie
}

/// The movie and the metadata a summary holds; the first release stands
/// for the cinema release.
fn from_summary(summary: &MovieSummary, now: DateTime<Utc>) -> (Movie, MovieMetadata) {
    let in_cinemas = parse_day(summary.release_date.as_deref());
    let mut movie = Movie::new(
        summary.id,
        &summary.title,
        in_cinemas.map_or(0, |d| d.year()),
    );
    movie.in_cinemas = in_cinemas;
    movie.status = status(in_cinemas, None, None, now);
    movie.images = images(
        summary.poster_path.as_deref(),
        summary.backdrop_path.as_deref(),
    );
    let metadata = MovieMetadata {
        original_title: summary.original_title.clone().unwrap_or_default(),
        original_language: language(summary.original_language.as_deref()),
        overview: summary.overview.clone().unwrap_or_default(),
        ratings: tmdb_rating(summary.vote_count, summary.vote_average),
        popularity: summary.popularity,
        ..MovieMetadata::default()
    };
    (movie, metadata)
}

/// Radarr's status: announced until the cinema release, in cinemas until a
/// physical or digital release (or 90 days without either), then released.
fn status(
    in_cinemas: Option<DateTime<Utc>>,
    physical: Option<DateTime<Utc>>,
    digital: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> MovieStatus {
    let out = |date: Option<DateTime<Utc>>| date.is_some_and(|d| now >= d);
    if out(physical) || out(digital) {
        return MovieStatus::Released;
    }
    match in_cinemas {
        Some(date) if now > date => {
            let long_ago = now - date > chrono::Duration::days(RELEASED_AFTER_DAYS);
            match long_ago && physical.is_none() && digital.is_none() {
                true => MovieStatus::Released,
                false => MovieStatus::InCinemas,
            }
        }
        _ => MovieStatus::Announced,
    }
}

/// The earliest release of these types in the certification country, else anywhere.
fn earliest(releases: &[CountryReleases], kinds: &[u8]) -> Option<DateTime<Utc>> {
    let of = |country: Option<&str>| {
        releases
            .iter()
            .filter(|c| country.is_none_or(|wanted| c.iso_3166_1 == wanted))
            .flat_map(|c| &c.release_dates)
            .filter(|r| kinds.contains(&r.kind))
            .filter_map(|r| DateTime::parse_from_rfc3339(&r.release_date).ok())
            .map(|d| d.with_timezone(&Utc))
            .min()
    };
    of(Some(CERTIFICATION_COUNTRY)).or_else(|| of(None))
}

/// The certification country's rating, from its cinema release if it has one.
fn certification(releases: &[CountryReleases]) -> Option<String> {
    let country = releases
        .iter()
        .find(|c| c.iso_3166_1 == CERTIFICATION_COUNTRY)?;
    let rated = |kinds: &[u8]| {
        country
            .release_dates
            .iter()
            .filter(|r| kinds.is_empty() || kinds.contains(&r.kind))
            .map(|r| r.certification.trim())
            .find(|c| !c.is_empty())
            .map(str::to_string)
    };
    rated(&[THEATRICAL]).or_else(|| rated(&[]))
}

/// The first YouTube trailer, an official one if there is.
fn trailer(details: &MovieDetails) -> Option<String> {
    let videos = details.videos.as_ref()?;
    let trailers = || {
        videos
            .results
            .iter()
            .filter(|v| v.site == "YouTube" && v.kind == "Trailer" && !v.key.is_empty())
    };
    trailers()
        .find(|v| v.official)
        .or_else(|| trailers().next())
        .map(|v| v.key.clone())
}

fn images(poster: Option<&str>, backdrop: Option<&str>) -> Vec<MediaCover> {
    [(CoverType::Poster, poster), (CoverType::Fanart, backdrop)]
        .into_iter()
        .filter_map(|(cover_type, path)| {
            let path = path.filter(|p| !p.is_empty())?;
            Some(MediaCover {
                cover_type,
                remote_url: Some(format!("{IMAGE_BASE}{path}")),
            })
        })
        .collect()
}

fn tmdb_rating(votes: i64, value: f64) -> Ratings {
    Ratings {
        tmdb: Some(RatingChild {
            votes: i32::try_from(votes).unwrap_or(i32::MAX),
            value,
            rating_type: RatingType::User,
        }),
        ..Ratings::default()
    }
}

fn language(code: Option<&str>) -> Language {
    code.map_or(Language::UNKNOWN, Language::by_iso_639_1)
}

/// `YYYY-MM-DD` as midnight UTC.
fn parse_day(day: Option<&str>) -> Option<DateTime<Utc>> {
    let date = NaiveDate::parse_from_str(day?.trim(), "%Y-%m-%d").ok()?;
    Some(date.and_hms_opt(0, 0, 0)?.and_utc())
}

/// A collection's details as TMDB gives them, laid over the stored
/// collection (whose settings stay): title, overview, images and movies.
pub fn collection_from_details(
    stored: &Collection,
    details: &crate::wire::Collection,
    now: DateTime<Utc>,
) -> Collection {
    let parts = details
        .parts
        .iter()
        .map(|summary| {
            let (movie, metadata) = from_summary(summary, now);
            CollectionPart {
                tmdb_id: movie.tmdb_id,
                imdb_id: movie.imdb_id,
                title: movie.title,
                clean_title: movie.clean_title,
                sort_title: movie.sort_title,
                status: movie.status,
                overview: metadata.overview,
                runtime: metadata.runtime,
                images: movie.images,
                year: movie.year,
                ratings: metadata.ratings,
                genres: metadata.genres,
            }
        })
        .collect();
    Collection {
        title: details.name.clone(),
        sort_title: domain::naming::sort_title(&details.name),
        clean_title: domain::naming::clean_title(&details.name),
        overview: details.overview.clone().unwrap_or_default(),
        images: images(
            details.poster_path.as_deref(),
            details.backdrop_path.as_deref(),
        ),
        last_info_sync: Some(now),
        parts,
        ..stored.clone()
    }
}
