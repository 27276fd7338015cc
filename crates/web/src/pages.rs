//! Server-rendered HTML pages (askama). No scripts at all; the Content-Security-Policy
//! allows only this server's stylesheet and inline SVG. Every form carries a CSRF
//! token: the login form a double-submit cookie, the others the session's token.

use std::net::SocketAddr;

use askama::Template;
use axum::extract::{ConnectInfo, Extension, Form, Path, Query, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use zonewatch_app::records::ListQuery;
use zonewatch_app::Action;
use zonewatch_model::{Json, Kind};

use crate::auth::{
    self, cookie_header, random_token, Session, LOGIN_CSRF_COOKIE, SESSION_COOKIE, SESSION_LIFETIME,
};
use crate::{with_app, ApiError, Shared};

/// No scripts, no network but this server, no framing.
pub const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
/// The self-contained report keeps its stylesheet inline; still no scripts.
const REPORT_CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

const STYLE: &str = include_str!("../static/style.css");

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/static/style.css", get(style))
        .route("/favicon.ico", get(favicon))
        .route("/login", get(login_form).post(login))
        .route("/logout", post(logout))
        .route("/", get(dashboard))
        .route("/report", get(report))
        .route("/sites", get(sites))
        .route("/sites/{id}", get(site))
}

async fn style() -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/css; charset=utf-8"),
        )],
        STYLE,
    )
        .into_response()
}

/// Browsers ask for `/favicon.ico` on every first page and log a console error
/// when it is missing: there is no icon, and saying so is not an error.
async fn favicon() -> StatusCode {
    StatusCode::NO_CONTENT
}

/// An error page (never a stack trace, never a record's content).
pub(crate) fn page_error(e: ApiError) -> Response {
    let status = e.status;
    let message = e
        .body
        .get("error")
        .and_then(|m| m.as_str())
        .unwrap_or("error")
        .to_owned();
    let page = ErrorPage {
        user: None,
        role: String::new(),
        csrf: String::new(),
        message,
    };
    let mut response = (status, render(&page)).into_response();
    if status == StatusCode::SERVICE_UNAVAILABLE {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("2"));
    }
    response
}

pub(crate) fn render<T: Template>(t: &T) -> Response {
    match t.render() {
        Ok(html) => Html(html).into_response(),
        Err(e) => {
            eprintln!("zonewatch serve: template error: {e}");
            (StatusCode::INTERNAL_SERVER_ERROR, "internal server error").into_response()
        }
    }
}

#[derive(Template)]
#[template(
    source = "{% extends \"base.html\" %}{% block content %}<h1>Error</h1><p class=\"error\">{{ message }}</p>{% endblock %}",
    ext = "html"
)]
struct ErrorPage {
    user: Option<String>,
    role: String,
    csrf: String,
    message: String,
}

/// A browser page's session, or a redirect to the login page. A user who must
/// still change their password is sent to the account page instead of any other.
pub(crate) struct PageSession(pub(crate) Session);

impl axum::extract::FromRequestParts<Shared> for PageSession {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &Shared) -> Result<Self, Response> {
        match auth::session_of(state, parts).await {
            Ok(Some(session)) if session.must_change_password => {
                Err(Redirect::to(crate::account::ACCOUNT).into_response())
            }
            Ok(Some(session)) => Ok(PageSession(session)),
            Ok(None) => Err(Redirect::to("/login").into_response()),
            Err(e) => Err(page_error(e)),
        }
    }
}

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    user: Option<String>,
    role: String,
    csrf: String,
    name: String,
    error: Option<String>,
}

