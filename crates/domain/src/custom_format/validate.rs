//! Radarr's rules for saving a custom format, beyond what building one
//! already checks (patterns compile, values are known). The name's
//! uniqueness needs the store and is the caller's to check.

use super::error::Violation;
use super::format::CustomFormat;
use super::options::INDEXER_FLAGS;
use super::specification::SpecKind;

impl CustomFormat {
    /// Every rule Radarr's `POST`/`PUT /customformat` would refuse this
    /// format for, with Radarr's messages; empty when it may be saved.
    pub fn validate(&self) -> Vec<Violation> {
        let mut out = Vec::new();
        if self.name.trim().is_empty() {
            out.push(Violation::new("Name", "'Name' must not be empty."));
        }
        if self.specifications().is_empty() {
            out.push(Violation::new("", "Must contain at least one Condition"));
        }
        if self
            .specifications()
            .iter()
            .any(|s| s.name.trim().is_empty())
        {
            out.push(Violation::new(
                "",
                "Condition name(s) cannot be empty or consist of only spaces",
            ));
        }
        for spec in self.specifications() {
            check_kind(&spec.kind, &mut out);
        }
        out
    }
}

fn check_kind(kind: &SpecKind, out: &mut Vec<Violation>) {
    let empty = || Violation::new("Value", "'Value' must not be empty.");
    match kind {
        SpecKind::ReleaseTitle(p) | SpecKind::Edition(p) | SpecKind::ReleaseGroup(p) => {
            if p.is_blank() {
                out.push(Violation::new("Value", "Regex Pattern must not be empty"));
            }
        }
        SpecKind::Language { .. } => {}
        SpecKind::IndexerFlag(flag) => {
            if flag.0 == 0 {
                out.push(empty());
            }
            if !INDEXER_FLAGS.iter().any(|(_, bit)| *bit == flag.0) {
                out.push(Violation::new(
                    "Value",
                    format!("Invalid indexer flag condition value: {}", flag.0),
                ));
            }
        }
        SpecKind::Source(source) if *source as i32 == 0 => out.push(empty()),
        SpecKind::QualityModifier(modifier) if *modifier as i32 == 0 => out.push(empty()),
        SpecKind::Resolution(0) => out.push(empty()),
        SpecKind::Source(_) | SpecKind::QualityModifier(_) | SpecKind::Resolution(_) => {}
        SpecKind::Size { min_gb, max_gb } => {
            if *min_gb < 0.0 {
                out.push(Violation::new(
                    "Min",
                    "'Min' must be greater than or equal to '0'.",
                ));
            }
            if max_gb <= min_gb {
                out.push(Violation::new(
                    "Max",
                    format!("'Max' must be greater than '{min_gb}'."),
                ));
            }
        }
        SpecKind::Year { min, max } => {
            if *min <= 0 {
                out.push(Violation::new("Min", "'Min' must be greater than '0'."));
            }
            if max < min {
                out.push(Violation::new(
                    "Max",
                    format!("'Max' must be greater than or equal to '{min}'."),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(json: &str) -> Vec<String> {
        let format = CustomFormat::from_json(json).unwrap();
        format.validate().into_iter().map(|v| v.message).collect()
    }

    #[test]
    fn a_sound_format_passes() {
        let json = r#"{"name":"x265","specifications":[{"name":"x265","implementation":"ReleaseTitleSpecification","fields":{"value":"x265"}}]}"#;
        assert!(messages(json).is_empty());
    }

    #[test]
    fn radarrs_save_rules_are_reported() {
        assert_eq!(
            messages(r#"{"name":" ","specifications":[]}"#),
            [
                "'Name' must not be empty.",
                "Must contain at least one Condition"
            ]
        );
        let json = r#"{"name":"f","specifications":[
            {"name":"","implementation":"ReleaseTitleSpecification","fields":{"value":""}},
            {"name":"s","implementation":"SourceSpecification","fields":{"value":0}},
            {"name":"z","implementation":"SizeSpecification","fields":{"min":5,"max":2}},
            {"name":"y","implementation":"YearSpecification","fields":{"min":2000,"max":1990}},
            {"name":"i","implementation":"IndexerFlagSpecification","fields":{"value":3}}]}"#;
        assert_eq!(
            messages(json),
            [
                "Condition name(s) cannot be empty or consist of only spaces",
                "Regex Pattern must not be empty",
                "'Value' must not be empty.",
                "'Max' must be greater than '5'.",
                "'Max' must be greater than or equal to '2000'.",
                "Invalid indexer flag condition value: 3",
            ]
        );
    }
}
