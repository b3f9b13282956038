//! The full movie list, kept compressed between changes. A list of 10,000
//! movies is 50 MB of JSON: rendering it costs a tenth of a second or more and
//! holding it would cost 50 MB. An LZ4 form (about a fifth of the JSON) unpacks
//! at gigabytes a second for clients that take the list as it is; a gzip form
//! (under 4 MB) goes out as is to the many clients that accept gzip. The LZ4
//! blocks are made on a worker thread from the chunks of a response that
//! rendered the list anyway; the gzip form, several times slower to make, is
//! made from them once that response has gone out. Both are kept under the
//! list's ETag (any change to the library makes a new one) until the list has
//! not been asked for in a while.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{SyncSender, sync_channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use flate2::Compression;
use flate2::write::GzEncoder;
use futures::Stream;

/// Chunks (of about 64 KB) a recording may fall behind the response before
/// it gives up.
const BACKLOG: usize = 256;
/// A copy not asked for this long is dropped, so an idle server holds little.
const TIME_TO_IDLE: Duration = Duration::from_secs(120);
/// The list under one ETag, compressed two ways.
pub struct CachedList {
    /// The ETag it was rendered under.
    pub etag: String,
    /// The whole list as one gzip stream, sent as is to clients that accept
    /// it; made a moment after the LZ4 blocks.
    pub gzip: Option<Bytes>,
    /// LZ4 blocks (size-prefixed), one per chunk of the rendered response.
    pub lz4_chunks: Vec<Bytes>,
}

/// The newest compressed list, and whether one is being made.
pub struct ListCache {
    current: moka::sync::Cache<(), Arc<CachedList>>,
    recording: Mutex<bool>,
}

impl Default for ListCache {
    fn default() -> Self {
        ListCache {
            current: moka::sync::Cache::builder()
                .max_capacity(1)
                .time_to_idle(TIME_TO_IDLE)
                .build(),
            recording: Mutex::new(false),
        }
    }
}

impl ListCache {
    /// The cached list, when it was made under `etag`.
    pub fn get(&self, etag: &str) -> Option<Arc<CachedList>> {
        self.current.get(&()).filter(|c| c.etag == etag)
    }

    /// Drops an expired copy; moka frees memory only when something touches it.
    pub fn run_pending_tasks(&self) {
        self.current.run_pending_tasks();
    }

    /// Starts recording a list being rendered under `etag`, unless another
    /// recording is under way (one at a time bounds the memory it takes).
    pub fn record(self: &Arc<Self>, etag: &str) -> Option<Recorder> {
        {
            let mut recording = self.recording.lock().ok()?;
            if *recording {
                return None;
            }
            *recording = true;
        }
        let (tx, rx) = sync_channel::<Bytes>(BACKLOG);
        let complete = Arc::new(AtomicBool::new(false));
        let cache = self.clone();
        let etag = etag.to_string();
        let finished = complete.clone();
        tokio::task::spawn_blocking(move || {
            let mut lz4_chunks = Vec::new();
            // Until the recorder is dropped: finished or abandoned.
            for bytes in rx {
                lz4_chunks.push(Bytes::from(lz4_flex::compress_prepend_size(&bytes)));
            }
            if finished.load(Ordering::Acquire) {
                cache.keep(etag, lz4_chunks);
            }
            cache.done_recording();
        });
        Some(Recorder {
            tx: Some(tx),
            complete,
        })
    }

    /// Keeps a finished list, then adds its gzip form: made from the LZ4
    /// blocks once the response that rendered the list has gone out, so that
    /// response does not wait on the slower compression as well.
    fn keep(&self, etag: String, lz4_chunks: Vec<Bytes>) {
        let kept = Arc::new(CachedList {
            etag: etag.clone(),
            gzip: None,
            lz4_chunks: lz4_chunks.clone(),
        });
        self.current.insert((), kept.clone());
        let Some(gzip) = gzip_of(&lz4_chunks) else {
            return;
        };
        // Unless a newer list took its place meanwhile.
        if self.get(&etag).is_some_and(|c| Arc::ptr_eq(&c, &kept)) {
            let list = CachedList {
                etag,
                gzip: Some(gzip),
                lz4_chunks,
            };
            self.current.insert((), Arc::new(list));
        }
    }

