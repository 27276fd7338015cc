//! One record at a time, for the web server and its API: get, list with filters and
//! paging, create, update and delete. Every call checks the actor's role here; writes
//! go through the import pipeline (the same validation, sealing and audit entry as
//! `zonewatch import`), and deletes append their own audit entry in the same
//! transaction. Restricted fields are left out unless the actor may read them and
//! the key ring is unlocked; every restricted read is audited.

use std::collections::BTreeMap;
use std::io::Cursor;

use zonewatch_model::{is_valid_id, Body, Json, Kind, Record, Sensitivity};
use zonewatch_store::import::{Existing, ImportError, ImportOptions, LineError};
use zonewatch_store::load::{decode_row, Fields};
use zonewatch_store::Row;

use crate::{next_entry, Action, App, AppError, Result};

/// Largest page a list returns.
pub const MAX_LIMIT: usize = 1000;
/// The page size when none is asked for.
pub const DEFAULT_LIMIT: usize = 100;

/// A record as the actor may see it: typed for pages, and as its canonical JSON
/// text for the API. Both hold the same fields: the restricted ones only when they
/// were opened for this actor.
#[derive(Clone, Debug, PartialEq)]
pub struct RecordView {
    pub id: String,
    pub kind: Kind,
    /// The record, decoded from what the actor may see (`json`).
    pub record: Record,
    /// The v1 JSON object (canonical line).
    pub json: String,
    /// The record has restricted fields that were left out of `json` and `record`.
    pub withheld: bool,
}

/// What a list asks for.
#[derive(Clone, Debug, Default)]
pub struct ListQuery {
    /// Only ids after this one (bytewise): the `next` of the page before.
    pub after: Option<String>,
    pub limit: Option<usize>,
    /// Top-level field = value: a string field equal to it, or a list holding it.
    /// Reference fields (`site`), vocabulary fields (`status`), `country`…
    pub filters: Vec<(String, String)>,
    /// Only records whose `date` (or `posted`) starts on or after / on or before this
    /// text (a partial date compares by its first characters).
    pub date_from: Option<String>,
    pub date_to: Option<String>,
}

/// One page of a list.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    pub items: Vec<RecordView>,
    /// Pass as `after` for the next page; `None` on the last.
    pub next: Option<String>,
}

/// Why a write was refused, for callers that answer people (the API says 404, 409,
/// 422 from these).
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("no {kind} with id `{id}`")]
    NotFound { kind: Kind, id: String },
    #[error("id `{id}` already exists")]
    Exists { id: String },
    #[error("the record is invalid")]
    Invalid(Vec<LineError>),
    #[error("`{id}` is still referenced by {}", .by.join(", "))]
    Referenced { id: String, by: Vec<String> },
    #[error(transparent)]
    App(#[from] AppError),
}

impl App {
    fn may_see(&self, row: &Row) -> bool {
        self.actor.may(Action::ReadInternal) || row.sensitivity == Sensitivity::Public
    }

    /// The rows as the actor may see them. Restricted fields are opened only for
    /// roles that may read them, with the key ring unlocked; the ids opened go into
    /// one audit entry, appended before anything is returned.
    fn views(&mut self, rows: Vec<Row>) -> Result<Vec<RecordView>> {
        let may_read = self.actor.may(Action::ReadRestricted) && self.keyring.is_some();
        let opener = if may_read && rows.iter().any(|r| r.restricted.is_some()) {
            let stored = rows.iter().filter_map(|r| r.restricted.as_deref());
            Some(self.opener_for("reading restricted fields", stored)?)
        } else {
            None
        };
        let mut opened = Vec::new();
        let mut views = Vec::with_capacity(rows.len());
        for row in rows {
            let withheld = row.restricted.is_some() && opener.is_none();
            // Decoded once, through the trusted fast path where there is nothing to
            // open; an opened record's text is its canonical line (as an export's).
            let (record, json) = match (&opener, &row.restricted) {
                (Some(opener), Some(_)) => {
                    opened.push(row.id.clone());
                    let record = decode_row(&row, Fields::All(opener))?;
                    let json = record.to_line();
                    (record, json)
                }
                // Moved, not copied: a list page holds up to 1,000 bodies.
                _ => (decode_row(&row, Fields::Open)?, row.body),
            };
            views.push(RecordView {
                id: row.id,
                kind: row.kind,
                record,
                json,
                withheld,
            });
        }
        if !opened.is_empty() {
            let mut details = BTreeMap::new();
            details.insert("via".into(), "web".into());
            details.insert("count".into(), opened.len().to_string());
            self.audit("read-restricted", opened, details)?;
        }
        Ok(views)
    }

