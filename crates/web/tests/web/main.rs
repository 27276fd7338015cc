//! The web application driven as its clients drive it, in one test binary: the JSON
//! API per route and role, its errors, accounts and sessions, the credential cache,
//! CSRF, the login limiter, uploads and the pages. Against SQLite always, and
//! PostgreSQL when `ZONEWATCH_TEST_POSTGRES` names a server. One module per area;
//! each builds its databases with the same `zonewatch_web::prepare` and fixture.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod api_errors;
mod auth;
mod auth_cache;
mod harness;
mod login_names;
mod records;
