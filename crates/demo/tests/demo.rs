//! The generated data against the v1 contract (FORMAT.md): every record decodes
//! back to itself, ids are unique, references resolve, and the demo dataset has
//! the shape of the investigation it imitates.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use zonewatch_demo::{demo_dataset, write_bulk, BULK_SOURCE_ID, DEMO_SOURCE_ID};
use zonewatch_model::{
    decode_line, Body, Consent, DateOrder, IncidentType, InterventionType, Kind, OrganizationType,
    PersonRole, Precision, Record, RecruitmentChannel, Sensitivity, SiteCategory, SiteStatus,
    SiteStatusValue,
};

/// Every reference of every record names a record of an allowed kind.
fn assert_references_resolve(records: &[Record]) {
    let kinds: HashMap<&str, Kind> = records.iter().map(|r| (r.id.as_str(), r.kind())).collect();
    for record in records {
        for reference in record.references() {
            let kind = kinds.get(reference.target).unwrap_or_else(|| {
                panic!(
                    "{}: `{}` names `{}`, which is not in the data",
                    record.id, reference.field, reference.target
                )
            });
            assert!(
                reference.expected.contains(kind),
                "{}: `{}` names a {kind}, expected one of {:?}",
                record.id,
                reference.field,
                reference.expected
            );
        }
    }
}

fn assert_ids_unique(records: &[Record]) {
    let mut seen = BTreeSet::new();
    for record in records {
        assert!(
            seen.insert(record.id.as_str()),
            "duplicate id {}",
            record.id
        );
    }
}

fn count(records: &[Record], kind: Kind) -> usize {
    records.iter().filter(|r| r.kind() == kind).count()
}

/// FNV-1a, to pin generated output without storing it.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn lines(records: &[Record]) -> String {
    let mut text = String::new();
    for record in records {
        text.push_str(&record.to_line());
        text.push('\n');
    }
    text
}

#[test]
fn every_demo_record_decodes_back_equal() {
    for record in demo_dataset() {
        let line = record.to_line();
        let decoded = decode_line(&line).unwrap_or_else(|e| panic!("{line}: {e:?}"));
        assert_eq!(decoded, record, "{line}");
        assert_eq!(decoded.to_line(), line);
    }
}

#[test]
fn demo_ids_are_unique_readable_and_in_export_order() {
    let records = demo_dataset();
    assert_ids_unique(&records);
    for record in &records {
        let prefix = match record.kind() {
            Kind::Source => "demo-source-",
            Kind::Organization => "demo-org-",
            Kind::Site => "demo-site-",
            Kind::SiteStatus => "demo-status-",
            Kind::Intervention => "demo-intervention-",
            Kind::Person => "demo-person-",
            Kind::Testimony => "demo-testimony-",
            Kind::Incident => "demo-incident-",
            Kind::Ad => "demo-ad-",
        };
        assert!(record.id.starts_with(prefix), "{}", record.id);
    }
    let keys: Vec<(u8, &[u8])> = records
        .iter()
        .map(|r| (r.kind().rank(), r.id.as_bytes()))
        .collect();
    assert!(keys.windows(2).all(|w| w[0] < w[1]), "not in export order");
}

#[test]
fn demo_references_resolve() {
    assert_references_resolve(&demo_dataset());
}

#[test]
fn demo_output_is_identical_between_calls() {
    let (a, b) = (demo_dataset(), demo_dataset());
    assert_eq!(a, b);
    assert_eq!(lines(&a), lines(&b));
}

