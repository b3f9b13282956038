//! Reading a file's media info with ffprobe. ffprobe missing or failing
//! leaves the file without media info; the import goes on.

use std::path::Path;
use std::time::Duration;

use domain::movie_file::MediaInfo;

/// Time ffprobe has for one file (it reads only the headers).
const TIMEOUT: Duration = Duration::from_secs(30);

/// The media info of the video at `path`, when ffprobe can read it.
pub async fn media_info(path: &Path) -> Option<MediaInfo> {
    let run = tokio::process::Command::new("ffprobe")
        .args([
            "-v",
            "quiet",
            "-print_format",
            "json",
            "-show_format",
            "-show_streams",
        ])
        .arg(path)
        .kill_on_drop(true)
        .output();
    let output = match tokio::time::timeout(TIMEOUT, run).await {
        Ok(Ok(output)) if output.status.success() => output,
        Ok(Ok(output)) => {
            tracing::warn!(file = %path.display(), status = %output.status, "ffprobe could not read the file");
            return None;
        }
        Ok(Err(error)) => {
            tracing::warn!(%error, "ffprobe did not run; files are imported without media info");
            return None;
        }
        Err(_) => {
            tracing::warn!(file = %path.display(), "ffprobe took too long");
            return None;
        }
    };
    let probe: serde_json::Value = serde_json::from_slice(&output.stdout).ok()?;
    domain::media_info::from_ffprobe(&probe)
}
