//! The calendar: the library's movies with a cinema, digital or physical
//! release in a span of days, as Radarr's `/calendar` and its iCal feed
//! list them.

use chrono::{DateTime, Utc};
use domain::movie::{Movie, MovieOutline};

use crate::error::ApiResult;
use crate::state::AppState;

/// Which release a date is (Radarr's `CalendarReleaseType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReleaseType {
    CinemaRelease,
    DigitalRelease,
    PhysicalRelease,
}

impl ReleaseType {
    pub const ALL: [ReleaseType; 3] = [
        ReleaseType::CinemaRelease,
        ReleaseType::DigitalRelease,
        ReleaseType::PhysicalRelease,
    ];

    /// Radarr's name, as a query gives it (any case).
    pub fn from_name(name: &str) -> Option<ReleaseType> {
        ReleaseType::ALL
            .into_iter()
            .find(|t| t.name().eq_ignore_ascii_case(name.trim()))
    }

    pub fn name(self) -> &'static str {
        match self {
            ReleaseType::CinemaRelease => "cinemaRelease",
            ReleaseType::DigitalRelease => "digitalRelease",
            ReleaseType::PhysicalRelease => "physicalRelease",
        }
    }

    /// How an event names it, as Radarr's feed does.
    pub fn label(self) -> &'static str {
        match self {
            ReleaseType::CinemaRelease => "Cinema Release",
            ReleaseType::DigitalRelease => "Digital Release",
            ReleaseType::PhysicalRelease => "Physical Release",
        }
    }

    fn date(self, dates: &Dates) -> Option<DateTime<Utc>> {
        match self {
            ReleaseType::CinemaRelease => dates.0,
            ReleaseType::DigitalRelease => dates.1,
            ReleaseType::PhysicalRelease => dates.2,
        }
    }
}

/// Cinema, digital and physical release.
type Dates = (
    Option<DateTime<Utc>>,
    Option<DateTime<Utc>>,
    Option<DateTime<Utc>>,
);

/// What the calendar asks for.
#[derive(Debug, Clone)]
pub struct Span {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub unmonitored: bool,
    /// Tag ids; a movie needs one of them. Empty is every movie.
    pub tags: Vec<i32>,
    pub types: Vec<ReleaseType>,
}

impl Span {
    fn dates_in(&self, dates: &Dates) -> Vec<(ReleaseType, DateTime<Utc>)> {
        self.types
            .iter()
            .filter_map(|t| Some((*t, t.date(dates)?)))
            .filter(|(_, date)| *date >= self.start && *date <= self.end)
            .collect()
    }

    fn wants(&self, outline: &MovieOutline) -> bool {
        (self.unmonitored || outline.monitored)
            && !self
                .dates_in(&(
                    outline.in_cinemas,
                    outline.digital_release,
                    outline.physical_release,
                ))
                .is_empty()
    }
}

/// A movie and its releases in a span.
pub type Released = (Movie, Vec<(ReleaseType, DateTime<Utc>)>);

/// The movies with a release in the span, each with its releases there,
/// by their first release in it.
pub async fn movies_in(state: &AppState, span: &Span) -> ApiResult<Vec<Released>> {
    let ids: Vec<i32> = state
        .store
        .movie_outlines()
        .await?
        .iter()
        .filter(|m| span.wants(m))
        .map(|m| m.id)
        .collect();
    let mut movies: Vec<_> = state
        .store
        .movies_by_ids(&ids)
        .await?
        .into_iter()
        .filter(|m| span.tags.is_empty() || m.tags.iter().any(|t| span.tags.contains(t)))
        .map(|m| {
            let releases = span.dates_in(&(m.in_cinemas, m.digital_release, m.physical_release));
            (m, releases)
        })
        .collect();
    movies.sort_by_key(|(m, releases)| (releases.iter().map(|r| r.1).min(), m.id));
    Ok(movies)
}
