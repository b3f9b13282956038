//! Providers in PostgreSQL.

use async_trait::async_trait;
use domain::provider::{Provider, ProviderKind};
use store::error_kind::{Broken, when_broken};
use store::rows::{Json, ProviderRow};
use store::{Conflict, ProviderStore, Result, StoreError};

use crate::PostgresStore;

const COLUMNS: &str = "id, kind, name, implementation, config_contract, settings, options, tags";

fn not_found(kind: ProviderKind, id: i32) -> StoreError {
    StoreError::NotFound {
        entity: kind.entity(),
        id,
    }
}

fn name_taken(err: sqlx::Error, provider: &Provider) -> StoreError {
    when_broken(err, Broken::Unique, || Conflict::ProviderNameExists {
        name: provider.name.clone(),
    })
}

#[async_trait]
impl ProviderStore for PostgresStore {
    async fn providers(&self, kind: ProviderKind) -> Result<Vec<Provider>> {
        let rows: Vec<ProviderRow> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM providers WHERE kind = $1 ORDER BY id"
        ))
        .bind(kind as i32)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(Provider::try_from).collect()
    }

    async fn provider(&self, kind: ProviderKind, id: i32) -> Result<Provider> {
        let row: Option<ProviderRow> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM providers WHERE kind = $1 AND id = $2"
        ))
        .bind(kind as i32)
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.ok_or_else(|| not_found(kind, id))?.try_into()
    }

    async fn add_provider(&self, provider: &Provider) -> Result<Provider> {
        let row: ProviderRow = sqlx::query_as(&format!(
            "INSERT INTO providers (kind, name, implementation, config_contract, settings, options, \
             tags) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING {COLUMNS}"
        ))
        .bind(provider.kind as i32)
        .bind(&provider.name)
        .bind(&provider.implementation)
        .bind(&provider.config_contract)
        .bind(Json(&provider.settings))
        .bind(Json(&provider.options))
        .bind(Json(&provider.tags))
        .fetch_one(&self.pool)
        .await
        .map_err(|e| name_taken(e, provider))?;
        row.try_into()
    }

    async fn update_provider(&self, provider: &Provider) -> Result<Provider> {
        let row: Option<ProviderRow> = sqlx::query_as(&format!(
            "UPDATE providers SET name = $1, implementation = $2, config_contract = $3, \
             settings = $4, options = $5, tags = $6 WHERE kind = $7 AND id = $8 RETURNING {COLUMNS}"
        ))
        .bind(&provider.name)
        .bind(&provider.implementation)
        .bind(&provider.config_contract)
        .bind(Json(&provider.settings))
        .bind(Json(&provider.options))
        .bind(Json(&provider.tags))
        .bind(provider.kind as i32)
        .bind(provider.id)
        .fetch_optional(&self.pool)
        .await
        .map_err(|e| name_taken(e, provider))?;
        row.ok_or_else(|| not_found(provider.kind, provider.id))?
            .try_into()
    }

    async fn delete_providers(&self, kind: ProviderKind, ids: &[i32]) -> Result<()> {
        sqlx::query("DELETE FROM providers WHERE kind = $1 AND id = ANY($2)")
            .bind(kind as i32)
            .bind(ids)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
