//! `/api/v3/history`: events paged as Radarr pages them, by movie and by date.

use std::collections::BTreeMap;

use chrono::{Duration, Utc};
use domain::history::{HistoryEntry, HistoryEventType};
use domain::quality::{Quality, QualityModel};
use serde_json::json;

use crate::helpers::spawn_app;

#[tokio::test]
async fn history_is_paged_and_filtered_as_radarr_does() {
    let app = spawn_app().await;
    app.add_root_folder().await;
    let movie = app.add_movie(603, "The Matrix", 1999).await;
    let id = movie["id"].as_i64().unwrap() as i32;
    for (minutes, kind, title) in [
        (
            30,
            HistoryEventType::Grabbed,
            "The.Matrix.1999.1080p.BluRay.x264-GRP",
        ),
        (
            20,
            HistoryEventType::DownloadFolderImported,
            "The.Matrix.1999.1080p.BluRay.x264-GRP",
        ),
        (
            10,
            HistoryEventType::Grabbed,
            "The.Matrix.1999.2160p.UHD.BluRay.x265-GRP",
        ),
    ] {
        app.store
            .add_history(&HistoryEntry {
                id: 0,
                movie_id: id,
                source_title: title.into(),
                quality: QualityModel::new(Quality::BLURAY_1080P),
                languages: vec![domain::Language::ENGLISH],
                custom_formats: vec![],
                custom_format_score: 0,
                date: Utc::now() - Duration::minutes(minutes),
                download_id: Some("ABCDEF".into()),
                event_type: kind,
                data: BTreeMap::from([("indexer".into(), "Fake (Prowlarr)".into())]),
            })
            .await
            .unwrap();
    }
    let page = app.get_json("/api/v3/history?pageSize=2").await;
    assert_eq!(page["totalRecords"], 3);
    assert_eq!(page["sortKey"], "date");
    assert_eq!(page["sortDirection"], "descending");
    assert_eq!(page["records"].as_array().unwrap().len(), 2);
    assert_eq!(
        page["records"][0]["sourceTitle"],
        "The.Matrix.1999.2160p.UHD.BluRay.x265-GRP"
    );
    assert_eq!(page["records"][0]["eventType"], "grabbed");
    assert_eq!(page["records"][0]["data"]["indexer"], "Fake (Prowlarr)");
    assert_eq!(
        page["records"][0]["quality"]["quality"]["name"],
        "Bluray-1080p"
    );

    let grabs = app
        .get_json(&format!(
            "/api/v3/history?eventType=1&movieIds={id}&includeMovie=true"
        ))
        .await;
    assert_eq!(grabs["totalRecords"], 2);
    assert_eq!(grabs["records"][0]["movie"]["title"], "The Matrix");
    let imports = app
        .get_json(&format!(
            "/api/v3/history/movie?movieId={id}&eventType=downloadFolderImported"
        ))
        .await;
    assert_eq!(imports.as_array().unwrap().len(), 1);
    let since = app
        .get_json(&format!(
            "/api/v3/history/since?date={}",
            (Utc::now() - Duration::minutes(25)).format("%Y-%m-%dT%H:%M:%SZ")
        ))
        .await;
    let titles: Vec<&str> = since
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["eventType"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["downloadFolderImported", "grabbed"]);
    let bad = app.get("/api/v3/history?eventType=nonsense").await;
    assert_eq!(bad.status(), reqwest::StatusCode::BAD_REQUEST);
    assert_eq!(
        app.get_json("/api/v3/history?movieIds=999").await["records"],
        json!([])
    );
}