    /// The record with this id, of this kind, as the actor may see it.
    pub fn record_get(&mut self, kind: Kind, id: &str) -> Result<Option<RecordView>> {
        self.require(Action::ReadPublic)?;
        // No record has such an id, and PostgreSQL refuses some of the text a path
        // may hold (a NUL byte): answer "none" without asking the store.
        if !is_valid_id(id) {
            return Ok(None);
        }
        let Some(row) = self.store.get(id)? else {
            return Ok(None);
        };
        if row.kind != kind || !self.may_see(&row) {
            return Ok(None);
        }
        Ok(self.views(vec![row])?.pop())
    }

    /// The kind of the record with this id, when the actor may see it.
    pub fn record_kind(&mut self, id: &str) -> Result<Option<Kind>> {
        self.require(Action::ReadPublic)?;
        Ok(self
            .store
            .get(id)?
            .filter(|row| self.may_see(row))
            .map(|row| row.kind))
    }

    /// The records one site's timeline is made of: the site, and the observations
    /// and interventions that name it, open fields only (as
    /// the whole database, which a page would otherwise load). Empty
    /// when there is no such site.
    pub fn load_site_records(&mut self, site: &str) -> Result<Vec<Record>> {
        self.require(Action::ReadInternal)?;
        if !is_valid_id(site) {
            return Ok(Vec::new());
        }
        let Some(site_row) = self.store.get(site)?.filter(|r| r.kind == Kind::Site) else {
            return Ok(Vec::new());
        };
        let mut records = vec![decode_row(&site_row, Fields::Open)?];
        // The records that name the site (record_refs, an indexed lookup); each is
        // then checked to name it as *its* site (an observation may name it as
        // where another site moved to).
        let mut rows = Vec::new();
        for kind in [Kind::SiteStatus, Kind::Intervention] {
            self.store.scan_referrers(site, kind, &mut |row| {
                rows.push(row);
                Ok(())
            })?;
        }
        for row in &rows {
            let record = decode_row(row, Fields::Open)?;
            let names_site = match &record.body {
                Body::SiteStatus(status) => status.site == site,
                Body::Intervention(intervention) => intervention.site == site,
                _ => false,
            };
            if names_site {
                records.push(record);
            }
        }
        Ok(records)
    }

