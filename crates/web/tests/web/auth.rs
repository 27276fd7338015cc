//! Accounts in the web application: the forced password change after a login with a
//! password an admin chose, changing one's password (which ends one's other
//! sessions), sessions kept in the database across a restart, revoking API tokens,
//! the Secure cookie flag, and logins that do not tell whether a user exists.
//! Against SQLite always, and PostgreSQL when `ZONEWATCH_TEST_POSTGRES` names a server.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use zonewatch_app::testing::TempDatabase;
use zonewatch_app::DbUrl;
use zonewatch_app::{Actor, App, Role};
use zonewatch_web::{prepare, router, Config, State};

use crate::harness::{backends, each, hidden_csrf, send, Answer};

const PASSWORD: &str = "a long test password";

struct Env {
    name: &'static str,
    url: DbUrl,
    app: Router,
    /// The one-time password of the `admin` that `prepare` made.
    admin_password: String,
    _dir: Option<tempfile::TempDir>,
    _pg: Option<TempDatabase>,
}

/// Runs synchronous database work from inside the runtime (the PostgreSQL client
/// starts a runtime of its own).
fn blocking<T>(work: impl FnOnce() -> T) -> T {
    tokio::task::block_in_place(work)
}

impl Env {
    fn open(&self) -> App {
        App::new(
            zonewatch_app::testing::open_store(&self.url),
            Actor::local_admin(),
        )
    }

    /// Another server over the same database, as after a restart.
    fn restarted(&self, secure_cookies: bool) -> Router {
        router(State::new(Config {
            secure_cookies,
            ..Config::new(self.url.clone())
        }))
    }

    fn audit_text(&self) -> String {
        self.open()
            .audit_entries(None)
            .expect("audit")
            .iter()
            .map(|e| format!("{} {} {:?} {:?}\n", e.actor, e.action, e.records, e.details))
            .collect()
    }
}

fn setup(
    name: &'static str,
    url: DbUrl,
    dir: Option<tempfile::TempDir>,
    pg: Option<TempDatabase>,
) -> Env {
    std::env::set_var("ZONEWATCH_ARGON2_TEST_COST", "low");
    let prepared = prepare(&url, Some("test passphrase")).expect("prepare");
    let admin_password = prepared.admin_password.expect("an admin is made");
    let mut app = App::new(
        zonewatch_app::testing::open_store(&url),
        Actor::local_admin(),
    );
    // Users who have chosen their own password already.
    for role in [Role::Analyst, Role::Viewer] {
        let user = format!("u-{role}");
        app.add_user(&user, role, "a temporary password")
            .expect("add user");
        let mut own = App::new(
            zonewatch_app::testing::open_store(&url),
            Actor::local_admin(),
        );
        own.act_as(&user).expect("act as");
        own.change_password("a temporary password", PASSWORD, None)
            .expect("change");
    }
    Env {
        name,
        app: router(State::new(Config::new(url.clone()))),
        url,
        admin_password,
        _dir: dir,
        _pg: pg,
    }
}

fn envs() -> Vec<Env> {
    backends("auth.db", setup)
}

fn each_backend<F, Fut>(test: F)
where
    F: Fn(Arc<Env>) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    each(envs(), test)
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

fn form(fields: &[(&str, &str)]) -> String {
    fields
        .iter()
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Posts the login form; the answer and the session cookie (`zw_session=…`), if any.
async fn login_on(app: &Router, user: &str, password: &str) -> (Answer, String) {
    let page = send(app, Request::get("/login").body(Body::empty()).unwrap()).await;
    assert_eq!(page.status, StatusCode::OK);
    let a = send(
        app,
        Request::post("/login")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, page.cookies().join("; "))
            .body(Body::from(form(&[
                ("user", user),
                ("password", password),
                ("csrf", &hidden_csrf(&page.text)),
            ])))
            .unwrap(),
    )
    .await;
    let session = a
        .cookies()
        .into_iter()
        .find(|c| c.starts_with("zw_session=") && c.len() > "zw_session=".len())
        .unwrap_or_default();
    (a, session)
}

async fn get(app: &Router, session: &str, path: &str) -> Answer {
    send(
        app,
        Request::get(path)
            .header(header::COOKIE, session)
            .body(Body::empty())
            .unwrap(),
    )
    .await
}

async fn post(app: &Router, session: &str, path: &str, body: String) -> Answer {
    send(
        app,
        Request::post(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, session)
            .body(Body::from(body))
            .unwrap(),
    )
    .await
}

async fn bearer(app: &Router, token: &str, path: &str) -> Answer {
    send(
        app,
        Request::get(path)
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .body(Body::empty())
            .unwrap(),
    )
    .await
}

