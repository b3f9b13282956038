//! Radarr's `ProtocolSpecification`: the delay profile may turn Usenet or
//! torrents off for the movie.

use super::Rejection;
use super::context::Candidate;
use super::prepared::Prepared;
use crate::release::Protocol;

/// Rejects a release whose protocol the delay profile disables.
pub fn evaluate(c: &Candidate, p: &Prepared) -> Option<Rejection> {
    let profile = &p.ctx.delay_profile;
    match c.release.protocol {
        Protocol::Usenet if !profile.enable_usenet => {
            Some(Rejection::permanent("Usenet is not enabled for this movie"))
        }
        Protocol::Torrent if !profile.enable_torrent => Some(Rejection::permanent(
            "Torrent is not enabled for this movie",
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decision::test_support::{candidate, context, hd_profile, reason};
    use crate::quality::Quality;

    #[test]
    fn disabled_protocols_are_rejected() {
        let mut ctx = context(hd_profile(true));
        let mut c = candidate("Movie.Title.2020.1080p.BluRay-GRP", Quality::BLURAY_1080P);
        assert_eq!(reason(evaluate, &ctx, &c), None);
        ctx.delay_profile.enable_torrent = false;
        assert_eq!(
            reason(evaluate, &ctx, &c).as_deref(),
            Some("Torrent is not enabled for this movie")
        );
        c.release.protocol = Protocol::Usenet;
        assert_eq!(reason(evaluate, &ctx, &c), None);
        ctx.delay_profile.enable_usenet = false;
        assert_eq!(
            reason(evaluate, &ctx, &c).as_deref(),
            Some("Usenet is not enabled for this movie")
        );
    }
}
