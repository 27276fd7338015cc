//! Records in and out: database URLs, import, export, demo, report, assess.

use super::*;

#[test]
fn default_database_is_zonewatch_db_in_the_working_directory() {
    let dir = tempfile::tempdir().unwrap();
    let out = ok(zonewatch(dir.path(), &["init"]));
    assert!(
        stderr(&out).contains("sqlite://zonewatch.db"),
        "{}",
        stderr(&out)
    );
    assert!(dir.path().join("zonewatch.db").exists());
}

#[test]
fn database_urls_relative_absolute_env_and_unknown() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("data")).unwrap();
    ok(zonewatch(
        dir.path(),
        &["--db", "sqlite://data/rel.db", "init"],
    ));
    assert!(dir.path().join("data/rel.db").exists());

    let absolute = dir.path().join("abs.db");
    let url = format!("sqlite://{}", absolute.display());
    assert!(url.starts_with("sqlite:///"));
    ok(zonewatch(dir.path(), &["--db", &url, "init"]));
    assert!(absolute.exists());

    ok(zonewatch_in(
        dir.path(),
        &["init"],
        &[("ZONEWATCH_DB", "sqlite://from-env.db")],
        None,
    ));
    assert!(dir.path().join("from-env.db").exists());
    // --db wins over the environment.
    ok(zonewatch_in(
        dir.path(),
        &["--db", "sqlite://flag.db", "init"],
        &[("ZONEWATCH_DB", "sqlite://env2.db")],
        None,
    ));
    assert!(dir.path().join("flag.db").exists());
    assert!(!dir.path().join("env2.db").exists());

    for bad in ["mysql://localhost/db", "zonewatch.db", "sqlite:x.db"] {
        let out = failed(zonewatch(dir.path(), &["--db", bad, "init"]));
        assert!(
            stderr(&out).contains("expected sqlite://PATH"),
            "{bad}: {}",
            stderr(&out)
        );
    }
    let out = failed(zonewatch_in(
        dir.path(),
        &["status"],
        &[("ZONEWATCH_DB", "redis://x")],
        None,
    ));
    assert!(
        stderr(&out).contains("unknown scheme `redis://`"),
        "{}",
        stderr(&out)
    );
    // Nothing fell back to the default file.
    assert!(!dir.path().join("zonewatch.db").exists());
}

#[test]
fn import_then_export_round_trips_the_every_field_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = ok(zonewatch(
        dir.path(),
        &["import", &fixture("every-field.jsonl")],
    ));
    assert!(
        stdout(&out).contains("imported 13 records"),
        "{}",
        stdout(&out)
    );
    let out = ok(zonewatch(dir.path(), &["export", "--format", "jsonl"]));
    let expected = std::fs::read_to_string(fixture("every-field.jsonl")).unwrap();
    assert_eq!(stdout(&out), expected);

    let out = ok(zonewatch(dir.path(), &["export", "--kind", "site_status"]));
    assert_eq!(stdout(&out).lines().count(), 1);
    let out = failed(zonewatch(dir.path(), &["export", "--kind", "compound"]));
    assert!(stderr(&out).contains("one of `source`"), "{}", stderr(&out));
}

#[test]
fn import_reads_standard_input_and_dry_run_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read(fixture("worked.jsonl")).unwrap();
    let out = ok(zonewatch_in(
        dir.path(),
        &["import", "--dry-run", "-"],
        &[],
        Some(&text),
    ));
    assert!(
        stdout(&out).contains("dry run: would import 26 records"),
        "{}",
        stdout(&out)
    );
    assert_eq!(stdout(&ok(zonewatch(dir.path(), &["export"]))), "");
    ok(zonewatch_in(dir.path(), &["import", "-"], &[], Some(&text)));
    assert_eq!(
        stdout(&ok(zonewatch(dir.path(), &["export"])))
            .lines()
            .count(),
        26
    );
}

