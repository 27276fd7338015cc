//! `zonewatch export --format jsonl`: the export form of FORMAT.md. Records by kind in
//! export order, then by id bytewise; each line canonical, so an export re-imported
//! and exported again is byte-identical on either backend.

use std::io::Write;

use zonewatch_model::Kind;

use crate::load::{decode_row, Fields};
use crate::{OpenRestricted, Result, Row, Store, StoreError};

#[derive(Clone, Debug, Default)]
pub struct ExportOptions {
    /// Only this kind (all kinds when `None`).
    pub kind: Option<Kind>,
    /// Leave out every restricted field (FORMAT.md `--redact`): still a valid v1 file.
    pub redact: bool,
    /// Only records marked `public` (what a viewer may see).
    pub only_public: bool,
}

/// Writes the export; returns the number of records written.
///
/// Restricted fields are opened with `opener`; without one, an export that is not
/// redacted fails at the first record that has any.
pub fn export_jsonl(
    store: &mut dyn Store,
    options: &ExportOptions,
    opener: Option<&dyn OpenRestricted>,
    out: &mut dyn Write,
) -> Result<u64> {
    let kinds: Vec<Kind> = match options.kind {
        Some(kind) => vec![kind],
        None => Kind::ALL.to_vec(),
    };
    let mut written = 0u64;
    for kind in kinds {
        store.scan_kind(kind, &mut |row| {
            if options.only_public && row.sensitivity != zonewatch_model::Sensitivity::Public {
                return Ok(());
            }
            let line = export_line(&row, options.redact, opener)?;
            out.write_all(line.as_bytes())?;
            out.write_all(b"\n")?;
            written += 1;
            Ok(())
        })?;
    }
    out.flush()?;
    Ok(written)
}

/// The canonical line of a stored row.
pub fn export_line(row: &Row, redact: bool, opener: Option<&dyn OpenRestricted>) -> Result<String> {
    // Without restricted fields the stored body already is the canonical line.
    if row.restricted.is_none() || redact {
        return Ok(row.body.clone());
    }
    let opener = opener.ok_or_else(|| StoreError::Restricted {
        id: row.id.clone(),
        problem: "it has restricted fields, which need the passphrase (or export with --redact)"
            .into(),
    })?;
    Ok(decode_row(row, Fields::All(opener))?.to_line())
}
