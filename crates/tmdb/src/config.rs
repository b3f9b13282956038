//! How to reach TMDB: base URL, credentials, rate limit, cache size.

use std::fmt;
use std::str::FromStr;
use std::time::Duration;

use secrecy::SecretString;

/// TMDB's v3 API on the internet.
pub const DEFAULT_BASE_URL: &str = "https://api.themoviedb.org/3";

/// Everything the client needs.
#[derive(Clone, Debug)]
pub struct TmdbConfig {
    /// The v3 API's base, without a trailing slash.
    pub base_url: String,
    /// The API key or read-access token; without one, every call fails at once.
    pub credential: Option<Credential>,
    /// Requests allowed per period, shared by every caller in the process.
    pub rate_limit: RateLimit,
    /// What the caches may hold, in MB of TMDB's answers as they came in
    /// (parsed, they take about 1.4 times that; see docs/PERFORMANCE.md).
    pub cache_mb: u64,
    /// Time allowed for one request.
    pub timeout: Duration,
}

impl Default for TmdbConfig {
    fn default() -> Self {
        TmdbConfig {
            base_url: DEFAULT_BASE_URL.to_string(),
            credential: None,
            rate_limit: RateLimit::default(),
            cache_mb: 16,
            timeout: Duration::from_secs(30),
        }
    }
}

/// How requests prove who sends them.
#[derive(Clone, Debug)]
pub enum Credential {
    /// A v3 API key, sent as the `api_key` query parameter.
    ApiKey(SecretString),
    /// A v4 read-access token, sent as a Bearer header.
    AccessToken(SecretString),
}

impl Credential {
    /// The credential a key the user gave is: TMDB's read-access tokens are
    /// JSON Web Tokens (three dot-separated parts, the first `eyJ…`), its
    /// API keys 32 hexadecimal digits. One setting then takes either.
    pub fn from_key(key: &str) -> Credential {
        let key = key.trim();
        let token = key.starts_with("eyJ") && key.split('.').count() == 3;
        let secret = SecretString::from(key);
        match token {
            true => Credential::AccessToken(secret),
            false => Credential::ApiKey(secret),
        }
    }
}

/// At most `requests` in any `period`: `40/10` is 40 requests per 10 seconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateLimit {
    /// Requests allowed per period.
    pub requests: u32,
    /// The period.
    pub period: Duration,
}

impl Default for RateLimit {
    /// TMDB's published limit before 2019, conservative today.
    fn default() -> Self {
        RateLimit {
            requests: 40,
            period: Duration::from_secs(10),
        }
    }
}

impl FromStr for RateLimit {
    type Err = String;

    /// `REQUESTS/SECONDS`, e.g. `40/10` or `50/1`; seconds may have decimals.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let invalid = || format!("'{s}' is not REQUESTS/SECONDS, e.g. 40/10");
        let (requests, seconds) = s.trim().split_once('/').ok_or_else(invalid)?;
        let requests: u32 = requests.trim().parse().map_err(|_| invalid())?;
        let seconds: f64 = seconds.trim().parse().map_err(|_| invalid())?;
        if requests == 0 || !seconds.is_finite() || seconds <= 0.0 || seconds > 86_400.0 {
            return Err(format!(
                "'{s}': the requests and the seconds must both be above zero (and a day at most)"
            ));
        }
        Ok(RateLimit {
            requests,
            period: Duration::from_secs_f64(seconds),
        })
    }
}

impl fmt::Display for RateLimit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.requests, self.period.as_secs_f64())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_told_from_a_read_access_token() {
        assert!(matches!(
            Credential::from_key("0123456789abcdef0123456789abcdef"),
            Credential::ApiKey(_)
        ));
        assert!(matches!(
            Credential::from_key(" eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiIxIn0.c2lnbmF0dXJl "),
            Credential::AccessToken(_)
        ));
    }

    #[test]
    fn rate_limits_read_as_requests_per_seconds() {
        assert_eq!(
            "40/10".parse::<RateLimit>(),
            Ok(RateLimit {
                requests: 40,
                period: Duration::from_secs(10)
            })
        );
        assert_eq!(
            " 5 / 0.5 ".parse::<RateLimit>().map(|r| r.period),
            Ok(Duration::from_millis(500))
        );
        assert_eq!(RateLimit::default().to_string(), "40/10");
        for bad in ["40", "0/10", "40/0", "40/-1", "x/10", "40/y", "40/inf"] {
            assert!(bad.parse::<RateLimit>().is_err(), "{bad}");
        }
    }
}
