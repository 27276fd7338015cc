//! Who is asking: an API bearer token (only its SHA-256 is stored) or the browser's
//! session cookie (a random id; the database keeps only its SHA-256, so sessions
//! survive a restart; HttpOnly, SameSite=Strict, and Secure when the server is behind
//! TLS). Whom a credential names is cached for at most a second ([`cache`]); CSRF
//! tokens are checked in one place ([`csrf`]); password attempts are limited per
//! user and address, per address, and slowed per user ([`LoginLimiter`]).

pub mod cache;
pub mod csrf;
mod limiter;

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use zonewatch_app::Actor;

use crate::{ApiError, Shared};

pub use limiter::{Gate, LoginLimiter};
pub use zonewatch_app::accounts::WebSession as Session;

pub const SESSION_COOKIE: &str = "zw_session";
/// The double-submit cookie of the login form (there is no session yet).
pub const LOGIN_CSRF_COOKIE: &str = "zw_login_csrf";
pub const SESSION_LIFETIME: Duration = Duration::from_secs(12 * 3600);
/// A token's last use is written at most this often (a write per request would
/// cost more than the request).
const TOKEN_TOUCH_EVERY: Duration = Duration::from_secs(60);

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// A random 256-bit value, hex, for CSRF tokens.
pub fn random_token() -> Result<String, ApiError> {
    zonewatch_app::accounts::random_token().map_err(ApiError::internal)
}

/// A `Set-Cookie` value: HttpOnly and SameSite=Strict always, Secure when the
/// server is configured for TLS.
pub fn cookie_header(
    state: &Shared,
    name: &str,
    value: &str,
    path: &str,
    max_age: Option<u64>,
) -> Option<HeaderValue> {
    let mut c = format!("{name}={value}; Path={path}; HttpOnly; SameSite=Strict");
    if state.config.secure_cookies {
        c.push_str("; Secure");
    }
    if let Some(age) = max_age {
        c.push_str(&format!("; Max-Age={age}"));
    }
    HeaderValue::from_str(&c).ok()
}

/// When each token was last written as used.
#[derive(Default)]
pub struct TokenUse {
    touched: Mutex<HashMap<String, Instant>>,
}

impl TokenUse {
    /// True when this token's use should be written now.
    fn due(&self, sha256: &str) -> bool {
        let mut map = lock(&self.touched);
        let now = Instant::now();
        if map.len() > 10_000 {
            map.retain(|_, t| now.saturating_duration_since(*t) < TOKEN_TOUCH_EVERY);
        }
        match map.get(sha256) {
            Some(t) if now.saturating_duration_since(*t) < TOKEN_TOUCH_EVERY => false,
            _ => {
                map.insert(sha256.to_owned(), now);
                true
            }
        }
    }
}

/// The value of one cookie in the request's `Cookie` headers: the one cookie parser.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// The live session a session id names, if any.
pub async fn session_by_id(state: &Shared, id: &str) -> Result<Option<Session>, ApiError> {
    if id.is_empty() || id.len() > 128 {
        return Ok(None);
    }
    // Cached for a second (cache.rs): a page view need not ask the database.
    let sha = zonewatch_app::accounts::session_key(id);
    if let Some(session) = state.auth_cache.session(&sha) {
        return Ok(Some(session));
    }
    let generation = state.auth_cache.generation();
    let id = id.to_owned();
    let session = crate::with_authenticator(state, move |auth| Ok(auth.session(&id)?)).await?;
    if let Some(session) = &session {
        state
            .auth_cache
            .put_session(generation, &sha, session.clone());
    }
    Ok(session)
}

/// The session of a browser request, if it has a live one.
pub async fn session_of(state: &Shared, parts: &Parts) -> Result<Option<Session>, ApiError> {
    match cookie(&parts.headers, SESSION_COOKIE) {
        Some(id) => session_by_id(state, id).await,
        None => Ok(None),
    }
}

/// An authenticated API caller. Rejects with 401 without credentials; a session
/// cookie writing through the API must also send its CSRF token in `X-CSRF-Token`,
/// and a session whose user must still change their password is refused (403).
pub struct Authed(pub Actor);

impl FromRequestParts<Shared> for Authed {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &Shared) -> Result<Self, ApiError> {
        let bearer = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim);
        if let Some(token) = bearer {
            let token = token.to_owned();
            let (sha, well_formed) = zonewatch_app::accounts::token_key(&token);
            let touch = well_formed && state.token_use.due(&sha);
            // Cached for a second (cache.rs), except when its use is to be noted.
            if !touch {
                if let Some(actor) = state.auth_cache.token(&sha) {
                    return Ok(Authed(actor));
                }
            }
            let generation = state.auth_cache.generation();
            let actor =
                crate::with_authenticator(state, move |auth| Ok(auth.token_actor(&token, touch)?))
                    .await?;
            if let Some(actor) = &actor {
                state.auth_cache.put_token(generation, &sha, actor.clone());
            }
            return actor.map(Authed).ok_or_else(unauthorized);
        }
        if let Some(session) = session_of(state, parts).await? {
            if session.must_change_password {
                return Err(ApiError::new(
                    StatusCode::FORBIDDEN,
                    "this session's user must change their password first: open /account in the browser (API tokens are not affected)",
                ));
            }
            if !matches!(parts.method, Method::GET | Method::HEAD) {
                let sent = parts
                    .headers
                    .get(csrf::HEADER)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("");
                if !csrf::token_ok(&session.csrf, sent) {
                    return Err(ApiError::new(
                        StatusCode::FORBIDDEN,
                        "a write with a session cookie needs the session's CSRF token in X-CSRF-Token",
                    ));
                }
            }
            return Ok(Authed(session.actor));
        }
        Err(unauthorized())
    }
}

fn unauthorized() -> ApiError {
    ApiError::new(
        StatusCode::UNAUTHORIZED,
        "authentication required: an `Authorization: Bearer TOKEN` header (zonewatch token create NAME) or a session from /login",
    )
}
