//! A listed release read for the reputation formula: its group, quality and
//! revision from its title, by the release parser.

use domain::reputation::GroupRelease;
use domain::scene_group::TrackerRelease;

use crate::source::ListedRelease;

/// `listed` as the statistics take it; none when its title names no group
/// (such releases say nothing of any group).
pub fn read(indexer_id: i32, listed: &ListedRelease) -> Option<TrackerRelease> {
    let group = parser::parse_release_group(&listed.title)?;
    // The quality parser reads TV and documentary titles as well as movie
    // ones, which the movie-title parser would refuse.
    let quality = parser::parse_quality(&listed.title);
    Some(TrackerRelease {
        indexer_id,
        torrent_id: listed.id,
        release: GroupRelease {
            group,
            release_key: release_key(&listed.title),
            revision: quality.revision.version,
            quality: quality.quality,
            seeders: listed.seeders,
            leechers: listed.leechers,
            completions: listed.completions,
            internal: listed.internal,
            freeleech: listed.freeleech,
            size: listed.size,
            added: listed.added,
            deleted: false,
        },
    })
}

/// Words that mark a release's fix rather than the release.
const REVISION_WORDS: [&str; 4] = ["proper", "repack", "rerip", "real"];

/// The title with its revision words left out, lower case: a release and
/// its PROPER or REPACK share it.
pub fn release_key(title: &str) -> String {
    title
        .split(['.', ' ', '_'])
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .filter(|word| !REVISION_WORDS.contains(&word.as_str()))
        .collect::<Vec<_>>()
        .join(".")
}

#[cfg(test)]
mod tests {
    use chrono::Utc;
    use domain::Quality;

    use super::*;

    fn listed(title: &str) -> ListedRelease {
        ListedRelease {
            id: 7,
            title: title.into(),
            seeders: 12,
            leechers: 1,
            completions: 300,
            internal: true,
            freeleech: false,
            size: 9_000_000_000,
            added: Utc::now(),
        }
    }

    #[test]
    fn a_title_gives_its_group_quality_and_revision() {
        let read = read(
            3,
            &listed("The.Matrix.1999.PROPER.1080p.BluRay.DTS.x264-CtrlHD"),
        )
        .expect("a group");
        assert_eq!((read.indexer_id, read.torrent_id), (3, 7));
        assert_eq!(read.release.group, "CtrlHD");
        assert_eq!(read.release.quality, Quality::BLURAY_1080P);
        assert_eq!(read.release.revision, 2);
        assert!(read.release.internal);
    }

    #[test]
    fn a_tv_title_is_read_too_and_no_group_is_none() {
        let tv = read(1, &listed("Show.S01E02.720p.HDTV.x264-DIMENSION")).expect("a group");
        assert_eq!(tv.release.group, "DIMENSION");
        assert!(read(1, &listed("Some Movie 2010 1080p BluRay")).is_none());
    }

    #[test]
    fn a_fix_shares_the_key_of_the_release_it_fixes() {
        assert_eq!(
            release_key("Movie.2020.REPACK.1080p.WEB-DL-GRP"),
            release_key("Movie.2020.1080p.WEB-DL-GRP")
        );
        assert_ne!(
            release_key("Movie.2020.720p.WEB-DL-GRP"),
            release_key("Movie.2020.1080p.WEB-DL-GRP")
        );
    }
}
