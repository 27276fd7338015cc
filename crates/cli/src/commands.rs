//! One function per subcommand: open what it needs, call the library, print.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use zonewatch_model::Kind;
use zonewatch_store::export::{export_jsonl, ExportOptions};
use zonewatch_store::import::{import_jsonl, ImportError, ImportOptions, ImportSummary};
use zonewatch_store::{DbUrl, Store};

use zonewatch_findings::{Dataset, ReportOptions};
use zonewatch_store::load::{load_records, Fields};

use crate::{AssessFormat, Cli, Command, ReportFormat};

pub fn run(cli: Cli) -> Result<ExitCode> {
    let url = DbUrl::parse(&cli.db)?;
    match cli.command {
        Command::Init => init(&url),
        Command::Import {
            file,
            format: _,
            dry_run,
        } => import(&url, &file, dry_run),
        Command::Export {
            format: _,
            kind,
            redact,
            output,
        } => export(&url, kind, redact, output),
        Command::Demo => demo(&url),
        Command::Report {
            format,
            public,
            threshold,
            trace,
            output,
        } => {
            let options = ReportOptions {
                public: public.then_some(threshold),
                trace,
            };
            report(&url, format, &options, output)
        }
        Command::Assess { person, format } => assess(&url, person.as_deref(), format),
        Command::Timeline { site } => timeline(&url, &site),
        Command::Status => status(&url),
        Command::Generate { records, output } => generate(records, output),
    }
}

fn open(url: &DbUrl) -> Result<Box<dyn Store>> {
    zonewatch_store::open(url).with_context(|| format!("cannot open the database {url}"))
}

fn init(url: &DbUrl) -> Result<ExitCode> {
    let mut store = open(url)?;
    let records: u64 = store.count_by_kind()?.iter().map(|(_, n)| n).sum();
    println!(
        "database ready: {url} ({} backend, {records} records)",
        store.backend()
    );
    Ok(ExitCode::SUCCESS)
}

