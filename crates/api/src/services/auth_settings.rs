//! The UI's login settings, kept whole under one key (`auth`): the one user
//! with an argon2id hash of their password and how the UI authenticates; and
//! under its own key (`sessionSecret`), made once, the secret that signs
//! session cookies. Stored in the database, so every instance on one
//! PostgreSQL database accepts the others' sessions.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use secrecy::{ExposeSecret, SecretSlice, SecretString};
use serde::{Deserialize, Serialize};

use crate::error::{ApiError, ApiResult, ValidationFailure};
use crate::state::AppState;

const KEY: &str = "auth";
/// Apart from `auth`, so that making it never rewrites the login settings.
const SECRET_KEY: &str = "sessionSecret";

/// The shortest password accepted.
pub const MIN_PASSWORD_LENGTH: usize = 6;

/// How the UI asks who is there (Radarr's `AuthenticationType`, less the
/// HTTP Basic scheme, which we do not offer).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum AuthenticationMethod {
    /// No login at all.
    None,
    /// Our login page and session cookie; Radarr v5's default.
    #[default]
    Forms,
    /// A proxy in front authenticates; we trust it.
    External,
}

/// When the UI's login is asked for (Radarr's `AuthenticationRequiredType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum AuthenticationRequired {
    /// Always.
    #[default]
    Enabled,
    /// Not from loopback or private-network addresses.
    DisabledForLocalAddresses,
}

/// The stored shape.
#[derive(Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct Stored {
    #[serde(skip_serializing_if = "Option::is_none")]
    username: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    password_hash: Option<String>,
    authentication_method: AuthenticationMethod,
    authentication_required: AuthenticationRequired,
    /// Where the secret was kept before it had its own key: read to carry
    /// it over, never written.
    #[serde(skip_serializing)]
    session_secret: String,
}

/// The one UI user.
#[derive(Clone)]
pub struct User {
    /// As they typed it at first run; matched in any case.
    pub username: String,
    /// The argon2id PHC string.
    password_hash: SecretString,
}

/// The login settings, secrets redacted in `Debug`.
#[derive(Clone)]
pub struct AuthSettings {
    /// How the UI authenticates.
    pub method: AuthenticationMethod,
    /// When it asks.
    pub required: AuthenticationRequired,
    /// The user, once the first-run form made one.
    pub user: Option<User>,
    /// The key session cookies are signed with.
    session_key: SecretSlice<u8>,
}

impl std::fmt::Debug for AuthSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AuthSettings")
            .field("method", &self.method)
            .field("required", &self.required)
            .field("username", &self.username())
            .finish_non_exhaustive()
    }
}

impl AuthSettings {
    /// The user's name, if there is a user.
    pub fn username(&self) -> Option<&str> {
        self.user.as_ref().map(|u| u.username.as_str())
    }

    /// The key session cookies are signed with.
    pub fn session_key(&self) -> &[u8] {
        self.session_key.expose_secret()
    }

    /// Whether `name` is the user's name (in any case, as Radarr matches it).
    pub fn is_user(&self, name: &str) -> bool {
        self.username()
            .is_some_and(|u| u.to_lowercase() == name.to_lowercase())
    }

    /// Sets the user, keeping the stored hash when `password_hash` is `None`.
    pub fn set_user(&mut self, username: String, password_hash: Option<SecretString>) {
        let password_hash = match (password_hash, self.user.take()) {
            (Some(hash), _) => hash,
            (None, Some(old)) => old.password_hash,
            (None, None) => return,
        };
        self.user = Some(User {
            username,
            password_hash,
        });
    }
}

/// The settings as saved; a new install's defaults (forms, always required,
/// no user) until then. The signing secret is made and saved on first use.
pub async fn load(state: &AppState) -> ApiResult<AuthSettings> {
    let stored: Stored = match state.store.config_text(KEY).await? {
        Some(text) => serde_json::from_str(&text)
            .map_err(|e| ApiError::Internal(format!("the login settings cannot be read: {e}")))?,
        None => Stored::default(),
    };
    let key = session_secret(state, &stored.session_secret).await?;
    let user = match (stored.username, stored.password_hash) {
        (Some(username), Some(hash)) if !username.is_empty() => Some(User {
            username,
            password_hash: SecretString::from(hash),
        }),
        _ => None,
    };
    Ok(AuthSettings {
        method: stored.authentication_method,
        required: stored.authentication_required,
        user,
        session_key: SecretSlice::from(key),
    })
}

/// Saves the settings whole.
pub async fn save(state: &AppState, settings: &AuthSettings) -> ApiResult<()> {
    let stored = Stored {
        username: settings.user.as_ref().map(|u| u.username.clone()),
        password_hash: settings
            .user
            .as_ref()
            .map(|u| u.password_hash.expose_secret().to_string()),
        authentication_method: settings.method,
        authentication_required: settings.required,
        session_secret: String::new(),
    };
    let text = serde_json::to_string(&stored).map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(state.store.set_config_text(KEY, &text).await?)
}

