//! A condition's regular expression: compiled once, when the format is built,
//! and kept beside the text it was written as.

use std::fmt;

use fancy_regex::RegexBuilder;

use super::prefilter::prefilter;

/// A case-insensitive regular expression, as Radarr's conditions hold them.
///
/// Radarr's patterns are .NET regexes and community formats use look-arounds.
/// A pattern the `regex` crate accepts runs on its automata, and so does one
/// whose look-arounds can be rewritten as plain text (an opening look-behind,
/// a closing look-ahead); the others (other look-arounds, back-references,
/// atomic groups) run on `fancy-regex`, behind a plain prefilter that rules
/// most titles out first.
#[derive(Clone)]
pub struct Pattern {
    source: String,
    // None for a blank pattern, which Radarr never compiles and never matches.
    engine: Option<Engine>,
}

#[derive(Clone)]
enum Engine {
    Plain(regex::Regex),
    Fancy {
        prefilter: Option<regex::Regex>,
        regex: fancy_regex::Regex,
    },
}

/// Why a pattern could not be compiled; the text is `fancy-regex`'s reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternError(pub String);

// A pattern with a look-around can backtrack badly on a hostile title; Radarr
// has no limit, but one title must not stall a search. A match that gives up
// counts as no match.
const BACKTRACK_LIMIT: usize = 100_000;

impl Pattern {
    /// Compiles `source` case-insensitively. A blank pattern is kept (Radarr's
    /// validation refuses it on save) and matches nothing.
    pub fn new(source: &str) -> Result<Pattern, PatternError> {
        let engine = if source.trim().is_empty() {
            None
        } else {
            Some(compile(source)?)
        };
        Ok(Pattern {
            source: source.to_string(),
            engine,
        })
    }

    /// The pattern as written.
    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// Whether the pattern is blank (and so matches nothing).
    pub fn is_blank(&self) -> bool {
        self.engine.is_none()
    }

    /// Whether the pattern needs backtracking (a look-around or the like).
    pub fn is_fancy(&self) -> bool {
        matches!(self.engine, Some(Engine::Fancy { .. }))
    }

    /// Whether the pattern matches somewhere in `text`; an absent text, a
    /// blank pattern or a match that exceeds the backtracking limit is no match.
    pub fn is_match(&self, text: Option<&str>) -> bool {
        let (Some(engine), Some(text)) = (&self.engine, text) else {
            return false;
        };
        match engine {
            Engine::Plain(regex) => regex.is_match(text),
            Engine::Fancy { prefilter, regex } => {
                prefilter.as_ref().is_none_or(|p| p.is_match(text))
                    && regex.is_match(text).unwrap_or(false)
            }
        }
    }
}

fn compile(source: &str) -> Result<Engine, PatternError> {
    if let Ok(plain) = regex::RegexBuilder::new(source)
        .case_insensitive(true)
        .build()
    {
        return Ok(Engine::Plain(plain));
    }
    // fancy-regex's case-insensitive switch does not reach the parts it
    // hands to the regex crate (0.14), so the flag is written into the pattern.
    let flagged = format!("(?i){source}");
    match RegexBuilder::new(&flagged)
        .backtrack_limit(BACKTRACK_LIMIT)
        .build()
    {
        Ok(regex) => Ok(match prefilter(&flagged) {
            Some(filter) if filter.exact => Engine::Plain(filter.regex),
            filter => Engine::Fancy {
                prefilter: filter.map(|f| f.regex),
                regex,
            },
        }),
        // The reason for the pattern as written, so positions in it are right.
        Err(flagged_error) => Err(PatternError(
            fancy_regex::Regex::new(source)
                .err()
                .unwrap_or(flagged_error)
                .to_string(),
        )),
    }
}

impl PartialEq for Pattern {
    /// Two patterns are equal when written alike: the compiled form follows.
    fn eq(&self, other: &Self) -> bool {
        self.source == other.source
    }
}

impl fmt::Debug for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Pattern").field(&self.source).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pattern(source: &str) -> Pattern {
        Pattern::new(source).unwrap()
    }

    #[test]
    fn matches_without_regard_to_case() {
        let p = pattern(r"\bHEVC\b");
        assert!(p.is_match(Some("Movie.2020.1080p.hevc-GRP")));
        assert!(!p.is_match(Some("Movie.2020.1080p.HEVCx-GRP")));
        assert!(!p.is_match(None));
    }

    #[test]
    fn look_arounds_and_dotnet_named_groups_compile() {
        let p = pattern(r"(?<codec>[xh][ ._-]?265)(?!.*\b2160p\b)");
        assert!(p.is_fancy());
        assert!(
            !pattern(r"(?<codec>x265)\b").is_fancy(),
            "named groups need no backtracking"
        );
        assert!(p.is_match(Some("Movie.2020.1080p.x265-GRP")));
        assert!(!p.is_match(Some("Movie.2020.x265.2160p-GRP")));
        let behind = pattern(r"(?<=\bREPACK)\d");
        assert!(
            !behind.is_fancy(),
            "an opening look-behind is matched as text"
        );
        assert!(behind.is_match(Some("Movie.2020.REPACK2.1080p")));
        assert!(!behind.is_match(Some("Movie.2020.REPACK.1080p")));
    }

    #[test]
    fn a_blank_pattern_matches_nothing() {
        let p = pattern("  ");
        assert!(p.is_blank());
        assert!(!p.is_match(Some("anything")));
        assert_eq!(p.as_str(), "  ");
    }

    #[test]
    fn an_invalid_pattern_is_refused_with_the_reason() {
        let err = Pattern::new(r"(x265").unwrap_err();
        assert!(err.0.to_lowercase().contains("paren"), "{}", err.0);
        assert!(Pattern::new(r"[a-").is_err());
    }

    #[test]
    fn equality_follows_the_source_text() {
        assert_eq!(pattern("a+"), pattern("a+"));
        assert_ne!(pattern("a+"), pattern("A+"));
    }
}
