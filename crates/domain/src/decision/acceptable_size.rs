//! Radarr's `AcceptableSizeSpecification`: the size must fit the quality
//! definition's MB-per-minute limits times the movie's runtime.

use super::Rejection;
use super::context::Candidate;
use super::format::{megabytes, size_suffix};
use super::prepared::Prepared;

/// Rejects a release smaller than the minimum or larger than the maximum.
pub fn evaluate(c: &Candidate, p: &Prepared) -> Option<Rejection> {
    let size = c.release.size;
    // An indexer that gives no size cannot be judged by it.
    if size == 0 {
        return None;
    }
    let quality = c.parsed.quality.quality;
    let definition = p
        .ctx
        .quality_definitions
        .iter()
        .find(|d| d.quality == quality)?;
    let runtime = i64::from(p.runtime);
    let title = &p.ctx.movie.title;
    if let Some(min) = definition.min_size {
        let min = megabytes(min).saturating_mul(runtime);
        if size < min {
            return Some(Rejection::permanent(format!(
                "{} is smaller than minimum allowed {} (for {title})",
                size_suffix(size),
                size_suffix(min)
            )));
        }
    }
    // No maximum, or a maximum of 0, means unlimited.
    let max = definition.max_size.filter(|m| *m != 0.0)?;
    let max = megabytes(max).saturating_mul(runtime);
    (size > max).then(|| {
        Rejection::permanent(format!(
            "{} is larger than maximum allowed {} (for {title})",
            size_suffix(size),
            size_suffix(max)
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decision::test_support::{candidate, context, hd_profile, reason};
    use crate::movie::{MetadataDoc, MovieMetadata};
    use crate::quality::Quality;

    const MB: i64 = 1024 * 1024;

    #[test]
    fn sizes_are_judged_per_minute_of_runtime() {
        let mut ctx = context(hd_profile(true));
        ctx.movie.metadata = MetadataDoc::new(&MovieMetadata {
            runtime: 100,
            ..MovieMetadata::default()
        });
        let def = ctx
            .quality_definitions
            .iter_mut()
            .find(|d| d.quality == Quality::WEBDL_1080P);
        if let Some(def) = def {
            def.min_size = Some(10.0);
            def.max_size = Some(50.0);
        }
        let mut c = candidate("Movie.Title.2020.1080p.WEB-DL-GRP", Quality::WEBDL_1080P);
        c.release.size = 999 * MB;
        assert_eq!(
            reason(evaluate, &ctx, &c).as_deref(),
            Some("999.0 MB is smaller than minimum allowed 1,000.0 MB (for Movie Title)")
        );
        c.release.size = 5001 * MB;
        assert_eq!(
            reason(evaluate, &ctx, &c).as_deref(),
            Some("4.9 GB is larger than maximum allowed 4.9 GB (for Movie Title)")
        );
        c.release.size = 3000 * MB;
        assert_eq!(reason(evaluate, &ctx, &c), None);
        c.release.size = 0;
        assert_eq!(reason(evaluate, &ctx, &c), None, "unknown size passes");
    }

    #[test]
    fn unknown_runtime_counts_as_110_minutes_and_no_maximum_is_unlimited() {
        let mut ctx = context(hd_profile(true));
        if let Some(def) = ctx
            .quality_definitions
            .iter_mut()
            .find(|d| d.quality == Quality::HDTV_720P)
        {
            def.max_size = Some(10.0);
        }
        let mut c = candidate("Movie.Title.2020.720p.HDTV-GRP", Quality::HDTV_720P);
        c.release.size = 1100 * MB;
        assert_eq!(reason(evaluate, &ctx, &c), None);
        c.release.size = 1101 * MB;
        assert!(reason(evaluate, &ctx, &c).is_some());
        let mut big = candidate("Movie.Title.2020.1080p.BluRay-GRP", Quality::BLURAY_1080P);
        big.release.size = 500 * 1024 * MB;
        assert_eq!(reason(evaluate, &ctx, &big), None);
    }
}
