//! The profiles a new install starts with, and the template clients start from.

use super::{FIRST_GROUP_ID, ProfileItem, QualityProfile};
use crate::quality::Quality;

/// Radarr's six starter profiles (ids 1..6), created when none exist.
pub fn default_profiles() -> Vec<QualityProfile> {
    use Quality as Q;
    // Each profile allows a run of weights (see `Quality::ALL`); SD skips DVD-R.
    let starters = [
        ("Any", Q::BLURAY_480P, 2..=25, None),
        ("SD", Q::BLURAY_480P, 2..=13, Some(Q::DVD_R)),
        ("HD-720p", Q::BLURAY_720P, 14..=16, None),
        ("HD-1080p", Q::BLURAY_1080P, 17..=20, None),
        ("Ultra-HD", Q::REMUX_2160P, 21..=24, None),
        ("HD - 720p/1080p", Q::BLURAY_720P, 14..=20, None),
    ];
    starters
        .into_iter()
        .zip(1..)
        .map(|((name, cutoff, weights, except), id)| {
            let allowed: Vec<Quality> = Q::ALL
                .into_iter()
                .filter(|q| weights.contains(&q.weight()) && Some(*q) != except)
                .collect();
            QualityProfile {
                id,
                ..starter(name, cutoff, &allowed)
            }
        })
        .collect()
}

/// The template `GET /qualityprofile/schema` returns: every quality, none allowed.
pub fn schema_profile() -> QualityProfile {
    starter("", Quality::UNKNOWN, &[])
}

/// A profile of every quality in weight order, equal weights grouped (ids from
/// 1000), the cutoff moved to its group when it has one.
fn starter(name: &str, cutoff: Quality, allowed: &[Quality]) -> QualityProfile {
    let mut items = Vec::new();
    let mut cutoff_id = cutoff.id;
    let mut next_group = FIRST_GROUP_ID;
    // Equal weights are the WEB groups; every other quality stands alone.
    for chunk in Quality::ALL.chunk_by(|a, b| a.weight() == b.weight()) {
        match (chunk, chunk.first().and_then(|q| q.group_name())) {
            (members @ [_, _, ..], Some(group_name)) => {
                if members.contains(&cutoff) {
                    cutoff_id = next_group;
                }
                let on = members.iter().any(|q| allowed.contains(q));
                items.push(ProfileItem::group(next_group, group_name, members, on));
                next_group += 1;
            }
            (singles, _) => {
                items.extend(
                    singles
                        .iter()
                        .map(|q| ProfileItem::single(*q, allowed.contains(q))),
                );
            }
        }
    }
    let name = name.to_string();
    QualityProfile {
        name,
        cutoff: cutoff_id,
        items,
        ..QualityProfile::default()
    }
}
