//! Real clients and the other backend: pyarr drives the server; the same API
//! runs on PostgreSQL; reads stay whole while a writer works.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, movie_body, spawn_app, spawn_app_on_postgres, spawn_app_with_tmdb};

#[tokio::test]
async fn pyarr_manages_movies() {
    run_pyarr(&spawn_app().await, "pyarr_compat.py").await;
}

#[tokio::test]
async fn pyarr_looks_up_adds_and_refreshes_movies_from_tmdb() {
    let (app, _fake) = spawn_app_with_tmdb().await;
    run_pyarr(&app, "pyarr_lookup.py").await;
}

/// Runs a script of `tests/compat` with the venv's pyarr against `app`.
async fn run_pyarr(app: &TestApp, script: &str) {
    let python = std::env::var("UNIFIED_RADARR_TEST_PYTHON").unwrap_or_else(|_| {
        panic!("UNIFIED_RADARR_TEST_PYTHON is not set: run scripts/test.sh, which makes a venv with pyarr")
    });
    let script = format!("{}/../../tests/compat/{script}", env!("CARGO_MANIFEST_DIR"));
    let output = tokio::process::Command::new(python)
        .arg(script)
        .arg(&app.address)
        .arg(&app.api_key)
        .arg(app.root_path())
        .output()
        .await
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "pyarr failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains(", 0 failed"), "{stdout}");
}

/// Add, read, list, update and delete, as any client would.
async fn movie_crud(app: &TestApp) {
    app.add_root_folder().await;
    let movie = app.add_movie(603, "The Matrix", 1999).await;
    let id = movie["id"].as_i64().unwrap();
    assert_eq!(app.get_json(&format!("/api/v3/movie/{id}")).await, movie);
    assert_eq!(app.get_json("/api/v3/movie").await, json!([movie.clone()]));
    let mut changed = movie.clone();
    changed["monitored"] = json!(false);
    assert_eq!(
        app.put("/api/v3/movie", &changed).await.status(),
        StatusCode::ACCEPTED
    );
    assert_eq!(
        app.get_json(&format!("/api/v3/movie/{id}")).await["monitored"],
        false
    );
    let search: Vec<Value> = app
        .store
        .search_movies("matr", 10)
        .await
        .unwrap()
        .iter()
        .map(|m| json!(m.tmdb_id))
        .collect();
    assert_eq!(search, vec![json!(603)]);
    assert_eq!(
        app.delete(&format!("/api/v3/movie/{id}?addImportExclusion=true"))
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        app.get(&format!("/api/v3/movie/{id}")).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(app.get_json("/api/v3/exclusions").await[0]["tmdbId"], 603);
}

#[tokio::test]
async fn the_movie_api_works_on_sqlite() {
    let app = spawn_app().await;
    movie_crud(&app).await;
}

#[tokio::test]
async fn the_movie_api_works_on_postgres() {
    let app = spawn_app_on_postgres().await;
    assert_eq!(
        app.get_json("/api/v3/system/status").await["databaseType"],
        "postgreSQL"
    );
    assert_eq!(
        app.get_json("/api/v3/qualityprofile")
            .await
            .as_array()
            .unwrap()
            .len(),
        6
    );
    movie_crud(&app).await;
}

/// A writer adds and updates movies as fast as it can while readers list and
/// fetch them: every request succeeds.
async fn reads_survive_a_busy_writer(app: TestApp) {
    app.add_root_folder().await;
    let app = std::sync::Arc::new(app);
    let writer = {
        let app = app.clone();
        tokio::spawn(async move {
            for n in 1..=150 {
                let response = app
                    .post(
                        "/api/v3/movie",
                        &movie_body(n, &format!("Movie {n}"), 2000, &app.root_path()),
                    )
                    .await;
                assert_eq!(response.status(), StatusCode::CREATED);
                let mut movie: Value = response.json().await.unwrap();
                movie["monitored"] = json!(n % 2 == 0);
                assert_eq!(
                    app.put("/api/v3/movie", &movie).await.status(),
                    StatusCode::ACCEPTED
                );
            }
        })
    };
    let readers: Vec<_> = (0..4)
        .map(|r| {
            let app = app.clone();
            tokio::spawn(async move {
                let mut reads = 0;
                while reads < 60 {
                    let path = if r % 2 == 0 {
                        "/api/v3/movie".to_string()
                    } else {
                        "/api/v3/movie/1".to_string()
                    };
                    let response = app.get(&path).await;
                    let status = response.status();
                    let text = response.text().await.unwrap();
                    assert!(
                        status == StatusCode::OK || status == StatusCode::NOT_FOUND,
                        "{status}: {text}"
                    );
                    assert!(!text.contains("locked"), "{text}");
                    reads += 1;
                }
            })
        })
        .collect();
    writer.await.unwrap();
    for reader in readers {
        reader.await.unwrap();
    }
    assert_eq!(
        app.get_json("/api/v3/movie")
            .await
            .as_array()
            .unwrap()
            .len(),
        150
    );
}

#[tokio::test]
async fn reads_survive_a_busy_writer_on_sqlite() {
    reads_survive_a_busy_writer(spawn_app().await).await;
}

#[tokio::test]
async fn reads_survive_a_busy_writer_on_postgres() {
    reads_survive_a_busy_writer(spawn_app_on_postgres().await).await;
}
