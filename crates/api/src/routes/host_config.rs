//! `/api/v3/config/host`: Radarr's host settings. What we have is real (the
//! listening address and port, URL base, instance name, API key, the UI's
//! login, the log level, and the backup folder and schedule); the rest is
//! Radarr's defaults. The login, the log level and the backup settings can
//! be changed here: the address, port and key come from flags.

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};

use crate::error::{ApiError, ApiResult, ValidationFailure};
use crate::extract::ApiJson;
use crate::logs::level;
use crate::routes::respond::{accepted, ok};
use crate::services::auth_settings::{
    self, AuthSettings, AuthenticationMethod, AuthenticationRequired, check_new_credentials,
};
use crate::services::backup::settings::{self as backup_settings, BackupSettings};
use crate::state::AppState;

/// What `password` reads as when a password is set; sent back, it changes
/// nothing.
const PASSWORD_PLACEHOLDER: &str = "********";

/// The host config routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/config/host", get(read).put(update))
        .route("/config/host/{id}", get(read).put(update))
}

/// Radarr's `HostConfigResource`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct HostConfigResource<'a> {
    id: i32,
    bind_address: &'a str,
    port: u16,
    ssl_port: u16,
    enable_ssl: bool,
    launch_browser: bool,
    authentication_method: AuthenticationMethod,
    authentication_required: AuthenticationRequired,
    analytics_enabled: bool,
    username: &'a str,
    password: &'static str,
    password_confirmation: &'static str,
    log_level: String,
    log_size_limit: u32,
    console_log_level: &'static str,
    branch: &'static str,
    api_key: &'a str,
    ssl_cert_path: &'static str,
    ssl_cert_password: &'static str,
    url_base: &'a str,
    instance_name: &'a str,
    application_url: &'static str,
    update_automatically: bool,
    update_mechanism: &'static str,
    update_script_path: &'static str,
    proxy_enabled: bool,
    proxy_type: &'static str,
    proxy_hostname: &'static str,
    proxy_port: u16,
    proxy_username: &'static str,
    proxy_password: &'static str,
    proxy_bypass_filter: &'static str,
    proxy_bypass_local_addresses: bool,
    certificate_validation: &'static str,
    backup_folder: &'a str,
    backup_interval: i32,
    backup_retention: i32,
    trust_cgnat_ip_addresses: bool,
}

fn resource<'a>(
    state: &'a AppState,
    auth: &'a AuthSettings,
    backup: &'a BackupSettings,
) -> HostConfigResource<'a> {
    let config = &state.config;
    HostConfigResource {
        id: 1,
        bind_address: &config.bind_address,
        port: config.port,
        ssl_port: 9898,
        enable_ssl: false,
        launch_browser: false,
        authentication_method: auth.method,
        authentication_required: auth.required,
        analytics_enabled: false,
        username: auth.username().unwrap_or(""),
        password: if auth.user.is_some() {
            PASSWORD_PLACEHOLDER
        } else {
            ""
        },
        password_confirmation: "",
        log_level: state.log_level.current(),
        log_size_limit: 1,
        console_log_level: "",
        branch: "master",
        api_key: config.api_key.expose_secret(),
        ssl_cert_path: "",
        ssl_cert_password: "",
        url_base: &config.url_base,
        instance_name: &config.instance_name,
        application_url: "",
        update_automatically: false,
        update_mechanism: "external",
        update_script_path: "",
        proxy_enabled: false,
        proxy_type: "http",
        proxy_hostname: "",
        proxy_port: 8080,
        proxy_username: "",
        proxy_password: "",
        proxy_bypass_filter: "",
        proxy_bypass_local_addresses: true,
        certificate_validation: "enabled",
        backup_folder: &backup.folder,
        backup_interval: backup.interval_days,
        backup_retention: backup.retention_days,
        trust_cgnat_ip_addresses: false,
    }
}

