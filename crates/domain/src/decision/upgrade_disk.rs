//! Radarr's `UpgradeDiskSpecification`: with a file on disk, a release must
//! be an upgrade of it and the file must not already meet the cutoff.

use super::Rejection;
use super::context::Candidate;
use super::format::{format_names, item_name, quality_model, revision};
use super::prepared::Prepared;
use super::upgrade::{UpgradeRejectReason as R, cutoff_not_met, upgrade_reject_reason};

/// Rejects a release that does not improve on the file on disk.
pub fn evaluate(c: &Candidate, p: &Prepared) -> Option<Rejection> {
    let ctx = p.ctx;
    let profile = &ctx.profile;
    let file = ctx.movie.movie_file.as_ref()?;
    let file_score = ctx.movie_file_formats.score;
    let new = &c.parsed.quality;
    if !cutoff_not_met(p, &file.quality, file_score, Some(new)) {
        // Without upgrades the first allowed quality is the cutoff.
        let cutoff = if profile.upgrade_allowed {
            p.cutoff_index
        } else {
            p.first_allowed_index
        };
        return Some(Rejection::permanent(format!(
            "Existing file meets cutoff: {} [{}]",
            item_name(p.item(cutoff)),
            format_names(&ctx.movie_file_formats.format_ids, profile)
        )));
    }
    let reason = match upgrade_reject_reason(
        p,
        &file.quality,
        file_score,
        new,
        c.custom_formats.score,
    ) {
        R::None => return None,
        R::BetterQuality => format!(
            "Existing file on disk is of equal or higher preference: {}",
            quality_model(&file.quality)
        ),
        R::BetterRevision => format!(
            "Existing file on disk is of equal or higher revision: {}",
            revision(&file.quality.revision)
        ),
        R::QualityCutoff => format!(
            "Existing file on disk meets quality cutoff: {}",
            item_name(p.item(p.cutoff_index))
        ),
        R::CustomFormatCutoff => format!(
            "Existing file on disk meets Custom Format cutoff: {}",
            profile.cutoff_format_score
        ),
        R::CustomFormatScore => {
            format!("Existing file on disk has a equal or higher Custom Format score: {file_score}")
        }
        R::MinCustomFormatScore => format!(
            "Existing file on disk has Custom Format score within Custom Format score increment: {}",
            profile.min_upgrade_format_score
        ),
        R::UpgradesNotAllowed => format!(
            "Existing file on disk and Quality Profile '{}' does not allow upgrades",
            profile.name
        ),
    };
    Some(Rejection::permanent(reason))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decision::test_support::{
        candidate, context, hd_profile, model, proper, reason, with_file,
    };
    use crate::quality::Quality;
    use crate::quality_profile::FormatItem;

    #[test]
    fn a_file_at_cutoff_takes_no_more_releases() {
        let mut ctx = context(hd_profile(true));
        ctx.profile.format_items = vec![FormatItem {
            format: 4,
            name: "HDR".into(),
            score: 0,
        }];
        ctx.movie_file_formats.format_ids = vec![4];
        with_file(&mut ctx, model(Quality::BLURAY_1080P), None);
        let remux = candidate("Movie.Title.2020.1080p.Remux-GRP", Quality::REMUX_1080P);
        assert_eq!(
            reason(evaluate, &ctx, &remux).as_deref(),
            Some("Existing file meets cutoff: Bluray-1080p [HDR]")
        );
        let mut fix = candidate(
            "Movie.Title.2020.1080p.BluRay.PROPER-GRP",
            Quality::BLURAY_1080P,
        );
        fix.parsed.quality = proper(Quality::BLURAY_1080P);
        assert_eq!(
            reason(evaluate, &ctx, &fix),
            None,
            "a proper of the file is still taken"
        );
    }

    #[test]
    fn below_cutoff_only_upgrades_pass() {
        let mut ctx = context(hd_profile(true));
        ctx.profile.cutoff_format_score = 100;
        with_file(&mut ctx, model(Quality::WEBDL_1080P), None);
        ctx.movie_file_formats.score = 20;
        let worse = candidate("Movie.Title.2020.1080p.HDTV-GRP", Quality::HDTV_1080P);
        assert_eq!(
            reason(evaluate, &ctx, &worse).as_deref(),
            Some("Existing file on disk is of equal or higher preference: WEBDL-1080p v1")
        );
        let mut same = candidate("Movie.Title.2020.1080p.WEBRip-GRP", Quality::WEBRIP_1080P);
        same.custom_formats.score = 20;
        assert_eq!(
            reason(evaluate, &ctx, &same).as_deref(),
            Some("Existing file on disk has a equal or higher Custom Format score: 20")
        );
        same.custom_formats.score = 21;
        assert_eq!(reason(evaluate, &ctx, &same), None, "a score upgrade");
        let better = candidate("Movie.Title.2020.1080p.BluRay-GRP", Quality::BLURAY_1080P);
        assert_eq!(reason(evaluate, &ctx, &better), None);
    }

    #[test]
    fn without_upgrades_the_first_allowed_quality_is_the_cutoff() {
        let mut ctx = context(hd_profile(false));
        with_file(&mut ctx, model(Quality::WEBDL_1080P), None);
        let better = candidate("Movie.Title.2020.1080p.BluRay-GRP", Quality::BLURAY_1080P);
        assert_eq!(
            reason(evaluate, &ctx, &better).as_deref(),
            Some("Existing file meets cutoff: HDTV-1080p []")
        );
    }
}
