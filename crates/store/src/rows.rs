//! Row shapes both SQL backends decode, and their conversion into the model.
//! Columns hold ids for enums and JSON for nested values; each backend names
//! its columns to match these fields.

use chrono::{DateTime, Utc};
use domain::collection::{Collection, CollectionPart};
use domain::command::{
    Command, CommandPriority, CommandResult, CommandStatus, CommandTrigger, ScheduledTask,
};
use domain::exclusion::ImportExclusion;
use domain::history::{HistoryEntry, HistoryEventType};
use domain::language::Language;
use domain::movie::{AddOptions, MediaCover, MetadataDoc, Movie, MovieOutline, MovieStatus};
use domain::movie_file::{MediaInfo, MovieFile};
use domain::provider::{Provider, ProviderKind};
use domain::quality::Quality;
use domain::quality::QualityModel;
use domain::quality_definition::QualityDefinition;
use domain::quality_profile::{FormatItem, ProfileItem, QualityProfile};
use domain::root_folder::RootFolder;
use domain::tag::Tag;
pub use sqlx::types::Json;

use crate::{Result, StoreError};

/// A movie joined with its file (every `file_` column is null without one).
#[derive(Debug, sqlx::FromRow)]
pub struct MovieRow {
    pub id: i32,
    pub tmdb_id: i32,
    pub imdb_id: Option<String>,
    pub title: String,
    pub sort_title: String,
    pub clean_title: String,
    pub year: i32,
    pub status: i32,
    pub in_cinemas: Option<DateTime<Utc>>,
    pub physical_release: Option<DateTime<Utc>>,
    pub digital_release: Option<DateTime<Utc>>,
    pub monitored: bool,
    pub minimum_availability: i32,
    pub quality_profile_id: i32,
    pub path: String,
    pub root_folder_path: String,
    pub tags: Json<Vec<i32>>,
    pub add_options: Option<Json<AddOptions>>,
    pub added: DateTime<Utc>,
    pub last_search_time: Option<DateTime<Utc>>,
    pub images: Json<Vec<MediaCover>>,
    /// The metadata document's text.
    pub metadata: String,
    pub file_id: Option<i32>,
    pub file_relative_path: Option<String>,
    pub file_size: Option<i64>,
    pub file_date_added: Option<DateTime<Utc>>,
    pub file_scene_name: Option<String>,
    pub file_release_group: Option<String>,
    pub file_edition: Option<String>,
    pub file_languages: Option<Json<Vec<Language>>>,
    pub file_quality: Option<Json<QualityModel>>,
    pub file_indexer_flags: Option<i32>,
    pub file_media_info: Option<Json<MediaInfo>>,
    pub file_original_file_path: Option<String>,
}

fn status(value: i32) -> Result<MovieStatus> {
    MovieStatus::from_value(value.into())
        .ok_or_else(|| StoreError::Corrupt(format!("movie status {value}")))
}

impl TryFrom<MovieRow> for Movie {
    type Error = StoreError;

    fn try_from(row: MovieRow) -> Result<Movie> {
        let metadata = MetadataDoc::from_stored(row.metadata)
            .map_err(|e| StoreError::Corrupt(format!("metadata of movie {}: {e}", row.id)))?;
        let movie_file = match (row.file_id, row.file_date_added, row.file_quality) {
            (Some(id), Some(date_added), Some(Json(quality))) => Some(MovieFile {
                id,
                movie_id: row.id,
                relative_path: row.file_relative_path.unwrap_or_default(),
                size: row.file_size.unwrap_or_default(),
                date_added,
                scene_name: row.file_scene_name,
                release_group: row.file_release_group,
                edition: row.file_edition.unwrap_or_default(),
                languages: row.file_languages.map(|j| j.0).unwrap_or_default(),
                quality,
                indexer_flags: row.file_indexer_flags.unwrap_or_default(),
                media_info: row.file_media_info.map(|j| j.0),
                original_file_path: row.file_original_file_path,
            }),
            _ => None,
        };
        Ok(Movie {
            id: row.id,
            tmdb_id: row.tmdb_id,
            imdb_id: row.imdb_id,
            title: row.title,
            sort_title: row.sort_title,
            clean_title: row.clean_title,
            year: row.year,
            status: status(row.status)?,
            in_cinemas: row.in_cinemas,
            physical_release: row.physical_release,
            digital_release: row.digital_release,
            monitored: row.monitored,
            minimum_availability: status(row.minimum_availability)?,
            quality_profile_id: row.quality_profile_id,
            path: row.path,
            root_folder_path: row.root_folder_path,
            tags: row.tags.0,
            add_options: row.add_options.map(|j| j.0),
            added: row.added,
            last_search_time: row.last_search_time,
            images: row.images.0,
            metadata,
            movie_file,
        })
    }
}

