//! Reading a posted command's fields: keys in any case, as Radarr binds them.

use serde_json::{Map, Value};

use crate::error::{ApiError, ApiResult, ValidationFailure};

/// Fields every Radarr command has; they describe the command rather than
/// say what it should do, so they are not part of its own fields.
const COMMON_FIELDS: &[&str] = &[
    "name",
    "sendUpdatesToClient",
    "updateScheduledTask",
    "completionMessage",
    "requiresDiskAccess",
    "isExclusive",
    "isTypeExclusive",
    "isLongRunning",
    "lastExecutionTime",
    "lastStartTime",
    "trigger",
    "suppressMessages",
    "clientUserAgent",
];

/// The field named `name`, whatever its case.
pub fn get<'a>(given: &'a Map<String, Value>, name: &str) -> Option<&'a Value> {
    given.get(name).or_else(|| {
        given
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value)
    })
}

/// Every field but the common ones, as given.
pub fn own_fields(given: &Map<String, Value>) -> Map<String, Value> {
    given
        .iter()
        .filter(|(key, _)| !COMMON_FIELDS.iter().any(|c| c.eq_ignore_ascii_case(key)))
        .map(|(key, value)| (key.clone(), value.clone()))
        .collect()
}

/// Radarr's name for a field in a validation failure: `movieIds` is
/// `MovieIds`.
fn property_name(field: &str) -> String {
    let mut chars = field.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

fn invalid(field: &str, what: &str, value: &Value) -> ApiError {
    let property = property_name(field);
    ApiError::Validation(vec![
        ValidationFailure::new(
            &property,
            format!("'{property}' must be {what}."),
            "InvalidValueValidator",
        )
        .attempted(value),
    ])
}

/// A list of ids, sorted and each once; empty when absent or null.
pub fn ids(given: &Map<String, Value>, field: &str) -> ApiResult<Vec<i32>> {
    let value = match get(given, field) {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(value) => value,
    };
    let mut ids = value
        .as_array()
        .and_then(|items| {
            items
                .iter()
                .map(|id| id.as_i64().and_then(|id| i32::try_from(id).ok()))
                .collect::<Option<Vec<i32>>>()
        })
        .ok_or_else(|| invalid(field, "a list of ids", value))?;
    ids.sort_unstable();
    ids.dedup();
    Ok(ids)
}

/// A list of ids that must not be empty; `label` is its name in words.
pub fn required_ids(given: &Map<String, Value>, field: &str, label: &str) -> ApiResult<Vec<i32>> {
    let ids = ids(given, field)?;
    if ids.is_empty() {
        return Err(ApiError::invalid(
            &property_name(field),
            format!("'{label}' must not be empty."),
            "NotEmptyValidator",
        ));
    }
    Ok(ids)
}

/// An id field, if given (absent, null or 0 is none).
pub fn id(given: &Map<String, Value>, field: &str) -> ApiResult<Option<i32>> {
    match get(given, field) {
        None | Some(Value::Null) => Ok(None),
        Some(value) => match value.as_i64().map(i32::try_from) {
            Some(Ok(0)) => Ok(None),
            Some(Ok(id)) => Ok(Some(id)),
            _ => Err(invalid(field, "an id", value)),
        },
    }
}

/// A text field, if given and not blank.
pub fn text(given: &Map<String, Value>, field: &str) -> ApiResult<Option<String>> {
    match get(given, field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) if text.trim().is_empty() => Ok(None),
        Some(Value::String(text)) => Ok(Some(text.clone())),
        Some(value) => Err(invalid(field, "text", value)),
    }
}

/// A true or false field; `false` when absent or null.
pub fn flag(given: &Map<String, Value>, field: &str) -> ApiResult<bool> {
    match get(given, field) {
        None | Some(Value::Null) => Ok(false),
        Some(Value::Bool(b)) => Ok(*b),
        Some(value) => Err(invalid(field, "true or false", value)),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn map(value: Value) -> Map<String, Value> {
        value.as_object().cloned().unwrap_or_default()
    }

    #[test]
    fn fields_are_found_in_any_case() {
        let given = map(json!({"MovieIDs": [3, 1, 3], "isnewmovie": true}));
        assert_eq!(ids(&given, "movieIds").ok(), Some(vec![1, 3]));
        assert_eq!(flag(&given, "isNewMovie").ok(), Some(true));
        assert_eq!(ids(&map(json!({})), "movieIds").ok(), Some(vec![]));
        assert_eq!(
            ids(&map(json!({"movieIds": null})), "movieIds").ok(),
            Some(vec![])
        );
    }

    #[test]
    fn wrong_types_name_the_field() {
        for bad in [
            json!({"movieIds": "1"}),
            json!({"movieIds": [1.5]}),
            json!({"movieIds": [1e12]}),
        ] {
            match ids(&map(bad), "movieIds") {
                Err(ApiError::Validation(failures)) => {
                    assert_eq!(failures[0].property_name, "MovieIds");
                }
                other => panic!("expected a validation failure, got {other:?}"),
            }
        }
        assert!(flag(&map(json!({"isNewMovie": "yes"})), "isNewMovie").is_err());
        assert!(id(&map(json!({"movieId": "7"})), "movieId").is_err());
        assert!(text(&map(json!({"path": 7})), "path").is_err());
    }

    #[test]
    fn an_id_and_a_text_are_read_and_blank_is_none() {
        assert_eq!(
            id(&map(json!({"MovieId": 7})), "movieId").ok(),
            Some(Some(7))
        );
        assert_eq!(id(&map(json!({"movieId": 0})), "movieId").ok(), Some(None));
        assert_eq!(id(&map(json!({})), "movieId").ok(), Some(None));
        assert_eq!(
            text(&map(json!({"path": "/d"})), "path").ok(),
            Some(Some("/d".to_string()))
        );
        assert_eq!(text(&map(json!({"path": " "})), "path").ok(), Some(None));
    }

    #[test]
    fn common_fields_are_not_the_commands_own() {
        let given = map(json!({"name": "RssSync", "Trigger": "manual", "path": "/downloads"}));
        assert_eq!(own_fields(&given), map(json!({"path": "/downloads"})));
    }
}
