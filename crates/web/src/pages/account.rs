//! Logging in and out, the account page (a user changes their own password; a user
//! whose password an admin chose must do so before any other page) and the admins'
//! page of API tokens with revoke buttons. Every form carries a CSRF token: the
//! login form a double-submit cookie (there is no session yet), the others the
//! session's.

use std::net::SocketAddr;

use askama::Template;
use axum::extract::{ConnectInfo, Extension, Path, Query, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use zonewatch_app::accounts::{check_password, TokenInfo};
use zonewatch_app::{Action, AppError};

use super::lang::LANG_COOKIE;
use super::{foreign_form, page_error, render, Chrome};
use crate::auth::csrf::{self, CsrfForm, NoFields};
use crate::auth::{
    self, cookie, cookie_header, random_token, Gate, Session, LOGIN_CSRF_COOKIE, SESSION_COOKIE,
    SESSION_LIFETIME,
};
use crate::{with_app, with_authenticator, ApiError, Shared};

/// A message in the request's language.
fn msg(key: &str) -> String {
    zonewatch_i18n::Tr::new(super::lang::current()).t(key)
}

/// Where a user changes their password (and is sent while they must).
pub const ACCOUNT: &str = "/account";

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/login", get(login_form).post(login))
        .route("/logout", post(logout))
        .route(ACCOUNT, get(account))
        .route("/account/password", post(change_password))
        .route("/account/language", post(change_language))
        .route("/admin/tokens", get(tokens))
        .route("/admin/tokens/{id}/revoke", post(revoke))
}

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    chrome: Chrome,
    name: String,
    error: Option<String>,
}

fn login_page(state: &Shared, status: StatusCode, name: String, error: Option<String>) -> Response {
    let csrf = match random_token() {
        Ok(t) => t,
        Err(e) => return page_error(e),
    };
    let page = LoginPage {
        chrome: Chrome {
            csrf: csrf.clone(),
            ..Chrome::default()
        },
        name,
        error,
    };
    let mut response = (status, render(&page)).into_response();
    if let Some(v) = cookie_header(state, LOGIN_CSRF_COOKIE, &csrf, "/login", Some(3600)) {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
    response
}

async fn login_form(State(state): State<Shared>) -> Response {
    login_page(&state, StatusCode::OK, String::new(), None)
}

/// The login form's double-submit cookie: its token must come back in the form.
struct LoginCookie(String);

impl axum::extract::FromRequestParts<Shared> for LoginCookie {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _: &Shared) -> Result<Self, Response> {
        let token = cookie(&parts.headers, LOGIN_CSRF_COOKIE).unwrap_or_default();
        Ok(LoginCookie(token.to_owned()))
    }
}

impl csrf::Guard for LoginCookie {
    fn expected(&self) -> &str {
        &self.0
    }

    /// The login form again, with a fresh cookie.
    fn refuse(self, state: &Shared) -> Response {
        login_page(
            state,
            StatusCode::FORBIDDEN,
            String::new(),
            Some(msg("login-form-expired")),
        )
    }
}

#[derive(serde::Deserialize)]
struct LoginForm {
    user: String,
    password: String,
}

async fn login(
    State(state): State<Shared>,
    peer: Option<Extension<ConnectInfo<SocketAddr>>>,
    CsrfForm { form, .. }: CsrfForm<LoginForm, LoginCookie>,
) -> Response {
    let ip = peer.map_or_else(
        || "unknown".to_owned(),
        |Extension(ConnectInfo(a))| a.ip().to_string(),
    );
    let delay = match state.limiter.attempt(&ip, &form.user) {
        Gate::Go(delay) => delay,
        Gate::Refused => {
            return login_page(
                &state,
                StatusCode::TOO_MANY_REQUESTS,
                String::new(),
                Some(msg("login-too-many")),
            )
        }
    };
    if !delay.is_zero() {
        tokio::time::sleep(delay).await;
    }
    let name = form.user.clone();
    let user = form.user.clone();
    // An unknown user name and a wrong password cost the same and answer the same.
    let result = with_authenticator(&state, move |auth| {
        Ok(auth.login(&form.user, &form.password, SESSION_LIFETIME)?)
    })
    .await;
    match result {
        Ok(Some(session)) => {
            state.limiter.succeeded(&ip, &user);
            let next = if session.login.must_change_password {
                ACCOUNT
            } else {
                "/"
            };
            let mut response = Redirect::to(next).into_response();
            let h = response.headers_mut();
            // No Max-Age: the cookie ends with the browser; the session ends in the
            // database after SESSION_LIFETIME whatever the browser keeps.
            if let Some(v) = cookie_header(&state, SESSION_COOKIE, &session.id, "/", None) {
                h.append(header::SET_COOKIE, v);
            }
            if let Some(v) = cookie_header(&state, LOGIN_CSRF_COOKIE, "", "/login", Some(0)) {
                h.append(header::SET_COOKIE, v);
            }
            response
        }
        Ok(None) => login_page(
            &state,
            StatusCode::UNAUTHORIZED,
            name,
            Some(msg("login-wrong")),
        ),
        Err(e) => page_error(e),
    }
}

