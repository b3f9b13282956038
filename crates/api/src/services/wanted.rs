//! The movies still wanted: missing (monitored, no file) and cutoff unmet
//! (a file below the profile's cutoff quality), as Radarr's Wanted pages
//! and its missing and cutoff searches select them.

use std::cmp::Ordering;

use chrono::{DateTime, Utc};
use domain::availability::is_available;
use domain::movie::Movie;
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

/// Whether the file of a movie with this profile is below its cutoff:
/// Radarr's list reads the quality cutoff only.
pub fn below_cutoff(movie: &Movie, profile: &QualityProfile) -> bool {
    movie.movie_file.as_ref().is_some_and(|file| {
        match (
            profile.cutoff_index(),
            profile.item_index_of(file.quality.quality.id),
        ) {
            (Some(cutoff), Some(have)) => have < cutoff,
            _ => false,
        }
    })
}

fn wanted(movie: &Movie, kind: Wanted, profiles: &Profiles) -> bool {
    match kind {
        Wanted::Missing => movie.movie_file.is_none(),
        Wanted::CutoffUnmet => profiles
            .by_id
            .get(&movie.quality_profile_id)
            .is_some_and(|profile| below_cutoff(movie, profile)),
    }
}

/// The library's movies on the list, monitored or not as asked, in sort
/// title order.
pub async fn list(state: &AppState, kind: Wanted, monitored: bool) -> ApiResult<Vec<Movie>> {
    let profiles = state.profiles.get(state.store.as_ref()).await?;
    let mut movies: Vec<Movie> = state
        .store
        .movies()
        .await?
        .into_iter()
        .filter(|m| m.monitored == monitored && wanted(m, kind, &profiles))
        .collect();
    movies.sort_by(|a, b| a.sort_title.cmp(&b.sort_title));
    Ok(movies)
}

/// The movies a missing or cutoff search looks for: monitored, on the
/// list, and available by `now`.
pub async fn to_search(
    state: &AppState,
    kind: Wanted,
    now: DateTime<Utc>,
    availability_delay: i32,
) -> ApiResult<Vec<Movie>> {
    Ok(list(state, kind, true)
        .await?
        .into_iter()
        .filter(|m| is_available(m, now, availability_delay))
        .collect())
}

/// Orders movies by a wanted page's sort key (Radarr's names).
pub fn sort(movies: &mut [Movie], key: &str) {
    let date = |m: &Movie, key: &str| match key {
        "movieMetadata.digitalRelease" => m.digital_release,
        "movieMetadata.inCinemas" => m.in_cinemas,
        "movieMetadata.physicalRelease" => m.physical_release,
        _ => m.last_search_time,
    };
    movies.sort_by(|a, b| match key {
        "movieMetadata.year" => a.year.cmp(&b.year),
        "movieMetadata.sortTitle" => a.sort_title.cmp(&b.sort_title),
        other => date(a, other).cmp(&date(b, other)).then(Ordering::Equal),
    });
}
