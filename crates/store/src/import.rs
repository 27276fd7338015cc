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

use zonewatch_model::restricted::split_restricted;
use zonewatch_model::{decode_line, Kind, Record};

use crate::{KindConflict, Row, Store, StoreError, WriteTransaction};

/// Longest line accepted; longer ones are reported, not read into memory whole.
pub const MAX_LINE_BYTES: usize = 16 * 1024 * 1024;

#[derive(Clone, Debug)]
pub struct ImportOptions {
    /// Validate everything, write nothing.
    pub dry_run: bool,
    /// Stop after this many errors (FORMAT.md: up to 100 are reported).
    pub max_errors: usize,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            dry_run: false,
            max_errors: 100,
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
    field: String,
    target: Box<str>,
    expected: &'static [Kind],
}

/// Imports JSON Lines from `input`. `progress` is called with the bytes read so far.
pub fn import_jsonl(
    store: &mut dyn Store,
    input: &mut dyn BufRead,
    options: &ImportOptions,
    progress: &mut dyn FnMut(u64),
) -> Result<ImportSummary, ImportError> {
    let mut tx = store.begin_write()?;
    let mut run = Run {
        seen: HashMap::new(),
        pending: Vec::new(),
        errors: Vec::new(),
        summary: ImportSummary::default(),
        max_errors: options.max_errors.max(1),
    };
    let stopped_early = run.read_all(tx.as_mut(), input, progress)?;
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
        tx.commit()?;
        run.summary.written = true;
    }
    Ok(run.summary)
}

struct Run {
    seen: HashMap<Box<str>, Seen>,
    pending: Vec<PendingRef>,
    errors: Vec<LineError>,
    summary: ImportSummary,
    max_errors: usize,
}

impl Run {
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
    fn read_all(
        &mut self,
        tx: &mut dyn WriteTransaction,
        input: &mut dyn BufRead,
        progress: &mut dyn FnMut(u64),
    ) -> Result<bool, ImportError> {
        let mut buffer = Vec::with_capacity(1024);
        let mut bytes_read = 0u64;
        let mut line_number = 0u64;
        loop {
            buffer.clear();
            let n = read_line_limited(input, &mut buffer).map_err(ImportError::Read)?;
            if n == 0 {
                break;
            }
            bytes_read += n as u64;
            line_number += 1;
            if line_number.is_multiple_of(4096) {
                progress(bytes_read);
            }
            if buffer.last() == Some(&b'\n') {
                buffer.pop();
            }
            if buffer.len() > MAX_LINE_BYTES {
                self.error(
                    line_number,
                    None,
                    format!("line longer than {MAX_LINE_BYTES} bytes"),
                );
            } else {
                self.read_line(tx, line_number, &buffer)?;
            }
            if self.full() {
                return Ok(true);
            }
        }
        progress(bytes_read);
        self.summary.lines = line_number;
        Ok(false)
    }

    fn read_line(
        &mut self,
        tx: &mut dyn WriteTransaction,
        line: u64,
        bytes: &[u8],
    ) -> Result<(), ImportError> {
        let Ok(text) = std::str::from_utf8(bytes) else {
            self.error(line, None, "not valid UTF-8".into());
            return Ok(());
        };
        if text.trim().is_empty() {
            return Ok(());
        }
        let record = match decode_line(text) {
            Ok(record) => record,
            Err(problems) => {
                for p in problems {
                    self.error(line, p.field, p.message);
                }
                return Ok(());
            }
        };
        let kind = record.kind();
        if let Some(first) = self.seen.get(record.id.as_str()) {
            let message = format!(
                "id `{}` is already used on line {} (by a {}); ids are unique across the whole dataset",
                record.id, first.line, first.kind
            );
            self.error(line, Some("id".into()), message);
            return Ok(());
        }
        self.check_references(line, &record);
        self.seen
            .insert(record.id.as_str().into(), Seen { kind, line });
        self.summary.by_kind[usize::from(kind.rank())] += 1;
        let conflicts = tx.upsert(to_row(&record))?;
        self.report_conflicts(conflicts);
        Ok(())
    }

    fn check_references(&mut self, line: u64, record: &Record) {
        for reference in record.references() {
            match self.seen.get(reference.target) {
                Some(seen) => {
                    if !reference.expected.contains(&seen.kind) {
                        let message = wrong_kind(reference.target, reference.expected, seen.kind);
                        self.error(line, Some(reference.field), message);
                    }
                }
                None if reference.target == record.id => {
                    if !reference.expected.contains(&record.kind()) {
                        let message =
                            wrong_kind(reference.target, reference.expected, record.kind());
                        self.error(line, Some(reference.field), message);
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
                "id `{}` is already a {} in the database, so it cannot be a {}; ids are unique across the whole dataset",
                conflict.id, conflict.stored, kind
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
                    self.error(p.line, Some(p.field.clone()), message);
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
                    self.error(p.line, Some(p.field.clone()), message);
                }
                None => {
                    let message = format!(
                        "`{}` names no record in this file or the database (expected {})",
                        p.target,
                        kinds_phrase(p.expected)
                    );
                    self.error(p.line, Some(p.field.clone()), message);
                }
            }
        }
        Ok(())
    }
}

/// The row a backend stores for a record: restricted fields apart from the rest.
pub fn to_row(record: &Record) -> Row {
    let kind = record.kind();
    let (open, restricted) = split_restricted(kind, record.sensitivity, record.to_json());
    Row {
        id: record.id.clone(),
        kind,
        sensitivity: record.sensitivity,
        body: open.to_text(),
        restricted: restricted.map(|r| r.to_text()),
    }
}

fn kinds_phrase(kinds: &[Kind]) -> String {
    let names: Vec<String> = kinds.iter().map(|k| format!("a {k}")).collect();
    format!("{} id", names.join(" or "))
}

fn wrong_kind(target: &str, expected: &[Kind], actual: Kind) -> String {
    format!(
        "expected {}, but `{target}` is a {actual}",
        kinds_phrase(expected)
    )
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
