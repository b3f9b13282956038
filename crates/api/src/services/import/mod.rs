//! Importing finished downloads: the movie file is found in the download,
//! checked, placed in the movie's folder under the naming format (linked or
//! copied while the client seeds, moved otherwise), and recorded as the
//! movie's file with a history event; its media info is read afterwards.
//!
//! Never losing a file: the destination is saved on the tracked download
//! before anything is placed, the file is placed under a temporary name and
//! renamed, and the database records it only once it is in place. A retry
//! after a crash at any step finds its own work by that saved destination
//! and finishes it, so an import keyed by its download never fails with
//! "destination already exists", and never places a file twice.

mod files;
pub mod manual;
pub(crate) mod probe;
mod record;
mod transfer;

use std::cmp::Ordering;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};

use domain::custom_format::CustomFormat;
use domain::decision::file_formats;
use domain::download::{
    StatusMessage, TrackedDownload, TrackedDownloadState, TrackedDownloadStatus,
};
use domain::language::Language;
use domain::movie::Movie;
use domain::movie_file::{MediaInfo, MovieFile};
use domain::provider::{Provider, ProviderKind};
use domain::quality::{Quality, QualityModel};
use domain::rename::NamingConfig;
use domain::scene_group::Reputations;
use downloaders::DownloadClient;

use crate::error::ApiResult;
use crate::services::media_management::{self, MediaManagement};
use crate::services::profile_cache::Profiles;
use crate::services::{naming, push};
use crate::state::AppState;

pub use files::{is_video, main_video};
pub(crate) use record::record_event;
pub use transfer::{Mode, Placed, place, temporary};

/// The settings an import follows, read once a round.
pub(crate) struct Settings {
    pub naming: NamingConfig,
    pub media: MediaManagement,
    /// The quality profiles, which decide what is an upgrade.
    pub profiles: Profiles,
    /// Every custom format, to score a file against its movie's profile.
    pub formats: Vec<CustomFormat>,
}

impl Settings {
    pub(crate) async fn load(state: &AppState) -> ApiResult<Self> {
        Ok(Settings {
            naming: naming::load(state).await?,
            media: media_management::load(state).await?,
            profiles: state.profiles.get(state.store.as_ref()).await?,
            formats: state.store.custom_formats().await?,
        })
    }

    /// Reads the file's media info before it is named, when its name uses
    /// it (a `{MediaInfo …}` token); otherwise it is read after the import,
    /// out of its way.
    async fn media_info_for_name(&self, source: &Path) -> Option<MediaInfo> {
        let uses = self.naming.rename_movies
            && self
                .naming
                .standard_movie_format
                .to_ascii_lowercase()
                .contains("{mediainfo");
        if uses && self.media.enable_media_info {
            probe::media_info(source).await
        } else {
            None
        }
    }

    /// How a file the client keeps (seeding) is placed.
    fn keeping_mode(&self) -> Mode {
        if self.media.copy_using_hardlinks {
            Mode::LinkOrCopy
        } else {
            Mode::Copy
        }
    }
}

/// What a round of imports did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Downloads imported.
    pub imported: usize,
    /// Downloads that could not be imported as they are (see their messages).
    pub blocked: usize,
}

/// Imports every finished download waiting for it, and finishes any import
/// a crash cut short.
pub async fn import_ready(state: &AppState) -> ApiResult<ImportReport> {
    let mut report = ImportReport::default();
    let waiting: Vec<TrackedDownload> = state
        .store
        .tracked_downloads()
        .await?
        .into_iter()
        .filter(|d| match d.state {
            TrackedDownloadState::ImportPending | TrackedDownloadState::Importing => true,
            // Tried again each round, as the user may have fixed the cause.
            TrackedDownloadState::ImportBlocked => d.movie_id.is_some(),
            _ => false,
        })
        .collect();
    if waiting.is_empty() {
        return Ok(report);
    }
    let settings = Settings::load(state).await?;
    let mut to_probe = Vec::new();
    let mut clients = Clients::default();
    // A download blocked again for the same reason is written each round,
    // but only a real change moves the queue.
    let mut queue_changed = false;
    for mut download in waiting {
        let before = download.clone();
        match import(state, &settings, &mut download).await {
            Ok((file, path)) => {
                report.imported += 1;
                if file.media_info.is_none() && settings.media.enable_media_info {
                    to_probe.push((file.id, path));
                }
                after_import(state, &mut clients, &download).await;
            }
            Err(Stop::Store(error)) => {
                tracing::warn!(release = %download.title, %error, "import interrupted; tried again next round");
                continue;
            }
            Err(Stop::Blocked(reason)) => {
                report.blocked += 1;
                let again = download.state == TrackedDownloadState::ImportBlocked
                    && download
                        .status_messages
                        .iter()
                        .any(|m| m.messages.contains(&reason));
                if again {
                    tracing::debug!(release = %download.title, %reason, "import still blocked");
                } else {
                    tracing::warn!(release = %download.title, %reason, "import blocked");
                }
                download.state = TrackedDownloadState::ImportBlocked;
                download.tracked_status = TrackedDownloadStatus::Warning;
                download.status_messages = vec![StatusMessage::new(&download.title, reason)];
            }
        }
        state.store.update_tracked_download(&download).await?;
        queue_changed |= download != before;
    }
    if queue_changed {
        push::queue(state);
    }
    probe::read_later(state, to_probe);
    Ok(report)
}

