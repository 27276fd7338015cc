//! Property tests: the findings depend only on the set of records. Shuffling the
//! input never changes a figure, a trace, an outcome, a timeline or an assessment;
//! and the results keep the invariants FORMAT.md and DOMAIN.md imply.

use proptest::prelude::*;
use proptest::sample::{select, subsequence};
use serde_json::Value;
use zonewatch_findings::{
    assess_all, assessments_json, intervention_outcomes, render_assessments_text, report,
    site_timeline, Dataset, Figures, ReportOptions,
};
use zonewatch_model::{decode_line, FindingCode, Kind};

/// Dates chosen to overlap and abut each other in every way FORMAT.md cares about.
const DATES: &[&str] = &[
    "2023",
    "2024",
    "2024-03",
    "2024-04",
    "2024-04-02",
    "2024-04-20",
    "2024-04-30",
    "2024-05",
    "2024-05-01",
    "2025-01-01",
];
const STATUSES: &[&str] = &["operating", "closed", "under_construction", "relocated"];
const BASES: &[&str] = &["field_visit", "media", "satellite_imagery"];
const INTERVENTIONS: &[&str] = &["raid", "rescue", "inspection", "closure_order", "other"];
const ROLES: &[&str] = &["survivor", "victim", "witness", "perpetrator", "recruiter"];
const CONSENTS: &[&str] = &["public_use", "anonymous_use", "internal_only", "withdrawn"];
const INCIDENTS: &[&str] = &[
    "torture",
    "beating",
    "electric_shock",
    "sexual_violence",
    "death",
    "confinement",
    "threat",
    "document_confiscation",
    "debt_bondage",
    "sale_or_transfer",
    "forced_criminality",
    "withheld_wages",
    "child_labour",
    "other",
];
const SITES: usize = 3;
const PERSONS: usize = 4;

fn site_lines(pre: &'static str) -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(select(&["scam_compound", "suspected_site"][..]), SITES).prop_map(
        move |categories| {
            categories
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    format!(
                        r#"{{"kind":"site","id":"{pre}s{i}","name":"S{i}","category":"{c}","country":"KH"}}"#
                    )
                })
                .collect()
        },
    )
}

fn status_lines(pre: &'static str) -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(
        (0..SITES, select(DATES), select(STATUSES), select(BASES)),
        0..10,
    )
    .prop_map(move |items| {
        items
            .iter()
            .enumerate()
            .map(|(i, (site, date, status, basis))| {
                format!(
                    r#"{{"kind":"site_status","id":"{pre}st{i}","site":"{pre}s{site}","date":"{date}","status":"{status}","basis":"{basis}"}}"#
                )
            })
            .collect()
    })
}

fn intervention_lines(pre: &'static str) -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec((0..SITES, select(DATES), select(INTERVENTIONS)), 0..7).prop_map(
        move |items| {
            items
                .iter()
                .enumerate()
                .map(|(i, (site, date, kind))| {
                    format!(
                        r#"{{"kind":"intervention","id":"{pre}iv{i}","site":"{pre}s{site}","date":"{date}","type":"{kind}"}}"#
                    )
                })
                .collect()
        },
    )
}

