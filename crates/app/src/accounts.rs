//! Logins, passwords, browser sessions and API tokens.
//!
//! - A password an admin chose (the first admin `serve` makes, `user add`, `user
//!   passwd`) must be changed by its user before anything else: the user row says so
//!   until they do.
//! - A login for a user that does not exist costs what a wrong password costs: the
//!   password is checked against a dummy hash with the parameters the stored hashes
//!   use, and the answer is the same `None`.
//! - Browser sessions live in the database as the SHA-256 of their id, so that a
//!   server restart keeps them and a copy of the database hands out no logins.
//!   Changing one's password ends one's other sessions; an admin's reset ends them all.
//! - API tokens are kept as their SHA-256; a token's id is the first 12 hex digits
//!   of it (no secret: the token has 256 random bits). Revoking one deletes it, so the
//!   next request with it is refused.
//!
//! Passwords never reach the audit log or an error message.

use std::collections::BTreeMap;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use zonewatch_crypto::{rfc3339_utc_now, KdfParams};
use zonewatch_store::{SessionRow, Store, TokenRow};

use crate::{Action, Actor, App, AppError, Database, Result, Role};

/// The fewest characters a password may have.
pub const MIN_PASSWORD_CHARS: usize = 10;
/// The most: Argon2 takes any length, but a megabyte-long "password" is an attack.
pub const MAX_PASSWORD_CHARS: usize = 1024;
/// Hex digits of a token's SHA-256 that make its id.
const TOKEN_ID_LEN: usize = 12;

/// A password that may be set, or why not.
pub fn check_password(password: &str) -> Result<()> {
    let n = password.chars().count();
    if n < MIN_PASSWORD_CHARS {
        return Err(AppError::Invalid(format!(
            "a password needs at least {MIN_PASSWORD_CHARS} characters"
        )));
    }
    if n > MAX_PASSWORD_CHARS {
        return Err(AppError::Invalid(format!(
            "a password has at most {MAX_PASSWORD_CHARS} characters"
        )));
    }
    Ok(())
}

/// A user who gave the right password.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Login {
    pub actor: Actor,
    /// An admin chose the password: the user must choose their own first.
    pub must_change_password: bool,
}

/// A browser session just started: the id goes into the cookie and nowhere else.
#[derive(Clone, Debug)]
pub struct NewSession {
    pub id: String,
    pub csrf: String,
    pub login: Login,
}

/// A name `add_user` accepts: 1 to 64 of `A-Z a-z 0-9 . _ - @`.
pub fn is_user_name(name: &str) -> bool {
    (1..=64).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._-@".contains(&b))
}

/// A live browser session, looked up by its id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WebSession {
    pub actor: Actor,
    pub csrf: String,
    pub must_change_password: bool,
    /// The SHA-256 of the session id (to keep this session when ending the others).
    pub id_sha256: String,
}

/// An API token as listed: never the token itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenInfo {
    /// The first 12 hex digits of the token's SHA-256.
    pub id: String,
    pub name: String,
    pub user: String,
    pub created_at: String,
    pub last_used_at: Option<String>,
}

impl TokenInfo {
    fn of(row: &TokenRow) -> TokenInfo {
        TokenInfo {
            id: token_id(&row.token_sha256),
            name: row.name.clone(),
            user: row.user_name.clone(),
            created_at: row.created_at.clone(),
            last_used_at: row.last_used_at.clone(),
        }
    }
}

fn token_id(sha256: &str) -> String {
    sha256.chars().take(TOKEN_ID_LEN).collect()
}

fn unix_now() -> i64 {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs();
    i64::try_from(secs).unwrap_or(i64::MAX)
}

/// 256 random bits as 64 hex digits.
fn random_hex() -> Result<String> {
    let (token, _) =
        zonewatch_crypto::new_api_token().map_err(|e| AppError::Crypto(e.to_string()))?;
    Ok(token.trim_start_matches("zwt_").to_owned())
}

fn crypto(e: impl std::fmt::Display) -> AppError {
    AppError::Crypto(e.to_string())
}

fn role_of(name: &str, role: &str) -> Result<Role> {
    Role::parse(role)
        .ok_or_else(|| AppError::Invalid(format!("user `{name}` has an unknown role `{role}`")))
}

