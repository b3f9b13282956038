//! Radarr's `RequiredIndexerFlagsSpecification`: a torrent indexer may
//! require releases to carry at least one of some tracker flags.

use super::Rejection;
use super::context::Candidate;
use super::format::flags;
use super::prepared::Prepared;
use crate::release::IndexerFlags;

/// Rejects a release carrying none of its indexer's required flags.
pub fn evaluate(c: &Candidate, p: &Prepared) -> Option<Rejection> {
    let release = &c.release;
    let indexer = p.ctx.indexers.iter().find(|i| i.id == release.indexer_id)?;
    // Only torrent indexers (those with a seeder setting) have required flags.
    indexer.minimum_seeders?;
    let required = &indexer.required_flags;
    if required.is_empty() || required.iter().any(|f| release.indexer_flags.contains(*f)) {
        return None;
    }
    let all = required.iter().fold(IndexerFlags(0), |acc, f| acc.with(*f));
    Some(Rejection::permanent(format!(
        "None of the required indexer flags {} where found. Found flags: {}",
        flags(all),
        flags(release.indexer_flags)
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decision::IndexerSettings;
    use crate::decision::test_support::{candidate, context, hd_profile, reason};
    use crate::quality::Quality;

    #[test]
    fn one_required_flag_is_enough() {
        let mut ctx = context(hd_profile(true));
        ctx.indexers.push(IndexerSettings {
            id: 1,
            minimum_seeders: Some(1),
            required_flags: vec![IndexerFlags::FREELEECH, IndexerFlags::PTP_GOLDEN],
        });
        let mut c = candidate("Movie.Title.2020.1080p.BluRay-GRP", Quality::BLURAY_1080P);
        c.release.indexer_flags = IndexerFlags::HALFLEECH;
        assert_eq!(
            reason(evaluate, &ctx, &c).as_deref(),
            Some(
                "None of the required indexer flags G_Freeleech, PTP_Golden where found. Found flags: G_Halfleech"
            )
        );
        c.release.indexer_flags = IndexerFlags::PTP_GOLDEN.with(IndexerFlags::HALFLEECH);
        assert_eq!(reason(evaluate, &ctx, &c), None);
        ctx.indexers[0].required_flags.clear();
        c.release.indexer_flags = IndexerFlags(0);
        assert_eq!(reason(evaluate, &ctx, &c), None);
    }
}
