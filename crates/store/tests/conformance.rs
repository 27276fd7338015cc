//! The one conformance suite every backend passes: SQLite always, PostgreSQL when
//! `ZONEWATCH_TEST_POSTGRES` names a server (each test then gets a fresh database).

use std::io::Cursor;

use zonewatch_model::Kind;
use zonewatch_store::export::{export_jsonl, ExportOptions};
use zonewatch_store::import::{
    import_jsonl, Existing, ImportError, ImportHooks, ImportOptions, ImportSummary, LineError,
};
use zonewatch_store::testing::{postgres_server, TempDatabase};
use zonewatch_store::{
    open, AdScreening, DbUrl, Derived, OpenRestricted, SealRestricted, Store, StoredContact,
    TestimonyContacts,
};

/// Stands in for sealing, which lives above the store: hex, so plaintext never
/// shows in the column, and bound to the record id, so a misplaced value fails.
struct TestSeal;

impl SealRestricted for TestSeal {
    fn seal(&self, record_id: &str, restricted: zonewatch_model::Json) -> Result<String, String> {
        let hex: String = restricted
            .to_text()
            .bytes()
            .map(|b| format!("{b:02x}"))
            .collect();
        Ok(format!("test-sealed:{record_id}:{hex}"))
    }
}

impl OpenRestricted for TestSeal {
    fn open(&self, record_id: &str, stored: &str) -> Result<zonewatch_model::Json, String> {
        let hex = stored
            .strip_prefix(&format!("test-sealed:{record_id}:"))
            .ok_or("sealed for another record")?;
        let bytes: Vec<u8> = (0..hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).map_err(|e| e.to_string()))
            .collect::<Result<_, _>>()?;
        zonewatch_model::Json::parse(&String::from_utf8(bytes).map_err(|e| e.to_string())?)
            .map_err(|e| e.to_string())
    }
}

impl ImportHooks for TestSeal {
    fn sealer(&self) -> &dyn SealRestricted {
        self
    }
}

/// A store under test, with whatever keeps its database alive.
struct Backend {
    name: &'static str,
    url: DbUrl,
    _sqlite_dir: Option<tempfile::TempDir>,
    _postgres_db: Option<TempDatabase>,
}

impl Backend {
    fn open(&self) -> Box<dyn Store> {
        open(&self.url).unwrap_or_else(|e| panic!("{}: {e}", self.name))
    }
}

/// A fresh, empty database on every backend available.
fn backends() -> Vec<Backend> {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut list = vec![Backend {
        name: "sqlite",
        url: DbUrl::Sqlite(dir.path().join("test.db")),
        _sqlite_dir: Some(dir),
        _postgres_db: None,
    }];
    if let Some(server) = postgres_server() {
        let db = TempDatabase::create(&server).expect("create a PostgreSQL test database");
        list.push(Backend {
            name: "postgres",
            url: DbUrl::parse(&db.url).expect("url"),
            _sqlite_dir: None,
            _postgres_db: Some(db),
        });
    }
    list
}

