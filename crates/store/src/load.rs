//! Loading stored records back into memory as validated [`Record`]s, for the
//! findings. Aggregate figures and legal tests never read restricted fields, so by
//! default only the open part of each record is decoded; restricted fields come
//! along only when asked for (and, once sealed, only with the key).

use std::sync::{mpsc, Arc, Mutex};

use zonewatch_model::restricted::merge_restricted;
use zonewatch_model::{decode_record, Json, Kind, Record};

use crate::{OpenRestricted, Result, Row, Store, StoreError};

#[derive(Clone, Copy)]
pub enum Fields<'a> {
    /// Every field but the restricted ones.
    Open,
    /// Every field, the restricted ones opened by this.
    All(&'a dyn OpenRestricted),
}

/// Every record of the given kinds (all kinds when empty), decoded.
///
/// Decoding is most of the cost, so it runs on every core while this thread reads
/// rows: rows travel in chunks over a bounded channel, and each is dropped as soon
/// as it is decoded, so the rows are never all in memory at once.
pub fn load_records(
    store: &mut dyn Store,
    kinds: &[Kind],
    fields: Fields<'_>,
) -> Result<Vec<Record>> {
    let kinds = if kinds.is_empty() { Kind::ALL } else { kinds };
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8);

    std::thread::scope(|scope| {
        let (row_sender, row_receiver) = mpsc::sync_channel::<(usize, Vec<Row>)>(threads * 2);
        let row_receiver = Arc::new(Mutex::new(row_receiver));
        let (record_sender, record_receiver) = mpsc::channel::<(usize, Result<Vec<Record>>)>();
        for _ in 0..threads {
            let rows = Arc::clone(&row_receiver);
            let records = record_sender.clone();
            scope.spawn(move || loop {
                // Hold the lock only to take the next chunk.
                let next = rows.lock().map(|r| r.recv());
                let Ok(Ok((seq, chunk))) = next else { break };
                let decoded = chunk.iter().map(|row| decode_row(row, fields)).collect();
                drop(chunk);
                if records.send((seq, decoded)).is_err() {
                    break;
                }
            });
        }
        drop(record_sender);

        let mut chunk = Vec::with_capacity(CHUNK);
        let mut chunks = 0usize;
        let mut scan = || -> Result<()> {
            for kind in kinds {
                store.scan_kind(*kind, &mut |row| {
                    chunk.push(row);
                    if chunk.len() == CHUNK {
                        let full = std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK));
                        // A send fails only when every worker has stopped; the
                        // results below then say why.
                        let _ = row_sender.send((chunks, full));
                        chunks += 1;
                    }
                    Ok(())
                })?;
            }
            if !chunk.is_empty() {
                let _ = row_sender.send((chunks, std::mem::take(&mut chunk)));
                chunks += 1;
            }
            Ok(())
        };
        let scanned = scan();
        drop(row_sender);

        // Results arrive out of order; put the chunks back in scan order.
        let mut parts: Vec<Option<Vec<Record>>> = (0..chunks).map(|_| None).collect();
        for (seq, decoded) in record_receiver {
            parts[seq] = Some(decoded?);
        }
        scanned?;
        // Counting first would cost a scan of the whole table; the parts know.
        let total = parts.iter().flatten().map(Vec::len).sum();
        let mut records = Vec::with_capacity(total);
        for part in parts {
            records.extend(part.ok_or_else(|| StoreError::Corrupt {
                id: String::new(),
                problem: "a decoding thread stopped unexpectedly".into(),
            })?);
        }
        Ok(records)
    })
}

/// Rows per chunk handed to a decoding thread: large enough that the channel and
/// the wake-ups cost little (measured: 4,096 → 16,384 took a million-person report
/// from 2.3 s to 2.0 s here), small enough to keep memory flat.
const CHUNK: usize = 16384;

/// Decodes one stored row.
pub fn decode_row(row: &Row, fields: Fields<'_>) -> Result<Record> {
    if row.restricted.is_none() || matches!(fields, Fields::Open) {
        if let Some(record) = zonewatch_model::decode_trusted(&row.body) {
            return Ok(record);
        }
    }
    let corrupt = |problem: String| StoreError::Corrupt {
        id: row.id.clone(),
        problem,
    };
    let open = Json::parse(&row.body).map_err(|e| corrupt(e.to_string()))?;
    let json = match (&row.restricted, fields) {
        (Some(restricted), Fields::All(opener)) => {
            let restricted =
                opener
                    .open(&row.id, restricted)
                    .map_err(|problem| StoreError::Restricted {
                        id: row.id.clone(),
                        problem,
                    })?;
            merge_restricted(open, Some(restricted))
        }
        _ => open,
    };
    decode_record(json).map_err(|errors| {
        corrupt(
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; "),
        )
    })
}
