//! The embedded backend: one SQLite file in WAL mode, written by one transaction at a
//! time (`BEGIN IMMEDIATE`, so a second writer waits instead of failing mid-way).
//!
//! This file opens and migrates the database and holds the [`Store`] glue; each
//! domain's sub-trait is implemented, with its SQL, in its own file.

mod accounts;
mod audit;
mod evidence;
mod records;
mod screening;

use std::path::Path;

use rusqlite::config::DbConfig;
use rusqlite::{params, Connection, TransactionBehavior};

use crate::migrate::{Migration, REFERENCES_MIGRATION, SQLITE};
use crate::{Result, Store, StoreError, WriteTransaction};

/// How long a statement waits for another connection's write transaction.
const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

pub struct SqliteStore {
    conn: Connection,
}

impl SqliteStore {
    pub fn open(path: &Path) -> Result<SqliteStore> {
        create_private_file(path)?;
        let conn = Connection::open(path)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // A cached statement is otherwise prepared again each time a parameter is
        // bound (SQLite may want a plan for the new value): the web server's reads
        // then cost a parse and plan each, cached or not. Plans here never depend on
        // the values.
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
        let mut store = SqliteStore { conn };
        store.migrate()?;
        Ok(store)
    }

    fn migrate(&mut self) -> Result<()> {
        // Opening a database that is up to date takes no write lock: a server's
        // reads go on while a long import holds it.
        if self.up_to_date()? {
            return Ok(());
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(
            "CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
        )?;
        // Every version not yet applied, not only those above the highest: a branch
        // that numbered its migration below one already released still gets it.
        let applied: Vec<i64> = tx
            .prepare("SELECT version FROM schema_migrations")?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        for Migration { version, name, sql } in
            SQLITE.iter().filter(|m| !applied.contains(&m.version))
        {
            tx.execute_batch(sql)?;
            tx.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, datetime('now'))",
                params![version, name],
            )?;
            if *version == REFERENCES_MIGRATION {
                records::backfill_references(&tx)?;
            }
        }
        tx.commit()?;
        Ok(())
    }
}

impl SqliteStore {
    /// Every migration is applied already (read without a lock; the write path
    /// checks again under it).
    fn up_to_date(&self) -> Result<bool> {
        let exists: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations')",
            [],
            |r| r.get(0),
        )?;
        if !exists {
            return Ok(false);
        }
        let applied: Vec<i64> = self
            .conn
            .prepare("SELECT version FROM schema_migrations")?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(SQLITE.iter().all(|m| applied.contains(&m.version)))
    }
}

/// Survivors' data lives in this file: create it readable by its owner only. SQLite
/// gives the -wal and -shm files the same permissions.
fn create_private_file(path: &Path) -> Result<()> {
    if path.exists() {
        return Ok(());
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(StoreError::Io(std::io::Error::new(
            e.kind(),
            format!("cannot create the database file {}: {e}", path.display()),
        ))),
    }
}

/// The rest of [`Store`] comes from the domain files' sub-trait impls.
impl Store for SqliteStore {
    fn backend(&self) -> &'static str {
        "sqlite"
    }

    fn transport_encrypted(&mut self) -> Result<Option<bool>> {
        Ok(None)
    }

    fn begin_write(&mut self) -> Result<Box<dyn WriteTransaction + '_>> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        Ok(Box::new(SqliteWrite { tx }))
    }
}

/// A write transaction. Its [`WriteTransaction`] impl is in `records.rs`.
struct SqliteWrite<'c> {
    tx: rusqlite::Transaction<'c>,
}
