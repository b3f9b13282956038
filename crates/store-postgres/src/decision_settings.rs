//! Release profiles, delay profiles and the indexer settings in PostgreSQL.

use async_trait::async_trait;
use domain::decision::{DelayProfile, IndexerConfig, ReleaseProfile};
use store::decision_rows::{
    DELAY_PROFILE_COLUMNS, DelayProfileRow, INDEXER_CONFIG_KEYS, ReleaseProfileRow,
    indexer_config_entries, indexer_config_from,
};
use store::rows::{Json, convert_all};
use store::{DecisionSettingsStore, Result, StoreError};

use crate::PostgresStore;

const RELEASE_COLUMNS: &str = "id, name, enabled, required, ignored, indexer_id, tags";

fn not_found(entity: &'static str, id: i32) -> StoreError {
    StoreError::NotFound { entity, id }
}

/// Only one delay-profile write renumbers at a time (the ASCII of "UR delay").
const DELAY_ORDER_LOCK: i64 = 0x5552_2064_656c_6179;

#[async_trait]
impl DecisionSettingsStore for PostgresStore {
    async fn release_profiles(&self) -> Result<Vec<ReleaseProfile>> {
        let rows: Vec<ReleaseProfileRow> = sqlx::query_as(&format!(
            "SELECT {RELEASE_COLUMNS} FROM release_profiles ORDER BY id"
        ))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(ReleaseProfile::from).collect())
    }

    async fn release_profile(&self, id: i32) -> Result<ReleaseProfile> {
        let row: Option<ReleaseProfileRow> = sqlx::query_as(&format!(
            "SELECT {RELEASE_COLUMNS} FROM release_profiles WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.ok_or_else(|| not_found("ReleaseProfile", id))?.into())
    }

    async fn add_release_profile(&self, profile: &ReleaseProfile) -> Result<ReleaseProfile> {
        let row: ReleaseProfileRow = sqlx::query_as(&format!(
            "INSERT INTO release_profiles (name, enabled, required, ignored, indexer_id, tags) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING {RELEASE_COLUMNS}"
        ))
        .bind(&profile.name)
        .bind(profile.enabled)
        .bind(Json(&profile.required))
        .bind(Json(&profile.ignored))
        .bind(profile.indexer_id)
        .bind(Json(&profile.tags))
        .fetch_one(&self.pool)
        .await?;
        Ok(row.into())
    }

    async fn update_release_profile(&self, profile: &ReleaseProfile) -> Result<ReleaseProfile> {
        let row: Option<ReleaseProfileRow> = sqlx::query_as(&format!(
            "UPDATE release_profiles SET name = $1, enabled = $2, required = $3, ignored = $4, \
             indexer_id = $5, tags = $6 WHERE id = $7 RETURNING {RELEASE_COLUMNS}"
        ))
        .bind(&profile.name)
        .bind(profile.enabled)
        .bind(Json(&profile.required))
        .bind(Json(&profile.ignored))
        .bind(profile.indexer_id)
        .bind(Json(&profile.tags))
        .bind(profile.id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row
            .ok_or_else(|| not_found("ReleaseProfile", profile.id))?
            .into())
    }

    async fn delete_release_profile(&self, id: i32) -> Result<()> {
        let deleted = sqlx::query("DELETE FROM release_profiles WHERE id = $1")
            .bind(id)
            .execute(&self.pool)
            .await?
            .rows_affected();
        if deleted == 0 {
            return Err(not_found("ReleaseProfile", id));
        }
        Ok(())
    }

    async fn delay_profiles(&self) -> Result<Vec<DelayProfile>> {
        let rows: Vec<DelayProfileRow> = sqlx::query_as(&format!(
            "SELECT {DELAY_PROFILE_COLUMNS} FROM delay_profiles ORDER BY sort_order, id"
        ))
        .fetch_all(&self.pool)
        .await?;
        convert_all(rows)
    }

    async fn delay_profile(&self, id: i32) -> Result<DelayProfile> {
        let row: Option<DelayProfileRow> = sqlx::query_as(&format!(
            "SELECT {DELAY_PROFILE_COLUMNS} FROM delay_profiles WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.ok_or_else(|| not_found("DelayProfile", id))?.try_into()
    }

    async fn add_delay_profile(&self, profile: &DelayProfile) -> Result<DelayProfile> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("SELECT pg_advisory_xact_lock($1)")
            .bind(DELAY_ORDER_LOCK)
            .execute(&mut *tx)
            .await?;
        // Radarr places a new profile at the count of those before it: just
        // ahead of the default, which is last.
        let row: DelayProfileRow = sqlx::query_as(&format!(
            "INSERT INTO delay_profiles (enable_usenet, enable_torrent, preferred_protocol, \
             usenet_delay, torrent_delay, bypass_if_highest_quality, \
             bypass_if_above_custom_format_score, minimum_custom_format_score, sort_order, tags) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, (SELECT COUNT(*) FROM delay_profiles), $9) \
             RETURNING {DELAY_PROFILE_COLUMNS}"
        ))
        .bind(profile.enable_usenet)
        .bind(profile.enable_torrent)
        .bind(profile.preferred_protocol as i32)
        .bind(profile.usenet_delay)
        .bind(profile.torrent_delay)
        .bind(profile.bypass_if_highest_quality)
        .bind(profile.bypass_if_above_custom_format_score)
        .bind(profile.minimum_custom_format_score)
        .bind(Json(&profile.tags))
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        row.try_into()
    }

    async fn update_delay_profile(&self, profile: &DelayProfile) -> Result<DelayProfile> {
        let row: Option<DelayProfileRow> = sqlx::query_as(&format!(
            "UPDATE delay_profiles SET enable_usenet = $1, enable_torrent = $2, \
             preferred_protocol = $3, usenet_delay = $4, torrent_delay = $5, \
             bypass_if_highest_quality = $6, bypass_if_above_custom_format_score = $7, \
             minimum_custom_format_score = $8, tags = $9 WHERE id = $10 \
             RETURNING {DELAY_PROFILE_COLUMNS}"
        ))
        .bind(profile.enable_usenet)
        .bind(profile.enable_torrent)
        .bind(profile.preferred_protocol as i32)
        .bind(profile.usenet_delay)
        .bind(profile.torrent_delay)
        .bind(profile.bypass_if_highest_quality)
        .bind(profile.bypass_if_above_custom_format_score)
        .bind(profile.minimum_custom_format_score)
        .bind(Json(&profile.tags))
        .bind(profile.id)
        .fetch_optional(&self.pool)
        .await?;
        row.ok_or_else(|| not_found("DelayProfile", profile.id))?
            .try_into()
    }

    async fn delete_delay_profile(&self, id: i32) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("SELECT pg_advisory_xact_lock($1)")
            .bind(DELAY_ORDER_LOCK)
            .execute(&mut *tx)
            .await?;
        let deleted = sqlx::query("DELETE FROM delay_profiles WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if deleted == 0 {
            return Err(not_found("DelayProfile", id));
        }
        sqlx::query(
            "UPDATE delay_profiles d SET sort_order = r.place FROM (SELECT id, \
             ROW_NUMBER() OVER (ORDER BY sort_order, id)::INTEGER AS place FROM delay_profiles \
             WHERE id != $1) r WHERE d.id = r.id",
        )
        .bind(DelayProfile::DEFAULT_ID)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn set_delay_profile_orders(&self, orders: &[(i32, i32)]) -> Result<()> {
        let (ids, places): (Vec<i32>, Vec<i32>) = orders.iter().copied().unzip();
        sqlx::query(
            "UPDATE delay_profiles d SET sort_order = o.place \
             FROM UNNEST($1::INTEGER[], $2::INTEGER[]) AS o(id, place) WHERE d.id = o.id",
        )
        .bind(&ids)
        .bind(&places)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn indexer_config(&self) -> Result<IndexerConfig> {
        let entries: Vec<(String, String)> =
            sqlx::query_as("SELECT key, value FROM config WHERE key = ANY($1)")
                .bind(&INDEXER_CONFIG_KEYS[..])
                .fetch_all(&self.pool)
                .await?;
        indexer_config_from(entries)
    }

    async fn update_indexer_config(&self, config: &IndexerConfig) -> Result<IndexerConfig> {
        let (keys, values): (Vec<&str>, Vec<String>) =
            indexer_config_entries(config).into_iter().unzip();
        sqlx::query(
            "INSERT INTO config (key, value) SELECT * FROM UNNEST($1::TEXT[], $2::TEXT[]) \
             ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
        )
        .bind(&keys)
        .bind(&values)
        .execute(&self.pool)
        .await?;
        self.indexer_config().await
    }
}
