//! The JSON API under `/api/v1`, one module per resource: records of every kind
//! ([`records`]), JSON Lines imports ([`import`]), the report and the legal tests
//! ([`report`]), and the OpenAPI document ([`openapi`]). Objects are v1 JSON
//! (FORMAT.md) in their canonical form; writes are validated exactly as an import
//! is; errors are JSON.
//!
//! Here: the route table, and what the resources share: errors as JSON, the
//! collection a path names, list paging and filters.

mod import;
pub mod openapi;
mod records;
mod report;

use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use zonewatch_app::records::{ListQuery, WriteError, MAX_LIMIT};
use zonewatch_model::Kind;

use crate::{ApiError, Shared};

/// Tells a client that restricted fields exist but were left out (the role may not
/// read them, or the server does not hold the passphrase).
pub const WITHHELD_HEADER: &str = "x-zonewatch-withheld";

pub fn routes() -> Router<Shared> {
    api_routes().layer(axum::middleware::map_response(json_errors))
}

fn api_routes() -> Router<Shared> {
    Router::new()
        .route("/api/v1/openapi.json", get(openapi))
        .route("/api/v1/report", get(report::report))
        .route("/api/v1/assess", get(report::assess))
        .route(
            "/api/v1/import",
            post(import::import).layer(DefaultBodyLimit::max(import::IMPORT_LIMIT)),
        )
        .route("/api/v1/{plural}", get(records::list).post(records::create))
        .route(
            "/api/v1/{plural}/{id}",
            get(records::get_one)
                .put(records::update)
                .delete(records::delete),
        )
}

/// Errors axum answers itself (a query string, path or body its extractors cannot
/// read, a body over the limit, a method a route does not have) come as plain text:
/// the API answers every error as a JSON object with `error`, so they are wrapped.
async fn json_errors(response: Response) -> Response {
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if is_json {
        return response;
    }
    let allow = response.headers().get(header::ALLOW).cloned();
    // axum's rejection texts are short; a longer body is cut, not read whole.
    let text = match axum::body::to_bytes(response.into_body(), 4096).await {
        Ok(bytes) => String::from_utf8_lossy(&bytes).trim().to_owned(),
        Err(_) => String::new(),
    };
    let message = if text.is_empty() {
        status
            .canonical_reason()
            .unwrap_or("the request failed")
            .to_lowercase()
    } else {
        text
    };
    let mut wrapped = ApiError::new(status, message).into_response();
    if let Some(allow) = allow {
        wrapped.headers_mut().insert(header::ALLOW, allow);
    }
    wrapped
}

async fn openapi() -> Response {
    axum::Json(openapi::openapi_document()).into_response()
}

pub fn kind_of(plural: &str) -> Result<Kind, ApiError> {
    Kind::ALL
        .iter()
        .copied()
        .find(|k| k.plural() == plural)
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::NOT_FOUND,
                format!("no such collection `{plural}`"),
            )
        })
}

/// A JSON body already written out (a record's canonical text, a list of them).
fn json_text(status: StatusCode, text: String) -> Response {
    (
        status,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        text,
    )
        .into_response()
}

fn write_error(e: WriteError) -> ApiError {
    match e {
        WriteError::NotFound { .. } => ApiError::new(StatusCode::NOT_FOUND, e.to_string()),
        WriteError::Exists { .. } => ApiError::new(StatusCode::CONFLICT, e.to_string()),
        WriteError::Referenced { ref by, .. } => ApiError {
            status: StatusCode::CONFLICT,
            body: serde_json::json!({ "error": e.to_string(), "referenced_by": by }),
        },
        WriteError::Invalid(errors) => ApiError {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            body: serde_json::json!({
                "error": "the record is invalid; nothing was written",
                "errors": errors.iter().map(|e| serde_json::json!({
                    "field": e.field,
                    "message": e.message,
                })).collect::<Vec<_>>(),
            }),
        },
        WriteError::App(e) => e.into(),
    }
}

/// `?limit=&after=&date_from=&date_to=` and any other `field=value` as a filter on
/// one of the kind's fields (a name it does not have is refused: a typo must not
/// quietly match nothing).
fn list_query(kind: Kind, params: Vec<(String, String)>) -> Result<ListQuery, ApiError> {
    let mut query = ListQuery::default();
    for (name, value) in params {
        match name.as_str() {
            "limit" => {
                // Refused rather than clamped: a client asking for 0 or 5000 has a bug.
                let limit = value
                    .parse::<usize>()
                    .ok()
                    .filter(|n| (1..=MAX_LIMIT).contains(n))
                    .ok_or_else(|| {
                        ApiError::new(
                            StatusCode::UNPROCESSABLE_ENTITY,
                            format!("`limit` must be a whole number from 1 to {MAX_LIMIT}"),
                        )
                    })?;
                query.limit = Some(limit);
            }
            "after" => query.after = Some(value),
            "date_from" => query.date_from = Some(value),
            "date_to" => query.date_to = Some(value),
            _ => {
                let fields = openapi::filter_fields(kind);
                if !fields.contains(&name) {
                    return Err(ApiError::new(
                        StatusCode::UNPROCESSABLE_ENTITY,
                        format!(
                            "`{name}` is not a filter of {}: limit, after, date_from, date_to, {}",
                            kind.plural(),
                            fields.join(", ")
                        ),
                    ));
                }
                query.filters.push((name, value));
            }
        }
    }
    Ok(query)
}