    /// Records of `kind` the actor may see, filtered, sorted by id, one page.
    pub fn record_list(&mut self, kind: Kind, query: &ListQuery) -> Result<Page> {
        self.require(Action::ReadPublic)?;
        let limit = query.limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT);
        let internal = self.actor.may(Action::ReadInternal);
        let mut rows = Vec::new();
        let mut more = false;
        self.store.scan_kind(kind, &mut |row| {
            if more {
                return Ok(());
            }
            if let Some(after) = &query.after {
                if row.id.as_bytes() <= after.as_bytes() {
                    return Ok(());
                }
            }
            if !internal && row.sensitivity != Sensitivity::Public {
                return Ok(());
            }
            if !matches(&row, query) {
                return Ok(());
            }
            if rows.len() == limit {
                more = true;
            } else {
                rows.push(row);
            }
            Ok(())
        })?;
        let next = if more {
            rows.last().map(|r| r.id.clone())
        } else {
            None
        };
        let items = self.views(rows)?;
        Ok(Page { items, next })
    }

    /// Creates a record from one v1 JSON object; refuses an id that exists.
    pub fn record_create(&mut self, kind: Kind, line: &str) -> Result<String, WriteError> {
        self.require(Action::WriteRecords)?;
        let id = check_line(kind, line)?;
        self.write_line(kind, line, "api-create", Existing::Refuse)?;
        Ok(id)
    }

    /// Replaces the record `id` (of `kind`) as a whole with one v1 JSON object.
    pub fn record_update(&mut self, kind: Kind, id: &str, line: &str) -> Result<(), WriteError> {
        self.require(Action::WriteRecords)?;
        let body_id = check_line(kind, line)?;
        if body_id != id {
            return Err(WriteError::Invalid(vec![LineError {
                line: 1,
                field: Some("id".into()),
                message: format!(
                    "the id in the body (`{body_id}`) is not the id in the path (`{id}`)"
                ),
            }]));
        }
        match self.store.get(id).map_err(AppError::from)? {
            Some(row) if row.kind == kind => {}
            _ => {
                return Err(WriteError::NotFound {
                    kind,
                    id: id.to_owned(),
                })
            }
        }
        // Checked again inside the write: a delete may come between.
        self.write_line(kind, line, "api-update", Existing::Require)
    }

    /// Writes one record through the import, which decides inside its transaction
    /// whether the id may be (or must be) stored already.
    fn write_line(
        &mut self,
        kind: Kind,
        line: &str,
        source: &str,
        existing: Existing,
    ) -> Result<(), WriteError> {
        let mut input = Cursor::new(line.as_bytes().to_vec());
        let options = ImportOptions {
            existing,
            ..ImportOptions::default()
        };
        match self.import(&mut input, &options, source, &mut |_| {}) {
            Ok(_) => Ok(()),
            Err(AppError::Import(ImportError::Invalid { errors, .. })) => {
                Err(WriteError::Invalid(errors))
            }
            Err(AppError::Import(ImportError::Exists { id })) => Err(WriteError::Exists { id }),
            Err(AppError::Import(ImportError::Missing { id })) => {
                Err(WriteError::NotFound { kind, id })
            }
            Err(other) => Err(WriteError::App(other)),
        }
    }

    /// Deletes the record `id` (of `kind`), with its audit entry in the same
    /// transaction; refuses while another record names it.
    pub fn record_delete(&mut self, kind: Kind, id: &str) -> Result<(), WriteError> {
        self.require(Action::WriteRecords)?;
        let not_found = || WriteError::NotFound {
            kind,
            id: id.to_owned(),
        };
        if !is_valid_id(id) {
            return Err(not_found()); // as in record_get
        }
        // Decided inside the transaction: no write can add a referrer, or the
        // record, between the check and the delete.
        let actor = self.actor.name.clone();
        let mut tx = self.store.begin_write().map_err(AppError::from)?;
        match tx.kinds_of(&[id]).map_err(AppError::from)?.first() {
            Some((_, stored)) if *stored == kind => {}
            _ => return Err(not_found()),
        }
        let by = tx.referrers(id).map_err(AppError::from)?;
        if !by.is_empty() {
            return Err(WriteError::Referenced {
                id: id.to_owned(),
                by,
            });
        }
        let head = tx.audit_head().map_err(AppError::from)?;
        tx.delete(id).map_err(AppError::from)?;
        let mut details = BTreeMap::new();
        details.insert("kind".into(), kind.to_string());
        tx.append_audit(&next_entry(
            head,
            &actor,
            "delete",
            vec![id.to_owned()],
            details,
        ))
        .map_err(AppError::from)?;
        tx.commit().map_err(AppError::from)?;
        Ok(())
    }
}

/// The id of a one-object body, after checking it is one JSON object of `kind`
/// (everything else is the import's to check).
fn check_line(kind: Kind, line: &str) -> Result<String, WriteError> {
    let invalid = |field: Option<&str>, message: String| {
        WriteError::Invalid(vec![LineError {
            line: 1,
            field: field.map(str::to_owned),
            message,
        }])
    };
    if line.contains('\n') {
        // One object per request: JSON Lines would let one body write many.
        let trimmed = line.trim();
        if trimmed.contains('\n') {
            return Err(invalid(
                None,
                "one JSON object on one line is expected (use /api/v1/import for many)".into(),
            ));
        }
    }
    let json =
        Json::parse(line.trim()).map_err(|e| invalid(None, format!("malformed JSON: {e}")))?;
    let Json::Object(fields) = &json else {
        return Err(invalid(None, "a JSON object is expected".into()));
    };
    let text = |name: &str| {
        fields.iter().find_map(|(k, v)| match v {
            Json::String(s) if k == name => Some(s.clone()),
            _ => None,
        })
    };
    match text("kind") {
        Some(k) if k == kind.as_str() => {}
        Some(k) => {
            return Err(invalid(
                Some("kind"),
                format!("`{}` is expected here, not `{k}`", kind.as_str()),
            ))
        }
        None => {
            return Err(invalid(
                Some("kind"),
                format!("`{}` is expected", kind.as_str()),
            ))
        }
    }
    // Checked here, before the id is looked up: the import would refuse it too, but
    // only after the store was asked (and PostgreSQL fails on a NUL byte).
    text("id").filter(|id| is_valid_id(id)).ok_or_else(|| {
        invalid(
            Some("id"),
            "an id (1 to 128 of A-Z a-z 0-9 . _ : -) is expected".into(),
        )
    })
}

