//! Movies and their files.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use domain::exclusion::ImportExclusion;
use domain::movie::{Movie, MovieOutline};
use domain::movie_file::MovieFile;
use futures::stream::BoxStream;

use crate::Result;

/// Reading and writing the movie library. Every movie read carries its file.
#[async_trait]
pub trait MovieStore: Send + Sync {
    /// Every movie, by id.
    async fn movies(&self) -> Result<Vec<Movie>>;
    /// Every movie, by id, one at a time: for the full list, which must not
    /// hold the whole library in memory.
    fn stream_movies(&self) -> BoxStream<'static, Result<Movie>>;
    /// One movie.
    async fn movie(&self, id: i32) -> Result<Movie>;
    /// The movies with these ids that exist, by id.
    async fn movies_by_ids(&self, ids: &[i32]) -> Result<Vec<Movie>>;
    /// The movie with this TMDB id, if the library has it.
    async fn movie_by_tmdb_id(&self, tmdb_id: i32) -> Result<Option<Movie>>;
    /// Movies whose titles (original and alternative included) contain every
    /// word of `text` as a word prefix, closest first: the shortest title
    /// (it has the fewest words beyond those asked for), then by sort title.
    async fn search_movies(&self, text: &str, limit: u32) -> Result<Vec<Movie>>;
    /// Stores a new movie (its `id` and file are ignored) and returns it.
    async fn add_movie(&self, movie: &Movie) -> Result<Movie>;
    /// Stores new movies all or none, in order.
    async fn add_movies(&self, movies: &[Movie]) -> Result<Vec<Movie>>;
    /// Saves a movie's fields (its file is not touched) and returns it as stored.
    async fn update_movie(&self, movie: &Movie) -> Result<Movie>;
    /// Saves several movies all or none.
    async fn update_movies(&self, movies: &[Movie]) -> Result<Vec<Movie>>;
    /// Deletes movies (and their files) and adds the exclusions, all or none.
    /// Ids that do not exist are ignored.
    async fn delete_movies(&self, ids: &[i32], exclusions: &[ImportExclusion]) -> Result<()>;
    /// Records a movie's file, replacing the one it had.
    async fn add_movie_file(&self, file: &MovieFile) -> Result<MovieFile>;
    /// Saves a recorded movie file's fields (its movie stays), as after a
    /// rename or once its media info is read; an unknown id is not found.
    async fn update_movie_file(&self, file: &MovieFile) -> Result<MovieFile>;
    /// The movie whose file has this id, if any.
    async fn movie_by_file_id(&self, file_id: i32) -> Result<Option<Movie>>;
    /// Forgets a movie file (the file on disk is the caller's); an unknown
    /// id is not found.
    async fn delete_movie_file(&self, file_id: i32) -> Result<()>;
    /// Every movie's TMDB id, in no order.
    async fn tmdb_ids(&self) -> Result<Vec<i32>>;
    /// Every movie's folder, for telling which folders of a root belong to no movie.
    async fn movie_paths(&self) -> Result<Vec<String>>;
    /// Every movie's outline, by id: for lists that only filter and sort
    /// (Wanted, RSS matching), at a fraction of a full read's time and memory.
    async fn movie_outlines(&self) -> Result<Vec<MovieOutline>>;
    /// The ids of movies carrying a tag.
    async fn movie_ids_with_tag(&self, tag_id: i32) -> Result<Vec<i32>>;
    /// Records that these movies were searched at `at`, changing nothing
    /// else of them (a user may be editing one meanwhile).
    async fn set_last_search_time(&self, ids: &[i32], at: DateTime<Utc>) -> Result<()>;
    /// A number that changes whenever a movie or movie file changes, read
    /// after the change is visible; responses are cached against it.
    async fn library_revision(&self) -> Result<i64>;
    /// The movies added, changed or deleted (a file's change counts as its
    /// movie's) after `revision`, by id and each once, when the store can
    /// tell; `None` when it cannot, and only the whole library is current.
    async fn movies_touched_since(&self, revision: i64) -> Result<Option<Vec<i32>>>;
}
