//! The demo dataset: a generated, clearly fictional investigation shaped like a
//! real one (Amnesty International, 2025: 53 compounds, 45 suspected sites, 58
//! survivors interviewed from eight countries, nine of them children, 336 other
//! victim records).
//!
//! Site, organization and perpetrator names say they are fictional, so do `pii`
//! values and transcripts; every record cites the source [`DEMO_SOURCE_ID`] whose
//! title says the dataset is generated; phone numbers are in a range reserved for
//! drama and web addresses use reserved domains.
//!
//! Each part is drawn from its own random stream (`Rng::stream`), so changing how
//! one part is generated leaves the others as they were.

mod ads;
mod incidents;
mod persons;
mod sites;

use zonewatch_model::{
    Body, Organization, OrganizationType, PartialDate, Record, Sensitivity, Source, SourceType,
};

use crate::calendar::{self, in_month, month, year};
use crate::pools::PROVINCES;
use crate::rng::Rng;
use ads::ads;
use incidents::incidents;
use persons::{perpetrators, survivors, victims, People};
use sites::sites;

/// The id of the source every demo record cites: its title says the dataset is
/// generated and fictional.
pub const DEMO_SOURCE_ID: &str = "demo-source-01";

const SEED: u64 = 0x7A6F_6E65_7761_7463;

const SRC_VISIT_COAST: &str = "demo-source-02";
const SRC_VISIT_BORDER: &str = "demo-source-03";
const SRC_SATELLITE: &str = "demo-source-04";
const SRC_MEDIA: &str = "demo-source-05";
const SRC_POLICE: &str = "demo-source-06";
const SRC_HOTLINE: &str = "demo-source-07";
const SRC_INTERVIEWS: &str = "demo-source-08";
const SRC_ADS: &str = "demo-source-09";
const SRC_COURT: &str = "demo-source-10";

/// Organization indices (`demo-org-01` is index 0): criminal groups, front
/// companies, a platform, one police unit per province, then the agencies below.
const GROUPS: usize = 5;
const COMPANIES: usize = 2;
const POLICE_BASE: usize = GROUPS + COMPANIES + 1;
const ORG_COMMITTEE: usize = POLICE_BASE + 10;
const ORG_IMMIGRATION: usize = ORG_COMMITTEE + 1;
const ORG_NGO: usize = ORG_COMMITTEE + 2;
const ORG_CONSULAR: usize = ORG_COMMITTEE + 3;

/// Stream labels, one per part of the dataset.
mod label {
    pub const SOURCES: u64 = 1;
    pub const SITES: u64 = 2;
    pub const HISTORY: u64 = 3;
    pub const ADS: u64 = 4;
    pub const SURVIVORS: u64 = 5;
    pub const VICTIMS: u64 = 6;
    pub const PERPETRATORS: u64 = 7;
    pub const INCIDENTS: u64 = 8;
    pub const PLAN: u64 = 9;
}

fn org_id(index: usize) -> String {
    format!("demo-org-{:02}", index + 1)
}

fn record(id: String, sources: &[&str], sensitivity: Sensitivity, body: Body) -> Record {
    let mut list: Vec<String> = Vec::with_capacity(sources.len());
    for source in sources {
        push_unique(&mut list, (*source).to_owned());
    }
    Record {
        id,
        sources: list,
        sensitivity,
        body,
    }
}

fn push_unique(list: &mut Vec<String>, item: String) {
    if !list.contains(&item) {
        list.push(item);
    }
}

fn sensitivity(rng: &mut Rng, public: u32, internal: u32, restricted: u32) -> Sensitivity {
    rng.weighted(&[
        (Sensitivity::Public, public),
        (Sensitivity::Internal, internal),
        (Sensitivity::Restricted, restricted),
    ])
}

