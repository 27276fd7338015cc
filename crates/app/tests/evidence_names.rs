//! An evidence file's name is stored with it and becomes part of an exported file's
//! name: one longer than a file system allows is refused when the file is added,
//! and nothing is written. Every record here is fictional.

#![allow(clippy::unwrap_used)] // tests fail loudly by design

use std::io::Cursor;

use zonewatch_app::{Actor, App, AppError, DbUrl, ImportOptions};

#[test]
fn a_file_name_too_long_for_a_file_system_is_refused_at_ingest() {
    std::env::set_var("ZONEWATCH_ARGON2_TEST_COST", "low");
    let dir = tempfile::tempdir().unwrap();
    let url = DbUrl::parse(&format!("sqlite://{}", dir.path().join("e.db").display())).unwrap();
    let mut app = App::open(&url, Actor::local_admin(), true).unwrap();
    app.init(Some("test passphrase (fictional)")).unwrap();
    let site = r#"{"kind":"site","id":"s1","name":"Site (fictional)","category":"scam_compound","country":"KH"}"#;
    app.import(
        &mut Cursor::new(site.as_bytes().to_vec()),
        &ImportOptions::default(),
        "test",
        &mut |_| {},
    )
    .unwrap();
    let long = "n".repeat(256);
    match app.add_evidence("s1", &long, b"photo (fictional)", None) {
        Err(AppError::Invalid(message)) => assert!(message.contains("at most 255"), "{message}"),
        other => panic!("accepted: {other:?}"),
    }
    assert!(app.evidence_list().unwrap().is_empty());
    app.add_evidence("s1", &"n".repeat(255), b"photo (fictional)", None)
        .unwrap();
}
