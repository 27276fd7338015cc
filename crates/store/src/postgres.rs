//! The team backend: PostgreSQL through the synchronous `postgres` client. Imports
//! write in batches (`INSERT … SELECT FROM unnest(…)`), so a million records cost
//! a thousand round trips rather than a million.

use std::collections::HashSet;

use postgres::fallible_iterator::FallibleIterator;
use postgres::{Client, NoTls};
use zonewatch_model::Kind;

use crate::migrate::POSTGRES;
use crate::{
    parse_kind, parse_sensitivity, KindConflict, Result, Row, Store, StoreError, WriteTransaction,
};

const BATCH: usize = 2000;

pub struct PostgresStore {
    client: Client,
}

impl PostgresStore {
    pub fn open(url: &str) -> Result<PostgresStore> {
        let client = Client::connect(url, NoTls)?;
        let mut store = PostgresStore { client };
        store.migrate()?;
        Ok(store)
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
        let applied: i64 = tx
            .query_one(
                "SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
                &[],
            )?
            .get(0);
        for migration in POSTGRES.iter().filter(|m| m.version > applied) {
            tx.batch_execute(migration.sql)?;
            tx.execute(
                "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)",
                &[&migration.version, &migration.name],
            )?;
        }
        tx.commit()?;
        Ok(())
    }
}

fn row_from_sql(row: &postgres::Row) -> Result<Row> {
    let id: String = row.try_get(0)?;
    let kind = parse_kind(&id, row.try_get(1)?)?;
    let sensitivity = parse_sensitivity(&id, row.try_get(2)?)?;
    Ok(Row {
        kind,
        sensitivity,
        body: row.try_get(3)?,
        restricted: row.try_get(4)?,
        id,
    })
}

impl Store for PostgresStore {
    fn backend(&self) -> &'static str {
        "postgres"
    }

    fn begin_write(&mut self) -> Result<Box<dyn WriteTransaction + '_>> {
        let tx = self.client.transaction()?;
        Ok(Box::new(PostgresWrite {
            tx,
            pending: Vec::with_capacity(BATCH),
        }))
    }

    fn count_by_kind(&mut self) -> Result<Vec<(Kind, u64)>> {
        let mut counts: Vec<(Kind, u64)> = Kind::ALL.iter().map(|k| (*k, 0)).collect();
        for row in self
            .client
            .query("SELECT kind, COUNT(*) FROM records GROUP BY kind", &[])?
        {
            let kind = parse_kind("(count)", row.try_get(0)?)?;
            counts[usize::from(kind.rank())].1 = row.try_get::<_, i64>(1)? as u64;
        }
        Ok(counts)
    }

    fn scan_kind(&mut self, kind: Kind, visit: &mut dyn FnMut(Row) -> Result<()>) -> Result<()> {
        // query_raw streams rows instead of collecting them all first.
        let mut rows = self.client.query_raw(
            "SELECT id, kind, sensitivity, body, restricted FROM records WHERE kind = $1 ORDER BY id",
            [kind.as_str()],
        )?;
        while let Some(row) = rows.next()? {
            visit(row_from_sql(&row)?)?;
        }
        Ok(())
    }

    fn get(&mut self, id: &str) -> Result<Option<Row>> {
        let row = self.client.query_opt(
            "SELECT id, kind, sensitivity, body, restricted FROM records WHERE id = $1",
            &[&id],
        )?;
        row.as_ref().map(row_from_sql).transpose()
    }
}

struct PostgresWrite<'c> {
    tx: postgres::Transaction<'c>,
    pending: Vec<Row>,
}

impl PostgresWrite<'_> {
    fn write_pending(&mut self) -> Result<Vec<KindConflict>> {
        if self.pending.is_empty() {
            return Ok(Vec::new());
        }
        let rows = std::mem::take(&mut self.pending);
        let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
        let kinds: Vec<&str> = rows.iter().map(|r| r.kind.as_str()).collect();
        let sensitivities: Vec<&str> = rows.iter().map(|r| r.sensitivity.as_str()).collect();
        let bodies: Vec<&str> = rows.iter().map(|r| r.body.as_str()).collect();
        let restricted: Vec<Option<&str>> = rows.iter().map(|r| r.restricted.as_deref()).collect();
        // The WHERE on the update leaves a row of another kind untouched; such ids
        // are missing from RETURNING, which is how a kind conflict shows.
        let written = self.tx.query(
            "INSERT INTO records (id, kind, sensitivity, body, restricted)
             SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
             ON CONFLICT (id) DO UPDATE SET sensitivity = excluded.sensitivity,
                body = excluded.body, restricted = excluded.restricted
             WHERE records.kind = excluded.kind
             RETURNING id",
            &[&ids, &kinds, &sensitivities, &bodies, &restricted],
        )?;
        if written.len() == rows.len() {
            self.pending = rows;
            self.pending.clear();
            return Ok(Vec::new());
        }
        let written: HashSet<String> = written.iter().map(|r| r.get(0)).collect();
        let missing: Vec<&str> = ids
            .iter()
            .copied()
            .filter(|id| !written.contains(*id))
            .collect();
        let stored = self.kinds_of(&missing)?;
        if stored.len() != missing.len() {
            return Err(StoreError::Corrupt {
                id: missing.first().map(|s| s.to_string()).unwrap_or_default(),
                problem: "upsert wrote nothing".into(),
            });
        }
        Ok(stored
            .into_iter()
            .map(|(id, stored)| KindConflict { id, stored })
            .collect())
    }
}

impl WriteTransaction for PostgresWrite<'_> {
    fn upsert(&mut self, row: Row) -> Result<Vec<KindConflict>> {
        self.pending.push(row);
        if self.pending.len() >= BATCH {
            self.write_pending()
        } else {
            Ok(Vec::new())
        }
    }

    fn flush(&mut self) -> Result<Vec<KindConflict>> {
        self.write_pending()
    }

    fn kinds_of(&mut self, ids: &[&str]) -> Result<Vec<(String, Kind)>> {
        let mut found = Vec::with_capacity(ids.len());
        for chunk in ids.chunks(10_000) {
            for row in self
                .tx
                .query("SELECT id, kind FROM records WHERE id = ANY($1)", &[&chunk])?
            {
                let id: String = row.try_get(0)?;
                let kind = parse_kind(&id, row.try_get(1)?)?;
                found.push((id, kind));
            }
        }
        Ok(found)
    }

    fn commit(mut self: Box<Self>) -> Result<()> {
        // Callers flush (and look at the conflicts) first; a conflict found only
        // here must still stop the commit.
        if let Some(conflict) = self.write_pending()?.into_iter().next() {
            return Err(StoreError::Corrupt {
                id: conflict.id,
                problem: format!("already stored as a {}", conflict.stored),
            });
        }
        self.tx.commit()?;
        Ok(())
    }
}
