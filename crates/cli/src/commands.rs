//! One function per subcommand: open what it needs, call the library, print. Keys,
//! roles and the audit log are the business of zonewatch-app; this file only finds
//! passphrases and passwords and shows results.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use zonewatch_app::outputs::Locale;
use zonewatch_app::{
    Action, Actor, App, AppError, Ask, DbUrl, ImportError, ImportOptions, ImportSummary,
};
use zonewatch_model::Kind;

use crate::{
    AssessFormat, AuditCommand, Cli, Command, EvidenceCommand, ImportFormat, KeyCommand,
    NetworksFormat, ReportFormat, TokenCommand, UserCommand,
};

/// What every command is given: where the database is, and how to ask for secrets.
pub(crate) struct Invocation {
    url: DbUrl,
    as_user: Option<String>,
    passphrase_file: Option<PathBuf>,
}

/// Whether a command may create the database it names. Only those that put data in
/// do; the others fail on a SQLite file that is not there, and create nothing.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    Create,
    Existing,
}

pub fn run(cli: Cli) -> Result<ExitCode> {
    let ctx = Invocation {
        url: DbUrl::parse(&cli.db)?,
        as_user: cli.as_user,
        passphrase_file: cli.passphrase_file,
    };
    match cli.command {
        Command::Init => init(&ctx),
        Command::Import {
            file,
            format: ImportFormat::Csv,
            kind,
            map,
            dry_run,
        } => {
            let mut app = open(&ctx, Open::Create)?;
            if !dry_run {
                ensure_initialised(&mut app, &ctx)?;
            }
            let code = crate::interop::import_csv(&mut app, &file, kind, map.as_deref(), dry_run)?;
            app.close()?;
            Ok(code)
        }
        Command::Import {
            file,
            format: ImportFormat::Jsonl,
            kind,
            map,
            dry_run,
        } => {
            if kind.is_some() || map.is_some() {
                bail!(
                    "--kind and --map are for --format csv; a JSON Lines record names its own kind"
                );
            }
            import(&ctx, &file, dry_run)
        }
        Command::Export {
            format,
            kind,
            redact,
            public,
            output,
        } => crate::interop::export(
            &ctx,
            format,
            kind,
            Ask {
                public,
                redact,
                threshold: None,
            },
            output,
        ),
        Command::Demo => demo(&ctx),
        Command::Report {
            format,
            public,
            threshold,
            trace,
            lang,
            output,
        } => report(
            &ctx,
            format,
            public.then_some(threshold),
            trace,
            lang,
            output,
        ),
        Command::Assess {
            person,
            format,
            lang,
        } => assess(&ctx, person.as_deref(), format, lang),
        Command::Timeline { site } => timeline(&ctx, &site),
        Command::Status => status(&ctx),
        Command::Screen(args) => crate::screen::screen(args, || {
            let mut app = open(&ctx, Open::Existing)?;
            unlock_for_transcripts(&mut app, &ctx)?;
            Ok(app)
        }),
        Command::Networks {
            format,
            json,
            min_ads,
        } => {
            let mut app = open(&ctx, Open::Existing)?;
            unlock_for_transcripts(&mut app, &ctx)?;
            let json = json || format == NetworksFormat::Json;
            let code = crate::screen::networks(&mut app, json, min_ads)?;
            app.close()?;
            Ok(code)
        }
        Command::User { command } => user(&ctx, command),
        Command::Token { command } => token(&ctx, command),
        Command::Audit { command } => audit(&ctx, command),
        Command::Key { command } => key(&ctx, command),
        Command::Evidence { command } => evidence(&ctx, command),
        Command::Generate { records, output } => generate(records, output),
        Command::Serve {
            addr,
            secure_cookies,
        } => crate::serve::serve(
            &ctx.url,
            ctx.passphrase_file.as_deref(),
            &addr,
            secure_cookies,
        ),
    }
}

/// Opens the database as the local admin, or as `--as NAME`.
fn open(ctx: &Invocation, mode: Open) -> Result<App> {
    let mut app = match App::open(&ctx.url, Actor::local_admin(), mode == Open::Create) {
        Ok(app) => app,
        Err(e @ AppError::NoDatabase(_)) => return Err(e.into()),
        Err(e) => {
            return Err(anyhow::Error::new(e))
                .with_context(|| format!("cannot open the database {}", ctx.url))
        }
    };
    if let Some(name) = &ctx.as_user {
        app.act_as(name)?;
    }
    Ok(app)
}

