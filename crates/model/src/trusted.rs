//! A fast path for reading back canonical lines that zonewatch itself wrote.
//!
//! The strict decoder (`crate::decode`) builds a JSON tree first so that it can
//! name every problem; for a million stored records that tree is most of the cost
//! of a report. Rows in the store were validated on the way in, so here serde reads
//! the text straight into wire structs. Anything unexpected (a missing required
//! field, a value outside its vocabulary) makes [`decode_trusted`] return `None`,
//! and the caller falls back to the strict decoder, which then says what is wrong.
//! Tests check both paths agree on every fixture and on the demo data.

use serde::de::{self, Deserialize, Deserializer};

use crate::date::PartialDate;
use crate::record::*;
use crate::vocab::*;

/// Decodes a canonical line (as written by [`Record::to_line`], possibly without
/// its restricted fields). `None` when the line is not one the fast path can take.
pub fn decode_trusted(line: &str) -> Option<Record> {
    let rest = line.strip_prefix("{\"kind\":\"")?;
    let kind = Kind::parse(&rest[..rest.find('"')?])?;
    match kind {
        Kind::Source => wire::<SourceWire>(line),
        Kind::Organization => wire::<OrganizationWire>(line),
        Kind::Site => wire::<SiteWire>(line),
        Kind::SiteStatus => wire::<SiteStatusWire>(line),
        Kind::Intervention => wire::<InterventionWire>(line),
        Kind::Person => wire::<PersonWire>(line),
        Kind::Testimony => wire::<TestimonyWire>(line),
        Kind::Incident => wire::<IncidentWire>(line),
        Kind::Ad => wire::<AdWire>(line),
    }
}

/// A wire struct that becomes a record when its required fields are all there.
trait IntoRecord {
    fn into_record(self) -> Option<Record>;
}

fn wire<'a, W: Deserialize<'a> + IntoRecord>(line: &'a str) -> Option<Record> {
    serde_json::from_str::<W>(line).ok()?.into_record()
}

fn record(
    id: String,
    sources: Vec<Id>,
    sensitivity: Option<Sensitivity>,
    body: Body,
) -> Option<Record> {
    Some(Record {
        id,
        sources,
        sensitivity: sensitivity.unwrap_or(Sensitivity::Internal),
        body,
    })
}