/// A stored download client and the client it makes.
type Built = (Provider, Arc<dyn DownloadClient>);

/// The download clients a round of imports tells of what it imported, each
/// read and built once a round (a qBittorrent client logs in once).
#[derive(Default)]
struct Clients(HashMap<i32, Option<Built>>);

impl Clients {
    async fn of(&mut self, state: &AppState, client_id: i32) -> Option<&Built> {
        if let Entry::Vacant(slot) = self.0.entry(client_id) {
            let built = state
                .store
                .provider(ProviderKind::DownloadClient, client_id)
                .await
                .ok()
                .and_then(|provider| {
                    let client = crate::providers::download_clients::client(&provider)?;
                    Some((provider, client))
                });
            slot.insert(built);
        }
        self.0.get(&client_id).and_then(Option::as_ref)
    }
}

/// Tells the download's client it was imported (qBittorrent's post-import
/// category), then removes it from the client when the client says it may
/// go (seeding done, or Usenet) and its settings ask for it, as Radarr's
/// "Remove Completed" does. A failure only leaves it there.
async fn after_import(state: &AppState, clients: &mut Clients, download: &TrackedDownload) {
    let Some((provider, client)) = clients.of(state, download.client_id).await else {
        return;
    };
    if let Err(error) = client.mark_imported(&download.download_id).await {
        tracing::warn!(client = %provider.name, %error, "the client was not told of an import");
    }
    if download.can_be_removed
        && provider.flag("removeCompletedDownloads", true)
        && let Err(error) = client.remove(&download.download_id, true).await
    {
        tracing::warn!(client = %provider.name, %error, "an imported download was not removed from its client");
    }
}

/// The environment variable naming the import step at which the process
/// dies on the spot, as a kill there would: how the tests show that a
/// restart after a kill at any step loses nothing.
const CRASH_AT: &str = "UNIFIED_RADARR_CRASH_AT";

/// The step [`CRASH_AT`] names, read once.
static CRASH_STEP: LazyLock<Option<String>> = LazyLock::new(|| std::env::var(CRASH_AT).ok());

/// Dies here when [`CRASH_AT`] names `step`.
fn crash_point(step: &str) {
    if CRASH_STEP.as_deref() == Some(step) {
        tracing::error!(step, "stopping at once, as {CRASH_AT} asks");
        std::process::abort();
    }
}

/// Why an import stopped.
enum Stop {
    /// The download cannot be imported as it is; the message says why.
    Blocked(String),
    /// The database failed: the import is tried again on the next round,
    /// and finds what it had done by its saved destination.
    Store(store::StoreError),
}

impl From<store::StoreError> for Stop {
    fn from(e: store::StoreError) -> Self {
        Stop::Store(e)
    }
}

/// What is known of the release a file comes from: it names the file and
/// fills its record and history.
#[derive(Debug, Clone, Default)]
pub struct Release {
    /// The release title, kept as the file's scene name.
    pub title: String,
    pub quality: QualityModel,
    pub languages: Vec<Language>,
    pub custom_formats: Vec<i32>,
    pub custom_format_score: i32,
    /// The download it came in, when one is known.
    pub download_id: Option<String>,
    /// The download client's name, when it came from one.
    pub client_name: Option<String>,
    /// What ffprobe read of the file, when it was read before the import
    /// because the file's name uses it.
    pub media_info: Option<MediaInfo>,
}

