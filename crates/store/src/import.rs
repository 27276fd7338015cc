//! `zonewatch import`: JSON Lines in, all or nothing (FORMAT.md, "Import semantics").
//!
//! The file is read once, line by line, inside one write transaction. Each valid
//! record is written as soon as it is read; references are checked against the ids
//! seen so far, and those that point forward are kept and checked at the end. Any
//! error rolls the whole transaction back. Memory grows only with what reference
//! checking needs: one small entry per id in the file, plus unresolved references.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::io::BufRead;
use std::sync::mpsc::SyncSender;

use zonewatch_model::restricted::split_restricted;
use zonewatch_model::{decode_line, FieldPath, Kind, Record};

use crate::{Derived, KindConflict, Row, SealRestricted, Store, StoreError, WriteTransaction};

/// Longest line accepted; longer ones are reported, not read into memory whole.
pub const MAX_LINE_BYTES: usize = 16 * 1024 * 1024;

#[derive(Clone, Debug)]
pub struct ImportOptions {
    /// Validate everything, write nothing.
    pub dry_run: bool,
    /// Stop after this many errors (FORMAT.md: up to 100 are reported).
    pub max_errors: usize,
    /// What an id that is already stored means.
    pub existing: Existing,
}

/// What an import does with a record whose id is already stored. Decided inside the
/// write transaction, so two writers of one id cannot both find it free.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Existing {
    /// Replace it (FORMAT.md's import semantics).
    #[default]
    Replace,
    /// Refuse the import ([`ImportError::Exists`]): a create.
    Refuse,
    /// Refuse the import unless it is stored ([`ImportError::Missing`]): an update.
    Require,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            dry_run: false,
            max_errors: 100,
            existing: Existing::Replace,
        }
    }
}

/// One problem, located.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineError {
    pub line: u64,
    pub field: Option<String>,
    pub message: String,
}

impl fmt::Display for LineError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match &self.field {
            Some(field) => write!(f, "line {}: field `{field}`: {}", self.line, self.message),
            None => write!(f, "line {}: {}", self.line, self.message),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The input has errors; nothing was written.
    #[error("{} error(s) in the input; nothing was written", .errors.len())]
    Invalid {
        errors: Vec<LineError>,
        /// More errors may follow: reading stopped at `max_errors`.
        stopped_early: bool,
    },
    #[error("reading the input: {0}")]
    Read(std::io::Error),
    /// With [`Existing::Refuse`]: this id is already stored; nothing was written.
    #[error("id `{id}` already exists; nothing was written")]
    Exists { id: String },
    /// With [`Existing::Require`]: this id is not stored; nothing was written.
    #[error("no record with id `{id}`; nothing was written")]
    Missing { id: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub lines: u64,
    /// Records read, by kind, in export order.
    pub by_kind: [u64; 9],
    /// False for a dry run.
    pub written: bool,
}

impl ImportSummary {
    pub fn records(&self) -> u64 {
        self.by_kind.iter().sum()
    }
}

/// Where each id of the file was seen.
struct Seen {
    kind: Kind,
    line: u64,
}

/// A reference whose target had not been seen in the file when its line was read.
struct PendingRef {
    line: u64,
    field: FieldPath,
    target: Box<str>,
    expected: &'static [Kind],
}

/// Imports JSON Lines from `input`. `progress` is called with the bytes read so far.
///
/// `sealer` turns each record's restricted fields into what is stored. `prepare` runs
/// first inside the write transaction (to record a write session, say) and `finish`
/// last, before the commit, with the summary (to append the audit entry): whatever
/// either writes commits or rolls back with the records.
pub fn import_jsonl(
    store: &mut dyn Store,
    input: &mut (dyn BufRead + Send),
    options: &ImportOptions,
    hooks: &mut dyn ImportHooks,
    progress: &mut dyn FnMut(u64),
) -> Result<ImportSummary, ImportError> {
    let mut tx = store.begin_write()?;
    hooks.prepare(tx.as_mut())?;
    let mut run = Run {
        seen: HashMap::new(),
        pending: Vec::new(),
        errors: Vec::new(),
        summary: ImportSummary::default(),
        max_errors: options.max_errors.max(1),
        existing: options.existing,
    };
    let stopped_early = run.read_all(
        tx.as_mut(),
        input,
        hooks.sealer(),
        hooks.deriver(),
        progress,
    )?;
    if !stopped_early {
        let conflicts = tx.flush()?;
        run.report_conflicts(conflicts);
        run.resolve_pending(tx.as_mut())?;
    }
    if !run.errors.is_empty() {
        drop(tx); // rolls back
        run.errors.sort_by_key(|e| e.line);
        run.errors.truncate(options.max_errors.max(1));
        return Err(ImportError::Invalid {
            errors: run.errors,
            stopped_early,
        });
    }
    if options.dry_run {
        drop(tx);
    } else {
        run.summary.written = true;
        hooks.finish(tx.as_mut(), &run.summary, &run.seen_ids())?;
        tx.commit()?;
    }
    Ok(run.summary)
}

/// What a caller adds to an import: sealing, derived rows, and writes that share its
/// transaction.
pub trait ImportHooks {
    fn sealer(&self) -> &dyn SealRestricted;

