//! Movies and movie files in SQLite.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use domain::exclusion::ImportExclusion;
use domain::movie::{Movie, MovieOutline};
use domain::movie_file::MovieFile;
use futures::stream::BoxStream;
use rusqlite::types::ToSql;
use rusqlite::{Connection, OptionalExtension, params};
use store::error_kind::{Broken, ConstraintError, when_broken};
use store::rows::{MovieRow, convert_all};
use store::{
    Conflict, LIST_PAGE, MovieStore, Result, StoreError, search_terms, spawn_movie_stream,
};

use crate::SqliteStore;
use crate::rows::{SELECT_OUTLINES, movie_row, outline_row, row_id, select_movie, to_json};
use crate::settings::insert_exclusions;

/// A movie's columns as ?1..?22, in the order `Encoded::values` gives them.
const INSERT_MOVIE: &str = "INSERT INTO movies (tmdb_id, imdb_id, title, sort_title, \
    clean_title, search_text, year, status, in_cinemas, physical_release, digital_release, \
    monitored, minimum_availability, quality_profile_id, path, root_folder_path, tags, \
    add_options, added, last_search_time, images, metadata) \
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, \
    ?19, ?20, ?21, ?22)";

/// The same ?1..?22, and the movie's id as ?23.
const UPDATE_MOVIE: &str = "UPDATE movies SET tmdb_id = ?1, imdb_id = ?2, title = ?3, \
    sort_title = ?4, clean_title = ?5, search_text = ?6, year = ?7, status = ?8, \
    in_cinemas = ?9, physical_release = ?10, digital_release = ?11, monitored = ?12, \
    minimum_availability = ?13, quality_profile_id = ?14, path = ?15, root_folder_path = ?16, \
    tags = ?17, add_options = ?18, added = ?19, last_search_time = ?20, images = ?21, \
    metadata = ?22 WHERE id = ?23";

/// A movie's column values that are not fields as they are.
struct Encoded<'a> {
    metadata: &'a str,
    search_text: String,
    status: i32,
    minimum_availability: i32,
    tags: String,
    add_options: Option<String>,
    images: String,
}

impl<'a> Encoded<'a> {
    fn of(movie: &'a Movie) -> Result<Self> {
        Ok(Encoded {
            metadata: movie.metadata.as_json(),
            search_text: movie.search_text(),
            status: movie.status as i32,
            minimum_availability: movie.minimum_availability as i32,
            tags: to_json(&movie.tags)?,
            add_options: movie.add_options.as_ref().map(to_json).transpose()?,
            images: to_json(&movie.images)?,
        })
    }

    /// The values of ?1..?22 of INSERT_MOVIE and UPDATE_MOVIE.
    fn values(&'a self, movie: &'a Movie) -> [&'a dyn ToSql; 22] {
        [
            &movie.tmdb_id,
            &movie.imdb_id,
            &movie.title,
            &movie.sort_title,
            &movie.clean_title,
            &self.search_text,
            &movie.year,
            &self.status,
            &movie.in_cinemas,
            &movie.physical_release,
            &movie.digital_release,
            &movie.monitored,
            &self.minimum_availability,
            &movie.quality_profile_id,
            &movie.path,
            &movie.root_folder_path,
            &self.tags,
            &self.add_options,
            &movie.added,
            &movie.last_search_time,
            &self.images,
            &self.metadata,
        ]
    }
}

/// Maps the constraint failures a movie write can meet.
fn movie_write_error(err: rusqlite::Error, movie: &Movie) -> StoreError {
    match err.broken() {
        Some(Broken::Unique) => Conflict::MovieExists {
            tmdb_id: movie.tmdb_id,
        }
        .into(),
        Some(Broken::ForeignKey) => Conflict::UnknownProfile {
            id: movie.quality_profile_id,
        }
        .into(),
        None => err.into(),
    }
}

fn insert_movie(conn: &Connection, movie: &Movie) -> Result<Movie> {
    let encoded = Encoded::of(movie)?;
    conn.prepare_cached(INSERT_MOVIE)?
        .execute(&encoded.values(movie)[..])
        .map_err(|e| movie_write_error(e, movie))?;
    Ok(Movie {
        id: row_id(conn.last_insert_rowid())?,
        movie_file: None,
        ..movie.clone()
    })
}

