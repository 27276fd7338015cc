//! Write sessions cost reads nothing they do not need: a write that seals nothing
//! records no session, and reading one restricted record opens only the sessions its
//! values were sealed in (every other session's key is made unreadable below, so a
//! read that touched one would fail). Runs on SQLite, and on PostgreSQL when
//! `ZONEWATCH_TEST_POSTGRES` names a server. Every record here is fictional.

#![allow(clippy::unwrap_used)] // tests fail loudly by design

use zonewatch_app::records::ListQuery;
use zonewatch_app::testing::{postgres_server, TempDatabase};
use zonewatch_app::{Actor, App, DbUrl, Role};
use zonewatch_model::Kind;

const PASSPHRASE: &str = "test passphrase (fictional, tests only)";

fn databases() -> Vec<(&'static str, DbUrl, Box<dyn std::any::Any>)> {
    std::env::set_var("ZONEWATCH_ARGON2_TEST_COST", "low");
    let dir = tempfile::tempdir().unwrap();
    let url = DbUrl::parse(&format!("sqlite://{}", dir.path().join("s.db").display())).unwrap();
    let mut list: Vec<(&'static str, DbUrl, Box<dyn std::any::Any>)> =
        vec![("sqlite", url, Box::new(dir))];
    if let Some(server) = postgres_server() {
        let db = TempDatabase::create(&server).unwrap();
        list.push(("postgres", DbUrl::parse(&db.url).unwrap(), Box::new(db)));
    }
    list
}

fn sql(url: &DbUrl, statement: &str) {
    match url {
        DbUrl::Sqlite(path) => rusqlite::Connection::open(path)
            .unwrap()
            .execute_batch(statement)
            .unwrap(),
        DbUrl::Postgres(url) => postgres::Client::connect(url, postgres::NoTls)
            .unwrap()
            .batch_execute(statement)
            .unwrap(),
    }
}

#[test]
fn reads_open_only_the_sessions_their_values_were_sealed_in() {
    for (name, url, _keep) in databases() {
        let mut app = App::open(&url, Actor::local_admin(), true).unwrap();
        app.init(Some(PASSPHRASE)).unwrap();
        app.add_user("ivy", Role::Investigator, "a long test password")
            .unwrap();
        app.act_as("ivy").unwrap();
        // 40 writes with nothing restricted: no session.
        for n in 0..40 {
            let line = format!(
                r#"{{"kind":"site","id":"site-{n}","name":"Site {n} (fictional)","category":"scam_compound","country":"KH"}}"#
            );
            app.record_create(Kind::Site, &line).unwrap();
        }
        assert!(app.store().key_sessions().unwrap().is_empty(), "{name}");
        // 30 writes that seal: one session each.
        for n in 0..30 {
            let line = format!(
                r#"{{"kind":"person","id":"p-{n}","alias":"Person {n} (fictional)","roles":["survivor"],"pii":{{"legal_name":"Name {n} (fictional)"}}}}"#
            );
            app.record_create(Kind::Person, &line).unwrap();
        }
        let sessions = app.store().key_sessions().unwrap();
        assert_eq!(sessions.len(), 30, "{name}");
        // Make every session key but p-7's unreadable: a read of p-7 that
        // unwrapped any other would fail.
        let mut reader = App::open(&url, Actor::local_admin(), false).unwrap();
        reader.unlock(PASSPHRASE).unwrap();
        reader.act_as("ivy").unwrap();
        let view = reader.record_get(Kind::Person, "p-7").unwrap().unwrap();
        assert!(view.json.contains("Name 7 (fictional)"), "{name}");
        let needed = needed_session(&mut reader, &url, "p-7");
        sql(
            &url,
            &format!("UPDATE key_sessions SET sealed_key = 'AAAA' WHERE id <> '{needed}'"),
        );
        let mut fresh = App::open(&url, Actor::local_admin(), false).unwrap();
        fresh.unlock(PASSPHRASE).unwrap();
        fresh.act_as("ivy").unwrap();
        let view = fresh.record_get(Kind::Person, "p-7").unwrap().unwrap();
        assert!(view.json.contains("Name 7 (fictional)"), "{name}");
        // A list page opens the sessions of its rows only: those of the sites
        // (none) and of p-7.
        let page = fresh
            .record_list(
                Kind::Person,
                &ListQuery {
                    after: Some("p-69".into()),
                    limit: Some(1),
                    ..ListQuery::default()
                },
            )
            .unwrap();
        assert_eq!(page.items[0].id, "p-7", "{name}");
        assert!(page.items[0].json.contains("Name 7"), "{name}");
        // Another record's read now fails: its session key was destroyed above.
        assert!(fresh.record_get(Kind::Person, "p-8").is_err(), "{name}");
    }
}

/// The id of the one session the values of `id` were sealed in (each sealed value
/// names its session).
fn needed_session(app: &mut App, _url: &DbUrl, id: &str) -> String {
    let stored = app.store().get(id).unwrap().unwrap().restricted.unwrap();
    let sessions = zonewatch_app::seal::session_ids(&stored);
    assert_eq!(sessions.len(), 1, "{sessions:?}");
    sessions[0].clone()
}
