//! zonewatch's use cases over any [`Store`]: who may do what ([`access`]), sealing
//! restricted fields on the way in and opening them on the way out ([`seal`]), the
//! key ring, users and tokens, and the audit chain. The CLI and the web server both
//! go through [`App`]; neither touches keys, roles or the audit log directly.

pub mod access;
pub mod accounts;
pub mod evidence;
pub mod maps;
pub mod outputs;
pub mod records;
pub mod screening;
pub mod seal;
pub mod search;
mod sheets;

use std::collections::BTreeMap;
use std::io::BufRead;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use sha2::{Digest, Sha256};
use zonewatch_crypto::{
    rfc3339_utc_now, sign_checkpoint, verify_chain_with, AuditEntry, Checkpoint, KeyRing,
    SealedKeyRing, WriteSession,
};
use zonewatch_model::Kind;
use zonewatch_store::import::{import_jsonl, ImportHooks};
use zonewatch_store::{
    AuditRow, CheckpointRow, SealRestricted, Store, StoreError, WriteTransaction,
};

pub use access::{Action, Actor, Role};
pub use accounts::Authenticator;
pub use outputs::{Ask, Assessments, ExportFormat, Report, Visibility};
use seal::{rewrap_stored, sealed_session_key, SessionOpener, SessionSealer};
pub use sheets::SheetImportError;
pub use zonewatch_crypto::{ChainHead, ChainReport};
pub use zonewatch_findings::DEFAULT_THRESHOLD;
pub use zonewatch_interop::{Mapping, MappingError};
pub use zonewatch_store::import::{Existing, ImportError, ImportOptions, ImportSummary, LineError};
pub use zonewatch_store::{DbUrl, User, DEFAULT_URL};

/// Test support: fresh PostgreSQL databases, and the store behind an [`App`] for
/// tests that look at what was written.
#[cfg(feature = "testing")]
pub mod testing {
    pub use zonewatch_crypto::{sha256_hex, token_sha256_hex, AuditEntry};
    pub use zonewatch_store::testing::{postgres_server, TempDatabase, POSTGRES_ENV};
    pub use zonewatch_store::Store;