/// A quality profile.
#[derive(Debug, sqlx::FromRow)]
pub struct QualityProfileRow {
    pub id: i32,
    pub name: String,
    pub upgrade_allowed: bool,
    pub cutoff: i32,
    pub items: Json<Vec<ProfileItem>>,
    pub min_format_score: i32,
    pub cutoff_format_score: i32,
    pub min_upgrade_format_score: i32,
    pub format_items: Json<Vec<FormatItem>>,
    pub language: i32,
    pub min_reputation_score: i32,
}

impl TryFrom<QualityProfileRow> for QualityProfile {
    type Error = StoreError;

    fn try_from(row: QualityProfileRow) -> Result<QualityProfile> {
        Ok(QualityProfile {
            id: row.id,
            name: row.name,
            upgrade_allowed: row.upgrade_allowed,
            cutoff: row.cutoff,
            items: row.items.0,
            min_format_score: row.min_format_score,
            cutoff_format_score: row.cutoff_format_score,
            min_upgrade_format_score: row.min_upgrade_format_score,
            format_items: row.format_items.0,
            language: Language::by_id(row.language)
                .ok_or_else(|| StoreError::Corrupt(format!("language {}", row.language)))?,
            min_reputation_score: row.min_reputation_score,
        })
    }
}

/// A quality definition.
#[derive(Debug, sqlx::FromRow)]
pub struct QualityDefinitionRow {
    pub id: i32,
    pub quality: i32,
    pub title: String,
    pub weight: i32,
    pub min_size: Option<f64>,
    pub max_size: Option<f64>,
    pub preferred_size: Option<f64>,
}

impl TryFrom<QualityDefinitionRow> for QualityDefinition {
    type Error = StoreError;

    fn try_from(row: QualityDefinitionRow) -> Result<QualityDefinition> {
        Ok(QualityDefinition {
            id: row.id,
            quality: Quality::by_id(row.quality)
                .ok_or_else(|| StoreError::Corrupt(format!("quality {}", row.quality)))?,
            title: row.title,
            weight: row.weight,
            min_size: row.min_size,
            max_size: row.max_size,
            preferred_size: row.preferred_size,
        })
    }
}

/// A root folder.
#[derive(Debug, sqlx::FromRow)]
pub struct RootFolderRow {
    pub id: i32,
    pub path: String,
}

impl From<RootFolderRow> for RootFolder {
    fn from(row: RootFolderRow) -> Self {
        RootFolder {
            id: row.id,
            path: row.path,
        }
    }
}

/// A tag.
#[derive(Debug, sqlx::FromRow)]
pub struct TagRow {
    pub id: i32,
    pub label: String,
}

impl From<TagRow> for Tag {
    fn from(row: TagRow) -> Self {
        Tag {
            id: row.id,
            label: row.label,
        }
    }
}

/// An import exclusion.
#[derive(Debug, sqlx::FromRow)]
pub struct ExclusionRow {
    pub id: i32,
    pub tmdb_id: i32,
    pub movie_title: String,
    pub movie_year: i32,
}

