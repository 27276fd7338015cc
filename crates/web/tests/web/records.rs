//! The web application driven as its clients drive it: the JSON API per route and
//! role, CSRF, the login rate limit and the pages. Against SQLite always, and
//! PostgreSQL when `ZONEWATCH_TEST_POSTGRES` names a server.

use std::io::Cursor;
use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use tower::ServiceExt;
use zonewatch_app::testing::TempDatabase;
use zonewatch_app::DbUrl;
use zonewatch_app::ImportOptions;
use zonewatch_app::{Actor, App, Role};
use zonewatch_web::{prepare, router, Config, State};

use crate::harness::{backends, each, hidden_csrf, send, Answer};

const PASSWORD: &str = "a long test password";

struct Env {
    name: &'static str,
    url: DbUrl,
    app: Router,
    /// The same database served with the key ring unlocked.
    unlocked: Router,
    /// (role, bearer token)
    tokens: Vec<(Role, String)>,
    _dir: Option<tempfile::TempDir>,
    _pg: Option<TempDatabase>,
}

impl Env {
    fn token(&self, role: Role) -> &str {
        &self
            .tokens
            .iter()
            .find(|(r, _)| *r == role)
            .expect("role")
            .1
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
    assert!(
        prepared.admin_password.is_some(),
        "{name}: an admin is made on an empty database"
    );
    let again = prepare(&url, Some("test passphrase")).expect("prepare again");
    assert!(again.admin_password.is_none(), "{name}: only once");
    let mut app = App::new(
        zonewatch_app::testing::open_store(&url),
        Actor::local_admin(),
    );
    let fixture = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/every-field.jsonl"
    ))
    .expect("fixture");
    app.import(
        &mut Cursor::new(fixture),
        &ImportOptions::default(),
        "fixture",
        &mut |_| {},
    )
    .expect("import");
    let mut tokens = Vec::new();
    for role in Role::ALL {
        let user = format!("u-{role}");
        app.add_user(&user, role, "a temporary password")
            .expect("add user");
        // An admin chose that password: the user replaces it, as at a first login.
        let mut own = App::new(
            zonewatch_app::testing::open_store(&url),
            Actor::local_admin(),
        );
        own.act_as(&user).expect("act as");
        own.change_password("a temporary password", PASSWORD, None)
            .expect("change password");
        tokens.push((role, app.create_token(&user).expect("token")));
    }
    let web = router(State::new(Config::new(url.clone())));
    assert!(again.keyring.is_some(), "{name}: the passphrase unlocks");
    let unlocked = router(State::new(Config {
        keyring: again.keyring,
        ..Config::new(url.clone())
    }));
    Env {
        name,
        url,
        app: web,
        unlocked,
        tokens,
        _dir: dir,
        _pg: pg,
    }
}

fn envs() -> Vec<Env> {
    backends("web.db", setup)
}

fn each_backend<F, Fut>(test: F)
where
    F: Fn(Arc<Env>) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    each(envs(), test)
}

async fn api(
    env: &Env,
    role: Option<Role>,
    method: &str,
    path: &str,
    body: Option<&str>,
) -> Answer {
    let mut b = Request::builder().method(method).uri(path);
    if let Some(role) = role {
        b = b.header(header::AUTHORIZATION, format!("Bearer {}", env.token(role)));
    }
    if body.is_some() {
        b = b.header(header::CONTENT_TYPE, "application/json");
    }
    send(
        &env.app,
        b.body(Body::from(body.unwrap_or("").to_owned()))
            .expect("request"),
    )
    .await
}

const ROLES: [Role; 4] = Role::ALL;

#[test]
fn without_credentials_every_api_route_is_401() {
    each_backend(|env| async move {
        for (method, path) in [
            ("GET", "/api/v1/sites"),
            ("GET", "/api/v1/sites/site-all"),
            ("POST", "/api/v1/sites"),
            ("PUT", "/api/v1/sites/site-all"),
            ("DELETE", "/api/v1/sites/site-all"),
            ("GET", "/api/v1/report"),
            ("GET", "/api/v1/assess"),
        ] {
            let a = api(&env, None, method, path, None).await;
            assert_eq!(
                a.status,
                StatusCode::UNAUTHORIZED,
                "{} {method} {path}",
                env.name
            );
            assert!(a.json()["error"].is_string());
        }
        let mut b = Request::builder().uri("/api/v1/sites");
        b = b.header(header::AUTHORIZATION, "Bearer zw_not-a-token");
        let a = send(&env.app, b.body(Body::empty()).expect("request")).await;
        assert_eq!(a.status, StatusCode::UNAUTHORIZED, "{}", env.name);
    });
}

#[test]
fn every_kind_lists_and_gets_as_each_role_may_see_it() {
    each_backend(|env| async move {
        for kind in zonewatch_model::Kind::ALL {
            for role in ROLES {
                let a = api(
                    &env,
                    Some(role),
                    "GET",
                    &format!("/api/v1/{}", kind.plural()),
                    None,
                )
                .await;
                assert_eq!(a.status, StatusCode::OK, "{} {role} {kind}", env.name);
                let items = a.json()["items"].as_array().expect("items").clone();
                for item in &items {
                    assert_eq!(item["kind"], kind.as_str());
                    if role == Role::Viewer {
                        assert_eq!(
                            item["sensitivity"], "public",
                            "{} viewer sees public only",
                            env.name
                        );
                    }
                }
                if role != Role::Viewer {
                    assert!(!items.is_empty(), "{} {role} {kind}", env.name);
                }
            }
        }
        // Restricted fields: never in a response while the server holds no passphrase,
        // and never for analysts or viewers.
        for role in ROLES {
            let a = api(&env, Some(role), "GET", "/api/v1/persons/p-all", None).await;
            if role == Role::Viewer {
                assert_eq!(
                    a.status,
                    StatusCode::NOT_FOUND,
                    "{}: p-all is not public",
                    env.name
                );
                continue;
            }
            assert_eq!(a.status, StatusCode::OK, "{} {role}", env.name);
            assert!(
                !a.text.contains("pii") && !a.text.contains("fictional restricted name"),
                "{} {role}: {}",
                env.name,
                a.text
            );
            assert_eq!(
                a.headers.get("x-zonewatch-withheld").map(|v| v.as_bytes()),
                Some(&b"restricted"[..])
            );
            let a = api(&env, Some(role), "GET", "/api/v1/testimonies", None).await;
            assert!(
                !a.text.contains("restricted transcript"),
                "{} {role}",
                env.name
            );
            assert!(a.json()["withheld"]
                .as_array()
                .expect("withheld")
                .iter()
                .any(|v| v == "t-all"));
        }
        let a = api(
            &env,
            Some(Role::Viewer),
            "GET",
            "/api/v1/sites/site-all",
            None,
        )
        .await;
        assert_eq!(a.status, StatusCode::OK, "{}: a public site", env.name);
        assert_eq!(a.json()["name"], "Every field compound (fictional)");
        // The object is the canonical v1 line.
        assert!(
            a.text
                .starts_with("{\"kind\":\"site\",\"id\":\"site-all\","),
            "{}",
            a.text
        );
        let a = api(
            &env,
            Some(Role::Analyst),
            "GET",
            "/api/v1/sites/site-2",
            None,
        )
        .await;
        assert_eq!(a.status, StatusCode::OK);
        let a = api(
            &env,
            Some(Role::Viewer),
            "GET",
            "/api/v1/sites/site-2",
            None,
        )
        .await;
        assert_eq!(
            a.status,
            StatusCode::NOT_FOUND,
            "{}: internal site hidden from viewers",
            env.name
        );
        let a = api(
            &env,
            Some(Role::Analyst),
            "GET",
            "/api/v1/persons/site-all",
            None,
        )
        .await;
        assert_eq!(
            a.status,
            StatusCode::NOT_FOUND,
            "{}: id of another kind",
            env.name
        );
        let a = api(&env, Some(Role::Analyst), "GET", "/api/v1/nonsense", None).await;
        assert_eq!(a.status, StatusCode::NOT_FOUND);
    });
}

