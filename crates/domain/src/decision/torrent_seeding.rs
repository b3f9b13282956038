//! Radarr's `TorrentSeedingSpecification`: torrents need the indexer's
//! minimum number of seeders.

use super::Rejection;
use super::context::Candidate;
use super::prepared::Prepared;
use crate::release::Protocol;

/// Rejects a torrent with fewer seeders than its indexer requires.
pub fn evaluate(c: &Candidate, p: &Prepared) -> Option<Rejection> {
    let release = &c.release;
    if release.protocol != Protocol::Torrent || release.indexer_id == 0 {
        return None;
    }
    // An indexer that no longer exists, or is not a torrent indexer, sets no minimum.
    let indexer = p.ctx.indexers.iter().find(|i| i.id == release.indexer_id)?;
    let minimum = indexer.minimum_seeders?;
    let seeders = release.seeders?;
    (seeders < minimum).then(|| {
        Rejection::permanent(format!(
            "Not enough seeders: {seeders}. Minimum seeders: {minimum}"
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decision::IndexerSettings;
    use crate::decision::test_support::{candidate, context, hd_profile, reason};
    use crate::quality::Quality;

    #[test]
    fn torrents_need_the_indexers_minimum_seeders() {
        let mut ctx = context(hd_profile(true));
        let mut c = candidate("Movie.Title.2020.1080p.BluRay-GRP", Quality::BLURAY_1080P);
        c.release.seeders = Some(3);
        assert_eq!(reason(evaluate, &ctx, &c), None, "unknown indexer");
        ctx.indexers.push(IndexerSettings {
            id: 1,
            minimum_seeders: Some(5),
            required_flags: vec![],
        });
        assert_eq!(
            reason(evaluate, &ctx, &c).as_deref(),
            Some("Not enough seeders: 3. Minimum seeders: 5")
        );
        c.release.seeders = Some(5);
        assert_eq!(reason(evaluate, &ctx, &c), None);
        c.release.seeders = None;
        assert_eq!(reason(evaluate, &ctx, &c), None, "unknown seeders pass");
    }
}
