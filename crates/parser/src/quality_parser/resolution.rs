//! The resolution a title names (`720p`, `1920x1080`, `4K HEVC`, `UHD`) and
//! the codec words Radarr uses to tell SD releases apart.

use std::sync::LazyLock;

use regex::Regex;

/// Radarr's resolutions, as lines; `Unknown` is 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Resolution {
    Unknown = 0,
    R360 = 360,
    R480 = 480,
    R540 = 540,
    R576 = 576,
    R720 = 720,
    R1080 = 1080,
    R2160 = 2160,
}

impl Resolution {
    /// Lines, as the quality table counts them.
    pub(super) fn lines(self) -> i32 {
        self as i32
    }

    /// Below 720 lines: Radarr files all of these as its 480p qualities.
    pub(super) fn is_sd(self) -> bool {
        matches!(self, Self::R360 | Self::R480 | Self::R540 | Self::R576)
    }
}

/// The first resolution word decides, whichever group it falls in.
static RESOLUTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)\b(?:(?P<r360>360p)|(?P<r480>480p|480i|640x480|848x480)|(?P<r540>540p)|(?P<r576>576p)",
        r"|(?P<r720>720p|1280x720|960p)|(?P<r1080>1080p|1920x1080|1440p|FHD|1080i|4kto1080p)",
        r"|(?P<r2160>2160p|3840x2160|4k[-_. ](?:UHD|HEVC|BD|H\.?26[56])|(?:UHD|HEVC|BD|H\.?26[56])[-_. ]4k))\b",
    ))
    .expect("valid pattern")
});

/// Words that mean 2160p when no resolution word is found.
static ALTERNATIVE_2160: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bUHD\b|\[4K\]").expect("valid pattern"));

/// The resolution `text` names, or `Unknown`.
pub(super) fn parse_resolution(text: &str) -> Resolution {
    const GROUPS: [(&str, Resolution); 7] = [
        ("r360", Resolution::R360),
        ("r480", Resolution::R480),
        ("r540", Resolution::R540),
        ("r576", Resolution::R576),
        ("r720", Resolution::R720),
        ("r1080", Resolution::R1080),
        ("r2160", Resolution::R2160),
    ];
    let named = RESOLUTION.captures(text).and_then(|caps| {
        GROUPS
            .iter()
            .find(|(name, _)| caps.name(name).is_some())
            .map(|&(_, resolution)| resolution)
    });
    if let Some(resolution) = named {
        return resolution;
    }
    if ALTERNATIVE_2160.is_match(text) {
        Resolution::R2160
    } else {
        Resolution::Unknown
    }
}

/// The first codec word of a title, as far as Radarr cares about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Codec {
    None,
    X264,
    H264,
    XvidHd,
    Xvid,
    Divx,
}

impl Codec {
    /// XviD and DivX mean a DVD-sized encode, whatever the source.
    pub(super) fn is_sd_encode(self) -> bool {
        matches!(self, Self::Xvid | Self::Divx)
    }
}

static CODEC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(?P<x264>x264)|(?P<h264>h264)|(?P<xvidhd>XvidHD)|(?P<xvid>X-?vid)|(?P<divx>divx))\b")
        .expect("valid pattern")
});

/// The first codec word of `text`.
pub(super) fn parse_codec(text: &str) -> Codec {
    let Some(caps) = CODEC.captures(text) else {
        return Codec::None;
    };
    [
        ("x264", Codec::X264),
        ("h264", Codec::H264),
        ("xvidhd", Codec::XvidHd),
        ("xvid", Codec::Xvid),
        ("divx", Codec::Divx),
    ]
    .into_iter()
    .find(|(name, _)| caps.name(name).is_some())
    .map_or(Codec::None, |(_, codec)| codec)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_resolution_word_decides() {
        assert_eq!(
            parse_resolution("Movie.2003.4K.BluRay.Remux.1080p"),
            Resolution::R1080
        );
        assert_eq!(
            parse_resolution("Movie.4Kto1080p.DSNYP.Webrip"),
            Resolution::R1080
        );
        assert_eq!(
            parse_resolution("Movie 2020 WEB-DL 4K H265 10bit"),
            Resolution::R2160
        );
        assert_eq!(parse_resolution("Movie.2013.960p.WEB-DL"), Resolution::R720);
        assert_eq!(
            parse_resolution("[SubsPlease] Movie (540p)"),
            Resolution::R540
        );
    }

    #[test]
    fn uhd_and_bracketed_4k_mean_2160_only_as_a_last_resort() {
        assert_eq!(
            parse_resolution("Movie.S07.MULTi.UHD.BLURAY.REMUX"),
            Resolution::R2160
        );
        assert_eq!(parse_resolution("[Movie][HEVC][GB][4K]"), Resolution::R2160);
        assert_eq!(
            parse_resolution("Movie.2011.UHD.BluRay.x265-Grp-1080p.mkv"),
            Resolution::R1080
        );
        assert_eq!(parse_resolution("Movie.Bluray720p"), Resolution::Unknown);
    }

    #[test]
    fn codec_is_the_first_word() {
        assert_eq!(parse_codec("Movie.HDTV.XviD-LOL"), Codec::Xvid);
        assert_eq!(parse_codec("Movie.x264.XviD"), Codec::X264);
        assert_eq!(parse_codec("Movie.XvidHD"), Codec::XvidHd);
        assert_eq!(parse_codec("Movie.x265"), Codec::None);
    }
}
