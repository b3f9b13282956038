//! Release titles read the way Radarr reads them: the movie's title and
//! year, edition, quality, languages and release group, with Radarr's names
//! for each. Pure: no I/O, and every pattern is compiled once.
#![forbid(unsafe_code)]

mod wire_enum;

pub mod language;
pub mod quality;

pub use language::Language;
pub use quality::{Modifier, Quality, QualityModel, QualitySource, Revision};
pub use wire_enum::UnknownVariant;
