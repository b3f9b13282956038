//! The full movie list, kept compressed between changes. A list of 10,000
//! movies is 50 MB of JSON: rendering it from the database costs a tenth of a
//! second or more, and holding it would cost 50 MB. It is kept instead as
//! blocks (see `list_blocks`) made from the response that rendered it: LZ4 on
//! a worker thread as the response goes out, the gzip form once it has gone.
//! After a write, the next list is the kept one with the written movies put
//! in afresh, which costs a few blocks rather than the whole library. The
//! newest list is kept until it has not been asked for in a while.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{SyncSender, sync_channel};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use axum::body::Bytes;
use futures::Stream;

use crate::services::list_blocks::{Block, RawBlock, deflate_missing, gzip_if_ready, patched};

/// Blocks (of about 64 KB) a recording may fall behind the response before
/// it gives up.
const BACKLOG: usize = 256;
/// A copy not asked for this long is dropped, so an idle server holds little.
const TIME_TO_IDLE: Duration = Duration::from_secs(120);

/// The list as rendered under one version of the library and of everything
/// else a rendering depends on.
pub struct CachedList {
    /// The library revision it was rendered at.
    pub revision: i64,
    /// The rest of the rendering's version (see `RenderContext::key`).
    pub key: String,
    blocks: Vec<Arc<Block>>,
    gzip: OnceLock<Bytes>,
}

impl CachedList {
    fn new(revision: i64, key: String, blocks: Vec<Arc<Block>>) -> CachedList {
        CachedList {
            revision,
            key,
            blocks,
            gzip: OnceLock::new(),
        }
    }

    /// The whole list as one gzip stream, once every block's piece is made.
    pub fn gzip(&self) -> Option<Bytes> {
        if let Some(gzip) = self.gzip.get() {
            return Some(gzip.clone());
        }
        let gzip = gzip_if_ready(&self.blocks)?;
        Some(self.gzip.get_or_init(|| gzip).clone())
    }

    /// This list with `changes` (see [`patched`]) made, under a new version.
    /// Blocking: it unpacks and compresses the blocks that change.
    pub fn patched(
        &self,
        revision: i64,
        changes: &[(i32, Option<Vec<u8>>)],
    ) -> std::io::Result<CachedList> {
        let blocks = patched(&self.blocks, changes)?;
        Ok(CachedList::new(revision, self.key.clone(), blocks))
    }
}