impl From<&TrackedDownload> for Release {
    fn from(d: &TrackedDownload) -> Self {
        Release {
            title: d.title.clone(),
            quality: d.quality,
            languages: d.languages.clone(),
            custom_formats: d.custom_formats.clone(),
            custom_format_score: d.custom_format_score,
            download_id: Some(d.download_id.clone()),
            client_name: Some(d.client_name.clone()),
            media_info: None,
        }
    }
}

impl Release {
    /// A recorded file's release, for the history of what happens to it.
    pub fn of_file(file: &MovieFile) -> Release {
        Release {
            title: file
                .scene_name
                .clone()
                .unwrap_or_else(|| file.relative_path.clone()),
            quality: file.quality,
            languages: file.languages.clone(),
            ..Release::default()
        }
    }
}

/// Imports one download; returns its movie file's record and full path.
async fn import(
    state: &AppState,
    settings: &Settings,
    download: &mut TrackedDownload,
) -> Result<(MovieFile, PathBuf), Stop> {
    let movie_id = download
        .movie_id
        .ok_or_else(|| Stop::Blocked("The download is not matched to a movie".into()))?;
    let movie = state.store.movie(movie_id).await?;
    let mut release = Release::from(&*download);

    // An import cut short: its file is in place (then only the records are
    // missing), or it never got there (then it starts again).
    if download.state == TrackedDownloadState::Importing
        && let Some(path) = download.import_path.clone().map(PathBuf::from)
        && path.is_file()
    {
        let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        let file = record::Placement {
            path: &path,
            size,
            source: None,
            replaced: download.replaced_path.clone().map(PathBuf::from),
        };
        let recorded = record::finish(state, settings, &movie, &release, file).await?;
        mark_imported(download);
        return Ok((recorded, path));
    }

    let output = download.output_path.clone().ok_or_else(|| {
        Stop::Blocked("The download client has not said where the download is".into())
    })?;
    let (source, size) = main_video(Path::new(&output)).ok_or_else(|| {
        Stop::Blocked(format!(
            "No files found are eligible for import in {output}"
        ))
    })?;
    release.media_info = settings.media_info_for_name(&source).await;
    let destination = plan(settings, &movie, &release, &source, size)?;
    download.state = TrackedDownloadState::Importing;
    download.import_path = Some(destination.to_string_lossy().into_owned());
    download.replaced_path =
        replaced_by(&movie, &destination).map(|p| p.to_string_lossy().into_owned());
    state.store.update_tracked_download(download).await?;
    crash_point("import:journaled");

    let mode = if download.can_move_files {
        Mode::Move
    } else {
        settings.keeping_mode()
    };
    let recorded = place_and_record(
        state,
        settings,
        &movie,
        &release,
        (&source, size),
        &destination,
        mode,
    )
    .await?;
    mark_imported(download);
    Ok((recorded, destination))
}

fn mark_imported(download: &mut TrackedDownload) {
    download.state = TrackedDownloadState::Imported;
    download.tracked_status = TrackedDownloadStatus::Ok;
    download.status_messages.clear();
}

/// Where `source` goes in the movie's folder, once checked: an upgrade, with
/// room for it, and not over a file that is not the movie's own.
fn plan(
    settings: &Settings,
    movie: &Movie,
    release: &Release,
    source: &Path,
    size: u64,
) -> Result<PathBuf, Stop> {
    check_upgrade(settings, movie, release, size)?;
    let destination = destination(&settings.naming, movie, release, source)?;
    if !settings.media.skip_free_space_check_when_importing {
        let minimum = u64::try_from(settings.media.minimum_free_space_when_importing).unwrap_or(0);
        check_space(&destination, size, minimum * 1024 * 1024)?;
    }
    if destination.exists() && !is_current_file(movie, &destination) {
        return Err(Stop::Blocked(format!(
            "Destination already exists and is not this movie's file: {}",
            destination.display()
        )));
    }
    Ok(destination)
}

/// Places `source` (a file and its size) at `destination` (planned) and
/// records it.
async fn place_and_record(
    state: &AppState,
    settings: &Settings,
    movie: &Movie,
    release: &Release,
    (source, size): (&Path, u64),
    destination: &Path,
    mode: Mode,
) -> Result<MovieFile, Stop> {
    if let Some(folder) = destination.parent() {
        std::fs::create_dir_all(folder).map_err(|e| {
            Stop::Blocked(format!("Unable to create folder {}: {e}", folder.display()))
        })?;
    }
    let placed = place(source, destination, mode)
        .map_err(|e| Stop::Blocked(format!("Unable to place {}: {e}", source.display())))?;
    crash_point("import:placed");
    let file = record::Placement {
        path: destination,
        size,
        source: Some((source, placed)),
        replaced: replaced_by(movie, destination),
    };
    record::finish(state, settings, movie, release, file).await
}

