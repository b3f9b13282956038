//! NZBGet adding, listing, failing and removing downloads.

use std::time::Duration;

use downloaders::{
    DownloadClient, DownloadError, DownloadStatus, Grab, NzbgetPriority, NzbgetSettings, Payload,
};
use serde_json::json;

use super::*;

#[tokio::test]
async fn nzbget_adds_an_nzb_in_its_category_under_a_fresh_drone_id() {
    let client = client_with(NzbgetSettings {
        category: "movies".into(),
        recent_priority: NzbgetPriority::High,
        older_priority: NzbgetPriority::VeryLow,
        add_paused: true,
    });
    let title = title("add");
    let id = add(&client, &grab(&title, nzb(&title))).await;
    assert_eq!(id.len(), 32, "a GUID's hex digits, as Radarr makes: {id}");

    let raw = raw_group(&id)
        .await
        .unwrap_or_else(|| panic!("{id} is queued"));
    assert_eq!(raw["Category"], "movies");
    assert_eq!(raw["NZBFilename"], format!("{title}.nzb"));
    assert_eq!(raw["MaxPriority"], -100, "an older movie's priority");

    let item = find(&client, &id)
        .await
        .unwrap_or_else(|| panic!("{id} is listed"));
    assert_eq!(item.title, title);
    assert_eq!(item.status, DownloadStatus::Paused, "added paused");
    assert_eq!(
        (item.total_size, item.remaining_size),
        (ARTICLE_BYTES, ARTICLE_BYTES)
    );
    assert!(item.can_move_files && item.can_be_removed);
    assert_eq!(item.output_path, None);

    // Another category's client does not see it.
    let radarr = self::client("radarr");
    assert_eq!(find(&radarr, &id).await, None);

    client
        .remove(&id, true)
        .await
        .unwrap_or_else(|e| panic!("NZBGet removes {id}: {e}"));
    assert_eq!(raw_group(&id).await, None, "gone from the queue");
    assert_eq!(
        find(&client, &id).await,
        None,
        "and not moved to the history"
    );
}

#[tokio::test]
async fn nzbget_uses_the_recent_priority_for_a_recent_movie() {
    let client = client_with(NzbgetSettings {
        category: "radarr".into(),
        recent_priority: NzbgetPriority::VeryHigh,
        older_priority: NzbgetPriority::Low,
        add_paused: true,
    });
    let title = title("recent");
    let grab = Grab {
        recent: true,
        ..grab(&title, nzb(&title))
    };
    let id = add(&client, &grab).await;
    let raw = raw_group(&id)
        .await
        .unwrap_or_else(|| panic!("{id} is queued"));
    assert_eq!(raw["MaxPriority"], 100);
    assert_eq!(raw["Category"], "radarr");
    assert!(find(&client, &id).await.is_some(), "listed in its category");
    let movies = self::client("movies");
    assert_eq!(find(&movies, &id).await, None, "not in another");
    client
        .remove(&id, true)
        .await
        .unwrap_or_else(|e| panic!("NZBGet removes {id}: {e}"));
}

#[tokio::test]
async fn nzbget_fails_a_duplicate_and_the_history_item_is_removed() {
    let client = client("movies");
    let title = title("dupe");
    let first = add(&client, &grab(&title, nzb(&title))).await;
    let second = add(&client, &grab(&format!("{title}.again"), nzb(&title))).await;
    assert_ne!(first, second);

    let failed = eventually("fail the duplicate", || async {
        find(&client, &second)
            .await
            .filter(|i| i.status == DownloadStatus::Failed)
    })
    .await;
    let message = failed.message.unwrap_or_default();
    assert!(message.contains("Delete Status: COPY"), "{message}");
    assert_eq!(failed.remaining_time, Some(Duration::ZERO));
    assert!(failed.output_path.is_some(), "NZBGet names its folder");
    let original = find(&client, &first).await.map(|i| i.status);
    assert!(
        matches!(
            original,
            Some(DownloadStatus::Paused | DownloadStatus::Queued | DownloadStatus::Downloading)
        ),
        "the first copy stays queued: {original:?}"
    );

    client
        .remove(&second, true)
        .await
        .unwrap_or_else(|e| panic!("NZBGet removes the duplicate: {e}"));
    client
        .remove(&first, true)
        .await
        .unwrap_or_else(|e| panic!("NZBGet removes the original: {e}"));
    assert_eq!(find(&client, &second).await, None);
    assert_eq!(find(&client, &first).await, None);
    let gone = client.remove(&second, true).await;
    assert!(matches!(gone, Err(DownloadError::NotFound(_))), "{gone:?}");
}

#[tokio::test]
async fn nzbget_fails_an_unreadable_nzb_and_keeps_no_visible_record_once_removed() {
    let client = client("radarr");
    let title = title("empty");
    let id = add(&client, &grab(&title, empty_nzb(&title))).await;
    let failed = eventually("fail the empty .nzb", || async {
        find(&client, &id)
            .await
            .filter(|i| i.status == DownloadStatus::Failed)
    })
    .await;
    assert_eq!(failed.title, title);
    let message = failed.message.unwrap_or_default();
    assert!(message.contains("Delete Status: SCAN"), "{message}");

    // Without deleting data: NZBGet keeps a hidden record for its duplicate
    // check, which is not listed.
    client
        .remove(&id, false)
        .await
        .unwrap_or_else(|e| panic!("NZBGet removes {id}: {e}"));
    assert_eq!(find(&client, &id).await, None);
    let hidden = rpc("history", json!([true])).await;
    let record = hidden
        .as_array()
        .and_then(|h| h.iter().find(|r| r["Name"] == title.as_str()))
        .unwrap_or_else(|| panic!("NZBGet keeps a hidden record: {hidden}"));
    assert_eq!(record["Kind"], "DUP");
    let cleared = rpc(
        "editqueue",
        json!(["HistoryFinalDelete", 0, "", [record["ID"].clone()]]),
    )
    .await;
    assert_eq!(cleared, json!(true), "the hidden record is cleared");
}

#[tokio::test]
async fn nzbget_takes_only_nzbs() {
    let result = client("movies")
        .add(&Grab {
            title: "Test.Movie".into(),
            payload: Payload::Magnet("magnet:?xt=urn:btih:abc".into()),
            recent: false,
        })
        .await;
    assert!(
        matches!(result, Err(DownloadError::Unsupported(_))),
        "{result:?}"
    );
}
