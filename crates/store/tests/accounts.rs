//! Users, API tokens and browser sessions as every backend keeps them: SQLite always,
//! PostgreSQL when `ZONEWATCH_TEST_POSTGRES` names a server.

#![allow(clippy::unwrap_used)]

use zonewatch_store::testing::{postgres_server, TempDatabase};
use zonewatch_store::{open, DbUrl, SessionRow, TokenRow, User};

fn backends() -> Vec<(
    &'static str,
    DbUrl,
    Option<tempfile::TempDir>,
    Option<TempDatabase>,
)> {
    let dir = tempfile::tempdir().unwrap();
    let mut list = vec![(
        "sqlite",
        DbUrl::Sqlite(dir.path().join("accounts.db")),
        Some(dir),
        None,
    )];
    if let Some(server) = postgres_server() {
        let db = TempDatabase::create(&server).unwrap();
        list.push(("postgres", DbUrl::parse(&db.url).unwrap(), None, Some(db)));
    }
    list
}

fn user(name: &str) -> User {
    User {
        name: name.into(),
        role: "analyst".into(),
        password_hash: "$argon2id$v=19$m=256,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA".into(),
        created_at: "2026-01-01T00:00:00.000Z".into(),
        must_change_password: true,
    }
}

fn session(id: &str, user: &str, expires_at: i64) -> SessionRow {
    SessionRow {
        id_sha256: id.into(),
        user_name: user.into(),
        csrf: format!("csrf-of-{id}"),
        created_at: "2026-01-01T00:00:00.000Z".into(),
        expires_at,
    }
}

fn token(sha: &str, user: &str, name: &str) -> TokenRow {
    TokenRow {
        token_sha256: sha.into(),
        user_name: user.into(),
        name: name.into(),
        created_at: "2026-01-01T00:00:00.000Z".into(),
        last_used_at: None,
    }
}

#[test]
fn passwords_sessions_and_tokens() {
    for (name, url, _dir, _db) in backends() {
        let mut store = open(&url).unwrap();
        store.add_user(&user("ana")).unwrap();
        store.add_user(&user("bo")).unwrap();
        assert!(store.user("ana").unwrap().unwrap().must_change_password);
        assert!(store.set_password("ana", "new hash", false).unwrap());
        let ana = store.user("ana").unwrap().unwrap();
        assert_eq!(
            (ana.password_hash.as_str(), ana.must_change_password),
            ("new hash", false),
            "{name}"
        );
        assert!(!store.set_password("nobody", "x", false).unwrap(), "{name}");

        // Sessions: found by id hash until they expire; adding one sweeps expired ones.
        store.add_session(&session("s1", "ana", 100), 0).unwrap();
        store.add_session(&session("s2", "ana", 200), 0).unwrap();
        store.add_session(&session("s3", "bo", 200), 0).unwrap();
        let (row, found) = store.session("s1", 99).unwrap().unwrap();
        assert_eq!(
            (row.csrf.as_str(), found.name.as_str()),
            ("csrf-of-s1", "ana")
        );
        assert!(!found.must_change_password, "{name}: the user as it is now");
        assert!(
            store.session("s1", 100).unwrap().is_none(),
            "{name}: expired"
        );
        store.add_session(&session("s4", "bo", 300), 150).unwrap();
        assert!(store.session("s1", 0).unwrap().is_none(), "{name}: swept");
        assert!(store.session("s2", 0).unwrap().is_some(), "{name}");

        assert_eq!(store.delete_sessions_of("ana", Some("s2")).unwrap(), 0);
        store.add_session(&session("s5", "ana", 300), 0).unwrap();
        assert_eq!(store.delete_sessions_of("ana", Some("s2")).unwrap(), 1);
        assert!(store.session("s2", 0).unwrap().is_some(), "{name}: kept");
        assert_eq!(store.delete_sessions_of("bo", None).unwrap(), 2, "{name}");
        store.delete_session("s2").unwrap();
        assert!(store.session("s2", 0).unwrap().is_none(), "{name}");

        // Tokens.
        store.add_token(&token("t1", "ana", "sync")).unwrap();
        store.add_token(&token("t2", "bo", "")).unwrap();
        assert_eq!(store.token_user("t1").unwrap().unwrap().name, "ana");
        store.touch_token("t1", "2026-02-02T10:00:00.000Z").unwrap();
        let tokens = store.tokens().unwrap();
        assert_eq!(
            tokens
                .iter()
                .map(|t| (
                    t.user_name.as_str(),
                    t.name.as_str(),
                    t.last_used_at.as_deref()
                ))
                .collect::<Vec<_>>(),
            [
                ("ana", "sync", Some("2026-02-02T10:00:00.000Z")),
                ("bo", "", None)
            ],
            "{name}"
        );
        assert!(store.delete_token("t1").unwrap(), "{name}");
        assert!(!store.delete_token("t1").unwrap(), "{name}");
        assert!(store.token_user("t1").unwrap().is_none(), "{name}");
    }
}

#[test]
fn sqlite_skips_noting_a_token_use_while_another_connection_writes() {
    let dir = tempfile::tempdir().unwrap();
    let url = DbUrl::Sqlite(dir.path().join("busy.db"));
    let mut writer = open(&url).unwrap();
    writer.add_user(&user("ana")).unwrap();
    writer.add_token(&token("t1", "ana", "")).unwrap();
    let mut reader = open(&url).unwrap();
    {
        let _import = writer.begin_write().unwrap();
        reader
            .touch_token("t1", "2026-02-02T10:00:00.000Z")
            .unwrap();
        assert_eq!(reader.token_user("t1").unwrap().unwrap().name, "ana");
    }
    assert_eq!(reader.tokens().unwrap()[0].last_used_at, None);
    reader
        .touch_token("t1", "2026-02-02T10:01:00.000Z")
        .unwrap();
    assert_eq!(
        reader.tokens().unwrap()[0].last_used_at.as_deref(),
        Some("2026-02-02T10:01:00.000Z")
    );
}
