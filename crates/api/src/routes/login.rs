//! `/login` and `/logout`: the web UI's forms login. Before a user exists the
//! login page is the first-run form that makes one; after, it checks the
//! user's name and password and starts a signed session cookie.

use axum::Router;
use axum::body::to_bytes;
use axum::extract::{Request, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, SET_COOKIE, X_FRAME_OPTIONS};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use secrecy::SecretString;

use crate::auth::slow_down;
use crate::error::{ApiError, ApiResult, ValidationFailure};
use crate::extract::QueryParams;
use crate::services::auth_settings::{self, check_new_credentials};
use crate::session::{self, cookie, redirect, safe_return_url};
use crate::state::AppState;

const TEMPLATE: &str = include_str!("../login_page.html");

/// The login routes, outside `/api` and its key.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/login", get(page).post(submit))
        .route("/logout", get(logout).post(logout))
}

/// What one rendering of the page shows.
struct Page<'a> {
    first_run: bool,
    return_url: Option<&'a str>,
    username: &'a str,
    alert: Option<&'a str>,
    errors: &'a [ValidationFailure],
}

/// The return URL a request names, if it is one we would follow.
fn return_url(state: &AppState, query: &QueryParams) -> Option<String> {
    let home = format!("{}/", state.config.url_base);
    let checked = safe_return_url(&state.config.url_base, query.get("returnurl"));
    (checked != home).then_some(checked)
}

/// `GET /login`: the login form, or the first-run form when no user exists.
#[tracing::instrument(skip_all)]
async fn page(State(state): State<AppState>, query: QueryParams) -> ApiResult<Response> {
    let settings = auth_settings::load(&state).await?;
    let failed = query.bool("loginfailed", false).unwrap_or(false);
    let back = return_url(&state, &query);
    Ok(html(
        StatusCode::OK,
        render(
            &state,
            &Page {
                first_run: settings.user.is_none(),
                return_url: back.as_deref(),
                username: "",
                alert: failed.then_some("Incorrect username or password."),
                errors: &[],
            },
        ),
    ))
}

/// `POST /login`: makes the user at first run, else checks the password;
/// on success sets the session cookie and goes back where the user was
/// headed (303), on failure back to the form with `loginFailed=true`.
#[tracing::instrument(skip_all)]
async fn submit(State(state): State<AppState>, req: Request) -> ApiResult<Response> {
    let origin = session::origin(&state, req.extensions(), req.headers());
    let query = QueryParams::parse(req.uri().query().unwrap_or(""));
    let body = to_bytes(req.into_body(), state.config.body_limit)
        .await
        .map_err(|_| ApiError::PayloadTooLarge)?;
    let form = QueryParams::parse(&String::from_utf8_lossy(&body));
    let field = |name: &str| form.get(name).unwrap_or("").to_string();
    let (username, password) = (field("username"), field("password"));
    let remember = matches!(form.get("rememberme"), Some("on" | "true" | "True" | "1"));
    let back = return_url(&state, &query).or_else(|| return_url(&state, &form));
    let mut settings = auth_settings::load(&state).await?;
    if settings.user.is_none() {
        let failures = check_new_credentials(&username, &password, &field("passwordconfirmation"));
        if !failures.is_empty() {
            let page = Page {
                first_run: true,
                return_url: back.as_deref(),
                username: &username,
                alert: None,
                errors: &failures,
            };
            return Ok(html(StatusCode::BAD_REQUEST, render(&state, &page)));
        }
        let hash = auth_settings::hash_password(SecretString::from(password)).await?;
        settings.set_user(username.trim().to_string(), Some(hash));
        auth_settings::save(&state, &settings).await?;
        tracing::info!("the first-run form made the UI's login");
    } else if !auth_settings::verify(&settings, &username, SecretString::from(password)).await {
        if let Some(ip) = origin.ip {
            slow_down(&state, ip).await;
        }
        let mut to = format!("{}/login?", state.config.url_base);
        if let Some(back) = &back {
            to.push_str(
                &form_urlencoded::Serializer::new(String::new())
                    .append_pair("returnUrl", back)
                    .finish(),
            );
            to.push('&');
        }
        to.push_str("loginFailed=true");
        return Ok(redirect(StatusCode::SEE_OTHER, &to));
    }
    if let Some(ip) = origin.ip {
        state.auth_failures.clear(ip);
    }
    let name = settings.username().unwrap_or_default();
    let expires = session::now() + cookie::SESSION_LIFETIME.as_secs() as i64;
    let value = cookie::sign(settings.session_key(), name, expires);
    let set = cookie::set_cookie(&value, session::cookie_scope(&state, origin), remember);
    let to = back.unwrap_or_else(|| format!("{}/", state.config.url_base));
    Ok(with_cookie(redirect(StatusCode::SEE_OTHER, &to), &set))
}

