//! SABnzbd adding, listing, following and removing jobs.

use std::path::Path;
use std::time::Duration;

use downloaders::fake::FakeSabnzbd;
use downloaders::{
    DownloadClient, DownloadError, DownloadStatus, Grab, Payload, Sabnzbd, SabnzbdPriority,
    SabnzbdSettings,
};

use super::*;

#[tokio::test]
async fn sabnzbd_uploads_the_nzb_and_lists_it_under_its_nzo_id() {
    let fake = FakeSabnzbd::start().await;
    let client = Sabnzbd::new(
        connection(&fake),
        SabnzbdSettings {
            recent_priority: SabnzbdPriority::High,
            older_priority: SabnzbdPriority::Low,
            ..settings("movies")
        },
    );
    let id = add(&client, &grab(TITLE)).await;
    assert!(id.starts_with("SABnzbd_nzo_"), "{id}");

    let job = fake.job(&id).unwrap_or_else(|| panic!("{id} is queued"));
    assert_eq!(job.nzb, nzb(TITLE), "the .nzb as given");
    assert_eq!(job.file_name, format!("{TITLE}.nzb"));
    assert_eq!(
        (job.name.as_str(), job.category.as_str()),
        (TITLE, "movies")
    );
    assert_eq!(job.priority, -1, "an older movie's priority");
    let added = fake.requests_of("addfile");
    assert_eq!(value(&added[0], "apikey"), Some(FakeSabnzbd::API_KEY));
    assert_eq!(value(&added[0], "output"), Some("json"));
    assert_eq!(value(&added[0], "cat"), Some("movies"));
    assert_eq!(value(&added[0], "priority"), Some("-1"));
    assert_eq!(value(&added[0], "nzbname"), Some(TITLE));

    let item = only(&client).await;
    assert_eq!(item.download_id, id);
    assert_eq!(item.title, TITLE);
    assert_eq!(item.status, DownloadStatus::Queued);
    assert_eq!(
        (item.total_size, item.remaining_size),
        (3 * ARTICLE, 3 * ARTICLE)
    );
    assert_eq!(item.output_path, None);
    assert!(item.can_move_files && item.can_be_removed);

    let recent = add(
        &client,
        &Grab {
            recent: true,
            ..grab("Recent.Movie.2024")
        },
    )
    .await;
    assert_eq!(fake.job(&recent).map(|j| j.priority), Some(1));
}

#[tokio::test]
async fn sabnzbd_follows_a_job_to_completion() {
    let fake = FakeSabnzbd::start().await;
    let client = client(&fake, "movies");
    let id = add(&client, &grab(TITLE)).await;

    assert!(fake.set_status(&id, "Downloading"));
    assert!(fake.set_progress(&id, ARTICLE, "0:01:40"));
    let item = only(&client).await;
    assert_eq!(item.status, DownloadStatus::Downloading);
    assert_eq!(item.remaining_size, ARTICLE);
    assert_eq!(item.remaining_time, Some(Duration::from_secs(100)));

    // Its files are in a folder of the job's name, inside which SABnzbd
    // may name the file itself.
    let folder = format!("/downloads/complete/movies/{TITLE}");
    assert!(fake.complete(&id, &format!("{folder}/{TITLE}.mkv")));
    let item = only(&client).await;
    assert_eq!(item.download_id, id, "the same id in the history");
    assert_eq!(item.status, DownloadStatus::Completed);
    assert_eq!(item.output_path.as_deref(), Some(Path::new(&folder)));
    assert_eq!((item.total_size, item.remaining_size), (3 * ARTICLE, 0));
    assert_eq!(item.remaining_time, Some(Duration::ZERO));
    assert_eq!(item.message, None);
    let history = fake.requests_of("history");
    assert_eq!(
        value(&history[0], "category"),
        Some("movies"),
        "asked for our category"
    );
}

#[tokio::test]
async fn sabnzbd_reports_a_failed_job_with_its_message() {
    let fake = FakeSabnzbd::start().await;
    let client = client(&fake, "movies");
    let id = add(&client, &grab(TITLE)).await;
    let why = "Aborted, cannot be completed - https://sabnzbd.org/not-complete";
    assert!(fake.fail(&id, why));
    let item = only(&client).await;
    assert_eq!(item.download_id, id);
    assert_eq!(item.status, DownloadStatus::Failed);
    assert_eq!(item.message.as_deref(), Some(why));
}

#[tokio::test]
async fn sabnzbd_post_processing_and_fetching_count_as_downloading() {
    let fake = FakeSabnzbd::start().await;
    let client = client(&fake, "movies");
    let fetching = add(&client, &grab(TITLE)).await;
    assert!(fake.set_status(&fetching, "Fetching"));
    assert_eq!(only(&client).await.status, DownloadStatus::Downloading);
    assert!(fake.post_process(&fetching, "Extracting"));
    let item = only(&client).await;
    assert_eq!(
        (item.download_id.as_str(), item.status),
        (fetching.as_str(), DownloadStatus::Downloading)
    );
}

