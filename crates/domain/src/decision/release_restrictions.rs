//! Radarr's `ReleaseRestrictionsSpecification`: every release profile for
//! the movie's tags and the release's indexer must find one of its required
//! terms in the title, and none of its ignored terms.

use super::Rejection;
use super::context::Candidate;
use super::prepared::Prepared;

/// Rejects a title missing a required term or containing an ignored one.
pub fn evaluate(c: &Candidate, p: &Prepared) -> Option<Rejection> {
    let title = c.release.title.as_str();
    let lower = title.to_lowercase();
    let indexer = c.release.indexer_id;
    let applying = || {
        p.restrictions
            .iter()
            .filter(move |r| r.indexer_id == 0 || r.indexer_id == indexer)
    };
    for restriction in applying().filter(|r| !r.required.is_empty()) {
        if !restriction
            .required
            .iter()
            .any(|(_, t)| t.is_match(title, &lower))
        {
            let terms: Vec<&str> = restriction
                .required
                .iter()
                .map(|(s, _)| s.as_str())
                .collect();
            return Some(Rejection::permanent(format!(
                "Does not contain one of the required terms: {}",
                terms.join(", ")
            )));
        }
    }
    for restriction in applying() {
        let found: Vec<&str> = restriction
            .ignored
            .iter()
            .filter(|(_, t)| t.is_match(title, &lower))
            .map(|(s, _)| s.as_str())
            .collect();
        if !found.is_empty() {
            return Some(Rejection::permanent(format!(
                "Contains these ignored terms: {}",
                found.join(", ")
            )));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decision::ReleaseProfile;
    use crate::decision::test_support::{candidate, context, hd_profile, reason};
    use crate::quality::Quality;

    fn profile(required: &[&str], ignored: &[&str]) -> ReleaseProfile {
        ReleaseProfile {
            enabled: true,
            required: required.iter().map(|s| s.to_string()).collect(),
            ignored: ignored.iter().map(|s| s.to_string()).collect(),
            ..ReleaseProfile::default()
        }
    }

    #[test]
    fn required_terms_need_one_match() {
        let mut ctx = context(hd_profile(true));
        ctx.release_profiles.push(profile(&["x265", "HEVC"], &[]));
        let c = candidate(
            "Movie.Title.2020.1080p.BluRay.x264-GRP",
            Quality::BLURAY_1080P,
        );
        assert_eq!(
            reason(evaluate, &ctx, &c).as_deref(),
            Some("Does not contain one of the required terms: x265, HEVC")
        );
        let c = candidate(
            "Movie.Title.2020.1080p.BluRay.hevc-GRP",
            Quality::BLURAY_1080P,
        );
        assert_eq!(reason(evaluate, &ctx, &c), None);
    }

    #[test]
    fn ignored_terms_found_are_named() {
        let mut ctx = context(hd_profile(true));
        ctx.release_profiles
            .push(profile(&[], &["CAM", "/\\bHC\\b/i", "YIFY"]));
        let c = candidate(
            "Movie.Title.2020.1080p.hc.WEBRip.cam-GRP",
            Quality::WEBRIP_1080P,
        );
        assert_eq!(
            reason(evaluate, &ctx, &c).as_deref(),
            Some("Contains these ignored terms: CAM, /\\bHC\\b/i")
        );
    }

    #[test]
    fn disabled_other_tag_and_other_indexer_profiles_do_not_apply() {
        let mut ctx = context(hd_profile(true));
        let mut off = profile(&["nope"], &[]);
        off.enabled = false;
        let mut tagged = profile(&["nope"], &[]);
        tagged.tags = vec![9];
        let mut other_indexer = profile(&["nope"], &[]);
        other_indexer.indexer_id = 2;
        ctx.release_profiles = vec![off, tagged, other_indexer];
        let c = candidate(
            "Movie.Title.2020.1080p.BluRay.x264-GRP",
            Quality::BLURAY_1080P,
        );
        assert_eq!(reason(evaluate, &ctx, &c), None);
        ctx.movie.tags = vec![9];
        assert!(reason(evaluate, &ctx, &c).is_some());
    }
}
