//! Radarr's `AvailabilitySpecification`: the movie must have reached its
//! minimum availability (plus the availability delay), unless a user asked.

use super::Rejection;
use super::context::Candidate;
use super::format::{movie, status_name};
use super::prepared::Prepared;
use crate::availability::is_available;

/// Rejects releases of a movie not yet available.
pub fn evaluate(_: &Candidate, p: &Prepared) -> Option<Rejection> {
    let ctx = p.ctx;
    if ctx.source.is_user_invoked() {
        return None;
    }
    let delay = ctx.config.availability_delay;
    (!is_available(&ctx.movie, ctx.now, delay)).then(|| {
        Rejection::permanent(format!(
            "Movie {} will only be considered available {delay} days after {}",
            movie(&ctx.movie),
            status_name(ctx.movie.minimum_availability)
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decision::ReleaseSource;
    use crate::decision::test_support::{candidate, context, hd_profile, now, reason};
    use crate::quality::Quality;

    #[test]
    fn an_unreleased_movie_waits_unless_a_user_searches() {
        let mut ctx = context(hd_profile(true));
        ctx.movie.digital_release = Some(now() + chrono::Duration::days(10));
        ctx.config.availability_delay = 3;
        let c = candidate("Movie.Title.2020.1080p.BluRay-GRP", Quality::BLURAY_1080P);
        assert_eq!(
            reason(evaluate, &ctx, &c).as_deref(),
            Some(
                "Movie [tt0000603][Movie Title (2020)] will only be considered available 3 days after Released"
            )
        );
        ctx.source = ReleaseSource::Search;
        assert!(
            reason(evaluate, &ctx, &c).is_some(),
            "automatic search still waits"
        );
        ctx.source = ReleaseSource::InteractiveSearch;
        assert_eq!(reason(evaluate, &ctx, &c), None);
    }

    #[test]
    fn a_released_movie_passes() {
        let ctx = context(hd_profile(true));
        let c = candidate("Movie.Title.2020.1080p.BluRay-GRP", Quality::BLURAY_1080P);
        assert_eq!(reason(evaluate, &ctx, &c), None);
    }
}