/// Argon2id parameters for new password hashes, calibrated once per process
/// (calibrating takes about three hashes' time).
pub fn password_params() -> Result<KdfParams> {
    static PARAMS: Mutex<Option<KdfParams>> = Mutex::new(None);
    let mut params = PARAMS.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(p) = *params {
        return Ok(p);
    }
    let p = zonewatch_crypto::password_params().map_err(crypto)?;
    *params = Some(p);
    Ok(p)
}

/// The dummy hash of the last parameters asked for (one per process: computing it
/// costs a login).
static DUMMY: Mutex<Option<(KdfParams, String)>> = Mutex::new(None);

impl App {
    fn hash_new_password(&mut self, password: &str) -> Result<String> {
        check_password(password)?;
        zonewatch_crypto::hash_password(password, &password_params()?).map_err(crypto)
    }

    /// The actor changes their own password. Their other browser sessions end
    /// (`keep`: the SHA-256 of the session to keep, the one asking). Audited without
    /// the password.
    pub fn change_password(&mut self, old: &str, new: &str, keep: Option<&str>) -> Result<()> {
        let name = self.actor.name.clone();
        let user = self
            .store
            .user(&name)?
            .ok_or_else(|| AppError::Invalid(format!("no user named `{name}`")))?;
        if !zonewatch_crypto::verify_password(old, &user.password_hash).unwrap_or(false) {
            return Err(AppError::WrongPassword);
        }
        if old == new {
            return Err(AppError::Invalid(
                "the new password must differ from the current one".into(),
            ));
        }
        let hash = self.hash_new_password(new)?;
        self.store.set_password(&name, &hash, false)?;
        let ended = self.store.delete_sessions_of(&name, keep)?;
        let mut details = BTreeMap::new();
        details.insert("user".into(), name);
        details.insert("sessions_ended".into(), ended.to_string());
        self.audit("user-password", Vec::new(), details)
    }

    /// An admin sets another user's password (or their own): the user must change it
    /// at their next login, and every session of theirs ends. Audited without the
    /// password.
    pub fn reset_password(&mut self, name: &str, new: &str) -> Result<()> {
        self.require(Action::Administer)?;
        let hash = self.hash_new_password(new)?;
        if !self.store.set_password(name, &hash, true)? {
            return Err(AppError::Invalid(format!("no user named `{name}`")));
        }
        let ended = self.store.delete_sessions_of(name, None)?;
        let mut details = BTreeMap::new();
        details.insert("user".into(), name.to_owned());
        details.insert("sessions_ended".into(), ended.to_string());
        self.audit("user-password-reset", Vec::new(), details)
    }

    /// Creates an API token for `user`; returns it (shown once). Only its SHA-256 is
    /// stored.
    pub fn create_token(&mut self, user: &str) -> Result<String> {
        self.create_named_token(user, "").map(|(token, _)| token)
    }

    /// Creates an API token for `user` named `name` (what it is for; may be empty);
    /// returns it (shown once) and its id.
    pub fn create_named_token(&mut self, user: &str, name: &str) -> Result<(String, String)> {
        if user != self.actor.name {
            self.require(Action::Administer)?;
        }
        if name.chars().count() > 64 || name.chars().any(char::is_control) {
            return Err(AppError::Invalid(
                "a token name has at most 64 characters and no control characters".into(),
            ));
        }
        if self.store.user(user)?.is_none() {
            return Err(AppError::Invalid(format!("no user named `{user}`")));
        }
        let (token, sha256) = zonewatch_crypto::new_api_token().map_err(crypto)?;
        let id = token_id(&sha256);
        self.store.add_token(&TokenRow {
            token_sha256: sha256,
            user_name: user.to_owned(),
            name: name.to_owned(),
            created_at: rfc3339_utc_now(),
            last_used_at: None,
        })?;
        let mut details = BTreeMap::new();
        details.insert("user".into(), user.to_owned());
        details.insert("token".into(), id.clone());
        if !name.is_empty() {
            details.insert("name".into(), name.to_owned());
        }
        self.audit("token-create", Vec::new(), details)?;
        Ok((token, id))
    }

    /// Every token for an admin; the actor's own for anyone else.
    pub fn tokens(&mut self) -> Result<Vec<TokenInfo>> {
        let all = self.may(Action::Administer);
        let name = self.actor.name.clone();
        Ok(self
            .store
            .tokens()?
            .iter()
            .filter(|t| all || t.user_name == name)
            .map(TokenInfo::of)
            .collect())
    }

