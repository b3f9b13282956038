//! Movies and movie files in PostgreSQL.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use domain::exclusion::ImportExclusion;
use domain::movie::{Movie, MovieOutline};
use domain::movie_file::MovieFile;
use futures::stream::BoxStream;
use sqlx::postgres::{PgArguments, Postgres};
use sqlx::query::Query;
use sqlx::types::Json;
use store::error_kind::{Broken, ConstraintError, when_broken};
use store::rows::{MovieOutlineRow, MovieRow, convert_all};
use store::{
    Conflict, LIST_PAGE, MovieStore, Result, StoreError, search_terms, spawn_movie_stream,
};

use crate::PostgresStore;
use crate::settings::insert_exclusions;

/// Every movie column, then its file's columns prefixed `file_`. The metadata
/// is read as text: `MovieRow.metadata` holds the document's JSON text.
const SELECT_MOVIE: &str = "SELECT m.id, m.tmdb_id, m.imdb_id, m.title, m.sort_title, m.clean_title, \
    m.year, m.status, m.in_cinemas, m.physical_release, m.digital_release, m.monitored, \
    m.minimum_availability, m.quality_profile_id, m.path, m.root_folder_path, m.tags, \
    m.add_options, m.added, m.last_search_time, m.images, m.metadata::text AS metadata, \
    f.id AS file_id, f.relative_path AS file_relative_path, f.size AS file_size, \
    f.date_added AS file_date_added, f.scene_name AS file_scene_name, \
    f.release_group AS file_release_group, f.edition AS file_edition, \
    f.languages AS file_languages, f.quality AS file_quality, \
    f.indexer_flags AS file_indexer_flags, f.media_info AS file_media_info, \
    f.original_file_path AS file_original_file_path \
    FROM movies m LEFT JOIN movie_files f ON f.movie_id = m.id";

// The metadata is bound as its JSON text and cast, which keeps the document's
// bytes as they are instead of re-encoding it through serde.
const INSERT_MOVIE: &str = "INSERT INTO movies (tmdb_id, imdb_id, title, sort_title, clean_title, \
    search_text, year, status, in_cinemas, physical_release, digital_release, monitored, \
    minimum_availability, quality_profile_id, path, root_folder_path, tags, add_options, added, \
    last_search_time, images, metadata) \
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22::jsonb) \
    RETURNING id";

const UPDATE_MOVIE: &str = "UPDATE movies SET tmdb_id = $1, imdb_id = $2, title = $3, sort_title = $4, \
    clean_title = $5, search_text = $6, year = $7, status = $8, in_cinemas = $9, \
    physical_release = $10, digital_release = $11, monitored = $12, minimum_availability = $13, \
    quality_profile_id = $14, path = $15, root_folder_path = $16, tags = $17, add_options = $18, \
    added = $19, last_search_time = $20, images = $21, metadata = $22::jsonb WHERE id = $23";

type PgQuery<'q> = Query<'q, Postgres, PgArguments>;

/// Binds a movie's columns as $1..$22, in the order of INSERT_MOVIE and UPDATE_MOVIE.
fn bind_movie<'q>(query: PgQuery<'q>, movie: &'q Movie) -> PgQuery<'q> {
    query
        .bind(movie.tmdb_id)
        .bind(movie.imdb_id.as_deref())
        .bind(movie.title.as_str())
        .bind(movie.sort_title.as_str())
        .bind(movie.clean_title.as_str())
        .bind(movie.search_text())
        .bind(movie.year)
        .bind(movie.status as i32)
        .bind(movie.in_cinemas)
        .bind(movie.physical_release)
        .bind(movie.digital_release)
        .bind(movie.monitored)
        .bind(movie.minimum_availability as i32)
        .bind(movie.quality_profile_id)
        .bind(movie.path.as_str())
        .bind(movie.root_folder_path.as_str())
        .bind(Json(&movie.tags))
        .bind(movie.add_options.as_ref().map(Json))
        .bind(movie.added)
        .bind(movie.last_search_time)
        .bind(Json(&movie.images))
        .bind(movie.metadata.as_json())
}

