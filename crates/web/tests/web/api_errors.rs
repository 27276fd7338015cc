//! Regressions found by schemathesis (`scripts/schemathesis.sh`) against the OpenAPI
//! document: requests the API must refuse with a 4xx and a JSON error naming what
//! was wrong, never a 500 or a plain-text answer; and the document's record schemas
//! agreeing with the v1 format. Against SQLite always, and PostgreSQL when
//! `ZONEWATCH_TEST_POSTGRES` names a server.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::io::Cursor;

use crate::harness::{backends, each};
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;
use zonewatch_app::testing::TempDatabase;
use zonewatch_app::DbUrl;
use zonewatch_app::ImportOptions;
use zonewatch_app::{Actor, App, Role};
use zonewatch_web::{prepare, router, Config, State};

const FIXTURE: &str = include_str!("../../../../tests/fixtures/every-field.jsonl");

struct Env {
    name: &'static str,
    app: Router,
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
    let prepared = prepare(&url, Some("test passphrase")).expect("prepare");
    let mut app = App::new(
        zonewatch_app::testing::open_store(&url),
        Actor::local_admin(),
    );
    app.import(
        &mut Cursor::new(FIXTURE.as_bytes().to_vec()),
        &ImportOptions::default(),
        "fixture",
        &mut |_| {},
    )
    .expect("import");
    app.add_user("fuzz-admin", Role::Admin, "a long test password")
        .expect("add user");
    let token = app.create_token("fuzz-admin").expect("token");
    let mut config = Config::new(url);
    config.keyring = prepared.keyring;
    Env {
        name,
        app: router(State::new(config)),
        token,
        _dir: dir,
        _pg: pg,
    }
}

/// Runs `test` on each backend; databases are made and dropped outside the runtime
/// (the PostgreSQL client is synchronous).
fn each_backend<F, Fut>(test: F)
where
    F: Fn(std::sync::Arc<Env>) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    each(backends("api.db", setup), test)
}

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    json: Value,
}

async fn call(env: &Env, method: &str, uri: &str, body: impl Into<Body>) -> Answer {
    let request = Request::builder()
        .method(method)
        .uri(uri)
        .header(header::AUTHORIZATION, format!("Bearer {}", env.token))
        .header(header::CONTENT_TYPE, "application/json")
        .body(body.into())
        .expect("request");
    let response = env.app.clone().oneshot(request).await.expect("infallible");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    let json = if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&bytes).unwrap_or_else(|e| {
            panic!(
                "{} {method} {uri}: {status} is not JSON ({e}): {}",
                env.name,
                String::from_utf8_lossy(&bytes)
            )
        })
    };
    Answer {
        status,
        headers,
        json,
    }
}

/// The answer is `status` with a JSON error whose text holds `says`.
fn refused(env: &Env, what: &str, a: &Answer, status: StatusCode, says: &str) {
    assert_eq!(a.status, status, "{} {what}: {}", env.name, a.json);
    let error = a.json["error"].as_str().unwrap_or_else(|| {
        panic!("{} {what}: no `error` in {}", env.name, a.json);
    });
    assert!(
        error.contains(says),
        "{} {what}: `{error}` does not say `{says}`",
        env.name
    );
}

#[test]
fn what_axum_refuses_itself_is_a_json_error() {
    // Found: a body that is not UTF-8, a query string or path that does not decode,
    // and a method a route does not have were answered in plain text.
    each_backend(|env| async move {
        let env = &*env;
        let a = call(env, "POST", "/api/v1/sources", vec![0xff_u8, 0xfe, b'{']).await;
        refused(env, "non-UTF-8 body", &a, StatusCode::BAD_REQUEST, "UTF-8");
        let a = call(env, "PUT", "/api/v1/sources/src-all", vec![b'"', 0xc3]).await;
        refused(env, "non-UTF-8 put", &a, StatusCode::BAD_REQUEST, "UTF-8");
        let a = call(env, "GET", "/api/v1/report?trace=maybe", "").await;
        refused(env, "bad boolean", &a, StatusCode::BAD_REQUEST, "trace");
        let a = call(env, "GET", "/api/v1/report?threshold=-3", "").await;
        refused(
            env,
            "negative threshold",
            &a,
            StatusCode::BAD_REQUEST,
            "threshold",
        );
        let a = call(env, "POST", "/api/v1/import?dry_run=null", "x").await;
        refused(env, "bad dry_run", &a, StatusCode::BAD_REQUEST, "dry_run");
        let a = call(env, "GET", "/api/v1/sources/%FF%FE", "").await;
        assert!(
            a.status.is_client_error(),
            "{} bad path: {}",
            env.name,
            a.status
        );
        assert!(a.json["error"].is_string(), "{} bad path", env.name);
        let a = call(env, "PATCH", "/api/v1/sources/src-all", "{}").await;
        refused(
            env,
            "PATCH",
            &a,
            StatusCode::METHOD_NOT_ALLOWED,
            "method not allowed",
        );
        let allow = a.headers.get(header::ALLOW).expect("Allow is kept");
        assert!(allow.to_str().unwrap().contains("PUT"), "{}", env.name);
    });
}

