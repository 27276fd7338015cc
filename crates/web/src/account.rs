//! The account page (a user changes their own password; a user whose password an
//! admin chose must do so before any other page) and the admins' page of API tokens
//! with revoke buttons. Every form carries the session's CSRF token.

use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use zonewatch_app::accounts::{check_password, TokenInfo};
use zonewatch_app::{Action, AppError};

use crate::auth::{self, Session};
use crate::pages::{page_error, render};
use crate::{with_app, ApiError, Shared};

/// Where a user changes their password (and is sent while they must).
pub const ACCOUNT: &str = "/account";

pub fn routes() -> Router<Shared> {
    Router::new()
        .route(ACCOUNT, get(account))
        .route("/account/password", post(change_password))
        .route("/admin/tokens", get(tokens))
        .route("/admin/tokens/{id}/revoke", post(revoke))
}

/// Any live session, also one whose user must still change their password.
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

fn csrf_ok(session: &Session, sent: &str) -> bool {
    session.csrf_matches(sent)
}

fn foreign_form() -> Response {
    page_error(ApiError::new(
        StatusCode::FORBIDDEN,
        "the form did not come from this site (or the session changed): reload and try again",
    ))
}

#[derive(Template, Default)]
#[template(path = "account.html")]
struct AccountPage {
    user: Option<String>,
    role: String,
    csrf: String,
    name: String,
    must_change: bool,
    changed: bool,
    general: Option<String>,
    old_error: Option<String>,
    new_error: Option<String>,
    again_error: Option<String>,
}

impl AccountPage {
    fn of(session: &Session) -> AccountPage {
        AccountPage {
            user: Some(session.actor.name.clone()),
            role: session.actor.role.to_string(),
            csrf: session.csrf.clone(),
            name: session.actor.name.clone(),
            must_change: session.must_change_password,
            ..AccountPage::default()
        }
    }
}

#[derive(serde::Deserialize, Default)]
struct AccountQuery {
    changed: Option<String>,
}

async fn account(
    AccountSession(session): AccountSession,
    Query(query): Query<AccountQuery>,
) -> Response {
    let mut page = AccountPage::of(&session);
    page.changed = query.changed.is_some() && !session.must_change_password;
    render(&page)
}

#[derive(serde::Deserialize)]
struct PasswordForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    old: String,
    #[serde(default)]
    new: String,
    #[serde(default)]
    again: String,
}

async fn change_password(
    State(state): State<Shared>,
    AccountSession(session): AccountSession,
    Form(form): Form<PasswordForm>,
) -> Response {
    if !csrf_ok(&session, &form.csrf) {
        return foreign_form();
    }
    let mut page = AccountPage::of(&session);
    // Guessing the current password from a stolen session counts as login
    // attempts, under the session's name (the source is the session itself).
    let source = format!("session:{}", session.id_sha256);
    match state.limiter.attempt(&source, &session.actor.name) {
        crate::auth::Gate::Refused => {
            page.general = Some("too many wrong passwords: wait 15 minutes".into());
            return (StatusCode::TOO_MANY_REQUESTS, render(&page)).into_response();
        }
        crate::auth::Gate::Go(delay) if !delay.is_zero() => tokio::time::sleep(delay).await,
        crate::auth::Gate::Go(_) => {}
    }
    if form.old.is_empty() {
        page.old_error = Some("enter your current password".into());
    }
    if form.new != form.again {
        page.again_error = Some("the two new passwords differ".into());
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
            page.old_error = Some("the current password is wrong".into());
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
    user: Option<String>,
    role: String,
    csrf: String,
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
    let notice = query
        .revoked
        .filter(|id| is_token_id(id))
        .map(|id| format!("Token {id} was revoked: it is refused from now on."));
    render(&TokensPage {
        user: Some(session.actor.name.clone()),
        role: session.actor.role.to_string(),
        csrf: session.csrf.clone(),
        notice,
        tokens: list,
    })
}

fn is_token_id(id: &str) -> bool {
    id.len() == 12 && id.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

#[derive(serde::Deserialize)]
struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

async fn revoke(
    State(state): State<Shared>,
    AccountSession(session): AccountSession,
    Path(id): Path<String>,
    Form(form): Form<CsrfForm>,
) -> Response {
    if let Some(refused) = unless_admin(&session) {
        return refused;
    }
    if !csrf_ok(&session, &form.csrf) {
        return foreign_form();
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
