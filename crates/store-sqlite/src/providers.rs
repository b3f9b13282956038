//! Providers in SQLite.

use async_trait::async_trait;
use domain::provider::{Provider, ProviderKind};
use rusqlite::{OptionalExtension, params};
use store::error_kind::{Broken, when_broken};
use store::{Conflict, ProviderStore, Result, StoreError};

use crate::SqliteStore;
use crate::rows::{provider_row, row_id, to_json};

const COLUMNS: &str = "id, kind, name, implementation, config_contract, settings, options, tags";

fn not_found(kind: ProviderKind, id: i32) -> StoreError {
    StoreError::NotFound {
        entity: kind.entity(),
        id,
    }
}

fn name_taken(err: rusqlite::Error, provider: &Provider) -> StoreError {
    when_broken(err, Broken::Unique, || Conflict::ProviderNameExists {
        name: provider.name.clone(),
    })
}

#[async_trait]
impl ProviderStore for SqliteStore {
    async fn providers(&self, kind: ProviderKind) -> Result<Vec<Provider>> {
        let sql = format!("SELECT {COLUMNS} FROM providers WHERE kind = ?1 ORDER BY id");
        let rows = self.db.read(|conn| {
            let mut stmt = conn.prepare_cached(&sql)?;
            let rows = stmt
                .query_map([kind as i32], provider_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })?;
        rows.into_iter().map(Provider::try_from).collect()
    }

    async fn provider(&self, kind: ProviderKind, id: i32) -> Result<Provider> {
        let sql = format!("SELECT {COLUMNS} FROM providers WHERE kind = ?1 AND id = ?2");
        let row = self.db.read(|conn| {
            Ok(conn
                .prepare_cached(&sql)?
                .query_row(params![kind as i32, id], provider_row)
                .optional()?)
        })?;
        row.ok_or_else(|| not_found(kind, id))?.try_into()
    }

    async fn add_provider(&self, provider: &Provider) -> Result<Provider> {
        let (settings, options, tags) = (
            to_json(&provider.settings)?,
            to_json(&provider.options)?,
            to_json(&provider.tags)?,
        );
        let id = self
            .db
            .write(|conn| {
                conn.prepare_cached(
                    "INSERT INTO providers (kind, name, implementation, config_contract, settings, \
                     options, tags) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )?
                .execute(params![
                    provider.kind as i32,
                    provider.name,
                    provider.implementation,
                    provider.config_contract,
                    settings,
                    options,
                    tags
                ])
                .map_err(|e| name_taken(e, provider))?;
                row_id(conn.last_insert_rowid())
            })
            .await?;
        self.provider(provider.kind, id).await
    }

    async fn update_provider(&self, provider: &Provider) -> Result<Provider> {
        let (settings, options, tags) = (
            to_json(&provider.settings)?,
            to_json(&provider.options)?,
            to_json(&provider.tags)?,
        );
        let changed = self
            .db
            .write(|conn| {
                conn.prepare_cached(
                    "UPDATE providers SET name = ?1, implementation = ?2, config_contract = ?3, \
                         settings = ?4, options = ?5, tags = ?6 WHERE kind = ?7 AND id = ?8",
                )?
                .execute(params![
                    provider.name,
                    provider.implementation,
                    provider.config_contract,
                    settings,
                    options,
                    tags,
                    provider.kind as i32,
                    provider.id
                ])
                .map_err(|e| name_taken(e, provider))
            })
            .await?;
        if changed == 0 {
            return Err(not_found(provider.kind, provider.id));
        }
        self.provider(provider.kind, provider.id).await
    }

    async fn delete_providers(&self, kind: ProviderKind, ids: &[i32]) -> Result<()> {
        self.db
            .write(|conn| {
                let tx = conn.transaction()?;
                {
                    let mut delete =
                        tx.prepare_cached("DELETE FROM providers WHERE kind = ?1 AND id = ?2")?;
                    for id in ids {
                        delete.execute(params![kind as i32, id])?;
                    }
                }
                tx.commit()?;
                Ok(())
            })
            .await
    }
}
