//! Which formats a release or file meets, by Radarr's rule, and the score a
//! profile gives those formats.

use crate::quality_profile::FormatItem;

use super::format::CustomFormat;
use super::input::CustomFormatInput;
use super::specification::{IMPLEMENTATIONS, Specification};

/// The order a format's conditions are tried in. The answer does not depend
/// on it, so required conditions go first (one failure settles it), then each
/// group without a required one (needing one of its conditions to hold), and
/// everywhere cheap tests before regexes, and plain regexes before
/// backtracking ones.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(super) struct Plan {
    required: Box<[usize]>,
    groups: Box<[Box<[usize]>]>,
}

impl Plan {
    pub(super) fn new(specs: &[Specification]) -> Self {
        let by_cost = |mut indices: Vec<usize>| {
            indices.sort_by_key(|&i| specs[i].kind.cost());
            indices.into_boxed_slice()
        };
        let required = by_cost((0..specs.len()).filter(|&i| specs[i].required).collect());
        // A group with a required condition holds once that one does.
        let mut groups: Vec<Box<[usize]>> = (0..IMPLEMENTATIONS.len())
            .filter(|&kind| !specs.iter().any(|s| s.required && s.kind.index() == kind))
            .map(|kind| {
                by_cost(
                    (0..specs.len())
                        .filter(|&i| specs[i].kind.index() == kind)
                        .collect(),
                )
            })
            .filter(|group| !group.is_empty())
            .collect();
        groups.sort_by_key(|group| group.first().map_or(0, |&i| specs[i].kind.cost()));
        Plan {
            required,
            groups: groups.into_boxed_slice(),
        }
    }
}

impl CustomFormat {
    /// Radarr's rule: conditions are grouped by implementation; a group holds
    /// when none of its required conditions fails and at least one of its
    /// conditions holds (`negate` applied to each); the format matches when
    /// every group holds. A format without conditions matches everything,
    /// as in Radarr (which refuses to save one).
    pub fn matches(&self, input: &CustomFormatInput<'_>) -> bool {
        let specs = self.specifications();
        let holds = |&i: &usize| specs[i].is_satisfied_by(input);
        self.plan.required.iter().all(holds)
            && self.plan.groups.iter().all(|group| group.iter().any(holds))
    }
}

/// The formats `input` meets, in the order given.
pub fn matching<'f>(
    formats: &'f [CustomFormat],
    input: &CustomFormatInput<'_>,
) -> Vec<&'f CustomFormat> {
    formats.iter().filter(|f| f.matches(input)).collect()
}

/// The profile's score for these matched formats: the sum of the scores of
/// its format items whose format is among them (by id).
pub fn score(format_items: &[FormatItem], matched: &[&CustomFormat]) -> i32 {
    format_items
        .iter()
        .filter(|item| matched.iter().any(|f| f.id == item.format))
        .fold(0i32, |sum, item| sum.saturating_add(item.score))
}
