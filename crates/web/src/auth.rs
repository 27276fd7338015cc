//! Who is asking: an API bearer token (only its SHA-256 is stored) or the browser's
//! session cookie (a random id kept in memory; HttpOnly, SameSite=Strict). Login
//! failures are rate-limited per client address and per user name.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, Method, StatusCode};
use zonewatch_app::{Actor, Role};

use crate::{ApiError, Shared};

pub const SESSION_COOKIE: &str = "zw_session";
/// The double-submit cookie of the login form (there is no session yet).
pub const LOGIN_CSRF_COOKIE: &str = "zw_login_csrf";
/// The header a browser script would send with a session-authenticated API write.
pub const CSRF_HEADER: &str = "x-csrf-token";
const SESSION_LIFETIME: Duration = Duration::from_secs(12 * 3600);

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// A random 256-bit value, hex, for session ids and CSRF tokens.
pub fn random_token() -> Result<String, ApiError> {
    zonewatch_crypto::new_api_token()
        .map(|(token, _)| token.chars().filter(char::is_ascii_hexdigit).collect())
        .map_err(ApiError::internal)
}

#[derive(Clone, Debug)]
pub struct Session {
    pub actor: Actor,
    pub csrf: String,
    expires: Instant,
}

#[derive(Default)]
pub struct Sessions {
    map: Mutex<HashMap<String, Session>>,
}

impl Sessions {
    /// Starts a session; returns its id.
    pub fn start(&self, actor: Actor) -> Result<(String, Session), ApiError> {
        let id = random_token()?;
        let session = Session {
            actor,
            csrf: random_token()?,
            expires: Instant::now() + SESSION_LIFETIME,
        };
        let mut map = lock(&self.map);
        let now = Instant::now();
        map.retain(|_, s| s.expires > now);
        map.insert(id.clone(), session.clone());
        Ok((id, session))
    }

    pub fn get(&self, id: &str) -> Option<Session> {
        let map = lock(&self.map);
        map.get(id).filter(|s| s.expires > Instant::now()).cloned()
    }

    pub fn end(&self, id: &str) {
        lock(&self.map).remove(id);
    }
}

/// Failed logins per key (`ip:…`, `user:…`) in a sliding window.
pub struct LoginLimiter {
    failures: Mutex<HashMap<String, (u32, Instant)>>,
    max_failures: u32,
    window: Duration,
}

impl Default for LoginLimiter {
    fn default() -> Self {
        LoginLimiter {
            failures: Mutex::new(HashMap::new()),
            max_failures: 5,
            window: Duration::from_secs(15 * 60),
        }
    }
}

impl LoginLimiter {
    /// True when any key has used up its failures.
    pub fn blocked(&self, keys: &[String]) -> bool {
        let map = lock(&self.failures);
        let now = Instant::now();
        keys.iter().any(|k| {
            map.get(k).is_some_and(|(n, start)| {
                *n >= self.max_failures && now.saturating_duration_since(*start) < self.window
            })
        })
    }

    pub fn failed(&self, keys: &[String]) {
        let mut map = lock(&self.failures);
        let now = Instant::now();
        if map.len() > 100_000 {
            map.retain(|_, (_, start)| now.saturating_duration_since(*start) < self.window);
        }
        let full = map.len() > 100_000;
        for key in keys {
            if full && !map.contains_key(key) && key.starts_with("user:") {
                // Flooded with made-up names: the per-address limit still holds.
                continue;
            }
            let entry = map.entry(key.clone()).or_insert((0, now));
            if now.saturating_duration_since(entry.1) >= self.window {
                *entry = (0, now);
            }
            entry.0 = entry.0.saturating_add(1);
        }
    }

    pub fn succeeded(&self, user_key: &str) {
        lock(&self.failures).remove(user_key);
    }
}

/// The value of one cookie in the request.
pub fn cookie<'a>(parts: &'a Parts, name: &str) -> Option<&'a str> {
    parts
        .headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// The session of a browser request, if it has a live one.
pub fn session_of(state: &Shared, parts: &Parts) -> Option<(String, Session)> {
    let id = cookie(parts, SESSION_COOKIE)?;
    state.sessions.get(id).map(|s| (id.to_owned(), s))
}

/// An authenticated API caller. Rejects with 401 without credentials; a session
/// cookie writing through the API must also send its CSRF token in `X-CSRF-Token`.
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
            let sha = zonewatch_crypto::token_sha256_hex(token);
            let user = crate::with_app(state, Actor::local_admin(), move |app| {
                app.store().token_user(&sha).map_err(ApiError::internal)
            })
            .await?;
            return match user {
                Some(user) => Ok(Authed(Actor {
                    role: Role::parse(&user.role).unwrap_or(Role::Viewer),
                    name: user.name,
                })),
                None => Err(unauthorized()),
            };
        }
        if let Some((_, session)) = session_of(state, parts) {
            if !matches!(parts.method, Method::GET | Method::HEAD) {
                let sent = parts
                    .headers
                    .get(CSRF_HEADER)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("");
                if !zonewatch_crypto::ct_eq(sent.as_bytes(), session.csrf.as_bytes()) {
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
