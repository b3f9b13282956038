//! TMDB's answers, as its v3 documentation describes them. Fields TMDB may
//! send as `null` or leave out are optional or defaulted, so a sparse entry
//! (a film announced yesterday) still reads.

use serde::{Deserialize, Deserializer};

/// `GET /movie/{id}` with `append_to_response=credits,release_dates,alternative_titles,external_ids,videos`:
/// what a search result holds, and more.
#[derive(Clone, Debug, Deserialize)]
pub struct MovieDetails {
    #[serde(flatten)]
    pub movie: MovieSummary,
    #[serde(default, deserialize_with = "non_empty")]
    pub imdb_id: Option<String>,
    #[serde(default)]
    pub tagline: Option<String>,
    #[serde(default)]
    pub runtime: Option<i32>,
    /// Rumored, Planned, In Production, Post Production, Released or Canceled.
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub genres: Vec<Genre>,
    #[serde(default)]
    pub homepage: Option<String>,
    #[serde(default)]
    pub belongs_to_collection: Option<CollectionRef>,
    #[serde(default)]
    pub production_companies: Vec<Company>,
    #[serde(default)]
    pub credits: Option<Credits>,
    #[serde(default)]
    pub release_dates: Option<ReleaseDates>,
    #[serde(default)]
    pub alternative_titles: Option<AlternativeTitles>,
    #[serde(default)]
    pub external_ids: Option<ExternalIds>,
    #[serde(default)]
    pub videos: Option<Videos>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Genre {
    pub id: i32,
    pub name: String,
}

/// The collection a movie belongs to, as movie details name it.
#[derive(Clone, Debug, Deserialize)]
pub struct CollectionRef {
    pub id: i32,
    pub name: String,
    #[serde(default)]
    pub poster_path: Option<String>,
    #[serde(default)]
    pub backdrop_path: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Company {
    pub id: i32,
    pub name: String,
}

#[derive(Clone, Debug, Default, Deserialize)]
pub struct Credits {
    #[serde(default)]
    pub cast: Vec<CastMember>,
    #[serde(default)]
    pub crew: Vec<CrewMember>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct CastMember {
    pub id: i32,
    pub name: String,
    #[serde(default)]
    pub character: Option<String>,
    #[serde(default)]
    pub order: i32,
    #[serde(default)]
    pub profile_path: Option<String>,
    #[serde(default)]
    pub credit_id: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct CrewMember {
    pub id: i32,
    pub name: String,
    #[serde(default)]
    pub department: Option<String>,
    #[serde(default)]
    pub job: Option<String>,
    #[serde(default)]
    pub profile_path: Option<String>,
    #[serde(default)]
    pub credit_id: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
pub struct ReleaseDates {
    #[serde(default)]
    pub results: Vec<CountryReleases>,
}

/// A country's releases.
#[derive(Clone, Debug, Deserialize)]
pub struct CountryReleases {
    pub iso_3166_1: String,
    #[serde(default)]
    pub release_dates: Vec<Release>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Release {
    #[serde(default)]
    pub certification: String,
    /// An ISO 8601 time, e.g. `1999-03-31T00:00:00.000Z`.
    pub release_date: String,
    /// 1 premiere, 2 limited theatrical, 3 theatrical, 4 digital, 5 physical, 6 TV.
    #[serde(rename = "type")]
    pub kind: u8,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
pub struct AlternativeTitles {
    #[serde(default)]
    pub titles: Vec<AlternativeTitle>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct AlternativeTitle {
    pub iso_3166_1: String,
    pub title: String,
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
pub struct ExternalIds {
    #[serde(default, deserialize_with = "non_empty")]
    pub imdb_id: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
pub struct Videos {
    #[serde(default)]
    pub results: Vec<Video>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Video {
    pub key: String,
    pub site: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub official: bool,
}

/// A movie as search, find and collection answers list it; details hold it too.
#[derive(Clone, Debug, Deserialize)]
pub struct MovieSummary {
    pub id: i32,
    pub title: String,
    #[serde(default)]
    pub original_title: Option<String>,
    #[serde(default)]
    pub original_language: Option<String>,
    #[serde(default)]
    pub overview: Option<String>,
    /// `YYYY-MM-DD`, the first release anywhere.
    #[serde(default, deserialize_with = "non_empty")]
    pub release_date: Option<String>,
    #[serde(default)]
    pub poster_path: Option<String>,
    #[serde(default)]
    pub backdrop_path: Option<String>,
    /// In search results only; details name the genres.
    #[serde(default)]
    pub genre_ids: Vec<i32>,
    #[serde(default)]
    pub popularity: f64,
    #[serde(default)]
    pub vote_average: f64,
    #[serde(default)]
    pub vote_count: i64,
    #[serde(default)]
    pub adult: bool,
}

/// `GET /search/movie`: one page of results.
#[derive(Clone, Debug, Deserialize)]
pub struct SearchPage {
    pub page: u32,
    pub results: Vec<MovieSummary>,
    pub total_pages: u32,
    pub total_results: u32,
}

/// `GET /find/{external_id}?external_source=imdb_id`.
#[derive(Clone, Debug, Deserialize)]
pub struct FindResults {
    #[serde(default)]
    pub movie_results: Vec<MovieSummary>,
}

/// `GET /collection/{id}`.
#[derive(Clone, Debug, Deserialize)]
pub struct Collection {
    pub id: i32,
    pub name: String,
    #[serde(default)]
    pub overview: Option<String>,
    #[serde(default)]
    pub poster_path: Option<String>,
    #[serde(default)]
    pub backdrop_path: Option<String>,
    #[serde(default)]
    pub parts: Vec<MovieSummary>,
}

/// `GET /configuration`: where TMDB serves images.
#[derive(Clone, Debug, Deserialize)]
pub struct Configuration {
    pub images: ImageConfiguration,
}

#[derive(Clone, Debug, Deserialize)]
pub struct ImageConfiguration {
    /// E.g. `https://image.tmdb.org/t/p/`; a size (`original`) and the path follow.
    pub secure_base_url: String,
}

/// The body TMDB sends with an error status.
#[derive(Clone, Debug, Deserialize)]
pub struct ErrorBody {
    #[serde(default)]
    pub status_code: i32,
    #[serde(default)]
    pub status_message: String,
}

/// TMDB sends `""` for a date or id it does not have, as often as `null`.
fn non_empty<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let value = Option::<String>::deserialize(d)?;
    Ok(value.filter(|s| !s.trim().is_empty()))
}
