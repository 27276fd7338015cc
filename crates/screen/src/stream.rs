//! The streaming driver: reads JSON Lines, CSV or plain lines, screens them on all
//! cores, and writes one result per input record in input order (FORMAT.md,
//! "Screening"). The calling thread reads the next batch while a worker screens the
//! previous one on the pool; memory holds at most four batches (1,024 records or
//! about 1 MiB each) and one record of at most [`MAX_LINE_BYTES`].

use crate::contacts::Region;
use crate::score::Level;
use crate::{Screener, Screening};
use rayon::prelude::*;
use serde::Deserialize;
use std::borrow::Cow;
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::io::{self, BufRead, Write};
use std::sync::mpsc;

/// The longest record screened: 1 MiB. A longer line yields an error object (and is
/// skipped without being held in memory).
pub const MAX_LINE_BYTES: usize = 1 << 20;

const BATCH_RECORDS: usize = 1024;
const BATCH_BYTES: usize = 1 << 20;
const TASK_RECORDS: usize = 64;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputFormat {
    /// JSON Lines: objects with `text` and optionally `id` (string or number).
    Jsonl,
    /// CSV with a header row; ids from `id_column` or the 1-based record number.
    Csv {
        text_column: String,
        id_column: Option<String>,
    },
    /// One text per line; ids are line numbers.
    Lines,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OutputFormat {
    /// FORMAT.md's Screening objects, one per line.
    Jsonl,
    /// For people: score, level, id, the text with matched spans highlighted (ANSI
    /// colour when `color`, else `[brackets]`), the signs and the contacts.
    Table { color: bool },
}

#[derive(Clone, Debug)]
pub struct ScreenOptions {
    pub input: InputFormat,
    pub format: OutputFormat,
    /// ISO country code for phone numbers written without an international prefix.
    pub region: Option<String>,
    /// Worker threads; None uses rayon's global pool (all cores, or
    /// RAYON_NUM_THREADS).
    pub threads: Option<usize>,
    /// Table output only: print just the `top` highest scores, highest first, at the
    /// end (memory holds `top` entries). None prints every record in input order.
    pub top: Option<usize>,
}

impl Default for ScreenOptions {
    fn default() -> ScreenOptions {
        ScreenOptions {
            input: InputFormat::Jsonl,
            format: OutputFormat::Jsonl,
            region: None,
            threads: None,
            top: None,
        }
    }
}

/// What a run screened.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Records screened (error objects not included).
    pub screened: u64,
    pub errors: u64,
    pub high: u64,
    pub medium: u64,
    pub low: u64,
    /// Input bytes read.
    pub bytes: u64,
}

impl Summary {
    fn add(&mut self, other: &Summary) {
        self.screened += other.screened;
        self.errors += other.errors;
        self.high += other.high;
        self.medium += other.medium;
        self.low += other.low;
    }
}

enum Payload {
    /// A JSON Lines object, to be parsed.
    Json,
    /// A text (its id, if known, is in the item).
    Text,
    Error(String),
}

struct Item {
    number: u64,
    /// The id when the reader knows it (CSV id column).
    id: Option<String>,
    payload: Payload,
    start: usize,
    end: usize,
}

#[derive(Default)]
struct Batch {
    buf: Vec<u8>,
    items: Vec<Item>,
}

/// Reads one line (without its `\n` or `\r\n`) onto `buf`. Returns None at the end,
/// Some(true) when the line was longer than `limit` (then nothing is kept of it).
fn read_line_bounded(
    r: &mut impl BufRead,
    buf: &mut Vec<u8>,
    limit: usize,
    bytes: &mut u64,
) -> io::Result<Option<bool>> {
    let start = buf.len();
    let mut too_long = false;
    let mut any = false;
    loop {
        let available = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            break;
        }
        any = true;
        let (take, used, done) = match memchr::memchr(b'\n', available) {
            Some(i) => (i, i + 1, true),
            None => (available.len(), available.len(), false),
        };
        if !too_long {
            if buf.len() - start + take > limit {
                too_long = true;
                buf.truncate(start);
            } else {
                buf.extend_from_slice(&available[..take]);
            }
        }
        r.consume(used);
        *bytes += used as u64;
        if done {
            break;
        }
    }
    if !any {
        return Ok(None);
    }
    if !too_long && buf.len() > start && buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Ok(Some(too_long))
}

