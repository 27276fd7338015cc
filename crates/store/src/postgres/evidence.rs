//! Evidence files (`evidence`): [`EvidenceStore`], and adding one in a write
//! transaction.

use postgres::GenericClient;

use super::PostgresStore;
use crate::{EvidenceRow, EvidenceStore, Result};

impl EvidenceStore for PostgresStore {
    fn evidence(&mut self, id: &str) -> Result<Option<EvidenceRow>> {
        let row = self.client.query_opt(
            "SELECT id, record_id, sealed, content, meta FROM evidence WHERE id = $1",
            &[&id],
        )?;
        row.map(|r| {
            Ok(EvidenceRow {
                id: r.try_get(0)?,
                record_id: r.try_get(1)?,
                sealed: r.try_get(2)?,
                content: r.try_get(3)?,
                meta: r.try_get(4)?,
            })
        })
        .transpose()
    }

    fn evidence_list(&mut self) -> Result<Vec<(String, String, bool)>> {
        let rows = self.client.query(
            "SELECT id, record_id, sealed FROM evidence ORDER BY id",
            &[],
        )?;
        rows.iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?)))
            .collect()
    }
}

/// [`crate::WriteTransaction::add_evidence`].
pub(super) fn add_evidence(client: &mut impl GenericClient, e: &EvidenceRow) -> Result<()> {
    client.execute(
        "INSERT INTO evidence (id, record_id, sealed, content, meta, created_at)
         VALUES ($1, $2, $3, $4, $5, now()::text)",
        &[&e.id, &e.record_id, &e.sealed, &e.content, &e.meta],
    )?;
    Ok(())
}
