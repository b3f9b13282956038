//! The movie's title as the title form found it, made readable: dots
//! between words become spaces but stay in abbreviations (`R.I.P.D.`,
//! `Dr.`), and alternative titles (`AKA`, `/`) are split off.

use std::sync::LazyLock;

use regex::Regex;

/// `A.K.A.` between titles, written as `AKA`.
static DOTTED_AKA: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i) +A\.K\.A\. +").expect("valid pattern"));
/// Tags in brackets before the title (`[REQ]`).
static REQUEST_TAGS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\[.+?\])+").expect("valid pattern"));
/// An alternative title in brackets: `Title (aka Other)`.
static BRACKETED_AKA: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(.*) \( *AKA +(.*)\)").expect("valid pattern"));
/// What separates alternative titles.
static AKA: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i) +(?:AKA|/) +").expect("valid pattern"));

/// The movie's title, readable.
pub(super) fn movie_name(raw: &str) -> String {
    let name = raw.replace('_', " ");
    let name = DOTTED_AKA.replace_all(&name, " AKA ");
    let name = REQUEST_TAGS.replace(&name, "");
    undotted(name.trim_matches(' '))
}

/// Dots between words become spaces; dots that end an initial (`U.N.C.L.E.`,
/// `A.I.`) or `Dr.` stay.
fn undotted(name: &str) -> String {
    let parts: Vec<&str> = name.split('.').collect();
    let mut out = String::with_capacity(name.len() + 1);
    let mut in_abbreviation = false;
    for (n, part) in parts.iter().enumerate() {
        let next = parts.get(n + 1).copied().unwrap_or("");
        let single = part.chars().count() == 1;
        let is_a = part.eq_ignore_ascii_case("a");
        let numeric = |p: &str| p.parse::<i64>().is_ok();
        let next_single_digit = next.chars().count() == 1 && numeric(next);
        let keeps_dot = if single && !is_a && !numeric(part) {
            in_abbreviation || (n + 1 < parts.len() && !next_single_digit)
        } else if is_a {
            in_abbreviation || next.chars().count() == 1
        } else {
            part.eq_ignore_ascii_case("dr")
        };
        if keeps_dot {
            out.push_str(part);
            out.push('.');
            in_abbreviation = true;
        } else {
            if in_abbreviation {
                out.push(' ');
                in_abbreviation = false;
            }
            out.push_str(part);
            out.push(' ');
        }
    }
    out.trim_matches(' ').to_string()
}

/// The title, then each alternative title it names.
pub(super) fn titles(name: &str) -> Vec<String> {
    let unbracketed = BRACKETED_AKA.replace(name, "$1 AKA $2");
    let mut titles = vec![name.to_string()];
    titles.extend(
        AKA.split(&unbracketed)
            .filter(|t| !t.trim().is_empty() && *t != name)
            .map(str::to_string),
    );
    titles
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_keep_their_dots() {
        assert_eq!(movie_name("R.I.P.D."), "R.I.P.D.");
        assert_eq!(
            movie_name("The.Movie.from.U.N.C.L.E."),
            "The Movie from U.N.C.L.E."
        );
        assert_eq!(movie_name("V.H.S.2"), "V.H.S. 2");
        assert_eq!(movie_name("A.Movie.Name."), "A Movie Name");
        assert_eq!(
            movie_name("Die.Reise.des.Dr.Dolittle"),
            "Die Reise des Dr. Dolittle"
        );
    }

    #[test]
    fn alternative_titles_are_split_off() {
        assert_eq!(
            titles("Skjegg AKA Rox Beard"),
            ["Skjegg AKA Rox Beard", "Skjegg", "Rox Beard"]
        );
        assert_eq!(titles("AKA"), ["AKA"]);
        assert_eq!(
            titles("Under Water (aka Beneath the Code)"),
            [
                "Under Water (aka Beneath the Code)",
                "Under Water",
                "Beneath the Code"
            ]
        );
    }
}