fn too_long_message() -> String {
    format!("line too long to screen: more than {MAX_LINE_BYTES} bytes")
}

/// Where records come from: lines (JSON Lines or plain) or CSV records, read one
/// batch at a time.
enum Source<R: BufRead> {
    Lines {
        input: R,
        json: bool,
        number: u64,
        bytes: u64,
    },
    Csv {
        reader: Box<csv::Reader<CountingReader<R>>>,
        text_idx: usize,
        id_idx: Option<usize>,
        text_column: String,
        number: u64,
    },
}

impl<R: BufRead> Source<R> {
    fn new(input: R, format: &InputFormat) -> io::Result<Source<R>> {
        match format {
            InputFormat::Jsonl => Ok(Source::Lines {
                input,
                json: true,
                number: 0,
                bytes: 0,
            }),
            InputFormat::Lines => Ok(Source::Lines {
                input,
                json: false,
                number: 0,
                bytes: 0,
            }),
            InputFormat::Csv {
                text_column,
                id_column,
            } => {
                let counting = CountingReader {
                    inner: input,
                    bytes: 0,
                };
                let mut reader = csv::ReaderBuilder::new()
                    .has_headers(true)
                    .flexible(true)
                    .from_reader(counting);
                let headers = reader.byte_headers().map_err(csv_io)?.clone();
                let find = |name: &str| headers.iter().position(|h| h == name.as_bytes());
                let columns = || {
                    headers
                        .iter()
                        .map(|h| String::from_utf8_lossy(h).into_owned())
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                let text_idx = find(text_column).ok_or_else(|| {
                    io::Error::new(
                        io::ErrorKind::InvalidInput,
                        format!(
                            "CSV has no column {text_column:?}; its columns are: {}",
                            columns()
                        ),
                    )
                })?;
                let id_idx = match id_column {
                    Some(name) => Some(find(name).ok_or_else(|| {
                        io::Error::new(
                            io::ErrorKind::InvalidInput,
                            format!("CSV has no column {name:?}; its columns are: {}", columns()),
                        )
                    })?),
                    None => None,
                };
                Ok(Source::Csv {
                    reader: Box::new(reader),
                    text_idx,
                    id_idx,
                    text_column: text_column.clone(),
                    number: 0,
                })
            }
        }
    }

    fn bytes(&self) -> u64 {
        match self {
            Source::Lines { bytes, .. } => *bytes,
            Source::Csv { reader, .. } => reader.get_ref().bytes,
        }
    }

    /// The next batch, filled into `batch` (a spent one, so its memory is reused).
    fn next_batch(&mut self, mut batch: Batch) -> io::Result<Option<Batch>> {
        batch.buf.clear();
        batch.items.clear();
        match self {
            Source::Lines {
                input,
                json,
                number,
                bytes,
            } => loop {
                let start = batch.buf.len();
                let Some(too_long) =
                    read_line_bounded(input, &mut batch.buf, MAX_LINE_BYTES, bytes)?
                else {
                    break;
                };
                *number += 1;
                let end = batch.buf.len();
                if !too_long
                    && batch.buf[start..end]
                        .iter()
                        .all(|b| b.is_ascii_whitespace())
                {
                    batch.buf.truncate(start);
                    continue;
                }
                let payload = if too_long {
                    Payload::Error(too_long_message())
                } else if *json {
                    Payload::Json
                } else {
                    Payload::Text
                };
                batch.items.push(Item {
                    number: *number,
                    id: None,
                    payload,
                    start,
                    end,
                });
                if batch.items.len() >= BATCH_RECORDS || batch.buf.len() >= BATCH_BYTES {
                    break;
                }
            },
            Source::Csv {
                reader,
                text_idx,
                id_idx,
                text_column,
                number,
            } => {
                let mut record = csv::ByteRecord::new();
                loop {
                    let more = match reader.read_byte_record(&mut record) {
                        Ok(more) => more,
                        Err(e) => {
                            if let csv::ErrorKind::Io(_) = e.kind() {
                                return Err(csv_io(e));
                            }
                            *number += 1;
                            let start = batch.buf.len();
                            batch.items.push(Item {
                                number: *number,
                                id: None,
                                payload: Payload::Error(format!("invalid CSV: {e}")),
                                start,
                                end: start,
                            });
                            continue;
                        }
                    };
                    if !more {
                        break;
                    }
                    *number += 1;
                    let start = batch.buf.len();
                    let id = id_idx
                        .and_then(|i| record.get(i))
                        .filter(|v| !v.is_empty())
                        .map(|v| String::from_utf8_lossy(v).into_owned());
                    let payload = match record.get(*text_idx) {
                        None => Payload::Error(format!("no {text_column:?} value in this record")),
                        Some(text) if text.len() > MAX_LINE_BYTES => {
                            Payload::Error(too_long_message())
                        }
                        Some(text) => {
                            batch.buf.extend_from_slice(text);
                            Payload::Text
                        }
                    };
                    let end = batch.buf.len();
                    batch.items.push(Item {
                        number: *number,
                        id,
                        payload,
                        start,
                        end,
                    });
                    if batch.items.len() >= BATCH_RECORDS || batch.buf.len() >= BATCH_BYTES {
                        break;
                    }
                }
            }
        }
        Ok((!batch.items.is_empty()).then_some(batch))
    }
}

fn csv_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::new(
            io::ErrorKind::InvalidData,
            format!("invalid CSV: {other:?}"),
        ),
    }
}

