//! Who is asking: an API bearer token (only its SHA-256 is stored) or the browser's
//! session cookie (a random id; the database keeps only its SHA-256, so sessions
//! survive a restart; HttpOnly, SameSite=Strict, and Secure when the server is behind
//! TLS). Password attempts are limited per user and address, per address, and
//! slowed per user ([`LoginLimiter`]).

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, Method, StatusCode};
use zonewatch_app::Actor;

use crate::{ApiError, Shared};

pub use zonewatch_app::accounts::WebSession as Session;

pub const SESSION_COOKIE: &str = "zw_session";
/// The double-submit cookie of the login form (there is no session yet).
pub const LOGIN_CSRF_COOKIE: &str = "zw_login_csrf";
/// The header a browser script would send with a session-authenticated API write.
pub const CSRF_HEADER: &str = "x-csrf-token";
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

/// Password attempts, counted before the password is checked (so a burst of
/// parallel guesses is cut off at the limit, whatever the timing), in windows of
/// [`LoginLimiter::WINDOW`]:
///
/// - per user name *and* source address: [`LoginLimiter::PER_PAIR`] wrong tries,
///   then that address is refused for that user until the window ends;
/// - per source address, whatever the user: [`LoginLimiter::PER_SOURCE`];
/// - per user name from every address: no refusal (a stranger who knows a name must
///   not be able to lock its owner out), but each try beyond
///   [`LoginLimiter::PER_PAIR`] waits longer first, doubling up to
///   [`LoginLimiter::MAX_DELAY`], which slows a distributed guesser to a crawl.
///
/// A successful login clears its pair and the user's count, and gives its source
/// back the try it used.
pub struct LoginLimiter {
    attempts: Mutex<HashMap<String, (u32, Instant)>>,
}

/// What the limiter says about one attempt.
#[derive(Debug, PartialEq, Eq)]
pub enum Gate {
    /// Check the password, after waiting this long.
    Go(Duration),
    /// Refused without checking.
    Refused,
}

impl Default for LoginLimiter {
    fn default() -> Self {
        LoginLimiter {
            attempts: Mutex::new(HashMap::new()),
        }
    }
}

impl LoginLimiter {
    pub const PER_PAIR: u32 = 5;
    pub const PER_SOURCE: u32 = 30;
    pub const WINDOW: Duration = Duration::from_secs(15 * 60);
    pub const MAX_DELAY: Duration = Duration::from_secs(8);
    /// Entries kept at most; beyond, expired ones are swept, then new user names
    /// are not tracked (the per-source limit still holds).
    const MAX_ENTRIES: usize = 100_000;

    fn keys(source: &str, user: &str) -> [String; 3] {
        [
            format!("pair:{user}\0{source}"),
            format!("source:{source}"),
            format!("user:{user}"),
        ]
    }

    /// Counts one password attempt by `user` from `source`, before it is checked.
    pub fn attempt(&self, source: &str, user: &str) -> Gate {
        let [pair, by_source, by_user] = Self::keys(source, user);
        let mut map = lock(&self.attempts);
        let now = Instant::now();
        if map.len() > Self::MAX_ENTRIES {
            map.retain(|_, (_, start)| now.saturating_duration_since(*start) < Self::WINDOW);
        }
        let count = |map: &HashMap<String, (u32, Instant)>, key: &str| {
            map.get(key)
                .filter(|(_, start)| now.saturating_duration_since(*start) < Self::WINDOW)
                .map_or(0, |(n, _)| *n)
        };
        if count(&map, &pair) >= Self::PER_PAIR || count(&map, &by_source) >= Self::PER_SOURCE {
            return Gate::Refused;
        }
        let full = map.len() > Self::MAX_ENTRIES;
        let mut user_count = 0;
        for key in [&pair, &by_source, &by_user] {
            if full && !map.contains_key(key.as_str()) && !key.starts_with("source:") {
                continue;
            }
            let entry = map.entry(key.clone()).or_insert((0, now));
            if now.saturating_duration_since(entry.1) >= Self::WINDOW {
                *entry = (0, now);
            }
            entry.0 = entry.0.saturating_add(1);
            if key == &by_user {
                user_count = entry.0;
            }
        }
        let beyond = user_count.saturating_sub(Self::PER_PAIR);
        if beyond == 0 {
            return Gate::Go(Duration::ZERO);
        }
        let delay = Duration::from_millis(250)
            .saturating_mul(1u32 << beyond.min(16))
            .min(Self::MAX_DELAY);
        Gate::Go(delay)
    }

    /// The password was right: the pair and the user start again, and the source
    /// gets its try back.
    pub fn succeeded(&self, source: &str, user: &str) {
        let [pair, by_source, by_user] = Self::keys(source, user);
        let mut map = lock(&self.attempts);
        map.remove(&pair);
        map.remove(&by_user);
        if let Some(entry) = map.get_mut(&by_source) {
            entry.0 = entry.0.saturating_sub(1);
        }
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

/// The live session a session id names, if any.
pub async fn session_by_id(state: &Shared, id: &str) -> Result<Option<Session>, ApiError> {
    if id.is_empty() || id.len() > 128 {
        return Ok(None);
    }
    // Cached for a second (authcache.rs): a page view need not ask the database.
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
    match cookie(parts, SESSION_COOKIE) {
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
            // Cached for a second (authcache.rs), except when its use is to be noted.
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
                    .get(CSRF_HEADER)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("");
                if !session.csrf_matches(sent) {
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
