//! Scene-group reputation in PostgreSQL: the tracker releases analyses read
//! and each group's score. Batches go in as arrays, one statement each.

use std::collections::HashMap;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use domain::Quality;
use domain::provider::ProviderKind;
use domain::reputation::GroupRelease;
use domain::scene_group::{Components, SceneGroup, SceneGroupPage, SceneGroupSort, TrackerRelease};
use sqlx::types::Json;
use store::{Result, SceneGroupStore, StoreError};

use crate::PostgresStore;

const GROUP_COLUMNS: &str = "name, score, components, sample_size, updated";

type GroupRow = (String, f64, Json<Components>, i64, DateTime<Utc>);

fn group((name, score, components, sample_size, updated): GroupRow) -> SceneGroup {
    SceneGroup {
        name,
        score,
        reputation: components.0.reputation,
        stats: components.0.stats,
        sample_size,
        updated,
    }
}

const RELEASE_COLUMNS: &str = "group_name, release_key, revision, quality, seeders, leechers, \
     completions, internal, freeleech, size, added, deleted";

type ReleaseRow = (
    String,
    String,
    i32,
    i32,
    i32,
    i32,
    i64,
    bool,
    bool,
    i64,
    DateTime<Utc>,
    bool,
);

fn release(row: ReleaseRow) -> GroupRelease {
    let (group, release_key, revision, quality, seeders, leechers, completions) =
        (row.0, row.1, row.2, row.3, row.4, row.5, row.6);
    GroupRelease {
        group,
        release_key,
        revision,
        // A quality this version does not know (a newer one wrote it) still
        // counts as a release of its group.
        quality: Quality::by_id(quality).unwrap_or(Quality::UNKNOWN),
        seeders,
        leechers,
        completions,
        internal: row.7,
        freeleech: row.8,
        size: row.9,
        added: row.10,
        deleted: row.11,
    }
}

/// The `ORDER BY` of a page: its key, then the name so that equal keys
/// keep one order from page to page. Only fixed column names go in.
fn order_by(page: &SceneGroupPage) -> String {
    let key = match page.sort {
        SceneGroupSort::Score => "score",
        SceneGroupSort::Name => "name_key",
        SceneGroupSort::SampleSize => "sample_size",
        SceneGroupSort::Updated => "updated",
    };
    let direction = if page.ascending { "ASC" } else { "DESC" };
    format!("{key} {direction}, name_key ASC")
}

/// One row per key: PostgreSQL refuses to update a row twice in one
/// statement. For releases the last read wins, as it would one at a time.
fn last_per_torrent(releases: &[TrackerRelease]) -> Vec<&TrackerRelease> {
    let mut at: HashMap<(i32, i64), usize> = HashMap::new();
    let mut kept: Vec<&TrackerRelease> = Vec::with_capacity(releases.len());
    for r in releases {
        match at.get(&(r.indexer_id, r.torrent_id)) {
            Some(&i) => kept[i] = r,
            None => {
                at.insert((r.indexer_id, r.torrent_id), kept.len());
                kept.push(r);
            }
        }
    }
    kept
}

/// One group per name without case: the one resting on the most releases
/// (the later of equals), as saving them one at a time would keep.
fn largest_per_name(groups: &[SceneGroup]) -> Vec<(String, &SceneGroup)> {
    let mut at: HashMap<String, usize> = HashMap::new();
    let mut kept: Vec<(String, &SceneGroup)> = Vec::with_capacity(groups.len());
    for g in groups {
        let key = g.name.to_lowercase();
        match at.get(&key) {
            Some(&i) if g.sample_size >= kept[i].1.sample_size => kept[i].1 = g,
            Some(_) => {}
            None => {
                at.insert(key.clone(), kept.len());
                kept.push((key, g));
            }
        }
    }
    kept
}

/// Tracker releases as one array per column, for `UNNEST`.
#[derive(Default)]
struct Columns<'a> {
    indexers: Vec<i32>,
    torrents: Vec<i64>,
    groups: Vec<&'a str>,
    keys: Vec<&'a str>,
    revisions: Vec<i32>,
    qualities: Vec<i32>,
    seeders: Vec<i32>,
    leechers: Vec<i32>,
    completions: Vec<i64>,
    internal: Vec<bool>,
    freeleech: Vec<bool>,
    sizes: Vec<i64>,
    added: Vec<DateTime<Utc>>,
}

