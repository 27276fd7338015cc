//! The team backend: PostgreSQL through the synchronous `postgres` client. Imports
//! write in batches (`INSERT … SELECT FROM unnest(…)`), so a million records cost
//! a thousand round trips rather than a million.

use std::collections::HashSet;

use postgres::fallible_iterator::FallibleIterator;
use postgres::{Client, GenericClient, NoTls};
use zonewatch_model::Kind;

use crate::migrate::{references_of, POSTGRES, REFERENCES_MIGRATION};
use crate::screening::{self, AdScreening, Derived, StoredContact};
use crate::{
    audit_json, audit_row, parse_kind, parse_sensitivity, AuditRow, CheckpointRow, EvidenceRow,
    KindConflict, Result, Row, SessionRow, Store, StoreError, TokenRow, User, WriteTransaction,
};

const BATCH: usize = 2000;

/// The columns [`user_from_sql`] reads, of `users u`.
macro_rules! user_columns {
    () => {
        "u.name, u.role, u.password_hash, u.created_at, u.must_change_password"
    };
}

pub struct PostgresStore {
    client: Client,
    /// Statements of the per-request lookups (a session, a token), prepared once per
    /// connection instead of on every request.
    prepared: std::collections::HashMap<&'static str, postgres::Statement>,
}

impl PostgresStore {
    pub fn open(url: &str) -> Result<PostgresStore> {
        let client = Client::connect(url, NoTls)?;
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
                backfill_references(&mut tx)?;
            }
        }
        tx.commit()?;
        Ok(())
    }
}