#[test]
fn lists_filter_by_reference_and_field_and_page() {
    each_backend(|env| async move {
        let a = api(
            &env,
            Some(Role::Analyst),
            "GET",
            "/api/v1/site_statuses?site=site-all",
            None,
        )
        .await;
        let ids: Vec<String> = a.json()["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|i| i["id"].as_str().unwrap_or("").to_owned())
            .collect();
        assert_eq!(ids, ["st-all"], "{}", env.name);
        let a = api(
            &env,
            Some(Role::Analyst),
            "GET",
            "/api/v1/site_statuses?site=site-2",
            None,
        )
        .await;
        assert!(a.json()["items"].as_array().expect("items").is_empty());
        let a = api(
            &env,
            Some(Role::Analyst),
            "GET",
            "/api/v1/sites?country=LA",
            None,
        )
        .await;
        assert_eq!(a.json()["items"][0]["id"], "site-2", "{}", env.name);
        let a = api(
            &env,
            Some(Role::Analyst),
            "GET",
            "/api/v1/persons?roles=perpetrator",
            None,
        )
        .await;
        assert_eq!(a.json()["items"].as_array().expect("items").len(), 1);
        let a = api(
            &env,
            Some(Role::Analyst),
            "GET",
            "/api/v1/ads?date_from=2022&date_to=2022-12",
            None,
        )
        .await;
        assert_eq!(
            a.json()["items"].as_array().expect("items").len(),
            1,
            "{}",
            env.name
        );
        let a = api(
            &env,
            Some(Role::Analyst),
            "GET",
            "/api/v1/ads?date_from=2023",
            None,
        )
        .await;
        assert!(
            a.json()["items"].as_array().expect("items").is_empty(),
            "{}",
            env.name
        );
        // Paging.
        let a = api(
            &env,
            Some(Role::Analyst),
            "GET",
            "/api/v1/sources?limit=1",
            None,
        )
        .await;
        let page = a.json();
        assert_eq!(page["items"][0]["id"], "src-all");
        assert_eq!(page["next"], "src-all");
        let a = api(
            &env,
            Some(Role::Analyst),
            "GET",
            "/api/v1/sources?limit=1&after=src-all",
            None,
        )
        .await;
        let page = a.json();
        assert_eq!(page["items"][0]["id"], "src-b");
        assert!(page["next"].is_null(), "{}", env.name);
        let a = api(
            &env,
            Some(Role::Analyst),
            "GET",
            "/api/v1/sources?limit=x",
            None,
        )
        .await;
        assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    });
}

const NEW_SITE: &str = r#"{"kind":"site","id":"site-new","name":"New compound (fictional)","category":"scam_compound","country":"KH","lat":10.5,"lon":103.6}"#;

#[test]
fn writes_need_investigator_and_are_validated_as_imports() {
    each_backend(|env| async move {
        for role in [Role::Analyst, Role::Viewer] {
            for (method, path) in [
                ("POST", "/api/v1/sites"),
                ("PUT", "/api/v1/sites/site-new"),
                ("DELETE", "/api/v1/sites/site-2"),
            ] {
                let a = api(&env, Some(role), method, path, Some(NEW_SITE)).await;
                assert_eq!(
                    a.status,
                    StatusCode::FORBIDDEN,
                    "{} {role} {method}",
                    env.name
                );
            }
        }
        let a = api(
            &env,
            Some(Role::Investigator),
            "POST",
            "/api/v1/sites",
            Some(NEW_SITE),
        )
        .await;
        assert_eq!(a.status, StatusCode::CREATED, "{}: {}", env.name, a.text);
        assert_eq!(a.text, NEW_SITE);
        assert_eq!(
            a.headers.get(header::LOCATION).map(|v| v.as_bytes()),
            Some(&b"/api/v1/sites/site-new"[..])
        );
        let a = api(
            &env,
            Some(Role::Investigator),
            "POST",
            "/api/v1/sites",
            Some(NEW_SITE),
        )
        .await;
        assert_eq!(
            a.status,
            StatusCode::CONFLICT,
            "{}: the id exists",
            env.name
        );
        // Validation is the import's: the field and what was expected.
        let bad = r#"{"kind":"site","id":"site-bad","name":"x","category":"scam_compound","country":"KH","lat":10.5}"#;
        let a = api(
            &env,
            Some(Role::Investigator),
            "POST",
            "/api/v1/sites",
            Some(bad),
        )
        .await;
        assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", env.name);
        assert_eq!(a.json()["errors"][0]["field"], "lon", "{}", a.text);
        let bad = r#"{"kind":"site_status","id":"st-bad","site":"no-such-site","date":"2024","status":"operating","basis":"media"}"#;
        let a = api(
            &env,
            Some(Role::Investigator),
            "POST",
            "/api/v1/site_statuses",
            Some(bad),
        )
        .await;
        assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", env.name);
        assert_eq!(a.json()["errors"][0]["field"], "site", "{}", a.text);
        let a = api(
            &env,
            Some(Role::Investigator),
            "POST",
            "/api/v1/persons",
            Some(NEW_SITE),
        )
        .await;
        assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(a.json()["errors"][0]["field"], "kind");
        let a = api(
            &env,
            Some(Role::Investigator),
            "POST",
            "/api/v1/sites",
            Some("{not json"),
        )
        .await;
        assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
        // Update.
        let changed = NEW_SITE.replace("New compound", "Renamed compound");
        let a = api(
            &env,
            Some(Role::Investigator),
            "PUT",
            "/api/v1/sites/site-new",
            Some(&changed),
        )
        .await;
        assert_eq!(a.status, StatusCode::OK, "{}: {}", env.name, a.text);
        assert_eq!(a.text, changed);
        let a = api(
            &env,
            Some(Role::Investigator),
            "PUT",
            "/api/v1/sites/site-2",
            Some(&changed),
        )
        .await;
        assert_eq!(
            a.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}: ids differ",
            env.name
        );
        let a = api(
            &env,
            Some(Role::Investigator),
            "PUT",
            "/api/v1/sites/site-none",
            Some(&changed.replace("site-new", "site-none")),
        )
        .await;
        assert_eq!(a.status, StatusCode::NOT_FOUND);
        // A person with pii: sealed on the way in, withheld on the way out.
        let person = r#"{"kind":"person","id":"p-new","alias":"New (fictional)","roles":["victim"],"pii":{"legal_name":"(fictional secret name)"}}"#;
        let a = api(
            &env,
            Some(Role::Investigator),
            "POST",
            "/api/v1/persons",
            Some(person),
        )
        .await;
        assert_eq!(a.status, StatusCode::CREATED, "{}: {}", env.name, a.text);
        assert!(!a.text.contains("secret name"));
        // Delete: refused while referenced, audited when done.
        let a = api(
            &env,
            Some(Role::Investigator),
            "DELETE",
            "/api/v1/sites/site-all",
            None,
        )
        .await;
        assert_eq!(a.status, StatusCode::CONFLICT, "{}", env.name);
        assert!(a.json()["referenced_by"]
            .as_array()
            .expect("by")
            .iter()
            .any(|v| v == "st-all"));
        let a = api(
            &env,
            Some(Role::Admin),
            "DELETE",
            "/api/v1/sites/site-new",
            None,
        )
        .await;
        assert_eq!(a.status, StatusCode::NO_CONTENT, "{}: {}", env.name, a.text);
        let a = api(
            &env,
            Some(Role::Admin),
            "GET",
            "/api/v1/sites/site-new",
            None,
        )
        .await;
        assert_eq!(a.status, StatusCode::NOT_FOUND);
        let a = api(
            &env,
            Some(Role::Admin),
            "DELETE",
            "/api/v1/sites/site-new",
            None,
        )
        .await;
        assert_eq!(a.status, StatusCode::NOT_FOUND);
        let (url, name) = (env.url.clone(), env.name);
        tokio::task::spawn_blocking(move || {
            let mut app = App::new(
                zonewatch_app::testing::open_store(&url),
                Actor::local_admin(),
            );
            let entries = app.audit_entries(Some("site-new")).expect("audit");
            let actions: Vec<(&str, &str)> = entries
                .iter()
                .map(|e| (e.actor.as_str(), e.action.as_str()))
                .collect();
            assert_eq!(
                actions,
                [
                    ("u-investigator", "import"),
                    ("u-investigator", "import"),
                    ("u-admin", "delete")
                ],
                "{name}"
            );
            assert!(
                app.verify_audit(None).expect("verify").is_ok(),
                "{name}: the chain holds"
            );
        })
        .await
        .expect("audit check");
    });
}

