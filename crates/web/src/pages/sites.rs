//! Sites: the list with its filters, a site's page with its timeline, and the
//! offline map both show (and the dashboard).

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
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

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// An offline map: each site with coordinates as a marker, projected
/// equirectangularly over the sites' own bounding box (no tiles, no network).
pub fn map_svg(sites: &[SiteRow], width: f64, height: f64) -> String {
    let points: Vec<(&SiteRow, f64, f64)> = sites
        .iter()
        .filter_map(|s| s.coordinates.map(|(lat, lon)| (s, lat, lon)))
        .collect();
    if points.is_empty() {
        return "<p>No site has coordinates to map.</p>".into();
    }
    let (mut min_lat, mut max_lat, mut min_lon, mut max_lon) =
        (90.0f64, -90.0f64, 180.0f64, -180.0f64);
    for (_, lat, lon) in &points {
        min_lat = min_lat.min(*lat);
        max_lat = max_lat.max(*lat);
        min_lon = min_lon.min(*lon);
        max_lon = max_lon.max(*lon);
    }
    let pad = 0.5;
    let (min_lat, max_lat, min_lon, max_lon) =
        (min_lat - pad, max_lat + pad, min_lon - pad, max_lon + pad);
    let scale = ((width - 20.0) / (max_lon - min_lon)).min((height - 20.0) / (max_lat - min_lat));
    let mut out = format!(
        "<svg class=\"map\" role=\"img\" aria-label=\"Map of {} site(s)\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\">",
        points.len()
    );
    out.push_str(&format!(
        "<text x=\"8\" y=\"{}\" font-size=\"11\">{:.1}°–{:.1}°N, {:.1}°–{:.1}°E (no tiles: markers only)</text>",
        height - 6.0,
        min_lat,
        max_lat,
        min_lon,
        max_lon
    ));
    for (site, lat, lon) in points {
        let x = 10.0 + (lon - min_lon) * scale;
        let y = 10.0 + (max_lat - lat) * scale;
        out.push_str(&format!(
            "<a href=\"/sites/{}\"><circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"5\"><title>{}</title></circle></a>",
            escape(&site.id),
            escape(&site.name)
        ));
    }
    out.push_str("</svg>");
    out
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
        site_rows(app, &query)
    })
    .await;
    let sites = match result {
        Ok(s) => s,
        Err(e) => return page_error(e),
    };
    render(&SitesPage {
        chrome: Chrome::of(&session),
        country: country.unwrap_or_default(),
        category: category.unwrap_or_default(),
        admin1: admin1.unwrap_or_default(),
        map: map_svg(&sites, 720.0, 420.0),
        sites,
        can_write: session.actor.may(Action::WriteRecords),
    })
}

#[derive(Template)]
#[template(path = "site.html")]
struct SitePage {
    chrome: Chrome,
    site: SiteRow,
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
        Ok((view, timeline))
    })
    .await;
    let (view, timeline) = match result {
        Ok(r) => r,
        Err(e) => return page_error(e),
    };
    let site = SiteRow::of(&view.record);
    render(&SitePage {
        chrome: Chrome::of(&session),
        map: map_svg(std::slice::from_ref(&site), 320.0, 220.0),
        json: view.json,
        site,
        timeline,
        can_write: session.actor.may(Action::WriteRecords),
    })
}
