//! The general rule: the last `-GROUP` (or `-PART-PART`) in the title, or a
//! bracketed `[group]` that ends it, skipping what only looks like a group
//! (`WEB-DL`, `DTS-HD`, `-ENG`, `24-bit`, dates, tmdb/imdb ids).
//!
//! Radarr writes this as one regex with a lookahead, a lookbehind holding a
//! backreference, and a group name used twice; here it is a left-to-right
//! scan that tries each `-` the way that regex would and keeps the last hit.

/// Resolutions: a candidate with one of these anywhere after it is part of
/// the title, not the group.
const RESOLUTIONS: &[&[u8]] = &[b"480p", b"576p", b"720p", b"1080p", b"2160p"];

/// Text that, ending where a candidate ends, shows the "group" is really a
/// source, codec, audio format, resolution or language code.
const NOT_GROUP_ENDINGS: &[&[u8]] = &[
    b"web-dl", b"web-rip", b"blu-ray", b"480p", b"576p", b"720p", b"1080p", b"2160p", b"dts-hd",
    b"dts-x", b"dts-ma", b"dts-es", b"-es", b"-en", b"-cat", b"-eng", b"-jap", b"-ger", b"-fra",
    b"-fre", b"-ita", b"-hdrip",
];

/// The group text of the last `-GROUP` or trailing `[group]` in `title`.
pub(super) fn last_group(title: &str) -> Option<&str> {
    let bytes = title.as_bytes();
    if !bytes.contains(&b'-') {
        return trailing_bracket(title, 0);
    }
    let scan = Scan::new(title);
    let mut last = None;
    // Where the last match ended: matches never overlap, so a trailing
    // bracket whose separator was taken by a match cannot match itself.
    let mut floor = 0;
    let mut resume = 0;
    while let Some(offset) = bytes[resume..].iter().position(|&b| b == b'-') {
        let dash = resume + offset;
        match scan.try_dash(dash) {
            Some((group_end, match_end)) => {
                last = Some(&title[dash + 1..group_end]);
                floor = match_end;
                resume = match_end;
            }
            None => resume = dash + 1,
        }
    }
    trailing_bracket(title, floor).or(last)
}

/// A final `[group]` of ASCII letters and digits after `-`, `.`, `_` or a
/// space, when its separator starts at or after `floor`.
fn trailing_bracket(title: &str, floor: usize) -> Option<&str> {
    // Radarr's `$` also matches before one final newline.
    let body = title.strip_suffix('\n').unwrap_or(title);
    let inner_end = body.len().checked_sub(1)?;
    if body.as_bytes()[inner_end] != b']' {
        return None;
    }
    let bytes = body.as_bytes();
    let inner_start = bytes[..inner_end]
        .iter()
        .rposition(|b| !b.is_ascii_alphanumeric())
        .map_or(0, |at| at + 1);
    let open = inner_start.checked_sub(1)?;
    let separator = open.checked_sub(1)?;
    let shaped = inner_start < inner_end
        && bytes[open] == b'['
        && matches!(bytes[separator], b'-' | b'.' | b'_' | b' ');
    (shaped && separator >= floor).then(|| &body[inner_start..inner_end])
}

/// What is precomputed about a title for the scan: where resolutions and
/// line breaks are, so each candidate's "no resolution later" check is a
/// lookup rather than a rescan.
struct Scan<'a> {
    bytes: &'a [u8],
    title: &'a str,
    resolutions: Vec<usize>,
    newlines: Vec<usize>,
}

impl<'a> Scan<'a> {
    fn new(title: &'a str) -> Self {
        let bytes = title.as_bytes();
        let resolutions = (0..bytes.len())
            .filter(|&at| {
                bytes[at].is_ascii_digit()
                    && RESOLUTIONS
                        .iter()
                        .any(|r| starts_with_ignore_case(&bytes[at..], r))
            })
            .collect();
        let newlines = (0..bytes.len()).filter(|&at| bytes[at] == b'\n').collect();
        Scan {
            bytes,
            title,
            resolutions,
            newlines,
        }
    }

    /// Tries a candidate starting at the `-` at `dash`: the run of ASCII
    /// letters and digits after it, first with a second `-run` joined on,
    /// then alone. Returns where the group ends and where the match ends.
    fn try_dash(&self, dash: usize) -> Option<(usize, usize)> {
        let first_end = alnum_run_end(self.bytes, dash + 1);
        if first_end == dash + 1 {
            return None;
        }
        if self.bytes.get(first_end) == Some(&b'-') {
            let second_end = alnum_run_end(self.bytes, first_end + 1);
            if second_end > first_end + 1
                && let Some(end) = self.try_end(second_end, Some(first_end))
            {
                return Some((second_end, end));
            }
        }
        self.try_end(first_end, None).map(|end| (first_end, end))
    }

