//! Importing files the user points at: the candidates a folder (or a
//! tracked download) holds, each matched to a movie and checked, for
//! `GET /manualimport`; and the import of the ones chosen, for the
//! `ManualImport` and `DownloadedMoviesScan` commands.
//!
//! These imports are not journaled as a tracked download's are: the file
//! still reaches its place under a temporary name before the database
//! records it, and a file placed but not recorded (a kill between the two)
//! is found and recorded by the movie's rescan.

use std::path::{Path, PathBuf};

use domain::download::{TrackedDownload, TrackedDownloadState};
use domain::language::Language;
use domain::movie::Movie;
use domain::movie_file::MovieFile;
use domain::quality::QualityModel;
use serde::Deserialize;

use super::files::{is_sample, is_video};
use super::{Mode, Release, Settings, Stop, mark_imported, place_and_record, plan, probe};
use crate::error::{ApiError, ApiResult};
use crate::services::{parse, push};
use crate::state::AppState;

/// How deep a folder is searched for video files.
const MAX_DEPTH: usize = 4;

/// A file that could be imported, and why it may not be.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Radarr's id for it: a hash of its path, the same on every listing.
    pub id: i32,
    pub path: PathBuf,
    /// Its path under the folder listed.
    pub relative_path: String,
    /// The name of the folder it is in.
    pub folder_name: String,
    /// Its file name without the extension.
    pub name: String,
    pub size: u64,
    pub movie: Option<Movie>,
    /// What its names say of it, or the tracked download's release.
    pub release: Release,
    pub release_group: Option<String>,
    /// Why it may not be imported as it is; none when it may.
    pub rejections: Vec<Rejection>,
}

/// A reason a file is not imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    pub reason: String,
    /// Whether waiting cannot help (Radarr's `permanent`, else `temporary`).
    pub permanent: bool,
}

/// Where candidates are looked for.
#[derive(Debug, Clone, Default)]
pub struct Lookup {
    /// A folder or a single file.
    pub folder: Option<String>,
    /// A tracked download's id: its output is the folder, its movie and
    /// release are the files'.
    pub download_id: Option<String>,
    /// The movie every file is for.
    pub movie_id: Option<i32>,
    /// Leave out files that already are a movie's file.
    pub filter_existing_files: bool,
}

/// A file the user chose, with what they said of it: an item of
/// `POST /manualimport` or of the `ManualImport` command's `files`, as
/// Radarr's UI sends them.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Choice {
    pub path: PathBuf,
    /// 0 when the user has not said.
    #[serde(default)]
    pub movie_id: i32,
    pub quality: Option<QualityModel>,
    pub languages: Option<Vec<Language>>,
    pub release_group: Option<String>,
    /// None for none or an empty one.
    #[serde(default, deserialize_with = "non_empty")]
    pub download_id: Option<String>,
}

fn non_empty<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let text: Option<String> = Option::deserialize(d)?;
    Ok(text.filter(|t| !t.is_empty()))
}

/// How chosen files are placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportMode {
    /// Moved, unless they belong to a download still seeding (then linked
    /// or copied).
    Auto,
    Move,
    /// Hard-linked where the file systems allow, else copied.
    Copy,
}

impl ImportMode {
    /// Radarr's names, in any case; anything else is `Auto`, as Radarr's
    /// default.
    pub fn named(name: &str) -> Self {
        if name.eq_ignore_ascii_case("move") {
            ImportMode::Move
        } else if name.eq_ignore_ascii_case("copy") {
            ImportMode::Copy
        } else {
            ImportMode::Auto
        }
    }
}

