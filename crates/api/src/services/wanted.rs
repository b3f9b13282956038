//! The movies still wanted: missing (monitored, no file) and cutoff unmet
//! (a file below the profile's cutoff quality), as Radarr's Wanted pages
//! and its missing and cutoff searches select them. The library is read as
//! a stream and only what sorting needs is kept, so a large library is not
//! held in memory at once.

use chrono::{DateTime, Utc};
use domain::movie::MovieOutline;
use domain::quality_profile::QualityProfile;

use crate::error::ApiResult;
use crate::services::profile_cache::Profiles;
use crate::state::AppState;

/// Which wanted list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wanted {
    /// No file yet.
    Missing,
    /// A file below the profile's cutoff.
    CutoffUnmet,
}

/// What the wanted pages sort by, kept for each movie on the list.
#[derive(Debug, Clone)]
pub struct WantedMovie {
    /// The movie's id.
    pub id: i32,
    sort_title: String,
    year: i32,
    in_cinemas: Option<DateTime<Utc>>,
    digital_release: Option<DateTime<Utc>>,
    physical_release: Option<DateTime<Utc>>,
    last_search_time: Option<DateTime<Utc>>,
}

impl WantedMovie {
    fn of(movie: &MovieOutline) -> Self {
        WantedMovie {
            id: movie.id,
            sort_title: movie.sort_title.clone(),
            year: movie.year,
            in_cinemas: movie.in_cinemas,
            digital_release: movie.digital_release,
            physical_release: movie.physical_release,
            last_search_time: movie.last_search_time,
        }
    }
}

/// Whether the file of a movie with this profile is below its cutoff:
/// Radarr's list reads the quality cutoff only.
fn below_cutoff(movie: &MovieOutline, profile: &QualityProfile) -> bool {
    movie.file_quality.is_some_and(|quality| {
        match (
            profile.cutoff_index(),
            profile.item_index_of(quality.quality.id),
        ) {
            (Some(cutoff), Some(have)) => have < cutoff,
            _ => false,
        }
    })
}

fn wanted(movie: &MovieOutline, kind: Wanted, profiles: &Profiles) -> bool {
    match kind {
        Wanted::Missing => movie.file_quality.is_none(),
        Wanted::CutoffUnmet => profiles
            .by_id
            .get(&movie.quality_profile_id)
            .is_some_and(|profile| below_cutoff(movie, profile)),
    }
}

/// The library's movies on the list that `keep` accepts, monitored or not
/// as asked, in sort title order.
async fn select(
    state: &AppState,
    kind: Wanted,
    monitored: bool,
    keep: impl Fn(&MovieOutline) -> bool,
) -> ApiResult<Vec<WantedMovie>> {
    let profiles = state.profiles.get(state.store.as_ref()).await?;
    let mut selected: Vec<WantedMovie> = state
        .store
        .movie_outlines()
        .await?
        .iter()
        .filter(|m| m.monitored == monitored && wanted(m, kind, &profiles) && keep(m))
        .map(WantedMovie::of)
        .collect();
    selected.sort_by(|a, b| a.sort_title.cmp(&b.sort_title));
    Ok(selected)
}

/// The movies on a wanted page, monitored or not as asked.
pub async fn list(state: &AppState, kind: Wanted, monitored: bool) -> ApiResult<Vec<WantedMovie>> {
    select(state, kind, monitored, |_| true).await
}

/// The ids of the movies a missing or cutoff search looks for: monitored,
/// on the list, and available by `now`.
pub async fn to_search(
    state: &AppState,
    kind: Wanted,
    now: DateTime<Utc>,
    availability_delay: i32,
) -> ApiResult<Vec<i32>> {
    let available = |movie: &MovieOutline| movie.is_available(now, availability_delay);
    let movies = select(state, kind, true, available).await?;
    Ok(movies.into_iter().map(|m| m.id).collect())
}

/// Orders the list by a wanted page's sort key (Radarr's names).
pub fn sort(movies: &mut [WantedMovie], key: &str) {
    match key {
        "movieMetadata.year" => movies.sort_by_key(|m| m.year),
        "movieMetadata.digitalRelease" => movies.sort_by_key(|m| m.digital_release),
        "movieMetadata.inCinemas" => movies.sort_by_key(|m| m.in_cinemas),
        "movieMetadata.physicalRelease" => movies.sort_by_key(|m| m.physical_release),
        "movies.lastSearchTime" => movies.sort_by_key(|m| m.last_search_time),
        _ => movies.sort_by(|a, b| a.sort_title.cmp(&b.sort_title)),
    }
}
