//! Radarr's `UpgradableSpecification`: whether a release improves on a file
//! or queued release by quality, revision (PROPER/REPACK) or custom-format
//! score, and whether the profile's cutoff is already met.

use std::cmp::Ordering;

use crate::quality::{QualityModel, Revision};

use super::context::ProperDownloadTypes;
use super::prepared::Prepared;

/// Why a release is not an upgrade (Radarr's `UpgradeableRejectReason`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UpgradeRejectReason {
    /// It is an upgrade.
    None,
    /// The existing quality is better.
    BetterQuality,
    /// Same quality, and the existing revision is better.
    BetterRevision,
    /// The existing quality already meets the cutoff.
    QualityCutoff,
    /// The new custom-format score is not higher.
    CustomFormatScore,
    /// The existing custom-format score already meets the cutoff score.
    CustomFormatCutoff,
    /// The score gain is below the profile's minimum increment.
    MinCustomFormatScore,
    /// The profile does not allow upgrades.
    UpgradesNotAllowed,
}

/// Revisions order by REAL count first, then version.
pub fn compare_revision(new: &Revision, current: &Revision) -> Ordering {
    new.real
        .cmp(&current.real)
        .then(new.version.cmp(&current.version))
}

/// The same quality in a later revision (a PROPER of a WEBDL is not an
/// upgrade of a WEBRip, even in one group).
pub fn is_revision_upgrade(current: &QualityModel, new: &QualityModel) -> bool {
    current.quality == new.quality
        && compare_revision(&new.revision, &current.revision) == Ordering::Greater
}

/// Whether `current` is below the quality cutoff (the first allowed item
/// when upgrades are off), or `new` is a revision upgrade of it.
pub fn quality_cutoff_not_met(
    p: &Prepared,
    current: &QualityModel,
    new: Option<&QualityModel>,
) -> bool {
    let cutoff = if p.ctx.profile.upgrade_allowed {
        p.cutoff_index
    } else {
        p.first_allowed_index
    };
    // A profile without a valid cutoff can never be satisfied.
    let below = cutoff.is_none_or(|c| p.rank_of(current.quality) < rank(c));
    below || new.is_some_and(|n| is_revision_upgrade(current, n))
}

/// Whether the quality cutoff or the custom-format cutoff is not yet met.
pub fn cutoff_not_met(
    p: &Prepared,
    current: &QualityModel,
    current_score: i32,
    new: Option<&QualityModel>,
) -> bool {
    let profile = &p.ctx.profile;
    let score_cutoff = if profile.upgrade_allowed {
        profile.cutoff_format_score
    } else {
        profile.min_format_score
    };
    quality_cutoff_not_met(p, current, new) || current_score < score_cutoff
}

/// Why `new` (with `new_score`) does not upgrade `current`, or `None`.
pub fn upgrade_reject_reason(
    p: &Prepared,
    current: &QualityModel,
    current_score: i32,
    new: &QualityModel,
    new_score: i32,
) -> UpgradeRejectReason {
    let profile = &p.ctx.profile;
    let prefer_propers =
        p.ctx.config.download_propers_and_repacks != ProperDownloadTypes::DoNotPrefer;
    let quality = p.rank_of(new.quality).cmp(&p.rank_of(current.quality));
    if quality == Ordering::Greater && quality_cutoff_not_met(p, current, Some(new)) {
        return UpgradeRejectReason::None;
    }
    if quality == Ordering::Less {
        return UpgradeRejectReason::BetterQuality;
    }
    let revision = compare_revision(&new.revision, &current.revision);
    if prefer_propers && revision == Ordering::Greater {
        return UpgradeRejectReason::None;
    }
    if !profile.upgrade_allowed {
        return UpgradeRejectReason::UpgradesNotAllowed;
    }
    if prefer_propers && revision == Ordering::Less {
        return UpgradeRejectReason::BetterRevision;
    }
    if quality == Ordering::Greater {
        return UpgradeRejectReason::QualityCutoff;
    }
    if new_score <= current_score {
        return UpgradeRejectReason::CustomFormatScore;
    }
    if current_score >= profile.cutoff_format_score {
        return UpgradeRejectReason::CustomFormatCutoff;
    }
    if new_score < current_score.saturating_add(profile.min_upgrade_format_score) {
        return UpgradeRejectReason::MinCustomFormatScore;
    }
    UpgradeRejectReason::None
}

