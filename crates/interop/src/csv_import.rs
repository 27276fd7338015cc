//! CSV rows to v1 JSON lines, streaming, with every problem located in the sheet.
//!
//! Without a mapping the header must name v1 fields of the kind, as the CSV export
//! writes them (`id`, `name`, `recruitment.channel`, …), and cells must be in the
//! export form. With a mapping, columns are renamed, values mapped, lists split and
//! dates read as the mapping says (see [`crate::Mapping`]).
//!
//! Each row comes out as the canonical v1 line of a record that passed the v1
//! decoder, or as the list of its problems, each naming the row, the sheet line,
//! the sheet column and what was expected. References to other records are not
//! checked here (the JSON Lines import does that against the whole dataset); map
//! its errors back to sheet columns with [`field_to_column`].

use std::fmt;
use std::io;

use zonewatch_model::{decode_record, is_valid_id, FieldError, Json, Kind};

use crate::cells::{convert, Mode, TargetField};
use crate::mapping::{IdRule, Mapping, TemplatePart};
use crate::schema::{self, top_key};

/// One problem in one row (or in the header, as row 0).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellError {
    /// 1-based data row (the header is row 0): spreadsheet row number minus one.
    pub row: usize,
    /// 1-based line of the file where the row starts (rows may span lines).
    pub line: u64,
    /// The sheet's header name of the column, when the problem is in one.
    pub column: Option<String>,
    /// The v1 field, when known (`recruitment.channel`, `custody[0].site`).
    pub field: Option<String>,
    /// What is wrong and what was expected.
    pub problem: String,
}

impl fmt::Display for CellError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        if self.row == 0 {
            write!(f, "header (line {})", self.line)?;
        } else {
            write!(f, "row {} (line {})", self.row, self.line)?;
        }
        match (&self.column, &self.field) {
            (Some(column), Some(field)) if column != field => {
                write!(f, ", column `{column}` (field `{field}`)")?
            }
            (Some(column), _) => write!(f, ", column `{column}`")?,
            (None, Some(field)) => write!(f, ", field `{field}`")?,
            (None, None) => {}
        }
        write!(f, ": {}", self.problem)
    }
}

/// Problems that stop the whole sheet before any row is read: the header, or the
/// mapping against the header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetError {
    pub errors: Vec<CellError>,
}

impl fmt::Display for SheetError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        for (i, error) in self.errors.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for SheetError {}

/// One data row: its position in the sheet, and its v1 line or its problems.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvRow {
    /// 1-based data row.
    pub row: usize,
    /// 1-based line of the file where the row starts.
    pub line: u64,
    /// The canonical v1 JSON line (no newline), or every problem found in the row.
    pub result: Result<String, Vec<CellError>>,
}

/// Where a field's value in a row came from.
#[derive(Clone, Copy, Debug)]
enum Origin {
    Column(usize),
    Constant,
    Default,
    /// The id rule; the first column it reads, if any.
    Id(Option<usize>),
}

struct Plan<'m> {
    kind: Kind,
    mapping: Option<&'m Mapping>,
    headers: Vec<String>,
    /// The field each column fills, by column index.
    targets: Vec<Option<TargetField>>,
    id_rule: Option<&'m IdRule>,
    /// Column indexes the id rule reads, by name.
    id_columns: Vec<(String, usize)>,
    trim: bool,
}

/// Reads a CSV sheet into v1 JSON lines, one per data row (rows whose cells are all
/// empty are skipped). `kind` is the kind of every row; with a mapping it must be
/// the mapping's kind.
pub fn csv_to_v1<R: io::Read>(
    reader: R,
    kind: Kind,
    mapping: Option<&Mapping>,
) -> Result<CsvRows<'_, R>, SheetError> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(true)
        .from_reader(reader);
    let header_error = |problem: String| SheetError {
        errors: vec![CellError {
            row: 0,
            line: 1,
            column: None,
            field: None,
            problem,
        }],
    };
    let headers: Vec<String> = match reader.headers() {
        Ok(headers) => headers
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let h = if i == 0 {
                    h.trim_start_matches('\u{feff}')
                } else {
                    h
                };
                h.to_owned()
            })
            .collect(),
        Err(err) => return Err(header_error(format!("cannot read the header row: {err}"))),
    };
    if headers.iter().all(|h| h.trim().is_empty()) {
        return Err(header_error(
            "the sheet has no header row: the first row must name the columns".into(),
        ));
    }
    if let Some(mapping) = mapping {
        if mapping.kind != kind {
            return Err(header_error(format!(
                "the mapping is for `{}` records, not `{kind}`",
                mapping.kind
            )));
        }
    }
    let plan = Plan::new(kind, mapping, headers)?;
    Ok(CsvRows {
        reader,
        plan,
        record: csv::StringRecord::new(),
        row: 0,
        done: false,
    })
}