#[test]
fn report_and_assess_follow_the_roles() {
    each_backend(|env| async move {
        let a = api(&env, Some(Role::Analyst), "GET", "/api/v1/report", None).await;
        assert_eq!(a.status, StatusCode::OK);
        assert_eq!(
            a.json()["persons"]["minors_interviewed"],
            1,
            "{}: {}",
            env.name,
            a.text
        );
        let a = api(&env, Some(Role::Viewer), "GET", "/api/v1/report", None).await;
        assert_eq!(a.status, StatusCode::OK);
        assert_eq!(
            a.json()["persons"]["minors_interviewed"],
            "<5",
            "{}: viewers get the public report",
            env.name
        );
        let a = api(&env, Some(Role::Viewer), "GET", "/api/v1/assess", None).await;
        assert_eq!(a.status, StatusCode::FORBIDDEN);
        let a = api(
            &env,
            Some(Role::Analyst),
            "GET",
            "/api/v1/assess?person=p-all",
            None,
        )
        .await;
        assert_eq!(a.status, StatusCode::OK, "{}", a.text);
        assert_eq!(a.json()[0]["person"], "p-all");
        let a = api(
            &env,
            Some(Role::Analyst),
            "GET",
            "/api/v1/assess?person=nobody",
            None,
        )
        .await;
        assert_eq!(a.status, StatusCode::NOT_FOUND);
    });
}

#[test]
fn the_openapi_document_describes_every_route() {
    each_backend(|env| async move {
        let a = api(&env, None, "GET", "/api/v1/openapi.json", None).await;
        assert_eq!(a.status, StatusCode::OK);
        let doc = a.json();
        assert_eq!(doc["openapi"], "3.1.0");
        // Every route the API module registers is in ROUTES…
        let source = include_str!("../../src/api/mod.rs");
        for piece in source.split(".route(").skip(1) {
            let path = piece
                .trim_start()
                .trim_start_matches('"')
                .split('"')
                .next()
                .expect("path");
            assert!(
                zonewatch_web::ROUTES.iter().any(|(_, p, _)| *p == path),
                "{path} is not in ROUTES"
            );
        }
        // …and every documented operation is answered (not 404/405 from the router).
        for (path, ops) in doc["paths"].as_object().expect("paths") {
            for method in ops.as_object().expect("ops").keys() {
                let concrete = path.replace("{id}", "site-all");
                let a = api(
                    &env,
                    Some(Role::Analyst),
                    &method.to_uppercase(),
                    &concrete,
                    Some("{}"),
                )
                .await;
                assert_ne!(a.status, StatusCode::METHOD_NOT_ALLOWED, "{method} {path}");
                if !path.contains("{id}") {
                    assert_ne!(a.status, StatusCode::NOT_FOUND, "{method} {path}");
                }
            }
        }
    });
}

fn cookies(a: &Answer) -> Vec<String> {
    a.cookies()
}

async fn login(env: &Env, user: &str, password: &str) -> (Answer, String) {
    login_from(env, None, user, password).await
}

/// A login as if from the client address `source`.
async fn login_from(
    env: &Env,
    source: Option<&str>,
    user: &str,
    password: &str,
) -> (Answer, String) {
    let form = send(
        &env.app,
        Request::get("/login").body(Body::empty()).expect("request"),
    )
    .await;
    assert_eq!(form.status, StatusCode::OK);
    let cookie = cookies(&form).join("; ");
    assert!(form.headers.get_all(header::SET_COOKIE).iter().all(|v| {
        let v = v.to_str().unwrap_or("");
        v.contains("HttpOnly") && v.contains("SameSite=Strict")
    }));
    let csrf = hidden_csrf(&form.text);
    let body = format!(
        "user={user}&password={}&csrf={csrf}",
        password.replace(' ', "+")
    );
    let mut request = Request::post("/login")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::COOKIE, cookie)
        .body(Body::from(body))
        .expect("request");
    if let Some(source) = source {
        let addr: std::net::SocketAddr = format!("{source}:40000").parse().expect("address");
        request
            .extensions_mut()
            .insert(axum::extract::ConnectInfo(addr));
    }
    let a = send(&env.app, request).await;
    let session = cookies(&a)
        .into_iter()
        .find(|c| c.starts_with("zw_session="))
        .unwrap_or_default();
    (a, session)
}

async fn page(env: &Env, session: &str, path: &str) -> Answer {
    send(
        &env.app,
        Request::get(path)
            .header(header::COOKIE, session)
            .body(Body::empty())
            .expect("request"),
    )
    .await
}

#[test]
fn pages_after_login_with_a_strict_policy() {
    each_backend(|env| async move {
        let a = page(&env, "", "/").await;
        assert_eq!(
            a.status,
            StatusCode::SEE_OTHER,
            "{}: to the login page",
            env.name
        );
        let (a, session) = login(&env, "u-analyst", PASSWORD).await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{}: {}", env.name, a.text);
        assert!(session.len() > 40);
        for path in [
            "/",
            "/sites",
            "/sites?country=KH&category=scam_compound",
            "/sites/site-all",
            "/report",
        ] {
            let a = page(&env, &session, path).await;
            assert_eq!(a.status, StatusCode::OK, "{} {path}", env.name);
            let csp = a
                .headers
                .get(header::CONTENT_SECURITY_POLICY)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("");
            assert!(
                csp.contains("default-src 'none'") && !csp.contains("script-src"),
                "{path}: {csp}"
            );
            assert!(!a.text.contains("<script"), "{path}");
        }
        let a = page(&env, &session, "/").await;
        assert!(
            a.text.contains("operating after intervention")
                && a.text
                    .contains("<svg class=\"chart wide map\" id=\"site-map\"")
        );
        let a = page(&env, &session, "/sites?country=LA").await;
        assert!(
            a.text.contains("Second site") && !a.text.contains("Every field compound"),
            "{}",
            env.name
        );
        let a = page(&env, &session, "/sites/site-all").await;
        assert!(a.text.contains("Timeline of"), "{}", env.name);
        // The session also authenticates the API; writes need its CSRF token.
        let a = page(&env, &session, "/api/v1/sites").await;
        assert_eq!(a.status, StatusCode::OK);
        let a = send(
            &env.app,
            Request::post("/api/v1/sites")
                .header(header::COOKIE, &session)
                .body(Body::from(NEW_SITE))
                .expect("request"),
        )
        .await;
        assert_eq!(
            a.status,
            StatusCode::FORBIDDEN,
            "{}: no CSRF header",
            env.name
        );
    });
}

