//! Search over the open text of every kind.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use zonewatch_app::search::SearchHit;

use super::{page_error, render, Chrome, PageSession};
use crate::{with_app, Shared};

/// Hits a search page shows.
const SEARCH_LIMIT: usize = 200;

pub fn routes() -> Router<Shared> {
    Router::new().route("/search", get(search_page))
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage {
    chrome: Chrome,
    q: String,
    hits: Vec<SearchHit>,
    limited: bool,
}

#[derive(serde::Deserialize)]
struct SearchParams {
    q: Option<String>,
}

/// Names, aliases, titles, descriptions, notes and ad texts (never restricted
/// fields: `App::record_search` reads only the open part of each record).
async fn search_page(
    State(state): State<Shared>,
    PageSession(session): PageSession,
    Query(params): Query<SearchParams>,
) -> Response {
    let q = params.q.unwrap_or_default().trim().to_owned();
    let query = q.clone();
    let hits = with_app(&state, session.actor.clone(), move |app| {
        Ok(app.record_search(&query, SEARCH_LIMIT)?)
    })
    .await;
    let hits = match hits {
        Ok(h) => h,
        Err(e) => return page_error(e),
    };
    render(&SearchPage {
        chrome: Chrome::of(&session),
        limited: hits.len() >= SEARCH_LIMIT,
        q,
        hits,
    })
}
