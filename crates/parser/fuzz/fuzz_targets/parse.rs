//! Every public reader of the parser on arbitrary input: none may panic or
//! take unbounded time (run with `-timeout`), whatever the bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for is_dir in [false, true] {
        if let Some(parsed) = parser::parse_movie_title(&text, is_dir) {
            assert!(!parsed.movie_titles.is_empty());
        }
    }
    let _ = parser::parse_movie_path(&text);
    let _ = parser::parse_quality(&text);
    let _ = parser::parse_languages(&text);
    let _ = parser::parse_release_group(&text);
    let _ = parser::parse_edition(&text);
    let _ = parser::clean_movie_title(&text);
    let _ = parser::scene_title(&text);
    let _ = parser::normalize_imdb_id(&text);
    let _ = parser::parse_subtitle_language_information(&text);
});
