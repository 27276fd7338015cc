//! Database URLs: `sqlite://rel/path.db`, `sqlite:///abs/path.db`, `postgres://…`
//! and `postgresql://…`. Anything else is an error, never a silent fallback.

use std::fmt;
use std::path::PathBuf;

use crate::StoreError;

/// The default: an SQLite file in the working directory.
pub const DEFAULT_URL: &str = "sqlite://zonewatch.db";

#[derive(Clone, PartialEq, Eq)]
pub enum DbUrl {
    Sqlite(PathBuf),
    /// The URL as given; libpq-style URLs are passed to the driver unchanged.
    Postgres(String),
}

impl DbUrl {
    pub fn parse(url: &str) -> Result<DbUrl, StoreError> {
        if let Some(path) = url.strip_prefix("sqlite://") {
            if path.is_empty() {
                return Err(StoreError::Url(
                    "`sqlite://` needs a file path, e.g. sqlite://zonewatch.db or sqlite:///var/lib/zonewatch.db"
                        .into(),
                ));
            }
            // `sqlite://rel.db` is relative to the working directory;
            // `sqlite:///abs.db` keeps its leading slash and is absolute.
            return Ok(DbUrl::Sqlite(PathBuf::from(path)));
        }
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(DbUrl::Postgres(url.to_owned()));
        }
        let scheme = url.split_once("://").map(|(scheme, _)| scheme);
        Err(StoreError::Url(match scheme {
            Some(scheme) => format!(
                "unknown scheme `{scheme}://`: expected sqlite://PATH, postgres://… or postgresql://…"
            ),
            None => format!(
                "`{}` is not a database URL: expected sqlite://PATH, postgres://… or postgresql://…",
                url.chars().take(60).collect::<String>()
            ),
        }))
    }
}

/// Shows the URL with any password replaced by `***`, for messages and logs.
impl fmt::Display for DbUrl {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            DbUrl::Sqlite(path) => write!(f, "sqlite://{}", path.display()),
            DbUrl::Postgres(url) => f.write_str(&redact_password(url)),
        }
    }
}

/// As [`fmt::Display`]: a password never reaches a log through `{:?}` either.
impl fmt::Debug for DbUrl {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            DbUrl::Sqlite(path) => f.debug_tuple("Sqlite").field(path).finish(),
            DbUrl::Postgres(url) => f
                .debug_tuple("Postgres")
                .field(&redact_password(url))
                .finish(),
        }
    }
}

/// The URL with the password of its user info (`user:secret@`) and any
/// `password=` parameter replaced by `***`.
fn redact_password(url: &str) -> String {
    let url = redact_password_parameter(url);
    redact_user_info(&url)
}

fn redact_password_parameter(url: &str) -> String {
    let Some((base, query)) = url.split_once('?') else {
        return url.to_owned();
    };
    let parameters: Vec<String> = query
        .split('&')
        .map(|p| match p.split_once('=') {
            Some((key, _)) if key.eq_ignore_ascii_case("password") => format!("{key}=***"),
            _ => p.to_owned(),
        })
        .collect();
    format!("{base}?{}", parameters.join("&"))
}

fn redact_user_info(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    match authority.rsplit_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _password)) => format!("{scheme}://{user}:***@{host}{tail}"),
            None => url.to_owned(),
        },
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_show_in_display_or_debug() {
        for url in [
            "postgres://u:s3cret@h/db",
            "postgres://u@h/db?password=s3cret&sslmode=require",
        ] {
            let parsed = DbUrl::parse(url).unwrap();
            for shown in [parsed.to_string(), format!("{parsed:?}")] {
                assert!(!shown.contains("s3cret"), "{shown}");
                assert!(shown.contains("***"), "{shown}");
            }
        }
        assert_eq!(
            DbUrl::parse("postgres://u@h/db?sslmode=require")
                .unwrap()
                .to_string(),
            "postgres://u@h/db?sslmode=require"
        );
    }

    #[test]
    fn sqlite_paths_relative_and_absolute() {
        assert_eq!(
            DbUrl::parse("sqlite://zonewatch.db").unwrap(),
            DbUrl::Sqlite("zonewatch.db".into())
        );
        assert_eq!(
            DbUrl::parse("sqlite://data/z.db").unwrap(),
            DbUrl::Sqlite("data/z.db".into())
        );
        assert_eq!(
            DbUrl::parse("sqlite:///tmp/z.db").unwrap(),
            DbUrl::Sqlite("/tmp/z.db".into())
        );
    }

    #[test]
    fn both_postgres_schemes() {
        for url in [
            "postgres://u@h/db",
            "postgresql://u@h:5432/db?sslmode=disable",
        ] {
            assert_eq!(DbUrl::parse(url).unwrap(), DbUrl::Postgres(url.into()));
        }
    }

    #[test]
    fn unknown_schemes_are_errors() {
        for url in [
            "mysql://h/db",
            "zonewatch.db",
            "sqlite:z.db",
            "sqlite://",
            "",
            "SQLITE://x.db",
        ] {
            assert!(DbUrl::parse(url).is_err(), "{url}");
        }
    }

    #[test]
    fn passwords_never_shown() {
        let url = DbUrl::parse("postgres://alice:s3cret@db.example:5432/zw").unwrap();
        assert_eq!(url.to_string(), "postgres://alice:***@db.example:5432/zw");
    }
}
