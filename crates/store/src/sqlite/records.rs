//! Records and the ids they name (`records`, `record_refs`): [`RecordStore`], and the
//! write transaction, whose record methods are here and whose other methods forward
//! to the domain files (audit, evidence, screening).

use rusqlite::{params, OptionalExtension};
use zonewatch_model::Kind;

use super::{audit, evidence, screening, SqliteStore, SqliteWrite};
use crate::migrate::references_of;
use crate::{
    parse_kind, parse_sensitivity, AuditRow, Derived, EvidenceRow, KindConflict, RecordStore,
    Result, Row, StoreError, WriteTransaction,
};

/// Fills `record_refs` from the records a database held before it existed.
pub(super) fn backfill_references(tx: &rusqlite::Transaction) -> Result<()> {
    let mut select =
        tx.prepare("SELECT id, kind, sensitivity, body, restricted FROM records ORDER BY id")?;
    let mut insert =
        tx.prepare("INSERT OR IGNORE INTO record_refs (target, source) VALUES (?1, ?2)")?;
    let mut rows = select.query([])?;
    while let Some(row) = rows.next()? {
        let row = row_from_sql(row)?;
        for target in references_of(&row)? {
            insert.execute(params![target, row.id])?;
        }
    }
    Ok(())
}

/// A text column as SQLite holds it, without copying it out.
fn text_ref<'r>(row: &'r rusqlite::Row<'_>, column: usize) -> rusqlite::Result<&'r str> {
    row.get_ref(column)?.as_str().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn row_from_sql(row: &rusqlite::Row) -> Result<Row> {
    let id: String = row.get(0)?;
    // Read in place: these two are only parsed, and a scan reads many rows.
    let kind = parse_kind(&id, text_ref(row, 1)?)?;
    let sensitivity = parse_sensitivity(&id, text_ref(row, 2)?)?;
    Ok(Row {
        kind,
        sensitivity,
        body: row.get(3)?,
        restricted: row.get(4)?,
        id,
    })
}

impl RecordStore for SqliteStore {
    fn count_by_kind(&mut self) -> Result<Vec<(Kind, u64)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT kind, COUNT(*) FROM records GROUP BY kind")?;
        let mut counts: Vec<(Kind, u64)> = Kind::ALL.iter().map(|k| (*k, 0)).collect();
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let kind = parse_kind("(count)", &row.get::<_, String>(0)?)?;
            counts[usize::from(kind.rank())].1 = row.get::<_, i64>(1)? as u64;
        }
        Ok(counts)
    }

    fn scan_kind(&mut self, kind: Kind, visit: &mut dyn FnMut(Row) -> Result<()>) -> Result<()> {
        // Cached, as in `get`: the web server runs these per request, and parsing and
        // planning the statement cost as much as reading a page of rows.
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, kind, sensitivity, body, restricted FROM records WHERE kind = ?1 ORDER BY id",
        )?;
        let mut rows = stmt.query([kind.as_str()])?;
        while let Some(row) = rows.next()? {
            visit(row_from_sql(row)?)?;
        }
        Ok(())
    }

    fn scan_referrers(
        &mut self,
        id: &str,
        kind: Kind,
        visit: &mut dyn FnMut(Row) -> Result<()>,
    ) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT r.id, r.kind, r.sensitivity, r.body, r.restricted
             FROM record_refs x JOIN records r ON r.id = x.source
             WHERE x.target = ?1 AND r.kind = ?2 ORDER BY r.id",
        )?;
        let mut rows = stmt.query([id, kind.as_str()])?;
        while let Some(row) = rows.next()? {
            visit(row_from_sql(row)?)?;
        }
        Ok(())
    }

    fn scan_kind_containing(
        &mut self,
        kind: Kind,
        text: &str,
        visit: &mut dyn FnMut(Row) -> Result<()>,
    ) -> Result<()> {
        // Matched here, on the body as SQLite holds it, rather than with SQL's
        // instr() (a byte-by-byte memcmp, several times slower): only matching rows
        // are copied out.
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, kind, sensitivity, body, restricted FROM records WHERE kind = ?1 ORDER BY id",
        )?;
        let mut rows = stmt.query([kind.as_str()])?;
        while let Some(row) = rows.next()? {
            if text_ref(row, 3)?.contains(text) {
                visit(row_from_sql(row)?)?;
            }
        }
        Ok(())
    }

    fn get(&mut self, id: &str) -> Result<Option<Row>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, kind, sensitivity, body, restricted FROM records WHERE id = ?1",
        )?;
        let mut rows = stmt.query([id])?;
        match rows.next()? {
            Some(row) => Ok(Some(row_from_sql(row)?)),
            None => Ok(None),
        }
    }
}

