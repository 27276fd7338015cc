//! Reads arbitrary text as a mapping file and, when it is one, maps the sheet that
//! follows it. The input is the mapping's TOML, then optionally a NUL byte and the
//! bytes of a CSV sheet.
//!
//! Never panics. A refused mapping says why, with lines inside the file, sorted; an
//! accepted one reads the same again. Every row the mapping turns into a line is a
//! canonical v1 record of the mapping's kind (it decodes, and `to_line` gives the
//! same text back); every row refused says why, with its own row number.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zonewatch_interop::{csv_to_v1, field_to_column, Mapping};
use zonewatch_model::decode_line;

/// Rows mapped per input at most: inputs are small, this only bounds the time.
const MAX_ROWS: usize = 1000;

fuzz_target!(|data: &[u8]| {
    let (toml, sheet) = match data.iter().position(|&b| b == 0) {
        Some(nul) => (&data[..nul], Some(&data[nul + 1..])),
        None => (data, None),
    };
    let Ok(text) = std::str::from_utf8(toml) else {
        return;
    };
    let last_line = text.bytes().filter(|&b| b == b'\n').count() + 1;
    let mapping = match Mapping::from_toml(text) {
        Ok(mapping) => mapping,
        Err(errors) => {
            assert!(!errors.is_empty(), "refused without a reason: {text:?}");
            for error in &errors {
                assert!(!error.message.is_empty(), "empty message for {text:?}");
                assert!(
                    error.line <= last_line,
                    "line {} of a {last_line}-line mapping: {error}",
                    error.line
                );
            }
            assert!(
                errors.windows(2).all(|w| w[0].line <= w[1].line),
                "errors out of line order: {errors:?}"
            );
            return;
        }
    };
    assert_eq!(
        Mapping::from_toml(text).as_ref(),
        Ok(&mapping),
        "reads differently the second time"
    );
    for (_, field) in mapping.renames() {
        assert!(!field.is_empty());
    }

    let Some(sheet) = sheet else {
        return;
    };
    let kind = mapping.kind();
    let rows = match csv_to_v1(sheet, kind, Some(&mapping)) {
        Ok(rows) => rows,
        Err(err) => {
            assert!(!err.errors.is_empty(), "sheet refused without a reason");
            return;
        }
    };
    for row in rows.take(MAX_ROWS) {
        match &row.result {
            Ok(line) => {
                let record = decode_line(line).unwrap_or_else(|errors| {
                    panic!(
                        "row {} gave a line the decoder refuses: {errors:?}\n{line}",
                        row.row
                    )
                });
                assert_eq!(record.kind(), kind, "row {}: {line}", row.row);
                assert_eq!(&record.to_line(), line, "row {} is not canonical", row.row);
            }
            Err(errors) => {
                assert!(
                    !errors.is_empty(),
                    "row {} refused without a reason",
                    row.row
                );
                for error in errors {
                    assert_eq!(error.row, row.row, "{error}");
                    assert!(!error.problem.is_empty(), "{error}");
                    if let Some(field) = &error.field {
                        let _ = field_to_column(Some(&mapping), field);
                    }
                }
            }
        }
    }
});
