//! Mapping files: how the columns of someone's spreadsheet become v1 fields.
//!
//! A mapping is TOML (docs/INTEROP.md has the full description and an example):
//!
//! ```toml
//! kind = "site"
//! ignore = ["Checked by"]
//!
//! [id]
//! column = "Ref"
//! prefix = "kh-"
//!
//! [columns]
//! "Compound name" = "name"
//! "Former use" = "former_use"
//! "Also known as" = "aliases"
//!
//! [constants]
//! country = "KH"
//!
//! [fields.former_use]
//! values = { "Casino" = "casino", "Hotel" = "hotel" }
//! case_insensitive = true
//!
//! [fields.aliases]
//! separator = ";"
//! ```
//!
//! Everything a mapping names is checked when it is read, and every problem names
//! its line in the mapping file.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use toml::Spanned;
use zonewatch_model::{is_valid_id, Json, Kind};

use crate::cells::{normalize_constant, TargetField};
use crate::dates::DateFormat;
use crate::schema::{self, Field, FieldType};

/// A problem in a mapping file, with the line it is on (1-based; 0 when the
/// problem is with the file as a whole).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MappingError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for MappingError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        if self.line == 0 {
            write!(f, "mapping: {}", self.message)
        } else {
            write!(f, "mapping line {}: {}", self.line, self.message)
        }
    }
}

impl std::error::Error for MappingError {}

