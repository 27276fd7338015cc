//! CSV with mappings, GeoJSON and FollowTheMoney through the CLI. (The real tools,
//! ogrinfo and followthemoney, check the exports in scripts/check-exports.sh.)

use super::*;

fn example(name: &str) -> String {
    format!("{}/../../examples/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn a_messy_sheet_imports_with_its_mapping_and_errors_name_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let map = example("compounds.map.toml");
    let out = ok(zonewatch(
        dir.path(),
        &[
            "import",
            "--format",
            "csv",
            "--map",
            &map,
            &example("compounds.csv"),
        ],
    ));
    assert!(
        stdout(&out).contains("imported 5 records (5 sites)"),
        "{}",
        stdout(&out)
    );
    let before = stdout(&ok(zonewatch(dir.path(), &["export"])));
    assert!(before.contains(r#""former_use":"casino""#), "{before}");

    let out = failed(zonewatch(
        dir.path(),
        &[
            "import",
            "--format",
            "csv",
            "--map",
            &map,
            &example("compounds-errors.csv"),
        ],
    ));
    let err = stderr(&out);
    assert!(
        err.contains("row 1 (line 2), column `Type` (field `category`)"),
        "{err}"
    );
    assert!(
        err.contains(
            "row 4 (line 5), column `Coordinates` (field `lat`): expected a number from -90 to 90"
        ),
        "{err}"
    );
    assert!(err.contains("nothing was written"), "{err}");
    assert_eq!(
        stdout(&ok(zonewatch(dir.path(), &["export"]))),
        before,
        "nothing written"
    );

    let out = ok(zonewatch(
        dir.path(),
        &[
            "import",
            "--dry-run",
            "--format",
            "csv",
            "--map",
            &map,
            &example("compounds.csv"),
        ],
    ));
    assert!(stdout(&out).contains("dry run"), "{}", stdout(&out));
    let out = failed(zonewatch(
        dir.path(),
        &["import", "--format", "csv", &example("compounds.csv")],
    ));
    assert!(stderr(&out).contains("needs --kind"), "{}", stderr(&out));
}

#[test]
fn csv_export_round_trips_through_csv_import() {
    let dir = tempfile::tempdir().unwrap();
    ok(zonewatch(
        dir.path(),
        &[
            "--db",
            "sqlite://a.db",
            "import",
            &fixture("every-field.jsonl"),
        ],
    ));
    ok(zonewatch(
        dir.path(),
        &[
            "--db",
            "sqlite://a.db",
            "export",
            "--format",
            "csv",
            "--output",
            "sheets",
        ],
    ));
    for kind in [
        "sources",
        "organizations",
        "sites",
        "site_statuses",
        "interventions",
        "persons",
        "testimonies",
        "incidents",
        "ads",
    ] {
        assert!(
            dir.path().join(format!("sheets/{kind}.csv")).exists(),
            "{kind}"
        );
    }
    for (kind, file) in [
        ("source", "sources"),
        ("organization", "organizations"),
        ("site", "sites"),
        ("ad", "ads"),
        ("person", "persons"),
        ("site_status", "site_statuses"),
        ("intervention", "interventions"),
        ("testimony", "testimonies"),
        ("incident", "incidents"),
    ] {
        let sheet = format!("sheets/{file}.csv");
        ok(zonewatch(
            dir.path(),
            &[
                "--db",
                "sqlite://b.db",
                "import",
                "--format",
                "csv",
                "--kind",
                kind,
                &sheet,
            ],
        ));
    }
    let a = stdout(&ok(zonewatch(
        dir.path(),
        &["--db", "sqlite://a.db", "export"],
    )));
    let b = stdout(&ok(zonewatch(
        dir.path(),
        &["--db", "sqlite://b.db", "export"],
    )));
    assert_eq!(a, b);
    let out = failed(zonewatch(
        dir.path(),
        &["--db", "sqlite://a.db", "export", "--format", "csv"],
    ));
    assert!(stderr(&out).contains("--kind KIND"), "{}", stderr(&out));
}

#[test]
fn geojson_and_ftm_exports_honour_redaction() {
    let dir = tempfile::tempdir().unwrap();
    ok(zonewatch(
        dir.path(),
        &["import", &fixture("every-field.jsonl")],
    ));
    let out = ok(zonewatch(dir.path(), &["export", "--format", "geojson"]));
    let geojson: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(geojson["type"], "FeatureCollection");
    assert_eq!(geojson["features"].as_array().unwrap().len(), 2);

    let full = stdout(&ok(zonewatch(dir.path(), &["export", "--format", "ftm"])));
    assert!(
        full.contains("fictional restricted name"),
        "an investigator's full export"
    );
    let redacted = stdout(&ok(zonewatch(
        dir.path(),
        &["export", "--format", "ftm", "--redact"],
    )));
    assert!(!redacted.contains("fictional restricted name"));
    for line in redacted.lines() {
        let entity: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(entity["id"].as_str().unwrap().starts_with("zw"), "{line}");
    }
}

/// Three sites, one of each sensitivity, with a person held at each and a raid at
/// the restricted one (fictional).
const THREE_SITES: &str = r#"{"kind":"site","id":"site-open","name":"Open Tower (fictional)","aliases":["Open alias"],"category":"scam_compound","country":"KH","admin1":"Koh Kong","lat":11.5,"lon":103.25,"sensitivity":"public"}
{"kind":"site","id":"site-inner","name":"Inner Court (fictional)","aliases":["Inner alias"],"category":"scam_compound","country":"KH","admin1":"Kampot","lat":12.125,"lon":104.375}
{"kind":"site","id":"site-hidden","name":"Hidden Reef (fictional)","aliases":["Hidden alias"],"category":"suspected_site","country":"KH","admin1":"Kandal","lat":10.875,"lon":105.625,"sensitivity":"restricted"}
{"kind":"intervention","id":"raid-hidden","site":"site-hidden","date":"2024-03","type":"raid","persons_removed":12}
{"kind":"site_status","id":"seen-hidden","site":"site-hidden","date":"2024-06","status":"operating","basis":"media","sensitivity":"public"}
{"kind":"person","id":"p-one","alias":"Held One (fictional)","roles":["survivor"],"custody":[{"site":"site-hidden"}],"sensitivity":"public"}
"#;

/// What must never show in a public output: the internal and restricted sites'
/// names, aliases, ids and coordinates.
const WITHHELD: [&str; 12] = [
    "Inner Court",
    "Inner alias",
    "site-inner",
    "12.125",
    "104.375",
    "Hidden Reef",
    "Hidden alias",
    "site-hidden",
    "10.875",
    "105.625",
    "raid-hidden",
    "Kandal",
];

#[test]
fn public_outputs_of_every_format_name_only_public_records() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("three.jsonl");
    std::fs::write(&file, THREE_SITES).unwrap();
    ok(zonewatch(dir.path(), &["import", file.to_str().unwrap()]));
    ok(zonewatch_in(
        dir.path(),
        &["user", "add", "vera", "--role", "viewer"],
        &[],
        Some(b"a long test password\n"),
    ));
    let mut outputs: Vec<(String, String)> = Vec::new();
    for format in ["jsonl", "geojson", "ftm"] {
        let args = ["export", "--public", "--format", format];
        outputs.push((format.into(), stdout(&ok(zonewatch(dir.path(), &args)))));
        // A viewer gets the same, asked or not.
        let as_viewer = ["--as", "vera", "export", "--format", format, "--redact"];
        let viewer = stdout(&ok(zonewatch(dir.path(), &as_viewer)));
        assert_eq!(viewer, outputs.last().unwrap().1, "{format}: viewer");
    }
    let csv = ["export", "--public", "--format", "csv", "--kind", "site"];
    outputs.push(("csv".into(), stdout(&ok(zonewatch(dir.path(), &csv)))));
    let sheets = dir.path().join("sheets");
    ok(zonewatch(
        dir.path(),
        &[
            "export",
            "--public",
            "--format",
            "csv",
            "--output",
            sheets.to_str().unwrap(),
        ],
    ));
    for entry in std::fs::read_dir(&sheets).unwrap() {
        let path = entry.unwrap().path();
        outputs.push((
            path.display().to_string(),
            std::fs::read_to_string(&path).unwrap(),
        ));
    }
    for format in ["json", "md", "html"] {
        let args = ["report", "--public", "--trace", "--format", format];
        outputs.push((
            format!("report {format}"),
            stdout(&ok(zonewatch(dir.path(), &args))),
        ));
    }
    for (what, text) in &outputs {
        for hidden in WITHHELD {
            assert!(!text.contains(hidden), "{what} holds {hidden}:\n{text}");
        }
    }
    // The public site is there, in each export.
    for (what, text) in &outputs[..4] {
        assert!(text.contains("Open Tower"), "{what}");
    }
    // Counted all the same: three sites, one raid, one person.
    let report: serde_json::Value = serde_json::from_str(
        &outputs
            .last()
            .map(|_| {
                stdout(&ok(zonewatch(
                    dir.path(),
                    &["report", "--public", "--trace"],
                )))
            })
            .unwrap(),
    )
    .unwrap();
    assert_eq!(report["sites"]["scam_compounds"], 2);
    assert_eq!(report["interventions"]["sites_with_intervention"], 1);
    assert_eq!(
        report["trace"]["sites.scam_compounds"],
        serde_json::json!(["site-open"])
    );
    // An internal export names them; --redact keeps FORMAT.md's meaning.
    let redacted = stdout(&ok(zonewatch(
        dir.path(),
        &["export", "--format", "geojson", "--redact"],
    )));
    assert!(redacted.contains("Hidden Reef") && redacted.contains("Inner Court"));
}

#[test]
fn read_commands_on_a_missing_database_create_nothing() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["status"][..],
        &["report"],
        &["assess"],
        &["export"],
        &["timeline", "site-a"],
        &["networks"],
        &["serve", "--addr", "127.0.0.1:0"],
    ] {
        let err = stderr(&failed(zonewatch(dir.path(), args)));
        assert!(
            err.contains("no database at zonewatch.db: run `zonewatch init` or `zonewatch demo`"),
            "{args:?}: {err}"
        );
        assert!(
            std::fs::read_dir(dir.path()).unwrap().next().is_none(),
            "{args:?} created a file"
        );
    }
}

#[test]
fn report_output_says_what_it_wrote_and_networks_speaks_json() {
    let dir = tempfile::tempdir().unwrap();
    ok(zonewatch(dir.path(), &["import", &fixture("worked.jsonl")]));
    let out = ok(zonewatch(
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
    let said = stderr(&out);
    assert!(said.contains("wrote the public report (HTML, "), "{said}");
    assert!(said.contains("report.html"), "{said}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join("report.html"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let json = stdout(&ok(zonewatch(
        dir.path(),
        &["networks", "--format", "json"],
    )));
    assert!(serde_json::from_str::<serde_json::Value>(&json)
        .unwrap()
        .is_array());
    let alias = stdout(&ok(zonewatch(dir.path(), &["networks", "--json"])));
    assert_eq!(alias, json);
}
