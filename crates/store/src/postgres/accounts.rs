//! Users, API tokens and browser sessions (`users`, `api_tokens`, `web_sessions`):
//! [`AccountStore`].

use super::PostgresStore;
use crate::{AccountStore, Result, SessionRow, TokenRow, User};

/// The columns [`user_from_sql`] reads, of `users u`.
macro_rules! user_columns {
    () => {
        "u.name, u.role, u.password_hash, u.created_at, u.must_change_password"
    };
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

impl AccountStore for PostgresStore {
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
}
