//! Create and edit forms for sites, status observations and interventions. A form
//! becomes one v1 object and goes through the same path as the API (the import's
//! validation); errors are shown beside their field.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use zonewatch_app::records::WriteError;
use zonewatch_app::Action;
use zonewatch_model::vocab::{
    FormerUse, IncidentType, InterventionType, ObservationBasis, OrganizationType, Platform,
    Sensitivity, SiteCategory, SiteStatusValue, SourceType,
};
use zonewatch_model::{Json, Kind};

use crate::pages::{page_error, render, PageSession};
use crate::{with_app, ApiError, Shared};

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/records/{plural}", get(list_page))
        .route("/records/{plural}/{id}", get(record_page))
        .route("/records/{plural}/new", get(new_form).post(create))
        .route("/records/{plural}/{id}/edit", get(edit_form).post(update))
}

#[derive(Clone, Copy)]
enum Input {
    Text,
    Number,
    Integer,
    Date,
    Choice(fn() -> Vec<&'static str>),
    /// Comma-separated ids or names.
    List,
}

struct Spec {
    name: &'static str,
    label: &'static str,
    input: Input,
    required: bool,
}

const fn f(name: &'static str, label: &'static str, input: Input, required: bool) -> Spec {
    Spec {
        name,
        label,
        input,
        required,
    }
}

fn spec(kind: Kind) -> Option<Vec<Spec>> {
    use Input::*;
    let sensitivity = Choice(|| Sensitivity::ALL.iter().map(|v| v.as_str()).collect());
    Some(match kind {
        Kind::Site => vec![
            f("id", "Id", Text, true),
            f("name", "Name", Text, true),
            f(
                "category",
                "Category",
                Choice(|| SiteCategory::ALL.iter().map(|v| v.as_str()).collect()),
                true,
            ),
            f("country", "Country (ISO alpha-2)", Text, true),
            f("admin1", "Province / state", Text, false),
            f("admin2", "District / city", Text, false),
            f("lat", "Latitude", Number, false),
            f("lon", "Longitude", Number, false),
            f(
                "former_use",
                "Former use",
                Choice(|| FormerUse::ALL.iter().map(|v| v.as_str()).collect()),
                false,
            ),
            f("aliases", "Aliases (comma-separated)", List, false),
            f("operators", "Operators (organization ids)", List, false),
            f("sources", "Sources (source ids)", List, false),
            f("sensitivity", "Sensitivity", sensitivity, false),
        ],
        Kind::SiteStatus => vec![
            f("id", "Id", Text, true),
            f("site", "Site id", Text, true),
            f("date", "Date (YYYY, YYYY-MM or YYYY-MM-DD)", Date, true),
            f(
                "status",
                "Status",
                Choice(|| SiteStatusValue::ALL.iter().map(|v| v.as_str()).collect()),
                true,
            ),
            f(
                "basis",
                "Basis",
                Choice(|| ObservationBasis::ALL.iter().map(|v| v.as_str()).collect()),
                true,
            ),
            f("relocated_to", "Relocated to (site id)", Text, false),
            f("note", "Note", Text, false),
            f("sources", "Sources (source ids)", List, false),
            f("sensitivity", "Sensitivity", sensitivity, false),
        ],
        Kind::Intervention => vec![
            f("id", "Id", Text, true),
            f("site", "Site id", Text, true),
            f("date", "Date (YYYY, YYYY-MM or YYYY-MM-DD)", Date, true),
            f(
                "type",
                "Type",
                Choice(|| InterventionType::ALL.iter().map(|v| v.as_str()).collect()),
                true,
            ),
            f("agencies", "Agencies (organization ids)", List, false),
            f("persons_removed", "Persons removed", Integer, false),
            f("persons_arrested", "Persons arrested", Integer, false),
            f("note", "Note", Text, false),
            f("sources", "Sources (source ids)", List, false),
            f("sensitivity", "Sensitivity", sensitivity, false),
        ],
        Kind::Source => vec![
            f("id", "Id", Text, true),
            f("title", "Title", Text, true),
            f(
                "type",
                "Type",
                Choice(|| SourceType::ALL.iter().map(|v| v.as_str()).collect()),
                true,
            ),
            f("url", "URL", Text, false),
            f("date", "Date", Date, false),
            f("publisher", "Publisher", Text, false),
            f("sha256", "SHA-256 of an archived copy", Text, false),
            f("sources", "Sources (source ids)", List, false),
            f("sensitivity", "Sensitivity", sensitivity, false),
        ],
        Kind::Organization => vec![
            f("id", "Id", Text, true),
            f("name", "Name", Text, true),
            f(
                "type",
                "Type",
                Choice(|| OrganizationType::ALL.iter().map(|v| v.as_str()).collect()),
                true,
            ),
            f("aliases", "Aliases (comma-separated)", List, false),
            f("country", "Country (ISO alpha-2)", Text, false),
            f("sources", "Sources (source ids)", List, false),
            f("sensitivity", "Sensitivity", sensitivity, false),
        ],
        Kind::Incident => vec![
            f("id", "Id", Text, true),
            f(
                "type",
                "Type",
                Choice(|| IncidentType::ALL.iter().map(|v| v.as_str()).collect()),
                true,
            ),
            f("date", "Date", Date, false),
            f("site", "Site id", Text, false),
            f("victims", "Victims (person ids)", List, false),
            f(
                "perpetrators",
                "Perpetrators (person or organization ids)",
                List,
                false,
            ),
            f("testimony", "Testimony id", Text, false),
            f("description", "Description", Text, false),
            f("sources", "Sources (source ids)", List, false),
            f("sensitivity", "Sensitivity", sensitivity, false),
        ],
        Kind::Ad => vec![
            f("id", "Id", Text, true),
            f(
                "platform",
                "Platform",
                Choice(|| Platform::ALL.iter().map(|v| v.as_str()).collect()),
                true,
            ),
            f("text", "Text", Text, true),
            f("url", "URL", Text, false),
            f("posted", "Posted (date)", Date, false),
            f("language", "Language (BCP 47)", Text, false),
            f("sources", "Sources (source ids)", List, false),
            f("sensitivity", "Sensitivity", sensitivity, false),
        ],
        // Persons and testimonies hold nested objects and restricted fields: the API.
        _ => return None,
    })
}

/// One field as the template shows it.
pub struct FieldView {
    pub name: &'static str,
    pub label: &'static str,
    /// `text`, `number`, `select`.
    pub widget: &'static str,
    pub value: String,
    pub options: Vec<(&'static str, bool)>,
    pub required: bool,
    pub error: Option<String>,
    pub readonly: bool,
}

#[derive(Template)]
#[template(path = "form.html")]
struct FormPage {
    user: Option<String>,
    role: String,
    csrf: String,
    title: String,
    action: String,
    fields: Vec<FieldView>,
    general: Vec<String>,
}

fn views(
    specs: &[Spec],
    values: &BTreeMap<String, String>,
    errors: &BTreeMap<String, String>,
    editing: bool,
) -> Vec<FieldView> {
    specs
        .iter()
        .map(|s| {
            let value = values.get(s.name).cloned().unwrap_or_default();
            let (widget, options) = match s.input {
                Input::Choice(all) => (
                    "select",
                    all().into_iter().map(|o| (o, o == value)).collect(),
                ),
                Input::Number | Input::Integer => ("number", Vec::new()),
                _ => ("text", Vec::new()),
            };
            FieldView {
                name: s.name,
                label: s.label,
                widget,
                value,
                options,
                required: s.required,
                error: errors.get(s.name).cloned(),
                readonly: editing && s.name == "id",
            }
        })
        .collect()
}

/// The v1 line a form makes: empty fields left out; numbers that do not parse are
/// passed on as text, so the validator names the field and what it expected.
fn to_line(kind: Kind, specs: &[Spec], values: &BTreeMap<String, String>) -> String {
    let mut fields = vec![("kind".to_owned(), Json::String(kind.as_str().to_owned()))];
    for s in specs {
        let Some(value) = values
            .get(s.name)
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
        else {
            continue;
        };
        let json = match s.input {
            Input::Number => value
                .parse::<f64>()
                .ok()
                .and_then(serde_json::Number::from_f64)
                .map_or_else(|| Json::String(value.to_owned()), Json::Number),
            Input::Integer => value.parse::<i64>().map_or_else(
                |_| Json::String(value.to_owned()),
                |n| Json::Number(n.into()),
            ),
            Input::List => Json::Array(
                value
                    .split(',')
                    .map(str::trim)
                    .filter(|v| !v.is_empty())
                    .map(|v| Json::String(v.to_owned()))
                    .collect(),
            ),
            Input::Text | Input::Date | Input::Choice(_) => Json::String(value.to_owned()),
        };
        fields.push((s.name.to_owned(), json));
    }
    Json::Object(fields).to_text()
}

/// A stored record's fields as form values.
fn from_json(json: &str) -> BTreeMap<String, String> {
    let mut values = BTreeMap::new();
    if let Ok(Json::Object(fields)) = Json::parse(json) {
        for (name, value) in fields {
            let text = match value {
                Json::String(s) => s,
                Json::Array(items) => items
                    .into_iter()
                    .map(|i| match i {
                        Json::String(s) => s,
                        other => other.to_text(),
                    })
                    .collect::<Vec<_>>()
                    .join(", "),
                other => other.to_text(),
            };
            values.insert(name, text);
        }
    }
    values
}

fn kind_and_spec(plural: &str) -> Result<(Kind, Vec<Spec>), ApiError> {
    let kind = crate::api::kind_of(plural)?;
    let specs = spec(kind).ok_or_else(|| {
        ApiError::new(
            StatusCode::NOT_FOUND,
            format!("there is no form for {plural} yet: use the API"),
        )
    })?;
    Ok((kind, specs))
}

#[allow(clippy::too_many_arguments)]
fn show(
    status: StatusCode,
    session: &crate::auth::Session,
    title: String,
    action: String,
    specs: &[Spec],
    values: &BTreeMap<String, String>,
    errors: &BTreeMap<String, String>,
    general: Vec<String>,
    editing: bool,
) -> Response {
    let page = FormPage {
        user: Some(session.actor.name.clone()),
        role: session.actor.role.to_string(),
        csrf: session.csrf.clone(),
        title,
        action,
        fields: views(specs, values, errors, editing),
        general,
    };
    (status, render(&page)).into_response()
}

fn may_write(session: &crate::auth::Session) -> Result<(), ApiError> {
    if session.actor.may(Action::WriteRecords) {
        Ok(())
    } else {
        Err(ApiError::new(
            StatusCode::FORBIDDEN,
            format!(
                "{} (role {}) may not write records",
                session.actor.name, session.actor.role
            ),
        ))
    }
}

async fn new_form(
    PageSession(session): PageSession,
    Path(plural): Path<String>,
    Query(prefill): Query<BTreeMap<String, String>>,
) -> Response {
    if let Err(e) = may_write(&session) {
        return page_error(e);
    }
    let (kind, specs) = match kind_and_spec(&plural) {
        Ok(k) => k,
        Err(e) => return page_error(e),
    };
    show(
        StatusCode::OK,
        &session,
        format!("New {kind}"),
        format!("/records/{plural}/new"),
        &specs,
        &prefill,
        &BTreeMap::new(),
        Vec::new(),
        false,
    )
}

async fn edit_form(
    State(state): State<Shared>,
    PageSession(session): PageSession,
    Path((plural, id)): Path<(String, String)>,
) -> Response {
    if let Err(e) = may_write(&session) {
        return page_error(e);
    }
    let (kind, specs) = match kind_and_spec(&plural) {
        Ok(k) => k,
        Err(e) => return page_error(e),
    };
    let lookup = id.clone();
    let view = with_app(&state, session.actor.clone(), move |app| {
        Ok(app.record_get(kind, &lookup)?)
    })
    .await;
    let view = match view {
        Ok(Some(v)) => v,
        Ok(None) => {
            return page_error(ApiError::new(
                StatusCode::NOT_FOUND,
                format!("no {kind} with this id"),
            ))
        }
        Err(e) => return page_error(e),
    };
    if view.withheld {
        return page_error(ApiError::new(
            StatusCode::CONFLICT,
            "this record has restricted fields the server cannot open: editing it here would lose them",
        ));
    }
    let values = from_json(&view.json);
    if let Some(extra) = values
        .keys()
        .find(|k| *k != "kind" && !specs.iter().any(|s| s.name == k.as_str()))
    {
        return page_error(ApiError::new(
            StatusCode::CONFLICT,
            format!("this form has no field `{extra}`: saving it here would lose it, so edit this record through the API"),
        ));
    }
    show(
        StatusCode::OK,
        &session,
        format!("Edit {kind} {id}"),
        format!("/records/{plural}/{id}/edit"),
        &specs,
        &values,
        &BTreeMap::new(),
        Vec::new(),
        true,
    )
}

/// Field -> message, and the messages that name no field of the form.
fn located(
    specs: &[Spec],
    e: WriteError,
) -> Result<(BTreeMap<String, String>, Vec<String>), ApiError> {
    let mut by_field = BTreeMap::new();
    let mut general = Vec::new();
    match e {
        WriteError::Invalid(errors) => {
            for error in errors {
                let field = error
                    .field
                    .as_deref()
                    .map(|f| f.split(['[', '.']).next().unwrap_or(f).to_owned());
                match field {
                    Some(f) if specs.iter().any(|s| s.name == f) => {
                        by_field
                            .entry(f)
                            .and_modify(|m: &mut String| {
                                m.push_str("; ");
                                m.push_str(&error.message);
                            })
                            .or_insert(error.message);
                    }
                    Some(f) => general.push(format!("{f}: {}", error.message)),
                    None => general.push(error.message),
                }
            }
        }
        WriteError::Exists { id } => {
            by_field.insert(
                "id".to_owned(),
                format!("`{id}` is already in use: ids are unique across the dataset"),
            );
        }
        WriteError::Referenced { .. } | WriteError::NotFound { .. } => {
            general.push(e.to_string());
        }
        WriteError::App(e) => return Err(e.into()),
    }
    Ok((by_field, general))
}

fn check_csrf(
    session: &crate::auth::Session,
    form: &BTreeMap<String, String>,
) -> Result<(), ApiError> {
    let sent = form.get("csrf").map(String::as_str).unwrap_or("");
    if zonewatch_crypto::ct_eq(sent.as_bytes(), session.csrf.as_bytes()) {
        Ok(())
    } else {
        Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "the form did not come from this site (or the session changed): reload and try again",
        ))
    }
}

