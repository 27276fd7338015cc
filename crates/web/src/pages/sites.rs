//! Sites: the list with its filters, a site's page with its timeline, and the
//! offline map both show (and the dashboard).

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use std::collections::BTreeSet;
use zonewatch_app::records::{ListQuery, MAX_LIMIT};
use zonewatch_app::{Action, App};
use zonewatch_model::{Body, Kind, Record};

use super::{page_error, render, Chrome, PageSession};
use crate::{with_app, ApiError, Shared};

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/sites", get(sites))
        .route("/sites/{id}", get(site))
}

/// A site as the pages list it.
#[derive(Clone, Debug, Default)]
pub struct SiteRow {
    pub id: String,
    pub name: String,
    pub category: String,
    pub country: String,
    pub admin1: String,
    pub coordinates: Option<(f64, f64)>,
}

impl SiteRow {
    fn of(record: &Record) -> SiteRow {
        let mut row = SiteRow {
            id: record.id.clone(),
            ..SiteRow::default()
        };
        if let Body::Site(site) = &record.body {
            row.name = site.name.clone();
            row.category = site.category.to_string();
            row.country = site.country.clone();
            row.admin1 = site.admin1.clone().unwrap_or_default();
            row.coordinates = site.location.map(|c| (c.lat, c.lon));
        }
        row
    }
}

/// Every site the actor may see that `query`'s filters keep, a page at a time.
pub fn site_rows(app: &mut App, query: &ListQuery) -> Result<Vec<SiteRow>, ApiError> {
    let mut rows = Vec::new();
    let mut query = query.clone();
    query.limit = Some(MAX_LIMIT);
    loop {
        let page = app.record_list(Kind::Site, &query)?;
        rows.extend(page.items.iter().map(|i| SiteRow::of(&i.record)));
        match page.next {
            Some(next) => query.after = Some(next),
            None => return Ok(rows),
        }
    }
}

#[derive(Template)]
#[template(path = "sites.html")]
struct SitesPage {
    chrome: Chrome,
    country: String,
    category: String,
    admin1: String,
    sites: Vec<SiteRow>,
    map: String,
    can_write: bool,
}

#[derive(serde::Deserialize, Default)]
struct SiteFilters {
    country: Option<String>,
    category: Option<String>,
    admin1: Option<String>,
}

async fn sites(
    State(state): State<Shared>,
    PageSession(session): PageSession,
    Query(filters): Query<SiteFilters>,
) -> Response {
    let clean = |v: Option<String>| v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
    let country = clean(filters.country).map(|c| c.to_uppercase());
    let category = clean(filters.category);
    let admin1 = clean(filters.admin1);
    let mut query = ListQuery::default();
    for (name, value) in [
        ("country", &country),
        ("category", &category),
        ("admin1", &admin1),
    ] {
        if let Some(v) = value {
            query.filters.push((name.to_owned(), v.clone()));
        }
    }
    let result = with_app(&state, session.actor.clone(), move |app| {
        let sites = site_rows(app, &query)?;
        // The map follows the list's filters.
        let shown: BTreeSet<String> = sites.iter().map(|s| s.id.clone()).collect();
        let map = app.site_map_svg(Some(&shown))?;
        Ok((sites, map))
    })
    .await;
    let (sites, map) = match result {
        Ok(s) => s,
        Err(e) => return page_error(e),
    };
    render(&SitesPage {
        chrome: Chrome::of(&session),
        country: country.unwrap_or_default(),
        category: category.unwrap_or_default(),
        admin1: admin1.unwrap_or_default(),
        map,
        sites,
        can_write: session.actor.may(Action::WriteRecords),
    })
}

#[derive(Template)]
#[template(path = "site.html")]
struct SitePage {
    chrome: Chrome,
    site: SiteRow,
    /// The category and country as the page's language names them.
    category: String,
    country: String,
    timeline: Option<String>,
    map: String,
    json: String,
    can_write: bool,
}

async fn site(
    State(state): State<Shared>,
    PageSession(session): PageSession,
    Path(id): Path<String>,
) -> Response {
    let result = with_app(&state, session.actor.clone(), move |app| {
        let Some(view) = app.record_get(Kind::Site, &id)? else {
            return Err(ApiError::new(StatusCode::NOT_FOUND, "no site with this id"));
        };
        let timeline = if app.may(Action::ReadInternal) {
            // The site's own records, not the whole database: a page view must not
            // cost a load of every record.
            app.timeline(&id)?
        } else {
            None
        };
        let map = app.site_map_svg(Some(&BTreeSet::from([id.clone()])))?;
        Ok((view, timeline, map))
    })
    .await;
    let (view, timeline, map) = match result {
        Ok(r) => r,
        Err(e) => return page_error(e),
    };
    let site = SiteRow::of(&view.record);
    let chrome = Chrome::of(&session);
    let country_key = format!("country-{}", site.country);
    render(&SitePage {
        category: chrome.value_label(&site.category),
        country: if site.country.len() == 2 && chrome.tr.has(&country_key) {
            chrome.tr.f(
                "site-country",
                &[
                    ("name", chrome.t(&country_key).into()),
                    ("code", site.country.as_str().into()),
                ],
            )
        } else {
            site.country.clone()
        },
        chrome,
        map,
        json: view.json,
        site,
        timeline,
        can_write: session.actor.may(Action::WriteRecords),
    })
}
