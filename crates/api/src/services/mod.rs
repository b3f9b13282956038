//! The use cases behind the handlers.

pub mod folders;
pub mod movies;
