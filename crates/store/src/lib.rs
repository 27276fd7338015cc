//! Where zonewatch keeps its records: one [`Store`] trait, two backends (SQLite, the
//! embedded default, and PostgreSQL for teams), and the import and export that run
//! on either. Only this crate knows SQL.
//!
//! # Layout
//!
//! [`Store`] is one sub-trait per domain ([`RecordStore`], [`AccountStore`],
//! [`AuditStore`], [`EvidenceStore`], [`ScreeningStore`]) plus `backend` and
//! `begin_write`; writes go through one [`WriteTransaction`]. Each backend is a folder
//! with a file per domain, and each file holds the SQL of the methods it implements,
//! next to them:
//!
//! - `lib.rs`: the traits, the row types they pass ([`Row`], [`User`], [`AuditRow`],
//!   ...), [`StoreError`], [`open`].
//! - `sqlite/` (rusqlite) and `postgres/` (the synchronous `postgres` client), each:
//!   - `mod.rs`: the connection, opening and migrating, the write transaction's
//!     state, and the [`Store`] glue (`backend`, `begin_write`);
//!   - `records.rs`: `records` and `record_refs`: [`RecordStore`], and the
//!     [`WriteTransaction`] impl, its record methods written out and the others
//!     forwarding to the files below;
//!   - `accounts.rs`: users, API tokens, browser sessions ([`AccountStore`]);
//!   - `audit.rs`: the audit log, checkpoints, the key ring and key sessions
//!     ([`AuditStore`], and the transaction's audit entries and key sessions);
//!   - `evidence.rs`: evidence files ([`EvidenceStore`], and adding one);
//!   - `screening.rs`: the derived screening rows ([`ScreeningStore`], and writing
//!     and clearing them).
//! - `screening.rs`: the screening rows' types ([`AdScreening`], [`Derived`], ...),
//!   shared by both backends.
//! - `migrate.rs` and `migrations/<backend>/*.sql`: the schema.
//! - `url.rs`: database URLs. `import.rs`, `export.rs` and `load.rs` run on any
//!   [`Store`]; `testing.rs` gives tests a fresh PostgreSQL database each.

pub mod export;
pub mod import;
pub mod load;
mod migrate;
mod postgres;
pub mod screening;
mod sqlite;
#[cfg(feature = "testing")]
pub mod testing;
mod url;

use zonewatch_model::{Kind, Sensitivity};

pub use crate::screening::{AdScreening, Derived, StoredContact, TestimonyContacts};
pub use crate::url::{DbUrl, DEFAULT_URL};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database URL: {0}")]
    Url(String),
    #[error("SQLite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("PostgreSQL: {}", with_causes(.0))]
    Postgres(#[from] ::postgres::Error),
    #[error("database holds a row this version cannot read (record `{id}`): {problem}")]
    Corrupt { id: String, problem: String },
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("record `{id}`: {problem}")]
    Restricted { id: String, problem: String },
}

/// An error and what caused it (a TLS handshake failure says why: which
/// certificate, which name), each once.
fn with_causes(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        let more = cause.to_string();
        if more.starts_with(&text) {
            text = more;
        } else if !text.contains(&more) {
            text.push_str(": ");
            text.push_str(&more);
        }
        source = cause.source();
    }
    text
}

