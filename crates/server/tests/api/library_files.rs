//! The movie files around imports: renaming to the naming settings
//! (`GET /rename`, `RenameMovie`, `RenameFiles`), reading a folder again
//! (`RescanMovie`), and importing what the user points at
//! (`/manualimport`, `ManualImport`, `DownloadedMoviesScan`).

use std::path::{Path, PathBuf};

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, file_names, spawn_app_with_tmdb};

/// Runs a command to its end and returns it.
async fn run(app: &TestApp, body: Value) -> Value {
    let response = app.post("/api/v3/command", &body).await;
    assert_eq!(response.status(), StatusCode::CREATED, "{body}");
    let command: Value = response.json().await.unwrap();
    app.finished_command(&command["id"]).await
}

/// Runs `DownloadedMoviesScan` on `path` and expects it to complete.
async fn scan(app: &TestApp, path: &impl serde::Serialize, mode: &str) {
    let done = run(
        app,
        json!({"name": "DownloadedMoviesScan", "path": path, "importMode": mode}),
    )
    .await;
    assert_eq!(done["status"], "completed", "{done}");
}

async fn naming(app: &TestApp, standard: &str) {
    let response = app
        .put(
            "/api/v3/config/naming",
            &json!({"renameMovies": true, "colonReplacementFormat": "smart",
                    "standardMovieFormat": standard,
                    "movieFolderFormat": "{Movie Title} ({Release Year})"}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
}

/// A movie in the library with a file in a folder the user keeps
/// elsewhere (a download folder), for the imports to take.
async fn movie_and_download(app: &TestApp) -> (Value, tempfile::TempDir, PathBuf) {
    app.add_root_folder().await;
    let movie = app.add_movie(603, "The Matrix", 1999).await;
    app.idle().await;
    let downloads = tempfile::tempdir().unwrap();
    let release = downloads
        .path()
        .join("The.Matrix.1999.1080p.BluRay.x264-GRP");
    std::fs::create_dir_all(release.join("Sample")).unwrap();
    std::fs::write(
        release.join("the.matrix.1999.1080p.bluray.x264-grp.mkv"),
        vec![7u8; 4000],
    )
    .unwrap();
    std::fs::write(release.join("Sample/sample.mkv"), vec![1u8; 100]).unwrap();
    (movie, downloads, release)
}

#[tokio::test]
async fn manual_import_lists_candidates_with_reasons_and_imports_the_chosen_file() {
    let (app, _tmdb) = spawn_app_with_tmdb().await;
    let (movie, _downloads, release) = movie_and_download(&app).await;
    naming(&app, "{Movie Title} ({Release Year}) {Quality Full}").await;

    let listed = listing(&app, &release, Some(true)).await;
    let listed = listed.as_array().unwrap();
    assert_eq!(listed.len(), 2, "{listed:?}");
    let main = listed
        .iter()
        .find(|c| c["name"] == "the.matrix.1999.1080p.bluray.x264-grp")
        .expect("the movie file");
    assert_eq!(main["movie"]["id"], movie["id"], "matched by its name");
    assert_eq!(main["quality"]["quality"]["name"], "Bluray-1080p");
    assert_eq!(main["releaseGroup"], "GRP");
    assert_eq!(main["size"], 4000);
    assert_eq!(main["folderName"], "The.Matrix.1999.1080p.BluRay.x264-GRP");
    assert_eq!(main["rejections"], json!([]));
    let sample = listed.iter().find(|c| c["name"] == "sample").unwrap();
    assert_eq!(sample["rejections"][0]["reason"], "Sample");
    assert_eq!(sample["rejections"][0]["type"], "permanent");
    // The same id on every listing: it is the path's.
    assert_eq!(main_candidate(&app, &release).await["id"], main["id"]);

    // Re-evaluated with the user's choice of quality.
    let reprocessed = app
        .post(
            "/api/v3/manualimport",
            &json!([{"path": main["path"], "movieId": movie["id"],
                     "quality": {"quality": {"id": 6}, "revision": {"version": 1, "real": 0, "isRepack": false}}}]),
        )
        .await;
    assert_eq!(reprocessed.status(), StatusCode::OK);
    let reprocessed: Value = reprocessed.json().await.unwrap();
    assert_eq!(reprocessed[0]["quality"]["quality"]["id"], 6);
    assert_eq!(reprocessed[0]["movie"]["id"], movie["id"]);

    // A bad request names its field.
    let bad = app.get("/api/v3/manualimport").await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    let bad = app
        .post(
            "/api/v3/command",
            &json!({"name": "ManualImport", "files": "nope"}),
        )
        .await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        bad.json::<Value>().await.unwrap()[0]["propertyName"],
        "Files"
    );

    let done = run(
        &app,
        json!({"name": "ManualImport", "importMode": "copy",
               "files": [{"path": main["path"], "movieId": movie["id"],
                          "quality": main["quality"], "languages": main["languages"]}]}),
    )
    .await;
    assert_eq!(done["status"], "completed", "{done}");
    let movie_folder = PathBuf::from(movie["path"].as_str().unwrap());
    assert_eq!(
        file_names(&movie_folder),
        ["The Matrix (1999) Bluray-1080p.mkv"]
    );
    assert!(
        release
            .join("the.matrix.1999.1080p.bluray.x264-grp.mkv")
            .exists(),
        "copied: the source stays"
    );
    let stored = app
        .get_json(&format!("/api/v3/movie/{}", movie["id"]))
        .await;
    assert_eq!(stored["movieFile"]["releaseGroup"], "GRP");
    let history = app
        .get_json(&format!(
            "/api/v3/history/movie?movieId={}&eventType=downloadFolderImported",
            movie["id"]
        ))
        .await;
    assert_eq!(history.as_array().map(Vec::len), Some(1), "{history}");

    // The movie's own file is left out, unless asked for.
    assert_eq!(listing(&app, &movie_folder, Some(true)).await, json!([]));
    let listed = listing(&app, &movie_folder, Some(false)).await;
    assert_eq!(
        listed[0]["name"], "The Matrix (1999) Bluray-1080p",
        "{listed}"
    );

    // Now the movie has it: the same file is no upgrade.
    assert_eq!(
        main_candidate(&app, &release).await["rejections"][0]["reason"],
        "Has same filesize as existing file"
    );
}

#[tokio::test]
async fn downloaded_movies_scan_moves_a_folder_in_by_its_names() {
    let (app, _tmdb) = spawn_app_with_tmdb().await;
    let (movie, downloads, release) = movie_and_download(&app).await;
    // A file no movie of the library matches is left where it is.
    std::fs::write(downloads.path().join("Home.Video.2011.mkv"), vec![0u8; 10]).unwrap();

    scan(&app, &downloads.path(), "move").await;
    let movie_folder = PathBuf::from(movie["path"].as_str().unwrap());
    assert_eq!(
        file_names(&movie_folder),
        ["The.Matrix.1999.1080p.BluRay.x264-GRP.mkv"],
        "named by its release when renaming is off"
    );
    assert!(
        !release
            .join("the.matrix.1999.1080p.bluray.x264-grp.mkv")
            .exists(),
        "moved"
    );
    assert!(downloads.path().join("Home.Video.2011.mkv").exists());
    assert!(release.join("Sample/sample.mkv").exists(), "samples stay");
    assert_eq!(
        app.get_json(&format!("/api/v3/movie/{}", movie["id"]))
            .await["hasFile"],
        true
    );
}

#[tokio::test]
async fn files_are_renamed_to_the_naming_settings_after_a_preview() {
    let (app, _tmdb) = spawn_app_with_tmdb().await;
    let (movie, _downloads, release) = movie_and_download(&app).await;
    scan(&app, &release, "copy").await;
    let id = movie["id"].as_i64().unwrap();
    assert_eq!(
        app.get_json(&format!("/api/v3/rename?movieId={id}")).await,
        json!([]),
        "renaming is off: the names stand"
    );

    naming(
        &app,
        "{Movie Title} ({Release Year}) {Quality Full}{-Release Group}",
    )
    .await;
    let preview = app.get_json(&format!("/api/v3/rename?movieId={id}")).await;
    let file_id = app.get_json(&format!("/api/v3/movie/{id}")).await["movieFile"]["id"].clone();
    assert_eq!(
        preview,
        json!([{"movieId": id, "movieFileId": file_id,
                "existingPath": "The.Matrix.1999.1080p.BluRay.x264-GRP.mkv",
                "newPath": "The Matrix (1999) Bluray-1080p-GRP.mkv"}])
    );
    // RenameFiles leaves files it is not given.
    let done = run(
        &app,
        json!({"name": "RenameFiles", "movieId": id, "files": [file_id.as_i64().unwrap() + 1]}),
    )
    .await;
    assert_eq!(done["status"], "completed");
    assert_eq!(
        app.get_json(&format!("/api/v3/rename?movieId={id}"))
            .await
            .as_array()
            .map(Vec::len),
        Some(1)
    );

    let done = run(&app, json!({"name": "RenameMovie", "movieIds": [id]})).await;
    assert_eq!(done["status"], "completed", "{done}");
    assert_eq!(done["message"], "1 file(s) renamed");
    let folder = PathBuf::from(movie["path"].as_str().unwrap());
    assert_eq!(
        file_names(&folder),
        ["The Matrix (1999) Bluray-1080p-GRP.mkv"]
    );
    let stored = app.get_json(&format!("/api/v3/movie/{id}")).await;
    assert_eq!(
        stored["movieFile"]["relativePath"],
        "The Matrix (1999) Bluray-1080p-GRP.mkv"
    );
    assert_eq!(stored["movieFile"]["id"], file_id, "the same record");
    assert_eq!(
        app.get_json(&format!("/api/v3/rename?movieId={id}")).await,
        json!([])
    );
    let renamed = app
        .get_json(&format!(
            "/api/v3/history/movie?movieId={id}&eventType=movieFileRenamed"
        ))
        .await;
    assert_eq!(
        renamed[0]["data"]["sourceRelativePath"],
        "The.Matrix.1999.1080p.BluRay.x264-GRP.mkv"
    );
    assert_eq!(
        renamed[0]["data"]["relativePath"],
        "The Matrix (1999) Bluray-1080p-GRP.mkv"
    );

    // A rename never goes over another file.
    naming(&app, "{Movie Title} {Quality Full}").await;
    std::fs::write(
        folder.join("The Matrix Bluray-1080p.mkv"),
        b"the user's own",
    )
    .unwrap();
    let done = run(&app, json!({"name": "RenameMovie", "movieIds": [id]})).await;
    assert_eq!(done["message"], "0 file(s) renamed");
    assert_eq!(
        std::fs::read(folder.join("The Matrix Bluray-1080p.mkv")).unwrap(),
        b"the user's own"
    );
    assert_eq!(
        std::fs::metadata(folder.join("The Matrix (1999) Bluray-1080p-GRP.mkv"))
            .unwrap()
            .len(),
        4000
    );
}

#[tokio::test]
async fn a_rescan_forgets_a_missing_file_and_records_one_found_in_the_folder() {
    let (app, _tmdb) = spawn_app_with_tmdb().await;
    let (movie, _downloads, release) = movie_and_download(&app).await;
    let id = movie["id"].as_i64().unwrap();
    scan(&app, &release, "copy").await;
    let folder = PathBuf::from(movie["path"].as_str().unwrap());
    let recorded = folder.join("The.Matrix.1999.1080p.BluRay.x264-GRP.mkv");

    // As if a rename was cut short after the file moved: the record names
    // a file that is gone, and the folder holds one it does not know.
    let renamed = folder.join("The.Matrix.1999.720p.WEB-DL.x264-OTHER.mkv");
    std::fs::rename(&recorded, &renamed).unwrap();
    let done = run(&app, json!({"name": "RescanMovie", "movieId": id})).await;
    assert_eq!(done["status"], "completed", "{done}");
    assert_eq!(
        done["message"],
        "Rescanned: 1 missing file(s) forgotten, 1 found"
    );
    let stored = app.get_json(&format!("/api/v3/movie/{id}")).await;
    assert_eq!(
        stored["movieFile"]["relativePath"],
        "The.Matrix.1999.720p.WEB-DL.x264-OTHER.mkv"
    );
    assert_eq!(
        stored["movieFile"]["quality"]["quality"]["name"],
        "WEBDL-720p"
    );
    assert_eq!(stored["movieFile"]["releaseGroup"], "OTHER");
    let deleted = app
        .get_json(&format!(
            "/api/v3/history/movie?movieId={id}&eventType=movieFileDeleted"
        ))
        .await;
    assert_eq!(deleted[0]["data"]["reason"], "MissingFromDisk");

    // Nothing changed: nothing to do; every movie when none is named.
    let done = run(&app, json!({"name": "RescanMovie"})).await;
    assert_eq!(
        done["message"],
        "Rescanned: 0 missing file(s) forgotten, 0 found"
    );
    std::fs::remove_file(&renamed).unwrap();
    let done = run(&app, json!({"name": "RescanMovie"})).await;
    assert_eq!(
        done["message"],
        "Rescanned: 1 missing file(s) forgotten, 0 found"
    );
    assert_eq!(
        app.get_json(&format!("/api/v3/movie/{id}")).await["hasFile"],
        false
    );
}

/// `GET /manualimport` of `folder`, with `filterExistingFiles` when given.
async fn listing(app: &TestApp, folder: &Path, filter: Option<bool>) -> Value {
    let folder: String =
        form_urlencoded::byte_serialize(folder.to_string_lossy().as_bytes()).collect();
    let filter = filter.map_or(String::new(), |f| format!("&filterExistingFiles={f}"));
    app.get_json(&format!("/api/v3/manualimport?folder={folder}{filter}"))
        .await
}

/// The release's own movie file among the candidates of `folder`.
async fn main_candidate(app: &TestApp, folder: &Path) -> Value {
    listing(app, folder, None)
        .await
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "the.matrix.1999.1080p.bluray.x264-grp")
        .expect("the movie file")
        .clone()
}

