//! Release profiles, delay profiles and the indexer settings in SQLite.

use async_trait::async_trait;
use domain::decision::{DelayProfile, IndexerConfig, ReleaseProfile};
use rusqlite::{OptionalExtension, Row, params};
use store::decision_rows::{
    DELAY_PROFILE_COLUMNS, DelayProfileRow, INDEXER_CONFIG_KEYS, ReleaseProfileRow,
    indexer_config_entries, indexer_config_from,
};
use store::rows::convert_all;
use store::{DecisionSettingsStore, Result, StoreError};

use crate::SqliteStore;
use crate::rows::{json, row_id, to_json};

const RELEASE_COLUMNS: &str = "id, name, enabled, required, ignored, indexer_id, tags";

fn release_row(row: &Row) -> rusqlite::Result<ReleaseProfileRow> {
    Ok(ReleaseProfileRow {
        id: row.get(0)?,
        name: row.get(1)?,
        enabled: row.get(2)?,
        required: json(row, 3)?,
        ignored: json(row, 4)?,
        indexer_id: row.get(5)?,
        tags: json(row, 6)?,
    })
}

fn delay_row(row: &Row) -> rusqlite::Result<DelayProfileRow> {
    Ok(DelayProfileRow {
        id: row.get(0)?,
        enable_usenet: row.get(1)?,
        enable_torrent: row.get(2)?,
        preferred_protocol: row.get(3)?,
        usenet_delay: row.get(4)?,
        torrent_delay: row.get(5)?,
        bypass_if_highest_quality: row.get(6)?,
        bypass_if_above_custom_format_score: row.get(7)?,
        minimum_custom_format_score: row.get(8)?,
        sort_order: row.get(9)?,
        tags: json(row, 10)?,
    })
}

fn not_found(entity: &'static str, id: i32) -> StoreError {
    StoreError::NotFound { entity, id }
}

