//! Each implementation's fields as Radarr's schema describes them, and the
//! reading and writing of a condition's value through them.

use serde_json::Value;

use crate::language::Language;
use crate::quality::{Modifier, QualitySource};
use crate::release::IndexerFlags;

use super::error::CustomFormatError;
use super::options;
use super::pattern::Pattern;
use super::specification::SpecKind;
use super::wire::{Field, SelectOption};

/// How the UI shows a field (Radarr's `FieldType`, camelCase on the wire).
#[derive(Debug, Clone, Copy)]
pub(crate) enum Input {
    Textbox,
    Number,
    Checkbox,
    Select(fn() -> Vec<SelectOption>),
}

/// One field of an implementation's schema.
pub(crate) struct FieldDef {
    pub name: &'static str,
    pub label: &'static str,
    pub help_text: Option<&'static str>,
    pub unit: Option<&'static str>,
    pub input: Input,
}

const fn def(name: &'static str, label: &'static str, input: Input) -> FieldDef {
    FieldDef {
        name,
        label,
        help_text: None,
        unit: None,
        input,
    }
}

const REGEX: [FieldDef; 1] = [FieldDef {
    help_text: Some("Custom Format RegEx is Case Insensitive"),
    ..def("value", "Regular Expression", Input::Textbox)
}];
const LANGUAGE: [FieldDef; 2] = [
    def("value", "Language", Input::Select(options::languages)),
    FieldDef {
        help_text: Some("Matches if any language other than the selected language is present"),
        ..def("exceptLanguage", "Except Language", Input::Checkbox)
    },
];
const INDEXER_FLAG: [FieldDef; 1] = [def("value", "Flag", Input::Select(options::indexer_flags))];
const SOURCE: [FieldDef; 1] = [def("value", "Source", Input::Select(options::sources))];
const RESOLUTION: [FieldDef; 1] = [def(
    "value",
    "Resolution",
    Input::Select(options::resolutions),
)];
const MODIFIER: [FieldDef; 1] = [def(
    "value",
    "Quality Modifier",
    Input::Select(options::modifiers),
)];
const SIZE: [FieldDef; 2] = [
    FieldDef {
        help_text: Some("Release must be greater than this size"),
        unit: Some("GB"),
        ..def("min", "Minimum Size", Input::Number)
    },
    FieldDef {
        help_text: Some("Release must be less than or equal to this size"),
        unit: Some("GB"),
        ..def("max", "Maximum Size", Input::Number)
    },
];
const YEAR: [FieldDef; 2] = [
    def("min", "Minimum Year", Input::Number),
    def("max", "Maximum Year", Input::Number),
];

/// The fields of the implementation at `index` of `IMPLEMENTATIONS`.
pub(crate) fn definitions(index: usize) -> &'static [FieldDef] {
    match index {
        2 => &LANGUAGE,
        3 => &INDEXER_FLAG,
        4 => &SOURCE,
        5 => &RESOLUTION,
        6 => &MODIFIER,
        7 => &SIZE,
        9 => &YEAR,
        _ => &REGEX,
    }
}

/// The values of a condition, field by field, in schema order.
pub(crate) fn values(kind: &SpecKind) -> Vec<Value> {
    match kind {
        SpecKind::ReleaseTitle(p) | SpecKind::Edition(p) | SpecKind::ReleaseGroup(p) => {
            vec![Value::from(p.as_str())]
        }
        SpecKind::Language {
            language,
            except_language,
        } => vec![Value::from(language.id), Value::from(*except_language)],
        SpecKind::IndexerFlag(flag) => vec![Value::from(flag.0)],
        SpecKind::Source(source) => vec![Value::from(*source as i32)],
        SpecKind::Resolution(lines) => vec![Value::from(*lines)],
        SpecKind::QualityModifier(modifier) => vec![Value::from(*modifier as i32)],
        SpecKind::Size { min_gb, max_gb } => vec![number(*min_gb), number(*max_gb)],
        SpecKind::Year { min, max } => vec![Value::from(*min), Value::from(*max)],
    }
}

/// A double as .NET writes it: whole values without a fraction.
fn number(v: f64) -> Value {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        Value::from(v as i64)
    } else {
        Value::from(v)
    }
}

