//! Columns to and from SQLite: rows read into the store's row shapes (by
//! position, in the order of the statements' select lists), nested values as
//! JSON text, new rows' ids.

use chrono::{DateTime, Utc};
use rusqlite::Row;
use rusqlite::types::Type;
use serde::Serialize;
use serde::de::DeserializeOwned;
use store::rows::{
    CollectionRow, CommandRow, ExclusionRow, HistoryRow, Json, MovieOutlineRow, MovieRow,
    ProviderRow, QualityDefinitionRow, QualityProfileRow, RootFolderRow, ScheduledTaskRow, TagRow,
};
use store::{Result, StoreError};

/// Every movie column, then its file's columns: the select list `movie_row` reads.
macro_rules! select_movie {
    () => {
        "SELECT m.id, m.tmdb_id, m.imdb_id, m.title, m.sort_title, m.clean_title, m.year, \
         m.status, m.in_cinemas, m.physical_release, m.digital_release, m.monitored, \
         m.minimum_availability, m.quality_profile_id, m.path, m.root_folder_path, m.tags, \
         m.add_options, m.added, m.last_search_time, m.images, m.metadata, \
         f.id, f.relative_path, f.size, f.date_added, f.scene_name, f.release_group, \
         f.edition, f.languages, f.quality, f.indexer_flags, f.media_info, f.original_file_path \
         FROM movies m LEFT JOIN movie_files f ON f.movie_id = m.id"
    };
}
pub(crate) use select_movie;

/// A movie's outline and its file's quality: the select list `outline_row`
/// reads. The covering index `movies_outline` answers it without reading
/// the movies' rows, whose metadata makes them large.
pub(crate) const SELECT_OUTLINES: &str = "SELECT m.id, m.tmdb_id, m.imdb_id, m.clean_title, \
     m.sort_title, m.year, m.monitored, m.minimum_availability, m.quality_profile_id, \
     m.in_cinemas, m.physical_release, m.digital_release, m.last_search_time, f.quality \
     FROM movies m INDEXED BY movies_outline LEFT JOIN movie_files f ON f.movie_id = m.id \
     ORDER BY m.id";

/// A row of [`SELECT_OUTLINES`].
pub(crate) fn outline_row(row: &Row) -> rusqlite::Result<MovieOutlineRow> {
    Ok(MovieOutlineRow {
        id: row.get(0)?,
        tmdb_id: row.get(1)?,
        imdb_id: row.get(2)?,
        clean_title: row.get(3)?,
        sort_title: row.get(4)?,
        year: row.get(5)?,
        monitored: row.get(6)?,
        minimum_availability: row.get(7)?,
        quality_profile_id: row.get(8)?,
        in_cinemas: date_or_null(row, 9)?,
        physical_release: date_or_null(row, 10)?,
        digital_release: date_or_null(row, 11)?,
        last_search_time: date_or_null(row, 12)?,
        file_quality: json_or_null(row, 13)?,
    })
}

/// The select list `profile_row` reads.
macro_rules! select_profile {
    () => {
        "SELECT id, name, upgrade_allowed, cutoff, items, min_format_score, \
         cutoff_format_score, min_upgrade_format_score, format_items, language, \
         min_reputation_score FROM quality_profiles"
    };
}
pub(crate) use select_profile;

/// A value of a JSON column.
pub(crate) fn to_json<T: Serialize + ?Sized>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| StoreError::Corrupt(format!("JSON column: {e}")))
}

/// A new row's id, which the schema keeps within `i32`.
pub(crate) fn row_id(rowid: i64) -> Result<i32> {
    i32::try_from(rowid).map_err(|_| StoreError::Corrupt(format!("row id {rowid} out of range")))
}

pub(crate) fn json<T: DeserializeOwned>(row: &Row, idx: usize) -> rusqlite::Result<Json<T>> {
    let text = row.get_ref(idx)?.as_str()?;
    parse(text, idx).map(Json)
}

fn json_or_null<T: DeserializeOwned>(row: &Row, idx: usize) -> rusqlite::Result<Option<Json<T>>> {
    match row.get_ref(idx)?.as_str_or_null()? {
        Some(text) => parse(text, idx).map(|v| Some(Json(v))),
        None => Ok(None),
    }
}

fn parse<T: DeserializeOwned>(text: &str, idx: usize) -> rusqlite::Result<T> {
    serde_json::from_str(text)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(idx, Type::Text, Box::new(e)))
}

