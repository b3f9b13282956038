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

use std::borrow::Cow;
use std::fmt::{self, Display, Write as _};

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Deserializer, EnumAccess, Expected, IntoDeserializer,
    MapAccess, SeqAccess, Unexpected, VariantAccess, Visitor,
};
use serde_json::Value;

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

fn is_json_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// Blanks (rather than removes, so error columns stay true) each comma outside strings that
/// follows a value and comes right before `}` or `]`. A comma after `[`, `{`, `:` or another
/// comma is left for the parser to reject, as System.Text.Json rejects `[1,,]`.
fn strip_trailing_commas(bytes: &[u8]) -> Cow<'_, [u8]> {
    let mut out: Option<Vec<u8>> = None;
    let (mut in_string, mut escaped, mut last) = (false, false, 0u8);
    for (i, &b) in bytes.iter().enumerate() {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
                last = b;
            }
            continue;
        }
        if is_json_space(b) {
            continue;
        }
        if b == b',' && !matches!(last, 0 | b',' | b'[' | b'{' | b':') {
            let next = bytes[i + 1..].iter().find(|c| !is_json_space(**c));
            if matches!(next, Some(b'}' | b']')) {
                out.get_or_insert_with(|| bytes.to_vec())[i] = b' ';
                continue;
            }
        }
        in_string = b == b'"';
        last = b;
    }
    out.map_or(Cow::Borrowed(bytes), Cow::Owned)
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
fn scalar_copy(value: &Value) -> Option<Value> {
    (!matches!(value, Value::Array(_) | Value::Object(_))).then(|| value.clone())
}

/// The error of [`CaseInsensitive`]: the user's sentence, plus what [`InputError`] needs.
#[derive(Debug)]
struct WireError {
    message: String,
    /// The field a struct lacked, appended to the path so it names the property.
    missing: Option<&'static str>,
    attempted: Option<Value>,
}

impl WireError {
    fn new(message: String) -> Self {
        Self {
            message,
            missing: None,
            attempted: None,
        }
    }