fn login_page(state: &Shared, status: StatusCode, name: String, error: Option<String>) -> Response {
    let csrf = match random_token() {
        Ok(t) => t,
        Err(e) => return page_error(e),
    };
    let page = LoginPage {
        user: None,
        role: String::new(),
        csrf: csrf.clone(),
        name,
        error,
    };
    let mut response = (status, render(&page)).into_response();
    if let Some(v) = cookie_header(state, LOGIN_CSRF_COOKIE, &csrf, "/login", Some(3600)) {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
    response
}

async fn login_form(State(state): State<Shared>) -> Response {
    login_page(&state, StatusCode::OK, String::new(), None)
}

#[derive(serde::Deserialize)]
struct LoginForm {
    user: String,
    password: String,
    csrf: String,
}

fn cookie_in(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
}

async fn login(
    State(state): State<Shared>,
    peer: Option<Extension<ConnectInfo<SocketAddr>>>,
    headers: HeaderMap,
    Form(form): Form<LoginForm>,
) -> Response {
    let expected = cookie_in(&headers, LOGIN_CSRF_COOKIE).unwrap_or_default();
    if !zonewatch_app::accounts::tokens_match(&expected, &form.csrf) {
        return login_page(
            &state,
            StatusCode::FORBIDDEN,
            String::new(),
            Some("the form had expired or did not come from this site: try again".into()),
        );
    }
    let ip = peer.map_or_else(
        || "unknown".to_owned(),
        |Extension(ConnectInfo(a))| a.ip().to_string(),
    );
    let delay = match state.limiter.attempt(&ip, &form.user) {
        auth::Gate::Go(delay) => delay,
        auth::Gate::Refused => {
            return login_page(
                &state,
                StatusCode::TOO_MANY_REQUESTS,
                String::new(),
                Some("too many failed logins from here: wait 15 minutes".into()),
            )
        }
    };
    if !delay.is_zero() {
        tokio::time::sleep(delay).await;
    }
    let name = form.user.clone();
    let user = form.user.clone();
    // An unknown user name and a wrong password cost the same and answer the same.
    let result = crate::with_authenticator(&state, move |auth| {
        Ok(auth.login(&form.user, &form.password, SESSION_LIFETIME)?)
    })
    .await;
    match result {
        Ok(Some(session)) => {
            state.limiter.succeeded(&ip, &user);
            let next = if session.login.must_change_password {
                crate::account::ACCOUNT
            } else {
                "/"
            };
            let mut response = Redirect::to(next).into_response();
            let h = response.headers_mut();
            // No Max-Age: the cookie ends with the browser; the session ends in the
            // database after SESSION_LIFETIME whatever the browser keeps.
            if let Some(v) = cookie_header(&state, SESSION_COOKIE, &session.id, "/", None) {
                h.append(header::SET_COOKIE, v);
            }
            if let Some(v) = cookie_header(&state, LOGIN_CSRF_COOKIE, "", "/login", Some(0)) {
                h.append(header::SET_COOKIE, v);
            }
            response
        }
        Ok(None) => login_page(
            &state,
            StatusCode::UNAUTHORIZED,
            name,
            Some("wrong user name or password".into()),
        ),
        Err(e) => page_error(e),
    }
}

#[derive(serde::Deserialize)]
struct CsrfForm {
    csrf: String,
}

async fn logout(
    State(state): State<Shared>,
    headers: HeaderMap,
    Form(form): Form<CsrfForm>,
) -> Response {
    let Some(id) = cookie_in(&headers, SESSION_COOKIE) else {
        return Redirect::to("/login").into_response();
    };
    let session = match auth::session_by_id(&state, &id).await {
        Ok(Some(s)) => s,
        Ok(None) => return Redirect::to("/login").into_response(),
        Err(e) => return page_error(e),
    };
    if !session.csrf_matches(&form.csrf) {
        return page_error(ApiError::new(
            StatusCode::FORBIDDEN,
            "the form did not come from this site",
        ));
    }
    if let Err(e) = crate::with_authenticator(&state, move |auth| Ok(auth.end_session(&id)?)).await
    {
        return page_error(e);
    }
    let mut response = Redirect::to("/login").into_response();
    if let Some(v) = cookie_header(&state, SESSION_COOKIE, "", "/", Some(0)) {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
    response
}

#[derive(Template)]
#[template(path = "dashboard.html")]
struct Dashboard {
    user: Option<String>,
    role: String,
    csrf: String,
    public: bool,
    figures: Vec<(String, String)>,
    map: String,
}

fn figure(report: &serde_json::Value, path: &str) -> String {
    let mut v = report;
    for part in path.split('.') {
        match v.get(part) {
            Some(next) => v = next,
            None => return "0".into(),
        }
    }
    match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

async fn dashboard(State(state): State<Shared>, PageSession(session): PageSession) -> Response {
    let actor = session.actor.clone();
    let result = with_app(&state, actor, |app| {
        let public = !app.may(Action::ReadInternal);
        let report = app.report(public, None, false)?;
        let sites = site_rows(app, &ListQuery::default())?;
        Ok((report.is_public(), report.json(), sites))
    })
    .await;
    let (public, report, sites) = match result {
        Ok(r) => r,
        Err(e) => return page_error(e),
    };
    let labels = [
        ("sites.scam_compounds", "scam compounds"),
        ("sites.suspected_sites", "suspected sites"),
        (
            "interventions.sites_with_intervention",
            "sites raided or rescued",
        ),
        (
            "interventions.operating_after",
            "operating after intervention",
        ),
        ("interventions.not_operating_after", "not operating after"),
        ("interventions.uncertain", "uncertain"),
        ("interventions.unobserved", "unobserved since"),
        ("persons.survivors_interviewed", "survivors interviewed"),
        ("persons.minors_interviewed", "minors interviewed"),
        ("incidents.deaths", "deaths"),
        ("legal.trafficking", "trafficking indicated"),
        ("legal.forced_labour", "forced labour indicated"),
    ];
    let figures = labels
        .iter()
        .map(|(path, label)| ((*label).to_owned(), figure(&report, path)))
        .collect();
    render(&Dashboard {
        user: Some(session.actor.name.clone()),
        role: session.actor.role.to_string(),
        csrf: session.csrf,
        public,
        figures,
        map: map_svg(&sites, 720.0, 420.0),
    })
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
    let result = with_app(&state, session.actor, move |app| {
        let public = public || !app.may(Action::ReadInternal);
        let report = app.report(public, None, false)?;
        let text = match wanted.as_str() {
            "md" => report.markdown(),
            "json" => serde_json::to_string_pretty(&report.json()).map_err(ApiError::internal)?,
            _ => report.html(),
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

fn site_row(id: &str, json: &str) -> SiteRow {
    let mut row = SiteRow {
        id: id.to_owned(),

        ..SiteRow::default()
    };
    let Ok(Json::Object(fields)) = Json::parse(json) else {
        return row;
    };
    let mut lat = None;
    let mut lon = None;
    for (k, v) in fields {
        match (k.as_str(), v) {
            ("name", Json::String(s)) => row.name = s,
            ("category", Json::String(s)) => row.category = s,
            ("country", Json::String(s)) => row.country = s,
            ("admin1", Json::String(s)) => row.admin1 = s,
            ("lat", Json::Number(n)) => lat = n.as_f64(),
            ("lon", Json::Number(n)) => lon = n.as_f64(),
            _ => {}
        }
    }
    row.coordinates = lat.zip(lon);
    row
}

fn site_rows(app: &mut zonewatch_app::App, query: &ListQuery) -> Result<Vec<SiteRow>, ApiError> {
    let mut rows = Vec::new();
    let mut query = query.clone();
    query.limit = Some(zonewatch_app::records::MAX_LIMIT);
    loop {
        let page = app.record_list(Kind::Site, &query)?;
        rows.extend(page.items.iter().map(|i| site_row(&i.id, &i.json)));
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
    user: Option<String>,
    role: String,
    csrf: String,
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
        user: Some(session.actor.name.clone()),
        role: session.actor.role.to_string(),
        csrf: session.csrf,
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
    user: Option<String>,
    role: String,
    csrf: String,
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
    let site = site_row(&view.id, &view.json);
    render(&SitePage {
        user: Some(session.actor.name.clone()),
        role: session.actor.role.to_string(),
        csrf: session.csrf,
        map: map_svg(std::slice::from_ref(&site), 320.0, 220.0),
        json: view.json,
        site,
        timeline,
        can_write: session.actor.may(Action::WriteRecords),
    })
}
