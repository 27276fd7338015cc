//! Protecting survivors: sealed restricted fields, passphrases, roles, the audit
//! chain. Every test runs on SQLite and, when configured, on PostgreSQL.

use super::*;

/// Restricted values planted in the test data; none may be found in plain text
/// anywhere in the database.
const SECRETS: [&str; 4] = [
    "Secretname Zyxwv",
    "Transcriptword Qvxkj",
    "Descword Kpqzr",
    "Notetext Wmbgh",
];

fn secret_data() -> String {
    [
        r#"{"kind":"site","id":"s1","name":"Site (fictional)","category":"scam_compound","country":"KH"}"#,
        r#"{"kind":"person","id":"p1","alias":"Alias One","roles":["survivor"],"pii":{"legal_name":"Secretname Zyxwv (fictional)","contact":"+855 12 345 678"}}"#,
        r#"{"kind":"testimony","id":"t1","person":"p1","date":"2024-01","consent":"internal_only","transcript":"Transcriptword Qvxkj (fictional)","findings":[{"code":"ilo.deception"}]}"#,
        r#"{"kind":"incident","id":"i1","type":"beating","victims":["p1"],"description":"Descword Kpqzr (fictional)","sensitivity":"restricted"}"#,
        r#"{"kind":"site_status","id":"o1","site":"s1","date":"2024","status":"operating","basis":"media","note":"Notetext Wmbgh (fictional)","sensitivity":"restricted"}"#,
        r#"{"kind":"site","id":"s2","name":"Public site (fictional)","category":"suspected_site","country":"KH","sensitivity":"public"}"#,
    ]
    .join("\n")
        + "\n"
}

/// A fresh database on every backend: (name, URL, what keeps it alive).
pub(crate) fn databases(dir: &Path) -> Vec<(&'static str, String, Option<TempDatabase>)> {
    let mut list = vec![(
        "sqlite",
        format!("sqlite://{}", dir.join("p.db").display()),
        None,
    )];
    if let Some(server) = postgres_server() {
        let db = TempDatabase::create(&server).expect("fresh database");
        list.push(("postgres", db.url.clone(), Some(db)));
    }
    list
}

pub(crate) fn run(dir: &Path, url: &str, args: &[&str]) -> Output {
    let mut all = vec!["--db", url];
    all.extend_from_slice(args);
    zonewatch(dir, &all)
}

pub(crate) fn run_env(
    dir: &Path,
    url: &str,
    args: &[&str],
    env: &[(&str, &str)],
    stdin: Option<&[u8]>,
) -> Output {
    let mut all = vec!["--db", url];
    all.extend_from_slice(args);
    zonewatch_in(dir, &all, env, stdin)
}

fn import_secrets(dir: &Path, url: &str) {
    let file = dir.join("secrets.jsonl");
    std::fs::write(&file, secret_data()).unwrap();
    ok(run(dir, url, &["init"]));
    // Writing needs no passphrase: only the public key.
    ok(run_env(
        dir,
        url,
        &["import", file.to_str().unwrap()],
        &[("ZONEWATCH_PASSPHRASE", "")],
        None,
    ));
}

