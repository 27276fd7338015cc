//! The worked example of ../shared/examples: the report and the assessment results
//! worked out by hand from FORMAT.md and DOMAIN.md must come out exactly.

use serde_json::{json, Value};
use zonewatch_findings::{
    assess, assess_all, assessments_json, intervention_outcomes, render_assessment_text, report,
    site_timeline, Dataset, Outcome, ReportOptions, Uncertainty,
};
use zonewatch_model::decode_line;

fn fixture(name: &str) -> String {
    let path = format!("{}/../../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn worked() -> Dataset {
    let records = fixture("worked.jsonl")
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| decode_line(line).unwrap_or_else(|e| panic!("{line}: {e:?}")))
        .collect();
    Dataset::new(records).expect("unique ids")
}

#[test]
fn report_is_exactly_worked_report_json() {
    let expected: Value = serde_json::from_str(&fixture("worked-report.json")).unwrap();
    let actual = report(&worked(), &ReportOptions::default());
    assert_eq!(actual, expected);
    // Keys are sorted and nested the same way in the serialised text.
    assert_eq!(
        serde_json::to_string(&actual).unwrap(),
        serde_json::to_string(&expected).unwrap()
    );
}

#[test]
fn assessment_results_are_exactly_worked_assess_json() {
    let expected: Value = serde_json::from_str(&fixture("worked-assess.json")).unwrap();
    let ds = worked();
    let all = assessments_json(&assess_all(&ds));
    let mut results = serde_json::Map::new();
    for assessment in all.as_array().unwrap() {
        let person = assessment["person"].as_str().unwrap().to_owned();
        let mut tests = serde_json::Map::new();
        for test in [
            "child_trafficking",
            "forced_labour",
            "slavery",
            "trafficking",
        ] {
            tests.insert(test.into(), assessment[test]["result"].clone());
        }
        results.insert(person, Value::Object(tests));
    }
    assert_eq!(Value::Object(results), expected);
}

#[test]
fn assessments_cite_their_records() {
    let ds = worked();
    let all = assessments_json(&assess_all(&ds));
    let people: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["person"].as_str().unwrap())
        .collect();
    assert_eq!(people, ["p-dao", "p-mai", "p-rin", "p-v1"]);

    assert_eq!(
        assess(&ds, "p-mai").unwrap().to_json(),
        json!({
            "person": "p-mai",
            "forced_labour": {"result": "met", "missing": [], "elements": {
                "involuntariness": [
                    {"code": "ilo.deception", "from": ["t-mai"]},
                    {"code": "ilo.restriction_of_movement", "from": ["t-mai"]}],
                "coercion": [{"code": "ilo.physical_sexual_violence", "from": ["inc-1"]}]}},
            "slavery": {"result": "not_established", "missing": ["indicators"],
                "elements": {"indicators": []}},
            "trafficking": {"result": "met", "missing": [], "minor": true, "elements": {
                "act": [{"code": "tip.act.harbouring", "from": ["p-mai"]},
                        {"code": "tip.act.recruitment", "from": ["p-mai"]}],
                "means": [{"code": "tip.means.deception", "from": ["t-mai"]},
                          {"code": "tip.means.force", "from": ["inc-1"]}],
                "purpose": [{"code": "tip.purpose.forced_labour", "from": ["forced_labour"]}]}},
            "child_trafficking": {"result": "met"}
        })
    );
    assert_eq!(
        assess(&ds, "p-dao").unwrap().to_json(),
        json!({
            "person": "p-dao",
            "forced_labour": {"result": "not_established", "missing": ["involuntariness"],
                "elements": {"involuntariness": [],
                    "coercion": [{"code": "ilo.abuse_of_vulnerability", "from": ["t-dao"]}]}},
            "slavery": {"result": "met", "missing": [],
                "elements": {"indicators": [{"code": "slavery.sale", "from": ["inc-2"]}]}},
            "trafficking": {"result": "met", "missing": [], "minor": false, "elements": {
                "act": [{"code": "tip.act.harbouring", "from": ["p-dao"]},
                        {"code": "tip.act.recruitment", "from": ["p-dao"]},
                        {"code": "tip.act.transfer", "from": ["inc-2"]}],
                "means": [{"code": "tip.means.abuse_of_vulnerability", "from": ["t-dao"]}],
                "purpose": [{"code": "tip.purpose.slavery", "from": ["slavery"]}]}},
            "child_trafficking": {"result": "not_established"}
        })
    );
    // Rin: a minor whose only testimony was withdrawn; custody remains (harbouring).
    let rin = assess(&ds, "p-rin").unwrap().to_json();
    assert_eq!(
        rin["trafficking"]["elements"]["act"],
        json!([{"code": "tip.act.harbouring", "from": ["p-rin"]}])
    );
    assert_eq!(rin["trafficking"]["missing"], json!(["purpose"]));
    assert!(!serde_json::to_string(&rin).unwrap().contains("t-rin"));
}