/// Declares a wire struct: the common fields plus the kind's own, all optional.
macro_rules! wire_struct {
    ($name:ident { $($(#[$meta:meta])* $field:ident : $ty:ty),* $(,)? }) => {
        #[derive(serde::Deserialize)]
        struct $name {
            id: String,
            #[serde(default)]
            sources: Vec<Id>,
            sensitivity: Option<Sensitivity>,
            $($(#[$meta])* #[serde(default)] $field: $ty,)*
        }
    };
}

wire_struct!(SourceWire {
    title: Option<String>,
    #[serde(rename = "type")]
    source_type: Option<SourceType>,
    url: Option<String>,
    date: Option<PartialDate>,
    publisher: Option<String>,
    sha256: Option<String>,
});

impl IntoRecord for SourceWire {
    fn into_record(self) -> Option<Record> {
        let body = Body::Source(Source {
            title: self.title?,
            source_type: self.source_type?,
            url: self.url,
            date: self.date,
            publisher: self.publisher,
            sha256: self.sha256,
        });
        record(self.id, self.sources, self.sensitivity, body)
    }
}

wire_struct!(OrganizationWire {
    name: Option<String>,
    #[serde(rename = "type")]
    org_type: Option<OrganizationType>,
    aliases: Vec<String>,
    country: Option<String>,
});

impl IntoRecord for OrganizationWire {
    fn into_record(self) -> Option<Record> {
        let body = Body::Organization(Organization {
            name: self.name?,
            org_type: self.org_type?,
            aliases: self.aliases,
            country: self.country,
        });
        record(self.id, self.sources, self.sensitivity, body)
    }
}

wire_struct!(SiteWire {
    name: Option<String>,
    category: Option<SiteCategory>,
    country: Option<String>,
    admin1: Option<String>,
    admin2: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    former_use: Option<FormerUse>,
    aliases: Vec<String>,
    operators: Vec<Id>,
});

impl IntoRecord for SiteWire {
    fn into_record(self) -> Option<Record> {
        let location = match (self.lat, self.lon) {
            (Some(lat), Some(lon)) => Some(Coordinates { lat, lon }),
            (None, None) => None,
            _ => return None,
        };
        let body = Body::Site(Site {
            name: self.name?,
            category: self.category?,
            country: self.country?,
            admin1: self.admin1,
            admin2: self.admin2,
            location,
            former_use: self.former_use,
            aliases: self.aliases,
            operators: self.operators,
        });
        record(self.id, self.sources, self.sensitivity, body)
    }
}

wire_struct!(SiteStatusWire {
    site: Option<Id>,
    date: Option<PartialDate>,
    status: Option<SiteStatusValue>,
    basis: Option<ObservationBasis>,
    relocated_to: Option<Id>,
    note: Option<String>,
});

impl IntoRecord for SiteStatusWire {
    fn into_record(self) -> Option<Record> {
        let body = Body::SiteStatus(SiteStatus {
            site: self.site?,
            date: self.date?,
            status: self.status?,
            basis: self.basis?,
            relocated_to: self.relocated_to,
            note: self.note,
        });
        record(self.id, self.sources, self.sensitivity, body)
    }
}

wire_struct!(InterventionWire {
    site: Option<Id>,
    date: Option<PartialDate>,
    #[serde(rename = "type")]
    intervention_type: Option<InterventionType>,
    agencies: Vec<Id>,
    persons_removed: Option<u64>,
    persons_arrested: Option<u64>,
    note: Option<String>,
});

impl IntoRecord for InterventionWire {
    fn into_record(self) -> Option<Record> {
        let body = Body::Intervention(Intervention {
            site: self.site?,
            date: self.date?,
            intervention_type: self.intervention_type?,
            agencies: self.agencies,
            persons_removed: self.persons_removed,
            persons_arrested: self.persons_arrested,
            note: self.note,
        });
        record(self.id, self.sources, self.sensitivity, body)
    }
}

#[derive(serde::Deserialize)]
struct RecruitmentWire {
    channel: Option<RecruitmentChannel>,
    promised_job: Option<String>,
    promised_salary_usd: Option<f64>,
    date: Option<PartialDate>,
    ad: Option<Id>,
}

#[derive(serde::Deserialize)]
struct CustodyWire {
    site: Id,
    from: Option<PartialDate>,
    to: Option<PartialDate>,
}

#[derive(serde::Deserialize)]
struct PiiWire {
    legal_name: Option<String>,
    date_of_birth: Option<PartialDate>,
    contact: Option<String>,
    #[serde(default)]
    document_numbers: Vec<String>,
    address: Option<String>,
}

wire_struct!(PersonWire {
    alias: Option<String>,
    roles: Vec<PersonRole>,
    nationality: Option<String>,
    gender: Option<Gender>,
    age_at_entry: Option<u64>,
    recruitment: Option<RecruitmentWire>,
    custody: Vec<CustodyWire>,
    exit: Option<ExitMode>,
    pii: Option<PiiWire>,
});

impl IntoRecord for PersonWire {
    fn into_record(self) -> Option<Record> {
        if self.roles.is_empty() {
            return None;
        }
        let body = Body::Person(Person {
            alias: self.alias?,
            roles: self.roles,
            nationality: self.nationality,
            gender: self.gender,
            age_at_entry: self.age_at_entry,
            recruitment: self.recruitment.map(|r| {
                Box::new(Recruitment {
                    channel: r.channel,
                    promised_job: r.promised_job,
                    promised_salary_usd: r.promised_salary_usd,
                    date: r.date,
                    ad: r.ad,
                })
            }),
            custody: self
                .custody
                .into_iter()
                .map(|c| Custody {
                    site: c.site,
                    from: c.from,
                    to: c.to,
                })
                .collect(),
            exit: self.exit,
            pii: self.pii.map(|p| {
                Box::new(Pii {
                    legal_name: p.legal_name,
                    date_of_birth: p.date_of_birth,
                    contact: p.contact,
                    document_numbers: p.document_numbers,
                    address: p.address,
                })
            }),
        });
        record(self.id, self.sources, self.sensitivity, body)
    }
}

#[derive(serde::Deserialize)]
struct FindingWire {
    code: FindingCode,
    note: Option<String>,
    site: Option<Id>,
    date: Option<PartialDate>,
}

wire_struct!(TestimonyWire {
    person: Option<Id>,
    date: Option<PartialDate>,
    consent: Option<Consent>,
    language: Option<String>,
    interviewer: Option<String>,
    transcript: Option<String>,
    findings: Vec<FindingWire>,
});

impl IntoRecord for TestimonyWire {
    fn into_record(self) -> Option<Record> {
        let body = Body::Testimony(Testimony {
            person: self.person?,
            date: self.date?,
            consent: self.consent?,
            language: self.language,
            interviewer: self.interviewer,
            transcript: self.transcript,
            findings: self
                .findings
                .into_iter()
                .map(|f| Finding {
                    code: f.code,
                    note: f.note,
                    site: f.site,
                    date: f.date,
                })
                .collect(),
        });
        record(self.id, self.sources, self.sensitivity, body)
    }
}

wire_struct!(IncidentWire {
    #[serde(rename = "type")]
    incident_type: Option<IncidentType>,
    date: Option<PartialDate>,
    site: Option<Id>,
    victims: Vec<Id>,
    perpetrators: Vec<Id>,
    testimony: Option<Id>,
    description: Option<String>,
});

impl IntoRecord for IncidentWire {
    fn into_record(self) -> Option<Record> {
        let body = Body::Incident(Incident {
            incident_type: self.incident_type?,
            date: self.date,
            site: self.site,
            victims: self.victims,
            perpetrators: self.perpetrators,
            testimony: self.testimony,
            description: self.description,
        });
        record(self.id, self.sources, self.sensitivity, body)
    }
}

wire_struct!(AdWire {
    platform: Option<Platform>,
    text: Option<String>,
    url: Option<String>,
    posted: Option<PartialDate>,
    language: Option<String>,
});

impl IntoRecord for AdWire {
    fn into_record(self) -> Option<Record> {
        let body = Body::Ad(Ad {
            platform: self.platform?,
            text: self.text?,
            url: self.url,
            posted: self.posted,
            language: self.language,
        });
        record(self.id, self.sources, self.sensitivity, body)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<PartialDate, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        PartialDate::parse(&text).ok_or_else(|| de::Error::custom("not a v1 date"))
    }
}

/// Vocabulary values deserialize from their wire strings.
pub(crate) fn deserialize_vocabulary<'de, V: Vocabulary, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<V, D::Error> {
    let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
    V::parse(&text).ok_or_else(|| de::Error::custom("not in the vocabulary"))
}
