//! The UI with the keyboard alone: every step of signing up, adding a movie
//! and editing it is reached with Tab and done with Enter, typing or the
//! arrow keys, and the focused control always shows it has the focus.

use fantoccini::key::Key;

use crate::harness::Browser;
use crate::helpers::spawn_app_with_tmdb;
use crate::{PASSWORD, USER};

#[tokio::test]
async fn a_keyboard_user_signs_up_adds_a_movie_and_edits_it() {
    let (app, _tmdb) = spawn_app_with_tmdb().await;
    app.add_root_folder().await;
    let browser = Browser::start(1280).await;
    browser
        .client
        .goto(&format!("{}/", app.address))
        .await
        .unwrap();

    // The first-run form, filled field by field and sent with Enter.
    browser.tab_to("input[name=username]").await;
    browser.press(USER).await;
    browser.tab_to("input[name=password]").await;
    browser.press(PASSWORD).await;
    browser.tab_to("input[name=passwordConfirmation]").await;
    browser.press(PASSWORD).await;
    browser.press(&Key::Enter).await;
    browser.sees("0 of 0").await;

    // The first stop skips the menu to the page.
    browser.tab_to("a.skip").await;
    browser.press(&Key::Enter).await;

    // Add: the menu link, the search, the result's button, the form.
    browser.tab_to("nav a[href$='/add/new']").await;
    browser.press(&Key::Enter).await;
    browser.tab_to("form.lookup input[name=term]").await;
    browser.press("Matrix").await;
    browser.press(&Key::Enter).await;
    browser.tab_to("button[data-tmdb-id='603']").await;
    browser.press(&Key::Enter).await;
    browser.tab_to("form.add button[type=submit]").await;
    browser.press(&Key::Enter).await;
    browser.sees("The Matrix added").await;
    let movies = app.get_json("/api/v3/movie").await;
    assert_eq!(movies[0]["tmdbId"], 603);
    assert_eq!(movies[0]["minimumAvailability"], "released");

    // The movie page, and its edit form changed with the arrow keys.
    browser.tab_to("li.result a[href*='/movie/']").await;
    browser.press(&Key::Enter).await;
    browser.sees("Interactive search").await;
    browser.tab_to("button[name=edit]").await;
    browser.press(&Key::Enter).await;
    browser.tab_to("select[name=minimumAvailability]").await;
    // released → announced: the choice above it.
    browser.press(&Key::Up).await;
    browser.press(&Key::Up).await;
    browser.tab_to("form.edit button[type=submit]").await;
    browser.press(&Key::Enter).await;
    browser.sees("Minimum: announced").await;
    let movie = app
        .get_json(&format!("/api/v3/movie/{}", movies[0]["id"]))
        .await;
    assert_eq!(movie["minimumAvailability"], "announced");
    browser.finish("keyboard").await;
}
