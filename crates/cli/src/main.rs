//! The `zonewatch` binary: argument parsing and wiring only. Every read and write
//! goes through zonewatch-app, which decides who may see and do what.

mod commands;
mod interop;
mod screen;
mod serve;
mod terminal;

/// Imports and reports allocate many small strings, across two threads; mimalloc
/// handles that far better than the system allocator (measured: see README).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use zonewatch_app::DEFAULT_URL;

/// zonewatch: a registry of scam compounds and suspected sites, survivors'
/// testimonies, incidents and findings, for investigators.
#[derive(Parser)]
#[command(name = "zonewatch", version, about, long_about = None)]
pub struct Cli {
    /// Database URL: sqlite://PATH (relative), sqlite:///PATH (absolute),
    /// postgres://… or postgresql://…
    #[arg(long, global = true, env = "ZONEWATCH_DB", default_value = DEFAULT_URL)]
    pub db: String,

    /// Act as this user, with their role (by default the CLI acts as a local admin:
    /// on a local file, the operating system's permissions are the boundary).
    #[arg(long = "as", global = true, value_name = "NAME")]
    pub as_user: Option<String>,

    /// Read the passphrase from this file (one line). Otherwise ZONEWATCH_PASSPHRASE,
    /// or a prompt when a terminal is attached.
    #[arg(long, global = true, value_name = "PATH")]
    pub passphrase_file: Option<std::path::PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Create the database (or bring its schema up to date) and its key ring, under
    /// a passphrase (generated and shown once when none can be had).
    Init,
    /// Import v1 JSON Lines (FORMAT.md), or a CSV sheet: all or nothing, upsert by id.
    Import {
        /// The file to read, or `-` for standard input.
        file: String,
        /// Input format.
        #[arg(long, value_enum, default_value_t = ImportFormat::Jsonl)]
        format: ImportFormat,
        /// CSV: the kind of record on every row (taken from --map when given).
        #[arg(long, value_parser = parse_kind)]
        kind: Option<zonewatch_model::Kind>,
        /// CSV: a mapping file (TOML) renaming columns, mapping values, splitting
        /// lists and reading dates; see docs/INTEROP.md.
        #[arg(long, value_name = "MAP.toml")]
        map: Option<std::path::PathBuf>,
        /// Validate and report, write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Export records: v1 JSON Lines (sorted by kind then id), CSV (one kind, or
    /// every kind into a directory), GeoJSON of sites, or FollowTheMoney entities.
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
        /// A public export: only records marked public, without restricted fields;
        /// counts of persons at a site (GeoJSON) below 5 shown as "<5". What a
        /// viewer always gets.
        #[arg(long)]
        public: bool,
        /// Write to this file instead of standard output (CSV of every kind: a
        /// directory, one file per kind).
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
        #[arg(long, default_value_t = zonewatch_app::DEFAULT_THRESHOLD, requires = "public",
              value_parser = clap::value_parser!(u64).range(2..))]
        threshold: u64,
        /// Beside each figure, the ids of the records that make it up.
        #[arg(long)]
        trace: bool,
        /// The language of the Markdown and HTML report: en, km, th, vi, zh-Hans,
        /// my or id (the JSON report has no words to translate).
        #[arg(long, default_value = "en", value_parser = parse_lang)]
        lang: zonewatch_app::outputs::Locale,
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
        /// The language of the text: en, km, th, vi, zh-Hans, my or id.
        #[arg(long, default_value = "en", value_parser = parse_lang)]
        lang: zonewatch_app::outputs::Locale,
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
    /// Screen recruitment ads for trafficking lures: a score, the signs that matched
    /// and where, and the recruiters' contacts (FORMAT.md, "Screening").
    Screen(ScreenArgs),
    /// Ads that share a recruiter's contact, with the survivors and sites they lead to.
    Networks {
        #[arg(long, value_enum, default_value_t = NetworksFormat::Text)]
        format: NetworksFormat,
        /// The same as `--format json` (kept for scripts written before --format).
        #[arg(long, hide = true, conflicts_with = "format")]
        json: bool,
        /// Only networks of at least this many ads.
        #[arg(long, default_value_t = 2)]
        min_ads: usize,
    },
    /// Users and their roles (admin, investigator, analyst, viewer).
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// API bearer tokens.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
    /// The audit log: every write and every read of restricted fields, hash-chained
    /// and signed.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Evidence files: stored as collected, hashed at ingest, with a chain of custody.
    Evidence {
        #[command(subcommand)]
        command: EvidenceCommand,
    },
    /// The database's keys.
    Key {
        #[command(subcommand)]
        command: KeyCommand,
    },
    /// Serve the web application and JSON API (/api/v1). On a database with no
    /// users, makes `admin` and prints a one-time password.
    Serve {
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: String,
        /// Mark cookies `Secure`: browsers reach the server over HTTPS, through a TLS
        /// reverse proxy (README, "Behind a TLS reverse proxy").
        #[arg(long)]
        secure_cookies: bool,
    },
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