impl WriteTransaction for SqliteWrite<'_> {
    fn upsert(&mut self, row: Row, references: &[&str]) -> Result<Vec<KindConflict>> {
        // The WHERE on the update leaves a row of another kind untouched (0 changes),
        // which is how a kind conflict shows.
        let changed = self
            .tx
            .prepare_cached(
                "INSERT INTO records (id, kind, sensitivity, body, restricted) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (id) DO UPDATE SET sensitivity = excluded.sensitivity,
                    body = excluded.body, restricted = excluded.restricted
                 WHERE records.kind = excluded.kind",
            )?
            .execute(params![
                row.id,
                row.kind.as_str(),
                row.sensitivity.as_str(),
                row.body,
                row.restricted
            ])?;
        if changed > 0 {
            self.tx
                .prepare_cached("DELETE FROM record_refs WHERE source = ?1")?
                .execute([&row.id])?;
            let mut insert = self.tx.prepare_cached(
                "INSERT OR IGNORE INTO record_refs (target, source) VALUES (?1, ?2)",
            )?;
            for target in references {
                insert.execute(params![target, row.id])?;
            }
            return Ok(Vec::new());
        }
        let stored: Option<String> = self
            .tx
            .prepare_cached("SELECT kind FROM records WHERE id = ?1")?
            .query_row([&row.id], |r| r.get(0))
            .optional()?;
        match stored {
            Some(kind) => Ok(vec![KindConflict {
                stored: parse_kind(&row.id, &kind)?,
                id: row.id,
            }]),
            None => Err(StoreError::Corrupt {
                id: row.id,
                problem: "upsert wrote nothing".into(),
            }),
        }
    }

    fn flush(&mut self) -> Result<Vec<KindConflict>> {
        Ok(Vec::new())
    }

    fn kinds_of(&mut self, ids: &[&str]) -> Result<Vec<(String, Kind)>> {
        let mut stmt = self
            .tx
            .prepare_cached("SELECT kind FROM records WHERE id = ?1")?;
        let mut found = Vec::new();
        for id in ids {
            if let Some(kind) = stmt.query_row([id], |r| r.get::<_, String>(0)).optional()? {
                found.push(((*id).to_owned(), parse_kind(id, &kind)?));
            }
        }
        Ok(found)
    }

    fn referrers(&mut self, id: &str) -> Result<Vec<String>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT source FROM record_refs WHERE target = ?1 AND source <> ?1 ORDER BY source",
        )?;
        let rows = stmt.query_map([id], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn audit_head(&mut self) -> Result<Option<(u64, String)>> {
        audit::audit_head(&self.tx)
    }

    fn append_audit(&mut self, entry: &AuditRow) -> Result<()> {
        audit::append_audit(&self.tx, entry)
    }

    fn add_evidence(&mut self, e: &EvidenceRow) -> Result<()> {
        evidence::add_evidence(&self.tx, e)
    }

    fn add_key_session(&mut self, id: &str, sealed_key: &str) -> Result<()> {
        audit::add_key_session(&self.tx, id, sealed_key)
    }

    fn delete_key_sessions_except(&mut self, keep: &str) -> Result<()> {
        audit::delete_key_sessions_except(&self.tx, keep)
    }

    fn restricted_of_kind(&mut self, kind: Kind) -> Result<Vec<(String, String)>> {
        let mut stmt = self.tx.prepare(
            "SELECT id, restricted FROM records WHERE kind = ?1 AND restricted IS NOT NULL ORDER BY id",
        )?;
        let rows = stmt
            .query_map([kind.as_str()], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    fn set_restricted(&mut self, id: &str, restricted: &str) -> Result<()> {
        self.tx
            .prepare_cached("UPDATE records SET restricted = ?2 WHERE id = ?1")?
            .execute([id, restricted])?;
        Ok(())
    }

    fn delete(&mut self, id: &str) -> Result<bool> {
        let n = self
            .tx
            .prepare_cached("DELETE FROM records WHERE id = ?1")?
            .execute([id])?;
        self.tx
            .prepare_cached("DELETE FROM record_refs WHERE source = ?1")?
            .execute([id])?;
        screening::clear(&self.tx, id)?;
        Ok(n > 0)
    }

    fn put_derived(&mut self, derived: Derived) -> Result<()> {
        screening::put(&self.tx, &derived)
    }

    fn commit(self: Box<Self>) -> Result<()> {
        self.tx.commit()?;
        Ok(())
    }
}
