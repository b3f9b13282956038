//! The forms a release title takes, tried in Radarr's order, each saying
//! where the movie's title ends and which year follows it. The first form
//! that finds a title wins.

use std::sync::LazyLock;

use regex::Regex;

use super::chars::{AfterYear, Chars};
use crate::edition::{EDITION, EDITION_PATTERN, edition_text};

/// What a form found.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Found {
    /// The movie's title as it stands in the simple title.
    pub(super) title: String,
    /// The year; 0 for none.
    pub(super) year: i32,
    /// An edition the form found between the title and the year.
    pub(super) edition: Option<String>,
    /// An anime release's `[Group]` at the start.
    pub(super) subgroup: Option<String>,
    /// An anime release's CRC, e.g. `[ABCD1234]`.
    pub(super) hash: Option<String>,
}

/// Tries every form on `simple` (see `prepare::simple_title`); with `is_dir`,
/// also a folder's year-first form.
pub(super) fn find(simple: &str, is_dir: bool) -> Option<Found> {
    let chars = Chars::new(simple);
    let forms: [fn(&Chars) -> Option<Found>; 12] = [
        anime_with_year,
        anime_versioned,
        anime_tagged,
        anime_bracketed,
        german,
        edition_then_year,
        title_year,
        bracket_tag,
        title_bracketed_year,
        last_resort,
        year_first_folder,
        |_| None,
    ];
    let tried = if is_dir { &forms[..11] } else { &forms[..10] };
    tried
        .iter()
        .filter_map(|form| form(&chars))
        .find(|found| !found.title.is_empty() && found.title != "(")
}

/// Separators a form lets stand between a title and its year.
fn separator(c: char, refused: &[char]) -> bool {
    (!crate::text::is_word(c) || c == '_') && !refused.contains(&c)
}

/// How a form reads `Title Year`.
struct TitleYear {
    /// Whether the title may open with `(` or `[`.
    opens_with_bracket: bool,
    /// Separators that may not stand between the title and the year.
    refused: &'static [char],
    /// Whether years start at 1900 rather than 1800.
    from_1900: bool,
    after: AfterYear,
    /// Whether the title must be followed by an end: a separator or the
    /// end of the title (rather than anything, as anime titles allow).
    ends_after_year: bool,
}

const STRICT_AFTER: AfterYear = AfterYear {
    no_bracket: true,
    no_x: false,
    only_years: true,
};
const LOOSE_AFTER: AfterYear = AfterYear {
    no_bracket: true,
    no_x: false,
    only_years: false,
};

impl TitleYear {
    /// The shortest title (starting at `from`) followed by separators and a
    /// year (or a run of years, the last counting), as the form reads it.
    /// `Some` with an empty title when only a year with no title fits.
    fn read(&self, chars: &Chars, from: usize) -> Option<Found> {
        let first = chars.at(from)?;
        let title_allowed = self.opens_with_bracket || !matches!(first, '(' | '[');
        let mut untitled = None;
        for k in from..chars.len() {
            let Some(year) = self.year_at(chars, k) else {
                continue;
            };
            let mut start = k;
            while start > from
                && chars
                    .at(start - 1)
                    .is_some_and(|c| separator(c, self.refused))
            {
                start -= 1;
            }
            let Some(year) = self.chain(chars, k, year) else {
                continue;
            };
            if k > from && title_allowed {
                return Some(Found {
                    title: chars.slice(from, start.max(from + 1)).to_string(),
                    year,
                    ..Found::default()
                });
            }
            if start == from && untitled.is_none() {
                untitled = Some(Found {
                    year,
                    ..Found::default()
                });
            }
        }
        untitled
    }

    fn year_at(&self, chars: &Chars, k: usize) -> Option<i32> {
        let year = chars.year(k, self.from_1900)?;
        self.after.allows(chars, k + 4).then_some(year)
    }

    /// The year that ends a run of years starting with `year` at `k`: the
    /// last of the run after which the title may end.
    fn chain(&self, chars: &Chars, k: usize, year: i32) -> Option<i32> {
        let mut ends = vec![(k + 4, year)];
        let mut at = k + 4;
        loop {
            let mut next = at;
            while chars.at(next).is_some_and(|c| separator(c, self.refused)) {
                next += 1;
            }
            match self.year_at(chars, next) {
                Some(y) => {
                    at = next + 4;
                    ends.push((at, y));
                }
                None => break,
            }
        }
        ends.into_iter()
            .rev()
            .find(|(end, _)| !self.ends_after_year || chars.year_end(*end))
            .map(|(_, year)| year)
    }
}

