//! From one spreadsheet cell to the JSON value of one v1 field.
//!
//! Two modes: the *export form* (no mapping), which is the exact inverse of the CSV
//! export, and *mapped*, which applies a mapping's rules for messy sheets (value
//! maps, separators, date formats, stripping). In both, a cell that cannot hold its
//! field is an error that says what was expected.

use zonewatch_model::country::is_country_code;
use zonewatch_model::decode::is_language_tag;
use zonewatch_model::{is_valid_id, Json, Kind, PartialDate};

use crate::mapping::FieldRule;
use crate::schema::{self, Field, FieldType};

/// A field a mapping may fill: a column of the export form, or one of the few
/// mapping-only shapes (`lat_lon`, `custody.site`, `custody.from`, `custody.to`,
/// `findings.code`).
#[derive(Clone, Copy, Debug)]
pub struct TargetField(pub(crate) &'static Field);

impl PartialEq for TargetField {
    fn eq(&self, other: &Self) -> bool {
        self.0.path == other.0.path
    }
}

/// `"10.62, 103.51"`: both coordinates in one cell (sites).
pub(crate) static LAT_LON: Field = Field::new("lat_lon", "lat_lon", FieldType::Text);
/// One custody entry per row, from up to three columns (persons).
pub(crate) static CUSTODY_SITE: Field = Field::new("custody.site", "custody.site", FieldType::Id);
pub(crate) static CUSTODY_FROM: Field = Field::new("custody.from", "custody.from", FieldType::Date);
pub(crate) static CUSTODY_TO: Field = Field::new("custody.to", "custody.to", FieldType::Date);
/// A list of finding codes, each becoming `{"code": …}` (testimonies).
pub(crate) static FINDINGS_CODE: Field =
    Field::new("findings.code", "findings.code", schema::FINDING_CODES);

/// The mapping-only targets of a kind.
pub(crate) fn pseudo_targets(kind: Kind) -> &'static [&'static Field] {
    static SITE: [&Field; 1] = [&LAT_LON];
    static PERSON: [&Field; 3] = [&CUSTODY_SITE, &CUSTODY_FROM, &CUSTODY_TO];
    static TESTIMONY: [&Field; 1] = [&FINDINGS_CODE];
    match kind {
        Kind::Site => &SITE,
        Kind::Person => &PERSON,
        Kind::Testimony => &TESTIMONY,
        _ => &[],
    }
}

impl TargetField {
    pub(crate) fn resolve(kind: Kind, name: &str) -> Result<TargetField, String> {
        let name = name.trim();
        if let Some(field) = schema::column(kind, name) {
            return Ok(TargetField(field));
        }
        if let Some(field) = pseudo_targets(kind).iter().find(|f| f.path == name) {
            return Ok(TargetField(field));
        }
        Err(format!(
            "`{name}` is not a field of a {kind}; expected one of {}",
            crate::mapping::describe_targets(kind)
        ))
    }

    pub fn path(&self) -> &'static str {
        self.0.path
    }

    pub fn field(&self) -> &'static Field {
        self.0
    }

    pub(crate) fn is_list(&self) -> bool {
        self.0.ty.is_list()
    }

    pub(crate) fn is_date(&self) -> bool {
        crate::mapping::is_date_type(self.0.ty)
    }

    /// Whether two targets fill the same v1 field.
    pub(crate) fn conflicts_with(&self, other: &TargetField) -> bool {
        let (a, b) = (self.path(), other.path());
        a == b
            || (a == "lat_lon" && matches!(b, "lat" | "lon"))
            || (b == "lat_lon" && matches!(a, "lat" | "lon"))
    }

    /// Checks a value-map target (a v1 value, or one list item).
    pub(crate) fn check_item(&self, value: &str) -> Result<(), String> {
        match item_type(self.0.ty) {
            Some(item) => check_list_item(item, value),
            None => scalar_v1(self.0, value).map(|_| ()),
        }
    }
}

