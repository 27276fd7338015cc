//! Who a token or session belongs to is cached for a second (src/auth/cache.rs):
//! what this server revokes or ends must stop working at once, and what another
//! process revokes (the CLI) once that second has passed. Against SQLite always, and
//! PostgreSQL when `ZONEWATCH_TEST_POSTGRES` names a server.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::time::Duration;

use crate::harness::{backends, each, hidden_csrf};
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use tower::ServiceExt;
use zonewatch_app::testing::TempDatabase;
use zonewatch_app::DbUrl;
use zonewatch_app::{Actor, App, Role};
use zonewatch_web::{prepare, router, Config, State};

const PASSWORD: &str = "the boss's long password";

struct Env {
    name: &'static str,
    url: DbUrl,
    app: Router,
    /// An analyst's API token.
    token: String,
    _dir: Option<tempfile::TempDir>,
    _pg: Option<TempDatabase>,
}

fn setup(
    name: &'static str,
    url: DbUrl,
    dir: Option<tempfile::TempDir>,
    pg: Option<TempDatabase>,
) -> Env {
    std::env::set_var("ZONEWATCH_ARGON2_TEST_COST", "low");
    prepare(&url, Some("test passphrase")).expect("prepare");
    let open = || {
        App::new(
            zonewatch_app::testing::open_store(&url),
            Actor::local_admin(),
        )
    };
    let mut app = open();
    app.add_user("boss", Role::Admin, "a temporary password")
        .expect("add user");
    app.add_user("ana", Role::Analyst, "a temporary password")
        .expect("add user");
    let token = app.create_token("ana").expect("token");
    // An admin chose that password: the boss replaces it, as at a first login.
    let mut own = open();
    own.act_as("boss").expect("act as");
    own.change_password("a temporary password", PASSWORD, None)
        .expect("change password");
    Env {
        name,
        app: router(State::new(Config::new(url.clone()))),
        url,
        token,
        _dir: dir,
        _pg: pg,
    }
}

fn each_backend<F, Fut>(test: F)
where
    F: Fn(std::sync::Arc<Env>) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    each(backends("auth.db", setup), test)
}

struct Answer {
    status: StatusCode,
    cookies: Vec<String>,
    text: String,
}

async fn send(env: &Env, request: Request<Body>) -> Answer {
    let response = env.app.clone().oneshot(request).await.expect("infallible");
    let status = response.status();
    let cookies = response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .map(|v| v.split(';').next().unwrap_or("").to_owned())
        .collect();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    Answer {
        status,
        cookies,
        text: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

async fn with_token(env: &Env, token: &str) -> StatusCode {
    let request = Request::get("/api/v1/sources")
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .body(Body::empty())
        .expect("request");
    send(env, request).await.status
}

async fn with_session(env: &Env, session: &str, path: &str) -> Answer {
    let request = Request::get(path)
        .header(header::COOKIE, session)
        .body(Body::empty())
        .expect("request");
    send(env, request).await
}

async fn post_form(env: &Env, session: &str, path: &str, body: String) -> Answer {
    let request = Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::COOKIE, session)
        .body(Body::from(body))
        .expect("request");
    send(env, request).await
}

/// Logs the boss in; returns the `zw_session=…` cookie.
async fn login(env: &Env) -> String {
    let form = send(env, Request::get("/login").body(Body::empty()).unwrap()).await;
    let csrf = hidden_csrf(&form.text);
    let body = format!(
        "user=boss&password={}&csrf={csrf}",
        PASSWORD.replace(' ', "+").replace('\'', "%27")
    );
    let a = post_form(env, &form.cookies.join("; "), "/login", body).await;
    a.cookies
        .into_iter()
        .find(|c| c.starts_with("zw_session=") && c.len() > "zw_session=".len())
        .unwrap_or_else(|| panic!("{}: no session after login ({})", env.name, a.status))
}

#[test]
fn what_this_server_revokes_or_ends_stops_working_at_once() {
    each_backend(|env| async move {
        let env = &*env;
        // Twice each: the second answer may come from the cache.
        for _ in 0..2 {
            assert_eq!(
                with_token(env, &env.token).await,
                StatusCode::OK,
                "{}",
                env.name
            );
        }
        let session = login(env).await;
        for _ in 0..2 {
            let a = with_session(env, &session, "/api/v1/sources").await;
            assert_eq!(a.status, StatusCode::OK, "{}", env.name);
        }
        let csrf = hidden_csrf(&with_session(env, &session, "/account").await.text);
        let token_id = &zonewatch_app::testing::token_sha256_hex(&env.token)[..12];
        let a = post_form(
            env,
            &session,
            &format!("/admin/tokens/{token_id}/revoke"),
            format!("csrf={csrf}"),
        )
        .await;
        assert!(
            a.status.is_redirection(),
            "{}: revoke {}",
            env.name,
            a.status
        );
        assert_eq!(
            with_token(env, &env.token).await,
            StatusCode::UNAUTHORIZED,
            "{}: a token this server revoked",
            env.name
        );
        let a = post_form(env, &session, "/logout", format!("csrf={csrf}")).await;
        assert!(
            a.status.is_redirection(),
            "{}: logout {}",
            env.name,
            a.status
        );
        let a = with_session(env, &session, "/api/v1/sources").await;
        assert_eq!(
            a.status,
            StatusCode::UNAUTHORIZED,
            "{}: a session this server ended",
            env.name
        );
    });
}

#[test]
fn what_another_process_revokes_stops_working_within_a_second() {
    each_backend(|env| async move {
        let env = &*env;
        assert_eq!(
            with_token(env, &env.token).await,
            StatusCode::OK,
            "{}",
            env.name
        );
        // As `zonewatch token revoke` would, on its own connection.
        let url = env.url.clone();
        let token_id = zonewatch_app::testing::token_sha256_hex(&env.token)[..12].to_owned();
        tokio::task::spawn_blocking(move || {
            let mut cli = App::new(
                zonewatch_app::testing::open_store(&url),
                Actor::local_admin(),
            );
            cli.revoke_token(&token_id).expect("revoke");
        })
        .await
        .expect("revoke task");
        // The cache keeps an entry for at most this long.
        std::thread::sleep(zonewatch_web::AUTH_CACHE_TTL + Duration::from_millis(100));
        assert_eq!(
            with_token(env, &env.token).await,
            StatusCode::UNAUTHORIZED,
            "{}: a token revoked elsewhere",
            env.name
        );
    });
}
