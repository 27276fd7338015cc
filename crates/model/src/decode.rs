//! From one line of v1 JSON to a validated [`Record`], or every problem found in it.
//!
//! Each problem names the field (as a path: `custody[1].from`) and what was expected.
//! Values of restricted fields (`pii.*`, `transcript`) are never echoed back in an
//! error, since errors end up in terminals and logs.

use std::fmt;

use crate::country::is_country_code;
use crate::date::{DateOrder, PartialDate};
use crate::json::Json;
use crate::record::*;
use crate::vocab::*;

/// One problem in one record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The field path, or `None` for the line as a whole (malformed JSON).
    pub field: Option<String>,
    pub message: String,
}

impl FieldError {
    pub fn line(message: impl Into<String>) -> FieldError {
        FieldError {
            field: None,
            message: message.into(),
        }
    }
    pub fn field(field: impl Into<String>, message: impl Into<String>) -> FieldError {
        FieldError {
            field: Some(field.into()),
            message: message.into(),
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match &self.field {
            Some(field) => write!(f, "field `{field}`: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// Parses and validates one line of v1 JSON. References are checked for syntax and
/// kind only later, by whoever can see the whole dataset.
pub fn decode_line(line: &str) -> Result<Record, Vec<FieldError>> {
    match Json::parse(line) {
        Ok(json) => decode_record(json),
        Err(err) => Err(vec![FieldError::line(format!("malformed JSON: {err}"))]),
    }
}

/// Validates one parsed JSON value as a v1 record.
pub fn decode_record(json: Json) -> Result<Record, Vec<FieldError>> {
    let Json::Object(members) = json else {
        return Err(vec![FieldError::line(format!(
            "expected a JSON object with `kind` and `id`, got {}",
            json.type_name()
        ))]);
    };
    let mut errors = Vec::new();
    let mut f = Fields::new(None, members, false, &mut errors);
    let kind = f.vocab::<Kind>("kind", true);
    let id = f.id("id", true);
    let sources = f.id_list("sources");
    let sensitivity = f
        .vocab::<Sensitivity>("sensitivity", false)
        .unwrap_or(Sensitivity::Internal);
    let Some(kind) = kind else {
        // Without a kind the other fields cannot be judged; report only this.
        return Err(errors);
    };
    let body = match kind {
        Kind::Source => decode_source(&mut f),
        Kind::Organization => decode_organization(&mut f),
        Kind::Site => decode_site(&mut f),
        Kind::SiteStatus => decode_site_status(&mut f),
        Kind::Intervention => decode_intervention(&mut f),
        Kind::Person => decode_person(&mut f),
        Kind::Testimony => decode_testimony(&mut f),
        Kind::Incident => decode_incident(&mut f),
        Kind::Ad => decode_ad(&mut f),
    };
    f.finish();
    match (id, body) {
        (Some(id), Some(body)) if errors.is_empty() => Ok(Record {
            id,
            sources,
            sensitivity,
            body,
        }),
        _ => {
            if errors.is_empty() {
                errors.push(FieldError::line("invalid record"));
            }
            Err(errors)
        }
    }
}

fn decode_source(f: &mut Fields) -> Option<Body> {
    let title = f.text("title", true);
    let source_type = f.vocab("type", true);
    let url = f.text("url", false);
    let date = f.date("date", false);
    let publisher = f.text("publisher", false);
    let sha256 = f.checked_string("sha256", "64 lowercase hexadecimal characters", |s| {
        s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
    });
    Some(Body::Source(Source {
        title: title?,
        source_type: source_type?,
        url,
        date,
        publisher,
        sha256,
    }))
}

fn decode_organization(f: &mut Fields) -> Option<Body> {
    let name = f.text("name", true);
    let org_type = f.vocab("type", true);
    let aliases = f.text_list("aliases");
    let country = f.country("country", false);
    Some(Body::Organization(Organization {
        name: name?,
        org_type: org_type?,
        aliases,
        country,
    }))
}

fn decode_site(f: &mut Fields) -> Option<Body> {
    let name = f.text("name", true);
    let category = f.vocab("category", true);
    let country = f.country("country", true);
    let admin1 = f.text("admin1", false);
    let admin2 = f.text("admin2", false);
    let lat = f.number_in("lat", -90.0, 90.0);
    let lon = f.number_in("lon", -180.0, 180.0);
    let location = match (lat, lon) {
        (Some(lat), Some(lon)) => Some(Coordinates { lat, lon }),
        (Some(_), None) if !f.had_error("lon") => {
            f.error("lon", "`lat` and `lon` come together: `lon` is missing");
            None
        }
        (None, Some(_)) if !f.had_error("lat") => {
            f.error("lat", "`lat` and `lon` come together: `lat` is missing");
            None
        }
        _ => None,
    };
    let former_use = f.vocab("former_use", false);
    let aliases = f.text_list("aliases");
    let operators = f.id_list("operators");
    Some(Body::Site(Site {
        name: name?,
        category: category?,
        country: country?,
        admin1,
        admin2,
        location,
        former_use,
        aliases,
        operators,
    }))
}

fn decode_site_status(f: &mut Fields) -> Option<Body> {
    let site = f.id("site", true);
    let date = f.date("date", true);
    let status = f.vocab("status", true);
    let basis = f.vocab("basis", true);
    let relocated_to = f.id("relocated_to", false);
    let note = f.text("note", false);
    if relocated_to.is_some() && status.is_some_and(|s| s != SiteStatusValue::Relocated) {
        f.error("relocated_to", "only allowed when `status` is `relocated`");
    }
    Some(Body::SiteStatus(SiteStatus {
        site: site?,
        date: date?,
        status: status?,
        basis: basis?,
        relocated_to,
        note,
    }))
}

fn decode_intervention(f: &mut Fields) -> Option<Body> {
    let site = f.id("site", true);
    let date = f.date("date", true);
    let intervention_type = f.vocab("type", true);
    let agencies = f.id_list("agencies");
    let persons_removed = f.count("persons_removed");
    let persons_arrested = f.count("persons_arrested");
    let note = f.text("note", false);
    Some(Body::Intervention(Intervention {
        site: site?,
        date: date?,
        intervention_type: intervention_type?,
        agencies,
        persons_removed,
        persons_arrested,
        note,
    }))
}

fn decode_person(f: &mut Fields) -> Option<Body> {
    let alias = f.text("alias", true);
    let roles = f.vocab_list::<PersonRole>("roles", true);
    let nationality = f.country("nationality", false);
    let gender = f.vocab("gender", false);
    let age_at_entry = f.count("age_at_entry");
    if age_at_entry.is_some_and(|age| age > 150) {
        f.error("age_at_entry", "expected whole years from 0 to 150");
    }
    let recruitment = f.object("recruitment", false, |r| Recruitment {
        channel: r.vocab("channel", false),
        promised_job: r.text("promised_job", false),
        promised_salary_usd: r.number_in("promised_salary_usd", 0.0, f64::MAX),
        date: r.date("date", false),
        ad: r.id("ad", false),
    });
    let custody = f.object_list("custody", |c| {
        let site = c.id("site", true);
        let from = c.date("from", false);
        let to = c.date("to", false);
        if let (Some(from), Some(to)) = (from, to) {
            if to.order(&from) == DateOrder::Before {
                c.error("to", "`to` may not be before `from`");
            }
        }
        Custody {
            site: site.unwrap_or_default(),
            from,
            to,
        }
    });
    let exit = f.vocab("exit", false);
    let pii = f.object("pii", true, |p| Pii {
        legal_name: p.text("legal_name", false),
        date_of_birth: p.date("date_of_birth", false),
        contact: p.text("contact", false),
        document_numbers: p.text_list("document_numbers"),
        address: p.text("address", false),
    });
    Some(Body::Person(Person {
        alias: alias?,
        roles: roles?,
        nationality,
        gender,
        age_at_entry,
        recruitment: recruitment.map(Box::new),
        custody,
        exit,
        pii: pii.map(Box::new),
    }))
}

fn decode_testimony(f: &mut Fields) -> Option<Body> {
    let person = f.id("person", true);
    let date = f.date("date", true);
    let consent = f.vocab("consent", true);
    let language = f.language("language");
    let interviewer = f.text("interviewer", false);
    let transcript = f.secret_text("transcript");
    let findings = f.object_list("findings", |x| {
        let code = x.vocab::<FindingCode>("code", true);
        Finding {
            code: code.unwrap_or(FindingCode::IloDeception),
            note: x.text("note", false),
            site: x.id("site", false),
            date: x.date("date", false),
        }
    });
    Some(Body::Testimony(Testimony {
        person: person?,
        date: date?,
        consent: consent?,
        language,
        interviewer,
        transcript,
        findings,
    }))
}

fn decode_incident(f: &mut Fields) -> Option<Body> {
    let incident_type = f.vocab("type", true);
    let date = f.date("date", false);
    let site = f.id("site", false);
    let victims = f.id_list("victims");
    let perpetrators = f.id_list("perpetrators");
    let testimony = f.id("testimony", false);
    let description = f.text("description", false);
    Some(Body::Incident(Incident {
        incident_type: incident_type?,
        date,
        site,
        victims,
        perpetrators,
        testimony,
        description,
    }))
}

fn decode_ad(f: &mut Fields) -> Option<Body> {
    let platform = f.vocab("platform", true);
    let text = f.text("text", true);
    let url = f.text("url", false);
    let posted = f.date("posted", false);
    let language = f.language("language");
    Some(Body::Ad(Ad {
        platform: platform?,
        text: text?,
        url,
        posted,
        language,
    }))
}

/// Reads the members of one JSON object by name, recording every problem.
struct Fields<'e> {
    /// The object this one is nested in (`recruitment`, `custody[1]`), if any. The
    /// v1 records nest one level deep; paths are formatted only for errors.
    prefix: Option<(&'static str, Option<usize>)>,
    members: Vec<(String, Json)>,
    /// Names this object may hold, for the "unknown field" message.
    known: Vec<&'static str>,
    /// Inside a restricted object: never echo values.
    secret: bool,
    errors: &'e mut Vec<FieldError>,
}

impl<'e> Fields<'e> {
    fn new(
        prefix: Option<(&'static str, Option<usize>)>,
        members: Vec<(String, Json)>,
        secret: bool,
        errors: &'e mut Vec<FieldError>,
    ) -> Fields<'e> {
        Fields {
            prefix,
            members,
            known: Vec::new(),
            secret,
            errors,
        }
    }

    fn path(&self, name: &str) -> String {
        match self.prefix {
            None => name.to_owned(),
            Some((outer, None)) => format!("{outer}.{name}"),
            Some((outer, Some(index))) => format!("{outer}[{index}].{name}"),
        }
    }

    fn error(&mut self, name: &str, message: impl Into<String>) {
        let field = self.path(name);
        self.errors.push(FieldError::field(field, message));
    }

    fn had_error(&self, name: &str) -> bool {
        let path = self.path(name);
        self.errors
            .iter()
            .any(|e| e.field.as_deref() == Some(path.as_str()))
    }

    /// "expected X, got Y", where Y is shown only outside restricted objects.
    fn expected(&mut self, name: &str, expected: Expected, got: &Json) {
        let expected = expected.text();
        let message = if self.secret {
            format!("expected {expected}, got {}", got.type_name())
        } else {
            format!("expected {expected}, got {}", describe(got))
        };
        self.error(name, message);
    }

    /// Removes the member `name`. Absent, or present as `null` (an error), is `None`.
    fn take(&mut self, name: &'static str, required: bool) -> Option<Json> {
        self.known.push(name);
        match self.members.iter().position(|(key, _)| key == name) {
            Some(index) => match self.members.swap_remove(index).1 {
                Json::Null => {
                    self.error(name, "null is not allowed: leave the field out instead");
                    None
                }
                value => Some(value),
            },
            None => {
                if required {
                    self.error(name, "required field is missing");
                }
                None
            }
        }
    }

    /// Reports every member nobody asked for.
    fn finish(&mut self) {
        if self.members.is_empty() {
            return;
        }
        let known: Vec<String> = self.known.iter().map(|k| format!("`{k}`")).collect();
        let unknown: Vec<String> = self.members.drain(..).map(|(key, _)| key).collect();
        for key in unknown {
            if self.secret {
                // A key inside a restricted object may itself be restricted text (a
                // name typed where a field name belongs): it is never echoed.
                let outer = match self.prefix {
                    Some((outer, None)) => outer.to_owned(),
                    Some((outer, Some(index))) => format!("{outer}[{index}]"),
                    None => String::new(),
                };
                let message = format!(
                    "an unknown field inside {outer}; this object may hold {}",
                    known.join(", ")
                );
                self.errors.push(FieldError::field(outer, message));
                continue;
            }
            let message = format!("unknown field; this object may hold {}", known.join(", "));
            let field = self.path(&key);
            self.errors.push(FieldError::field(field, message));
        }
    }

    fn string(&mut self, name: &'static str, required: bool, expected: Expected) -> Option<String> {
        match self.take(name, required)? {
            Json::String(s) => Some(s),
            other => {
                self.expected(name, expected, &other);
                None
            }
        }
    }

    /// Free text; a required one may not be blank.
    fn text(&mut self, name: &'static str, required: bool) -> Option<String> {
        let text = self.string(name, required, Expected::Static("a string"))?;
        if required && text.trim().is_empty() {
            self.error(name, "expected text, got an empty string");
            return None;
        }
        Some(text)
    }

    /// Restricted free text: same rules as [`Fields::text`], but never echoed.
    fn secret_text(&mut self, name: &'static str) -> Option<String> {
        let secret = std::mem::replace(&mut self.secret, true);
        let text = self.text(name, false);
        self.secret = secret;
        text
    }

    fn checked_string(
        &mut self,
        name: &'static str,
        expected: &'static str,
        valid: impl Fn(&str) -> bool,
    ) -> Option<String> {
        let value = self.string(name, false, Expected::Static(expected))?;
        if valid(&value) {
            Some(value)
        } else {
            self.expected(name, Expected::Static(expected), &Json::String(value));
            None
        }
    }

    fn vocab<V: Vocabulary>(&mut self, name: &'static str, required: bool) -> Option<V> {
        let expected = Expected::Vocabulary(V::expected);
        let text = self.string(name, required, expected)?;
        let value = V::parse(&text);
        if value.is_none() {
            self.expected(name, expected, &Json::String(text));
        }
        value
    }

    fn id(&mut self, name: &'static str, required: bool) -> Option<Id> {
        const EXPECTED: &str = "an id of 1 to 128 characters from `A-Z a-z 0-9 . _ : -`";
        let id = self.string(name, required, Expected::Static(EXPECTED))?;
        if is_valid_id(&id) {
            Some(id)
        } else {
            self.expected(name, Expected::Static(EXPECTED), &Json::String(id));
            None
        }
    }

    fn date(&mut self, name: &'static str, required: bool) -> Option<PartialDate> {
        const EXPECTED: &str = "a date `YYYY`, `YYYY-MM` or `YYYY-MM-DD` that exists";
        let text = self.string(name, required, Expected::Static(EXPECTED))?;
        let date = PartialDate::parse(&text);
        if date.is_none() {
            self.expected(name, Expected::Static(EXPECTED), &Json::String(text));
        }
        date
    }

    fn country(&mut self, name: &'static str, required: bool) -> Option<String> {
        const EXPECTED: &str = "an upper-case ISO 3166-1 alpha-2 country code such as `KH`";
        let code = self.string(name, required, Expected::Static(EXPECTED))?;
        if is_country_code(&code) {
            Some(code)
        } else {
            self.expected(name, Expected::Static(EXPECTED), &Json::String(code));
            None
        }
    }

    /// A BCP 47 language tag, checked for shape (`th`, `zh-Hant`, `my-MM`).
    fn language(&mut self, name: &'static str) -> Option<String> {
        const EXPECTED: &str = "a BCP 47 language tag such as `th` or `zh-Hant`";
        self.checked_string(name, EXPECTED, is_language_tag)
    }

    fn number_in(&mut self, name: &'static str, min: f64, max: f64) -> Option<f64> {
        let value = self.take(name, false)?;
        let expected = Expected::Range(min, max);
        match &value {
            Json::Number(n) => match n.as_f64() {
                Some(x) if x >= min && x <= max => Some(x),
                _ => {
                    self.expected(name, expected, &value);
                    None
                }
            },
            _ => {
                self.expected(name, expected, &value);
                None
            }
        }
    }

    /// A JSON integer >= 0 (`40`, not `40.0`).
    fn count(&mut self, name: &'static str) -> Option<u64> {
        let value = self.take(name, false)?;
        match &value {
            Json::Number(n) if n.is_u64() => n.as_u64(),
            _ => {
                self.expected(
                    name,
                    Expected::Static("a whole number >= 0 written as a JSON integer"),
                    &value,
                );
                None
            }
        }
    }

    /// The items of a list; `[]` counts as absent. Duplicates are an error.
    fn list(&mut self, name: &'static str, required: bool) -> Option<Vec<Json>> {
        let value = self.take(name, required)?;
        let Json::Array(items) = value else {
            self.expected(name, Expected::Static("a list"), &value);
            return None;
        };
        // One pass with a set of canonical forms: linear in the list, where
        // comparing each item with every earlier one took 42 s for 100,000 aliases.
        let mut seen = std::collections::HashSet::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            if !seen.insert(canonical_item(item)) {
                self.error(
                    &format!("{name}[{i}]"),
                    "duplicate item: lists hold no duplicates",
                );
                return None;
            }
        }
        if items.is_empty() && required {
            self.error(name, "expected a non-empty list");
            return None;
        }
        Some(items)
    }

    fn typed_list<T>(
        &mut self,
        name: &'static str,
        required: bool,
        expected: Expected,
        mut convert: impl FnMut(Json) -> Result<T, Json>,
    ) -> Option<Vec<T>> {
        let items = self.list(name, required)?;
        let mut out = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, item) in items.into_iter().enumerate() {
            match convert(item) {
                Ok(value) => out.push(value),
                Err(item) => {
                    self.expected(&format!("{name}[{i}]"), expected, &item);
                    ok = false;
                }
            }
        }
        ok.then_some(out)
    }

    fn text_list(&mut self, name: &'static str) -> Vec<String> {
        self.typed_list(
            name,
            false,
            Expected::Static("a non-empty string"),
            |item| match item {
                Json::String(s) if !s.trim().is_empty() => Ok(s),
                other => Err(other),
            },
        )
        .unwrap_or_default()
    }

    fn id_list(&mut self, name: &'static str) -> Vec<Id> {
        const EXPECTED: &str = "an id of 1 to 128 characters from `A-Z a-z 0-9 . _ : -`";
        self.typed_list(name, false, Expected::Static(EXPECTED), |item| match item {
            Json::String(s) if is_valid_id(&s) => Ok(s),
            other => Err(other),
        })
        .unwrap_or_default()
    }

    fn vocab_list<V: Vocabulary>(&mut self, name: &'static str, required: bool) -> Option<Vec<V>> {
        self.typed_list(
            name,
            required,
            Expected::Vocabulary(V::expected),
            |item| match &item {
                Json::String(s) => V::parse(s).ok_or(item),
                _ => Err(item),
            },
        )
    }

    /// A nested object that must hold at least one field.
    fn object<T>(
        &mut self,
        name: &'static str,
        secret: bool,
        read: impl FnOnce(&mut Fields) -> T,
    ) -> Option<T> {
        let value = self.take(name, false)?;
        let Json::Object(members) = value else {
            self.expected(name, Expected::Static("an object"), &value);
            return None;
        };
        if members.is_empty() {
            self.error(name, "expected an object with at least one field");
            return None;
        }
        let before = self.errors.len();
        let mut inner = Fields::new(
            Some((name, None)),
            members,
            secret || self.secret,
            self.errors,
        );
        let value = read(&mut inner);
        inner.finish();
        (self.errors.len() == before).then_some(value)
    }

    fn object_list<T>(
        &mut self,
        name: &'static str,
        mut read: impl FnMut(&mut Fields) -> T,
    ) -> Vec<T> {
        let Some(items) = self.list(name, false) else {
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.into_iter().enumerate() {
            let Json::Object(members) = item else {
                self.expected(
                    &format!("{name}[{i}]"),
                    Expected::Static("an object"),
                    &item,
                );
                continue;
            };
            let mut inner = Fields::new(Some((name, Some(i))), members, self.secret, self.errors);
            out.push(read(&mut inner));
            inner.finish();
        }
        out
    }
}

/// A list item's text with object members in key order at every depth, so that two
/// items are the same value exactly when their canonical forms are equal:
/// `{"site":"a","from":"2024"}` and `{"from":"2024","site":"a"}` are one custody
/// entry (the encoder writes both the same way, so a list holding both would not
/// decode again once exported).
fn canonical_item(item: &Json) -> String {
    fn sorted(value: &Json) -> Json {
        match value {
            // Keys are unique within an object (the parser refuses duplicates).
            Json::Object(members) => {
                let mut members: Vec<(String, Json)> = members
                    .iter()
                    .map(|(k, v)| (k.clone(), sorted(v)))
                    .collect();
                members.sort_by(|a, b| a.0.cmp(&b.0));
                Json::Object(members)
            }
            Json::Array(items) => Json::Array(items.iter().map(sorted).collect()),
            other => other.clone(),
        }
    }
    match item {
        Json::Object(_) | Json::Array(_) => sorted(item).to_text(),
        other => other.to_text(),
    }
}

/// A short rendering of a value for an error message.
fn describe(value: &Json) -> String {
    match value {
        Json::String(s) => {
            let shown: String = s.chars().take(40).collect();
            let ellipsis = if shown.len() < s.len() { "…" } else { "" };
            format!("\"{}{ellipsis}\"", shown.replace('"', "\\\""))
        }
        Json::Number(n) => n.to_string(),
        other => other.type_name().to_owned(),
    }
}

/// BCP 47 shape: a 2-3 or 5-8 letter language, then subtags of 1-8 letters or digits.
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let Some(language) = parts.next() else {
        return false;
    };
    let language_ok = matches!(language.len(), 2 | 3 | 5..=8)
        && language.bytes().all(|b| b.is_ascii_alphabetic());
    language_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// What a field expected, turned into words only when there is an error to report
/// (formatting it for every field of every line would dominate import time).
#[derive(Clone, Copy)]
enum Expected {
    Static(&'static str),
    Vocabulary(fn() -> String),
    Range(f64, f64),
}

impl Expected {
    fn text(self) -> String {
        match self {
            Expected::Static(text) => text.to_owned(),
            Expected::Vocabulary(list) => list(),
            Expected::Range(min, max) if max == f64::MAX => format!("a number >= {min}"),
            Expected::Range(min, max) => format!("a number from {min} to {max}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn duplicate_errors(line: &str) -> Vec<FieldError> {
        match decode_line(line) {
            Ok(_) => Vec::new(),
            Err(errors) => errors
                .into_iter()
                .filter(|e| e.message.contains("duplicate item"))
                .collect(),
        }
    }

    /// Found by the `decode_line` fuzz target: two custody entries with the same
    /// members in another order were accepted, and their canonical form (members in
    /// the documented order) was then refused as holding a duplicate.
    #[test]
    fn list_items_that_differ_only_in_member_order_are_duplicates() {
        let custody = r#"{"kind":"person","id":"p","alias":"A","roles":["victim"],"custody":[{"site":"a","from":"2020"},{"from":"2020","site":"a"}]}"#;
        let errors = duplicate_errors(custody);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].field.as_deref(), Some("custody[1]"));

        let findings = r#"{"kind":"testimony","id":"t","person":"p","date":"2024","consent":"internal_only","findings":[{"code":"ilo.deception","note":"n"},{"note":"n","code":"ilo.deception"}]}"#;
        let errors = duplicate_errors(findings);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].field.as_deref(), Some("findings[1]"));
    }

    #[test]
    fn list_items_that_differ_in_a_member_are_not_duplicates() {
        let line = r#"{"kind":"person","id":"p","alias":"A","roles":["victim"],"custody":[{"site":"a","from":"2020"},{"from":"2021","site":"a"},{"site":"a"}]}"#;
        let record = decode_line(line).expect("three different custody entries");
        assert_eq!(decode_line(&record.to_line()), Ok(record));
    }
}
