//! CSV export -> csv_to_v1 without a mapping -> decode gives the same records, for
//! every kind, on the fixtures, the demo dataset and a bulk sample; redacted
//! exports give the redacted records.

use std::path::PathBuf;

use zonewatch_interop::{csv_columns, csv_to_v1, write_csv, CsvOptions};
use zonewatch_model::restricted::split_restricted;
use zonewatch_model::{decode_line, decode_record, Kind, Record};

fn fixture(name: &str) -> Vec<Record> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name);
    let text = std::fs::read_to_string(&path).expect("fixture");
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| decode_line(l).unwrap_or_else(|e| panic!("{l}: {e:?}")))
        .collect()
}

fn export(kind: Kind, records: &[Record], options: CsvOptions) -> Vec<u8> {
    let mut out = Vec::new();
    let of_kind: Vec<&Record> = records.iter().filter(|r| r.kind() == kind).collect();
    let rows = write_csv(kind, of_kind.iter().copied(), &mut out, options).expect("export");
    assert_eq!(rows, of_kind.len());
    out
}

fn import(kind: Kind, csv: &[u8]) -> Vec<Record> {
    csv_to_v1(csv, kind, None)
        .unwrap_or_else(|e| panic!("{kind}: {e}\n{}", String::from_utf8_lossy(csv)))
        .map(|row| {
            let line = row.result.unwrap_or_else(|e| {
                panic!(
                    "{kind} row {}: {e:?}\n{}",
                    row.row,
                    String::from_utf8_lossy(csv)
                )
            });
            let record = decode_line(&line).expect("a valid line");
            assert_eq!(line, record.to_line(), "csv_to_v1 gives canonical lines");
            record
        })
        .collect()
}

/// The record as `export --redact` leaves it.
fn redacted(record: &Record) -> Record {
    let (open, _) = split_restricted(record.kind(), record.sensitivity, record.to_json());
    decode_record(open).expect("a redacted record is valid")
}

fn assert_round_trip(records: &[Record], what: &str) {
    for kind in Kind::ALL {
        let expected: Vec<&Record> = records.iter().filter(|r| r.kind() == *kind).collect();
        let full = CsvOptions {
            include_restricted: true,
        };
        let back = import(*kind, &export(*kind, records, full));
        assert_eq!(back.len(), expected.len(), "{what} {kind}");
        for (got, want) in back.iter().zip(&expected) {
            assert_eq!(got, *want, "{what} {kind}");
        }

        let back = import(*kind, &export(*kind, records, CsvOptions::default()));
        for (got, want) in back.iter().zip(&expected) {
            assert_eq!(*got, redacted(want), "{what} {kind} redacted");
        }
    }
}

#[test]
fn every_field_round_trips_for_every_kind() {
    let records = fixture("every-field.jsonl");
    // The fixture holds every kind.
    for kind in Kind::ALL {
        assert!(records.iter().any(|r| r.kind() == *kind), "{kind}");
    }
    assert_round_trip(&records, "every-field");
}

#[test]
fn worked_example_round_trips() {
    assert_round_trip(&fixture("worked.jsonl"), "worked");
}

#[test]
fn demo_and_bulk_data_round_trip() {
    assert_round_trip(&zonewatch_demo::demo_dataset(), "demo");
    let mut bulk = Vec::new();
    zonewatch_demo::write_bulk(3000, &mut bulk).unwrap();
    let records: Vec<Record> = String::from_utf8(bulk)
        .unwrap()
        .lines()
        .map(|l| decode_line(l).unwrap())
        .collect();
    assert_round_trip(&records, "bulk");
}

#[test]
fn awkward_text_round_trips() {
    let lines = [
        r#"{"kind":"organization","id":"o","name":" Lead, \"quoted\"\nand a new line ","type":"other","aliases":["a;b","c\\d","\\;",";"," spaced ","tab\there","ไทย; 中文"]}"#,
        r#"{"kind":"site","id":"s","name":"=cmd|' /C calc'!A0","category":"suspected_site","country":"KH","lat":-0.000001,"lon":179.99999999999997,"aliases":["x"]}"#,
        r#"{"kind":"person","id":"p","alias":"A","roles":["victim"],"recruitment":{"promised_salary_usd":0.1},"pii":{"document_numbers":["A;1","B\\2"]},"sensitivity":"restricted"}"#,
        r#"{"kind":"intervention","id":"i","site":"s","date":"2024","type":"raid","persons_removed":18446744073709551615,"note":"  "}"#,
    ];
    let records: Vec<Record> = lines.iter().map(|l| decode_line(l).unwrap()).collect();
    assert_round_trip(&records, "awkward");
}

#[test]
fn an_empty_optional_text_comes_back_absent() {
    // The one documented exception: "" and absent are the same empty cell.
    let record = decode_line(
        r#"{"kind":"intervention","id":"i","site":"s","date":"2024","type":"raid","note":""}"#,
    )
    .unwrap();
    let back = import(
        Kind::Intervention,
        &export(Kind::Intervention, &[record], CsvOptions::default()),
    );
    assert_eq!(
        back[0].to_line(),
        r#"{"kind":"intervention","id":"i","site":"s","date":"2024","type":"raid"}"#
    );
}

#[test]
fn export_form_header_and_cells() {
    let records = fixture("every-field.jsonl");
    let csv = String::from_utf8(export(
        Kind::Person,
        &records,
        CsvOptions {
            include_restricted: true,
        },
    ))
    .unwrap();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "id,alias,roles,nationality,gender,age_at_entry,recruitment.channel,\
         recruitment.promised_job,recruitment.promised_salary_usd,recruitment.date,\
         recruitment.ad,custody,exit,pii.legal_name,pii.date_of_birth,pii.contact,\
         pii.document_numbers,pii.address,sources,sensitivity"
    );
    assert!(csv.contains(
        r#"survivor;witness,PH,other,17,tiktok,typist,1234.5,2023-01,ad-all,"[{""site"":""site-all"",""from"":""2023-02"",""to"":""2023-02-10""},{""site"":""site-2""}]",ransom_paid"#
    ), "{csv}");

    // Redacted: no pii columns, no restricted free text.
    assert!(!csv_columns(Kind::Person, CsvOptions::default()).contains(&"pii.legal_name"));
    assert!(!csv_columns(Kind::Testimony, CsvOptions::default()).contains(&"transcript"));
    let csv = String::from_utf8(export(Kind::SiteStatus, &records, CsvOptions::default())).unwrap();
    assert!(!csv.contains("Moved (fictional)"), "{csv}");
    let csv = String::from_utf8(export(Kind::Person, &records, CsvOptions::default())).unwrap();
    assert!(!csv.contains("fictional restricted"), "{csv}");
}

#[test]
fn a_record_of_another_kind_is_refused() {
    let records = fixture("worked.jsonl");
    let err = write_csv(
        Kind::Site,
        records.iter(),
        Vec::new(),
        CsvOptions::default(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("is a source"), "{err}");
}
