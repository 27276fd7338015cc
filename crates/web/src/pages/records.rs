//! Records of every kind: the lists (a page at a time, with a search over names),
//! a record's page, and the create and edit forms. A form becomes one v1 object and
//! goes through the same path as the API (the import's validation); errors are shown
//! beside their field. Pages read the typed [`Record`] of each
//! [`zonewatch_app::records::RecordView`], never its JSON text.
//!
//! Nested objects are fields with dotted names (`recruitment.channel`, `pii.address`);
//! lists of objects (`custody`, `findings`) are a text area with one object per line,
//! its values separated by `;` (the last value takes the rest of the line, so a note
//! may hold `;`).

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use zonewatch_app::records::WriteError;
use zonewatch_app::Action;
use zonewatch_model::fields::{fields, FieldType};
use zonewatch_model::{Body, Json, Kind, Record};

use zonewatch_i18n::Tr;

use super::{page_error, render, Chrome, PageSession};
use crate::auth::csrf::CsrfForm;
use crate::auth::Session;
use crate::{with_app, ApiError, Shared};

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/records/{plural}", get(list_page))
        .route("/records/by-id/{id}", get(record_by_id))
        .route("/records/{plural}/{id}", get(record_page))
        .route("/records/{plural}/new", get(new_form).post(create))
        .route("/records/{plural}/{id}/edit", get(edit_form).post(update))
}

#[derive(Clone, Copy)]
enum Input {
    Text,
    /// Several lines of free text (a transcript, a description).
    LongText,
    Number,
    Integer,
    Date,
    Choice(fn() -> Vec<&'static str>),
    /// Comma-separated ids or names.
    List,
    /// A list of objects, one per line: the named members, separated by `;`.
    Rows(&'static [&'static str]),
}

struct Spec {
    name: &'static str,
    /// The field's label in the page's language, with its help and whether it is
    /// restricted.
    label: String,
    /// The bare label, for a record's page.
    short: String,
    input: Input,
    required: bool,
}

/// A kind's form, generated from the field table (`zonewatch_model::fields`): one
/// input per field, in FORMAT.md order, labelled as the table says in the page's
/// language (by [`zonewatch_model::fields::FieldDef::label_key`]).
fn spec(kind: Kind) -> Vec<Spec> {
    let tr = Tr::new(super::lang::current());
    fields(kind)
        .map(|def| {
            let input = match def.ty {
                FieldType::Text if def.multiline => Input::LongText,
                FieldType::Text
                | FieldType::Id
                | FieldType::Country
                | FieldType::Language
                | FieldType::Sha256 => Input::Text,
                FieldType::Date => Input::Date,
                FieldType::Number => Input::Number,
                FieldType::Count => Input::Integer,
                FieldType::Vocab(values) => Input::Choice(values.0),
                FieldType::TextList | FieldType::IdList | FieldType::VocabList(_) => Input::List,
                FieldType::Objects => Input::Rows(def.members),
            };
            let short = tr.t(&def.label_key(kind));
            let mut label = short.clone();
            if let Some(help) = def.help_key(kind) {
                label.push_str(&format!(" ({})", tr.t(&help)));
            }
            if def.secret() {
                label.push_str(&format!(" ({})", tr.t("form-restricted")));
            }
            Spec {
                name: def.path,
                label,
                short,
                input,
                required: def.required,
            }
        })
        .collect()
}

