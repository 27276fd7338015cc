//! zonewatch's web application: the JSON API under `/api/v1` (bearer tokens or the
//! browser's session cookie), its OpenAPI document, and server-rendered HTML pages
//! that work with no internet (no scripts, a strict Content-Security-Policy, a CSRF
//! token on every form).
//!
//! Every request goes through [`zonewatch_app::App`], which decides what the actor
//! may do and appends audit entries; the store is synchronous, so each request runs
//! its work on the blocking pool with a connection of its own.
//!
//! Laid out by resource: [`api`] (the JSON API, one module per resource, and its
//! OpenAPI document), [`pages`] (the HTML pages, one module per resource), and
//! [`auth`] (credentials, the one cookie parser, the one CSRF check, the login
//! limiter and the short cache of whom a credential names).

#![deny(
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unreachable,
    clippy::todo
)]

mod api;
mod auth;
mod pages;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Router;
use zonewatch_app::{Actor, App, AppError, Authenticator, DbUrl, UnlockedKeys};

pub use api::openapi::{openapi_document, ROUTES};
pub use auth::cache::TTL as AUTH_CACHE_TTL;
pub use auth::LoginLimiter;
pub use zonewatch_app::{prepare_to_serve as prepare, Prepared};

/// What the server needs to run.
#[derive(Clone, Debug)]
pub struct Config {
    pub url: DbUrl,
    /// The key ring unlocked at start, when the server was given the passphrase:
    /// investigators and admins then read restricted fields (each read audited).
    /// Without it they are withheld from everyone.
    pub keyring: Option<UnlockedKeys>,
    /// Cookies get the `Secure` flag: the server is reached over HTTPS (behind a TLS
    /// reverse proxy), so browsers must never send them over plain HTTP.
    pub secure_cookies: bool,
}

impl Config {
    pub fn new(url: DbUrl) -> Config {
        Config {
            url,
            keyring: None,
            secure_cookies: false,
        }
    }
}

/// Shared by every request.
pub struct State {
    config: Config,
    token_use: auth::TokenUse,
    auth_cache: auth::cache::AuthCache,
    limiter: LoginLimiter,
    connections: tokio::sync::Semaphore,
    /// Evidence uploads and API imports being received: each may hold its body in
    /// memory (up to 100 MiB and 256 MiB), so only this many at once.
    uploads: tokio::sync::Semaphore,
}

/// Uploads (evidence, API imports) received at once; more are answered 503.
pub const MAX_UPLOADS: usize = 2;

pub type Shared = Arc<State>;

impl State {
    pub fn new(config: Config) -> Shared {
        Arc::new(State {
            config,
            token_use: auth::TokenUse::default(),
            auth_cache: auth::cache::AuthCache::default(),
            limiter: LoginLimiter::default(),
            connections: tokio::sync::Semaphore::new(MAX_CONNECTIONS),
            uploads: tokio::sync::Semaphore::new(MAX_UPLOADS),
        })
    }
}

/// The whole application.
pub fn router(state: Shared) -> Router {
    Router::new()
        .merge(api::routes())
        .merge(pages::routes())
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&state),
            auth::cache::clear_on_writes,
        ))
        .layer(axum::middleware::from_fn(pages::lang::middleware))
        .layer(axum::middleware::map_response(security_headers))
        .with_state(state)
}

async fn security_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(pages::CSP),
        );
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Serves until `shutdown` completes, then finishes the requests in flight.
pub async fn serve(
    config: Config,
    listener: tokio::net::TcpListener,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let state = State::new(config);
    let app = router(Arc::clone(&state));
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await?;
    // Sign a checkpoint over the audit chain's head as it is now, so what was
    // written while serving cannot be rewritten unseen.
    if let Some(keyring) = state.config.keyring.clone() {
        let url = state.config.url.clone();
        let signed = tokio::task::spawn_blocking(move || {
            App::open(&url, Actor::local_admin(), false)?
                .with_keyring(Some(keyring))
                .close()
        })
        .await
        .map_err(std::io::Error::other)?;
        signed.map_err(|e| std::io::Error::other(e.to_string()))?;
    }
    Ok(())
}

/// An error as the API answers it: a status and a JSON body with `error` and,
/// for invalid input, `errors` naming each field and what was expected.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    body: serde_json::Value,
}