#[test]
fn forms_without_their_csrf_token_are_refused() {
    each_backend(|env| async move {
        // Login without the double-submit cookie.
        let a = send(
            &env.app,
            Request::post("/login")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(format!(
                    "user=u-admin&password={}&csrf=forged",
                    PASSWORD.replace(' ', "+")
                )))
                .expect("request"),
        )
        .await;
        assert_eq!(a.status, StatusCode::FORBIDDEN);
        assert!(cookies(&a).iter().all(|c| !c.starts_with("zw_session=")));
        // Logout with a wrong token keeps the session.
        let (_, session) = login(&env, "u-admin", PASSWORD).await;
        let a = send(
            &env.app,
            Request::post("/logout")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(header::COOKIE, &session)
                .body(Body::from("csrf=forged"))
                .expect("request"),
        )
        .await;
        assert_eq!(a.status, StatusCode::FORBIDDEN);
        assert_eq!(page(&env, &session, "/").await.status, StatusCode::OK);
        // With the right one it ends.
        let csrf = hidden_csrf(&page(&env, &session, "/").await.text);
        let a = send(
            &env.app,
            Request::post("/logout")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(header::COOKIE, &session)
                .body(Body::from(format!("csrf={csrf}")))
                .expect("request"),
        )
        .await;
        assert_eq!(a.status, StatusCode::SEE_OTHER);
        assert_eq!(
            page(&env, &session, "/").await.status,
            StatusCode::SEE_OTHER
        );
    });
}

#[test]
fn logins_are_rate_limited() {
    each_backend(|env| async move {
        // Forty wrong passwords at once from one address: five are checked, the
        // rest refused before Argon2 (counted before the check, not after).
        let burst = futures_join_all((0..40).map(|_| {
            let env = Arc::clone(&env);
            async move {
                login_from(&env, Some("192.0.2.7"), "u-analyst", "wrong password!")
                    .await
                    .0
            }
        }))
        .await;
        let checked = burst
            .iter()
            .filter(|a| a.status == StatusCode::UNAUTHORIZED)
            .count();
        let refused = burst
            .iter()
            .filter(|a| a.status == StatusCode::TOO_MANY_REQUESTS)
            .count();
        assert_eq!((checked, refused), (5, 35), "{}", env.name);
        // The right password from there is refused too, now.
        let (a, session) = login_from(&env, Some("192.0.2.7"), "u-analyst", PASSWORD).await;
        assert_eq!(a.status, StatusCode::TOO_MANY_REQUESTS, "{}", env.name);
        assert!(session.is_empty());
        // A stranger cannot lock the owner out: from another address the owner
        // still logs in (after a wait that grows with the tries against the name).
        let (a, session) = login_from(&env, Some("198.51.100.9"), "u-analyst", PASSWORD).await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{}: {}", env.name, a.text);
        assert!(!session.is_empty());
        for _ in 0..5 {
            let (a, session) = login(&env, "u-viewer", "wrong password!").await;
            assert_eq!(a.status, StatusCode::UNAUTHORIZED);
            assert!(session.is_empty());
        }
        let (a, session) = login(&env, "u-viewer", PASSWORD).await;
        assert_eq!(
            a.status,
            StatusCode::TOO_MANY_REQUESTS,
            "the right password is refused too while blocked"
        );
        assert!(session.is_empty());
    });
}

#[test]
fn import_takes_json_lines_all_or_nothing() {
    each_backend(|env| async move {
        let good = "{\"kind\":\"site\",\"id\":\"site-i1\",\"name\":\"Imported (fictional)\",\"category\":\"suspected_site\",\"country\":\"MM\"}\n{\"kind\":\"site_status\",\"id\":\"st-i1\",\"site\":\"site-i1\",\"date\":\"2024-05\",\"status\":\"operating\",\"basis\":\"media\"}\n";
        for role in [Role::Analyst, Role::Viewer] {
            let a = api(&env, Some(role), "POST", "/api/v1/import", Some(good)).await;
            assert_eq!(a.status, StatusCode::FORBIDDEN, "{} {role}", env.name);
        }
        let bad = format!("{good}{{\"kind\":\"site\",\"id\":\"site-i2\",\"name\":\"x\",\"category\":\"nope\",\"country\":\"MM\"}}\n");
        let a = api(
            &env,
            Some(Role::Investigator),
            "POST",
            "/api/v1/import",
            Some(&bad),
        )
        .await;
        assert_eq!(
            a.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}: {}",
            env.name,
            a.text
        );
        assert_eq!(a.json()["errors"][0]["line"], 3);
        assert_eq!(a.json()["errors"][0]["field"], "category");
        let a = api(
            &env,
            Some(Role::Investigator),
            "POST",
            "/api/v1/import?dry_run=true",
            Some(good),
        )
        .await;
        assert_eq!(a.status, StatusCode::OK, "{}: {}", env.name, a.text);
        assert_eq!(a.json()["written"], false);
        let a = api(
            &env,
            Some(Role::Analyst),
            "GET",
            "/api/v1/sites/site-i1",
            None,
        )
        .await;
        assert_eq!(
            a.status,
            StatusCode::NOT_FOUND,
            "{}: nothing written",
            env.name
        );
        let a = api(
            &env,
            Some(Role::Investigator),
            "POST",
            "/api/v1/import",
            Some(good),
        )
        .await;
        assert_eq!(a.status, StatusCode::OK, "{}: {}", env.name, a.text);
        assert_eq!(a.json()["records"], 2);
        assert_eq!(a.json()["by_kind"]["site_status"], 1);
        let a = api(
            &env,
            Some(Role::Analyst),
            "GET",
            "/api/v1/site_statuses?site=site-i1",
            None,
        )
        .await;
        assert_eq!(a.json()["items"][0]["id"], "st-i1", "{}", env.name);
    });
}

#[test]
fn an_unlocked_server_shows_restricted_fields_to_investigators_and_audits_it() {
    each_backend(|env| async move {
        let unlocked = Env {
            name: env.name,
            url: env.url.clone(),
            app: env.unlocked.clone(),
            unlocked: env.unlocked.clone(),
            tokens: env.tokens.clone(),
            _dir: None,
            _pg: None,
        };
        let env = &unlocked;
        let a = api(
            env,
            Some(Role::Investigator),
            "GET",
            "/api/v1/persons/p-all",
            None,
        )
        .await;
        assert_eq!(a.status, StatusCode::OK, "{}", env.name);
        assert!(
            a.text.contains("(fictional restricted name)"),
            "{}: {}",
            env.name,
            a.text
        );
        assert!(a.headers.get("x-zonewatch-withheld").is_none());
        let a = api(
            env,
            Some(Role::Investigator),
            "GET",
            "/api/v1/testimonies",
            None,
        )
        .await;
        assert!(a.text.contains("restricted transcript"), "{}", env.name);
        assert!(a.json()["withheld"]
            .as_array()
            .expect("withheld")
            .is_empty());
        let a = api(
            env,
            Some(Role::Analyst),
            "GET",
            "/api/v1/persons/p-all",
            None,
        )
        .await;
        assert!(!a.text.contains("pii"), "{}: analysts never", env.name);
        assert!(a.headers.get("x-zonewatch-withheld").is_some());
        let (url, name) = (env.url.clone(), env.name);
        tokio::task::spawn_blocking(move || {
            let mut app = App::new(
                zonewatch_app::testing::open_store(&url),
                Actor::local_admin(),
            );
            let reads: Vec<String> = app
                .audit_entries(Some("p-all"))
                .expect("audit")
                .into_iter()
                .filter(|e| e.action == "read-restricted")
                .map(|e| e.actor)
                .collect();
            assert_eq!(
                reads,
                ["u-investigator"],
                "{name}: one audited read, the analyst's none"
            );
            assert!(app.verify_audit(None).expect("verify").is_ok(), "{name}");
        })
        .await
        .expect("audit check");
    });
}

