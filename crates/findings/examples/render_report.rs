//! Renders the report of a JSON Lines file (FORMAT.md v1) to standard output, until
//! `zonewatch report --format md|html` is wired to the store.
//!
//! ```text
//! cargo run -p zonewatch-findings --example render_report -- FILE [--html|--md|--json] [--public[=N]] [--trace]
//! ```
//!
//! `--public` uses the default threshold (5); `--public=N` sets it. Bad lines are
//! reported with their line number and the file is refused, as `import` would.

use std::io::{self, Write};
use std::process::ExitCode;

use zonewatch_findings::{
    report_html, report_json, report_markdown, Dataset, Figures, ReportOptions, DEFAULT_THRESHOLD,
};

const USAGE: &str =
    "usage: render_report FILE [--html | --md | --json] [--public[=THRESHOLD]] [--trace]";

enum Format {
    Html,
    Markdown,
    Json,
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("render_report: {message}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let mut path = None;
    let mut format = Format::Html;
    let mut options = ReportOptions::default();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--html" => format = Format::Html,
            "--md" | "--markdown" => format = Format::Markdown,
            "--json" => format = Format::Json,
            "--trace" => options.trace = true,
            "--public" => options.public = Some(DEFAULT_THRESHOLD),
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            other => {
                if let Some(threshold) = other.strip_prefix("--public=") {
                    let threshold: u64 =
                        threshold.parse().ok().filter(|t| *t >= 1).ok_or_else(|| {
                            format!("--public=N: N must be a whole number >= 1, got `{threshold}`")
                        })?;
                    options.public = Some(threshold);
                } else if other.starts_with('-') {
                    return Err(format!("unknown option `{other}`\n{USAGE}"));
                } else if path.replace(other.to_owned()).is_some() {
                    return Err(format!("more than one file given\n{USAGE}"));
                }
            }
        }
    }
    let path = path.ok_or_else(|| format!("no file given\n{USAGE}"))?;
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;

    let mut records = Vec::new();
    let mut errors = Vec::new();
    for (number, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match zonewatch_model::decode_line(line) {
            Ok(record) => records.push(record),
            Err(line_errors) => {
                for error in line_errors {
                    errors.push(format!("{path}:{}: {error}", number + 1));
                }
            }
        }
    }
    if !errors.is_empty() {
        let shown: Vec<&String> = errors.iter().take(100).collect();
        return Err(format!(
            "{} errors, nothing rendered:\n{}",
            errors.len(),
            shown
                .iter()
                .map(|e| e.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        ));
    }
    let dataset = Dataset::new(records).map_err(|e| format!("{path}: {e}"))?;
    let output = match format {
        Format::Html => report_html(&dataset, &options),
        Format::Markdown => report_markdown(&dataset, &options),
        Format::Json => {
            let json = report_json(&Figures::compute(&dataset), &options);
            let mut text = serde_json::to_string_pretty(&json).map_err(|e| e.to_string())?;
            text.push('\n');
            text
        }
    };
    let stdout = io::stdout();
    let mut out = stdout.lock();
    match out.write_all(output.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("writing the report: {e}")),
    }
}