struct CountingReader<R> {
    inner: R,
    bytes: u64,
}

impl<R: io::Read> io::Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }
}

#[derive(Deserialize)]
struct JsonInput<'a> {
    #[serde(borrow, default)]
    text: Option<Cow<'a, str>>,
    #[serde(default)]
    id: Option<serde_json::Value>,
}

fn id_text(id: Option<serde_json::Value>) -> Option<String> {
    match id {
        Some(serde_json::Value::String(s)) => Some(s),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        _ => None,
    }
}

/// Checks UTF-8 (SIMD-accelerated); the error says where it fails.
fn utf8(raw: &[u8]) -> Result<&str, String> {
    match simdutf8::basic::from_utf8(raw) {
        Ok(text) => Ok(text),
        Err(_) => match std::str::from_utf8(raw) {
            Ok(text) => Ok(text),
            Err(e) => Err(format!(
                "not UTF-8: invalid byte at offset {}",
                e.valid_up_to()
            )),
        },
    }
}

/// `{"id":"ID","text":"TEXT"}`, `{"text":"TEXT","id":"ID"}` or `{"text":"TEXT"}`
/// exactly, with no escape, quote or control character in the strings: (ID, TEXT),
/// which is what serde_json reads from such a line. None for any other line.
fn simple_object(line: &str) -> Option<(Option<&str>, &str)> {
    let body = line.strip_prefix("{\"")?.strip_suffix('}')?;
    let (first_key, rest) = plain_string(body)?;
    let (first, rest) = plain_string(rest.strip_prefix(":\"")?)?;
    if rest.is_empty() {
        return (first_key == "text").then_some((None, first));
    }
    let (second_key, rest) = plain_string(rest.strip_prefix(",\"")?)?;
    let (second, rest) = plain_string(rest.strip_prefix(":\"")?)?;
    if !rest.is_empty() {
        return None;
    }
    match (first_key, second_key) {
        ("id", "text") => Some((Some(first), second)),
        ("text", "id") => Some((Some(second), first)),
        _ => None,
    }
}

/// The body of a JSON string that starts `s` (after its opening quote) when it ends
/// at the first quote with no escape or control character before it, and the rest
/// after the closing quote.
fn plain_string(s: &str) -> Option<(&str, &str)> {
    let bytes = s.as_bytes();
    let end = string_stop(bytes)?;
    (bytes[end] == b'"').then(|| (&s[..end], &s[end + 1..]))
}