async fn post_form(env: &Env, session: &str, path: &str, body: &str) -> Answer {
    send(
        &env.app,
        Request::post(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, session)
            .body(Body::from(body.to_owned()))
            .expect("request"),
    )
    .await
}

fn dashboard_figure(html: &str, label: &str) -> String {
    let end = html.find(&format!("</b>{label}</div>")).expect("figure");
    let start = html[..end].rfind("<b>").expect("<b>") + 3;
    html[start..end].to_owned()
}

#[test]
fn forms_create_a_site_a_raid_and_a_later_observation() {
    each_backend(|env| async move {
        let (_, analyst) = login(&env, "u-analyst", PASSWORD).await;
        let a = page(&env, &analyst, "/records/sites/new").await;
        assert_eq!(a.status, StatusCode::FORBIDDEN, "{}", env.name);
        let (_, session) = login(&env, "u-investigator", PASSWORD).await;
        let before = dashboard_figure(
            &page(&env, &session, "/").await.text,
            "operating after intervention",
        );
        let form = page(&env, &session, "/records/sites/new").await;
        assert_eq!(form.status, StatusCode::OK, "{}", env.name);
        let csrf = hidden_csrf(&form.text);
        // No CSRF token: refused, nothing written.
        let a = post_form(
            &env,
            &session,
            "/records/sites/new",
            "id=site-f&name=Form+site&category=scam_compound&country=KH",
        )
        .await;
        assert_eq!(a.status, StatusCode::FORBIDDEN);
        // A validation error is shown beside its field.
        let a = post_form(&env, &session, "/records/sites/new", &format!("csrf={csrf}&id=site-f&name=Form+site+%28fictional%29&category=scam_compound&country=KH&lat=10.7&lon=")).await;
        assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", env.name);
        assert!(
            a.text.contains("id=\"error-lon\""),
            "{}: {}",
            env.name,
            a.text
        );
        let a = post_form(&env, &session, "/records/sites/new", &format!("csrf={csrf}&id=site-f&name=Form+site+%28fictional%29&category=scam_compound&country=KH&lat=10.7&lon=103.6&former_use=")).await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{}: {}", env.name, a.text);
        assert_eq!(
            a.headers.get(header::LOCATION).map(|v| v.as_bytes()),
            Some(&b"/sites/site-f"[..])
        );
        let a = page(&env, &session, "/records/interventions/new?site=site-f").await;
        assert!(
            a.text.contains("value=\"site-f\""),
            "{}: prefilled",
            env.name
        );
        let a = post_form(
            &env,
            &session,
            "/records/interventions/new",
            &format!(
                "csrf={csrf}&id=iv-f&site=site-f&date=2024-04-02&type=raid&persons_removed=12"
            ),
        )
        .await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{}: {}", env.name, a.text);
        let a = post_form(
            &env,
            &session,
            "/records/site_statuses/new",
            &format!(
                "csrf={csrf}&id=st-f&site=site-f&date=2024-06&status=operating&basis=field_visit"
            ),
        )
        .await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{}: {}", env.name, a.text);
        let after = dashboard_figure(
            &page(&env, &session, "/").await.text,
            "operating after intervention",
        );
        assert_eq!(
            after.parse::<u64>().expect("n"),
            before.parse::<u64>().expect("n") + 1,
            "{}",
            env.name
        );
        let a = page(&env, &session, "/sites/site-f").await;
        assert!(
            a.text.contains("iv-f") && a.text.contains("operating after"),
            "{}",
            env.name
        );
        // Edit: the form is prefilled, and saving replaces the record.
        let a = page(&env, &session, "/records/sites/site-f/edit").await;
        assert!(
            a.text.contains("value=\"Form site (fictional)\""),
            "{}",
            env.name
        );
        let a = post_form(&env, &session, "/records/sites/site-f/edit", &format!("csrf={csrf}&name=Renamed+%28fictional%29&category=scam_compound&country=KH&lat=10.7&lon=103.6")).await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{}: {}", env.name, a.text);
        let a = api(
            &env,
            Some(Role::Analyst),
            "GET",
            "/api/v1/sites/site-f",
            None,
        )
        .await;
        assert_eq!(a.json()["name"], "Renamed (fictional)");
    });
}

#[test]
fn record_pages_list_search_and_withhold() {
    each_backend(|env| async move {
        let (_, analyst) = login(&env, "u-analyst", PASSWORD).await;
        let a = page(&env, &analyst, "/records/persons").await;
        assert_eq!(a.status, StatusCode::OK, "{}", env.name);
        assert!(a.text.contains("Alias A") && a.text.contains("Boss (fictional)"));
        let a = page(&env, &analyst, "/records/persons?q=boss").await;
        assert!(
            !a.text.contains("Alias A") && a.text.contains("Boss (fictional)"),
            "{}",
            env.name
        );
        let a = page(&env, &analyst, "/records/persons/p-all").await;
        assert_eq!(a.status, StatusCode::OK);
        assert!(
            a.text.contains("Alias A") && a.text.contains("restricted fields that are not shown")
        );
        assert!(
            !a.text.contains("fictional restricted name"),
            "{}",
            env.name
        );
        let a = page(&env, &analyst, "/records/testimonies/t-all").await;
        assert!(!a.text.contains("restricted transcript"), "{}", env.name);
        for plural in [
            "organizations",
            "sources",
            "incidents",
            "ads",
            "interventions",
            "site_statuses",
            "testimonies",
        ] {
            let a = page(&env, &analyst, &format!("/records/{plural}")).await;
            assert_eq!(a.status, StatusCode::OK, "{} {plural}", env.name);
        }
        let (_, viewer) = login(&env, "u-viewer", PASSWORD).await;
        let a = page(&env, &viewer, "/records/persons").await;
        assert!(!a.text.contains("Alias A"), "{}: not public", env.name);
        let a = page(&env, &viewer, "/records/persons/p-all").await;
        assert_eq!(a.status, StatusCode::NOT_FOUND);
        let a = page(&env, &viewer, "/records/incidents/inc-all").await;
        assert_eq!(a.status, StatusCode::OK, "{}: a public incident", env.name);
    });
}

