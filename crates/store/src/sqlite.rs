//! The embedded backend: one SQLite file in WAL mode, written by one transaction at a
//! time (`BEGIN IMMEDIATE`, so a second writer waits instead of failing mid-way).

use std::path::Path;

use rusqlite::config::DbConfig;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use zonewatch_model::Kind;

use crate::migrate::{references_of, Migration, REFERENCES_MIGRATION, SQLITE};
use crate::screening::{self, AdScreening, Derived, StoredContact};
use crate::{
    audit_json, audit_row, parse_kind, parse_sensitivity, AuditRow, CheckpointRow, EvidenceRow,
    KindConflict, Result, Row, SessionRow, Store, StoreError, TokenRow, User, WriteTransaction,
};

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
                backfill_references(&tx)?;
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

/// Fills `record_refs` from the records a database held before it existed.
fn backfill_references(tx: &rusqlite::Transaction) -> Result<()> {
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

impl Store for SqliteStore {
    fn backend(&self) -> &'static str {
        "sqlite"
    }

    fn begin_write(&mut self) -> Result<Box<dyn WriteTransaction + '_>> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        Ok(Box::new(SqliteWrite { tx }))
    }

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

    fn add_user(&mut self, user: &User) -> Result<()> {
        self.conn.execute(
            "INSERT INTO users (name, role, password_hash, created_at, must_change_password)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                user.name,
                user.role,
                user.password_hash,
                user.created_at,
                user.must_change_password
            ],
        )?;
        Ok(())
    }

    fn user(&mut self, name: &str) -> Result<Option<User>> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {USER_COLUMNS} FROM users u WHERE name = ?1"),
                [name],
                user_from_sql,
            )
            .optional()?)
    }

    fn users(&mut self) -> Result<Vec<User>> {
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT {USER_COLUMNS} FROM users u ORDER BY name"))?;
        let users = stmt
            .query_map([], user_from_sql)?
            .collect::<Result<_, _>>()?;
        Ok(users)
    }

    fn set_password(&mut self, name: &str, password_hash: &str, must_change: bool) -> Result<bool> {
        let n = self.conn.execute(
            "UPDATE users SET password_hash = ?2, must_change_password = ?3 WHERE name = ?1",
            params![name, password_hash, must_change],
        )?;
        Ok(n > 0)
    }

    fn add_token(&mut self, token: &TokenRow) -> Result<()> {
        self.conn.execute(
            "INSERT INTO api_tokens (token_sha256, user_name, name, created_at, last_used_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                token.token_sha256,
                token.user_name,
                token.name,
                token.created_at,
                token.last_used_at
            ],
        )?;
        Ok(())
    }

    fn token_user(&mut self, token_sha256: &str) -> Result<Option<User>> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {USER_COLUMNS} FROM api_tokens t JOIN users u ON u.name = t.user_name
                 WHERE t.token_sha256 = ?1"
            ))?
            .query_row([token_sha256], user_from_sql)
            .optional()?)
    }

    fn tokens(&mut self) -> Result<Vec<TokenRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT token_sha256, user_name, name, created_at, last_used_at FROM api_tokens
             ORDER BY user_name, created_at, token_sha256",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok(TokenRow {
                    token_sha256: r.get(0)?,
                    user_name: r.get(1)?,
                    name: r.get(2)?,
                    created_at: r.get(3)?,
                    last_used_at: r.get(4)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    fn delete_token(&mut self, token_sha256: &str) -> Result<bool> {
        let n = self.conn.execute(
            "DELETE FROM api_tokens WHERE token_sha256 = ?1",
            [token_sha256],
        )?;
        Ok(n > 0)
    }

    fn touch_token(&mut self, token_sha256: &str, time: &str) -> Result<()> {
        // While an import holds the write lock, a request must not wait for it only
        // to note when a token was used: skip the note instead.
        self.conn.busy_timeout(std::time::Duration::ZERO)?;
        let written = self.conn.execute(
            "UPDATE api_tokens SET last_used_at = ?2 WHERE token_sha256 = ?1",
            [token_sha256, time],
        );
        self.conn.busy_timeout(BUSY_TIMEOUT)?;
        match written {
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::DatabaseBusy =>
            {
                Ok(())
            }
            other => other.map(|_| ()).map_err(Into::into),
        }
    }

    fn add_session(&mut self, session: &SessionRow, now: i64) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute("DELETE FROM web_sessions WHERE expires_at <= ?1", [now])?;
        tx.execute(
            "INSERT INTO web_sessions (id_sha256, user_name, csrf, created_at, expires_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                session.id_sha256,
                session.user_name,
                session.csrf,
                session.created_at,
                session.expires_at
            ],
        )?;
        tx.commit()?;
        Ok(())
    }

    fn session(&mut self, id_sha256: &str, now: i64) -> Result<Option<(SessionRow, User)>> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {USER_COLUMNS}, s.id_sha256, s.csrf, s.created_at, s.expires_at
                 FROM web_sessions s JOIN users u ON u.name = s.user_name
                 WHERE s.id_sha256 = ?1 AND s.expires_at > ?2"
            ))?
            .query_row(params![id_sha256, now], |r| {
                let user = user_from_sql(r)?;
                Ok((
                    SessionRow {
                        id_sha256: r.get(5)?,
                        user_name: user.name.clone(),
                        csrf: r.get(6)?,
                        created_at: r.get(7)?,
                        expires_at: r.get(8)?,
                    },
                    user,
                ))
            })
            .optional()?)
    }

    fn delete_session(&mut self, id_sha256: &str) -> Result<()> {
        self.conn
            .execute("DELETE FROM web_sessions WHERE id_sha256 = ?1", [id_sha256])?;
        Ok(())
    }

    fn delete_sessions_of(&mut self, user: &str, keep: Option<&str>) -> Result<u64> {
        let n = self.conn.execute(
            "DELETE FROM web_sessions WHERE user_name = ?1 AND id_sha256 <> COALESCE(?2, '')",
            params![user, keep],
        )?;
        Ok(n as u64)
    }

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

    fn ad_screening(&mut self, id: &str) -> Result<Option<AdScreening>> {
        screening::sqlite::ad_screening(&self.conn, id)
    }

    fn screening_fingerprints(&mut self, kind: Kind) -> Result<Vec<(String, Option<String>)>> {
        screening::sqlite::fingerprints(&self.conn, kind)
    }

    fn ad_contacts(&mut self) -> Result<Vec<(String, StoredContact)>> {
        screening::sqlite::ad_contacts(&self.conn)
    }

    fn testimony_contact_hashes(&mut self) -> Result<Vec<(String, String)>> {
        screening::sqlite::testimony_hashes(&self.conn)
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
}