/// Whether the profile lets `new` replace `current`: revision upgrades
/// always may; quality or score upgrades only when upgrades are allowed.
pub fn is_upgrade_allowed(
    p: &Prepared,
    current: &QualityModel,
    current_score: i32,
    new: &QualityModel,
    new_score: i32,
) -> bool {
    if is_revision_upgrade(current, new) {
        return true;
    }
    let better = p.rank_of(new.quality) > p.rank_of(current.quality) || new_score > current_score;
    !better || p.ctx.profile.upgrade_allowed
}

fn rank(index: usize) -> i64 {
    i64::try_from(index).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decision::test_support::{context, hd_profile, model, proper};
    use crate::quality::Quality;
    use UpgradeRejectReason as R;

    #[test]
    fn quality_revision_and_score_decide_in_radarrs_order() {
        let mut ctx = context(hd_profile(true));
        ctx.profile.cutoff_format_score = 100;
        ctx.profile.min_upgrade_format_score = 10;
        let p = Prepared::new(&ctx);
        let web = model(Quality::WEBDL_1080P);
        let bluray = model(Quality::BLURAY_1080P);
        assert_eq!(upgrade_reject_reason(&p, &web, 0, &bluray, 0), R::None);
        assert_eq!(
            upgrade_reject_reason(&p, &bluray, 0, &web, 50),
            R::BetterQuality
        );
        assert_eq!(
            upgrade_reject_reason(&p, &web, 0, &proper(Quality::WEBDL_1080P), 0),
            R::None
        );
        assert_eq!(
            upgrade_reject_reason(&p, &proper(Quality::WEBDL_1080P), 0, &web, 50),
            R::BetterRevision
        );
        assert_eq!(
            upgrade_reject_reason(&p, &web, 20, &web, 20),
            R::CustomFormatScore
        );
        assert_eq!(
            upgrade_reject_reason(&p, &web, 20, &web, 25),
            R::MinCustomFormatScore
        );
        assert_eq!(upgrade_reject_reason(&p, &web, 20, &web, 30), R::None);
        assert_eq!(
            upgrade_reject_reason(&p, &web, 100, &web, 200),
            R::CustomFormatCutoff
        );
        // WEBRip and WEBDL share a group: neither upgrades the other by quality.
        let rip = model(Quality::WEBRIP_1080P);
        assert_eq!(
            upgrade_reject_reason(&p, &web, 0, &rip, 0),
            R::CustomFormatScore
        );
    }

    #[test]
    fn cutoff_met_quality_upgrade_and_disallowed_upgrades() {
        let ctx = context(hd_profile(false));
        let p = Prepared::new(&ctx);
        let web = model(Quality::WEBDL_1080P);
        let remux = model(Quality::REMUX_1080P);
        assert_eq!(
            upgrade_reject_reason(&p, &web, 0, &remux, 0),
            R::UpgradesNotAllowed
        );
        assert!(!is_upgrade_allowed(&p, &web, 0, &remux, 0));
        assert!(is_upgrade_allowed(
            &p,
            &web,
            0,
            &proper(Quality::WEBDL_1080P),
            0
        ));
        let mut ctx = context(hd_profile(true));
        ctx.config.download_propers_and_repacks = ProperDownloadTypes::DoNotPrefer;
        let p = Prepared::new(&ctx);
        let bluray = model(Quality::BLURAY_1080P);
        assert!(!quality_cutoff_not_met(&p, &bluray, None));
        assert_eq!(
            upgrade_reject_reason(&p, &bluray, 0, &remux, 0),
            R::QualityCutoff
        );
        assert!(cutoff_not_met(&p, &web, 0, None));
        assert!(quality_cutoff_not_met(
            &p,
            &bluray,
            Some(&proper(Quality::BLURAY_1080P))
        ));
    }
}