    /// Revokes the token with this id (or this name, when only one has it): at once,
    /// the next request with it is refused. An admin may revoke any token, anyone
    /// else their own. Audited.
    pub fn revoke_token(&mut self, id_or_name: &str) -> Result<TokenInfo> {
        let wanted = id_or_name.trim();
        let rows: Vec<TokenRow> = self
            .store
            .tokens()?
            .into_iter()
            .filter(|t| self.may(Action::Administer) || t.user_name == self.actor.name)
            .collect();
        let by_id: Vec<&TokenRow> = rows
            .iter()
            .filter(|t| !wanted.is_empty() && token_id(&t.token_sha256) == wanted)
            .collect();
        let found = if by_id.is_empty() {
            rows.iter()
                .filter(|t| !wanted.is_empty() && t.name == wanted)
                .collect()
        } else {
            by_id
        };
        let row = match found.as_slice() {
            [one] => (*one).clone(),
            [] => {
                return Err(AppError::Invalid(format!(
                    "no token has the id or name `{wanted}` (zonewatch token list shows them)"
                )))
            }
            many => {
                let ids: Vec<String> = many.iter().map(|t| token_id(&t.token_sha256)).collect();
                return Err(AppError::Invalid(format!(
                    "{} tokens are named `{wanted}` (ids {}): revoke one by its id",
                    many.len(),
                    ids.join(", ")
                )));
            }
        };
        self.store.delete_token(&row.token_sha256)?;
        let info = TokenInfo::of(&row);
        let mut details = BTreeMap::new();
        details.insert("user".into(), info.user.clone());
        details.insert("token".into(), info.id.clone());
        if !info.name.is_empty() {
            details.insert("name".into(), info.name.clone());
        }
        self.audit("token-revoke", Vec::new(), details)?;
        Ok(info)
    }
}

/// What answers "who is this?" before anyone is acting: a login, a session cookie,
/// a bearer token. It acts as nobody (no [`Actor`], no role): it can only check
/// credentials and start or end sessions.
pub struct Authenticator {
    store: Box<dyn Store>,
}

impl Authenticator {
    pub fn new(database: Database) -> Authenticator {
        Authenticator { store: database.0 }
    }

    /// Gives the database back (a server keeps its connection for the next request).
    pub fn into_database(self) -> Database {
        Database(self.store)
    }

    /// Checks a user's password. `None` when it is wrong or the user does not exist:
    /// both cost one Argon2id verification with the same parameters, and say the same.
    pub fn authenticate(&mut self, name: &str, password: &str) -> Result<Option<Login>> {
        // A name no user can have is not looked up (PostgreSQL refuses some text, such
        // as a NUL byte): it gets the unknown user's answer, after the same work.
        let user = if is_user_name(name) {
            self.store.user(name)?
        } else {
            None
        };
        let Some(user) = user else {
            let dummy = self.dummy_hash()?;
            let _ = zonewatch_crypto::verify_password(password, &dummy);
            return Ok(None);
        };
        let ok = zonewatch_crypto::verify_password(password, &user.password_hash).unwrap_or(false);
        if !ok {
            return Ok(None);
        }
        Ok(Some(Login {
            actor: Actor {
                role: role_of(&user.name, &user.role)?,
                name: user.name,
            },
            must_change_password: user.must_change_password,
        }))
    }

    /// Computes the dummy hash unknown user names are checked against, so that the
    /// first such login is not slower than the rest (a server calls it at start).
    pub fn prepare_logins(&mut self) -> Result<()> {
        self.dummy_hash().map(|_| ())
    }

