//! The custom format itself, and its passage to and from the wire resource
//! and JSON text (the form the store keeps).

use super::error::CustomFormatError;
use super::fields::{self, Input};
use super::matching::Plan;
use super::specification::{IMPLEMENTATIONS, INFO_LINK, SpecKind, Specification};
use super::wire::{CustomFormatResource, Field, SpecificationResource};

/// A custom format: named conditions a release or file may meet, each
/// format adding its score in a quality profile when it does. Its conditions
/// are fixed when it is built, with the order matching will try them in.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomFormat {
    /// Row id; 0 before it is stored.
    pub id: i32,
    /// Display name.
    pub name: String,
    /// Whether `{Custom Formats}` in file names includes it.
    pub include_custom_format_when_renaming: bool,
    specifications: Vec<Specification>,
    pub(super) plan: Plan,
}

impl CustomFormat {
    /// A format of these conditions.
    pub fn new(
        id: i32,
        name: impl Into<String>,
        include_custom_format_when_renaming: bool,
        specifications: Vec<Specification>,
    ) -> Self {
        let plan = Plan::new(&specifications);
        CustomFormat {
            id,
            name: name.into(),
            include_custom_format_when_renaming,
            specifications,
            plan,
        }
    }

    /// Its conditions, in the order they were given.
    pub fn specifications(&self) -> &[Specification] {
        &self.specifications
    }

    /// Builds the format a resource describes, compiling every pattern once.
    /// Fails on an unknown implementation, a field of the wrong type or an
    /// unknown enum value, or a regex that does not compile, naming the
    /// condition at fault. Radarr's rules for saving are [`CustomFormat::validate`].
    pub fn from_resource(resource: &CustomFormatResource) -> Result<Self, CustomFormatError> {
        let specifications = resource
            .specifications
            .iter()
            .map(specification_from_resource)
            .collect::<Result<_, _>>()?;
        Ok(CustomFormat::new(
            resource.id,
            resource.name.clone(),
            resource.include_custom_format_when_renaming,
            specifications,
        ))
    }

    /// The resource Radarr would answer for this format (fields as an array).
    pub fn to_resource(&self) -> CustomFormatResource {
        CustomFormatResource {
            id: self.id,
            name: self.name.clone(),
            include_custom_format_when_renaming: self.include_custom_format_when_renaming,
            specifications: self
                .specifications
                .iter()
                .map(specification_resource)
                .collect(),
        }
    }

    /// Reads a format from JSON in either shape: Radarr's resource, or an
    /// exported format with `fields` as an object (extra keys such as
    /// `trash_id` are ignored).
    pub fn from_json(json: &str) -> Result<Self, CustomFormatError> {
        let resource: CustomFormatResource =
            serde_json::from_str(json).map_err(|e| CustomFormatError::Json(e.to_string()))?;
        Self::from_resource(&resource)
    }

    /// The format as JSON text in Radarr's resource shape.
    pub fn to_json(&self) -> String {
        // A resource is plain data (strings, numbers, finite floats), so
        // writing it cannot fail; an empty object would only hide a bug.
        serde_json::to_string(&self.to_resource()).unwrap_or_else(|_| String::from("{}"))
    }
}

fn specification_from_resource(
    resource: &SpecificationResource,
) -> Result<Specification, CustomFormatError> {
    let name = resource.name.clone().unwrap_or_default();
    let index = implementation_index(&resource.implementation).ok_or_else(|| {
        CustomFormatError::UnknownImplementation {
            spec: name.clone(),
            implementation: resource.implementation.clone(),
        }
    })?;
    let kind = fields::read(index, &name, &resource.fields)?;
    Ok(Specification {
        name,
        negate: resource.negate,
        required: resource.required,
        kind,
    })
}

/// The position of an implementation's class name in [`IMPLEMENTATIONS`];
/// Radarr matches the name exactly, case is forgiven here.
pub(crate) fn implementation_index(implementation: &str) -> Option<usize> {
    IMPLEMENTATIONS
        .iter()
        .position(|i| i.eq_ignore_ascii_case(implementation.trim()))
}

fn specification_resource(spec: &Specification) -> SpecificationResource {
    let index = spec.kind.index();
    SpecificationResource {
        name: Some(spec.name.clone()),
        ..template(
            index,
            fields::values(&spec.kind),
            spec.negate,
            spec.required,
        )
    }
}

/// A condition of the implementation at `index` with these field values.
pub(crate) fn template(
    index: usize,
    values: Vec<serde_json::Value>,
    negate: bool,
    required: bool,
) -> SpecificationResource {
    let fields = fields::definitions(index)
        .iter()
        .zip(values)
        .zip(0..)
        .map(|((def, value), order)| Field {
            order,
            name: def.name.to_string(),
            label: Some(def.label.to_string()),
            unit: def.unit.map(str::to_string),
            help_text: def.help_text.map(str::to_string),
            value,
            field_type: Some(input_type(def.input).to_string()),
            advanced: false,
            select_options: match def.input {
                Input::Select(options) => Some(options()),
                _ => None,
            },
            privacy: "normal".to_string(),
            // Only the size bounds are doubles in Radarr.
            is_float: index == SpecKind::SIZE_INDEX,
        })
        .collect();
    SpecificationResource {
        id: 0,
        name: None,
        implementation: IMPLEMENTATIONS[index].to_string(),
        implementation_name: Some(SpecKind::implementation_name_at(index).to_string()),
        info_link: Some(INFO_LINK.to_string()),
        negate,
        required,
        fields,
        presets: None,
    }
}

fn input_type(input: Input) -> &'static str {
    match input {
        Input::Textbox => "textbox",
        Input::Number => "number",
        Input::Checkbox => "checkbox",
        Input::Select(_) => "select",
    }
}