/// Posts the account page's password form with the session's CSRF token.
async fn change(app: &Router, session: &str, old: &str, new: &str, again: &str) -> Answer {
    let page = get(app, session, "/account").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text);
    let csrf = hidden_csrf(&page.text);
    post(
        app,
        session,
        "/account/password",
        form(&[
            ("csrf", &csrf),
            ("old", old),
            ("new", new),
            ("again", again),
        ]),
    )
    .await
}

fn field_error(html: &str, field: &str) -> Option<String> {
    let marker = format!("id=\"error-{field}\">");
    let at = html.find(&marker)? + marker.len();
    Some(html[at..].split('<').next().unwrap_or("").to_owned())
}

#[test]
fn the_first_admin_must_change_the_one_time_password_before_anything_else() {
    each_backend(|env| async move {
        let name = env.name;
        let one_time = env.admin_password.clone();
        let (a, session) = login_on(&env.app, "admin", &one_time).await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{name}: {}", a.text);
        assert_eq!(a.location(), "/account", "{name}");
        assert!(!session.is_empty(), "{name}");

        // Every page leads to the change form; the API refuses the session.
        for path in [
            "/",
            "/sites",
            "/records/persons",
            "/report",
            "/admin/tokens",
        ] {
            let a = get(&env.app, &session, path).await;
            assert_eq!(a.status, StatusCode::SEE_OTHER, "{name} {path}");
            assert_eq!(a.location(), "/account", "{name} {path}");
        }
        let a = get(&env.app, &session, "/api/v1/sites").await;
        assert_eq!(a.status, StatusCode::FORBIDDEN, "{name}");
        assert!(
            a.text.contains("must change their password"),
            "{name}: {}",
            a.text
        );
        let page = get(&env.app, &session, "/account").await;
        assert!(page.text.contains("id=\"must-change\""), "{name}");
        // A token of that admin's is not affected: tokens are made by admins.
        let token = blocking(|| env.open().create_token("admin").expect("token"));
        assert_eq!(
            bearer(&env.app, &token, "/api/v1/sites").await.status,
            StatusCode::OK,
            "{name}"
        );

        // Mistakes are shown beside their field, and change nothing.
        let a = change(&env.app, &session, "not the password", PASSWORD, PASSWORD).await;
        assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}");
        assert_eq!(
            field_error(&a.text, "old").as_deref(),
            Some("the current password is wrong"),
            "{name}"
        );
        let a = change(&env.app, &session, &one_time, PASSWORD, "another password").await;
        assert_eq!(
            field_error(&a.text, "again").as_deref(),
            Some("the two new passwords differ"),
            "{name}"
        );
        let a = change(&env.app, &session, &one_time, "short", "short").await;
        assert!(
            field_error(&a.text, "new").is_some_and(|e| e.contains("at least 10")),
            "{name}: {}",
            a.text
        );
        let a = change(&env.app, &session, &one_time, &one_time, &one_time).await;
        assert!(
            field_error(&a.text, "new").is_some_and(|e| e.contains("differ from the current")),
            "{name}"
        );
        // Without the session's CSRF token: refused.
        let a = post(
            &env.app,
            &session,
            "/account/password",
            form(&[
                ("csrf", "0"),
                ("old", &one_time),
                ("new", PASSWORD),
                ("again", PASSWORD),
            ]),
        )
        .await;
        assert_eq!(a.status, StatusCode::FORBIDDEN, "{name}");

        let a = change(&env.app, &session, &one_time, PASSWORD, PASSWORD).await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{name}: {}", a.text);
        assert_eq!(a.location(), "/", "{name}");
        assert_eq!(
            get(&env.app, &session, "/").await.status,
            StatusCode::OK,
            "{name}"
        );
        assert_eq!(
            get(&env.app, &session, "/api/v1/sites").await.status,
            StatusCode::OK,
            "{name}"
        );

        // The one-time password is gone; the new one logs in straight to the dashboard.
        let (a, s) = login_on(&env.app, "admin", &one_time).await;
        assert_eq!(a.status, StatusCode::UNAUTHORIZED, "{name}");
        assert!(s.is_empty(), "{name}");
        let (a, _) = login_on(&env.app, "admin", PASSWORD).await;
        assert_eq!(a.location(), "/", "{name}");

        let audit = blocking(|| env.audit_text());
        assert!(audit.contains("admin user-password"), "{name}: {audit}");
        assert!(
            !audit.contains(&one_time) && !audit.contains(PASSWORD),
            "{name}: no password in the audit log"
        );
    });
}

