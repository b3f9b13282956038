//! One condition of a custom format: what it tests (its kind, with the value
//! it is set to), and Radarr's `negate` and `required` switches.

use crate::language::Language;
use crate::quality::{Modifier, QualitySource};
use crate::release::IndexerFlags;

use super::input::CustomFormatInput;
use super::pattern::Pattern;

/// A condition of a custom format (Radarr's `ICustomFormatSpecification`).
#[derive(Debug, Clone, PartialEq)]
pub struct Specification {
    /// Its display name.
    pub name: String,
    /// Whether the test's answer is inverted.
    pub negate: bool,
    /// Whether the format needs this condition to hold; otherwise one
    /// condition of the same kind holding is enough.
    pub required: bool,
    /// What it tests, and against which value.
    pub kind: SpecKind,
}

/// What a condition tests, one variant per Radarr implementation.
#[derive(Debug, Clone, PartialEq)]
pub enum SpecKind {
    /// The release title (or the file's name) matches the pattern.
    ReleaseTitle(Pattern),
    /// The parsed edition matches the pattern.
    Edition(Pattern),
    /// The release has this language; with `except_language`, it has some
    /// other language. [`Language::ORIGINAL`] stands for the movie's own.
    Language {
        /// The language looked for.
        language: Language,
        /// Whether any language but this one is looked for.
        except_language: bool,
    },
    /// The indexer set this flag (a single `IndexerFlags` bit).
    IndexerFlag(IndexerFlags),
    /// The quality's source is this one.
    Source(QualitySource),
    /// The quality's resolution is this many lines (Radarr's `Resolution`).
    Resolution(i32),
    /// The quality's modifier is this one.
    QualityModifier(Modifier),
    /// The size is above `min_gb` and at most `max_gb` gigabytes (GiB).
    Size {
        /// Exclusive lower bound, in GiB.
        min_gb: f64,
        /// Inclusive upper bound, in GiB.
        max_gb: f64,
    },
    /// The release group matches the pattern.
    ReleaseGroup(Pattern),
    /// The year is between `min` and `max`, both included.
    Year {
        /// The first year that matches.
        min: i32,
        /// The last year that matches.
        max: i32,
    },
}

/// Radarr's implementations, in Radarr's order (the schema lists them so).
pub const IMPLEMENTATIONS: [&str; 10] = [
    "ReleaseTitleSpecification",
    "EditionSpecification",
    "LanguageSpecification",
    "IndexerFlagSpecification",
    "SourceSpecification",
    "ResolutionSpecification",
    "QualityModifierSpecification",
    "SizeSpecification",
    "ReleaseGroupSpecification",
    "YearSpecification",
];

const IMPLEMENTATION_NAMES: [&str; 10] = [
    "Release Title",
    "Edition",
    "Language",
    "Indexer Flag",
    "Source",
    "Resolution",
    "Quality Modifier",
    "Size",
    "Release Group",
    "Year",
];

/// Where Radarr's conditions point for help.
pub const INFO_LINK: &str = "https://wiki.servarr.com/radarr/settings#custom-formats-2";

const GIB: f64 = 1024.0 * 1024.0 * 1024.0;

impl SpecKind {
    /// The index of `SizeSpecification`, the one kind whose fields are doubles.
    pub(crate) const SIZE_INDEX: usize = 7;

