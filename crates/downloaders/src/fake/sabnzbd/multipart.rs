//! Just enough `multipart/form-data` reading for the fake SABnzbd's
//! `addfile`: each part's field name, file name and bytes.

/// One part of a form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Part {
    /// The form field's name.
    pub name: String,
    /// The uploaded file's name, for a file part.
    pub file_name: Option<String>,
    /// Its content.
    pub data: Vec<u8>,
}

/// The parts of a body sent with `content_type`; `None` when it is not a
/// multipart form or has no boundary.
pub(super) fn parse(content_type: &str, body: &[u8]) -> Option<Vec<Part>> {
    if !content_type
        .trim_start()
        .to_ascii_lowercase()
        .starts_with("multipart/form-data")
    {
        return None;
    }
    let boundary = content_type
        .split(';')
        .filter_map(|p| p.trim().strip_prefix("boundary="))
        .next()?
        .trim_matches('"');
    let delimiter = format!("--{boundary}").into_bytes();
    let mut parts = Vec::new();
    let mut at = find(body, &delimiter, 0)? + delimiter.len();
    loop {
        if body[at..].starts_with(b"--") {
            return Some(parts); // the closing delimiter
        }
        let start = at
            + if body[at..].starts_with(b"\r\n") {
                2
            } else {
                0
            };
        let next = find(body, &delimiter, start)?;
        let headers_end = find(&body[..next], b"\r\n\r\n", start)?;
        let headers = String::from_utf8_lossy(&body[start..headers_end]);
        // The part's content ends with the line break before the delimiter.
        let data_end = if body[..next].ends_with(b"\r\n") {
            next - 2
        } else {
            next
        };
        let data = body[(headers_end + 4).min(data_end)..data_end].to_vec();
        let disposition = headers
            .lines()
            .find(|l| l.to_ascii_lowercase().starts_with("content-disposition:"))
            .unwrap_or_default();
        parts.push(Part {
            name: attribute(disposition, "name").unwrap_or_default(),
            file_name: attribute(disposition, "filename"),
            data,
        });
        at = next + delimiter.len();
    }
}

/// The value of `key="…"` in a header's parameters.
fn attribute(header: &str, key: &str) -> Option<String> {
    header.split(';').find_map(|p| {
        let (name, value) = p.trim().split_once('=')?;
        (name.trim() == key).then(|| value.trim().trim_matches('"').to_string())
    })
}

/// Where `needle` first occurs in `haystack` from `from` on.
fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_and_files_are_read() {
        let body = b"--XyZ\r\n\
            Content-Disposition: form-data; name=\"cat\"\r\n\r\n\
            movies\r\n\
            --XyZ\r\n\
            Content-Disposition: form-data; name=\"name\"; filename=\"A.Movie.nzb\"\r\n\
            Content-Type: application/x-nzb\r\n\r\n\
            <nzb>\r\n</nzb>\r\n\
            --XyZ--\r\n";
        let parts = parse("multipart/form-data; boundary=XyZ", body);
        assert_eq!(
            parts,
            Some(vec![
                Part {
                    name: "cat".into(),
                    file_name: None,
                    data: b"movies".to_vec(),
                },
                Part {
                    name: "name".into(),
                    file_name: Some("A.Movie.nzb".into()),
                    data: b"<nzb>\r\n</nzb>".to_vec(),
                },
            ])
        );
    }

    #[test]
    fn other_bodies_are_not_forms() {
        assert_eq!(parse("application/json", b"{}"), None);
        assert_eq!(
            parse("multipart/form-data", b"--x\r\n"),
            None,
            "no boundary"
        );
        assert_eq!(
            parse("multipart/form-data; boundary=x", b"--x\r\nbroken"),
            None
        );
    }
}
