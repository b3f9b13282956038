//! The form titles are compared in: lower case, without punctuation, spaces,
//! accents or the small words (a, an, the, and, or, of) inside a title.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::text::is_word;

/// The small words dropped from inside a title. "à" counts as "a".
const ARTICLES: &[&str] = &["a", "à", "an", "the", "and", "or", "of"];

/// Radarr's clean title, for matching a release to a movie: `The Matrix`
/// → `thematrix`, `Law_and_Order` → `lawordersvu`. A title of digits only is
/// kept as it is.
pub fn clean_movie_title(title: &str) -> String {
    let title = crate::text::bounded(title);
    if !title.is_empty() && title.parse::<i64>().is_ok() {
        return title.to_string();
    }
    let chars: Vec<char> = title.chars().collect();
    let mut kept = String::with_capacity(title.len());
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_alphanumeric() {
            i += 1;
            continue;
        }
        let end = (i..chars.len())
            .find(|&j| !chars[j].is_alphanumeric())
            .unwrap_or(chars.len());
        if !is_dropped_article(&chars, i, end) {
            kept.extend(&chars[i..end]);
        }
        i = end;
    }
    remove_accents(&replace_umlauts(&kept.to_lowercase()))
}

/// Whether the word `chars[start..end]` is a small word to drop: not the
/// first or last word, and not next to a one-letter word (an initial, as in
/// "N.K.L.E."), which would make it part of an abbreviation.
fn is_dropped_article(chars: &[char], start: usize, end: usize) -> bool {
    let word: String = chars[start..end].iter().collect::<String>().to_lowercase();
    if !ARTICLES.contains(&word.as_str()) || start == 0 || end == chars.len() {
        return false;
    }
    let separator = |c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '\'');
    let initial = |at: usize| {
        chars
            .get(at..at + 3)
            .is_some_and(|three| separator(three[0]) && is_word(three[1]) && separator(three[2]))
    };
    let after_initial = start >= 3 && initial(start - 3);
    let before_initial = (word == "a" || word == "à") && initial(end);
    !after_initial && !before_initial
}

fn replace_umlauts(title: &str) -> String {
    let mut out = String::with_capacity(title.len() + 4);
    for c in title.chars() {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            c => out.push(c),
        }
    }
    out
}

/// Letters without their accents: `à` → `a`.
fn remove_accents(title: &str) -> String {
    if title.is_ascii() {
        return title.to_string();
    }
    title
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .nfc()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_words_go_only_from_inside_a_title() {
        assert_eq!(clean_movie_title("The Lord of the Rings"), "thelordrings");
        assert_eq!(clean_movie_title("word.the"), "wordthe");
        assert_eq!(clean_movie_title("Über Straße"), "ueberstrasse");
    }
}
