//! GeoJSON shape and FollowTheMoney entities on the fixtures and the demo dataset.

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

use serde_json::{json, Value};
use zonewatch_findings::Dataset;
use zonewatch_interop::geojson::{COUNT_PROPERTIES, SITE_PROPERTIES};
use zonewatch_interop::{ftm_entities, ftm_id, sites_geojson, Counts, FtmOptions, GeoJsonOptions};
use zonewatch_model::{decode_line, Record};

fn records(name: &str) -> Vec<Record> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name);
    std::fs::read_to_string(path)
        .expect("fixture")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| decode_line(l).expect("valid line"))
        .collect()
}

fn dataset(name: &str) -> Dataset {
    Dataset::new(records(name)).expect("unique ids")
}

fn with_lines(name: &str, extra: &[&str]) -> Dataset {
    let mut all = records(name);
    all.extend(extra.iter().map(|l| decode_line(l).expect("valid line")));
    Dataset::new(all).expect("unique ids")
}

fn feature<'a>(collection: &'a Value, id: &str) -> &'a Value {
    collection["features"]
        .as_array()
        .expect("features")
        .iter()
        .find(|f| f["id"] == id)
        .unwrap_or_else(|| panic!("no feature {id}"))
}

#[test]
fn geojson_is_a_feature_collection_of_every_site() {
    let ds = dataset("worked.jsonl");
    let fc = sites_geojson(&ds, GeoJsonOptions::default());
    assert_eq!(fc["type"], "FeatureCollection");
    let features = fc["features"].as_array().unwrap();
    let ids: Vec<&str> = features.iter().map(|f| f["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["site-a", "site-b", "site-c", "site-d"]);

    let mut keys: Vec<&str> = SITE_PROPERTIES
        .iter()
        .chain(COUNT_PROPERTIES)
        .copied()
        .collect();
    keys.sort_unstable();
    for f in features {
        assert_eq!(f["type"], "Feature");
        let props: Vec<&str> = f["properties"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(props, keys, "every feature has the same properties");
    }

    // Points are [lon, lat]; sites without coordinates have a null geometry.
    let a = feature(&fc, "site-a");
    assert_eq!(
        a["geometry"],
        json!({"type": "Point", "coordinates": [103.51, 10.62]})
    );
    assert_eq!(feature(&fc, "site-c")["geometry"], Value::Null);

    let p = &a["properties"];
    assert_eq!(p["name"], "Golden Reef compound (fictional)");
    assert_eq!(p["category"], "scam_compound");
    assert_eq!(p["country"], "KH");
    assert_eq!(p["admin1"], "Preah Sihanouk");
    assert_eq!(p["admin2"], Value::Null);
    assert_eq!(p["former_use"], "casino");
    assert_eq!(p["latest_status"], "operating");
    assert_eq!(p["latest_intervention_id"], "iv-a1");
    assert_eq!(p["latest_intervention_type"], "raid");
    assert_eq!(p["latest_intervention_date"], "2024-03-12");
    assert_eq!(p["intervention_outcome"], "operating_after");
    assert_eq!(p["persons"], 1);
    assert_eq!(p["persons_survivor"], 1);
    assert_eq!(p["persons_victim"], 0);
    assert_eq!(p["incidents"], 2);

    // The outcomes of the worked example (FORMAT.md outcome names).
    let outcome = |id: &str| feature(&fc, id)["properties"]["intervention_outcome"].clone();
    assert_eq!(outcome("site-b"), "uncertain");
    assert_eq!(outcome("site-c"), Value::Null);
    assert_eq!(outcome("site-d"), "not_operating_after");
    assert_eq!(
        feature(&fc, "site-d")["properties"]["latest_status"],
        "relocated"
    );
    assert_eq!(
        feature(&fc, "site-c")["properties"]["latest_intervention_id"],
        Value::Null
    );
}

#[test]
fn geojson_honours_restriction_visibility_and_counts() {
    let restricted_site = r#"{"kind":"site","id":"site-r","name":"Hidden yard (fictional)","category":"suspected_site","country":"KH","admin2":"Secret district","lat":11,"lon":104,"sensitivity":"restricted"}"#;
    let ds = with_lines("every-field.jsonl", &[restricted_site]);

    let full = sites_geojson(
        &ds,
        GeoJsonOptions {
            include_restricted: true,
            ..GeoJsonOptions::default()
        },
    );
    assert_eq!(
        feature(&full, "site-r")["properties"]["admin2"],
        "Secret district"
    );
    let redacted = sites_geojson(&ds, GeoJsonOptions::default());
    assert_eq!(
        feature(&redacted, "site-r")["properties"]["admin2"],
        Value::Null
    );
    // site-all is public: its admin2 is not restricted.
    assert_eq!(
        feature(&redacted, "site-all")["properties"]["admin2"],
        "Sihanoukville"
    );

    // A person held twice at one site counts once; roles counted per person.
    let p = &feature(&full, "site-all")["properties"];
    assert_eq!(
        (
            p["persons"].clone(),
            p["persons_survivor"].clone(),
            p["persons_witness"].clone()
        ),
        (json!(1), json!(1), json!(1))
    );
    assert_eq!(p["incidents"], 1);
    assert_eq!(
        p["latest_intervention_id"],
        Value::Null,
        "a closure order is not a raid or rescue"
    );
    assert_eq!(p["interventions"], 1);

    let public = sites_geojson(
        &ds,
        GeoJsonOptions {
            public_only: true,
            counts: Counts::Suppressed { threshold: 5 },
            ..GeoJsonOptions::default()
        },
    );
    let ids: Vec<&str> = public["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["site-all"], "only public sites");
    let p = &feature(&public, "site-all")["properties"];
    assert_eq!(p["persons"], "<5");
    assert_eq!(p["persons_victim"], 0, "zero is not suppressed");

    let none = sites_geojson(
        &ds,
        GeoJsonOptions {
            counts: Counts::Omitted,
            ..GeoJsonOptions::default()
        },
    );
    let p = feature(&none, "site-all")["properties"]
        .as_object()
        .unwrap();
    for key in COUNT_PROPERTIES {
        assert!(!p.contains_key(*key), "{key}");
    }
}

fn entities(ds: &Dataset, options: FtmOptions) -> Vec<Value> {
    ftm_entities(ds, options).collect()
}

fn by_id(entities: &[Value]) -> BTreeMap<String, &Value> {
    entities
        .iter()
        .map(|e| (e["id"].as_str().expect("id").to_owned(), e))
        .collect()
}

#[test]
fn ftm_maps_each_kind_to_its_schema() {
    let ds = dataset("every-field.jsonl");
    let all = entities(
        &ds,
        FtmOptions {
            include_restricted: true,
            ..FtmOptions::default()
        },
    );
    let e = by_id(&all);
    let schema = |id: &str| e[id]["schema"].as_str().unwrap().to_owned();
    assert_eq!(schema("zw-src-all"), "Document");
    assert_eq!(schema("zw-org-all"), "Organization");
    assert_eq!(schema("zw-org-pol"), "PublicBody");
    assert_eq!(schema("zw-site-all"), "RealEstate");
    assert_eq!(schema("zwaddress-site-all"), "Address");
    assert_eq!(schema("zw-st-all"), "Event");
    assert_eq!(schema("zw-iv-all"), "Event");
    assert_eq!(schema("zw-p-all"), "Person");
    assert_eq!(schema("zw-inc-all"), "Event");
    assert_eq!(schema("zwcustody-0-p-all"), "UnknownLink");
    assert_eq!(schema("zwoperator-0-site-all"), "UnknownLink");
    assert!(
        !e.contains_key("zw-t-all") && !e.contains_key("zw-ad-all"),
        "no testimonies or ads"
    );

    let props = |id: &str| e[id]["properties"].clone();
    let site = props("zw-site-all");
    assert_eq!(site["latitude"], json!(["10.625"]));
    assert_eq!(site["longitude"], json!(["-103.5"]));
    assert_eq!(site["country"], json!(["kh"]));
    assert_eq!(site["addressEntity"], json!(["zwaddress-site-all"]));
    assert_eq!(site["proof"], json!(["zw-src-all", "zw-src-b"]));

    let custody = props("zwcustody-0-p-all");
    assert_eq!(custody["subject"], json!(["zw-p-all"]));
    assert_eq!(custody["object"], json!(["zw-site-all"]));
    assert_eq!(custody["startDate"], json!(["2023-02"]));
    assert_eq!(custody["endDate"], json!(["2023-02-10"]));

    let incident = props("zw-inc-all");
    assert_eq!(incident["involved"], json!(["zw-p-all"]));
    assert_eq!(incident["organizer"], json!(["zw-p-perp", "zw-org-all"]));
    assert_eq!(incident["date"], json!(["2023-03-05"]));
    assert_eq!(props("zw-iv-all")["organizer"], json!(["zw-org-pol"]));

    // With restricted data: the legal name is the name, the alias an alias.
    let person = props("zw-p-all");
    assert_eq!(person["name"], json!(["(fictional restricted name)"]));
    assert_eq!(person["alias"], json!(["Alias A"]));
    assert_eq!(person["birthDate"], json!(["2006"]));
    assert_eq!(person["idNumber"], json!(["X1", "X2"]));

    // Every reference names an entity of the export.
    let ids: HashSet<&str> = all.iter().map(|e| e["id"].as_str().unwrap()).collect();
    for entity in &all {
        for (prop, values) in entity["properties"].as_object().unwrap() {
            if matches!(
                prop.as_str(),
                "proof" | "subject" | "object" | "involved" | "organizer" | "addressEntity"
            ) {
                for v in values.as_array().unwrap() {
                    assert!(ids.contains(v.as_str().unwrap()), "{prop} -> {v}");
                }
            }
        }
    }
}

#[test]
fn ftm_persons_appear_under_their_alias_without_restricted_data() {
    for name in ["every-field.jsonl", "worked.jsonl"] {
        let ds = dataset(name);
        let all = entities(&ds, FtmOptions::default());
        let text = serde_json::to_string(&all).unwrap();
        for secret in [
            "fictional restricted",
            "X1",
            "Interviewer 7",
            "Moved (fictional)",
        ] {
            assert!(!text.contains(secret), "{name}: {secret}");
        }
        // The note of an internal (not restricted) record stays.
        assert_eq!(text.contains("Fictional note"), name == "every-field.jsonl");
        let e = by_id(&all);
        if let Some(mai) = e.get("zw-p-mai") {
            assert_eq!(mai["properties"]["name"], json!(["Mai"]));
            assert!(mai["properties"].get("alias").is_none());
        }
    }
}

#[test]
fn ftm_ids_are_stable() {
    let ds = dataset("worked.jsonl");
    let first = entities(&ds, FtmOptions::default());
    // Same records in another order: same entities, same ids.
    let mut reversed = records("worked.jsonl");
    reversed.reverse();
    assert_eq!(
        entities(&Dataset::new(reversed).unwrap(), FtmOptions::default()),
        first
    );
    // More records elsewhere change no existing id.
    let more = with_lines(
        "worked.jsonl",
        &[
            r#"{"kind":"site","id":"site-0","name":"Another (fictional)","category":"suspected_site","country":"LA"}"#,
        ],
    );
    let ids: HashSet<String> = entities(&more, FtmOptions::default())
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_owned())
        .collect();
    for entity in &first {
        assert!(ids.contains(entity["id"].as_str().unwrap()));
    }
    // Ids are unique, and the documented form.
    let unique: HashSet<&str> = first.iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert_eq!(unique.len(), first.len());
    assert_eq!(ftm_id("site-a"), "zw-site-a");
    assert_eq!(ftm_id("obs:2024_06"), "zw-obs.c2024.u06");
}

#[test]
fn ftm_public_only_keeps_public_records_and_their_links() {
    let ds = dataset("every-field.jsonl");
    let all = entities(
        &ds,
        FtmOptions {
            public_only: true,
            ..FtmOptions::default()
        },
    );
    let ids: Vec<&str> = all.iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "zw-src-all",
            "zw-site-all",
            "zwaddress-site-all",
            "zw-inc-all"
        ]
    );
    let e = by_id(&all);
    // Links to records that are not public are left out.
    assert!(e["zw-src-all"]["properties"].get("proof").is_none());
    assert!(e["zw-inc-all"]["properties"].get("involved").is_none());
    assert_eq!(
        e["zw-site-all"]["properties"]["proof"],
        json!(["zw-src-all"])
    );
}

#[test]
fn the_demo_dataset_exports_without_dangling_links() {
    let ds = Dataset::new(zonewatch_demo::demo_dataset()).unwrap();
    let fc = sites_geojson(&ds, GeoJsonOptions::default());
    assert_eq!(fc["features"].as_array().unwrap().len(), ds.sites().count());
    for options in [
        FtmOptions::default(),
        FtmOptions {
            include_restricted: true,
            ..FtmOptions::default()
        },
        FtmOptions {
            public_only: true,
            ..FtmOptions::default()
        },
    ] {
        let all = entities(&ds, options);
        let ids: HashSet<&str> = all.iter().map(|e| e["id"].as_str().unwrap()).collect();
        assert_eq!(ids.len(), all.len(), "unique ids");
        for entity in &all {
            for (prop, values) in entity["properties"].as_object().unwrap() {
                assert!(!values.as_array().unwrap().is_empty(), "{prop}");
                if matches!(
                    prop.as_str(),
                    "proof" | "subject" | "object" | "involved" | "organizer" | "addressEntity"
                ) {
                    for v in values.as_array().unwrap() {
                        assert!(ids.contains(v.as_str().unwrap()), "{prop} -> {v}");
                    }
                }
            }
        }
    }
}
