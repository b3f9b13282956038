//! Refreshing a library movie from TMDB: its metadata and images anew, the
//! user's choices (monitoring, profile, folder, tags, file) as they were.

use chrono::Utc;
use domain::movie::{Movie, MovieStatus};
use tmdb::TmdbError;
use tmdb::to_movie::movie_from_details;

use crate::events::Action;
use crate::services::{collections, media_covers, push};
use crate::state::AppState;

/// Why a movie could not be refreshed; its stored metadata is unchanged.
#[derive(Debug, thiserror::Error)]
pub enum RefreshError {
    /// TMDB failed.
    #[error("{0}")]
    Tmdb(#[from] TmdbError),
    /// The store failed.
    #[error("{0}")]
    Store(#[from] store::StoreError),
}

/// Fetches the movie's details from TMDB (never from the cache) and saves
/// them. A movie TMDB no longer has keeps its metadata and is marked
/// deleted, as Radarr marks it.
pub async fn refresh_movie(state: &AppState, movie: Movie) -> Result<Movie, RefreshError> {
    let updated = match state.tmdb.movie_fresh(movie.tmdb_id).await {
        Ok(details) => merged(&movie, movie_from_details(&details, Utc::now())),
        Err(TmdbError::NotFound { .. }) => {
            tracing::warn!(
                tmdb_id = movie.tmdb_id,
                title = %movie.title,
                "the movie is no longer on TMDB; it may have been removed there"
            );
            Movie {
                status: MovieStatus::Deleted,
                ..movie.clone()
            }
        }
        Err(e) => return Err(e.into()),
    };
    let saved = state.store.update_movie(&updated).await?;
    push::movies(state, Action::Updated, std::slice::from_ref(&saved)).await;
    media_covers::forget_replaced(state, &movie, &saved).await;
    collections::met_through(state, &saved).await;
    Ok(saved)
}

/// TMDB's fresh view of a movie, with what the user chose kept from the
/// stored one.
fn merged(stored: &Movie, fresh: Movie) -> Movie {
    Movie {
        id: stored.id,
        monitored: stored.monitored,
        minimum_availability: stored.minimum_availability,
        quality_profile_id: stored.quality_profile_id,
        path: stored.path.clone(),
        root_folder_path: stored.root_folder_path.clone(),
        tags: stored.tags.clone(),
        add_options: stored.add_options.clone(),
        added: stored.added,
        last_search_time: stored.last_search_time,
        movie_file: stored.movie_file.clone(),
        ..fresh
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn refresh_keeps_the_users_choices_and_takes_tmdbs_metadata() {
        let added = Utc
            .with_ymd_and_hms(2020, 1, 2, 3, 4, 5)
            .single()
            .unwrap_or_default();
        let mut stored = Movie::new(603, "The Matrix (old)", 1999);
        stored.id = 7;
        stored.monitored = false;
        stored.quality_profile_id = 4;
        stored.path = "/movies/Mine".into();
        stored.root_folder_path = "/movies".into();
        stored.tags = vec![2];
        stored.added = added;
        stored.minimum_availability = MovieStatus::Announced;
        let mut fresh = Movie::new(603, "The Matrix", 1999);
        fresh.status = MovieStatus::Released;
        fresh.imdb_id = Some("tt0133093".into());
        let merged = merged(&stored, fresh);
        assert_eq!(merged.id, 7);
        assert_eq!(merged.title, "The Matrix");
        assert_eq!(merged.imdb_id.as_deref(), Some("tt0133093"));
        assert_eq!(merged.status, MovieStatus::Released);
        assert!(!merged.monitored);
        assert_eq!(merged.quality_profile_id, 4);
        assert_eq!(merged.path, "/movies/Mine");
        assert_eq!(merged.tags, vec![2]);
        assert_eq!(merged.added, added);
        assert_eq!(merged.minimum_availability, MovieStatus::Announced);
    }
}
