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
        // Without the passphrase the chain alone holds; with it, the key ring's record of
        // the last checkpoint signed (entry 4) catches the cut too.
        ok(run_env(
            dir.path(),
            &url,
            &["audit", "verify"],
            &[("ZONEWATCH_PASSPHRASE", "")],
            None,
        ));
        let out = failed(run(dir.path(), &url, &["audit", "verify"]));
        assert!(
            stderr(&out).contains("1 entries were cut off after the last signed checkpoint"),
            "{name}: {}",
            stderr(&out)
        );
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
            if args.starts_with(&["evidence", "export"]) {
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

/// A string as an SQL literal (both backends).
fn sql_text(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// The first column of the first row `sql` returns, as text.
fn query_text(name: &str, dir: &Path, url: &str, sql: &str) -> String {
    if name == "sqlite" {
        let conn = rusqlite::Connection::open(dir.join("p.db")).unwrap();
        conn.query_row(sql, [], |r| r.get(0)).unwrap()
    } else {
        let mut client = postgres::Client::connect(url, postgres::NoTls).unwrap();
        client.query_one(sql, &[]).unwrap().get(0)
    }
}

fn keyring_json(name: &str, dir: &Path, url: &str) -> serde_json::Value {
    serde_json::from_str(&query_text(
        name,
        dir,
        url,
        "SELECT sealed FROM keyring WHERE id = 1",
    ))
    .unwrap()
}

fn set_keyring_sql(ring: &serde_json::Value) -> String {
    format!(
        "UPDATE keyring SET sealed = {} WHERE id = 1;",
        sql_text(&ring.to_string())
    )
}

/// Every checkpoint: (seq, head_hash, signature).
fn checkpoint_rows(name: &str, dir: &Path, url: &str) -> Vec<(i64, String, String)> {
    let query = "SELECT seq, head_hash, signature FROM audit_checkpoints ORDER BY seq";
    if name == "sqlite" {
        let conn = rusqlite::Connection::open(dir.join("p.db")).unwrap();
        let mut stmt = conn.prepare(query).unwrap();
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap();
        rows.map(Result::unwrap).collect()
    } else {
        let mut client = postgres::Client::connect(url, postgres::NoTls).unwrap();
        client
            .query(query, &[])
            .unwrap()
            .iter()
            .map(|r| (r.get(0), r.get(1), r.get(2)))
            .collect()
    }
}

/// SQL that replaces the whole audit log with `entries`.
fn replace_audit_log_sql(entries: &[zonewatch_app::testing::AuditEntry]) -> String {
    let mut sql = String::from("DELETE FROM audit_log;");
    for e in entries {
        sql.push_str(&format!(
            "INSERT INTO audit_log (seq, time, actor, action, records, details, prev_hash, hash) VALUES ({}, {}, {}, {}, {}, {}, {}, {});",
            e.seq,
            sql_text(&e.time),
            sql_text(&e.actor),
            sql_text(&e.action),
            sql_text(&serde_json::to_string(&e.records).unwrap()),
            sql_text(&serde_json::to_string(&e.details).unwrap()),
            sql_text(&e.prev_hash),
            sql_text(&e.hash),
        ));
    }
    sql
}

/// Recomputes every hash and link from entry 1 on, as someone with write access but
/// without the signing key does after an edit.
fn recompute_chain(entries: &mut [zonewatch_app::testing::AuditEntry]) {
    let mut prev = "0".repeat(64);
    for (i, e) in entries.iter_mut().enumerate() {
        e.seq = i as u64 + 1;
        e.prev_hash = prev;
        e.hash = e.compute_hash();
        prev = e.hash.clone();
    }
}

const ATTACKER_PASSPHRASE: &str = "the attacker's own passphrase (fictional)";

/// The attacker's own key ring, made by zonewatch on a database of theirs (in `lab`)
/// whose audit log is `entries` beforehand, so that zonewatch also signs a checkpoint
/// over them with it. Returns the attacker's audit log (`entries` and the `init` entry
/// after them), checkpoints and key ring.
fn attackers_database(
    lab: &Path,
    entries: &[zonewatch_app::testing::AuditEntry],
) -> (
    Vec<zonewatch_app::testing::AuditEntry>,
    Vec<(i64, String, String)>,
    serde_json::Value,
) {
    std::fs::create_dir_all(lab).unwrap();
    let url = format!("sqlite://{}", lab.join("p.db").display());
    let as_attacker = [("ZONEWATCH_PASSPHRASE", ATTACKER_PASSPHRASE)];
    ok(run_env(lab, &url, &["init"], &as_attacker, None));
    tamper(
        "sqlite",
        lab,
        &url,
        &format!(
            "DELETE FROM keyring; DELETE FROM audit_checkpoints; {}",
            replace_audit_log_sql(entries)
        ),
    );
    ok(run_env(lab, &url, &["init"], &as_attacker, None));
    let log = audit_rows("sqlite", lab, &url);
    assert_eq!(log.len(), entries.len() + 1);
    let checkpoints = checkpoint_rows("sqlite", lab, &url);
    assert_eq!(
        checkpoints.last().map(|c| c.0),
        Some(log.len() as i64),
        "the attacker's key signed over the rewritten head"
    );
    (log, checkpoints, keyring_json("sqlite", lab, &url))
}

/// Rewrites the victim's history with `forged`, signs checkpoints over it with the
/// attacker's key and puts them in the victim's database, with the attacker's whole key
/// ring (`whole_ring`) or only its verifying key in the victim's key ring row.
fn forge(
    name: &str,
    dir: &Path,
    url: &str,
    forged: &[zonewatch_app::testing::AuditEntry],
    whole_ring: bool,
) {
    let (log, checkpoints, theirs) = attackers_database(&dir.join("attacker"), forged);
    let ring = if whole_ring {
        theirs
    } else {
        let mut ours = keyring_json(name, dir, url);
        ours["public_keys"]["verifying"] = theirs["public_keys"]["verifying"].clone();
        ours
    };
    let mut sql = replace_audit_log_sql(&log);
    sql.push_str("DELETE FROM audit_checkpoints;");
    for (seq, head_hash, signature) in &checkpoints {
        sql.push_str(&format!(
            "INSERT INTO audit_checkpoints (seq, head_hash, signature) VALUES ({seq}, {}, {});",
            sql_text(head_hash),
            sql_text(signature)
        ));
    }
    sql.push_str(&set_keyring_sql(&ring));
    tamper(name, dir, url, &sql);
}

/// `audited`, then six restricted exports: ten entries, a checkpoint after each command.
fn audited_longer(dir: &Path, url: &str) {
    audited(dir, url);
    for _ in 0..6 {
        ok(run(dir, url, &["export"]));
    }
    assert_eq!(
        stdout(&ok(run(dir, url, &["audit", "head"])))
            .split(':')
            .next(),
        Some("10")
    );
}

fn without_passphrase(dir: &Path, url: &str, args: &[&str]) -> Output {
    run_env(dir, url, args, &[("ZONEWATCH_PASSPHRASE", "")], None)
}

#[test]
fn a_forged_history_resigned_under_the_attackers_key_is_refused_with_the_passphrase() {
    type Forgery = fn(&mut Vec<zonewatch_app::testing::AuditEntry>);
    let forgeries: [(&str, Forgery); 2] = [
        ("entry 2 edited", |entries| {
            entries[1].actor = "someone-else".into();
        }),
        ("5 of 10 entries deleted", |entries| {
            let mut i = 0;
            entries.retain(|_| {
                i += 1;
                i % 2 == 1
            });
        }),
    ];
    for (what, edit) in forgeries {
        for whole_ring in [false, true] {
            let dir = tempfile::tempdir().unwrap();
            for (name, url, _db) in databases(dir.path()) {
                let case = format!("{name}, {what}, whole ring {whole_ring}");
                audited_longer(dir.path(), &url);
                let mut entries = audit_rows(name, dir.path(), &url);
                edit(&mut entries);
                recompute_chain(&mut entries);
                let _ = std::fs::remove_dir_all(dir.path().join("attacker"));
                forge(name, dir.path(), &url, &entries, whole_ring);

                // Without the passphrase the forgery verifies: the output says plainly
                // what could not be checked, and the exit code is 0.
                let out = ok(without_passphrase(dir.path(), &url, &["audit", "verify"]));
                assert!(stdout(&out).contains("audit chain verified"), "{case}");
                assert!(
                    stdout(&out).contains("NOT checked")
                        && stdout(&out).contains("not authenticated"),
                    "{case}: {}",
                    stdout(&out)
                );

                // With it: refused.
                let out = failed(run(dir.path(), &url, &["audit", "verify"]));
                assert!(!stdout(&out).contains("verified"), "{case}");
                assert!(
                    stderr(&out).contains("audit chain NOT verified"),
                    "{case}: {}",
                    stderr(&out)
                );
                if whole_ring {
                    assert!(
                        stderr(&out).contains("does not open the key ring"),
                        "{case}: {}",
                        stderr(&out)
                    );
                } else {
                    assert!(
                        stderr(&out).contains("the key ring's public part was altered")
                            && stderr(&out).contains("verifying key"),
                        "{case}: {}",
                        stderr(&out)
                    );
                    // Every unlock says so too, not "the passphrase is wrong".
                    let out = failed(run(dir.path(), &url, &["export"]));
                    assert!(
                        stderr(&out).contains("the key ring's public part was altered"),
                        "{case}: {}",
                        stderr(&out)
                    );
                    assert!(!stderr(&out).contains("passphrase is wrong"), "{case}");
                }
            }
        }
    }
}

#[test]
fn deleting_every_checkpoint_and_recomputing_is_caught_by_the_key_rings_record() {
    for variant in ["edited", "cut", "checkpoints only"] {
        let dir = tempfile::tempdir().unwrap();
        for (name, url, _db) in databases(dir.path()) {
            let case = format!("{name}, {variant}");
            audited(dir.path(), &url);
            let mut entries = audit_rows(name, dir.path(), &url);
            let (sql, expected) = match variant {
                "edited" => {
                    entries[1].actor = "someone-else".into();
                    recompute_chain(&mut entries);
                    (
                        replace_audit_log_sql(&entries),
                        "the key ring's record of the last checkpoint signed (over entry 4)",
                    )
                }
                "cut" => (
                    "DELETE FROM audit_log WHERE seq >= 3;".to_owned(),
                    "2 entries were cut off after the last signed checkpoint",
                ),
                _ => (
                    String::new(),
                    "checkpoints were cut off after the last signed checkpoint",
                ),
            };
            tamper(
                name,
                dir.path(),
                &url,
                &format!("DELETE FROM audit_checkpoints; {sql}"),
            );

            // Without the passphrase nothing is left to catch it, and the output says what
            // was not checked.
            let out = ok(without_passphrase(dir.path(), &url, &["audit", "verify"]));
            assert!(
                stdout(&out).contains("no signed checkpoint yet"),
                "{case}: {}",
                stdout(&out)
            );
            assert!(
                stdout(&out).contains("record of the last checkpoint signed was not read"),
                "{case}: {}",
                stdout(&out)
            );

            let out = failed(run(dir.path(), &url, &["audit", "verify"]));
            assert!(
                stderr(&out).contains("BROKEN") && stderr(&out).contains(expected),
                "{case}: expected {expected}: {}",
                stderr(&out)
            );

            // A command that unlocks does not sign over it (which would vouch for the
            // rewrite), and the record stays where it was.
            let out = failed(run(dir.path(), &url, &["export"]));
            assert!(
                stderr(&out).contains("no audit checkpoint was signed"),
                "{case}: {}",
                stderr(&out)
            );
            assert!(checkpoint_rows(name, dir.path(), &url).is_empty(), "{case}");
            assert_eq!(
                keyring_json(name, dir.path(), &url)["audit_mark"]["seq"],
                4,
                "{case}"
            );
            failed(run(dir.path(), &url, &["audit", "verify"]));
        }
    }
}

#[test]
fn an_altered_public_part_of_the_key_ring_is_named_at_unlock_and_at_verify() {
    let dir = tempfile::tempdir().unwrap();
    for (name, url, _db) in databases(dir.path()) {
        audited(dir.path(), &url);
        let original = keyring_json(name, dir.path(), &url);
        assert_eq!(original["version"], 2, "{name}");
        assert_eq!(original["audit_mark"]["seq"], 4, "{name}: {original}");
        let _ = std::fs::remove_dir_all(dir.path().join("attacker"));
        let (_, _, theirs) = attackers_database(&dir.path().join("attacker"), &[]);
        type Edit = fn(&mut serde_json::Value, &serde_json::Value);
        let edits: [(&str, Edit); 5] = [
            ("encryption key", |ring, theirs| {
                ring["public_keys"]["encryption"] = theirs["public_keys"]["encryption"].clone();
            }),
            ("verifying key", |ring, theirs| {
                ring["public_keys"]["verifying"] = theirs["public_keys"]["verifying"].clone();
            }),
            ("audit mark lowered", |ring, _| {
                ring["audit_mark"]["seq"] = serde_json::json!(1);
            }),
            ("audit mark replaced by the attacker's", |ring, theirs| {
                ring["audit_mark"] = theirs["audit_mark"].clone();
            }),
            ("audit mark removed", |ring, _| {
                ring.as_object_mut().unwrap().remove("audit_mark");
            }),
        ];
        for (what, edit) in edits {
            let mut ring = original.clone();
            edit(&mut ring, &theirs);
            tamper(name, dir.path(), &url, &set_keyring_sql(&ring));
            for args in [&["export"][..], &["audit", "verify"], &["key", "rotate"]] {
                let out = failed(run(dir.path(), &url, args));
                assert!(
                    stderr(&out).contains("the key ring's public part was altered"),
                    "{name}: {what}: {args:?}: {}",
                    stderr(&out)
                );
                assert!(
                    !stderr(&out).contains("passphrase is wrong"),
                    "{name}: {what}: {args:?}"
                );
            }
            // Without the passphrase the chain itself still verifies, and says what it
            // could not check; a substituted verifying key alone (the checkpoints not
            // re-signed) fails the genuine checkpoints.
            let out = without_passphrase(dir.path(), &url, &["audit", "verify"]);
            if what == "verifying key" {
                let out = failed(out);
                assert!(
                    stderr(&out).contains("invalid signature"),
                    "{name}: {what}: {}",
                    stderr(&out)
                );
            } else {
                let out = ok(out);
                assert!(
                    stdout(&out).contains("NOT checked"),
                    "{name}: {what}: {}",
                    stdout(&out)
                );
            }
            assert_eq!(
                keyring_json(name, dir.path(), &url),
                ring,
                "{name}: {what}: nothing rewrote the altered row"
            );
        }
        tamper(name, dir.path(), &url, &set_keyring_sql(&original));
        ok(run(dir.path(), &url, &["export"]));
        let out = ok(run(dir.path(), &url, &["audit", "verify"]));
        assert!(
            stdout(&out).contains("verifying key authenticated by the passphrase"),
            "{name}: {}",
            stdout(&out)
        );
        // A wrong passphrase is still called one.
        let out = failed(run_env(
            dir.path(),
            &url,
            &["export"],
            &[("ZONEWATCH_PASSPHRASE", "not the passphrase")],
            None,
        ));
        assert!(stderr(&out).contains("passphrase is wrong"), "{name}");
    }
}

/// A key ring written before version 2 (public keys in the AEAD's associated data, no
/// audit mark), under `TEST_PASSPHRASE` at the lowest Argon2 cost.
const VERSION_1_KEY_RING: &str = r#"{"format":"zonewatch-keyring","version":1,"public_keys":{"encryption":"a15a91f8154915720f4b9d53aaf47a4f2752ecba25c181668d0fd5e247e17d63","verifying":"5bd457624790ac3f26cbd3c58be5b449ace296c25d546015ad7d99e574674287"},"kdf":{"algorithm":"argon2id","argon2_version":19,"m_cost_kib":256,"t_cost":1,"p_cost":1,"salt":"e852c2a255e0270aaa2fdc9348ddbde4"},"cipher":"xchacha20poly1305","nonce":"37776fa753848e44f9e16fafe86342e5e951e9050649ce79","sealed_secrets":"44e4a5be494d74cc268b00a28ecb79bceaff13a2d282b607e4f71467ada27686cedddc41340ced58b96d24cbfb7450a364c5be5d36ccad9fd2cc43aefbd6c9d4beac219670522e0a52318ccb330b6b147ff5d54bbddd66719e816a1bd47c2f4a1ff0c04f7c2ff864e413fa788acc9b2f"}"#;

#[test]
fn a_version_1_key_ring_is_upgraded_at_the_next_unlock() {
    let dir = tempfile::tempdir().unwrap();
    for (name, url, _db) in databases(dir.path()) {
        ok(run(dir.path(), &url, &["init"]));
        // As a database made before version 2: its key ring, and no history yet.
        let v1: serde_json::Value = serde_json::from_str(VERSION_1_KEY_RING).unwrap();
        tamper(
            name,
            dir.path(),
            &url,
            &format!(
                "DELETE FROM audit_log; DELETE FROM audit_checkpoints; {}",
                set_keyring_sql(&v1)
            ),
        );
        let file = dir.path().join("secrets.jsonl");
        std::fs::write(&file, secret_data()).unwrap();
        ok(without_passphrase(
            dir.path(),
            &url,
            &["import", file.to_str().unwrap()],
        ));
        ok(without_passphrase(dir.path(), &url, &["audit", "verify"]));
        assert_eq!(
            keyring_json(name, dir.path(), &url),
            v1,
            "{name}: nothing upgrades it without the passphrase"
        );

        let out = ok(run(dir.path(), &url, &["export"]));
        assert!(stdout(&out).contains("Secretname Zyxwv"), "{name}");
        let upgraded = keyring_json(name, dir.path(), &url);
        assert_eq!(upgraded["version"], 2, "{name}: {upgraded}");
        assert_eq!(upgraded["public_keys"], v1["public_keys"], "{name}");
        assert_eq!(
            upgraded["audit_mark"]["seq"], 2,
            "{name}: the checkpoint signed at the end of the export is recorded"
        );
        let out = ok(run(dir.path(), &url, &["audit", "verify"]));
        assert!(
            stdout(&out).contains("verified: 2 entries")
                && stdout(&out).contains("verifying key authenticated by the passphrase"),
            "{name}: {}",
            stdout(&out)
        );
        // The upgraded key ring is checked like any other.
        let mut altered = upgraded.clone();
        altered["audit_mark"]["seq"] = serde_json::json!(1);
        tamper(name, dir.path(), &url, &set_keyring_sql(&altered));
        let out = failed(run(dir.path(), &url, &["export"]));
        assert!(
            stderr(&out).contains("the key ring's public part was altered"),
            "{name}: {}",
            stderr(&out)
        );
    }
}