#[test]
fn reports_download_internal_or_public() {
    each_backend(|env| async move {
        let (_, analyst) = login(&env, "u-analyst", PASSWORD).await;
        let a = page(&env, &analyst, "/report?format=json&download=1").await;
        assert_eq!(a.status, StatusCode::OK, "{}", env.name);
        assert_eq!(a.json()["persons"]["minors_interviewed"], 1);
        let disposition = a
            .headers
            .get(header::CONTENT_DISPOSITION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        assert_eq!(
            disposition,
            "attachment; filename=\"zonewatch-report.json\""
        );
        let a = page(&env, &analyst, "/report?public=1&format=json").await;
        assert_eq!(a.json()["persons"]["minors_interviewed"], "<5");
        let a = page(&env, &analyst, "/report?format=md").await;
        assert!(a
            .headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .starts_with("text/markdown"));
        let (_, viewer) = login(&env, "u-viewer", PASSWORD).await;
        let a = page(&env, &viewer, "/report?format=json&download=1").await;
        assert_eq!(
            a.json()["persons"]["minors_interviewed"],
            "<5",
            "{}: viewers get the public report",
            env.name
        );
        let disposition = a
            .headers
            .get(header::CONTENT_DISPOSITION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        assert!(disposition.contains("-public.json"), "{disposition}");
        let a = page(&env, &viewer, "/report?format=exe").await;
        assert_eq!(a.status, StatusCode::NOT_FOUND);
    });
}

/// The values a form would submit as it is shown: inputs, selected options and
/// text areas (as a browser parses them: the line break after `<textarea>` is not
/// part of the value), HTML entities decoded.
fn form_values(html: &str) -> Vec<(String, String)> {
    fn unescape(s: &str) -> String {
        s.replace("&#34;", "\"")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&")
    }
    fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
        let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        tag[at..].split('"').next()
    }
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at..];
        let tag_end = rest.find('>').expect("tag end");
        let tag = &rest[..tag_end];
        if tag.starts_with("<input") {
            if let Some(name) = attr(tag, "name") {
                out.push((name.to_owned(), unescape(attr(tag, "value").unwrap_or(""))));
            }
        } else if tag.starts_with("<textarea") {
            let name = attr(tag, "name").expect("name").to_owned();
            let body = &rest[tag_end + 1..];
            let value = &body[..body.find("</textarea>").expect("end")];
            out.push((name, unescape(value.strip_prefix('\n').unwrap_or(value))));
        } else if tag.starts_with("<select") {
            let name = attr(tag, "name").expect("name").to_owned();
            let body = &rest[..rest.find("</select>").expect("end")];
            let selected = body
                .split("<option")
                .find(|o| o.contains(" selected>"))
                .and_then(|o| attr(o, "value"))
                .unwrap_or("");
            out.push((name, unescape(selected)));
        }
        rest = &rest[1..];
    }
    out
}

fn url_encode(pairs: &[(String, String)]) -> String {
    let enc = |s: &str| -> String {
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => {
                    (b as char).to_string()
                }
                _ => format!("%{b:02X}"),
            })
            .collect()
    };
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
        .collect::<Vec<_>>()
        .join("&")
}

#[test]
fn forms_for_every_kind_with_nested_fields() {
    each_backend(|env| async move {
        let (_, session) = login(&env, "u-investigator", PASSWORD).await;
        let csrf = hidden_csrf(&page(&env, &session, "/records/incidents/new").await.text);
        let a = post_form(&env, &session, "/records/incidents/new", &format!("csrf={csrf}&id=inc-f&type=beating&date=2024-02&site=site-all&victims=p-all%2C+p-perp")).await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{}: {}", env.name, a.text);
        assert_eq!(
            a.headers.get(header::LOCATION).map(|v| v.as_bytes()),
            Some(&b"/records/incidents/inc-f"[..])
        );
        let a = api(
            &env,
            Some(Role::Analyst),
            "GET",
            "/api/v1/incidents/inc-f",
            None,
        )
        .await;
        assert_eq!(
            a.json()["victims"],
            serde_json::json!(["p-all", "p-perp"]),
            "{}",
            env.name
        );
        let a = page(&env, &session, "/records/incidents/inc-f/edit").await;
        assert_eq!(a.status, StatusCode::OK, "{}", env.name);

        // A person with nested recruitment, custody lines and restricted fields.
        let a = page(&env, &session, "/records/persons/new").await;
        assert_eq!(a.status, StatusCode::OK, "{}", env.name);
        let body = format!(
            "csrf={csrf}&id=p-form&alias=Form+alias&roles=survivor%2C+witness&age_at_entry=16\
             &recruitment.channel=telegram&recruitment.promised_job=typist\
             &recruitment.promised_salary_usd=1500&custody=site-all%3B+2023-04%3B+2023-09%0D%0Asite-2\
             &pii.legal_name=Fictional+Form+Name&exit=escaped"
        );
        let a = post_form(&env, &session, "/records/persons/new", &body).await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{}: {}", env.name, a.text);
        let a = api(
            &env,
            Some(Role::Analyst),
            "GET",
            "/api/v1/persons/p-form",
            None,
        )
        .await;
        let person = a.json();
        assert_eq!(
            person["recruitment"]["promised_salary_usd"], 1500,
            "{}",
            env.name
        );
        assert_eq!(person["recruitment"]["channel"], "telegram");
        assert_eq!(
            person["custody"],
            serde_json::json!([{"site":"site-all","from":"2023-04","to":"2023-09"},{"site":"site-2"}])
        );
        assert!(
            person.get("pii").is_none(),
            "{}: analysts never see pii",
            env.name
        );
        assert!(a.headers.get("x-zonewatch-withheld").is_some());

        // Errors inside nested fields and lines are shown beside their field.
        let body = format!(
            "csrf={csrf}&id=p-bad&alias=Bad&roles=survivor&recruitment.channel=pigeon\
             &custody=site-all%3B+2023-13"
        );
        let a = post_form(&env, &session, "/records/persons/new", &body).await;
        assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", env.name);
        assert!(
            a.text.contains("id=\"error-recruitment.channel\""),
            "{}",
            a.text
        );
        assert!(a.text.contains("id=\"error-custody\""), "{}", a.text);
        assert!(a.text.contains("line 1: from:"), "{}", a.text);

        // A testimony: findings one per line, the last value taking the rest.
        let body = format!(
            "csrf={csrf}&id=t-form&person=p-form&date=2024-05&consent=internal_only\
             &transcript=Fictional+words%0D%0Aon+two+lines\
             &findings=slavery.ownership_claim%3B+site-all%3B+2023-05%3B+a+note%3B+with+a+semicolon"
        );
        let a = post_form(&env, &session, "/records/testimonies/new", &body).await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{}: {}", env.name, a.text);

        // Without the key ring the server cannot open restricted fields: no edit form.
        let a = page(&env, &session, "/records/persons/p-all/edit").await;
        assert_eq!(a.status, StatusCode::CONFLICT, "{}", env.name);
    });
}

#[test]
fn an_unlocked_edit_form_saves_a_record_unchanged() {
    each_backend(|env| async move {
        let unlocked = Env {
            name: env.name,
            url: env.url.clone(),
            app: env.unlocked.clone(),
            unlocked: env.unlocked.clone(),
            tokens: env.tokens.clone(),
            _dir: None,
            _pg: None,
        };
        let env = &unlocked;
        let (_, session) = login(env, "u-investigator", PASSWORD).await;
        for (plural, id) in [("persons", "p-all"), ("testimonies", "t-all")] {
            let path = format!("/api/v1/{plural}/{id}");
            let before = api(env, Some(Role::Investigator), "GET", &path, None).await;
            assert!(before.text.contains("restricted"), "{}", env.name);
            let form = page(env, &session, &format!("/records/{plural}/{id}/edit")).await;
            assert_eq!(
                form.status,
                StatusCode::OK,
                "{} {plural}: {}",
                env.name,
                form.text
            );
            let values = form_values(&form.text);
            // The browser sends a text area's line breaks as CRLF.
            let values: Vec<(String, String)> = values
                .into_iter()
                .map(|(k, v)| (k, v.replace('\n', "\r\n")))
                .collect();
            let a = post_form(
                env,
                &session,
                &format!("/records/{plural}/{id}/edit"),
                &url_encode(&values),
            )
            .await;
            assert_eq!(
                a.status,
                StatusCode::SEE_OTHER,
                "{} {plural}: {}",
                env.name,
                a.text
            );
            let after = api(env, Some(Role::Investigator), "GET", &path, None).await;
            assert_eq!(before.json(), after.json(), "{} {plural}", env.name);
        }
    });
}