/// Where to go after a write: the site page the record belongs to.
fn after_write(kind: Kind, values: &BTreeMap<String, String>) -> Redirect {
    let valid = |v: Option<&String>| {
        v.map(|s| s.trim().to_owned())
            .filter(|s| zonewatch_model::is_valid_id(s))
    };
    match kind {
        Kind::Site | Kind::SiteStatus | Kind::Intervention => {
            let site = valid(values.get(if kind == Kind::Site { "id" } else { "site" }));
            Redirect::to(&site.map_or_else(|| "/sites".to_owned(), |s| format!("/sites/{s}")))
        }
        _ => match valid(values.get("id")) {
            Some(id) => Redirect::to(&format!("/records/{}/{id}", kind.plural())),
            None => Redirect::to(&format!("/records/{}", kind.plural())),
        },
    }
}

async fn create(
    State(state): State<Shared>,
    PageSession(session): PageSession,
    Path(plural): Path<String>,
    Form(values): Form<BTreeMap<String, String>>,
) -> Response {
    if let Err(e) = check_csrf(&session, &values) {
        return page_error(e);
    }
    let (kind, specs) = match kind_and_spec(&plural) {
        Ok(k) => k,
        Err(e) => return page_error(e),
    };
    let line = to_line(kind, &specs, &values);
    let result = with_app(&state, session.actor.clone(), move |app| {
        Ok(app.record_create(kind, &line))
    })
    .await;
    match result {
        Ok(Ok(_)) => after_write(kind, &values).into_response(),
        Ok(Err(e)) => match located(&specs, e) {
            Ok((errors, general)) => show(
                StatusCode::UNPROCESSABLE_ENTITY,
                &session,
                format!("New {kind}"),
                format!("/records/{plural}/new"),
                &specs,
                &values,
                &errors,
                general,
                false,
            ),
            Err(e) => page_error(e),
        },
        Err(e) => page_error(e),
    }
}