    /// Opens the store a URL names, as the app would.
    pub fn open_store(url: &super::DbUrl) -> Box<dyn Store> {
        match zonewatch_store::open(url) {
            Ok(store) => store,
            Err(e) => panic!("cannot open {url}: {e}"),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{actor} (role {role}) may not {}", action.describe())]
    Denied {
        actor: String,
        role: Role,
        action: Action,
    },
    #[error("this database has no key ring yet: run `zonewatch init`")]
    NotInitialised,
    #[error("the passphrase is wrong; nothing was changed")]
    WrongPassphrase,
    #[error("the current password is wrong; nothing was changed")]
    WrongPassword,
    #[error("{0} needs the passphrase: set ZONEWATCH_PASSPHRASE, pass --passphrase-file, or run it on a terminal")]
    Locked(&'static str),
    #[error("{0}")]
    Invalid(String),
    #[error("no database at {}: run `zonewatch init` or `zonewatch demo`", .0.display())]
    NoDatabase(PathBuf),
    #[error("key ring: {0}")]
    Crypto(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Import(#[from] ImportError),
}

impl AppError {
    /// The database was too busy to answer in time ([`StoreError::is_busy`]): the
    /// caller may try again shortly.
    pub fn is_busy(&self) -> bool {
        match self {
            AppError::Store(e) | AppError::Import(ImportError::Store(e)) => e.is_busy(),
            _ => false,
        }
    }
}

pub type Result<T, E = AppError> = std::result::Result<T, E>;

/// One database, one actor, and the key ring once unlocked.
pub struct App {
    store: Box<dyn Store>,
    actor: Actor,
    /// Shared so that a server unlocks once and lends it to each request's App.
    keyring: Option<Arc<KeyRing>>,
    /// Write sessions unwrapped with `keyring`, shared with it.
    sessions: seal::SessionCache,
}

/// An open, migrated database, before anyone acts on it: what an [`App`] or an
/// [`Authenticator`] is made from (a server keeps these between requests).
pub struct Database(Box<dyn Store>);

impl Database {
    /// Opens the database a URL names, creating an empty SQLite file when there is
    /// none (for commands that write: `init`, `import`, `demo`, `serve`).
    pub fn create(url: &DbUrl) -> Result<Database> {
        Ok(Database(zonewatch_store::open(url)?))
    }

    /// Opens a database that exists: a SQLite file that is not there is
    /// [`AppError::NoDatabase`], and nothing is created (for commands that read).
    pub fn open(url: &DbUrl) -> Result<Database> {
        if let DbUrl::Sqlite(path) = url {
            if !path.exists() {
                return Err(AppError::NoDatabase(path.clone()));
            }
        }
        Database::create(url)
    }

    /// `sqlite` or `postgres`.
    pub fn backend(&self) -> &'static str {
        self.0.backend()
    }
}

/// A key ring unlocked by one [`App`] and lent to others on the same database (a
/// server unlocks once at start instead of paying Argon2id per request). Opaque:
/// only the app uses what it holds.
#[derive(Clone)]
pub struct UnlockedKeys(Arc<KeyRing>, seal::SessionCache);

impl std::fmt::Debug for UnlockedKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("UnlockedKeys(..)")
    }
}

/// What [`prepare_to_serve`] found or made.
pub struct Prepared {
    /// The generated key-ring passphrase when the database had no key ring: shown once.
    pub generated_passphrase: Option<String>,
    /// The one-time password of the `admin` user made because there were no users.
    pub admin_password: Option<String>,
    /// The unlocked key ring, when a passphrase was given (or just generated).
    pub keyring: Option<UnlockedKeys>,
}

/// Makes a database ready to serve: its key ring (under `passphrase`, or a
/// generated one, as `zonewatch init` does) and, when it has no users, an `admin`
/// with a random password, which must be changed at the first login. A wrong
/// passphrase stops here, before anything is served.
pub fn prepare_to_serve(url: &DbUrl, passphrase: Option<&str>) -> Result<Prepared> {
    let mut app = App::open(url, Actor::local_admin(), true)?;
    let initialised = app.init(passphrase)?;
    if let (false, Some(passphrase)) = (initialised.created, passphrase) {
        app.unlock(passphrase)?;
    }
    let keyring = app.shared_keyring();
    let mut admin_password = None;
    if app.users()?.is_empty() {
        let password =
            zonewatch_crypto::generate_passphrase().map_err(|e| AppError::Crypto(e.to_string()))?;
        app.add_user("admin", Role::Admin, &password)?;
        admin_password = Some(password);
    }
    app.close()?;
    Authenticator::new(Database::create(url)?).prepare_logins()?;
    Ok(Prepared {
        generated_passphrase: initialised.generated_passphrase,
        admin_password,
        keyring,
    })
}

/// What `zonewatch status` shows.
pub struct Status {
    pub backend: &'static str,
    /// Whether the connection to the database server is encrypted; `None` for a
    /// local file.
    pub encrypted: Option<bool>,
    pub initialised: bool,
    /// Records of each kind, in export order, zeros included.
    pub counts: Vec<(Kind, u64)>,
}

/// What `init` did.
pub struct Initialised {
    /// A passphrase zonewatch generated because none was given: shown once.
    pub generated_passphrase: Option<String>,
    /// False when the database already had a key ring.
    pub created: bool,
}

impl App {
    pub fn new(store: Box<dyn Store>, actor: Actor) -> App {
        App {
            store,
            actor,
            keyring: None,
            sessions: seal::SessionCache::default(),
        }
    }

    /// Acts as the named user (`--as NAME`).
    pub fn act_as(&mut self, name: &str) -> Result<()> {
        let user = self
            .store
            .user(name)?
            .ok_or_else(|| AppError::Invalid(format!("no user named `{name}`")))?;
        let role = Role::parse(&user.role).ok_or_else(|| {
            AppError::Invalid(format!("user `{name}` has an unknown role `{}`", user.role))
        })?;
        self.actor = Actor {
            name: user.name,
            role,
        };
        Ok(())
    }

    /// Acts as `actor` on an open database.
    pub fn on(database: Database, actor: Actor) -> App {
        App::new(database.0, actor)
    }

    /// Opens the database `url` names as `actor`; [`Database::open`] (a missing
    /// SQLite file is an error) or, with `create`, [`Database::create`].
    pub fn open(url: &DbUrl, actor: Actor, create: bool) -> Result<App> {
        let database = if create {
            Database::create(url)?
        } else {
            Database::open(url)?
        };
        Ok(App::on(database, actor))
    }

    pub fn actor(&self) -> &Actor {
        &self.actor
    }

    /// The store, for tests that look at what was written.
    #[cfg(feature = "testing")]
    pub fn store(&mut self) -> &mut dyn Store {
        self.store.as_mut()
    }

    /// Gives the database back (a server keeps its connection for the next request).
    pub fn into_database(self) -> Database {
        Database(self.store)
    }

    /// The backend, whether the key ring exists, and the records of each kind.
    pub fn status(&mut self) -> Result<Status> {
        self.require(Action::ReadPublic)?;
        Ok(Status {
            backend: self.store.backend(),
            encrypted: self.store.transport_encrypted()?,
            initialised: self.is_initialised()?,
            counts: self.store.count_by_kind()?,
        })
    }

    /// Fails with [`AppError::Denied`] unless the actor may do `action`.
    pub fn require(&self, action: Action) -> Result<()> {
        if self.actor.may(action) {
            Ok(())
        } else {
            Err(AppError::Denied {
                actor: self.actor.name.clone(),
                role: self.actor.role,
                action,
            })
        }
    }

    fn sealed_keyring(&mut self) -> Result<Option<SealedKeyRing>> {
        match self.store.keyring()? {
            Some(json) => SealedKeyRing::from_json(&json)
                .map(Some)
                .map_err(|e| AppError::Crypto(e.to_string())),
            None => Ok(None),
        }
    }

    pub fn is_initialised(&mut self) -> Result<bool> {
        Ok(self.store.keyring()?.is_some())
    }

    /// Creates the key ring under `passphrase`, or under a generated one (returned, to
    /// be shown once). Does nothing when the database already has one. The key ring is
    /// sealed as version 2 and records that no checkpoint was signed yet; [`App::close`]
    /// signs the first.
    pub fn init(&mut self, passphrase: Option<&str>) -> Result<Initialised> {
        self.require(Action::Administer)?;
        if self.is_initialised()? {
            return Ok(Initialised {
                generated_passphrase: None,
                created: false,
            });
        }
        let generated = match passphrase {
            Some(_) => None,
            None => Some(
                zonewatch_crypto::generate_passphrase()
                    .map_err(|e| AppError::Crypto(e.to_string()))?,
            ),
        };
        let passphrase = passphrase.or(generated.as_deref()).unwrap_or_default();
        let keyring = KeyRing::generate().map_err(|e| AppError::Crypto(e.to_string()))?;
        let params =
            zonewatch_crypto::keyring_params().map_err(|e| AppError::Crypto(e.to_string()))?;
        let sealed = keyring
            .seal_with_passphrase(passphrase, &params)
            .and_then(|s| s.to_json())
            .map_err(|e| AppError::Crypto(e.to_string()))?;
        self.store.set_keyring(&sealed)?;
        self.keyring = Some(Arc::new(keyring));
        self.audit("init", Vec::new(), BTreeMap::new())?;
        Ok(Initialised {
            generated_passphrase: generated,
            created: true,
        })
    }

    /// Unlocks the private keys. A wrong passphrase changes nothing.
    ///
    /// The key ring's public part is checked against what the passphrase opened: its
    /// public keys must be the ones its private keys make, and its record of the last
    /// checkpoint signed must carry a valid MAC. An alteration is reported as "the key
    /// ring's public part was altered", not as a wrong passphrase (docs/SECURITY.md, "Key
    /// file"). A key ring still in the version 1 format is stored again as version 2,
    /// recording the highest checkpoint that verifies with its (then authenticated) key.
    pub fn unlock(&mut self, passphrase: &str) -> Result<()> {
        let sealed = self.sealed_keyring()?.ok_or(AppError::NotInitialised)?;
        let (keyring, upgraded) = sealed.unlock_upgrading(passphrase).map_err(keyfile_error)?;
        if let Some(upgraded) = upgraded {
            let (checkpoints, _) = audit_trail(self.store.as_mut(), false)?;
            let signed = highest_signed_checkpoint(&keyring, &checkpoints);
            let json = upgraded
                .with_signed_head(&keyring, &signed)
                .and_then(|s| s.to_json())
                .map_err(crypto_error)?;
            self.store.set_keyring(&json)?;
        }
        self.keyring = Some(Arc::new(keyring));
        Ok(())
    }

    /// The unlocked key ring, to lend to other [`App`]s on the same database (the web
    /// server unlocks once at start instead of paying Argon2id per request).
    pub fn shared_keyring(&self) -> Option<UnlockedKeys> {
        self.keyring
            .clone()
            .map(|k| UnlockedKeys(k, self.sessions.clone()))
    }

    /// Uses a key ring another [`App`] on the same database unlocked (and the write
    /// sessions it has unwrapped).
    pub fn with_keyring(mut self, keyring: Option<UnlockedKeys>) -> App {
        match keyring {
            Some(UnlockedKeys(keyring, sessions)) => {
                self.keyring = Some(keyring);
                self.sessions = sessions;
            }
            None => self.keyring = None,
        }
        self
    }

    pub fn is_unlocked(&self) -> bool {
        self.keyring.is_some()
    }

    /// Signs a checkpoint over the current head of the audit chain when the private
    /// key is unlocked, so history up to here cannot be rewritten unseen, and records
    /// it in the key ring (its "audit mark", under a MAC only the unlocked key ring
    /// makes), so that deleting checkpoints afterwards is caught too. Called at the end
    /// of every command that unlocked it.
    ///
    /// It signs only a chain that verifies against the unlocked key ring, its
    /// checkpoints and that record: signing over a rewritten history, or moving the
    /// record onto it, would vouch for the rewrite. Such a chain is an error here, and
    /// nothing is signed.
    pub fn close(mut self) -> Result<()> {
        let Some(keyring) = self.keyring.clone() else {
            return Ok(());
        };
        let sealed = self.sealed_keyring()?.ok_or(AppError::NotInitialised)?;
        let signed = sealed.signed_head(&keyring).map_err(crypto_error)?;
        let (checkpoints, entries) = audit_trail(self.store.as_mut(), true)?;
        let report = zonewatch_crypto::verify_chain_authenticated(
            &keyring,
            &entries,
            &checkpoints,
            None,
            &signed,
        )
        .map_err(|e| {
            AppError::Invalid(format!(
                "no audit checkpoint was signed: {e}. Run `zonewatch audit verify` with the passphrase"
            ))
        })?;
        let head = report.head;
        if head.seq == 0 {
            return Ok(());
        }
        if report.last_checkpoint_seq != Some(head.seq) {
            let checkpoint =
                sign_checkpoint(&keyring, head.seq, &head.hash).map_err(crypto_error)?;
            self.store.add_checkpoint(&CheckpointRow {
                seq: checkpoint.seq,
                head_hash: checkpoint.head_hash,
                signature: checkpoint.signature,
            })?;
        }
        // The checkpoint is stored before the record names it, so the record never runs
        // ahead of the checkpoints. The key ring is read again just before it is written
        // and only its record changes, only forward: a passphrase change or a rotation
        // another process stored meanwhile is kept, and one whose public keys differ from
        // the unlocked key ring's is left alone. (A write between this read and the next
        // statement could still be lost: the store has no compare-and-set for the key
        // ring row.)
        let current = self.sealed_keyring()?.ok_or(AppError::NotInitialised)?;
        if current.public_keys() != keyring.public_keys() || current.version() < 2 {
            return Ok(());
        }
        if current.signed_head(&keyring).map_err(crypto_error)?.seq < head.seq {
            let json = current
                .with_signed_head(&keyring, &head)
                .and_then(|s| s.to_json())
                .map_err(crypto_error)?;
            self.store.set_keyring(&json)?;
        }
        Ok(())
    }

    /// Appends one audit entry in a write transaction of its own: the head is read
    /// inside it, so two appends never take the same sequence number.
    fn audit(
        &mut self,
        action: &str,
        records: Vec<String>,
        details: BTreeMap<String, String>,
    ) -> Result<()> {
        let mut tx = self.store.begin_write()?;
        let head = tx.audit_head()?;
        let entry = next_entry(head, &self.actor.name, action, records, details);
        tx.append_audit(&entry)?;
        tx.commit()?;
        Ok(())
    }

    /// Imports v1 JSON Lines: restricted fields sealed to the public key (no
    /// passphrase needed), one audit entry with the input's SHA-256 and the ids
    /// written, in the same transaction as the records.
    pub fn import(
        &mut self,
        input: &mut (dyn BufRead + Send),
        options: &ImportOptions,
        source: &str,
        progress: &mut dyn FnMut(u64),
    ) -> Result<ImportSummary> {
        self.require(Action::WriteRecords)?;
        if options.dry_run {
            // Nothing is written, so nothing needs sealing for keeps: a throwaway
            // session validates the same way, with or without a key ring.
            let session = WriteSession::new().map_err(|e| AppError::Crypto(e.to_string()))?;
            let mut hooks = SessionSealer::new(session);
            return Ok(import_jsonl(
                self.store.as_mut(),
                input,
                options,
                &mut hooks,
                progress,
            )?);
        }
        let sealed = self.sealed_keyring()?.ok_or(AppError::NotInitialised)?;
        let public = sealed.public_keys().encryption;
        let session = WriteSession::new().map_err(|e| AppError::Crypto(e.to_string()))?;
        let session_key = sealed_session_key(&session, &public).map_err(AppError::Crypto)?;
        let hasher = Arc::new(Mutex::new(Sha256::new()));
        let mut hashing = HashingReader {
            inner: input,
            hasher: Arc::clone(&hasher),
        };
        let mut hooks = AuditedImport {
            sealer: SessionSealer::new(session),
            deriver: self.deriver()?,
            session_key,
            actor: self.actor.name.clone(),
            source: source.to_owned(),
            hasher,
        };
        Ok(import_jsonl(
            self.store.as_mut(),
            &mut hashing,
            options,
            &mut hooks,
            progress,
        )?)
    }

    /// An opener for every write session (exports of everything), unwrapping only
    /// those not unwrapped before.
    fn opener(&mut self, what: &'static str) -> Result<SessionOpener> {
        let keyring = self.keyring.as_ref().ok_or(AppError::Locked(what))?;
        let sessions = self.store.key_sessions()?;
        SessionOpener::cached(keyring, &sessions, &self.sessions).map_err(AppError::Crypto)
    }

    /// An opener for the write sessions these stored restricted values were sealed
    /// in, and no other: a read costs the same however many writes came before.
    fn opener_for<'s>(
        &mut self,
        what: &'static str,
        stored: impl Iterator<Item = &'s str>,
    ) -> Result<SessionOpener> {
        let keyring = self.keyring.as_ref().ok_or(AppError::Locked(what))?;
        let mut ids: Vec<String> = stored.flat_map(seal::session_ids).collect();
        ids.sort_unstable();
        ids.dedup();
        let wanted: Vec<&str> = ids.iter().map(String::as_str).collect();
        let sessions = self.store.key_sessions_of(&wanted)?;
        SessionOpener::cached(keyring, &sessions, &self.sessions).map_err(AppError::Crypto)
    }

    /// Whether any record (of `kind`) has restricted fields.
    pub fn has_restricted(&mut self, kind: Option<Kind>) -> Result<bool> {
        Ok(!self.ids_with_restricted(kind)?.is_empty())
    }

    fn ids_with_restricted(&mut self, kind: Option<Kind>) -> Result<Vec<String>> {
        let kinds: Vec<Kind> = kind.map_or_else(|| Kind::ALL.to_vec(), |k| vec![k]);
        let mut ids = Vec::new();
        for kind in kinds {
            self.store.scan_kind(kind, &mut |row| {
                if row.restricted.is_some() {
                    ids.push(row.id);
                }
                Ok(())
            })?;
        }
        Ok(ids)
    }

    pub fn may(&self, action: Action) -> bool {
        self.actor.may(action)
    }

    /// Adds a user with an Argon2id password hash. An admin chose the password, so
    /// the user must change it at their first login.
    pub fn add_user(&mut self, name: &str, role: Role, password: &str) -> Result<()> {
        self.require(Action::Administer)?;
        if !accounts::is_user_name(name) {
            return Err(AppError::Invalid(
                "a user name is 1 to 64 of `A-Z a-z 0-9 . _ - @`".into(),
            ));
        }
        accounts::check_password(password)?;
        if self.store.user(name)?.is_some() {
            return Err(AppError::Invalid(format!(
                "a user named `{name}` already exists"
            )));
        }
        let params = accounts::password_params()?;
        let hash = zonewatch_crypto::hash_password(password, &params)
            .map_err(|e| AppError::Crypto(e.to_string()))?;
        self.store.add_user(&User {
            name: name.to_owned(),
            role: role.as_str().to_owned(),
            password_hash: hash,
            created_at: rfc3339_utc_now(),
            must_change_password: true,
        })?;
        let mut details = BTreeMap::new();
        details.insert("user".into(), name.to_owned());
        details.insert("role".into(), role.as_str().to_owned());
        self.audit("user-add", Vec::new(), details)
    }

    pub fn users(&mut self) -> Result<Vec<User>> {
        self.require(Action::Administer)?;
        Ok(self.store.users()?)
    }

    /// Changes the passphrase (the keys stay the same, and so does the key ring's
    /// record of the last checkpoint signed).
    pub fn change_passphrase(&mut self, old: &str, new: &str) -> Result<()> {
        self.require(Action::Administer)?;
        // Checks the public part, and upgrades a version 1 key ring, first.
        self.unlock(old)?;
        let keyring = self
            .keyring
            .clone()
            .ok_or(AppError::Locked("changing the passphrase"))?;
        let sealed = self.sealed_keyring()?.ok_or(AppError::NotInitialised)?;
        let signed = sealed.signed_head(&keyring).map_err(crypto_error)?;
        let params = zonewatch_crypto::keyring_params().map_err(crypto_error)?;
        let json = keyring
            .seal_with_passphrase(new, &params)
            .and_then(|s| s.with_signed_head(&keyring, &signed))
            .and_then(|s| s.to_json())
            .map_err(crypto_error)?;
        self.store.set_keyring(&json)?;
        self.audit("key-passphrase", Vec::new(), BTreeMap::new())
    }

    /// Replaces the encryption key pair and re-wraps every value key under a new write
    /// session sealed to the new public key, in one transaction.
    pub fn rotate_keys(&mut self, passphrase: &str) -> Result<u64> {
        self.require(Action::Administer)?;
        self.unlock(passphrase)?;
        let old = self
            .keyring
            .take()
            .ok_or(AppError::Locked("key rotation"))?;
        // The signing key stays, so the record of the last checkpoint signed carries over.
        let signed = self
            .sealed_keyring()?
            .ok_or(AppError::NotInitialised)?
            .signed_head(&old)
            .map_err(crypto_error)?;
        let opener = {
            let sessions = self.store.key_sessions()?;
            SessionOpener::new(&old, &sessions).map_err(AppError::Crypto)?
        };
        let new = old
            .rotate_encryption_key()
            .map_err(|e| AppError::Crypto(e.to_string()))?;
        let params =
            zonewatch_crypto::keyring_params().map_err(|e| AppError::Crypto(e.to_string()))?;
        let sealed = new
            .seal_with_passphrase(passphrase, &params)
            .and_then(|s| s.with_signed_head(&new, &signed))
            .and_then(|s| s.to_json())
            .map_err(|e| AppError::Crypto(e.to_string()))?;
        let session = WriteSession::new().map_err(|e| AppError::Crypto(e.to_string()))?;
        let session_key =
            sealed_session_key(&session, &new.public_key()).map_err(AppError::Crypto)?;
        let mut moved = 0u64;
        let mut ids = Vec::new();
        {
            let mut tx = self.store.begin_write()?;
            let head = tx.audit_head()?;
            tx.add_key_session(&session.id(), &session_key)?;
            for kind in Kind::ALL {
                for (id, stored) in tx.restricted_of_kind(*kind)? {
                    let rewrapped = rewrap_stored(&opener, &session, &id, &stored)
                        .map_err(|e| AppError::Crypto(format!("record `{id}`: {e}")))?;
                    tx.set_restricted(&id, &rewrapped)?;
                    ids.push(id);
                    moved += 1;
                }
            }
            tx.delete_key_sessions_except(&session.id())?;
            let mut details = BTreeMap::new();
            details.insert("values".into(), moved.to_string());
            details.insert("new_key_id".into(), new.public_key().key_id().to_string());
            tx.append_audit(&next_entry(
                head,
                &self.actor.name,
                "key-rotate",
                ids,
                details,
            ))?;
            tx.commit()?;
        }
        // The key ring is replaced only once every value opens with the new one.
        self.store.set_keyring(&sealed)?;
        self.keyring = Some(Arc::new(new));
        Ok(moved)
    }

    /// Checks the audit chain and its signed checkpoints; with `expected_head`, also
    /// that nothing after that head was cut off.
    ///
    /// Unlocked (unlock first when the passphrase is at hand), the checkpoints are
    /// verified with the key ring's own verifying key, derived from its private key
    /// (the stored one must match it: "the key ring's public part was altered"
    /// otherwise), and the chain against the key ring's record of the last checkpoint
    /// signed: checkpoints re-signed under a substituted key, deleted checkpoints and
    /// entries cut off after that record are all refused. Locked, the verifying key is
    /// the one stored in the database, which nothing authenticates: whoever can write
    /// the database can rewrite the chain, store their own key and re-sign. The report
    /// says which (`key_authenticated`); say it to the user.
    pub fn verify_audit(
        &mut self,
        expected_head: Option<&ChainHead>,
    ) -> Result<Result<ChainReport, String>> {
        self.require(Action::Audit)?;
        let sealed = self.sealed_keyring()?.ok_or(AppError::NotInitialised)?;
        let Some(keyring) = self.keyring.clone() else {
            let key = sealed.public_keys().verifying;
            let (checkpoints, entries) = audit_trail(self.store.as_mut(), true)?;
            return Ok(
                verify_chain_with(&entries, &checkpoints, &key, expected_head)
                    .map_err(|e| e.to_string()),
            );
        };
        let signed = sealed.signed_head(&keyring).map_err(crypto_error)?;
        let (checkpoints, entries) = audit_trail(self.store.as_mut(), true)?;
        Ok(zonewatch_crypto::verify_chain_authenticated(
            &keyring,
            &entries,
            &checkpoints,
            expected_head,
            &signed,
        )
        .map_err(|e| e.to_string()))
    }

    pub fn audit_head(&mut self) -> Result<ChainHead> {
        self.require(Action::Audit)?;
        Ok(match self.store.audit_head()? {
            Some((seq, hash)) => ChainHead { seq, hash },
            None => ChainHead::genesis(),
        })
    }

    pub fn audit_entries(&mut self, record: Option<&str>) -> Result<Vec<AuditRow>> {
        self.require(Action::Audit)?;
        Ok(self.store.audit_entries(record)?)
    }
}

fn to_entry(row: AuditRow) -> AuditEntry {
    AuditEntry {
        seq: row.seq,
        time: row.time,
        actor: row.actor,
        action: row.action,
        records: row.records,
        details: row.details,
        prev_hash: row.prev_hash,
        hash: row.hash,
    }
}

fn next_entry(
    head: Option<(u64, String)>,
    actor: &str,
    action: &str,
    records: Vec<String>,
    details: BTreeMap<String, String>,
) -> AuditRow {
    let head = match head {
        Some((seq, hash)) => ChainHead { seq, hash },
        None => ChainHead::genesis(),
    };
    let entry = AuditEntry::new(
        &head,
        rfc3339_utc_now(),
        actor.to_owned(),
        action.to_owned(),
        records,
        details,
    );
    AuditRow {
        seq: entry.seq,
        time: entry.time,
        actor: entry.actor,
        action: entry.action,
        records: entry.records,
        details: entry.details,
        prev_hash: entry.prev_hash,
        hash: entry.hash,
    }
}

/// Hashes what is read through it (the import's reader thread reads; the audit
/// entry, written after, takes the digest).
struct HashingReader<'a> {
    inner: &'a mut (dyn BufRead + Send),
    hasher: Arc<Mutex<Sha256>>,
}

