//! Radarr's `QueueSpecification`: a release must improve on what is already
//! downloading for the movie, by the same upgrade rules as a file on disk.

use super::Rejection;
use super::context::{Candidate, ProperDownloadTypes, QueueItem};
use super::format::{item_name, quality_model, revision};
use super::prepared::Prepared;
use super::upgrade::{
    UpgradeRejectReason as R, cutoff_not_met, is_revision_upgrade, upgrade_reject_reason,
};

/// Rejects a release no better than a queued one (the first that blocks).
pub fn evaluate(c: &Candidate, p: &Prepared) -> Option<Rejection> {
    p.ctx
        .queue
        .iter()
        // A failed download about to be removed is being replaced.
        .filter(|q| !q.failed_pending)
        .find_map(|queued| against(c, p, queued))
}

fn against(c: &Candidate, p: &Prepared, queued: &QueueItem) -> Option<Rejection> {
    let profile = &p.ctx.profile;
    let new = &c.parsed.quality;
    let queued_score = queued.custom_formats.score;
    if !cutoff_not_met(p, &queued.quality, queued_score, Some(new)) {
        return Some(Rejection::permanent(format!(
            "Quality for release in queue already meets cutoff: {}",
            quality_model(&queued.quality)
        )));
    }
    let reason = match upgrade_reject_reason(
        p,
        &queued.quality,
        queued_score,
        new,
        c.custom_formats.score,
    ) {
        R::None => None,
        R::BetterQuality => Some(format!(
            "Release in queue is of equal or higher preference: {}",
            quality_model(&queued.quality)
        )),
        R::BetterRevision => Some(format!(
            "Release in queue is of equal or higher revision: {}",
            revision(&queued.quality.revision)
        )),
        R::QualityCutoff => Some(format!(
            "Release in queue meets quality cutoff: {}",
            item_name(p.item(p.cutoff_index))
        )),
        R::CustomFormatCutoff => Some(format!(
            "Release in queue meets Custom Format cutoff: {}",
            profile.cutoff_format_score
        )),
        R::CustomFormatScore => Some(format!(
            "Release in queue has an equal or higher Custom Format score: {queued_score}"
        )),
        R::MinCustomFormatScore => Some(format!(
            "Release in queue has Custom Format score within Custom Format score increment: {}",
            profile.min_upgrade_format_score
        )),
        R::UpgradesNotAllowed => Some(format!(
            "Release in queue and Quality Profile '{}' does not allow upgrades",
            profile.name
        )),
    };
    if let Some(reason) = reason {
        return Some(Rejection::permanent(reason));
    }
    let propers_off =
        p.ctx.config.download_propers_and_repacks == ProperDownloadTypes::DoNotUpgrade;
    (propers_off && is_revision_upgrade(&queued.quality, new))
        .then(|| Rejection::permanent("Proper downloading is disabled"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decision::FormatMatch;
    use crate::decision::test_support::{candidate, context, hd_profile, model, proper, reason};
    use crate::quality::{Quality, QualityModel};

    fn queued(quality: QualityModel, score: i32) -> QueueItem {
        QueueItem {
            title: "queued".into(),
            quality,
            custom_formats: FormatMatch {
                format_ids: vec![],
                score,
            },
            failed_pending: false,
        }
    }

    #[test]
    fn a_queued_release_at_cutoff_or_better_blocks() {
        let mut ctx = context(hd_profile(true));
        ctx.queue.push(queued(model(Quality::BLURAY_1080P), 0));
        let c = candidate("Movie.Title.2020.1080p.Remux-GRP", Quality::REMUX_1080P);
        assert_eq!(
            reason(evaluate, &ctx, &c).as_deref(),
            Some("Quality for release in queue already meets cutoff: Bluray-1080p v1")
        );
        ctx.queue[0] = queued(model(Quality::WEBDL_1080P), 0);
        assert_eq!(
            reason(evaluate, &ctx, &c),
            None,
            "an upgrade of the queued release"
        );
        let worse = candidate("Movie.Title.2020.1080p.HDTV-GRP", Quality::HDTV_1080P);
        assert_eq!(
            reason(evaluate, &ctx, &worse).as_deref(),
            Some("Release in queue is of equal or higher preference: WEBDL-1080p v1")
        );
        ctx.queue[0].failed_pending = true;
        assert_eq!(
            reason(evaluate, &ctx, &worse),
            None,
            "failed downloads do not count"
        );
    }

    #[test]
    fn score_and_revision_reasons_name_the_queued_release() {
        let mut ctx = context(hd_profile(true));
        ctx.profile.cutoff_format_score = 1000;
        ctx.queue.push(queued(proper(Quality::WEBDL_1080P), 10));
        let mut c = candidate("Movie.Title.2020.1080p.WEB-DL-GRP", Quality::WEBDL_1080P);
        c.custom_formats.score = 50;
        assert_eq!(
            reason(evaluate, &ctx, &c).as_deref(),
            Some("Release in queue is of equal or higher revision: v2")
        );
        ctx.queue[0].quality = model(Quality::WEBDL_1080P);
        c.custom_formats.score = 10;
        assert_eq!(
            reason(evaluate, &ctx, &c).as_deref(),
            Some("Release in queue has an equal or higher Custom Format score: 10")
        );
        ctx.config.download_propers_and_repacks = ProperDownloadTypes::DoNotUpgrade;
        c.parsed.quality = proper(Quality::WEBDL_1080P);
        assert_eq!(
            reason(evaluate, &ctx, &c).as_deref(),
            Some("Proper downloading is disabled")
        );
    }
}