/// `Title.Year`, the common form: `Mission.Impossible.3.2011`.
fn title_year(chars: &Chars) -> Option<Found> {
    TitleYear {
        opens_with_bracket: false,
        refused: &[')', '[', '!'],
        from_1900: false,
        after: STRICT_AFTER,
        ends_after_year: true,
    }
    .read(chars, 0)
}

/// A year in square brackets: `Movie [2023]`.
fn title_bracketed_year(chars: &Chars) -> Option<Found> {
    TitleYear {
        opens_with_bracket: false,
        refused: &[')', '!'],
        from_1900: false,
        after: AfterYear {
            no_bracket: false,
            ..LOOSE_AFTER
        },
        ends_after_year: true,
    }
    .read(chars, 0)
}

/// Titles that open with a bracket: `(500).Days.Of.Movie.(2009)`.
fn last_resort(chars: &Chars) -> Option<Found> {
    TitleYear {
        opens_with_bracket: true,
        refused: &[')', '[', '!'],
        from_1900: false,
        after: LOOSE_AFTER,
        ends_after_year: true,
    }
    .read(chars, 0)
}

/// A folder named year first: `(1995) Movie Name`.
fn year_first_folder(chars: &Chars) -> Option<Found> {
    let mut at = 0;
    while chars.at(at).is_some_and(|c| separator(c, &[')', '!'])) {
        at += 1;
    }
    let after = AfterYear {
        no_bracket: false,
        ..LOOSE_AFTER
    };
    let year = chars
        .year(at, true)
        .filter(|_| after.allows(chars, at + 4))?;
    let mut title = at + 4;
    if !chars.year_end(title) {
        return None;
    }
    while chars.non_word(title) || chars.at(title) == Some('_') {
        title += 1;
    }
    Some(Found {
        title: chars.slice(title, chars.len()).to_string(),
        year,
        ..Found::default()
    })
}

/// A one-letter tag in brackets after the title (`Movie [R]`), as some
/// trackers write; it gives no year.
fn bracket_tag(chars: &Chars) -> Option<Found> {
    for k in 1..chars.len() {
        let tag =
            chars.at(k) == Some('[') && chars.at(k + 1).is_some_and(crate::text::is_word) && {
                let mut end = k + 2;
                while chars.at(end) == Some(' ') {
                    end += 1;
                }
                chars.at(end) == Some(']') && chars.year_end(end + 1)
            };
        if !tag {
            continue;
        }
        let mut start = k;
        while start > 1
            && chars
                .at(start - 1)
                .is_some_and(|c| separator(c, &['(', ')', '[', '!']))
        {
            start -= 1;
        }
        return Some(Found {
            title: chars.slice(0, start).to_string(),
            ..Found::default()
        });
    }
    None
}

/// An edition between the title and the year: `Movie.Special.Edition.2011`.
fn edition_then_year(chars: &Chars) -> Option<Found> {
    let text = chars.text();
    for edition in EDITION_PATTERN.captures_iter(text) {
        let (Some(whole), Some(name)) = (edition.get(0), edition.name("edition")) else {
            continue;
        };
        let start = chars.index_of_byte(whole.start());
        let end = chars.index_of_byte(whole.end());
        let mut title_end = start;
        while title_end > 0
            && chars
                .at(title_end - 1)
                .is_some_and(|c| separator(c, &[')', '[', '!']))
        {
            title_end -= 1;
        }
        let year = (1..=3).find_map(|gap| {
            let year = chars.year(end + gap, false)?;
            (LOOSE_AFTER.allows(chars, end + gap + 4) && chars.year_end(end + gap + 4))
                .then_some(year)
        });
        let Some(year) = year else { continue };
        let opens = chars.at(0).is_some_and(|c| matches!(c, '(' | '['));
        if opens && title_end > 0 {
            continue;
        }
        return Some(Found {
            title: chars.slice(0, title_end).to_string(),
            year,
            edition: Some(edition_text(name.as_str())),
            ..Found::default()
        });
    }
    None
}

