//! Settings kept whole under one key, as JSON text (`naming`, …): the
//! service that owns a setting reads and writes its shape.

use async_trait::async_trait;

use crate::Result;

/// Settings by key.
#[async_trait]
pub trait ConfigStore: Send + Sync {
    /// The JSON text stored under `key`, if any.
    async fn config_text(&self, key: &str) -> Result<Option<String>>;
    /// Stores JSON text under `key`, replacing what was there.
    async fn set_config_text(&self, key: &str, value: &str) -> Result<()>;
    /// Stores `value` under `key` unless something is stored there already,
    /// and returns what is stored: instances starting together on one
    /// database all end up with the first one's value.
    async fn config_text_or_insert(&self, key: &str, value: &str) -> Result<String>;
}
