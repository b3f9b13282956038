//! Radarr's `BlocklistSpecification`: a release that failed before is not
//! grabbed again. Torrents match by info hash (else indexer); Usenet releases
//! by publish date, or by date and size from another indexer.

use chrono::Duration;

use super::Rejection;
use super::context::{BlocklistItem, Candidate};
use super::prepared::Prepared;
use crate::release::{Protocol, Release};

/// Two megabytes: Usenet posts of the same release differ by less.
const SIZE_TOLERANCE: i64 = 2 * 1024 * 1024;

/// Rejects a blocklisted release.
pub fn evaluate(c: &Candidate, p: &Prepared) -> Option<Rejection> {
    is_blocklisted(&p.ctx.blocklist, &p.blocklist_titles, &c.release)
        .then(|| Rejection::permanent("Release is blocklisted"))
}

fn is_blocklisted(blocklist: &[BlocklistItem], titles: &[String], release: &Release) -> bool {
    let hash = release
        .info_hash
        .as_deref()
        .filter(|h| !h.trim().is_empty());
    if release.protocol == Protocol::Torrent
        && let Some(hash) = hash
    {
        return blocklist.iter().any(|b| {
            b.torrent_info_hash
                .as_deref()
                .is_some_and(|h| h.eq_ignore_ascii_case(hash))
        });
    }
    // The blocklist is searched by title: the stored title contains the release's.
    if blocklist.is_empty() {
        return false;
    }
    let title = release.title.to_lowercase();
    blocklist
        .iter()
        .zip(titles)
        .filter(|(b, lower)| b.protocol == release.protocol && lower.contains(&title))
        .map(|(b, _)| b)
        .any(|b| match release.protocol {
            Protocol::Torrent => same_indexer(b, &release.indexer),
            _ => same_nzb(b, release),
        })
}

fn same_nzb(item: &BlocklistItem, release: &Release) -> bool {
    if item.published_date == Some(release.publish_date) {
        return true;
    }
    !same_indexer(item, &release.indexer)
        && item.published_date.is_none_or(|d| {
            d - Duration::minutes(2) <= release.publish_date
                && release.publish_date <= d + Duration::minutes(2)
        })
        && item
            .size
            .is_none_or(|s| s.abs_diff(release.size) <= SIZE_TOLERANCE.unsigned_abs())
}

/// An entry without an indexer counts as every indexer.
fn same_indexer(item: &BlocklistItem, indexer: &str) -> bool {
    item.indexer
        .as_deref()
        .filter(|i| !i.trim().is_empty())
        .is_none_or(|i| i.eq_ignore_ascii_case(indexer))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decision::test_support::{candidate, context, hd_profile, reason};
    use crate::quality::Quality;

    const TITLE: &str = "Movie.Title.2020.1080p.BluRay.x264-GRP";

    fn entry(protocol: Protocol) -> BlocklistItem {
        BlocklistItem {
            source_title: TITLE.into(),
            protocol,
            indexer: Some("Indexer".into()),
            published_date: None,
            size: None,
            torrent_info_hash: None,
        }
    }

    #[test]
    fn torrents_match_by_hash_else_by_title_and_indexer() {
        let mut ctx = context(hd_profile(true));
        let mut e = entry(Protocol::Torrent);
        e.torrent_info_hash = Some("ABCDEF".into());
        ctx.blocklist.push(e);
        let mut c = candidate(TITLE, Quality::BLURAY_1080P);
        c.release.info_hash = Some("abcdef".into());
        assert_eq!(
            reason(evaluate, &ctx, &c).as_deref(),
            Some("Release is blocklisted")
        );
        c.release.info_hash = Some("123456".into());
        assert_eq!(
            reason(evaluate, &ctx, &c),
            None,
            "another hash is another torrent"
        );
        c.release.info_hash = None;
        assert!(reason(evaluate, &ctx, &c).is_some());
        c.release.indexer = "Elsewhere".into();
        assert_eq!(reason(evaluate, &ctx, &c), None);
    }

    #[test]
    fn usenet_matches_by_date_or_by_size_from_another_indexer() {
        let mut ctx = context(hd_profile(true));
        let mut c = candidate(TITLE, Quality::BLURAY_1080P);
        c.release.protocol = Protocol::Usenet;
        let mut e = entry(Protocol::Usenet);
        e.published_date = Some(c.release.publish_date);
        ctx.blocklist.push(e);
        assert!(reason(evaluate, &ctx, &c).is_some());
        ctx.blocklist[0].published_date = Some(c.release.publish_date + Duration::minutes(1));
        assert_eq!(reason(evaluate, &ctx, &c), None, "same indexer, other post");
        c.release.indexer = "Elsewhere".into();
        ctx.blocklist[0].size = Some(c.release.size + 1024);
        assert!(reason(evaluate, &ctx, &c).is_some(), "a repost elsewhere");
        c.release.title = "Something.Else.2020".into();
        assert_eq!(reason(evaluate, &ctx, &c), None);
    }
}