#[tokio::test]
async fn sabnzbd_pauses_with_its_queue_but_not_a_forced_job() {
    let fake = FakeSabnzbd::start().await;
    fake.set_paused(true);
    let client = client(&fake, "movies");
    let id = add(&client, &grab(TITLE)).await;
    let item = only(&client).await;
    assert_eq!(
        (item.status, item.remaining_time),
        (DownloadStatus::Paused, None)
    );
    assert!(fake.set_status(&id, "Downloading"));
    assert_eq!(
        only(&client).await.status,
        DownloadStatus::Paused,
        "the queue is paused"
    );

    let forced = Sabnzbd::new(
        connection(&fake),
        SabnzbdSettings {
            older_priority: SabnzbdPriority::Force,
            ..settings("tv")
        },
    );
    let id = add(&forced, &grab("Forced.Movie.2024")).await;
    assert!(fake.set_status(&id, "Downloading"));
    assert_eq!(only(&forced).await.status, DownloadStatus::Downloading);

    // The Paused priority adds a job paused in a running queue.
    fake.set_paused(false);
    let held = Sabnzbd::new(
        connection(&fake),
        SabnzbdSettings {
            older_priority: SabnzbdPriority::Paused,
            ..settings("")
        },
    );
    add(&held, &grab("Held.Movie.2024")).await;
    assert_eq!(only(&held).await.status, DownloadStatus::Paused);
}

#[tokio::test]
async fn sabnzbd_lists_only_its_own_category() {
    let fake = FakeSabnzbd::start().await;
    let movies = client(&fake, "movies");
    let tv = client(&fake, "tv");
    let default = client(&fake, "");
    let film = add(&movies, &grab(TITLE)).await;
    let show = add(&tv, &grab("Some.Show.S01E01")).await;
    let other = add(&default, &grab("Other.Thing")).await;
    assert_eq!(
        fake.job(&other).map(|j| j.category),
        Some("*".into()),
        "the default"
    );
    assert_eq!(only(&movies).await.download_id, film);
    assert_eq!(only(&tv).await.download_id, show);
    assert_eq!(only(&default).await.download_id, other);
    assert!(fake.complete(&show, "/downloads/complete/tv/Some.Show.S01E01"));
    assert_eq!(only(&movies).await.download_id, film, "nor in the history");
}

#[tokio::test]
async fn sabnzbd_removes_from_the_queue_or_the_history() {
    let fake = FakeSabnzbd::start().await;
    let client = client(&fake, "movies");
    let queued = add(&client, &grab(TITLE)).await;
    let finished = add(&client, &grab("Finished.Movie.2024")).await;
    assert!(fake.complete(&finished, "/downloads/complete/movies/Finished.Movie.2024"));

    client
        .remove(&queued, true)
        .await
        .unwrap_or_else(|e| panic!("SABnzbd deletes {queued}: {e}"));
    let deleted = fake
        .requests()
        .into_iter()
        .rfind(|r| value(r, "name") == Some("delete"));
    let deleted = deleted.unwrap_or_else(|| panic!("a delete was asked"));
    assert_eq!(value(&deleted, "mode"), Some("queue"));
    assert_eq!(value(&deleted, "value"), Some(queued.as_str()));
    assert_eq!(value(&deleted, "del_files"), Some("1"));
    assert_eq!(fake.job(&queued), None);

    client
        .remove(&finished, false)
        .await
        .unwrap_or_else(|e| panic!("SABnzbd deletes {finished}: {e}"));
    let deleted = fake
        .requests()
        .into_iter()
        .rfind(|r| value(r, "name") == Some("delete"));
    let deleted = deleted.unwrap_or_else(|| panic!("a delete was asked"));
    assert_eq!(value(&deleted, "mode"), Some("history"));
    assert_eq!(value(&deleted, "del_files"), Some("0"));
    assert_eq!(fake.job(&finished), None);
    assert!(client.downloads().await.is_ok_and(|items| items.is_empty()));

    let gone = client.remove(&queued, true).await;
    assert!(matches!(gone, Err(DownloadError::NotFound(_))), "{gone:?}");
}

#[tokio::test]
async fn sabnzbd_takes_only_nzbs_it_can_read() {
    let fake = FakeSabnzbd::start().await;
    let client = client(&fake, "movies");
    let torrent = client
        .add(&Grab {
            payload: Payload::Magnet("magnet:?xt=urn:btih:abc".into()),
            ..grab(TITLE)
        })
        .await;
    assert!(
        matches!(torrent, Err(DownloadError::Unsupported(_))),
        "{torrent:?}"
    );
    let garbage = client
        .add(&Grab {
            payload: Payload::Nzb(b"not an nzb".to_vec()),
            ..grab(TITLE)
        })
        .await;
    let Err(DownloadError::Response { reason, .. }) = garbage else {
        panic!("SABnzbd refuses it: {garbage:?}");
    };
    assert!(reason.contains("rejected the NZB"), "{reason}");
}
