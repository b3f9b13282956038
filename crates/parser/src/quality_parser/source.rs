//! The source words of a title (BluRay, WEB-DL, HDTV, CAM, …): Radarr reads
//! every one and keeps the last.

use std::sync::LazyLock;

use regex::{Captures, Regex};

/// Which family of source words a match belongs to, in Radarr's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum SourceTag {
    Bluray,
    WebDl,
    WebRip,
    Hdtv,
    BdRip,
    BrRip,
    DvdR,
    Dvd,
    Dsr,
    Regional,
    Screener,
    Telesync,
    Telecine,
    Cam,
    Workprint,
    Pdtv,
    Sdtv,
    TvRip,
}

/// Group names of the pattern below, in the order Radarr tries them.
const GROUPS: [(&str, SourceTag); 18] = [
    ("bluray", SourceTag::Bluray),
    ("webdl", SourceTag::WebDl),
    ("webrip", SourceTag::WebRip),
    ("hdtv", SourceTag::Hdtv),
    ("bdrip", SourceTag::BdRip),
    ("brrip", SourceTag::BrRip),
    ("dvdr", SourceTag::DvdR),
    ("dvd", SourceTag::Dvd),
    ("dsr", SourceTag::Dsr),
    ("regional", SourceTag::Regional),
    ("scr", SourceTag::Screener),
    ("ts", SourceTag::Telesync),
    ("tc", SourceTag::Telecine),
    ("cam", SourceTag::Cam),
    ("wp", SourceTag::Workprint),
    ("pdtv", SourceTag::Pdtv),
    ("sdtv", SourceTag::Sdtv),
    ("tvrip", SourceTag::TvRip),
];

// Radarr's pattern uses three lookaheads: a bare "BD" may not end the name,
// a bare "DVD" may not be followed by "-R", and "AMZN.WEB." may not be
// followed by "Rip". Each of those alternatives gets its own group here
// (`bd_bare`, `dvd_bare`, `web_service`) and `rejected` checks the
// neighbouring text instead. The leftmost-first alternation of `regex`
// matches .NET's: at the first position that matches, the first alternative
// wins, so the alternatives keep Radarr's order.
static SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)\b(?:",
        r"(?P<bluray>M?Blu[-_. ]?Ray|HD[-_. ]?DVD|(?P<bd_bare>BD)|UHD2?BD|BDISO|BDMux|BD25|BD50|BR[-_. ]?DISK)|",
        r"(?P<webdl>WEB[-_. ]?DL(?:mux)?|AmazonHD|AmazonSD|iTunesHD|MaxdomeHD|NetflixU?HD|WebHD|HBOMaxHD|DisneyHD",
        r"|[. ]WEB[. ](?:[xh][ .]?26[45]|AVC|HEVC|DDP?5[. ]1)|[. ](?-i:WEB)$",
        r"|\d{3,4}0p[-. ](?:Hybrid[-_. ]?)?WEB[-. ]|[-. ]WEB[-. ]\d{3,4}0p|\b\s/\sWEB\s/\s\b",
        r"|(?P<web_service>(?:AMZN|NF|DP)[. -]WEB[. -]))|",
        r"(?P<webrip>WebRip|Web-Rip|WEBMux)|",
        r"(?P<hdtv>HDTV)|",
        r"(?P<bdrip>BDRip|BDLight|HD[-_. ]?DVDRip|UHDBDRip)|",
        r"(?P<brrip>BRRip)|",
        r"(?P<dvdr>\d?x?M?DVD-?[R59])|",
        r"(?P<dvd>(?P<dvd_bare>DVD)|DVDRip|xvidvd)|",
        r"(?P<dsr>WS[-_. ]DSR|DSR)|",
        r"(?P<regional>R[0-9]|REGIONAL)|",
        r"(?P<scr>SCR|SCREENER|DVDSCR|DVDSCREENER)|",
        r"(?P<ts>TS[-_. ]|TELESYNCH?|HD-TS|HDTS|PDVD|TSRip|HDTSRip)|",
        r"(?P<tc>TC|TELECINE|HD-TC|HDTC)|",
        r"(?P<cam>CAMRIP|(?:NEW)?CAM|HD-?CAM(?:Rip)?|HQCAM)|",
        r"(?P<wp>WORKPRINT|WP)|",
        r"(?P<pdtv>PDTV)|",
        r"(?P<sdtv>SDTV)|",
        r"(?P<tvrip>TVRip)",
        r")(?:\b|$|[ .])",
    ))
    .expect("valid pattern")
});

