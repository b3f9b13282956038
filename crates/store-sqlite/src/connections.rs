//! The store's connections: one writer, behind an async lock so writes queue
//! instead of failing with "database is locked", and a few read-only
//! connections taken from a stack.
//!
//! Statements run on the calling thread. A SQLite statement on a warm page
//! cache takes microseconds, less than handing it to another thread and
//! waking the caller again, which is what a driver with a thread per
//! connection pays twice per statement. Reads big enough to matter (the full
//! list) go through `read_blocking`, onto tokio's blocking threads.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, Weak};
use std::time::Duration;

use tokio::time::Instant;

use rusqlite::{Connection, OpenFlags};
use store::{Result, StoreError};

/// How long a statement waits for a lock held by another connection before failing.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Idle readers kept open: one per core is plenty.
const IDLE_READERS: usize = 4;

/// Each reader's page cache, in KiB: enough for the title index and the
/// pages searches keep coming back to, so they are not read from the file
/// again and again.
const READER_CACHE_KIB: i64 = 8 * 1024;

/// A reader's page cache while it pages through a whole table, in KiB.
const BULK_READ_CACHE_KIB: i64 = 1024;

/// A reader unused this long is closed, giving its page cache back.
const READER_IDLE_LIMIT: Duration = Duration::from_secs(60);

/// Prepared statements each connection keeps (every statement of the store fits).
const STATEMENT_CACHE: usize = 64;

/// A reader waiting to be used again, and since when.
struct IdleReader {
    conn: Connection,
    since: Instant,
}

/// The writer and the readers of one database file.
pub(crate) struct Connections {
    path: PathBuf,
    /// `None` once closed.
    writer: tokio::sync::Mutex<Option<Connection>>,
    idle_readers: Mutex<Vec<IdleReader>>,
    open_readers: AtomicU32,
    closed: AtomicBool,
}

impl Connections {
    /// Opens the writer (creating the file), lets `prepare` migrate through
    /// it, then opens the first reader.
    pub(crate) fn open(
        path: &Path,
        prepare: impl FnOnce(&mut Connection) -> Result<()>,
    ) -> Result<Self> {
        let mut writer = Connection::open(path)?;
        configure(&writer)?;
        // With WAL, readers never wait for the writer. NORMAL loses no
        // committed data on a process crash and stays consistent on power
        // loss; FULL would fsync every commit.
        writer.pragma_update(None, "journal_mode", "WAL")?;
        writer.pragma_update(None, "synchronous", "NORMAL")?;
        prepare(&mut writer)?;
        let connections = Connections {
            path: path.to_path_buf(),
            writer: tokio::sync::Mutex::new(Some(writer)),
            idle_readers: Mutex::new(Vec::with_capacity(IDLE_READERS)),
            open_readers: AtomicU32::new(0),
            closed: AtomicBool::new(false),
        };
        let first = connections.open_reader()?;
        connections.give_back(first);
        Ok(connections)
    }

    /// Closes readers left idle too long, every little while, for as long
    /// as the connections exist.
    pub(crate) fn spawn_idle_trimming(self: &Arc<Self>) {
        let connections: Weak<Self> = Arc::downgrade(self);
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(READER_IDLE_LIMIT / 2);
            loop {
                tick.tick().await;
                match connections.upgrade() {
                    Some(c) if !c.closed.load(Ordering::Acquire) => c.close_idle_readers(),
                    _ => return,
                }
            }
        });
    }

    /// Runs `read` on a read-only connection, on this thread.
    pub(crate) fn read<T>(&self, read: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let conn = self.take_reader()?;
        let result = read(&conn);
        self.give_back(conn);
        result
    }

    /// Runs a long `read` (one that pages through a whole table) on one of
    /// tokio's blocking threads, with a small page cache: caching pages read
    /// once would only push out the ones other reads come back to.
    pub(crate) async fn read_blocking<T: Send + 'static>(
        self: &Arc<Self>,
        read: impl FnOnce(&Connection) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        let this = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            this.read(|conn| {
                conn.pragma_update(None, "cache_size", -BULK_READ_CACHE_KIB)?;
                let result = read(conn);
                conn.pragma_update(None, "cache_size", -READER_CACHE_KIB)?;
                result
            })
        })
        .await
        .map_err(|_| StoreError::Unavailable("the read was cancelled"))?
    }

    /// Waits for the writer, then runs `write` on it, on this thread.
    pub(crate) async fn write<T>(
        &self,
        write: impl FnOnce(&mut Connection) -> Result<T>,
    ) -> Result<T> {
        let mut writer = self.writer.lock().await;
        let conn = writer.as_mut().ok_or_else(closed)?;
        write(conn)
    }

    /// Open and idle connections.
    pub(crate) fn counts(&self) -> (u32, usize) {
        let idle = self.idle().len();
        let writer = u32::from(!self.closed.load(Ordering::Acquire));
        (
            writer + self.open_readers.load(Ordering::Acquire),
            idle + writer as usize,
        )
    }

    /// Waits for the write in progress, then closes every connection; the
    /// last one to close folds the WAL back into the database file.
    pub(crate) async fn close(&self) {
        let mut writer = self.writer.lock().await;
        self.closed.store(true, Ordering::Release);
        self.drop_readers(|_| true);
        if let Some(conn) = writer.take()
            && let Err((_, e)) = conn.close()
        {
            tracing::warn!(error = %e, "closing the SQLite database failed");
        }
    }

    fn close_idle_readers(&self) {
        let now = Instant::now();
        self.drop_readers(|r| now.duration_since(r.since) >= READER_IDLE_LIMIT);
    }

    fn drop_readers(&self, which: impl Fn(&IdleReader) -> bool) {
        let dropped: Vec<IdleReader> = {
            let mut idle = self.idle();
            let (dropped, kept) = std::mem::take(&mut *idle).into_iter().partition(which);
            *idle = kept;
            dropped
        };
        self.open_readers
            .fetch_sub(dropped.len() as u32, Ordering::AcqRel);
    }

    fn idle(&self) -> MutexGuard<'_, Vec<IdleReader>> {
        // A panic while the lock was held cannot leave the stack half-changed.
        self.idle_readers
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    fn take_reader(&self) -> Result<Connection> {
        if self.closed.load(Ordering::Acquire) {
            return Err(closed());
        }
        match self.idle().pop() {
            Some(reader) => Ok(reader.conn),
            None => self.open_reader(),
        }
    }

    fn give_back(&self, conn: Connection) {
        let mut idle = self.idle();
        if idle.len() < IDLE_READERS && !self.closed.load(Ordering::Acquire) {
            idle.push(IdleReader {
                conn,
                since: Instant::now(),
            });
        } else {
            drop(idle);
            self.open_readers.fetch_sub(1, Ordering::AcqRel);
        }
    }

    fn open_reader(&self) -> Result<Connection> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(&self.path, flags)?;
        configure(&conn)?;
        conn.pragma_update(None, "cache_size", -READER_CACHE_KIB)?;
        self.open_readers.fetch_add(1, Ordering::AcqRel);
        Ok(conn)
    }
}

/// Settings every connection needs.
fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "foreign_keys", true)?;
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    Ok(())
}

fn closed() -> StoreError {
    StoreError::Unavailable("it has been closed")
}
