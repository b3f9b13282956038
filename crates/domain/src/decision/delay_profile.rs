//! Delay profiles (Radarr's `DelayProfile`): how long releases of each
//! protocol wait for a better one, chosen per movie by tags, in the order
//! the user set.

use crate::release::Protocol;

/// A delay profile. The default one (id [`DelayProfile::DEFAULT_ID`]) has
/// no tags and the last place in the order; every other one has tags.
#[derive(Debug, Clone, PartialEq)]
pub struct DelayProfile {
    /// Row id; the default profile's is [`DelayProfile::DEFAULT_ID`].
    pub id: i32,
    /// Whether Usenet releases may be grabbed.
    pub enable_usenet: bool,
    /// Whether torrents may be grabbed.
    pub enable_torrent: bool,
    /// The protocol ranked first among equals.
    pub preferred_protocol: Protocol,
    /// Minutes a Usenet release waits for something better.
    pub usenet_delay: i32,
    /// Minutes a torrent waits for something better.
    pub torrent_delay: i32,
    /// Skip the wait for the profile's best quality on the preferred protocol.
    pub bypass_if_highest_quality: bool,
    /// Skip the wait when the custom-format score reaches the minimum below.
    pub bypass_if_above_custom_format_score: bool,
    /// The score that skips the wait.
    pub minimum_custom_format_score: i32,
    /// Place among the profiles; the first whose tags match a movie applies.
    pub order: i32,
    /// The movie tags it applies to; empty only for the default profile.
    pub tags: Vec<i32>,
}

impl Default for DelayProfile {
    /// Radarr's default profile: both protocols, Usenet preferred, no delay,
    /// no tags, last in order.
    fn default() -> Self {
        DelayProfile {
            id: DelayProfile::DEFAULT_ID,
            enable_usenet: true,
            enable_torrent: true,
            preferred_protocol: Protocol::Usenet,
            usenet_delay: 0,
            torrent_delay: 0,
            bypass_if_highest_quality: false,
            bypass_if_above_custom_format_score: false,
            minimum_custom_format_score: 0,
            order: i32::MAX,
            tags: Vec::new(),
        }
    }
}

impl DelayProfile {
    /// The id of the default profile, which always exists and applies to
    /// movies no other profile's tags match.
    pub const DEFAULT_ID: i32 = 1;

    /// The wait in minutes for releases of `protocol`.
    pub fn protocol_delay(&self, protocol: Protocol) -> i32 {
        match protocol {
            Protocol::Usenet => self.usenet_delay,
            Protocol::Torrent => self.torrent_delay,
            Protocol::Unknown => 0,
        }
    }

    /// Whether this is the default profile.
    pub fn is_default(&self) -> bool {
        self.id == DelayProfile::DEFAULT_ID
    }
}

/// The profile for a movie with `movie_tags`: the first by order whose tags
/// share one with the movie's, else the untagged default (Radarr's own
/// default when `profiles` lacks it too).
pub fn for_tags(profiles: &[DelayProfile], movie_tags: &[i32]) -> DelayProfile {
    let mut by_order: Vec<&DelayProfile> = profiles.iter().collect();
    by_order.sort_by_key(|p| p.order);
    by_order
        .iter()
        .find(|p| p.tags.iter().any(|t| movie_tags.contains(t)))
        .or_else(|| by_order.iter().find(|p| p.tags.is_empty()))
        .map_or_else(DelayProfile::default, |p| (*p).clone())
}

/// The profiles after moving profile `id` to just after profile `after`
/// (to the front when `after` is none or unknown), numbered 1, 2, … in
/// their new order; the default profile keeps its last place. Unchanged
/// when `id` is unknown or the default.
pub fn reorder(profiles: &[DelayProfile], id: i32, after: Option<i32>) -> Vec<DelayProfile> {
    let mut ordered: Vec<DelayProfile> = profiles.to_vec();
    ordered.sort_by_key(|p| p.order);
    let Some(from) = ordered.iter().position(|p| p.id == id && !p.is_default()) else {
        return ordered;
    };
    let moving = ordered.remove(from);
    let to = after
        .and_then(|after| {
            ordered
                .iter()
                .position(|p| p.id == after && !p.is_default())
        })
        .map_or(0, |i| i + 1);
    ordered.insert(to, moving);
    let mut place = 0;
    for profile in ordered.iter_mut().filter(|p| !p.is_default()) {
        place += 1;
        profile.order = place;
    }
    ordered.sort_by_key(|p| p.order);
    ordered
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tagged(id: i32, order: i32, tags: &[i32]) -> DelayProfile {
        DelayProfile {
            id,
            order,
            tags: tags.to_vec(),
            usenet_delay: id * 10,
            ..DelayProfile::default()
        }
    }

    fn ids(profiles: &[DelayProfile]) -> Vec<(i32, i32)> {
        profiles.iter().map(|p| (p.id, p.order)).collect()
    }

    #[test]
    fn the_first_matching_profile_by_order_applies_else_the_default() {
        let profiles = [
            DelayProfile::default(),
            tagged(2, 2, &[5, 6]),
            tagged(3, 1, &[6]),
        ];
        assert_eq!(for_tags(&profiles, &[6]).id, 3);
        assert_eq!(for_tags(&profiles, &[5, 9]).id, 2);
        assert_eq!(for_tags(&profiles, &[9]).id, 1);
        assert_eq!(for_tags(&profiles, &[]).id, 1);
        assert_eq!(for_tags(&profiles[1..], &[9]), DelayProfile::default());
    }

    #[test]
    fn reorder_moves_after_the_given_profile_and_renumbers() {
        let profiles = [
            DelayProfile::default(),
            tagged(2, 1, &[1]),
            tagged(3, 2, &[2]),
            tagged(4, 3, &[3]),
        ];
        let max = i32::MAX;
        assert_eq!(
            ids(&reorder(&profiles, 4, None)),
            [(4, 1), (2, 2), (3, 3), (1, max)]
        );
        assert_eq!(
            ids(&reorder(&profiles, 2, Some(3))),
            [(3, 1), (2, 2), (4, 3), (1, max)]
        );
        assert_eq!(
            ids(&reorder(&profiles, 2, Some(4))),
            [(3, 1), (4, 2), (2, 3), (1, max)]
        );
        // The default stays last, whatever is asked.
        assert_eq!(
            ids(&reorder(&profiles, 3, Some(1))),
            [(3, 1), (2, 2), (4, 3), (1, max)]
        );
        assert_eq!(
            ids(&reorder(&profiles, 1, None)),
            [(2, 1), (3, 2), (4, 3), (1, max)]
        );
    }
}
