//! Small text helpers the parsers share.

use std::sync::LazyLock;

use regex::Regex;

/// `title` cut to [`crate::MAX_INPUT`] bytes at a character boundary.
pub(crate) fn bounded(title: &str) -> &str {
    if title.len() <= crate::MAX_INPUT {
        return title;
    }
    let mut end = crate::MAX_INPUT;
    while !title.is_char_boundary(end) {
        end -= 1;
    }
    &title[..end]
}

/// Whether a character counts as part of a word, as .NET's `\w` has it.
pub(crate) fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Extensions of the files a release holds (Radarr's media file
/// extensions), and of the files that describe one (`.par2`, `.nzb`), which
/// Radarr takes off a name before reading it.
const EXTENSIONS: &[&str] = &[
    "3gp", "asf", "asx", "avc", "avi", "bin", "bivx", "dat", "divx", "dv", "f4v", "fli", "flv",
    "ifo", "img", "iso", "m2ts", "m2v", "m3u", "m4v", "mk3d", "mkv", "mov", "mp4", "mpeg", "mpg",
    "nrg", "nsv", "nuv", "nzb", "ogm", "ogv", "par2", "pva", "qt", "rm", "rmvb", "strm", "svq3",
    "ts", "ty", "viv", "vob", "vp3", "webm", "wmv", "wpl", "wtv", "xvid",
];

/// The extension a name ends with, without the dot, when it is one of a
/// release's files (`.mkv`, `.nzb`); anything else is part of the name.
/// Radarr looks only at an ending dot and 2 to 4 letters or digits.
pub(crate) fn media_extension(name: &str) -> Option<&str> {
    let dot = name.rfind('.')?;
    let extension = &name[dot + 1..];
    let shaped =
        (2..=4).contains(&extension.len()) && extension.bytes().all(|b| b.is_ascii_alphanumeric());
    let known = shaped && EXTENSIONS.iter().any(|e| e.eq_ignore_ascii_case(extension));
    known.then_some(extension)
}

/// `name` without a release file's extension.
pub(crate) fn remove_file_extension(name: &str) -> &str {
    match media_extension(name) {
        Some(extension) => &name[..name.len() - extension.len() - 1],
        None => name,
    }
}

/// A site's name before the release (`[www.site.com] - `, `site.org - `,
/// `(site.com) `), which is no part of the title.
static WEBSITE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:[\[(]\s*)?(?:www\.)?[-a-z0-9]{1,256}\.(?:[a-z]{2,6}\.[a-z]{2,6}|xn--[a-z0-9-]{4,}|[a-z]{2,})\b(?:\s*[\])]|[ -]{2,})[ -]*",
    )
    .expect("valid pattern")
});

/// A site's name in brackets after the release (`[site.com]`).
static WEBSITE_POSTFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:\[\s*)?(?:www\.)?[-a-z0-9]{1,256}\.(?:xn--[a-z0-9-]{4,}|[a-z]{2,6})\b\s*\]$",
    )
    .expect("valid pattern")
});

/// A torrent site's tag at the end (`[rarbg]`).
static TORRENT_SUFFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\[(?:ettv|rartv|rarbg|cttv|publichd)\]$").expect("valid pattern")
});

/// `title` without a leading site name.
pub(crate) fn strip_website_prefix(title: &str) -> &str {
    match WEBSITE_PREFIX.find(title) {
        // "Naruto-Kun." is an anime group's name, not a site.
        Some(m) if !m.as_str().to_ascii_lowercase().contains("naruto-kun.") => &title[m.end()..],
        _ => title,
    }
}

/// `title` without a torrent site's tag at its end (`[rarbg]`).
pub(crate) fn strip_torrent_site_tag(title: &str) -> &str {
    match TORRENT_SUFFIX.find(title) {
        Some(m) => &title[..m.start()],
        None => title,
    }
}

/// `title` without a trailing site name or torrent-site tag.
pub(crate) fn strip_website_suffixes(title: &str) -> &str {
    let title = match WEBSITE_POSTFIX.find(title) {
        Some(m) => &title[..m.start()],
        None => title,
    };
    strip_torrent_site_tag(title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_release_file_extensions_come_off() {
        assert_eq!(remove_file_extension("Movie.2018.mkv"), "Movie.2018");
        assert_eq!(remove_file_extension("Movie.2018.NZB"), "Movie.2018");
        assert_eq!(remove_file_extension("Movie.2018.DTS"), "Movie.2018.DTS");
        assert_eq!(remove_file_extension("Movie.Title"), "Movie.Title");
        assert_eq!(remove_file_extension("A.mkv-xpost"), "A.mkv-xpost");
    }

    #[test]
    fn long_input_is_cut_at_a_character_boundary() {
        let long = "é".repeat(700);
        let cut = bounded(&long);
        assert!(cut.len() <= crate::MAX_INPUT);
        assert!(cut.chars().all(|c| c == 'é'));
    }

    #[test]
    fn site_names_come_off_either_end() {
        assert_eq!(
            strip_website_prefix("[www.test.com] - Movie 2023"),
            "Movie 2023"
        );
        assert_eq!(
            strip_website_prefix("test-hyphen123.org.au - Movie 2023"),
            "Movie 2023"
        );
        assert_eq!(
            strip_website_prefix("(movieawake.com) Movie 2023"),
            "Movie 2023"
        );
        assert_eq!(strip_website_prefix("Movie.Title.2023"), "Movie.Title.2023");
        assert_eq!(
            strip_website_prefix("[ www.Torrenting.com ] - Movie"),
            "Movie"
        );
        assert_eq!(
            strip_website_prefix("[Naruto-Kun.Hu] Movie"),
            "[Naruto-Kun.Hu] Movie"
        );
        assert_eq!(
            strip_website_suffixes("Movie 2023 [www.site.com]"),
            "Movie 2023 "
        );
        assert_eq!(strip_website_suffixes("Movie 2023[rarbg]"), "Movie 2023");
    }
}