/// Where the first '"', '\\' or control character (below 0x20) is, eight bytes at a
/// time. Each lane test may also flag lanes above a lane it rightly flags (a borrow),
/// never below one, so the lowest flagged lane is right.
fn string_stop(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = ONES * 0x80;
    let mut i = 0;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        let quote = x ^ (ONES * u64::from(b'"'));
        let backslash = x ^ (ONES * u64::from(b'\\'));
        let stops = (x.wrapping_sub(ONES * 0x20) & !x
            | quote.wrapping_sub(ONES) & !quote
            | backslash.wrapping_sub(ONES) & !backslash)
            & HIGHS;
        if stops != 0 {
            return Some(i + (stops.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    bytes[i..]
        .iter()
        .position(|&b| b < 0x20 || b == b'"' || b == b'\\')
        .map(|p| i + p)
}

/// One record's outcome before rendering.
enum Outcome<'a> {
    Screened {
        id: Cow<'a, str>,
        text: Cow<'a, str>,
        screening: Screening,
    },
    Error {
        id: Cow<'a, str>,
        message: String,
    },
}

fn process<'a>(
    screener: &Screener,
    region: Option<Region>,
    item: &Item,
    bytes: &'a [u8],
) -> Outcome<'a> {
    let number = || {
        item.id
            .clone()
            .map_or_else(|| Cow::Owned(item.number.to_string()), Cow::Owned)
    };
    let raw = &bytes[item.start..item.end];
    match &item.payload {
        Payload::Error(message) => Outcome::Error {
            id: number(),
            message: message.clone(),
        },
        Payload::Text => {
            let id = number();
            match utf8(raw) {
                Ok(text) => {
                    let screening = screener.screen(text, region);
                    Outcome::Screened {
                        id,
                        text: Cow::Borrowed(text),
                        screening,
                    }
                }
                Err(message) => Outcome::Error { id, message },
            }
        }
        Payload::Json => {
            let line = match utf8(raw) {
                Ok(line) => line,
                Err(message) => {
                    return Outcome::Error {
                        id: number(),
                        message,
                    }
                }
            };
            // The usual line, with both strings free of escapes, read directly;
            // anything else goes to serde_json.
            if let Some((id, text)) = simple_object(line) {
                let screening = screener.screen(text, region);
                return Outcome::Screened {
                    id: id.map_or_else(number, Cow::Borrowed),
                    text: Cow::Borrowed(text),
                    screening,
                };
            }
            match serde_json::from_str::<JsonInput<'_>>(line) {
                Ok(input) => {
                    let id = id_text(input.id).map_or_else(number, Cow::Owned);
                    match input.text {
                        Some(text) => {
                            let screening = screener.screen(&text, region);
                            Outcome::Screened {
                                id,
                                text,
                                screening,
                            }
                        }
                        None => Outcome::Error {
                            id,
                            message: "no \"text\": expected a JSON object with a \"text\" string"
                                .to_string(),
                        },
                    }
                }
                Err(e) => {
                    // Find the id if the line is JSON at all, to name the record.
                    let value: Option<serde_json::Value> = serde_json::from_str(line).ok();
                    let id = value
                        .as_ref()
                        .and_then(|v| id_text(v.get("id").cloned()))
                        .map_or_else(number, Cow::Owned);
                    let message = match &value {
                        None => format!("invalid JSON: {e}"),
                        Some(v) if !v.is_object() => {
                            "expected a JSON object with a \"text\" string".to_string()
                        }
                        Some(v)
                            if v.get("text")
                                .is_some_and(|t| !t.is_string() && !t.is_null()) =>
                        {
                            "\"text\" is not a string".to_string()
                        }
                        Some(_) => format!("invalid input: {e}"),
                    };
                    Outcome::Error { id, message }
                }
            }
        }
    }
}

