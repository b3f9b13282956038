//! The plain reading of a subtitle name's end: tags around one language
//! code (`Movie.en.sdh.forced`, `Movie-eng-forced`), with no title.

use super::{is_code_shaped, is_separator, is_tag};

/// A language code and the tags around it.
#[derive(Debug, PartialEq)]
pub(super) struct CodedTail<'a> {
    /// The code, as written.
    pub code: &'a str,
    /// The tags, in order, as written.
    pub tags: Vec<&'a str>,
}

/// The longest run of words ending `stem` that is tags, one code, tags;
/// `None` when the name does not end that way. Something must come before
/// the run (the movie's name).
pub(super) fn read(stem: &str) -> Option<CodedTail<'_>> {
    // Radarr's reading stops at a line break; no real file name has one.
    if stem.contains('\n') {
        return None;
    }
    let bytes = stem.as_bytes();
    // Walk the words back from the end, each following a separator, while
    // they can still belong to the run.
    let mut words = Vec::new();
    let mut run = 0;
    let mut end = stem.len();
    let mut not_tags = 0;
    let mut code_shaped = false;
    for start in (1..stem.len()).rev().filter(|&i| is_separator(bytes[i])) {
        let word = &stem[start + 1..end];
        end = start;
        if !is_tag(word) {
            not_tags += 1;
            // A run holds one code at most, and nothing else but tags.
            if not_tags > 1 || !is_code_shaped(word) {
                break;
            }
        }
        words.push(word);
        // `cc` and `sdh` are tags but code-shaped too, so a run of tags
        // alone still holds a code when one of them has that shape.
        code_shaped |= is_code_shaped(word);
        if code_shaped {
            run = words.len();
        }
    }
    words.truncate(run);
    words.reverse();
    // The code is the word that is no tag, else the last code-shaped tag:
    // tags are taken before the code as long as any can be.
    let at = match words.iter().position(|w| !is_tag(w)) {
        Some(at) => at,
        None => words.iter().rposition(|w| is_code_shaped(w))?,
    };
    let code = words.remove(at);
    Some(CodedTail { code, tags: words })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tail(stem: &str) -> Option<(&str, Vec<&str>)> {
        read(stem).map(|t| (t.code, t.tags))
    }

    #[test]
    fn a_code_among_tags() {
        assert_eq!(tail("Movie Title - 2022.en"), Some(("en", vec![])));
        assert_eq!(
            tail("Movie.en.sdh.forced"),
            Some(("en", vec!["sdh", "forced"]))
        );
        assert_eq!(
            tail("Movie-Title-eng-forced"),
            Some(("eng", vec!["forced"]))
        );
        assert_eq!(tail("Movie.forced.eng"), Some(("eng", vec!["forced"])));
    }

    #[test]
    fn only_the_last_code_counts() {
        assert_eq!(tail("Movie.title.en.fr"), Some(("fr", vec![])));
    }

    #[test]
    fn code_shaped_tags_stand_in_for_a_code() {
        assert_eq!(tail("Movie.forced.sdh"), Some(("sdh", vec!["forced"])));
        assert_eq!(tail("Movie.cc.sdh"), Some(("sdh", vec!["cc"])));
    }

    #[test]
    fn names_without_a_code() {
        assert_eq!(tail("Movie Title"), None);
        assert_eq!(tail("Movie.default.forced"), None);
        assert_eq!(tail(".en"), None);
        assert_eq!(tail("en"), None);
    }
}
