//! Evidence files: the list, a file's page with its custody, download, upload.

use askama::Template;
use axum::extract::{DefaultBodyLimit, Multipart, Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use zonewatch_app::evidence::EvidenceDetail;
use zonewatch_app::Action;

use super::{foreign_form, page_error, render, Chrome, PageSession};
use crate::auth::csrf;
use crate::{with_app, ApiError, Shared};

/// Largest evidence file the upload form takes (the body is held in memory).
pub const MAX_UPLOAD_BYTES: usize = 100 * 1024 * 1024;

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/evidence", get(evidence_list))
        .route(
            "/evidence/new",
            post(evidence_upload).layer(DefaultBodyLimit::max(MAX_UPLOAD_BYTES)),
        )
        .route("/evidence/{id}", get(evidence_page))
        .route("/evidence/{id}/download", get(evidence_download))
}

#[derive(Template)]
#[template(path = "evidence_list.html")]
struct EvidenceListPage {
    chrome: Chrome,
    /// (evidence id, record id, sealed)
    files: Vec<(String, String, bool)>,
    can_upload: bool,
    record: String,
}

#[derive(serde::Deserialize)]
struct EvidenceParams {
    record: Option<String>,
}

async fn evidence_list(
    State(state): State<Shared>,
    PageSession(session): PageSession,
    Query(params): Query<EvidenceParams>,
) -> Response {
    let record = params.record.unwrap_or_default();
    let only = record.clone();
    let files = with_app(&state, session.actor.clone(), move |app| {
        let mut files = app.evidence_list()?;
        if !only.is_empty() {
            files.retain(|(_, r, _)| *r == only);
        }
        Ok(files)
    })
    .await;
    let files = match files {
        Ok(f) => f,
        Err(e) => return page_error(e),
    };
    render(&EvidenceListPage {
        chrome: Chrome::of(&session),
        can_upload: session.actor.may(Action::WriteRecords),
        files,
        record,
    })
}

#[derive(Template)]
#[template(path = "evidence.html")]
struct EvidencePage {
    chrome: Chrome,
    detail: EvidenceDetail,
    can_download: bool,
}

async fn evidence_page(
    State(state): State<Shared>,
    PageSession(session): PageSession,
    Path(id): Path<String>,
) -> Response {
    let lookup = id.clone();
    let detail = with_app(&state, session.actor.clone(), move |app| {
        Ok(app.evidence_detail(&lookup)?)
    })
    .await;
    let detail = match detail {
        Ok(Some(d)) => d,
        Ok(None) => {
            return page_error(ApiError::new(
                StatusCode::NOT_FOUND,
                "no evidence file with this id",
            ))
        }
        Err(e) => return page_error(e),
    };
    render(&EvidencePage {
        chrome: Chrome::of(&session),
        can_download: session.actor.may(Action::ReadRestricted)
            && (!detail.sealed || detail.meta.is_some()),
        detail,
    })
}

async fn evidence_download(
    State(state): State<Shared>,
    PageSession(session): PageSession,
    Path(id): Path<String>,
) -> Response {
    let result = with_app(&state, session.actor.clone(), move |app| {
        Ok(app.evidence_download(&id)?)
    })
    .await;
    match result {
        Ok((file_name, bytes)) => {
            // Only safe characters go into the header: the name was typed by a person.
            let ascii: String = file_name
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || "._-".contains(c) {
                        c
                    } else {
                        '_'
                    }
                })
                .collect();
            let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{ascii}\""))
                .unwrap_or(HeaderValue::from_static("attachment"));
            (
                [
                    (
                        header::CONTENT_TYPE,
                        HeaderValue::from_static("application/octet-stream"),
                    ),
                    (header::CONTENT_DISPOSITION, disposition),
                ],
                bytes,
            )
                .into_response()
        }
        Err(e) => page_error(e),
    }
}

/// The upload form: the session's CSRF token, a record id, a file and an optional
/// note. Permission comes before memory: the role is checked before the body is
/// read, and the CSRF token (the form's first field, checked as [`csrf::CsrfForm`]
/// checks a urlencoded form's) before any byte of the file;
/// at most [`crate::MAX_UPLOADS`] uploads are read at once, each into one buffer.
async fn evidence_upload(
    State(state): State<Shared>,
    PageSession(session): PageSession,
    mut multipart: Multipart,
) -> Response {
    if !session.actor.may(Action::WriteRecords) {
        return page_error(ApiError::new(
            StatusCode::FORBIDDEN,
            format!(
                "{} (role {}) may not add evidence",
                session.actor.name, session.actor.role
            ),
        ));
    }
    let Ok(_permit) = state.uploads.try_acquire() else {
        return page_error(ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "other uploads are being received: try again in a few seconds",
        ));
    };
    let mut csrf_ok = false;
    let mut record = String::new();
    let mut note = String::new();
    let mut file: Option<(String, axum::body::Bytes)> = None;
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) => {
                return page_error(ApiError::new(
                    StatusCode::BAD_REQUEST,
                    format!("the upload could not be read: {}", e.body_text()),
                ))
            }
        };
        let name = field.name().unwrap_or_default().to_owned();
        if !csrf_ok && name != "csrf" {
            // The form sends its token first; a body that does not is not read.
            return foreign_form();
        }
        let file_name = field.file_name().map(str::to_owned);
        let bytes = match field.bytes().await {
            Ok(b) => b,
            Err(e) => {
                return page_error(ApiError::new(
                    e.status(),
                    format!("the upload could not be read: {}", e.body_text()),
                ))
            }
        };
        let text = || String::from_utf8_lossy(&bytes).trim().to_owned();
        match name.as_str() {
            "csrf" if !csrf_ok => {
                if !csrf::token_ok(&session.csrf, &text()) {
                    return foreign_form();
                }
                csrf_ok = true;
            }
            "record" => record = text(),
            "note" => note = text(),
            "file" => file = Some((file_name.unwrap_or_default(), bytes)),
            _ => {}
        }
    }
    if !csrf_ok {
        return foreign_form();
    }
    let Some((file_name, content)) = file.filter(|(_, c)| !c.is_empty()) else {
        return page_error(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "file: a non-empty file is expected",
        ));
    };
    if !zonewatch_model::is_valid_id(&record) {
        return page_error(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "record: the id of the record this file is evidence for is expected",
        ));
    }
    let result = with_app(&state, session.actor.clone(), move |app| {
        let note = Some(note.as_str()).filter(|n| !n.is_empty());
        Ok(app.add_evidence(&record, &file_name, &content, note)?)
    })
    .await;
    match result {
        Ok(id) => Redirect::to(&format!("/evidence/{id}")).into_response(),
        Err(e) => page_error(e),
    }
}
