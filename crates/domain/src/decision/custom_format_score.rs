//! Radarr's `CustomFormatAllowedByProfileSpecification`: the release's
//! custom-format score must reach the profile's minimum. The release
//! group's reputation points, which the score holds for ranking, are left
//! out here: a profile's minimum format score (0 by default) is about
//! formats, and a poor group is turned away only by the profile's minimum
//! reputation (`scene_group_reputation`).

use super::Rejection;
use super::context::Candidate;
use super::format::format_names;
use super::prepared::Prepared;

/// Rejects a release scoring below the profile's minimum format score.
pub fn evaluate(c: &Candidate, p: &Prepared) -> Option<Rejection> {
    let profile = &p.ctx.profile;
    let points = c.reputation.as_ref().map_or(0, |r| r.points);
    let score = c.custom_formats.score - points;
    let minimum = profile.min_format_score;
    (score < minimum).then(|| {
        Rejection::permanent(format!(
            "Custom Formats {} have score {score} below Movie's minimum {minimum}",
            format_names(&c.custom_formats.format_ids, profile)
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decision::FormatMatch;
    use crate::decision::test_support::{candidate, context, hd_profile, reason};
    use crate::quality::Quality;
    use crate::quality_profile::FormatItem;
    use crate::scene_group::GroupReputation;

    #[test]
    fn a_score_below_the_minimum_is_rejected_with_the_formats_named() {
        let mut ctx = context(hd_profile(true));
        ctx.profile.min_format_score = 10;
        ctx.profile.format_items = vec![
            FormatItem {
                format: 1,
                name: "x265".into(),
                score: -5,
            },
            FormatItem {
                format: 2,
                name: "HDR".into(),
                score: 10,
            },
        ];
        let mut c = candidate("Movie.Title.2020.1080p.BluRay-GRP", Quality::BLURAY_1080P);
        c.custom_formats = FormatMatch {
            format_ids: vec![1, 2],
            score: 5,
        };
        assert_eq!(
            reason(evaluate, &ctx, &c).as_deref(),
            Some("Custom Formats x265, HDR have score 5 below Movie's minimum 10")
        );
        c.custom_formats.score = 10;
        assert_eq!(reason(evaluate, &ctx, &c), None);
    }

    #[test]
    fn reputation_points_do_not_count_against_the_minimum() {
        let mut ctx = context(hd_profile(true));
        let mut c = candidate("Movie.Title.2020.1080p.BluRay-POOR", Quality::BLURAY_1080P);
        c.custom_formats.score = -40;
        c.reputation = Some(GroupReputation {
            group: "POOR".into(),
            score: 10.0,
            points: -40,
        });
        assert_eq!(reason(evaluate, &ctx, &c), None, "a poor group, no formats");
        ctx.profile.min_format_score = 5;
        c.custom_formats.score = 3 - 40; // formats 3, and the group's -40
        assert_eq!(
            reason(evaluate, &ctx, &c).as_deref(),
            Some("Custom Formats  have score 3 below Movie's minimum 5")
        );
    }
}