#[derive(clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct ScreenArgs {
    #[command(subcommand)]
    pub command: Option<ScreenCommand>,
    /// The texts to screen, or `-` (the default) for standard input.
    pub file: Option<String>,
    #[arg(long, value_enum, default_value_t = ScreenInput::Jsonl)]
    pub input: ScreenInput,
    /// CSV: the column holding the text.
    #[arg(long)]
    pub text_column: Option<String>,
    /// CSV: the column holding the id (else the record number).
    #[arg(long)]
    pub id_column: Option<String>,
    #[arg(long, value_enum, default_value_t = ScreenOutput::Jsonl)]
    pub format: ScreenOutput,
    /// Read phone numbers written without a prefix as numbers of this country (ISO
    /// code such as TH).
    #[arg(long)]
    pub region: Option<String>,
    /// Table: only the N highest scores, highest first.
    #[arg(long)]
    pub top: Option<usize>,
    /// A directory of pattern files (signals.toml, salary.toml, contacts.toml) to use
    /// instead of the shipped ones.
    #[arg(long, global = true)]
    pub patterns: Option<std::path::PathBuf>,
    /// A weights file (from `zonewatch screen train`).
    #[arg(long, global = true)]
    pub weights: Option<std::path::PathBuf>,
}

#[derive(Subcommand)]
pub enum ScreenCommand {
    /// Precision, recall, F1, ROC AUC and the confusion table on a labelled JSON Lines
    /// file (`text`, `label`: lure|legit).
    Eval { file: String },
    /// Fit the scoring weights on a labelled file and write a weights file.
    Train {
        file: String,
        #[arg(long, short)]
        output: Option<std::path::PathBuf>,
    },
    /// Screen the database's ads again, and with the passphrase the testimonies'
    /// transcripts, and store the results (`networks` reads them; it also rebuilds
    /// those the shipped patterns or weights no longer match).
    Reindex,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ScreenInput {
    Jsonl,
    Csv,
    Lines,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ScreenOutput {
    Jsonl,
    Table,
}

#[derive(Subcommand)]
pub enum UserCommand {
    /// Add a user. The password is read from standard input when piped, or asked
    /// for on a terminal.
    Add {
        name: String,
        #[arg(long, value_parser = parse_role)]
        role: zonewatch_app::Role,
    },
    /// List users, their roles, and whether they must still change their password.
    List,
    /// Set a user's password (an admin's reset): read from standard input when
    /// piped, or asked for on a terminal. The user must change it at their next
    /// login, and their browser sessions end.
    Passwd { name: String },
}

#[derive(Subcommand)]
pub enum TokenCommand {
    /// Create an API token for a user and print it once (only its SHA-256 is kept).
    Create {
        /// The user the token acts as.
        name: String,
        /// What the token is for, to tell it apart in `token list`.
        #[arg(long = "name", value_name = "LABEL", default_value = "")]
        label: String,
    },
    /// List tokens: id, user, name, created, last used (never the token).
    List,
    /// Revoke a token by its id (from `token list`) or its name: it is refused at once.
    Revoke {
        #[arg(value_name = "ID|NAME")]
        token: String,
    },
}

#[derive(Subcommand)]
pub enum AuditCommand {
    /// Check the hash chain and the signed checkpoints; names the first broken entry.
    Verify {
        /// A head recorded earlier (`zonewatch audit head`): also proves that nothing
        /// after it was cut off.
        #[arg(long, value_name = "SEQ:HASH")]
        head: Option<String>,
    },
    /// Print the current head (SEQ:HASH), to record somewhere else.
    Head,
    /// Print the entries, oldest first.
    Show {
        /// Only entries naming this record.
        #[arg(long)]
        record: Option<String>,
    },
}

#[derive(Subcommand)]
pub enum EvidenceCommand {
    /// Store a file as evidence for a record (sealed when the record is restricted,
    /// a person or a testimony: that needs the passphrase).
    Add {
        file: std::path::PathBuf,
        /// The record it is evidence for.
        #[arg(long = "for", value_name = "RECORD_ID")]
        record: String,
        #[arg(long)]
        note: Option<String>,
    },
    /// Re-hash every stored file against its SHA-256 from ingest.
    Verify,
    /// Write a file's original bytes and its custody sheet (JSON) into DIR.
    Export { id: String, dir: std::path::PathBuf },
    /// List the stored files.
    List,
}

#[derive(Subcommand)]
pub enum KeyCommand {
    /// Change the passphrase. The new one comes from ZONEWATCH_NEW_PASSPHRASE,
    /// --new-passphrase-file, or a prompt.
    Passphrase {
        #[arg(long, value_name = "PATH")]
        new_passphrase_file: Option<std::path::PathBuf>,
    },
    /// Replace the encryption key pair and re-wrap every value key.
    Rotate,
}

fn parse_role(text: &str) -> Result<zonewatch_app::Role, String> {
    zonewatch_app::Role::parse(text)
        .ok_or_else(|| "expected one of `admin`, `investigator`, `analyst`, `viewer`".to_owned())
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportFormat {
    Jsonl,
    Csv,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Jsonl,
    Csv,
    Geojson,
    Ftm,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Json,
    Md,
    Html,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NetworksFormat {
    Text,
    Json,
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

/// A `--lang` value: one of the interface languages.
fn parse_lang(text: &str) -> Result<zonewatch_app::outputs::Locale, String> {
    zonewatch_app::outputs::Locale::parse(text).ok_or_else(|| {
        let all: Vec<&str> = zonewatch_app::outputs::Locale::ALL
            .iter()
            .map(|l| l.tag())
            .collect();
        format!("no such language: the languages are {}", all.join(", "))
    })
}