#[test]
fn demo_says_it_is_fictional() {
    let records = demo_dataset();
    let dataset = records
        .iter()
        .find(|r| r.id == DEMO_SOURCE_ID)
        .expect("the dataset source");
    let Body::Source(source) = &dataset.body else {
        panic!("{DEMO_SOURCE_ID} is not a source");
    };
    assert!(source.title.contains("generated") && source.title.contains("fictional"));
    for record in &records {
        if record.kind() != Kind::Source {
            assert!(
                record.sources.iter().any(|s| s == DEMO_SOURCE_ID),
                "{} does not cite {DEMO_SOURCE_ID}",
                record.id
            );
        }
        match &record.body {
            Body::Site(site) => assert!(site.name.contains("(fictional)"), "{}", site.name),
            Body::Organization(org) => assert!(org.name.contains("fictional"), "{}", org.name),
            Body::Person(person) => {
                if let Some(pii) = &person.pii {
                    for text in [&pii.legal_name, &pii.contact, &pii.address]
                        .into_iter()
                        .flatten()
                    {
                        assert!(text.starts_with("(fictional)"), "{text}");
                    }
                    assert!(pii
                        .document_numbers
                        .iter()
                        .all(|d| d.starts_with("(fictional)")));
                }
            }
            Body::Testimony(t) => {
                if let Some(transcript) = &t.transcript {
                    assert!(
                        transcript.starts_with("(fictional transcript"),
                        "{transcript}"
                    );
                }
            }
            Body::Ad(ad) => {
                // Contacts reach nobody: drama-range phone numbers, demo handles.
                if ad.text.contains("+44") || ad.text.contains("wa.me/") {
                    assert!(
                        ad.text.contains("+44 7700 900") || ad.text.contains("wa.me/447700900"),
                        "{}",
                        ad.text
                    );
                }
                if let Some(url) = &ad.url {
                    assert!(
                        url.contains(".example/") || url.starts_with("https://t.me/zw_demo_"),
                        "{url}"
                    );
                }
            }
            _ => {}
        }
    }
}