#[test]
fn odd_ids_in_paths_are_404s_not_panics() {
    each_backend(|env| async move {
        let (_, session) = login(&env, "u-analyst", PASSWORD).await;
        for path in [
            "/records/sites/a%0D%0Ab",
            "/sites/a%0D%0Ab",
            "/records/persons/%FF",
            "/api/v1/sites/a%0Ab",
        ] {
            let a = page(&env, &session, path).await;
            assert!(
                a.status == StatusCode::NOT_FOUND || a.status == StatusCode::BAD_REQUEST,
                "{} {path}: {}",
                env.name,
                a.status
            );
        }
    });
}

#[test]
fn the_favicon_is_no_content_not_a_404() {
    // Browsers ask for it on every first page and log a console error on a 404.
    each_backend(|env| async move {
        let a = page(&env, "", "/favicon.ico").await;
        assert_eq!(a.status, StatusCode::NO_CONTENT, "{}", env.name);
        assert!(a.text.is_empty());
    });
}

#[test]
fn search_finds_open_text_and_never_restricted_values() {
    each_backend(|env| async move {
        let (_, analyst) = login(&env, "u-analyst", PASSWORD).await;
        let a = page(&env, &analyst, "/search?q=compound+X").await;
        assert_eq!(a.status, StatusCode::OK, "{}", env.name);
        assert!(
            a.text.contains("/records/sites/site-all"),
            "{}: a site by its alias: {}",
            env.name,
            a.text
        );
        let a = page(&env, &analyst, "/search?q=%40fictional_job").await;
        assert!(
            a.text.contains("/records/ads/ad-all"),
            "{}: ad text",
            env.name
        );
        let a = page(&env, &analyst, "/search?q=boss").await;
        assert!(a.text.contains("/records/persons/p-perp"), "{}", env.name);
        // Restricted values are not searched, even by an investigator on a server
        // that can open them.
        let unlocked = Env {
            name: env.name,
            url: env.url.clone(),
            app: env.unlocked.clone(),
            unlocked: env.unlocked.clone(),
            tokens: env.tokens.clone(),
            _dir: None,
            _pg: None,
        };
        let (_, investigator) = login(&unlocked, "u-investigator", PASSWORD).await;
        for q in ["restricted+name", "restricted+transcript", "X1"] {
            let a = page(&unlocked, &investigator, &format!("/search?q={q}")).await;
            assert!(
                a.text.contains("Nothing matched"),
                "{} {q}: {}",
                env.name,
                a.text
            );
        }
        // Viewers find only public records.
        let (_, viewer) = login(&env, "u-viewer", PASSWORD).await;
        let a = page(&env, &viewer, "/search?q=boss").await;
        assert!(!a.text.contains("p-perp"), "{}", env.name);
        let a = page(&env, &viewer, "/search?q=compound").await;
        assert!(a.text.contains("site-all"), "{}: a public site", env.name);
    });
}

async fn upload(env: &Env, session: &str, csrf: &str, record: &str, content: &[u8]) -> Answer {
    let boundary = "zwtestboundary";
    let mut body = Vec::new();
    for (name, value) in [
        ("csrf", csrf),
        ("record", record),
        ("note", "fictional note"),
    ] {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                .as_bytes(),
        );
    }
    body.extend_from_slice(
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n").as_bytes(),
    );
    body.extend_from_slice(content);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    send(
        &env.app,
        Request::post("/evidence/new")
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={boundary}"),
            )
            .header(header::COOKIE, session)
            .body(Body::from(body))
            .expect("request"),
    )
    .await
}

#[test]
fn evidence_pages_upload_show_custody_and_download() {
    each_backend(|env| async move {
        let (_, investigator) = login(&env, "u-investigator", PASSWORD).await;
        let listing = page(&env, &investigator, "/evidence").await;
        assert_eq!(listing.status, StatusCode::OK, "{}", env.name);
        let csrf = hidden_csrf(&listing.text);
        let a = upload(&env, &investigator, "not-the-token", "site-all", b"bytes").await;
        assert_eq!(a.status, StatusCode::FORBIDDEN, "{}: csrf", env.name);
        let a = upload(&env, &investigator, &csrf, "no-such-record", b"bytes").await;
        assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", env.name);
        let content = b"fictional photo bytes";
        let a = upload(&env, &investigator, &csrf, "site-all", content).await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{}: {}", env.name, a.text);
        let location = a
            .headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .expect("location")
            .to_owned();
        let a = page(&env, &investigator, &location).await;
        assert_eq!(a.status, StatusCode::OK, "{}", env.name);
        assert!(a.text.contains("photo.jpg") && a.text.contains("<td>add</td>"));
        let a = page(&env, &investigator, &format!("{location}/download")).await;
        assert_eq!(a.status, StatusCode::OK, "{}", env.name);
        assert_eq!(a.text.as_bytes(), content);
        let a = page(&env, &investigator, &location).await;
        assert!(
            a.text.contains("<td>download</td>"),
            "{}: custody",
            env.name
        );
        // Analysts see the file but may not take its bytes.
        let (_, analyst) = login(&env, "u-analyst", PASSWORD).await;
        let a = page(&env, &analyst, &format!("{location}/download")).await;
        assert_eq!(a.status, StatusCode::FORBIDDEN, "{}", env.name);
        let a = page(&env, &analyst, "/evidence?record=site-all").await;
        assert!(a.text.contains(&location), "{}", env.name);
        // Evidence of a person is sealed: the locked server cannot take it.
        let a = upload(&env, &investigator, &csrf, "p-all", content).await;
        assert_eq!(a.status, StatusCode::FORBIDDEN, "{}: {}", env.name, a.text);
        let a = page(&env, &investigator, "/records/by-id/p-all").await;
        assert_eq!(
            a.headers.get(header::LOCATION).map(|v| v.as_bytes()),
            Some(&b"/records/persons/p-all"[..]),
            "{}",
            env.name
        );
    });
}

#[test]
fn record_pages_link_references_and_show_a_persons_legal_tests() {
    each_backend(|env| async move {
        let (_, analyst) = login(&env, "u-analyst", PASSWORD).await;
        let a = page(&env, &analyst, "/records/persons/p-all").await;
        assert_eq!(a.status, StatusCode::OK, "{}", env.name);
        assert!(
            a.text
                .contains("<a href=\"/records/by-id/ad-all\">ad-all</a>"),
            "{}: the recruitment ad is a link: {}",
            env.name,
            a.text
        );
        assert!(a.text.contains("Legal tests"), "{}", env.name);
        assert!(a.text.contains("not a legal determination"), "{}", a.text);
        // Custody is one stay per line, not JSON.
        assert!(
            a.text.contains("site-all; 2023-02; 2023-02-10"),
            "{}",
            a.text
        );
        let a = page(&env, &analyst, "/records/testimonies/t-all").await;
        assert!(
            a.text
                .contains("<a href=\"/records/by-id/p-all\">p-all</a>"),
            "{}",
            env.name
        );
        assert!(
            a.text.contains("tip.means.payment_to_controller"),
            "{}",
            env.name
        );
        assert!(!a.text.contains("{&#34;code"), "{}: no raw JSON", env.name);
    });
}

