//! Radarr's resource shapes: what goes over the wire, in and out.

pub mod collection;
pub mod command;
pub mod delay_profile;
pub mod indexer_config;
pub mod movie;
pub mod movie_input;
pub mod parse;
pub mod queue;
pub mod release;
pub mod release_profile;
pub mod wire_date;
