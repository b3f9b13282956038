//! What a file's extension says of its quality (Radarr's
//! `MediaFileExtensions`), and the quality table lookup by source,
//! resolution and modifier that the name parser shares.

use crate::quality::{Modifier, Quality, QualitySource};

/// The quality Radarr assumes for a file extension (with its dot, any case);
/// `Unknown` for anything it does not know.
pub(super) fn quality_for_extension(extension: &str) -> Quality {
    let Some(extension) = extension.strip_prefix('.') else {
        return Quality::UNKNOWN;
    };
    // The longest known extension is "dvr-ms"; anything longer is unknown.
    if extension.len() > 6 {
        return Quality::UNKNOWN;
    }
    match extension.to_ascii_lowercase().as_str() {
        // Old and small containers: a TV capture at best.
        "m4v" | "3gp" | "nsv" | "ty" | "strm" | "rm" | "rmvb" | "m3u" | "ifo" | "mov" | "qt"
        | "divx" | "xvid" | "bivx" | "nrg" | "pva" | "wmv" | "asf" | "asx" | "ogm" | "ogv"
        | "m2v" | "avi" | "bin" | "dat" | "dvr-ms" | "mpg" | "mpeg" | "mp4" | "avc" | "vp3"
        | "svq3" | "nuv" | "viv" | "dv" | "fli" | "flv" | "wpl" | "ts" | "wtv" => Quality::SDTV,
        // Disc images and DVD files.
        "img" | "iso" | "vob" => Quality::DVD,
        // Matroska mostly carries web releases.
        "mkv" | "mk3d" => Quality::WEBDL_720P,
        "m2ts" => Quality::BLURAY_720P,
        // ".webm" is listed by Radarr, as Unknown; so is anything else.
        _ => Quality::UNKNOWN,
    }
}

/// The extension of `name` as .NET's `Path.GetExtension` gives it: from the
/// last dot of the last path segment, empty when the dot ends the name.
pub(super) fn path_extension(name: &str) -> &str {
    let segment_start = name.rfind(['/', '\\']).map_or(0, |i| i + 1);
    let segment = &name[segment_start..];
    match segment.rfind('.') {
        Some(dot) if dot + 1 < segment.len() => &segment[dot..],
        _ => "",
    }
}

/// Radarr's `QualityFinder.FindBySourceAndResolution`: the quality with this
/// source, resolution and modifier; else the one of this source and modifier
/// that has no resolution (CAM, DVD, …); else the nearest better source at
/// this resolution and modifier; else `Unknown`.
pub(super) fn find_quality(source: QualitySource, resolution: i32, modifier: Modifier) -> Quality {
    let all = Quality::ALL;
    if let Some(q) = all
        .iter()
        .find(|q| q.source == source && q.resolution == resolution && q.modifier == modifier)
    {
        return *q;
    }
    if let Some(q) = all.iter().find(|q| {
        q.source == source && q.resolution == 0 && q.modifier == modifier && **q != Quality::UNKNOWN
    }) {
        return *q;
    }
    all.iter()
        .filter(|q| q.modifier == modifier && q.resolution == resolution)
        .filter(|q| q.source as i32 >= source as i32)
        .min_by_key(|q| q.source as i32)
        .copied()
        .unwrap_or(Quality::UNKNOWN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions() {
        assert_eq!(quality_for_extension(".avi"), Quality::SDTV);
        assert_eq!(quality_for_extension(".MKV"), Quality::WEBDL_720P);
        assert_eq!(quality_for_extension(".m2ts"), Quality::BLURAY_720P);
        assert_eq!(quality_for_extension(".webm"), Quality::UNKNOWN);
        assert_eq!(quality_for_extension(".S02E15"), Quality::UNKNOWN);
        assert_eq!(quality_for_extension(""), Quality::UNKNOWN);
    }

    #[test]
    fn path_extensions() {
        assert_eq!(path_extension("S07E23 .avi"), ".avi");
        assert_eq!(path_extension("Movie.2020.1080p.AMZN.WEB."), "");
        assert_eq!(path_extension("Movie Name 1080p-HD-TV"), "");
        assert_eq!(path_extension(r"E:\tv\Movie.720p.HDTV\file"), "");
        assert_eq!(path_extension("dir.d/file.mkv"), ".mkv");
    }

    #[test]
    fn lookup_falls_back_as_radarr_does() {
        use Modifier as M;
        use QualitySource as S;
        assert_eq!(find_quality(S::Tv, 480, M::None), Quality::SDTV);
        assert_eq!(find_quality(S::WebDl, 1080, M::None), Quality::WEBDL_1080P);
        assert_eq!(find_quality(S::Dvd, 480, M::None), Quality::DVD);
        assert_eq!(find_quality(S::Dvd, 480, M::Remux), Quality::DVD_R);
        assert_eq!(find_quality(S::Cam, 1080, M::None), Quality::CAM);
        assert_eq!(find_quality(S::Cam, 1080, M::Screener), Quality::UNKNOWN);
        assert_eq!(find_quality(S::Dvd, 720, M::None), Quality::DVD);
        assert_eq!(
            find_quality(S::Bluray, 2160, M::Remux),
            Quality::REMUX_2160P
        );
    }
}
