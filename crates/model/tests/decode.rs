//! The decoder against FORMAT.md: every good line comes back canonical, every bad
//! one is refused with the field and what was expected.

use zonewatch_model::{decode_line, FieldError, Kind};

fn fixture(name: &str) -> String {
    let path = format!("{}/../../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn every_field_fixture_is_canonical() {
    for line in fixture("every-field.jsonl").lines() {
        let record = decode_line(line).unwrap_or_else(|e| panic!("{line}: {e:?}"));
        assert_eq!(record.to_line(), line);
    }
}

#[test]
fn worked_example_decodes_and_reencodes_stably() {
    for line in fixture("worked.jsonl").lines() {
        let record = decode_line(line).unwrap_or_else(|e| panic!("{line}: {e:?}"));
        let again = decode_line(&record.to_line()).expect("canonical line decodes");
        assert_eq!(again, record);
        assert_eq!(again.to_line(), record.to_line());
    }
}

#[test]
fn every_kind_of_reference_is_listed() {
    let line = fixture("every-field.jsonl")
        .lines()
        .find(|l| l.contains(r#""id":"inc-all""#))
        .map(str::to_owned)
        .expect("fixture has inc-all");
    let record = decode_line(&line).expect("valid");
    let refs: Vec<(String, &str)> = record
        .references()
        .into_iter()
        .map(|r| (r.field.to_string(), r.target))
        .collect();
    assert_eq!(
        refs,
        vec![
            ("sources[0]".to_owned(), "src-all"),
            ("site".to_owned(), "site-all"),
            ("victims[0]".to_owned(), "p-all"),
            ("perpetrators[0]".to_owned(), "p-perp"),
            ("perpetrators[1]".to_owned(), "org-all"),
            ("testimony".to_owned(), "t-all"),
        ]
    );
}

fn errors(line: &str) -> Vec<FieldError> {
    match decode_line(line) {
        Ok(record) => panic!("accepted {line} as {:?}", record.kind()),
        Err(errors) => errors,
    }
}

/// Asserts the line is refused with an error on `field` whose message contains `words`.
fn refused(line: &str, field: Option<&str>, words: &str) {
    let errors = errors(line);
    assert!(
        errors
            .iter()
            .any(|e| e.field.as_deref() == field && e.message.contains(words)),
        "{line}\nexpected an error on {field:?} containing {words:?}, got {errors:?}"
    );
}

const SITE: &str = r#""kind":"site","id":"s","name":"N","category":"scam_compound","country":"KH""#;

#[test]
fn bad_input_names_the_field_and_what_was_expected() {
    refused(r#"{"kind":"site","id":"s""#, None, "malformed JSON");
    refused(r#"[1,2]"#, None, "expected a JSON object");
    refused(r#"{"id":"x"}"#, Some("kind"), "required field is missing");
    refused(
        r#"{"kind":"place","id":"x"}"#,
        Some("kind"),
        "one of `source`",
    );
    refused(
        &format!("{{{SITE},\"colour\":\"red\"}}"),
        Some("colour"),
        "unknown field",
    );
    refused(
        &format!("{{{SITE},\"admin1\":null}}"),
        Some("admin1"),
        "null is not allowed",
    );
    refused(
        r#"{"kind":"site","id":"s","name":"N","category":"Casino","country":"KH"}"#,
        Some("category"),
        "one of `scam_compound`, `suspected_site`",
    );
    refused(
        r#"{"kind":"source","id":"a b","title":"T","type":"report"}"#,
        Some("id"),
        "an id of 1 to 128",
    );
    refused(
        &format!(
            r#"{{"kind":"source","id":"{}","title":"T","type":"report"}}"#,
            "a".repeat(129)
        ),
        Some("id"),
        "1 to 128",
    );
    refused(
        &format!("{{{SITE},\"lat\":91,\"lon\":0}}"),
        Some("lat"),
        "from -90 to 90",
    );
    refused(
        &format!("{{{SITE},\"lat\":1,\"lon\":-180.5}}"),
        Some("lon"),
        "from -180 to 180",
    );
    refused(
        &format!("{{{SITE},\"lat\":10}}"),
        Some("lon"),
        "`lon` is missing",
    );
    refused(
        &format!("{{{SITE},\"lon\":10}}"),
        Some("lat"),
        "`lat` is missing",
    );
    refused(
        &format!("{{{SITE},\"lat\":\"10\",\"lon\":1}}"),
        Some("lat"),
        "got \"10\"",
    );
    refused(
        r#"{"kind":"site_status","id":"x","site":"s","date":"2023-02-30","status":"closed","basis":"media"}"#,
        Some("date"),
        "that exists",
    );
    refused(
        r#"{"kind":"site_status","id":"x","site":"s","date":"2023","status":"closed","basis":"media","relocated_to":"s2"}"#,
        Some("relocated_to"),
        "only allowed when",
    );
    refused(
        &format!("{{{SITE},\"country\":\"kh\"}}"),
        None,
        "appears twice",
    );
    refused(
        r#"{"kind":"site","id":"s","name":"N","category":"scam_compound","country":"XX"}"#,
        Some("country"),
        "ISO 3166-1",
    );
    refused(
        r#"{"kind":"intervention","id":"i","site":"s","date":"2024","type":"raid","persons_removed":40.0}"#,
        Some("persons_removed"),
        "JSON integer",
    );
    refused(
        r#"{"kind":"intervention","id":"i","site":"s","date":"2024","type":"raid","persons_removed":-1}"#,
        Some("persons_removed"),
        ">= 0",
    );
    refused(
        r#"{"kind":"person","id":"p","alias":"A","roles":["survivor","survivor"]}"#,
        Some("roles[1]"),
        "duplicate",
    );
    refused(
        r#"{"kind":"person","id":"p","alias":"A","roles":[]}"#,
        Some("roles"),
        "non-empty",
    );
    refused(
        r#"{"kind":"person","id":"p","alias":"A","roles":["boss"]}"#,
        Some("roles[0]"),
        "one of `survivor`",
    );
    refused(
        r#"{"kind":"person","id":"p","alias":"A","roles":["victim"],"recruitment":{}}"#,
        Some("recruitment"),
        "at least one field",
    );
    refused(
        r#"{"kind":"person","id":"p","alias":"A","roles":["victim"],"custody":[{"site":"s","from":"2024-03","to":"2024-02"}]}"#,
        Some("custody[0].to"),
        "may not be before",
    );
    refused(
        r#"{"kind":"person","id":"p","alias":"A","roles":["victim"],"custody":[{"from":"2024"}]}"#,
        Some("custody[0].site"),
        "required",
    );
    refused(
        r#"{"kind":"person","id":"p","alias":"A","roles":["victim"],"recruitment":{"chanel":"facebook"}}"#,
        Some("recruitment.chanel"),
        "unknown field",
    );
    refused(
        r#"{"kind":"testimony","id":"t","person":"p","date":"2024","consent":"yes"}"#,
        Some("consent"),
        "one of `public_use`",
    );
    refused(
        r#"{"kind":"testimony","id":"t","person":"p","date":"2024","consent":"withdrawn","findings":[{"code":"ilo.unknown"}]}"#,
        Some("findings[0].code"),
        "one of `ilo.abuse_of_vulnerability`",
    );
    refused(
        r#"{"kind":"ad","id":"a","platform":"facebook","text":"  "}"#,
        Some("text"),
        "empty string",
    );
    refused(
        r#"{"kind":"ad","id":"a","platform":"facebook","text":"t","sources":"src"}"#,
        Some("sources"),
        "a list",
    );
    refused(
        r#"{"kind":"source","id":"s","title":"T","type":"report","sha256":"ABC"}"#,
        Some("sha256"),
        "64 lowercase",
    );
}

#[test]
fn restricted_values_are_never_echoed_in_errors() {
    let secret = "Somchai Secretname";
    for line in [
        format!(
            r#"{{"kind":"person","id":"p","alias":"A","roles":["victim"],"pii":{{"legal_name":["{secret}"]}}}}"#
        ),
        format!(
            r#"{{"kind":"person","id":"p","alias":"A","roles":["victim"],"pii":{{"date_of_birth":"{secret}"}}}}"#
        ),
        format!(
            r#"{{"kind":"testimony","id":"t","person":"p","date":"2024","consent":"withdrawn","transcript":["{secret}"]}}"#
        ),
    ] {
        let errors = errors(&line);
        let shown = format!("{errors:?}");
        assert!(!shown.contains("Secretname"), "{shown}");
    }
}

#[test]
fn several_problems_on_one_line_are_all_reported() {
    let errors = errors(r#"{"kind":"site","id":"s","category":"x","country":"ZZ","extra":1}"#);
    let fields: Vec<_> = errors.iter().filter_map(|e| e.field.as_deref()).collect();
    for field in ["name", "category", "country", "extra"] {
        assert!(fields.contains(&field), "{field} missing from {errors:?}");
    }
}

#[test]
fn empty_lists_mean_absent_and_integral_numbers_are_integers() {
    let record = decode_line(&format!(
        "{{{SITE},\"aliases\":[],\"lat\":10.0,\"lon\":1e2}}"
    ))
    .expect("valid");
    assert_eq!(record.kind(), Kind::Site);
    assert_eq!(
        record.to_line(),
        format!("{{{SITE},\"lat\":10,\"lon\":100}}")
    );
}

#[test]
fn trusted_fast_path_agrees_with_the_strict_decoder() {
    use zonewatch_model::decode_trusted;
    for name in ["every-field.jsonl", "worked.jsonl"] {
        for line in fixture(name).lines() {
            let strict = decode_line(line).expect("valid");
            let canonical = strict.to_line();
            assert_eq!(
                decode_trusted(&canonical).as_ref(),
                Some(&strict),
                "{canonical}"
            );
        }
    }
}

#[test]
fn trusted_fast_path_declines_what_it_cannot_vouch_for() {
    use zonewatch_model::decode_trusted;
    for line in [
        r#"{"kind":"site","id":"s","name":"N","category":"casino","country":"KH"}"#,
        r#"{"kind":"site","id":"s","name":"N","category":"scam_compound","country":"KH","lat":1}"#,
        r#"{"kind":"person","id":"p","alias":"A"}"#,
        r#"{"id":"p","kind":"person","alias":"A","roles":["victim"]}"#,
        r#"{"kind":"site_status","id":"x","site":"s","date":"2023-02-30","status":"closed","basis":"media"}"#,
        "not json",
    ] {
        assert_eq!(decode_trusted(line), None, "{line}");
    }
}

mod never_panics {
    use proptest::prelude::*;
    use zonewatch_model::{decode_line, decode_trusted};

    fn fixture_lines() -> Vec<String> {
        super::fixture("every-field.jsonl")
            .lines()
            .map(str::to_owned)
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Any text at all: an error, never a panic.
        #[test]
        fn on_arbitrary_text(text in "\\PC{0,300}") {
            let _ = decode_line(&text);
            let _ = decode_trusted(&text);
        }

        /// Valid lines with one byte changed, cut short, or a span deleted: the
        /// decoder either accepts a valid record (which re-encodes and decodes to
        /// itself) or reports errors.
        #[test]
        fn on_damaged_valid_lines(which in 0usize..13, at in 0usize..2000, byte in any::<u8>(), cut in any::<bool>()) {
            let lines = fixture_lines();
            let mut bytes = lines[which % lines.len()].clone().into_bytes();
            let at = at % bytes.len();
            if cut { bytes.truncate(at) } else { bytes[at] = byte }
            if let Ok(text) = String::from_utf8(bytes) {
                if let Ok(record) = decode_line(&text) {
                    let again = decode_line(&record.to_line()).expect("a decoded record re-encodes validly");
                    prop_assert_eq!(again, record);
                }
                let _ = decode_trusted(&text);
            }
        }
    }
}

/// Per-record checks are linear: a record with 100,000 aliases decodes (comparing
/// each with every earlier one took 42 s), and a repeat at the very end is still
/// found, where it is.
#[test]
fn a_hundred_thousand_aliases_decode_and_a_last_repeat_is_found() {
    let aliases: Vec<String> = (0..100_000).map(|n| format!("\"alias {n}\"")).collect();
    let line = format!(
        r#"{{"kind":"site","id":"s","name":"S (fictional)","category":"scam_compound","country":"KH","aliases":[{}]}}"#,
        aliases.join(",")
    );
    let record = zonewatch_model::decode_line(&line).expect("decodes");
    let zonewatch_model::Body::Site(site) = &record.body else {
        panic!("a site")
    };
    assert_eq!(site.aliases.len(), 100_000);
    let repeated = line.replace("]}", ",\"alias 7\"]}");
    let errors = zonewatch_model::decode_line(&repeated).expect_err("a duplicate");
    assert_eq!(
        errors[0].field.as_deref(),
        Some("aliases[100000]"),
        "{errors:?}"
    );
}

/// A key inside `pii` may itself be restricted text (a name typed where a field
/// name belongs): the error says where, and never repeats it.
#[test]
fn an_unknown_key_inside_pii_is_not_echoed() {
    let line = r#"{"kind":"person","id":"p","alias":"A (fictional)","roles":["victim"],"pii":{"Sokha Chan Secretname":"x"}}"#;
    let errors = zonewatch_model::decode_line(line).expect_err("an unknown field");
    let text = format!("{errors:?}");
    assert!(!text.contains("Secretname"), "{text}");
    assert_eq!(errors[0].field.as_deref(), Some("pii"));
    assert!(
        errors[0].message.starts_with("an unknown field inside pii"),
        "{text}"
    );
}

/// Numbers come back as they went in: serde_json's default float parsing read
/// 10.938711676632721 as 10.93871167663272 (found by the `json_parse` fuzz target).
#[test]
fn a_seventeen_digit_coordinate_round_trips() {
    let line = r#"{"kind":"site","id":"s","name":"S (fictional)","category":"scam_compound","country":"KH","lat":10.938711676632721,"lon":103.5}"#;
    let record = zonewatch_model::decode_line(line).expect("decodes");
    assert!(
        record.to_line().contains("10.938711676632721"),
        "{}",
        record.to_line()
    );
    let fast = zonewatch_model::decode_trusted(&record.to_line()).expect("fast path");
    assert_eq!(fast, record);
}
