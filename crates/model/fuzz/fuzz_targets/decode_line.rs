//! Decodes arbitrary text as one v1 line. Never panics; a line that decodes has a
//! canonical form (`Record::to_line`) that decodes to the same record, is its own
//! canonical form, and reads the same through the trusted fast path; a line that
//! does not decode says why, and never echoes a restricted value in an error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zonewatch_model::{decode_line, decode_trusted, FieldError};

/// The type names `describe` may show in place of a restricted value.
const TYPE_NAMES: [&str; 6] = [
    "null",
    "a boolean",
    "a number",
    "a string",
    "a list",
    "an object",
];

fn is_restricted(field: &str) -> bool {
    field == "pii" || field.starts_with("pii.") || field == "transcript"
}

fn check_errors(line: &str, errors: &[FieldError]) {
    assert!(!errors.is_empty(), "rejected without a reason: {line:?}");
    for error in errors {
        assert!(!error.message.is_empty(), "empty message for {line:?}");
        let Some(field) = error.field.as_deref() else {
            continue;
        };
        // "expected X, got Y": for a restricted field Y is only a JSON type name.
        if is_restricted(field) {
            if let Some((_, got)) = error.message.rsplit_once(", got ") {
                assert!(
                    TYPE_NAMES.contains(&got),
                    "restricted value echoed in `{field}`: {:?} (line {line:?})",
                    error.message
                );
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(line) = std::str::from_utf8(data) else {
        return;
    };
    match decode_line(line) {
        Ok(record) => {
            let canonical = record.to_line();
            let again = match decode_line(&canonical) {
                Ok(again) => again,
                Err(errors) => panic!(
                    "the canonical form of an accepted line is rejected: {errors:?}\n\
                     input:     {line}\ncanonical: {canonical}"
                ),
            };
            assert_eq!(again, record, "input: {line}\ncanonical: {canonical}");
            assert_eq!(again.to_line(), canonical, "to_line is not idempotent");
            if let Some(trusted) = decode_trusted(&canonical) {
                assert_eq!(trusted, record, "trusted path differs on {canonical}");
            }
        }
        Err(errors) => check_errors(line, &errors),
    }
});
