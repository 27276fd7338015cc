//! Evidence files (`evidence`): [`EvidenceStore`], and adding one in a write
//! transaction.

use rusqlite::{params, Connection, OptionalExtension};

use super::SqliteStore;
use crate::{EvidenceRow, EvidenceStore, Result};

impl EvidenceStore for SqliteStore {
    fn evidence(&mut self, id: &str) -> Result<Option<EvidenceRow>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id, record_id, sealed, content, meta FROM evidence WHERE id = ?1",
                [id],
                |r| {
                    Ok(EvidenceRow {
                        id: r.get(0)?,
                        record_id: r.get(1)?,
                        sealed: r.get::<_, i64>(2)? != 0,
                        content: r.get(3)?,
                        meta: r.get(4)?,
                    })
                },
            )
            .optional()?)
    }

    fn evidence_list(&mut self) -> Result<Vec<(String, String, bool)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, record_id, sealed FROM evidence ORDER BY id")?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get::<_, i64>(2)? != 0)))?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }
}

/// [`crate::WriteTransaction::add_evidence`].
pub(super) fn add_evidence(conn: &Connection, e: &EvidenceRow) -> Result<()> {
    conn.execute(
        "INSERT INTO evidence (id, record_id, sealed, content, meta, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, datetime('now'))",
        params![e.id, e.record_id, i64::from(e.sealed), e.content, e.meta],
    )?;
    Ok(())
}
