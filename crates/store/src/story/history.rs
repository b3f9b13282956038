//! The chapter on history.

use std::collections::BTreeMap;

use chrono::{Duration, Utc};
use domain::history::{HistoryEntry, HistoryEventType, HistoryQuery};
use domain::quality::{Quality, QualityModel};

use crate::Store;

use super::fixtures::{full_movie, seeded};

fn event(movie_id: i32, title: &str, kind: HistoryEventType, minutes_ago: i64) -> HistoryEntry {
    HistoryEntry {
        id: 0,
        movie_id,
        source_title: title.into(),
        quality: QualityModel::new(Quality::BLURAY_1080P),
        languages: vec![domain::Language::ENGLISH],
        custom_formats: vec![3],
        custom_format_score: 25,
        // Whole milliseconds: PostgreSQL keeps microseconds, not nanoseconds.
        date: chrono::DateTime::from_timestamp_millis(
            (Utc::now() - Duration::minutes(minutes_ago)).timestamp_millis(),
        )
        .unwrap_or_default(),
        download_id: Some(format!("hash-{title}")),
        event_type: kind,
        data: BTreeMap::from([("indexer".to_string(), "Fake".to_string())]),
    }
}

/// Events are kept whole and read back by page, by movie and by date, and go
/// with their movie.
pub async fn history_is_paged_filtered_and_goes_with_its_movie(store: &dyn Store) {
    seeded(store).await;
    let a = store
        .add_movie(&full_movie(1, "A", 2001))
        .await
        .expect("movie");
    let b = store
        .add_movie(&full_movie(2, "B", 2002))
        .await
        .expect("movie");
    let grabbed = store
        .add_history(&event(a.id, "A.Grab", HistoryEventType::Grabbed, 30))
        .await
        .expect("add");
    assert!(grabbed.id > 0);
    store
        .add_history(&event(
            a.id,
            "A.Import",
            HistoryEventType::DownloadFolderImported,
            20,
        ))
        .await
        .expect("add");
    store
        .add_history(&event(b.id, "B.Grab", HistoryEventType::Grabbed, 10))
        .await
        .expect("add");

    let all = HistoryQuery {
        event_types: vec![],
        download_id: None,
        movie_ids: vec![],
        newest_first: true,
        page: 1,
        page_size: 2,
    };
    let (page, total) = store.history_page(&all).await.expect("page");
    assert_eq!(total, 3);
    let titles: Vec<&str> = page.iter().map(|e| e.source_title.as_str()).collect();
    assert_eq!(titles, ["B.Grab", "A.Import"], "newest first, two a page");
    let (second, _) = store
        .history_page(&HistoryQuery {
            page: 2,
            ..all.clone()
        })
        .await
        .expect("page");
    assert_eq!(second, vec![grabbed.clone()], "read back whole");
    let (grabs, total) = store
        .history_page(&HistoryQuery {
            event_types: vec![HistoryEventType::Grabbed],
            movie_ids: vec![a.id],
            ..all.clone()
        })
        .await
        .expect("page");
    assert_eq!((grabs.len(), total), (1, 1));
    let (by_download, _) = store
        .history_page(&HistoryQuery {
            download_id: Some("hash-B.Grab".into()),
            ..all.clone()
        })
        .await
        .expect("page");
    assert_eq!(by_download[0].source_title, "B.Grab");

    let of_a = store.movie_history(a.id, None).await.expect("movie");
    assert_eq!(of_a.len(), 2);
    let imports = store
        .movie_history(a.id, Some(HistoryEventType::DownloadFolderImported))
        .await
        .expect("movie");
    assert_eq!(imports[0].source_title, "A.Import");
    let since = store
        .history_since(Utc::now() - Duration::minutes(25), None)
        .await
        .expect("since");
    let titles: Vec<&str> = since.iter().map(|e| e.source_title.as_str()).collect();
    assert_eq!(titles, ["A.Import", "B.Grab"], "oldest first");

    store.delete_movies(&[a.id], &[]).await.expect("delete");
    assert!(
        store
            .movie_history(a.id, None)
            .await
            .expect("movie")
            .is_empty()
    );
    assert_eq!(store.history_page(&all).await.expect("page").1, 1);
}