/// The stored signing secret; made on first use from the one an older
/// `auth` held, or fresh. Inserted only where none is, so instances
/// starting together on a new database agree on the first one's.
async fn session_secret(state: &AppState, carried: &str) -> ApiResult<Vec<u8>> {
    let usable = |hex: &str| decode_hex(hex).filter(|key| key.len() >= 32);
    let read = |text: &str| {
        serde_json::from_str::<String>(text)
            .ok()
            .and_then(|hex| usable(&hex))
    };
    if let Some(key) = state
        .store
        .config_text(SECRET_KEY)
        .await?
        .as_deref()
        .and_then(read)
    {
        return Ok(key);
    }
    let candidate = usable(carried).unwrap_or_else(|| rand::random::<[u8; 32]>().to_vec());
    let text = serde_json::to_string(&encode_hex(&candidate))
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    let stored = state.store.config_text_or_insert(SECRET_KEY, &text).await?;
    read(&stored)
        .ok_or_else(|| ApiError::Internal("the stored session secret cannot be read".into()))
}

/// Checks a new user's name and password as the first-run form and
/// `config/host` both do: a name, a password of at least
/// [`MIN_PASSWORD_LENGTH`] characters, and its confirmation equal to it.
pub fn check_new_credentials(
    username: &str,
    password: &str,
    confirmation: &str,
) -> Vec<ValidationFailure> {
    let mut failures = Vec::new();
    if username.trim().is_empty() {
        failures.push(ValidationFailure::new(
            "Username",
            "'Username' must not be empty.",
            "NotEmptyValidator",
        ));
    }
    if password.chars().count() < MIN_PASSWORD_LENGTH {
        failures.push(ValidationFailure::new(
            "Password",
            format!("Password must be at least {MIN_PASSWORD_LENGTH} characters"),
            "MinimumLengthValidator",
        ));
    }
    if password != confirmation {
        failures.push(ValidationFailure::new(
            "PasswordConfirmation",
            "Must match Password",
            "PredicateValidator",
        ));
    }
    failures
}

/// The argon2id PHC string of `password` with a fresh salt and the crate's
/// default cost. Hashing takes tens of milliseconds, so it runs off the
/// async workers.
pub async fn hash_password(password: SecretString) -> ApiResult<SecretString> {
    let salt: [u8; 16] = rand::random();
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::encode_b64(&salt).map_err(|e| ApiError::Internal(e.to_string()))?;
        Argon2::default()
            .hash_password(password.expose_secret().as_bytes(), &salt)
            .map(|hash| SecretString::from(hash.to_string()))
            .map_err(|e| ApiError::Internal(format!("the password cannot be hashed: {e}")))
    })
    .await
    .map_err(|e| ApiError::Internal(e.to_string()))?
}

/// Whether `username` and `password` are the user's. The hash is checked
/// even when the name is wrong, so the answer takes as long either way.
pub async fn verify(settings: &AuthSettings, username: &str, password: SecretString) -> bool {
    let Some(user) = settings.user.clone() else {
        return false;
    };
    let name_matches = settings.is_user(username);
    let hash = user.password_hash;
    let password_matches = tokio::task::spawn_blocking(move || {
        PasswordHash::new(hash.expose_secret()).is_ok_and(|parsed| {
            Argon2::default()
                .verify_password(password.expose_secret().as_bytes(), &parsed)
                .is_ok()
        })
    })
    .await
    .unwrap_or(false);
    name_matches && password_matches
}

fn encode_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn decode_hex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trips_and_refuses_junk() {
        let bytes = [0u8, 1, 0xab, 0xff];
        assert_eq!(decode_hex(&encode_hex(&bytes)), Some(bytes.to_vec()));
        assert_eq!(decode_hex("abc"), None);
        assert_eq!(decode_hex("zz"), None);
        assert_eq!(decode_hex("é1"), None);
    }

    #[test]
    fn new_credentials_need_a_name_a_long_enough_password_and_its_confirmation() {
        assert!(check_new_credentials("admin", "secret1", "secret1").is_empty());
        let names =
            |f: Vec<ValidationFailure>| f.into_iter().map(|f| f.property_name).collect::<Vec<_>>();
        assert_eq!(
            names(check_new_credentials(" ", "short", "other")),
            ["Username", "Password", "PasswordConfirmation"]
        );
    }

    #[tokio::test]
    async fn a_hashed_password_verifies_and_a_wrong_one_does_not() {
        let hash = hash_password(SecretString::from("correct horse"))
            .await
            .unwrap();
        assert!(hash.expose_secret().starts_with("$argon2id$"));
        let mut settings = AuthSettings {
            method: AuthenticationMethod::Forms,
            required: AuthenticationRequired::Enabled,
            user: None,
            session_key: SecretSlice::from(vec![7u8; 32]),
        };
        settings.set_user("Admin".into(), Some(hash));
        assert!(verify(&settings, "admin", SecretString::from("correct horse")).await);
        assert!(!verify(&settings, "admin", SecretString::from("wrong")).await);
        assert!(!verify(&settings, "other", SecretString::from("correct horse")).await);
        assert!(!format!("{settings:?}").contains("argon2"));
    }
}
