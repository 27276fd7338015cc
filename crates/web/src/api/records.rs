//! Records of every kind: list (filtered, a page at a time), get, create, replace,
//! delete. The API answers each record's JSON text as the actor may see it.

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use zonewatch_model::Kind;

use super::{json_text, kind_of, list_query, write_error, WITHHELD_HEADER};
use crate::auth::Authed;
use crate::{with_app, ApiError, Shared};

pub async fn list(
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

pub async fn get_one(
    State(state): State<Shared>,
    Authed(actor): Authed,
    Path((plural, id)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let kind = kind_of(&plural)?;
    fetch(&state, actor, kind, id, StatusCode::OK).await
}

pub async fn create(
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

pub async fn update(
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

pub async fn delete(
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