    /// Radarr's display name of the implementation at `index`.
    pub(crate) fn implementation_name_at(index: usize) -> &'static str {
        IMPLEMENTATION_NAMES.get(index).copied().unwrap_or_default()
    }

    /// The position of this kind's implementation in [`IMPLEMENTATIONS`];
    /// conditions group by it when a format is matched.
    pub fn index(&self) -> usize {
        match self {
            SpecKind::ReleaseTitle(_) => 0,
            SpecKind::Edition(_) => 1,
            SpecKind::Language { .. } => 2,
            SpecKind::IndexerFlag(_) => 3,
            SpecKind::Source(_) => 4,
            SpecKind::Resolution(_) => 5,
            SpecKind::QualityModifier(_) => 6,
            SpecKind::Size { .. } => 7,
            SpecKind::ReleaseGroup(_) => 8,
            SpecKind::Year { .. } => 9,
        }
    }

    /// Radarr's class name, e.g. `ReleaseTitleSpecification`.
    pub fn implementation(&self) -> &'static str {
        IMPLEMENTATIONS[self.index()]
    }

    /// Radarr's display name, e.g. `Release Title`.
    pub fn implementation_name(&self) -> &'static str {
        Self::implementation_name_at(self.index())
    }

    /// The pattern of a regex kind.
    pub fn pattern(&self) -> Option<&Pattern> {
        match self {
            SpecKind::ReleaseTitle(p) | SpecKind::Edition(p) | SpecKind::ReleaseGroup(p) => Some(p),
            _ => None,
        }
    }

    /// Whether the test is a regex match.
    pub fn is_regex(&self) -> bool {
        self.pattern().is_some()
    }

    /// How dear the test is, for the order matching tries conditions in: 0
    /// for a comparison, 1 for a regex on a short field (edition, group), 2
    /// for one on the title, 3 for one that backtracks.
    pub(crate) fn cost(&self) -> u8 {
        match self {
            SpecKind::ReleaseTitle(p) | SpecKind::Edition(p) | SpecKind::ReleaseGroup(p)
                if p.is_fancy() =>
            {
                3
            }
            SpecKind::ReleaseTitle(_) => 2,
            SpecKind::Edition(_) | SpecKind::ReleaseGroup(_) => 1,
            _ => 0,
        }
    }

    /// The test, before `negate`.
    fn holds_for(&self, input: &CustomFormatInput<'_>) -> bool {
        match self {
            SpecKind::ReleaseTitle(p) => {
                p.is_match(Some(&input.release_title)) || p.is_match(input.filename)
            }
            SpecKind::Edition(p) => p.is_match(Some(input.edition)),
            SpecKind::ReleaseGroup(p) => p.is_match(input.release_group),
            SpecKind::Language {
                language,
                except_language,
            } => {
                let wanted = compared_language(*language, input);
                if *except_language {
                    input.languages.iter().any(|l| *l != wanted)
                } else {
                    input.languages.contains(&wanted)
                }
            }
            // HasFlag: every bit of the value is set (so a zero value always holds).
            SpecKind::IndexerFlag(flag) => input.indexer_flags.contains(*flag),
            SpecKind::Source(source) => input.quality.source == *source,
            SpecKind::Resolution(lines) => input.quality.resolution == *lines,
            SpecKind::QualityModifier(modifier) => input.quality.modifier == *modifier,
            SpecKind::Size { min_gb, max_gb } => {
                let size = input.size;
                size > gigabytes(*min_gb) && size <= gigabytes(*max_gb)
            }
            SpecKind::Year { min, max } => (*min..=*max).contains(&input.year),
        }
    }
}

impl Specification {
    /// Whether the condition holds for `input`, `negate` applied.
    pub fn is_satisfied_by(&self, input: &CustomFormatInput<'_>) -> bool {
        self.kind.holds_for(input) != self.negate
    }
}

/// "Original" means the movie's original language when it is known; else it
/// stays Original, which no release carries.
fn compared_language(language: Language, input: &CustomFormatInput<'_>) -> Language {
    match input.original_language {
        Some(original) if language == Language::ORIGINAL && original != Language::UNKNOWN => {
            original
        }
        _ => language,
    }
}

/// Gigabytes (GiB) as whole bytes, rounded as .NET's `Convert.ToInt64` does
/// closely enough for sizes (the cast saturates on absurd values).
fn gigabytes(gb: f64) -> i64 {
    (gb * GIB).round() as i64
}