/// Maps the constraint failures a movie write can meet.
fn movie_write_error(err: sqlx::Error, movie: &Movie) -> StoreError {
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

async fn insert_movie(conn: &mut sqlx::PgConnection, movie: &Movie) -> Result<Movie> {
    let id: i32 = bind_movie(sqlx::query(INSERT_MOVIE), movie)
        .fetch_one(&mut *conn)
        .await
        .map_err(|e| movie_write_error(e, movie))
        .and_then(|row| Ok(sqlx::Row::try_get(&row, 0)?))?;
    Ok(Movie {
        id,
        movie_file: None,
        ..movie.clone()
    })
}

async fn save_movie(conn: &mut sqlx::PgConnection, movie: &Movie) -> Result<Movie> {
    let done = bind_movie(sqlx::query(UPDATE_MOVIE), movie)
        .bind(movie.id)
        .execute(&mut *conn)
        .await
        .map_err(|e| movie_write_error(e, movie))?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound {
            entity: "Movie",
            id: movie.id,
        });
    }
    Ok(movie.clone())
}

/// A tsquery requiring every term as a word prefix: `matrix:* & reload:*`.
/// The terms are letters and digits only, so none is read as an operator.
fn prefix_query(terms: &[String]) -> String {
    terms
        .iter()
        .map(|t| format!("{t}:*"))
        .collect::<Vec<_>>()
        .join(" & ")
}

/// A movie's outline and its file's quality. The metadata of a movie is
/// kept out of line (TOAST), so this reads little of the movies' pages.
const SELECT_OUTLINES: &str = "SELECT m.id, m.tmdb_id, m.imdb_id, m.clean_title, m.sort_title, \
    m.year, m.monitored, m.minimum_availability, m.quality_profile_id, m.in_cinemas, \
    m.physical_release, m.digital_release, m.last_search_time, f.quality AS file_quality \
    FROM movies m LEFT JOIN movie_files f ON f.movie_id = m.id ORDER BY m.id";

#[async_trait]
impl MovieStore for PostgresStore {
    async fn movie_outlines(&self) -> Result<Vec<MovieOutline>> {
        let rows: Vec<MovieOutlineRow> = sqlx::query_as(SELECT_OUTLINES)
            .fetch_all(&self.pool)
            .await?;
        convert_all(rows)
    }

    async fn movies(&self) -> Result<Vec<Movie>> {
        let rows: Vec<MovieRow> = sqlx::query_as(&format!("{SELECT_MOVIE} ORDER BY m.id"))
            .fetch_all(&self.pool)
            .await?;
        convert_all(rows)
    }

