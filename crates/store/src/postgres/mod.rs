//! The team backend: PostgreSQL through the synchronous `postgres` client. Imports
//! write in batches (`INSERT … SELECT FROM unnest(…)`), so a million records cost
//! a thousand round trips rather than a million.
//!
//! This file connects and migrates, and holds the [`Store`] glue and the write
//! transaction's state; each domain's sub-trait is implemented, with its SQL, in its
//! own file.

mod accounts;
mod audit;
mod evidence;
mod records;
mod screening;
pub mod tls;

use postgres::Client;

use crate::migrate::{POSTGRES, REFERENCES_MIGRATION};
use crate::{Derived, Result, Row, Store, WriteTransaction};

const BATCH: usize = 2000;

pub struct PostgresStore {
    client: Client,
    /// Statements of the per-request lookups (a session, a token), prepared once per
    /// connection instead of on every request.
    prepared: std::collections::HashMap<&'static str, postgres::Statement>,
}

impl PostgresStore {
    pub fn open(url: &str) -> Result<PostgresStore> {
        let client = tls::connect(url)?;
        let mut store = PostgresStore {
            client,
            prepared: std::collections::HashMap::new(),
        };
        store.migrate()?;
        Ok(store)
    }

    fn prepared(&mut self, sql: &'static str) -> Result<postgres::Statement> {
        if let Some(statement) = self.prepared.get(sql) {
            return Ok(statement.clone());
        }
        let statement = self.client.prepare(sql)?;
        self.prepared.insert(sql, statement.clone());
        Ok(statement)
    }

    fn migrate(&mut self) -> Result<()> {
        let mut tx = self.client.transaction()?;
        // Two processes opening a fresh database at once must not both migrate it.
        tx.execute("SELECT pg_advisory_xact_lock(7242024)", &[])?;
        tx.batch_execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (
                version BIGINT PRIMARY KEY, name TEXT NOT NULL,
                applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
        )?;
        // Every version not yet applied, not only those above the highest: a branch
        // that numbered its migration below one already released still gets it.
        let applied: Vec<i64> = tx
            .query("SELECT version FROM schema_migrations", &[])?
            .iter()
            .map(|r| r.get(0))
            .collect();
        for migration in POSTGRES.iter().filter(|m| !applied.contains(&m.version)) {
            tx.batch_execute(migration.sql)?;
            tx.execute(
                "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)",
                &[&migration.version, &migration.name],
            )?;
            if migration.version == REFERENCES_MIGRATION {
                records::backfill_references(&mut tx)?;
            }
        }
        tx.commit()?;
        Ok(())
    }
}

/// Every write transaction takes this lock first, so writers queue one behind the
/// other as SQLite's do: a create that finds its id free, or a delete that finds no
/// referrer, still finds it so at its commit, and two writers never take the same
/// audit sequence number.
const WRITE_LOCK: i64 = 7_242_025;

/// The rest of [`Store`] comes from the domain files' sub-trait impls.
impl Store for PostgresStore {
    fn backend(&self) -> &'static str {
        "postgres"
    }

    fn transport_encrypted(&mut self) -> Result<Option<bool>> {
        let row = self.client.query_one(
            "SELECT COALESCE((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false)",
            &[],
        )?;
        Ok(Some(row.try_get(0)?))
    }

    fn begin_write(&mut self) -> Result<Box<dyn WriteTransaction + '_>> {
        let mut tx = self.client.transaction()?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK])?;
        Ok(Box::new(PostgresWrite {
            tx,
            pending: Vec::with_capacity(BATCH),
            pending_refs: (Vec::new(), Vec::new()),
            derived: Vec::new(),
        }))
    }
}

/// A write transaction. Its [`WriteTransaction`] impl and the batching of records
/// are in `records.rs`; the batching of screening rows is in `screening.rs`.
struct PostgresWrite<'c> {
    tx: postgres::Transaction<'c>,
    pending: Vec<Row>,
    /// (targets, sources) of the pending rows' references.
    pending_refs: (Vec<String>, Vec<String>),
    /// Screening rows, batched like records (they reference no other table, so
    /// they may be written before or after their records).
    derived: Vec<Derived>,
}
