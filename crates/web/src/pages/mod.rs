//! Server-rendered HTML pages (askama), one module per resource. No scripts at all;
//! the Content-Security-Policy allows only this server's stylesheet and inline SVG.
//! Every form carries a CSRF token, checked by [`crate::auth::csrf::CsrfForm`]: the
//! login form's a double-submit cookie, the others the session's token.
//!
//! Here: the routes of every page, the chrome every page shares ([`Chrome`]: who
//! is logged in, the logout form), rendering, error pages and [`PageSession`].

mod account;
mod dashboard;
mod evidence;
pub(crate) mod lang;
mod records;
mod report;
mod search;
mod sites;

use askama::Template;
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;

use zonewatch_i18n::{Locale, Tr};

use crate::auth::{self, csrf, Session};
use crate::{ApiError, Shared};

pub(crate) use account::ACCOUNT;

/// No scripts, no network but this server, no framing.
pub const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const STYLE: &str = include_str!("../../static/style.css");

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/static/style.css", get(style))
        .route("/favicon.ico", get(favicon))
        .merge(account::routes())
        .merge(dashboard::routes())
        .merge(report::routes())
        .merge(sites::routes())
        .merge(records::routes())
        .merge(search::routes())
        .merge(evidence::routes())
}

/// The pages' styles and, after them, the report's chart styles (the map is the
/// report's): built once.
async fn style() -> Response {
    static SHEET: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let sheet = SHEET.get_or_init(|| format!("{STYLE}\n{}", zonewatch_app::maps::chart_css()));
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/css; charset=utf-8"),
        )],
        sheet.as_str(),
    )
        .into_response()
}

/// Browsers ask for `/favicon.ico` on every first page and log a console error
/// when it is missing: there is no icon, and saying so is not an error.
async fn favicon() -> StatusCode {
    StatusCode::NO_CONTENT
}

/// What `base.html` shows around every page: who is logged in (nobody on the login
/// and error pages), their role, the CSRF token of the logout form, and the
/// interface language ([`lang`]) every word of the page is in.
#[derive(Clone, Debug)]
pub(crate) struct Chrome {
    pub user: Option<String>,
    pub role: String,
    pub csrf: String,
    pub tr: Tr,
}

impl Default for Chrome {
    fn default() -> Chrome {
        Chrome {
            user: None,
            role: String::new(),
            csrf: String::new(),
            tr: Tr::new(lang::current()),
        }
    }
}

impl Chrome {
    pub fn of(session: &Session) -> Chrome {
        Chrome {
            user: Some(session.actor.name.clone()),
            role: session.actor.role.to_string(),
            csrf: session.csrf.clone(),
            ..Chrome::default()
        }
    }

    /// The message `key` in the page's language.
    pub fn t(&self, key: &str) -> String {
        self.tr.t(key)
    }

    /// The message `key` with its one variable, `count`.
    pub fn tn<'a>(&self, key: &str, count: impl Into<zonewatch_i18n::Arg<'a>>) -> String {
        self.tr.f(key, &[("count", count.into())])
    }

    /// A record kind's name.
    pub fn kind_label(&self, kind: &zonewatch_model::Kind) -> String {
        self.t(&format!("kind-{}", kind.as_str()))
    }

    /// A vocabulary value's label (the value itself when it has none).
    pub fn value_label(&self, value: &str) -> String {
        value_label(self.tr, value)
    }

    /// The page's language tag, for `<html lang>`.
    pub fn lang(&self) -> &'static str {
        self.tr.locale().tag()
    }

    /// The role's name in the page's language.
    pub fn role_label(&self) -> String {
        match self.role.as_str() {
            "admin" => self.t("role-admin"),
            "investigator" => self.t("role-investigator"),
            "analyst" => self.t("role-analyst"),
            "viewer" => self.t("role-viewer"),
            other => other.to_owned(),
        }
    }

    /// Every language, with whether it is the page's: (tag, autonym, current).
    pub fn languages(&self) -> Vec<(&'static str, &'static str, bool)> {
        Locale::ALL
            .iter()
            .map(|l| (l.tag(), l.autonym(), *l == self.tr.locale()))
            .collect()
    }
}

/// A vocabulary value's label in `tr`'s language (the value itself when it has none).
pub(crate) fn value_label(tr: Tr, value: &str) -> String {
    let key = zonewatch_model::fields::value_label_key(value);
    if tr.has(&key) {
        tr.t(&key)
    } else {
        value.to_owned()
    }
}

/// An error page (never a stack trace, never a record's content).
pub(crate) fn page_error(e: ApiError) -> Response {
    let status = e.status;
    let message = e
        .body
        .get("error")
        .and_then(|m| m.as_str())
        .unwrap_or("error")
        .to_owned();
    let page = ErrorPage {
        chrome: Chrome::default(),
        message,
    };
    let mut response = (status, render(&page)).into_response();
    if status == StatusCode::SERVICE_UNAVAILABLE {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("2"));
    }
    response
}

/// The answer to a form that did not carry its session's CSRF token.
pub(crate) fn foreign_form() -> Response {
    page_error(ApiError::new(StatusCode::FORBIDDEN, csrf::FOREIGN_FORM))
}

pub(crate) fn render<T: Template>(t: &T) -> Response {
    match t.render() {
        Ok(html) => Html(html).into_response(),
        Err(e) => {
            eprintln!("zonewatch serve: template error: {e}");
            (StatusCode::INTERNAL_SERVER_ERROR, "internal server error").into_response()
        }
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    chrome: Chrome,
    message: String,
}

/// A browser page's session, or a redirect to the login page. A user who must
/// still change their password is sent to the account page instead of any other.
pub(crate) struct PageSession(pub(crate) Session);

impl axum::extract::FromRequestParts<Shared> for PageSession {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &Shared) -> Result<Self, Response> {
        match auth::session_of(state, parts).await {
            Ok(Some(session)) if session.must_change_password => {
                Err(Redirect::to(ACCOUNT).into_response())
            }
            Ok(Some(session)) => Ok(PageSession(session)),
            Ok(None) => Err(Redirect::to("/login").into_response()),
            Err(e) => Err(page_error(e)),
        }
    }
}

impl csrf::Guard for PageSession {
    fn expected(&self) -> &str {
        &self.0.csrf
    }

    fn refuse(self, _: &Shared) -> Response {
        foreign_form()
    }
}