#[tokio::test]
async fn media_management_settings_are_checked_kept_and_followed_by_deletions() {
    let (app, _tmdb) = spawn_app_with_tmdb().await;
    let defaults = app.get_json("/api/v3/config/mediamanagement").await;
    assert_eq!(defaults["id"], 1);
    assert_eq!(defaults["recycleBin"], "");
    assert_eq!(defaults["recycleBinCleanupDays"], 7);
    assert_eq!(defaults["copyUsingHardlinks"], true);
    assert_eq!(defaults["minimumFreeSpaceWhenImporting"], 100);
    assert_eq!(defaults["rescanAfterRefresh"], "always");

    let mut bad = defaults.clone();
    bad["recycleBin"] = json!("relative/bin");
    bad["minimumFreeSpaceWhenImporting"] = json!(50);
    bad["fileDate"] = json!("tomorrow");
    let response = app.put("/api/v3/config/mediamanagement/1", &bad).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let failures: Value = response.json().await.unwrap();
    let fields: Vec<&str> = failures
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["propertyName"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        ["RecycleBin", "MinimumFreeSpaceWhenImporting", "FileDate"]
    );
    assert_eq!(
        app.get_json("/api/v3/config/mediamanagement").await,
        defaults,
        "nothing saved"
    );

    let bin = tempfile::tempdir().unwrap();
    let mut settings = defaults.clone();
    settings["recycleBin"] = json!(bin.path());
    settings["enableMediaInfo"] = json!(false);
    let response = app.put("/api/v3/config/mediamanagement", &settings).await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    assert_eq!(
        app.get_json("/api/v3/config/mediamanagement").await,
        settings
    );

    // A deleted movie file goes to the bin, in its movie's folder.
    let (movie, _downloads, release) = movie_and_download(&app).await;
    scan(&app, &release, "copy").await;
    let stored = app
        .get_json(&format!("/api/v3/movie/{}", movie["id"]))
        .await;
    let file_id = stored["movieFile"]["id"].as_i64().unwrap();
    let response = app.delete(&format!("/api/v3/moviefile/{file_id}")).await;
    assert_eq!(response.status(), StatusCode::OK);
    let folder = PathBuf::from(movie["path"].as_str().unwrap());
    let folder_name = folder.file_name().unwrap();
    let binned = bin
        .path()
        .join(folder_name)
        .join("The.Matrix.1999.1080p.BluRay.x264-GRP.mkv");
    assert_eq!(std::fs::read(&binned).unwrap(), vec![7u8; 4000]);

    // A movie deleted with its files: its folder goes to the bin whole.
    std::fs::write(folder.join("extra.srt"), "subtitles").unwrap();
    let response = app
        .delete(&format!("/api/v3/movie/{}?deleteFiles=true", movie["id"]))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(!folder.exists());
    let kept: Vec<String> = file_names(bin.path());
    assert_eq!(
        kept.len(),
        2,
        "the first folder and the deleted one: {kept:?}"
    );
    assert!(
        kept.iter()
            .any(|name| std::fs::read(bin.path().join(name).join("extra.srt")).is_ok())
    );
}

