//! The junk suffixes reposters append after the real group, which Radarr
//! strips before looking for it.

use std::borrow::Cow;

/// Suffixes reposters and indexers append after the real group
/// (`-EVO-Rakuv02`, `-NTb-xpost`); `rakuv` also covers `rakuv<anything>`.
const JUNK_SUFFIXES: &[&str] = &[
    "rp",
    "1",
    "nzbgeek",
    "obfuscated",
    "obfuscation",
    "scrambled",
    "sample",
    "pre",
    "postbot",
    "xpost",
    "whiterev",
    "buymore",
    "asrequested",
    "alternativetorequested",
    "gerov",
    "z0ids3n",
    "chamele0n",
    "4p",
    "4planet",
    "altezachen",
    "repackpost",
];

/// `title` without any run of `-junk` suffixes at its end. Radarr's `$`
/// also matches before a final newline, so one is kept aside.
pub(super) fn remove_junk_suffixes(title: &str) -> Cow<'_, str> {
    let (mut body, newline) = match title.strip_suffix('\n') {
        Some(body) => (body, true),
        None => (title, false),
    };
    let full = body.len();
    while let Some(dash) = body.rfind('-') {
        if !is_junk(&body[dash + 1..]) {
            break;
        }
        body = &body[..dash];
    }
    match (body.len() == full, newline) {
        (true, _) => Cow::Borrowed(title),
        (false, false) => Cow::Borrowed(body),
        (false, true) => Cow::Owned(format!("{body}\n")),
    }
}

/// Whether one dash-separated segment is reposter junk.
fn is_junk(segment: &str) -> bool {
    if JUNK_SUFFIXES
        .iter()
        .any(|junk| junk.eq_ignore_ascii_case(segment))
    {
        return true;
    }
    segment.len() >= 5
        && segment.as_bytes()[..5].eq_ignore_ascii_case(b"rakuv")
        && segment.bytes().all(|b| b.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn junk_runs_are_stripped_whole() {
        assert_eq!(remove_junk_suffixes("x-EVO-RP-RP"), "x-EVO");
        assert_eq!(remove_junk_suffixes("x-aAF-RakuvUS-Obfuscated"), "x-aAF");
        assert_eq!(remove_junk_suffixes("x-EVO-RP\n"), "x-EVO\n");
        assert_eq!(remove_junk_suffixes("x-EVO-Rakuv.x"), "x-EVO-Rakuv.x");
    }
}