fn import(url: &DbUrl, file: &str, dry_run: bool) -> Result<ExitCode> {
    let (mut input, size): (Box<dyn BufRead + Send>, Option<u64>) = if file == "-" {
        (
            Box::new(BufReader::with_capacity(1 << 16, io::stdin())),
            None,
        )
    } else {
        let f = File::open(file).with_context(|| format!("cannot open {file}"))?;
        let size = f.metadata().ok().map(|m| m.len());
        (Box::new(BufReader::with_capacity(1 << 16, f)), size)
    };
    let mut store = open(url)?;
    let options = ImportOptions {
        dry_run,
        ..ImportOptions::default()
    };
    let bar = progress_bar(size);
    let result = import_jsonl(store.as_mut(), &mut input, &options, &mut |bytes| {
        if let Some(bar) = &bar {
            bar.set_position(bytes);
        }
    });
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let source = if file == "-" { "standard input" } else { file };
    match result {
        Ok(summary) => {
            let verb = if summary.written {
                "imported"
            } else {
                "dry run: would import"
            };
            println!(
                "{verb} {} from {source} into {url}",
                describe_counts(&summary)
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(ImportError::Invalid {
            errors,
            stopped_early,
        }) => {
            for error in &errors {
                eprintln!("error: {source}: {error}");
            }
            if stopped_early {
                eprintln!("stopped after {} errors; there may be more", errors.len());
            }
            eprintln!("nothing was written: fix the lines above and import again");
            Ok(ExitCode::FAILURE)
        }
        Err(err) => {
            Err(err).with_context(|| format!("import of {source} failed; nothing was written"))
        }
    }
}

fn describe_counts(summary: &ImportSummary) -> String {
    let parts: Vec<String> = Kind::ALL
        .iter()
        .zip(summary.by_kind)
        .filter(|(_, n)| *n > 0)
        .map(|(kind, n)| format!("{n} {}", if n == 1 { kind.as_str() } else { kind.plural() }))
        .collect();
    if parts.is_empty() {
        "0 records".into()
    } else {
        format!("{} records ({})", summary.records(), parts.join(", "))
    }
}

/// A progress bar on stderr, only when a person is watching it.
fn progress_bar(size: Option<u64>) -> Option<ProgressBar> {
    if !io::stderr().is_terminal() {
        return None;
    }
    let bar = match size {
        Some(size) => ProgressBar::new(size).with_style(
            ProgressStyle::with_template(
                "{bar:40} {bytes}/{total_bytes} {bytes_per_sec} eta {eta}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        ),
        None => ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template("{spinner} {bytes} read {bytes_per_sec}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        ),
    };
    Some(bar)
}

fn export(
    url: &DbUrl,
    kind: Option<Kind>,
    redact: bool,
    output: Option<std::path::PathBuf>,
) -> Result<ExitCode> {
    let mut store = open(url)?;
    let options = ExportOptions { kind, redact };
    let mut out: Box<dyn Write> = match &output {
        Some(path) => Box::new(BufWriter::new(
            File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    match export_jsonl(store.as_mut(), &options, &mut out) {
        Ok(count) => {
            if let Some(path) = output {
                eprintln!("exported {count} records to {}", path.display());
            }
            Ok(ExitCode::SUCCESS)
        }
        // A closed pipe (`zonewatch export | head`) is not an error worth a message.
        Err(zonewatch_store::StoreError::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => {
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => Err(e).context("export failed"),
    }
}

fn demo(url: &DbUrl) -> Result<ExitCode> {
    let mut text = String::new();
    for record in zonewatch_demo::demo_dataset() {
        text.push_str(&record.to_line());
        text.push('\n');
    }
    let mut store = open(url)?;
    let summary = import_jsonl(
        store.as_mut(),
        &mut io::Cursor::new(text.as_bytes()),
        &ImportOptions::default(),
        &mut |_| {},
    )
    .map_err(|e| match e {
        ImportError::Invalid { errors, .. } => anyhow::anyhow!(
            "the demo dataset failed validation (a bug): {}",
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; ")
        ),
        other => anyhow::Error::new(other),
    })?;
    println!(
        "loaded the demo dataset (generated, fictional) into {url}: {}",
        describe_counts(&summary)
    );
    println!("next: `zonewatch status`, or `zonewatch export --kind site`");
    Ok(ExitCode::SUCCESS)
}

fn status(url: &DbUrl) -> Result<ExitCode> {
    let mut store = open(url)?;
    let counts = store.count_by_kind()?;
    println!("database: {url} ({})", store.backend());
    let width = Kind::ALL
        .iter()
        .map(|k| k.plural().len())
        .max()
        .unwrap_or(0);
    for (kind, count) in &counts {
        println!("  {:width$}  {count:>9}", kind.plural());
    }
    println!(
        "  {:width$}  {:>9}",
        "total",
        counts.iter().map(|(_, n)| n).sum::<u64>()
    );
    Ok(ExitCode::SUCCESS)
}

fn generate(records: usize, output: Option<std::path::PathBuf>) -> Result<ExitCode> {
    let mut out: Box<dyn Write> = match &output {
        Some(path) => Box::new(BufWriter::with_capacity(
            1 << 20,
            File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(BufWriter::with_capacity(1 << 20, io::stdout().lock())),
    };
    match zonewatch_demo::write_bulk(records, &mut out).and_then(|()| out.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e).context("writing the generated file"),
    }
}

/// Every record, open fields only: findings never need restricted plaintext.
fn load_dataset(url: &DbUrl) -> Result<Dataset> {
    let mut store = open(url)?;
    let records = load_records(store.as_mut(), &[], Fields::Open)?;
    Dataset::new(records)
        .map_err(|e| anyhow::anyhow!("the database holds inconsistent records: {e}"))
}

/// Standard output, or a file when one is named.
fn output(path: &Option<std::path::PathBuf>) -> Result<Box<dyn Write>> {
    Ok(match path {
        Some(path) => Box::new(BufWriter::with_capacity(
            1 << 16,
            File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(BufWriter::with_capacity(1 << 16, io::stdout().lock())),
    })
}

/// Writes `text` and a final newline; a closed pipe is not an error.
fn emit(path: &Option<std::path::PathBuf>, text: &str) -> Result<ExitCode> {
    let mut out = output(path)?;
    match out.write_all(text.as_bytes()).and_then(|()| {
        if !text.ends_with('\n') {
            out.write_all(b"\n")?;
        }
        out.flush()
    }) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e).context("writing the output"),
        _ => Ok(ExitCode::SUCCESS),
    }
}

fn report(
    url: &DbUrl,
    format: ReportFormat,
    options: &ReportOptions,
    path: Option<std::path::PathBuf>,
) -> Result<ExitCode> {
    let dataset = load_dataset(url)?;
    let text = match format {
        ReportFormat::Json => {
            serde_json::to_string_pretty(&zonewatch_findings::report(&dataset, options))?
        }
        ReportFormat::Md => zonewatch_findings::render::report_markdown(&dataset, options),
        ReportFormat::Html => zonewatch_findings::render::report_html(&dataset, options),
    };
    emit(&path, &text)
}

fn assess(url: &DbUrl, person: Option<&str>, format: AssessFormat) -> Result<ExitCode> {
    let dataset = load_dataset(url)?;
    let assessments = match person {
        Some(id) => vec![zonewatch_findings::assess(&dataset, id)
            .ok_or_else(|| anyhow::anyhow!("no person with id `{id}` in {url}"))?],
        None => zonewatch_findings::assess_all(&dataset),
    };
    let text = match format {
        AssessFormat::Json => {
            serde_json::to_string_pretty(&zonewatch_findings::assessments_json(&assessments))?
        }
        AssessFormat::Text => zonewatch_findings::render_assessments_text(&dataset, &assessments),
    };
    emit(&None, &text)
}

fn timeline(url: &DbUrl, site: &str) -> Result<ExitCode> {
    let dataset = load_dataset(url)?;
    let timeline = zonewatch_findings::site_timeline(&dataset, site)
        .ok_or_else(|| anyhow::anyhow!("no site with id `{site}` in {url}"))?;
    emit(&None, &timeline.render_text())
}
