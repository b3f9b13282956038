//! Radarr's `QualityAllowedByProfileSpecification`: the release's quality
//! (or its group) must be allowed by the movie's profile.

use super::Rejection;
use super::context::Candidate;
use super::prepared::Prepared;

/// Rejects a quality the profile does not allow.
pub fn evaluate(c: &Candidate, p: &Prepared) -> Option<Rejection> {
    let quality = c.parsed.quality.quality;
    let allowed = p.item_of(quality).is_some_and(|item| item.allowed);
    (!allowed).then(|| Rejection::permanent(format!("{} is not wanted in profile", quality.name)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decision::test_support::{candidate, context, hd_profile, reason};
    use crate::quality::Quality;

    #[test]
    fn only_allowed_qualities_and_groups_pass() {
        let ctx = context(hd_profile(true));
        let c = candidate("Movie.Title.2020.720p.BluRay-GRP", Quality::BLURAY_720P);
        assert_eq!(
            reason(evaluate, &ctx, &c).as_deref(),
            Some("Bluray-720p is not wanted in profile")
        );
        let c = candidate("Movie.Title.2020.1080p.WEBRip-GRP", Quality::WEBRIP_1080P);
        assert_eq!(
            reason(evaluate, &ctx, &c),
            None,
            "allowed through the WEB 1080p group"
        );
    }

    #[test]
    fn a_quality_missing_from_the_profile_is_not_wanted() {
        let mut ctx = context(hd_profile(true));
        ctx.profile
            .items
            .retain(|i| i.quality != Some(Quality::BLURAY_1080P));
        let c = candidate("Movie.Title.2020.1080p.BluRay-GRP", Quality::BLURAY_1080P);
        assert!(reason(evaluate, &ctx, &c).is_some());
    }
}