#[tokio::test]
async fn a_new_movies_folder_follows_the_movie_folder_format() {
    let (app, _tmdb) = spawn_app_with_tmdb().await;
    app.add_root_folder().await;
    let response = app
        .put(
            "/api/v3/config/naming",
            &json!({"renameMovies": false, "colonReplacementFormat": "smart",
                    "standardMovieFormat": "{Movie Title} ({Release Year})",
                    "movieFolderFormat": "{Movie Title} ({Release Year}) [tmdbid-{TmdbId}]"}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    let movie = app.add_movie(603, "The Matrix", 1999).await;
    assert!(
        movie["path"]
            .as_str()
            .unwrap()
            .ends_with("/The Matrix (1999) [tmdbid-603]"),
        "{}",
        movie["path"]
    );
}

#[tokio::test]
async fn an_import_must_improve_on_the_file_by_the_movies_profile() {
    let (app, _tmdb) = spawn_app_with_tmdb().await;
    let (movie, downloads, release) = movie_and_download(&app).await;
    let response = app
        .post(
            "/api/v3/customformat",
            &json!({"name": "x265", "includeCustomFormatWhenRenaming": false,
                    "specifications": [{"name": "x265", "implementation": "ReleaseTitleSpecification",
                        "negate": false, "required": true, "fields": [{"name": "value", "value": "x265"}]}]}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let format: Value = response.json().await.unwrap();
    let profile_path = format!("/api/v3/qualityprofile/{}", movie["qualityProfileId"]);
    let mut profile = app.get_json(&profile_path).await;
    profile["formatItems"] = json!([{"format": format["id"], "score": 100}]);
    assert_eq!(
        app.put(&profile_path, &profile).await.status(),
        StatusCode::ACCEPTED
    );

    let better = downloads
        .path()
        .join("The.Matrix.1999.1080p.BluRay.x265-GRP");
    std::fs::create_dir_all(&better).unwrap();
    std::fs::write(better.join("matrix.mkv"), vec![5u8; 3000]).unwrap();
    scan(&app, &better, "copy").await;

    let worse_720p = downloads
        .path()
        .join("The.Matrix.1999.720p.BluRay.x265-GRP");
    std::fs::create_dir_all(&worse_720p).unwrap();
    std::fs::write(worse_720p.join("matrix.mkv"), vec![5u8; 2000]).unwrap();
    let reasons = |listed: Value| -> Vec<String> {
        listed[0]["rejections"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["reason"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        reasons(listing(&app, &worse_720p, None).await),
        ["Not an upgrade for existing movie file(s)"]
    );
    // The same quality scoring lower under the profile.
    assert_eq!(
        main_candidate(&app, &release).await["rejections"][0]["reason"],
        "Not a Custom Format upgrade for existing movie file(s). New: (0) do not improve on Existing: (100)"
    );
    // A better quality is one, whatever its score.
    let remux = downloads
        .path()
        .join("The.Matrix.1999.2160p.BluRay.REMUX.HEVC-GRP");
    std::fs::create_dir_all(&remux).unwrap();
    std::fs::write(remux.join("matrix.mkv"), vec![5u8; 9000]).unwrap();
    assert_eq!(
        reasons(listing(&app, &remux, None).await),
        Vec::<String>::new()
    );
}

#[tokio::test]
async fn a_refresh_rescans_the_folder_unless_the_settings_say_never() {
    let (app, _tmdb) = spawn_app_with_tmdb().await;
    let (movie, _downloads, release) = movie_and_download(&app).await;
    let id = movie["id"].as_i64().unwrap();
    scan(&app, &release, "copy").await;
    let folder = PathBuf::from(movie["path"].as_str().unwrap());
    std::fs::remove_file(folder.join("The.Matrix.1999.1080p.BluRay.x264-GRP.mkv")).unwrap();

    let mut settings = app.get_json("/api/v3/config/mediamanagement").await;
    settings["rescanAfterRefresh"] = json!("never");
    let response = app.put("/api/v3/config/mediamanagement", &settings).await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    let done = run(&app, json!({"name": "RefreshMovie", "movieIds": [id]})).await;
    assert_eq!(done["status"], "completed", "{done}");
    assert_eq!(
        app.get_json(&format!("/api/v3/movie/{id}")).await["hasFile"],
        true
    );

    settings["rescanAfterRefresh"] = json!("always");
    let response = app.put("/api/v3/config/mediamanagement", &settings).await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    let done = run(&app, json!({"name": "RefreshMovie", "movieIds": [id]})).await;
    assert_eq!(done["status"], "completed", "{done}");
    assert_eq!(
        app.get_json(&format!("/api/v3/movie/{id}")).await["hasFile"],
        false,
        "the missing file is forgotten"
    );
}

#[tokio::test]
async fn naming_examples_show_the_sample_movie_under_the_formats_asked() {
    let app = crate::helpers::spawn_app().await;
    // With no id, Radarr's examples are of the saved settings.
    let saved: Value = app.get_json("/api/v3/config/naming/examples").await;
    assert_eq!(saved["movieFolderExample"], "The Movie Title (2010)");
    assert_eq!(
        saved["movieExample"],
        "The Movie Title (2010) Bluray-1080p Proper"
    );
    // The settings being typed, in the query as the UI sends them, with
    // names in any case.
    let query = "id=1&renameMovies=true&colonReplacementFormat=smart\
        &StandardMovieFormat=%7BMovie.Title%7D.%7BRelease%20Year%7D-%7BRelease%20Group%7D\
        &movieFolderFormat=%7BMovie%20Title%7D%20%5B%7BTmdbId%7D%5D";
    let typed: Value = app
        .get_json(&format!("/api/v3/config/naming/examples?{query}"))
        .await;
    assert_eq!(typed["movieExample"], "The.Movie.-.Title.2010-RlsGrp");
    assert_eq!(typed["movieFolderExample"], "The Movie - Title [345691]");
    // An empty format has no example; an unknown colon rule is a 400.
    let empty: Value = app
        .get_json("/api/v3/config/naming/examples?id=1&standardMovieFormat=")
        .await;
    assert_eq!(empty["movieExample"], "Invalid format");
    let bad = app
        .get("/api/v3/config/naming/examples?id=1&colonReplacementFormat=semicolon")
        .await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
}
