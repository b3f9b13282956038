//! The session cookie: stateless and signed, so any instance sharing the
//! database (and so the signing secret) accepts it. Its value is
//! `base64url(username|expiry).base64url(HMAC-SHA256(payload))`, the expiry
//! in Unix seconds.

use std::time::Duration;

use axum::http::HeaderMap;
use axum::http::header::COOKIE;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;

/// The cookie's name.
pub const COOKIE_NAME: &str = "UnifiedRadarrAuth";

/// How long a session lasts.
pub const SESSION_LIFETIME: Duration = Duration::from_secs(7 * 24 * 60 * 60);

type HmacSha256 = Hmac<Sha256>;

fn mac(key: &[u8], payload: &[u8]) -> Vec<u8> {
    // HMAC takes a key of any length, so this cannot fail.
    match HmacSha256::new_from_slice(key) {
        Ok(mut mac) => {
            mac.update(payload);
            mac.finalize().into_bytes().to_vec()
        }
        Err(_) => Vec::new(),
    }
}

/// The cookie value naming `username` until `expires` (Unix seconds).
pub fn sign(key: &[u8], username: &str, expires: i64) -> String {
    let payload = format!("{username}|{expires}");
    let tag = mac(key, payload.as_bytes());
    format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(payload),
        URL_SAFE_NO_PAD.encode(tag)
    )
}

/// The user a cookie value names, if its signature is right and it has not
/// expired by `now` (Unix seconds).
pub fn verify(key: &[u8], value: &str, now: i64) -> Option<String> {
    let (payload, tag) = value.split_once('.')?;
    let payload = URL_SAFE_NO_PAD.decode(payload).ok()?;
    let tag = URL_SAFE_NO_PAD.decode(tag).ok()?;
    let expected = mac(key, &payload);
    if expected.is_empty() || !bool::from(expected.ct_eq(&tag)) {
        return None;
    }
    let payload = String::from_utf8(payload).ok()?;
    // The name may hold '|'; the expiry never does.
    let (username, expires) = payload.rsplit_once('|')?;
    let expires: i64 = expires.parse().ok()?;
    (now < expires).then(|| username.to_string())
}

/// The session cookie's value among the request's cookies.
pub fn presented(headers: &HeaderMap) -> Option<&str> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE_NAME)
        .map(|(_, value)| value.trim_matches('"'))
}

/// Where the cookie applies and whether it needs https.
#[derive(Debug, Clone, Copy)]
pub struct Scope<'a> {
    /// The URL base, or "/".
    pub path: &'a str,
    /// Whether the browser reached us over https.
    pub secure: bool,
}

/// A `Set-Cookie` value starting a session; kept across browser restarts
/// (`Max-Age`) only when the user asked to be remembered.
pub fn set_cookie(value: &str, scope: Scope<'_>, remember: bool) -> String {
    let mut cookie = format!(
        "{COOKIE_NAME}={value}; Path={}; HttpOnly; SameSite=Strict",
        scope.path
    );
    if remember {
        cookie.push_str(&format!("; Max-Age={}", SESSION_LIFETIME.as_secs()));
    }
    if scope.secure {
        cookie.push_str("; Secure");
    }
    cookie
}

/// A `Set-Cookie` value ending the session.
pub fn clear_cookie(scope: Scope<'_>) -> String {
    let mut cookie = format!(
        "{COOKIE_NAME}=; Path={}; HttpOnly; SameSite=Strict; Max-Age=0; \
         Expires=Thu, 01 Jan 1970 00:00:00 GMT",
        scope.path
    );
    if scope.secure {
        cookie.push_str("; Secure");
    }
    cookie
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &[u8] = b"0123456789abcdef0123456789abcdef";

    #[test]
    fn a_signed_cookie_names_its_user_until_it_expires() {
        let value = sign(KEY, "ad|min", 1_000);
        assert_eq!(verify(KEY, &value, 999).as_deref(), Some("ad|min"));
        assert_eq!(verify(KEY, &value, 1_000), None, "expired");
        assert_eq!(verify(b"another key", &value, 0), None, "another secret");
    }

    #[test]
    fn a_tampered_cookie_is_refused() {
        let value = sign(KEY, "admin", 1_000);
        let (_, tag) = value.split_once('.').unwrap();
        // A later expiry with the old signature.
        let forged = format!("{}.{tag}", URL_SAFE_NO_PAD.encode("admin|9999999999"));
        assert_eq!(verify(KEY, &forged, 0), None);
        let mut flipped = value.clone().into_bytes();
        let last = flipped.len() - 1;
        flipped[last] = if flipped[last] == b'A' { b'B' } else { b'A' };
        assert_eq!(verify(KEY, &String::from_utf8(flipped).unwrap(), 0), None);
        for junk in ["", ".", "abc", "abc.def", "!!.!!"] {
            assert_eq!(verify(KEY, junk, 0), None, "{junk}");
        }
        // A signed payload without an expiry.
        let no_expiry = format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode("admin"),
            URL_SAFE_NO_PAD.encode(mac(KEY, b"admin"))
        );
        assert_eq!(verify(KEY, &no_expiry, 0), None);
    }

    #[test]
    fn the_cookie_is_found_among_others() {
        let mut headers = HeaderMap::new();
        headers.insert(
            COOKIE,
            "a=1; UnifiedRadarrAuth=xyz.abc; b=2".parse().unwrap(),
        );
        assert_eq!(presented(&headers), Some("xyz.abc"));
        assert_eq!(presented(&HeaderMap::new()), None);
    }

    #[test]
    fn set_cookie_is_http_only_strict_and_secure_only_over_https() {
        let plain = Scope {
            path: "/",
            secure: false,
        };
        let cookie = set_cookie("v", plain, true);
        assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"));
        assert!(cookie.contains("Max-Age=604800") && !cookie.contains("Secure"));
        assert!(!set_cookie("v", plain, false).contains("Max-Age"));
        let https = Scope {
            path: "/radarr",
            secure: true,
        };
        assert!(set_cookie("v", https, false).ends_with("; Secure"));
        assert!(clear_cookie(https).contains("Path=/radarr"));
        assert!(clear_cookie(plain).contains("Max-Age=0"));
    }
}