/// Checks a constant or default from a mapping and brings it to the v1 shape: a
/// string given for a list becomes a list of one.
pub(crate) fn normalize_constant(field: &TargetField, value: &Json) -> Result<Json, String> {
    let f = field.0;
    if f.path == "lat_lon" {
        return Err("give `lat` and `lon` as two constants".into());
    }
    if let Some(item) = item_type(f.ty) {
        let items = match value {
            Json::String(s) => vec![Json::String(s.clone())],
            Json::Array(items) => items.clone(),
            other => {
                return Err(format!(
                    "expected a list of strings, got {}",
                    other.type_name()
                ))
            }
        };
        for item_value in &items {
            match item_value {
                Json::String(s) => check_list_item(item, s)?,
                other => return Err(format!("expected strings, got {}", other.type_name())),
            }
        }
        return Ok(Json::Array(items));
    }
    match (f.ty, value) {
        (FieldType::Number, Json::Number(_)) => Ok(value.clone()),
        (FieldType::Count, Json::Number(n)) if n.is_u64() => Ok(value.clone()),
        (FieldType::Count, _) => Err("expected a whole number >= 0".into()),
        (FieldType::Number, _) => Err("expected a number".into()),
        (FieldType::Objects, Json::Array(_)) => Ok(value.clone()),
        (_, Json::String(s)) => scalar_v1(f, s),
        (_, other) => Err(format!("expected a string, got {}", other.type_name())),
    }
}

/// The type of one item of a list field.
fn item_type(ty: FieldType) -> Option<FieldType> {
    match ty {
        FieldType::TextList => Some(FieldType::Text),
        FieldType::IdList => Some(FieldType::Id),
        FieldType::VocabList(values) => Some(FieldType::Vocab(values)),
        _ => None,
    }
}

const ID_EXPECTED: &str = "an id of 1 to 128 characters from `A-Z a-z 0-9 . _ : -`";
const DATE_EXPECTED: &str = "a date `YYYY`, `YYYY-MM` or `YYYY-MM-DD` that exists";

/// A cell value as shown in an error: quoted and cut at 40 characters, or not at all
/// for restricted fields.
pub(crate) fn shown(field: &Field, value: &str) -> String {
    if field.secret() {
        return "a value (not shown: the field is restricted)".into();
    }
    let cut: String = value.chars().take(40).collect();
    let ellipsis = if cut.len() < value.len() { "…" } else { "" };
    format!("\"{}{ellipsis}\"", cut.replace('"', "\\\""))
}

fn expected_values(ty: FieldType) -> String {
    let values = ty.values().unwrap_or_default();
    let list: Vec<String> = values.iter().map(|v| format!("`{v}`")).collect();
    format!("one of {}", list.join(", "))
}

/// A v1 value written as text, checked for its field's type.
fn scalar_v1(field: &Field, text: &str) -> Result<Json, String> {
    let bad = |expected: String| Err(format!("expected {expected}, got {}", shown(field, text)));
    match field.ty {
        FieldType::Text => Ok(Json::String(text.to_owned())),
        FieldType::Id => {
            if is_valid_id(text) {
                Ok(Json::String(text.to_owned()))
            } else {
                bad(ID_EXPECTED.into())
            }
        }
        FieldType::Date => match PartialDate::parse(text) {
            Some(_) => Ok(Json::String(text.to_owned())),
            None => bad(DATE_EXPECTED.into()),
        },
        FieldType::Vocab(values) => {
            if (values.0)().contains(&text) {
                Ok(Json::String(text.to_owned()))
            } else {
                bad(expected_values(field.ty))
            }
        }
        FieldType::Country => {
            if is_country_code(text) {
                Ok(Json::String(text.to_owned()))
            } else {
                bad("an upper-case ISO 3166-1 alpha-2 country code such as `KH`".into())
            }
        }
        FieldType::Language => {
            if is_language_tag(text) {
                Ok(Json::String(text.to_owned()))
            } else {
                bad("a BCP 47 language tag such as `th` or `zh-Hant`".into())
            }
        }
        FieldType::Sha256 => {
            if text.len() == 64 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
                Ok(Json::String(text.to_owned()))
            } else {
                bad("64 lowercase hexadecimal characters".into())
            }
        }
        FieldType::Number => match serde_json::from_str::<serde_json::Number>(text) {
            Ok(n) if n.as_f64().is_some_and(f64::is_finite) => Ok(Json::Number(n)),
            _ => bad("a number such as `10.62` or `-3`".into()),
        },
        FieldType::Count => match parse_count(text) {
            Some(n) => Ok(Json::Number(n.into())),
            None => bad("a whole number >= 0 such as `40`".into()),
        },
        FieldType::Objects => match Json::parse(text) {
            Ok(json @ Json::Array(_)) => Ok(json),
            _ => bad(format!(
                "a JSON list of objects, such as {}",
                if field.path == "findings" {
                    r#"[{"code":"ilo.deception"}]"#
                } else {
                    r#"[{"site":"site-1","from":"2023-02"}]"#
                }
            )),
        },
        FieldType::TextList | FieldType::IdList | FieldType::VocabList(_) => {
            Ok(Json::Array(vec![Json::String(text.to_owned())]))
        }
    }
}

