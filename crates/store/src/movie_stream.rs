//! The full movie list as a stream the API can hold past the store call.
//! Rows are read on their own task and handed over in batches, so the reader
//! and the HTTP side do not wake each other for every one of 10,000 rows.

use std::future::Future;

use domain::movie::Movie;
use futures::stream::{BoxStream, StreamExt};
use tokio::sync::mpsc;

use crate::Result;

/// Rows a backend reads per query when it pages through the list.
pub const LIST_PAGE: i64 = 500;

/// Movies per hand-over.
const BATCH: usize = 128;
/// Batches waiting at most; a slow client stops the reading task here.
const BATCHES_AHEAD: usize = 4;

/// Collects movies into batches and sends them to the stream's reader.
pub struct MovieSink {
    tx: mpsc::Sender<Vec<Result<Movie>>>,
    batch: Vec<Result<Movie>>,
}

impl MovieSink {
    /// Adds a movie (or the error that ended the list). Returns false when the
    /// reader has gone (the client hung up) and producing should stop.
    pub async fn push(&mut self, movie: Result<Movie>) -> bool {
        let failed = movie.is_err();
        self.batch.push(movie);
        if self.batch.len() >= BATCH || failed {
            let full = std::mem::replace(&mut self.batch, Vec::with_capacity(BATCH));
            return self.tx.send(full).await.is_ok() && !failed;
        }
        true
    }

    /// Sends what is left.
    pub async fn finish(self) {
        if !self.batch.is_empty() {
            let _ = self.tx.send(self.batch).await;
        }
    }
}

/// Runs `produce` on its own task and streams the movies it pushes.
pub fn spawn_movie_stream<F, Fut>(produce: F) -> BoxStream<'static, Result<Movie>>
where
    F: FnOnce(MovieSink) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let (tx, rx) = mpsc::channel(BATCHES_AHEAD);
    tokio::spawn(produce(MovieSink {
        tx,
        batch: Vec::with_capacity(BATCH),
    }));
    futures::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|batch| (batch, rx))
    })
    .flat_map(futures::stream::iter)
    .fuse()
    .boxed()
}