impl From<ExclusionRow> for ImportExclusion {
    fn from(row: ExclusionRow) -> Self {
        ImportExclusion {
            id: row.id,
            tmdb_id: row.tmdb_id,
            movie_title: row.movie_title,
            movie_year: row.movie_year,
        }
    }
}

/// Converts every row, failing on the first that cannot be read.
pub fn convert_all<R, T>(rows: Vec<R>) -> Result<Vec<T>>
where
    T: TryFrom<R, Error = StoreError>,
{
    rows.into_iter().map(T::try_from).collect()
}

/// A movie's outline joined with its file's quality (null without a file).
#[derive(Debug, sqlx::FromRow)]
pub struct MovieOutlineRow {
    pub id: i32,
    pub tmdb_id: i32,
    pub imdb_id: Option<String>,
    pub clean_title: String,
    pub sort_title: String,
    pub year: i32,
    pub monitored: bool,
    pub minimum_availability: i32,
    pub quality_profile_id: i32,
    pub in_cinemas: Option<DateTime<Utc>>,
    pub physical_release: Option<DateTime<Utc>>,
    pub digital_release: Option<DateTime<Utc>>,
    pub last_search_time: Option<DateTime<Utc>>,
    pub file_quality: Option<Json<QualityModel>>,
}

impl TryFrom<MovieOutlineRow> for MovieOutline {
    type Error = StoreError;

    fn try_from(row: MovieOutlineRow) -> Result<MovieOutline> {
        Ok(MovieOutline {
            id: row.id,
            tmdb_id: row.tmdb_id,
            imdb_id: row.imdb_id,
            clean_title: row.clean_title,
            sort_title: row.sort_title,
            year: row.year,
            monitored: row.monitored,
            minimum_availability: status(row.minimum_availability)?,
            quality_profile_id: row.quality_profile_id,
            in_cinemas: row.in_cinemas,
            physical_release: row.physical_release,
            digital_release: row.digital_release,
            last_search_time: row.last_search_time,
            file_quality: row.file_quality.map(|Json(quality)| quality),
        })
    }
}

/// A queued, running or finished command.
#[derive(Debug, sqlx::FromRow)]
pub struct CommandRow {
    pub id: i32,
    pub name: String,
    /// The body's JSON text.
    pub body: String,
    pub priority: i32,
    pub status: i32,
    pub result: i32,
    pub trigger_type: i32,
    pub message: Option<String>,
    pub exception: Option<String>,
    pub client_user_agent: Option<String>,
    pub queued: DateTime<Utc>,
    pub started: Option<DateTime<Utc>>,
    pub ended: Option<DateTime<Utc>>,
}

/// Reads a stored enum value, naming the column when it is not one.
fn member<T>(value: i32, read: fn(i64) -> Option<T>, what: &str) -> Result<T> {
    read(value.into()).ok_or_else(|| StoreError::Corrupt(format!("{what} {value}")))
}

impl TryFrom<CommandRow> for Command {
    type Error = StoreError;

    fn try_from(row: CommandRow) -> Result<Command> {
        let body = match serde_json::from_str(&row.body) {
            Ok(serde_json::Value::Object(body)) => body,
            _ => return Err(StoreError::Corrupt(format!("body of command {}", row.id))),
        };
        Ok(Command {
            id: row.id,
            name: row.name,
            body,
            priority: member(
                row.priority,
                CommandPriority::from_value,
                "command priority",
            )?,
            status: member(row.status, CommandStatus::from_value, "command status")?,
            result: member(row.result, CommandResult::from_value, "command result")?,
            trigger: member(
                row.trigger_type,
                CommandTrigger::from_value,
                "command trigger",
            )?,
            message: row.message,
            exception: row.exception,
            client_user_agent: row.client_user_agent,
            queued: row.queued,
            started: row.started,
            ended: row.ended,
        })
    }
}

/// A scheduled task.
#[derive(Debug, sqlx::FromRow)]
pub struct ScheduledTaskRow {
    pub id: i32,
    pub name: String,
    pub interval_minutes: i32,
    pub last_execution: DateTime<Utc>,
    pub last_start_time: Option<DateTime<Utc>>,
}

