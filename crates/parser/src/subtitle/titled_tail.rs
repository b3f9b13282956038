//! The titled reading of a subtitle name's end: dotted codes and tags, a
//! title, more dotted codes and tags (`Movie.eng.default.testtitle.forced`,
//! `Movie.mytitle - 1.en`, `Movie.ru-something-else`).

use super::{is_code_shaped, is_separator, is_tag};

/// A title with the one language code and the tags around it.
#[derive(Debug, PartialEq)]
pub(super) struct TitledTail<'a> {
    /// The code, as written.
    pub code: &'a str,
    /// The tags before the title, then those after it, as written.
    pub tags: Vec<&'a str>,
    /// The title, as written (perhaps empty).
    pub title: &'a str,
}

/// A dotted word of the tail: a tag or a code.
fn is_tail_word(word: &str) -> bool {
    is_tag(word) || is_code_shaped(word)
}

/// Reads `stem` as: the movie's name (at least one character, one line),
/// dotted words, a separator, a title with no dot, dotted words to the end.
/// Of all the ways to read it, Radarr takes the one with the shortest name,
/// then the most dotted words before the title. `None` when no way fits,
/// or the way taken holds other than exactly one code.
pub(super) fn read(stem: &str) -> Option<TitledTail<'_>> {
    let bytes = stem.as_bytes();
    let len = stem.len();
    // For each position, the next dot at or after it (`len` for none).
    let mut next_dot = vec![len; len + 1];
    for i in (0..len).rev() {
        next_dot[i] = if bytes[i] == b'.' { i } else { next_dot[i + 1] };
    }
    // For each dot, whether the name ends in dotted words from there; so
    // too the very end, where no words are left.
    let mut words_to_end = vec![false; len + 1];
    words_to_end[len] = true;
    for dot in (0..len).rev().filter(|&i| bytes[i] == b'.') {
        let end = next_dot[dot + 1];
        words_to_end[dot] = is_tail_word(&stem[dot + 1..end]) && words_to_end[end];
    }
    let line_end = stem.find('\n').unwrap_or(len);
    for start in (1..line_end).filter(|&i| is_separator(bytes[i])) {
        // Where each dotted word after `start` ends: each must end at a
        // separator, which the next word or the title follows.
        let mut ends = vec![start];
        let mut at = start;
        while bytes[at] == b'.' {
            let Some(end) = (at + 1..len).find(|&j| is_separator(bytes[j])) else {
                break;
            };
            if !is_tail_word(&stem[at + 1..end]) {
                break;
            }
            ends.push(end);
            at = end;
        }
        for taken in (0..ends.len()).rev() {
            let title_start = ends[taken] + 1;
            let title_end = next_dot[title_start];
            if words_to_end[title_end] {
                let before = ends[..=taken].windows(2).map(|w| &stem[w[0] + 1..w[1]]);
                let after = stem[title_end..].split('.').skip(1);
                return one_code(before, after, &stem[title_start..title_end]);
            }
        }
    }
    None
}

/// The tail, when its words hold exactly one code.
fn one_code<'a>(
    before: impl Iterator<Item = &'a str>,
    after: impl Iterator<Item = &'a str>,
    title: &'a str,
) -> Option<TitledTail<'a>> {
    let mut code = None;
    let mut tags = Vec::new();
    for word in before.chain(after) {
        // A word that is a tag is read as one, even when code-shaped.
        if is_tag(word) {
            tags.push(word);
        } else if code.replace(word).is_some() {
            return None;
        }
    }
    Some(TitledTail {
        code: code?,
        tags,
        title,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tail(stem: &str) -> Option<(&str, Vec<&str>, &str)> {
        read(stem).map(|t| (t.code, t.tags, t.title))
    }

    #[test]
    fn title_before_between_or_after_the_words() {
        let name = "Name (2020) - [AAC 2.0]";
        for (end, tags) in [
            ("testtitle.default.eng.forced", vec!["default", "forced"]),
            ("eng.default.testtitle.forced", vec!["default", "forced"]),
            ("default.eng.testtitle.forced", vec!["default", "forced"]),
            ("forced.eng.testtitle", vec!["forced"]),
        ] {
            let stem = format!("{name}.{end}");
            assert_eq!(tail(&stem), Some(("eng", tags, "testtitle")), "{stem}");
        }
    }

    #[test]
    fn titles_may_hold_spaces_and_dashes() {
        assert_eq!(
            tail("Name (2020) - [AAC 2.0].ru-something-else"),
            Some(("ru", vec![], "something-else"))
        );
        assert_eq!(
            tail("Name (2020) - [AAC 2.0].Full Subtitles.eng"),
            Some(("eng", vec![], "Full Subtitles"))
        );
    }

    #[test]
    fn no_code_or_two_codes_is_no_titled_reading() {
        assert_eq!(tail("Name (2020) - [AAC 2.0].default.forced"), None);
        assert_eq!(tail("Name (2020) - [AAC 2.0]"), None);
        assert_eq!(tail("Movie.title.en.fr"), None);
        assert_eq!(tail("Movie"), None);
    }
}
