//! Metrics are labelled by route template.

use crate::helpers::spawn_app;

#[tokio::test]
async fn request_metrics_use_the_route_template_and_radarrs_buckets() {
    let app = spawn_app().await;
    app.get("/api/v3/movie/12345").await;
    app.get("/api/v3/movie/67890").await;
    let text = app.get("/metrics").await.text().await.unwrap();
    let line = text
        .lines()
        .find(|l| {
            l.starts_with("radarr_api_request_duration_seconds_bucket")
                && l.contains("route=\"/api/v3/movie/{id}\"")
                && l.contains("status=\"404\"")
                && l.contains("method=\"GET\"")
        })
        .unwrap_or_else(|| panic!("no histogram for the movie route in:\n{text}"));
    assert!(line.contains("le=\""), "a bucket line");
    assert!(
        !text.contains("/api/v3/movie/12345"),
        "raw paths never become labels"
    );
    for bucket in [
        "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5",
    ] {
        assert!(
            text.contains(&format!("le=\"{bucket}\"")),
            "bucket {bucket}"
        );
    }
    assert!(text.contains("radarr_api_requests_total"));
    assert!(text.contains("radarr_api_errors_total"));
    assert!(text.contains("radarr_db_pool_connections"));
    assert!(
        text.contains("radarr_db_query_duration_seconds_bucket{operation=\"movie\""),
        "store calls are timed"
    );
    assert!(
        text.contains("process_resident_memory_bytes"),
        "process memory"
    );
    assert!(text.contains("process_cpu_seconds_total"), "process CPU");
}