impl std::io::Read for HashingReader<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if let Ok(mut hasher) = self.hasher.lock() {
            hasher.update(&buf[..n]);
        }
        Ok(n)
    }
}

impl BufRead for HashingReader<'_> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.inner.fill_buf()
    }
    fn consume(&mut self, amount: usize) {
        if let (Ok(buffer), Ok(mut hasher)) = (self.inner.fill_buf(), self.hasher.lock()) {
            let amount = amount.min(buffer.len());
            hasher.update(&buffer[..amount]);
        }
        self.inner.consume(amount);
    }
}

/// The hooks of an import: seal in a write session recorded with the import, and
/// append one audit entry with the input's SHA-256 and the ids written.
struct AuditedImport {
    sealer: SessionSealer,
    /// Screening rows written with the records.
    deriver: screening::Deriver,
    session_key: String,
    actor: String,
    source: String,
    hasher: Arc<Mutex<Sha256>>,
}

impl ImportHooks for AuditedImport {
    fn sealer(&self) -> &dyn SealRestricted {
        &self.sealer
    }

    fn deriver(&self) -> Option<&dyn zonewatch_store::import::DeriveRows> {
        Some(&self.deriver)
    }

    fn finish(
        &mut self,
        tx: &mut dyn WriteTransaction,
        summary: &ImportSummary,
        ids: &[&str],
    ) -> Result<(), StoreError> {
        // Recorded only when something was sealed in it, in the same transaction.
        if self.sealer.used() {
            tx.add_key_session(&self.sealer.session.id(), &self.session_key)?;
        }
        let digest = self
            .hasher
            .lock()
            .map(|h| {
                h.clone()
                    .finalize()
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect::<String>()
            })
            .unwrap_or_default();
        let mut details = BTreeMap::new();
        details.insert("sha256".into(), digest);
        details.insert("source".into(), self.source.clone());
        details.insert("count".into(), summary.records().to_string());
        let head = tx.audit_head()?;
        let entry = next_entry(
            head,
            &self.actor,
            "import",
            ids.iter().map(|s| (*s).to_owned()).collect(),
            details,
        );
        tx.append_audit(&entry)
    }
}

