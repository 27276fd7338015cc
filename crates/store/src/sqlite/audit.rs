//! The audit log, its checkpoints, the key ring and the write sessions' keys
//! (`audit_log`, `audit_checkpoints`, `keyring`, `key_sessions`): [`AuditStore`], and
//! what the write transaction adds to them.

use rusqlite::{params, Connection, OptionalExtension};

use super::SqliteStore;
use crate::{audit_json, audit_row, AuditRow, AuditStore, CheckpointRow, Result};

impl AuditStore for SqliteStore {
    fn audit_head(&mut self) -> Result<Option<(u64, String)>> {
        audit_head(&self.conn)
    }

    fn audit_entries(&mut self, record: Option<&str>) -> Result<Vec<AuditRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT seq, time, actor, action, records, details, prev_hash, hash
             FROM audit_log ORDER BY seq",
        )?;
        let mut rows = stmt.query([])?;
        let mut entries = Vec::new();
        while let Some(row) = rows.next()? {
            let records: String = row.get(4)?;
            let details: String = row.get(5)?;
            let entry = audit_row(
                (row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?),
                &records,
                &details,
                row.get(6)?,
                row.get(7)?,
            )?;
            if record.is_none_or(|id| entry.records.iter().any(|r| r == id)) {
                entries.push(entry);
            }
        }
        Ok(entries)
    }

    fn add_checkpoint(&mut self, checkpoint: &CheckpointRow) -> Result<()> {
        self.conn.execute(
            "INSERT INTO audit_checkpoints (seq, head_hash, signature) VALUES (?1, ?2, ?3)
             ON CONFLICT (seq) DO NOTHING",
            params![
                checkpoint.seq as i64,
                checkpoint.head_hash,
                checkpoint.signature
            ],
        )?;
        Ok(())
    }

    fn checkpoints(&mut self) -> Result<Vec<CheckpointRow>> {
        let mut stmt = self
            .conn
            .prepare("SELECT seq, head_hash, signature FROM audit_checkpoints ORDER BY seq")?;
        let rows = stmt
            .query_map([], |r| {
                Ok(CheckpointRow {
                    seq: r.get::<_, i64>(0)? as u64,
                    head_hash: r.get(1)?,
                    signature: r.get(2)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    fn keyring(&mut self) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT sealed FROM keyring WHERE id = 1", [], |r| r.get(0))
            .optional()?)
    }

    fn set_keyring(&mut self, sealed: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO keyring (id, sealed, created_at) VALUES (1, ?1, datetime('now'))
             ON CONFLICT (id) DO UPDATE SET sealed = excluded.sealed",
            [sealed],
        )?;
        Ok(())
    }

    fn key_sessions(&mut self) -> Result<Vec<(String, String)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, sealed_key FROM key_sessions ORDER BY id")?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    fn key_sessions_of(&mut self, ids: &[&str]) -> Result<Vec<(String, String)>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT sealed_key FROM key_sessions WHERE id = ?1")?;
        let mut found = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(key) = stmt.query_row([id], |r| r.get(0)).optional()? {
                found.push(((*id).to_owned(), key));
            }
        }
        Ok(found)
    }
}

/// The last audit entry, on the store's connection or inside a write transaction.
pub(super) fn audit_head(conn: &Connection) -> Result<Option<(u64, String)>> {
    Ok(conn
        .query_row(
            "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get::<_, i64>(0)? as u64, r.get(1)?)),
        )
        .optional()?)
}

/// [`crate::WriteTransaction::append_audit`].
pub(super) fn append_audit(conn: &Connection, entry: &AuditRow) -> Result<()> {
    let (records, details) = audit_json(entry);
    conn.execute(
        "INSERT INTO audit_log (seq, time, actor, action, records, details, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            entry.seq as i64,
            entry.time,
            entry.actor,
            entry.action,
            records,
            details,
            entry.prev_hash,
            entry.hash
        ],
    )?;
    Ok(())
}

/// [`crate::WriteTransaction::add_key_session`].
pub(super) fn add_key_session(conn: &Connection, id: &str, sealed_key: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO key_sessions (id, sealed_key, created_at) VALUES (?1, ?2, datetime('now'))",
        [id, sealed_key],
    )?;
    Ok(())
}

/// [`crate::WriteTransaction::delete_key_sessions_except`].
pub(super) fn delete_key_sessions_except(conn: &Connection, keep: &str) -> Result<()> {
    conn.execute("DELETE FROM key_sessions WHERE id <> ?1", [keep])?;
    Ok(())
}
