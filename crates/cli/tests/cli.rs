//! The `zonewatch` binary as a user runs it: real processes, a real SQLite file in a
//! temporary directory, and the real PostgreSQL server when
//! `ZONEWATCH_TEST_POSTGRES` names one.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use zonewatch_store::testing::{postgres_server, TempDatabase};

fn fixture(name: &str) -> String {
    format!("{}/../../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// Runs zonewatch in `dir` with ZONEWATCH_DB unset unless given in `env`.
fn zonewatch_in(dir: &Path, args: &[&str], env: &[(&str, &str)], stdin: Option<&[u8]>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_zonewatch"));
    command
        .current_dir(dir)
        .args(args)
        .env_remove("ZONEWATCH_DB");
    for (key, value) in env {
        command.env(key, value);
    }
    command.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    command.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = command.spawn().expect("spawn zonewatch");
    if let Some(bytes) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(bytes)
            .expect("write stdin");
    }
    child.wait_with_output().expect("wait")
}

fn zonewatch(dir: &Path, args: &[&str]) -> Output {
    zonewatch_in(dir, args, &[], None)
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn ok(output: Output) -> Output {
    assert!(
        output.status.success(),
        "failed: {}\n{}",
        stderr(&output),
        stdout(&output)
    );
    output
}

fn failed(output: Output) -> Output {
    assert!(!output.status.success(), "succeeded: {}", stdout(&output));
    output
}

#[test]
fn default_database_is_zonewatch_db_in_the_working_directory() {
    let dir = tempfile::tempdir().unwrap();
    let out = ok(zonewatch(dir.path(), &["init"]));
    assert!(
        stdout(&out).contains("sqlite://zonewatch.db"),
        "{}",
        stdout(&out)
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