/// Twenty creates of one id at once: exactly one is answered 201, the others 409,
/// and the record stored is the one answered 201.
#[test]
fn concurrent_creates_of_one_id_give_one_201_and_409s() {
    each_backend(|env| async move {
        let bodies: Vec<String> = (0..20)
            .map(|n| {
                format!(
                    r#"{{"kind":"site","id":"site-race","name":"Race {n} (fictional)","category":"scam_compound","country":"KH"}}"#
                )
            })
            .collect();
        let answers = futures_join_all(bodies.into_iter().map(|body| {
            let env = Arc::clone(&env);
            async move {
                api(
                    &env,
                    Some(Role::Investigator),
                    "POST",
                    "/api/v1/sites",
                    Some(&body),
                )
                .await
            }
        }))
        .await;
        let statuses: Vec<u16> = answers.iter().map(|a| a.status.as_u16()).collect();
        let created: Vec<usize> = (0..20).filter(|n| statuses[*n] == 201).collect();
        assert_eq!(created.len(), 1, "{}: {statuses:?}", env.name);
        assert_eq!(
            statuses.iter().filter(|s| **s == 409).count(),
            19,
            "{}: {statuses:?}",
            env.name
        );
        let stored = api(
            &env,
            Some(Role::Analyst),
            "GET",
            "/api/v1/sites/site-race",
            None,
        )
        .await;
        assert_eq!(
            stored.json()["name"],
            format!("Race {} (fictional)", created[0]),
            "{}",
            env.name
        );
    });
}

/// Runs the futures at once on the test's runtime and waits for them all.
async fn futures_join_all<F>(futures: impl Iterator<Item = F>) -> Vec<F::Output>
where
    F: std::future::Future + Send + 'static,
    F::Output: Send + 'static,
{
    let handles: Vec<_> = futures.map(tokio::spawn).collect();
    let mut out = Vec::with_capacity(handles.len());
    for handle in handles {
        out.push(handle.await.expect("task"));
    }
    out
}

/// Sixteen investigators reading a restricted record at once (each read appends an
/// audit entry) and 4 × 50 creates at once: every answer is a success or a 409,
/// never a server error, and the audit chain stays whole.
#[test]
fn concurrent_audited_reads_and_creates_give_no_server_error() {
    each_backend(|env| async move {
        let unlocked = Arc::new(Env {
            name: env.name,
            url: env.url.clone(),
            app: env.unlocked.clone(),
            unlocked: env.unlocked.clone(),
            tokens: env.tokens.clone(),
            _dir: None,
            _pg: None,
        });
        let reads = futures_join_all((0..16).map(|_| {
            let env = Arc::clone(&unlocked);
            async move {
                api(
                    &env,
                    Some(Role::Investigator),
                    "GET",
                    "/api/v1/persons/p-all",
                    None,
                )
                .await
            }
        }))
        .await;
        for a in &reads {
            assert_eq!(a.status, StatusCode::OK, "{}: {}", env.name, a.text);
            assert!(
                a.text.contains("(fictional restricted name)"),
                "{}",
                env.name
            );
        }
        let creates = futures_join_all((0..200).map(|n| {
            let env = Arc::clone(&unlocked);
            // Four writers per id: one create wins, three get 409.
            let body = format!(
                r#"{{"kind":"source","id":"src-load-{}","title":"Load {n} (fictional)","type":"media"}}"#,
                n / 4
            );
            async move {
                api(&env, Some(Role::Investigator), "POST", "/api/v1/sources", Some(&body)).await
            }
        }))
        .await;
        let statuses: Vec<u16> = creates.iter().map(|a| a.status.as_u16()).collect();
        assert!(
            statuses.iter().all(|s| *s == 201 || *s == 409),
            "{}: {statuses:?}",
            env.name
        );
        assert_eq!(
            statuses.iter().filter(|s| **s == 201).count(),
            50,
            "{}",
            env.name
        );
        let url = env.url.clone();
        let verified = tokio::task::spawn_blocking(move || {
            let mut app = App::new(
                zonewatch_app::testing::open_store(&url),
                Actor::local_admin(),
            );
            app.verify_audit(None).expect("verify")
        })
        .await
        .expect("join");
        assert!(verified.is_ok(), "{}: {verified:?}", env.name);
    });
}

/// A writer that holds SQLite's lock past the busy timeout (a long CLI import)
/// turns an API write into 503 with Retry-After, not an internal error.
#[test]
fn a_busy_database_answers_503_with_retry_after() {
    let env = envs().remove(0);
    assert_eq!(env.name, "sqlite");
    let zonewatch_app::DbUrl::Sqlite(path) = &env.url else {
        unreachable!()
    };
    let holder = rusqlite::Connection::open(path).expect("open");
    holder.execute_batch("BEGIN IMMEDIATE").expect("lock");
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let a = runtime.block_on(api(
        &env,
        Some(Role::Investigator),
        "POST",
        "/api/v1/sources",
        Some(r#"{"kind":"source","id":"src-busy","title":"Busy (fictional)","type":"media"}"#),
    ));
    assert_eq!(a.status, StatusCode::SERVICE_UNAVAILABLE, "{}", a.text);
    assert_eq!(a.headers.get("retry-after").expect("Retry-After"), "2");
    holder.execute_batch("ROLLBACK").expect("unlock");
    let a = runtime.block_on(api(
        &env,
        Some(Role::Investigator),
        "POST",
        "/api/v1/sources",
        Some(r#"{"kind":"source","id":"src-busy","title":"Busy (fictional)","type":"media"}"#),
    ));
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
}

/// A multipart body whose first part is the CSRF token and whose file then never
/// ends: a handler that checked only after reading everything would never answer.
fn endless_upload(session: &str, csrf: &str) -> Request<Body> {
    use futures_util::StreamExt;
    let boundary = "zwtestboundary";
    let head = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n\r\n"
    );
    let chunks =
        futures_util::stream::once(async move { Ok::<_, std::io::Error>(head.into_bytes()) })
            .chain(slow_zeros());
    Request::post("/evidence/new")
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .header(header::COOKIE, session)
        .body(Body::from_stream(chunks))
        .expect("request")
}

/// 64 KiB of zeros every few milliseconds, forever: a client still sending.
fn slow_zeros() -> impl futures_util::Stream<Item = Result<Vec<u8>, std::io::Error>> + Send {
    futures_util::stream::unfold((), |()| async {
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        Some((Ok(vec![0u8; 1 << 16]), ()))
    })
}

/// Permission before memory: a viewer's upload, or one whose CSRF token is wrong,
/// is refused before its file is read (the file here never ends), and so is a
/// viewer's API import.
#[test]
fn uploads_are_refused_before_their_body_is_read() {
    each_backend(|env| async move {
        let (_, viewer) = login(&env, "u-viewer", PASSWORD).await;
        let (_, investigator) = login(&env, "u-investigator", PASSWORD).await;
        let within = |request: Request<Body>| {
            let app = env.app.clone();
            async move {
                let response =
                    tokio::time::timeout(std::time::Duration::from_secs(20), app.oneshot(request))
                        .await
                        .expect("answered before the body ended")
                        .expect("infallible");
                response.status()
            }
        };
        // The viewer's own, valid token (from the logout form of any page).
        let csrf = hidden_csrf(&page(&env, &viewer, "/").await.text);
        assert_eq!(
            within(endless_upload(&viewer, &csrf)).await,
            StatusCode::FORBIDDEN,
            "{}: a viewer",
            env.name
        );
        assert_eq!(
            within(endless_upload(&investigator, "a forged token")).await,
            StatusCode::FORBIDDEN,
            "{}: a forged token",
            env.name
        );
        let import = {
            Request::post("/api/v1/import")
                .header(
                    header::AUTHORIZATION,
                    format!("Bearer {}", env.token(Role::Viewer)),
                )
                .body(Body::from_stream(slow_zeros()))
                .expect("request")
        };
        assert_eq!(
            within(import).await,
            StatusCode::FORBIDDEN,
            "{}: import",
            env.name
        );
    });
}
