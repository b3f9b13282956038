//! File and folder names from Radarr's naming formats
//! (`/api/v3/config/naming`): tokens such as `{Movie Title}`,
//! `{Release Year}` or `{Quality Full}` filled in from the movie and its
//! file. Each value is made safe for a file name before it is placed, so no
//! token can add a folder (`/`, `..`) or a name a file system refuses.

use crate::movie_file::MediaInfo;
use crate::quality::QualityModel;

parser::wire_enum! {
    /// What a colon in a value becomes.
    #[derive(Default)]
    pub enum ColonReplacement {
        #[default] Delete = 0 => "delete", Dash = 1 => "dash", SpaceDash = 2 => "spaceDash",
        SpaceDashSpace = 3 => "spaceDashSpace", Smart = 4 => "smart",
    }
}

/// The naming settings, with Radarr's defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamingConfig {
    /// Whether imported files are renamed; otherwise they keep their names.
    pub rename_movies: bool,
    /// Whether characters file systems refuse are replaced (else removed).
    pub replace_illegal_characters: bool,
    /// What colons become.
    pub colon_replacement: ColonReplacement,
    /// The format of a movie file's name (without extension).
    pub standard_movie_format: String,
    /// The format of a movie's folder name.
    pub movie_folder_format: String,
}

impl Default for NamingConfig {
    fn default() -> Self {
        NamingConfig {
            rename_movies: false,
            replace_illegal_characters: true,
            colon_replacement: ColonReplacement::Delete,
            standard_movie_format: "{Movie Title} ({Release Year}) {Quality Full}".into(),
            movie_folder_format: "{Movie Title} ({Release Year})".into(),
        }
    }
}

/// What the tokens are filled from.
#[derive(Debug, Clone, Default)]
pub struct NamingValues<'a> {
    pub title: &'a str,
    pub original_title: &'a str,
    pub year: i32,
    pub imdb_id: Option<&'a str>,
    pub tmdb_id: i32,
    pub quality: Option<QualityModel>,
    pub edition: &'a str,
    pub release_group: Option<&'a str>,
    pub media_info: Option<&'a MediaInfo>,
    /// The name the file came with, without extension.
    pub original_file_name: &'a str,
    /// The release title it was grabbed as.
    pub scene_name: Option<&'a str>,
    /// Names of the custom formats the file matches (that are shown when renaming).
    pub custom_formats: Vec<&'a str>,
}

impl NamingConfig {
    /// A value made safe for a file name under these settings.
    pub fn clean(&self, value: &str) -> String {
        let colons = match self.colon_replacement {
            ColonReplacement::Delete => value.replace(':', ""),
            ColonReplacement::Dash => value.replace(':', "-"),
            ColonReplacement::SpaceDash => value.replace(':', " -"),
            ColonReplacement::SpaceDashSpace => value.replace(':', " - "),
            ColonReplacement::Smart => value.replace(": ", " - ").replace(':', "-"),
        };
        let mut out = String::with_capacity(colons.len());
        for c in colons.chars() {
            match c {
                '/' | '\\' | '|' if self.replace_illegal_characters => out.push('+'),
                '<' | '>' | '?' | '*' if self.replace_illegal_characters => out.push('-'),
                '"' if self.replace_illegal_characters => out.push('\''),
                '/' | '\\' | '|' | '<' | '>' | '?' | '*' | '"' => {}
                c if c.is_control() => {}
                c => out.push(c),
            }
        }
        out
    }

    /// A movie file's name (without extension) for these values.
    pub fn file_name(&self, values: &NamingValues<'_>) -> String {
        self.render(&self.standard_movie_format, values)
    }

    /// A movie's folder name for these values.
    pub fn folder_name(&self, values: &NamingValues<'_>) -> String {
        self.render(&self.movie_folder_format, values)
    }

