//! Parses arbitrary text with `Json::parse`. Never panics; a value that parses is
//! written by `to_text` as text that parses back to the same value and is its own
//! written form; it agrees with serde_json's own tree; and text that serde_json
//! reads but `Json::parse` refuses has a duplicate key.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use zonewatch_model::Json;

fn to_value(json: &Json) -> Value {
    match json {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => Value::Number(n.clone()),
        Json::String(s) => Value::String(s.clone()),
        Json::Array(items) => Value::Array(items.iter().map(to_value).collect()),
        Json::Object(members) => Value::Object(
            members
                .iter()
                .map(|(key, value)| (key.clone(), to_value(value)))
                .collect(),
        ),
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let serde = serde_json::from_str::<Value>(text);
    match Json::parse(text) {
        Ok(value) => {
            let written = value.to_text();
            let again = match Json::parse(&written) {
                Ok(again) => again,
                Err(err) => {
                    panic!("written form does not parse: {err}\ninput: {text}\nwritten: {written}")
                }
            };
            assert_eq!(again, value, "input: {text}\nwritten: {written}");
            assert_eq!(again.to_text(), written, "to_text is not idempotent");
            let serde = serde.unwrap_or_else(|err| panic!("serde_json refuses {text:?}: {err}"));
            assert_eq!(to_value(&value), serde, "input: {text}");
        }
        Err(err) => {
            if serde.is_ok() {
                assert!(
                    err.to_string().contains("appears twice"),
                    "refused what serde_json reads: {err}\ninput: {text}"
                );
            }
        }
    }
});