/// Everything the database holds, as text: every file SQLite uses, or every column
/// of every table plus a pg_dump on PostgreSQL.
pub(crate) fn everything_stored(name: &str, dir: &Path, url: &str) -> String {
    let mut all = String::new();
    if name == "sqlite" {
        for suffix in ["", "-wal", "-shm"] {
            if let Ok(bytes) = std::fs::read(dir.join(format!("p.db{suffix}"))) {
                all.push_str(&String::from_utf8_lossy(&bytes));
            }
        }
        return all;
    }
    let mut client = postgres::Client::connect(url, postgres::NoTls).expect("connect");
    let tables: Vec<String> = client
        .query(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert!(tables.len() >= 8, "{tables:?}");
    for table in tables {
        for row in client
            .query(&format!("SELECT t::text FROM \"{table}\" t"), &[])
            .unwrap()
        {
            all.push_str(&row.get::<_, String>(0));
            all.push('\n');
        }
    }
    let dump = Command::new("pg_dump").arg(url).output().expect("pg_dump");
    assert!(
        dump.status.success(),
        "{}",
        String::from_utf8_lossy(&dump.stderr)
    );
    all.push_str(&String::from_utf8_lossy(&dump.stdout));
    all
}

#[test]
fn restricted_values_are_never_stored_in_plain_text() {
    let dir = tempfile::tempdir().unwrap();
    for (name, url, _db) in databases(dir.path()) {
        import_secrets(dir.path(), &url);
        // Read them back (audited), so the read path is exercised too.
        let out = ok(run(dir.path(), &url, &["export"]));
        for secret in SECRETS {
            assert!(
                stdout(&out).contains(secret),
                "{name}: the export gives {secret} back"
            );
        }
        let stored = everything_stored(name, dir.path(), &url);
        assert!(
            stored.contains("Alias One"),
            "{name}: the scan sees open fields"
        );
        for secret in SECRETS {
            assert!(
                !stored.contains(secret),
                "{name}: {secret} found in plain text"
            );
        }
    }
}

#[test]
fn without_the_passphrase_writes_and_aggregates_work_and_restricted_reads_fail() {
    let dir = tempfile::tempdir().unwrap();
    for (name, url, _db) in databases(dir.path()) {
        import_secrets(dir.path(), &url);
        let no_passphrase = [("ZONEWATCH_PASSPHRASE", "")];
        let out = failed(run_env(dir.path(), &url, &["export"], &no_passphrase, None));
        assert!(
            stderr(&out).contains("needs the passphrase"),
            "{name}: {}",
            stderr(&out)
        );
        for secret in SECRETS {
            assert!(!stderr(&out).contains(secret), "{name}");
        }
        let out = ok(run_env(
            dir.path(),
            &url,
            &["export", "--redact"],
            &no_passphrase,
            None,
        ));
        assert!(!stdout(&out).contains("Secretname"), "{name}");
        assert!(stdout(&out).contains("Alias One"), "{name}");
        let out = ok(run_env(dir.path(), &url, &["report"], &no_passphrase, None));
        assert!(stdout(&out).contains("survivors_interviewed"), "{name}");

        let wrong = [("ZONEWATCH_PASSPHRASE", "not the passphrase")];
        let out = failed(run_env(dir.path(), &url, &["export"], &wrong, None));
        assert!(
            stderr(&out).contains("passphrase is wrong"),
            "{name}: {}",
            stderr(&out)
        );
        let out = failed(run_env(dir.path(), &url, &["key", "rotate"], &wrong, None));
        assert!(
            stderr(&out).contains("passphrase is wrong"),
            "{name}: {}",
            stderr(&out)
        );
        // Nothing changed: the right passphrase still opens everything.
        let out = ok(run(dir.path(), &url, &["export"]));
        assert!(stdout(&out).contains("Secretname Zyxwv"), "{name}");
    }
}

#[test]
fn init_without_any_passphrase_generates_one_and_shows_it_once() {
    let dir = tempfile::tempdir().unwrap();
    let url = "sqlite://gen.db";
    let out = ok(run_env(
        dir.path(),
        url,
        &["init"],
        &[("ZONEWATCH_PASSPHRASE", "")],
        None,
    ));
    let generated = stdout(&out).trim().to_owned();
    assert!(generated.len() >= 20, "{generated}");
    assert!(stderr(&out).contains("WARNING"), "{}", stderr(&out));
    let out = ok(run_env(
        dir.path(),
        url,
        &["init"],
        &[("ZONEWATCH_PASSPHRASE", "")],
        None,
    ));
    assert_eq!(stdout(&out).trim(), "", "shown only once");
    std::fs::write(dir.path().join("data.jsonl"), secret_data()).unwrap();
    ok(run_env(
        dir.path(),
        url,
        &["import", "data.jsonl"],
        &[("ZONEWATCH_PASSPHRASE", "")],
        None,
    ));
    let out = ok(run_env(
        dir.path(),
        url,
        &["export"],
        &[("ZONEWATCH_PASSPHRASE", generated.as_str())],
        None,
    ));
    assert!(stdout(&out).contains("Secretname Zyxwv"));
}

#[test]
fn passphrase_change_and_key_rotation_keep_every_value_readable() {
    let dir = tempfile::tempdir().unwrap();
    for (name, url, _db) in databases(dir.path()) {
        import_secrets(dir.path(), &url);
        let before = stdout(&ok(run(dir.path(), &url, &["export"])));
        let new = "a new passphrase (fictional)";
        ok(run_env(
            dir.path(),
            &url,
            &["key", "passphrase"],
            &[("ZONEWATCH_NEW_PASSPHRASE", new)],
            None,
        ));
        let out = failed(run(dir.path(), &url, &["export"]));
        assert!(
            stderr(&out).contains("passphrase is wrong"),
            "{name}: the old one no longer opens"
        );
        let with_new = [("ZONEWATCH_PASSPHRASE", new)];
        assert_eq!(
            stdout(&ok(run_env(dir.path(), &url, &["export"], &with_new, None))),
            before,
            "{name}"
        );

        let out = ok(run_env(
            dir.path(),
            &url,
            &["key", "rotate"],
            &with_new,
            None,
        ));
        assert!(
            stderr(&out).contains("4 sealed records re-wrapped"),
            "{name}: {}",
            stderr(&out)
        );
        assert_eq!(
            stdout(&ok(run_env(dir.path(), &url, &["export"], &with_new, None))),
            before,
            "{name}"
        );
        // New writes after the rotation seal to the new key.
        ok(run_env(
            dir.path(),
            &url,
            &["import", dir.path().join("secrets.jsonl").to_str().unwrap()],
            &with_new,
            None,
        ));
        assert_eq!(
            stdout(&ok(run_env(dir.path(), &url, &["export"], &with_new, None))),
            before,
            "{name}"
        );
        let out = ok(run_env(
            dir.path(),
            &url,
            &["audit", "verify"],
            &with_new,
            None,
        ));
        assert!(stdout(&out).contains("verified"), "{name}");
    }
}

#[test]
fn roles_decide_what_each_user_may_do() {
    let dir = tempfile::tempdir().unwrap();
    for (name, url, _db) in databases(dir.path()) {
        import_secrets(dir.path(), &url);
        for (user, role) in [
            ("ana", "analyst"),
            ("vic", "viewer"),
            ("ivy", "investigator"),
            ("adam", "admin"),
        ] {
            ok(run_env(
                dir.path(),
                &url,
                &["user", "add", user, "--role", role],
                &[],
                Some(b"a long password 123\n"),
            ));
        }
        let out = failed(run_env(
            dir.path(),
            &url,
            &["user", "add", "ana", "--role", "viewer"],
            &[],
            Some(b"another password 123"),
        ));
        assert!(stderr(&out).contains("already exists"), "{name}");
        let out = failed(run_env(
            dir.path(),
            &url,
            &["user", "add", "bob", "--role", "boss"],
            &[],
            Some(b"x"),
        ));
        assert!(stderr(&out).contains("one of `admin`"), "{name}");
        let file = dir.path().join("secrets.jsonl");
        let file = file.to_str().unwrap();
        let as_user = |user: &str, args: &[&str]| {
            let mut all = vec!["--as", user];
            all.extend_from_slice(args);
            run(dir.path(), &url, &all)
        };

        // investigator: reads and writes everything
        ok(as_user("ivy", &["import", file]));
        assert!(
            stdout(&ok(as_user("ivy", &["export"]))).contains("Secretname"),
            "{name}"
        );
        ok(as_user("ivy", &["audit", "verify"]));
        assert!(stderr(&failed(as_user(
            "ivy",
            &["user", "add", "x", "--role", "viewer"]
        )))
        .contains("may not manage users"));

        // analyst: everything but restricted fields; no writes
        let out = failed(as_user("ana", &["export"]));
        assert!(
            stderr(&out).contains("may not read restricted fields"),
            "{name}: {}",
            stderr(&out)
        );
        let out = ok(as_user("ana", &["export", "--redact"]));
        assert!(
            stdout(&out).contains("Alias One") && !stdout(&out).contains("Secretname"),
            "{name}"
        );
        ok(as_user("ana", &["report"]));
        ok(as_user("ana", &["assess"]));
        assert!(
            stderr(&failed(as_user("ana", &["import", file]))).contains("may not write records")
        );
        assert!(stderr(&failed(as_user("ana", &["audit", "show"])))
            .contains("may not read the audit log"));

        // viewer: public records and the public report only
        let out = ok(as_user("vic", &["export"]));
        assert_eq!(
            stdout(&out).lines().count(),
            1,
            "{name}: only the public site"
        );
        assert!(stdout(&out).contains("\"id\":\"s2\""), "{name}");
        assert!(stderr(&failed(as_user("vic", &["report"]))).contains("public report only"));
        ok(as_user("vic", &["report", "--public"]));
        assert!(stderr(&failed(as_user("vic", &["assess"]))).contains("may not read internal"));
        assert!(
            stderr(&failed(as_user("vic", &["import", file]))).contains("may not write records")
        );

        // tokens: printed once, stored as a hash
        let out = ok(as_user("adam", &["token", "create", "ana"]));
        let token = stdout(&out).trim().to_owned();
        assert!(token.starts_with("zwt_"), "{token}");
        assert!(
            !everything_stored(name, dir.path(), &url).contains(&token),
            "{name}: the token is not stored"
        );
        assert!(stderr(&failed(as_user("ana", &["token", "create", "vic"])))
            .contains("may not manage users"));
        let out = failed(run(dir.path(), &url, &["--as", "nobody", "status"]));
        assert!(stderr(&out).contains("no user named `nobody`"), "{name}");
    }
}

/// Opens the audit table of a database for tampering.
pub(crate) fn tamper(name: &str, dir: &Path, url: &str, sql: &str) {
    if name == "sqlite" {
        let conn = rusqlite::Connection::open(dir.join("p.db")).unwrap();
        conn.execute_batch(sql).unwrap();
    } else {
        let mut client = postgres::Client::connect(url, postgres::NoTls).unwrap();
        client.batch_execute(sql).unwrap();
    }
}

fn audit_rows(name: &str, dir: &Path, url: &str) -> Vec<zonewatch_app::testing::AuditEntry> {
    let query = "SELECT seq, time, actor, action, records, details, prev_hash, hash FROM audit_log ORDER BY seq";
    let mut rows = Vec::new();
    let make =
        |seq: i64, time, actor, action, records: String, details: String, prev_hash, hash| {
            zonewatch_app::testing::AuditEntry {
                seq: seq as u64,
                time,
                actor,
                action,
                records: serde_json::from_str(&records).unwrap(),
                details: serde_json::from_str(&details).unwrap(),
                prev_hash,
                hash,
            }
        };
    if name == "sqlite" {
        let conn = rusqlite::Connection::open(dir.join("p.db")).unwrap();
        let mut stmt = conn.prepare(query).unwrap();
        let mut q = stmt.query([]).unwrap();
        while let Some(r) = q.next().unwrap() {
            rows.push(make(
                r.get(0).unwrap(),
                r.get(1).unwrap(),
                r.get(2).unwrap(),
                r.get(3).unwrap(),
                r.get(4).unwrap(),
                r.get(5).unwrap(),
                r.get(6).unwrap(),
                r.get(7).unwrap(),
            ));
        }
    } else {
        let mut client = postgres::Client::connect(url, postgres::NoTls).unwrap();
        for r in client.query(query, &[]).unwrap() {
            rows.push(make(
                r.get(0),
                r.get(1),
                r.get(2),
                r.get(3),
                r.get(4),
                r.get(5),
                r.get(6),
                r.get(7),
            ));
        }
    }
    rows
}

/// A database with a few audit entries and a checkpoint after each command.
fn audited(dir: &Path, url: &str) -> String {
    import_secrets(dir, url);
    ok(run(dir, url, &["export"]));
    ok(run_env(
        dir,
        url,
        &["user", "add", "ana", "--role", "analyst"],
        &[],
        Some(b"a long password 123"),
    ));
    let out = ok(run(dir, url, &["audit", "verify"]));
    assert!(
        stdout(&out).contains("verified: 4 entries"),
        "{}",
        stdout(&out)
    );
    stdout(&ok(run(dir, url, &["audit", "head"])))
        .trim()
        .to_owned()
}

#[test]
fn audit_log_records_who_did_what() {
    let dir = tempfile::tempdir().unwrap();
    for (name, url, _db) in databases(dir.path()) {
        audited(dir.path(), &url);
        let out = ok(run(dir.path(), &url, &["audit", "show"]));
        let text = stdout(&out);
        for action in ["init", "import", "export-restricted", "user-add"] {
            assert!(text.contains(action), "{name}: {action} in {text}");
        }
        assert!(text.contains("sha256="), "{name}: the import's file hash");
        let out = ok(run(dir.path(), &url, &["audit", "show", "--record", "p1"]));
        assert_eq!(
            stdout(&out).lines().count(),
            2,
            "{name}: the import and the export name p1"
        );
    }
}

#[test]
fn tampering_with_the_audit_log_is_caught_at_the_right_entry() {
    let cases: [(&str, &str); 4] = [
        ("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 2", "entry 2"),
        ("DELETE FROM audit_log WHERE seq = 2", "entry 2"),
        ("UPDATE audit_log SET seq = 10 WHERE seq = 2; UPDATE audit_log SET seq = 2 WHERE seq = 3; UPDATE audit_log SET seq = 3 WHERE seq = 10", "entry 2"),
        (
            "INSERT INTO audit_log (seq, time, actor, action, records, details, prev_hash, hash) SELECT 5, time, actor, action, records, details, prev_hash, hash FROM audit_log WHERE seq = 1",
            "entry 5",
        ),
    ];
    for (sql, where_) in cases {
        let dir = tempfile::tempdir().unwrap();
        for (name, url, _db) in databases(dir.path()) {
            audited(dir.path(), &url);
            tamper(name, dir.path(), &url, sql);
            let out = failed(run(dir.path(), &url, &["audit", "verify"]));
            assert!(
                stderr(&out).contains("BROKEN"),
                "{name}: {sql}: {}",
                stderr(&out)
            );
            assert!(
                stderr(&out).contains(where_),
                "{name}: {sql}: expected {where_}: {}",
                stderr(&out)
            );
        }
    }
}

#[test]
fn a_recomputed_chain_fails_the_signatures_and_a_cut_end_fails_the_head() {
    let dir = tempfile::tempdir().unwrap();
    for (name, url, _db) in databases(dir.path()) {
        let head = audited(dir.path(), &url);
        // Cut the last entry off: the chain alone still holds, the recorded head does not.
        tamper(
            name,
            dir.path(),
            &url,
            "DELETE FROM audit_log WHERE seq = 4; DELETE FROM audit_checkpoints WHERE seq = 4",
        );
        ok(run(dir.path(), &url, &["audit", "verify"]));
        let out = failed(run(dir.path(), &url, &["audit", "verify", "--head", &head]));
        assert!(stderr(&out).contains("BROKEN"), "{name}: {}", stderr(&out));

        // Edit entry 2 and recompute every hash after it, as someone with write access
        // but without the signing key would: the signed checkpoints no longer match.
        let mut entries = audit_rows(name, dir.path(), &url);
        entries[1].actor = "someone-else".into();
        let mut prev = entries[0].hash.clone();
        let mut sql = String::new();
        for entry in entries.iter_mut().skip(1) {
            entry.prev_hash = prev.clone();
            entry.hash = entry.compute_hash();
            prev = entry.hash.clone();
            sql.push_str(&format!(
                "UPDATE audit_log SET actor = '{}', prev_hash = '{}', hash = '{}' WHERE seq = {};",
                entry.actor, entry.prev_hash, entry.hash, entry.seq
            ));
        }
        tamper(name, dir.path(), &url, &sql);
        let out = failed(run(dir.path(), &url, &["audit", "verify"]));
        assert!(stderr(&out).contains("BROKEN"), "{name}: {}", stderr(&out));
    }
}

#[test]
fn evidence_is_stored_as_collected_with_its_custody_and_tampering_is_found() {
    let dir = tempfile::tempdir().unwrap();
    for (name, url, _db) in databases(dir.path()) {
        import_secrets(dir.path(), &url);
        let open_file = dir.path().join("site-photo.txt");
        std::fs::write(&open_file, b"photo of the gate (fictional)").unwrap();
        let secret_file = dir.path().join("passport-scan.txt");
        std::fs::write(
            &secret_file,
            b"Evidencesecret Plvq passport scan (fictional)",
        )
        .unwrap();

        let out = ok(run(
            dir.path(),
            &url,
            &[
                "evidence",
                "add",
                open_file.to_str().unwrap(),
                "--for",
                "s1",
                "--note",
                "from the road",
            ],
        ));
        let open_id = stdout(&out).trim().to_owned();
        assert!(open_id.starts_with("ev-"), "{name}: {open_id}");
        // A person's evidence is sealed, and needs the passphrase to add.
        let out = failed(run_env(
            dir.path(),
            &url,
            &[
                "evidence",
                "add",
                secret_file.to_str().unwrap(),
                "--for",
                "p1",
            ],
            &[("ZONEWATCH_PASSPHRASE", "")],
            None,
        ));
        assert!(
            stderr(&out).contains("needs the passphrase"),
            "{name}: {}",
            stderr(&out)
        );
        let out = ok(run(
            dir.path(),
            &url,
            &[
                "evidence",
                "add",
                secret_file.to_str().unwrap(),
                "--for",
                "p1",
            ],
        ));
        let sealed_id = stdout(&out).trim().to_owned();
        let out = failed(run(
            dir.path(),
            &url,
            &[
                "evidence",
                "add",
                open_file.to_str().unwrap(),
                "--for",
                "nowhere",
            ],
        ));
        assert!(
            stderr(&out).contains("no record with id `nowhere`"),
            "{name}"
        );

        let stored = everything_stored(name, dir.path(), &url);
        assert!(
            !stored.contains("Evidencesecret Plvq"),
            "{name}: sealed evidence in plain text"
        );
        let sha =
            zonewatch_app::testing::sha256_hex(b"Evidencesecret Plvq passport scan (fictional)");
        assert!(
            !stored.contains(&sha),
            "{name}: a guessed file could be confirmed by its hash"
        );

        let out = ok(run(dir.path(), &url, &["evidence", "verify"]));
        assert_eq!(
            stdout(&out).matches("ok ").count(),
            2,
            "{name}: {}",
            stdout(&out)
        );

        let export_dir = dir.path().join(format!("out-{name}"));
        ok(run(
            dir.path(),
            &url,
            &[
                "evidence",
                "export",
                &sealed_id,
                export_dir.to_str().unwrap(),
            ],
        ));
        assert_eq!(
            std::fs::read(export_dir.join(format!("{sealed_id}--passport-scan.txt"))).unwrap(),
            b"Evidencesecret Plvq passport scan (fictional)"
        );
        let sheet: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(export_dir.join(format!("{sealed_id}.custody.json"))).unwrap(),
        )
        .unwrap();
        assert_eq!(sheet["sha256"], sha);
        assert_eq!(sheet["collected_by"], "local-admin");
        let events: Vec<&str> = sheet["custody"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["event"].as_str().unwrap())
            .collect();
        assert_eq!(events, ["add", "verify", "export"], "{name}");

        // One byte of a stored file flipped: verify names it.
        let sql = if name == "sqlite" {
            format!("UPDATE evidence SET content = CAST(REPLACE(CAST(content AS TEXT), 'gate', 'gatf') AS BLOB) WHERE id = '{open_id}'")
        } else {
            format!("UPDATE evidence SET content = convert_to(replace(convert_from(content, 'UTF8'), 'gate', 'gatf'), 'UTF8') WHERE id = '{open_id}'")
        };
        tamper(name, dir.path(), &url, &sql);
        let out = failed(run(dir.path(), &url, &["evidence", "verify"]));
        assert!(
            stdout(&out).contains(&format!("PROBLEM  {open_id}")),
            "{name}: {}",
            stdout(&out)
        );
        assert!(
            stdout(&out).contains(&format!("ok       {sealed_id}")),
            "{name}"
        );
        let mut sealed_bytes_flip = String::new();
        if name == "sqlite" {
            sealed_bytes_flip.push_str(&format!(
                "UPDATE evidence SET content = substr(content, 1, 130) || X'00' || substr(content, 132) WHERE id = '{sealed_id}'"
            ));
        } else {
            sealed_bytes_flip.push_str(&format!(
                "UPDATE evidence SET content = overlay(content placing '\\x00'::bytea from 131 for 1) WHERE id = '{sealed_id}'"
            ));
        }
        tamper(name, dir.path(), &url, &sealed_bytes_flip);
        let out = failed(run(dir.path(), &url, &["evidence", "verify"]));
        assert!(
            stdout(&out).contains(&format!("PROBLEM  {sealed_id}")),
            "{name}: {}",
            stdout(&out)
        );
        ok(run(dir.path(), &url, &["audit", "verify"]));
    }
}