/// An edition right where a German form expects one.
static EDITION_HERE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("(?i)^(?:{EDITION})")).expect("valid pattern"));

/// German and TrueFrench releases of some trackers, which put the language
/// before the year or leave the year out: `Der.Film.German.2011.PAL.DVDR`.
/// The language must come before any year, and not as "The German" or
/// "Good German", which are titles.
fn german(chars: &Chars) -> Option<Found> {
    let lower = chars.text().to_lowercase();
    if !lower.contains("german") && !lower.contains("truefrench") {
        return None;
    }
    if matches!(chars.at(0), Some('(' | '[')) {
        return None;
    }
    for title_end in 1..chars.len() {
        if !chars.at(title_end).is_some_and(|c| separator(c, &[])) {
            continue;
        }
        let after = title_end + 1;
        let mut tries = vec![(after, None)];
        let rest = chars.slice(after, chars.len());
        if let Some(edition) = EDITION_HERE.captures(rest).and_then(|c| {
            c.name("edition")
                .map(|m| (c.get(0).map_or(0, |w| w.end()), m.as_str().to_string()))
        }) {
            let end = chars.index_of_byte(chars.text().len() - rest.len() + edition.0);
            for gap in 1..=3 {
                tries.push((end + gap, Some(edition_text(&edition.1))));
            }
        }
        for (at, edition) in tries {
            let Some(word_end) = language_word(chars, at) else {
                continue;
            };
            if !language_may_stand(chars, at) {
                continue;
            }
            let Some(year) = year_after_language(chars, word_end) else {
                continue;
            };
            return Some(Found {
                title: chars.slice(0, title_end).to_string(),
                year,
                edition,
                ..Found::default()
            });
        }
    }
    None
}

/// The end of "German" or "TrueFrench" at `at`.
fn language_word(chars: &Chars, at: usize) -> Option<usize> {
    ["german", "truefrench"]
        .iter()
        .find(|w| chars.word_at(at, w))
        .map(|w| at + w.len())
}

/// Whether a language word at `at` has no year before it and is not "The
/// German" or "Good German".
fn language_may_stand(chars: &Chars, at: usize) -> bool {
    let year_before =
        (0..at.saturating_sub(3)).any(|i| chars.year(i, true).is_some() && i + 4 <= at);
    if year_before {
        return false;
    }
    let before = at.checked_sub(1).and_then(|i| chars.at(i));
    if before.is_some_and(|c| matches!(c, '_' | ' ' | '.' | '-')) {
        let words = [("good", 4), ("the", 3)];
        if words
            .iter()
            .any(|(w, n)| at > *n && chars.word_at(at - 1 - n, w))
        {
            return false;
        }
    }
    true
}

/// The year a German form gives after its language word, which must not be
/// the last thing in the title: the first year followed by a separator or
/// the end, or 0 when the title ends first.
fn year_after_language(chars: &Chars, word_end: usize) -> Option<i32> {
    if word_end >= chars.len() {
        return None;
    }
    for p in word_end + 1..chars.len() {
        if let Some(year) = chars.year(p, true)
            && LOOSE_AFTER.allows(chars, p + 4)
            && chars.year_end(p + 4)
        {
            return Some(year);
        }
    }
    Some(0)
}

/// An anime release's `[Group]` at the start, and where its title begins.
fn subgroup(chars: &Chars) -> Option<(String, usize)> {
    if chars.at(0) != Some('[') {
        return None;
    }
    let close = (2..chars.len()).find(|&i| chars.at(i) == Some(']'))?;
    let mut title = close + 1;
    if chars
        .at(title)
        .is_some_and(|c| matches!(c, '-' | '_' | '.' | ' '))
    {
        title += 1;
    }
    Some((chars.slice(1, close).to_string(), title))
}

/// A CRC in brackets at `i` followed by the end or a dot: `[ABCD1234]`.
fn hash_at(chars: &Chars, i: usize) -> Option<String> {
    let crc = chars.at(i) == Some('[')
        && (1..=8).all(|k| chars.at(i + k).is_some_and(crate::text::is_word))
        && chars.at(i + 9) == Some(']')
        && matches!(chars.at(i + 10), None | Some('.'));
    crc.then(|| chars.slice(i + 1, i + 9).to_string())
}

/// The first CRC from `from` on.
fn first_hash(chars: &Chars, from: usize) -> Option<String> {
    (from..chars.len()).find_map(|i| hash_at(chars, i))
}

