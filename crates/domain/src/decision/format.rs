//! How values read inside rejection messages, written as Radarr's `ToString`s
//! write them, so the reasons read the same as Radarr's.

use crate::movie::{Movie, MovieStatus};
use crate::quality::{QualityModel, Revision};
use crate::quality_profile::{ProfileItem, QualityProfile};
use crate::release::IndexerFlags;

const SIZE_SUFFIXES: [&str; 7] = ["B", "KB", "MB", "GB", "TB", "PB", "EB"];

/// Bytes as Radarr's `SizeSuffix`: `0 B`, `512.0 B`, `1.5 GB`, `1,023.9 MB`.
pub fn size_suffix(bytes: i64) -> String {
    if bytes < 0 {
        return format!("-{}", size_suffix(bytes.saturating_neg()));
    }
    if bytes == 0 {
        return "0 B".to_string();
    }
    let mut magnitude = 0;
    let mut unit: i64 = 1;
    while magnitude + 1 < SIZE_SUFFIXES.len() && bytes / unit >= 1024 {
        unit *= 1024;
        magnitude += 1;
    }
    let adjusted = format!("{:.1}", bytes as f64 / unit as f64);
    format!(
        "{} {}",
        group_thousands(&adjusted),
        SIZE_SUFFIXES[magnitude]
    )
}

/// `1023.9` → `1,023.9`, as .NET's `n` format groups digits.
fn group_thousands(number: &str) -> String {
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    let mut grouped = String::with_capacity(number.len() + 4);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    if !fraction.is_empty() {
        grouped.push('.');
        grouped.push_str(fraction);
    }
    grouped
}

/// MB (as settings and definitions give sizes) to bytes.
pub fn megabytes(mb: f64) -> i64 {
    // Float to int saturates in Rust, so absurd settings cannot wrap around.
    (mb * 1024.0 * 1024.0) as i64
}

/// A revision as Radarr writes it: `v2`, or `v2 Real:1`.
pub fn revision(rev: &Revision) -> String {
    if rev.real > 0 {
        format!("v{} Real:{}", rev.version, rev.real)
    } else {
        format!("v{}", rev.version)
    }
}

/// A quality with its revision: `Bluray-1080p v1`.
pub fn quality_model(q: &QualityModel) -> String {
    format!("{} {}", q.quality.name, revision(&q.revision))
}

/// A profile item: its group name or its quality's name.
pub fn item_name(item: Option<&ProfileItem>) -> String {
    match item {
        Some(ProfileItem {
            quality: Some(q), ..
        }) => q.name.to_string(),
        Some(item) => item.name.clone().unwrap_or_default(),
        None => String::new(),
    }
}

/// A movie as Radarr's `Movie.ToString`: `[tt0133093][The Matrix (1999)]`.
pub fn movie(m: &Movie) -> String {
    let imdb = m.imdb_id.as_deref().unwrap_or("");
    format!("[{imdb}][{} ({})]", m.title, m.year)
}

/// A status by its .NET enum name, e.g. `InCinemas`.
pub fn status_name(status: MovieStatus) -> &'static str {
    match status {
        MovieStatus::Deleted => "Deleted",
        MovieStatus::Tba => "TBA",
        MovieStatus::Announced => "Announced",
        MovieStatus::InCinemas => "InCinemas",
        MovieStatus::Released => "Released",
    }
}

/// Flags as a .NET flags enum prints them: names joined by `, `, or `0`.
pub fn flags(f: IndexerFlags) -> String {
    if f.0 == 0 {
        return "0".to_string();
    }
    let names: Vec<&str> = IndexerFlags::NAMES
        .iter()
        .enumerate()
        .filter(|(bit, _)| f.0 & (1 << bit) != 0)
        .map(|(_, name)| *name)
        .collect();
    if names.is_empty() {
        f.0.to_string()
    } else {
        names.join(", ")
    }
}

/// The names of custom formats by id, from the profile's format items,
/// joined as Radarr's `ConcatToString` joins them.
pub fn format_names(ids: &[i32], profile: &QualityProfile) -> String {
    let names: Vec<String> = ids
        .iter()
        .map(|id| {
            profile
                .format_items
                .iter()
                .find(|f| f.format == *id)
                .map_or_else(|| id.to_string(), |f| f.name.clone())
        })
        .collect();
    names.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quality::Quality;

    #[test]
    fn sizes_read_as_radarrs_size_suffix() {
        assert_eq!(size_suffix(0), "0 B");
        assert_eq!(size_suffix(512), "512.0 B");
        assert_eq!(size_suffix(1536), "1.5 KB");
        assert_eq!(size_suffix(1_073_741_824), "1.0 GB");
        assert_eq!(
            size_suffix(1023 * 1024 * 1024 + 900 * 1024 * 1024),
            "1.9 GB"
        );
        assert_eq!(size_suffix(1_048_470_528), "999.9 MB");
        assert_eq!(size_suffix(1_073_741_823), "1,024.0 MB");
        assert_eq!(size_suffix(-2048), "-2.0 KB");
    }

    #[test]
    fn qualities_revisions_and_flags_read_as_radarr_writes_them() {
        let mut q = QualityModel::new(Quality::BLURAY_1080P);
        assert_eq!(quality_model(&q), "Bluray-1080p v1");
        q.revision.version = 2;
        q.revision.real = 1;
        assert_eq!(quality_model(&q), "Bluray-1080p v2 Real:1");
        let f = IndexerFlags::FREELEECH.with(IndexerFlags::PTP_GOLDEN);
        assert_eq!(flags(f), "G_Freeleech, PTP_Golden");
        assert_eq!(flags(IndexerFlags(0)), "0");
    }
}