    fn done_recording(&self) {
        if let Ok(mut recording) = self.recording.lock() {
            *recording = false;
        }
    }
}

/// One gzip stream of the list the LZ4 blocks hold.
fn gzip_of(lz4_chunks: &[Bytes]) -> Option<Bytes> {
    let mut gzip = GzEncoder::new(Vec::new(), Compression::fast());
    for block in lz4_chunks {
        let chunk = lz4_flex::decompress_size_prepended(block).ok()?;
        gzip.write_all(&chunk).ok()?;
    }
    gzip.finish().ok().map(Bytes::from)
}

/// Receives the chunks of one rendering. Dropped before [`Recorder::finish`]
/// (the client left, the store failed), it records nothing.
pub struct Recorder {
    tx: Option<SyncSender<Bytes>>,
    complete: Arc<AtomicBool>,
}

impl Recorder {
    /// Adds a chunk. Never waits: a recording that falls behind is abandoned
    /// rather than slow the response down.
    pub fn push(&mut self, chunk: &Bytes) {
        if let Some(tx) = &self.tx
            && tx.try_send(chunk.clone()).is_err()
        {
            self.tx = None;
        }
    }

    /// Marks the list complete, so it is kept (unless the recording was abandoned).
    pub fn finish(mut self) {
        if let Some(tx) = self.tx.take() {
            // Flag first: the worker checks it once the channel closes.
            self.complete.store(true, Ordering::Release);
            drop(tx);
        }
    }
}

/// The cached list unpacked, a chunk at a time.
pub fn unpacked(list: Arc<CachedList>) -> impl Stream<Item = Result<Bytes, std::io::Error>> {
    let count = list.lz4_chunks.len();
    futures::stream::iter((0..count).map(move |i| {
        lz4_flex::decompress_size_prepended(&list.lz4_chunks[i])
            .map(Bytes::from)
            .map_err(std::io::Error::other)
    }))
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use futures::StreamExt;

    use super::*;

    async fn wait_for(cache: &ListCache, etag: &str) -> Option<Arc<CachedList>> {
        for _ in 0..200 {
            if let Some(list) = cache.get(etag)
                && list.gzip.is_some()
            {
                return Some(list);
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        None
    }

    #[tokio::test]
    async fn a_finished_recording_is_kept_under_its_etag() {
        let cache = Arc::new(ListCache::default());
        let big = Bytes::from(format!("[{}]", "{\"id\":1},".repeat(20_000)));
        let mut recorder = cache.record("\"v1\"").expect("recording");
        assert!(cache.record("\"v1\"").is_none(), "one recording at a time");
        for part in big.chunks(1000) {
            recorder.push(&Bytes::copy_from_slice(part));
        }
        recorder.finish();
        let list = wait_for(&cache, "\"v1\"")
            .await
            .expect("kept with its gzip form");
        let gzip = list.gzip.clone().expect("gzip");
        assert!(gzip.len() < big.len() / 10);
        let mut unzipped = Vec::new();
        flate2::read::GzDecoder::new(&gzip[..])
            .read_to_end(&mut unzipped)
            .expect("gzip");
        assert_eq!(unzipped, big.to_vec());
        let chunks: Vec<Bytes> = unpacked(list).map(|c| c.expect("lz4")).collect().await;
        assert!(chunks.len() > 1, "unpacked in chunks");
        assert_eq!(chunks.concat(), big.to_vec());
        assert!(
            cache.get("\"v2\"").is_none(),
            "another version is not served"
        );
    }

    #[tokio::test]
    async fn an_abandoned_recording_keeps_nothing() {
        let cache = Arc::new(ListCache::default());
        let mut recorder = cache.record("\"v1\"").expect("recording");
        recorder.push(&Bytes::from_static(b"[{\"id\":1},"));
        drop(recorder);
        // The worker frees the slot once it sees the recording end.
        let mut next = None;
        for _ in 0..200 {
            next = cache.record("\"v2\"");
            if next.is_some() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        assert!(next.is_some(), "the slot was freed");
        assert!(cache.get("\"v1\"").is_none());
    }
}
