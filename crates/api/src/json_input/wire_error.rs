//! The error the case-insensitive reader raises: a sentence in JSON words,
//! with the value that was sent.

use std::fmt::{self, Display};

use serde::de::{self, Expected, Unexpected};
use serde_json::Value;

/// The error of [`CaseInsensitive`]: the user's sentence, plus what [`InputError`] needs.
#[derive(Debug)]
pub(super) struct WireError {
    pub(super) message: String,
    /// The field a struct lacked, appended to the path so it names the property.
    pub(super) missing: Option<&'static str>,
    pub(super) attempted: Option<Value>,
}

impl WireError {
    pub(super) fn new(message: String) -> Self {
        Self {
            message,
            missing: None,
            attempted: None,
        }
    }

    pub(super) fn with_attempted(mut self, value: Value) -> Self {
        self.attempted = Some(value);
        self
    }
}

impl Display for WireError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for WireError {}

impl de::Error for WireError {
    fn custom<T: Display>(msg: T) -> Self {
        Self::new(msg.to_string())
    }

    fn invalid_type(unexp: Unexpected<'_>, exp: &dyn Expected) -> Self {
        Self::new(format!(
            "Expected {}, found {}",
            describe_expected(exp),
            describe_unexpected(&unexp)
        ))
    }

    fn invalid_value(unexp: Unexpected<'_>, exp: &dyn Expected) -> Self {
        let expected = exp.to_string();
        let expected = match integer_range(&expected) {
            Some((min, max)) => format!("an integer from {min} to {max}"),
            None => describe_expected(exp),
        };
        Self::new(format!("Expected {expected}, found {}", literal(&unexp)))
    }

    fn invalid_length(len: usize, exp: &dyn Expected) -> Self {
        let noun = if len == 1 { "element" } else { "elements" };
        Self::new(format!(
            "Expected {}, found {len} {noun}",
            describe_expected(exp)
        ))
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        Self::new(format!(
            "Unknown value \"{variant}\"; expected one of: {}",
            expected.join(", ")
        ))
    }

    fn unknown_field(field: &str, _expected: &'static [&'static str]) -> Self {
        Self::new(format!("Unknown property \"{field}\""))
    }

    fn missing_field(field: &'static str) -> Self {
        Self {
            missing: Some(field),
            ..Self::new(format!("The {field} property is required"))
        }
    }

    fn duplicate_field(field: &'static str) -> Self {
        Self::new(format!("The {field} property is given more than once"))
    }
}

/// What a visitor wanted, in JSON words rather than Rust type names.
fn describe_expected(exp: &dyn Expected) -> String {
    let text = exp.to_string();
    let plain = match text.as_str() {
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => "an integer",
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => "a non-negative integer",
        "f32" | "f64" => "a number",
        "a boolean" => "true or false",
        "a borrowed string" => "a string",
        "a character" | "char" => "a single character",
        "a sequence" => "an array",
        "a map" => "an object",
        "unit" => "null",
        "option" => "a value or null",
        t if t.starts_with("struct ") => "an object",
        t if t.starts_with("unit struct ") => "null",
        t if t.starts_with("tuple") || t.starts_with("a tuple") => "an array",
        t if t.starts_with("enum ") || t.ends_with(" identifier") => "one of the allowed values",
        _ => return text,
    };
    plain.to_owned()
}

/// What was found instead, as a kind of JSON value.
fn describe_unexpected(unexp: &Unexpected<'_>) -> String {
    let plain = match unexp {
        Unexpected::Bool(_) => "a boolean",
        Unexpected::Unsigned(_) | Unexpected::Signed(_) => "an integer",
        Unexpected::Float(_) => "a decimal number",
        Unexpected::Char(_) => "a character",
        Unexpected::Str(_) => "a string",
        Unexpected::Unit | Unexpected::Option => "null",
        Unexpected::Seq => "an array",
        Unexpected::Map => "an object",
        other => return other.to_string(),
    };
    plain.to_owned()
}

/// The value itself, for messages about a value of the right kind but out of bounds.
fn literal(unexp: &Unexpected<'_>) -> String {
    match unexp {
        Unexpected::Bool(b) => b.to_string(),
        Unexpected::Unsigned(n) => n.to_string(),
        Unexpected::Signed(n) => n.to_string(),
        Unexpected::Float(n) => n.to_string(),
        Unexpected::Char(c) => format!("\"{c}\""),
        Unexpected::Str(s) => format!("\"{s}\""),
        other => describe_unexpected(other),
    }
}

fn integer_range(name: &str) -> Option<(i128, i128)> {
    Some(match name {
        "i8" => (i8::MIN.into(), i8::MAX.into()),
        "i16" => (i16::MIN.into(), i16::MAX.into()),
        "i32" => (i32::MIN.into(), i32::MAX.into()),
        "i64" => (i64::MIN.into(), i64::MAX.into()),
        "u8" => (0, u8::MAX.into()),
        "u16" => (0, u16::MAX.into()),
        "u32" => (0, u32::MAX.into()),
        "u64" => (0, u64::MAX.into()),
        _ => return None,
    })
}
