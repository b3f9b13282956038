//! Radarr's `CustomFormatResource` on the wire: read with `fields` as Radarr
//! writes them (an array of field objects) or as exported formats carry them
//! (an object of name to value, TRaSH Guides' shape); written as Radarr does.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

/// A custom format as `/api/v3/customformat` sends and receives it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomFormatResource {
    /// Row id; written even when 0, as Radarr does.
    #[serde(default)]
    pub id: i32,
    /// Display name.
    #[serde(default, deserialize_with = "null_as_default")]
    pub name: String,
    /// Whether `{Custom Formats}` in file names includes it.
    #[serde(default, deserialize_with = "null_as_default")]
    pub include_custom_format_when_renaming: bool,
    /// Its conditions.
    #[serde(default, deserialize_with = "null_as_default")]
    pub specifications: Vec<SpecificationResource>,
}

/// A condition on the wire (Radarr's `CustomFormatSpecificationSchema`); the
/// schema endpoint answers a list of these as templates.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SpecificationResource {
    /// Unused by Radarr for conditions; left off when 0.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub id: i32,
    /// Display name; none in a schema template.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Radarr's class name, e.g. `ReleaseTitleSpecification`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub implementation: String,
    /// Its display name, e.g. `Release Title`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub implementation_name: Option<String>,
    /// Where help is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub info_link: Option<String>,
    /// Whether the test's answer is inverted.
    #[serde(default, deserialize_with = "null_as_default")]
    pub negate: bool,
    /// Whether the format needs this condition.
    #[serde(default, deserialize_with = "null_as_default")]
    pub required: bool,
    /// Its settings, in schema order.
    #[serde(default, deserialize_with = "array_or_object")]
    pub fields: Vec<Field>,
    /// Ready-made conditions offered by the schema endpoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presets: Option<Vec<SpecificationResource>>,
}

/// One setting of a condition (Radarr's client-schema `Field`); on input only
/// `name` and `value` count.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Field {
    /// Position in the form.
    #[serde(default)]
    pub order: i32,
    /// The setting's name, e.g. `value`, `min`, `exceptLanguage`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub name: String,
    /// Shown beside the input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The unit, e.g. `GB`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Shown under the input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help_text: Option<String>,
    /// The value; left off when null.
    #[serde(default, skip_serializing_if = "Value::is_null")]
    pub value: Value,
    /// The input kind: `textbox`, `number`, `select`, `checkbox`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub field_type: Option<String>,
    /// Whether only advanced settings show it.
    #[serde(default)]
    pub advanced: bool,
    /// A select field's choices.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub select_options: Option<Vec<SelectOption>>,
    /// How the value is shown (always `normal` here).
    #[serde(default = "normal")]
    pub privacy: String,
    /// Whether a number field takes fractions.
    #[serde(default)]
    pub is_float: bool,
}

/// One choice of a select field.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SelectOption {
    /// The value stored when chosen.
    pub value: i32,
    /// What is shown.
    pub name: String,
    /// Position among the choices.
    #[serde(default)]
    pub order: i32,
    /// A hint shown beside the name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// Whether a divider follows it.
    #[serde(default)]
    pub divider_after: bool,
}

fn normal() -> String {
    "normal".to_string()
}

fn is_zero(v: &i32) -> bool {
    *v == 0
}

/// Reads JSON `null` as the default, as .NET leaves a null member.
fn null_as_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

/// Reads `fields` as Radarr's array of field objects, or as an exported
/// format's object of name to value (each key becomes a field).
fn array_or_object<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Field>, D::Error> {
    use serde::de::Error;
    match Value::deserialize(d)? {
        Value::Null => Ok(Vec::new()),
        list @ Value::Array(_) => serde_json::from_value(list).map_err(D::Error::custom),
        Value::Object(map) => Ok(map
            .into_iter()
            .zip(0..)
            .map(|((name, value), order)| Field {
                order,
                name,
                value,
                privacy: normal(),
                ..Field::default()
            })
            .collect()),
        other => Err(D::Error::custom(format_args!(
            "fields must be an array or an object, not {other}"
        ))),
    }
}