#[test]
fn trace_of_the_worked_example() {
    let with_trace = report(
        &worked(),
        &ReportOptions {
            public: None,
            trace: true,
        },
    );
    let trace = &with_trace["trace"];
    let expect = |path: &str, ids: Value| assert_eq!(trace[path], ids, "{path}");
    expect(
        "sites.scam_compounds",
        json!(["site-a", "site-b", "site-d"]),
    );
    expect("sites.visited.scam_compounds", json!(["site-a", "site-b"]));
    expect("sites.visited.suspected_sites", json!(["site-c"]));
    expect(
        "interventions.sites_with_intervention",
        json!(["site-a", "site-b", "site-d"]),
    );
    expect("interventions.operating_after", json!(["site-a"]));
    expect("interventions.uncertain", json!(["site-b"]));
    expect("interventions.not_operating_after", json!(["site-d"]));
    expect("interventions.unobserved", json!([]));
    expect("persons.survivors_interviewed", json!(["p-dao", "p-mai"]));
    expect("persons.other_victim_records", json!(["p-rin", "p-v1"]));
    expect("persons.by_nationality.TH", json!(["p-mai"]));
    expect(
        "persons.minors_interviewed_reporting_ill_treatment",
        json!(["p-mai"]),
    );
    expect("incidents.deaths", json!(["p-v1"]));
    expect("incidents.by_type.sale_or_transfer", json!(["inc-2"]));
    expect("recruitment.by_channel.facebook", json!(["p-mai", "p-v1"]));
    expect("legal.trafficking", json!(["p-dao", "p-mai"]));
    expect("legal.child_trafficking", json!(["p-mai"]));
    // The figures themselves are unchanged by the trace.
    let mut without = with_trace.clone();
    without.as_object_mut().unwrap().remove("trace");
    assert_eq!(without, report(&worked(), &ReportOptions::default()));
}

#[test]
fn public_worked_report() {
    let public = report(
        &worked(),
        &ReportOptions {
            public: Some(5),
            trace: false,
        },
    );
    assert_eq!(public["sites"]["scam_compounds"], 3);
    assert_eq!(public["interventions"]["operating_after"], 1);
    assert_eq!(public["persons"]["survivors_interviewed"], "<5");
    assert_eq!(
        public["persons"]["by_nationality"],
        json!({"TH": "<5", "VN": "<5"})
    );
    assert_eq!(public["persons"]["nationalities"], 2);
    assert_eq!(public["incidents"]["by_type"]["beating"], "<5");
    assert_eq!(public["incidents"]["deaths"], "<5");
    assert_eq!(public["legal"]["trafficking"], "<5");
    assert_eq!(public["recruitment"]["by_channel"]["telegram"], "<5");
}

#[test]
fn outcomes_and_timelines_of_the_worked_example() {
    let ds = worked();
    let outcomes: Vec<(&str, &str, Outcome)> = intervention_outcomes(&ds)
        .iter()
        .map(|o| (o.site, o.intervention, o.outcome))
        .collect();
    assert_eq!(
        outcomes,
        [
            ("site-a", "iv-a1", Outcome::OperatingAfter),
            (
                "site-b",
                "iv-b1",
                Outcome::Uncertain(Uncertainty::OverlapsIntervention)
            ),
            ("site-d", "iv-d1", Outcome::NotOperatingAfter),
        ]
    );
    let text = site_timeline(&ds, "site-b").unwrap().render_text();
    assert!(text.contains("order unknown"), "{text}");
    assert!(text.contains("obs-b2"), "{text}");
    let text = site_timeline(&ds, "site-a").unwrap().render_text();
    assert!(!text.contains("? order unknown"), "{text}");
    assert!(
        text.contains("): operating after; the latest observation (obs-a2, 2024-06)"),
        "{text}"
    );
}

#[test]
fn caseworker_text_of_the_worked_example() {
    let ds = worked();
    let text = render_assessment_text(&ds, &assess(&ds, "p-dao").unwrap());
    assert!(text.contains("not a legal determination"), "{text}");
    assert!(
        text.contains("incident inc-2 (sale_or_transfer, 2023-09)"),
        "{text}"
    );
    assert!(text.contains("slavery is indicated above"), "{text}");
    assert!(
        text.contains("Involuntariness: nothing recorded (missing)"),
        "{text}"
    );
}
