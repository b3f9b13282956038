//! A store that measures every call: `radarr_db_query_duration_seconds` and
//! `radarr_db_query_errors_total` by operation, and a tracing span per call.
//! Wrapping the trait once covers every backend.

use std::time::Instant;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use domain::blocklist::BlocklistEntry;
use domain::collection::Collection;
use domain::command::{Command, CommandOutcome, NewCommand, ScheduledTask};
use domain::custom_format::CustomFormat;
use domain::decision::{DelayProfile, IndexerConfig, ReleaseProfile};
use domain::download::TrackedDownload;
use domain::exclusion::ImportExclusion;
use domain::history::{HistoryEntry, HistoryEventType, HistoryQuery};
use domain::indexer_status::IndexerStatus;
use domain::movie::{Movie, MovieOutline};
use domain::movie_file::MovieFile;
use domain::provider::{Provider, ProviderKind};
use domain::quality_definition::QualityDefinition;
use domain::quality_profile::QualityProfile;
use domain::remote_path::RemotePathMapping;
use domain::reputation::GroupRelease;
use domain::root_folder::RootFolder;
use domain::scene_group::{SceneGroup, SceneGroupPage, TrackerRelease};
use domain::tag::Tag;
use futures::stream::BoxStream;

use crate::{
    Backend, BlocklistStore, CollectionStore, CommandStore, ConfigStore, Database,
    DecisionSettingsStore, DownloadStore, FormatStore, HistoryStore, IndexerStatusStore,
    MovieStore, ProfileStore, ProviderStore, Result, SceneGroupStore, SettingsStore,
};

/// A store whose calls are timed and traced.
pub struct Metered<S> {
    inner: S,
}

impl<S> Metered<S> {
    /// Wraps a store.
    pub fn new(inner: S) -> Self {
        Metered { inner }
    }
}

fn record(operation: &'static str, started: Instant, ok: bool) {
    metrics::histogram!("radarr_db_query_duration_seconds", "operation" => operation)
        .record(started.elapsed().as_secs_f64());
    if !ok {
        metrics::counter!("radarr_db_query_errors_total", "operation" => operation).increment(1);
    }
}

/// Implements a store trait for `Metered<S>` by timing each listed method
/// around the inner store's, plus any methods given verbatim.
macro_rules! metered {
    ($trait:ident { $(fn $name:ident(&self $(, $arg:ident: $ty:ty)*) -> $ret:ty;)* } $($verbatim:tt)*) => {
        #[async_trait]
        impl<S: $trait> $trait for Metered<S> {
            $(
                #[tracing::instrument(skip_all)]
                async fn $name(&self $(, $arg: $ty)*) -> $ret {
                    let started = Instant::now();
                    let result = self.inner.$name($($arg),*).await;
                    record(stringify!($name), started, result.is_ok());
                    result
                }
            )*
            $($verbatim)*
        }
    };
}

metered!(MovieStore {
    fn movies(&self) -> Result<Vec<Movie>>;
    fn movie(&self, id: i32) -> Result<Movie>;
    fn movies_by_ids(&self, ids: &[i32]) -> Result<Vec<Movie>>;
    fn movie_by_tmdb_id(&self, tmdb_id: i32) -> Result<Option<Movie>>;
    fn search_movies(&self, text: &str, limit: u32) -> Result<Vec<Movie>>;
    fn add_movie(&self, movie: &Movie) -> Result<Movie>;
    fn add_movies(&self, movies: &[Movie]) -> Result<Vec<Movie>>;
    fn update_movie(&self, movie: &Movie) -> Result<Movie>;
    fn update_movies(&self, movies: &[Movie]) -> Result<Vec<Movie>>;
    fn delete_movies(&self, ids: &[i32], exclusions: &[ImportExclusion]) -> Result<()>;
    fn add_movie_file(&self, file: &MovieFile) -> Result<MovieFile>;
    fn update_movie_file(&self, file: &MovieFile) -> Result<MovieFile>;
    fn movie_by_file_id(&self, file_id: i32) -> Result<Option<Movie>>;
    fn delete_movie_file(&self, file_id: i32) -> Result<()>;
    fn tmdb_ids(&self) -> Result<Vec<i32>>;
    fn movie_paths(&self) -> Result<Vec<String>>;
    fn movie_ids_with_tag(&self, tag_id: i32) -> Result<Vec<i32>>;
    fn movie_outlines(&self) -> Result<Vec<MovieOutline>>;
    fn set_last_search_time(&self, ids: &[i32], at: DateTime<Utc>) -> Result<()>;
    fn library_revision(&self) -> Result<i64>;
    fn movies_touched_since(&self, revision: i64) -> Result<Option<Vec<i32>>>;
}
    fn stream_movies(&self) -> BoxStream<'static, Result<Movie>> {
        // Rows arrive over the whole response: the time to first row is what
        // a query duration would mean here, and the response metric has it.
        self.inner.stream_movies()
    }
);