/// The files a folder or download holds that could be imported.
pub async fn candidates(state: &AppState, lookup: &Lookup) -> ApiResult<Vec<Candidate>> {
    let download = match &lookup.download_id {
        Some(id) => Some(tracked(state, id).await?.ok_or_else(|| {
            ApiError::invalid("DownloadId", "Download not found", "DownloadIdValidator")
        })?),
        None => None,
    };
    let folder = match (&lookup.folder, &download) {
        (Some(folder), _) if !folder.trim().is_empty() => PathBuf::from(folder.trim()),
        (_, Some(d)) => d.output_path.clone().map(PathBuf::from).ok_or_else(|| {
            ApiError::invalid(
                "DownloadId",
                "The download client has not said where the download is",
                "DownloadIdValidator",
            )
        })?,
        _ => {
            return Err(ApiError::invalid(
                "Folder",
                "Folder or downloadId must be given",
                "NotEmptyValidator",
            ));
        }
    };
    if !folder.is_absolute() {
        return Err(ApiError::invalid(
            "Folder",
            "Path must be absolute",
            "PathValidator",
        ));
    }
    let given_movie = match lookup
        .movie_id
        .or(download.as_ref().and_then(|d| d.movie_id))
    {
        Some(id) => Some(state.store.movie(id).await?),
        None => None,
    };
    let settings = Settings::load(state).await?;
    let listed_name = folder
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let list_root = folder.clone();
    let files = tokio::task::spawn_blocking(move || video_files(&list_root))
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    let existing = if lookup.filter_existing_files {
        existing_files(state, &files).await?
    } else {
        Vec::new()
    };
    let mut found = Vec::new();
    for (path, size) in files {
        if existing.contains(&path) {
            continue;
        }
        let relative_path = path
            .strip_prefix(&folder)
            .ok()
            .filter(|r| !r.as_os_str().is_empty())
            .unwrap_or_else(|| Path::new(path.file_name().unwrap_or_default()))
            .to_string_lossy()
            .into_owned();
        let name = stem(&path);
        let folder_name = parent_name(&path);
        let (release, parsed_movie) = match &download {
            Some(d) => (Release::from(d), None),
            None => read_names(state, &name, &[&folder_name, &listed_name]).await?,
        };
        let release_group =
            parser::parse_movie_title(&release.title, false).and_then(|p| p.release_group);
        let movie = given_movie.clone().or(parsed_movie);
        let mut candidate = Candidate {
            id: id_of(&path),
            path,
            relative_path,
            folder_name,
            name,
            size,
            movie,
            release,
            release_group,
            rejections: Vec::new(),
        };
        candidate.rejections = rejections(&settings, &candidate);
        found.push(candidate);
    }
    Ok(found)
}

/// Candidates looked at again with what the user chose for them (Radarr's
/// `POST /manualimport`).
pub async fn reevaluate(state: &AppState, choices: &[Choice]) -> ApiResult<Vec<Candidate>> {
    let settings = Settings::load(state).await?;
    let mut found = Vec::with_capacity(choices.len());
    for choice in choices {
        let download = tracked_of(state, choice).await?;
        let release = chosen_release(state, choice, download.as_ref()).await?;
        let movie = match choice.movie_id {
            0 => None,
            id => Some(state.store.movie(id).await?),
        };
        let mut candidate = Candidate {
            id: id_of(&choice.path),
            path: choice.path.clone(),
            relative_path: choice
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            folder_name: parent_name(&choice.path),
            name: stem(&choice.path),
            size: std::fs::metadata(&choice.path)
                .map(|m| m.len())
                .unwrap_or(0),
            movie,
            release,
            release_group: choice.release_group.clone(),
            rejections: Vec::new(),
        };
        candidate.rejections = if choice.path.is_file() {
            rejections(&settings, &candidate)
        } else {
            vec![Rejection {
                reason: "File does not exist".into(),
                permanent: true,
            }]
        };
        found.push(candidate);
    }
    Ok(found)
}

/// What a round of chosen imports did: files imported, and each file
/// that was not with its reason.
#[derive(Debug, Default)]
pub struct Outcome {
    pub imported: usize,
    pub failed: Vec<(PathBuf, String)>,
}

