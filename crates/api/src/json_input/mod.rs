//! How a JSON request body becomes a typed input, read the way Radarr's System.Text.Json options read it.
//!
//! Radarr (ASP.NET, `PropertyNameCaseInsensitive`, `AllowTrailingCommas`) matches property names
//! in any case, accepts a trailing comma before `}` or `]`, and ignores unknown properties. Input
//! types stay ordinary `#[serde(rename_all = "camelCase")]` structs: the body is parsed to a
//! [`Value`] and then read through [`CaseInsensitive`], a deserializer over that value which
//! renames each object key to the struct field it names. Errors carry the path of the offending
//! value in canonical field names, a sentence for the user, and the value that was sent.
//!
//! Known limits: `#[serde(flatten)]` and untagged enums buffer their input through `deserialize_any`,
//! so keys inside them are matched exactly; map keys (`HashMap<String, _>`) are kept as sent.

mod case_insensitive;
#[cfg(test)]
mod tests;
mod trailing_commas;
mod wire_error;

use std::fmt::Write as _;

use serde::de::DeserializeOwned;
use serde_json::Value;

use case_insensitive::CaseInsensitive;
use trailing_commas::{is_json_space, strip_trailing_commas};

/// Why a request body could not become the input it was meant for.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}{message}", path_prefix(.path))]
pub struct InputError {
    /// Dotted path of the offending value in canonical field names (`tmdbId`,
    /// `addOptions.monitor`, `tags[1]`); empty when the body as a whole is at fault.
    pub path: String,
    /// A plain sentence for the user, e.g. "Expected an integer, found a string".
    pub message: String,
    /// The JSON value that was sent at `path`, when there is one.
    pub attempted: Option<Value>,
}

fn path_prefix(path: &str) -> String {
    if path.is_empty() {
        String::new()
    } else {
        format!("{path}: ")
    }
}

/// Reads a JSON request body into `T` as Radarr would: property names in any case, trailing
/// commas allowed, unknown properties ignored.
pub fn from_json_bytes<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, InputError> {
    // System.Text.Json skips a UTF-8 byte order mark; serde_json does not.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(|b| is_json_space(*b)) {
        return Err(body_error(
            "A non-empty request body is required.".to_owned(),
        ));
    }
    let value: Value =
        serde_json::from_slice(&strip_trailing_commas(bytes)).map_err(syntax_error)?;
    let scalar = scalar_copy(&value);
    serde_path_to_error::deserialize(CaseInsensitive(value)).map_err(|err| {
        let mut path = render_path(err.path());
        let inner = err.into_inner();
        if let Some(field) = inner.missing {
            push_key(&mut path, field);
        }
        InputError {
            path,
            message: inner.message,
            attempted: inner.attempted.or(scalar),
        }
    })
}

/// Turns a camelCase path into the C# property path Radarr reports: `addOptions.monitor`
/// becomes `AddOptions.Monitor`, `tags[1]` becomes `Tags[1]`.
pub fn pascal_case(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut segment_start = true;
    for c in path.chars() {
        if segment_start {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        segment_start = c == '.';
    }
    out
}

fn body_error(message: String) -> InputError {
    InputError {
        path: String::new(),
        message,
        attempted: None,
    }
}

fn syntax_error(err: serde_json::Error) -> InputError {
    let (line, column) = (err.line(), err.column());
    let text = err.to_string();
    let suffix = format!(" at line {line} column {column}");
    let reason = text.strip_suffix(&suffix).unwrap_or(&text);
    body_error(format!(
        "Invalid JSON at line {line}, column {column}: {reason}"
    ))
}

fn render_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path {
        match segment {
            Segment::Seq { index } => {
                let _ = write!(out, "[{index}]");
            }
            Segment::Map { key } | Segment::Enum { variant: key } => push_key(&mut out, key),
            Segment::Unknown => push_key(&mut out, "?"),
        }
    }
    out
}

fn push_key(path: &mut String, key: &str) {
    if !path.is_empty() {
        path.push('.');
    }
    path.push_str(key);
}

/// A copy of `value` when it has no children, so an error raised while reading it can show
/// what was sent; arrays and objects are not copied (errors about them attach them directly).
pub(super) fn scalar_copy(value: &Value) -> Option<Value> {
    (!matches!(value, Value::Array(_) | Value::Object(_))).then(|| value.clone())
}
