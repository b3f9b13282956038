//! Release-profile terms: plain text matched case-insensitively, or a
//! `/pattern/flags` regular expression, as Radarr's term matcher reads them.

use regex::{Regex, RegexBuilder};

/// A compiled release-profile term.
#[derive(Debug, Clone)]
pub enum Term {
    /// Lower-cased text the title must contain.
    Text(String),
    /// A regular expression the title must match.
    Pattern(Regex),
}

impl Term {
    /// Compiles a term as written in the profile. A `/…/` term whose pattern
    /// does not compile is kept as text, so a typo never matches everything.
    pub fn new(term: &str) -> Self {
        if let Some((pattern, flags)) = split_slashes(term) {
            let built = RegexBuilder::new(pattern)
                .case_insensitive(flags.contains('i'))
                .multi_line(flags.contains('m'))
                .dot_matches_new_line(flags.contains('s'))
                .ignore_whitespace(flags.contains('x'))
                .build();
            if let Ok(regex) = built {
                return Term::Pattern(regex);
            }
        }
        Term::Text(term.to_lowercase())
    }

    /// Whether the lower-cased title (`lower`) or the title (`title`) matches.
    pub fn is_match(&self, title: &str, lower: &str) -> bool {
        match self {
            Term::Text(text) => lower.contains(text.as_str()),
            Term::Pattern(regex) => regex.is_match(title),
        }
    }
}

/// `/pattern/flags` → (pattern, flags), flags being lower-case letters.
fn split_slashes(term: &str) -> Option<(&str, &str)> {
    let rest = term.strip_prefix('/')?;
    let close = rest.rfind('/')?;
    let (pattern, flags) = (&rest[..close], &rest[close + 1..]);
    flags
        .chars()
        .all(|c| c.is_ascii_lowercase())
        .then_some((pattern, flags))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(term: &str, title: &str) -> bool {
        Term::new(term).is_match(title, &title.to_lowercase())
    }

    #[test]
    fn text_terms_match_anywhere_ignoring_case() {
        assert!(matches("X265", "Movie.2020.1080p.x265-GRP"));
        assert!(!matches("x264", "Movie.2020.1080p.x265-GRP"));
    }

    #[test]
    fn slash_terms_are_regular_expressions_with_flags() {
        assert!(matches(r"/\bHDR\b/", "Movie.2020.2160p.HDR.x265"));
        assert!(!matches(r"/\bhdr\b/", "Movie.2020.2160p.HDR.x265"));
        assert!(matches(r"/\bhdr\b/i", "Movie.2020.2160p.HDR.x265"));
        assert!(!matches(r"/\bHDR\b/", "Movie.2020.2160p.HDR10Plus"));
    }

    #[test]
    fn a_broken_pattern_is_plain_text() {
        assert!(matches("/(unclosed/", "a /(unclosed/ title"));
        assert!(!matches("/(unclosed/", "Movie.2020"));
    }
}