fn fixture(name: &str) -> String {
    let path = format!("{}/../../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn import(store: &mut dyn Store, text: &str) -> Result<ImportSummary, ImportError> {
    import_jsonl(
        store,
        &mut Cursor::new(text.as_bytes()),
        &ImportOptions::default(),
        &mut TestSeal,
        &mut |_| {},
    )
}

fn import_ok(store: &mut dyn Store, text: &str) -> ImportSummary {
    import(store, text).unwrap_or_else(|e| match e {
        ImportError::Invalid { errors, .. } => panic!("{errors:#?}"),
        other => panic!("{other}"),
    })
}

fn import_errors(store: &mut dyn Store, text: &str) -> Vec<LineError> {
    match import(store, text) {
        Ok(summary) => panic!("import accepted bad input: {summary:?}"),
        Err(ImportError::Invalid { errors, .. }) => errors,
        Err(other) => panic!("{other}"),
    }
}

fn export_with(store: &mut dyn Store, options: &ExportOptions) -> String {
    let mut out = Vec::new();
    export_jsonl(store, options, Some(&TestSeal), &mut out).expect("export");
    String::from_utf8(out).expect("utf-8")
}

fn export(store: &mut dyn Store) -> String {
    export_with(store, &ExportOptions::default())
}

/// Asserts some error is on `line` and contains every word in `words`.
fn assert_error(errors: &[LineError], line: u64, field: Option<&str>, words: &str) {
    assert!(
        errors
            .iter()
            .any(|e| e.line == line && e.field.as_deref() == field && e.message.contains(words)),
        "expected line {line} {field:?} containing {words:?} in {errors:#?}"
    );
}

#[test]
fn every_kind_and_every_field_round_trips_exactly() {
    let text = fixture("every-field.jsonl");
    for backend in backends() {
        let mut store = backend.open();
        let summary = import_ok(store.as_mut(), &text);
        assert_eq!(summary.records(), 13, "{}", backend.name);
        assert!(
            summary.by_kind.iter().all(|n| *n > 0),
            "{}: every kind",
            backend.name
        );
        assert_eq!(export(store.as_mut()), text, "{}", backend.name);
    }
}

#[test]
fn export_reimported_into_an_empty_database_is_byte_identical() {
    let demo: String = zonewatch_demo::demo_dataset()
        .iter()
        .map(|r| r.to_line() + "\n")
        .collect();
    let worked = fixture("worked.jsonl");
    for input in [worked, demo] {
        let mut exports = Vec::new();
        for backend in backends() {
            let mut first = backend.open();
            import_ok(first.as_mut(), &input);
            let exported = export(first.as_mut());
            drop(first);
            for again in backends() {
                let mut store = again.open();
                import_ok(store.as_mut(), &exported);
                assert_eq!(
                    export(store.as_mut()),
                    exported,
                    "{} -> {}",
                    backend.name,
                    again.name
                );
            }
            exports.push(exported);
        }
        assert!(
            exports.windows(2).all(|w| w[0] == w[1]),
            "backends export the same bytes"
        );
    }
}

#[test]
fn export_is_sorted_by_kind_then_id_bytewise() {
    let text = [
        r#"{"kind":"site","id":"a","name":"A","category":"scam_compound","country":"KH"}"#,
        r#"{"kind":"site","id":"B","name":"B","category":"scam_compound","country":"KH"}"#,
        r#"{"kind":"site","id":"_","name":"C","category":"scam_compound","country":"KH"}"#,
        r#"{"kind":"source","id":"z","title":"T","type":"other"}"#,
        r#"{"kind":"site","id":"Z","name":"D","category":"scam_compound","country":"KH"}"#,
        r#"{"kind":"site","id":"10","name":"E","category":"scam_compound","country":"KH"}"#,
        r#"{"kind":"site","id":"9","name":"F","category":"scam_compound","country":"KH"}"#,
    ]
    .join("\n");
    for backend in backends() {
        let mut store = backend.open();
        import_ok(store.as_mut(), &text);
        let ids: Vec<String> = export(store.as_mut())
            .lines()
            .map(|l| l.split('"').nth(7).unwrap_or_default().to_owned())
            .collect();
        assert_eq!(
            ids,
            ["z", "10", "9", "B", "Z", "_", "a"],
            "{}",
            backend.name
        );
    }
}

#[test]
fn upsert_replaces_whole_records_and_reimport_changes_nothing() {
    let text = fixture("worked.jsonl");
    for backend in backends() {
        let mut store = backend.open();
        import_ok(store.as_mut(), &text);
        let before = export(store.as_mut());
        import_ok(store.as_mut(), &text);
        assert_eq!(
            export(store.as_mut()),
            before,
            "{}: same file twice",
            backend.name
        );

        let replacement = r#"{"kind":"site","id":"site-a","name":"Renamed (fictional)","category":"suspected_site","country":"KH"}"#;
        import_ok(store.as_mut(), replacement);
        let row = store.get("site-a").expect("get").expect("exists");
        assert_eq!(
            row.body, replacement,
            "{}: replaced as a whole, lat/lon gone",
            backend.name
        );
        let counts = store.count_by_kind().expect("counts");
        assert_eq!(
            counts[usize::from(Kind::Site.rank())],
            (Kind::Site, 4),
            "{}",
            backend.name
        );
    }
}

#[test]
fn references_may_point_forward_or_into_the_database() {
    for backend in backends() {
        let mut store = backend.open();
        // Forward: the status comes before its site.
        import_ok(
            store.as_mut(),
            "{\"kind\":\"site_status\",\"id\":\"st\",\"site\":\"s\",\"date\":\"2024\",\"status\":\"closed\",\"basis\":\"media\"}\n\
             {\"kind\":\"site\",\"id\":\"s\",\"name\":\"S\",\"category\":\"scam_compound\",\"country\":\"KH\"}\n",
        );
        // Into the database: the site is already stored.
        import_ok(
            store.as_mut(),
            r#"{"kind":"intervention","id":"iv","site":"s","date":"2024-01","type":"raid"}"#,
        );
        assert!(store.get("iv").expect("get").is_some(), "{}", backend.name);
    }
}

#[test]
fn bad_references_and_ids_are_reported_with_their_line() {
    for backend in backends() {
        let mut store = backend.open();
        import_ok(
            store.as_mut(),
            r#"{"kind":"person","id":"p-stored","alias":"P","roles":["victim"]}"#,
        );
        let before = export(store.as_mut());
        let text = [
            r#"{"kind":"site","id":"s","name":"S","category":"scam_compound","country":"KH"}"#,
            r#"{"kind":"site_status","id":"st","site":"nowhere","date":"2024","status":"closed","basis":"media"}"#,
            r#"{"kind":"intervention","id":"iv","site":"p-stored","date":"2024","type":"raid"}"#,
            r#"{"kind":"incident","id":"inc","type":"threat","victims":["s"],"perpetrators":["p-stored","later"]}"#,
            r#"{"kind":"site","id":"p-stored","name":"S","category":"scam_compound","country":"KH"}"#,
            r#"{"kind":"source","id":"s","title":"T","type":"other"}"#,
            "",
            r#"{"kind":"ad","id":"later","platform":"x","text":"t"}"#,
        ]
        .join("\n");
        let errors = import_errors(store.as_mut(), &text);
        let name = backend.name;
        assert_error(&errors, 2, Some("site"), "`nowhere` names no record");
        assert_error(
            &errors,
            3,
            Some("site"),
            "expected a site id, but `p-stored` is a person",
        );
        assert_error(
            &errors,
            4,
            Some("victims[0]"),
            "expected a person id, but `s` is a site",
        );
        assert_error(
            &errors,
            4,
            Some("perpetrators[1]"),
            "expected a person or an organization id, but `later` is an ad",
        );
        assert_error(&errors, 5, Some("id"), "already a person in the database");
        assert_error(&errors, 6, Some("id"), "already used on line 1");
        assert_eq!(errors.len(), 6, "{name}: {errors:#?}");
        assert_eq!(export(store.as_mut()), before, "{name}: nothing written");
    }
}

/// Each kind of bad line, placed in the middle of a large valid file, fails the whole
/// import with its line number and leaves the database exactly as it was.
#[test]
fn any_single_bad_line_in_a_large_file_writes_nothing() {
    let mut bulk = Vec::new();
    zonewatch_demo::write_bulk(3000, &mut bulk).expect("bulk");
    let bulk = String::from_utf8(bulk).expect("utf-8");
    let lines: Vec<&str> = bulk.lines().collect();
    let bad_lines = [
        (r#"{"kind":"site","id":"bad","name":"N""#, "malformed JSON"),
        (
            r#"{"kind":"site","id":"bad","name":"N","category":"scam_compound","country":"KH","colour":"red"}"#,
            "unknown field",
        ),
        (
            r#"{"kind":"site","id":"bad","name":"N","category":"scam_compound","country":"KH","admin1":null}"#,
            "null",
        ),
        (
            r#"{"kind":"site","id":"bad","name":"N","category":"casino","country":"KH"}"#,
            "one of",
        ),
        (
            r#"{"kind":"site_status","id":"bad","site":"missing-site","date":"2024","status":"closed","basis":"media"}"#,
            "names no record",
        ),
        (
            r#"{"kind":"site","id":"bad","name":"N","category":"scam_compound","country":"KH","lat":95,"lon":1}"#,
            "from -90 to 90",
        ),
        (
            r#"{"kind":"site","id":"bad","name":"N","category":"scam_compound","country":"KH","lat":5}"#,
            "`lon` is missing",
        ),
        (
            r#"{"kind":"site_status","id":"bad","site":"x","date":"2023-02-30","status":"closed","basis":"media"}"#,
            "that exists",
        ),
        ("\u{0}\u{ff}", "malformed JSON"),
    ];
    for backend in backends() {
        let mut store = backend.open();
        import_ok(store.as_mut(), &fixture("worked.jsonl"));
        let before = export(store.as_mut());
        for (i, (bad, words)) in bad_lines.iter().enumerate() {
            let at = 100 + i * 300;
            let mut text: Vec<&str> = lines.clone();
            text.insert(at, bad);
            let errors = import_errors(store.as_mut(), &text.join("\n"));
            assert!(
                errors
                    .iter()
                    .any(|e| e.line == at as u64 + 1 && e.message.contains(words)),
                "{}: {bad}: {errors:#?}",
                backend.name
            );
            assert_eq!(export(store.as_mut()), before, "{}: {bad}", backend.name);
        }
        // The id of a record in the file reused by another kind, at the very end.
        let first_id = lines[0].split('"').nth(7).expect("id");
        let reuse = format!(r#"{{"kind":"source","id":"{first_id}","title":"T","type":"other"}}"#);
        let text = format!("{}\n{reuse}", lines.join("\n"));
        let errors = import_errors(store.as_mut(), &text);
        assert_error(
            &errors,
            lines.len() as u64 + 1,
            Some("id"),
            "already used on line 1",
        );
        // A truncated last line.
        let text = format!("{}\n{}", lines.join("\n"), &lines[5][..lines[5].len() / 2]);
        let errors = import_errors(store.as_mut(), &text);
        assert_error(&errors, lines.len() as u64 + 1, None, "malformed JSON");
        assert_eq!(export(store.as_mut()), before, "{}", backend.name);
    }
}

#[test]
fn invalid_utf8_is_an_error_with_its_line() {
    for backend in backends() {
        let mut store = backend.open();
        let mut bytes =
            b"{\"kind\":\"source\",\"id\":\"s\",\"title\":\"T\",\"type\":\"other\"}\n".to_vec();
        bytes.extend_from_slice(
            b"{\"kind\":\"source\",\"id\":\"t\",\"title\":\"\xff\",\"type\":\"other\"}\n",
        );
        let result = import_jsonl(
            store.as_mut(),
            &mut Cursor::new(bytes),
            &ImportOptions::default(),
            &mut TestSeal,
            &mut |_| {},
        );
        match result {
            Err(ImportError::Invalid { errors, .. }) => assert_error(&errors, 2, None, "UTF-8"),
            other => panic!("{}: {other:?}", backend.name),
        }
        assert_eq!(export(store.as_mut()), "", "{}", backend.name);
    }
}

#[test]
fn dry_run_validates_without_writing() {
    for backend in backends() {
        let mut store = backend.open();
        let options = ImportOptions {
            dry_run: true,
            ..ImportOptions::default()
        };
        let text = fixture("worked.jsonl");
        let summary = import_jsonl(
            store.as_mut(),
            &mut Cursor::new(text.as_bytes()),
            &options,
            &mut TestSeal,
            &mut |_| {},
        )
        .expect("valid");
        assert!(!summary.written);
        assert_eq!(summary.records(), 26);
        assert_eq!(export(store.as_mut()), "", "{}", backend.name);
    }
}

#[test]
fn errors_stop_at_the_limit() {
    for backend in backends() {
        let mut store = backend.open();
        let text = "{}\n".repeat(500);
        let options = ImportOptions {
            max_errors: 100,
            ..ImportOptions::default()
        };
        match import_jsonl(
            store.as_mut(),
            &mut Cursor::new(text.as_bytes()),
            &options,
            &mut TestSeal,
            &mut |_| {},
        ) {
            Err(ImportError::Invalid {
                errors,
                stopped_early,
            }) => {
                assert_eq!(errors.len(), 100);
                assert!(stopped_early);
            }
            other => panic!("{}: {other:?}", backend.name),
        }
    }
}

#[test]
fn export_by_kind_and_redacted() {
    let text = fixture("every-field.jsonl");
    for backend in backends() {
        let mut store = backend.open();
        import_ok(store.as_mut(), &text);
        let persons = export_with(
            store.as_mut(),
            &ExportOptions {
                kind: Some(Kind::Person),
                redact: false,
                only_public: false,
            },
        );
        let expected: String = text
            .lines()
            .filter(|l| l.contains(r#""kind":"person""#))
            .map(|l| format!("{l}\n"))
            .collect();
        assert_eq!(persons, expected, "{}", backend.name);

        let redacted = export_with(
            store.as_mut(),
            &ExportOptions {
                kind: None,
                redact: true,
                only_public: false,
            },
        );
        for secret in [
            "fictional restricted name",
            "restricted transcript",
            "Interviewer 7",
            "Moved (fictional)",
            "\"pii\"",
            "\"transcript\"",
        ] {
            assert!(
                !redacted.contains(secret),
                "{}: {secret} in redacted export",
                backend.name
            );
        }
        assert!(
            redacted.contains("Fictional description"),
            "public record keeps its text"
        );
        assert_eq!(redacted.lines().count(), 13, "every record is kept");
        let public = export_with(
            store.as_mut(),
            &ExportOptions {
                kind: None,
                redact: true,
                only_public: true,
            },
        );
        let public_ids: Vec<&str> = public
            .lines()
            .map(|l| l.split('"').nth(7).unwrap_or_default())
            .collect();
        assert_eq!(
            public_ids,
            ["src-all", "site-all", "inc-all"],
            "{}",
            backend.name
        );
        // A redacted export is itself a valid v1 file.
        for fresh in backends() {
            let mut other = fresh.open();
            import_ok(other.as_mut(), &redacted);
        }
    }
}

#[test]
fn restricted_fields_are_stored_apart_from_the_open_body() {
    for backend in backends() {
        let mut store = backend.open();
        import_ok(store.as_mut(), &fixture("every-field.jsonl"));
        let person = store.get("p-all").expect("get").expect("exists");
        let restricted = person.restricted.clone().unwrap_or_default();
        assert!(
            restricted.starts_with("test-sealed:p-all:"),
            "the sealer ran: {restricted}"
        );
        assert!(!restricted.contains("fictional restricted name"));
        assert!(
            !person.body.contains("fictional restricted name"),
            "{}",
            backend.name
        );
        let opened = TestSeal.open("p-all", &restricted).expect("opens");
        assert!(opened.to_text().contains("legal_name"));
        let testimony = store.get("t-all").expect("get").expect("exists");
        assert!(!testimony.body.contains("restricted transcript"));
        let site = store.get("site-2").expect("get").expect("exists");
        assert_eq!(site.restricted, None);
    }
}

#[test]
fn opening_twice_migrates_once() {
    for backend in backends() {
        let mut first = backend.open();
        import_ok(first.as_mut(), &fixture("worked.jsonl"));
        drop(first);
        let mut second = backend.open();
        assert_eq!(
            second
                .count_by_kind()
                .expect("counts")
                .iter()
                .map(|(_, n)| n)
                .sum::<u64>(),
            26
        );
        assert_eq!(second.backend(), backend.name);
    }
}

#[test]
fn delete_removes_one_record_and_only_when_committed() {
    for backend in backends() {
        let mut store = backend.open();
        import_ok(store.as_mut(), &fixture("every-field.jsonl"));
        let before = export(store.as_mut());
        let (kind, id) = {
            let mut found = None;
            store
                .scan_kind(Kind::Ad, &mut |row| {
                    found.get_or_insert((row.kind, row.id));
                    Ok(())
                })
                .unwrap();
            found.expect("the fixture has an ad")
        };
        assert_eq!(kind, Kind::Ad);
        {
            let mut tx = store.begin_write().unwrap();
            assert!(tx.delete(&id).unwrap(), "{}", backend.name);
            // Dropped without commit: rolled back.
        }
        assert_eq!(export(store.as_mut()), before, "{}", backend.name);
        let mut tx = store.begin_write().unwrap();
        assert!(tx.delete(&id).unwrap(), "{}", backend.name);
        assert!(!tx.delete("no-such-record").unwrap(), "{}", backend.name);
        tx.commit().unwrap();
        assert!(store.get(&id).unwrap().is_none(), "{}", backend.name);
        let count: u64 = store
            .count_by_kind()
            .unwrap()
            .into_iter()
            .filter(|(k, _)| *k == Kind::Ad)
            .map(|(_, n)| n)
            .sum();
        let before_count = before
            .lines()
            .filter(|l| l.contains("\"kind\":\"ad\""))
            .count() as u64;
        assert_eq!(count + 1, before_count, "{}", backend.name);
    }
}

/// Derives rows as an app would, without screening: an ad's contacts are the
/// words after "contact:", a testimony gets one "hash" of its transcript.
struct TestDerive;

impl zonewatch_store::import::DeriveRows for TestDerive {
    fn derive(&self, record: &zonewatch_model::Record) -> Option<Derived> {
        match &record.body {
            zonewatch_model::Body::Ad(ad) => Some(Derived::Ad(AdScreening {
                ad_id: record.id.clone(),
                fingerprint: "fp-1".into(),
                score: 0.5,
                level: "medium".into(),
                signals: "[]".into(),
                contacts: ad
                    .text
                    .split("contact:")
                    .skip(1)
                    .map(|c| StoredContact {
                        kind: "telegram".into(),
                        value: c.trim().into(),
                        chain: None,
                    })
                    .collect(),
            })),
            zonewatch_model::Body::Testimony(t) => Some(match &t.transcript {
                Some(text) => Derived::Testimony(TestimonyContacts {
                    testimony_id: record.id.clone(),
                    fingerprint: "fp-1".into(),
                    hashes: vec![format!("{:064x}", text.len())],
                }),
                None => Derived::TestimonyUnindexed(record.id.clone()),
            }),
            _ => None,
        }
    }
}

impl ImportHooks for TestDerive {
    fn sealer(&self) -> &dyn SealRestricted {
        &TestSeal
    }

    fn deriver(&self) -> Option<&dyn zonewatch_store::import::DeriveRows> {
        Some(self)
    }
}

fn import_derived(store: &mut dyn Store, text: &str) {
    import_jsonl(
        store,
        &mut Cursor::new(text.as_bytes()),
        &ImportOptions::default(),
        &mut TestDerive,
        &mut |_| {},
    )
    .expect("import");
}

#[test]
fn derived_rows_are_written_with_records_replaced_by_upserts_and_deleted_with_them() {
    let ads = |n: usize, contact: &str| -> String {
        (0..n)
            .map(|i| {
                format!(
                    r#"{{"kind":"ad","id":"ad-{i:05}","platform":"x","text":"Job contact: {contact}{i}"}}"#
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    for backend in backends() {
        let name = backend.name;
        let mut store = backend.open();
        // More ads than one PostgreSQL batch holds.
        import_derived(store.as_mut(), &ads(2500, "first"));
        let contacts = store.ad_contacts().unwrap();
        assert_eq!(contacts.len(), 2500, "{name}");
        assert_eq!(contacts[7].0, "ad-00007", "{name}");
        assert_eq!(contacts[7].1.value, "first7", "{name}");
        let fingerprints = store.screening_fingerprints(Kind::Ad).unwrap();
        assert_eq!(fingerprints.len(), 2500, "{name}");
        assert!(fingerprints
            .iter()
            .all(|(_, f)| f.as_deref() == Some("fp-1")));

        // An upsert replaces an ad's rows; a record without derived rows shows none.
        import_derived(
            store.as_mut(),
            &(ads(2, "second")
                + "\n"
                + r#"{"kind":"person","id":"p1","alias":"P (fictional)","roles":["survivor"]}"#
                + "\n"
                + r#"{"kind":"testimony","id":"t1","person":"p1","date":"2024","consent":"internal_only","transcript":"four"}"#
                + "\n"
                + r#"{"kind":"testimony","id":"t2","person":"p1","date":"2024","consent":"internal_only"}"#),
        );
        let ad = store.ad_screening("ad-00001").unwrap().expect("stored");
        assert_eq!(
            (
                ad.level.as_str(),
                ad.contacts.len(),
                ad.contacts[0].value.as_str()
            ),
            ("medium", 1, "second1"),
            "{name}"
        );
        assert!(store.ad_screening("p1").unwrap().is_none(), "{name}");
        assert_eq!(
            store.screening_fingerprints(Kind::Testimony).unwrap(),
            vec![("t1".into(), Some("fp-1".into())), ("t2".into(), None)],
            "{name}"
        );
        assert_eq!(
            store.testimony_contact_hashes().unwrap(),
            vec![("t1".into(), format!("{:064x}", 4))],
            "{name}"
        );

        // Deleting a record deletes its rows; rolled back, it keeps them.
        {
            let mut tx = store.begin_write().unwrap();
            tx.delete("ad-00001").unwrap();
        }
        assert!(store.ad_screening("ad-00001").unwrap().is_some(), "{name}");
        let mut tx = store.begin_write().unwrap();
        tx.delete("ad-00001").unwrap();
        tx.delete("t1").unwrap();
        tx.commit().unwrap();
        assert!(store.ad_screening("ad-00001").unwrap().is_none(), "{name}");
        assert_eq!(store.ad_contacts().unwrap().len(), 2499, "{name}");
        assert!(
            store.testimony_contact_hashes().unwrap().is_empty(),
            "{name}"
        );

        // A testimony written again without its index loses the old one.
        let mut tx = store.begin_write().unwrap();
        tx.put_derived(Derived::Testimony(TestimonyContacts {
            testimony_id: "t2".into(),
            fingerprint: "fp-1".into(),
            hashes: vec!["a".repeat(64), "a".repeat(64)],
        }))
        .unwrap();
        tx.commit().unwrap();
        assert_eq!(store.testimony_contact_hashes().unwrap().len(), 1, "{name}");
        let mut tx = store.begin_write().unwrap();
        tx.put_derived(Derived::TestimonyUnindexed("t2".into()))
            .unwrap();
        tx.commit().unwrap();
        assert!(
            store.testimony_contact_hashes().unwrap().is_empty(),
            "{name}"
        );
        assert_eq!(
            store.screening_fingerprints(Kind::Testimony).unwrap(),
            vec![("t2".into(), None)],
            "{name}"
        );
    }
}

#[test]
fn scanning_for_text_gives_the_rows_whose_body_holds_it_in_id_order() {
    for backend in backends() {
        let mut store = backend.open();
        import_ok(store.as_mut(), &fixture("every-field.jsonl"));
        for kind in Kind::ALL {
            for text in [
                "\"site\":\"site-all\"",
                "fictional",
                "\"",
                "no such text",
                "中文",
            ] {
                let mut expected = Vec::new();
                store
                    .scan_kind(*kind, &mut |row| {
                        if row.body.contains(text) {
                            expected.push(row);
                        }
                        Ok(())
                    })
                    .unwrap();
                let mut got = Vec::new();
                store
                    .scan_kind_containing(*kind, text, &mut |row| {
                        got.push(row);
                        Ok(())
                    })
                    .unwrap();
                assert_eq!(got, expected, "{} {kind} {text}", backend.name);
            }
        }
        let mut ids = Vec::new();
        store
            .scan_kind_containing(Kind::SiteStatus, "\"site\":\"site-all\"", &mut |row| {
                ids.push(row.id);
                Ok(())
            })
            .unwrap();
        assert_eq!(ids, ["st-all"], "{}", backend.name);
    }
}

fn import_with(
    store: &mut dyn Store,
    text: &str,
    existing: Existing,
) -> Result<ImportSummary, ImportError> {
    let options = ImportOptions {
        existing,
        ..ImportOptions::default()
    };
    import_jsonl(
        store,
        &mut Cursor::new(text.as_bytes()),
        &options,
        &mut TestSeal,
        &mut |_| {},
    )
}

#[test]
fn writes_keep_the_referrers_of_every_record() {
    for backend in backends() {
        let mut store = backend.open();
        import_ok(store.as_mut(), &fixture("worked.jsonl"));
        let referrers = |store: &mut dyn Store, id: &str| {
            let mut tx = store.begin_write().unwrap();
            tx.referrers(id).unwrap()
        };
        let by = referrers(store.as_mut(), "site-a");
        assert!(!by.is_empty(), "{}", backend.name);
        assert!(
            by.windows(2).all(|w| w[0] < w[1]),
            "{}: sorted",
            backend.name
        );
        assert!(!by.contains(&"site-a".to_owned()), "{}", backend.name);
        // Replacing a record replaces what it names.
        let source = r#"{"kind":"source","id":"src-x","title":"A note (fictional)","type":"field_visit","date":"2024"}
{"kind":"site","id":"site-x","name":"X (fictional)","category":"scam_compound","country":"KH","sources":["src-x"]}
"#;
        import_ok(store.as_mut(), source);
        assert_eq!(
            referrers(store.as_mut(), "src-x"),
            vec!["site-x"],
            "{}",
            backend.name
        );
        import_ok(
            store.as_mut(),
            r#"{"kind":"site","id":"site-x","name":"X (fictional)","category":"scam_compound","country":"KH"}"#,
        );
        assert!(
            referrers(store.as_mut(), "src-x").is_empty(),
            "{}",
            backend.name
        );
        // Deleting a record deletes what it named.
        import_ok(store.as_mut(), source);
        let mut tx = store.begin_write().unwrap();
        assert!(tx.delete("site-x").unwrap());
        tx.commit().unwrap();
        assert!(
            referrers(store.as_mut(), "src-x").is_empty(),
            "{}",
            backend.name
        );
    }
}

#[test]
fn a_create_refuses_a_stored_id_and_an_update_a_missing_one() {
    for backend in backends() {
        let mut store = backend.open();
        let line = r#"{"kind":"source","id":"src-x","title":"A note (fictional)","type":"field_visit","date":"2024"}"#;
        assert!(matches!(
            import_with(store.as_mut(), line, Existing::Require),
            Err(ImportError::Missing { id }) if id == "src-x"
        ));
        import_with(store.as_mut(), line, Existing::Refuse).expect("a new id");
        let other = line.replace("A note", "Another note");
        assert!(matches!(
            import_with(store.as_mut(), &other, Existing::Refuse),
            Err(ImportError::Exists { id }) if id == "src-x"
        ));
        assert!(
            export(store.as_mut()).contains("A note"),
            "{}",
            backend.name
        );
        import_with(store.as_mut(), &other, Existing::Require).expect("a stored id");
        assert!(
            export(store.as_mut()).contains("Another note"),
            "{}",
            backend.name
        );
    }
}

/// Writers of one id at once, each on its own connection: exactly one create wins,
/// and the stored record is the winner's.
#[test]
fn concurrent_creates_of_one_id_store_exactly_one() {
    for backend in backends() {
        drop(backend.open()); // migrate once, before the race
        let results: Vec<(usize, bool)> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..12)
                .map(|n| {
                    let url = backend.url.clone();
                    scope.spawn(move || {
                        let mut store = open(&url).expect("open");
                        let line = format!(
                            r#"{{"kind":"source","id":"src-race","title":"writer {n} (fictional)","type":"field_visit"}}"#
                        );
                        match import_with(store.as_mut(), &line, Existing::Refuse) {
                            Ok(_) => (n, true),
                            Err(ImportError::Exists { .. }) => (n, false),
                            Err(other) => panic!("writer {n}: {other}"),
                        }
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        let winners: Vec<usize> = results.iter().filter(|r| r.1).map(|r| r.0).collect();
        assert_eq!(winners.len(), 1, "{}: {results:?}", backend.name);
        let stored = backend.open().get("src-race").unwrap().unwrap();
        assert!(
            stored.body.contains(&format!("writer {} ", winners[0])),
            "{}: {}",
            backend.name,
            stored.body
        );
    }
}

/// A database made before `record_refs` existed gets it filled in when the
/// migration is applied: forget the table and the migration, and open it again.
#[test]
fn the_references_migration_fills_in_what_older_databases_hold() {
    for backend in backends() {
        let mut store = backend.open();
        import_ok(store.as_mut(), &fixture("worked.jsonl"));
        let before = {
            let mut tx = store.begin_write().unwrap();
            tx.referrers("site-a").unwrap()
        };
        drop(store);
        let forget = "DROP TABLE record_refs; DELETE FROM schema_migrations WHERE version = 6;";
        match &backend.url {
            DbUrl::Sqlite(path) => rusqlite::Connection::open(path)
                .unwrap()
                .execute_batch(forget)
                .unwrap(),
            DbUrl::Postgres(url) => postgres::Client::connect(url, postgres::NoTls)
                .unwrap()
                .batch_execute(forget)
                .unwrap(),
        }
        let mut store = backend.open();
        let mut tx = store.begin_write().unwrap();
        assert_eq!(tx.referrers("site-a").unwrap(), before, "{}", backend.name);
    }
}

#[test]
fn a_byte_order_mark_at_the_start_is_not_part_of_the_first_record() {
    for backend in backends() {
        let mut store = backend.open();
        let text = format!("\u{feff}{}", fixture("worked.jsonl"));
        let summary = import_ok(store.as_mut(), &text);
        assert!(summary.records() > 10, "{}", backend.name);
        // Anywhere else it is what it always was: an error, with its line.
        let errors = import_errors(
            store.as_mut(),
            "{\"kind\":\"source\",\"id\":\"s-bom\",\"title\":\"T (fictional)\",\"type\":\"media\"}\n\u{feff}{}\n",
        );
        assert_eq!(errors[0].line, 2, "{}: {errors:?}", backend.name);
    }
}

#[test]
fn the_records_that_name_one_come_from_one_indexed_lookup() {
    for backend in backends() {
        let mut store = backend.open();
        import_ok(store.as_mut(), &fixture("worked.jsonl"));
        for kind in [Kind::SiteStatus, Kind::Intervention] {
            let mut expected = Vec::new();
            store
                .scan_kind(kind, &mut |row| {
                    if row.body.contains("\"site-a\"") {
                        expected.push(row.id);
                    }
                    Ok(())
                })
                .unwrap();
            let mut got = Vec::new();
            store
                .scan_referrers("site-a", kind, &mut |row| {
                    assert_eq!(row.kind, kind);
                    got.push(row.id);
                    Ok(())
                })
                .unwrap();
            assert!(!got.is_empty(), "{}: {kind}", backend.name);
            assert_eq!(got, expected, "{}: {kind}", backend.name);
        }
    }
}