/// The fields a PUT may change; the rest of the body is ignored.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct HostConfigInput {
    authentication_method: Option<AuthenticationMethod>,
    authentication_required: Option<AuthenticationRequired>,
    username: Option<String>,
    password: Option<String>,
    password_confirmation: Option<String>,
    log_level: Option<String>,
    backup_folder: Option<String>,
    backup_interval: Option<i64>,
    backup_retention: Option<i64>,
}

#[tracing::instrument(skip_all)]
async fn read(State(state): State<AppState>) -> ApiResult<Response> {
    let auth = auth_settings::load(&state).await?;
    let backup = backup_settings::load(&state).await?;
    ok(&resource(&state, &auth, &backup))
}

/// Changes the UI's login, the log level and the backup settings as
/// Radarr's validator allows: forms login needs a username and a password, a
/// new password its confirmation, the log level a known name, and the backup
/// interval and retention their ranges. Settings left out of the body stay
/// as they are; a level equal to the one in force is left alone, so a client
/// sending back what it read rewrites nothing.
#[tracing::instrument(skip_all)]
async fn update(
    State(state): State<AppState>,
    ApiJson(input): ApiJson<HostConfigInput>,
) -> ApiResult<Response> {
    let mut auth = auth_settings::load(&state).await?;
    let method = input.authentication_method.unwrap_or(auth.method);
    let username = match &input.username {
        Some(name) => name.trim().to_string(),
        None => auth.username().unwrap_or_default().to_string(),
    };
    // The placeholder, or nothing, keeps the password there is.
    let new_password = input
        .password
        .filter(|p| !p.is_empty() && p != PASSWORD_PLACEHOLDER);
    let mut failures = Vec::new();
    if let Some(password) = &new_password {
        let confirmation = input.password_confirmation.as_deref().unwrap_or("");
        failures = check_new_credentials(&username, password, confirmation);
    } else if method == AuthenticationMethod::Forms {
        if username.is_empty() {
            failures.push(ValidationFailure::new(
                "Username",
                "'Username' must not be empty.",
                "NotEmptyValidator",
            ));
        }
        if auth.user.is_none() {
            failures.push(ValidationFailure::new(
                "Password",
                "'Password' must not be empty.",
                "NotEmptyValidator",
            ));
        }
    }
    let current_level = state.log_level.current();
    let new_level = match input.log_level.as_deref().map(str::trim) {
        None => None,
        Some(sent) if sent == current_level => None,
        Some(sent) => match level::parse(sent) {
            Some(known) if known == current_level => None,
            Some(known) => Some(known),
            None => {
                failures.push(
                    ValidationFailure::new(
                        "LogLevel",
                        format!("'Log Level' must be one of: {}.", level::choices()),
                        "PredicateValidator",
                    )
                    .attempted(sent),
                );
                None
            }
        },
    };
    let backup = backup_settings::changed(
        &backup_settings::load(&state).await?,
        input.backup_folder,
        input.backup_interval,
        input.backup_retention,
    );
    let backup = match backup {
        Ok(backup) if failures.is_empty() => backup,
        Ok(_) => return Err(ApiError::Validation(failures)),
        Err(more) => {
            failures.extend(more);
            return Err(ApiError::Validation(failures));
        }
    };
    if let Some(password) = new_password {
        let hash = auth_settings::hash_password(SecretString::from(password)).await?;
        auth.set_user(username, Some(hash));
    } else if !username.is_empty() {
        auth.set_user(username, None);
    }
    auth.method = method;
    auth.required = input.authentication_required.unwrap_or(auth.required);
    auth_settings::save(&state, &auth).await?;
    backup_settings::save(&state, &backup).await?;
    if let Some(new_level) = new_level {
        state
            .log_level
            .change(new_level)
            .map_err(|e| ApiError::Internal(format!("the log level cannot be changed: {e}")))?;
        tracing::info!(level = new_level, "log level changed");
    }
    tracing::info!(method = ?auth.method, required = ?auth.required, "the UI's login settings changed");
    accepted(&resource(&state, &auth, &backup))
}