    /// Computes each record's derived rows (screening), written right after it.
    fn deriver(&self) -> Option<&dyn DeriveRows> {
        None
    }

    fn prepare(&mut self, _tx: &mut dyn WriteTransaction) -> Result<(), StoreError> {
        Ok(())
    }

    /// `ids`: every id the import wrote, sorted.
    fn finish(
        &mut self,
        _tx: &mut dyn WriteTransaction,
        _summary: &ImportSummary,
        _ids: &[&str],
    ) -> Result<(), StoreError> {
        Ok(())
    }
}

/// A record's derived rows, from the record as decoded (restricted fields included:
/// whatever is kept of those must be keyed-hashed or sealed). Runs on the writing
/// thread, which has time to spare while the other decodes and seals.
pub trait DeriveRows {
    fn derive(&self, record: &Record) -> Option<Derived>;
}

struct Run {
    seen: HashMap<Box<str>, Seen>,
    pending: Vec<PendingRef>,
    errors: Vec<LineError>,
    summary: ImportSummary,
    max_errors: usize,
    existing: Existing,
}

impl Run {
    fn seen_ids(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = self.seen.keys().map(|id| &**id).collect();
        ids.sort_unstable();
        ids
    }

    fn error(&mut self, line: u64, field: Option<String>, message: String) {
        self.errors.push(LineError {
            line,
            field,
            message,
        });
    }

    fn full(&self) -> bool {
        self.errors.len() >= self.max_errors
    }

    /// Reads every line; returns true when it stopped early at the error limit.
    ///
    /// A second thread reads and decodes lines (the CPU-heavy part) while this one
    /// checks ids and references and writes, so both cores work. Batches travel over
    /// a bounded channel, which keeps memory flat however large the file.
    fn read_all(
        &mut self,
        tx: &mut dyn WriteTransaction,
        input: &mut (dyn BufRead + Send),
        sealer: &dyn SealRestricted,
        deriver: Option<&dyn DeriveRows>,
        progress: &mut dyn FnMut(u64),
    ) -> Result<bool, ImportError> {
        std::thread::scope(|scope| {
            let (sender, receiver) = std::sync::mpsc::sync_channel::<Batch>(8);
            let reader = scope.spawn(move || parse_lines(input, sealer, &sender));
            let mut stopped_early = false;
            for batch in &receiver {
                for parsed in batch.lines {
                    self.take_line(tx, parsed, deriver)?;
                }
                progress(batch.bytes_read);
                self.summary.lines = batch.last_line;
                if self.full() {
                    stopped_early = true;
                    break;
                }
            }
            // Dropping the receiver stops the reader at its next send.
            drop(receiver);
            let read = reader.join().unwrap_or_else(|_| {
                Err(std::io::Error::other(
                    "the line reader stopped unexpectedly",
                ))
            });
            match read {
                Err(e) if !stopped_early => Err(ImportError::Read(e)),
                _ => Ok(stopped_early),
            }
        })
    }

    fn take_line(
        &mut self,
        tx: &mut dyn WriteTransaction,
        parsed: Parsed,
        deriver: Option<&dyn DeriveRows>,
    ) -> Result<(), ImportError> {
        let (line, record, row) = match parsed {
            Parsed::Record { line, record, row } => (line, record, row),
            Parsed::Invalid { line, errors } => {
                for (field, message) in errors {
                    self.error(line, field, message);
                }
                return Ok(());
            }
        };
        let kind = record.kind();
        if let Some(first) = self.seen.get(record.id.as_str()) {
            let message = format!(
                "id `{}` is already used on line {} (by {}); ids are unique across the whole dataset",
                record.id,
                first.line,
                with_article(first.kind)
            );
            self.error(line, Some("id".into()), message);
            return Ok(());
        }
        self.check_references(line, &record);
        self.seen
            .insert(record.id.as_str().into(), Seen { kind, line });
        self.summary.by_kind[usize::from(kind.rank())] += 1;
        if self.existing != Existing::Replace {
            let stored = !tx.kinds_of(&[record.id.as_str()])?.is_empty();
            match self.existing {
                Existing::Refuse if stored => {
                    return Err(ImportError::Exists {
                        id: record.id.clone(),
                    })
                }
                Existing::Require if !stored => {
                    return Err(ImportError::Missing {
                        id: record.id.clone(),
                    })
                }
                _ => {}
            }
        }
        let mut targets: Vec<&str> = record
            .references()
            .iter()
            .map(|r| r.target)
            .filter(|t| *t != record.id)
            .collect();
        targets.sort_unstable();
        targets.dedup();
        let conflicts = tx.upsert(row, &targets)?;
        self.report_conflicts(conflicts);
        if let Some(derived) = deriver.and_then(|d| d.derive(&record)) {
            tx.put_derived(derived)?;
        }
        Ok(())
    }