/// `[Group] Title (Year) … [CRC]`.
fn anime_with_year(chars: &Chars) -> Option<Found> {
    let (group, from) = subgroup(chars)?;
    let found = TitleYear {
        opens_with_bracket: false,
        refused: &[')', '[', '!'],
        from_1900: false,
        after: AfterYear {
            no_x: true,
            ..LOOSE_AFTER
        },
        ends_after_year: false,
    }
    .read(chars, from)?;
    Some(Found {
        subgroup: Some(group),
        hash: first_hash(chars, from),
        ..found
    })
}

/// `[Group] Title v2 … [CRC]`.
fn anime_versioned(chars: &Chars) -> Option<Found> {
    let (group, from) = subgroup(chars)?;
    if matches!(chars.at(from), Some('(' | '[')) {
        return None;
    }
    for v in from + 1..chars.len() {
        let version =
            chars.at(v).is_some_and(|c| matches!(c, 'v' | 'V')) && chars.digit(v + 1) && {
                let digits = if chars.digit(v + 2) { 2 } else { 1 };
                chars
                    .at(v + 1 + digits)
                    .is_some_and(|c| matches!(c, '-' | '_' | '.' | ' '))
            };
        if !version {
            continue;
        }
        if let Some(hash) = first_hash(chars, v) {
            return Some(Found {
                title: chars.slice(from, v).to_string(),
                subgroup: Some(group),
                hash: Some(hash),
                ..Found::default()
            });
        }
    }
    None
}

/// `[Group] Title [tags] … [CRC]`.
fn anime_tagged(chars: &Chars) -> Option<Found> {
    let (group, from) = subgroup(chars)?;
    if matches!(chars.at(from), Some('(' | '[')) {
        return None;
    }
    let open = (from + 1..chars.len()).find(|&i| chars.at(i) == Some('['))?;
    let hash = first_hash(chars, open + 1)?;
    Some(Found {
        title: chars.slice(from, open).to_string(),
        subgroup: Some(group),
        hash: Some(hash),
        ..Found::default()
    })
}

/// `[Group] Title (info) [CRC]`: the title runs to the last bracket that
/// opens information before the CRC.
fn anime_bracketed(chars: &Chars) -> Option<Found> {
    let (group, from) = subgroup(chars)?;
    if matches!(chars.at(from), Some('(' | '[')) {
        return None;
    }
    let hashes: Vec<usize> = (from..chars.len())
        .filter(|&i| hash_at(chars, i).is_some())
        .collect();
    let last_hash = *hashes.last()?;
    let open = (from + 1..last_hash.saturating_sub(1)).rev().find(|&i| {
        chars.at(i).is_some_and(|c| matches!(c, '(' | '['))
            && chars.at(i + 1).is_some_and(|c| !matches!(c, ']' | ')'))
    })?;
    let hash = hashes
        .into_iter()
        .find(|&h| h >= open + 2)
        .and_then(|h| hash_at(chars, h));
    Some(Found {
        title: chars.slice(from, open).to_string(),
        subgroup: Some(group),
        hash,
        ..Found::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title_and_year(simple: &str) -> (String, i32) {
        let found = find(simple, false).unwrap_or_default();
        (found.title, found.year)
    }

    #[test]
    fn the_year_is_the_last_one_before_the_rest() {
        assert_eq!(
            title_and_year("Blade.Runner.2049.2017.BluRay"),
            ("Blade.Runner.2049".into(), 2017)
        );
        assert_eq!(title_and_year("1776.1979.EXTENDED"), ("1776".into(), 1979));
        assert_eq!(
            title_and_year("2001 A Space Odyssey 1968"),
            ("2001 A Space Odyssey".into(), 1968)
        );
        assert_eq!(
            title_and_year("(500).Days.Of.Movie.(2009).DTS"),
            ("(500).Days.Of.Movie".into(), 2009)
        );
    }

    #[test]
    fn german_releases_may_leave_the_year_out() {
        assert_eq!(
            title_and_year("Cars.2.German.DL..BluRay.-EmpireHD"),
            ("Cars.2".into(), 0)
        );
        assert_eq!(
            title_and_year("The.Good.German.2006.GERMAN."),
            ("The.Good.German".into(), 2006)
        );
    }
}
