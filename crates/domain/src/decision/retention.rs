//! Radarr's `RetentionSpecification`: Usenet posts older than the provider's
//! retention are gone, so they are not grabbed.

use super::Rejection;
use super::context::Candidate;
use super::prepared::Prepared;
use crate::release::Protocol;

/// Rejects a Usenet release older than the configured retention in days.
pub fn evaluate(c: &Candidate, p: &Prepared) -> Option<Rejection> {
    let retention = i64::from(p.ctx.config.retention);
    if c.release.protocol != Protocol::Usenet || retention <= 0 {
        return None;
    }
    // Whole days, as Radarr's `Age` counts them.
    let age = (p.ctx.now - c.release.publish_date).num_days();
    (age > retention).then(|| Rejection::permanent("Older than configured retention"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decision::test_support::{candidate, context, hd_profile, reason};
    use crate::quality::Quality;
    use chrono::Duration;

    #[test]
    fn old_usenet_posts_are_past_retention() {
        let mut ctx = context(hd_profile(true));
        ctx.config.retention = 100;
        let mut c = candidate("Movie.Title.2020.1080p.BluRay-GRP", Quality::BLURAY_1080P);
        c.release.publish_date = ctx.now - Duration::days(101);
        assert_eq!(
            reason(evaluate, &ctx, &c),
            None,
            "torrents have no retention"
        );
        c.release.protocol = Protocol::Usenet;
        assert_eq!(
            reason(evaluate, &ctx, &c).as_deref(),
            Some("Older than configured retention")
        );
        c.release.publish_date = ctx.now - Duration::days(100) - Duration::hours(23);
        assert_eq!(reason(evaluate, &ctx, &c), None, "100 whole days is within");
        ctx.config.retention = 0;
        c.release.publish_date = ctx.now - Duration::days(5000);
        assert_eq!(reason(evaluate, &ctx, &c), None);
    }
}
