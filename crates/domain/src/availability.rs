//! When a movie counts as available, and the release date Radarr shows for it.

use chrono::{DateTime, Duration, Utc};

use crate::movie::{Movie, MovieStatus};

/// Days after the cinema release that Radarr assumes a home release when none is known.
const ASSUMED_HOME_RELEASE_DAYS: i64 = 90;

/// Whether the movie has reached its minimum availability at `now`, given the
/// user's availability delay in days (Radarr's `availabilityDelay`).
pub fn is_available(movie: &Movie, now: DateTime<Utc>, delay_days: i32) -> bool {
    match movie.minimum_availability {
        // Announced or TBA movies are wanted from the start.
        MovieStatus::Tba | MovieStatus::Announced => true,
        MovieStatus::InCinemas => match movie.in_cinemas {
            Some(date) => now >= date + Duration::days(delay_days.into()),
            None => {
                home_release(movie).is_some_and(|d| now >= d + Duration::days(delay_days.into()))
            }
        },
        MovieStatus::Released | MovieStatus::Deleted => {
            home_release(movie).is_some_and(|d| now >= d + Duration::days(delay_days.into()))
        }
    }
}

/// The first home release: the earlier of physical and digital, else the
/// cinema release plus 90 days.
fn home_release(movie: &Movie) -> Option<DateTime<Utc>> {
    match (movie.physical_release, movie.digital_release) {
        (Some(p), Some(d)) => Some(p.min(d)),
        (Some(p), None) => Some(p),
        (None, Some(d)) => Some(d),
        (None, None) => movie
            .in_cinemas
            .map(|c| c + Duration::days(ASSUMED_HOME_RELEASE_DAYS)),
    }
}

/// The release date the movie resource reports, chosen by its minimum availability.
pub fn release_date(movie: &Movie) -> Option<DateTime<Utc>> {
    match movie.minimum_availability {
        MovieStatus::Tba | MovieStatus::Announced => [
            movie.in_cinemas,
            movie.physical_release,
            movie.digital_release,
        ]
        .into_iter()
        .flatten()
        .min(),
        MovieStatus::InCinemas => movie.in_cinemas,
        MovieStatus::Released | MovieStatus::Deleted => home_release(movie),
    }
}

/// The release status the dates imply at `now`, for movies whose source gave none.
pub fn status_from_dates(movie: &Movie, now: DateTime<Utc>) -> MovieStatus {
    let home = [movie.physical_release, movie.digital_release]
        .into_iter()
        .flatten()
        .min();
    if home.is_some_and(|d| d <= now) {
        MovieStatus::Released
    } else if movie.in_cinemas.is_some_and(|d| d <= now) {
        MovieStatus::InCinemas
    } else if home.is_some() || movie.in_cinemas.is_some() {
        MovieStatus::Announced
    } else {
        MovieStatus::Tba
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn day(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, 0, 0, 0)
            .single()
            .expect("valid date")
    }

    fn movie(min: MovieStatus) -> Movie {
        let mut m = Movie::new(1, "Test", 2024);
        m.minimum_availability = min;
        m
    }

    #[test]
    fn released_waits_for_the_earliest_home_release_plus_delay() {
        let mut m = movie(MovieStatus::Released);
        m.in_cinemas = Some(day(2024, 1, 1));
        m.digital_release = Some(day(2024, 3, 1));
        m.physical_release = Some(day(2024, 4, 1));
        assert!(!is_available(&m, day(2024, 2, 28), 0));
        assert!(is_available(&m, day(2024, 3, 1), 0));
        assert!(!is_available(&m, day(2024, 3, 1), 2));
        assert_eq!(release_date(&m), Some(day(2024, 3, 1)));
    }

    #[test]
    fn released_without_home_dates_assumes_ninety_days_after_cinema() {
        let mut m = movie(MovieStatus::Released);
        m.in_cinemas = Some(day(2024, 1, 1));
        assert!(!is_available(&m, day(2024, 3, 30), 0));
        assert!(is_available(&m, day(2024, 3, 31), 0));
    }

    #[test]
    fn no_dates_means_never_available_unless_tba_or_announced() {
        assert!(!is_available(
            &movie(MovieStatus::Released),
            day(2030, 1, 1),
            0
        ));
        assert!(!is_available(
            &movie(MovieStatus::InCinemas),
            day(2030, 1, 1),
            0
        ));
        assert!(is_available(
            &movie(MovieStatus::Announced),
            day(2000, 1, 1),
            0
        ));
    }

    #[test]
    fn status_follows_the_dates_that_have_passed() {
        let mut m = movie(MovieStatus::Released);
        assert_eq!(status_from_dates(&m, day(2024, 1, 1)), MovieStatus::Tba);
        m.in_cinemas = Some(day(2024, 5, 1));
        m.digital_release = Some(day(2024, 8, 1));
        assert_eq!(
            status_from_dates(&m, day(2024, 1, 1)),
            MovieStatus::Announced
        );
        assert_eq!(
            status_from_dates(&m, day(2024, 6, 1)),
            MovieStatus::InCinemas
        );
        assert_eq!(
            status_from_dates(&m, day(2024, 8, 1)),
            MovieStatus::Released
        );
    }

    #[test]
    fn in_cinemas_uses_the_cinema_date() {
        let mut m = movie(MovieStatus::InCinemas);
        m.in_cinemas = Some(day(2024, 5, 1));
        assert!(is_available(&m, day(2024, 5, 1), 0));
        assert_eq!(release_date(&m), Some(day(2024, 5, 1)));
    }
}
