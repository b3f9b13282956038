//! The full movie list, kept compressed between changes. A list of 10,000
//! movies is 50 MB of JSON: rendering it costs a third of a second, holding
//! it would cost 50 MB, but LZ4 and gzip copies of it take a few MB and
//! serve each request in milliseconds. The copies are made from the chunks of
//! a response that rendered the list anyway, on a worker thread, and kept
//! under the list's ETag: any change to the library makes a new ETag.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{SyncSender, sync_channel};
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use flate2::Compression;
use flate2::write::GzEncoder;

/// Chunks (of about 64 KB) a recording may fall behind the response before
/// it gives up.
const BACKLOG: usize = 256;

/// The list under one ETag, compressed two ways.
pub struct CachedList {
    /// The ETag it was rendered under.
    pub etag: String,
    /// LZ4 blocks (size-prefixed), one per chunk of the response, decompressed
    /// one at a time for clients that did not ask for gzip.
    pub lz4_chunks: Vec<Bytes>,
    /// The whole list as one gzip stream, sent as is to clients that accept it.
    pub gzip: Bytes,
}

/// The newest compressed list, and whether one is being made.
#[derive(Default)]
pub struct ListCache {
    current: Mutex<Option<Arc<CachedList>>>,
    recording: Mutex<bool>,
}

impl ListCache {
    /// The cached list, when it was made under `etag`.
    pub fn get(&self, etag: &str) -> Option<Arc<CachedList>> {
        let current = self.current.lock().ok()?;
        current.as_ref().filter(|c| c.etag == etag).cloned()
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
            let mut gzip = GzEncoder::new(Vec::new(), Compression::fast());
            // Until the recorder is dropped: finished or abandoned.
            for bytes in rx {
                lz4_chunks.push(Bytes::from(lz4_flex::compress_prepend_size(&bytes)));
                if gzip.write_all(&bytes).is_err() {
                    return cache.done_recording();
                }
            }
            if finished.load(Ordering::Acquire)
                && let Ok(gzip) = gzip.finish()
            {
                let list = CachedList {
                    etag,
                    lz4_chunks,
                    gzip: Bytes::from(gzip),
                };
                if let Ok(mut current) = cache.current.lock() {
                    *current = Some(Arc::new(list));
                }
            }
            cache.done_recording();
        });
        Some(Recorder {
            tx: Some(tx),
            complete,
        })
    }

    fn done_recording(&self) {
        if let Ok(mut recording) = self.recording.lock() {
            *recording = false;
        }
    }
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

/// Decompresses one cached chunk.
pub fn decompress(chunk: &[u8]) -> Result<Bytes, std::io::Error> {
    lz4_flex::decompress_size_prepended(chunk)
        .map(Bytes::from)
        .map_err(std::io::Error::other)
}

#[cfg(test)]
mod tests {
    use std::io::Read;
    use std::time::Duration;

    use super::*;

    async fn wait_for(cache: &ListCache, etag: &str) -> Option<Arc<CachedList>> {
        for _ in 0..200 {
            if let Some(list) = cache.get(etag) {
                return Some(list);
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        None
    }

    #[tokio::test]
    async fn a_finished_recording_is_kept_under_its_etag_in_both_forms() {
        let cache = Arc::new(ListCache::default());
        let chunks = [
            Bytes::from_static(b"[{\"id\":1},"),
            Bytes::from_static(b"{\"id\":2}]"),
        ];
        let mut recorder = cache.record("\"v1\"").expect("recording");
        assert!(cache.record("\"v1\"").is_none(), "one recording at a time");
        for chunk in &chunks {
            recorder.push(chunk);
        }
        recorder.finish();
        let list = wait_for(&cache, "\"v1\"").await.expect("kept");
        let plain: Vec<u8> = list
            .lz4_chunks
            .iter()
            .flat_map(|c| decompress(c).expect("lz4").to_vec())
            .collect();
        assert_eq!(plain, b"[{\"id\":1},{\"id\":2}]");
        let mut unzipped = Vec::new();
        flate2::read::GzDecoder::new(&list.gzip[..])
            .read_to_end(&mut unzipped)
            .expect("gzip");
        assert_eq!(unzipped, plain);
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
