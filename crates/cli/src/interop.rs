//! `import --format csv` and `export` in every format: the formats of the tools
//! investigators already use. What each actor sees is decided by zonewatch-app.

use std::fs::File;
use std::io::{self, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use zonewatch_app::{Action, App, AppError, Ask, ImportOptions, Mapping, SheetImportError};
use zonewatch_model::Kind;

use crate::commands::{describe_counts, output_to, private_file, progress_bar, unlock, Invocation};
use crate::terminal::printable;
use crate::ExportFormat;

/// Reads a CSV sheet (with a mapping, or in the CSV export's own form) and imports
/// it like JSON Lines. Every problem names the sheet's row and column.
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
                            printable(&error.message)
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
    let options = ImportOptions {
        dry_run,
        ..ImportOptions::default()
    };
    let bar = progress_bar(size);
    let result = app.import_csv(input, kind, mapping.as_ref(), &options, source, &mut |n| {
        if let Some(bar) = &bar {
            bar.set_position(n);
        }
    });
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    match result {
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
        Err(SheetImportError::Sheet { problems, total }) => {
            for problem in &problems {
                eprintln!("error: {source}: {}", printable(problem));
            }
            if total > problems.len() {
                eprintln!("… and {} more", total - problems.len());
            }
            eprintln!("nothing was written: fix the rows above (or the mapping) and import again");
            Ok(ExitCode::FAILURE)
        }
        Err(SheetImportError::App(err)) => {
            Err(err).with_context(|| format!("import of {source} failed; nothing was written"))
        }
    }
}

/// `export`, in any format, as the actor may see the records.
pub fn export(
    ctx: &Invocation,
    format: ExportFormat,
    kind: Option<Kind>,
    ask: Ask,
    output: Option<PathBuf>,
) -> Result<ExitCode> {
    let mut app = crate::commands::open_existing(ctx)?;
    let visibility = app.visibility(ask)?;
    if visibility.restricted && app.may(Action::ReadRestricted) && app.has_restricted(kind)? {
        unlock(
            &mut app,
            ctx,
            "an export with restricted fields (or use --redact or --public)",
        )?;
    }
    let format = match format {
        ExportFormat::Jsonl => zonewatch_app::ExportFormat::Jsonl,
        ExportFormat::Csv => zonewatch_app::ExportFormat::Csv,
        ExportFormat::Geojson => zonewatch_app::ExportFormat::Geojson,
        ExportFormat::Ftm => zonewatch_app::ExportFormat::Ftm,
    };
    let what = if visibility.is_public() {
        "a public export"
    } else if visibility.restricted {
        "with restricted fields"
    } else {
        "without restricted fields"
    };
    let result = match (format, kind, &output) {
        (zonewatch_app::ExportFormat::Csv, None, Some(dir)) => {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            let written = app.export_csv_all(ask, &mut |kind| {
                let path = dir.join(format!("{}.csv", kind.plural()));
                let file = private_file(&path).map_err(io::Error::other)?;
                Ok(Box::new(io::BufWriter::new(file)) as Box<dyn Write>)
            });
            if let Ok(rows) = &written {
                eprintln!(
                    "exported {rows} records ({what}) as one CSV file per kind into {}",
                    dir.display()
                );
            }
            written
        }
        _ => {
            let mut out = output_to(&output)?;
            let written = app.export(format, kind, ask, &mut out).and_then(|n| {
                out.flush().map_err(|e| AppError::Invalid(e.to_string()))?;
                Ok(n)
            });
            if let (Ok(n), Some(path)) = (&written, &output) {
                eprintln!("exported {n} ({what}) to {}", path.display());
            }
            written
        }
    };
    match result {
        Ok(_) => {
            app.close()?;
            Ok(ExitCode::SUCCESS)
        }
        // A closed pipe (`zonewatch export | head`) is not an error worth a message.
        Err(e) if is_broken_pipe(&e) => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e).context("export failed"),
    }
}

fn is_broken_pipe(e: &AppError) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = source {
        if let Some(io) = err.downcast_ref::<io::Error>() {
            if io.kind() == io::ErrorKind::BrokenPipe {
                return true;
            }
        }
        source = err.source();
    }
    e.to_string().contains("Broken pipe")
}
