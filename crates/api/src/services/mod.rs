//! The use cases behind the handlers.

pub mod collections;
pub mod folders;
pub mod grab;
pub mod import;
pub mod indexer_health;
pub mod indexer_status;
pub mod list_blocks;
pub mod list_cache;
pub mod lookup;
pub mod media_covers;
pub mod media_management;
pub mod movie_files;
pub mod movies;
pub mod naming;
pub mod parse;
pub mod profile_cache;
pub mod recycle_bin;
pub mod refresh;
pub mod rename;
pub mod rendered_movies;
pub mod rescan;
pub mod scene_analysis;
pub mod scene_group_config;
pub mod search;
pub mod tracking;
pub mod wanted;
