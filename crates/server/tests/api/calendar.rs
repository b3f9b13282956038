//! The calendar: `/api/v3/calendar` lists the movies released in a span,
//! monitored unless asked otherwise, by tag; the iCal feed gives the same
//! releases to calendar apps, with the key in its URL.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::spawn_app_with_tmdb;

fn titles(movies: &Value) -> Vec<&str> {
    movies
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["title"].as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn the_calendar_lists_releases_in_the_span_and_the_feed_gives_them_to_calendar_apps() {
    let (app, _tmdb) = spawn_app_with_tmdb().await;
    app.add_root_folder().await;
    let matrix = app.add_movie(603, "The Matrix", 1999).await;
    // The fake TMDB's other movies came to cinemas on 2001-05-04.
    let other = app.add_movie(550, "Movie 550", 2001).await;
    app.idle().await;

    let nothing = app.get_json("/api/v3/calendar").await;
    assert_eq!(nothing, json!([]), "today and the next two days");
    let may_2001 = app
        .get_json("/api/v3/calendar?start=2001-05-01&end=2001-05-10")
        .await;
    assert_eq!(titles(&may_2001), ["Movie 550"]);
    let years = app
        .get_json("/api/v3/calendar?start=1999-01-01T00:00:00Z&end=2001-12-31")
        .await;
    assert_eq!(
        titles(&years),
        ["The Matrix", "Movie 550"],
        "by first release"
    );

    // Unmonitored movies only when asked for; tags narrow the list.
    let mut unmonitored = app
        .get_json(&format!("/api/v3/movie/{}", matrix["id"]))
        .await;
    unmonitored["monitored"] = json!(false);
    let tag: Value = app
        .post("/api/v3/tag", &json!({"label": "kids"}))
        .await
        .json()
        .await
        .unwrap();
    unmonitored["tags"] = json!([tag["id"]]);
    let saved = app
        .put(&format!("/api/v3/movie/{}", matrix["id"]), &unmonitored)
        .await;
    assert_eq!(saved.status(), StatusCode::ACCEPTED);
    let span = "start=1999-01-01&end=2001-12-31";
    let monitored = app.get_json(&format!("/api/v3/calendar?{span}")).await;
    assert_eq!(titles(&monitored), ["Movie 550"]);
    let all = app
        .get_json(&format!("/api/v3/calendar?{span}&unmonitored=true"))
        .await;
    assert_eq!(titles(&all), ["The Matrix", "Movie 550"]);
    let tagged = app
        .get_json(&format!(
            "/api/v3/calendar?{span}&unmonitored=true&tags={}",
            tag["id"]
        ))
        .await;
    assert_eq!(titles(&tagged), ["The Matrix"]);
    let refused = app.get("/api/v3/calendar?start=someday").await;
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    let failures: Value = refused.json().await.unwrap();
    assert_eq!(failures[0]["propertyName"], "start");

    // The feed, as a calendar app asks for it: the key in the URL.
    let feed_path = "/feed/v3/calendar/radarr.ics?pastDays=36500&unmonitored=true";
    let anonymous = app
        .client
        .get(format!("{}{feed_path}", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    let feed = app
        .client
        .get(format!("{}{feed_path}&apikey={}", app.address, app.api_key))
        .send()
        .await
        .unwrap();
    assert_eq!(feed.status(), StatusCode::OK);
    assert_eq!(
        feed.headers()["content-type"],
        "text/calendar; charset=utf-8"
    );
    let text = feed.text().await.unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"), "{text}");
    assert!(text.ends_with("END:VCALENDAR\r\n"), "{text}");
    assert!(
        text.contains("SUMMARY:The Matrix (Cinema Release)\r\n"),
        "{text}"
    );
    assert!(
        text.contains("SUMMARY:Movie 550 (Cinema Release)\r\n"),
        "{text}"
    );
    assert!(
        text.contains(&format!("UID:radarr_movie_{}_cinemaRelease", other["id"])),
        "{text}"
    );
    let digital = app
        .client
        .get(format!(
            "{}{feed_path}&releaseTypes=digitalRelease&apikey={}",
            app.address, app.api_key
        ))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!digital.contains("Cinema Release"), "{digital}");
    assert!(
        digital.contains("SUMMARY:The Matrix (Digital Release)"),
        "{digital}"
    );
    let nothing_recent = app
        .client
        .get(format!(
            "{}/feed/v3/calendar/radarr.ics?apikey={}",
            app.address, app.api_key
        ))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!nothing_recent.contains("BEGIN:VEVENT"), "{nothing_recent}");
}