#[test]
fn bad_input_is_reported_by_line_and_field_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    ok(zonewatch(dir.path(), &["import", &fixture("worked.jsonl")]));
    let before = stdout(&ok(zonewatch(dir.path(), &["export"])));
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(
        &bad,
        concat!(
            "{\"kind\":\"site\",\"id\":\"new-site\",\"name\":\"N\",\"category\":\"scam_compound\",\"country\":\"KH\"}\n",
            "\n",
            "{\"kind\":\"site\",\"id\":\"s2\",\"name\":\"N\",\"category\":\"scam_compound\",\"country\":\"KH\",\"lat\":10}\n",
            "{\"kind\":\"person\",\"id\":\"site-a\",\"alias\":\"A\",\"roles\":[\"victim\"]}\n",
            "{\"kind\":\"site\",\"id\":\"s3\"",
        ),
    )
    .unwrap();
    let out = failed(zonewatch(dir.path(), &["import", bad.to_str().unwrap()]));
    let err = stderr(&out);
    assert!(
        err.contains("line 3: field `lon`: `lat` and `lon` come together"),
        "{err}"
    );
    assert!(
        err.contains("line 4: field `id`: id `site-a` is already a site in the database"),
        "{err}"
    );
    assert!(err.contains("line 5: malformed JSON"), "{err}");
    assert!(err.contains("nothing was written"), "{err}");
    assert_eq!(stdout(&ok(zonewatch(dir.path(), &["export"]))), before);

    let out = failed(zonewatch(dir.path(), &["import", "no-such-file.jsonl"]));
    assert!(
        stderr(&out).contains("cannot open no-such-file.jsonl"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn demo_is_the_same_every_time_and_says_it_is_fictional() {
    let dir = tempfile::tempdir().unwrap();
    let out = ok(zonewatch(dir.path(), &["--db", "sqlite://one.db", "demo"]));
    assert!(stdout(&out).contains("fictional"), "{}", stdout(&out));
    ok(zonewatch(dir.path(), &["--db", "sqlite://two.db", "demo"]));
    let one = stdout(&ok(zonewatch(
        dir.path(),
        &["--db", "sqlite://one.db", "export"],
    )));
    let two = stdout(&ok(zonewatch(
        dir.path(),
        &["--db", "sqlite://two.db", "export"],
    )));
    assert_eq!(one, two);
    let sources = stdout(&ok(zonewatch(
        dir.path(),
        &["--db", "sqlite://one.db", "export", "--kind", "source"],
    )));
    assert!(sources.to_lowercase().contains("fictional"));
    let status = stdout(&ok(zonewatch(
        dir.path(),
        &["--db", "sqlite://one.db", "status"],
    )));
    assert!(status.contains("sites"), "{status}");
}

#[test]
fn postgres_round_trip_through_the_cli() {
    let Some(server) = postgres_server() else {
        eprintln!("ZONEWATCH_TEST_POSTGRES not set: PostgreSQL CLI test skipped");
        return;
    };
    let db = TempDatabase::create(&server).expect("fresh database");
    let dir = tempfile::tempdir().unwrap();
    for url in [
        db.url.clone(),
        db.url.replacen("postgres://", "postgresql://", 1),
    ] {
        ok(zonewatch(dir.path(), &["--db", &url, "init"]));
    }
    ok(zonewatch(
        dir.path(),
        &["--db", &db.url, "import", &fixture("every-field.jsonl")],
    ));
    let out = ok(zonewatch(dir.path(), &["--db", &db.url, "export"]));
    assert_eq!(
        stdout(&out),
        std::fs::read_to_string(fixture("every-field.jsonl")).unwrap()
    );
    let out = failed(zonewatch(
        dir.path(),
        &["--db", "postgres://nobody:pw@127.0.0.1:1/none", "status"],
    ));
    assert!(
        stderr(&out).contains("cannot open the database postgres://nobody:***@"),
        "{}",
        stderr(&out)
    );
}

pub fn shared(name: &str) -> String {
    format!("{}/../../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// The worked example gives exactly the shared report and assessments, on every
/// backend available.
#[test]
fn report_and_assessments_of_the_worked_example() {
    let dir = tempfile::tempdir().unwrap();
    let db = postgres_server().map(|server| TempDatabase::create(&server).expect("fresh database"));
    let mut urls = vec!["sqlite://worked.db".to_owned()];
    urls.extend(db.as_ref().map(|db| db.url.clone()));
    let expected_report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(shared("worked-report.json")).unwrap())
            .unwrap();
    let expected_assess: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(shared("worked-assess.json")).unwrap())
            .unwrap();
    for url in &urls {
        ok(zonewatch(
            dir.path(),
            &["--db", url, "import", &fixture("worked.jsonl")],
        ));
        let out = ok(zonewatch(
            dir.path(),
            &["--db", url, "report", "--format", "json"],
        ));
        let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(report, expected_report, "{url}");

        let out = ok(zonewatch(
            dir.path(),
            &["--db", url, "assess", "--format", "json"],
        ));
        let assessments: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        let mut results = serde_json::Map::new();
        for a in assessments.as_array().unwrap() {
            let tests: serde_json::Map<String, serde_json::Value> = [
                "forced_labour",
                "slavery",
                "trafficking",
                "child_trafficking",
            ]
            .iter()
            .map(|t| (t.to_string(), a[t]["result"].clone()))
            .collect();
            results.insert(a["person"].as_str().unwrap().to_owned(), tests.into());
        }
        assert_eq!(serde_json::Value::Object(results), expected_assess, "{url}");
    }
    let out = ok(zonewatch(
        dir.path(),
        &["--db", &urls[0], "assess", "--person", "p-mai"],
    ));
    assert!(
        stdout(&out).contains("not a legal determination"),
        "{}",
        stdout(&out)
    );
    let out = failed(zonewatch(
        dir.path(),
        &["--db", &urls[0], "assess", "--person", "site-a"],
    ));
    assert!(
        stderr(&out).contains("no person with id `site-a`"),
        "{}",
        stderr(&out)
    );

    let out = ok(zonewatch(
        dir.path(),
        &["--db", &urls[0], "report", "--public"],
    ));
    let public: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(public["persons"]["survivors_interviewed"], "<5");
    assert_eq!(
        public["sites"]["scam_compounds"], 3,
        "site counts are never suppressed"
    );
    let out = ok(zonewatch(
        dir.path(),
        &["--db", &urls[0], "report", "--public", "--threshold", "2"],
    ));
    let public: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(public["persons"]["survivors_interviewed"], 2);
    assert_eq!(public["persons"]["minors_interviewed"], "<2");
    let out = ok(zonewatch(
        dir.path(),
        &["--db", &urls[0], "report", "--trace"],
    ));
    let traced: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        traced["trace"]["interventions.operating_after"],
        serde_json::json!(["site-a"])
    );

    let out = ok(zonewatch(
        dir.path(),
        &["--db", &urls[0], "timeline", "site-b"],
    ));
    assert!(
        stdout(&out).to_lowercase().contains("uncertain"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn markdown_and_html_reports_are_written() {
    let dir = tempfile::tempdir().unwrap();
    ok(zonewatch(dir.path(), &["import", &fixture("worked.jsonl")]));
    let out = ok(zonewatch(dir.path(), &["report", "--format", "md"]));
    assert!(stdout(&out).contains("| "), "a Markdown table");
    ok(zonewatch(
        dir.path(),
        &[
            "report",
            "--format",
            "html",
            "--public",
            "--output",
            "report.html",
        ],
    ));
    let html = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    assert!(html.contains("<svg"), "charts are inline SVG");
    assert!(!html.contains("<script"), "no scripts");
    assert!(!html.contains("Mai"), "a public report lists no person");
}

/// Record text may hold terminal escape sequences (a name that clears the screen or
/// retitles the window): what the CLI prints shows them escaped.
#[test]
fn terminal_escapes_in_record_text_are_shown_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("esc.jsonl");
    std::fs::write(
        &file,
        concat!(
            r#"{"kind":"site","id":"s-esc","name":"Tower \u001b[2J\u001b]0;owned\u0007 (fictional)","category":"scam_compound","country":"KH"}"#,
            "\n",
            r#"{"kind":"site_status","id":"o-esc","site":"s-esc","date":"2024","status":"operating","basis":"media","note":"seen \u001b[31mred\u001b[0m"}"#,
            "\n",
            r#"{"kind":"person","id":"p-esc","alias":"Esc \u001b[1mbold (fictional)","roles":["survivor"]}"#,
            "\n",
            r#"{"kind":"testimony","id":"t-esc","person":"p-esc","date":"2024","consent":"internal_only","findings":[{"code":"ilo.deception"}]}"#,
            "\n"
        ),
    )
    .unwrap();
    ok(zonewatch(dir.path(), &["import", file.to_str().unwrap()]));
    for args in [&["timeline", "s-esc"][..], &["assess"]] {
        let out = stdout(&ok(zonewatch(dir.path(), args)));
        assert!(!out.contains('\u{1b}'), "{args:?}: raw escape in {out:?}");
        assert!(!out.contains('\u{7}'), "{args:?}");
    }
    let timeline = stdout(&ok(zonewatch(dir.path(), &["timeline", "s-esc"])));
    assert!(timeline.contains("\\u{1b}[2J"), "{timeline}");
    // An import error that quotes the bad line's text escapes it too.
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(&bad, "{\"kind\":\"si\\u001b[2Jte\",\"id\":\"x\"}\n").unwrap();
    let err = stderr(&failed(zonewatch(
        dir.path(),
        &["import", bad.to_str().unwrap()],
    )));
    assert!(!err.contains('\u{1b}'), "{err:?}");
}