fn save_movie(conn: &Connection, movie: &Movie) -> Result<Movie> {
    let encoded = Encoded::of(movie)?;
    let mut stmt = conn.prepare_cached(UPDATE_MOVIE)?;
    for (i, value) in encoded.values(movie).into_iter().enumerate() {
        stmt.raw_bind_parameter(i + 1, value)?;
    }
    stmt.raw_bind_parameter(23, movie.id)?;
    let changed = stmt
        .raw_execute()
        .map_err(|e| movie_write_error(e, movie))?;
    if changed == 0 {
        return Err(StoreError::NotFound {
            entity: "Movie",
            id: movie.id,
        });
    }
    Ok(movie.clone())
}

fn ids_of(movies: &[Movie]) -> Vec<i32> {
    movies.iter().map(|m| m.id).collect()
}

/// Writes every movie with `write`, all or none.
fn each_in_one_transaction(
    conn: &mut Connection,
    movies: &[Movie],
    write: fn(&Connection, &Movie) -> Result<Movie>,
) -> Result<Vec<Movie>> {
    let tx = conn.transaction()?;
    let written = movies
        .iter()
        .map(|movie| write(&tx, movie))
        .collect::<Result<Vec<_>>>()?;
    tx.commit()?;
    Ok(written)
}

/// The movies a statement selects with `select_movie!()`.
fn query_movies(conn: &Connection, sql: &str, params: impl rusqlite::Params) -> Result<Vec<Movie>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt
        .query_map(params, movie_row)?
        .collect::<rusqlite::Result<Vec<MovieRow>>>()?;
    convert_all(rows)
}

fn query_movie(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
) -> Result<Option<Movie>> {
    conn.prepare_cached(sql)?
        .query_row(params, movie_row)
        .optional()?
        .map(Movie::try_from)
        .transpose()
}

#[async_trait]
impl MovieStore for SqliteStore {
    async fn movies(&self) -> Result<Vec<Movie>> {
        self.db
            .read_blocking(|conn| {
                query_movies(conn, concat!(select_movie!(), " ORDER BY m.id"), [])
            })
            .await
    }

    async fn movie_outlines(&self) -> Result<Vec<MovieOutline>> {
        let rows = self
            .db
            .read_blocking(|conn| {
                let mut stmt = conn.prepare_cached(SELECT_OUTLINES)?;
                let rows = stmt
                    .query_map([], outline_row)?
                    .collect::<rusqlite::Result<Vec<_>>>()?;
                Ok(rows)
            })
            .await?;
        convert_all(rows)
    }

