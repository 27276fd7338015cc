//! The web application driven as its clients drive it: the JSON API per route and
//! role, CSRF, the login rate limit and the pages. Against SQLite always, and
//! PostgreSQL when `ZONEWATCH_TEST_POSTGRES` names a server.

use std::io::Cursor;
use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use tower::ServiceExt;
use zonewatch_app::{Actor, App, Role};
use zonewatch_store::import::ImportOptions;
use zonewatch_store::testing::{postgres_server, TempDatabase};
use zonewatch_store::DbUrl;
use zonewatch_web::{prepare, router, Config, State};

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
        zonewatch_store::open(&url).expect("open"),
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
        app.add_user(&user, role, PASSWORD).expect("add user");
        tokens.push((role, app.create_token(&user).expect("token")));
    }
    let web = router(State::new(Config::new(url.clone())));
    assert!(again.keyring.is_some(), "{name}: the passphrase unlocks");
    let unlocked = router(State::new(Config {
        url: url.clone(),
        keyring: again.keyring,
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
    let dir = tempfile::tempdir().expect("tempdir");
    let url =
        DbUrl::parse(&format!("sqlite://{}", dir.path().join("web.db").display())).expect("url");
    let mut out = vec![setup("sqlite", url, Some(dir), None)];
    if let Some(server) = postgres_server() {
        let db = TempDatabase::create(&server).expect("postgres database");
        let url = DbUrl::parse(&db.url).expect("url");
        out.push(setup("postgres", url, None, Some(db)));
    }
    out
}

/// Runs `test` against each backend. The PostgreSQL client is synchronous and may
/// not run on a runtime thread, so databases are made and dropped outside it.
fn each_backend<F, Fut>(test: F)
where
    F: Fn(Arc<Env>) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    for env in envs() {
        let env = Arc::new(env);
        let runtime = tokio::runtime::Runtime::new().expect("runtime");
        runtime.block_on(test(Arc::clone(&env)));
        drop(runtime);
        drop(env);
    }
}

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    text: String,
}

impl Answer {
    fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("{e}: {}", self.text))
    }
}

async fn send(app: &Router, request: Request<Body>) -> Answer {
    let response = app.clone().oneshot(request).await.expect("infallible");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    Answer {
        status,
        headers,
        text: String::from_utf8_lossy(&bytes).into_owned(),
    }
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
                zonewatch_store::open(&url).expect("open"),
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
        let source = include_str!("../src/api.rs");
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
    a.headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .map(|v| v.split(';').next().unwrap_or("").to_owned())
        .collect()
}

fn hidden_csrf(html: &str) -> String {
    let at =
        html.find("name=\"csrf\" value=\"").expect("csrf field") + "name=\"csrf\" value=\"".len();
    html[at..].split('"').next().expect("value").to_owned()
}

async fn login(env: &Env, user: &str, password: &str) -> (Answer, String) {
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
    let a = send(
        &env.app,
        Request::post("/login")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, cookie)
            .body(Body::from(body))
            .expect("request"),
    )
    .await;
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
                && a.text.contains("<svg class=\"map\"")
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
                zonewatch_store::open(&url).expect("open"),
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

#[test]
fn forms_for_incidents_and_none_for_persons() {
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
        for path in [
            "/records/persons/new",
            "/records/persons/p-all/edit",
            "/records/testimonies/t-all/edit",
        ] {
            let a = page(&env, &session, path).await;
            assert_eq!(a.status, StatusCode::NOT_FOUND, "{} {path}", env.name);
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
