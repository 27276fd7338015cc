//! `zonewatch screen` and `zonewatch networks` as an analyst runs them.

use super::*;

#[test]
fn screen_reads_jsonl_lines_and_csv_and_keeps_going_after_bad_lines() {
    let dir = tempfile::tempdir().unwrap();
    let input = concat!(
        r#"{"id":"a1","text":"Customer service in Sihanoukville, $1500/month, no experience, free flight. Telegram @goldjobs_kh"}"#,
        "\n",
        "not json\n",
        r#"{"id":"a2","text":"Accountant wanted in Bangkok office. Apply with CV at careers@example.com"}"#,
        "\n",
    );
    let out = ok(zonewatch_in(
        dir.path(),
        &["screen"],
        &[],
        Some(input.as_bytes()),
    ));
    let results: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(results.len(), 3);
    assert_eq!(results[0]["id"], "a1");
    assert_eq!(results[0]["level"], "high");
    assert!(results[0]["contacts"].to_string().contains("goldjobs_kh"));
    assert_eq!(results[1]["id"], "2");
    assert!(results[1]["error"].is_string());
    assert_eq!(results[2]["level"], "low");

    let out = ok(zonewatch_in(
        dir.path(),
        &["screen", "--input", "lines", "--format", "table"],
        &[],
        Some(b"Typing job in Poipet, free visa, contact on Telegram only\n"),
    ));
    assert!(stdout(&out).contains("[Poipet]"), "{}", stdout(&out));

    std::fs::write(
        dir.path().join("ads.csv"),
        "ref,post\nx9,\"Game tester, no experience, 20000 THB/month, Myawaddy\"\n",
    )
    .unwrap();
    let out = ok(zonewatch(
        dir.path(),
        &[
            "screen",
            "ads.csv",
            "--input",
            "csv",
            "--text-column",
            "post",
            "--id-column",
            "ref",
        ],
    ));
    assert!(stdout(&out).contains(r#""id":"x9""#), "{}", stdout(&out));
}

#[test]
fn screen_eval_and_train_on_a_labelled_file() {
    let dir = tempfile::tempdir().unwrap();
    let labelled = format!(
        "{}/../screen/data/labelled-fictional.jsonl",
        env!("CARGO_MANIFEST_DIR")
    );
    let out = ok(zonewatch(dir.path(), &["screen", "eval", &labelled]));
    for word in ["precision", "recall", "F1", "ROC AUC", "labelled lure"] {
        assert!(stdout(&out).contains(word), "{word}: {}", stdout(&out));
    }
    ok(zonewatch(
        dir.path(),
        &["screen", "train", &labelled, "--output", "w.toml"],
    ));
    let out = ok(zonewatch(
        dir.path(),
        &["screen", "--weights", "w.toml", "--input", "lines"],
    ));
    assert_eq!(stdout(&out), "", "no input, no output");
}

#[test]
fn networks_link_ads_by_contact_to_survivors_and_sites() {
    let dir = tempfile::tempdir().unwrap();
    let data = [
        r#"{"kind":"site","id":"s1","name":"Compound (fictional)","category":"scam_compound","country":"KH"}"#,
        r#"{"kind":"ad","id":"ad-1","platform":"facebook","text":"Customer service in Bavet, $1500/month. Telegram @zw_test_recruiter"}"#,
        r#"{"kind":"ad","id":"ad-2","platform":"telegram","text":"Typist wanted, free flight. t.me/zw_test_recruiter or t.me/zw_test_second"}"#,
        r#"{"kind":"ad","id":"ad-3","platform":"x","text":"Unrelated ad, Telegram @zw_someone_else"}"#,
        r#"{"kind":"person","id":"p1","alias":"A (fictional)","roles":["survivor"],"recruitment":{"channel":"facebook","ad":"ad-1"},"custody":[{"site":"s1"}]}"#,
        r#"{"kind":"person","id":"p2","alias":"B (fictional)","roles":["survivor"]}"#,
        r#"{"kind":"testimony","id":"t2","person":"p2","date":"2024","consent":"internal_only","transcript":"The agent told me to write to t.me/zw_test_second (fictional)."}"#,
    ]
    .join("\n");
    std::fs::write(dir.path().join("n.jsonl"), data).unwrap();
    ok(zonewatch(dir.path(), &["import", "n.jsonl"]));
    let out = ok(zonewatch(dir.path(), &["networks", "--json"]));
    let networks: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(networks.as_array().unwrap().len(), 1, "{networks}");
    assert_eq!(networks[0]["ads"], serde_json::json!(["ad-1", "ad-2"]));
    assert_eq!(networks[0]["persons"], serde_json::json!(["p1", "p2"]));
    assert_eq!(networks[0]["testimonies"], serde_json::json!(["t2"]));
    assert_eq!(networks[0]["sites"], serde_json::json!(["s1"]));
    // Without the passphrase, transcripts stay closed: the testimony does not link.
    let out = ok(zonewatch_in(
        dir.path(),
        &["networks", "--json"],
        &[("ZONEWATCH_PASSPHRASE", "")],
        None,
    ));
    let networks: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(networks[0]["persons"], serde_json::json!(["p1"]));
    assert!(stderr(&out).contains("transcripts are restricted"));
}

// ------------------------------------------------- screening stored at import

use super::protection::{databases, everything_stored, run, run_env, tamper};

/// A contact that only a transcript mentions: it may be stored only keyed-hashed.
const PRIVATE_CONTACT: &str = "zw_private_boss";

fn network_data() -> String {
    [
        r#"{"kind":"site","id":"s1","name":"Compound (fictional)","category":"scam_compound","country":"KH"}"#,
        r#"{"kind":"ad","id":"ad-1","platform":"facebook","text":"Customer service in Bavet, $1500/month. Telegram @zw_test_recruiter"}"#,
        r#"{"kind":"ad","id":"ad-2","platform":"telegram","text":"Typist wanted, free flight. t.me/zw_test_recruiter or t.me/zw_test_second"}"#,
        r#"{"kind":"ad","id":"ad-3","platform":"x","text":"Unrelated ad, Telegram @zw_someone_else"}"#,
        r#"{"kind":"person","id":"p1","alias":"A (fictional)","roles":["survivor"],"recruitment":{"channel":"facebook","ad":"ad-1"},"custody":[{"site":"s1"}]}"#,
        r#"{"kind":"person","id":"p2","alias":"B (fictional)","roles":["survivor"]}"#,
        r#"{"kind":"testimony","id":"t2","person":"p2","date":"2024","consent":"internal_only","transcript":"The agent told me to write to t.me/zw_test_second, his boss is Telegram @ZW_Private_Boss (fictional)."}"#,
    ]
    .join("\n")
}

/// The first column (text) of every row a query gives.
fn stored_rows(name: &str, dir: &Path, url: &str, sql: &str) -> Vec<String> {
    if name == "sqlite" {
        let conn = rusqlite::Connection::open(dir.join("p.db")).unwrap();
        let mut stmt = conn.prepare(sql).unwrap();
        let rows = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .unwrap()
            .collect::<Result<Vec<_>, _>>()
            .unwrap();
        rows
    } else {
        let mut client = postgres::Client::connect(url, postgres::NoTls).unwrap();
        client
            .query(sql, &[])
            .unwrap()
            .iter()
            .map(|r| r.get(0))
            .collect()
    }
}

/// Imports the network data without the passphrase, as a field laptop would.
fn import_network_data(dir: &Path, url: &str) {
    let file = dir.join("n.jsonl");
    std::fs::write(&file, network_data()).unwrap();
    ok(run(dir, url, &["init"]));
    ok(run_env(
        dir,
        url,
        &["import", file.to_str().unwrap()],
        &[("ZONEWATCH_PASSPHRASE", "")],
        None,
    ));
}

fn networks_json(dir: &Path, url: &str, env: &[(&str, &str)]) -> serde_json::Value {
    let out = ok(run_env(dir, url, &["networks", "--json"], env, None));
    serde_json::from_str(&stdout(&out)).unwrap()
}

#[test]
fn networks_come_from_the_screening_stored_at_import_on_every_backend() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    for (name, url, _db) in databases(dir) {
        import_network_data(dir, &url);
        let export_before = stdout(&ok(run(dir, &url, &["export"])));

        // Ads are screened at import; the transcript waits for the passphrase.
        assert_eq!(
            stored_rows(
                name,
                dir,
                &url,
                "SELECT ad_id || ' ' || type || ' ' || value FROM screen_ad_contacts ORDER BY ad_id, seq"
            ),
            [
                "ad-1 telegram zw_test_recruiter",
                "ad-2 telegram zw_test_recruiter",
                "ad-2 telegram zw_test_second",
                "ad-3 telegram zw_someone_else"
            ],
            "{name}"
        );
        let levels = stored_rows(
            name,
            dir,
            &url,
            "SELECT ad_id || ' ' || level FROM screen_ads ORDER BY ad_id",
        );
        assert_eq!(levels.len(), 3, "{name}: {levels:?}");
        assert!(
            stored_rows(
                name,
                dir,
                &url,
                "SELECT testimony_id FROM screen_testimonies"
            )
            .is_empty(),
            "{name}"
        );

        let networks = networks_json(dir, &url, &[]);
        assert_eq!(networks.as_array().unwrap().len(), 1, "{name}: {networks}");
        assert_eq!(networks[0]["ads"], serde_json::json!(["ad-1", "ad-2"]));
        assert_eq!(networks[0]["persons"], serde_json::json!(["p1", "p2"]));
        assert_eq!(networks[0]["testimonies"], serde_json::json!(["t2"]));
        assert_eq!(networks[0]["sites"], serde_json::json!(["s1"]));
        assert_eq!(
            networks[0]["contacts"],
            serde_json::json!([
                {"type": "telegram", "value": "zw_test_recruiter"},
                {"type": "telegram", "value": "zw_test_second"}
            ])
        );
        let text = stdout(&ok(run(dir, &url, &["networks"])));
        assert!(text.starts_with("network 1 — 2 ads\n"), "{name}: {text}");
        assert!(
            text.contains("  contacts:    telegram zw_test_recruiter, telegram zw_test_second\n"),
            "{name}: {text}"
        );
        assert!(text.contains("  testimonies: t2\n"), "{name}: {text}");

        // The transcript's two contacts are kept, as keyed hashes only.
        let hashes = stored_rows(
            name,
            dir,
            &url,
            "SELECT hash FROM screen_testimony_contacts WHERE testimony_id = 't2'",
        );
        assert_eq!(hashes.len(), 2, "{name}: {hashes:?}");
        assert!(hashes
            .iter()
            .all(|h| h.len() == 64 && h.bytes().all(|b| b.is_ascii_hexdigit())));
        let unkeyed =
            zonewatch_app::testing::sha256_hex(format!("telegram\0{PRIVATE_CONTACT}").as_bytes());
        let stored = everything_stored(name, dir, &url);
        assert!(
            stored.contains("zw_test_second"),
            "{name}: the scan sees ad contacts"
        );
        for plain in [PRIVATE_CONTACT, "ZW_Private_Boss", unkeyed.as_str()] {
            assert!(!stored.contains(plain), "{name}: {plain} is stored");
        }

        // Derived rows are not records: the export is byte for byte what it was.
        assert_eq!(
            stdout(&ok(run(dir, &url, &["export"]))),
            export_before,
            "{name}"
        );
    }
}

#[test]
fn stored_screening_is_rebuilt_when_it_is_out_of_date_and_by_reindex() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let locked = [("ZONEWATCH_PASSPHRASE", "")];
    for (name, url, _db) in databases(dir) {
        import_network_data(dir, &url);
        let fingerprints = "SELECT DISTINCT fingerprint FROM screen_ads";
        let current = stored_rows(name, dir, &url, fingerprints);
        assert_eq!(current.len(), 1, "{name}: {current:?}");

        // Rows made by other patterns or weights are screened again before use.
        tamper(
            name,
            dir,
            &url,
            "UPDATE screen_ads SET fingerprint = 'sha256:older-patterns', score = 0, level = 'low';
             DELETE FROM screen_ad_contacts WHERE ad_id = 'ad-2';",
        );
        let networks = networks_json(dir, &url, &locked);
        assert_eq!(
            networks[0]["ads"],
            serde_json::json!(["ad-1", "ad-2"]),
            "{name}"
        );
        assert_eq!(
            stored_rows(name, dir, &url, fingerprints),
            current,
            "{name}"
        );

        // Rows that claim the current fingerprint are trusted, until `screen reindex`.
        tamper(
            name,
            dir,
            &url,
            "DELETE FROM screen_ad_contacts WHERE ad_id = 'ad-2';",
        );
        assert_eq!(
            networks_json(dir, &url, &locked),
            serde_json::json!([]),
            "{name}"
        );
        let out = ok(run_env(dir, &url, &["screen", "reindex"], &locked, None));
        assert!(
            stderr(&out).contains("screened 3 ads"),
            "{name}: {}",
            stderr(&out)
        );
        assert!(
            stderr(&out).contains("1 testimonies wait for the passphrase"),
            "{name}: {}",
            stderr(&out)
        );
        let networks = networks_json(dir, &url, &locked);
        assert_eq!(
            networks[0]["ads"],
            serde_json::json!(["ad-1", "ad-2"]),
            "{name}"
        );
        let out = ok(run(dir, &url, &["screen", "reindex"]));
        assert!(
            stderr(&out).contains("screened 3 ads and 1 testimonies"),
            "{name}: {}",
            stderr(&out)
        );
        failed(run(
            dir,
            &url,
            &["screen", "reindex", "--weights", "w.toml"],
        ));
    }
}