#[test]
fn demo_has_the_shape_of_an_investigation() {
    let records = demo_dataset();
    let mut compounds = 0;
    let mut suspected = 0;
    let mut provinces = BTreeSet::new();
    for record in &records {
        if let Body::Site(site) = &record.body {
            match site.category {
                SiteCategory::ScamCompound => compounds += 1,
                SiteCategory::SuspectedSite => suspected += 1,
            }
            assert_eq!(site.country, "KH");
            provinces.insert(site.admin1.clone().expect("admin1"));
            if let Some(c) = site.location {
                assert!(
                    (10.0..15.0).contains(&c.lat) && (102.0..108.0).contains(&c.lon),
                    "{c:?}"
                );
            }
        }
    }
    assert!((45..=60).contains(&compounds), "{compounds} compounds");
    assert!(
        (40..=50).contains(&suspected),
        "{suspected} suspected sites"
    );
    assert!(provinces.len() >= 10, "{provinces:?}");

    // Persons, as the report counts them (FORMAT.md).
    let usable: BTreeSet<&str> = records
        .iter()
        .filter_map(|r| match &r.body {
            Body::Testimony(t) if t.is_usable() => Some(t.person.as_str()),
            _ => None,
        })
        .collect();
    let mut interviewed = 0;
    let mut minors = 0;
    let mut nationalities = BTreeSet::new();
    let mut other_victims = 0;
    let mut perpetrators = 0;
    let mut recruiters = 0;
    let mut with_ad = 0;
    let mut social = 0;
    let mut survivors = 0;
    for record in &records {
        let Body::Person(person) = &record.body else {
            continue;
        };
        if person.has_role(PersonRole::Perpetrator) {
            perpetrators += 1;
        }
        if person.has_role(PersonRole::Recruiter) {
            recruiters += 1;
        }
        if let Some(recruitment) = &person.recruitment {
            with_ad += usize::from(recruitment.ad.is_some());
        }
        if !(person.has_role(PersonRole::Survivor) || person.has_role(PersonRole::Victim)) {
            continue;
        }
        if person.has_role(PersonRole::Survivor) {
            survivors += 1;
            let channel = person.recruitment.as_ref().and_then(|r| r.channel);
            use RecruitmentChannel as C;
            if matches!(
                channel,
                Some(C::Facebook | C::Telegram | C::Instagram | C::Tiktok)
            ) {
                social += 1;
            }
            assert!(!person.custody.is_empty() && person.exit.is_some() && person.pii.is_some());
        }
        if usable.contains(record.id.as_str()) {
            interviewed += 1;
            minors += usize::from(person.is_minor());
            nationalities.extend(person.nationality.clone());
        } else {
            other_victims += 1;
        }
    }
    assert!(
        (50..=70).contains(&interviewed),
        "{interviewed} interviewed"
    );
    assert!((7..=10).contains(&nationalities.len()), "{nationalities:?}");
    assert!((7..=12).contains(&minors), "{minors} minors interviewed");
    assert!(
        (280..=360).contains(&other_victims),
        "{other_victims} other victims"
    );
    assert!(
        perpetrators >= 10 && recruiters >= 5,
        "{perpetrators} {recruiters}"
    );
    assert!(with_ad >= 8, "{with_ad} persons point to an ad");
    assert!(
        social * 2 > survivors,
        "{social} of {survivors} recruited on social media"
    );

    // Testimonies: one or two per survivor, a few withdrawn.
    let testimonies: Vec<_> = records
        .iter()
        .filter_map(|r| match &r.body {
            Body::Testimony(t) => Some(t),
            _ => None,
        })
        .collect();
    let withdrawn = testimonies
        .iter()
        .filter(|t| t.consent == Consent::Withdrawn)
        .count();
    assert!((3..=8).contains(&withdrawn), "{withdrawn} withdrawn");
    assert!((survivors..=2 * survivors).contains(&testimonies.len()));
    assert!(testimonies
        .iter()
        .all(|t| t.consent == Consent::Withdrawn || !t.findings.is_empty()));

    // Ads in several languages.
    let languages: BTreeSet<String> = records
        .iter()
        .filter_map(|r| match &r.body {
            Body::Ad(ad) => ad.language.clone(),
            _ => None,
        })
        .collect();
    assert!((30..=50).contains(&count(&records, Kind::Ad)));
    assert!(languages.len() >= 5, "{languages:?}");

    // Organizations of each role, interventions with people removed.
    let org_types: BTreeSet<String> = records
        .iter()
        .filter_map(|r| match &r.body {
            Body::Organization(o) => Some(o.org_type.as_str().to_owned()),
            _ => None,
        })
        .collect();
    for t in [
        OrganizationType::CriminalGroup,
        OrganizationType::LawEnforcement,
        OrganizationType::Ngo,
    ] {
        assert!(org_types.contains(t.as_str()), "no {t}");
    }
    let removed: u64 = records
        .iter()
        .filter_map(|r| match &r.body {
            Body::Intervention(i) => i.persons_removed,
            _ => None,
        })
        .sum();
    assert!(removed > 1000, "{removed} removed");
    assert!(count(&records, Kind::Source) >= 5);

    // Mixed sensitivities and date precisions.
    for s in Sensitivity::ALL {
        assert!(records.iter().any(|r| r.sensitivity == *s), "no {s} record");
    }
    let precisions: BTreeSet<_> = records
        .iter()
        .filter_map(|r| match &r.body {
            Body::SiteStatus(s) => Some(s.date.precision()),
            _ => None,
        })
        .collect();
    assert_eq!(precisions.len(), 3, "{precisions:?}");
    assert!(precisions.contains(&Precision::Year));
}

#[test]
fn demo_has_every_incident_type() {
    let records = demo_dataset();
    let mut by_type: BTreeMap<&str, usize> = BTreeMap::new();
    for record in &records {
        if let Body::Incident(incident) = &record.body {
            *by_type.entry(incident.incident_type.as_str()).or_default() += 1;
            assert!(!incident.victims.is_empty(), "{}", record.id);
        }
    }
    for t in IncidentType::ALL {
        assert!(
            by_type.contains_key(t.as_str()),
            "no {t} incident: {by_type:?}"
        );
    }
    let linked = records
        .iter()
        .filter(|r| matches!(&r.body, Body::Incident(i) if i.testimony.is_some()))
        .count();
    assert!(linked >= 50, "{linked} incidents name a testimony");
}

