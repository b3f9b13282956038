//! The movie library's model: movies, qualities, profiles, tags and the rules
//! that need no I/O. Every other crate speaks in these types.
#![forbid(unsafe_code)]

pub mod availability;
pub mod blocklist;
pub mod collection;
pub mod command;
pub mod custom_format;
pub mod decision;
pub mod download;
pub mod exclusion;
pub mod history;
pub mod indexer_status;
pub mod media_info;
pub mod movie;
pub mod movie_file;
pub mod naming;
pub mod provider;
pub mod quality_definition;
pub mod quality_profile;
pub mod release;
pub mod remote_path;
pub mod rename;
pub mod reputation;
pub mod root_folder;
pub mod scene_group;
pub mod tag;

pub use language::Language;
pub use parser::{UnknownVariant, language, quality, wire_enum};
pub use quality::{Modifier, Quality, QualityModel, QualitySource, Revision};
pub use quality_definition::{QualityDefinition, default_definitions};
pub use quality_profile::{
    FormatItem, ProfileItem, ProfileViolation, QualityProfile, default_profiles, schema_profile,
};
