//! Radarr's `ProviderResource`: a provider with its settings as `fields`,
//! secrets masked, and the switches of its kind beside them; and the reading
//! of one a client sends back.

use domain::provider::{FieldSpec, MASKED, Privacy, Provider, ProviderKind};
use serde_json::{Map, Value, json};

use super::{Implementation, Switches};
use crate::error::{ApiError, ApiResult, ValidationFailure};

/// One setting as Radarr writes it in `fields`.
fn field(order: usize, spec: &FieldSpec, value: Value) -> Value {
    let mut field = json!({
        "order": order,
        "name": spec.name,
        "label": spec.label,
        "value": value,
        "type": spec.input,
        "advanced": spec.advanced,
        "privacy": spec.privacy,
        "isFloat": spec.is_float,
    });
    if let Some(help) = spec.help_text {
        field["helpText"] = json!(help);
    }
    if let Some(unit) = spec.unit {
        field["unit"] = json!(unit);
    }
    if let Some(action) = spec.select_options_provider_action {
        field["selectOptionsProviderAction"] = json!(action);
    }
    if !spec.select_options.is_empty() {
        field["selectOptions"] = spec
            .select_options
            .iter()
            .enumerate()
            .map(|(order, (value, name))| json!({"value": value, "name": name, "order": order}))
            .collect();
    }
    field
}

/// A setting's value as it may be read back: a secret that is set reads as
/// [`MASKED`].
fn shown(spec: &FieldSpec, value: &Value) -> Value {
    let secret = spec.privacy != Privacy::Normal && spec.privacy != Privacy::UserName;
    let set = value.as_str().is_some_and(|s| !s.is_empty());
    if secret && set {
        json!(MASKED)
    } else {
        value.clone()
    }
}

/// The resource of a stored provider.
pub fn render(provider: &Provider, implementation: &Implementation) -> Value {
    let fields: Vec<Value> = implementation
        .fields
        .iter()
        .enumerate()
        .map(|(order, spec)| {
            let value = provider.settings.get(spec.name).unwrap_or(&spec.default);
            field(order, spec, shown(spec, value))
        })
        .collect();
    let mut resource = Map::new();
    resource.insert("name".into(), json!(provider.name));
    resource.insert("fields".into(), Value::Array(fields));
    describe(&mut resource, implementation);
    resource.insert("tags".into(), json!(provider.tags));
    resource.extend(provider.options.clone());
    resource.insert("id".into(), json!(provider.id));
    Value::Object(resource)
}

fn describe(resource: &mut Map<String, Value>, implementation: &Implementation) {
    resource.insert(
        "implementationName".into(),
        json!(implementation.implementation_name),
    );
    resource.insert(
        "implementation".into(),
        json!(implementation.implementation),
    );
    resource.insert(
        "configContract".into(),
        json!(implementation.config_contract),
    );
    resource.insert("infoLink".into(), json!(implementation.info_link));
    resource.insert("protocol".into(), json!(implementation.protocol));
}

/// The template `/schema` gives for an implementation: every setting at its
/// default, the kind's switches at theirs.
pub fn template(implementation: &Implementation, switches: &Switches) -> Value {
    let fields: Vec<Value> = implementation
        .fields
        .iter()
        .enumerate()
        .map(|(order, spec)| field(order, spec, spec.default.clone()))
        .collect();
    let mut resource = switches.read(&Map::new());
    resource.insert("fields".into(), Value::Array(fields));
    describe(&mut resource, implementation);
    resource.insert("tags".into(), json!([]));
    resource.insert("presets".into(), json!([]));
    Value::Object(resource)
}

/// The provider a body describes. A secret sent back masked keeps the stored
/// one; a setting not sent keeps the stored value, else the default.
pub fn read(
    kind: ProviderKind,
    body: &Value,
    catalog: &[Implementation],
    switches: &Switches,
    stored: Option<&Provider>,
) -> ApiResult<(Provider, usize)> {
    let Value::Object(body) = body else {
        return Err(ApiError::BadRequest(
            "The body must be a JSON object".into(),
        ));
    };
    let text = |key: &str| {
        body.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .and_then(|(_, v)| v.as_str())
            .map(str::trim)
            .unwrap_or("")
            .to_string()
    };
    let implementation_name = text("implementation");
    let Some(at) = catalog
        .iter()
        .position(|i| i.implementation.eq_ignore_ascii_case(&implementation_name))
    else {
        return Err(ApiError::invalid(
            "Implementation",
            format!("Unknown implementation '{implementation_name}'"),
            "PredicateValidator",
        ));
    };
    let implementation = &catalog[at];
    let mut failures = Vec::new();
    let name = text("name");
    if name.is_empty() {
        failures.push(ValidationFailure::new(
            "Name",
            "'Name' must not be empty.",
            "NotEmptyValidator",
        ));
    }
    let given = given_fields(body);
    let mut settings = Map::new();
    for spec in &implementation.fields {
        let previous = stored.and_then(|p| p.settings.get(spec.name));
        let value = match given.get(&spec.name.to_ascii_lowercase()) {
            Some(Value::String(s)) if s == MASKED => previous.cloned().unwrap_or(Value::Null),
            Some(value) if !value.is_null() => value.clone(),
            _ => previous.cloned().unwrap_or_else(|| spec.default.clone()),
        };
        let blank = value.is_null() || value.as_str().is_some_and(|s| s.trim().is_empty());
        if spec.required && blank {
            failures.push(ValidationFailure::new(
                &pascal(spec.name),
                format!("'{}' must not be empty.", spec.label),
                "NotEmptyValidator",
            ));
        }
        settings.insert(spec.name.to_string(), value);
    }
    if !failures.is_empty() {
        return Err(ApiError::Validation(failures));
    }
    let tags = body
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("tags"))
        .and_then(|(_, v)| v.as_array())
        .map(|tags| {
            tags.iter()
                .filter_map(|t| t.as_i64().and_then(|t| i32::try_from(t).ok()))
                .collect()
        })
        .unwrap_or_default();
    let provider = Provider {
        id: stored.map_or(0, |p| p.id),
        kind,
        name,
        implementation: implementation.implementation.to_string(),
        config_contract: implementation.config_contract.to_string(),
        settings,
        options: switches.read(body),
        tags,
    };
    Ok((provider, at))
}

/// The `fields` a body sends, by lower-cased name.
fn given_fields(body: &Map<String, Value>) -> Map<String, Value> {
    body.iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("fields"))
        .and_then(|(_, v)| v.as_array())
        .map(|fields| {
            fields
                .iter()
                .filter_map(|f| {
                    let name = f.get("name")?.as_str()?.to_ascii_lowercase();
                    Some((name, f.get("value").cloned().unwrap_or(Value::Null)))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// A setting's name as Radarr names its property in validation failures,
/// each part of a nested name capitalised: `torrentFolder` → `TorrentFolder`,
/// `seedCriteria.seedRatio` → `SeedCriteria.SeedRatio`.
pub fn pascal(name: &str) -> String {
    name.split('.')
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(".")
}

#[cfg(test)]
mod tests {
    use super::pascal;

    #[test]
    fn property_names_capitalise_each_part() {
        assert_eq!(pascal("baseUrl"), "BaseUrl");
        assert_eq!(pascal("seedCriteria.seedRatio"), "SeedCriteria.SeedRatio");
        assert_eq!(pascal(""), "");
    }
}
