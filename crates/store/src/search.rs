//! Turning what a user typed into the terms a full-text index can match.

/// The words of `text`, lower-case, letters and digits only, at most eight.
/// Both backends build their query from these, so no user input ever reaches
/// the query syntax of FTS5 or tsquery.
pub fn search_terms(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .take(8)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_syntax_is_dropped() {
        assert_eq!(search_terms("Matrix\" OR *:'x"), vec!["matrix", "or", "x"]);
        assert!(search_terms("  ** ").is_empty());
    }
}