/// Any live session, also one whose user must still change their password (who
/// may still log out and change it); without one, the login page.
struct AccountSession(Session);

impl axum::extract::FromRequestParts<Shared> for AccountSession {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &Shared) -> Result<Self, Response> {
        match auth::session_of(state, parts).await {
            Ok(Some(session)) => Ok(AccountSession(session)),
            Ok(None) => Err(Redirect::to("/login").into_response()),
            Err(e) => Err(page_error(e)),
        }
    }
}

impl csrf::Guard for AccountSession {
    fn expected(&self) -> &str {
        &self.0.csrf
    }

    fn refuse(self, _: &Shared) -> Response {
        foreign_form()
    }
}

async fn logout(
    State(state): State<Shared>,
    headers: HeaderMap,
    _: CsrfForm<NoFields, AccountSession>,
) -> Response {
    // The session was found by this cookie, so it is there.
    let id = cookie(&headers, SESSION_COOKIE)
        .unwrap_or_default()
        .to_owned();
    if let Err(e) = with_authenticator(&state, move |auth| Ok(auth.end_session(&id)?)).await {
        return page_error(e);
    }
    let mut response = Redirect::to("/login").into_response();
    if let Some(v) = cookie_header(&state, SESSION_COOKIE, "", "/", Some(0)) {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
    response
}

#[derive(Template, Default)]
#[template(path = "account.html")]
struct AccountPage {
    chrome: Chrome,
    /// "Logged in as NAME, role ROLE." in the page's language.
    logged_in_as: String,
    /// The `zw_lang` cookie names a language (not only the browser's choice).
    saved_language: bool,
    language_saved: bool,
    must_change: bool,
    changed: bool,
    general: Option<String>,
    old_error: Option<String>,
    new_error: Option<String>,
    again_error: Option<String>,
}

impl AccountPage {
    fn of(session: &Session) -> AccountPage {
        let chrome = Chrome::of(session);
        AccountPage {
            logged_in_as: chrome.tr.f(
                "account-logged-in-as",
                &[
                    ("name", session.actor.name.as_str().into()),
                    ("role", chrome.role_label().into()),
                ],
            ),
            chrome,
            must_change: session.must_change_password,
            ..AccountPage::default()
        }
    }
}

#[derive(serde::Deserialize, Default)]
struct AccountQuery {
    changed: Option<String>,
    language: Option<String>,
}

async fn account(
    AccountSession(session): AccountSession,
    headers: HeaderMap,
    Query(query): Query<AccountQuery>,
) -> Response {
    let mut page = AccountPage::of(&session);
    page.changed = query.changed.is_some() && !session.must_change_password;
    page.language_saved = query.language.is_some();
    page.saved_language = cookie(&headers, LANG_COOKIE)
        .and_then(zonewatch_i18n::Locale::parse)
        .is_some();
    render(&page)
}

#[derive(serde::Deserialize)]
struct LanguageForm {
    #[serde(default)]
    lang: String,
}

/// Saves the user's language in the `zw_lang` cookie (for a year; empty: the
/// browser's languages again). A cookie rather than the account's row, so the
/// store needs no migration; it is kept per browser.
async fn change_language(
    State(state): State<Shared>,
    CsrfForm { form, .. }: CsrfForm<LanguageForm, AccountSession>,
) -> Response {
    let mut response = Redirect::to("/account?language=1").into_response();
    let value = match zonewatch_i18n::Locale::parse(&form.lang) {
        Some(locale) => cookie_header(
            &state,
            LANG_COOKIE,
            locale.tag(),
            "/",
            Some(LANG_COOKIE_AGE),
        ),
        None => cookie_header(&state, LANG_COOKIE, "", "/", Some(0)),
    };
    if let Some(v) = value {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
    response
}

/// How long the language cookie is kept: a year.
const LANG_COOKIE_AGE: u64 = 365 * 24 * 3600;

#[derive(serde::Deserialize)]
struct PasswordForm {
    #[serde(default)]
    old: String,
    #[serde(default)]
    new: String,
    #[serde(default)]
    again: String,
}

async fn change_password(
    State(state): State<Shared>,
    CsrfForm {
        session: AccountSession(session),
        form,
    }: CsrfForm<PasswordForm, AccountSession>,
) -> Response {
    let mut page = AccountPage::of(&session);
    // Guessing the current password from a stolen session counts as login
    // attempts, under the session's name (the source is the session itself).
    let source = format!("session:{}", session.id_sha256);
    match state.limiter.attempt(&source, &session.actor.name) {
        Gate::Refused => {
            page.general = Some(msg("account-too-many"));
            return (StatusCode::TOO_MANY_REQUESTS, render(&page)).into_response();
        }
        Gate::Go(delay) if !delay.is_zero() => tokio::time::sleep(delay).await,
        Gate::Go(_) => {}
    }
    if form.old.is_empty() {
        page.old_error = Some(msg("account-enter-current"));
    }
    if form.new != form.again {
        page.again_error = Some(msg("account-passwords-differ"));
    }
    if let Err(e) = check_password(&form.new) {
        page.new_error = Some(e.to_string());
    }
    if page.old_error.is_some() || page.new_error.is_some() || page.again_error.is_some() {
        return (StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response();
    }
    let keep = session.id_sha256.clone();
    let result = with_app(&state, session.actor.clone(), move |app| {
        Ok(app.change_password(&form.old, &form.new, Some(&keep)))
    })
    .await;
    match result {
        Ok(Ok(())) if session.must_change_password => {
            state.limiter.succeeded(&source, &session.actor.name);
            Redirect::to("/").into_response()
        }
        Ok(Ok(())) => {
            state.limiter.succeeded(&source, &session.actor.name);
            Redirect::to("/account?changed=1").into_response()
        }
        Ok(Err(AppError::WrongPassword)) => {
            page.old_error = Some(msg("account-current-wrong"));
            (StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response()
        }
        Ok(Err(AppError::Invalid(message))) => {
            page.new_error = Some(message);
            (StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response()
        }
        Ok(Err(e)) => page_error(e.into()),
        Err(e) => page_error(e),
    }
}

#[derive(Template)]
#[template(path = "tokens.html")]
struct TokensPage {
    chrome: Chrome,
    notice: Option<String>,
    tokens: Vec<TokenInfo>,
}

/// The answer for anyone but an admin (who has chosen their own password).
fn unless_admin(session: &Session) -> Option<Response> {
    if session.must_change_password {
        return Some(Redirect::to(ACCOUNT).into_response());
    }
    if session.actor.may(Action::Administer) {
        None
    } else {
        Some(page_error(ApiError::new(
            StatusCode::FORBIDDEN,
            format!(
                "{} (role {}) may not manage API tokens",
                session.actor.name, session.actor.role
            ),
        )))
    }
}

#[derive(serde::Deserialize, Default)]
struct TokensQuery {
    revoked: Option<String>,
}

async fn tokens(
    State(state): State<Shared>,
    AccountSession(session): AccountSession,
    Query(query): Query<TokensQuery>,
) -> Response {
    if let Some(refused) = unless_admin(&session) {
        return refused;
    }
    let list = match with_app(&state, session.actor.clone(), |app| Ok(app.tokens()?)).await {
        Ok(l) => l,
        Err(e) => return page_error(e),
    };
    let notice = query.revoked.filter(|id| is_token_id(id)).map(|id| {
        zonewatch_i18n::Tr::new(super::lang::current()).f("tokens-revoked", &[("id", id.into())])
    });
    render(&TokensPage {
        chrome: Chrome::of(&session),
        notice,
        tokens: list,
    })
}

fn is_token_id(id: &str) -> bool {
    id.len() == 12 && id.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

async fn revoke(
    State(state): State<Shared>,
    Path(id): Path<String>,
    CsrfForm {
        session: AccountSession(session),
        ..
    }: CsrfForm<NoFields, AccountSession>,
) -> Response {
    if let Some(refused) = unless_admin(&session) {
        return refused;
    }
    if !is_token_id(&id) {
        return page_error(ApiError::new(
            StatusCode::NOT_FOUND,
            "a token id is 12 hex digits",
        ));
    }
    let wanted = id.clone();
    match with_app(&state, session.actor.clone(), move |app| {
        Ok(app.revoke_token(&wanted)?)
    })
    .await
    {
        Ok(_) => Redirect::to(&format!("/admin/tokens?revoked={id}")).into_response(),
        Err(e) => page_error(e),
    }
}