#[test]
fn changing_a_password_ends_the_other_sessions_and_a_reset_ends_them_all() {
    each_backend(|env| async move {
        let name = env.name;
        let (_, first) = login_on(&env.app, "u-analyst", PASSWORD).await;
        let (_, second) = login_on(&env.app, "u-analyst", PASSWORD).await;
        let (_, viewer) = login_on(&env.app, "u-viewer", PASSWORD).await;
        for s in [&first, &second, &viewer] {
            assert_eq!(get(&env.app, s, "/").await.status, StatusCode::OK, "{name}");
        }
        let new = "the analyst's new password";
        let a = change(&env.app, &first, PASSWORD, new, new).await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{name}: {}", a.text);
        assert_eq!(a.location(), "/account?changed=1", "{name}");
        let page = get(&env.app, &first, "/account?changed=1").await;
        assert!(page.text.contains("id=\"changed\""), "{name}");
        assert_eq!(
            get(&env.app, &first, "/").await.status,
            StatusCode::OK,
            "{name}"
        );
        let a = get(&env.app, &second, "/").await;
        assert_eq!(a.location(), "/login", "{name}: the other session ended");
        assert_eq!(
            get(&env.app, &second, "/api/v1/sites").await.status,
            StatusCode::UNAUTHORIZED,
            "{name}"
        );
        assert_eq!(
            get(&env.app, &viewer, "/").await.status,
            StatusCode::OK,
            "{name}: another user's session is untouched"
        );

        // An admin's reset: every session of the user ends, and the next login must
        // choose a new password.
        blocking(|| {
            env.open()
                .reset_password("u-analyst", "reset by the admin")
                .expect("reset")
        });
        // Done by another process (as the CLI would): the server trusts a session
        // it looked up for at most this long (src/auth/cache.rs).
        std::thread::sleep(zonewatch_web::AUTH_CACHE_TTL + std::time::Duration::from_millis(100));
        assert_eq!(
            get(&env.app, &first, "/").await.location(),
            "/login",
            "{name}"
        );
        let (a, again) = login_on(&env.app, "u-analyst", "reset by the admin").await;
        assert_eq!(a.location(), "/account", "{name}");
        assert_eq!(get(&env.app, &again, "/sites").await.location(), "/account");
        let audit = blocking(|| env.audit_text());
        assert!(audit.contains("user-password-reset"), "{name}: {audit}");
        assert!(
            !audit.contains("reset by the admin") && !audit.contains(new),
            "{name}"
        );
    });
}

#[test]
fn sessions_live_in_the_database_and_survive_a_restart() {
    each_backend(|env| async move {
        let name = env.name;
        let (_, session) = login_on(&env.app, "u-viewer", PASSWORD).await;
        let id = session.trim_start_matches("zw_session=").to_owned();
        assert_eq!(id.len(), 64, "{name}");
        // Only the SHA-256 of the id is stored.
        let mut store = blocking(|| zonewatch_app::testing::open_store(&env.url));
        let now = i64::try_from(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_secs(),
        )
        .unwrap();
        let sha = zonewatch_app::testing::sha256_hex(id.as_bytes());
        blocking(|| {
            assert!(store.session(&id, now).unwrap().is_none(), "{name}");
            let (row, user) = store.session(&sha, now).unwrap().expect("stored by hash");
            assert_eq!(user.name, "u-viewer");
            assert!(row.expires_at > now, "{name}");
            assert!(
                store.session(&sha, row.expires_at).unwrap().is_none(),
                "{name}: an expired session is not found"
            );
        });

        // A new server over the same database knows the session.
        let restarted = env.restarted(false);
        let a = get(&restarted, &session, "/").await;
        assert_eq!(a.status, StatusCode::OK, "{name}");
        // Logging out there ends it everywhere.
        let csrf = hidden_csrf(&a.text);
        let a = post(&restarted, &session, "/logout", form(&[("csrf", &csrf)])).await;
        assert_eq!(a.location(), "/login", "{name}");
        assert_eq!(
            get(&env.app, &session, "/").await.location(),
            "/login",
            "{name}"
        );
        blocking(|| assert!(store.session(&sha, now).unwrap().is_none(), "{name}"));
        blocking(|| drop(store));
    });
}

