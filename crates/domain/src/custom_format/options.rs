//! The choices of the schema's select fields, with Radarr's values and the
//! names its schema gives them (enum member names, `_` read as a space).

use crate::language::Language;
use crate::quality::{Modifier, QualitySource};

use super::wire::SelectOption;

/// Radarr's `Resolution` members: name and lines.
pub const RESOLUTIONS: [(&str, i32); 8] = [
    ("Unknown", 0),
    ("R360p", 360),
    ("R480p", 480),
    ("R540p", 540),
    ("R576p", 576),
    ("R720p", 720),
    ("R1080p", 1080),
    ("R2160p", 2160),
];

/// Radarr's `IndexerFlags` members: name and bit. 32 is `G_Internal` in
/// Radarr (the release model calls it HDB internal); 64 and 1024 are
/// obsolete in Radarr but still listed.
pub const INDEXER_FLAGS: [(&str, u32); 12] = [
    ("G Freeleech", 1),
    ("G Halfleech", 2),
    ("G DoubleUpload", 4),
    ("PTP Golden", 8),
    ("PTP Approved", 16),
    ("G Internal", 32),
    ("AHD Internal", 64),
    ("G Scene", 128),
    ("G Freeleech75", 256),
    ("G Freeleech25", 512),
    ("AHD UserRelease", 1024),
    ("Nuked", 2048),
];

/// An enum member's option: its order is its value, as Radarr sorts them.
fn option(name: &str, value: i32) -> SelectOption {
    SelectOption {
        value,
        name: name.to_string(),
        order: value,
        hint: None,
        divider_after: false,
    }
}

/// Radarr's `QualitySource` members (`UNKNOWN` … `BLURAY`).
pub fn sources() -> Vec<SelectOption> {
    QualitySource::ALL
        .iter()
        .map(|s| option(&s.as_str().to_uppercase(), *s as i32))
        .collect()
}

/// Radarr's `Modifier` members (`NONE` … `REMUX`).
pub fn modifiers() -> Vec<SelectOption> {
    Modifier::ALL
        .iter()
        .map(|m| option(&m.as_str().to_uppercase(), *m as i32))
        .collect()
}

/// Radarr's `Resolution` members.
pub fn resolutions() -> Vec<SelectOption> {
    RESOLUTIONS.iter().map(|(n, v)| option(n, *v)).collect()
}

/// Radarr's `IndexerFlags` members.
pub fn indexer_flags() -> Vec<SelectOption> {
    INDEXER_FLAGS
        .iter()
        .map(|(n, v)| option(n, i32::try_from(*v).unwrap_or(i32::MAX)))
        .collect()
}

/// Every language, Any, Original and Unknown first, then by name; Radarr's
/// language converter gives no order of its own (0 for each).
pub fn languages() -> Vec<SelectOption> {
    Language::api_order()
        .into_iter()
        .map(|l| SelectOption {
            order: 0,
            ..option(l.name, l.id)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_values_are_radarrs() {
        let sources = sources();
        assert_eq!(sources.len(), 10);
        assert_eq!((sources[7].name.as_str(), sources[7].value), ("WEBDL", 7));
        assert_eq!((sources[9].name.as_str(), sources[9].value), ("BLURAY", 9));
        let modifiers = modifiers();
        assert_eq!(
            (modifiers[5].name.as_str(), modifiers[5].value),
            ("REMUX", 5)
        );
        assert_eq!(resolutions()[7].value, 2160);
        let flags = indexer_flags();
        assert_eq!((flags[3].name.as_str(), flags[3].value), ("PTP Golden", 8));
        let languages = languages();
        assert_eq!(languages.len(), Language::ALL.len());
        let first: Vec<&str> = languages.iter().take(3).map(|o| o.name.as_str()).collect();
        assert_eq!(first, ["Any", "Original", "Unknown"]);
    }
}