    /// `format` with its tokens filled in. Unknown tokens are left as they
    /// are written; a token with no value goes with what its braces hold.
    pub fn render(&self, format: &str, values: &NamingValues<'_>) -> String {
        let mut out = String::with_capacity(format.len() * 2);
        let mut rest = format;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let Some(close) = rest[open..].find('}') else {
                out.push_str(&rest[open..]);
                rest = "";
                break;
            };
            let inner = &rest[open + 1..open + close];
            match self.token(inner, values) {
                Some(text) => out.push_str(&text),
                None => out.push_str(&rest[open..=open + close]),
            }
            rest = &rest[open + close + 1..];
        }
        out.push_str(rest);
        tidy(&self.clean(&out))
    }

    /// One token's text: the prefix and suffix it holds around its name
    /// kept, words joined by the separator it uses, and its case followed.
    /// `None` for a token it does not know.
    fn token(&self, inner: &str, values: &NamingValues<'_>) -> Option<String> {
        let prefix_len = inner.len()
            - inner
                .trim_start_matches(['-', ' ', '.', '_', '[', '('])
                .len();
        let body = &inner[prefix_len..];
        let name = body.trim_end_matches(['-', ' ', '.', '_', ')', ']']);
        let (prefix, suffix) = (&inner[..prefix_len], &body[name.len()..]);
        let separator = name.chars().find(|c| matches!(c, ' ' | '.' | '_' | '-'));
        let key: String = name
            .to_ascii_lowercase()
            .split([' ', '.', '_', '-'])
            .collect::<Vec<_>>()
            .join(" ");
        let value = self.value(&key, values)?;
        if value.trim().is_empty() {
            return Some(String::new());
        }
        let mut value = self.clean(&value);
        if let Some(sep) = separator.filter(|s| *s != ' ') {
            value = value.replace(' ', &sep.to_string());
        }
        if name.chars().any(char::is_alphabetic) {
            if !name.chars().any(char::is_lowercase) {
                value = value.to_uppercase();
            } else if !name.chars().any(char::is_uppercase) {
                value = value.to_lowercase();
            }
        }
        Some(format!("{prefix}{value}{suffix}"))
    }

    fn value(&self, key: &str, v: &NamingValues<'_>) -> Option<String> {
        let media = v.media_info;
        Some(match key {
            "movie title" => v.title.to_string(),
            "movie titlethe" => title_the(v.title),
            "movie cleantitle" => clean_title(v.title),
            "movie originaltitle" | "movie original title" => v.original_title.to_string(),
            "release year" if v.year > 0 => v.year.to_string(),
            "release year" => String::new(),
            "imdb id" | "imdbid" => v.imdb_id.unwrap_or_default().to_string(),
            "tmdb id" | "tmdbid" => v.tmdb_id.to_string(),
            "quality full" => v.quality.map(quality_full).unwrap_or_default(),
            "quality title" => v
                .quality
                .map(|q| q.quality.name.to_string())
                .unwrap_or_default(),
            "edition tags" => v.edition.to_string(),
            "release group" => v.release_group.unwrap_or_default().to_string(),
            "original filename" => v.original_file_name.to_string(),
            "original title" => v.scene_name.unwrap_or(v.original_file_name).to_string(),
            "custom formats" => v.custom_formats.join(" "),
            "mediainfo videocodec" => media.map(|m| m.video_codec.clone()).unwrap_or_default(),
            "mediainfo audiocodec" => media.map(|m| m.audio_codec.clone()).unwrap_or_default(),
            "mediainfo audiochannels" => media
                .filter(|m| m.audio_channels > 0.0)
                .map(|m| format!("{:.1}", m.audio_channels))
                .unwrap_or_default(),
            "mediainfo videodynamicrange" => media
                .map(|m| m.video_dynamic_range.clone())
                .unwrap_or_default(),
            "mediainfo videodynamicrangetype" => media
                .map(|m| m.video_dynamic_range_type.clone())
                .unwrap_or_default(),
            "mediainfo simple" => media
                .map(|m| format!("{} {}", m.video_codec, m.audio_codec))
                .unwrap_or_default(),
            _ => return None,
        })
    }
}

/// `Bluray-1080p Proper`: the quality's name and its revision.
fn quality_full(quality: QualityModel) -> String {
    let mut text = quality.quality.name.to_string();
    if quality.revision.real > 0 {
        text.push_str(" REAL");
    }
    if quality.revision.version > 1 {
        text.push_str(if quality.revision.is_repack {
            " Repack"
        } else {
            " Proper"
        });
    }
    text
}

