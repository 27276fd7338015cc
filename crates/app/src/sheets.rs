//! `import --format csv`: a spreadsheet (with a TOML mapping, or in the CSV export's
//! own form) turned into v1 lines, then imported as JSON Lines are. Every problem
//! names the sheet's row and column.

use std::io::{Cursor, Read};

use zonewatch_interop::{csv_to_v1, field_to_column, Mapping};
use zonewatch_model::Kind;
use zonewatch_store::import::{ImportError, ImportOptions, ImportSummary};

use crate::{App, AppError};

/// Why a sheet was not imported. Nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum SheetImportError {
    /// Problems in the sheet or its rows, each located (`row 3 (line 4), column
    /// `Name`: …`), at most 100; `total` counts them all.
    #[error("{total} problem(s) in the sheet")]
    Sheet { problems: Vec<String>, total: usize },
    #[error(transparent)]
    App(#[from] AppError),
}

impl App {
    /// Imports a CSV sheet of `kind`: restricted fields sealed, one audit entry, all
    /// or nothing, as [`App::import`]. `progress` gets the bytes read.
    pub fn import_csv(
        &mut self,
        input: Box<dyn Read>,
        kind: Kind,
        mapping: Option<&Mapping>,
        options: &ImportOptions,
        source: &str,
        progress: &mut dyn FnMut(u64),
    ) -> Result<ImportSummary, SheetImportError> {
        let mut rows = match csv_to_v1(input, kind, mapping) {
            Ok(rows) => rows,
            Err(sheet) => {
                let problems: Vec<String> = sheet.errors.iter().map(ToString::to_string).collect();
                return Err(SheetImportError::Sheet {
                    total: problems.len(),
                    problems,
                });
            }
        };
        // The sheet becomes v1 lines in memory (sheets are small next to JSON Lines
        // imports), remembering which row each line came from.
        let mut lines = String::new();
        let mut origin: Vec<(usize, u64)> = Vec::new();
        let mut problems = Vec::new();
        while let Some(row) = rows.next() {
            match row.result {
                Ok(line) => {
                    lines.push_str(&line);
                    lines.push('\n');
                    origin.push((row.row, row.line));
                }
                Err(errors) => problems.extend(errors.iter().map(ToString::to_string)),
            }
            progress(rows.bytes_read());
        }
        if !problems.is_empty() {
            let total = problems.len();
            problems.truncate(100);
            return Err(SheetImportError::Sheet { problems, total });
        }
        match self.import(
            &mut Cursor::new(lines.into_bytes()),
            options,
            source,
            &mut |_| {},
        ) {
            Ok(summary) => Ok(summary),
            Err(AppError::Import(ImportError::Invalid { errors, .. })) => {
                let problems: Vec<String> = errors
                    .iter()
                    .map(|error| {
                        let (row, line) = usize::try_from(error.line)
                            .ok()
                            .and_then(|n| n.checked_sub(1))
                            .and_then(|i| origin.get(i).copied())
                            .unwrap_or((0, 0));
                        let column = error
                            .field
                            .as_deref()
                            .and_then(|f| field_to_column(mapping, f));
                        let place = match (&column, &error.field) {
                            (Some(column), Some(field)) if column != field => {
                                format!(", column `{column}` (field `{field}`)")
                            }
                            (Some(column), _) => format!(", column `{column}`"),
                            (None, Some(field)) => format!(", field `{field}`"),
                            (None, None) => String::new(),
                        };
                        format!("row {row} (line {line}){place}: {}", error.message)
                    })
                    .collect();
                Err(SheetImportError::Sheet {
                    total: problems.len(),
                    problems,
                })
            }
            Err(other) => Err(SheetImportError::App(other)),
        }
    }
}
