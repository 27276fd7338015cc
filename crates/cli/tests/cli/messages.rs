//! What the binary tells its user, as committed snapshots under tests/snapshots/:
//! each snapshot is the command line, its exit status, standard output and standard
//! error. Every command runs in a fresh temporary directory with the default
//! database (`sqlite://zonewatch.db`, a relative path); the fixtures' directory and
//! the temporary directory are written `[FIXTURES]` and `[TMP]`. A change to a
//! message shows up as a diff to review (`cargo insta review`, or
//! INSTA_UPDATE=always, to take a wanted one); CI runs with CI=true and
//! INSTA_UPDATE=no, so a changed or missing snapshot fails there.

use super::*;

/// The run of `zonewatch ARGS` in `dir`, paths redacted.
fn transcript(dir: &Path, args: &[&str], output: &Output) -> String {
    let fixtures = fixture("");
    let tmp = dir.display().to_string();
    let redact = |text: &str| {
        text.replace(&fixtures, "[FIXTURES]/")
            .replace(&tmp, "[TMP]")
    };
    let status = output
        .status
        .code()
        .map_or_else(|| "killed by a signal".to_owned(), |code| code.to_string());
    format!(
        "$ zonewatch {}\nexit: {status}\n--- stdout\n{}--- stderr\n{}",
        redact(&args.join(" ")),
        redact(&stdout(output)),
        redact(&stderr(output)),
    )
}

/// Runs `zonewatch ARGS` in `dir` and returns its transcript.
fn run(dir: &Path, args: &[&str]) -> (Output, String) {
    let output = zonewatch(dir, args);
    let text = transcript(dir, args, &output);
    (output, text)
}

/// A temporary directory whose database holds the worked example.
fn worked_db() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    ok(zonewatch(dir.path(), &["import", &fixture("worked.jsonl")]));
    dir
}

#[test]
fn status_without_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let (output, text) = run(dir.path(), &["status"]);
    failed(output);
    insta::assert_snapshot!("status_without_a_database", text);
    assert!(!dir.path().join("zonewatch.db").exists());
}

#[test]
fn import_of_a_file_with_errors() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.jsonl"),
        concat!(
            "{\"kind\":\"site\",\"id\":\"ok-site\",\"name\":\"N (fictional)\",\"category\":\"scam_compound\",\"country\":\"KH\"}\n",
            "{\"kind\":\"site\",\"id\":\"s2\",\"name\":\"N\",\"category\":\"scam_compound\",\"country\":\"KH\",\"lat\":10}\n",
            "{\"kind\":\"compound\",\"id\":\"s3\"}\n",
            "{\"kind\":\"person\",\"id\":\"p1\",\"alias\":\"A\",\"roles\":[\"victim\"],\"pii\":{\"legal_name\":7}}\n",
            "\n",
            "{\"kind\":\"site\",\"id\":\"s4\"",
        ),
    )
    .unwrap();
    let (output, text) = run(dir.path(), &["import", "bad.jsonl"]);
    failed(output);
    insta::assert_snapshot!("import_of_a_file_with_errors", text);
    // A restricted value is never echoed.
    assert!(!text.contains("got 7"), "{text}");

    let (output, text) = run(dir.path(), &["import", "no-such-file.jsonl"]);
    failed(output);
    insta::assert_snapshot!("import_of_a_missing_file", text);
}

#[test]
fn import_and_status_of_the_worked_example() {
    let dir = tempfile::tempdir().unwrap();
    let worked = fixture("worked.jsonl");
    let (output, text) = run(dir.path(), &["import", "--dry-run", &worked]);
    ok(output);
    insta::assert_snapshot!("import_dry_run_worked", text);
    let (output, text) = run(dir.path(), &["import", &worked]);
    ok(output);
    insta::assert_snapshot!("import_worked", text);
    let (output, text) = run(dir.path(), &["status"]);
    ok(output);
    insta::assert_snapshot!("status_worked", text);
}

#[test]
fn report_as_markdown_of_the_worked_example() {
    let dir = worked_db();
    let (output, text) = run(dir.path(), &["report", "--format", "md"]);
    ok(output);
    insta::assert_snapshot!("report_md_worked", text);
}

#[test]
fn assess_the_worked_example() {
    let dir = worked_db();
    let (output, text) = run(dir.path(), &["assess"]);
    ok(output);
    insta::assert_snapshot!("assess_worked", text);
}

#[test]
fn timeline_of_a_site() {
    let dir = worked_db();
    let (output, text) = run(dir.path(), &["timeline", "site-a"]);
    ok(output);
    insta::assert_snapshot!("timeline_site_a", text);
    let (output, text) = run(dir.path(), &["timeline", "no-such-site"]);
    failed(output);
    insta::assert_snapshot!("timeline_of_an_unknown_site", text);
}

#[test]
fn unknown_database_url() {
    let dir = tempfile::tempdir().unwrap();
    let (output, text) = run(dir.path(), &["--db", "mysql://localhost/db", "status"]);
    failed(output);
    insta::assert_snapshot!("unknown_database_url", text);
}