/// "The Matrix" as "Matrix, The".
fn title_the(title: &str) -> String {
    for article in ["The ", "A ", "An "] {
        if let Some(rest) = title.strip_prefix(article) {
            return format!("{rest}, {}", article.trim_end());
        }
    }
    title.to_string()
}

/// The title with only letters, digits and spaces.
fn clean_title(title: &str) -> String {
    let kept: String = title
        .replace('&', "and")
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Empty brackets and doubled spaces and separators left by empty tokens
/// are removed; leading and trailing separators and dots are trimmed.
fn tidy(name: &str) -> String {
    let mut text = name.to_string();
    loop {
        let before = text.len();
        for (from, to) in [
            ("()", ""),
            ("[]", ""),
            ("  ", " "),
            ("..", "."),
            ("( ", "("),
            (" )", ")"),
            ("[ ", "["),
            (" ]", "]"),
        ] {
            text = text.replace(from, to);
        }
        if text.len() == before {
            break;
        }
    }
    text.trim_matches([' ', '.', '-', '_']).to_string()
}

#[cfg(test)]
mod tests {
    use parser::{Quality, Revision};

    use super::*;

    fn values() -> NamingValues<'static> {
        NamingValues {
            title: "Star Wars: Episode IV - A New Hope",
            original_title: "Star Wars",
            year: 1977,
            imdb_id: Some("tt0076759"),
            tmdb_id: 11,
            quality: Quality::by_id(7).map(QualityModel::new),
            edition: "Remastered",
            release_group: Some("GRP"),
            media_info: None,
            original_file_name: "Star.Wars.1977.1080p.BluRay.x264-GRP",
            scene_name: Some("Star.Wars.1977.REMASTERED.1080p.BluRay.x264-GRP"),
            custom_formats: vec![],
        }
    }

    #[test]
    fn the_default_formats_give_radarrs_names() {
        let config = NamingConfig::default();
        assert_eq!(
            config.file_name(&values()),
            "Star Wars Episode IV - A New Hope (1977) Bluray-1080p"
        );
        assert_eq!(
            config.folder_name(&values()),
            "Star Wars Episode IV - A New Hope (1977)"
        );
    }

    #[test]
    fn separators_case_prefixes_and_empty_tokens_follow_the_format() {
        let config = NamingConfig {
            colon_replacement: ColonReplacement::Smart,
            ..NamingConfig::default()
        };
        let format = "{Movie.CleanTitle}.{Release.Year}.{[Edition Tags]}.{QUALITY FULL}{-Release Group}{ [MediaInfo VideoCodec]}";
        assert_eq!(
            config.render(format, &values()),
            "Star.Wars.Episode.IV.A.New.Hope.1977.[Remastered].BLURAY-1080P-GRP"
        );
        let mut proper = values();
        proper.quality = proper.quality.map(|q| QualityModel {
            revision: Revision {
                version: 2,
                ..Revision::default()
            },
            ..q
        });
        proper.edition = "";
        assert_eq!(
            config.render(
                "{movie title} {(Edition Tags)} {Quality Full} {tmdbid}",
                &proper
            ),
            "star wars - episode iv - a new hope Bluray-1080p Proper 11"
        );
        assert_eq!(
            config.render(
                "{Movie TitleThe} {Unknown Token}",
                &NamingValues {
                    title: "The Matrix",
                    ..values()
                }
            ),
            "Matrix, The {Unknown Token}"
        );
    }

    #[test]
    fn no_value_can_add_a_folder_or_a_forbidden_character() {
        let config = NamingConfig::default();
        let hostile = NamingValues {
            title: "../../etc/passwd",
            release_group: Some("a\\b|c"),
            ..values()
        };
        let name = config.render("{Movie Title}-{Release Group}", &hostile);
        assert!(!name.contains('/') && !name.contains('\\'), "{name}");
        assert!(!name.starts_with('.'), "{name}");
        let removed = NamingConfig {
            replace_illegal_characters: false,
            ..NamingConfig::default()
        };
        assert_eq!(removed.clean("What? <Is> \"This\" */"), "What Is This ");
    }
}
