//! Which file of a finished download is the movie: the largest video file,
//! leaving out samples.

use std::path::{Path, PathBuf};

/// Extensions of video files Radarr imports.
const VIDEO: [&str; 16] = [
    "mkv", "mp4", "m4v", "avi", "mov", "wmv", "ts", "m2ts", "mpg", "mpeg", "webm", "divx", "xvid",
    "flv", "ogm", "vob",
];

/// How deep a download's folders are searched.
const MAX_DEPTH: usize = 4;

/// Whether a name is a video file's.
pub fn is_video(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| VIDEO.iter().any(|v| v.eq_ignore_ascii_case(e)))
}

/// Whether a file is a sample: named so (a word `sample`), or in a
/// `Sample` folder.
pub fn is_sample(path: &Path) -> bool {
    path.components().any(|part| {
        let part = part.as_os_str().to_string_lossy().to_ascii_lowercase();
        part.split(|c: char| !c.is_ascii_alphanumeric())
            .any(|word| word == "sample")
    })
}

/// The movie file of a download at `output`: the file itself, or the
/// largest video that is not a sample in its folder; `None` when there is
/// none. Symbolic links are not followed out of the download.
pub fn main_video(output: &Path) -> Option<(PathBuf, u64)> {
    let meta = std::fs::symlink_metadata(output).ok()?;
    if meta.is_file() {
        return is_video(output).then(|| (output.to_path_buf(), meta.len()));
    }
    let mut best: Option<(PathBuf, u64)> = None;
    let mut pending = vec![(output.to_path_buf(), 0)];
    while let Some((dir, depth)) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(meta) = std::fs::symlink_metadata(&path) else {
                continue;
            };
            if meta.is_dir() && depth < MAX_DEPTH {
                pending.push((path, depth + 1));
            } else if meta.is_file()
                && is_video(&path)
                && !is_sample(path.strip_prefix(output).unwrap_or(&path))
                && best.as_ref().is_none_or(|(_, size)| meta.len() > *size)
            {
                best = Some((path, meta.len()));
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_largest_video_that_is_not_a_sample_is_the_movie() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("The.Matrix.1999.1080p.BluRay.x264-GRP");
        std::fs::create_dir_all(root.join("Sample")).unwrap();
        std::fs::write(root.join("the.matrix.1999.1080p.mkv"), vec![0; 100]).unwrap();
        std::fs::write(root.join("Sample/the.matrix.sample.mkv"), vec![0; 500]).unwrap();
        std::fs::write(root.join("matrix-sample.mkv"), vec![0; 400]).unwrap();
        std::fs::write(root.join("the.matrix.nfo"), vec![0; 900]).unwrap();
        let (path, size) = main_video(&root).unwrap();
        assert_eq!(path, root.join("the.matrix.1999.1080p.mkv"));
        assert_eq!(size, 100);
        assert!(main_video(&root.join("the.matrix.nfo")).is_none());
        assert!(main_video(&dir.path().join("missing")).is_none());
        assert!(!is_sample(Path::new("Sampler.2020.mkv")));
    }
}
