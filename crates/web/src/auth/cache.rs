//! A short-lived, in-memory cache of whom a bearer token or a session id belongs
//! to, so that a burst of requests with the same credentials does not look each one
//! up in the database (a trip to the blocking pool and a query per request).
//!
//! Entries are keyed by the SHA-256 of the credential (never the credential) and
//! live at most [`TTL`]. Whatever this server changes is seen at once: every write
//! request (any method but GET and HEAD: logins, logouts, revocations, password
//! changes) clears the cache before and after it runs, and a lookup that started
//! before a clear is not stored. What another process changes (a token revoked or a
//! role changed with the CLI, a session ended on another server) takes effect within
//! [`TTL`].

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use axum::extract::Request;
use axum::http::Method;
use axum::middleware::Next;
use axum::response::Response;
use zonewatch_app::Actor;

use crate::auth::Session;
use crate::Shared;

/// How long a looked-up token or session is trusted without asking the database.
pub const TTL: Duration = Duration::from_secs(1);
/// More entries than this (a flood of distinct credentials) empties the cache.
const MAX_ENTRIES: usize = 10_000;

#[derive(Clone)]
enum Entry {
    Token(Actor),
    Session(Session),
}

#[derive(Default)]
pub struct AuthCache {
    entries: Mutex<HashMap<String, (Instant, Entry)>>,
    /// Bumped by every clear; a lookup stores its result only if none happened
    /// while it ran.
    generation: AtomicU64,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl AuthCache {
    /// The generation to pass to [`AuthCache::put_token`] or
    /// [`AuthCache::put_session`] after a lookup; read it before looking up.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    fn get(&self, key: &str) -> Option<Entry> {
        let entries = lock(&self.entries);
        let (at, entry) = entries.get(key)?;
        (at.elapsed() < TTL).then(|| entry.clone())
    }

    fn put(&self, generation: u64, key: String, entry: Entry) {
        let mut entries = lock(&self.entries);
        // Checked under the lock that `clear` takes too: no stale insert after it.
        if self.generation.load(Ordering::Acquire) != generation {
            return;
        }
        if entries.len() >= MAX_ENTRIES {
            entries.clear();
        }
        entries.insert(key, (Instant::now(), entry));
    }

    pub fn token(&self, token_sha256: &str) -> Option<Actor> {
        match self.get(&format!("t:{token_sha256}"))? {
            Entry::Token(actor) => Some(actor),
            Entry::Session(_) => None,
        }
    }

    pub fn put_token(&self, generation: u64, token_sha256: &str, actor: Actor) {
        self.put(generation, format!("t:{token_sha256}"), Entry::Token(actor));
    }

    pub fn session(&self, id_sha256: &str) -> Option<Session> {
        match self.get(&format!("s:{id_sha256}"))? {
            Entry::Session(session) => Some(session),
            Entry::Token(_) => None,
        }
    }

    pub fn put_session(&self, generation: u64, id_sha256: &str, session: Session) {
        self.put(
            generation,
            format!("s:{id_sha256}"),
            Entry::Session(session),
        );
    }

    pub fn clear(&self) {
        let mut entries = lock(&self.entries);
        self.generation.fetch_add(1, Ordering::AcqRel);
        entries.clear();
    }
}

/// Clears the cache around every write request (see the module's documentation).
pub async fn clear_on_writes(
    axum::extract::State(state): axum::extract::State<Shared>,
    request: Request,
    next: Next,
) -> Response {
    if matches!(*request.method(), Method::GET | Method::HEAD) {
        return next.run(request).await;
    }
    state.auth_cache.clear();
    let response = next.run(request).await;
    state.auth_cache.clear();
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use zonewatch_app::Role;

    fn actor() -> Actor {
        Actor {
            name: "ana".into(),
            role: Role::Analyst,
        }
    }

    #[test]
    fn a_clear_drops_entries_and_refuses_lookups_that_started_before_it() {
        let cache = AuthCache::default();
        let generation = cache.generation();
        cache.put_token(generation, "abc", actor());
        assert_eq!(cache.token("abc").map(|a| a.name), Some("ana".into()));
        assert!(cache.session("abc").is_none(), "kinds are apart");
        let before = cache.generation();
        cache.clear();
        assert!(cache.token("abc").is_none());
        // A lookup that began before the clear may have read what it changed.
        cache.put_token(before, "abc", actor());
        assert!(cache.token("abc").is_none());
        cache.put_token(cache.generation(), "abc", actor());
        assert!(cache.token("abc").is_some());
    }

    #[test]
    fn a_flood_of_credentials_stays_bounded() {
        let cache = AuthCache::default();
        for i in 0..(MAX_ENTRIES + 10) {
            cache.put_token(cache.generation(), &format!("{i}"), actor());
        }
        assert!(lock(&cache.entries).len() <= MAX_ENTRIES);
    }
}
