//! Trailing commas, which System.Text.Json accepts and serde_json refuses.

use std::borrow::Cow;

pub(super) fn is_json_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// Blanks (rather than removes, so error columns stay true) each comma outside strings that
/// follows a value and comes right before `}` or `]`. A comma after `[`, `{`, `:` or another
/// comma is left for the parser to reject, as System.Text.Json rejects `[1,,]`.
pub(super) fn strip_trailing_commas(bytes: &[u8]) -> Cow<'_, [u8]> {
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