    fn check_references(&mut self, line: u64, record: &Record) {
        for reference in record.references() {
            match self.seen.get(reference.target) {
                Some(seen) => {
                    if !reference.expected.contains(&seen.kind) {
                        let message = wrong_kind(reference.target, reference.expected, seen.kind);
                        self.error(line, Some(reference.field.to_string()), message);
                    }
                }
                None if reference.target == record.id => {
                    if !reference.expected.contains(&record.kind()) {
                        let message =
                            wrong_kind(reference.target, reference.expected, record.kind());
                        self.error(line, Some(reference.field.to_string()), message);
                    }
                }
                None => self.pending.push(PendingRef {
                    line,
                    field: reference.field,
                    target: reference.target.into(),
                    expected: reference.expected,
                }),
            }
        }
    }

    fn report_conflicts(&mut self, conflicts: Vec<KindConflict>) {
        for conflict in conflicts {
            // From here on the id stands for what the database holds, so that
            // references to it are judged against the stored kind.
            let (line, kind) = match self.seen.get_mut(conflict.id.as_str()) {
                Some(seen) => (
                    seen.line,
                    std::mem::replace(&mut seen.kind, conflict.stored),
                ),
                None => (0, conflict.stored),
            };
            let message = format!(
                "id `{}` is already {} in the database, so it cannot be {}; ids are unique across the whole dataset",
                conflict.id,
                with_article(conflict.stored),
                with_article(kind)
            );
            self.error(line, Some("id".into()), message);
        }
    }

