//! Support for tests that run against a real PostgreSQL server: each test gets a
//! database of its own, created fresh and dropped afterwards, so runs never see each
//! other's data. The server comes from `ZONEWATCH_TEST_POSTGRES`.

use std::sync::atomic::{AtomicU32, Ordering};

use postgres::{Client, NoTls};

use crate::Result;

/// The environment variable naming the PostgreSQL server tests may use.
pub const POSTGRES_ENV: &str = "ZONEWATCH_TEST_POSTGRES";

/// The server URL from `ZONEWATCH_TEST_POSTGRES`, when set and not empty.
pub fn postgres_server() -> Option<String> {
    std::env::var(POSTGRES_ENV)
        .ok()
        .filter(|url| !url.trim().is_empty())
}

/// A database created for one test and dropped when this is dropped.
pub struct TempDatabase {
    server: String,
    name: String,
    /// The URL of the new database.
    pub url: String,
}

impl TempDatabase {
    /// Creates an empty database `zw_test_<pid>_<n>_<time>` on the server.
    pub fn create(server: &str) -> Result<TempDatabase> {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let name = format!(
            "zw_test_{}_{}_{nanos}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        );
        let mut client = Client::connect(server, NoTls)?;
        client.batch_execute(&format!("CREATE DATABASE {name}"))?;
        let url = with_database(server, &name);
        Ok(TempDatabase {
            server: server.to_owned(),
            name,
            url,
        })
    }
}

impl Drop for TempDatabase {
    fn drop(&mut self) {
        if let Ok(mut client) = Client::connect(&self.server, NoTls) {
            let _ = client.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
        }
    }
}

/// The same server URL naming another database.
pub fn with_database(server: &str, database: &str) -> String {
    let (scheme, rest) = server.split_once("://").unwrap_or(("postgres", server));
    let (before_query, query) = match rest.split_once('?') {
        Some((before, query)) => (before, Some(query)),
        None => (rest, None),
    };
    let authority = before_query.split('/').next().unwrap_or(before_query);
    let mut url = format!("{scheme}://{authority}/{database}");
    if let Some(query) = query {
        url.push('?');
        url.push_str(query);
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swaps_the_database_name() {
        assert_eq!(
            with_database("postgres://u@h:5432/test", "x"),
            "postgres://u@h:5432/x"
        );
        assert_eq!(with_database("postgresql://h", "x"), "postgresql://h/x");
        assert_eq!(
            with_database("postgres://h/db?sslmode=disable", "x"),
            "postgres://h/x?sslmode=disable"
        );
    }
}
