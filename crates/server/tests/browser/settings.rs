//! Browser tests: settings.
