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
