//! What every module of the web tests shares: a database on each backend (SQLite
//! always, PostgreSQL when `ZONEWATCH_TEST_POSTGRES` names a server), running a test
//! on each outside the async runtime (the PostgreSQL client is synchronous), and
//! sending a request and reading the answer.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use tower::ServiceExt;
use zonewatch_app::testing::{postgres_server, TempDatabase};
use zonewatch_app::DbUrl;

/// One environment per backend, made by `setup(name, url, sqlite dir, PostgreSQL
/// database)`; `file` names the SQLite file.
pub fn backends<E>(
    file: &str,
    setup: impl Fn(&'static str, DbUrl, Option<tempfile::TempDir>, Option<TempDatabase>) -> E,
) -> Vec<E> {
    let dir = tempfile::tempdir().expect("tempdir");
    let url = DbUrl::parse(&format!("sqlite://{}", dir.path().join(file).display())).expect("url");
    let mut out = vec![setup("sqlite", url, Some(dir), None)];
    if let Some(server) = postgres_server() {
        let db = TempDatabase::create(&server).expect("postgres database");
        let url = DbUrl::parse(&db.url).expect("url");
        out.push(setup("postgres", url, None, Some(db)));
    }
    out
}

/// Runs `test` on each environment, each on a runtime of its own, which is dropped
/// before the environment (and its database) is.
pub fn each<E, F, Fut>(envs: Vec<E>, test: F)
where
    F: Fn(Arc<E>) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    for env in envs {
        let env = Arc::new(env);
        let runtime = tokio::runtime::Runtime::new().expect("runtime");
        runtime.block_on(test(Arc::clone(&env)));
        drop(runtime);
        drop(env);
    }
}

/// An answer, read whole.
pub struct Answer {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub text: String,
}

impl Answer {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("{e}: {}", self.text))
    }

    pub fn location(&self) -> &str {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    /// Each `Set-Cookie` header, whole (with its attributes).
    pub fn set_cookies(&self) -> Vec<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .map(str::to_owned)
            .collect()
    }

    /// The `name=value` of each cookie set.
    pub fn cookies(&self) -> Vec<String> {
        self.set_cookies()
            .iter()
            .map(|c| c.split(';').next().unwrap_or("").to_owned())
            .collect()
    }
}

pub async fn send(app: &Router, request: Request<Body>) -> Answer {
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

/// The value of the first hidden `csrf` field of a page.
pub fn hidden_csrf(html: &str) -> String {
    let marker = "name=\"csrf\" value=\"";
    let at = html.find(marker).expect("csrf field") + marker.len();
    html[at..].split('"').next().expect("value").to_owned()
}
