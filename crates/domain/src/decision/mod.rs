//! Radarr's decision engine: every release is accepted or rejected against
//! one movie with every reason, then the accepted ones are ranked. Pure: the
//! search service gathers the inputs ([`Candidate`], [`DecisionContext`]).
//!
//! Each rule (Radarr's `IDecisionEngineSpecification`) is one file with an
//! `evaluate(&Candidate, &Prepared) -> Option<Rejection>`.

mod acceptable_size;
mod availability;
mod blocklist;
mod candidate;
mod context;
mod custom_format_score;
mod delay;
pub mod delay_profile;
mod format;
mod maximum_size;
mod minimum_age;
mod monitored;
mod movie_match;
mod prepared;
mod proper;
mod protocol;
mod quality_allowed;
mod queue;
mod rank;
mod release_restrictions;
mod repack;
mod required_flags;
mod retention;
mod scene_group_reputation;
mod terms;
mod torrent_seeding;
mod upgrade;
mod upgrade_allowed;
mod upgrade_disk;

#[cfg(test)]
mod test_support;

pub use candidate::{file_formats, formats_of};
pub use context::{
    BlocklistItem, Candidate, DecisionContext, DelayProfile, FormatMatch, IndexerConfig,
    IndexerSettings, ProperDownloadTypes, QueueItem, ReleaseProfile, ReleaseSource,
};
pub use prepared::Prepared;
pub use rank::{best, compare, rank};
pub use upgrade::UpgradeRejectReason;

/// Whether a rejected release may be accepted later (Radarr's `RejectionType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RejectionType {
    /// It will never be accepted for this movie as things stand.
    Permanent,
    /// It may be accepted later (too young, delayed): the search service keeps it pending.
    Temporary,
}

/// One reason a release was not accepted, worded as Radarr words it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Rejection {
    /// Radarr's message, as `GET /release` shows it in `rejections`.
    pub reason: String,
    /// Permanent or temporary.
    pub kind: RejectionType,
}

impl Rejection {
    /// A permanent rejection.
    pub fn permanent(reason: impl Into<String>) -> Self {
        Rejection {
            reason: reason.into(),
            kind: RejectionType::Permanent,
        }
    }

    /// A temporary rejection.
    pub fn temporary(reason: impl Into<String>) -> Self {
        Rejection {
            reason: reason.into(),
            kind: RejectionType::Temporary,
        }
    }
}

impl std::fmt::Display for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "[{:?}] {}", self.kind, self.reason)
    }
}

/// The verdict on one candidate (Radarr's `DownloadDecision`).
#[derive(Debug, Clone, PartialEq)]
pub struct Decision<'c> {
    /// The candidate's position in the slice given to [`decide`].
    pub index: usize,
    /// The candidate.
    pub candidate: &'c Candidate,
    /// Every reason it was rejected; empty when approved.
    pub rejections: Vec<Rejection>,
    /// False when the release is not for the movie (unknown movie or
    /// unparsable); such decisions rank after all others.
    pub download_allowed: bool,
}

impl Decision<'_> {
    /// Accepted: no rejections.
    pub fn approved(&self) -> bool {
        self.rejections.is_empty()
    }

    /// Rejected only for reasons that may pass (Radarr's `TemporarilyRejected`).
    pub fn temporarily_rejected(&self) -> bool {
        only_temporary(&self.rejections)
    }
}

/// Whether there are reasons and all of them may pass.
pub fn only_temporary(rejections: &[Rejection]) -> bool {
    !rejections.is_empty()
        && rejections
            .iter()
            .all(|r| r.kind == RejectionType::Temporary)
}

/// A rule: a rejection when the candidate fails it.
type Rule = fn(&Candidate, &Prepared) -> Option<Rejection>;

