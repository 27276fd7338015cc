//! The findings report (`GET /api/v1/report`) and the legal tests of one person or
//! of everyone (`GET /api/v1/assess`), as the actor may read them.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use zonewatch_app::Action;

use crate::auth::Authed;
use crate::{with_app, ApiError, Shared};

#[derive(serde::Deserialize)]
pub struct ReportParams {
    public: Option<bool>,
    threshold: Option<u64>,
    trace: Option<bool>,
}

pub async fn report(
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

pub async fn assess(
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
