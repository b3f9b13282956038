//! A whole release title read: where the movie's title ends and its year
//! begins (`forms`), then everything else the title says, each part read
//! by its own parser.

mod chars;
mod forms;
mod name;
mod prepare;

pub use prepare::simplify_release_title;

use std::sync::LazyLock;

use regex::Regex;

use crate::edition::parse_edition;
use crate::ids::{parse_imdb_id, parse_tmdb_id};
use crate::language_parser::parse_languages;
use crate::parsed::ParsedMovieInfo;
use crate::quality_parser::parse_quality;
use crate::release_group::parse_release_group;
use crate::text::bounded;

/// Reads a release title or file name; `None` when it names no movie (a
/// hash, an obfuscated name, garbage). With `is_dir`, folder names that
/// put the year first are read too.
pub fn parse_movie_title(title: &str, is_dir: bool) -> Option<ParsedMovieInfo> {
    let original = bounded(title);
    if !prepare::can_name_a_movie(original) {
        return None;
    }
    let title = prepare::unreversed(original);
    let release_title = prepare::release_title(&title);
    let simple = prepare::simple_title(&release_title);
    let found = forms::find(&simple, is_dir)?;

    let movie_name = name::movie_name(&found.title);
    let simple_release_title = prepare::simplify_release_title(&release_title);
    // The movie's title is taken out before the rest is read, so words in
    // it ("The Good German") are not read as a language or a group.
    let stand_in = if found.title.contains('.') {
        "A.Movie"
    } else {
        "A Movie"
    };
    let without_title = if found.title.trim().is_empty() {
        simple_release_title.clone()
    } else {
        simple_release_title.replace(&found.title, stand_in)
    };
    let release_group = found
        .subgroup
        .clone()
        .or_else(|| parse_release_group(&without_title));
    let language_title = match &release_group {
        Some(group) if !group.trim().is_empty() => without_title.replace(group.as_str(), "RlsGrp"),
        _ => without_title.clone(),
    };
    let edition = match found.edition {
        Some(edition) if !edition.trim().is_empty() => edition,
        _ => parse_edition(&without_title),
    };
    Some(ParsedMovieInfo {
        movie_titles: name::titles(&movie_name),
        original_title: original.to_string(),
        quality: parse_quality(&title).model(),
        languages: parse_languages(&language_title),
        release_group,
        release_hash: found.hash,
        edition,
        year: found.year,
        imdb_id: parse_imdb_id(&without_title),
        tmdb_id: parse_tmdb_id(&without_title),
        hardcoded_subs: hardcoded_subs(original),
        simple_release_title,
        release_title,
    })
}

/// Reads a file's path: its name, else its folder and name together, else
/// its folder alone (a hashed file in a release folder).
pub fn parse_movie_path(path: &str) -> Option<ParsedMovieInfo> {
    let path = bounded(path);
    let (folder, file) = match path.rfind(['/', '\\']) {
        Some(at) => (&path[..at], &path[at + 1..]),
        None => ("", path),
    };
    let folder = folder.rsplit(['/', '\\']).next().unwrap_or("");
    let extension = crate::text::media_extension(file).map_or(String::new(), |e| format!(".{e}"));
    parse_movie_title(file, true)
        .or_else(|| parse_movie_title(&format!("{folder} {file}"), false))
        .or_else(|| parse_movie_title(&format!("{folder}{extension}"), false))
}

/// A word ending in SUB or SUBS names burned-in subtitles (`KORSUB`), but
/// not SOFTSUBS, MULTISUBS or HORRIBLESUBS; `HC` and `SUBBED` say there are
/// some without naming the language.
static SUBS_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b\w+\b").expect("valid pattern"));

/// What a title says of burned-in subtitles: the last such word.
fn hardcoded_subs(title: &str) -> Option<String> {
    SUBS_WORD
        .find_iter(title)
        .filter_map(|word| {
            let text = word.as_str();
            let lower = text.to_lowercase();
            if lower == "hc" || lower == "subbed" {
                return Some("Generic Hardcoded Subs".to_string());
            }
            let stem = lower
                .strip_suffix("subs")
                .or_else(|| lower.strip_suffix("sub"))?;
            let named = !stem.is_empty()
                && !["soft", "multi", "horrible"]
                    .iter()
                    .any(|w| stem.ends_with(w));
            named.then(|| text.to_string())
        })
        .last()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_input_is_cut_rather_than_refused() {
        let long = format!("The.Matrix.1999.1080p.BluRay.{}", "ä.".repeat(5_000));
        let parsed = parse_movie_title(&long, false);
        assert_eq!(
            parsed.as_ref().map(|p| p.primary_movie_title()),
            Some("The Matrix")
        );
        assert!(parsed.is_some_and(|p| p.original_title.len() <= crate::MAX_INPUT));
    }

    #[test]
    fn hardcoded_subs_are_named_or_generic() {
        assert_eq!(
            hardcoded_subs("Movie.2016.KORSUBS.WEBRip").as_deref(),
            Some("KORSUBS")
        );
        assert_eq!(
            hardcoded_subs("Movie 2017 HC 720p").as_deref(),
            Some("Generic Hardcoded Subs")
        );
        assert_eq!(hardcoded_subs("Movie [Softsubs(HorribleSubs)]"), None);
        assert_eq!(hardcoded_subs("Movie.RoSubbed-playHD"), None);
    }
}
