//! Radarr's custom formats: named sets of conditions on a release or file
//! (title, edition and group regexes, language, indexer flag, source,
//! resolution, quality modifier, size, year), each format scoring in a
//! quality profile when they are met.
//!
//! - Build a [`CustomFormat`] from JSON in Radarr's resource shape or an
//!   exported one ([`CustomFormat::from_json`], [`CustomFormat::from_resource`]);
//!   every regex is compiled then, and a bad one is refused naming the
//!   condition, the pattern and the reason. [`CustomFormat::validate`] adds
//!   Radarr's rules for saving; [`CustomFormat::to_json`] writes Radarr's shape.
//! - [`schema`] answers `GET /api/v3/customformat/schema`.
//! - [`matching`] picks the formats a [`CustomFormatInput`] meets and
//!   [`score`] sums a profile's scores for them.

mod error;
mod fields;
mod format;
mod input;
mod matching;
mod options;
mod pattern;
mod prefilter;
mod schema;
mod specification;
mod validate;
mod wire;

#[cfg(test)]
mod tests;

pub use error::{CustomFormatError, Violation};
pub use format::CustomFormat;
pub use input::CustomFormatInput;
pub use matching::{matching, score};
pub use options::{INDEXER_FLAGS, RESOLUTIONS};
pub use pattern::{Pattern, PatternError};
pub use schema::schema;
pub use specification::{IMPLEMENTATIONS, INFO_LINK, SpecKind, Specification};
pub use wire::{CustomFormatResource, Field, SelectOption, SpecificationResource};