impl StoreError {
    /// The database was too busy to answer in time: another writer held SQLite's
    /// lock past the busy timeout, or PostgreSQL gave up on a lock or a
    /// serialisation. Worth trying again shortly; not a fault.
    pub fn is_busy(&self) -> bool {
        match self {
            StoreError::Sqlite(e) => matches!(
                e.sqlite_error_code(),
                Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
            ),
            StoreError::Postgres(e) => e.code().is_some_and(|code| {
                [
                    ::postgres::error::SqlState::LOCK_NOT_AVAILABLE,
                    ::postgres::error::SqlState::T_R_SERIALIZATION_FAILURE,
                    ::postgres::error::SqlState::T_R_DEADLOCK_DETECTED,
                    ::postgres::error::SqlState::TOO_MANY_CONNECTIONS,
                ]
                .contains(code)
            }),
            _ => false,
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Turns the restricted part of a record (a JSON object of its restricted fields)
/// into the text the store keeps. zonewatch seals it (zonewatch-app); the store
/// itself never sees a key.
pub trait SealRestricted: Sync {
    fn seal(&self, record_id: &str, restricted: zonewatch_model::Json) -> Result<String, String>;
}

/// Reads back what a [`SealRestricted`] wrote.
pub trait OpenRestricted: Sync {
    fn open(&self, record_id: &str, stored: &str) -> Result<zonewatch_model::Json, String>;
}

/// One record as a backend keeps it: the open part and the restricted part apart.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub id: String,
    pub kind: Kind,
    pub sensitivity: Sensitivity,
    /// Canonical JSON of the record without its restricted fields.
    pub body: String,
    /// JSON object of the restricted fields, when the record has any.
    pub restricted: Option<String>,
}

/// An id that an import tried to write with another kind than the stored record's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KindConflict {
    pub id: String,
    pub stored: Kind,
}

/// The storage operations zonewatch needs: one sub-trait per domain, plus what spans
/// them all. Both backends pass the same conformance suite (`tests/conformance.rs`).
///
/// The sub-traits are supertraits, and each backend implements them in its domain's
/// file. That keeps every caller compiling unchanged with `use zonewatch_store::Store`
/// alone (or no import at all): a method call on a trait object (`Box<dyn Store>`,
/// `&mut dyn Store`) finds the methods of the object's supertraits without them
/// being in scope, as it finds the trait's own, and a generic bound `S: Store` brings
/// its supertraits along too. (Only a fully qualified path such as `Store::get(s, id)`
/// would now have to name the sub-trait, `RecordStore::get`; no caller writes one.)
/// So there is no forwarding layer: `dyn Store` is the union of the domains.
///
/// `backend` and `begin_write` sit here rather than in a domain: one write
/// transaction ([`WriteTransaction`], one trait) carries records, audit entries, key
/// sessions, evidence and screening rows together, all or nothing.
pub trait Store: RecordStore + AccountStore + AuditStore + EvidenceStore + ScreeningStore {
    /// `sqlite` or `postgres`.
    fn backend(&self) -> &'static str;

    /// Whether the connection to a database server is encrypted (TLS), by the
    /// server's account; `None` for a local file.
    fn transport_encrypted(&mut self) -> Result<Option<bool>>;

    /// Starts a write transaction. Writers queue: SQLite's `BEGIN IMMEDIATE` and a
    /// PostgreSQL advisory lock let one write transaction run at a time, so what
    /// it reads (is this id free? who names that record? the audit head) holds
    /// until it commits. Dropping it without [`WriteTransaction::commit`] rolls
    /// everything back.
    fn begin_write(&mut self) -> Result<Box<dyn WriteTransaction + '_>>;
}

/// Reading records (`records`; written through [`WriteTransaction::upsert`]).
pub trait RecordStore {
    /// Number of records of each kind, in export order, zeros included.
    fn count_by_kind(&mut self) -> Result<Vec<(Kind, u64)>>;

    /// Calls `visit` with every record of `kind`, sorted by id bytewise.
    fn scan_kind(&mut self, kind: Kind, visit: &mut dyn FnMut(Row) -> Result<()>) -> Result<()>;

    /// The records of `kind` that name `id` (its referrers in `record_refs`), by
    /// id: one indexed lookup, however many records of `kind` there are.
    fn scan_referrers(
        &mut self,
        id: &str,
        kind: Kind,
        visit: &mut dyn FnMut(Row) -> Result<()>,
    ) -> Result<()>;

    /// As [`RecordStore::scan_kind`], only the records whose stored open body
    /// contains `text` (a filter the database applies, so rows that do not match are
    /// never read out: the web server looks up a site's observations this way).
    fn scan_kind_containing(
        &mut self,
        kind: Kind,
        text: &str,
        visit: &mut dyn FnMut(Row) -> Result<()>,
    ) -> Result<()> {
        self.scan_kind(kind, &mut |row| {
            if row.body.contains(text) {
                visit(row)?;
            }
            Ok(())
        })
    }

    /// The record with this id, if any.
    fn get(&mut self, id: &str) -> Result<Option<Row>>;
}

/// Users, API tokens and browser sessions (`users`, `api_tokens`, `web_sessions`).
pub trait AccountStore {
    fn add_user(&mut self, user: &User) -> Result<()>;

    fn user(&mut self, name: &str) -> Result<Option<User>>;

    fn users(&mut self) -> Result<Vec<User>>;

    /// Sets a user's password hash and whether they must choose a new password at
    /// their next login; false when there is no such user.
    fn set_password(&mut self, name: &str, password_hash: &str, must_change: bool) -> Result<bool>;

    fn add_token(&mut self, token: &TokenRow) -> Result<()>;

    /// The user a token (given as its SHA-256) belongs to.
    fn token_user(&mut self, token_sha256: &str) -> Result<Option<User>>;

    /// Every API token, by user then creation time.
    fn tokens(&mut self) -> Result<Vec<TokenRow>>;

    /// Deletes a token; false when there was none.
    fn delete_token(&mut self, token_sha256: &str) -> Result<bool>;

    /// Records when a token was last used. Best effort: SQLite skips it rather than
    /// wait while another connection writes.
    fn touch_token(&mut self, token_sha256: &str, time: &str) -> Result<()>;

