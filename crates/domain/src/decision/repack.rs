//! Radarr's `RepackSpecification`: a REPACK only replaces the file when it
//! comes from the group that made the file.

use super::Rejection;
use super::context::{Candidate, ProperDownloadTypes};
use super::prepared::Prepared;
use super::upgrade::is_revision_upgrade;

/// Rejects a repack of the file from another (or an unknown) group.
pub fn evaluate(c: &Candidate, p: &Prepared) -> Option<Rejection> {
    let setting = p.ctx.config.download_propers_and_repacks;
    if !c.parsed.quality.revision.is_repack || setting == ProperDownloadTypes::DoNotPrefer {
        return None;
    }
    let file = p.ctx.movie.movie_file.as_ref()?;
    if !is_revision_upgrade(&file.quality, &c.parsed.quality) {
        return None;
    }
    if setting == ProperDownloadTypes::DoNotUpgrade {
        return Some(Rejection::permanent("Repack downloading is disabled"));
    }
    let known = |g: &Option<String>| g.clone().filter(|g| !g.trim().is_empty());
    let Some(file_group) = known(&file.release_group) else {
        return Some(Rejection::permanent(
            "Unable to determine release group for the existing file",
        ));
    };
    let Some(group) = known(&c.parsed.release_group) else {
        return Some(Rejection::permanent(
            "Unable to determine release group for this release",
        ));
    };
    (file_group.to_lowercase() != group.to_lowercase())
        .then(|| {
            Rejection::permanent(format!(
                "Release is a repack for a different release group. Release Group: {group}. File release group: {file_group}"
            ))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decision::test_support::{
        candidate, context, hd_profile, model, proper, reason, with_file,
    };
    use crate::quality::Quality;

    fn repack(group: Option<&str>) -> Candidate {
        let mut c = candidate(
            "Movie.Title.2020.1080p.WEB-DL.REPACK-GRP",
            Quality::WEBDL_1080P,
        );
        c.parsed.quality = proper(Quality::WEBDL_1080P);
        c.parsed.quality.revision.is_repack = true;
        c.parsed.release_group = group.map(str::to_string);
        c
    }

    #[test]
    fn a_repack_must_come_from_the_files_group() {
        let mut ctx = context(hd_profile(true));
        with_file(&mut ctx, model(Quality::WEBDL_1080P), Some("grp"));
        assert_eq!(reason(evaluate, &ctx, &repack(Some("GRP"))), None);
        assert_eq!(
            reason(evaluate, &ctx, &repack(Some("OTHER"))).as_deref(),
            Some(
                "Release is a repack for a different release group. Release Group: OTHER. File release group: grp"
            )
        );
        assert_eq!(
            reason(evaluate, &ctx, &repack(None)).as_deref(),
            Some("Unable to determine release group for this release")
        );
        with_file(&mut ctx, model(Quality::WEBDL_1080P), None);
        assert_eq!(
            reason(evaluate, &ctx, &repack(Some("GRP"))).as_deref(),
            Some("Unable to determine release group for the existing file")
        );
        ctx.config.download_propers_and_repacks = ProperDownloadTypes::DoNotUpgrade;
        assert_eq!(
            reason(evaluate, &ctx, &repack(Some("GRP"))).as_deref(),
            Some("Repack downloading is disabled")
        );
    }

    #[test]
    fn non_repacks_and_repacks_of_other_qualities_pass() {
        let mut ctx = context(hd_profile(true));
        with_file(&mut ctx, model(Quality::BLURAY_1080P), Some("grp"));
        assert_eq!(reason(evaluate, &ctx, &repack(Some("OTHER"))), None);
        let plain = candidate("Movie.Title.2020.1080p.WEB-DL-OTHER", Quality::WEBDL_1080P);
        assert_eq!(reason(evaluate, &ctx, &plain), None);
    }
}
