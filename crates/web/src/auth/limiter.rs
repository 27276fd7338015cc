//! Password attempts: limited per user and address, per address, and slowed per
//! user, counted before the password is checked (logins, and password changes from
//! the account page).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::lock;

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