/// A key-file error as the app reports it: a wrong passphrase as such; anything else,
/// "the key ring's public part was altered" among them, in its own words (none carries
/// a secret).
fn keyfile_error(e: zonewatch_crypto::KeyFileError) -> AppError {
    match e {
        zonewatch_crypto::KeyFileError::WrongPassphrase => AppError::WrongPassphrase,
        other => AppError::Crypto(other.to_string()),
    }
}

fn crypto_error(e: impl std::fmt::Display) -> AppError {
    AppError::Crypto(e.to_string())
}

/// The checkpoints, then (with `entries`) the audit entries, read in that order: a
/// checkpoint another process signs meanwhile then names an entry the chain read after
/// it holds, never one past its end. (The key ring's record, read before both, never
/// runs ahead of the checkpoints: `close` stores a checkpoint before recording it.)
fn audit_trail(store: &mut dyn Store, entries: bool) -> Result<(Vec<Checkpoint>, Vec<AuditEntry>)> {
    let checkpoints = store
        .checkpoints()?
        .into_iter()
        .map(|c| Checkpoint {
            seq: c.seq,
            head_hash: c.head_hash,
            signature: c.signature,
        })
        .collect();
    let entries = if entries {
        store
            .audit_entries(None)?
            .into_iter()
            .map(to_entry)
            .collect()
    } else {
        Vec::new()
    };
    Ok((checkpoints, entries))
}

/// The head of the highest checkpoint whose signature verifies with `keyring`: what a
/// version 1 key ring, which kept no record, records when it is upgraded.
fn highest_signed_checkpoint(keyring: &KeyRing, checkpoints: &[Checkpoint]) -> ChainHead {
    let key = keyring.verifying_key();
    checkpoints
        .iter()
        .filter(|c| zonewatch_crypto::verify_checkpoint(&key, c).is_ok())
        .max_by_key(|c| c.seq)
        .map_or_else(ChainHead::genesis, |c| ChainHead {
            seq: c.seq,
            hash: c.head_hash.clone(),
        })
}