/// Fills `record_refs` from the records a database held before it existed.
fn backfill_references(tx: &mut postgres::Transaction) -> Result<()> {
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

/// Every write transaction takes this lock first, so writers queue one behind the
/// other as SQLite's do: a create that finds its id free, or a delete that finds no
/// referrer, still finds it so at its commit, and two writers never take the same
/// audit sequence number.
const WRITE_LOCK: i64 = 7_242_025;

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
        let mut tx = self.client.transaction()?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK])?;
        Ok(Box::new(PostgresWrite {
            tx,
            pending: Vec::with_capacity(BATCH),
            pending_refs: (Vec::new(), Vec::new()),
            derived: Vec::new(),
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

    fn add_user(&mut self, user: &User) -> Result<()> {
        self.client.execute(
            "INSERT INTO users (name, role, password_hash, created_at, must_change_password)
             VALUES ($1, $2, $3, $4, $5)",
            &[
                &user.name,
                &user.role,
                &user.password_hash,
                &user.created_at,
                &user.must_change_password,
            ],
        )?;
        Ok(())
    }

    fn user(&mut self, name: &str) -> Result<Option<User>> {
        let row = self.client.query_opt(
            concat!("SELECT ", user_columns!(), " FROM users u WHERE name = $1"),
            &[&name],
        )?;
        row.as_ref().map(user_from_sql).transpose()
    }

    fn users(&mut self) -> Result<Vec<User>> {
        let rows = self.client.query(
            concat!("SELECT ", user_columns!(), " FROM users u ORDER BY name"),
            &[],
        )?;
        rows.iter().map(user_from_sql).collect()
    }

    fn set_password(&mut self, name: &str, password_hash: &str, must_change: bool) -> Result<bool> {
        let n = self.client.execute(
            "UPDATE users SET password_hash = $2, must_change_password = $3 WHERE name = $1",
            &[&name, &password_hash, &must_change],
        )?;
        Ok(n > 0)
    }

    fn add_token(&mut self, token: &TokenRow) -> Result<()> {
        self.client.execute(
            "INSERT INTO api_tokens (token_sha256, user_name, name, created_at, last_used_at)
             VALUES ($1, $2, $3, $4, $5)",
            &[
                &token.token_sha256,
                &token.user_name,
                &token.name,
                &token.created_at,
                &token.last_used_at,
            ],
        )?;
        Ok(())
    }

    fn token_user(&mut self, token_sha256: &str) -> Result<Option<User>> {
        let statement = self.prepared(concat!(
            "SELECT ",
            user_columns!(),
            " FROM api_tokens t JOIN users u ON u.name = t.user_name WHERE t.token_sha256 = $1"
        ))?;
        let row = self.client.query_opt(&statement, &[&token_sha256])?;
        row.as_ref().map(user_from_sql).transpose()
    }

    fn tokens(&mut self) -> Result<Vec<TokenRow>> {
        let rows = self.client.query(
            "SELECT token_sha256, user_name, name, created_at, last_used_at FROM api_tokens
             ORDER BY user_name, created_at, token_sha256",
            &[],
        )?;
        rows.iter()
            .map(|r| {
                Ok(TokenRow {
                    token_sha256: r.try_get(0)?,
                    user_name: r.try_get(1)?,
                    name: r.try_get(2)?,
                    created_at: r.try_get(3)?,
                    last_used_at: r.try_get(4)?,
                })
            })
            .collect()
    }

    fn delete_token(&mut self, token_sha256: &str) -> Result<bool> {
        let n = self.client.execute(
            "DELETE FROM api_tokens WHERE token_sha256 = $1",
            &[&token_sha256],
        )?;
        Ok(n > 0)
    }

    fn touch_token(&mut self, token_sha256: &str, time: &str) -> Result<()> {
        self.client.execute(
            "UPDATE api_tokens SET last_used_at = $2 WHERE token_sha256 = $1",
            &[&token_sha256, &time],
        )?;
        Ok(())
    }

    fn add_session(&mut self, session: &SessionRow, now: i64) -> Result<()> {
        let mut tx = self.client.transaction()?;
        tx.execute("DELETE FROM web_sessions WHERE expires_at <= $1", &[&now])?;
        tx.execute(
            "INSERT INTO web_sessions (id_sha256, user_name, csrf, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5)",
            &[
                &session.id_sha256,
                &session.user_name,
                &session.csrf,
                &session.created_at,
                &session.expires_at,
            ],
        )?;
        tx.commit()?;
        Ok(())
    }

    fn session(&mut self, id_sha256: &str, now: i64) -> Result<Option<(SessionRow, User)>> {
        let statement = self.prepared(concat!(
            "SELECT ",
            user_columns!(),
            ", s.id_sha256, s.csrf, s.created_at, s.expires_at
             FROM web_sessions s JOIN users u ON u.name = s.user_name
             WHERE s.id_sha256 = $1 AND s.expires_at > $2"
        ))?;
        let Some(r) = self.client.query_opt(&statement, &[&id_sha256, &now])? else {
            return Ok(None);
        };
        let user = user_from_sql(&r)?;
        Ok(Some((
            SessionRow {
                id_sha256: r.try_get(5)?,
                user_name: user.name.clone(),
                csrf: r.try_get(6)?,
                created_at: r.try_get(7)?,
                expires_at: r.try_get(8)?,
            },
            user,
        )))
    }

    fn delete_session(&mut self, id_sha256: &str) -> Result<()> {
        self.client.execute(
            "DELETE FROM web_sessions WHERE id_sha256 = $1",
            &[&id_sha256],
        )?;
        Ok(())
    }

    fn delete_sessions_of(&mut self, user: &str, keep: Option<&str>) -> Result<u64> {
        Ok(self.client.execute(
            "DELETE FROM web_sessions WHERE user_name = $1 AND id_sha256 <> COALESCE($2, '')",
            &[&user, &keep],
        )?)
    }

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

    fn ad_screening(&mut self, id: &str) -> Result<Option<AdScreening>> {
        screening::postgres::ad_screening(&mut self.client, id)
    }

    fn screening_fingerprints(&mut self, kind: Kind) -> Result<Vec<(String, Option<String>)>> {
        screening::postgres::fingerprints(&mut self.client, kind)
    }

    fn ad_contacts(&mut self) -> Result<Vec<(String, StoredContact)>> {
        screening::postgres::ad_contacts(&mut self.client)
    }

    fn testimony_contact_hashes(&mut self) -> Result<Vec<(String, String)>> {
        screening::postgres::testimony_hashes(&mut self.client)
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
}

fn user_from_sql(r: &postgres::Row) -> Result<User> {
    Ok(User {
        name: r.try_get(0)?,
        role: r.try_get(1)?,
        password_hash: r.try_get(2)?,
        created_at: r.try_get(3)?,
        must_change_password: r.try_get(4)?,
    })
}

fn audit_head(client: &mut impl GenericClient) -> Result<Option<(u64, String)>> {
    let row = client.query_opt(
        "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1",
        &[],
    )?;
    Ok(row.map(|r| (r.get::<_, i64>(0) as u64, r.get(1))))
}

fn append_audit(client: &mut impl GenericClient, entry: &AuditRow) -> Result<()> {
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

struct PostgresWrite<'c> {
    tx: postgres::Transaction<'c>,
    pending: Vec<Row>,
    /// (targets, sources) of the pending rows' references.
    pending_refs: (Vec<String>, Vec<String>),
    /// Screening rows, batched like records (they reference no other table, so
    /// they may be written before or after their records).
    derived: Vec<Derived>,
}

impl PostgresWrite<'_> {
    fn write_derived(&mut self) -> Result<()> {
        let batch = std::mem::take(&mut self.derived);
        screening::postgres::put_batch(&mut self.tx, &batch)
    }

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
        let (targets, sources) = std::mem::take(&mut self.pending_refs);
        let written_all = written.len() == rows.len();
        let written: HashSet<String> = written.iter().map(|r| r.get(0)).collect();
        // The references of the rows written replace those they had; a row not
        // written (a kind conflict, which fails the import) keeps its own.
        self.tx.execute(
            "DELETE FROM record_refs WHERE source = ANY($1)",
            &[&written.iter().collect::<Vec<_>>()],
        )?;
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
        audit_head(&mut self.tx)
    }

    fn append_audit(&mut self, entry: &AuditRow) -> Result<()> {
        append_audit(&mut self.tx, entry)
    }

    fn add_evidence(&mut self, e: &EvidenceRow) -> Result<()> {
        self.tx.execute(
            "INSERT INTO evidence (id, record_id, sealed, content, meta, created_at)
             VALUES ($1, $2, $3, $4, $5, now()::text)",
            &[&e.id, &e.record_id, &e.sealed, &e.content, &e.meta],
        )?;
        Ok(())
    }

    fn add_key_session(&mut self, id: &str, sealed_key: &str) -> Result<()> {
        self.tx.execute(
            "INSERT INTO key_sessions (id, sealed_key, created_at) VALUES ($1, $2, now()::text)",
            &[&id, &sealed_key],
        )?;
        Ok(())
    }

    fn delete_key_sessions_except(&mut self, keep: &str) -> Result<()> {
        self.tx
            .execute("DELETE FROM key_sessions WHERE id <> $1", &[&keep])?;
        Ok(())
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
        screening::postgres::clear(&mut self.tx, &[id])?;
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
