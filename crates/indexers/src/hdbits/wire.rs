//! HDBits' JSON API as its documentation describes it: one endpoint,
//! `POST {baseUrl}/api/torrents`, taking the username and passkey with the
//! query, and answering `{"status": …, "message": …, "data": […]}`, where a
//! status other than 0 says what went wrong.

use serde::{Deserialize, Serialize};

use crate::error::IndexerError;

/// The most results HDBits gives for one page.
pub const MAX_LIMIT: u32 = 100;

/// A query of `/api/torrents`. Empty filters are left out: HDBits reads an
/// absent filter as "any".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TorrentQuery {
    pub username: String,
    pub passkey: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub category: Vec<i32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub codec: Vec<i32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub medium: Vec<i32>,
    /// Only releases of this IMDb title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub imdb: Option<ImdbQuery>,
    /// Results a page, at most [`MAX_LIMIT`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// The page, from 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
}

/// An IMDb title by its number (`133093` for tt0133093).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImdbQuery {
    pub id: u32,
}

/// HDBits' answer.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Answer {
    pub status: i32,
    #[serde(default)]
    pub message: Option<String>,
    #[serde(default)]
    pub data: Option<Vec<Torrent>>,
}

/// One torrent of an answer.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Torrent {
    pub id: u64,
    pub hash: String,
    pub leechers: i32,
    pub seeders: i32,
    pub name: String,
    pub times_completed: i64,
    pub size: i64,
    /// When it was added, in Unix seconds.
    pub utadded: i64,
    /// `"yes"` or `"no"`.
    pub freeleech: String,
    pub type_category: i32,
    pub type_codec: i32,
    pub type_medium: i32,
    /// 1 for an internal release.
    pub type_origin: i32,
    #[serde(default)]
    pub imdb: Option<ImdbInfo>,
}

/// What HDBits knows of a torrent's IMDb title.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct ImdbInfo {
    pub id: u32,
    #[serde(default)]
    pub englishtitle: Option<String>,
    #[serde(default)]
    pub year: Option<i32>,
}

/// HDBits' status codes.
pub mod status {
    pub const SUCCESS: i32 = 0;
    pub const FAILURE: i32 = 1;
    pub const SSL_REQUIRED: i32 = 2;
    pub const JSON_MALFORMED: i32 = 3;
    pub const AUTH_DATA_MISSING: i32 = 4;
    pub const AUTH_FAILED: i32 = 5;
    pub const MISSING_REQUIRED_PARAMETERS: i32 = 6;
    pub const INVALID_PARAMETER: i32 = 7;
    pub const IMDB_IMPORT_FAIL: i32 = 8;
    pub const IMDB_TV_NOT_ALLOWED: i32 = 9;
}

/// The error an answer's status stands for, `None` for success.
pub fn status_error(status: i32, message: Option<&str>) -> Option<IndexerError> {
    let described = |what: &str| match message.map(str::trim).filter(|m| !m.is_empty()) {
        Some(message) => format!("{what}: {message}"),
        None => what.to_string(),
    };
    let code = u16::try_from(status).unwrap_or(u16::MAX);
    match status {
        status::SUCCESS => None,
        status::AUTH_DATA_MISSING => Some(IndexerError::BadApiKey(described(
            "HDBits needs the username and the passkey",
        ))),
        status::AUTH_FAILED => Some(IndexerError::BadApiKey(described(
            "HDBits refused the username or the passkey",
        ))),
        status::SSL_REQUIRED => Some(IndexerError::BadRequest {
            code,
            message: described("HDBits needs https:// in the API URL"),
        }),
        status::JSON_MALFORMED
        | status::MISSING_REQUIRED_PARAMETERS
        | status::INVALID_PARAMETER => Some(IndexerError::BadRequest {
            code,
            message: described("HDBits refused the query"),
        }),
        _ => Some(IndexerError::Api {
            code,
            message: described("HDBits could not answer"),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_filter_is_left_out_of_the_query() {
        let query = TorrentQuery {
            username: "user".into(),
            passkey: "key".into(),
            category: vec![1],
            imdb: Some(ImdbQuery { id: 133093 }),
            ..TorrentQuery::default()
        };
        let json = serde_json::to_value(&query).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"username": "user", "passkey": "key", "category": [1],
                               "imdb": {"id": 133093}})
        );
    }

    #[test]
    fn each_status_says_what_to_fix() {
        assert_eq!(status_error(0, Some("ignored")), None);
        assert!(matches!(
            status_error(5, Some("Invalid passkey")),
            Some(IndexerError::BadApiKey(m)) if m.ends_with("Invalid passkey")
        ));
        assert!(matches!(
            status_error(4, None),
            Some(IndexerError::BadApiKey(_))
        ));
        assert!(matches!(
            status_error(7, None),
            Some(IndexerError::BadRequest { code: 7, .. })
        ));
        assert!(matches!(
            status_error(1, Some("Database down")),
            Some(IndexerError::Api { code: 1, message }) if message.contains("Database down")
        ));
    }
}
