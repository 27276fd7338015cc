//! Users, API tokens and browser sessions (`users`, `api_tokens`, `web_sessions`):
//! [`AccountStore`].

use rusqlite::{params, OptionalExtension, TransactionBehavior};

use super::{SqliteStore, BUSY_TIMEOUT};
use crate::{AccountStore, Result, SessionRow, TokenRow, User};

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

impl AccountStore for SqliteStore {
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
}
