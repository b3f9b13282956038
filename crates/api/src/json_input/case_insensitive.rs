//! A deserializer over a parsed body that matches field and variant names in any case.

use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, Expected, IntoDeserializer, MapAccess,
    SeqAccess, Unexpected, VariantAccess, Visitor,
};
use serde_json::Value;

use std::fmt;

use super::scalar_copy;
use super::wire_error::WireError;

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
pub(super) struct CaseInsensitive(pub(super) Value);

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