#[test]
fn list_parameters_out_of_range_or_unknown_are_refused() {
    // Found: `limit=0` and `limit=5000` were quietly clamped, and a filter on a field
    // the kind does not have matched nothing instead of saying so.
    each_backend(|env| async move {
        let env = &*env;
        for limit in ["0", "1001", "-1", "", "ten"] {
            let a = call(env, "GET", &format!("/api/v1/sites?limit={limit}"), "").await;
            refused(
                env,
                "limit",
                &a,
                StatusCode::UNPROCESSABLE_ENTITY,
                "1 to 1000",
            );
        }
        let a = call(env, "GET", "/api/v1/sites?limit=1000", "").await;
        assert_eq!(a.status, StatusCode::OK, "{}", env.name);
        let a = call(env, "GET", "/api/v1/sites?contry=KH", "").await;
        refused(
            env,
            "typo",
            &a,
            StatusCode::UNPROCESSABLE_ENTITY,
            "`contry` is not a filter of sites",
        );
        assert!(a.json["error"].as_str().unwrap().contains("country"));
        // A restricted field is no filter: its value is not in what a filter reads.
        let a = call(env, "GET", "/api/v1/persons?pii=x", "").await;
        refused(
            env,
            "pii",
            &a,
            StatusCode::UNPROCESSABLE_ENTITY,
            "not a filter",
        );
        for (uri, id) in [
            (
                "/api/v1/sites?country=KH&category=scam_compound",
                "site-all",
            ),
            ("/api/v1/sites?operators=org-all", "site-all"),
            ("/api/v1/interventions?persons_arrested=12", "iv-all"),
        ] {
            let a = call(env, "GET", uri, "").await;
            assert_eq!(a.status, StatusCode::OK, "{} {uri}: {}", env.name, a.json);
            let ids: Vec<&str> = a.json["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i["id"].as_str().unwrap())
                .collect();
            assert!(ids.contains(&id), "{} {uri}: {ids:?}", env.name);
        }
    });
}

#[test]
fn report_threshold_below_two_and_empty_imports_are_refused() {
    // Found: `threshold=1` was raised to 2 unsaid; an import with no body answered
    // 200 with nothing imported.
    each_backend(|env| async move {
        let env = &*env;
        for t in ["0", "1"] {
            let uri = format!("/api/v1/report?public=true&threshold={t}");
            let a = call(env, "GET", &uri, "").await;
            refused(
                env,
                "threshold",
                &a,
                StatusCode::UNPROCESSABLE_ENTITY,
                "at least 2",
            );
        }
        let a = call(env, "GET", "/api/v1/report?public=true&threshold=2", "").await;
        assert_eq!(a.status, StatusCode::OK, "{}", env.name);
        for body in ["", "\n\n  \n"] {
            let a = call(env, "POST", "/api/v1/import", body).await;
            refused(
                env,
                "empty import",
                &a,
                StatusCode::UNPROCESSABLE_ENTITY,
                "empty",
            );
        }
    });
}

#[test]
fn ids_no_record_can_have_are_not_found_not_server_errors() {
    // Found on PostgreSQL: a NUL byte in a path id reached the database, which
    // refused the text: 500. Ids that are not ids now never reach the store.
    each_backend(|env| async move {
        let env = &*env;
        for path in [
            "/api/v1/sites/a%00b",
            "/api/v1/persons/%00",
            "/api/v1/sites/a%20b",
        ] {
            let a = call(env, "GET", path, "").await;
            refused(env, path, &a, StatusCode::NOT_FOUND, "with this id");
            let a = call(env, "DELETE", path, "").await;
            assert_eq!(
                a.status,
                StatusCode::NOT_FOUND,
                "{} DELETE {path}",
                env.name
            );
        }
        // The same id in a body: refused as invalid, naming the field.
        let body = r#"{"kind":"site","id":"a\u0000b","name":"N (fictional)","category":"scam_compound","country":"KH"}"#;
        for (method, path) in [("POST", "/api/v1/sites"), ("PUT", "/api/v1/sites/a%00b")] {
            let a = call(env, method, path, body).await;
            refused(env, method, &a, StatusCode::UNPROCESSABLE_ENTITY, "invalid");
            assert_eq!(a.json["errors"][0]["field"], "id", "{} {method}", env.name);
        }
    });
}

/// A small check of a value against the subset of JSON Schema the record schemas
/// use; returns what does not match.
fn check(schema: &Value, value: &Value, at: &str, problems: &mut Vec<String>) {
    if let Some(allowed) = schema.get("enum").and_then(Value::as_array) {
        if !allowed.contains(value) {
            problems.push(format!("{at}: {value} is not in the enum"));
        }
    }
    if let Some(constant) = schema.get("const") {
        if constant != value {
            problems.push(format!("{at}: {value} is not {constant}"));
        }
    }
    let ty = schema.get("type").and_then(Value::as_str);
    let type_ok = match (ty, value) {
        (None, _) => true,
        (Some("string"), Value::String(_)) | (Some("object"), Value::Object(_)) => true,
        (Some("array"), Value::Array(_)) => true,
        (Some("number"), Value::Number(_)) => true,
        (Some("integer"), Value::Number(n)) => n.is_u64() || n.is_i64(),
        _ => false,
    };
    if !type_ok {
        problems.push(format!("{at}: {value} is not of type {ty:?}"));
        return;
    }
    if let (Some(pattern), Value::String(s)) =
        (schema.get("pattern").and_then(Value::as_str), value)
    {
        // The patterns used are simple enough to check by hand for what the fixture holds.
        let ok = match pattern {
            p if p.starts_with("^[A-Za-z0-9._:-]") => zonewatch_model::is_valid_id(s),
            p if p.starts_with("^[0-9]{4}") => zonewatch_model::PartialDate::parse(s).is_some(),
            "^[A-Z]{2}$" => s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase()),
            p if p.starts_with("^([A-Za-z]") => zonewatch_model::decode::is_language_tag(s),
            "^[0-9a-f]{64}$" => s.len() == 64,
            other => {
                problems.push(format!("{at}: unknown pattern {other}"));
                true
            }
        };
        if !ok {
            problems.push(format!("{at}: {s:?} does not match {pattern}"));
        }
    }
    match value {
        Value::Object(members) => {
            let properties = schema["properties"].as_object();
            for (key, member) in members {
                match properties.and_then(|p| p.get(key)) {
                    Some(sub) => check(sub, member, &format!("{at}.{key}"), problems),
                    None => problems.push(format!("{at}: `{key}` is not in the schema")),
                }
            }
            for required in schema["required"].as_array().into_iter().flatten() {
                let name = required.as_str().unwrap_or("");
                if !members.contains_key(name) {
                    problems.push(format!("{at}: required `{name}` is missing"));
                }
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                check(&schema["items"], item, &format!("{at}[{i}]"), problems);
            }
        }
        _ => {}
    }
}

