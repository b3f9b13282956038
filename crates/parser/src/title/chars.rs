//! A title as characters, with the tests the title forms are made of: is a
//! year here, what may follow it, what separates words.

use crate::text::is_word;

/// A title as characters, addressed by character index.
pub(super) struct Chars {
    chars: Vec<char>,
    /// Byte offset of each character, and the length at the end.
    bytes: Vec<usize>,
    text: String,
}

impl Chars {
    pub(super) fn new(text: &str) -> Self {
        let mut chars = Vec::with_capacity(text.len());
        let mut bytes = Vec::with_capacity(text.len() + 1);
        for (at, c) in text.char_indices() {
            bytes.push(at);
            chars.push(c);
        }
        bytes.push(text.len());
        Chars {
            chars,
            bytes,
            text: text.to_string(),
        }
    }

    /// The number of characters.
    pub(super) fn len(&self) -> usize {
        self.chars.len()
    }

    /// The character at `i`, if there is one.
    pub(super) fn at(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }

    /// The text of characters `from..to`.
    pub(super) fn slice(&self, from: usize, to: usize) -> &str {
        &self.text[self.bytes[from]..self.bytes[to]]
    }

    /// The whole text.
    pub(super) fn text(&self) -> &str {
        &self.text
    }

    /// The character index of a byte offset on a character boundary.
    pub(super) fn index_of_byte(&self, byte: usize) -> usize {
        self.bytes.partition_point(|&b| b < byte)
    }

    /// The year at `i`: four digits from 1800 (or `from_1900`) to 2099.
    pub(super) fn year(&self, i: usize, from_1900: bool) -> Option<i32> {
        let digits = self.chars.get(i..i + 4)?;
        if !digits.iter().all(char::is_ascii_digit) {
            return None;
        }
        let century = (digits[0], digits[1]);
        let allowed =
            matches!(century, ('1', '9') | ('2', '0')) || (!from_1900 && century == ('1', '8'));
        allowed.then(|| {
            digits
                .iter()
                .fold(0, |n, d| n * 10 + (*d as i32 - '0' as i32))
        })
    }

    /// Whether a digit stands at `i`.
    pub(super) fn digit(&self, i: usize) -> bool {
        self.at(i).is_some_and(|c| c.is_ascii_digit())
    }

    /// Whether a character that is not part of a word stands at `i`.
    pub(super) fn non_word(&self, i: usize) -> bool {
        self.at(i).is_some_and(|c| !is_word(c))
    }

    /// Whether `i` can end a title's year: the end, `_`, or a character
    /// that is not part of a word.
    pub(super) fn year_end(&self, i: usize) -> bool {
        match self.at(i) {
            None => true,
            Some(c) => c == '_' || !is_word(c),
        }
    }

    /// Whether the characters from `i` spell `word`, in any case.
    pub(super) fn word_at(&self, i: usize, word: &str) -> bool {
        let mut at = i;
        for w in word.chars() {
            match self.at(at) {
                Some(c) if c.eq_ignore_ascii_case(&w) => at += 1,
                _ => return false,
            }
        }
        true
    }
}

/// What may not follow a year for it to count, beyond what every form
/// refuses (`p` or `i`, as in 1080p; a digit, as in 20123).
#[derive(Clone, Copy)]
pub(super) struct AfterYear {
    /// A `]` (the year is inside a tag).
    pub(super) no_bracket: bool,
    /// An `x` (a size such as 1920x1080).
    pub(super) no_x: bool,
    /// Only another year, directly or after one separator, rather than any
    /// digits: the form of the common `Title.Year` pattern.
    pub(super) only_years: bool,
}

impl AfterYear {
    /// Whether what follows a year ending at `end` lets it count.
    pub(super) fn allows(self, chars: &Chars, end: usize) -> bool {
        let next = chars.at(end);
        if next.is_some_and(|c| matches!(c, 'p' | 'P' | 'i' | 'I')) {
            return false;
        }
        if self.no_x && next.is_some_and(|c| matches!(c, 'x' | 'X')) {
            return false;
        }
        if self.no_bracket && next == Some(']') {
            return false;
        }
        if self.only_years {
            let year_next = chars.year(end, false).is_some();
            let year_after_one = chars.non_word(end) && chars.year(end + 1, false).is_some();
            !year_next && !year_after_one
        } else {
            let digits_next = chars.digit(end);
            let digits_after_one = chars.non_word(end) && chars.digit(end + 1);
            !digits_next && !digits_after_one
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_four_digits_from_1800() {
        let chars = Chars::new("x1776 1897 2049 1080");
        assert_eq!(chars.year(1, false), None);
        assert_eq!(chars.year(6, false), Some(1897));
        assert_eq!(chars.year(6, true), None);
        assert_eq!(chars.year(11, true), Some(2049));
        assert_eq!(chars.year(16, false), None);
    }

    #[test]
    fn what_follows_a_year_decides_whether_it_is_one() {
        let strict = AfterYear {
            no_bracket: true,
            no_x: false,
            only_years: true,
        };
        let chars = Chars::new("2049 2017");
        assert!(!strict.allows(&chars, 4), "another year follows");
        assert!(strict.allows(&chars, 9));
        assert!(!strict.allows(&Chars::new("2012p"), 4));
    }
}