    fn stream_movies(&self) -> BoxStream<'static, Result<Movie>> {
        let pool = self.pool.clone();
        spawn_movie_stream(|mut sink| async move {
            // Page by id rather than hold one cursor open: a slow client
            // then never keeps a connection from other requests.
            let sql = format!("{SELECT_MOVIE} WHERE m.id > $1 ORDER BY m.id LIMIT $2");
            let mut after = 0;
            loop {
                let rows: Vec<MovieRow> = match sqlx::query_as(&sql)
                    .bind(after)
                    .bind(LIST_PAGE)
                    .fetch_all(&pool)
                    .await
                {
                    Ok(rows) => rows,
                    Err(e) => {
                        sink.push(Err(e.into())).await;
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
        let row: Option<MovieRow> = sqlx::query_as(&format!("{SELECT_MOVIE} WHERE m.id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.ok_or(StoreError::NotFound {
            entity: "Movie",
            id,
        })?
        .try_into()
    }

    async fn movies_by_ids(&self, ids: &[i32]) -> Result<Vec<Movie>> {
        let sql = format!("{SELECT_MOVIE} WHERE m.id = ANY($1) ORDER BY m.id");
        let rows: Vec<MovieRow> = sqlx::query_as(&sql).bind(ids).fetch_all(&self.pool).await?;
        convert_all(rows)
    }

    async fn movie_by_tmdb_id(&self, tmdb_id: i32) -> Result<Option<Movie>> {
        let row: Option<MovieRow> = sqlx::query_as(&format!("{SELECT_MOVIE} WHERE m.tmdb_id = $1"))
            .bind(tmdb_id)
            .fetch_optional(&self.pool)
            .await?;
        row.map(Movie::try_from).transpose()
    }

    async fn search_movies(&self, text: &str, limit: u32) -> Result<Vec<Movie>> {
        let terms = search_terms(text);
        if terms.is_empty() {
            return Ok(Vec::new());
        }
        // Order and cut to the limit first, then join files for the few
        // left: joining first made PostgreSQL hash every file for common words.
        let sql = format!(
            "WITH hits AS (SELECT id, char_length(title) AS title_length, sort_title \
             FROM movies WHERE search_vector @@ to_tsquery('simple', $1) \
             ORDER BY title_length, sort_title LIMIT $2) \
             {SELECT_MOVIE} JOIN hits h ON h.id = m.id ORDER BY h.title_length, h.sort_title"
        );
        let rows: Vec<MovieRow> = sqlx::query_as(&sql)
            .bind(prefix_query(&terms))
            .bind(i64::from(limit))
            .fetch_all(&self.pool)
            .await?;
        convert_all(rows)
    }

    async fn add_movie(&self, movie: &Movie) -> Result<Movie> {
        let mut conn = self.pool.acquire().await?;
        insert_movie(&mut conn, movie).await
    }

    async fn add_movies(&self, movies: &[Movie]) -> Result<Vec<Movie>> {
        let mut tx = self.pool.begin().await?;
        let mut added = Vec::with_capacity(movies.len());
        for movie in movies {
            added.push(insert_movie(&mut tx, movie).await?);
        }
        tx.commit().await?;
        Ok(added)
    }

    async fn update_movie(&self, movie: &Movie) -> Result<Movie> {
        let mut conn = self.pool.acquire().await?;
        save_movie(&mut conn, movie).await
    }

    async fn update_movies(&self, movies: &[Movie]) -> Result<Vec<Movie>> {
        let mut tx = self.pool.begin().await?;
        let mut saved = Vec::with_capacity(movies.len());
        for movie in movies {
            saved.push(save_movie(&mut tx, movie).await?);
        }
        tx.commit().await?;
        Ok(saved)
    }

    async fn delete_movies(&self, ids: &[i32], exclusions: &[ImportExclusion]) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM movies WHERE id = ANY($1)")
            .bind(ids)
            .execute(&mut *tx)
            .await?;
        insert_exclusions(&mut tx, exclusions, true).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn add_movie_file(&self, file: &MovieFile) -> Result<MovieFile> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM movie_files WHERE movie_id = $1")
            .bind(file.movie_id)
            .execute(&mut *tx)
            .await?;
        let insert = sqlx::query_scalar(
            "INSERT INTO movie_files (movie_id, relative_path, size, date_added, scene_name, \
             release_group, edition, languages, quality, indexer_flags, media_info, original_file_path) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
        )
        .bind(file.movie_id);
        let id: i32 = bind_file_columns(insert, file)
            .fetch_one(&mut *tx)
            .await
            .map_err(|e| {
                when_broken(e, Broken::ForeignKey, || StoreError::NotFound {
                    entity: "Movie",
                    id: file.movie_id,
                })
            })?;
        tx.commit().await?;
        Ok(MovieFile { id, ..file.clone() })
    }

    async fn update_movie_file(&self, file: &MovieFile) -> Result<MovieFile> {
        let update = sqlx::query_scalar(
            "UPDATE movie_files SET relative_path = $2, size = $3, date_added = $4, \
             scene_name = $5, release_group = $6, edition = $7, languages = $8, quality = $9, \
             indexer_flags = $10, media_info = $11, original_file_path = $12 \
             WHERE id = $1 RETURNING movie_id",
        )
        .bind(file.id);
        let movie_id: Option<i32> = bind_file_columns(update, file)
            .fetch_optional(&self.pool)
            .await?;
        let movie_id = movie_id.ok_or(StoreError::NotFound {
            entity: "MovieFile",
            id: file.id,
        })?;
        Ok(MovieFile {
            movie_id,
            ..file.clone()
        })
    }

    async fn movie_by_file_id(&self, file_id: i32) -> Result<Option<Movie>> {
        let row: Option<MovieRow> = sqlx::query_as(&format!("{SELECT_MOVIE} WHERE f.id = $1"))
            .bind(file_id)
            .fetch_optional(&self.pool)
            .await?;
        row.map(Movie::try_from).transpose()
    }

    async fn delete_movie_file(&self, file_id: i32) -> Result<()> {
        let deleted = sqlx::query("DELETE FROM movie_files WHERE id = $1")
            .bind(file_id)
            .execute(&self.pool)
            .await?
            .rows_affected();
        if deleted == 0 {
            return Err(StoreError::NotFound {
                entity: "MovieFile",
                id: file_id,
            });
        }
        Ok(())
    }

    async fn tmdb_ids(&self) -> Result<Vec<i32>> {
        Ok(sqlx::query_scalar("SELECT tmdb_id FROM movies")
            .fetch_all(&self.pool)
            .await?)
    }

    async fn movie_paths(&self) -> Result<Vec<String>> {
        Ok(sqlx::query_scalar("SELECT path FROM movies ORDER BY id")
            .fetch_all(&self.pool)
            .await?)
    }

    async fn set_last_search_time(&self, ids: &[i32], at: DateTime<Utc>) -> Result<()> {
        sqlx::query("UPDATE movies SET last_search_time = $1 WHERE id = ANY($2)")
            .bind(at)
            .bind(ids)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn movie_ids_with_tag(&self, tag_id: i32) -> Result<Vec<i32>> {
        Ok(sqlx::query_scalar(
            "SELECT id FROM movies WHERE tags @> jsonb_build_array($1::int) ORDER BY id",
        )
        .bind(tag_id)
        .fetch_all(&self.pool)
        .await?)
    }

    async fn library_revision(&self) -> Result<i64> {
        Ok(
            sqlx::query_scalar("SELECT revision FROM library_revision WHERE id = 1")
                .fetch_one(&self.pool)
                .await?,
        )
    }

    async fn movies_touched_since(&self, revision: i64) -> Result<Option<Vec<i32>>> {
        // One statement, so the bounds and the changes come from one snapshot.
        let (current, kept_after, touched): (i64, i64, Vec<i32>) = sqlx::query_as(
            "SELECT revision, changes_kept_after, ARRAY(\
                 SELECT DISTINCT movie_id FROM movie_changes WHERE revision > $1 \
                 ORDER BY movie_id) \
             FROM library_revision WHERE id = 1",
        )
        .bind(revision)
        .fetch_one(&self.pool)
        .await?;
        Ok((kept_after..=current)
            .contains(&revision)
            .then_some(touched))
    }
}

/// Binds a movie file's columns after the first parameter, in the order
/// the insert and the update both take them (`$2` to `$12`).
fn bind_file_columns<'q>(
    query: sqlx::query::QueryScalar<'q, sqlx::Postgres, i32, sqlx::postgres::PgArguments>,
    file: &'q MovieFile,
) -> sqlx::query::QueryScalar<'q, sqlx::Postgres, i32, sqlx::postgres::PgArguments> {
    query
        .bind(&file.relative_path)
        .bind(file.size)
        .bind(file.date_added)
        .bind(&file.scene_name)
        .bind(&file.release_group)
        .bind(&file.edition)
        .bind(Json(&file.languages))
        .bind(Json(&file.quality))
        .bind(file.indexer_flags)
        .bind(file.media_info.as_ref().map(Json))
        .bind(&file.original_file_path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_term_is_a_required_prefix() {
        assert_eq!(
            prefix_query(&search_terms("Matrix: reload")),
            "matrix:* & reload:*"
        );
        assert_eq!(prefix_query(&search_terms("it's | !x")), "it:* & s:* & x:*");
    }
}