/// How one row's id is made.
#[derive(Clone, Debug, PartialEq)]
pub enum IdRule {
    /// The cell of `column`, after `prefix`.
    Column {
        column: String,
        prefix: String,
        slug: bool,
    },
    /// A template such as `site-{row}` or `kh-{Ref}`: `{row}` is the 1-based data
    /// row, `{NAME}` the cell of column NAME.
    Template {
        parts: Vec<TemplatePart>,
        slug: bool,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TemplatePart {
    Text(String),
    Row,
    Column(String),
}

impl IdRule {
    /// The sheet columns the id is made from.
    pub fn columns(&self) -> Vec<&str> {
        match self {
            IdRule::Column { column, .. } => vec![column.as_str()],
            IdRule::Template { parts, .. } => parts
                .iter()
                .filter_map(|p| match p {
                    TemplatePart::Column(c) => Some(c.as_str()),
                    _ => None,
                })
                .collect(),
        }
    }
}

/// The per-field rules of `[fields.NAME]`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FieldRule {
    /// Cell value -> v1 value; `""` means "leave the field out".
    pub values: Vec<(String, String)>,
    pub case_insensitive: bool,
    /// Separator of list items (lists only); `;` when not given.
    pub separator: Option<String>,
    /// Date formats tried in order (dates only); v1 dates when empty.
    pub formats: Vec<DateFormat>,
    /// Text removed from the cell before it is read (`"$"`, `","`).
    pub strip: Vec<String>,
}

impl FieldRule {
    /// The v1 value a cell maps to: `Some("")` to leave the field out, `None` when
    /// the map does not name the cell.
    pub fn map_value(&self, cell: &str) -> Option<&str> {
        if let Some((_, to)) = self.values.iter().find(|(from, _)| from == cell) {
            return Some(to);
        }
        if self.case_insensitive {
            let cell = cell.to_lowercase();
            return self
                .values
                .iter()
                .find(|(from, _)| from.to_lowercase() == cell)
                .map(|(_, to)| to.as_str());
        }
        None
    }
}

/// A parsed, checked mapping file.
#[derive(Clone, Debug, PartialEq)]
pub struct Mapping {
    pub(crate) kind: Kind,
    pub(crate) trim: bool,
    pub(crate) ignore: Vec<String>,
    pub(crate) ignore_other_columns: bool,
    pub(crate) id: Option<IdRule>,
    /// Sheet column -> target field, in file order of the targets' names.
    pub(crate) columns: Vec<(String, TargetField)>,
    pub(crate) constants: Vec<(TargetField, Json)>,
    pub(crate) defaults: Vec<(TargetField, Json)>,
    pub(crate) rules: Vec<(&'static str, FieldRule)>,
    /// Lines of `[columns]` entries, for sheet errors that name the mapping.
    pub(crate) column_lines: Vec<(String, usize)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMapping {
    kind: Spanned<String>,
    #[serde(default)]
    trim: Option<bool>,
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
    #[serde(default)]
    ignore_other_columns: bool,
    #[serde(default)]
    id: Option<Spanned<RawId>>,
    #[serde(default)]
    columns: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    constants: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
    #[serde(default)]
    defaults: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
    #[serde(default)]
    fields: BTreeMap<Spanned<String>, Spanned<RawField>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawId {
    column: Option<String>,
    prefix: Option<String>,
    template: Option<String>,
    slug: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawField {
    values: Option<BTreeMap<String, String>>,
    case_insensitive: Option<bool>,
    separator: Option<String>,
    format: Option<OneOrMany>,
    strip: Option<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

/// Line number (1-based) of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset)
        .map_or(0, |before| before.bytes().filter(|&b| b == b'\n').count())
        + 1
}

struct Checker<'t> {
    text: &'t str,
    errors: Vec<MappingError>,
}

impl Checker<'_> {
    fn error(&mut self, span: std::ops::Range<usize>, message: impl Into<String>) {
        let line = line_of(self.text, span.start);
        self.errors.push(MappingError {
            line,
            message: message.into(),
        });
    }
}

impl Mapping {
    /// Reads and checks a mapping file. Every problem is reported, each with its line.
    pub fn from_toml(text: &str) -> Result<Mapping, Vec<MappingError>> {
        let raw: RawMapping = toml::from_str(text).map_err(|err| {
            let line = err.span().map_or(0, |span| line_of(text, span.start));
            vec![MappingError {
                line,
                message: err.message().trim().to_owned(),
            }]
        })?;
        let mut c = Checker {
            text,
            errors: Vec::new(),
        };

        let Some(kind) = Kind::parse(raw.kind.get_ref()) else {
            let kinds: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
            c.error(
                raw.kind.span(),
                format!(
                    "`kind` is \"{}\"; expected one of {}",
                    raw.kind.get_ref(),
                    kinds.join(", ")
                ),
            );
            return Err(c.errors);
        };

        let ignore: Vec<String> = raw
            .ignore
            .iter()
            .map(|s| s.get_ref().trim().to_owned())
            .collect();

        let id = raw.id.as_ref().and_then(|spanned| {
            let span = spanned.span();
            let id = spanned.get_ref();
            let slug = id.slug.unwrap_or(false);
            match (&id.column, &id.template) {
                (Some(column), None) => {
                    let prefix = id.prefix.clone().unwrap_or_default();
                    if !prefix.is_empty() && !is_valid_id(&prefix) {
                        c.error(
                            span,
                            format!("[id] prefix \"{prefix}\" may hold only `A-Z a-z 0-9 . _ : -`"),
                        );
                    }
                    Some(IdRule::Column {
                        column: column.trim().to_owned(),
                        prefix,
                        slug,
                    })
                }
                (None, Some(template)) => {
                    if id.prefix.is_some() {
                        c.error(
                            span.clone(),
                            "[id] takes `prefix` only with `column`; write it into the template",
                        );
                    }
                    match parse_template(template) {
                        Ok(parts) => Some(IdRule::Template { parts, slug }),
                        Err(message) => {
                            c.error(span, message);
                            None
                        }
                    }
                }
                _ => {
                    c.error(
                        span,
                        "[id] needs either `column` (with an optional `prefix`) or `template`",
                    );
                    None
                }
            }
        });

        let mut columns: Vec<(String, TargetField)> = Vec::new();
        let mut column_lines = Vec::new();
        for (column, target) in &raw.columns {
            let name = column.get_ref().trim().to_owned();
            match TargetField::resolve(kind, target.get_ref()) {
                Ok(field) => {
                    if field.path() == "id" && id.is_some() {
                        c.error(
                            target.span(),
                            format!(
                                "column `{name}` is mapped to `id`, and [id] makes ids too: keep one"
                            ),
                        );
                    }
                    if ignore.contains(&name) {
                        c.error(
                            column.span(),
                            format!("column `{name}` is both mapped and in `ignore`"),
                        );
                    }
                    column_lines.push((name.clone(), line_of(text, column.span().start)));
                    columns.push((name, field));
                }
                Err(message) => c.error(target.span(), message),
            }
        }
        // A scalar field takes one column; a list may gather several.
        for (i, (column, field)) in columns.iter().enumerate() {
            if field.is_list() {
                continue;
            }
            if let Some((other, _)) = columns[..i].iter().find(|(_, f)| f.conflicts_with(field)) {
                let line = column_lines
                    .iter()
                    .find(|(c, _)| c == column)
                    .map_or(0, |(_, l)| *l);
                c.errors.push(MappingError {
                    line,
                    message: format!(
                        "columns `{other}` and `{column}` both fill `{}`",
                        field.path()
                    ),
                });
            }
        }

        let read_values = |c: &mut Checker,
                           table: &BTreeMap<Spanned<String>, Spanned<toml::Value>>,
                           what: &str|
         -> Vec<(TargetField, Json)> {
            let mut out = Vec::new();
            for (name, value) in table {
                let field = match TargetField::resolve(kind, name.get_ref()) {
                    Ok(field) => field,
                    Err(message) => {
                        c.error(name.span(), message);
                        continue;
                    }
                };
                let json = match toml_to_json(value.get_ref()) {
                    Ok(json) => json,
                    Err(message) => {
                        c.error(
                            value.span(),
                            format!("{what} `{}`: {message}", field.path()),
                        );
                        continue;
                    }
                };
                match normalize_constant(&field, &json) {
                    Ok(json) => out.push((field, json)),
                    Err(message) => c.error(
                        value.span(),
                        format!("{what} `{}`: {message}", field.path()),
                    ),
                }
            }
            out
        };
        let constants = read_values(&mut c, &raw.constants, "constant");
        let defaults = read_values(&mut c, &raw.defaults, "default");
        for (field, _) in &constants {
            if let Some((column, _)) = columns.iter().find(|(_, f)| f.conflicts_with(field)) {
                let line = column_lines
                    .iter()
                    .find(|(c, _)| c == column)
                    .map_or(0, |(_, l)| *l);
                c.errors.push(MappingError {
                    line,
                    message: format!(
                        "column `{column}` fills `{}`, which [constants] sets for every row: \
                         use [defaults] to fill only empty cells",
                        field.path()
                    ),
                });
            }
            if field.path() == "id" {
                c.errors.push(MappingError {
                    line: 0,
                    message: "`id` cannot be a constant: ids are unique".into(),
                });
            }
        }

        let mut rules = Vec::new();
        for (name, rule) in &raw.fields {
            let field = match TargetField::resolve(kind, name.get_ref()) {
                Ok(field) => field,
                Err(message) => {
                    c.error(name.span(), message);
                    continue;
                }
            };
            let span = rule.span();
            let raw_rule = rule.get_ref();
            let mut rule = FieldRule {
                case_insensitive: raw_rule.case_insensitive.unwrap_or(false),
                separator: raw_rule.separator.clone(),
                strip: raw_rule.strip.clone().unwrap_or_default(),
                ..FieldRule::default()
            };
            if let Some(values) = &raw_rule.values {
                for (from, to) in values {
                    if let Some((other, other_to)) = rule.values.iter().find(|(f, _)| {
                        rule.case_insensitive && f.to_lowercase() == from.to_lowercase()
                    }) {
                        if other_to != to {
                            c.error(
                                span.clone(),
                                format!(
                                    "[fields.{}] values: \"{other}\" and \"{from}\" are the same \
                                     ignoring case but map to different values",
                                    field.path()
                                ),
                            );
                        }
                    }
                    if !to.is_empty() {
                        if let Err(message) = field.check_item(to) {
                            c.error(
                                span.clone(),
                                format!(
                                    "[fields.{}] values: \"{from}\" maps to \"{to}\", {message}",
                                    field.path()
                                ),
                            );
                        }
                    }
                    rule.values.push((from.clone(), to.clone()));
                }
            }
            if let Some(separator) = &rule.separator {
                if !field.is_list() {
                    c.error(
                        span.clone(),
                        format!(
                            "[fields.{}] `separator` is only for list fields",
                            field.path()
                        ),
                    );
                } else if separator.is_empty() {
                    c.error(span.clone(), "`separator` may not be empty");
                }
            }
            let formats = match &raw_rule.format {
                None => Vec::new(),
                Some(OneOrMany::One(one)) => vec![one.clone()],
                Some(OneOrMany::Many(many)) => many.clone(),
            };
            if !formats.is_empty() && !field.is_date() {
                c.error(
                    span.clone(),
                    format!("[fields.{}] `format` is only for date fields", field.path()),
                );
            }
            for format in formats {
                match DateFormat::parse(&format) {
                    Ok(format) => rule.formats.push(format),
                    Err(message) => c.error(span.clone(), message),
                }
            }
            rules.push((field.path(), rule));
        }

        if !c.errors.is_empty() {
            c.errors.sort_by_key(|e| e.line);
            return Err(c.errors);
        }
        Ok(Mapping {
            kind,
            trim: raw.trim.unwrap_or(true),
            ignore,
            ignore_other_columns: raw.ignore_other_columns,
            id,
            columns,
            constants,
            defaults,
            rules,
            column_lines,
        })
    }

    /// The kind of record every row becomes.
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// The rules of `[fields.PATH]`, if the mapping has any for that field.
    pub fn rule(&self, path: &str) -> Option<&FieldRule> {
        self.rules
            .iter()
            .find(|(p, _)| *p == path)
            .map(|(_, rule)| rule)
    }

    pub fn id_rule(&self) -> Option<&IdRule> {
        self.id.as_ref()
    }

    /// The sheet columns the mapping renames, with the v1 field each fills.
    pub fn renames(&self) -> impl Iterator<Item = (&str, &str)> {
        self.columns.iter().map(|(c, f)| (c.as_str(), f.path()))
    }
}

fn parse_template(template: &str) -> Result<Vec<TemplatePart>, String> {
    let mut parts = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        if open > 0 {
            parts.push(TemplatePart::Text(rest[..open].to_owned()));
        }
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            return Err(format!(
                "[id] template \"{template}\" has a `{{` without `}}`"
            ));
        };
        let name = after[..close].trim();
        if name.is_empty() {
            return Err(format!("[id] template \"{template}\" has an empty `{{}}`"));
        }
        parts.push(if name == "row" {
            TemplatePart::Row
        } else {
            TemplatePart::Column(name.to_owned())
        });
        rest = &after[close + 1..];
    }
    if !rest.is_empty() {
        parts.push(TemplatePart::Text(rest.to_owned()));
    }
    for part in &parts {
        if let TemplatePart::Text(text) = part {
            if text.contains('}') || !is_valid_id(text) {
                return Err(format!(
                    "[id] template \"{template}\": the text around the placeholders may hold \
                     only `A-Z a-z 0-9 . _ : -`"
                ));
            }
        }
    }
    if !parts
        .iter()
        .any(|p| matches!(p, TemplatePart::Row | TemplatePart::Column(_)))
    {
        return Err(format!(
            "[id] template \"{template}\" has no placeholder: every row would get the same id \
             (use {{row}} or {{COLUMN}})"
        ));
    }
    Ok(parts)
}

fn toml_to_json(value: &toml::Value) -> Result<Json, String> {
    Ok(match value {
        toml::Value::String(s) => Json::String(s.clone()),
        toml::Value::Integer(i) => Json::Number((*i).into()),
        toml::Value::Float(f) => {
            if !f.is_finite() {
                return Err("expected a finite number".into());
            }
            Json::from_f64(*f)
        }
        // `date = 2024-03-01` (unquoted) is a TOML date: take its text.
        toml::Value::Datetime(d) => Json::String(d.to_string()),
        toml::Value::Array(items) => {
            Json::Array(items.iter().map(toml_to_json).collect::<Result<_, _>>()?)
        }
        toml::Value::Boolean(_) => return Err("v1 has no true/false fields".into()),
        toml::Value::Table(_) => {
            return Err(
                "expected a value, not a table (name nested fields with a dot: \
                 \"recruitment.channel\")"
                    .into(),
            )
        }
    })
}

/// The field a target name names, for error messages of other modules.
pub(crate) fn describe_targets(kind: Kind) -> String {
    let mut names: Vec<&str> = schema::columns(kind).map(|f: &Field| f.path).collect();
    names.extend(crate::cells::pseudo_targets(kind).iter().map(|f| f.path));
    names.join(", ")
}

pub(crate) fn is_date_type(ty: FieldType) -> bool {
    matches!(ty, FieldType::Date)
}