impl<'m> Plan<'m> {
    fn new(
        kind: Kind,
        mapping: Option<&'m Mapping>,
        headers: Vec<String>,
    ) -> Result<Plan<'m>, SheetError> {
        let mut errors = Vec::new();
        let trim = mapping.is_some_and(|m| m.trim);
        let key = |h: &str| -> String {
            if mapping.is_some() {
                h.trim().to_owned()
            } else {
                h.to_owned()
            }
        };
        let keys: Vec<String> = headers.iter().map(|h| key(h)).collect();
        let position = |name: &str| keys.iter().position(|k| k == name);

        let mut targets: Vec<Option<TargetField>> = vec![None; headers.len()];
        let mut id_columns = Vec::new();
        let id_rule = mapping.and_then(|m| m.id.as_ref());
        if let Some(rule) = id_rule {
            for name in rule.columns() {
                match position(name) {
                    Some(i) => id_columns.push((name.to_owned(), i)),
                    None => header_problem(
                        &mut errors,
                        None,
                        format!("the mapping's [id] reads column `{name}`, which the sheet does not have"),
                    ),
                }
            }
        }
        if let Some(mapping) = mapping {
            for (name, line) in &mapping.column_lines {
                if position(name).is_none() {
                    header_problem(
                        &mut errors,
                        None,
                        format!(
                            "the mapping (line {line}) names column `{name}`, which the sheet \
                             does not have (its columns: {})",
                            headers.join(", ")
                        ),
                    );
                }
            }
        }
        for (i, name) in keys.iter().enumerate() {
            if name.is_empty() {
                continue;
            }
            if keys[..i].contains(name) {
                header_problem(
                    &mut errors,
                    Some(name),
                    format!("column `{name}` appears twice in the header"),
                );
                continue;
            }
            let target = match mapping {
                None => match schema::column(kind, name) {
                    Some(field) => Some(TargetField(field)),
                    None => {
                        let names: Vec<&str> = schema::columns(kind).map(|f| f.path).collect();
                        header_problem(
                            &mut errors,
                            Some(name),
                            format!(
                                "`{name}` is not a column of a {kind} sheet; without a mapping the \
                                 header names v1 fields: {}",
                                names.join(", ")
                            ),
                        );
                        None
                    }
                },
                Some(mapping) => {
                    if mapping.ignore.contains(name) {
                        None
                    } else if let Some((_, target)) =
                        mapping.columns.iter().find(|(c, _)| c == name)
                    {
                        Some(*target)
                    } else if let Ok(target) = TargetField::resolve(kind, name) {
                        // A header that already names a v1 field needs no renaming.
                        Some(target)
                    } else if id_columns.iter().any(|(_, c)| *c == i)
                        || mapping.ignore_other_columns
                    {
                        None
                    } else {
                        header_problem(
                            &mut errors,
                            Some(name),
                            format!(
                                "column `{name}` is not mapped: name its field under [columns], \
                                 or list it in `ignore`"
                            ),
                        );
                        None
                    }
                }
            };
            targets[i] = target;
        }
        // Two columns for one scalar field (a header passing through and a rename).
        for i in 0..targets.len() {
            let Some(target) = targets[i] else { continue };
            if target.is_list() {
                continue;
            }
            if let Some(j) = (0..i).find(|&j| targets[j].is_some_and(|t| t.conflicts_with(&target)))
            {
                header_problem(
                    &mut errors,
                    Some(&keys[i]),
                    format!(
                        "columns `{}` and `{}` both fill `{}`",
                        keys[j],
                        keys[i],
                        target.path()
                    ),
                );
            }
            if let Some(mapping) = mapping {
                if mapping
                    .constants
                    .iter()
                    .any(|(f, _)| f.conflicts_with(&target))
                {
                    header_problem(
                        &mut errors,
                        Some(&keys[i]),
                        format!(
                            "column `{}` fills `{}`, which the mapping's [constants] sets for \
                             every row",
                            keys[i],
                            target.path()
                        ),
                    );
                }
            }
        }
        if id_rule.is_some() {
            if let Some(i) = targets
                .iter()
                .position(|t| t.is_some_and(|t| t.path() == "id"))
            {
                header_problem(
                    &mut errors,
                    Some(&keys[i]),
                    format!(
                        "column `{}` gives ids, and so does the mapping's [id]: keep one \
                         (list the column in `ignore`, or remove [id])",
                        keys[i]
                    ),
                );
            }
        }
        let has_id = id_rule.is_some() || targets.iter().flatten().any(|t| t.path() == "id");
        if !has_id && errors.is_empty() {
            header_problem(
                &mut errors,
                None,
                match mapping {
                    None => "the sheet has no `id` column".into(),
                    Some(_) => "no column gives the id: add an [id] section to the mapping \
                                (`column` or `template`) or map a column to `id`"
                        .into(),
                },
            );
        }
        if !errors.is_empty() {
            return Err(SheetError { errors });
        }
        Ok(Plan {
            kind,
            mapping,
            headers: keys,
            targets,
            id_rule,
            id_columns,
            trim,
        })
    }

    fn cell<'r>(&self, record: &'r csv::StringRecord, index: usize) -> &'r str {
        let cell = record.get(index).unwrap_or("");
        if self.trim {
            cell.trim()
        } else {
            cell
        }
    }

    fn error(
        &self,
        row: usize,
        line: u64,
        origin: Option<Origin>,
        field: Option<String>,
        problem: String,
    ) -> CellError {
        let (column, problem) = match origin {
            Some(Origin::Column(i)) | Some(Origin::Id(Some(i))) => {
                (self.headers.get(i).cloned(), problem)
            }
            Some(Origin::Constant) => (None, format!("(from the mapping's [constants]) {problem}")),
            Some(Origin::Default) => (None, format!("(from the mapping's [defaults]) {problem}")),
            Some(Origin::Id(None)) => (
                None,
                format!("(the id made by the mapping's [id]) {problem}"),
            ),
            None => (None, problem),
        };
        CellError {
            row,
            line,
            column,
            field,
            problem,
        }
    }

    fn read_row(
        &self,
        row: usize,
        line: u64,
        record: &csv::StringRecord,
    ) -> Result<String, Vec<CellError>> {
        let mut errors = Vec::new();
        if record.len() > self.headers.len()
            && record
                .iter()
                .skip(self.headers.len())
                .any(|c| !c.trim().is_empty())
        {
            errors.push(self.error(
                row,
                line,
                None,
                None,
                format!(
                    "the row has {} cells but the header names {} columns",
                    record.len(),
                    self.headers.len()
                ),
            ));
        }
        let mut values: Vec<(&'static str, Json)> = Vec::new();
        let mut origins: Vec<(&'static str, Origin)> = Vec::new();
        let mut failed: Vec<&'static str> = Vec::new();
        for (i, target) in self.targets.iter().enumerate() {
            let Some(target) = target else { continue };
            let path = target.path();
            origins.push((path, Origin::Column(i)));
            let mode = match self.mapping {
                None => Mode::Export,
                Some(mapping) => Mode::Mapped(mapping.rule(path)),
            };
            match convert(target.field(), self.cell(record, i), mode) {
                Ok(Some(json)) => put(&mut values, path, json),
                Ok(None) => {}
                Err(problem) => {
                    failed.push(path);
                    errors.push(self.error(
                        row,
                        line,
                        Some(Origin::Column(i)),
                        Some(path.to_owned()),
                        problem,
                    ));
                }
            }
        }
        if let Some(mapping) = self.mapping {
            for (field, json) in &mapping.defaults {
                let path = field.path();
                if !values.iter().any(|(p, _)| *p == path) && !failed.contains(&path) {
                    values.push((path, json.clone()));
                    origins.retain(|(p, _)| *p != path);
                    origins.push((path, Origin::Default));
                }
            }
            for (field, json) in &mapping.constants {
                let path = field.path();
                values.retain(|(p, _)| *p != path);
                values.push((path, json.clone()));
                origins.push((path, Origin::Constant));
            }
        }
        let id = match self.id_rule {
            None => None,
            Some(rule) => {
                let first = self.id_columns.first().map(|(_, i)| *i);
                origins.push(("id", Origin::Id(first)));
                match self.make_id(rule, row, record) {
                    Ok(id) => Some(Json::String(id)),
                    Err((column, problem)) => {
                        failed.push("id");
                        errors.push(self.error(
                            row,
                            line,
                            Some(Origin::Id(column.or(first))),
                            Some("id".into()),
                            problem,
                        ));
                        None
                    }
                }
            }
        };
        if let Some(id) = id {
            values.push(("id", id));
        }

        let json = assemble(self.kind, &values);
        match decode_record(json) {
            Ok(record) if errors.is_empty() => Ok(record.to_line()),
            Ok(_) => Err(errors),
            Err(field_errors) => {
                for FieldError { field, message } in field_errors {
                    let normalized = field.as_deref().map(normalize_path);
                    if let Some(path) = &normalized {
                        // Already reported as a cell that could not be read.
                        if failed.iter().any(|f| {
                            path == f
                                || top_key(path) == *f
                                || (*f == "lat_lon" && matches!(path.as_str(), "lat" | "lon"))
                        }) {
                            continue;
                        }
                    }
                    let origin = normalized.as_deref().and_then(|path| {
                        candidates(path).into_iter().find_map(|c| {
                            origins.iter().rev().find(|(p, _)| *p == c).map(|(_, o)| *o)
                        })
                    });
                    errors.push(self.error(row, line, origin, field, message));
                }
                Err(errors)
            }
        }
    }

    fn make_id(
        &self,
        rule: &IdRule,
        row: usize,
        record: &csv::StringRecord,
    ) -> Result<String, (Option<usize>, String)> {
        let column_cell = |name: &str| -> Result<(usize, &str), (Option<usize>, String)> {
            let index = self
                .id_columns
                .iter()
                .find(|(c, _)| c == name)
                .map(|(_, i)| *i)
                .ok_or((None, format!("no column `{name}` for the id")))?;
            let cell = record.get(index).unwrap_or("").trim();
            if cell.is_empty() {
                return Err((
                    Some(index),
                    "the id is made from this column, and it is empty".into(),
                ));
            }
            Ok((index, cell))
        };
        let (id, column) = match rule {
            IdRule::Column {
                column,
                prefix,
                slug,
            } => {
                let (index, cell) = column_cell(column)?;
                let value = if *slug {
                    slugify(cell)
                } else {
                    cell.to_owned()
                };
                (format!("{prefix}{value}"), Some(index))
            }
            IdRule::Template { parts, slug } => {
                let mut id = String::new();
                let mut first = None;
                for part in parts {
                    match part {
                        TemplatePart::Text(text) => id.push_str(text),
                        TemplatePart::Row => id.push_str(&row.to_string()),
                        TemplatePart::Column(name) => {
                            let (index, cell) = column_cell(name)?;
                            first.get_or_insert(index);
                            if *slug {
                                id.push_str(&slugify(cell));
                            } else {
                                id.push_str(cell);
                            }
                        }
                    }
                }
                (id, first)
            }
        };
        if is_valid_id(&id) {
            Ok(id)
        } else {
            Err((
                column,
                format!(
                    "the id made from it, \"{}\", is not an id of 1 to 128 characters from \
                     `A-Z a-z 0-9 . _ : -` (set `slug = true` under [id] to make one from any text)",
                    id.chars().take(60).collect::<String>()
                ),
            ))
        }
    }
}

fn header_problem(errors: &mut Vec<CellError>, column: Option<&str>, problem: String) {
    errors.push(CellError {
        row: 0,
        line: 1,
        column: column.map(str::to_owned),
        field: None,
        problem,
    });
}

/// Puts a value for `path`, gathering the items of several columns into one list.
fn put(values: &mut Vec<(&'static str, Json)>, path: &'static str, json: Json) {
    if let Some((_, Json::Array(existing))) = values.iter_mut().find(|(p, _)| *p == path) {
        if let Json::Array(items) = json {
            for item in items {
                if !existing.contains(&item) {
                    existing.push(item);
                }
            }
        }
        return;
    }
    values.push((path, json));
}

/// `custody[1].from` -> `custody.from`; `aliases[2]` -> `aliases`.
fn normalize_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => in_index = true,
            ']' => in_index = false,
            c if !in_index => out.push(c),
            _ => {}
        }
    }
    out
}