    /// A hash of a password nobody has, with the parameters most stored hashes use.
    fn dummy_hash(&mut self) -> Result<String> {
        let mut counts: Vec<(KdfParams, usize)> = Vec::new();
        for user in self.store.users()? {
            if let Ok(params) = zonewatch_crypto::password_hash_params(&user.password_hash) {
                match counts.iter_mut().find(|(p, _)| *p == params) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((params, 1)),
                }
            }
        }
        // With no users nobody can log in, and timing tells nothing.
        let params = counts
            .iter()
            .max_by_key(|(_, n)| *n)
            .map_or(KdfParams::PASSWORD_DEFAULT, |(p, _)| *p);
        let mut cached = DUMMY.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((p, hash)) = cached.as_ref() {
            if *p == params {
                return Ok(hash.clone());
            }
        }
        let hash = zonewatch_crypto::hash_password("no user has this password", &params)
            .map_err(crypto)?;
        *cached = Some((params, hash.clone()));
        Ok(hash)
    }

    /// Checks the password and starts a browser session of `lifetime`.
    pub fn login(
        &mut self,
        name: &str,
        password: &str,
        lifetime: Duration,
    ) -> Result<Option<NewSession>> {
        let Some(login) = self.authenticate(name, password)? else {
            return Ok(None);
        };
        let id = random_hex()?;
        let csrf = random_hex()?;
        let now = unix_now();
        let lifetime = i64::try_from(lifetime.as_secs()).unwrap_or(i64::MAX);
        self.store.add_session(
            &SessionRow {
                id_sha256: zonewatch_crypto::sha256_hex(id.as_bytes()),
                user_name: login.actor.name.clone(),
                csrf: csrf.clone(),
                created_at: rfc3339_utc_now(),
                expires_at: now.saturating_add(lifetime),
            },
            now,
        )?;
        Ok(Some(NewSession { id, csrf, login }))
    }

    /// The live session with this id, with its user's role as it is now.
    pub fn session(&mut self, id: &str) -> Result<Option<WebSession>> {
        let sha = zonewatch_crypto::sha256_hex(id.as_bytes());
        let Some((row, user)) = self.store.session(&sha, unix_now())? else {
            return Ok(None);
        };
        Ok(Some(WebSession {
            actor: Actor {
                role: role_of(&user.name, &user.role)?,
                name: user.name,
            },
            csrf: row.csrf,
            must_change_password: user.must_change_password,
            id_sha256: row.id_sha256,
        }))
    }

    /// Ends the session with this id (logging out).
    pub fn end_session(&mut self, id: &str) -> Result<()> {
        let sha = zonewatch_crypto::sha256_hex(id.as_bytes());
        Ok(self.store.delete_session(&sha)?)
    }

    /// Who presents this bearer token, if it is a live one. With `touch`, records the
    /// time it was used (a server does so at most once a minute per token).
    pub fn token_actor(&mut self, token: &str, touch: bool) -> Result<Option<Actor>> {
        if !zonewatch_crypto::looks_like_api_token(token) {
            return Ok(None);
        }
        let sha = zonewatch_crypto::token_sha256_hex(token);
        let Some(user) = self.store.token_user(&sha)? else {
            return Ok(None);
        };
        if touch {
            self.store.touch_token(&sha, &rfc3339_utc_now())?;
        }
        Ok(Some(Actor {
            role: role_of(&user.name, &user.role)?,
            name: user.name,
        }))
    }
}

/// The key a session id is cached and stored under (its SHA-256, hex).
pub fn session_key(id: &str) -> String {
    zonewatch_crypto::sha256_hex(id.as_bytes())
}

/// The key a bearer token is cached and stored under (its SHA-256, hex), and
/// whether it has the shape of a zonewatch token at all.
pub fn token_key(token: &str) -> (String, bool) {
    (
        zonewatch_crypto::token_sha256_hex(token),
        zonewatch_crypto::looks_like_api_token(token),
    )
}

/// A random 256-bit value, hex (CSRF tokens).
pub fn random_token() -> Result<String> {
    random_hex()
}

/// Whether a token sent with a request is the one expected, in constant time; an
/// empty expected token matches nothing.
pub fn tokens_match(expected: &str, sent: &str) -> bool {
    !expected.is_empty() && zonewatch_crypto::ct_eq(expected.as_bytes(), sent.as_bytes())
}

impl WebSession {
    /// Whether `sent` is this session's CSRF token (constant time).
    pub fn csrf_matches(&self, sent: &str) -> bool {
        tokens_match(&self.csrf, sent)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn password_lengths() {
        assert!(check_password("123456789").is_err());
        assert!(check_password("1234567890").is_ok());
        assert!(check_password(&"x".repeat(MAX_PASSWORD_CHARS)).is_ok());
        assert!(check_password(&"x".repeat(MAX_PASSWORD_CHARS + 1)).is_err());
    }

    #[test]
    fn token_ids_are_a_prefix_of_the_hash() {
        let (_, sha) = zonewatch_crypto::new_api_token().expect("token");
        assert_eq!(token_id(&sha).len(), TOKEN_ID_LEN);
        assert!(sha.starts_with(&token_id(&sha)));
    }
}