/// Reads the condition named `spec` of the implementation at `index` from
/// its fields; a missing field takes Radarr's default (empty, 0, false).
pub(crate) fn read(
    index: usize,
    spec: &str,
    fields: &[Field],
) -> Result<SpecKind, CustomFormatError> {
    let reader = Reader { spec, fields };
    Ok(match index {
        0 => SpecKind::ReleaseTitle(reader.pattern()?),
        1 => SpecKind::Edition(reader.pattern()?),
        8 => SpecKind::ReleaseGroup(reader.pattern()?),
        2 => {
            let id = reader.int("value")?;
            let language = Language::by_id(id)
                .ok_or_else(|| reader.invalid("value", format!("unknown language id {id}")))?;
            let except_language = reader.boolean("exceptLanguage")?;
            SpecKind::Language {
                language,
                except_language,
            }
        }
        3 => {
            let flag = reader.int("value")?;
            let flag = u32::try_from(flag)
                .map_err(|_| reader.invalid("value", format!("invalid indexer flag {flag}")))?;
            SpecKind::IndexerFlag(IndexerFlags(flag))
        }
        4 => {
            let v = reader.int("value")?;
            let source = QualitySource::from_value(v.into())
                .ok_or_else(|| reader.invalid("value", format!("unknown source {v}")))?;
            SpecKind::Source(source)
        }
        5 => SpecKind::Resolution(reader.int("value")?),
        6 => {
            let v = reader.int("value")?;
            let modifier = Modifier::from_value(v.into())
                .ok_or_else(|| reader.invalid("value", format!("unknown quality modifier {v}")))?;
            SpecKind::QualityModifier(modifier)
        }
        7 => SpecKind::Size {
            min_gb: reader.double("min")?,
            max_gb: reader.double("max")?,
        },
        _ => SpecKind::Year {
            min: reader.int("min")?,
            max: reader.int("max")?,
        },
    })
}

struct Reader<'a> {
    spec: &'a str,
    fields: &'a [Field],
}

impl Reader<'_> {
    fn value(&self, name: &str) -> &Value {
        self.fields
            .iter()
            .find(|f| f.name.eq_ignore_ascii_case(name))
            .map_or(&Value::Null, |f| &f.value)
    }

    fn invalid(&self, field: &str, reason: impl Into<String>) -> CustomFormatError {
        CustomFormatError::InvalidField {
            spec: self.spec.to_string(),
            field: field.to_string(),
            reason: reason.into(),
        }
    }

    fn pattern(&self) -> Result<Pattern, CustomFormatError> {
        let source = match self.value("value") {
            Value::Null => "",
            Value::String(s) => s.as_str(),
            other => {
                return Err(self.invalid(
                    "value",
                    format!("expected a regular expression, got {other}"),
                ));
            }
        };
        Pattern::new(source).map_err(|e| CustomFormatError::InvalidRegex {
            spec: self.spec.to_string(),
            pattern: source.to_string(),
            reason: e.0,
        })
    }

    // Radarr reads numbers through their text, so "5" is as good as 5.
    fn double(&self, name: &str) -> Result<f64, CustomFormatError> {
        let parsed = match self.value(name) {
            Value::Null => Some(0.0),
            Value::Number(n) => n.as_f64(),
            Value::String(s) if s.trim().is_empty() => Some(0.0),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        };
        parsed.filter(|v: &f64| v.is_finite()).ok_or_else(|| {
            self.invalid(name, format!("expected a number, got {}", self.value(name)))
        })
    }

    fn int(&self, name: &str) -> Result<i32, CustomFormatError> {
        let v = self.double(name)?;
        if v.fract() != 0.0 || v < f64::from(i32::MIN) || v > f64::from(i32::MAX) {
            return Err(self.invalid(name, format!("expected a whole number, got {v}")));
        }
        Ok(v as i32)
    }

    fn boolean(&self, name: &str) -> Result<bool, CustomFormatError> {
        match self.value(name) {
            Value::Null => Ok(false),
            Value::Bool(b) => Ok(*b),
            Value::String(s) if s.eq_ignore_ascii_case("true") => Ok(true),
            Value::String(s) if s.eq_ignore_ascii_case("false") || s.is_empty() => Ok(false),
            other => Err(self.invalid(name, format!("expected true or false, got {other}"))),
        }
    }
}
