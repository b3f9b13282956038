//! `/MediaCover/{movieId}/{file}`: images fetched from TMDB once, then kept.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::spawn_app_with_tmdb;

#[tokio::test]
async fn a_poster_is_fetched_once_kept_and_served_in_every_size() {
    let (app, fake) = spawn_app_with_tmdb().await;
    let root = app.add_root_folder().await;
    let body = json!({"tmdbId": 603, "qualityProfileId": 1, "rootFolderPath": root["path"]});
    let movie: Value = app.post("/api/v3/movie", &body).await.json().await.unwrap();
    let id = movie["id"].as_i64().unwrap();
    assert_eq!(
        movie["images"][0]["url"],
        format!("/MediaCover/{id}/poster.jpg")
    );

    let poster = tmdb::fake::image_bytes("f89U3ADr1oiB1s9GkdPOEpXUk5H.jpg");
    for path in [
        format!("/MediaCover/{id}/poster.jpg"),
        format!("/MediaCover/{id}/poster-500.jpg"),
        format!("/api/v3/MediaCover/{id}/poster.jpg"),
    ] {
        let response = app.get(&path).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_eq!(response.headers()["content-type"], "image/jpeg");
        assert_eq!(response.bytes().await.unwrap().to_vec(), poster, "{path}");
    }
    let fetched = fake
        .seen()
        .iter()
        .filter(|s| s.path.starts_with("/t/p/"))
        .count();
    assert_eq!(fetched, 1, "fetched once, then served from the data folder");
    let kept = app.data_path().join(format!("MediaCover/{id}/poster.jpg"));
    assert_eq!(std::fs::read(kept).unwrap(), poster);

    let fanart = app.get(&format!("/MediaCover/{id}/fanart.jpg")).await;
    assert_eq!(fanart.status(), StatusCode::OK);

    for missing in [
        format!("/MediaCover/{id}/banner.jpg"),
        format!("/MediaCover/{id}/poster.gif"),
        "/MediaCover/9999/poster.jpg".to_string(),
        "/MediaCover/abc/poster.jpg".to_string(),
    ] {
        let response = app.get(&missing).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{missing}");
        let body: Value = response.json().await.unwrap();
        assert!(
            body["message"].is_string(),
            "a JSON message, not an error page"
        );
    }
    let anonymous = app
        .anonymous(Method::GET, &format!("/MediaCover/{id}/poster.jpg"))
        .await;
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_search_results_poster_comes_through_the_proxy_in_its_own_case() {
    let (app, _fake) = spawn_app_with_tmdb().await;
    let found = app.get_json("/api/v3/movie/lookup?term=tmdb:603").await;
    let image = &found[0]["images"][0];
    assert_eq!(
        image["remoteUrl"],
        "https://image.tmdb.org/t/p/original/f89U3ADr1oiB1s9GkdPOEpXUk5H.jpg"
    );
    let url = image["url"].as_str().unwrap();
    assert!(
        url.starts_with("/MediaCoverProxy/") && url.ends_with("/f89U3ADr1oiB1s9GkdPOEpXUk5H.jpg"),
        "{url}"
    );

    let response = app.get(url).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-type"], "image/jpeg");
    assert_eq!(
        response.bytes().await.unwrap().to_vec(),
        tmdb::fake::image_bytes("f89U3ADr1oiB1s9GkdPOEpXUk5H.jpg")
    );

    // Only the address the hash was made from is fetched: another file under
    // the same hash, a changed hash or a lower-cased name find nothing.
    let (prefix, _) = url.rsplit_once('/').unwrap();
    for wrong in [
        format!("{prefix}/other.jpg"),
        url.replacen("/MediaCoverProxy/", "/MediaCoverProxy/0", 1),
        url.to_ascii_lowercase(),
    ] {
        let response = app.get(&wrong).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{wrong}");
    }
    let anonymous = app.anonymous(Method::GET, url).await;
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
}
