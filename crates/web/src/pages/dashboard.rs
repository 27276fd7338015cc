//! The dashboard: the report's headline figures as the actor may read them, and
//! the map of sites.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use zonewatch_app::Action;

use super::{page_error, render, Chrome, PageSession};
use crate::{with_app, Shared};

pub fn routes() -> Router<Shared> {
    Router::new().route("/", get(dashboard))
}

#[derive(Template)]
#[template(path = "dashboard.html")]
struct Dashboard {
    chrome: Chrome,
    public: bool,
    figures: Vec<(String, String)>,
    map: String,
}

/// The figure at `path` (`sites.scam_compounds`) of the FORMAT.md report object.
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

/// The figures shown, by their FORMAT.md key.
const FIGURES: [(&str, &str); 12] = [
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

async fn dashboard(State(state): State<Shared>, PageSession(session): PageSession) -> Response {
    let actor = session.actor.clone();
    let result = with_app(&state, actor, |app| {
        let public = !app.may(Action::ReadInternal);
        let report = app.report(public, None, false)?;
        let map = app.site_map_svg(None)?;
        Ok((report.is_public(), report.json(), map))
    })
    .await;
    let (public, report, map) = match result {
        Ok(r) => r,
        Err(e) => return page_error(e),
    };
    let figures = FIGURES
        .iter()
        .map(|(path, label)| ((*label).to_owned(), figure(&report, path)))
        .collect();
    render(&Dashboard {
        chrome: Chrome::of(&session),
        public,
        figures,
        map,
    })
}
