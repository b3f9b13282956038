//! Keeping a profile's custom-format scores in step with the formats that
//! exist: Radarr lists every format in every profile, a new one first at
//! score 0, and drops a deleted one.

use super::{FormatItem, QualityProfile};

impl QualityProfile {
    /// Lists exactly `formats` (id and name, in the order they were added):
    /// entries of formats that no longer exist are dropped, names follow the
    /// formats', and formats the profile lacks are put first at score 0, the
    /// newest first, as Radarr adds them. When that leaves no entries where
    /// there were some, the format-score thresholds return to 0, since no
    /// score could reach them. Returns whether anything changed.
    pub fn sync_format_items(&mut self, formats: &[(i32, String)]) -> bool {
        let before = self.format_items.clone();
        self.format_items
            .retain(|item| formats.iter().any(|(id, _)| *id == item.format));
        for item in &mut self.format_items {
            if let Some((_, name)) = formats.iter().find(|(id, _)| *id == item.format) {
                item.name.clone_from(name);
            }
        }
        let missing: Vec<FormatItem> = formats
            .iter()
            .rev()
            .filter(|(id, _)| !before.iter().any(|item| item.format == *id))
            .map(|(id, name)| FormatItem {
                format: *id,
                name: name.clone(),
                score: 0,
            })
            .collect();
        self.format_items.splice(0..0, missing);
        if self.format_items.is_empty() && !before.is_empty() {
            self.min_format_score = 0;
            self.cutoff_format_score = 0;
        }
        self.format_items != before
    }

    /// The format ids of entries naming none of `known`, in entry order.
    pub fn unknown_formats(&self, known: &[i32]) -> Vec<i32> {
        self.format_items
            .iter()
            .map(|item| item.format)
            .filter(|id| !known.contains(id))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(format: i32, name: &str, score: i32) -> FormatItem {
        FormatItem {
            format,
            name: name.into(),
            score,
        }
    }

    fn formats(list: &[(i32, &str)]) -> Vec<(i32, String)> {
        list.iter().map(|(id, n)| (*id, n.to_string())).collect()
    }

    #[test]
    fn new_formats_come_first_at_zero_and_old_ones_keep_their_scores() {
        let mut p = QualityProfile {
            format_items: vec![item(1, "x264", 10)],
            ..QualityProfile::default()
        };
        assert!(p.sync_format_items(&formats(&[(1, "x264"), (2, "x265"), (3, "LQ")])));
        assert_eq!(
            p.format_items,
            [item(3, "LQ", 0), item(2, "x265", 0), item(1, "x264", 10)]
        );
        assert!(!p.sync_format_items(&formats(&[(1, "x264"), (2, "x265"), (3, "LQ")])));
    }

    #[test]
    fn deleted_formats_go_and_renamed_ones_follow() {
        let mut p = QualityProfile {
            format_items: vec![item(1, "x264", 10), item(2, "old", -5)],
            min_format_score: 5,
            cutoff_format_score: 10,
            ..QualityProfile::default()
        };
        assert!(p.sync_format_items(&formats(&[(2, "new")])));
        assert_eq!(p.format_items, [item(2, "new", -5)]);
        assert_eq!((p.min_format_score, p.cutoff_format_score), (5, 10));
        assert!(p.sync_format_items(&[]));
        assert!(p.format_items.is_empty());
        assert_eq!((p.min_format_score, p.cutoff_format_score), (0, 0));
    }

    #[test]
    fn unknown_formats_are_named() {
        let p = QualityProfile {
            format_items: vec![item(1, "a", 0), item(7, "b", 0), item(9, "c", 0)],
            ..QualityProfile::default()
        };
        assert_eq!(p.unknown_formats(&[1, 2]), [7, 9]);
    }
}
