//! Radarr's `ProperSpecification` (RSS only): a PROPER of the file on disk
//! is grabbed only when propers may upgrade, and only for a recent file.

use chrono::{Duration, NaiveTime};

use super::Rejection;
use super::context::{Candidate, ProperDownloadTypes};
use super::prepared::Prepared;
use super::upgrade::is_revision_upgrade;

/// Files imported more than this many days before today keep their revision.
const PROPER_WINDOW_DAYS: i64 = 7;

/// Rejects an RSS proper when propers are off or the file is old.
pub fn evaluate(c: &Candidate, p: &Prepared) -> Option<Rejection> {
    let ctx = p.ctx;
    let setting = ctx.config.download_propers_and_repacks;
    if ctx.source.is_search() || setting == ProperDownloadTypes::DoNotPrefer {
        return None;
    }
    let file = ctx.movie.movie_file.as_ref()?;
    if !is_revision_upgrade(&file.quality, &c.parsed.quality) {
        return None;
    }
    if setting == ProperDownloadTypes::DoNotUpgrade {
        return Some(Rejection::permanent("Proper downloading is disabled"));
    }
    let today = ctx
        .now
        .with_time(NaiveTime::MIN)
        .single()
        .unwrap_or(ctx.now);
    (file.date_added < today - Duration::days(PROPER_WINDOW_DAYS))
        .then(|| Rejection::permanent("Proper for old file"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decision::ReleaseSource;
    use crate::decision::test_support::{
        candidate, context, hd_profile, model, proper, reason, with_file,
    };
    use crate::quality::Quality;

    #[test]
    fn rss_propers_need_a_recent_file_and_propers_enabled() {
        let mut ctx = context(hd_profile(true));
        with_file(&mut ctx, model(Quality::WEBDL_1080P), Some("GRP"));
        let mut c = candidate(
            "Movie.Title.2020.1080p.WEB-DL.PROPER-GRP",
            Quality::WEBDL_1080P,
        );
        c.parsed.quality = proper(Quality::WEBDL_1080P);
        assert_eq!(
            reason(evaluate, &ctx, &c).as_deref(),
            Some("Proper for old file")
        );
        if let Some(f) = ctx.movie.movie_file.as_mut() {
            f.date_added = ctx.now - Duration::days(2);
        }
        assert_eq!(reason(evaluate, &ctx, &c), None);
        ctx.config.download_propers_and_repacks = ProperDownloadTypes::DoNotUpgrade;
        assert_eq!(
            reason(evaluate, &ctx, &c).as_deref(),
            Some("Proper downloading is disabled")
        );
        ctx.source = ReleaseSource::Search;
        assert_eq!(reason(evaluate, &ctx, &c), None, "searches are not checked");
    }
}