fn parse_count(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// A plain decimal number as people type it: `10.62`, `-3`, `+1.5`, `1200`.
fn parse_lenient_number(text: &str) -> Option<f64> {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    let mut parts = digits.splitn(2, '.');
    let whole = parts.next().unwrap_or("");
    let frac = parts.next();
    let ok = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !ok(whole) || !frac.is_none_or(ok) || (whole.is_empty() && frac.is_none_or(str::is_empty)) {
        return None;
    }
    text.parse::<f64>().ok().filter(|x| x.is_finite())
}

fn check_list_item(item: FieldType, value: &str) -> Result<(), String> {
    let ok = match item {
        FieldType::Text => !value.trim().is_empty(),
        FieldType::Id => is_valid_id(value),
        FieldType::Vocab(values) => (values.0)().contains(&value),
        _ => true,
    };
    if ok {
        return Ok(());
    }
    let expected = match item {
        FieldType::Text => "non-empty text".to_owned(),
        FieldType::Id => ID_EXPECTED.to_owned(),
        _ => expected_values(item),
    };
    Err(format!("expected {expected}"))
}

/// Splits a list cell of the export form: items separated by `;`, with `\;` for a
/// semicolon inside an item and `\\` for a backslash.
pub(crate) fn split_escaped(cell: &str) -> Result<Vec<String>, String> {
    let mut items = Vec::new();
    let mut item = String::new();
    let mut chars = cell.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(escaped @ (';' | '\\')) => item.push(escaped),
                _ => {
                    return Err(
                        "a backslash in a list cell must be followed by `;` or `\\` \
                         (`\\;` is a semicolon inside an item, `\\\\` a backslash)"
                            .into(),
                    )
                }
            },
            ';' => items.push(std::mem::take(&mut item)),
            c => item.push(c),
        }
    }
    items.push(item);
    Ok(items)
}