    /// Checks the references that pointed forward: first against the file, then
    /// against the records stored before this import.
    fn resolve_pending(&mut self, tx: &mut dyn WriteTransaction) -> Result<(), StoreError> {
        let pending = std::mem::take(&mut self.pending);
        let mut unresolved: Vec<&PendingRef> = Vec::new();
        for p in &pending {
            match self.seen.get(&*p.target) {
                Some(seen) if p.expected.contains(&seen.kind) => {}
                Some(seen) => {
                    let message = wrong_kind(&p.target, p.expected, seen.kind);
                    self.error(p.line, Some(p.field.to_string()), message);
                }
                None => unresolved.push(p),
            }
        }
        let wanted: HashSet<&str> = unresolved.iter().map(|p| &*p.target).collect();
        let wanted: Vec<&str> = wanted.into_iter().collect();
        let mut stored: HashMap<String, Kind> = HashMap::with_capacity(wanted.len());
        for chunk in wanted.chunks(10_000) {
            stored.extend(tx.kinds_of(chunk)?);
        }
        for p in unresolved {
            match stored.get(&*p.target) {
                Some(kind) if p.expected.contains(kind) => {}
                Some(kind) => {
                    let message = wrong_kind(&p.target, p.expected, *kind);
                    self.error(p.line, Some(p.field.to_string()), message);
                }
                None => {
                    let message = format!(
                        "`{}` names no record in this file or the database (expected {})",
                        p.target,
                        kinds_phrase(p.expected)
                    );
                    self.error(p.line, Some(p.field.to_string()), message);
                }
            }
        }
        Ok(())
    }
}

/// The row a backend stores for a record: restricted fields apart from the rest,
/// sealed by `sealer`.
pub fn to_row(record: &Record, sealer: &dyn SealRestricted) -> Result<Row, String> {
    let kind = record.kind();
    let (open, restricted) = split_restricted(kind, record.sensitivity, record.to_json());
    let restricted = match restricted {
        Some(restricted) => Some(sealer.seal(&record.id, restricted)?),
        None => None,
    };
    Ok(Row {
        id: record.id.clone(),
        kind,
        sensitivity: record.sensitivity,
        body: open.to_text(),
        restricted,
    })
}

/// "a site", "an organization".
fn with_article(kind: Kind) -> String {
    let article = match kind.as_str().as_bytes().first() {
        Some(b'a' | b'e' | b'i' | b'o' | b'u') => "an",
        _ => "a",
    };
    format!("{article} {kind}")
}

fn kinds_phrase(kinds: &[Kind]) -> String {
    let names: Vec<String> = kinds.iter().map(|k| with_article(*k)).collect();
    format!("{} id", names.join(" or "))
}

fn wrong_kind(target: &str, expected: &[Kind], actual: Kind) -> String {
    format!(
        "expected {}, but `{target}` is {}",
        kinds_phrase(expected),
        with_article(actual)
    )
}

/// One line, decoded by the reader thread.
enum Parsed {
    Record {
        line: u64,
        record: Box<Record>,
        row: Row,
    },
    Invalid {
        line: u64,
        errors: Vec<(Option<String>, String)>,
    },
}

struct Batch {
    lines: Vec<Parsed>,
    last_line: u64,
    bytes_read: u64,
}

const BATCH_LINES: usize = 2048;

/// The reader thread: lines in, decoded records and their rows out, in order.
/// Blank lines are skipped but still counted.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

fn parse_lines(
    input: &mut (dyn BufRead + Send),
    sealer: &dyn SealRestricted,
    sender: &SyncSender<Batch>,
) -> std::io::Result<()> {
    let mut buffer = Vec::with_capacity(1024);
    let mut batch = Batch {
        lines: Vec::with_capacity(BATCH_LINES),
        last_line: 0,
        bytes_read: 0,
    };
    loop {
        buffer.clear();
        let n = read_line_limited(input, &mut buffer)?;
        if n == 0 {
            break;
        }
        batch.bytes_read += n as u64;
        batch.last_line += 1;
        let line = batch.last_line;
        if buffer.last() == Some(&b'\n') {
            buffer.pop();
        }
        // A UTF-8 byte order mark (spreadsheets and Windows editors write one) is
        // not part of the first record.
        let start = if line == 1 && buffer.starts_with(UTF8_BOM) {
            UTF8_BOM.len()
        } else {
            0
        };
        if let Some(parsed) = parse_line(line, &buffer[start..], sealer) {
            batch.lines.push(parsed);
        }
        if batch.lines.len() >= BATCH_LINES {
            let next = Batch {
                lines: Vec::with_capacity(BATCH_LINES),
                ..batch
            };
            if sender.send(std::mem::replace(&mut batch, next)).is_err() {
                return Ok(()); // the writer stopped early
            }
        }
    }
    let _ = sender.send(batch);
    Ok(())
}

fn parse_line(line: u64, bytes: &[u8], sealer: &dyn SealRestricted) -> Option<Parsed> {
    let invalid = |message: String| {
        Some(Parsed::Invalid {
            line,
            errors: vec![(None, message)],
        })
    };
    if bytes.len() > MAX_LINE_BYTES {
        return invalid(format!("line longer than {MAX_LINE_BYTES} bytes"));
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return invalid("not valid UTF-8".into());
    };
    if text.trim().is_empty() {
        return None;
    }
    Some(match decode_line(text) {
        Ok(record) => {
            let row = match to_row(&record, sealer) {
                Ok(row) => row,
                Err(problem) => {
                    return invalid(format!("cannot seal its restricted fields: {problem}"))
                }
            };
            Parsed::Record {
                line,
                record: Box::new(record),
                row,
            }
        }
        Err(problems) => Parsed::Invalid {
            line,
            errors: problems.into_iter().map(|p| (p.field, p.message)).collect(),
        },
    })
}

/// Reads up to and including the next `\n`, but keeps at most MAX_LINE_BYTES + 1
/// bytes of it in `buffer`. Returns the number of bytes consumed.
fn read_line_limited(input: &mut dyn BufRead, buffer: &mut Vec<u8>) -> std::io::Result<usize> {
    let mut consumed = 0;
    loop {
        let available = match input.fill_buf() {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(consumed);
        }
        let (chunk, done) = match memchr(available) {
            Some(i) => (&available[..=i], true),
            None => (available, false),
        };
        let room = (MAX_LINE_BYTES + 1).saturating_sub(buffer.len());
        buffer.extend_from_slice(&chunk[..chunk.len().min(room)]);
        let used = chunk.len();
        input.consume(used);
        consumed += used;
        if done {
            return Ok(consumed);
        }
    }
}

fn memchr(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'\n')
}