/// Imports the chosen files, each into its movie's folder.
pub async fn import_chosen(
    state: &AppState,
    choices: &[Choice],
    mode: ImportMode,
) -> ApiResult<Outcome> {
    let settings = Settings::load(state).await?;
    let mut outcome = Outcome::default();
    let mut to_probe = Vec::new();
    for choice in choices {
        match import_one(state, &settings, choice, mode).await {
            Ok((file, path)) => {
                outcome.imported += 1;
                if file.media_info.is_none() && settings.media.enable_media_info {
                    to_probe.push((file.id, path));
                }
            }
            Err(Stop::Blocked(reason)) => {
                tracing::warn!(file = %choice.path.display(), %reason, "manual import refused");
                outcome.failed.push((choice.path.clone(), reason));
            }
            Err(Stop::Store(error)) => return Err(error.into()),
        }
    }
    probe::read_later(state, to_probe);
    Ok(outcome)
}

async fn import_one(
    state: &AppState,
    settings: &Settings,
    choice: &Choice,
    mode: ImportMode,
) -> Result<(MovieFile, PathBuf), Stop> {
    let movie = match state.store.movie(choice.movie_id).await {
        Ok(movie) => movie,
        Err(e) if e.is_not_found() => return Err(Stop::Blocked("Unknown Movie".into())),
        Err(e) => return Err(Stop::Store(e)),
    };
    let metadata = std::fs::metadata(&choice.path)
        .ok()
        .filter(std::fs::Metadata::is_file)
        .ok_or_else(|| Stop::Blocked("File does not exist".into()))?;
    let download = tracked_of(state, choice)
        .await
        .map_err(|e| Stop::Blocked(e.to_string()))?;
    let mut release = chosen_release(state, choice, download.as_ref())
        .await
        .map_err(|e| Stop::Blocked(e.to_string()))?;
    let mode = match mode {
        ImportMode::Move => Mode::Move,
        ImportMode::Copy => settings.keeping_mode(),
        ImportMode::Auto if download.as_ref().is_some_and(|d| !d.can_move_files) => {
            settings.keeping_mode()
        }
        ImportMode::Auto => Mode::Move,
    };
    let size = metadata.len();
    release.media_info = settings.media_info_for_name(&choice.path).await;
    let destination = plan(settings, &movie, &release, &choice.path, size)?;
    let file = place_and_record(
        state,
        settings,
        &movie,
        &release,
        (&choice.path, size),
        &destination,
        mode,
    )
    .await?;
    if let Some(mut download) = download {
        mark_imported(&mut download);
        download.movie_id = Some(movie.id);
        state.store.update_tracked_download(&download).await?;
        push::queue(state);
    }
    Ok((file, destination))
}

/// The release a chosen file comes from: its download's when it names one
/// we follow, else what its name says; the user's quality, languages and
/// group win.
async fn chosen_release(
    state: &AppState,
    choice: &Choice,
    download: Option<&TrackedDownload>,
) -> ApiResult<Release> {
    let mut release = match download {
        Some(d) => Release::from(d),
        None => {
            let folder_name = parent_name(&choice.path);
            read_names(state, &stem(&choice.path), &[&folder_name])
                .await?
                .0
        }
    };
    if let Some(quality) = choice.quality {
        release.quality = quality;
    }
    if let Some(languages) = &choice.languages {
        release.languages = languages.clone();
    }
    if release.download_id.is_none() {
        release.download_id = choice.download_id.clone();
    }
    Ok(release)
}

/// The tracked download a chosen file names, if any client has it.
async fn tracked_of(state: &AppState, choice: &Choice) -> ApiResult<Option<TrackedDownload>> {
    match &choice.download_id {
        Some(id) => tracked(state, id).await,
        None => Ok(None),
    }
}

/// The tracked download with this download id, if any client has it.
async fn tracked(state: &AppState, download_id: &str) -> ApiResult<Option<TrackedDownload>> {
    Ok(state
        .store
        .tracked_downloads()
        .await?
        .into_iter()
        .filter(|d| d.state != TrackedDownloadState::Ignored)
        .find(|d| d.download_id.eq_ignore_ascii_case(download_id)))
}

