//! The JSON API under `/api/v1`. Objects are v1 JSON (FORMAT.md) in their canonical
//! form; writes are validated exactly as an import is; errors are JSON.

use axum::extract::DefaultBodyLimit;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use zonewatch_app::records::{ListQuery, WriteError, MAX_LIMIT};
use zonewatch_app::Action;
use zonewatch_model::Kind;

use crate::auth::Authed;
use crate::{with_app, ApiError, Shared};

/// Largest JSON Lines body `POST /api/v1/import` takes (larger files: the CLI).
pub const IMPORT_LIMIT: usize = 256 * 1024 * 1024;

/// Tells a client that restricted fields exist but were left out (the role may not
/// read them, or the server does not hold the passphrase).
pub const WITHHELD_HEADER: &str = "x-zonewatch-withheld";

pub fn routes() -> Router<Shared> {
    api_routes().layer(axum::middleware::map_response(json_errors))
}

fn api_routes() -> Router<Shared> {
    Router::new()
        .route("/api/v1/openapi.json", get(openapi))
        .route("/api/v1/report", get(report))
        .route("/api/v1/assess", get(assess))
        .route(
            "/api/v1/import",
            post(import).layer(DefaultBodyLimit::max(IMPORT_LIMIT)),
        )
        .route("/api/v1/{plural}", get(list).post(create))
        .route(
            "/api/v1/{plural}/{id}",
            get(get_one).put(update).delete(delete),
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
    axum::Json(crate::openapi_document()).into_response()
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
                let fields = crate::openapi::filter_fields(kind);
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

async fn list(
    State(state): State<Shared>,
    Authed(actor): Authed,
    Path(plural): Path<String>,
    Query(params): Query<Vec<(String, String)>>,
) -> Result<Response, ApiError> {
    let kind = kind_of(&plural)?;
    let query = list_query(kind, params)?;
    let page = with_app(&state, actor, move |app| Ok(app.record_list(kind, &query)?)).await?;
    let size: usize = page.items.iter().map(|i| i.json.len() + 1).sum();
    let mut text = String::with_capacity(size + 64);
    text.push_str("{\"items\":[");
    for (i, item) in page.items.iter().enumerate() {
        if i > 0 {
            text.push(',');
        }
        text.push_str(&item.json);
    }
    text.push_str("],\"next\":");
    text.push_str(&serde_json::to_string(&page.next).map_err(ApiError::internal)?);
    let withheld: Vec<&str> = page
        .items
        .iter()
        .filter(|i| i.withheld)
        .map(|i| i.id.as_str())
        .collect();
    text.push_str(",\"withheld\":");
    text.push_str(&serde_json::to_string(&withheld).map_err(ApiError::internal)?);
    text.push('}');
    Ok(json_text(StatusCode::OK, text))
}

async fn fetch(
    state: &Shared,
    actor: zonewatch_app::Actor,
    kind: Kind,
    id: String,
    status: StatusCode,
) -> Result<Response, ApiError> {
    let view = with_app(state, actor, move |app| Ok(app.record_get(kind, &id)?)).await?;
    let view = view
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, format!("no {kind} with this id")))?;
    let mut response = json_text(status, view.json);
    if view.withheld {
        response
            .headers_mut()
            .insert(WITHHELD_HEADER, HeaderValue::from_static("restricted"));
    }
    Ok(response)
}

