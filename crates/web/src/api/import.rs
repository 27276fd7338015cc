//! `POST /api/v1/import`: JSON Lines, all or nothing, as `zonewatch import`.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use zonewatch_app::Action;
use zonewatch_model::Kind;

use crate::auth::Authed;
use crate::{with_app, ApiError, Shared};

/// Largest JSON Lines body `POST /api/v1/import` takes (larger files: the CLI).
pub const IMPORT_LIMIT: usize = 256 * 1024 * 1024;

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
pub async fn import(
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