/// What a file's names say of its release, and the library's movie they
/// name: its folder's, the listed folder's, then its own. A download's
/// folder is usually named for the release, while the files inside (an
/// obfuscated name, a sample in `Sample/`) may not be.
async fn read_names(
    state: &AppState,
    file_name: &str,
    folder_names: &[&str],
) -> ApiResult<(Release, Option<Movie>)> {
    let mut first_read = None;
    for title in folder_names.iter().copied().chain([file_name]) {
        let Some(parsed) = parser::parse_movie_title(title, false) else {
            continue;
        };
        let release = Release {
            title: title.to_string(),
            quality: parsed.quality,
            languages: parsed.languages.clone(),
            ..Release::default()
        };
        if let Some(movie) = parse::library_movie(state, &parsed).await? {
            return Ok((release, Some(movie)));
        }
        first_read.get_or_insert(release);
    }
    let release = first_read.unwrap_or_else(|| Release {
        title: file_name.to_string(),
        ..Release::default()
    });
    Ok((release, None))
}

/// Why a candidate may not be imported as it is.
fn rejections(settings: &Settings, candidate: &Candidate) -> Vec<Rejection> {
    let Some(movie) = &candidate.movie else {
        return vec![Rejection {
            reason: "Unknown Movie".into(),
            permanent: true,
        }];
    };
    let mut rejections = Vec::new();
    if is_sample(Path::new(&candidate.relative_path)) {
        rejections.push(Rejection {
            reason: "Sample".into(),
            permanent: true,
        });
    }
    if let Err(Stop::Blocked(reason)) = plan(
        settings,
        movie,
        &candidate.release,
        &candidate.path,
        candidate.size,
    ) {
        rejections.push(Rejection {
            reason,
            permanent: true,
        });
    }
    rejections
}

/// Those of `files` that are a movie's file already. The library is read
/// whole only when some of them lie in a movie's folder; a download folder
/// usually holds none.
async fn existing_files(state: &AppState, files: &[(PathBuf, u64)]) -> ApiResult<Vec<PathBuf>> {
    let folders = state.store.movie_paths().await?;
    let in_a_movie_folder = files
        .iter()
        .any(|(path, _)| folders.iter().any(|folder| path.starts_with(folder)));
    if !in_a_movie_folder {
        return Ok(Vec::new());
    }
    Ok(state
        .store
        .movies()
        .await?
        .into_iter()
        .filter_map(|m| {
            let file = m.movie_file?;
            Some(Path::new(&m.path).join(file.relative_path))
        })
        .filter(|path| files.iter().any(|(f, _)| f == path))
        .collect())
}

/// The video files at `root` (a file, or a folder searched a few levels
/// deep), with their sizes, by path. Symbolic links are not followed.
fn video_files(root: &Path) -> Vec<(PathBuf, u64)> {
    let mut found = Vec::new();
    let mut pending = vec![(root.to_path_buf(), 0)];
    while let Some((path, depth)) = pending.pop() {
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if meta.is_file() {
            if is_video(&path) {
                found.push((path, meta.len()));
            }
        } else if meta.is_dir()
            && depth <= MAX_DEPTH
            && let Ok(entries) = std::fs::read_dir(&path)
        {
            pending.extend(entries.flatten().map(|e| (e.path(), depth + 1)));
        }
    }
    found.sort();
    found
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The name of the folder a file is in.
fn parent_name(path: &Path) -> String {
    path.parent()
        .and_then(Path::file_name)
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// A positive 31-bit hash of the path, as Radarr's candidate ids are.
fn id_of(path: &Path) -> i32 {
    let hash = crc32fast::hash(path.to_string_lossy().as_bytes()) & 0x7fff_ffff;
    i32::try_from(hash).unwrap_or_default()
}