/// Joins list items for the export form (the inverse of [`split_escaped`]).
pub(crate) fn join_escaped<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push(';');
        }
        for c in item.chars() {
            if matches!(c, ';' | '\\') {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// How cells are read: the export form, or through a mapping's rule for the field.
#[derive(Clone, Copy)]
pub(crate) enum Mode<'a> {
    Export,
    Mapped(Option<&'a FieldRule>),
}

/// One cell (already trimmed in mapped mode when the mapping trims) as the JSON
/// value of `field`; `None` for an empty cell or a value mapped to `""`.
pub(crate) fn convert(field: &Field, cell: &str, mode: Mode) -> Result<Option<Json>, String> {
    if cell.is_empty() {
        return Ok(None);
    }
    if field.ty.is_list() {
        return convert_list(field, cell, mode);
    }
    let rule = match mode {
        // Spaces around a value that is not free text cannot be part of it.
        Mode::Export if matches!(field.ty, FieldType::Text) => {
            return scalar_v1(field, cell).map(Some)
        }
        Mode::Export if cell.trim().is_empty() => return Ok(None),
        Mode::Export => return scalar_v1(field, cell.trim()).map(Some),
        Mode::Mapped(rule) => rule,
    };
    if let Some(to) = rule.and_then(|r| r.map_value(cell)) {
        if to.is_empty() {
            return Ok(None);
        }
        return scalar_v1(field, to).map(Some);
    }
    let stripped = strip(cell, rule);
    let cell = stripped.trim();
    if cell.is_empty() {
        return Ok(None);
    }
    let case_insensitive = rule.is_some_and(|r| r.case_insensitive);
    let hint = |message: String| -> String {
        if rule.is_some_and(|r| !r.values.is_empty()) {
            format!(
                "{message}, and the mapping's values for `{}` do not name it",
                field.path
            )
        } else {
            message
        }
    };
    if field.path == "lat_lon" {
        return read_lat_lon(cell).map(Some).map_err(|e| {
            format!(
                "expected `latitude, longitude` such as `10.62, 103.51` ({e}), got {}",
                shown(field, cell)
            )
        });
    }
    match field.ty {
        FieldType::Date => {
            let formats = rule.map_or(&[][..], |r| r.formats.as_slice());
            if formats.is_empty() {
                return scalar_v1(field, cell).map(Some).map_err(hint);
            }
            for format in formats {
                if let Some(date) = format.read(cell) {
                    return Ok(Some(Json::String(date.to_string())));
                }
            }
            let examples: Vec<String> = formats
                .iter()
                .map(|f| format!("`{}` ({})", f.example(), f.as_str()))
                .collect();
            Err(hint(format!(
                "expected a date like {} that exists, got {}",
                examples.join(" or "),
                shown(field, cell)
            )))
        }
        FieldType::Vocab(values) if case_insensitive => {
            let lower = cell.to_lowercase();
            match (values.0)().into_iter().find(|v| *v == lower) {
                Some(v) => Ok(Some(Json::String(v.to_owned()))),
                None => scalar_v1(field, cell).map(Some).map_err(hint),
            }
        }
        FieldType::Country if case_insensitive => {
            let upper = cell.to_uppercase();
            if is_country_code(&upper) {
                Ok(Some(Json::String(upper)))
            } else {
                scalar_v1(field, cell).map(Some).map_err(hint)
            }
        }
        FieldType::Number => match parse_lenient_number(cell) {
            Some(x) => Ok(Some(Json::from_f64(x))),
            None => Err(hint(format!(
                "expected a number such as `10.62`, got {}",
                shown(field, cell)
            ))),
        },
        _ => scalar_v1(field, cell).map(Some).map_err(hint),
    }
}

fn strip(cell: &str, rule: Option<&FieldRule>) -> String {
    let mut out = cell.to_owned();
    for s in rule.map_or(&[][..], |r| r.strip.as_slice()) {
        if !s.is_empty() {
            out = out.replace(s.as_str(), "");
        }
    }
    out
}

fn read_lat_lon(cell: &str) -> Result<Json, &'static str> {
    let parts: Vec<&str> = cell
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|p| !p.is_empty())
        .collect();
    let [lat, lon] = parts.as_slice() else {
        return Err("two numbers");
    };
    let lat = parse_lenient_number(lat).ok_or("a number for the latitude")?;
    let lon = parse_lenient_number(lon).ok_or("a number for the longitude")?;
    Ok(Json::Array(vec![Json::from_f64(lat), Json::from_f64(lon)]))
}