/// A timestamp column. Written by rusqlite as `2024-02-01 10:00:00+00:00`,
/// which the RFC 3339 reader takes as it is; rusqlite's own reader tries
/// format strings one after another, a tenth of a movie's decoding time.
pub(crate) fn date(row: &Row, idx: usize) -> rusqlite::Result<DateTime<Utc>> {
    let text = row.get_ref(idx)?.as_str()?;
    read_date(text, idx)
}

fn date_or_null(row: &Row, idx: usize) -> rusqlite::Result<Option<DateTime<Utc>>> {
    row.get_ref(idx)?
        .as_str_or_null()?
        .map(|text| read_date(text, idx))
        .transpose()
}

fn read_date(text: &str, idx: usize) -> rusqlite::Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .map(|date| date.with_timezone(&Utc))
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(idx, Type::Text, Box::new(e)))
}

/// A row of `select_movie!()`.
pub(crate) fn movie_row(row: &Row) -> rusqlite::Result<MovieRow> {
    Ok(MovieRow {
        id: row.get(0)?,
        tmdb_id: row.get(1)?,
        imdb_id: row.get(2)?,
        title: row.get(3)?,
        sort_title: row.get(4)?,
        clean_title: row.get(5)?,
        year: row.get(6)?,
        status: row.get(7)?,
        in_cinemas: date_or_null(row, 8)?,
        physical_release: date_or_null(row, 9)?,
        digital_release: date_or_null(row, 10)?,
        monitored: row.get(11)?,
        minimum_availability: row.get(12)?,
        quality_profile_id: row.get(13)?,
        path: row.get(14)?,
        root_folder_path: row.get(15)?,
        tags: json(row, 16)?,
        add_options: json_or_null(row, 17)?,
        added: date(row, 18)?,
        last_search_time: date_or_null(row, 19)?,
        images: json(row, 20)?,
        metadata: row.get(21)?,
        file_id: row.get(22)?,
        file_relative_path: row.get(23)?,
        file_size: row.get(24)?,
        file_date_added: date_or_null(row, 25)?,
        file_scene_name: row.get(26)?,
        file_release_group: row.get(27)?,
        file_edition: row.get(28)?,
        file_languages: json_or_null(row, 29)?,
        file_quality: json_or_null(row, 30)?,
        file_indexer_flags: row.get(31)?,
        file_media_info: json_or_null(row, 32)?,
        file_original_file_path: row.get(33)?,
    })
}

/// A row of `select_profile!()`.
pub(crate) fn profile_row(row: &Row) -> rusqlite::Result<QualityProfileRow> {
    Ok(QualityProfileRow {
        id: row.get(0)?,
        name: row.get(1)?,
        upgrade_allowed: row.get(2)?,
        cutoff: row.get(3)?,
        items: json(row, 4)?,
        min_format_score: row.get(5)?,
        cutoff_format_score: row.get(6)?,
        min_upgrade_format_score: row.get(7)?,
        format_items: json(row, 8)?,
        language: row.get(9)?,
        min_reputation_score: row.get(10)?,
    })
}

/// A row of `id, quality, title, weight, min_size, max_size, preferred_size`.
pub(crate) fn definition_row(row: &Row) -> rusqlite::Result<QualityDefinitionRow> {
    Ok(QualityDefinitionRow {
        id: row.get(0)?,
        quality: row.get(1)?,
        title: row.get(2)?,
        weight: row.get(3)?,
        min_size: row.get(4)?,
        max_size: row.get(5)?,
        preferred_size: row.get(6)?,
    })
}

/// A row of `id, path`.
pub(crate) fn root_folder_row(row: &Row) -> rusqlite::Result<RootFolderRow> {
    Ok(RootFolderRow {
        id: row.get(0)?,
        path: row.get(1)?,
    })
}

/// A row of `id, label`.
pub(crate) fn tag_row(row: &Row) -> rusqlite::Result<TagRow> {
    Ok(TagRow {
        id: row.get(0)?,
        label: row.get(1)?,
    })
}

/// A row of `id, tmdb_id, movie_title, movie_year`.
pub(crate) fn exclusion_row(row: &Row) -> rusqlite::Result<ExclusionRow> {
    Ok(ExclusionRow {
        id: row.get(0)?,
        tmdb_id: row.get(1)?,
        movie_title: row.get(2)?,
        movie_year: row.get(3)?,
    })
}

