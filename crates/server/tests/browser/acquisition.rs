//! Browser tests: acquisition.