fn json_string(out: &mut Vec<u8>, s: &str) {
    // Most strings need no escape (serde_json escapes only '"', '\\' and control
    // characters below 0x20): copy them as they are.
    if !s.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\') {
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
        return;
    }
    // Writing to a Vec cannot fail.
    let _ = serde_json::to_writer(&mut *out, s);
}

/// Decimal digits of `n` (without the formatting machinery: this runs for every
/// signal).
fn push_usize(out: &mut Vec<u8>, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

/// The score rounded to four decimals, as `f64`'s Display writes
/// `round(score * 10000) / 10000` ("0.8421", "0.05", "1", "0"), without the
/// formatting machinery: the shortest decimal that reads back as that number is the
/// four-decimal one without its trailing zeros (a test compares every value).
fn push_score(out: &mut Vec<u8>, score: f64) {
    let k = (score * 10_000.0).round();
    if k.is_sign_negative() || k.is_nan() || k > 10_000.0 {
        // Not a probability (or NaN, or -0): the general way (never expected).
        let _ = write!(out, "{}", k / 10_000.0);
        return;
    }
    let k = k as u32;
    push_usize(out, (k / 10_000) as usize);
    let mut fraction = k % 10_000;
    if fraction == 0 {
        return;
    }
    let mut digits = 4;
    while fraction.is_multiple_of(10) {
        fraction /= 10;
        digits -= 1;
    }
    out.push(b'.');
    for place in (0..digits).rev() {
        out.push(b'0' + (fraction / 10u32.pow(place) % 10) as u8);
    }
}

fn write_json(out: &mut Vec<u8>, outcome: &Outcome<'_>) {
    match outcome {
        Outcome::Error { id, message } => {
            out.extend_from_slice(b"{\"id\":");
            json_string(out, id);
            out.extend_from_slice(b",\"error\":");
            json_string(out, message);
            out.extend_from_slice(b"}\n");
        }
        Outcome::Screened { id, screening, .. } => {
            out.extend_from_slice(b"{\"id\":");
            json_string(out, id);
            out.extend_from_slice(b",\"score\":");
            push_score(out, screening.score);
            out.extend_from_slice(b",\"level\":\"");
            out.extend_from_slice(screening.level.as_str().as_bytes());
            out.extend_from_slice(b"\",\"signals\":[");
            for (i, s) in screening.signals.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                out.extend_from_slice(b"{\"code\":");
                json_string(out, &s.code);
                out.extend_from_slice(b",\"start\":");
                push_usize(out, s.start);
                out.extend_from_slice(b",\"end\":");
                push_usize(out, s.end);
                out.push(b'}');
            }
            out.extend_from_slice(b"],\"contacts\":[");
            for (i, c) in screening.contacts.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                out.extend_from_slice(b"{\"type\":\"");
                out.extend_from_slice(c.kind.as_str().as_bytes());
                out.extend_from_slice(b"\",\"value\":");
                json_string(out, &c.value);
                if let Some(chain) = c.chain {
                    out.extend_from_slice(b",\"chain\":\"");
                    out.extend_from_slice(chain.as_str().as_bytes());
                    out.push(b'"');
                }
                if let Some(Some(region)) = screening.contact_regions.get(i) {
                    out.extend_from_slice(b",\"region\":\"");
                    out.extend_from_slice(region.code().as_bytes());
                    out.push(b'"');
                }
                out.push(b'}');
            }
            out.extend_from_slice(b"]}\n");
        }
    }
}

const TABLE_TEXT_CHARS: usize = 600;