/// FORMAT.md, "Intervention outcome", written out independently of the generator.
fn intervention_outcomes(records: &[Record]) -> BTreeMap<String, &'static str> {
    let mut latest: BTreeMap<&str, (&zonewatch_model::PartialDate, &str)> = BTreeMap::new();
    for record in records {
        let Body::Intervention(i) = &record.body else {
            continue;
        };
        if !matches!(
            i.intervention_type,
            InterventionType::Raid | InterventionType::Rescue
        ) {
            continue;
        }
        let key = (i.date.start(), i.date.end(), record.id.as_bytes());
        let replace = latest
            .get(i.site.as_str())
            .is_none_or(|(d, id)| key > (d.start(), d.end(), id.as_bytes()));
        if replace {
            latest.insert(&i.site, (&i.date, &record.id));
        }
    }
    let statuses: Vec<&SiteStatus> = records
        .iter()
        .filter_map(|r| match &r.body {
            Body::SiteStatus(s) => Some(s),
            _ => None,
        })
        .collect();
    let mut out = BTreeMap::new();
    for (site, (date, _)) in latest {
        let kept: Vec<&SiteStatus> = statuses
            .iter()
            .copied()
            .filter(|s| s.site == site && s.date.order(date) != DateOrder::Before)
            .collect();
        let outcome = match kept.iter().max_by_key(|s| (s.date.start(), s.date.end())) {
            None => "unobserved",
            Some(top) => {
                let disagree = kept.iter().any(|s| {
                    (s.date.start(), s.date.end()) == (top.date.start(), top.date.end())
                        && s.status != top.status
                });
                if top.date.order(date) == DateOrder::Unknown || disagree {
                    "uncertain"
                } else if top.status == SiteStatusValue::Operating {
                    "operating_after"
                } else {
                    "not_operating_after"
                }
            }
        };
        out.insert(site.to_owned(), outcome);
    }
    out
}

#[test]
fn demo_has_every_intervention_outcome_and_most_kept_operating() {
    let records = demo_dataset();
    let outcomes = intervention_outcomes(&records);
    let mut tally: BTreeMap<&str, usize> = BTreeMap::new();
    for outcome in outcomes.values() {
        *tally.entry(outcome).or_default() += 1;
    }
    for outcome in [
        "operating_after",
        "not_operating_after",
        "uncertain",
        "unobserved",
    ] {
        assert!(tally.contains_key(outcome), "no {outcome}: {tally:?}");
    }
    assert!(
        tally["operating_after"] * 3 > outcomes.len() * 2,
        "operating after should be over two thirds: {tally:?}"
    );
    assert!(outcomes.len() >= 25, "{tally:?}");
    // An uncertain case of each kind: same month, same year, disagreeing.
    let precisions: BTreeSet<Precision> = outcomes
        .iter()
        .filter(|(_, o)| **o == "uncertain")
        .flat_map(|(site, _)| {
            records.iter().filter_map(move |r| match &r.body {
                Body::SiteStatus(s) if s.site == *site => Some(s.date.precision()),
                _ => None,
            })
        })
        .collect();
    assert!(precisions.contains(&Precision::Year) && precisions.contains(&Precision::Month));
}

#[test]
fn demo_output_is_pinned() {
    // The same bytes on every platform. When the generator changes on purpose,
    // update these numbers (and say so in the commit).
    let records = demo_dataset();
    let text = lines(&records);
    let counts: Vec<usize> = Kind::ALL.iter().map(|k| count(&records, *k)).collect();
    println!(
        "counts {counts:?}, {} bytes, fnv1a {:#018x}",
        text.len(),
        fnv1a(text.as_bytes())
    );
    assert_eq!(fnv1a(text.as_bytes()), PINNED_DEMO);
}

