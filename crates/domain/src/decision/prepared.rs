//! What the rules look up for every release, worked out once per batch: the
//! profile's order of qualities, size limits, runtime, titles and terms.

use crate::quality::Quality;
use crate::quality_profile::ProfileItem;

use super::context::{DecisionContext, ReleaseProfile};
use super::terms::Term;

/// Minutes Radarr assumes for a movie whose runtime is unknown.
pub const MEDIAN_RUNTIME: i32 = 110;

/// Quality ids are small (0..=31); tables are indexed by them.
const QUALITY_SLOTS: usize = 32;

/// Where a quality sits in the profile: the top-level item, then the
/// position inside its group (0 for a single quality).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct QualityIndex {
    /// Position of the item (single or group) in the profile's items.
    pub index: usize,
    /// Position inside the group.
    pub group_index: usize,
}

/// One release profile's terms, compiled.
#[derive(Debug)]
pub struct Restriction {
    /// The "must contain" terms, as written and compiled.
    pub required: Vec<(String, Term)>,
    /// The "must not contain" terms, as written and compiled.
    pub ignored: Vec<(String, Term)>,
    /// The indexer it is limited to; 0 for all.
    pub indexer_id: i32,
}

/// The context with the lookups every rule needs, computed once.
#[derive(Debug)]
pub struct Prepared<'a> {
    /// The context itself.
    pub ctx: &'a DecisionContext,
    index_by_quality: [Option<QualityIndex>; QUALITY_SLOTS],
    /// The item index of the profile's cutoff.
    pub cutoff_index: Option<usize>,
    /// The item index of the first allowed item.
    pub first_allowed_index: Option<usize>,
    /// The item index of the last (best) allowed item.
    pub last_allowed_index: Option<usize>,
    /// The runtime sizes are judged by, in minutes.
    pub runtime: i32,
    /// The movie's year, and its secondary year when metadata has one.
    pub years: (i32, Option<i32>),
    /// The movie's title and alternative titles, cleaned for matching.
    pub clean_titles: Vec<String>,
    /// The release profiles that apply to the movie's tags.
    pub restrictions: Vec<Restriction>,
    /// Each blocklist entry's title, lower-cased, in blocklist order.
    pub blocklist_titles: Vec<String>,
}

impl<'a> Prepared<'a> {
    /// Works out the lookups for `ctx`.
    pub fn new(ctx: &'a DecisionContext) -> Self {
        let profile = &ctx.profile;
        let mut index_by_quality = [None; QUALITY_SLOTS];
        for (index, item) in profile.items.iter().enumerate() {
            for (group_index, quality) in item.qualities().into_iter().enumerate() {
                if let Some(slot) = slot(quality) {
                    index_by_quality[slot] = Some(QualityIndex { index, group_index });
                }
            }
        }
        let first_allowed_index = profile.items.iter().position(|i| i.allowed);
        let last_allowed_index = profile.items.iter().rposition(|i| i.allowed);
        let metadata = ctx.movie.metadata.parse().unwrap_or_default();
        let runtime = if metadata.runtime > 0 {
            metadata.runtime
        } else {
            MEDIAN_RUNTIME
        };
        let mut clean_titles = vec![parser::clean_movie_title(&ctx.movie.title)];
        let others = std::iter::once(&metadata.original_title)
            .chain(metadata.alternate_titles.iter().map(|t| &t.title));
        for title in others.filter(|t| !t.is_empty()) {
            let clean = parser::clean_movie_title(title);
            if !clean_titles.contains(&clean) {
                clean_titles.push(clean);
            }
        }
        let restrictions = ctx
            .release_profiles
            .iter()
            .filter(|r| r.enabled && applies_to_tags(r, &ctx.movie.tags))
            .map(compile)
            .collect();
        Prepared {
            ctx,
            index_by_quality,
            cutoff_index: profile.cutoff_index(),
            first_allowed_index,
            last_allowed_index,
            runtime,
            years: (ctx.movie.year, metadata.secondary_year),
            clean_titles,
            restrictions,
            blocklist_titles: ctx
                .blocklist
                .iter()
                .map(|b| b.source_title.to_lowercase())
                .collect(),
        }
    }

    /// Where `quality` sits in the profile, if it is listed at all.
    pub fn quality_index(&self, quality: Quality) -> Option<QualityIndex> {
        slot(quality).and_then(|s| self.index_by_quality[s])
    }

    /// The profile item holding `quality`.
    pub fn item_of(&self, quality: Quality) -> Option<&'a ProfileItem> {
        let index = self.quality_index(quality)?.index;
        self.ctx.profile.items.get(index)
    }

    /// The item at `index` of the profile.
    pub fn item(&self, index: Option<usize>) -> Option<&'a ProfileItem> {
        index.and_then(|i| self.ctx.profile.items.get(i))
    }

    /// The item index used to order `quality` for upgrades; unlisted qualities
    /// sort below everything.
    pub fn rank_of(&self, quality: Quality) -> i64 {
        self.quality_index(quality)
            .map_or(-1, |q| i64::try_from(q.index).unwrap_or(i64::MAX))
    }
}

fn slot(quality: Quality) -> Option<usize> {
    usize::try_from(quality.id)
        .ok()
        .filter(|&s| s < QUALITY_SLOTS)
}

/// A release profile without tags applies to every movie; otherwise it
/// needs a tag in common.
fn applies_to_tags(profile: &ReleaseProfile, tags: &[i32]) -> bool {
    profile.tags.is_empty() || profile.tags.iter().any(|t| tags.contains(t))
}

fn compile(profile: &ReleaseProfile) -> Restriction {
    let terms = |list: &[String]| {
        list.iter()
            .filter(|t| !t.trim().is_empty())
            .map(|t| (t.clone(), Term::new(t)))
            .collect()
    };
    Restriction {
        required: terms(&profile.required),
        ignored: terms(&profile.ignored),
        indexer_id: profile.indexer_id,
    }
}