/// Seconds a client is told to wait when the database is busy (503).
const RETRY_AFTER_SECONDS: &str = "2";

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            body: serde_json::json!({ "error": message.into() }),
        }
    }

    fn internal(what: impl std::fmt::Display) -> ApiError {
        // Store and app errors never carry restricted values (ARCHITECTURE.md), but
        // they may name record ids: the log gets the kind of failure only.
        eprintln!("zonewatch serve: internal error: {what}");
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal server error")
    }
}

impl From<AppError> for ApiError {
    fn from(e: AppError) -> ApiError {
        if e.is_busy() {
            // Another writer (a long CLI import, say) holds the database: queue
            // behind it from the client's side, not an internal error.
            return ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "the database is busy with another write: try again in a few seconds",
            );
        }
        match e {
            AppError::Denied { .. } => ApiError::new(StatusCode::FORBIDDEN, e.to_string()),
            AppError::Locked(_) | AppError::WrongPassword => {
                ApiError::new(StatusCode::FORBIDDEN, e.to_string())
            }
            AppError::Invalid(message) => ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, message),
            AppError::NotInitialised => {
                ApiError::new(StatusCode::SERVICE_UNAVAILABLE, e.to_string())
            }
            other => ApiError::internal(other),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status, axum::Json(self.body)).into_response();
        if self.status == StatusCode::SERVICE_UNAVAILABLE {
            response.headers_mut().insert(
                header::RETRY_AFTER,
                HeaderValue::from_static(RETRY_AFTER_SECONDS),
            );
        }
        response
    }
}

/// Runs `work` on the blocking pool with an [`App`] acting as `actor`, on a
/// connection of its own.
async fn with_app<T, F>(state: &Shared, actor: Actor, work: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&mut App) -> Result<T, ApiError> + Send + 'static,
{
    let keyring = state.config.keyring.clone();
    on_connection(state, move |database| {
        let mut app = App::on(database, actor).with_keyring(keyring);
        let result = work(&mut app);
        (app.into_database(), result)
    })
    .await
}

/// Runs `work` on the blocking pool with the [`Authenticator`] (logins, sessions,
/// tokens: work done before anyone is acting), on a connection of its own.
async fn with_authenticator<T, F>(state: &Shared, work: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&mut Authenticator) -> Result<T, ApiError> + Send + 'static,
{
    on_connection(state, move |database| {
        let mut authenticator = Authenticator::new(database);
        let result = work(&mut authenticator);
        (authenticator.into_database(), result)
    })
    .await
}

async fn on_connection<T, F>(state: &Shared, work: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(zonewatch_app::Database) -> (zonewatch_app::Database, Result<T, ApiError>)
        + Send
        + 'static,
{
    let url = state.config.url.clone();
    let _permit = state
        .connections
        .acquire()
        .await
        .map_err(ApiError::internal)?;
    tokio::task::spawn_blocking(move || {
        let database = connection::take(&url)?;
        let (database, result) = work(database);
        // A connection that failed may be broken: only a healthy one is kept.
        if !matches!(&result, Err(e) if e.status.is_server_error()) {
            connection::put_back(&url, database);
        }
        result
    })
    .await
    .map_err(ApiError::internal)?
}

/// One database connection per blocking thread, kept between requests: opening runs
/// the migrations check, and on PostgreSQL a connection is costly. The number of
/// threads using one at a time is bounded by [`MAX_CONNECTIONS`].
mod connection {
    use std::cell::RefCell;

    use zonewatch_app::{Database, DbUrl};

    use crate::ApiError;

    thread_local! {
        static CACHED: RefCell<Option<(DbUrl, Database)>> = const { RefCell::new(None) };
    }

    pub fn take(url: &DbUrl) -> Result<Database, ApiError> {
        let cached = CACHED.with(|c| c.borrow_mut().take());
        match cached {
            Some((cached_url, database)) if &cached_url == url => Ok(database),
            _ => Database::create(url).map_err(ApiError::from),
        }
    }

    pub fn put_back(url: &DbUrl, database: Database) {
        CACHED.with(|c| *c.borrow_mut() = Some((url.clone(), database)));
    }
}

/// At most this many requests use the database at once (each on a connection of
/// its own): PostgreSQL's default limit is 100 connections.
pub const MAX_CONNECTIONS: usize = 16;