fn convert_list(field: &Field, cell: &str, mode: Mode) -> Result<Option<Json>, String> {
    let item_ty = item_type(field.ty).unwrap_or(FieldType::Text);
    let (items, rule) = match mode {
        Mode::Export => {
            let mut items = split_escaped(cell)?;
            if !matches!(item_ty, FieldType::Text) {
                for item in &mut items {
                    *item = item.trim().to_owned();
                }
            }
            (items, None)
        }
        Mode::Mapped(rule) => {
            let separator = rule.and_then(|r| r.separator.as_deref()).unwrap_or(";");
            let items = cell
                .split(separator)
                .map(|item| item.trim().to_owned())
                .collect();
            (items, rule)
        }
    };
    let mapped = matches!(mode, Mode::Mapped(_));
    let mut out: Vec<Json> = Vec::new();
    // Items already taken (a mapped sheet drops repeats): a set, so that a cell of
    // 100,000 items costs one pass rather than 100,000 × 100,000 comparisons.
    let mut taken: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut problems = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if item.is_empty() {
            continue;
        }
        let value = match rule.and_then(|r| r.map_value(item)) {
            Some("") => continue,
            Some(to) => to.to_owned(),
            None => {
                let stripped = strip(item, rule);
                let stripped = if mapped {
                    stripped.trim().to_owned()
                } else {
                    stripped
                };
                match item_ty {
                    FieldType::Vocab(_) if rule.is_some_and(|r| r.case_insensitive) => {
                        stripped.to_lowercase()
                    }
                    _ => stripped,
                }
            }
        };
        if value.is_empty() {
            continue;
        }
        if let Err(message) = check_list_item(item_ty, &value) {
            let mut message = format!("item {} ({}): {message}", i + 1, shown(field, item));
            if rule.is_some_and(|r| !r.values.is_empty()) {
                message.push_str(", and the mapping's values do not name it");
            }
            problems.push(message);
            continue;
        }
        if mapped && !taken.insert(value.clone()) {
            continue;
        }
        out.push(Json::String(value));
    }
    if !problems.is_empty() {
        return Err(problems.join("; "));
    }
    Ok((!out.is_empty()).then_some(Json::Array(out)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(kind: Kind, path: &str) -> &'static Field {
        TargetField::resolve(kind, path).unwrap().0
    }

    #[test]
    fn list_escapes_round_trip() {
        for items in [
            vec!["a", "b"],
            vec!["a;b", "c\\d", "\\;"],
            vec![" spaced ", "x"],
            vec!["KK; Shwe Kokko"],
        ] {
            let joined = join_escaped(items.iter().copied());
            assert_eq!(split_escaped(&joined).unwrap(), items, "{joined}");
        }
        assert!(split_escaped("a\\b").is_err());
    }

    #[test]
    fn export_form_is_strict() {
        let lat = field(Kind::Site, "lat");
        assert_eq!(
            convert(lat, "10.625", Mode::Export)
                .unwrap()
                .unwrap()
                .to_text(),
            "10.625"
        );
        assert_eq!(
            convert(lat, " 1 ", Mode::Export)
                .unwrap()
                .unwrap()
                .to_text(),
            "1"
        );
        for bad in ["10,6", "NaN", "inf", "+1", "1e999", "0x10", ".5"] {
            assert!(convert(lat, bad, Mode::Export).is_err(), "{bad}");
        }
        let category = field(Kind::Site, "category");
        assert!(convert(category, "Scam_compound", Mode::Export)
            .unwrap_err()
            .contains("one of `scam_compound`, `suspected_site`"));
        let count = field(Kind::Intervention, "persons_removed");
        assert!(convert(count, "40.0", Mode::Export).is_err());
    }

    #[test]
    fn mapped_mode_reads_messy_cells() {
        let rule = FieldRule {
            values: vec![
                ("Casino".into(), "casino".into()),
                ("n/a".into(), "".into()),
            ],
            case_insensitive: true,
            ..FieldRule::default()
        };
        let former_use = field(Kind::Site, "former_use");
        let read = |cell: &str| convert(former_use, cell, Mode::Mapped(Some(&rule)));
        assert_eq!(read("CASINO").unwrap().unwrap().to_text(), "\"casino\"");
        assert_eq!(read("Hotel").unwrap().unwrap().to_text(), "\"hotel\"");
        assert_eq!(read("N/A").unwrap(), None);
        assert!(read("Karaoke")
            .unwrap_err()
            .contains("the mapping's values for `former_use` do not name it"));

        let salary = field(Kind::Person, "recruitment.promised_salary_usd");
        let strip = FieldRule {
            strip: vec!["$".into(), ",".into()],
            ..FieldRule::default()
        };
        assert_eq!(
            convert(salary, "$1,500", Mode::Mapped(Some(&strip)))
                .unwrap()
                .unwrap()
                .to_text(),
            "1500"
        );

        let aliases = field(Kind::Site, "aliases");
        assert_eq!(
            convert(aliases, "KK; Shwe Kokko; KK;", Mode::Mapped(None))
                .unwrap()
                .unwrap()
                .to_text(),
            r#"["KK","Shwe Kokko"]"#
        );
        let lat_lon = field(Kind::Site, "lat_lon");
        assert_eq!(
            convert(lat_lon, "10.62, 103.51", Mode::Mapped(None))
                .unwrap()
                .unwrap()
                .to_text(),
            "[10.62,103.51]"
        );
    }

    #[test]
    fn restricted_values_are_never_shown() {
        let dob = field(Kind::Person, "pii.date_of_birth");
        let err = convert(dob, "secret-birthday", Mode::Export).unwrap_err();
        assert!(!err.contains("secret-birthday"), "{err}");
        assert!(err.contains("not shown"), "{err}");
    }
}