#[test]
fn the_documented_record_schemas_hold_every_field_of_the_format() {
    // The fixture uses every field of every kind: each record must match its kind's
    // schema in the OpenAPI document, and each schema must name no field the
    // fixture lacks (so the document cannot drift from FORMAT.md unseen).
    let doc = zonewatch_web::openapi_document();
    let schemas = &doc["components"]["schemas"];
    let mut problems = Vec::new();
    let mut seen: std::collections::BTreeSet<String> = Default::default();
    for (n, line) in FIXTURE
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let record: Value = serde_json::from_str(line).expect("fixture line");
        let kind = record["kind"].as_str().expect("kind");
        let name: String = kind
            .split('_')
            .map(|p| p[..1].to_uppercase() + &p[1..])
            .collect();
        let schema = &schemas[&name];
        assert!(schema.is_object(), "no schema {name}");
        check(schema, &record, &format!("line {}", n + 1), &mut problems);
        for key in record.as_object().unwrap().keys() {
            seen.insert(format!("{name}.{key}"));
            // Fields every kind has: one record using them is enough.
            if key == "sources" || key == "sensitivity" {
                seen.insert(format!("*.{key}"));
            }
        }
    }
    for (name, schema) in schemas.as_object().unwrap() {
        if name == "Error" {
            continue;
        }
        for key in schema["properties"].as_object().unwrap().keys() {
            if !seen.contains(&format!("{name}.{key}")) && !seen.contains(&format!("*.{key}")) {
                problems.push(format!("{name}.{key} is in no fixture record"));
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
    // Unknown fields are an error in v1: every record schema is closed.
    let kinds: Vec<&String> = schemas
        .as_object()
        .unwrap()
        .keys()
        .filter(|k| *k != "Error")
        .collect();
    assert_eq!(kinds.len(), zonewatch_model::Kind::ALL.len());
    for name in kinds {
        assert_eq!(schemas[name]["additionalProperties"], false, "{name}");
    }
}