/// The demo dataset, in export order (kind, then id). The same records every
/// time, on every platform.
pub fn demo_dataset() -> Vec<Record> {
    let mut out = Vec::with_capacity(1500);
    sources(&mut out);
    organizations(&mut out);
    let sites = sites(&mut out);
    let ads = ads(&mut out);
    let mut people = People::default();
    survivors(&mut out, &sites, &ads, &mut people);
    victims(&mut out, &sites, &ads, &mut people);
    perpetrators(&mut out, &mut people);
    incidents(&mut out, &sites, &people);
    out.sort_by(|a, b| {
        a.kind()
            .rank()
            .cmp(&b.kind().rank())
            .then_with(|| a.id.as_bytes().cmp(b.id.as_bytes()))
    });
    out
}

// ---------------------------------------------------------------- sources

fn sources(out: &mut Vec<Record>) {
    let mut rng = Rng::stream(SEED, label::SOURCES, 0);
    struct S {
        title: &'static str,
        kind: SourceType,
        date: PartialDate,
        publisher: Option<&'static str>,
        url: Option<&'static str>,
        archived: bool,
        sensitivity: Sensitivity,
    }
    let list = [
        S {
            title: "zonewatch demo dataset — generated, fictional",
            kind: SourceType::Other,
            date: year(month(2025, 1)),
            publisher: Some(
                "zonewatch (generated demo data; no real people or places are described)",
            ),
            url: None,
            archived: false,
            sensitivity: Sensitivity::Public,
        },
        S {
            title: "Field visit notes, Preah Sihanouk and Koh Kong (fictional)",
            kind: SourceType::FieldVisit,
            date: in_month(month(2024, 11)),
            publisher: Some("(fictional) investigation team"),
            url: None,
            archived: false,
            sensitivity: Sensitivity::Restricted,
        },
        S {
            title: "Field visit notes, other provinces (fictional)",
            kind: SourceType::FieldVisit,
            date: in_month(month(2025, 2)),
            publisher: Some("(fictional) investigation team"),
            url: None,
            archived: false,
            sensitivity: Sensitivity::Restricted,
        },
        S {
            title: "Satellite imagery review of compound sites (fictional)",
            kind: SourceType::SatelliteImagery,
            date: in_month(month(2025, 3)),
            publisher: Some("(fictional) imagery analysis desk"),
            url: None,
            archived: true,
            sensitivity: Sensitivity::Internal,
        },
        S {
            title: "Media monitoring log (fictional)",
            kind: SourceType::Media,
            date: in_month(month(2025, 6)),
            publisher: None,
            url: Some("https://example.org/demo/media-log"),
            archived: false,
            sensitivity: Sensitivity::Internal,
        },
        S {
            title: "Provincial police press statements (fictional)",
            kind: SourceType::GovernmentData,
            date: in_month(month(2025, 5)),
            publisher: Some("(fictional) provincial police"),
            url: Some("https://example.org/demo/police-statements"),
            archived: true,
            sensitivity: Sensitivity::Public,
        },
        S {
            title: "NGO hotline case data (fictional)",
            kind: SourceType::NgoData,
            date: in_month(month(2025, 4)),
            publisher: Some("Safe Passage hotline (fictional NGO)"),
            url: None,
            archived: true,
            sensitivity: Sensitivity::Restricted,
        },
        S {
            title: "Survivor interview programme (fictional)",
            kind: SourceType::Interview,
            date: in_month(month(2025, 5)),
            publisher: None,
            url: None,
            archived: false,
            sensitivity: Sensitivity::Restricted,
        },
        S {
            title: "Recruitment ad archive (fictional)",
            kind: SourceType::SocialMedia,
            date: in_month(month(2025, 7)),
            publisher: None,
            url: Some("https://example.org/demo/ad-archive"),
            archived: true,
            sensitivity: Sensitivity::Internal,
        },
        S {
            title: "Court filings in trafficking cases (fictional)",
            kind: SourceType::CourtRecord,
            date: calendar::on_day(month(2025, 1), 17),
            publisher: Some("(fictional) provincial court"),
            url: None,
            archived: false,
            sensitivity: Sensitivity::Internal,
        },
    ];
    for (i, s) in list.into_iter().enumerate() {
        let sha256 = s.archived.then(|| rng.hex(64));
        out.push(record(
            format!("demo-source-{:02}", i + 1),
            &[],
            s.sensitivity,
            Body::Source(Source {
                title: s.title.to_owned(),
                source_type: s.kind,
                url: s.url.map(str::to_owned),
                date: Some(s.date),
                publisher: s.publisher.map(str::to_owned),
                sha256,
            }),
        ));
    }
}