fn matches(row: &Row, query: &ListQuery) -> bool {
    if query.filters.is_empty() && query.date_from.is_none() && query.date_to.is_none() {
        return true;
    }
    let Ok(Json::Object(fields)) = Json::parse(&row.body) else {
        return false;
    };
    let field = |name: &str| fields.iter().find(|(k, _)| k == name).map(|(_, v)| v);
    for (name, want) in &query.filters {
        let ok = match field(name) {
            Some(Json::String(s)) => s == want,
            Some(Json::Array(items)) => items
                .iter()
                .any(|item| matches!(item, Json::String(s) if s == want)),
            Some(other) => other.to_text() == *want,
            None => false,
        };
        if !ok {
            return false;
        }
    }
    if query.date_from.is_some() || query.date_to.is_some() {
        let date = match field("date").or_else(|| field("posted")) {
            Some(Json::String(s)) => s.clone(),
            _ => return false,
        };
        if let Some(from) = &query.date_from {
            // The record's interval must end on or after `from`.
            if date.as_str() < from.as_str() && !from.starts_with(date.as_str()) {
                return false;
            }
        }
        if let Some(to) = &query.date_to {
            if date.as_str() > to.as_str() && !date.starts_with(to.as_str()) {
                return false;
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use zonewatch_model::{decode_line, Body};

    use super::*;
    use crate::{prepare_to_serve, Actor, DbUrl, ImportOptions};

    const FIXTURE: &str = include_str!("../../../tests/fixtures/every-field.jsonl");

    /// A view's record is what its JSON says: restricted fields in both when they
    /// were opened, in neither when they were withheld.
    #[test]
    fn a_view_holds_the_record_its_json_is() {
        std::env::set_var("ZONEWATCH_ARGON2_TEST_COST", "low");
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("views.db");
        let url = DbUrl::parse(&format!("sqlite://{}", path.display())).expect("url");
        let prepared = prepare_to_serve(&url, Some("test passphrase")).expect("prepare");
        let open = |keyring| {
            App::open(&url, Actor::local_admin(), false)
                .expect("open")
                .with_keyring(keyring)
        };
        let mut unlocked = open(prepared.keyring);
        unlocked
            .import(
                &mut Cursor::new(FIXTURE.as_bytes().to_vec()),
                &ImportOptions::default(),
                "fixture",
                &mut |_| {},
            )
            .expect("import");
        let mut locked = open(None);
        for (app, opened) in [(&mut unlocked, true), (&mut locked, false)] {
            let mut views = Vec::new();
            for kind in Kind::ALL {
                views.extend(
                    app.record_list(*kind, &ListQuery::default())
                        .expect("list")
                        .items,
                );
            }
            assert_eq!(views.len(), FIXTURE.lines().count());
            for view in &views {
                let decoded = decode_line(&view.json).expect("valid");
                assert_eq!(view.record, decoded, "{}", view.id);
                assert_eq!(view.record.id, view.id);
                assert_eq!(view.record.kind(), view.kind);
                assert!(!(opened && view.withheld), "{}", view.id);
            }
            let person = app
                .record_get(Kind::Person, "p-all")
                .expect("get")
                .expect("p-all");
            let Body::Person(p) = &person.record.body else {
                panic!("p-all is a person");
            };
            assert_eq!(p.pii.is_some(), opened);
            assert_eq!(person.withheld, !opened);
        }
    }
}