/// The columns [`user_from_sql`] reads, of `users u`.
const USER_COLUMNS: &str = "u.name, u.role, u.password_hash, u.created_at, u.must_change_password";

fn user_from_sql(r: &rusqlite::Row) -> rusqlite::Result<User> {
    Ok(User {
        name: r.get(0)?,
        role: r.get(1)?,
        password_hash: r.get(2)?,
        created_at: r.get(3)?,
        must_change_password: r.get(4)?,
    })
}

fn audit_head(conn: &Connection) -> Result<Option<(u64, String)>> {
    Ok(conn
        .query_row(
            "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get::<_, i64>(0)? as u64, r.get(1)?)),
        )
        .optional()?)
}

fn append_audit(conn: &Connection, entry: &AuditRow) -> Result<()> {
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

struct SqliteWrite<'c> {
    tx: rusqlite::Transaction<'c>,
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
        audit_head(&self.tx)
    }

    fn append_audit(&mut self, entry: &AuditRow) -> Result<()> {
        append_audit(&self.tx, entry)
    }

    fn add_evidence(&mut self, e: &EvidenceRow) -> Result<()> {
        self.tx.execute(
            "INSERT INTO evidence (id, record_id, sealed, content, meta, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, datetime('now'))",
            params![e.id, e.record_id, i64::from(e.sealed), e.content, e.meta],
        )?;
        Ok(())
    }

    fn add_key_session(&mut self, id: &str, sealed_key: &str) -> Result<()> {
        self.tx.execute(
            "INSERT INTO key_sessions (id, sealed_key, created_at) VALUES (?1, ?2, datetime('now'))",
            [id, sealed_key],
        )?;
        Ok(())
    }

    fn delete_key_sessions_except(&mut self, keep: &str) -> Result<()> {
        self.tx
            .execute("DELETE FROM key_sessions WHERE id <> ?1", [keep])?;
        Ok(())
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
        screening::sqlite::clear(&self.tx, id)?;
        Ok(n > 0)
    }

    fn put_derived(&mut self, derived: Derived) -> Result<()> {
        screening::sqlite::put(&self.tx, &derived)
    }

    fn commit(self: Box<Self>) -> Result<()> {
        self.tx.commit()?;
        Ok(())
    }
}
