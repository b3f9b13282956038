//! Radarr's resource shapes: what goes over the wire, in and out.

pub mod collection;
pub mod command;
pub mod movie;
pub mod movie_input;
pub mod parse;
pub mod release;
pub mod wire_date;