const PINNED_DEMO: u64 = 0x3e0001e79d5d61fa;

fn bulk(n: usize) -> String {
    let mut out = Vec::new();
    write_bulk(n, &mut out).expect("writing to memory");
    String::from_utf8(out).expect("UTF-8")
}

fn decode_all(text: &str) -> Vec<Record> {
    text.lines()
        .map(|line| {
            let record = decode_line(line).unwrap_or_else(|e| panic!("{line}: {e:?}"));
            assert_eq!(record.to_line(), line, "not canonical");
            record
        })
        .collect()
}

#[test]
fn bulk_lines_decode_canonical_and_resolve() {
    let text = bulk(5000);
    assert_eq!(text.lines().count(), 5000);
    assert!(text.ends_with('\n'));
    let records = decode_all(&text);
    assert_ids_unique(&records);
    assert_references_resolve(&records);
    assert_eq!(records[0].id, BULK_SOURCE_ID);
    for kind in Kind::ALL {
        assert!(count(&records, *kind) > 0, "no {kind}");
    }
    let persons = count(&records, Kind::Person);
    let incidents = count(&records, Kind::Incident);
    assert!(persons > incidents && incidents > count(&records, Kind::SiteStatus));
    for t in IncidentType::ALL {
        assert!(
            records
                .iter()
                .any(|r| matches!(&r.body, Body::Incident(i) if i.incident_type == *t)),
            "no {t}"
        );
    }
    // Real-looking lines: typical size, some with pii and transcripts.
    let mut sizes: Vec<usize> = text.lines().map(str::len).collect();
    sizes.sort_unstable();
    let median = sizes[sizes.len() / 2];
    assert!((150..=350).contains(&median), "median line {median} bytes");
    assert!(text.contains("\"pii\":{") && text.contains("\"transcript\":"));
    // Some references point forward.
    let position: HashMap<&str, usize> = records
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    let forward = records
        .iter()
        .enumerate()
        .flat_map(|(i, r)| r.references().into_iter().map(move |f| (i, f.target)))
        .filter(|(i, target)| position[target] > *i)
        .count();
    assert!(forward > 10, "{forward} forward references");
}

#[test]
fn bulk_of_any_length_resolves() {
    for n in (0..=240).chain([315, 1116, 1117, 1162]) {
        let text = bulk(n);
        assert_eq!(text.lines().count(), n);
        let records = decode_all(&text);
        assert_ids_unique(&records);
        assert_references_resolve(&records);
    }
}

#[test]
fn bulk_is_deterministic_and_pinned() {
    let text = bulk(3000);
    assert_eq!(text, bulk(3000));
    println!(
        "bulk(3000): {} bytes, fnv1a {:#018x}",
        text.len(),
        fnv1a(text.as_bytes())
    );
    assert_eq!(fnv1a(text.as_bytes()), PINNED_BULK);
}

const PINNED_BULK: u64 = 0x5a719d3f21d22594;

#[test]
fn trusted_fast_path_agrees_with_the_strict_decoder_on_demo_and_bulk() {
    let mut lines: Vec<String> = zonewatch_demo::demo_dataset()
        .iter()
        .map(|r| r.to_line())
        .collect();
    let mut bulk = Vec::new();
    zonewatch_demo::write_bulk(3000, &mut bulk).unwrap();
    lines.extend(String::from_utf8(bulk).unwrap().lines().map(str::to_owned));
    for line in &lines {
        let strict = zonewatch_model::decode_line(line).unwrap();
        assert_eq!(
            zonewatch_model::decode_trusted(line).as_ref(),
            Some(&strict),
            "{line}"
        );
    }
}