/// The source family of the last source word in `text` (underscores already
/// turned into spaces), if any.
pub(super) fn last_source(text: &str) -> Option<SourceTag> {
    let mut at = 0;
    let mut last = None;
    while at <= text.len() {
        let Some(caps) = SOURCE.captures_at(text, at) else {
            break;
        };
        let Some(whole) = caps.get(0) else {
            break;
        };
        if rejected(&caps, text) || whole.is_empty() {
            // .NET would move on to the next position, as we do.
            at = next_char(text, whole.start());
            continue;
        }
        last = classify(&caps).or(last);
        at = whole.end();
    }
    last
}

/// Whether a match breaks one of Radarr's lookaheads.
fn rejected(caps: &Captures<'_>, text: &str) -> bool {
    if let Some(bd) = caps.name("bd_bare") {
        return bd.end() == text.len();
    }
    if let Some(dvd) = caps.name("dvd_bare") {
        return starts_with_ignore_case(&text[dvd.end()..], "-r");
    }
    if let Some(web) = caps.name("web_service") {
        return starts_with_ignore_case(&text[web.end()..], "rip");
    }
    false
}

fn classify(caps: &Captures<'_>) -> Option<SourceTag> {
    GROUPS
        .iter()
        .find(|(name, _)| caps.name(name).is_some())
        .map(|&(_, tag)| tag)
}

/// The byte index just past the character at `i` (past the end when `i` is
/// the end).
fn next_char(text: &str, i: usize) -> usize {
    text[i..]
        .chars()
        .next()
        .map_or(text.len() + 1, |c| i + c.len_utf8())
}

fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.len() >= prefix.len()
        && text.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_source_word_wins() {
        assert_eq!(
            last_source("Movie.2010.DVDRip.720p.BluRay"),
            Some(SourceTag::Bluray)
        );
        assert_eq!(
            last_source("Movie.Name.1080p.WEB-DL.DD5.1-BD"),
            Some(SourceTag::WebDl)
        );
    }

    #[test]
    fn lookaheads_are_honoured() {
        // A bare BD at the very end is not a source.
        assert_eq!(last_source("Movie.Title.BD"), None);
        // AMZN.WEB- followed by Rip is a WEBRip, not a WEB-DL.
        assert_eq!(
            last_source("Movie.2019.1080p.AMZN.WEB-Rip.DDP.5.1"),
            Some(SourceTag::WebRip)
        );
        assert_eq!(
            last_source("Movie.2019.1080p.AMZN.WEB.DDP"),
            Some(SourceTag::WebDl)
        );
        // DVD-Rip is neither DVD-R nor a bare DVD.
        assert_eq!(last_source("Movie.2000.DVD-Rip"), None);
        assert_eq!(last_source("Movie.2000.DVD-R"), Some(SourceTag::DvdR));
    }

    #[test]
    fn case_sensitive_trailing_web() {
        assert_eq!(
            last_source("Movie Title 1080p Viva MKV WEB"),
            Some(SourceTag::WebDl)
        );
        assert_eq!(last_source("Movie.Title.S01E01.The.Web"), None);
    }

    #[test]
    fn pre_release_words() {
        assert_eq!(last_source("Movie 2018 HD-CAM X264"), Some(SourceTag::Cam));
        assert_eq!(last_source("Movie 2018 HDTSRip"), Some(SourceTag::Telesync));
        assert_eq!(
            last_source("Movie 2018 DVDSCREENER"),
            Some(SourceTag::Screener)
        );
        assert_eq!(last_source("Movie 2018 R5 LiNE"), Some(SourceTag::Regional));
    }

    #[test]
    fn non_ascii_text_does_not_panic() {
        assert_eq!(last_source("Фильм ÄBD 2020 BD ü"), Some(SourceTag::Bluray));
        assert_eq!(last_source("é"), None);
    }
}