#[test]
fn a_revoked_token_is_refused_at_once() {
    each_backend(|env| async move {
        let name = env.name;
        let ((token, id), (_, unused_id)) = blocking(|| {
            let mut app = env.open();
            (
                app.create_named_token("u-analyst", "partner sync")
                    .expect("token"),
                app.create_named_token("u-viewer", "").expect("token"),
            )
        });
        assert_eq!(
            bearer(&env.app, &token, "/api/v1/sites").await.status,
            StatusCode::OK,
            "{name}"
        );

        // Only admins see the tokens page.
        let (_, analyst) = login_on(&env.app, "u-analyst", PASSWORD).await;
        assert_eq!(
            get(&env.app, &analyst, "/admin/tokens").await.status,
            StatusCode::FORBIDDEN,
            "{name}"
        );
        let (_, admin) = login_on(&env.app, "admin", &env.admin_password).await;
        change(&env.app, &admin, &env.admin_password, PASSWORD, PASSWORD).await;
        let page = get(&env.app, &admin, "/admin/tokens").await;
        assert_eq!(page.status, StatusCode::OK, "{name}");
        let row = |html: &str, id: &str| {
            let at = html.find(&format!("id=\"token-{id}\"")).expect("token row");
            html[at..].split("</tr>").next().unwrap_or("").to_owned()
        };
        let used = row(&page.text, &id);
        assert!(
            used.contains("partner sync") && used.contains("u-analyst"),
            "{name}"
        );
        assert!(
            !used.contains("never"),
            "{name}: its last use is shown: {used}"
        );
        assert!(row(&page.text, &unused_id).contains("never"), "{name}");
        assert!(
            !page.text.contains(&token),
            "{name}: never the token itself"
        );

        // Revoking needs the session's CSRF token.
        let path = format!("/admin/tokens/{id}/revoke");
        let a = post(&env.app, &admin, &path, form(&[("csrf", "0")])).await;
        assert_eq!(a.status, StatusCode::FORBIDDEN, "{name}");
        assert_eq!(
            bearer(&env.app, &token, "/api/v1/sites").await.status,
            StatusCode::OK,
            "{name}"
        );
        let csrf = hidden_csrf(&page.text);
        let done = post(&env.app, &admin, &path, form(&[("csrf", &csrf)])).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{name}: {}", done.text);
        let a = bearer(&env.app, &token, "/api/v1/sites").await;
        assert_eq!(a.status, StatusCode::UNAUTHORIZED, "{name}");
        let page = get(&env.app, &admin, done.location()).await;
        assert!(page.text.contains("id=\"notice\""), "{name}");
        assert!(!page.text.contains(&format!("id=\"token-{id}\"")), "{name}");
        // It is gone: revoking it again names no token.
        let again = post(&env.app, &admin, &path, form(&[("csrf", &csrf)])).await;
        assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}");

        let audit = blocking(|| env.audit_text());
        assert!(
            audit.contains("token-revoke") && audit.contains(&id),
            "{name}: {audit}"
        );
        assert!(!audit.contains(&token), "{name}");
    });
}

#[test]
fn cookies_are_secure_only_when_configured() {
    each_backend(|env| async move {
        let name = env.name;
        let plain = send(
            &env.app,
            Request::get("/login").body(Body::empty()).unwrap(),
        )
        .await;
        assert!(!plain.set_cookies().is_empty(), "{name}");
        assert!(
            plain.set_cookies().iter().all(|c| !c.contains("Secure")),
            "{name}"
        );
        let (a, _) = login_on(&env.app, "u-viewer", PASSWORD).await;
        assert!(
            a.set_cookies().iter().all(|c| !c.contains("Secure")),
            "{name}"
        );

        let secure = env.restarted(true);
        let page = send(&secure, Request::get("/login").body(Body::empty()).unwrap()).await;
        let (a, session) = login_on(&secure, "u-viewer", PASSWORD).await;
        for c in page.set_cookies().iter().chain(a.set_cookies().iter()) {
            assert!(
                c.contains("; Secure") && c.contains("HttpOnly") && c.contains("SameSite=Strict"),
                "{name}: {c}"
            );
        }
        let home = get(&secure, &session, "/").await;
        let logout = post(
            &secure,
            &session,
            "/logout",
            form(&[("csrf", &hidden_csrf(&home.text))]),
        )
        .await;
        assert!(
            logout.set_cookies().iter().all(|c| c.contains("; Secure")),
            "{name}"
        );
    });
}

#[test]
fn an_unknown_user_gets_the_answer_a_wrong_password_gets() {
    each_backend(|env| async move {
        let name = env.name;
        let (known, s1) = login_on(&env.app, "u-viewer", "not the password").await;
        let (unknown, s2) = login_on(&env.app, "nobody-here", "not the password").await;
        assert!(s1.is_empty() && s2.is_empty(), "{name}");
        assert_eq!(known.status, StatusCode::UNAUTHORIZED, "{name}");
        assert_eq!(known.status, unknown.status, "{name}");
        // The page differs only in the name typed and the new form's CSRF token.
        let same = |a: &Answer, user: &str| {
            a.text
                .replace(&hidden_csrf(&a.text), "CSRF")
                .replace(user, "USER")
        };
        assert_eq!(
            same(&known, "u-viewer"),
            same(&unknown, "nobody-here"),
            "{name}"
        );
        assert!(known.text.contains("wrong user name or password"), "{name}");
        let shape = |a: &Answer| {
            a.set_cookies()
                .iter()
                .map(|c| {
                    c.split_once('=')
                        .map(|(k, _)| k.to_owned())
                        .unwrap_or_default()
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(shape(&known), shape(&unknown), "{name}");
    });
}