metered!(SettingsStore {
    fn root_folders(&self) -> Result<Vec<RootFolder>>;
    fn root_folder(&self, id: i32) -> Result<RootFolder>;
    fn add_root_folder(&self, path: &str) -> Result<RootFolder>;
    fn delete_root_folder(&self, id: i32) -> Result<()>;
    fn tags(&self) -> Result<Vec<Tag>>;
    fn tag(&self, id: i32) -> Result<Tag>;
    fn add_tag(&self, label: &str) -> Result<Tag>;
    fn update_tag(&self, tag: &Tag) -> Result<Tag>;
    fn delete_tag(&self, id: i32) -> Result<()>;
    fn exclusions(&self) -> Result<Vec<ImportExclusion>>;
    fn exclusion(&self, id: i32) -> Result<ImportExclusion>;
    fn add_exclusions(&self, exclusions: &[ImportExclusion]) -> Result<Vec<ImportExclusion>>;
    fn update_exclusion(&self, exclusion: &ImportExclusion) -> Result<ImportExclusion>;
    fn delete_exclusions(&self, ids: &[i32]) -> Result<()>;
});

metered!(ProfileStore {
    fn quality_profiles(&self) -> Result<Vec<QualityProfile>>;
    fn quality_profile(&self, id: i32) -> Result<QualityProfile>;
    fn add_quality_profile(&self, profile: &QualityProfile) -> Result<QualityProfile>;
    fn update_quality_profile(&self, profile: &QualityProfile) -> Result<QualityProfile>;
    fn delete_quality_profile(&self, id: i32) -> Result<()>;
    fn quality_definitions(&self) -> Result<Vec<QualityDefinition>>;
    fn update_quality_definitions(&self, definitions: &[QualityDefinition]) -> Result<()>;
    fn seed_defaults(&self, profiles: &[QualityProfile], definitions: &[QualityDefinition]) -> Result<()>;
});

metered!(CommandStore {
    fn enqueue_command(&self, command: &NewCommand) -> Result<(Command, bool)>;
    fn enqueue_scheduled(&self, command: &NewCommand, seen: &ScheduledTask) -> Result<Option<(Command, bool)>>;
    fn command(&self, id: i32) -> Result<Command>;
    fn recent_commands(&self, ended_after: DateTime<Utc>) -> Result<Vec<Command>>;
    fn claim_command(&self, runner: &str, now: DateTime<Utc>) -> Result<Option<Command>>;
    fn keep_claims(&self, runner: &str, now: DateTime<Utc>) -> Result<()>;
    fn set_command_message(&self, id: i32, message: &str) -> Result<()>;
    fn finish_command(&self, id: i32, outcome: &CommandOutcome, ended: DateTime<Utc>, task: Option<&str>) -> Result<()>;
    fn cancel_command(&self, id: i32, now: DateTime<Utc>) -> Result<bool>;
    fn requeue_commands(&self, claimed_before: DateTime<Utc>) -> Result<u64>;
    fn release_commands(&self, runner: &str) -> Result<u64>;
    fn delete_commands_ended_before(&self, ended_before: DateTime<Utc>) -> Result<u64>;
    fn ensure_tasks(&self, tasks: &[(&str, i32)], now: DateTime<Utc>) -> Result<()>;
    fn scheduled_tasks(&self) -> Result<Vec<ScheduledTask>>;
    fn task_started(&self, name: &str, at: DateTime<Utc>) -> Result<()>;
});

metered!(CollectionStore {
    fn collections(&self) -> Result<Vec<Collection>>;
    fn collection(&self, id: i32) -> Result<Collection>;
    fn add_collection(&self, collection: &Collection) -> Result<(Collection, bool)>;
    fn update_collection(&self, collection: &Collection) -> Result<Collection>;
});

metered!(IndexerStatusStore {
    fn indexer_statuses(&self) -> Result<Vec<IndexerStatus>>;
    fn indexer_status(&self, provider_id: i32) -> Result<Option<IndexerStatus>>;
    fn save_indexer_status(&self, status: &IndexerStatus) -> Result<()>;
});

metered!(ProviderStore {
    fn providers(&self, kind: ProviderKind) -> Result<Vec<Provider>>;
    fn provider(&self, kind: ProviderKind, id: i32) -> Result<Provider>;
    fn add_provider(&self, provider: &Provider) -> Result<Provider>;
    fn update_provider(&self, provider: &Provider) -> Result<Provider>;
    fn delete_providers(&self, kind: ProviderKind, ids: &[i32]) -> Result<()>;
});

metered!(FormatStore {
    fn custom_formats(&self) -> Result<Vec<CustomFormat>>;
    fn custom_format(&self, id: i32) -> Result<CustomFormat>;
    fn add_custom_format(&self, format: &CustomFormat) -> Result<CustomFormat>;
    fn update_custom_formats(&self, formats: &[CustomFormat]) -> Result<Vec<CustomFormat>>;
    fn delete_custom_formats(&self, ids: &[i32]) -> Result<()>;
});

