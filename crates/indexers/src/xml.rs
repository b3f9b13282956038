//! Small helpers over quick-xml shared by the caps and feed readers:
//! attributes as strings, text with HTML entities forgiven, and the
//! Newznab `<error/>` answer.

use std::borrow::Cow;

use quick_xml::events::{BytesStart, BytesText};

use crate::error::IndexerError;

/// The element's attributes, names without prefix and lower-cased, values
/// unescaped (a value that does not unescape is kept as written).
pub fn attributes(element: &BytesStart<'_>) -> Vec<(String, String)> {
    element
        .attributes()
        .with_checks(false)
        .filter_map(|a| a.ok())
        .map(|a| {
            let name = String::from_utf8_lossy(a.key.local_name().as_ref()).to_ascii_lowercase();
            let value = match a.unescape_value_with(html_entity) {
                Ok(v) => v.into_owned(),
                Err(_) => String::from_utf8_lossy(&a.value).into_owned(),
            };
            (name, value)
        })
        .collect()
}

/// The value of attribute `name` among `attrs`.
pub fn attribute<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// The element's local name, lower-cased (`newznab:attr` is `attr`).
pub fn local_name(element: &BytesStart<'_>) -> String {
    String::from_utf8_lossy(element.local_name().as_ref()).to_ascii_lowercase()
}

/// A text node's content; feeds written by PHP often hold HTML entities
/// that XML does not define, so those are read as the character they mean,
/// and anything still unreadable is kept as written rather than failing.
pub fn text(node: &BytesText<'_>) -> String {
    match node.unescape_with(html_entity) {
        Ok(text) => text.into_owned(),
        Err(_) => String::from_utf8_lossy(node.as_ref()).into_owned(),
    }
}

/// The few HTML entities feeds are seen to use.
fn html_entity(name: &str) -> Option<&'static str> {
    Some(match name {
        "lt" => "<",
        "gt" => ">",
        "amp" => "&",
        "apos" => "'",
        "quot" => "\"",
        "nbsp" => " ",
        "ndash" => "–",
        "mdash" => "—",
        "hellip" => "…",
        "copy" => "©",
        "reg" => "®",
        "trade" => "™",
        "eacute" => "é",
        "egrave" => "è",
        "uuml" => "ü",
        "ouml" => "ö",
        "auml" => "ä",
        "szlig" => "ß",
        _ => return None,
    })
}

/// The error a Newznab `<error code="…" description="…"/>` element means.
pub fn newznab_error(attrs: &[(String, String)]) -> IndexerError {
    let code = attribute(attrs, "code")
        .and_then(|c| c.trim().parse::<u16>().ok())
        .unwrap_or(900);
    let description = attribute(attrs, "description").unwrap_or("unknown error");
    IndexerError::from_newznab(code, description)
}

/// The start of `body` as text, for an error message.
pub fn sample(body: &[u8]) -> Cow<'_, str> {
    let end = body.len().min(160);
    String::from_utf8_lossy(&body[..end])
}