async fn update(
    State(state): State<Shared>,
    PageSession(session): PageSession,
    Path((plural, id)): Path<(String, String)>,
    Form(mut values): Form<BTreeMap<String, String>>,
) -> Response {
    if let Err(e) = check_csrf(&session, &values) {
        return page_error(e);
    }
    let (kind, specs) = match kind_and_spec(&plural) {
        Ok(k) => k,
        Err(e) => return page_error(e),
    };
    values.insert("id".to_owned(), id.clone());
    let line = to_line(kind, &specs, &values);
    let path_id = id.clone();
    let result = with_app(&state, session.actor.clone(), move |app| {
        Ok(app.record_update(kind, &path_id, &line))
    })
    .await;
    match result {
        Ok(Ok(())) => after_write(kind, &values).into_response(),
        Ok(Err(e)) => match located(&specs, e) {
            Ok((errors, general)) => show(
                StatusCode::UNPROCESSABLE_ENTITY,
                &session,
                format!("Edit {kind} {id}"),
                format!("/records/{plural}/{id}/edit"),
                &specs,
                &values,
                &errors,
                general,
                true,
            ),
            Err(e) => page_error(e),
        },
        Err(e) => page_error(e),
    }
}

/// A record in a list page.
pub struct ListRow {
    pub id: String,
    pub label: String,
    pub date: String,
    pub sensitivity: String,
}

