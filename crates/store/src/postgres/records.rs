//! Records and the ids they name (`records`, `record_refs`): [`RecordStore`], and the
//! write transaction, whose record methods (and their batching) are here and whose
//! other methods forward to the domain files (audit, evidence, screening).

use std::collections::HashSet;

use postgres::fallible_iterator::FallibleIterator;
use zonewatch_model::Kind;

use super::{audit, evidence, screening, PostgresStore, PostgresWrite, BATCH};
use crate::migrate::references_of;
use crate::{
    parse_kind, parse_sensitivity, AuditRow, Derived, EvidenceRow, KindConflict, RecordStore,
    Result, Row, StoreError, WriteTransaction,
};

/// Fills `record_refs` from the records a database held before it existed.
pub(super) fn backfill_references(tx: &mut postgres::Transaction) -> Result<()> {
    let rows = tx.query(
        "SELECT id, kind, sensitivity, body, restricted FROM records ORDER BY id",
        &[],
    )?;
    let (mut targets, mut sources) = (Vec::new(), Vec::new());
    for row in &rows {
        let row = row_from_sql(row)?;
        for target in references_of(&row)? {
            targets.push(target);
            sources.push(row.id.clone());
        }
    }
    tx.execute(
        "INSERT INTO record_refs (target, source)
         SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING",
        &[&targets, &sources],
    )?;
    Ok(())
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

impl RecordStore for PostgresStore {
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

    fn scan_referrers(
        &mut self,
        id: &str,
        kind: Kind,
        visit: &mut dyn FnMut(Row) -> Result<()>,
    ) -> Result<()> {
        let mut rows = self.client.query_raw(
            "SELECT r.id, r.kind, r.sensitivity, r.body, r.restricted
             FROM record_refs x JOIN records r ON r.id = x.source
             WHERE x.target = $1 AND r.kind = $2 ORDER BY r.id",
            [id, kind.as_str()],
        )?;
        while let Some(row) = rows.next()? {
            visit(row_from_sql(&row)?)?;
        }
        Ok(())
    }

    fn scan_kind_containing(
        &mut self,
        kind: Kind,
        text: &str,
        visit: &mut dyn FnMut(Row) -> Result<()>,
    ) -> Result<()> {
        let mut rows = self.client.query_raw(
            "SELECT id, kind, sensitivity, body, restricted FROM records
             WHERE kind = $1 AND strpos(body, $2) > 0 ORDER BY id",
            [kind.as_str(), text],
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
             RETURNING id, (xmax = 0) AS inserted",
            &[&ids, &kinds, &sensitivities, &bodies, &restricted],
        )?;
        let (targets, sources) = std::mem::take(&mut self.pending_refs);
        let written_all = written.len() == rows.len();
        // A row that replaced a stored record drops the references it had; a new
        // one has none to drop. Only replaced rows are asked for: inside one long
        // import the planner, whose statistics still say record_refs is empty, scans
        // the whole table for each such query (a million-record import took 143 s
        // instead of 21 s when every batch asked).
        let replaced: Vec<String> = written
            .iter()
            .filter(|r| !r.get::<_, bool>(1))
            .map(|r| r.get(0))
            .collect();
        let written: HashSet<String> = written.iter().map(|r| r.get(0)).collect();
        if !replaced.is_empty() {
            self.tx.execute(
                "DELETE FROM record_refs WHERE source = ANY($1)",
                &[&replaced],
            )?;
        }
        let keep: Vec<bool> = sources.iter().map(|s| written.contains(s)).collect();
        fn pick<'a>(list: &'a [String], keep: &[bool]) -> Vec<&'a str> {
            list.iter()
                .zip(keep)
                .filter(|(_, k)| **k)
                .map(|(v, _)| v.as_str())
                .collect()
        }
        self.tx.execute(
            "INSERT INTO record_refs (target, source)
             SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING",
            &[&pick(&targets, &keep), &pick(&sources, &keep)],
        )?;
        if written_all {
            self.pending = rows;
            self.pending.clear();
            return Ok(Vec::new());
        }
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
    fn upsert(&mut self, row: Row, references: &[&str]) -> Result<Vec<KindConflict>> {
        for target in references {
            self.pending_refs.0.push((*target).to_owned());
            self.pending_refs.1.push(row.id.clone());
        }
        self.pending.push(row);
        if self.pending.len() >= BATCH {
            self.write_pending()
        } else {
            Ok(Vec::new())
        }
    }

    fn flush(&mut self) -> Result<Vec<KindConflict>> {
        self.write_derived()?;
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

    fn referrers(&mut self, id: &str) -> Result<Vec<String>> {
        if let Some(conflict) = self.write_pending()?.into_iter().next() {
            return Err(StoreError::Corrupt {
                id: conflict.id,
                problem: format!("already stored as a {}", conflict.stored),
            });
        }
        let rows = self.tx.query(
            "SELECT source FROM record_refs WHERE target = $1 AND source <> $1 ORDER BY source",
            &[&id],
        )?;
        Ok(rows.iter().map(|r| r.get(0)).collect())
    }

    fn audit_head(&mut self) -> Result<Option<(u64, String)>> {
        audit::audit_head(&mut self.tx)
    }

    fn append_audit(&mut self, entry: &AuditRow) -> Result<()> {
        audit::append_audit(&mut self.tx, entry)
    }

    fn add_evidence(&mut self, e: &EvidenceRow) -> Result<()> {
        evidence::add_evidence(&mut self.tx, e)
    }

    fn add_key_session(&mut self, id: &str, sealed_key: &str) -> Result<()> {
        audit::add_key_session(&mut self.tx, id, sealed_key)
    }

    fn delete_key_sessions_except(&mut self, keep: &str) -> Result<()> {
        audit::delete_key_sessions_except(&mut self.tx, keep)
    }

    fn restricted_of_kind(&mut self, kind: Kind) -> Result<Vec<(String, String)>> {
        self.write_pending()?;
        let rows = self.tx.query(
            "SELECT id, restricted FROM records WHERE kind = $1 AND restricted IS NOT NULL ORDER BY id",
            &[&kind.as_str()],
        )?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
    }

    fn set_restricted(&mut self, id: &str, restricted: &str) -> Result<()> {
        self.tx.execute(
            "UPDATE records SET restricted = $2 WHERE id = $1",
            &[&id, &restricted],
        )?;
        Ok(())
    }

    fn delete(&mut self, id: &str) -> Result<bool> {
        if let Some(conflict) = self.write_pending()?.into_iter().next() {
            return Err(StoreError::Corrupt {
                id: conflict.id,
                problem: format!("already stored as a {}", conflict.stored),
            });
        }
        self.write_derived()?;
        let n = self
            .tx
            .execute("DELETE FROM records WHERE id = $1", &[&id])?;
        self.tx
            .execute("DELETE FROM record_refs WHERE source = $1", &[&id])?;
        screening::clear(&mut self.tx, &[id])?;
        Ok(n > 0)
    }

    fn put_derived(&mut self, derived: Derived) -> Result<()> {
        self.derived.push(derived);
        if self.derived.len() >= BATCH {
            self.write_derived()?;
        }
        Ok(())
    }

    fn commit(mut self: Box<Self>) -> Result<()> {
        // Callers flush (and look at the conflicts) first; a conflict found only
        // here must still stop the commit.
        self.write_derived()?;
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
