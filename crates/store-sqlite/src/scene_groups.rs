//! Scene-group reputation in SQLite: the tracker releases analyses read and
//! each group's score.

use async_trait::async_trait;
use domain::Quality;
use domain::provider::ProviderKind;
use domain::reputation::GroupRelease;
use domain::scene_group::{Components, SceneGroup, SceneGroupPage, SceneGroupSort, TrackerRelease};
use rusqlite::{OptionalExtension, Row, params};
use store::{Result, SceneGroupStore};

use crate::SqliteStore;
use crate::rows::{date, json, to_json};

const GROUP_COLUMNS: &str = "name, score, components, sample_size, updated";

/// A row of [`GROUP_COLUMNS`].
fn group_row(row: &Row) -> rusqlite::Result<SceneGroup> {
    let components: Components = json(row, 2)?.0;
    Ok(SceneGroup {
        name: row.get(0)?,
        score: row.get(1)?,
        reputation: components.reputation,
        stats: components.stats,
        sample_size: row.get(3)?,
        updated: date(row, 4)?,
    })
}

const RELEASE_COLUMNS: &str = "group_name, release_key, revision, quality, seeders, leechers, \
     completions, internal, freeleech, size, added, deleted";

/// A row of [`RELEASE_COLUMNS`].
fn release_row(row: &Row) -> rusqlite::Result<GroupRelease> {
    // A quality this version does not know (a newer one wrote it) still
    // counts as a release of its group.
    let quality = Quality::by_id(row.get(3)?).unwrap_or(Quality::UNKNOWN);
    Ok(GroupRelease {
        group: row.get(0)?,
        release_key: row.get(1)?,
        revision: row.get(2)?,
        quality,
        seeders: row.get(4)?,
        leechers: row.get(5)?,
        completions: row.get(6)?,
        internal: row.get(7)?,
        freeleech: row.get(8)?,
        size: row.get(9)?,
        added: date(row, 10)?,
        deleted: row.get(11)?,
    })
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

#[async_trait]
impl SceneGroupStore for SqliteStore {
    async fn save_tracker_releases(&self, releases: &[TrackerRelease], run: i64) -> Result<()> {
        self.db
            .write(|conn| {
                let tx = conn.transaction()?;
                {
                    // Only for an indexer that still exists: an analysis may
                    // end after its indexer was deleted, and one such release
                    // must not cost the batch.
                    let mut upsert = tx.prepare_cached(
                        "INSERT INTO tracker_releases (indexer_id, torrent_id, group_name, \
                         release_key, revision, quality, seeders, leechers, completions, \
                         internal, freeleech, size, added, deleted, seen_run) \
                         SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 0, ?14 \
                         WHERE EXISTS (SELECT 1 FROM providers WHERE id = ?1 AND kind = ?15) \
                         ON CONFLICT (indexer_id, torrent_id) DO UPDATE SET \
                         group_name = excluded.group_name, release_key = excluded.release_key, \
                         revision = excluded.revision, quality = excluded.quality, \
                         seeders = excluded.seeders, leechers = excluded.leechers, \
                         completions = excluded.completions, internal = excluded.internal, \
                         freeleech = excluded.freeleech, size = excluded.size, \
                         added = excluded.added, deleted = 0, seen_run = excluded.seen_run",
                    )?;
                    for t in releases {
                        let r = &t.release;
                        upsert.execute(params![
                            t.indexer_id,
                            t.torrent_id,
                            r.group,
                            r.release_key,
                            r.revision,
                            r.quality.id,
                            r.seeders,
                            r.leechers,
                            r.completions,
                            r.internal,
                            r.freeleech,
                            r.size,
                            r.added,
                            run,
                            ProviderKind::Indexer as i32
                        ])?;
                    }
                }
                tx.commit()?;
                Ok(())
            })
            .await
    }

    async fn mark_unseen_deleted(&self, indexer_id: i32, run: i64) -> Result<u64> {
        // Those already marked are left out, so the count is of releases the
        // tracker stopped listing since the last complete run.
        let marked = self
            .db
            .write(|conn| {
                Ok(conn
                    .prepare_cached(
                        "UPDATE tracker_releases SET deleted = 1 \
                         WHERE indexer_id = ?1 AND seen_run < ?2 AND NOT deleted",
                    )?
                    .execute(params![indexer_id, run])?)
            })
            .await?;
        Ok(u64::try_from(marked).unwrap_or(u64::MAX))
    }

    async fn tracker_releases(&self) -> Result<Vec<GroupRelease>> {
        let sql = format!(
            "SELECT {RELEASE_COLUMNS} FROM tracker_releases ORDER BY indexer_id, torrent_id"
        );
        self.db.read(|conn| {
            let mut stmt = conn.prepare_cached(&sql)?;
            let rows = stmt
                .query_map([], release_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
    }

    async fn save_scene_groups(&self, groups: &[SceneGroup], complete: bool) -> Result<()> {
        let components = groups
            .iter()
            .map(|g| {
                to_json(&Components {
                    reputation: g.reputation.clone(),
                    stats: g.stats.clone(),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        self.db
            .write(|conn| {
                let tx = conn.transaction()?;
                if complete {
                    // A complete run is the whole truth: groups it did not
                    // score have no releases left to score.
                    tx.execute("DELETE FROM scene_groups", [])?;
                }
                {
                    // Otherwise a run that read only part of the tracker
                    // must not replace a score that rests on more releases.
                    let mut upsert = tx.prepare_cached(
                        "INSERT INTO scene_groups (name_key, name, score, components, \
                         sample_size, updated) VALUES (?1, ?2, ?3, ?4, ?5, ?6) \
                         ON CONFLICT (name_key) DO UPDATE SET name = excluded.name, \
                         score = excluded.score, components = excluded.components, \
                         sample_size = excluded.sample_size, updated = excluded.updated \
                         WHERE excluded.sample_size >= scene_groups.sample_size",
                    )?;
                    for (g, components) in groups.iter().zip(&components) {
                        upsert.execute(params![
                            g.name.to_lowercase(),
                            g.name,
                            g.score,
                            components,
                            g.sample_size,
                            g.updated
                        ])?;
                    }
                }
                tx.commit()?;
                Ok(())
            })
            .await
    }

    async fn scene_groups(&self, page: SceneGroupPage) -> Result<(i64, Vec<SceneGroup>)> {
        let size = page.page_size.max(1);
        let offset = (page.page.max(1) - 1).saturating_mul(size);
        let sql = format!(
            "SELECT {GROUP_COLUMNS} FROM scene_groups ORDER BY {} LIMIT ?1 OFFSET ?2",
            order_by(&page)
        );
        self.db.read(|conn| {
            let total: i64 =
                conn.query_row("SELECT COUNT(*) FROM scene_groups", [], |row| row.get(0))?;
            let mut stmt = conn.prepare_cached(&sql)?;
            let rows = stmt
                .query_map(params![size, offset], group_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok((total, rows))
        })
    }

    async fn scene_group(&self, name: &str) -> Result<Option<SceneGroup>> {
        let sql = format!("SELECT {GROUP_COLUMNS} FROM scene_groups WHERE name_key = ?1");
        let key = name.to_lowercase();
        self.db.read(|conn| {
            Ok(conn
                .prepare_cached(&sql)?
                .query_row([key], group_row)
                .optional()?)
        })
    }

    async fn scene_group_scores(&self) -> Result<Vec<(String, f64)>> {
        self.db.read(|conn| {
            let mut stmt =
                conn.prepare_cached("SELECT name, score FROM scene_groups ORDER BY name_key")?;
            let rows = stmt
                .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
    }
}