#[derive(Template)]
#[template(path = "records.html")]
struct RecordsPage {
    user: Option<String>,
    role: String,
    csrf: String,
    title: String,
    plural: String,
    kinds: Vec<(&'static str, bool)>,
    q: String,
    rows: Vec<ListRow>,
    next: Option<String>,
    can_create: bool,
}

fn list_row(id: &str, json: &str) -> ListRow {
    let values = from_json(json);
    let label = ["name", "alias", "title", "type", "platform"]
        .iter()
        .find_map(|k| values.get(*k).cloned())
        .unwrap_or_default();
    ListRow {
        id: id.to_owned(),
        label,
        date: values
            .get("date")
            .or_else(|| values.get("posted"))
            .cloned()
            .unwrap_or_default(),
        sensitivity: values
            .get("sensitivity")
            .cloned()
            .unwrap_or_else(|| "internal".into()),
    }
}

#[derive(serde::Deserialize)]
struct ListParams {
    q: Option<String>,
    after: Option<String>,
}

/// Any kind's records, a page at a time, with a search over names, aliases and
/// titles (never restricted fields: they are not in what the store lists).
async fn list_page(
    State(state): State<Shared>,
    PageSession(session): PageSession,
    Path(plural): Path<String>,
    Query(params): Query<ListParams>,
) -> Response {
    let kind = match crate::api::kind_of(&plural) {
        Ok(k) => k,
        Err(e) => return page_error(e),
    };
    let q = params.q.unwrap_or_default().trim().to_owned();
    let needle = q.to_lowercase();
    let mut after = params.after.filter(|a| !a.is_empty());
    let result = with_app(&state, session.actor.clone(), move |app| {
        let mut rows = Vec::new();
        loop {
            let query = zonewatch_app::records::ListQuery {
                after: after.clone(),
                limit: Some(zonewatch_app::records::MAX_LIMIT),
                ..Default::default()
            };
            let page = app.record_list(kind, &query)?;
            for item in &page.items {
                let row = list_row(&item.id, &item.json);
                if needle.is_empty() || row.label.to_lowercase().contains(&needle) {
                    rows.push(row);
                }
                if rows.len() == 200 {
                    return Ok((rows, Some(item.id.clone())));
                }
            }
            match page.next {
                Some(next) => after = Some(next),
                None => return Ok((rows, None)),
            }
        }
    })
    .await;
    let (rows, next) = match result {
        Ok(r) => r,
        Err(e) => return page_error(e),
    };
    let page = RecordsPage {
        user: Some(session.actor.name.clone()),
        role: session.actor.role.to_string(),
        csrf: session.csrf.clone(),
        title: format!("Records: {plural}"),
        kinds: Kind::ALL.iter().map(|k| (k.plural(), *k == kind)).collect(),
        plural,
        q,
        rows,
        next,
        can_create: session.actor.may(Action::WriteRecords) && spec(kind).is_some(),
    };
    render(&page)
}

#[derive(Template)]
#[template(path = "record.html")]
struct RecordPage {
    user: Option<String>,
    role: String,
    csrf: String,
    kind: String,
    id: String,
    withheld: bool,
    edit: Option<String>,
    fields: Vec<(String, String)>,
}

async fn record_page(
    State(state): State<Shared>,
    PageSession(session): PageSession,
    Path((plural, id)): Path<(String, String)>,
) -> Response {
    let kind = match crate::api::kind_of(&plural) {
        Ok(k) => k,
        Err(e) => return page_error(e),
    };
    if kind == Kind::Site {
        // Only a valid id goes into a Location header (Redirect panics on bytes a
        // header cannot hold, which a decoded path segment may contain).
        if !zonewatch_model::is_valid_id(&id) {
            return page_error(ApiError::new(StatusCode::NOT_FOUND, "no site with this id"));
        }
        return Redirect::to(&format!("/sites/{id}")).into_response();
    }
    let lookup = id.clone();
    let result = with_app(&state, session.actor.clone(), move |app| {
        Ok(app.record_get(kind, &lookup)?)
    })
    .await;
    let view = match result {
        Ok(Some(v)) => v,
        Ok(None) => {
            return page_error(ApiError::new(
                StatusCode::NOT_FOUND,
                format!("no {kind} with this id"),
            ))
        }
        Err(e) => return page_error(e),
    };
    let fields = match Json::parse(&view.json) {
        Ok(Json::Object(fields)) => fields
            .into_iter()
            .filter(|(k, _)| k != "kind" && k != "id")
            .map(|(k, v)| {
                let text = match v {
                    Json::String(s) => s,
                    other => other.to_text(),
                };
                (k, text)
            })
            .collect(),
        _ => Vec::new(),
    };
    let editable =
        session.actor.may(Action::WriteRecords) && spec(kind).is_some() && !view.withheld;
    render(&RecordPage {
        user: Some(session.actor.name.clone()),
        role: session.actor.role.to_string(),
        csrf: session.csrf.clone(),
        kind: kind.to_string(),
        edit: editable.then(|| format!("/records/{plural}/{id}/edit")),
        id,
        withheld: view.withheld,
        fields,
    })
}