impl<'a> Columns<'a> {
    fn of(releases: &[&'a TrackerRelease]) -> Columns<'a> {
        let mut c = Columns::default();
        for t in releases {
            let r = &t.release;
            c.indexers.push(t.indexer_id);
            c.torrents.push(t.torrent_id);
            c.groups.push(&r.group);
            c.keys.push(&r.release_key);
            c.revisions.push(r.revision);
            c.qualities.push(r.quality.id);
            c.seeders.push(r.seeders);
            c.leechers.push(r.leechers);
            c.completions.push(r.completions);
            c.internal.push(r.internal);
            c.freeleech.push(r.freeleech);
            c.sizes.push(r.size);
            c.added.push(r.added);
        }
        c
    }
}

fn components_text(g: &SceneGroup) -> Result<String> {
    serde_json::to_string(&Components {
        reputation: g.reputation.clone(),
        stats: g.stats.clone(),
    })
    .map_err(|e| StoreError::Corrupt(format!("scene group components: {e}")))
}

#[async_trait]
impl SceneGroupStore for PostgresStore {
    async fn save_tracker_releases(&self, releases: &[TrackerRelease], run: i64) -> Result<()> {
        let c = Columns::of(&last_per_torrent(releases));
        // One statement, so one transaction. Only for an indexer that still
        // exists: an analysis may end after its indexer was deleted, and one
        // such release must not cost the batch.
        sqlx::query(
            "INSERT INTO tracker_releases (indexer_id, torrent_id, group_name, release_key, \
             revision, quality, seeders, leechers, completions, internal, freeleech, size, \
             added, deleted, seen_run) \
             SELECT u.*, FALSE, $14 FROM UNNEST($1::int[], $2::bigint[], $3::text[], \
             $4::text[], $5::int[], $6::int[], $7::int[], $8::int[], $9::bigint[], \
             $10::bool[], $11::bool[], $12::bigint[], $13::timestamptz[]) \
             AS u (indexer_id, torrent_id, group_name, release_key, revision, quality, seeders, \
             leechers, completions, internal, freeleech, size, added) \
             WHERE EXISTS (SELECT 1 FROM providers p WHERE p.id = u.indexer_id AND p.kind = $15) \
             ON CONFLICT (indexer_id, torrent_id) DO UPDATE SET \
             group_name = excluded.group_name, release_key = excluded.release_key, \
             revision = excluded.revision, quality = excluded.quality, \
             seeders = excluded.seeders, leechers = excluded.leechers, \
             completions = excluded.completions, internal = excluded.internal, \
             freeleech = excluded.freeleech, size = excluded.size, added = excluded.added, \
             deleted = FALSE, seen_run = excluded.seen_run",
        )
        .bind(c.indexers)
        .bind(c.torrents)
        .bind(c.groups)
        .bind(c.keys)
        .bind(c.revisions)
        .bind(c.qualities)
        .bind(c.seeders)
        .bind(c.leechers)
        .bind(c.completions)
        .bind(c.internal)
        .bind(c.freeleech)
        .bind(c.sizes)
        .bind(c.added)
        .bind(run)
        .bind(ProviderKind::Indexer as i32)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn mark_unseen_deleted(&self, indexer_id: i32, run: i64) -> Result<u64> {
        // Those already marked are left out, so the count is of releases the
        // tracker stopped listing since the last complete run.
        let marked = sqlx::query(
            "UPDATE tracker_releases SET deleted = TRUE \
             WHERE indexer_id = $1 AND seen_run < $2 AND NOT deleted",
        )
        .bind(indexer_id)
        .bind(run)
        .execute(&self.pool)
        .await?;
        Ok(marked.rows_affected())
    }

    async fn tracker_releases(&self) -> Result<Vec<GroupRelease>> {
        let rows: Vec<ReleaseRow> = sqlx::query_as(&format!(
            "SELECT {RELEASE_COLUMNS} FROM tracker_releases ORDER BY indexer_id, torrent_id"
        ))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(release).collect())
    }

    async fn save_scene_groups(&self, groups: &[SceneGroup], complete: bool) -> Result<()> {
        let groups = largest_per_name(groups);
        let components = groups
            .iter()
            .map(|(_, g)| components_text(g))
            .collect::<Result<Vec<_>>>()?;
        let keys: Vec<&str> = groups.iter().map(|(key, _)| key.as_str()).collect();
        let names: Vec<&str> = groups.iter().map(|(_, g)| g.name.as_str()).collect();
        let scores: Vec<f64> = groups.iter().map(|(_, g)| g.score).collect();
        let samples: Vec<i64> = groups.iter().map(|(_, g)| g.sample_size).collect();
        let updated: Vec<DateTime<Utc>> = groups.iter().map(|(_, g)| g.updated).collect();
        let mut tx = self.pool.begin().await?;
        if complete {
            // A complete run is the whole truth: groups it did not score
            // have no releases left to score.
            sqlx::query("DELETE FROM scene_groups")
                .execute(&mut *tx)
                .await?;
        }
        // Otherwise a run that read only part of the tracker must not
        // replace a score that rests on more releases.
        sqlx::query(
            "INSERT INTO scene_groups (name_key, name, score, components, sample_size, updated) \
             SELECT k, n, s, c::jsonb, z, u FROM UNNEST($1::text[], $2::text[], \
             $3::float8[], $4::text[], $5::bigint[], $6::timestamptz[]) AS g (k, n, s, c, z, u) \
             ON CONFLICT (name_key) DO UPDATE SET name = excluded.name, \
             score = excluded.score, components = excluded.components, \
             sample_size = excluded.sample_size, updated = excluded.updated \
             WHERE excluded.sample_size >= scene_groups.sample_size",
        )
        .bind(keys)
        .bind(names)
        .bind(scores)
        .bind(components)
        .bind(samples)
        .bind(updated)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn scene_groups(&self, page: SceneGroupPage) -> Result<(i64, Vec<SceneGroup>)> {
        let size = page.page_size.max(1);
        let offset = (page.page.max(1) - 1).saturating_mul(size);
        let total: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM scene_groups")
            .fetch_one(&self.pool)
            .await?;
        let rows: Vec<GroupRow> = sqlx::query_as(&format!(
            "SELECT {GROUP_COLUMNS} FROM scene_groups ORDER BY {} LIMIT $1 OFFSET $2",
            order_by(&page)
        ))
        .bind(size)
        .bind(offset)
        .fetch_all(&self.pool)
        .await?;
        Ok((total, rows.into_iter().map(group).collect()))
    }

    async fn scene_group(&self, name: &str) -> Result<Option<SceneGroup>> {
        let row: Option<GroupRow> = sqlx::query_as(&format!(
            "SELECT {GROUP_COLUMNS} FROM scene_groups WHERE name_key = $1"
        ))
        .bind(name.to_lowercase())
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(group))
    }

    async fn scene_group_scores(&self) -> Result<Vec<(String, f64)>> {
        Ok(
            sqlx::query_as("SELECT name, score FROM scene_groups ORDER BY name_key")
                .fetch_all(&self.pool)
                .await?,
        )
    }
}
