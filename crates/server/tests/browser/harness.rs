//! The browser: Debian's headless Chromium driven through chromedriver
//! (WebDriver), one driver process per test on a free loopback port. Each
//! test ends with `finish`, which saves a screenshot of the last page under
//! `target/screenshots/` and fails the test on any error the page logged.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";

/// A browser session and its driver.
pub struct Browser {
    pub client: Client,
    driver: Child,
    driver_url: String,
    /// Logged errors a test expects (a 400 it provokes, say).
    expected: Vec<String>,
    _profile: tempfile::TempDir,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

impl Browser {
    /// Starts chromedriver and a headless Chromium `width` pixels wide.
    pub async fn start(width: u32) -> Browser {
        assert!(
            std::path::Path::new(CHROMEDRIVER).exists(),
            "{CHROMEDRIVER} is missing: scripts/test.sh installs chromium and chromium-driver"
        );
        let port = free_port();
        let driver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let driver_url = format!("http://127.0.0.1:{port}");
        let profile = tempfile::tempdir().expect("a profile folder");
        // The flags keep Chromium off the network it cannot reach here, and
        // headless without a sandbox (tests may run as root).
        let args = vec![
            "--headless=new".to_string(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-dev-shm-usage".into(),
            "--disable-quic".into(),
            "--no-first-run".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            format!("--user-data-dir={}", profile.path().display()),
            format!("--window-size={width},900"),
        ];
        let mut capabilities = serde_json::Map::new();
        capabilities.insert(
            "goog:chromeOptions".into(),
            json!({"binary": CHROMIUM, "args": args}),
        );
        capabilities.insert("goog:loggingPrefs".into(), json!({"browser": "ALL"}));
        let mut client = None;
        for _ in 0..100 {
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            match ClientBuilder::new(connector)
                .capabilities(capabilities.clone())
                .connect(&driver_url)
                .await
            {
                Ok(c) => {
                    client = Some(c);
                    break;
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
        Browser {
            client: client.expect("a browser session within 10 seconds"),
            driver,
            driver_url,
            expected: Vec::new(),
            _profile: profile,
        }
    }

    /// Lets the page log an error containing `text`: one the test provokes.
    pub fn expect_logged(&mut self, text: &str) {
        self.expected.push(text.to_string());
    }

    /// Waits for the element `css` names, up to 10 seconds.
    pub async fn element(&self, css: &str) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no {css} on the page: {e}"))
    }

    /// Waits until the page's text contains `text`, up to 10 seconds.
    pub async fn sees(&self, text: &str) {
        for _ in 0..100 {
            let body = self.text("body").await;
            if body.contains(text) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!(
            "the page never showed {text:?}: {}",
            self.text("body").await
        );
    }

    /// The text of the element `css` names.
    pub async fn text(&self, css: &str) -> String {
        match self.client.find(Locator::Css(css)).await {
            Ok(e) => e.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        }
    }

    /// The field error right after the element `css` names (where
    /// `showFailures` puts the server's message for that field), or "".
    pub async fn note_after(&self, css: &str) -> String {
        let script = "const e = document.querySelector(arguments[0]).nextElementSibling; \
                      return e && e.classList.contains('field-error') ? e.textContent : '';";
        let value = self
            .client
            .execute(script, vec![serde_json::Value::from(css)])
            .await
            .expect("the script runs");
        value.as_str().unwrap_or_default().to_string()
    }

    /// Types into the field `css` names.
    pub async fn fill(&self, css: &str, text: &str) {
        let field = self.element(css).await;
        field.clear().await.expect("the field clears");
        field
            .send_keys(text)
            .await
            .expect("the field takes the text");
    }

    /// Clicks the element `css` names.
    pub async fn click(&self, css: &str) {
        self.element(css).await.click().await.expect("a click");
    }

    /// Presses `key` where the keyboard's focus is.
    pub async fn press(&self, key: &str) {
        self.client
            .active_element()
            .await
            .expect("a focused element")
            .send_keys(key)
            .await
            .expect("the key pressed");
    }

    /// Presses Tab until the element `css` names has the focus, as a
    /// keyboard user reaches it; fails when 80 presses do not get there.
    /// The focused element must show that it is (an outline).
    pub async fn tab_to(&self, css: &str) {
        self.element(css).await;
        for _ in 0..80 {
            self.press(&Key::Tab).await;
            let focused = self
                .client
                .execute(
                    "const e = document.activeElement; \
                     return [e.matches(arguments[0]), getComputedStyle(e).outlineStyle];",
                    vec![json!(css)],
                )
                .await
                .expect("the focused element");
            if focused[0] == true {
                assert_ne!(
                    focused[1], "none",
                    "{css} has the focus but shows no outline"
                );
                return;
            }
        }
        panic!("Tab never reached {css}");
    }

    /// What the page logged at error level since the last call: console
    /// errors, uncaught exceptions and failed loads.
    async fn logged_errors(&self) -> Vec<String> {
        let Ok(Some(session)) = self.client.session_id().await else {
            return vec!["no session to read the log of".into()];
        };
        // chromedriver's log endpoint: not part of W3C WebDriver, so not
        // in the client, but served by every chromedriver.
        let answer: Value = reqwest::Client::new()
            .post(format!("{}/session/{session}/se/log", self.driver_url))
            .json(&json!({"type": "browser"}))
            .send()
            .await
            .expect("the browser log")
            .json()
            .await
            .expect("its JSON");
        answer["value"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|entry| entry["level"] == "SEVERE")
            .map(|entry| entry["message"].as_str().unwrap_or_default().to_string())
            .filter(|message| !self.expected.iter().any(|e| message.contains(e.as_str())))
            .collect()
    }

    /// Saves a screenshot of the last page as `target/screenshots/{name}.png`
    /// and fails when the page logged an error; then closes the browser.
    pub async fn finish(self, name: &str) {
        let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/screenshots");
        std::fs::create_dir_all(&folder).expect("the screenshot folder");
        let png = self.client.screenshot().await.expect("a screenshot");
        std::fs::write(folder.join(format!("{name}.png")), png).expect("the screenshot saved");
        let errors = self.logged_errors().await;
        let _ = self.client.clone().close().await;
        assert!(errors.is_empty(), "the page logged errors: {errors:#?}");
    }
}
