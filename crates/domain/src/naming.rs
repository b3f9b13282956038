//! The names Radarr derives from a title: clean title (for matching), sort
//! title (for ordering) and the movie's folder name.

/// Articles dropped from the front of a sort title.
const ARTICLES: [&str; 3] = ["the ", "a ", "an "];

/// The title reduced to lower-case letters and digits, without the small
/// words inside it: "The Lord of the Rings" becomes "thelordrings". The
/// parser's, so library titles and release titles clean alike.
pub fn clean_title(title: &str) -> String {
    parser::clean_movie_title(title)
}

/// The title as it sorts: lower case, without a leading article.
pub fn sort_title(title: &str) -> String {
    let lower = title.trim().to_lowercase();
    let stripped = ARTICLES
        .iter()
        .find_map(|a| lower.strip_prefix(a))
        .unwrap_or(&lower);
    stripped.trim().to_string()
}

/// The folder a movie gets under its root folder with Radarr's default
/// format, "{Movie Title} ({Release Year})", made safe for any file system.
pub fn movie_folder_name(title: &str, year: i32) -> String {
    if year > 0 {
        clean_file_name(&format!("{title} ({year})"))
    } else {
        clean_file_name(title)
    }
}

/// Replaces what file systems refuse: a colon becomes a dash (as Radarr's
/// "smart" colon replacement does), other forbidden characters are dropped,
/// and trailing dots and spaces are trimmed (Windows shares refuse them).
pub fn clean_file_name(name: &str) -> String {
    let name = name.replace(": ", " - ").replace(':', "-");
    let kept: String = name
        .chars()
        .filter(|c| !matches!(c, '<' | '>' | '"' | '/' | '\\' | '|' | '?' | '*') && !c.is_control())
        .collect();
    kept.trim().trim_end_matches(['.', ' ']).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_title_keeps_leading_article_and_drops_inner_small_words() {
        assert_eq!(clean_title("The Matrix"), "thematrix");
        assert_eq!(
            clean_title("The Lord of the Rings: The Return of the King"),
            "thelordringsreturnking"
        );
        assert_eq!(clean_title("Tom & Jerry"), "tomjerry");
        assert_eq!(clean_title("A"), "a");
    }

    #[test]
    fn sort_title_drops_leading_article_only() {
        assert_eq!(sort_title("The Matrix"), "matrix");
        assert_eq!(sort_title("An American Tail"), "american tail");
        assert_eq!(sort_title("Theatre"), "theatre");
    }

    #[test]
    fn folder_name_is_title_and_year_without_forbidden_characters() {
        assert_eq!(movie_folder_name("The Matrix", 1999), "The Matrix (1999)");
        assert_eq!(
            movie_folder_name("Star Wars: Episode IV", 1977),
            "Star Wars - Episode IV (1977)"
        );
        assert_eq!(movie_folder_name("What/If?", 0), "WhatIf");
        assert_eq!(movie_folder_name("Dots...", 2001), "Dots... (2001)");
        assert_eq!(movie_folder_name("Dots...", 0), "Dots");
    }
}
