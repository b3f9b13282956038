//! Radarr's `UpgradeAllowedSpecification`: with a file on disk, a better
//! quality or score is only taken when the profile allows upgrades.

use super::Rejection;
use super::context::Candidate;
use super::prepared::Prepared;
use super::upgrade::is_upgrade_allowed;

/// Rejects an upgrade the profile does not allow.
pub fn evaluate(c: &Candidate, p: &Prepared) -> Option<Rejection> {
    let file = p.ctx.movie.movie_file.as_ref()?;
    let allowed = is_upgrade_allowed(
        p,
        &file.quality,
        p.ctx.movie_file_formats.score,
        &c.parsed.quality,
        c.custom_formats.score,
    );
    (!allowed).then(|| {
        Rejection::permanent("Existing file and the Quality profile does not allow upgrades")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decision::test_support::{
        candidate, context, hd_profile, model, proper, reason, with_file,
    };
    use crate::quality::Quality;

    #[test]
    fn upgrades_need_the_profiles_permission_but_propers_do_not() {
        let mut ctx = context(hd_profile(false));
        let better = candidate("Movie.Title.2020.1080p.BluRay-GRP", Quality::BLURAY_1080P);
        assert_eq!(
            reason(evaluate, &ctx, &better),
            None,
            "no file, nothing to upgrade"
        );
        with_file(&mut ctx, model(Quality::WEBDL_1080P), None);
        assert_eq!(
            reason(evaluate, &ctx, &better).as_deref(),
            Some("Existing file and the Quality profile does not allow upgrades")
        );
        let mut fix = candidate(
            "Movie.Title.2020.1080p.WEB-DL.PROPER-GRP",
            Quality::WEBDL_1080P,
        );
        fix.parsed.quality = proper(Quality::WEBDL_1080P);
        assert_eq!(reason(evaluate, &ctx, &fix), None);
        ctx.profile.upgrade_allowed = true;
        assert_eq!(reason(evaluate, &ctx, &better), None);
    }
}
