//! Radarr's `MonitoredMovieSpecification`: an unmonitored movie is only
//! grabbed when a user searches for it.

use super::Rejection;
use super::context::Candidate;
use super::prepared::Prepared;

/// Rejects releases of an unmonitored movie outside user searches.
pub fn evaluate(_: &Candidate, p: &Prepared) -> Option<Rejection> {
    (!p.ctx.source.is_user_invoked() && !p.ctx.movie.monitored)
        .then(|| Rejection::permanent("Movie is not monitored"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decision::ReleaseSource;
    use crate::decision::test_support::{candidate, context, hd_profile, reason};
    use crate::quality::Quality;

    #[test]
    fn unmonitored_movies_are_left_alone_unless_a_user_asks() {
        let mut ctx = context(hd_profile(true));
        let c = candidate("Movie.Title.2020.1080p.BluRay-GRP", Quality::BLURAY_1080P);
        assert_eq!(reason(evaluate, &ctx, &c), None);
        ctx.movie.monitored = false;
        assert_eq!(
            reason(evaluate, &ctx, &c).as_deref(),
            Some("Movie is not monitored")
        );
        ctx.source = ReleaseSource::UserInvokedSearch;
        assert_eq!(reason(evaluate, &ctx, &c), None);
    }
}