metered!(DecisionSettingsStore {
    fn release_profiles(&self) -> Result<Vec<ReleaseProfile>>;
    fn release_profile(&self, id: i32) -> Result<ReleaseProfile>;
    fn add_release_profile(&self, profile: &ReleaseProfile) -> Result<ReleaseProfile>;
    fn update_release_profile(&self, profile: &ReleaseProfile) -> Result<ReleaseProfile>;
    fn delete_release_profile(&self, id: i32) -> Result<()>;
    fn delay_profiles(&self) -> Result<Vec<DelayProfile>>;
    fn delay_profile(&self, id: i32) -> Result<DelayProfile>;
    fn add_delay_profile(&self, profile: &DelayProfile) -> Result<DelayProfile>;
    fn update_delay_profile(&self, profile: &DelayProfile) -> Result<DelayProfile>;
    fn delete_delay_profile(&self, id: i32) -> Result<()>;
    fn set_delay_profile_orders(&self, orders: &[(i32, i32)]) -> Result<()>;
    fn indexer_config(&self) -> Result<IndexerConfig>;
    fn update_indexer_config(&self, config: &IndexerConfig) -> Result<IndexerConfig>;
});

metered!(HistoryStore {
    fn add_history(&self, entry: &HistoryEntry) -> Result<HistoryEntry>;
    fn history_page(&self, query: &HistoryQuery) -> Result<(Vec<HistoryEntry>, u64)>;
    fn movie_history(&self, movie_id: i32, event_type: Option<HistoryEventType>) -> Result<Vec<HistoryEntry>>;
    fn history_since(&self, date: DateTime<Utc>, event_type: Option<HistoryEventType>) -> Result<Vec<HistoryEntry>>;
});

metered!(DownloadStore {
    fn remote_path_mappings(&self) -> Result<Vec<RemotePathMapping>>;
    fn remote_path_mapping(&self, id: i32) -> Result<RemotePathMapping>;
    fn add_remote_path_mapping(&self, mapping: &RemotePathMapping) -> Result<RemotePathMapping>;
    fn update_remote_path_mapping(&self, mapping: &RemotePathMapping) -> Result<RemotePathMapping>;
    fn delete_remote_path_mapping(&self, id: i32) -> Result<()>;
    fn tracked_downloads(&self) -> Result<Vec<TrackedDownload>>;
    fn tracked_download(&self, id: i32) -> Result<TrackedDownload>;
    fn save_client_downloads(&self, client_id: i32, downloads: &[TrackedDownload]) -> Result<Vec<TrackedDownload>>;
    fn update_tracked_download(&self, download: &TrackedDownload) -> Result<TrackedDownload>;
    fn delete_tracked_downloads(&self, ids: &[i32]) -> Result<()>;
});

metered!(BlocklistStore {
    fn add_blocklist(&self, entry: &BlocklistEntry) -> Result<BlocklistEntry>;
    fn blocklist(&self, movie_ids: &[i32]) -> Result<Vec<BlocklistEntry>>;
    fn delete_blocklist(&self, ids: &[i32]) -> Result<u64>;
    fn clear_blocklist(&self) -> Result<()>;
});

metered!(ConfigStore {
    fn config_text(&self, key: &str) -> Result<Option<String>>;
    fn set_config_text(&self, key: &str, value: &str) -> Result<()>;
    fn config_text_or_insert(&self, key: &str, value: &str) -> Result<String>;
});

metered!(SceneGroupStore {
    fn save_tracker_releases(&self, releases: &[TrackerRelease], run: i64) -> Result<()>;
    fn mark_unseen_deleted(&self, indexer_id: i32, run: i64) -> Result<u64>;
    fn tracker_releases(&self) -> Result<Vec<GroupRelease>>;
    fn save_scene_groups(&self, groups: &[SceneGroup], complete: bool) -> Result<()>;
    fn scene_groups(&self, page: SceneGroupPage) -> Result<(i64, Vec<SceneGroup>)>;
    fn scene_group(&self, name: &str) -> Result<Option<SceneGroup>>;
    fn scene_group_scores(&self) -> Result<Vec<(String, f64)>>;
});

metered!(Database {
    fn server_version(&self) -> Result<String>;
    fn migration_version(&self) -> Result<i64>;
    fn ping(&self) -> Result<()>;
    fn backup_database(&self, to: &std::path::Path) -> Result<()>;
    fn check_database_copy(&self, copy: &std::path::Path) -> Result<()>;
}
    fn backend(&self) -> Backend {
        self.inner.backend()
    }

    fn pool_connections(&self) -> (u32, usize) {
        self.inner.pool_connections()
    }

    async fn close(&self) {
        self.inner.close().await;
    }
);