/// Opens a database that must exist (read commands create nothing).
pub(crate) fn open_existing(ctx: &Invocation) -> Result<App> {
    open(ctx, Open::Existing)
}

/// The passphrase from --passphrase-file, ZONEWATCH_PASSPHRASE, or a prompt on a
/// terminal; `None` when there is no way to get one.
pub(crate) fn passphrase(ctx: &Invocation, prompt: &str) -> Result<Option<String>> {
    if let Some(path) = &ctx.passphrase_file {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read the passphrase file {}", path.display()))?;
        return Ok(Some(text.trim_end_matches(['\n', '\r']).to_owned()));
    }
    if let Ok(value) = std::env::var("ZONEWATCH_PASSPHRASE") {
        if !value.is_empty() {
            return Ok(Some(value));
        }
    }
    if io::stdin().is_terminal() && io::stderr().is_terminal() {
        return Ok(Some(
            rpassword::prompt_password(prompt).context("reading the passphrase")?,
        ));
    }
    Ok(None)
}

/// Unlocks the key ring when the actor may read transcripts and a passphrase is
/// given (screening links testimonies only then; without, it goes on without them).
fn unlock_for_transcripts(app: &mut App, ctx: &Invocation) -> Result<()> {
    if app.may(Action::ReadRestricted) {
        if let Some(passphrase) =
            passphrase(ctx, "zonewatch passphrase (Enter to skip transcripts): ")?
                .filter(|p| !p.is_empty())
        {
            app.unlock(&passphrase)?;
        }
    }
    Ok(())
}

/// Unlocks the key ring, or fails saying how to give the passphrase.
pub(crate) fn unlock(app: &mut App, ctx: &Invocation, what: &'static str) -> Result<()> {
    let Some(passphrase) = passphrase(ctx, "zonewatch passphrase: ")? else {
        return Err(AppError::Locked(what).into());
    };
    app.unlock(&passphrase)?;
    Ok(())
}

/// Makes the key ring if the database has none: the passphrase given, or a
/// generated one shown once.
fn ensure_initialised(app: &mut App, ctx: &Invocation) -> Result<()> {
    if app.is_initialised()? {
        return Ok(());
    }
    let given = match passphrase(ctx, "new zonewatch passphrase: ")? {
        Some(first)
            if ctx.passphrase_file.is_none() && std::env::var("ZONEWATCH_PASSPHRASE").is_err() =>
        {
            let again = rpassword::prompt_password("the same passphrase again: ")?;
            if again != first {
                bail!("the two passphrases differ; nothing was changed");
            }
            Some(first)
        }
        other => other,
    };
    if given.as_deref() == Some("") {
        bail!("the passphrase may not be empty");
    }
    let outcome = app.init(given.as_deref())?;
    if let Some(generated) = outcome.generated_passphrase {
        eprintln!("WARNING: no passphrase was given, so zonewatch generated one. It is shown");
        eprintln!("only this once. Without it nobody can read the restricted fields (names,");
        eprintln!("contacts, transcripts) of this database, and it cannot be recovered.");
        eprintln!("Store it in a password manager now:");
        println!("{generated}");
    }
    Ok(())
}

fn init(ctx: &Invocation) -> Result<ExitCode> {
    let mut app = open(ctx, Open::Create)?;
    let existed = app.is_initialised()?;
    ensure_initialised(&mut app, ctx)?;
    let status = app.status()?;
    let records: u64 = status.counts.iter().map(|(_, n)| n).sum();
    let backend = status.backend;
    app.close()?;
    let state = if existed {
        "already had its key ring"
    } else {
        "key ring created"
    };
    eprintln!(
        "database ready: {} ({backend} backend, {records} records; {state})",
        ctx.url
    );
    Ok(ExitCode::SUCCESS)
}