/// The newest list, and whether one is being recorded.
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
    /// The kept list, when it was made at `revision` under `key`.
    pub fn get(&self, revision: i64, key: &str) -> Option<Arc<CachedList>> {
        self.latest()
            .filter(|c| c.revision == revision && c.key == key)
    }

    /// The kept list, whatever its version.
    pub fn latest(&self) -> Option<Arc<CachedList>> {
        self.current.get(&())
    }

    /// Keeps a list, unless the one kept is newer under the same key (a
    /// slow rendering must not push out a list made after it).
    pub fn keep(&self, list: Arc<CachedList>) {
        let newer_kept = self
            .latest()
            .is_some_and(|kept| kept.key == list.key && kept.revision > list.revision);
        if !newer_kept {
            self.current.insert((), list);
        }
    }

    /// Drops an expired copy; moka frees memory only when something touches it.
    pub fn run_pending_tasks(&self) {
        self.current.run_pending_tasks();
    }

    /// Starts recording a list being rendered at `revision` under `key`, unless another
    /// recording is under way (one at a time bounds the memory it takes).
    pub fn record(self: &Arc<Self>, revision: i64, key: &str) -> Option<Recorder> {
        {
            let mut recording = self.recording.lock().ok()?;
            if *recording {
                return None;
            }
            *recording = true;
        }
        let (tx, rx) = sync_channel::<RawBlock>(BACKLOG);
        let complete = Arc::new(AtomicBool::new(false));
        let cache = self.clone();
        let key = key.to_string();
        let finished = complete.clone();
        tokio::task::spawn_blocking(move || {
            // Until the recorder is dropped: finished or abandoned.
            let blocks: Vec<Arc<Block>> =
                rx.into_iter().map(|raw| Arc::new(raw.compress())).collect();
            if finished.load(Ordering::Acquire) {
                let kept = Arc::new(CachedList::new(revision, key, blocks));
                cache.keep(kept.clone());
                // The gzip form once the response has gone out, so it does
                // not wait on the slower compression as well.
                if deflate_missing(&kept.blocks).is_ok() {
                    kept.gzip();
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

/// Receives the blocks of one rendering. Dropped before [`Recorder::finish`]
/// (the client left, the store failed), it records nothing.
pub struct Recorder {
    tx: Option<SyncSender<RawBlock>>,
    complete: Arc<AtomicBool>,
}

impl Recorder {
    /// Adds a block. Never waits: a recording that falls behind is abandoned
    /// rather than slow the response down.
    pub fn push(&mut self, block: RawBlock) {
        if let Some(tx) = &self.tx
            && tx.try_send(block).is_err()
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

/// The kept list unpacked, a block at a time.
pub fn unpacked(list: Arc<CachedList>) -> impl Stream<Item = Result<Bytes, std::io::Error>> {
    let count = list.blocks.len();
    let blocks = (0..count).map(move |i| {
        let separator = if i == 0 { b'[' } else { b',' };
        list.blocks[i].unpack_after(separator).map(Bytes::from)
    });
    let end: &'static [u8] = if count == 0 { b"[]" } else { b"]" };
    futures::stream::iter(blocks.chain(std::iter::once(Ok(Bytes::from_static(end)))))
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use futures::StreamExt;

    use super::*;
    use crate::services::list_blocks::BlockWriter;

    async fn wait_for(cache: &ListCache, revision: i64, key: &str) -> Option<Arc<CachedList>> {
        for _ in 0..200 {
            if let Some(list) = cache.get(revision, key)
                && list.gzip().is_some()
            {
                return Some(list);
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        None
    }

    fn movie(id: i32) -> String {
        format!(r#"{{"id":{id},"title":"Movie {id}"}}"#)
    }

    /// Renders movies `ids` into a recorder as the list route does.
    fn render(recorder: &mut Recorder, ids: impl Iterator<Item = i32>) {
        let mut writer = BlockWriter::default();
        for id in ids {
            if let Some(raw) = writer.push(id, |out| out.extend(movie(id).bytes())) {
                recorder.push(raw);
            }
        }
        if let Some(raw) = writer.finish() {
            recorder.push(raw);
        }
    }

    async fn unpack(list: Arc<CachedList>) -> Vec<u8> {
        let chunks: Vec<Bytes> = unpacked(list).map(|c| c.expect("lz4")).collect().await;
        chunks.concat()
    }

    fn gunzip(gzip: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(gzip)
            .read_to_end(&mut out)
            .expect("gzip");
        out
    }

    fn json_of(ids: impl Iterator<Item = i32>) -> Vec<u8> {
        format!("[{}]", ids.map(movie).collect::<Vec<_>>().join(",")).into_bytes()
    }

    #[tokio::test]
    async fn a_finished_recording_is_kept_under_its_version() {
        let cache = Arc::new(ListCache::default());
        let mut recorder = cache.record(1, "k").expect("recording");
        assert!(cache.record(1, "k").is_none(), "one recording at a time");
        render(&mut recorder, 1..=20_000);
        recorder.finish();
        let list = wait_for(&cache, 1, "k")
            .await
            .expect("kept with its gzip form");
        let json = json_of(1..=20_000);
        let gzip = list.gzip().expect("gzip");
        assert!(gzip.len() < json.len() / 2, "compressed");
        assert_eq!(gunzip(&gzip), json);
        assert_eq!(unpack(list).await, json);
        assert!(cache.get(2, "k").is_none(), "another version is not served");
    }

    #[tokio::test]
    async fn a_patched_list_replaces_the_kept_one() {
        let cache = Arc::new(ListCache::default());
        let mut recorder = cache.record(1, "k").expect("recording");
        render(&mut recorder, 1..=5_000);
        recorder.finish();
        let kept = wait_for(&cache, 1, "k").await.expect("kept");
        let changes = [(10, None), (5_001, Some(movie(5_001).into_bytes()))];
        let patched = kept.patched(3, &changes).expect("patch");
        let json = json_of((1..=5_001).filter(|id| *id != 10));
        assert_eq!(gunzip(&patched.gzip().expect("ready at once")), json);
        let patched = Arc::new(patched);
        cache.keep(patched.clone());
        assert!(cache.get(3, "k").is_some());
        // A slower rendering of an older revision does not push it out.
        cache.keep(Arc::new(CachedList::new(2, "k".into(), vec![])));
        assert!(cache.get(3, "k").is_some());
        assert_eq!(unpack(patched).await, json);
        // Under another key (profiles changed, a new day), the newest rendering wins.
        cache.keep(Arc::new(CachedList::new(2, "j".into(), vec![])));
        let empty = cache.get(2, "j").expect("kept");
        assert_eq!(unpack(empty).await, b"[]");
    }

    #[tokio::test]
    async fn an_abandoned_recording_keeps_nothing() {
        let cache = Arc::new(ListCache::default());
        let mut recorder = cache.record(1, "k").expect("recording");
        render(&mut recorder, 1..=3);
        drop(recorder);
        // The worker frees the slot once it sees the recording end.
        let mut next = None;
        for _ in 0..200 {
            next = cache.record(2, "k");
            if next.is_some() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        assert!(next.is_some(), "the slot was freed");
        assert!(cache.latest().is_none());
    }
}
