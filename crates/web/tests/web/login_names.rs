//! A login with a user name no user can have is refused like a wrong password,
//! never a server error (found on PostgreSQL: a NUL byte in the name reached the
//! database, which refused the text). Against SQLite always, and PostgreSQL when
//! `ZONEWATCH_TEST_POSTGRES` names a server.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use tower::ServiceExt;
use zonewatch_app::testing::{postgres_server, TempDatabase};
use zonewatch_app::{Authenticator, Database, DbUrl};
use zonewatch_web::{prepare, router, Config, State};

fn check(name: &str, url: DbUrl) {
    std::env::set_var("ZONEWATCH_ARGON2_TEST_COST", "low");
    prepare(&url, Some("test passphrase")).expect("prepare");
    let mut auth = Authenticator::new(Database::open(&url).expect("open"));
    // The same names straight to the app: no error, no login.
    for user in ["a\0b", "", "x".repeat(65).as_str(), "no such user"] {
        let login = auth.authenticate(user, "a long test password").expect(name);
        assert!(login.is_none(), "{name} {user:?}");
    }
    let web = router(State::new(Config::new(url)));
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    runtime.block_on(async {
        let form = web
            .clone()
            .oneshot(Request::get("/login").body(Body::empty()).unwrap())
            .await
            .unwrap();
        let cookie: Vec<String> = form
            .headers()
            .get_all(header::SET_COOKIE)
            .iter()
            .map(|v| v.to_str().unwrap().split(';').next().unwrap().to_owned())
            .collect();
        let html = String::from_utf8(
            form.into_body()
                .collect()
                .await
                .unwrap()
                .to_bytes()
                .to_vec(),
        )
        .unwrap();
        let marker = "name=\"csrf\" value=\"";
        let at = html.find(marker).expect("csrf field") + marker.len();
        let csrf = html[at..].split('"').next().unwrap();
        for user in ["a%00b", "%00", "a%0Ab"] {
            let a = web
                .clone()
                .oneshot(
                    Request::post("/login")
                        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                        .header(header::COOKIE, cookie.join("; "))
                        .body(Body::from(format!(
                            "user={user}&password=a+long+test+password&csrf={csrf}"
                        )))
                        .unwrap(),
                )
                .await
                .unwrap();
            assert!(
                a.status().is_client_error() || a.status() == StatusCode::OK,
                "{name} {user}: {}",
                a.status()
            );
            assert!(
                !a.headers().get_all(header::SET_COOKIE).iter().any(|v| v
                    .to_str()
                    .unwrap()
                    .starts_with("zw_session=")
                    && !v.to_str().unwrap().starts_with("zw_session=;")),
                "{name} {user}: no session"
            );
        }
    });
}

#[test]
fn names_no_user_can_have_are_refused_not_server_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let url = DbUrl::parse(&format!(
        "sqlite://{}",
        dir.path().join("login.db").display()
    ))
    .expect("url");
    check("sqlite", url);
    if let Some(server) = postgres_server() {
        let db = TempDatabase::create(&server).expect("postgres database");
        check("postgres", DbUrl::parse(&db.url).expect("url"));
    }
}
