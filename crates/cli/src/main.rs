//! The `zonewatch` binary: argument parsing and wiring only. The work happens in the
//! library crates (model, store, demo, findings).

mod commands;

/// Imports and reports allocate many small strings, across two threads; mimalloc
/// handles that far better than the system allocator (measured: see README).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use zonewatch_store::DEFAULT_URL;

/// zonewatch: a registry of scam compounds and suspected sites, survivors'
/// testimonies, incidents and findings, for investigators.
#[derive(Parser)]
#[command(name = "zonewatch", version, about, long_about = None)]
pub struct Cli {
    /// Database URL: sqlite://PATH (relative), sqlite:///PATH (absolute),
    /// postgres://… or postgresql://…
    #[arg(long, global = true, env = "ZONEWATCH_DB", default_value = DEFAULT_URL)]
    pub db: String,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Create the database (or bring its schema up to date).
    Init,
    /// Import v1 JSON Lines (FORMAT.md): all or nothing, upsert by id.
    Import {
        /// The file to read, or `-` for standard input.
        file: String,
        /// Input format.
        #[arg(long, value_enum, default_value_t = ImportFormat::Jsonl)]
        format: ImportFormat,
        /// Validate and report, write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Export records as v1 JSON Lines, sorted by kind then id.
    Export {
        #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
        format: ExportFormat,
        /// Only records of this kind (source, organization, site, site_status,
        /// intervention, person, testimony, incident, ad).
        #[arg(long, value_parser = parse_kind)]
        kind: Option<zonewatch_model::Kind>,
        /// Leave out every restricted field (pii, transcripts, free text of
        /// restricted records). The result is still a valid v1 file.
        #[arg(long)]
        redact: bool,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<std::path::PathBuf>,
    },
    /// Load the generated, fictional demo dataset (the same every time).
    Demo,
    /// The report: sites, interventions and their outcomes, survivors, incidents,
    /// recruitment and legal findings (FORMAT.md, "Report").
    Report {
        #[arg(long, value_enum, default_value_t = ReportFormat::Json)]
        format: ReportFormat,
        /// A public report: counts of persons and incidents below the threshold are
        /// shown as "<5", and no person is listed.
        #[arg(long)]
        public: bool,
        /// The smallest count a public report shows exactly.
        #[arg(long, default_value_t = zonewatch_findings::DEFAULT_THRESHOLD, requires = "public",
              value_parser = clap::value_parser!(u64).range(1..))]
        threshold: u64,
        /// Beside each figure, the ids of the records that make it up.
        #[arg(long)]
        trace: bool,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<std::path::PathBuf>,
    },
    /// Legal tests (trafficking, forced labour, slavery, child trafficking) for every
    /// person, or one, citing the records behind each element. An aid to a human
    /// analyst, not a legal determination.
    Assess {
        /// Only this person.
        #[arg(long)]
        person: Option<String>,
        #[arg(long, value_enum, default_value_t = AssessFormat::Text)]
        format: AssessFormat,
    },
    /// The timeline of one site: status observations and interventions in order,
    /// with events whose order is unknown shown as such, and the outcome of its
    /// latest raid or rescue.
    Timeline {
        /// The site id.
        site: String,
    },
    /// Show the database in use and how many records of each kind it holds.
    Status,
    /// Write a generated, fictional v1 file of N records (for benchmarks).
    Generate {
        /// Number of records.
        #[arg(long, default_value_t = 1_000_000)]
        records: usize,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<std::path::PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ImportFormat {
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    Jsonl,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Json,
    Md,
    Html,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AssessFormat {
    Json,
    Text,
}

fn parse_kind(text: &str) -> Result<zonewatch_model::Kind, String> {
    use zonewatch_model::vocab::Vocabulary;
    zonewatch_model::Kind::parse(text)
        .ok_or_else(|| format!("expected {}", zonewatch_model::Kind::expected()))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match commands::run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}