    fn with_attempted(mut self, value: Value) -> Self {
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

/// The name in `names` that `key` spells ignoring ASCII case (an exact match first), else `key`.
fn canonical(key: String, names: &'static [&'static str]) -> String {
    if names.contains(&key.as_str()) {
        return key;
    }
    match names.iter().find(|name| name.eq_ignore_ascii_case(&key)) {
        Some(name) => (*name).to_owned(),
        None => key,
    }
}

fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Unexpected::Unsigned(u),
            (None, Some(i)) => Unexpected::Signed(i),
            (None, None) => Unexpected::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

fn wrong_type(value: Value, exp: &dyn Expected) -> WireError {
    let err = <WireError as de::Error>::invalid_type(unexpected(&value), exp);
    err.with_attempted(value)
}

/// Reads one child value, noting the value sent if an error arises within it.
fn read_child<'de, S: DeserializeSeed<'de>>(seed: S, value: Value) -> Result<S::Value, WireError> {
    let scalar = scalar_copy(&value);
    seed.deserialize(CaseInsensitive(value)).map_err(|mut err| {
        if err.attempted.is_none() {
            err.attempted = scalar;
        }
        err
    })
}

/// A deserializer over a parsed body that matches struct field and enum variant names
/// ignoring ASCII case, at every level.
struct CaseInsensitive(Value);

impl<'de> Deserializer<'de> for CaseInsensitive {
    type Error = WireError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, WireError> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(b),
            Value::Number(n) => match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => visitor.visit_u64(u),
                (None, Some(i)) => visitor.visit_i64(i),
                (None, None) => visitor.visit_f64(n.as_f64().unwrap_or(f64::NAN)),
            },
            Value::String(s) => visitor.visit_string(s),
            Value::Array(items) => visit_array(items, visitor),
            Value::Object(map) => visit_entries(map.into_iter().collect(), visitor),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, WireError> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, WireError> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            other => Err(wrong_type(other, &visitor)),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, WireError> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, WireError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, WireError> {
        match self.0 {
            Value::Array(items) => visit_array(items, visitor),
            other => Err(wrong_type(other, &visitor)),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, WireError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, WireError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, WireError> {
        match self.0 {
            Value::Object(map) => visit_entries(map.into_iter().collect(), visitor),
            other => Err(wrong_type(other, &visitor)),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, WireError> {
        let map = match self.0 {
            Value::Object(map) => map,
            other => return Err(wrong_type(other, &visitor)),
        };
        // Two keys naming one field (`tmdbId` and `TMDBID`): the later one read wins, as in
        // System.Text.Json, instead of serde's duplicate-field error.
        let mut entries: Vec<(String, Value)> = Vec::with_capacity(map.len());
        let mut slots: Vec<Option<usize>> = vec![None; fields.len()];
        for (key, value) in map {
            let key = canonical(key, fields);
            match fields.iter().position(|f| *f == key) {
                Some(field) => match slots[field] {
                    Some(at) => entries[at].1 = value,
                    None => {
                        slots[field] = Some(entries.len());
                        entries.push((key, value));
                    }
                },
                None => entries.push((key, value)),
            }
        }
        visit_entries(entries, visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, WireError> {
        match self.0 {
            Value::String(name) => visitor.visit_enum(Variant {
                name: canonical(name, variants),
                value: None,
            }),
            Value::Object(map) if map.len() == 1 => match map.into_iter().next() {
                Some((name, value)) => visitor.visit_enum(Variant {
                    name: canonical(name, variants),
                    value: Some(value),
                }),
                None => Err(WireError::new("Expected a value".to_owned())),
            },
            other => Err(wrong_type(other, &OneOf(variants))),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, WireError> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf identifier
    }
}

/// The names an enum accepts, for a message when something else was sent.
struct OneOf(&'static [&'static str]);

impl Expected for OneOf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "one of: {}", self.0.join(", "))
    }
}

fn visit_array<'de, V: Visitor<'de>>(items: Vec<Value>, visitor: V) -> Result<V::Value, WireError> {
    let total = items.len();
    let mut access = Elements(items.into_iter());
    let out = visitor.visit_seq(&mut access)?;
    match access.0.len() {
        0 => Ok(out),
        left => Err(WireError::new(format!(
            "Expected {} elements, found {total}",
            total - left
        ))),
    }
}

fn visit_entries<'de, V: Visitor<'de>>(
    entries: Vec<(String, Value)>,
    visitor: V,
) -> Result<V::Value, WireError> {
    visitor.visit_map(Entries {
        iter: entries.into_iter(),
        value: None,
    })
}

struct Elements(std::vec::IntoIter<Value>);

impl<'de> SeqAccess<'de> for Elements {
    type Error = WireError;

    fn next_element_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, WireError> {
        self.0.next().map(|v| read_child(seed, v)).transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

struct Entries {
    iter: std::vec::IntoIter<(String, Value)>,
    value: Option<Value>,
}

impl<'de> MapAccess<'de> for Entries {
    type Error = WireError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, WireError> {
        match self.iter.next() {
            Some((key, value)) => {
                self.value = Some(value);
                seed.deserialize(key.into_deserializer()).map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, WireError> {
        match self.value.take() {
            Some(value) => read_child(seed, value),
            None => Err(WireError::new("Expected a value".to_owned())),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

/// An enum given as `"name"` or `{"name": value}`, its name already made canonical.
struct Variant {
    name: String,
    value: Option<Value>,
}

impl<'de> EnumAccess<'de> for Variant {
    type Error = WireError;
    type Variant = VariantValue;

    fn variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, VariantValue), WireError> {
        let tag = seed.deserialize(self.name.into_deserializer())?;
        Ok((tag, VariantValue(self.value)))
    }
}

struct VariantValue(Option<Value>);

impl VariantValue {
    fn content(self, exp: &dyn Expected) -> Result<Value, WireError> {
        self.0
            .ok_or_else(|| de::Error::invalid_type(Unexpected::UnitVariant, exp))
    }
}

impl<'de> VariantAccess<'de> for VariantValue {
    type Error = WireError;

    fn unit_variant(self) -> Result<(), WireError> {
        match self.0 {
            None | Some(Value::Null) => Ok(()),
            Some(other) => Err(wrong_type(other, &"null")),
        }
    }

    fn newtype_variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<S::Value, WireError> {
        read_child(seed, self.content(&"a value")?)
    }

    fn tuple_variant<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, WireError> {
        CaseInsensitive(self.content(&visitor)?).deserialize_seq(visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, WireError> {
        CaseInsensitive(self.content(&visitor)?).deserialize_struct("", fields, visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use serde_json::json;

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct AddMovie {
        tmdb_id: i32,
        title: Option<String>,
        add_options: Option<AddOptions>,
        #[serde(default)]
        tags: Vec<i32>,
        #[serde(default)]
        images: Vec<Image>,
        #[serde(default)]
        monitor: Option<Monitor>,
        #[serde(default)]
        availability: Option<Availability>,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct AddOptions {
        monitor: String,
        search_for_movie: bool,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Image {
        cover_type: String,
        remote_url: String,
    }

    /// Like Radarr's enums: a name in any case, or the integer value.
    #[derive(Debug, PartialEq)]
    enum Monitor {
        MovieOnly,
        None,
    }

    impl<'de> Deserialize<'de> for Monitor {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct MonitorVisitor;
            impl Visitor<'_> for MonitorVisitor {
                type Value = Monitor;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("movieOnly, none, 0 or 1")
                }
                fn visit_str<E: de::Error>(self, v: &str) -> Result<Monitor, E> {
                    match v.to_ascii_lowercase().as_str() {
                        "movieonly" => Ok(Monitor::MovieOnly),
                        "none" => Ok(Monitor::None),
                        _ => Err(E::invalid_value(Unexpected::Str(v), &self)),
                    }
                }
                fn visit_i64<E: de::Error>(self, v: i64) -> Result<Monitor, E> {
                    match v {
                        0 => Ok(Monitor::MovieOnly),
                        1 => Ok(Monitor::None),
                        _ => Err(E::invalid_value(Unexpected::Signed(v), &self)),
                    }
                }
                // serde_json hands non-negative integers over as u64.
                fn visit_u64<E: de::Error>(self, v: u64) -> Result<Monitor, E> {
                    let v = i64::try_from(v)
                        .map_err(|_| E::invalid_value(Unexpected::Unsigned(v), &self))?;
                    self.visit_i64(v)
                }
            }
            d.deserialize_any(MonitorVisitor)
        }
    }

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(rename_all = "camelCase")]
    enum Availability {
        InCinemas,
        Released,
    }

    fn read(body: &str) -> Result<AddMovie, InputError> {
        from_json_bytes(body.as_bytes())
    }

    fn fails(body: &str) -> InputError {
        match read(body) {
            Ok(movie) => panic!("expected an error for {body}, got {movie:?}"),
            Err(err) => err,
        }
    }

    #[test]
    fn property_names_match_in_any_case() {
        for key in ["TMDBID", "tmdbid", "TmdbId", "tmdbId"] {
            let movie = read(&format!(r#"{{"{key}": 603}}"#)).expect(key);
            assert_eq!(movie.tmdb_id, 603, "{key}");
        }
    }

    #[test]
    fn nested_struct_and_vec_keys_match_in_any_case() {
        let movie = read(
            r#"{"TmdbId": 1, "ADDOPTIONS": {"Monitor": "movieOnly", "SEARCHFORMOVIE": true},
                "Images": [{"COVERTYPE": "poster", "remoteurl": "http://x/p.jpg"}]}"#,
        )
        .expect("valid body");
        assert_eq!(
            movie.add_options,
            Some(AddOptions {
                monitor: "movieOnly".into(),
                search_for_movie: true
            })
        );
        assert_eq!(
            movie.images,
            vec![Image {
                cover_type: "poster".into(),
                remote_url: "http://x/p.jpg".into()
            }]
        );
    }

    #[test]
    fn optional_struct_may_be_null_or_absent() {
        assert_eq!(
            read(r#"{"tmdbId":1,"addOptions":null}"#)
                .expect("null")
                .add_options,
            None
        );
        assert_eq!(read(r#"{"tmdbId":1}"#).expect("absent").add_options, None);
        assert_eq!(
            read(r#"{"tmdbId":1,"title":null}"#).expect("title").title,
            None
        );
    }

    #[test]
    fn unknown_properties_are_ignored() {
        let movie = read(r#"{"tmdbId": 1, "profileId": 4, "Extra": {"a": [1, {"b": null}]}}"#)
            .expect("unknown keys");
        assert_eq!(movie.tmdb_id, 1);
    }

    #[test]
    fn keys_naming_one_field_twice_do_not_fail() {
        let movie = read(r#"{"tmdbId": 1, "TMDBID": 2}"#).expect("two spellings");
        assert!([1, 2].contains(&movie.tmdb_id));
    }

    #[test]
    fn trailing_commas_are_accepted() {
        let movie = read(
            "{\"tmdbId\": 7, \"tags\": [1, 2,\n ], \"images\": [{\"coverType\": \"a\", \"remoteUrl\": \"b\",},],\r\n}",
        )
        .expect("trailing commas");
        assert_eq!(movie.tags, vec![1, 2]);
        assert_eq!(movie.images.len(), 1);
    }

    #[test]
    fn commas_inside_strings_are_left_alone() {
        let movie = read(r#"{"tmdbId": 1, "title": "a,} \",] b\\",}"#).expect("string commas");
        assert_eq!(movie.title.as_deref(), Some(r#"a,} ",] b\"#));
    }

    #[test]
    fn doubled_or_leading_commas_are_still_malformed() {
        for body in [
            r#"{"tmdbId":1,"tags":[1,,]}"#,
            r#"{"tmdbId":1,"tags":[,]}"#,
            "{,}",
        ] {
            let err = fails(body);
            assert_eq!(err.path, "", "{body}");
            assert!(
                err.message.starts_with("Invalid JSON"),
                "{body}: {}",
                err.message
            );
        }
    }

    #[test]
    fn wrong_type_reports_path_and_attempted_value() {
        let err = fails(r#"{"TMDBID": "603"}"#);
        assert_eq!(err.path, "tmdbId");
        assert_eq!(err.message, "Expected an integer, found a string");
        assert_eq!(err.attempted, Some(json!("603")));

        let err = fails(r#"{"tmdbId": 1, "tags": [1, true]}"#);
        assert_eq!(
            (err.path.as_str(), err.attempted),
            ("tags[1]", Some(json!(true)))
        );

        let err =
            fails(r#"{"tmdbId": 1, "ADDOPTIONS": {"monitor": "x", "searchformovie": "yes"}}"#);
        assert_eq!(err.path, "addOptions.searchForMovie");
        assert_eq!(err.message, "Expected true or false, found a string");

        let err = fails(r#"{"tmdbId": 1, "images": [{"coverType": "a", "remoteUrl": 5}]}"#);
        assert_eq!(err.path, "images[0].remoteUrl");
        assert_eq!(err.message, "Expected a string, found an integer");

        let err = fails(r#"{"tmdbId": 1, "addOptions": [1]}"#);
        assert_eq!(err.path, "addOptions");
        assert_eq!(err.message, "Expected an object, found an array");
        assert_eq!(err.attempted, Some(json!([1])));
    }

    #[test]
    fn numbers_of_the_wrong_kind_say_so() {
        let err = fails(r#"{"tmdbId": 1.5}"#);
        assert_eq!(err.message, "Expected an integer, found a decimal number");
        let err = fails(r#"{"tmdbId": 3000000000}"#);
        assert_eq!(
            err.message,
            "Expected an integer from -2147483648 to 2147483647, found 3000000000"
        );
        assert_eq!(err.attempted, Some(json!(3_000_000_000_u64)));
    }

    #[test]
    fn malformed_body_reports_empty_path() {
        let err = fails(r#"{"tmdbId":1} x"#);
        assert_eq!(err.path, "");
        assert_eq!(
            err.message,
            "Invalid JSON at line 1, column 14: trailing characters"
        );
        assert_eq!(
            fails(" \n").message,
            "A non-empty request body is required."
        );
        assert_eq!(fails("").path, "");
        let err = fails("[1, 2]");
        assert_eq!(
            (err.path.as_str(), err.message.as_str()),
            ("", "Expected an object, found an array")
        );
        assert!(
            fails(r#"{"tmdbId": 1"#)
                .message
                .starts_with("Invalid JSON at line 1, column 12: EOF")
        );
    }

    #[test]
    fn byte_order_mark_is_skipped() {
        let body = b"\xEF\xBB\xBF{\"tmdbId\": 2}";
        assert_eq!(from_json_bytes::<AddMovie>(body).expect("bom").tmdb_id, 2);
    }

    #[test]
    fn missing_required_field_is_named() {
        let err = fails(r#"{"title": "Heat"}"#);
        assert_eq!(err.path, "tmdbId");
        assert_eq!(err.message, "The tmdbId property is required");
        assert_eq!(err.attempted, None);

        let err = fails(r#"{"tmdbId": 1, "addOptions": {"MONITOR": "none"}}"#);
        assert_eq!(err.path, "addOptions.searchForMovie");
        assert_eq!(
            err.to_string(),
            "addOptions.searchForMovie: The searchForMovie property is required"
        );
    }

    #[test]
    fn enums_reach_their_own_deserialize_as_string_or_integer() {
        for (sent, want) in [
            (json!("MOVIEONLY"), Monitor::MovieOnly),
            (json!("movieonly"), Monitor::MovieOnly),
            (json!(1), Monitor::None),
            (json!(0), Monitor::MovieOnly),
        ] {
            let body = json!({"tmdbId": 1, "Monitor": sent}).to_string();
            assert_eq!(read(&body).expect(&body).monitor, Some(want), "{body}");
        }
        let err = fails(r#"{"tmdbId": 1, "monitor": "sometimes"}"#);
        assert_eq!(err.path, "monitor");
        assert_eq!(err.attempted, Some(json!("sometimes")));
    }

    #[test]
    fn derived_enum_names_match_in_any_case() {
        let movie = read(r#"{"tmdbId": 1, "availability": "INCINEMAS"}"#).expect("any case");
        assert_eq!(movie.availability, Some(Availability::InCinemas));
        let err = fails(r#"{"tmdbId": 1, "availability": "tba"}"#);
        assert_eq!(err.path, "availability");
        assert_eq!(
            err.message,
            "Unknown value \"tba\"; expected one of: inCinemas, released"
        );
        assert_eq!(err.attempted, Some(json!("tba")));
        let err = fails(r#"{"tmdbId": 1, "availability": 2}"#);
        assert_eq!(
            err.message,
            "Expected one of: inCinemas, released, found an integer"
        );
    }

    #[test]
    fn pascal_case_capitalises_each_segment() {
        assert_eq!(pascal_case("tmdbId"), "TmdbId");
        assert_eq!(pascal_case("addOptions.monitor"), "AddOptions.Monitor");
        assert_eq!(pascal_case("images[0].coverType"), "Images[0].CoverType");
        assert_eq!(pascal_case(""), "");
    }
}