impl From<ScheduledTaskRow> for ScheduledTask {
    fn from(row: ScheduledTaskRow) -> Self {
        ScheduledTask {
            id: row.id,
            name: row.name,
            interval_minutes: row.interval_minutes,
            last_execution: row.last_execution,
            last_start_time: row.last_start_time,
        }
    }
}

/// A collection.
#[derive(Debug, sqlx::FromRow)]
pub struct CollectionRow {
    pub id: i32,
    pub tmdb_id: i32,
    pub title: String,
    pub sort_title: String,
    pub clean_title: String,
    pub overview: String,
    pub images: Json<Vec<MediaCover>>,
    pub monitored: bool,
    pub quality_profile_id: i32,
    pub root_folder_path: String,
    pub minimum_availability: i32,
    pub search_on_add: bool,
    pub tags: Json<Vec<i32>>,
    pub added: DateTime<Utc>,
    pub last_info_sync: Option<DateTime<Utc>>,
    pub parts: Json<Vec<CollectionPart>>,
}

impl TryFrom<CollectionRow> for Collection {
    type Error = StoreError;

    fn try_from(row: CollectionRow) -> Result<Collection> {
        Ok(Collection {
            id: row.id,
            tmdb_id: row.tmdb_id,
            title: row.title,
            sort_title: row.sort_title,
            clean_title: row.clean_title,
            overview: row.overview,
            images: row.images.0,
            monitored: row.monitored,
            quality_profile_id: row.quality_profile_id,
            root_folder_path: row.root_folder_path,
            minimum_availability: status(row.minimum_availability)?,
            search_on_add: row.search_on_add,
            tags: row.tags.0,
            added: row.added,
            last_info_sync: row.last_info_sync,
            parts: row.parts.0,
        })
    }
}

/// A provider.
#[derive(Debug, sqlx::FromRow)]
pub struct ProviderRow {
    pub id: i32,
    pub kind: i32,
    pub name: String,
    pub implementation: String,
    pub config_contract: String,
    pub settings: Json<serde_json::Map<String, serde_json::Value>>,
    pub options: Json<serde_json::Map<String, serde_json::Value>>,
    pub tags: Json<Vec<i32>>,
}

impl TryFrom<ProviderRow> for Provider {
    type Error = StoreError;

    fn try_from(row: ProviderRow) -> Result<Provider> {
        Ok(Provider {
            id: row.id,
            kind: member(row.kind, ProviderKind::from_value, "provider kind")?,
            name: row.name,
            implementation: row.implementation,
            config_contract: row.config_contract,
            settings: row.settings.0,
            options: row.options.0,
            tags: row.tags.0,
        })
    }
}

/// A history event.
#[derive(Debug, sqlx::FromRow)]
pub struct HistoryRow {
    pub id: i32,
    pub movie_id: i32,
    pub source_title: String,
    pub quality: Json<QualityModel>,
    pub languages: Json<Vec<Language>>,
    pub custom_formats: Json<Vec<i32>>,
    pub custom_format_score: i32,
    pub date: DateTime<Utc>,
    pub download_id: Option<String>,
    pub event_type: i32,
    pub data: Json<std::collections::BTreeMap<String, String>>,
}

impl TryFrom<HistoryRow> for HistoryEntry {
    type Error = StoreError;

    fn try_from(row: HistoryRow) -> Result<HistoryEntry> {
        Ok(HistoryEntry {
            id: row.id,
            movie_id: row.movie_id,
            source_title: row.source_title,
            quality: row.quality.0,
            languages: row.languages.0,
            custom_formats: row.custom_formats.0,
            custom_format_score: row.custom_format_score,
            date: row.date,
            download_id: row.download_id,
            event_type: member(
                row.event_type,
                HistoryEventType::from_value,
                "history event",
            )?,
            data: row.data.0,
        })
    }
}