async fn get_one(
    State(state): State<Shared>,
    Authed(actor): Authed,
    Path((plural, id)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let kind = kind_of(&plural)?;
    fetch(&state, actor, kind, id, StatusCode::OK).await
}

async fn create(
    State(state): State<Shared>,
    Authed(actor): Authed,
    Path(plural): Path<String>,
    body: String,
) -> Result<Response, ApiError> {
    let kind = kind_of(&plural)?;
    let reader = actor.clone();
    let id = with_app(&state, actor, move |app| {
        app.record_create(kind, &body).map_err(write_error)
    })
    .await?;
    let location = format!("/api/v1/{plural}/{id}");
    let mut response = fetch(&state, reader, kind, id, StatusCode::CREATED).await?;
    if let Ok(value) = HeaderValue::from_str(&location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    Ok(response)
}

async fn update(
    State(state): State<Shared>,
    Authed(actor): Authed,
    Path((plural, id)): Path<(String, String)>,
    body: String,
) -> Result<Response, ApiError> {
    let kind = kind_of(&plural)?;
    let reader = actor.clone();
    let path_id = id.clone();
    with_app(&state, actor, move |app| {
        app.record_update(kind, &path_id, &body)
            .map_err(write_error)
    })
    .await?;
    fetch(&state, reader, kind, id, StatusCode::OK).await
}

async fn delete(
    State(state): State<Shared>,
    Authed(actor): Authed,
    Path((plural, id)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let kind = kind_of(&plural)?;
    with_app(&state, actor, move |app| {
        app.record_delete(kind, &id).map_err(write_error)
    })
    .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

fn line_errors(errors: &[zonewatch_app::LineError]) -> Vec<serde_json::Value> {
    errors
        .iter()
        .map(|e| serde_json::json!({ "line": e.line, "field": e.field, "message": e.message }))
        .collect()
}

#[derive(serde::Deserialize)]
pub struct ImportParams {
    dry_run: Option<bool>,
}

/// JSON Lines, all or nothing, exactly as `zonewatch import` (one audit entry with
/// the body's SHA-256 and the ids written).
async fn import(
    State(state): State<Shared>,
    Authed(actor): Authed,
    Query(params): Query<ImportParams>,
    body: axum::body::Body,
) -> Result<Response, ApiError> {
    // Permission before memory: the role is checked before the body is read, and
    // only MAX_UPLOADS bodies are read at once.
    if !actor.may(Action::WriteRecords) {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            format!("{} (role {}) may not write records", actor.name, actor.role),
        ));
    }
    let Ok(_permit) = state.uploads.try_acquire() else {
        return Err(ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "other imports are being received: try again in a few seconds",
        ));
    };
    let body = axum::body::to_bytes(body, IMPORT_LIMIT)
        .await
        .map_err(|_| {
            ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                format!(
                    "the body is larger than {} MiB: import a large file with `zonewatch import`",
                    IMPORT_LIMIT >> 20
                ),
            )
        })?;
    let dry_run = params.dry_run.unwrap_or(false);
    if body.iter().all(u8::is_ascii_whitespace) {
        // Most likely a client that forgot the body: say so rather than import nothing.
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "the body is empty: v1 JSON Lines (one record per line) is expected",
        ));
    }
    let summary = with_app(&state, actor, move |app| {
        let options = zonewatch_app::ImportOptions {
            dry_run,
            ..Default::default()
        };
        let mut input = std::io::Cursor::new(body);
        match app.import(&mut input, &options, "api-import", &mut |_| {}) {
            Ok(summary) => Ok(summary),
            Err(zonewatch_app::AppError::Import(zonewatch_app::ImportError::Invalid {
                errors,
                stopped_early,
            })) => Err(ApiError {
                status: StatusCode::UNPROCESSABLE_ENTITY,
                body: serde_json::json!({
                    "error": "the input has errors; nothing was written",
                    "errors": line_errors(&errors),
                    "stopped_early": stopped_early,
                }),
            }),
            Err(zonewatch_app::AppError::Import(zonewatch_app::ImportError::Read(e))) => {
                Err(ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    format!("reading the body: {e}"),
                ))
            }
            Err(other) => Err(other.into()),
        }
    })
    .await?;
    let by_kind: serde_json::Map<String, serde_json::Value> = Kind::ALL
        .iter()
        .zip(summary.by_kind)
        .map(|(k, n)| (k.as_str().to_owned(), n.into()))
        .collect();
    Ok(axum::Json(serde_json::json!({
        "records": summary.records(),
        "by_kind": by_kind,
        "written": summary.written,
    }))
    .into_response())
}

#[derive(serde::Deserialize)]
pub struct ReportParams {
    public: Option<bool>,
    threshold: Option<u64>,
    trace: Option<bool>,
}

async fn report(
    State(state): State<Shared>,
    Authed(actor): Authed,
    Query(params): Query<ReportParams>,
) -> Result<Response, ApiError> {
    let value = with_app(&state, actor, move |app| {
        let public = params.public.unwrap_or(false) || !app.may(Action::ReadInternal);
        let report = app.report(public, params.threshold, params.trace.unwrap_or(false))?;
        Ok(report.json())
    })
    .await?;
    Ok(axum::Json(value).into_response())
}

#[derive(serde::Deserialize)]
pub struct AssessParams {
    person: Option<String>,
}

async fn assess(
    State(state): State<Shared>,
    Authed(actor): Authed,
    Query(params): Query<AssessParams>,
) -> Result<Response, ApiError> {
    let value = with_app(&state, actor, move |app| {
        let assessments = app
            .assess(params.person.as_deref())?
            .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "no person with this id"))?;
        Ok(assessments.json())
    })
    .await?;
    Ok(axum::Json(value).into_response())
}
