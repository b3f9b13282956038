//! The movie library's model: movies, qualities, profiles, tags and the rules
//! that need no I/O. Every other crate speaks in these types.
#![forbid(unsafe_code)]

mod wire_enum;

pub mod availability;
pub mod collection;
pub mod command;
pub mod exclusion;
pub mod language;
pub mod movie;
pub mod movie_file;
pub mod naming;
pub mod quality;
pub mod quality_definition;
pub mod quality_profile;
pub mod root_folder;
pub mod tag;

pub use language::Language;
pub use quality::{Modifier, Quality, QualityModel, QualitySource, Revision};
pub use quality_definition::{QualityDefinition, default_definitions};
pub use quality_profile::{
    FormatItem, ProfileItem, ProfileViolation, QualityProfile, default_profiles, schema_profile,
};
pub use wire_enum::UnknownVariant;
