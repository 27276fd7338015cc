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