    /// Whether a group ending at `end` stands (with its second part
    /// starting at `joint`, if it has one); the match's end if so.
    fn try_end(&self, end: usize, joint: Option<usize>) -> Option<usize> {
        if self.resolution_follows(end) || ends_like_non_group(&self.bytes[..end]) {
            return None;
        }
        // The second part may also be what follows a non-group (`-ES-CAT`).
        if joint.is_some_and(|joint| ends_like_non_group(&self.bytes[..joint])) {
            return None;
        }
        let Some(next) = self.title.get(end..).and_then(|rest| rest.chars().next()) else {
            return Some(end);
        };
        match next {
            // `_` is a word character, so it ends a group only by being
            // taken as the separator.
            '_' => Some(end + 1),
            c if is_word(c) => None,
            _ => Some(end),
        }
    }

    /// Whether a resolution starts at least one character after `end`, on
    /// the same line.
    fn resolution_follows(&self, end: usize) -> bool {
        let Some(next) = self.title.get(end..).and_then(|rest| rest.chars().next()) else {
            return false;
        };
        if next == '\n' {
            return false;
        }
        let from = end + next.len_utf8();
        let first = self.resolutions.partition_point(|&at| at < from);
        let Some(&resolution) = self.resolutions.get(first) else {
            return false;
        };
        let line = self.newlines.partition_point(|&at| at < end);
        self.newlines
            .get(line)
            .is_none_or(|&newline| resolution < newline)
    }
}

/// Whether `text` ends with something that only looks like a group.
fn ends_like_non_group(text: &[u8]) -> bool {
    if NOT_GROUP_ENDINGS
        .iter()
        .any(|ending| ends_with_ignore_case(text, ending))
    {
        return true;
    }
    let digits = text.iter().rev().take_while(|b| b.is_ascii_digit()).count();
    let before_digits = &text[..text.len() - digits];
    // `10-bit`, `24-bit`: an audio or video bit depth.
    let bit_depth = ends_with_ignore_case(text, b"-bit")
        && text.len() > 4
        && text[text.len() - 5].is_ascii_digit();
    // `-02`: a date's last part (this also covers `.2014-06`).
    let two_digits = digits == 2 && before_digits.last() == Some(&b'-');
    let tmdb = digits > 0
        && (ends_with_ignore_case(before_digits, b"tmdb-")
            || ends_with_ignore_case(before_digits, b"tmdbid-"));
    let imdb = matches!(digits, 7 | 8) && ends_with_ignore_case(before_digits, b"tt");
    bit_depth || two_digits || tmdb || imdb
}

/// Where the run of ASCII letters and digits starting at `from` ends.
fn alnum_run_end(bytes: &[u8], from: usize) -> usize {
    let rest = bytes.get(from..).unwrap_or_default();
    from + rest
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count()
}

/// A character .NET's `\w` counts as part of a word (letters, digits,
/// combining marks), which a group may not run into.
fn is_word(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\u{300}'..='\u{36f}' | '\u{203f}' | '\u{2040}')
}

fn ends_with_ignore_case(text: &[u8], suffix: &[u8]) -> bool {
    text.len() >= suffix.len() && text[text.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

fn starts_with_ignore_case(text: &[u8], prefix: &[u8]) -> bool {
    text.len() >= prefix.len() && text[..prefix.len()].eq_ignore_ascii_case(prefix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joined_parts_and_look_alikes() {
        assert_eq!(last_group("x.DTS.x264.-D-Z0N3"), Some("D-Z0N3"));
        assert_eq!(last_group("x.DTS.x264.-Blu-bits"), Some("Blu-bits"));
        assert_eq!(last_group("x.REMUX.AVC.DTS-X.MA.5.1"), None);
        assert_eq!(last_group("[AVC ES-CAT-EN DTS-HD MA 5.1 Subs]"), None);
        assert_eq!(
            last_group("x 24-bit Audio English]-DataLass"),
            Some("DataLass")
        );
        assert_eq!(last_group("x-DTS-HD"), Some("DTS"));
    }

    #[test]
    fn nothing_before_a_resolution_is_a_group() {
        assert_eq!(last_group("7s-Movie.Name-s02e01-720p"), None);
        assert_eq!(last_group("Pilot [HTDV-1080p]"), None);
        // A resolution on a later line does not count.
        assert_eq!(last_group("a-GRP\n1080p"), Some("GRP"));
    }

    #[test]
    fn ids_and_dates() {
        assert_eq!(last_group("Movie tmdbid-12345"), None);
        assert_eq!(last_group("Movie-tt1234567"), None);
        assert_eq!(last_group("Movie- 2014-06-02 - Some Movie"), None);
    }

    #[test]
    fn word_edges() {
        assert_eq!(last_group("x-SKGTV_English"), Some("SKGTV"));
        assert_eq!(last_group("Zuid-Ossetië"), None);
        assert_eq!(last_group("x [rl]"), Some("rl"));
        assert_eq!(last_group("x-A_[rl]"), Some("A"));
        assert_eq!(last_group("x-[YTS.LT]"), None);
    }
}
