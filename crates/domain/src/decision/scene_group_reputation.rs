//! Scene-group reputation as a hard limit: a profile may ask for a least
//! reputation, below which a group's releases are rejected. Groups with no
//! data pass, as they are neutral.

use super::Rejection;
use super::context::Candidate;
use super::prepared::Prepared;

/// Rejects a release whose group is known to score below the profile's
/// minimum reputation (when it sets one).
pub fn evaluate(c: &Candidate, p: &Prepared) -> Option<Rejection> {
    let minimum = p.ctx.profile.min_reputation_score;
    if minimum <= 0 {
        return None;
    }
    let reputation = c.reputation.as_ref()?;
    (reputation.score < f64::from(minimum)).then(|| {
        Rejection::permanent(format!(
            "Release group {} has reputation {:.1} below Movie's minimum {minimum}",
            reputation.group, reputation.score
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decision::test_support::{candidate, context, hd_profile, reason};
    use crate::quality::Quality;
    use crate::scene_group::GroupReputation;

    fn from_group(score: f64) -> Candidate {
        let mut c = candidate("Movie.Title.2020.1080p.BluRay-POOR", Quality::BLURAY_1080P);
        c.reputation = Some(GroupReputation {
            group: "POOR".into(),
            score,
            points: 0,
        });
        c
    }

    #[test]
    fn a_group_below_the_minimum_is_rejected_with_its_score() {
        let mut ctx = context(hd_profile(true));
        ctx.profile.min_reputation_score = 50;
        assert_eq!(
            reason(evaluate, &ctx, &from_group(12.345)).as_deref(),
            Some("Release group POOR has reputation 12.3 below Movie's minimum 50")
        );
        assert_eq!(reason(evaluate, &ctx, &from_group(50.0)), None);
        assert_eq!(reason(evaluate, &ctx, &from_group(90.0)), None);
    }

    #[test]
    fn groups_without_data_pass_and_no_minimum_accepts_every_group() {
        let mut ctx = context(hd_profile(true));
        ctx.profile.min_reputation_score = 50;
        let unknown = candidate("Movie.Title.2020.1080p.BluRay-NEW", Quality::BLURAY_1080P);
        assert_eq!(reason(evaluate, &ctx, &unknown), None);
        ctx.profile.min_reputation_score = 0;
        assert_eq!(reason(evaluate, &ctx, &from_group(1.0)), None);
    }
}
