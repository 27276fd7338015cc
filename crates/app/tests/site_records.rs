//! A site's timeline (the web's site page, `zonewatch timeline`) is built from the
//! site's own records (`App::load_site_records`), not from every record in the
//! database: it must be the one the whole dataset gives. Against SQLite always, and PostgreSQL
//! when `ZONEWATCH_TEST_POSTGRES` names a server.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Cursor;

use zonewatch_app::testing::{postgres_server, TempDatabase};
use zonewatch_app::{Actor, App, DbUrl, ImportOptions, Role};
use zonewatch_findings::{site_timeline, Dataset};
use zonewatch_store::load::{load_records, Fields};

const FIXTURE: &str = include_str!("../../../tests/fixtures/every-field.jsonl");

/// More observations and raids: some of `site-all`, some of sites whose ids start
/// with it, and a note that quotes the text a stored reference is written as.
const MORE: &str = r#"{"kind":"site","id":"site-all-2","name":"Prefix site (fictional)","category":"suspected_site","country":"KH"}
{"kind":"site_status","id":"st-a1","site":"site-all","date":"2024-05-01","status":"operating","basis":"field_visit"}
{"kind":"site_status","id":"st-a2","site":"site-all","date":"2024","status":"closed","basis":"media","sensitivity":"public"}
{"kind":"site_status","id":"st-p1","site":"site-all-2","date":"2024-05-02","status":"operating","basis":"media","note":"\"site\":\"site-all\""}
{"kind":"intervention","id":"iv-a2","site":"site-all","date":"2024-07","type":"raid","sensitivity":"restricted","note":"restricted note (fictional)"}
{"kind":"intervention","id":"iv-p1","site":"site-all-2","date":"2024-07-03","type":"rescue"}
"#;

fn check(name: &str, url: DbUrl) {
    std::env::set_var("ZONEWATCH_ARGON2_TEST_COST", "low");
    zonewatch_app::prepare_to_serve(&url, Some("test passphrase")).expect("prepare");
    let mut app = App::new(
        zonewatch_app::testing::open_store(&url),
        Actor::local_admin(),
    );
    let input = format!("{FIXTURE}{MORE}");
    app.import(
        &mut Cursor::new(input.into_bytes()),
        &ImportOptions::default(),
        "fixture",
        &mut |_| {},
    )
    .expect("import");
    let whole =
        Dataset::new(load_records(app.store(), &[], Fields::Open).expect("load")).expect("dataset");
    for site in ["site-all", "site-all-2", "site-2"] {
        let expected = site_timeline(&whole, site).expect("timeline").render_text();
        let records = app.load_site_records(site).expect("site records");
        let own = Dataset::new(records).expect("dataset");
        let got = site_timeline(&own, site).expect("timeline").render_text();
        assert_eq!(got, expected, "{name} {site}");
        assert_eq!(
            app.timeline(site).expect("timeline"),
            Some(expected),
            "{name}"
        );
    }
    let records = app.load_site_records("site-all").expect("site records");
    let ids: Vec<&str> = records.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        ids,
        ["site-all", "st-a1", "st-a2", "st-all", "iv-a2", "iv-all"],
        "{name}"
    );
    // Not a site, no such record, not an id: nothing, and no error.
    for id in ["st-all", "no-such-site", "a\0b", ""] {
        assert!(
            app.load_site_records(id).expect(id).is_empty(),
            "{name} {id:?}"
        );
    }
    // Like the whole load, it is for roles that may read internal records.
    app.add_user("viewer", Role::Viewer, "a long test password")
        .expect("add user");
    app.act_as("viewer").expect("act as");
    assert!(app.load_site_records("site-all").is_err(), "{name}");
    assert!(app.timeline("site-all").is_err(), "{name}");
}

#[test]
fn a_site_page_timeline_is_the_whole_datasets() {
    let dir = tempfile::tempdir().expect("tempdir");
    let url = DbUrl::parse(&format!(
        "sqlite://{}",
        dir.path().join("site.db").display()
    ))
    .expect("url");
    check("sqlite", url);
    if let Some(server) = postgres_server() {
        let db = TempDatabase::create(&server).expect("postgres database");
        check("postgres", DbUrl::parse(&db.url).expect("url"));
    }
}
