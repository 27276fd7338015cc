//! `import --format csv` and `export --format csv|geojson|ftm`: the formats of the tools
//! investigators already use, over zonewatch-interop.

use std::fs::File;
use std::io::{self, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use zonewatch_app::{App, AppError};
use zonewatch_findings::{Dataset, DEFAULT_THRESHOLD};
use zonewatch_interop::{
    csv_to_v1, field_to_column, ftm_entities, sites_geojson, write_csv, Counts, CsvOptions,
    FtmOptions, GeoJsonOptions, Mapping,
};
use zonewatch_model::{Kind, Record, Sensitivity};
use zonewatch_store::import::{ImportError, ImportOptions};

use crate::commands::{describe_counts, output_to, progress_bar};
use crate::ExportFormat;

/// Reads a CSV sheet (with a mapping, or in the CSV export's own form) into v1 lines,
/// then imports them like JSON Lines. Every problem names the sheet's row and column.
pub fn import_csv(
    app: &mut App,
    file: &str,
    kind: Option<Kind>,
    map: Option<&Path>,
    dry_run: bool,
) -> Result<ExitCode> {
    let mapping = match map {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read the mapping {}", path.display()))?;
            match Mapping::from_toml(&text) {
                Ok(mapping) => Some(mapping),
                Err(errors) => {
                    for error in errors {
                        eprintln!(
                            "error: {}: line {}: {}",
                            path.display(),
                            error.line,
                            error.message
                        );
                    }
                    eprintln!("nothing was written: fix the mapping and import again");
                    return Ok(ExitCode::FAILURE);
                }
            }
        }
        None => None,
    };
    let kind = match (kind, &mapping) {
        (Some(kind), Some(mapping)) if kind != mapping.kind() => {
            bail!(
                "--kind {kind} differs from the mapping's kind {}",
                mapping.kind()
            )
        }
        (_, Some(mapping)) => mapping.kind(),
        (Some(kind), None) => kind,
        (None, None) => bail!("a CSV import needs --kind KIND (or a --map file that names it)"),
    };
    let (input, size): (Box<dyn Read>, Option<u64>) = if file == "-" {
        (Box::new(io::stdin()), None)
    } else {
        let f = File::open(file).with_context(|| format!("cannot open {file}"))?;
        let size = f.metadata().ok().map(|m| m.len());
        (Box::new(BufReader::with_capacity(1 << 16, f)), size)
    };
    let source = if file == "-" { "standard input" } else { file };

    let mut rows = match csv_to_v1(input, kind, mapping.as_ref()) {
        Ok(rows) => rows,
        Err(sheet) => {
            for error in &sheet.errors {
                eprintln!("error: {source}: {error}");
            }
            eprintln!("nothing was written: fix the sheet (or the mapping) and import again");
            return Ok(ExitCode::FAILURE);
        }
    };
    // The sheet becomes v1 lines in memory (sheets are small next to JSON Lines
    // imports), remembering which row each line came from.
    let bar = progress_bar(size);
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
            Err(errors) => problems.extend(errors),
        }
        if let Some(bar) = &bar {
            bar.set_position(rows.bytes_read());
        }
    }
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    if !problems.is_empty() {
        for problem in problems.iter().take(100) {
            eprintln!("error: {source}: {problem}");
        }
        eprintln!(
            "nothing was written: {} problem(s) in the sheet",
            problems.len()
        );
        return Ok(ExitCode::FAILURE);
    }
    let options = ImportOptions {
        dry_run,
        ..ImportOptions::default()
    };
    match app.import(
        &mut io::Cursor::new(lines.into_bytes()),
        &options,
        source,
        &mut |_| {},
    ) {
        Ok(summary) => {
            let verb = if summary.written {
                "imported"
            } else {
                "dry run: would import"
            };
            println!(
                "{verb} {} from {source} into the database",
                describe_counts(&summary)
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(AppError::Import(ImportError::Invalid { errors, .. })) => {
            for error in &errors {
                let (row, line) = usize::try_from(error.line)
                    .ok()
                    .and_then(|n| n.checked_sub(1))
                    .and_then(|i| origin.get(i).copied())
                    .unwrap_or((0, 0));
                let column = error
                    .field
                    .as_deref()
                    .and_then(|f| field_to_column(mapping.as_ref(), f));
                let place = match (&column, &error.field) {
                    (Some(column), Some(field)) if column != field => {
                        format!(", column `{column}` (field `{field}`)")
                    }
                    (Some(column), _) => format!(", column `{column}`"),
                    (None, Some(field)) => format!(", field `{field}`"),
                    (None, None) => String::new(),
                };
                eprintln!(
                    "error: {source}: row {row} (line {line}){place}: {}",
                    error.message
                );
            }
            eprintln!("nothing was written: fix the rows above and import again");
            Ok(ExitCode::FAILURE)
        }
        Err(err) => {
            Err(err).with_context(|| format!("import of {source} failed; nothing was written"))
        }
    }
}

/// `export --format csv|geojson|ftm`, as the actor may see the records.
pub fn export_other(
    app: &mut App,
    format: ExportFormat,
    kind: Option<Kind>,
    redact: bool,
    output: Option<PathBuf>,
) -> Result<ExitCode> {
    let loaded = app.load_for_export(&[], redact)?;
    let include_restricted = loaded.restricted;
    let public_only = loaded.public_only;
    match format {
        ExportFormat::Csv => {
            let records: Vec<&Record> = loaded
                .records
                .iter()
                .filter(|r| !public_only || r.sensitivity == Sensitivity::Public)
                .collect();
            let options = CsvOptions { include_restricted };
            match (kind, &output) {
                (Some(kind), _) => {
                    let mut out = output_to(&output)?;
                    write_csv(
                        kind,
                        records.iter().copied().filter(|r| r.kind() == kind),
                        &mut out,
                        options,
                    )?;
                    out.flush()?;
                }
                (None, Some(dir)) => {
                    std::fs::create_dir_all(dir)
                        .with_context(|| format!("cannot create {}", dir.display()))?;
                    for kind in Kind::ALL {
                        let path = dir.join(format!("{}.csv", kind.plural()));
                        let file = File::create(&path)
                            .with_context(|| format!("cannot create {}", path.display()))?;
                        let mut out = io::BufWriter::new(file);
                        write_csv(
                            *kind,
                            records.iter().copied().filter(|r| r.kind() == *kind),
                            &mut out,
                            options,
                        )?;
                        out.flush()?;
                    }
                    eprintln!("wrote one CSV file per kind into {}", dir.display());
                }
                (None, None) => bail!(
                    "CSV holds one kind: give --kind KIND, or --output DIR for one file per kind"
                ),
            }
        }
        ExportFormat::Geojson | ExportFormat::Ftm => {
            let dataset = Dataset::new(loaded.records)
                .map_err(|e| anyhow::anyhow!("the database holds inconsistent records: {e}"))?;
            let mut out = output_to(&output)?;
            if format == ExportFormat::Geojson {
                let counts = if public_only {
                    Counts::Suppressed {
                        threshold: DEFAULT_THRESHOLD,
                    }
                } else {
                    Counts::Exact
                };
                let options = GeoJsonOptions {
                    include_restricted,
                    public_only,
                    counts,
                };
                serde_json::to_writer(&mut out, &sites_geojson(&dataset, options))?;
                out.write_all(b"\n")?;
            } else {
                for entity in ftm_entities(
                    &dataset,
                    FtmOptions {
                        include_restricted,
                        public_only,
                    },
                ) {
                    serde_json::to_writer(&mut out, &entity)?;
                    out.write_all(b"\n")?;
                }
            }
            out.flush()?;
        }
        ExportFormat::Jsonl => bail!("JSON Lines exports go through the v1 exporter"),
    }
    if let Some(path) = output.filter(|p| p.is_file()) {
        eprintln!("exported to {}", path.display());
    }
    Ok(ExitCode::SUCCESS)
}
