//! The HTTP API.
pub mod json_input;
