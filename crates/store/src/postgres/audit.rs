//! The audit log, its checkpoints, the key ring and the write sessions' keys
//! (`audit_log`, `audit_checkpoints`, `keyring`, `key_sessions`): [`AuditStore`], and
//! what the write transaction adds to them.

use postgres::GenericClient;

use super::PostgresStore;
use crate::{audit_json, audit_row, AuditRow, AuditStore, CheckpointRow, Result};

impl AuditStore for PostgresStore {
    fn audit_head(&mut self) -> Result<Option<(u64, String)>> {
        audit_head(&mut self.client)
    }

    fn audit_entries(&mut self, record: Option<&str>) -> Result<Vec<AuditRow>> {
        let rows = self.client.query(
            "SELECT seq, time, actor, action, records, details, prev_hash, hash
             FROM audit_log ORDER BY seq",
            &[],
        )?;
        let mut entries = Vec::with_capacity(rows.len());
        for row in rows {
            let records: String = row.try_get(4)?;
            let details: String = row.try_get(5)?;
            let entry = audit_row(
                (
                    row.try_get(0)?,
                    row.try_get(1)?,
                    row.try_get(2)?,
                    row.try_get(3)?,
                ),
                &records,
                &details,
                row.try_get(6)?,
                row.try_get(7)?,
            )?;
            if record.is_none_or(|id| entry.records.iter().any(|r| r == id)) {
                entries.push(entry);
            }
        }
        Ok(entries)
    }

    fn add_checkpoint(&mut self, checkpoint: &CheckpointRow) -> Result<()> {
        self.client.execute(
            "INSERT INTO audit_checkpoints (seq, head_hash, signature) VALUES ($1, $2, $3)
             ON CONFLICT (seq) DO NOTHING",
            &[
                &(checkpoint.seq as i64),
                &checkpoint.head_hash,
                &checkpoint.signature,
            ],
        )?;
        Ok(())
    }

    fn checkpoints(&mut self) -> Result<Vec<CheckpointRow>> {
        let rows = self.client.query(
            "SELECT seq, head_hash, signature FROM audit_checkpoints ORDER BY seq",
            &[],
        )?;
        rows.iter()
            .map(|r| {
                Ok(CheckpointRow {
                    seq: r.try_get::<_, i64>(0)? as u64,
                    head_hash: r.try_get(1)?,
                    signature: r.try_get(2)?,
                })
            })
            .collect()
    }

    fn keyring(&mut self) -> Result<Option<String>> {
        let row = self
            .client
            .query_opt("SELECT sealed FROM keyring WHERE id = 1", &[])?;
        Ok(row.map(|r| r.get(0)))
    }

    fn set_keyring(&mut self, sealed: &str) -> Result<()> {
        self.client.execute(
            "INSERT INTO keyring (id, sealed, created_at) VALUES (1, $1, now()::text)
             ON CONFLICT (id) DO UPDATE SET sealed = excluded.sealed",
            &[&sealed],
        )?;
        Ok(())
    }

    fn key_sessions(&mut self) -> Result<Vec<(String, String)>> {
        let rows = self
            .client
            .query("SELECT id, sealed_key FROM key_sessions ORDER BY id", &[])?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
    }

    fn key_sessions_of(&mut self, ids: &[&str]) -> Result<Vec<(String, String)>> {
        let rows = self.client.query(
            "SELECT id, sealed_key FROM key_sessions WHERE id = ANY($1)",
            &[&ids],
        )?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
    }
}

/// The last audit entry, on the store's connection or inside a write transaction.
pub(super) fn audit_head(client: &mut impl GenericClient) -> Result<Option<(u64, String)>> {
    let row = client.query_opt(
        "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1",
        &[],
    )?;
    Ok(row.map(|r| (r.get::<_, i64>(0) as u64, r.get(1))))
}

/// [`crate::WriteTransaction::append_audit`].
pub(super) fn append_audit(client: &mut impl GenericClient, entry: &AuditRow) -> Result<()> {
    let (records, details) = audit_json(entry);
    client.execute(
        "INSERT INTO audit_log (seq, time, actor, action, records, details, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        &[
            &(entry.seq as i64),
            &entry.time,
            &entry.actor,
            &entry.action,
            &records,
            &details,
            &entry.prev_hash,
            &entry.hash,
        ],
    )?;
    Ok(())
}

/// [`crate::WriteTransaction::add_key_session`].
pub(super) fn add_key_session(
    client: &mut impl GenericClient,
    id: &str,
    sealed_key: &str,
) -> Result<()> {
    client.execute(
        "INSERT INTO key_sessions (id, sealed_key, created_at) VALUES ($1, $2, now()::text)",
        &[&id, &sealed_key],
    )?;
    Ok(())
}

/// [`crate::WriteTransaction::delete_key_sessions_except`].
pub(super) fn delete_key_sessions_except(
    client: &mut impl GenericClient,
    keep: &str,
) -> Result<()> {
    client.execute("DELETE FROM key_sessions WHERE id <> $1", &[&keep])?;
    Ok(())
}
