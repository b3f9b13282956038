//! Scene names: the dotted, spaceless form scene groups release under, which
//! can be searched for as it stands. Better to miss one than to take a name
//! that is not.

use crate::quality::Quality;
use crate::title::parse_movie_title;

/// The scene name a title holds: the release title, when the title has
/// dots and no spaces and reads whole (a movie title, a known quality and a
/// release group).
pub fn scene_title(title: &str) -> Option<String> {
    if !title.contains('.') || title.contains(' ') {
        return None;
    }
    let parsed = parse_movie_title(title, false)?;
    let whole = parsed.release_group.is_some()
        && parsed.quality.quality != Quality::UNKNOWN
        && !parsed.primary_movie_title().trim().is_empty()
        && !parsed.release_title.trim().is_empty();
    whole.then_some(parsed.release_title)
}

/// Whether a title is a scene name.
pub fn is_scene_title(title: &str) -> bool {
    scene_title(title).is_some()
}