fn person_lines(pre: &'static str) -> impl Strategy<Value = Vec<String>> {
    let person = (
        subsequence(ROLES, 1..=2),
        prop::option::of(select(&["TH", "VN", "MM"][..])),
        prop::option::of(select(&[0u64, 16, 17, 18, 30][..])),
        prop::option::of(prop::option::of(select(
            &["facebook", "telegram", "line"][..],
        ))),
        prop::option::of(0..SITES),
    );
    prop::collection::vec(person, PERSONS).prop_map(move |people| {
        people
            .iter()
            .enumerate()
            .map(|(i, (roles, nationality, age, recruitment, custody))| {
                let roles: Vec<String> = roles.iter().map(|r| format!("\"{r}\"")).collect();
                let mut line = format!(
                    r#"{{"kind":"person","id":"{pre}p{i}","alias":"P{i}","roles":[{}]"#,
                    roles.join(",")
                );
                if let Some(n) = nationality {
                    line += &format!(r#","nationality":"{n}""#);
                }
                if let Some(age) = age {
                    line += &format!(r#","age_at_entry":{age}"#);
                }
                match recruitment {
                    Some(Some(channel)) => {
                        line += &format!(r#","recruitment":{{"channel":"{channel}"}}"#)
                    }
                    Some(None) => line += r#","recruitment":{"promised_job":"typing"}"#,
                    None => {}
                }
                if let Some(site) = custody {
                    line += &format!(r#","custody":[{{"site":"{pre}s{site}"}}]"#);
                }
                line + "}"
            })
            .collect()
    })
}

fn testimony_lines(pre: &'static str) -> impl Strategy<Value = Vec<String>> {
    let codes: Vec<&'static str> = FindingCode::ALL.iter().map(|c| c.as_str()).collect();
    prop::collection::vec(
        (0..PERSONS, select(CONSENTS), subsequence(codes, 0..5)),
        0..7,
    )
    .prop_map(move |items| {
        items
            .iter()
            .enumerate()
            .map(|(i, (person, consent, codes))| {
                let findings: Vec<String> =
                    codes.iter().map(|c| format!(r#"{{"code":"{c}"}}"#)).collect();
                format!(
                    r#"{{"kind":"testimony","id":"{pre}t{i}","person":"{pre}p{person}","date":"2024","consent":"{consent}","findings":[{}]}}"#,
                    findings.join(",")
                )
            })
            .collect()
    })
}

fn incident_lines(pre: &'static str) -> impl Strategy<Value = Vec<String>> {
    let people: Vec<usize> = (0..PERSONS).collect();
    prop::collection::vec((select(INCIDENTS), subsequence(people, 0..3)), 0..7).prop_map(move |items| {
        items
            .iter()
            .enumerate()
            .map(|(i, (kind, victims))| {
                let victims: Vec<String> = victims.iter().map(|v| format!("\"{pre}p{v}\"")).collect();
                format!(
                    r#"{{"kind":"incident","id":"{pre}inc{i}","type":"{kind}","victims":[{}]}}"#,
                    victims.join(",")
                )
            })
            .collect()
    })
}

/// A random dataset's lines, and the same lines shuffled.
fn lines_and_shuffled() -> impl Strategy<Value = (Vec<String>, Vec<String>)> {
    // Long ids sharing a prefix exercise the dataset's sort keys past 16 bytes.
    select(&["", "a-long-shared-id-prefix:"][..])
        .prop_flat_map(|pre| {
            (
                site_lines(pre),
                status_lines(pre),
                intervention_lines(pre),
                person_lines(pre),
                testimony_lines(pre),
                incident_lines(pre),
            )
        })
        .prop_map(|(a, b, c, d, e, f)| [a, b, c, d, e, f].concat())
        .prop_flat_map(|lines| (Just(lines.clone()), Just(lines).prop_shuffle()))
}

fn dataset(lines: &[String]) -> Dataset {
    let records = lines
        .iter()
        .map(|line| decode_line(line).unwrap_or_else(|e| panic!("{line}: {e:?}")))
        .collect();
    Dataset::new(records).expect("unique ids")
}

/// Everything the crate computes, as comparable values.
fn everything(ds: &Dataset) -> (Vec<Value>, Value, String, Vec<String>) {
    let reports = [None, Some(5), Some(2)]
        .into_iter()
        .flat_map(|public| [false, true].map(|trace| report(ds, &ReportOptions { public, trace })))
        .collect();
    let assessments = assess_all(ds);
    let timelines = ds
        .of_kind(Kind::Site)
        .map(|site| {
            let timeline = site_timeline(ds, &site.id).expect("a site");
            format!("{timeline:?}\n{}", timeline.render_text())
        })
        .collect();
    (
        reports,
        assessments_json(&assessments),
        render_assessments_text(ds, &assessments),
        timelines,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn shuffling_records_never_changes_any_result((lines, shuffled) in lines_and_shuffled()) {
        let a = dataset(&lines);
        let b = dataset(&shuffled);
        prop_assert_eq!(everything(&a), everything(&b));
        prop_assert_eq!(intervention_outcomes(&a), intervention_outcomes(&b));
    }

    #[test]
    fn results_keep_their_invariants((lines, _) in lines_and_shuffled()) {
        let ds = dataset(&lines);
        let figures = Figures::compute(&ds);
        let i = &figures.interventions;
        prop_assert_eq!(
            i.operating_after.count + i.not_operating_after.count + i.uncertain.count
                + i.unobserved.count,
            i.sites_with_intervention.count
        );
        for (path, figure) in figures.entries() {
            prop_assert!(figure.ids.windows(2).all(|w| w[0] < w[1]), "{} not sorted", path);
            if path != "persons.nationalities" {
                prop_assert_eq!(figure.ids.len() as u64, figure.count, "{}", path);
            }
        }
        let p = &figures.persons;
        prop_assert!(p.minors_interviewed_reporting_ill_treatment.ids.iter()
            .all(|id| p.minors_interviewed.ids.contains(id)));
        prop_assert!(figures.legal.child_trafficking.ids.iter()
            .all(|id| figures.legal.trafficking.ids.contains(id)));

        for assessment in assess_all(&ds) {
            for test in [&assessment.forced_labour, &assessment.slavery, &assessment.trafficking] {
                prop_assert_eq!(test.result.is_met(), test.missing.is_empty());
            }
            let fl = &assessment.forced_labour;
            let involuntary: Vec<_> = fl.elements[0].support.iter().map(|s| s.code).collect();
            prop_assert!(fl.elements[1].support.iter().all(|s| !involuntary.contains(&s.code)));
            for element in assessment.forced_labour.elements.iter()
                .chain(&assessment.slavery.elements)
                .chain(&assessment.trafficking.elements)
            {
                for support in &element.support {
                    prop_assert!(!support.from.is_empty());
                    prop_assert!(support.from.windows(2).all(|w| w[0] < w[1]));
                    // Withdrawn testimonies are never cited.
                    for id in &support.from {
                        if let Some(record) = ds.get(id) {
                            if let zonewatch_model::Body::Testimony(t) = &record.body {
                                prop_assert!(t.is_usable());
                            }
                        }
                    }
                }
            }
        }

        // Public reports: every suppressible cell is 0, at least the threshold, or "<5".
        let public = report(&ds, &ReportOptions { public: Some(5), trace: false });
        for (path, figure) in figures.entries() {
            let mut value = &public;
            for key in path.split('.') {
                value = &value[key];
            }
            if figure.unit.is_suppressible() && (1..5).contains(&figure.count) {
                prop_assert_eq!(value, &Value::from("<5"), "{}", path);
            } else {
                prop_assert_eq!(value, &Value::from(figure.count), "{}", path);
            }
        }
    }
}