/// One field as the template shows it.
pub struct FieldView {
    pub name: &'static str,
    pub label: String,
    /// `text`, `number`, `select`, `textarea`.
    pub widget: &'static str,
    pub value: String,
    /// (value, label, selected).
    pub options: Vec<(&'static str, String, bool)>,
    pub required: bool,
    pub error: Option<String>,
    pub readonly: bool,
}

#[derive(Template)]
#[template(path = "form.html")]
struct FormPage {
    chrome: Chrome,
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
                Input::Choice(all) => {
                    let tr = Tr::new(super::lang::current());
                    (
                        "select",
                        all()
                            .into_iter()
                            .map(|o| (o, super::value_label(tr, o), o == value))
                            .collect(),
                    )
                }
                Input::Number | Input::Integer => ("number", Vec::new()),
                Input::LongText | Input::Rows(_) => ("textarea", Vec::new()),
                Input::Text | Input::Date | Input::List => ("text", Vec::new()),
            };
            FieldView {
                name: s.name,
                label: s.label.clone(),
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

/// The JSON value of one filled-in field; `None` when it says nothing. Numbers
/// that do not parse are passed on as text, so the validator names the field and
/// what it expected.
fn field_json(input: Input, value: &str) -> Option<Json> {
    if value.trim().is_empty() {
        return None;
    }
    if let Input::LongText = input {
        // Kept as typed, but browsers send a text area's line breaks as CRLF.
        return Some(Json::String(value.replace("\r\n", "\n")));
    }
    let value = value.trim();
    let text = || Json::String(value.to_owned());
    Some(match input {
        Input::Number => match value.parse::<i64>() {
            Ok(n) => Json::Number(n.into()),
            Err(_) => value
                .parse::<f64>()
                .ok()
                .and_then(serde_json::Number::from_f64)
                .map_or_else(text, Json::Number),
        },
        Input::Integer => value
            .parse::<i64>()
            .map_or_else(|_| text(), |n| Json::Number(n.into())),
        Input::List => Json::Array(
            value
                .split(',')
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(|v| Json::String(v.to_owned()))
                .collect(),
        ),
        Input::Rows(members) => Json::Array(
            value
                .lines()
                .filter(|line| !line.trim().is_empty())
                .map(|line| {
                    let cells = line.splitn(members.len(), ';').map(str::trim);
                    Json::Object(
                        members
                            .iter()
                            .zip(cells)
                            .filter(|(_, cell)| !cell.is_empty())
                            .map(|(member, cell)| {
                                ((*member).to_owned(), Json::String(cell.to_owned()))
                            })
                            .collect(),
                    )
                })
                .collect(),
        ),
        Input::Text | Input::LongText | Input::Date | Input::Choice(_) => text(),
    })
}

/// The v1 line a form makes: empty fields left out, `a.b` fields gathered into an
/// object `a` (left out when all its fields are empty).
fn to_line(kind: Kind, specs: &[Spec], values: &BTreeMap<String, String>) -> String {
    let mut fields = vec![("kind".to_owned(), Json::String(kind.as_str().to_owned()))];
    for s in specs {
        let Some(json) = values.get(s.name).and_then(|v| field_json(s.input, v)) else {
            continue;
        };
        match s.name.split_once('.') {
            None => fields.push((s.name.to_owned(), json)),
            Some((outer, inner)) => {
                let position = match fields.iter().position(|(name, _)| name == outer) {
                    Some(p) => p,
                    None => {
                        fields.push((outer.to_owned(), Json::Object(Vec::new())));
                        fields.len() - 1
                    }
                };
                if let Some((_, Json::Object(members))) = fields.get_mut(position) {
                    members.push((inner.to_owned(), json));
                }
            }
        }
    }
    Json::Object(fields).to_text()
}

/// A JSON value as one form value: strings as they are, lists comma-separated,
/// lists of objects one per line with their values in the form's order.
fn form_text(value: Json, input: Option<Input>) -> String {
    let plain = |v: Json| match v {
        Json::String(s) => s,
        other => other.to_text(),
    };
    match (value, input) {
        (Json::Array(items), Some(Input::Rows(members))) => items
            .into_iter()
            .map(|item| match item {
                Json::Object(cells) => {
                    let mut cells: BTreeMap<String, Json> = cells.into_iter().collect();
                    let mut line: Vec<String> = members
                        .iter()
                        .map(|m| cells.remove(*m).map(plain).unwrap_or_default())
                        .collect();
                    while line.last().is_some_and(String::is_empty) {
                        line.pop();
                    }
                    line.join("; ")
                }
                other => other.to_text(),
            })
            .collect::<Vec<_>>()
            .join("\n"),
        (Json::Array(items), _) => items.into_iter().map(plain).collect::<Vec<_>>().join(", "),
        (other, _) => plain(other),
    }
}

/// A record's fields as form values (nested objects as `a.b`), each written as
/// the canonical encoder writes it ([`Record::to_json`]).
fn form_values(record: &Record, specs: &[Spec]) -> BTreeMap<String, String> {
    let input_of = |name: &str| specs.iter().find(|s| s.name == name).map(|s| s.input);
    let mut values = BTreeMap::new();
    if let Json::Object(fields) = record.to_json() {
        for (name, value) in fields {
            match value {
                Json::Object(members) if input_of(&name).is_none() => {
                    for (inner, value) in members {
                        let path = format!("{name}.{inner}");
                        let text = form_text(value, input_of(&path));
                        values.insert(path, text);
                    }
                }
                value => {
                    let text = form_text(value, input_of(&name));
                    values.insert(name, text);
                }
            }
        }
    }
    values
}

fn kind_name(tr: Tr, kind: Kind) -> String {
    tr.t(&format!("kind-{}", kind.as_str()))
}

fn new_title(kind: Kind) -> String {
    let tr = Tr::new(super::lang::current());
    tr.f("form-new", &[("kind", kind_name(tr, kind).into())])
}

fn edit_title(kind: Kind, id: &str) -> String {
    let tr = Tr::new(super::lang::current());
    tr.f(
        "form-edit",
        &[("kind", kind_name(tr, kind).into()), ("id", id.into())],
    )
}

fn kind_and_spec(plural: &str) -> Result<(Kind, Vec<Spec>), ApiError> {
    let kind = crate::api::kind_of(plural)?;
    Ok((kind, spec(kind)))
}

#[allow(clippy::too_many_arguments)]
fn show(
    status: StatusCode,
    session: &Session,
    title: String,
    action: String,
    specs: &[Spec],
    values: &BTreeMap<String, String>,
    errors: &BTreeMap<String, String>,
    general: Vec<String>,
    editing: bool,
) -> Response {
    let page = FormPage {
        chrome: Chrome::of(session),
        title,
        action,
        fields: views(specs, values, errors, editing),
        general,
    };
    (status, render(&page)).into_response()
}

fn may_write(session: &Session) -> Result<(), ApiError> {
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
        new_title(kind),
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
    let values = form_values(&view.record, &specs);
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
        edit_title(kind, &id),
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
                match error.field.as_deref().map(|path| form_field(specs, path)) {
                    Some(Some((name, message_prefix))) => {
                        let message = message_prefix + &error.message;
                        by_field
                            .entry(name.to_owned())
                            .and_modify(|m: &mut String| {
                                m.push_str("; ");
                                m.push_str(&message);
                            })
                            .or_insert(message);
                    }
                    Some(None) => general.push(format!(
                        "{}: {}",
                        error.field.unwrap_or_default(),
                        error.message
                    )),
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

/// The form field a validator path (`recruitment.channel`, `custody[1].from`) is
/// shown beside, and what to put before the message: the line, for a list of
/// objects, and the member when the field holds several.
fn form_field<'a>(specs: &'a [Spec], path: &str) -> Option<(&'a str, String)> {
    let (head, index, rest) = match path.split_once('[') {
        Some((head, tail)) => {
            let (index, rest) = tail.split_once(']').unwrap_or((tail, ""));
            (
                head,
                index.parse::<usize>().ok(),
                rest.trim_start_matches('.'),
            )
        }
        None => (path, None, ""),
    };
    if let Some(spec) = specs.iter().find(|s| s.name == head) {
        let mut prefix = String::new();
        if let Some(index) = index {
            let what = if matches!(spec.input, Input::Rows(_)) {
                "line"
            } else {
                "item"
            };
            prefix = format!("{what} {}: ", index + 1);
        }
        if !rest.is_empty() && matches!(spec.input, Input::Rows(_)) {
            prefix.push_str(&format!("{rest}: "));
        }
        return Some((spec.name, prefix));
    }
    // `recruitment` itself (an object that is wrong as a whole) or one of its members.
    let outer = head.split('.').next().unwrap_or(head);
    specs
        .iter()
        .find(|s| s.name.split_once('.').is_some_and(|(o, _)| o == outer))
        .map(|s| (s.name, format!("{head}: ")))
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
    Path(plural): Path<String>,
    CsrfForm {
        session: PageSession(session),
        form: values,
    }: CsrfForm<BTreeMap<String, String>>,
) -> Response {
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
                new_title(kind),
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
    Path((plural, id)): Path<(String, String)>,
    CsrfForm {
        session: PageSession(session),
        form: mut values,
    }: CsrfForm<BTreeMap<String, String>>,
) -> Response {
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
                edit_title(kind, &id),
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
    chrome: Chrome,
    title: String,
    plural: String,
    /// (plural, label, current).
    kinds: Vec<(&'static str, String, bool)>,
    q: String,
    rows: Vec<ListRow>,
    next: Option<String>,
    can_create: bool,
}

/// A record's line in a list: what names it (a name, an alias, a title, its type
/// or platform) and its date, when its kind has them.
fn list_row(record: &Record) -> ListRow {
    let (label, date) = match &record.body {
        Body::Source(source) => (source.title.clone(), source.date),
        Body::Organization(organization) => (organization.name.clone(), None),
        Body::Site(site) => (site.name.clone(), None),
        Body::SiteStatus(status) => (String::new(), Some(status.date)),
        Body::Intervention(intervention) => (
            intervention.intervention_type.to_string(),
            Some(intervention.date),
        ),
        Body::Person(person) => (person.alias.clone(), None),
        Body::Testimony(testimony) => (String::new(), Some(testimony.date)),
        Body::Incident(incident) => (incident.incident_type.to_string(), incident.date),
        Body::Ad(ad) => (ad.platform.to_string(), ad.posted),
    };
    ListRow {
        id: record.id.clone(),
        label,
        date: date.map(|d| d.to_string()).unwrap_or_default(),
        sensitivity: record.sensitivity.to_string(),
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
                let row = list_row(&item.record);
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
    let chrome = Chrome::of(&session);
    let tr = chrome.tr;
    let page = RecordsPage {
        title: tr.f(
            "records-title",
            &[(
                "kind",
                tr.t(&format!("kind-{}-plural", kind.as_str())).into(),
            )],
        ),
        kinds: Kind::ALL
            .iter()
            .map(|k| {
                let label = tr.t(&format!("kind-{}-plural", k.as_str()));
                (k.plural(), label, *k == kind)
            })
            .collect(),
        chrome,
        plural,
        q,
        rows,
        next,
        can_create: session.actor.may(Action::WriteRecords),
    };
    render(&page)
}

/// A record named only by its id (evidence names records of any kind): its page.
async fn record_by_id(
    State(state): State<Shared>,
    PageSession(session): PageSession,
    Path(id): Path<String>,
) -> Response {
    let lookup = id.clone();
    let kind = with_app(&state, session.actor.clone(), move |app| {
        Ok(app.record_kind(&lookup)?)
    })
    .await;
    match kind {
        // The id came from the store, so it is a valid id and safe in a header.
        Ok(Some(kind)) => Redirect::to(&format!("/records/{}/{id}", kind.plural())).into_response(),
        Ok(None) => page_error(ApiError::new(
            StatusCode::NOT_FOUND,
            "no record with this id",
        )),
        Err(e) => page_error(e),
    }
}

#[derive(Template)]
#[template(path = "record.html")]
struct RecordPage {
    chrome: Chrome,
    kind: String,
    id: String,
    withheld: bool,
    edit: Option<String>,
    fields: Vec<ShownField>,
    /// A person's legal assessment, as the caseworker text.
    assessment: Option<String>,
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
    let locale = super::lang::current();
    let result = with_app(&state, session.actor.clone(), move |app| {
        let Some(view) = app.record_get(kind, &lookup)? else {
            return Ok(None);
        };
        // A person's page shows the legal tests their records support.
        let assessment = if kind == Kind::Person && app.may(Action::ReadInternal) {
            app.assess(Some(&lookup))?.map(|a| a.text_in(locale))
        } else {
            None
        };
        Ok(Some((view, assessment)))
    })
    .await;
    let (view, assessment) = match result {
        Ok(Some(v)) => v,
        Ok(None) => {
            return page_error(ApiError::new(
                StatusCode::NOT_FOUND,
                format!("no {kind} with this id"),
            ))
        }
        Err(e) => return page_error(e),
    };
    let specs = spec(kind);
    let mut values = form_values(&view.record, &specs);
    values.remove("kind");
    values.remove("id");
    // In the form's order, then anything the form does not have.
    let mut fields: Vec<ShownField> = specs
        .iter()
        .filter_map(|s| {
            values.remove(s.name).map(|text| {
                let text = match s.input {
                    Input::Choice(_) => super::value_label(Tr::new(locale), &text),
                    _ => text,
                };
                shown(s.name, s.short.clone(), text)
            })
        })
        .collect();
    fields.extend(
        values
            .into_iter()
            .map(|(name, text)| shown(&name, name.clone(), text)),
    );
    let editable = session.actor.may(Action::WriteRecords) && !view.withheld;
    render(&RecordPage {
        chrome: Chrome::of(&session),
        kind: kind_name(Tr::new(locale), kind),
        edit: editable.then(|| format!("/records/{plural}/{id}/edit")),
        id,
        withheld: view.withheld,
        fields,
        assessment,
    })
}

/// Fields that hold record ids: shown as links.
const REFERENCE_FIELDS: &[&str] = &[
    "site",
    "person",
    "relocated_to",
    "testimony",
    "recruitment.ad",
    "victims",
    "perpetrators",
    "operators",
    "agencies",
    "sources",
];

/// One field of a record page.
pub struct ShownField {
    pub name: String,
    /// The field's label in the page's language.
    pub label: String,
    pub text: String,
    /// The ids it names, when it is a reference field.
    pub links: Vec<String>,
}

fn shown(name: &str, label: String, text: String) -> ShownField {
    let links = if REFERENCE_FIELDS.contains(&name) {
        text.split(", ").map(str::to_owned).collect()
    } else {
        Vec::new()
    };
    ShownField {
        name: name.to_owned(),
        label,
        text,
        links,
    }
}
