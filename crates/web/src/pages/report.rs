//! The report as the CLI writes it (HTML, Markdown or JSON), internal or public.

use axum::extract::{Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use zonewatch_app::Action;

use super::{page_error, PageSession};
use crate::{with_app, ApiError, Shared};

/// The self-contained report keeps its stylesheet inline; still no scripts.
const REPORT_CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

pub fn routes() -> Router<Shared> {
    Router::new().route("/report", get(report))
}

#[derive(serde::Deserialize, Default)]
struct ReportQuery {
    public: Option<String>,
    format: Option<String>,
    download: Option<String>,
}

/// The report as the CLI writes it (HTML, Markdown or JSON), internal or public;
/// viewers always get the public one. `download` makes it an attachment.
async fn report(
    State(state): State<Shared>,
    PageSession(session): PageSession,
    Query(query): Query<ReportQuery>,
) -> Response {
    let public = query.public.is_some_and(|p| p == "1" || p == "true");
    let format = query.format.unwrap_or_else(|| "html".into());
    if !matches!(format.as_str(), "html" | "md" | "json") {
        return page_error(ApiError::new(
            StatusCode::NOT_FOUND,
            "the report comes as html, md or json",
        ));
    }
    let download = query.download.is_some();
    let wanted = format.clone();
    let locale = super::lang::current();
    let result = with_app(&state, session.actor, move |app| {
        let public = public || !app.may(Action::ReadInternal);
        let report = app.report(public, None, false)?;
        let text = match wanted.as_str() {
            "md" => report.markdown_in(locale),
            "json" => serde_json::to_string_pretty(&report.json()).map_err(ApiError::internal)?,
            _ => report.html_in(locale),
        };
        Ok((text, report.is_public()))
    })
    .await;
    let (text, is_public) = match result {
        Ok(r) => r,
        Err(e) => return page_error(e),
    };
    let content_type = match format.as_str() {
        "md" => "text/markdown; charset=utf-8",
        "json" => "application/json",
        _ => "text/html; charset=utf-8",
    };
    let mut response = text.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(REPORT_CSP),
    );
    if download {
        let name = format!(
            "attachment; filename=\"zonewatch-report{}.{format}\"",
            if is_public { "-public" } else { "" }
        );
        if let Ok(v) = HeaderValue::from_str(&name) {
            headers.insert(header::CONTENT_DISPOSITION, v);
        }
    }
    response
}
