//! A log file rolled by size, as Radarr rolls its logs: once the next line
//! would take `radarr.txt` past the limit, it becomes `radarr.0.txt`, each
//! older archive moves up one number, and the one past the kept count is
//! deleted.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::PathBuf;

/// Radarr's default `LogSizeLimit`: 1 MB a file.
pub const SIZE_LIMIT: u64 = 1024 * 1024;
/// Radarr's default `LogRotate`: archives kept beside the current file.
pub const ARCHIVES: usize = 50;

/// The writer. Blocking: it runs on the logging thread, never on the async
/// runtime's.
pub struct RollingFile {
    folder: PathBuf,
    stem: String,
    limit: u64,
    archives: usize,
    file: Option<File>,
    /// Bytes in the current file, as far as this writer knows.
    size: u64,
}

impl RollingFile {
    /// Writes `{folder}/{stem}.txt`, creating the folder; fails when the
    /// file cannot be opened.
    pub fn open(
        folder: impl Into<PathBuf>,
        stem: &str,
        limit: u64,
        archives: usize,
    ) -> io::Result<Self> {
        let mut rolling = RollingFile {
            folder: folder.into(),
            stem: stem.to_string(),
            limit: limit.max(1),
            archives,
            file: None,
            size: 0,
        };
        rolling.current_file()?;
        Ok(rolling)
    }

    fn path(&self, archive: Option<usize>) -> PathBuf {
        match archive {
            None => self.folder.join(format!("{}.txt", self.stem)),
            Some(n) => self.folder.join(format!("{}.{n}.txt", self.stem)),
        }
    }

    /// The open current file, opened (appending) when it is not.
    fn current_file(&mut self) -> io::Result<&mut File> {
        if self.file.is_none() {
            std::fs::create_dir_all(&self.folder)?;
            let file = OpenOptions::new()
                .create(true)
                .append(true)
                .open(self.path(None))?;
            self.size = file.metadata()?.len();
            self.file = Some(file);
        }
        // Set just above when it was not.
        self.file
            .as_mut()
            .ok_or_else(|| io::Error::other("the log file is not open"))
    }

    /// Moves the current file to archive 0 and every archive up one number.
    fn roll(&mut self) -> io::Result<()> {
        self.file = None;
        let ignore_missing = |result: io::Result<()>| match result {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        };
        if self.archives == 0 {
            return ignore_missing(std::fs::remove_file(self.path(None)));
        }
        ignore_missing(std::fs::remove_file(self.path(Some(self.archives - 1))))?;
        for n in (0..self.archives - 1).rev() {
            ignore_missing(std::fs::rename(self.path(Some(n)), self.path(Some(n + 1))))?;
        }
        ignore_missing(std::fs::rename(self.path(None), self.path(Some(0))))
    }

    /// Whether `incoming` more bytes call for a roll first. The count is
    /// checked against the file before rolling: deleting the log files
    /// empties this one under the writer.
    fn needs_roll(&mut self, incoming: u64) -> bool {
        if self.size == 0 || self.size + incoming <= self.limit {
            return false;
        }
        if let Some(len) = self.file.as_ref().and_then(|f| f.metadata().ok()) {
            self.size = len.len();
        }
        self.size > 0 && self.size + incoming > self.limit
    }
}

impl Write for RollingFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.needs_roll(buf.len() as u64) {
            self.roll()?;
        }
        let written = self.current_file()?.write(buf)?;
        self.size += written as u64;
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.file {
            Some(file) => file.flush(),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(dir: &tempfile::TempDir, name: &str) -> String {
        std::fs::read_to_string(dir.path().join("logs").join(name)).unwrap_or_default()
    }

    fn names(dir: &tempfile::TempDir) -> Vec<String> {
        let mut names: Vec<_> = std::fs::read_dir(dir.path().join("logs"))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn past_the_limit_the_file_rolls_into_numbered_archives_and_the_oldest_go() {
        let dir = tempfile::tempdir().unwrap();
        // Three ten-byte lines fit in a file of 30 bytes.
        let mut file = RollingFile::open(dir.path().join("logs"), "radarr", 30, 2).unwrap();
        for n in 0..12 {
            file.write_all(format!("line {n:04}\n").as_bytes()).unwrap();
        }
        file.flush().unwrap();
        assert_eq!(names(&dir), ["radarr.0.txt", "radarr.1.txt", "radarr.txt"]);
        assert_eq!(
            read(&dir, "radarr.txt"),
            "line 0009\nline 0010\nline 0011\n"
        );
        assert_eq!(
            read(&dir, "radarr.0.txt"),
            "line 0006\nline 0007\nline 0008\n"
        );
        assert_eq!(
            read(&dir, "radarr.1.txt"),
            "line 0003\nline 0004\nline 0005\n"
        );
    }

    #[test]
    fn a_file_left_by_an_earlier_run_is_appended_to_and_counted() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("logs")).unwrap();
        std::fs::write(dir.path().join("logs/radarr.txt"), "old line\nold line\n").unwrap();
        let mut file = RollingFile::open(dir.path().join("logs"), "radarr", 30, 2).unwrap();
        file.write_all(b"new line\n").unwrap();
        assert_eq!(read(&dir, "radarr.txt"), "old line\nold line\nnew line\n");
        file.write_all(b"next line\n").unwrap();
        assert_eq!(read(&dir, "radarr.txt"), "next line\n");
        assert_eq!(read(&dir, "radarr.0.txt"), "old line\nold line\nnew line\n");
    }

    #[test]
    fn an_emptied_file_is_written_from_its_start_without_rolling() {
        let dir = tempfile::tempdir().unwrap();
        let mut file = RollingFile::open(dir.path().join("logs"), "radarr", 30, 2).unwrap();
        file.write_all(b"line 0001\nline 0002\n").unwrap();
        // What deleting the log files does to the current one.
        std::fs::File::options()
            .write(true)
            .open(dir.path().join("logs/radarr.txt"))
            .unwrap()
            .set_len(0)
            .unwrap();
        file.write_all(b"line 0003\nline 0004\n").unwrap();
        assert_eq!(read(&dir, "radarr.txt"), "line 0003\nline 0004\n");
        assert_eq!(names(&dir), ["radarr.txt"]);
    }
}
