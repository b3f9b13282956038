//! Why a custom format could not be read or saved; each message names the
//! condition (and field) at fault, so the user can find it.

/// A custom format that cannot be built from what was given.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CustomFormatError {
    /// The text is not JSON of a custom format's shape.
    #[error("invalid custom format JSON: {0}")]
    Json(String),
    /// A condition names an implementation Radarr does not have.
    #[error("condition '{spec}': unknown implementation '{implementation}'")]
    UnknownImplementation {
        /// The condition's name.
        spec: String,
        /// What it was said to be.
        implementation: String,
    },
    /// A condition's regular expression does not compile.
    #[error("condition '{spec}': invalid regular expression '{pattern}': {reason}")]
    InvalidRegex {
        /// The condition's name.
        spec: String,
        /// The pattern as given.
        pattern: String,
        /// The regex compiler's reason.
        reason: String,
    },
    /// A field's value is of the wrong type or out of range.
    #[error("condition '{spec}': field '{field}': {reason}")]
    InvalidField {
        /// The condition's name.
        spec: String,
        /// The field's name, e.g. `value` or `min`.
        field: String,
        /// What is wrong with it.
        reason: String,
    },
}

/// One of Radarr's validation failures on save, in the shape of its 400
/// answer's entries (`propertyName`, `errorMessage`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The property at fault, e.g. `Name` or `Specifications[0].Value`.
    pub property: String,
    /// Radarr's message.
    pub message: String,
}

impl Violation {
    pub(crate) fn new(property: impl Into<String>, message: impl Into<String>) -> Self {
        Violation {
            property: property.into(),
            message: message.into(),
        }
    }
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.property, self.message)
    }
}
