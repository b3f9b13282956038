//! Editions: Director's Cut, Extended, Theatrical, Remastered, IMAX, …

use std::sync::LazyLock;

use regex::Regex;

/// An edition, as it may stand in a title, with brackets around it or not.
/// Words such as "Special" or "Final" only name an edition with "Cut",
/// "Edition" or "Version" after them ("Holiday Special" is a title).
pub(crate) const EDITION: &str = r"\(?\b(?P<edition>(?:(?:Recut.|Extended.|Ultimate.)?(?:(?:Director.?s|Collector.?s|Theatrical|Ultimate|Extended|Despecialized|\d{2,3}(?:th)?.Anniversary)(?:.(?:Cut|Edition|Version))?|(?:Special|Rouge|Final|Assembly|Imperial|Diamond|Signature|Hunter|Rekall).(?:Cut|Edition|Version))(?:.(?:Extended|Uncensored|Remastered|Unrated|Uncut|Open.?Matte|IMAX|Fan.?Edit))?|(?:Uncensored|Remastered|Unrated|Uncut|Open?.Matte|IMAX|Fan.?Edit|Restored|[234]in1)))\b\)?";

/// An edition anywhere in a title.
pub(crate) static EDITION_PATTERN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("(?i){EDITION}")).expect("valid pattern"));

/// An edition as the title names it, with dots as spaces.
pub(crate) fn edition_text(raw: &str) -> String {
    raw.replace('.', " ")
}

/// The first edition a title names after its first character; empty for
/// none. (An edition at the very start is the movie's title, as in
/// "Uncut.Movie.2019".)
pub fn parse_edition(title: &str) -> String {
    let title = crate::text::bounded(title);
    let mut from = title.chars().next().map_or(title.len(), char::len_utf8);
    while from < title.len() {
        let Some(caps) = EDITION_PATTERN.captures_at(title, from) else {
            break;
        };
        if let Some(edition) = caps.name("edition") {
            return edition_text(edition.as_str());
        }
        from = caps.get(0).map_or(title.len(), |m| m.end().max(from + 1));
    }
    String::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editions_are_named_as_the_title_writes_them() {
        assert_eq!(
            parse_edition("Movie.2012.Directors.Cut.1080p"),
            "Directors Cut"
        );
        assert_eq!(
            parse_edition("Movie 2012 (Extended Directors Cut FanEdit)"),
            "Extended Directors Cut FanEdit"
        );
        assert_eq!(parse_edition("Movie.Holiday.Special.1978"), "");
        assert_eq!(parse_edition("Uncut.Movie.2019"), "");
    }
}
