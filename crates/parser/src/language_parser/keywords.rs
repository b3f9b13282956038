//! Language names a title may hold anywhere, even inside a longer word
//! (`EnglishSubs`, `ThaiDub`): Radarr looks for these as plain substrings,
//! without regard to case.

use std::sync::LazyLock;

use regex::{RegexSet, RegexSetBuilder};

use crate::language::Language;

/// Each name and the language it gives, in the order Radarr reports them
/// (this order, not the order in the title, decides which comes first).
const NAMES: [(&str, Language); 40] = [
    ("english", Language::ENGLISH),
    ("spanish", Language::SPANISH),
    ("danish", Language::DANISH),
    ("dutch", Language::DUTCH),
    ("japanese", Language::JAPANESE),
    ("icelandic", Language::ICELANDIC),
    ("mandarin", Language::CHINESE),
    ("cantonese", Language::CHINESE),
    ("chinese", Language::CHINESE),
    ("korean", Language::KOREAN),
    ("russian", Language::RUSSIAN),
    ("romanian", Language::ROMANIAN),
    ("hindi", Language::HINDI),
    ("arabic", Language::ARABIC),
    ("thai", Language::THAI),
    ("bulgarian", Language::BULGARIAN),
    ("polish", Language::POLISH),
    ("vietnamese", Language::VIETNAMESE),
    ("swedish", Language::SWEDISH),
    ("norwegian", Language::NORWEGIAN),
    ("finnish", Language::FINNISH),
    ("turkish", Language::TURKISH),
    ("portuguese", Language::PORTUGUESE),
    ("brazilian", Language::PORTUGUESE_BR),
    ("hungarian", Language::HUNGARIAN),
    ("hebrew", Language::HEBREW),
    ("ukrainian", Language::UKRAINIAN),
    ("persian", Language::PERSIAN),
    ("bengali", Language::BENGALI),
    ("slovak", Language::SLOVAK),
    ("latvian", Language::LATVIAN),
    ("latino", Language::SPANISH_LATINO),
    ("tamil", Language::TAMIL),
    ("telugu", Language::TELUGU),
    ("malayalam", Language::MALAYALAM),
    ("kannada", Language::KANNADA),
    ("albanian", Language::ALBANIAN),
    ("afrikaans", Language::AFRIKAANS),
    ("marathi", Language::MARATHI),
    ("tagalog", Language::TAGALOG),
];

// One pass over the title finds every name at once, overlapping or not,
// which is what testing each name as a substring would find.
static SET: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSetBuilder::new(NAMES.iter().map(|(name, _)| name))
        .case_insensitive(true)
        .build()
        .expect("valid pattern")
});

/// Appends the language of each name `title` contains, in [`NAMES`] order.
pub(super) fn push_named(title: &str, found: &mut Vec<Language>) {
    found.extend(SET.matches(title).iter().map(|i| NAMES[i].1));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(title: &str) -> Vec<Language> {
        let mut found = Vec::new();
        push_named(title, &mut found);
        found
    }

    #[test]
    fn names_count_inside_words_and_come_in_table_order() {
        assert_eq!(
            named("Movie.LATINO.HebDubbed.Also.English"),
            [Language::ENGLISH, Language::SPANISH_LATINO]
        );
        assert_eq!(named("Movie.Title.1080p"), []);
    }
}
