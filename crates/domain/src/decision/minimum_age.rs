//! Radarr's `MinimumAgeSpecification`: Usenet releases younger than the
//! minimum age wait (they may still be propagating to the provider).

use super::Rejection;
use super::context::Candidate;
use super::prepared::Prepared;
use crate::release::Protocol;

/// Temporarily rejects a Usenet release younger than the minimum age.
pub fn evaluate(c: &Candidate, p: &Prepared) -> Option<Rejection> {
    let minimum = p.ctx.config.minimum_age;
    if c.release.protocol != Protocol::Usenet || minimum == 0 {
        return None;
    }
    let age = (p.ctx.now - c.release.publish_date).num_seconds() as f64 / 60.0;
    // One decimal, rounded half to even as .NET's Math.Round does.
    let rounded = (age * 10.0).round_ties_even() / 10.0;
    (age < f64::from(minimum)).then(|| {
        Rejection::temporary(format!(
            "Only {rounded} minutes old, minimum age is {minimum} minutes"
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decision::test_support::{candidate, context, hd_profile, reason};
    use crate::quality::Quality;
    use chrono::Duration;

    #[test]
    fn young_usenet_releases_wait_torrents_do_not() {
        let mut ctx = context(hd_profile(true));
        ctx.config.minimum_age = 30;
        let mut c = candidate("Movie.Title.2020.1080p.BluRay-GRP", Quality::BLURAY_1080P);
        c.release.publish_date = ctx.now - Duration::seconds(12 * 60 + 18);
        assert_eq!(
            reason(evaluate, &ctx, &c),
            None,
            "torrents have no minimum age"
        );
        c.release.protocol = Protocol::Usenet;
        assert_eq!(
            reason(evaluate, &ctx, &c).as_deref(),
            Some("Only 12.3 minutes old, minimum age is 30 minutes")
        );
        c.release.publish_date = ctx.now - Duration::minutes(30);
        assert_eq!(reason(evaluate, &ctx, &c), None);
        ctx.config.minimum_age = 0;
        c.release.publish_date = ctx.now;
        assert_eq!(reason(evaluate, &ctx, &c), None);
    }
}
