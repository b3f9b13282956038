//! Groups Radarr knows by name because their releases don't end in
//! `-GROUP`: some anywhere in the title as a whole word (`YTS.MX`, `E.N.D`,
//! `Eml HDTeam`), others only where they close a bracket (`… Tigole)`,
//! `[HDO]`).

use std::sync::LazyLock;

use regex::Regex;

/// Groups recognised anywhere as whole words. `YTS` may carry any one
/// character and a mirror suffix (`YTS.MX`, `YTS.LT`, `YTS.AG`).
static NAMED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:KRaLiMaRKo|E\.N\.D|D-Z0N3|Koten_Gars|BluDragon|ZØNEHD|HQMUX|VARYG|YIFY|YTS(?:.(?:MX|LT|AG))?|TMd|Eml HDTeam|LMain|DarQ|BEN THE MEN|TAoE|QxR|126811)\b",
    )
    .expect("valid pattern")
});

/// Groups that sign their releases as the last word inside brackets or
/// parentheses (`(… 10bit AAC 7.1 Tigole)`, `[HDO]`): the name must follow
/// `.`, `_`, a space or `[`, and be followed by `]` or `)`.
static BRACKET_CLOSING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)[._ \[](?:Silence|afm72|Panda|Ghost|MONOLITH|Tigole|Joy|ImE|UTR|t3nzin|Anime Time|Project Angel|Hakata Ramen|HONE|GiLG|Vyndros|SEV|Garshasp|Kappa|Natty|RCVR|SAMPA|YOGI|r00t|EDGE2020|RZeroX|FreetheFish|Anna|Bandi|Qman|theincognito|HDO|DusIctv|DHD|CtrlHD|-ZR-|ADC|XZVN|RH|Kametsu|Celdra)[\])]",
    )
    .expect("valid pattern")
});

/// The last group from the by-name list that `title` mentions.
pub(super) fn last_named_group(title: &str) -> Option<&str> {
    NAMED.find_iter(title).last().map(|m| m.as_str())
}

/// The last known group that closes a bracket in `title`, without the
/// character before it and the bracket after it (both ASCII).
pub(super) fn last_bracket_closing_group(title: &str) -> Option<&str> {
    let found = BRACKET_CLOSING.find_iter(title).last()?;
    title.get(found.start() + 1..found.end() - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_groups_need_word_edges() {
        assert_eq!(last_named_group("x [YTS.MX] [YIFY]"), Some("YIFY"));
        assert_eq!(last_named_group("x-ZØNEHD"), Some("ZØNEHD"));
        assert_eq!(last_named_group("x-VARYGS"), None);
    }

    #[test]
    fn bracket_closing_groups_need_both_sides() {
        assert_eq!(
            last_bracket_closing_group("(x 10bit Joy) [HDO]"),
            Some("HDO")
        );
        assert_eq!(last_bracket_closing_group("Softsubs (-ZR-)"), None);
        assert_eq!(last_bracket_closing_group("[-ZR-] [x]"), Some("-ZR-"));
        assert_eq!(last_bracket_closing_group("Ode To Joy (2009)"), None);
    }
}