fn import(ctx: &Invocation, file: &str, dry_run: bool) -> Result<ExitCode> {
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
    let source = if file == "-" { "standard input" } else { file };
    let mut app = open(ctx, Open::Create)?;
    if !dry_run {
        ensure_initialised(&mut app, ctx)?;
    }
    let options = ImportOptions {
        dry_run,
        ..ImportOptions::default()
    };
    let bar = progress_bar(size);
    let result = app.import(&mut input, &options, source, &mut |bytes| {
        if let Some(bar) = &bar {
            bar.set_position(bytes);
        }
    });
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    match result {
        Ok(summary) => {
            app.close()?;
            let verb = if summary.written {
                "imported"
            } else {
                "dry run: would import"
            };
            println!(
                "{verb} {} from {source} into {}",
                describe_counts(&summary),
                ctx.url
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(AppError::Import(ImportError::Invalid {
            errors,
            stopped_early,
        })) => {
            for error in &errors {
                eprintln!(
                    "error: {source}: {}",
                    crate::terminal::printable(&error.to_string())
                );
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

pub(crate) fn describe_counts(summary: &ImportSummary) -> String {
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
pub(crate) fn progress_bar(size: Option<u64>) -> Option<ProgressBar> {
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

fn demo(ctx: &Invocation) -> Result<ExitCode> {
    let mut text = String::new();
    for record in zonewatch_demo::demo_dataset() {
        text.push_str(&record.to_line());
        text.push('\n');
    }
    let mut app = open(ctx, Open::Create)?;
    ensure_initialised(&mut app, ctx)?;
    let summary = app
        .import(
            &mut io::Cursor::new(text.as_bytes()),
            &ImportOptions::default(),
            "zonewatch demo",
            &mut |_| {},
        )
        .map_err(|e| match e {
            AppError::Import(ImportError::Invalid { errors, .. }) => anyhow::anyhow!(
                "the demo dataset failed validation (a bug): {}",
                errors
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
            other => anyhow::Error::new(other),
        })?;
    app.close()?;
    println!(
        "loaded the demo dataset (generated, fictional) into {}: {}",
        ctx.url,
        describe_counts(&summary)
    );
    println!("next: `zonewatch report --format html --output report.html`, or `zonewatch status`");
    Ok(ExitCode::SUCCESS)
}

fn status(ctx: &Invocation) -> Result<ExitCode> {
    let mut app = open(ctx, Open::Existing)?;
    let status = app.status()?;
    println!("database: {} ({})", ctx.url, status.backend);
    match status.encrypted {
        Some(true) => println!("connection: encrypted (TLS)"),
        Some(false) => println!(
            "connection: NOT encrypted: add ?sslmode=verify-full&sslrootcert=FILE to the URL (README, \"PostgreSQL over TLS\")"
        ),
        None => {}
    }
    println!(
        "key ring: {}",
        if status.initialised {
            "present"
        } else {
            "none yet (run `zonewatch init`)"
        }
    );
    let width = Kind::ALL
        .iter()
        .map(|k| k.plural().len())
        .max()
        .unwrap_or(0);
    for (kind, count) in &status.counts {
        println!("  {:width$}  {count:>9}", kind.plural());
    }
    println!(
        "  {:width$}  {:>9}",
        "total",
        status.counts.iter().map(|(_, n)| n).sum::<u64>()
    );
    Ok(ExitCode::SUCCESS)
}

fn generate(records: usize, output: Option<PathBuf>) -> Result<ExitCode> {
    let mut out = output_to(&output)?;
    match zonewatch_demo::write_bulk(records, &mut out).and_then(|()| out.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e).context("writing the generated file"),
    }
}

/// Standard output, or a new file readable by its owner only when one is named:
/// exports and reports hold what the database holds.
pub(crate) fn output_to(path: &Option<PathBuf>) -> Result<Box<dyn Write>> {
    Ok(match path {
        Some(path) => Box::new(BufWriter::with_capacity(1 << 16, private_file(path)?)),
        None => Box::new(BufWriter::with_capacity(1 << 16, io::stdout().lock())),
    })
}

/// Creates (or truncates) `path` with mode 0600 on Unix.
pub(crate) fn private_file(path: &std::path::Path) -> Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options
        .open(path)
        .with_context(|| format!("cannot create {}", path.display()))
}

/// Writes `text` and a final newline; a closed pipe is not an error.
fn emit(path: &Option<PathBuf>, text: &str) -> Result<ExitCode> {
    let mut out = output_to(path)?;
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
    ctx: &Invocation,
    format: ReportFormat,
    public: Option<u64>,
    trace: bool,
    lang: Locale,
    path: Option<PathBuf>,
) -> Result<ExitCode> {
    let mut app = open(ctx, Open::Existing)?;
    let report = app.report(public.is_some(), public, trace)?;
    let (text, name) = match format {
        ReportFormat::Json => (serde_json::to_string_pretty(&report.json())?, "JSON"),
        ReportFormat::Md => (report.markdown_in(lang), "Markdown"),
        ReportFormat::Html => (report.html_in(lang), "HTML"),
    };
    let code = emit(&path, &text)?;
    if let Some(path) = &path {
        let kind = if report.is_public() {
            "public"
        } else {
            "internal"
        };
        eprintln!(
            "wrote the {kind} report ({name}, {} bytes) to {}",
            text.len(),
            path.display()
        );
    }
    Ok(code)
}

fn assess(
    ctx: &Invocation,
    person: Option<&str>,
    format: AssessFormat,
    lang: Locale,
) -> Result<ExitCode> {
    let mut app = open(ctx, Open::Existing)?;
    let assessments = app.assess(person)?.ok_or_else(|| {
        anyhow::anyhow!(
            "no person with id `{}` in {}",
            person.unwrap_or_default(),
            ctx.url
        )
    })?;
    let text = match format {
        AssessFormat::Json => serde_json::to_string_pretty(&assessments.json())?,
        AssessFormat::Text => assessments.text_in(lang),
    };
    emit(&None, &crate::terminal::printable(&text))
}

fn timeline(ctx: &Invocation, site: &str) -> Result<ExitCode> {
    let mut app = open(ctx, Open::Existing)?;
    let timeline = app
        .timeline(site)?
        .ok_or_else(|| anyhow::anyhow!("no site with id `{site}` in {}", ctx.url))?;
    emit(&None, &crate::terminal::printable(&timeline))
}

/// A password from standard input when piped, or asked twice on a terminal.
fn read_password() -> Result<String> {
    if io::stdin().is_terminal() {
        let first = rpassword::prompt_password("password: ")?;
        let again = rpassword::prompt_password("the same password again: ")?;
        if first != again {
            bail!("the two passwords differ; nothing was changed");
        }
        Ok(first)
    } else {
        let mut text = String::new();
        io::stdin()
            .read_to_string(&mut text)
            .context("reading the password from standard input")?;
        Ok(text.trim_end_matches(['\n', '\r']).to_owned())
    }
}

fn user(ctx: &Invocation, command: UserCommand) -> Result<ExitCode> {
    let mut app = open(ctx, Open::Existing)?;
    match command {
        UserCommand::Add { name, role } => {
            let password = read_password()?;
            app.add_user(&name, role, &password)?;
            app.close()?;
            eprintln!("user `{name}` added with role {role}; they choose their own password at their first login");
        }
        UserCommand::List => {
            for user in app.users()? {
                let state = if user.must_change_password {
                    "must-change-password"
                } else {
                    "active"
                };
                println!("{}\t{}\t{}\t{state}", user.name, user.role, user.created_at);
            }
        }
        UserCommand::Passwd { name } => {
            let password = read_password()?;
            app.reset_password(&name, &password)?;
            app.close()?;
            eprintln!("password of `{name}` set; they must change it at their next login, and their sessions were ended");
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn token(ctx: &Invocation, command: TokenCommand) -> Result<ExitCode> {
    let mut app = open(ctx, Open::Existing)?;
    match command {
        TokenCommand::Create { name, label } => {
            let (token, id) = app.create_named_token(&name, &label)?;
            app.close()?;
            eprintln!("API token {id} for `{name}` (shown once; only its SHA-256 is kept):");
            println!("{token}");
        }
        TokenCommand::List => {
            for t in app.tokens()? {
                println!(
                    "{}\t{}\t{}\t{}\t{}",
                    t.id,
                    t.user,
                    if t.name.is_empty() { "-" } else { &t.name },
                    t.created_at,
                    t.last_used_at.as_deref().unwrap_or("never")
                );
            }
        }
        TokenCommand::Revoke { token } => {
            let revoked = app.revoke_token(&token)?;
            app.close()?;
            eprintln!(
                "token {} of `{}` revoked: it is refused from now on",
                revoked.id, revoked.user
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn audit(ctx: &Invocation, command: AuditCommand) -> Result<ExitCode> {
    let mut app = open(ctx, Open::Existing)?;
    match command {
        AuditCommand::Verify { head } => {
            let expected = head
                .map(|h| h.parse::<zonewatch_app::ChainHead>())
                .transpose()
                .map_err(|e| {
                    anyhow::anyhow!(
                        "--head: {e}; expected SEQ:HASH as `zonewatch audit head` prints"
                    )
                })?;
            app.require(Action::Audit)?;
            // With the passphrase the key ring is unlocked, so the checkpoints are checked
            // with its own verifying key and the chain against its record of the last
            // checkpoint signed; without, only with the key stored in the database, which
            // nothing authenticates, and the output says so.
            if let Some(passphrase) =
                passphrase(ctx, "zonewatch passphrase (Enter to verify without it): ")?
                    .filter(|p| !p.is_empty())
            {
                match app.unlock(&passphrase) {
                    Ok(()) => {}
                    Err(AppError::WrongPassphrase) => {
                        eprintln!("audit chain NOT verified: the passphrase does not open the key ring in the database. Either the passphrase is wrong, or the whole key ring was replaced by another one: the two cannot be told apart (an alteration of only its public part would be named as such, unless the key ring is still in the version 1 format). Nothing was checked or changed.");
                        return Ok(ExitCode::FAILURE);
                    }
                    Err(e) => {
                        eprintln!("audit chain NOT verified: {e}");
                        return Ok(ExitCode::FAILURE);
                    }
                }
            }
            let report = match app.verify_audit(expected.as_ref()) {
                Ok(Ok(report)) => report,
                Ok(Err(problem)) => {
                    eprintln!("audit chain BROKEN: {problem}");
                    return Ok(ExitCode::FAILURE);
                }
                Err(e) => {
                    eprintln!("audit chain NOT verified: {e}");
                    return Ok(ExitCode::FAILURE);
                }
            };
            let signed = match report.last_checkpoint_seq {
                Some(seq) => format!(
                    "signed checkpoints up to entry {seq} ({} verified)",
                    report.checkpoints_verified
                ),
                None => "no signed checkpoint yet".to_owned(),
            };
            println!(
                "audit chain verified: {} entries, head {}; {signed}",
                report.entries, report.head
            );
            match (&report.signed_head, report.key_authenticated) {
                (Some(mark), true) if mark.seq > 0 => println!(
                    "verifying key authenticated by the passphrase; the key ring records a checkpoint signed over entry {}, and the chain and its checkpoints reach it",
                    mark.seq
                ),
                (_, true) => println!(
                    "verifying key authenticated by the passphrase; the key ring records no checkpoint signed yet"
                ),
                (_, false) => {
                    let head = match &expected {
                        Some(h) => format!(
                            " (the --head given still covers the chain up to entry {})",
                            h.seq
                        ),
                        None => String::new(),
                    };
                    println!(
                        "NOT checked, for want of the passphrase: the verifying key was read from the database and is not authenticated, so whoever can write the database could have rewritten the chain, stored their own key and re-signed the checkpoints; and the key ring's record of the last checkpoint signed was not read, so deleted checkpoints and entries cut off the end go unseen{head}. Give the passphrase (ZONEWATCH_PASSPHRASE, --passphrase-file, or a terminal) to check both."
                    );
                }
            }
            if app.is_unlocked() {
                // Signs a checkpoint over the head just verified, as every command that
                // unlocked does.
                app.close()?;
            }
            Ok(ExitCode::SUCCESS)
        }
        AuditCommand::Head => {
            println!("{}", app.audit_head()?);
            Ok(ExitCode::SUCCESS)
        }
        AuditCommand::Show { record } => {
            for entry in app.audit_entries(record.as_deref())? {
                let details: Vec<String> = entry
                    .details
                    .iter()
                    .map(|(k, v)| format!("{k}={v}"))
                    .collect();
                let records = match entry.records.len() {
                    0 => String::new(),
                    n if n <= 5 => format!(" records={}", entry.records.join(",")),
                    n => format!(" records={},… ({n} in all)", entry.records[..5].join(",")),
                };
                println!(
                    "{} {} {} {}{records} {}",
                    entry.seq,
                    entry.time,
                    entry.actor,
                    entry.action,
                    details.join(" ")
                );
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn key(ctx: &Invocation, command: KeyCommand) -> Result<ExitCode> {
    let mut app = open(ctx, Open::Existing)?;
    match command {
        KeyCommand::Passphrase {
            new_passphrase_file,
        } => {
            let old = passphrase(ctx, "current passphrase: ")?
                .ok_or(AppError::Locked("changing the passphrase"))?;
            let new = match (new_passphrase_file, std::env::var("ZONEWATCH_NEW_PASSPHRASE")) {
                (Some(path), _) => std::fs::read_to_string(&path)
                    .with_context(|| format!("cannot read {}", path.display()))?
                    .trim_end_matches(['\n', '\r'])
                    .to_owned(),
                (None, Ok(value)) if !value.is_empty() => value,
                _ if io::stdin().is_terminal() => {
                    let first = rpassword::prompt_password("new passphrase: ")?;
                    if rpassword::prompt_password("the same passphrase again: ")? != first {
                        bail!("the two passphrases differ; nothing was changed");
                    }
                    first
                }
                _ => bail!("the new passphrase: set ZONEWATCH_NEW_PASSPHRASE, pass --new-passphrase-file, or run on a terminal"),
            };
            if new.is_empty() {
                bail!("the passphrase may not be empty");
            }
            app.change_passphrase(&old, &new)?;
            app.close()?;
            eprintln!("passphrase changed");
        }
        KeyCommand::Rotate => {
            let passphrase = passphrase(ctx, "zonewatch passphrase: ")?
                .ok_or(AppError::Locked("key rotation"))?;
            let moved = app.rotate_keys(&passphrase)?;
            app.close()?;
            eprintln!("new key pair in place; {moved} sealed records re-wrapped");
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn evidence(ctx: &Invocation, command: EvidenceCommand) -> Result<ExitCode> {
    let mut app = open(ctx, Open::Existing)?;
    let code = match command {
        EvidenceCommand::Add { file, record, note } => {
            let content =
                std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
            if let Some(passphrase) = passphrase(
                ctx,
                "zonewatch passphrase (Enter if the record is not restricted): ",
            )?
            .filter(|p| !p.is_empty())
            {
                app.unlock(&passphrase)?;
            }
            let name = file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let id = app.add_evidence(&record, &name, &content, note.as_deref())?;
            eprintln!(
                "stored {} ({} bytes) as evidence for {record}:",
                file.display(),
                content.len()
            );
            println!("{id}");
            ExitCode::SUCCESS
        }
        EvidenceCommand::Verify => {
            if let Some(passphrase) =
                passphrase(ctx, "zonewatch passphrase (Enter to skip sealed files): ")?
                    .filter(|p| !p.is_empty())
            {
                app.unlock(&passphrase)?;
            }
            let results = app.verify_evidence()?;
            let mut failed = 0;
            for v in &results {
                match &v.result {
                    Ok(()) => println!("ok       {} ({})", v.id, v.record_id),
                    Err(problem) => {
                        failed += 1;
                        println!("PROBLEM  {} ({}): {problem}", v.id, v.record_id);
                    }
                }
            }
            eprintln!("{} files checked, {failed} with problems", results.len());
            if failed == 0 {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        EvidenceCommand::Export { id, dir } => {
            if let Some(passphrase) =
                passphrase(ctx, "zonewatch passphrase: ")?.filter(|p| !p.is_empty())
            {
                app.unlock(&passphrase)?;
            }
            let (file, sheet) = app.export_evidence(&id, &dir)?;
            println!("{}", file.display());
            println!("{}", sheet.display());
            ExitCode::SUCCESS
        }
        EvidenceCommand::List => {
            for (id, record, sealed) in app.evidence_list()? {
                println!("{id}\t{record}\t{}", if sealed { "sealed" } else { "open" });
            }
            ExitCode::SUCCESS
        }
    };
    app.close()?;
    Ok(code)
}