/// Every rule, in the order their reasons are listed (Radarr's
/// specifications, ordered by name; the scene-group reputation rule, ours,
/// sits where its name falls). Radarr evaluates them all within one
/// priority; all of these share Radarr's first priority, so every reason
/// is collected.
const RULES: [Rule; 20] = [
    acceptable_size::evaluate,
    availability::evaluate,
    blocklist::evaluate,
    custom_format_score::evaluate,
    delay::evaluate,
    maximum_size::evaluate,
    minimum_age::evaluate,
    monitored::evaluate,
    proper::evaluate,
    protocol::evaluate,
    quality_allowed::evaluate,
    queue::evaluate,
    release_restrictions::evaluate,
    repack::evaluate,
    required_flags::evaluate,
    retention::evaluate,
    scene_group_reputation::evaluate,
    torrent_seeding::evaluate,
    upgrade_allowed::evaluate,
    upgrade_disk::evaluate,
];

/// Decides every candidate against the context's movie, in input order.
pub fn decide<'c>(ctx: &DecisionContext, candidates: &'c [Candidate]) -> Vec<Decision<'c>> {
    let prepared = Prepared::new(ctx);
    candidates
        .iter()
        .enumerate()
        .map(|(index, candidate)| decide_prepared(&prepared, index, candidate))
        .collect()
}

/// Decides one candidate with lookups already prepared (for callers that
/// decide releases one at a time against the same context).
pub fn decide_prepared<'c>(p: &Prepared, index: usize, candidate: &'c Candidate) -> Decision<'c> {
    // As in Radarr, a release that is not for the movie gets that one reason.
    if let Some(rejection) = movie_match::evaluate(candidate, p) {
        return Decision {
            index,
            candidate,
            rejections: vec![rejection],
            download_allowed: false,
        };
    }
    let rejections = RULES.iter().filter_map(|rule| rule(candidate, p)).collect();
    Decision {
        index,
        candidate,
        rejections,
        download_allowed: true,
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::{candidate, context, hd_profile};
    use super::*;
    use crate::quality::Quality;
    use crate::release::Protocol;

    #[test]
    fn every_reason_is_collected_not_only_the_first() {
        let mut ctx = context(hd_profile(true));
        ctx.config.maximum_size = 100;
        ctx.config.minimum_age = 60;
        ctx.movie.monitored = false;
        let mut c = candidate("Movie.Title.2020.720p.HDTV.x264-GRP", Quality::HDTV_720P);
        c.release.size = 200 * 1024 * 1024;
        c.release.protocol = Protocol::Usenet;
        c.release.publish_date = ctx.now;
        let decisions = decide(&ctx, std::slice::from_ref(&c));
        let reasons: Vec<&str> = decisions[0]
            .rejections
            .iter()
            .map(|r| r.reason.as_str())
            .collect();
        assert_eq!(
            reasons,
            [
                "200.0 MB is too big, maximum size is 100.0 MB",
                "Only 0 minutes old, minimum age is 60 minutes",
                "Movie is not monitored",
                "HDTV-720p is not wanted in profile",
            ]
        );
        assert!(!decisions[0].approved() && !decisions[0].temporarily_rejected());
        assert!(decisions[0].download_allowed);
    }

    #[test]
    fn a_good_release_is_approved_and_an_unknown_one_gets_one_reason() {
        let ctx = context(hd_profile(true));
        let good = candidate(
            "Movie.Title.2020.1080p.BluRay.x264-GRP",
            Quality::BLURAY_1080P,
        );
        let other = candidate("Other.Film.2020.720p.HDTV.x264-GRP", Quality::HDTV_720P);
        let list = [good, other];
        let decisions = decide(&ctx, &list);
        assert!(decisions[0].approved(), "{:?}", decisions[0].rejections);
        assert_eq!(decisions[1].index, 1);
        assert_eq!(
            decisions[1].rejections,
            [Rejection::permanent("Unknown Movie")]
        );
        assert!(!decisions[1].download_allowed);
        assert_eq!(
            decisions[1].rejections[0].to_string(),
            "[Permanent] Unknown Movie"
        );
    }

    #[test]
    fn only_temporary_reasons_make_a_temporary_rejection() {
        let mut ctx = context(hd_profile(true));
        ctx.config.minimum_age = 60;
        let mut c = candidate(
            "Movie.Title.2020.1080p.BluRay.x264-GRP",
            Quality::BLURAY_1080P,
        );
        c.release.protocol = Protocol::Usenet;
        c.release.publish_date = ctx.now;
        let decisions = decide(&ctx, std::slice::from_ref(&c));
        assert!(decisions[0].temporarily_rejected());
    }
}
