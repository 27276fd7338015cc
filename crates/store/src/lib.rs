//! Where zonewatch keeps its records: one [`Store`] trait, two backends (SQLite, the
//! embedded default, and PostgreSQL for teams), and the import and export that run
//! on either. Only this crate knows SQL.

pub mod export;
pub mod import;
pub mod load;
mod migrate;
mod postgres;
mod sqlite;
pub mod testing;
mod url;

use zonewatch_model::{Kind, Sensitivity};

pub use crate::url::{DbUrl, DEFAULT_URL};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database URL: {0}")]
    Url(String),
    #[error("SQLite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("PostgreSQL: {0}")]
    Postgres(#[from] ::postgres::Error),
    #[error("database holds a row this version cannot read (record `{id}`): {problem}")]
    Corrupt { id: String, problem: String },
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

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

/// The storage operations zonewatch needs. Both backends pass the same conformance
/// suite (`tests/conformance.rs`).
pub trait Store {
    /// `sqlite` or `postgres`.
    fn backend(&self) -> &'static str;

    /// Starts the one write transaction of an import. Dropping it without
    /// [`WriteTransaction::commit`] rolls everything back.
    fn begin_write(&mut self) -> Result<Box<dyn WriteTransaction + '_>>;

    /// Number of records of each kind, in export order, zeros included.
    fn count_by_kind(&mut self) -> Result<Vec<(Kind, u64)>>;

    /// Calls `visit` with every record of `kind`, sorted by id bytewise.
    fn scan_kind(&mut self, kind: Kind, visit: &mut dyn FnMut(Row) -> Result<()>) -> Result<()>;

    /// The record with this id, if any.
    fn get(&mut self, id: &str) -> Result<Option<Row>>;
}

pub trait WriteTransaction {
    /// Inserts or replaces records by id. A record whose id is stored with another
    /// kind is not written and comes back as a conflict (now, or from a later call
    /// or [`WriteTransaction::flush`] when the backend batches).
    fn upsert(&mut self, row: Row) -> Result<Vec<KindConflict>>;

    /// Writes anything buffered; returns the conflicts it found.
    fn flush(&mut self) -> Result<Vec<KindConflict>>;

    /// The stored kind of each of these ids that exists, as seen inside this
    /// transaction.
    fn kinds_of(&mut self, ids: &[&str]) -> Result<Vec<(String, Kind)>>;

    fn commit(self: Box<Self>) -> Result<()>;
}

/// Opens (creating if needed) and migrates the database a URL names.
pub fn open(url: &DbUrl) -> Result<Box<dyn Store>> {
    match url {
        DbUrl::Sqlite(path) => Ok(Box::new(sqlite::SqliteStore::open(path)?)),
        DbUrl::Postgres(conninfo) => Ok(Box::new(postgres::PostgresStore::open(conninfo)?)),
    }
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
