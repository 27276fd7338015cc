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

/// The figures shown, by their FORMAT.md key, with the message key of the label.
const FIGURES: [(&str, &str); 12] = [
    ("sites.scam_compounds", "dash-fig-scam-compounds"),
    ("sites.suspected_sites", "dash-fig-suspected-sites"),
    ("interventions.sites_with_intervention", "dash-fig-raided"),
    ("interventions.operating_after", "dash-fig-operating-after"),
    (
        "interventions.not_operating_after",
        "dash-fig-not-operating-after",
    ),
    ("interventions.uncertain", "dash-fig-uncertain"),
    ("interventions.unobserved", "dash-fig-unobserved"),
    ("persons.survivors_interviewed", "dash-fig-survivors"),
    ("persons.minors_interviewed", "dash-fig-minors"),
    ("incidents.deaths", "dash-fig-deaths"),
    ("legal.trafficking", "dash-fig-trafficking"),
    ("legal.forced_labour", "dash-fig-forced-labour"),
];

/// A figure as the page's language writes numbers (`12`, `<5`).
fn number(chrome: &Chrome, figure: &str) -> String {
    let (prefix, digits) = match figure.strip_prefix('<') {
        Some(rest) => ("<", rest),
        None => ("", figure),
    };
    match digits.parse::<u64>() {
        Ok(n) => format!("{prefix}{}", chrome.tr.num(n)),
        Err(_) => figure.to_owned(),
    }
}

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
    let chrome = Chrome::of(&session);
    let figures = FIGURES
        .iter()
        .map(|(path, label)| (chrome.t(label), number(&chrome, &figure(&report, path))))
        .collect();
    render(&Dashboard {
        chrome,
        public,
        figures,
        map,
    })
}