/// The paths a normalized field path may have come from, most specific first.
fn candidates(path: &str) -> Vec<&str> {
    let mut out = vec![path, top_key(path)];
    if matches!(path, "lat" | "lon") {
        out.push("lat_lon");
    }
    out
}

/// The sheet column a v1 field of a decoder or import error came from:
/// `custody[1].from` -> the column mapped to `custody.from` (or `custody`).
///
/// Without a mapping, the export-form column (`recruitment.channel`, `custody`).
/// With one, the renamed column; for a field the mapping does not rename, the
/// header that names it directly; `None` when it comes from [constants] or
/// [defaults] only.
pub fn field_to_column(mapping: Option<&Mapping>, field_path: &str) -> Option<String> {
    let path = normalize_path(field_path);
    let first_indexed = field_path
        .split('.')
        .next()
        .is_some_and(|first| first.contains('['));
    let Some(mapping) = mapping else {
        return Some(if first_indexed {
            top_key(&path).to_owned()
        } else {
            path
        });
    };
    for candidate in candidates(&path) {
        if candidate == "id" {
            if let Some(rule) = &mapping.id {
                return rule.columns().first().map(|c| (*c).to_owned());
            }
        }
        if let Some((column, _)) = mapping.columns.iter().find(|(_, t)| t.path() == candidate) {
            return Some(column.clone());
        }
    }
    let from_mapping_only = candidates(&path).iter().any(|c| {
        mapping
            .constants
            .iter()
            .chain(&mapping.defaults)
            .any(|(f, _)| f.path() == *c)
    });
    if from_mapping_only {
        return None;
    }
    let column = if first_indexed {
        top_key(&path).to_owned()
    } else {
        path
    };
    schema::column(mapping.kind, &column).map(|_| column)
}