// ---------------------------------------------------------------- organizations

fn organizations(out: &mut Vec<Record>) {
    let groups: [(&str, &[&str], &str); GROUPS] = [
        (
            "Golden Phoenix Group (fictional)",
            &["GP Group (fictional)", "金凤凰集团 (fictional)"],
            "KH",
        ),
        (
            "Jade Dragon network (fictional)",
            &["翡翠龙 (fictional)"],
            "CN",
        ),
        (
            "Red Lotus syndicate (fictional)",
            &["Hong Lian (fictional)"],
            "KH",
        ),
        ("Silver Tide group (fictional)", &[], "MM"),
        (
            "Black Orchid network (fictional)",
            &["BO company (fictional)"],
            "KH",
        ),
    ];
    let mut index = 0;
    let mut push = |out: &mut Vec<Record>,
                    name: String,
                    org_type: OrganizationType,
                    aliases: &[&str],
                    country: Option<&str>,
                    sources: &[&str],
                    sensitivity: Sensitivity| {
        out.push(record(
            org_id(index),
            sources,
            sensitivity,
            Body::Organization(Organization {
                name,
                org_type,
                aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
                country: country.map(str::to_owned),
            }),
        ));
        index += 1;
    };
    for (name, aliases, country) in groups {
        push(
            out,
            name.to_owned(),
            OrganizationType::CriminalGroup,
            aliases,
            Some(country),
            &[DEMO_SOURCE_ID, SRC_MEDIA, SRC_COURT],
            Sensitivity::Internal,
        );
    }
    for name in [
        "Ocean Pearl Investment Co. (fictional)",
        "Lucky Star Development Ltd. (fictional)",
    ] {
        push(
            out,
            name.to_owned(),
            OrganizationType::Company,
            &[],
            Some("KH"),
            &[DEMO_SOURCE_ID, SRC_MEDIA],
            Sensitivity::Internal,
        );
    }
    push(
        out,
        "Messaging platform trust and safety team (fictional)".to_owned(),
        OrganizationType::Platform,
        &[],
        None,
        &[DEMO_SOURCE_ID],
        Sensitivity::Public,
    );
    for province in PROVINCES {
        push(
            out,
            format!("{} provincial police (fictional unit)", province.name),
            OrganizationType::LawEnforcement,
            &[],
            Some("KH"),
            &[DEMO_SOURCE_ID, SRC_POLICE],
            Sensitivity::Public,
        );
    }
    push(
        out,
        "National anti-trafficking committee (fictional)".to_owned(),
        OrganizationType::GovernmentAgency,
        &[],
        Some("KH"),
        &[DEMO_SOURCE_ID, SRC_POLICE],
        Sensitivity::Public,
    );
    push(
        out,
        "Immigration department liaison office (fictional)".to_owned(),
        OrganizationType::GovernmentAgency,
        &[],
        Some("KH"),
        &[DEMO_SOURCE_ID],
        Sensitivity::Public,
    );
    push(
        out,
        "Safe Passage hotline (fictional NGO)".to_owned(),
        OrganizationType::Ngo,
        &["Safe Passage (fictional)"],
        Some("TH"),
        &[DEMO_SOURCE_ID, SRC_HOTLINE],
        Sensitivity::Public,
    );
    push(
        out,
        "Consular protection office (fictional)".to_owned(),
        OrganizationType::GovernmentAgency,
        &[],
        Some("ID"),
        &[DEMO_SOURCE_ID],
        Sensitivity::Internal,
    );
}