/// Refuses a file that does not improve on the movie's, as Radarr's
/// import does: a lower quality in the movie's profile, the same quality in
/// an older revision, a lower custom format score, or the very same file.
/// An equal one may replace it (a re-encode, a fixed file).
fn check_upgrade(
    settings: &Settings,
    movie: &Movie,
    release: &Release,
    size: u64,
) -> Result<(), Stop> {
    let Some(existing) = &movie.movie_file else {
        return Ok(());
    };
    let (old, new) = (existing.quality, release.quality);
    let profile = settings.profiles.by_id.get(&movie.quality_profile_id);
    let rank = |quality: Quality| -> i64 {
        match profile {
            Some(p) => p
                .item_index_of(quality.id)
                .and_then(|i| i64::try_from(i).ok())
                .unwrap_or(-1),
            None => i64::from(quality.weight()),
        }
    };
    let by_quality = rank(new.quality).cmp(&rank(old.quality)).then(
        (new.revision.real, new.revision.version).cmp(&(old.revision.real, old.revision.version)),
    );
    match by_quality {
        Ordering::Less => {
            return Err(Stop::Blocked(
                "Not an upgrade for existing movie file(s)".into(),
            ));
        }
        Ordering::Greater => return Ok(()),
        Ordering::Equal => {}
    }
    if let Some(profile) = profile {
        // Both files are weighed alike, without reputation: the question is
        // whether the new file improves on the old by its formats.
        let neutral = Reputations::default();
        let score = |file: &MovieFile| {
            file_formats(file, movie, &settings.formats, profile, &neutral).score
        };
        let (old_score, new_score) = (
            score(existing),
            score(&record::file_record(movie, release, size, None)),
        );
        if new_score < old_score {
            return Err(Stop::Blocked(format!(
                "Not a Custom Format upgrade for existing movie file(s). New: ({new_score}) do not improve on Existing: ({old_score})"
            )));
        }
    }
    if u64::try_from(existing.size).ok() == Some(size) {
        return Err(Stop::Blocked("Has same filesize as existing file".into()));
    }
    Ok(())
}

/// The file's place in the movie's folder: renamed by the naming format
/// when renaming is on, else under its own name; always one plain name
/// inside the folder.
fn destination(
    naming: &NamingConfig,
    movie: &Movie,
    release: &Release,
    source: &Path,
) -> Result<PathBuf, Stop> {
    let stem = source
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let extension = source
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_else(|| "mkv".into());
    let record = record::file_record(movie, release, 0, None);
    match naming::file_name_of(naming, movie, &record, &stem) {
        Some(name) if !movie.path.is_empty() => {
            Ok(Path::new(&movie.path).join(format!("{name}.{extension}")))
        }
        _ => Err(Stop::Blocked(format!(
            "'{stem}' cannot be a file name in the movie's folder"
        ))),
    }
}

/// The movie's current file, when a file placed at `destination` replaces
/// it (rather than taking its place under the same name).
fn replaced_by(movie: &Movie, destination: &Path) -> Option<PathBuf> {
    let file = movie.movie_file.as_ref()?;
    let current = Path::new(&movie.path).join(&file.relative_path);
    (current != destination).then_some(current)
}

/// Whether `path` is the movie's current file (an upgrade under the same
/// name replaces it).
fn is_current_file(movie: &Movie, path: &Path) -> bool {
    movie
        .movie_file
        .as_ref()
        .is_some_and(|f| Path::new(&movie.path).join(&f.relative_path) == path)
}

/// Refuses an import that would leave the destination's disk less than
/// `minimum` bytes free.
fn check_space(destination: &Path, size: u64, minimum: u64) -> Result<(), Stop> {
    let mut probe = destination.parent();
    while let Some(folder) = probe {
        if folder.exists() {
            if let Ok(free) = fs4::available_space(folder)
                && free < size.saturating_add(minimum)
            {
                return Err(Stop::Blocked(format!(
                    "Not enough free space: {} needs {size} bytes and {minimum} left free, {free} free",
                    folder.display()
                )));
            }
            return Ok(());
        }
        probe = folder.parent();
    }
    Ok(())
}