/// The v1 object of a row, keys in FORMAT.md order.
fn assemble(kind: Kind, values: &[(&'static str, Json)]) -> Json {
    let get = |path: &str| {
        values
            .iter()
            .find(|(p, _)| *p == path)
            .map(|(_, v)| v.clone())
    };
    let mut members: Vec<(String, Json)> =
        vec![("kind".into(), Json::String(kind.as_str().into()))];
    if let Some(id) = get("id") {
        members.push(("id".into(), id));
    }
    let lat_lon = get("lat_lon");
    let coordinate = |index: usize| match &lat_lon {
        Some(Json::Array(pair)) => pair.get(index).cloned(),
        _ => None,
    };
    let mut done: Vec<&str> = Vec::new();
    for field in schema::body_fields(kind) {
        let path = field.path;
        if let Some((top, _)) = path.split_once('.') {
            if done.contains(&top) {
                continue;
            }
            done.push(top);
            let inner: Vec<(String, Json)> = schema::body_fields(kind)
                .iter()
                .filter_map(|f| {
                    let sub = f.path.strip_prefix(top)?.strip_prefix('.')?;
                    get(f.path).map(|v| (sub.to_owned(), v))
                })
                .collect();
            if !inner.is_empty() {
                members.push((top.to_owned(), Json::Object(inner)));
            }
            continue;
        }
        let value = match path {
            "custody" => {
                let mut items = match get("custody") {
                    Some(Json::Array(items)) => items,
                    _ => Vec::new(),
                };
                let entry: Vec<(String, Json)> = ["site", "from", "to"]
                    .iter()
                    .filter_map(|sub| {
                        get(&format!("custody.{sub}")).map(|v| ((*sub).to_owned(), v))
                    })
                    .collect();
                if !entry.is_empty() {
                    items.push(Json::Object(entry));
                }
                (!items.is_empty()).then_some(Json::Array(items))
            }
            "findings" => {
                let mut items = match get("findings") {
                    Some(Json::Array(items)) => items,
                    _ => Vec::new(),
                };
                if let Some(Json::Array(codes)) = get("findings.code") {
                    items.extend(
                        codes
                            .into_iter()
                            .map(|code| Json::Object(vec![("code".into(), code)])),
                    );
                }
                (!items.is_empty()).then_some(Json::Array(items))
            }
            "lat" => get("lat").or_else(|| coordinate(0)),
            "lon" => get("lon").or_else(|| coordinate(1)),
            _ => get(path),
        };
        if let Some(value) = value {
            members.push((path.to_owned(), value));
        }
    }
    for path in ["sources", "sensitivity"] {
        if let Some(value) = get(path) {
            members.push((path.to_owned(), value));
        }
    }
    Json::Object(members)
}

/// Lowercase ASCII letters and digits; every run of anything else becomes one `-`.
pub(crate) fn slugify(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// The rows of a sheet, as [`csv_to_v1`] reads them.
pub struct CsvRows<'m, R> {
    reader: csv::Reader<R>,
    plan: Plan<'m>,
    record: csv::StringRecord,
    row: usize,
    done: bool,
}

impl<R: io::Read> CsvRows<'_, R> {
    /// The sheet's header, as read (byte-order mark removed; trimmed with a mapping).
    pub fn headers(&self) -> &[String] {
        &self.plan.headers
    }

    /// Bytes of the sheet read so far, for a progress bar.
    pub fn bytes_read(&self) -> u64 {
        self.reader.position().byte()
    }
}

impl<R: io::Read> Iterator for CsvRows<'_, R> {
    type Item = CsvRow;

    fn next(&mut self) -> Option<CsvRow> {
        loop {
            if self.done {
                return None;
            }
            match self.reader.read_record(&mut self.record) {
                Ok(false) => {
                    self.done = true;
                    return None;
                }
                Ok(true) => {
                    self.row += 1;
                    let line = self.record.position().map_or(0, |p| p.line());
                    if self.record.iter().all(|cell| cell.trim().is_empty()) {
                        continue;
                    }
                    let result = self.plan.read_row(self.row, line, &self.record);
                    return Some(CsvRow {
                        row: self.row,
                        line,
                        result,
                    });
                }
                Err(err) => {
                    self.row += 1;
                    let (line, problem) = match err.kind() {
                        csv::ErrorKind::Utf8 { pos, .. } => (
                            pos.as_ref().map_or(0, |p| p.line()),
                            "the row is not valid UTF-8 text: save the sheet as \"CSV UTF-8\""
                                .to_owned(),
                        ),
                        csv::ErrorKind::Io(_) => {
                            self.done = true;
                            (0, format!("cannot read the sheet: {err}"))
                        }
                        _ => {
                            self.done = true;
                            (
                                err.position().map_or(0, |p| p.line()),
                                format!("cannot read the sheet: {err}"),
                            )
                        }
                    };
                    return Some(CsvRow {
                        row: self.row,
                        line,
                        result: Err(vec![CellError {
                            row: self.row,
                            line,
                            column: None,
                            field: None,
                            problem,
                        }]),
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_normalize_to_columns() {
        assert_eq!(normalize_path("custody[1].from"), "custody.from");
        assert_eq!(normalize_path("aliases[2]"), "aliases");
        assert_eq!(
            field_to_column(None, "custody[1].from").as_deref(),
            Some("custody")
        );
        assert_eq!(
            field_to_column(None, "recruitment.channel").as_deref(),
            Some("recruitment.channel")
        );
        assert_eq!(
            field_to_column(None, "pii.document_numbers[1]").as_deref(),
            Some("pii.document_numbers")
        );
        assert_eq!(slugify("Golden Reef (fictional)!"), "golden-reef-fictional");
        assert_eq!(slugify("ไทย"), "");
    }
}