#[async_trait]
impl DecisionSettingsStore for SqliteStore {
    async fn release_profiles(&self) -> Result<Vec<ReleaseProfile>> {
        let rows = self.db.read(|conn| {
            Ok(conn
                .prepare_cached(&format!(
                    "SELECT {RELEASE_COLUMNS} FROM release_profiles ORDER BY id"
                ))?
                .query_map([], release_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?)
        })?;
        Ok(rows.into_iter().map(ReleaseProfile::from).collect())
    }

    async fn release_profile(&self, id: i32) -> Result<ReleaseProfile> {
        let row = self.db.read(|conn| {
            Ok(conn
                .prepare_cached(&format!(
                    "SELECT {RELEASE_COLUMNS} FROM release_profiles WHERE id = ?1"
                ))?
                .query_row([id], release_row)
                .optional()?)
        })?;
        Ok(row.ok_or_else(|| not_found("ReleaseProfile", id))?.into())
    }

    async fn add_release_profile(&self, profile: &ReleaseProfile) -> Result<ReleaseProfile> {
        let (required, ignored, tags) = (
            to_json(&profile.required)?,
            to_json(&profile.ignored)?,
            to_json(&profile.tags)?,
        );
        let id = self
            .db
            .write(|conn| {
                conn.prepare_cached(
                    "INSERT INTO release_profiles (name, enabled, required, ignored, indexer_id, \
                     tags) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )?
                .execute(params![
                    profile.name,
                    profile.enabled,
                    required,
                    ignored,
                    profile.indexer_id,
                    tags
                ])?;
                row_id(conn.last_insert_rowid())
            })
            .await?;
        self.release_profile(id).await
    }

    async fn update_release_profile(&self, profile: &ReleaseProfile) -> Result<ReleaseProfile> {
        let (required, ignored, tags) = (
            to_json(&profile.required)?,
            to_json(&profile.ignored)?,
            to_json(&profile.tags)?,
        );
        let changed = self
            .db
            .write(|conn| {
                Ok(conn
                    .prepare_cached(
                        "UPDATE release_profiles SET name = ?1, enabled = ?2, required = ?3, \
                         ignored = ?4, indexer_id = ?5, tags = ?6 WHERE id = ?7",
                    )?
                    .execute(params![
                        profile.name,
                        profile.enabled,
                        required,
                        ignored,
                        profile.indexer_id,
                        tags,
                        profile.id
                    ])?)
            })
            .await?;
        if changed == 0 {
            return Err(not_found("ReleaseProfile", profile.id));
        }
        self.release_profile(profile.id).await
    }

    async fn delete_release_profile(&self, id: i32) -> Result<()> {
        let changed = self
            .db
            .write(|conn| {
                Ok(conn
                    .prepare_cached("DELETE FROM release_profiles WHERE id = ?1")?
                    .execute([id])?)
            })
            .await?;
        if changed == 0 {
            return Err(not_found("ReleaseProfile", id));
        }
        Ok(())
    }

    async fn delay_profiles(&self) -> Result<Vec<DelayProfile>> {
        let rows = self.db.read(|conn| {
            Ok(conn
                .prepare_cached(&format!(
                    "SELECT {DELAY_PROFILE_COLUMNS} FROM delay_profiles ORDER BY sort_order, id"
                ))?
                .query_map([], delay_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?)
        })?;
        convert_all(rows)
    }

    async fn delay_profile(&self, id: i32) -> Result<DelayProfile> {
        let row = self.db.read(|conn| {
            Ok(conn
                .prepare_cached(&format!(
                    "SELECT {DELAY_PROFILE_COLUMNS} FROM delay_profiles WHERE id = ?1"
                ))?
                .query_row([id], delay_row)
                .optional()?)
        })?;
        row.ok_or_else(|| not_found("DelayProfile", id))?.try_into()
    }

    async fn add_delay_profile(&self, profile: &DelayProfile) -> Result<DelayProfile> {
        let tags = to_json(&profile.tags)?;
        let id = self
            .db
            .write(|conn| {
                // Radarr places a new profile at the count of those before
                // it: just ahead of the default, which is last.
                conn.prepare_cached(
                    "INSERT INTO delay_profiles (enable_usenet, enable_torrent, \
                     preferred_protocol, usenet_delay, torrent_delay, bypass_if_highest_quality, \
                     bypass_if_above_custom_format_score, minimum_custom_format_score, \
                     sort_order, tags) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, \
                     (SELECT COUNT(*) FROM delay_profiles), ?9)",
                )?
                .execute(params![
                    profile.enable_usenet,
                    profile.enable_torrent,
                    profile.preferred_protocol as i32,
                    profile.usenet_delay,
                    profile.torrent_delay,
                    profile.bypass_if_highest_quality,
                    profile.bypass_if_above_custom_format_score,
                    profile.minimum_custom_format_score,
                    tags
                ])?;
                row_id(conn.last_insert_rowid())
            })
            .await?;
        self.delay_profile(id).await
    }

    async fn update_delay_profile(&self, profile: &DelayProfile) -> Result<DelayProfile> {
        let tags = to_json(&profile.tags)?;
        let changed = self
            .db
            .write(|conn| {
                Ok(conn
                    .prepare_cached(
                        "UPDATE delay_profiles SET enable_usenet = ?1, enable_torrent = ?2, \
                         preferred_protocol = ?3, usenet_delay = ?4, torrent_delay = ?5, \
                         bypass_if_highest_quality = ?6, bypass_if_above_custom_format_score = ?7, \
                         minimum_custom_format_score = ?8, tags = ?9 WHERE id = ?10",
                    )?
                    .execute(params![
                        profile.enable_usenet,
                        profile.enable_torrent,
                        profile.preferred_protocol as i32,
                        profile.usenet_delay,
                        profile.torrent_delay,
                        profile.bypass_if_highest_quality,
                        profile.bypass_if_above_custom_format_score,
                        profile.minimum_custom_format_score,
                        tags,
                        profile.id
                    ])?)
            })
            .await?;
        if changed == 0 {
            return Err(not_found("DelayProfile", profile.id));
        }
        self.delay_profile(profile.id).await
    }

    async fn delete_delay_profile(&self, id: i32) -> Result<()> {
        self.db
            .write(|conn| {
                let tx = conn.transaction()?;
                if tx.execute("DELETE FROM delay_profiles WHERE id = ?1", [id])? == 0 {
                    return Err(not_found("DelayProfile", id));
                }
                let rest = tx
                    .prepare_cached(
                        "SELECT id FROM delay_profiles WHERE id != ?1 ORDER BY sort_order, id",
                    )?
                    .query_map([DelayProfile::DEFAULT_ID], |row| row.get(0))?
                    .collect::<rusqlite::Result<Vec<i32>>>()?;
                for (order, id) in (1..).zip(rest) {
                    tx.prepare_cached("UPDATE delay_profiles SET sort_order = ?1 WHERE id = ?2")?
                        .execute([order, id])?;
                }
                tx.commit()?;
                Ok(())
            })
            .await
    }

    async fn set_delay_profile_orders(&self, orders: &[(i32, i32)]) -> Result<()> {
        self.db
            .write(|conn| {
                let tx = conn.transaction()?;
                for (id, order) in orders {
                    tx.prepare_cached("UPDATE delay_profiles SET sort_order = ?1 WHERE id = ?2")?
                        .execute([order, id])?;
                }
                tx.commit()?;
                Ok(())
            })
            .await
    }

    async fn indexer_config(&self) -> Result<IndexerConfig> {
        let entries = self.db.read(|conn| {
            let mut stmt = conn.prepare_cached("SELECT key, value FROM config WHERE key = ?1")?;
            let mut entries = Vec::new();
            for key in INDEXER_CONFIG_KEYS {
                if let Some(entry) = stmt
                    .query_row([key], |row| Ok((row.get(0)?, row.get(1)?)))
                    .optional()?
                {
                    entries.push(entry);
                }
            }
            Ok(entries)
        })?;
        indexer_config_from(entries)
    }

    async fn update_indexer_config(&self, config: &IndexerConfig) -> Result<IndexerConfig> {
        let entries = indexer_config_entries(config);
        self.db
            .write(|conn| {
                let tx = conn.transaction()?;
                for (key, value) in &entries {
                    tx.prepare_cached(
                        "INSERT INTO config (key, value) VALUES (?1, ?2) \
                         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    )?
                    .execute([key, value.as_str()])?;
                }
                tx.commit()?;
                Ok(())
            })
            .await?;
        self.indexer_config().await
    }
}
