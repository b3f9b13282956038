//! Radarr's `MaximumSizeSpecification`: the indexer setting "Maximum Size"
//! caps every release, whatever its quality.

use super::Rejection;
use super::context::Candidate;
use super::format::{megabytes, size_suffix};
use super::prepared::Prepared;

/// Rejects a release larger than the configured maximum.
pub fn evaluate(c: &Candidate, p: &Prepared) -> Option<Rejection> {
    let maximum = megabytes(f64::from(p.ctx.config.maximum_size));
    let size = c.release.size;
    (maximum != 0 && size != 0 && size > maximum).then(|| {
        Rejection::permanent(format!(
            "{} is too big, maximum size is {}",
            size_suffix(size),
            size_suffix(maximum)
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decision::test_support::{candidate, context, hd_profile, reason};
    use crate::quality::Quality;

    #[test]
    fn only_a_set_maximum_rejects_and_only_known_sizes() {
        let mut ctx = context(hd_profile(true));
        let mut c = candidate("Movie.Title.2020.1080p.BluRay-GRP", Quality::BLURAY_1080P);
        assert_eq!(reason(evaluate, &ctx, &c), None, "0 means no limit");
        ctx.config.maximum_size = 4096;
        assert_eq!(
            reason(evaluate, &ctx, &c).as_deref(),
            Some("8.0 GB is too big, maximum size is 4.0 GB")
        );
        c.release.size = 4096 * 1024 * 1024;
        assert_eq!(reason(evaluate, &ctx, &c), None);
        c.release.size = 0;
        assert_eq!(reason(evaluate, &ctx, &c), None);
    }
}