/// Text for a terminal: control characters (escape sequences included) become
/// spaces, so a post cannot drive the terminal.
fn push_clean(out: &mut String, text: &str) {
    for c in text.chars() {
        if c.is_control()
            || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
}

fn write_table(out: &mut Vec<u8>, outcome: &Outcome<'_>, color: bool) {
    let (bold, red, yellow, dim, reset) = if color {
        ("\x1b[1m", "\x1b[1;31m", "\x1b[1;33m", "\x1b[2m", "\x1b[0m")
    } else {
        ("", "", "", "", "")
    };
    let mut s = String::new();
    match outcome {
        Outcome::Error { id, message } => {
            s.push_str(&format!("{red}error{reset}         "));
            push_clean(&mut s, id);
            s.push_str("  ");
            push_clean(&mut s, message);
            s.push('\n');
        }
        Outcome::Screened {
            id,
            text,
            screening,
        } => {
            let level_color = match screening.level {
                Level::High => red,
                Level::Medium => yellow,
                Level::Low => dim,
            };
            s.push_str(&format!(
                "{:.3} {level_color}{:<6}{reset} {bold}",
                screening.score,
                screening.level.as_str()
            ));
            push_clean(&mut s, id);
            s.push_str(reset);
            s.push_str("  ");
            // Merge overlapping spans, then mark them.
            let mut spans: Vec<(usize, usize)> =
                screening.signals.iter().map(|x| (x.start, x.end)).collect();
            spans.sort();
            let mut merged: Vec<(usize, usize)> = Vec::new();
            for (a, b) in spans {
                match merged.last_mut() {
                    Some(last) if a <= last.1 => last.1 = last.1.max(b),
                    _ => merged.push((a, b)),
                }
            }
            let limit = text
                .char_indices()
                .nth(TABLE_TEXT_CHARS)
                .map_or(text.len(), |(i, _)| i);
            let (open, close) = if color { (red, reset) } else { ("[", "]") };
            let mut at = 0;
            for (a, b) in merged {
                if a >= limit {
                    break;
                }
                let b = b.min(limit);
                if let (Some(before), Some(inside)) = (text.get(at..a), text.get(a..b)) {
                    push_clean(&mut s, before);
                    s.push_str(open);
                    push_clean(&mut s, inside);
                    s.push_str(close);
                    at = b;
                }
            }
            if let Some(rest) = text.get(at..limit) {
                push_clean(&mut s, rest);
            }
            if limit < text.len() {
                s.push('…');
            }
            s.push('\n');
            if !screening.signals.is_empty() {
                let mut codes: Vec<&str> = Vec::new();
                for sig in &screening.signals {
                    if !codes.contains(&&*sig.code) {
                        codes.push(&sig.code);
                    }
                }
                s.push_str(&format!(
                    "{dim}              signs:{reset} {}\n",
                    codes.join(", ")
                ));
            }
            if !screening.contacts.is_empty() {
                s.push_str(&format!("{dim}              contacts:{reset} "));
                for (i, c) in screening.contacts.iter().enumerate() {
                    if i > 0 {
                        s.push_str(", ");
                    }
                    s.push_str(c.kind.as_str());
                    s.push(' ');
                    push_clean(&mut s, &c.value);
                    if let Some(chain) = c.chain {
                        s.push_str(&format!(" ({})", chain.as_str()));
                    }
                    if let Some(Some(region)) = screening.contact_regions.get(i) {
                        s.push_str(&format!(" (read as {})", region.code()));
                    }
                }
                s.push('\n');
            }
        }
    }
    out.extend_from_slice(s.as_bytes());
}

/// Screens every record of `input` and writes one result per record to `output`, in
/// input order: FORMAT.md's Screening objects (`OutputFormat::Jsonl`) or a table for
/// people. A record that cannot be screened (invalid JSON, not UTF-8, no text, longer
/// than [`MAX_LINE_BYTES`]) yields `{"id", "error"}` and screening goes on. Errors
/// returned are I/O errors, an unknown region, or a CSV without the named column.
pub fn screen_stream(
    screener: &Screener,
    input: impl BufRead,
    mut output: impl Write,
    options: &ScreenOptions,
) -> io::Result<Summary> {
    let region = match &options.region {
        Some(code) => Some(Region::parse(code).ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("unknown region {code:?}: expected an ISO 3166-1 alpha-2 code such as TH"),
            )
        })?),
        None => None,
    };
    let pool = match options.threads {
        Some(n) => Some(
            rayon::ThreadPoolBuilder::new()
                .num_threads(n.max(1))
                .build()
                .map_err(|e| io::Error::other(format!("cannot start worker threads: {e}")))?,
        ),
        None => None,
    };
    let mut source = Source::new(input, &options.input)?;
    let mut summary = Summary::default();
    let format = options.format.clone();
    let top = match format {
        OutputFormat::Table { .. } => options.top,
        OutputFormat::Jsonl => None,
    };
    let mut best: BinaryHeap<Reverse<(u64, u64, Vec<u8>)>> = BinaryHeap::new();
    let mut sequence = 0u64;
    type Part = (Vec<u8>, Summary, Vec<(u64, Vec<u8>)>);
    let run = |batch: &Batch| -> Vec<Part> {
        batch
            .items
            .par_chunks(TASK_RECORDS)
            .map(|chunk| {
                // About what the chunk's output takes, so that it seldom grows.
                let mut out = Vec::with_capacity(chunk.iter().map(|i| i.end - i.start).sum());
                let mut part = Summary::default();
                let mut ranked = Vec::new();
                for item in chunk {
                    let outcome = process(screener, region, item, &batch.buf);
                    match &outcome {
                        Outcome::Error { .. } => part.errors += 1,
                        Outcome::Screened { screening, .. } => {
                            part.screened += 1;
                            match screening.level {
                                Level::High => part.high += 1,
                                Level::Medium => part.medium += 1,
                                Level::Low => part.low += 1,
                            }
                        }
                    }
                    match format {
                        OutputFormat::Jsonl => write_json(&mut out, &outcome),
                        OutputFormat::Table { color } if top.is_some() => {
                            if let Outcome::Screened { screening, .. } = &outcome {
                                let mut rendered = Vec::new();
                                write_table(&mut rendered, &outcome, color);
                                ranked.push(((screening.score * 1e9) as u64, rendered));
                            }
                        }
                        OutputFormat::Table { color } => write_table(&mut out, &outcome, color),
                    }
                }
                (out, part, ranked)
            })
            .collect()
    };
    // The calling thread reads and writes (neither input nor output need be Send);
    // a worker thread screens one batch on the pool while the next is read.
    std::thread::scope(|scope| -> io::Result<()> {
        let (batch_tx, batch_rx) = mpsc::sync_channel::<Batch>(1);
        let (part_tx, part_rx) = mpsc::channel::<(Vec<Part>, Batch)>();
        let pool = &pool;
        let worker = scope.spawn(move || {
            for batch in batch_rx {
                let parts = match pool {
                    Some(pool) => pool.install(|| run(&batch)),
                    None => run(&batch),
                };
                // The batch goes back with its results, to be refilled.
                if part_tx.send((parts, batch)).is_err() {
                    break;
                }
            }
        });
        let mut write_parts = |parts: Vec<Part>, output: &mut dyn Write| -> io::Result<()> {
            for (out, part, ranked) in parts {
                summary.add(&part);
                output.write_all(&out)?;
                if let Some(k) = top {
                    for (score, rendered) in ranked {
                        sequence += 1;
                        // Highest scores, earliest first among equals.
                        best.push(Reverse((score, u64::MAX - sequence, rendered)));
                        if best.len() > k {
                            best.pop();
                        }
                    }
                }
            }
            Ok(())
        };
        let mut result = Ok(());
        let mut spare: Vec<Batch> = Vec::new();
        loop {
            match source.next_batch(spare.pop().unwrap_or_default()) {
                Ok(Some(batch)) => {
                    if batch_tx.send(batch).is_err() {
                        break;
                    }
                }
                Ok(None) => break,
                Err(e) => {
                    result = Err(e);
                    break;
                }
            }
            while let Ok((parts, batch)) = part_rx.try_recv() {
                spare.push(batch);
                if let Err(e) = write_parts(parts, &mut output) {
                    result = Err(e);
                    break;
                }
            }
            if result.is_err() {
                break;
            }
        }
        drop(batch_tx);
        if result.is_ok() {
            for (parts, _) in part_rx.iter() {
                if let Err(e) = write_parts(parts, &mut output) {
                    result = Err(e);
                    break;
                }
            }
        }
        drop(part_rx);
        worker
            .join()
            .map_err(|_| io::Error::other("a screening thread stopped unexpectedly"))?;
        result
    })?;
    let bytes = source.bytes();
    if top.is_some() {
        for Reverse((_, _, rendered)) in best.into_sorted_vec() {
            output.write_all(&rendered)?;
        }
    }
    output.flush()?;
    summary.bytes = bytes;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_are_written_as_display_writes_them() {
        let display = |score: f64| format!("{}", (score * 10_000.0).round() / 10_000.0);
        let mut scores: Vec<f64> = (0..=10_000).map(|k| f64::from(k) / 10_000.0).collect();
        // And values between, as the logistic function gives them.
        let mut x = 0.123_456_789f64;
        for _ in 0..100_000 {
            x = (x * 3.987_654_321 + 0.011).fract();
            scores.push(x);
        }
        scores.extend([0.99995, 0.00005, 0.99994999, 1.0, 0.0, -0.0, 2.5, f64::NAN]);
        for score in scores {
            let mut out = Vec::new();
            push_score(&mut out, score);
            assert_eq!(String::from_utf8_lossy(&out), display(score), "{score}");
        }
    }

    #[test]
    fn simple_lines_read_as_serde_json_reads_them() {
        let lines = [
            r#"{"id":"th-1","text":"งานออนไลน์ 30,000 บาท"}"#,
            r#"{"text":"no id","id":"x"}"#,
            r#"{"text":"only text"}"#,
            r#"{"text":""}"#,
            r#"{"id":"","text":"empty id"}"#,
            r#"{"id":"a","text":"longer than eight bytes, still plain"}"#,
        ];
        for line in lines {
            let (id, text) = simple_object(line).expect("simple");
            let parsed: JsonInput<'_> = serde_json::from_str(line).expect("valid");
            assert_eq!(id.map(str::to_string), id_text(parsed.id), "{line}");
            assert_eq!(Some(text), parsed.text.as_deref(), "{line}");
        }
        // Escapes, control characters, other keys, numbers, spaces, duplicates,
        // trailing text: left to serde_json.
        for line in [
            r#"{"id":"a","text":"say \"hi\""}"#,
            r#"{"id":"a","text":"back\\slash"}"#,
            "{\"id\":\"a\",\"text\":\"tab\there\"}",
            "{\"id\":\"a\",\"text\":\"twelve bytes\u{1}\"}",
            r#"{"id":7,"text":"number id"}"#,
            r#"{"id":"a","text":"x","extra":1}"#,
            r#"{"id":"a", "text":"space"}"#,
            r#"{"text":"a","text":"b"}"#,
            r#"{"id":"a"}"#,
            r#"{"id":"a","text":"x"} "#,
            r#"{"id":"a","text":"x"}}"#,
            r#"{"id":"a","text":"x""#,
            r#"{"ID":"a","text":"x"}"#,
        ] {
            assert_eq!(simple_object(line), None, "{line}");
        }
    }

    #[test]
    fn string_stops_at_quotes_escapes_and_controls() {
        for n in 0..40 {
            for stop in [b'"', b'\\', 0x00, 0x1F] {
                for filler in [b'a', 0x20, 0x7F, 0xE0, 0xFF, b'#', b'!', b'['] {
                    let mut bytes = vec![filler; n];
                    bytes.push(stop);
                    bytes.extend_from_slice(b"xx\"\\");
                    assert_eq!(string_stop(&bytes), Some(n), "{bytes:?}");
                }
            }
            assert_eq!(string_stop(&vec![b'z'; n]), None);
        }
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        for s in [
            "",
            "plain",
            "ไทย 中文",
            "a\"b",
            "back\\slash",
            "tab\there",
            "\u{1}",
            "\u{7f}",
            "\u{2028}",
        ] {
            let mut out = Vec::new();
            json_string(&mut out, s);
            assert_eq!(out, serde_json::to_vec(s).unwrap_or_default(), "{s:?}");
        }
    }
}