    fn stream_movies(&self) -> BoxStream<'static, Result<Movie>> {
        let db = self.db.clone();
        spawn_movie_stream(|mut sink| async move {
            // Page by id rather than hold one cursor open: a slow client
            // then never keeps a connection from other requests.
            let mut after = 0;
            loop {
                let page = db
                    .read_blocking(move |conn| {
                        let sql =
                            concat!(select_movie!(), " WHERE m.id > ?1 ORDER BY m.id LIMIT ?2");
                        let mut stmt = conn.prepare_cached(sql)?;
                        let rows = stmt
                            .query_map(params![after, LIST_PAGE], movie_row)?
                            .collect::<rusqlite::Result<Vec<MovieRow>>>()?;
                        Ok(rows)
                    })
                    .await;
                let rows = match page {
                    Ok(rows) => rows,
                    Err(e) => {
                        sink.push(Err(e)).await;
                        return;
                    }
                };
                let Some(last) = rows.last().map(|r| r.id) else {
                    break;
                };
                after = last;
                for row in rows {
                    if !sink.push(Movie::try_from(row)).await {
                        return;
                    }
                }
            }
            sink.finish().await;
        })
    }

    async fn movie(&self, id: i32) -> Result<Movie> {
        self.db
            .read(|conn| query_movie(conn, concat!(select_movie!(), " WHERE m.id = ?1"), [id]))?
            .ok_or(StoreError::NotFound {
                entity: "Movie",
                id,
            })
    }

    async fn movies_by_ids(&self, ids: &[i32]) -> Result<Vec<Movie>> {
        let ids = to_json(ids)?;
        self.db.read(|conn| {
            let sql = concat!(
                select_movie!(),
                " WHERE m.id IN (SELECT value FROM json_each(?1)) ORDER BY m.id"
            );
            query_movies(conn, sql, [ids])
        })
    }

    async fn movie_by_tmdb_id(&self, tmdb_id: i32) -> Result<Option<Movie>> {
        self.db.read(|conn| {
            query_movie(
                conn,
                concat!(select_movie!(), " WHERE m.tmdb_id = ?1"),
                [tmdb_id],
            )
        })
    }

    async fn search_movies(&self, text: &str, limit: u32) -> Result<Vec<Movie>> {
        let terms = search_terms(text);
        if terms.is_empty() {
            return Ok(Vec::new());
        }
        // Every term as a quoted prefix: FTS5 reads no operator from user input.
        let query: Vec<String> = terms.iter().map(|t| format!("\"{t}\"*")).collect();
        let query = query.join(" ");
        self.db.read(|conn| {
            // Order and cut first, then read the few full rows: sorting every
            // match with its whole row would move kilobytes per match. The
            // index holds what the ordering needs (see the migration).
            let sql = concat!(
                "WITH hits AS MATERIALIZED (\
                 SELECT m.id AS id, length(m.title) AS title_length, m.sort_title AS sort_title \
                 FROM movies_fts JOIN movies m INDEXED BY movies_search_order \
                 ON m.id = movies_fts.rowid \
                 WHERE movies_fts MATCH ?1 ORDER BY 2, 3 LIMIT ?2) ",
                select_movie!(),
                " JOIN hits ON hits.id = m.id ORDER BY hits.title_length, hits.sort_title"
            );
            query_movies(conn, sql, params![query, limit])
        })
    }

    async fn add_movie(&self, movie: &Movie) -> Result<Movie> {
        self.counted_adds(|m: &Movie| vec![m.id], |conn| insert_movie(conn, movie))
            .await
    }

    async fn add_movies(&self, movies: &[Movie]) -> Result<Vec<Movie>> {
        self.counted_adds(
            |added: &Vec<Movie>| ids_of(added),
            |conn| each_in_one_transaction(conn, movies, insert_movie),
        )
        .await
    }

    async fn update_movie(&self, movie: &Movie) -> Result<Movie> {
        self.counted(&[movie.id], |conn| save_movie(conn, movie))
            .await
    }

    async fn update_movies(&self, movies: &[Movie]) -> Result<Vec<Movie>> {
        self.counted(&ids_of(movies), |conn| {
            each_in_one_transaction(conn, movies, save_movie)
        })
        .await
    }

    async fn delete_movies(&self, ids: &[i32], exclusions: &[ImportExclusion]) -> Result<()> {
        let json_ids = to_json(ids)?;
        self.counted(ids, |conn| {
            let tx = conn.transaction()?;
            tx.prepare_cached("DELETE FROM movies WHERE id IN (SELECT value FROM json_each(?1))")?
                .execute([json_ids])?;
            insert_exclusions(&tx, exclusions, true)?;
            tx.commit()?;
            Ok(())
        })
        .await
    }

    async fn add_movie_file(&self, file: &MovieFile) -> Result<MovieFile> {
        let columns = FileColumns::of(file)?;
        self.counted(&[file.movie_id], |conn| {
            let tx = conn.transaction()?;
            tx.prepare_cached("DELETE FROM movie_files WHERE movie_id = ?1")?
                .execute([file.movie_id])?;
            tx.prepare_cached(
                "INSERT INTO movie_files (movie_id, relative_path, size, date_added, scene_name, \
                 release_group, edition, languages, quality, indexer_flags, media_info, \
                 original_file_path) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            )?
            .execute(columns.params(&file.movie_id, file).as_slice())
            .map_err(|e| {
                when_broken(e, Broken::ForeignKey, || StoreError::NotFound {
                    entity: "Movie",
                    id: file.movie_id,
                })
            })?;
            let id = tx.last_insert_rowid();
            tx.commit()?;
            Ok(MovieFile {
                id: row_id(id)?,
                ..file.clone()
            })
        })
        .await
    }

    async fn update_movie_file(&self, file: &MovieFile) -> Result<MovieFile> {
        let Some(movie) = self.movie_by_file_id(file.id).await? else {
            return Err(StoreError::NotFound {
                entity: "MovieFile",
                id: file.id,
            });
        };
        let columns = FileColumns::of(file)?;
        self.counted(&[movie.id], |conn| {
            conn.prepare_cached(
                "UPDATE movie_files SET relative_path = ?2, size = ?3, date_added = ?4, \
                 scene_name = ?5, release_group = ?6, edition = ?7, languages = ?8, quality = ?9, \
                 indexer_flags = ?10, media_info = ?11, original_file_path = ?12 WHERE id = ?1",
            )?
            .execute(columns.params(&file.id, file).as_slice())?;
            Ok(MovieFile {
                movie_id: movie.id,
                ..file.clone()
            })
        })
        .await
    }

    async fn movie_by_file_id(&self, file_id: i32) -> Result<Option<Movie>> {
        self.db.read(|conn| {
            query_movie(
                conn,
                concat!(select_movie!(), " WHERE f.id = ?1"),
                [file_id],
            )
        })
    }

    async fn delete_movie_file(&self, file_id: i32) -> Result<()> {
        let Some(movie) = self.movie_by_file_id(file_id).await? else {
            return Err(StoreError::NotFound {
                entity: "MovieFile",
                id: file_id,
            });
        };
        self.counted(&[movie.id], |conn| {
            conn.prepare_cached("DELETE FROM movie_files WHERE id = ?1")?
                .execute([file_id])?;
            Ok(())
        })
        .await
    }

    async fn tmdb_ids(&self) -> Result<Vec<i32>> {
        self.db.read(|conn| {
            let mut stmt = conn.prepare_cached("SELECT tmdb_id FROM movies")?;
            let ids = stmt
                .query_map([], |row| row.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            Ok(ids)
        })
    }

    async fn movie_paths(&self) -> Result<Vec<String>> {
        self.db.read(|conn| {
            let mut stmt = conn.prepare_cached("SELECT path FROM movies")?;
            let paths = stmt
                .query_map([], |row| row.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            Ok(paths)
        })
    }

    async fn set_last_search_time(&self, ids: &[i32], at: DateTime<Utc>) -> Result<()> {
        let json_ids = to_json(ids)?;
        self.counted(ids, |conn| {
            conn.prepare_cached(
                "UPDATE movies SET last_search_time = ?1 \
                 WHERE id IN (SELECT value FROM json_each(?2))",
            )?
            .execute(params![at, json_ids])?;
            Ok(())
        })
        .await
    }

    async fn movie_ids_with_tag(&self, tag_id: i32) -> Result<Vec<i32>> {
        self.db.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT id FROM movies \
                 WHERE EXISTS (SELECT 1 FROM json_each(movies.tags) WHERE value = ?1) ORDER BY id",
            )?;
            let ids = stmt
                .query_map([tag_id], |row| row.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            Ok(ids)
        })
    }

    async fn library_revision(&self) -> Result<i64> {
        // One process owns a SQLite library, so its own count of writes is
        // the whole truth, and reading it costs no query.
        Ok(self.changes().revision())
    }

    async fn movies_touched_since(&self, revision: i64) -> Result<Option<Vec<i32>>> {
        Ok(self.changes().touched_since(revision))
    }
}

/// A movie file's columns that are stored as JSON, encoded once.
struct FileColumns {
    languages: String,
    quality: String,
    media_info: Option<String>,
}

impl FileColumns {
    fn of(file: &MovieFile) -> Result<FileColumns> {
        Ok(FileColumns {
            languages: to_json(&file.languages)?,
            quality: to_json(&file.quality)?,
            media_info: file.media_info.as_ref().map(to_json).transpose()?,
        })
    }

    /// `first` (`?1`), then the file's columns in the order the insert and
    /// the update both take them (`?2` to `?12`).
    fn params<'a>(&'a self, first: &'a i32, file: &'a MovieFile) -> [&'a dyn ToSql; 12] {
        [
            first,
            &file.relative_path,
            &file.size,
            &file.date_added,
            &file.scene_name,
            &file.release_group,
            &file.edition,
            &self.languages,
            &self.quality,
            &file.indexer_flags,
            &self.media_info,
            &file.original_file_path,
        ]
    }
}