/// `GET|POST /logout`: ends the session and shows the login form.
#[tracing::instrument(skip_all)]
async fn logout(State(state): State<AppState>, req: Request) -> Response {
    let origin = session::origin(&state, req.extensions(), req.headers());
    let clear = cookie::clear_cookie(session::cookie_scope(&state, origin));
    let to = format!("{}/login", state.config.url_base);
    with_cookie(redirect(StatusCode::FOUND, &to), &clear)
}

fn with_cookie(mut response: Response, set_cookie: &str) -> Response {
    if let Ok(value) = HeaderValue::from_str(set_cookie) {
        response.headers_mut().append(SET_COOKIE, value);
    }
    response
}

fn html(status: StatusCode, body: String) -> Response {
    (
        status,
        [
            (
                CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            ),
            (CACHE_CONTROL, HeaderValue::from_static("no-store")),
            // Nobody frames the login page to catch the password.
            (X_FRAME_OPTIONS, HeaderValue::from_static("DENY")),
        ],
        body,
    )
        .into_response()
}

/// The page from the template.
fn render(state: &AppState, page: &Page<'_>) -> String {
    let (keep, drop) = if page.first_run {
        ("first-run", "login")
    } else {
        ("login", "first-run")
    };
    let mut html = remove_section(TEMPLATE, drop);
    for marker in [format!("<!--{keep}-->"), format!("<!--/{keep}-->")] {
        html = html.replace(&marker, "");
    }
    let mut action = format!("{}/login", state.config.url_base);
    if let Some(back) = page.return_url {
        action.push('?');
        action.push_str(
            &form_urlencoded::Serializer::new(String::new())
                .append_pair("returnUrl", back)
                .finish(),
        );
    }
    let error_of = |property: &str| {
        page.errors
            .iter()
            .find(|f| f.property_name == property)
            .map(|f| {
                format!(
                    r#"<div class="field-error">{}</div>"#,
                    escape(&f.error_message)
                )
            })
            .unwrap_or_default()
    };
    let (title, heading, intro) = if page.first_run {
        (
            "Create your login",
            "Create your login",
            "Choose the username and password that will protect this server's web interface.",
        )
    } else {
        ("Sign in", "Sign in", "Enter your username and password.")
    };
    let alert = page
        .alert
        .map(|a| format!(r#"<p class="alert" role="alert">{}</p>"#, escape(a)))
        .unwrap_or_default();
    [
        ("{{title}}", escape(title)),
        ("{{base}}", escape(&state.config.url_base)),
        ("{{instance}}", escape(&state.config.instance_name)),
        ("{{heading}}", escape(heading)),
        ("{{intro}}", escape(intro)),
        ("{{alert}}", alert),
        ("{{action}}", escape(&action)),
        ("{{username}}", escape(page.username)),
        ("{{username_error}}", error_of("Username")),
        ("{{password_error}}", error_of("Password")),
        ("{{confirmation_error}}", error_of("PasswordConfirmation")),
    ]
    .iter()
    .fold(html, |html, (placeholder, value)| {
        html.replace(placeholder, value)
    })
}

/// The template without the section `name` and its markers.
fn remove_section(template: &str, name: &str) -> String {
    let (start, end) = (format!("<!--{name}-->"), format!("<!--/{name}-->"));
    match (template.find(&start), template.find(&end)) {
        (Some(from), Some(to)) if from < to => {
            format!("{}{}", &template[..from], &template[to + end.len()..])
        }
        _ => template.to_string(),
    }
}

/// Text made safe inside HTML elements and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_markup_and_quotes() {
        assert_eq!(
            escape(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn one_section_is_kept_and_the_other_removed() {
        let first_run = remove_section(TEMPLATE, "login");
        assert!(first_run.contains("passwordConfirmation"));
        assert!(!first_run.contains("rememberMe"));
        let login = remove_section(TEMPLATE, "first-run");
        assert!(login.contains("rememberMe"));
        assert!(!login.contains("passwordConfirmation"));
    }
}