/// The columns `command_row` reads, in its order.
pub(crate) const COMMAND_COLUMNS: &str = "id, name, body, priority, status, result, \
     trigger_type, message, exception, client_user_agent, queued, started, ended";

/// A row of [`COMMAND_COLUMNS`].
pub(crate) fn command_row(row: &Row) -> rusqlite::Result<CommandRow> {
    Ok(CommandRow {
        id: row.get(0)?,
        name: row.get(1)?,
        body: row.get(2)?,
        priority: row.get(3)?,
        status: row.get(4)?,
        result: row.get(5)?,
        trigger_type: row.get(6)?,
        message: row.get(7)?,
        exception: row.get(8)?,
        client_user_agent: row.get(9)?,
        queued: date(row, 10)?,
        started: date_or_null(row, 11)?,
        ended: date_or_null(row, 12)?,
    })
}

/// A row of `id, name, interval_minutes, last_execution, last_start_time`.
pub(crate) fn task_row(row: &Row) -> rusqlite::Result<ScheduledTaskRow> {
    Ok(ScheduledTaskRow {
        id: row.get(0)?,
        name: row.get(1)?,
        interval_minutes: row.get(2)?,
        last_execution: date(row, 3)?,
        last_start_time: date_or_null(row, 4)?,
    })
}

/// The columns `collection_row` reads, in its order.
pub(crate) const COLLECTION_COLUMNS: &str = "id, tmdb_id, title, sort_title, clean_title, \
     overview, images, monitored, quality_profile_id, root_folder_path, minimum_availability, \
     search_on_add, tags, added, last_info_sync, parts";

/// A row of [`COLLECTION_COLUMNS`].
pub(crate) fn collection_row(row: &Row) -> rusqlite::Result<CollectionRow> {
    Ok(CollectionRow {
        id: row.get(0)?,
        tmdb_id: row.get(1)?,
        title: row.get(2)?,
        sort_title: row.get(3)?,
        clean_title: row.get(4)?,
        overview: row.get(5)?,
        images: json(row, 6)?,
        monitored: row.get(7)?,
        quality_profile_id: row.get(8)?,
        root_folder_path: row.get(9)?,
        minimum_availability: row.get(10)?,
        search_on_add: row.get(11)?,
        tags: json(row, 12)?,
        added: date(row, 13)?,
        last_info_sync: date_or_null(row, 14)?,
        parts: json(row, 15)?,
    })
}

/// A row of `id, kind, name, implementation, config_contract, settings,
/// options, tags`.
pub(crate) fn provider_row(row: &Row) -> rusqlite::Result<ProviderRow> {
    Ok(ProviderRow {
        id: row.get(0)?,
        kind: row.get(1)?,
        name: row.get(2)?,
        implementation: row.get(3)?,
        config_contract: row.get(4)?,
        settings: json(row, 5)?,
        options: json(row, 6)?,
        tags: json(row, 7)?,
    })
}

/// A row of the history columns, in their order.
pub(crate) fn history_row(row: &Row) -> rusqlite::Result<HistoryRow> {
    Ok(HistoryRow {
        id: row.get(0)?,
        movie_id: row.get(1)?,
        source_title: row.get(2)?,
        quality: json(row, 3)?,
        languages: json(row, 4)?,
        custom_formats: json(row, 5)?,
        custom_format_score: row.get(6)?,
        date: date(row, 7)?,
        download_id: row.get(8)?,
        event_type: row.get(9)?,
        data: json(row, 10)?,
    })
}

/// A row of the blocklist columns, in their order.
pub(crate) fn blocklist_row(row: &Row) -> rusqlite::Result<store::download_rows::BlocklistRow> {
    Ok(store::download_rows::BlocklistRow {
        id: row.get(0)?,
        movie_id: row.get(1)?,
        source_title: row.get(2)?,
        quality: json(row, 3)?,
        languages: json(row, 4)?,
        custom_formats: json(row, 5)?,
        date: date(row, 6)?,
        published_date: date_or_null(row, 7)?,
        size: row.get(8)?,
        protocol: row.get(9)?,
        indexer: row.get(10)?,
        message: row.get(11)?,
        torrent_info_hash: row.get(12)?,
    })
}
