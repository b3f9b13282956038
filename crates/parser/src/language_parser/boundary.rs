//! Word boundaries without the cost of Unicode ones.
//!
//! The `regex` crate's fast engines give up on a Unicode `\b` as soon as a
//! title holds a non-ASCII character, and the slow ones it falls back on
//! would cost more than the whole rest of the parse. So the patterns here
//! use ASCII boundaries, which agree with Unicode ones except beside a
//! non-ASCII letter (`éita`: a boundary for ASCII, none for Unicode), and
//! these helpers settle those cases.

use std::sync::LazyLock;

use regex::Regex;

/// The boundary the fast patterns use in place of `\b`.
pub(super) const ASCII_BOUNDARY: &str = r"(?-u:\b)";

static WORD_CHAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\w$").expect("valid pattern"));

/// Whether `c` is a word character as a Unicode `\b` sees it.
pub(super) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        WORD_CHAR.is_match(c.encode_utf8(&mut [0; 4]))
    }
}

/// Whether a non-ASCII word character touches `title[start..end]`: where
/// the ASCII boundary and the Unicode one may disagree.
pub(super) fn touches_foreign_letter(title: &str, start: usize, end: usize) -> bool {
    let before = title[..start].chars().next_back();
    let after = title[end..].chars().next();
    [before, after]
        .into_iter()
        .flatten()
        .any(|c| !c.is_ascii() && is_word_char(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unicode_letters_and_digits_are_word_characters() {
        assert!(is_word_char('é') && is_word_char('字') && is_word_char('_'));
        assert!(!is_word_char('–') && !is_word_char('】') && !is_word_char('.'));
    }

    #[test]
    fn only_foreign_letters_beside_a_word_are_flagged() {
        let title = "éita.ita–x";
        assert!(touches_foreign_letter(title, 2, 5));
        assert!(!touches_foreign_letter(title, 6, 9));
    }
}