/// Every command, as every role: allowed or refused, as the role table says.
#[test]
fn every_role_against_every_command() {
    let dir = tempfile::tempdir().unwrap();
    for (name, url, _db) in databases(dir.path()) {
        every_role_on(name, dir.path(), &url);
    }
}

fn every_role_on(name: &str, dir: &Path, url: &str) {
    let url = url.to_owned();
    import_secrets(dir, &url);
    for (user, role) in [
        ("ana", "analyst"),
        ("vic", "viewer"),
        ("ivy", "investigator"),
        ("adam", "admin"),
    ] {
        ok(run_env(
            dir,
            &url,
            &["user", "add", user, "--role", role],
            &[],
            Some(b"a long password 123"),
        ));
    }
    let photo = dir.join("photo.txt");
    std::fs::write(&photo, b"a photo (fictional)").unwrap();
    let secrets = dir.join("secrets.jsonl");
    let (photo, secrets) = (photo.to_str().unwrap(), secrets.to_str().unwrap());
    let out_dir = dir.join("ev-out");
    let out_dir = out_dir.to_str().unwrap();
    let first = dir.join("first.txt");
    std::fs::write(&first, b"the first photo (fictional)").unwrap();
    let evidence_id = stdout(&ok(run(
        dir,
        &url,
        &["evidence", "add", first.to_str().unwrap(), "--for", "s2"],
    )))
    .trim()
    .to_owned();

    // (command, [admin, investigator, analyst, viewer]) — true: allowed.
    let table: Vec<(Vec<&str>, [bool; 4])> = vec![
        (vec!["import", secrets], [true, true, false, false]),
        (vec!["demo"], [true, true, false, false]),
        (vec!["export"], [true, true, false, true]), // a viewer gets public records only
        (vec!["export", "--redact"], [true, true, true, true]),
        (
            vec!["export", "--format", "csv", "--kind", "site"],
            [true, true, false, true],
        ),
        (
            vec!["export", "--format", "geojson", "--redact"],
            [true, true, true, true],
        ),
        (
            vec!["export", "--format", "ftm", "--redact"],
            [true, true, true, true],
        ),
        (vec!["report"], [true, true, true, false]),
        (vec!["report", "--public"], [true, true, true, true]),
        (vec!["assess"], [true, true, true, false]),
        (vec!["timeline", "s1"], [true, true, true, false]),
        (vec!["networks"], [true, true, true, false]),
        (vec!["screen", "reindex"], [true, true, true, false]),
        (vec!["user", "list"], [true, false, false, false]),
        (vec!["token", "create", "ana"], [true, false, true, false]), // ana may make her own
        (vec!["audit", "verify"], [true, true, false, false]),
        (vec!["audit", "show"], [true, true, false, false]),
        (vec!["audit", "head"], [true, true, false, false]),
        (vec!["evidence", "list"], [true, true, true, false]),
        (vec!["evidence", "verify"], [true, true, false, false]),
        (
            vec!["evidence", "export", &evidence_id, out_dir],
            [true, true, false, false],
        ),
        (
            vec!["evidence", "add", photo, "--for", "s1"],
            [true, true, false, false],
        ),
    ];
    for (args, allowed) in &table {
        for (i, user) in ["adam", "ivy", "ana", "vic"].iter().enumerate() {
            let mut all = vec!["--as", user];
            all.extend_from_slice(args);
            if args[..2] == ["evidence", "export"] {
                // An export never overwrites: each user's goes into an empty folder.
                let _ = std::fs::remove_dir_all(out_dir);
            }
            let out = run(dir, &url, &all);
            if allowed[i] {
                assert!(
                    out.status.success(),
                    "{name}: {user} {args:?} should be allowed: {}",
                    stderr(&out)
                );
            } else {
                assert!(
                    !out.status.success(),
                    "{name}: {user} {args:?} should be refused"
                );
                assert!(
                    stderr(&out).contains("may "),
                    "{user} {args:?}: {}",
                    stderr(&out)
                );
            }
            // `evidence add` of the same file twice is refused as a duplicate, not by
            // role: give each allowed run a file of its own.
            if args[0] == "evidence" && args[1] == "add" && allowed[i] {
                std::fs::write(dir.join("photo.txt"), format!("a photo (fictional) {user}"))
                    .unwrap();
            }
        }
    }

    // Record kinds: a viewer's export of any kind holds only records marked public;
    // an analyst's holds every record of the kind but no restricted field.
    for kind in [
        "source",
        "organization",
        "site",
        "site_status",
        "intervention",
        "person",
        "testimony",
        "incident",
        "ad",
    ] {
        let viewer = stdout(&ok(run(
            dir,
            &url,
            &["--as", "vic", "export", "--kind", kind],
        )));
        for line in viewer.lines() {
            assert!(
                line.contains(r#""sensitivity":"public""#),
                "viewer saw a non-public {kind}: {line}"
            );
        }
        let analyst = stdout(&ok(run(
            dir,
            &url,
            &["--as", "ana", "export", "--redact", "--kind", kind],
        )));
        let full = stdout(&ok(run(
            dir,
            &url,
            &["--as", "ivy", "export", "--kind", kind],
        )));
        assert_eq!(analyst.lines().count(), full.lines().count(), "{kind}");
        for secret in SECRETS {
            assert!(!analyst.contains(secret), "analyst saw {secret} in {kind}");
        }
    }
}

/// An evidence export never writes over what is there: not a file of the same name
/// (`.bashrc`), not through a symbolic link, not its own custody sheet; its files
/// are readable by their owner only.
#[test]
fn evidence_export_writes_only_new_private_files() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("z.db").display());
    ok(run(dir.path(), &url, &["import", &fixture("worked.jsonl")]));
    let add = |name: &str, bytes: &[u8]| {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = ok(run(
            dir.path(),
            &url,
            &["evidence", "add", path.to_str().unwrap(), "--for", "site-a"],
        ));
        stdout(&out).trim().to_owned()
    };
    let bashrc = add(".bashrc", b"echo evidence (fictional)");
    let sheet_named = add("custody.json", b"{\"fake\": true}");
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join(".bashrc"), b"the user's own").unwrap();
    let export = |id: &str| {
        run(
            dir.path(),
            &url,
            &["evidence", "export", id, out.to_str().unwrap()],
        )
    };
    ok(export(&bashrc));
    assert_eq!(
        std::fs::read(out.join(".bashrc")).unwrap(),
        b"the user's own"
    );
    assert_eq!(
        std::fs::read(out.join(format!("{bashrc}--bashrc"))).unwrap(),
        b"echo evidence (fictional)"
    );
    ok(export(&sheet_named));
    assert_eq!(
        std::fs::read(out.join(format!("{sheet_named}--custody.json"))).unwrap(),
        b"{\"fake\": true}"
    );
    let sheet = std::fs::read_to_string(out.join(format!("{sheet_named}.custody.json"))).unwrap();
    assert!(sheet.contains("\"custody\""), "{sheet}");
    // The same export again: refused, nothing overwritten.
    let before = std::fs::read(out.join(format!("{bashrc}.custody.json"))).unwrap();
    let err = stderr(&failed(export(&bashrc)));
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(
        std::fs::read(out.join(format!("{bashrc}.custody.json"))).unwrap(),
        before
    );
    // A symbolic link at the name is not followed.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let fresh = dir.path().join("fresh");
        std::fs::create_dir(&fresh).unwrap();
        let target = dir.path().join("victim.txt");
        std::fs::write(&target, b"untouched").unwrap();
        std::os::unix::fs::symlink(&target, fresh.join(format!("{bashrc}--bashrc"))).unwrap();
        let err = stderr(&failed(run(
            dir.path(),
            &url,
            &["evidence", "export", &bashrc, fresh.to_str().unwrap()],
        )));
        assert!(err.contains("already exists"), "{err}");
        assert_eq!(std::fs::read(&target).unwrap(), b"untouched");
        let mode = std::fs::metadata(out.join(format!("{bashrc}--bashrc")))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