    /// Stores a browser session, and deletes every session expired by `now` (Unix
    /// seconds).
    fn add_session(&mut self, session: &SessionRow, now: i64) -> Result<()>;

    /// The session with this id hash and its user, unless it expired before `now`
    /// (Unix seconds).
    fn session(&mut self, id_sha256: &str, now: i64) -> Result<Option<(SessionRow, User)>>;

    fn delete_session(&mut self, id_sha256: &str) -> Result<()>;

    /// Deletes every session of `user` but `keep`; returns how many.
    fn delete_sessions_of(&mut self, user: &str, keep: Option<&str>) -> Result<u64>;
}

/// The audit log and its signed checkpoints, the sealed key ring and the write
/// sessions' sealed keys (`audit_log`, `audit_checkpoints`, `keyring`,
/// `key_sessions`). Entries and key sessions are written through the
/// [`WriteTransaction`] whose writes they describe.
pub trait AuditStore {
    /// The last audit entry's sequence number and hash, if any.
    fn audit_head(&mut self) -> Result<Option<(u64, String)>>;

    /// Every audit entry in sequence order (`record`: only those naming it).
    fn audit_entries(&mut self, record: Option<&str>) -> Result<Vec<AuditRow>>;

    fn add_checkpoint(&mut self, checkpoint: &CheckpointRow) -> Result<()>;

    fn checkpoints(&mut self) -> Result<Vec<CheckpointRow>>;

    /// The sealed key ring (JSON), once `init` has made one.
    fn keyring(&mut self) -> Result<Option<String>>;

    /// Stores the sealed key ring, replacing any (a passphrase change or rotation).
    fn set_keyring(&mut self, sealed: &str) -> Result<()>;

    /// Every write session: (id, sealed key in base64).
    fn key_sessions(&mut self) -> Result<Vec<(String, String)>>;

    /// The write sessions with these ids that exist: (id, sealed key in base64).
    fn key_sessions_of(&mut self, ids: &[&str]) -> Result<Vec<(String, String)>>;
}

/// Evidence files (`evidence`; written through [`WriteTransaction::add_evidence`]).
pub trait EvidenceStore {
    /// One evidence file, content included.
    fn evidence(&mut self, id: &str) -> Result<Option<EvidenceRow>>;

    /// Every evidence file without its content: (id, record id, sealed), by id.
    fn evidence_list(&mut self) -> Result<Vec<(String, String, bool)>>;
}

/// The derived screening rows ([`screening`]; written through
/// [`WriteTransaction::put_derived`]).
pub trait ScreeningStore {
    /// The stored screening of an ad, if it has one (it may be out of date: compare
    /// its fingerprint).
    fn ad_screening(&mut self, id: &str) -> Result<Option<AdScreening>>;

    /// Every record of `kind` (ads and testimonies; no other kind has screening
    /// rows) by id, with the fingerprint of its screening rows, if any.
    fn screening_fingerprints(&mut self, kind: Kind) -> Result<Vec<(String, Option<String>)>>;

    /// Every stored ad contact: (ad id, contact), by ad id then order in the text.
    fn ad_contacts(&mut self) -> Result<Vec<(String, StoredContact)>>;

    /// Every stored testimony contact: (testimony id, keyed hash).
    fn testimony_contact_hashes(&mut self) -> Result<Vec<(String, String)>>;
}

/// One stored evidence file: the original bytes (or sealed), and its metadata
/// (JSON, or sealed and base64-encoded).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvidenceRow {
    pub id: String,
    pub record_id: String,
    pub sealed: bool,
    pub content: Vec<u8>,
    pub meta: String,
}

/// A user of a database and the role that decides what they may do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct User {
    pub name: String,
    pub role: String,
    /// Argon2id, PHC string.
    pub password_hash: String,
    pub created_at: String,
    /// An admin chose the password: the user must choose their own first.
    pub must_change_password: bool,
}

/// An API bearer token, kept as its SHA-256.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenRow {
    pub token_sha256: String,
    pub user_name: String,
    /// What it is for, as its creator named it (may be empty).
    pub name: String,
    pub created_at: String,
    pub last_used_at: Option<String>,
}

/// A browser session, kept as the SHA-256 of its id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionRow {
    pub id_sha256: String,
    pub user_name: String,
    /// The token every form and cookie-authenticated API write must carry.
    pub csrf: String,
    pub created_at: String,
    /// Unix time, seconds.
    pub expires_at: i64,
}

/// One stored audit entry (the hashing lives in zonewatch-crypto).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditRow {
    pub seq: u64,
    pub time: String,
    pub actor: String,
    pub action: String,
    pub records: Vec<String>,
    pub details: std::collections::BTreeMap<String, String>,
    pub prev_hash: String,
    pub hash: String,
}

