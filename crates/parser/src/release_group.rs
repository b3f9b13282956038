//! The group that made a release: `-GROUP` at the end, `[Group]` anime
//! style at the start, and the known groups that follow neither.
//!
//! The steps run in Radarr's order: tidy the title (file extension, website
//! prefix, torrent-site tag), take a leading anime `[Group]`, drop reposter
//! junk, then try the known groups by name, the known groups that close a
//! bracket, and last the general `-GROUP` scan.

mod cleanup;
mod dashed;
mod known;

use crate::text;

/// The release group `title` names, if any.
pub fn parse_release_group(title: &str) -> Option<String> {
    let title = crate::text::bounded(title).trim();
    let title = text::remove_file_extension(title);
    let title = text::strip_website_prefix(title);
    let title = text::strip_torrent_site_tag(title);

    // A leading bracket is the group's own tag in anime releases; Radarr
    // trusts it before anything else.
    if let Some(group) = leading_bracket_group(title) {
        return Some(group.to_string());
    }

    let title = cleanup::remove_junk_suffixes(title);
    if let Some(group) = known::last_named_group(&title) {
        return Some(group.to_string());
    }
    if let Some(group) = known::last_bracket_closing_group(&title) {
        return Some(group.to_string());
    }
    dashed::last_group(&title)
        .filter(|group| is_plausible(group))
        .map(str::to_string)
}

/// The text of a `[Group]` that opens `title`: it may not start or end with
/// whitespace, and stops at the first `]` that allows (on the same line).
fn leading_bracket_group(title: &str) -> Option<&str> {
    let inner = title.strip_prefix('[')?;
    let mut chars = inner.char_indices();
    let (_, first) = chars.next()?;
    if first.is_whitespace() {
        return None;
    }
    let mut previous = first;
    for (at, c) in chars {
        if c == '\n' {
            return None;
        }
        if c == ']' && !previous.is_whitespace() {
            return Some(&inner[..at]);
        }
        previous = c;
    }
    None
}

/// Whether a `-GROUP` candidate can be a group: Radarr rejects a number
/// that fits an `int`, a bare season/episode number (`S01`, `e12`) and an
/// 8-digit hex CRC (`[6AFFEF6B]`).
fn is_plausible(group: &str) -> bool {
    let bytes = group.as_bytes();
    if bytes.iter().all(u8::is_ascii_digit) && group.parse::<i32>().is_ok() {
        return false;
    }
    let numbered = bytes.len() > 1
        && matches!(bytes[0].to_ascii_lowercase(), b's' | b'e')
        && bytes[1..].iter().all(u8::is_ascii_digit);
    let crc = bytes.len() == 8 && bytes.iter().all(u8::is_ascii_hexdigit);
    !numbered && !crc
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(title: &str) -> Option<String> {
        parse_release_group(title)
    }

    #[test]
    fn leading_bracket_needs_no_edge_whitespace() {
        assert_eq!(leading_bracket_group("[FFF] Movie"), Some("FFF"));
        assert_eq!(leading_bracket_group("[ FFF] Movie"), None);
        assert_eq!(leading_bracket_group("[FFF ] x]"), Some("FFF ] x"));
        assert_eq!(leading_bracket_group("[]]"), Some("]"));
        assert_eq!(leading_bracket_group("[]"), None);
    }

    #[test]
    fn numbers_crcs_and_episodes_are_not_groups() {
        assert_eq!(group("Movie.2019.1080p-2019x"), Some("2019x".into()));
        assert_eq!(group("Movie.1080p.x264-12345"), None);
        // Too large for an int, so Radarr keeps it.
        assert_eq!(
            group("Movie.1080p.x264-99999999999"),
            Some("99999999999".into())
        );
        assert_eq!(group("Movie.1080p.x264-S01"), None);
        assert_eq!(group("Movie.1080p.x264 [DEADBEEF]"), None);
    }

    #[test]
    fn survives_odd_input() {
        for title in [
            "", "-", "[", "]", "-ß", "x-é-", "[\n]", "a-b\n", "-[]", ".mkv", "ZØ-Ø",
        ] {
            let _ = group(title);
        }
        // Every short string over an alphabet of the characters the rules
        // look at, multi-byte ones included, so no slice lands mid-char.
        let alphabet = ['-', 'a', '[', ']', '_', '\n', 'é', '.', ' ', '1', 'Ø'];
        let mut title = String::new();
        for n in 0..alphabet.len().pow(4) {
            title.clear();
            let mut rest = n;
            for _ in 0..4 {
                title.push(alphabet[rest % alphabet.len()]);
                rest /= alphabet.len();
            }
            let _ = group(&title);
        }
        let long = "-a".repeat(2000);
        // Dashes pair up as `-a-a` matches, so the last is a joined pair.
        assert_eq!(group(&long).as_deref(), Some("a-a"));
    }
}
