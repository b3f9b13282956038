//! Radarr's `DelaySpecification`: the delay profile holds a release for
//! its protocol's delay, waiting for a better one, unless it is already a
//! revision upgrade, the profile's best quality, or scores high enough.

use super::Rejection;
use super::context::Candidate;
use super::prepared::Prepared;
use super::upgrade::{UpgradeRejectReason, is_revision_upgrade, upgrade_reject_reason};

/// Temporarily rejects a release younger than its protocol's delay.
pub fn evaluate(c: &Candidate, p: &Prepared) -> Option<Rejection> {
    let ctx = p.ctx;
    if ctx.source.is_user_invoked() {
        return None;
    }
    let profile = &ctx.delay_profile;
    let protocol = c.release.protocol;
    let delay = f64::from(profile.protocol_delay(protocol));
    if delay <= 0.0 {
        return None;
    }
    let preferred = protocol == profile.preferred_protocol;
    let new = &c.parsed.quality;
    if let Some(file) = ctx.movie.movie_file.as_ref().filter(|_| preferred) {
        let reason = upgrade_reject_reason(
            p,
            &file.quality,
            ctx.movie_file_formats.score,
            new,
            c.custom_formats.score,
        );
        if reason == UpgradeRejectReason::None && is_revision_upgrade(&file.quality, new) {
            return None;
        }
    }
    if profile.bypass_if_highest_quality && preferred {
        let best = p
            .last_allowed_index
            .map(|i| i64::try_from(i).unwrap_or(i64::MAX));
        if best.is_some_and(|b| p.rank_of(new.quality) >= b) {
            return None;
        }
    }
    if profile.bypass_if_above_custom_format_score
        && preferred
        && c.custom_formats.score >= profile.minimum_custom_format_score
    {
        return None;
    }
    // Once the oldest held release has waited out the delay, nothing more is gained.
    let minutes =
        |date: chrono::DateTime<chrono::Utc>| (ctx.now - date).num_seconds() as f64 / 60.0;
    if ctx.oldest_pending.is_some_and(|d| minutes(d) > delay) {
        return None;
    }
    (minutes(c.release.publish_date) < delay)
        .then(|| Rejection::temporary("Waiting for better quality release"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decision::test_support::{
        candidate, context, hd_profile, proper, reason, with_file,
    };
    use crate::decision::{RejectionType, ReleaseSource};
    use crate::quality::Quality;
    use crate::release::Protocol;
    use chrono::Duration;

    fn delayed() -> crate::decision::DecisionContext {
        let mut ctx = context(hd_profile(true));
        ctx.delay_profile.preferred_protocol = Protocol::Torrent;
        ctx.delay_profile.torrent_delay = 120;
        ctx
    }

    #[test]
    fn a_young_release_waits_out_the_delay() {
        let ctx = delayed();
        let mut c = candidate("Movie.Title.2020.1080p.WEB-DL-GRP", Quality::WEBDL_1080P);
        c.release.publish_date = ctx.now - Duration::minutes(60);
        let r = run_rule(&ctx, &c);
        assert_eq!(
            r.as_ref().map(|r| r.reason.as_str()),
            Some("Waiting for better quality release")
        );
        assert_eq!(r.map(|r| r.kind), Some(RejectionType::Temporary));
        c.release.publish_date = ctx.now - Duration::minutes(121);
        assert_eq!(reason(evaluate, &ctx, &c), None);
    }

    fn run_rule(ctx: &crate::decision::DecisionContext, c: &Candidate) -> Option<Rejection> {
        crate::decision::test_support::run(evaluate, ctx, c)
    }

    #[test]
    fn bypasses_skip_the_wait() {
        let mut ctx = delayed();
        let mut c = candidate("Movie.Title.2020.1080p.Remux-GRP", Quality::REMUX_1080P);
        c.release.publish_date = ctx.now;
        assert!(reason(evaluate, &ctx, &c).is_some());
        ctx.delay_profile.bypass_if_highest_quality = true;
        assert_eq!(
            reason(evaluate, &ctx, &c),
            None,
            "Remux-1080p is the profile's best"
        );
        ctx.delay_profile.bypass_if_highest_quality = false;
        ctx.delay_profile.bypass_if_above_custom_format_score = true;
        ctx.delay_profile.minimum_custom_format_score = 50;
        c.custom_formats.score = 50;
        assert_eq!(reason(evaluate, &ctx, &c), None);
        c.release.protocol = Protocol::Usenet;
        ctx.delay_profile.usenet_delay = 120;
        assert!(
            reason(evaluate, &ctx, &c).is_some(),
            "bypasses need the preferred protocol"
        );
    }

    #[test]
    fn propers_of_the_file_old_pending_releases_and_user_searches_skip_the_wait() {
        let mut ctx = delayed();
        with_file(
            &mut ctx,
            crate::decision::test_support::model(Quality::WEBDL_1080P),
            None,
        );
        let mut c = candidate(
            "Movie.Title.2020.1080p.WEB-DL.PROPER-GRP",
            Quality::WEBDL_1080P,
        );
        c.parsed.quality = proper(Quality::WEBDL_1080P);
        c.release.publish_date = ctx.now;
        assert_eq!(reason(evaluate, &ctx, &c), None);
        c.parsed.quality = crate::decision::test_support::model(Quality::BLURAY_1080P);
        assert!(reason(evaluate, &ctx, &c).is_some());
        ctx.oldest_pending = Some(ctx.now - Duration::minutes(180));
        assert_eq!(reason(evaluate, &ctx, &c), None);
        ctx.oldest_pending = None;
        ctx.source = ReleaseSource::UserInvokedSearch;
        assert_eq!(reason(evaluate, &ctx, &c), None);
    }
}