/// A signed statement that audit entry `seq` had hash `head_hash`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckpointRow {
    pub seq: u64,
    pub head_hash: String,
    pub signature: String,
}

pub trait WriteTransaction {
    /// Inserts or replaces records by id. A record whose id is stored with another
    /// kind is not written and comes back as a conflict (now, or from a later call
    /// or [`WriteTransaction::flush`] when the backend batches).
    ///
    /// `references` are the ids the record names (itself left out); they replace
    /// the ones it named before, for [`WriteTransaction::referrers`].
    fn upsert(&mut self, row: Row, references: &[&str]) -> Result<Vec<KindConflict>>;

    /// Writes anything buffered; returns the conflicts it found.
    fn flush(&mut self) -> Result<Vec<KindConflict>>;

    /// The stored kind of each of these ids that exists, as seen inside this
    /// transaction.
    fn kinds_of(&mut self, ids: &[&str]) -> Result<Vec<(String, Kind)>>;

    /// The ids of the records that name `id` (itself left out), sorted, as seen
    /// inside this transaction: one indexed lookup.
    fn referrers(&mut self, id: &str) -> Result<Vec<String>>;

    /// The last audit entry, as seen inside this transaction.
    fn audit_head(&mut self) -> Result<Option<(u64, String)>>;

    /// Appends an audit entry that commits or rolls back with this transaction's writes.
    fn append_audit(&mut self, entry: &AuditRow) -> Result<()>;

    /// Records a write session's sealed key (base64) with the writes it sealed.
    fn add_key_session(&mut self, id: &str, sealed_key: &str) -> Result<()>;

    /// Deletes every write session but `keep` (after key rotation moved all values).
    fn delete_key_sessions_except(&mut self, keep: &str) -> Result<()>;

    /// Stores an evidence file; an id already stored is an error (evidence is never
    /// replaced).
    fn add_evidence(&mut self, evidence: &EvidenceRow) -> Result<()>;

    /// Every record of `kind` that has restricted fields: (id, restricted).
    fn restricted_of_kind(&mut self, kind: Kind) -> Result<Vec<(String, String)>>;

    /// Replaces the restricted part of one stored record (key rotation).
    fn set_restricted(&mut self, id: &str, restricted: &str) -> Result<()>;

    /// Deletes one record (restricted part, references and screening rows
    /// included); false when there was none. Callers check
    /// [`WriteTransaction::referrers`] first, in the same transaction.
    fn delete(&mut self, id: &str) -> Result<bool>;

    /// Replaces one record's screening rows (or removes them, see [`Derived`]).
    fn put_derived(&mut self, derived: Derived) -> Result<()>;

    fn commit(self: Box<Self>) -> Result<()>;
}

/// Opens (creating if needed) and migrates the database a URL names.
pub fn open(url: &DbUrl) -> Result<Box<dyn Store>> {
    match url {
        DbUrl::Sqlite(path) => Ok(Box::new(sqlite::SqliteStore::open(path)?)),
        DbUrl::Postgres(conninfo) => Ok(Box::new(postgres::PostgresStore::open(conninfo)?)),
    }
}

/// JSON text of an audit entry's record list and details, as both backends store them.
fn audit_json(entry: &AuditRow) -> (String, String) {
    let records = serde_json::to_string(&entry.records).unwrap_or_else(|_| "[]".into());
    let details = serde_json::to_string(&entry.details).unwrap_or_else(|_| "{}".into());
    (records, details)
}

fn audit_row(
    (seq, time, actor, action): (i64, String, String, String),
    records: &str,
    details: &str,
    prev_hash: String,
    hash: String,
) -> Result<AuditRow> {
    let corrupt = |problem: String| StoreError::Corrupt {
        id: format!("audit entry {seq}"),
        problem,
    };
    Ok(AuditRow {
        seq: u64::try_from(seq).map_err(|e| corrupt(e.to_string()))?,
        time,
        actor,
        action,
        records: serde_json::from_str(records).map_err(|e| corrupt(e.to_string()))?,
        details: serde_json::from_str(details).map_err(|e| corrupt(e.to_string()))?,
        prev_hash,
        hash,
    })
}

fn parse_kind(id: &str, text: &str) -> Result<Kind> {
    Kind::parse(text).ok_or_else(|| StoreError::Corrupt {
        id: id.to_owned(),
        problem: format!("unknown kind `{text}`"),
    })
}

fn parse_sensitivity(id: &str, text: &str) -> Result<Sensitivity> {
    Sensitivity::parse(text).ok_or_else(|| StoreError::Corrupt {
        id: id.to_owned(),
        problem: format!("unknown sensitivity `{text}`"),
    })
}
