//! Records of one kind as CSV, in the form [`crate::csv_to_v1`] reads back without a
//! mapping.
//!
//! - One row per record; the header names the v1 fields in FORMAT.md order: `id`,
//!   the fields, `sources`, `sensitivity`.
//! - Nested objects are flattened: `recruitment.channel`, `pii.legal_name`.
//! - Lists are joined with `;`. Inside an item, `;` is written `\;` and `\` is
//!   written `\\`, so every list comes back item for item.
//! - `custody` and `findings` (lists of objects) are one cell each, holding the
//!   canonical v1 JSON of the list: `[{"site":"site-a","from":"2023-02"}]`.
//! - Numbers are written as in the canonical JSON (`10.62`, `1200`); an absent
//!   field is an empty cell; `sensitivity` is empty when it is `internal`.
//! - Without `include_restricted`, the always-restricted columns (`pii.*`,
//!   `transcript`) are left out of the header, and the free text of records marked
//!   `restricted` is written as an empty cell, as `export --redact` does.
//!
//! One case does not round-trip: an optional text field holding the empty string
//! (`"note": ""`) is written as an empty cell, which reads back as an absent field.

use std::fmt;
use std::io;

use zonewatch_model::restricted::is_restricted_key;
use zonewatch_model::{Json, Kind, Record};

use crate::cells::join_escaped;
use crate::schema::{self, top_key, Field, FieldType};

/// What a CSV export leaves out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CsvOptions {
    /// Write restricted fields (`pii.*`, `transcript`, free text of records marked
    /// `restricted`). Off: the export is redacted.
    pub include_restricted: bool,
}

#[derive(Debug)]
pub enum CsvExportError {
    /// A record of another kind was passed in.
    WrongKind {
        id: String,
        kind: Kind,
        expected: Kind,
    },
    Csv(csv::Error),
    Io(io::Error),
}

impl fmt::Display for CsvExportError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            CsvExportError::WrongKind { id, kind, expected } => write!(
                f,
                "record `{id}` is a {kind}, and this CSV holds {} records",
                expected
            ),
            CsvExportError::Csv(err) => write!(f, "cannot write CSV: {err}"),
            CsvExportError::Io(err) => write!(f, "cannot write CSV: {err}"),
        }
    }
}

impl std::error::Error for CsvExportError {}

impl From<csv::Error> for CsvExportError {
    fn from(err: csv::Error) -> Self {
        CsvExportError::Csv(err)
    }
}

impl From<io::Error> for CsvExportError {
    fn from(err: io::Error) -> Self {
        CsvExportError::Io(err)
    }
}

/// The header of a kind's CSV export.
pub fn csv_columns(kind: Kind, options: CsvOptions) -> Vec<&'static str> {
    export_fields(kind, options).map(|f| f.path).collect()
}

fn export_fields(kind: Kind, options: CsvOptions) -> impl Iterator<Item = &'static Field> {
    schema::columns(kind).filter(move |f| options.include_restricted || !f.secret())
}

/// Writes the records (all of `kind`) as CSV with a header row, and returns the
/// number of rows written. The header is written even when there are no records.
pub fn write_csv<'r, W: io::Write>(
    kind: Kind,
    records: impl IntoIterator<Item = &'r Record>,
    out: W,
    options: CsvOptions,
) -> Result<usize, CsvExportError> {
    let fields: Vec<&Field> = export_fields(kind, options).collect();
    let mut writer = csv::WriterBuilder::new().from_writer(out);
    writer.write_record(fields.iter().map(|f| f.path))?;
    let mut rows = 0;
    let mut row: Vec<String> = Vec::with_capacity(fields.len());
    for record in records {
        if record.kind() != kind {
            return Err(CsvExportError::WrongKind {
                id: record.id.clone(),
                kind: record.kind(),
                expected: kind,
            });
        }
        let Json::Object(members) = record.to_json() else {
            continue;
        };
        row.clear();
        for field in &fields {
            let hidden = !options.include_restricted
                && is_restricted_key(kind, record.sensitivity, top_key(field.path));
            row.push(if hidden {
                String::new()
            } else {
                cell(&members, field)
            });
        }
        writer.write_record(&row)?;
        rows += 1;
    }
    writer.flush()?;
    Ok(rows)
}

fn cell(members: &[(String, Json)], field: &Field) -> String {
    let value = match field.path.split_once('.') {
        Some((top, sub)) => member(members, top).and_then(|inner| match inner {
            Json::Object(inner) => member(inner, sub),
            _ => None,
        }),
        None => member(members, field.path),
    };
    let Some(value) = value else {
        return String::new();
    };
    match (field.ty, value) {
        (FieldType::Objects, value) => value.to_text(),
        (_, Json::String(s)) => s.clone(),
        (_, Json::Array(items)) => join_escaped(items.iter().map(|item| match item {
            Json::String(s) => s.as_str(),
            _ => "",
        })),
        (_, other) => other.to_text(),
    }
}

fn member<'a>(members: &'a [(String, Json)], key: &str) -> Option<&'a Json> {
    members.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}
