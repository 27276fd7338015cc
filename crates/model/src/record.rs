//! The v1 record types. A [`Record`] is only built by the decoder (`crate::decode`),
//! so every value held here has passed validation.

use crate::date::PartialDate;
use crate::vocab::*;

/// A record id: 1 to 128 of `A-Z a-z 0-9 . _ : -`, unique across the dataset.
pub type Id = String;

pub fn is_valid_id(id: &str) -> bool {
    (1..=128).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b':' | b'-'))
}

#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    pub id: Id,
    pub sources: Vec<Id>,
    /// As written; `Internal` when absent. See [`Record::is_restricted_field`] for the
    /// fields that are restricted whatever this says.
    pub sensitivity: Sensitivity,
    pub body: Body,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Body {
    Source(Source),
    Organization(Organization),
    Site(Site),
    SiteStatus(SiteStatus),
    Intervention(Intervention),
    Person(Person),
    Testimony(Testimony),
    Incident(Incident),
    Ad(Ad),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub title: String,
    pub source_type: SourceType,
    pub url: Option<String>,
    pub date: Option<PartialDate>,
    pub publisher: Option<String>,
    pub sha256: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Organization {
    pub name: String,
    pub org_type: OrganizationType,
    pub aliases: Vec<String>,
    pub country: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Coordinates {
    pub lat: f64,
    pub lon: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Site {
    pub name: String,
    pub category: SiteCategory,
    pub country: String,
    pub admin1: Option<String>,
    pub admin2: Option<String>,
    pub location: Option<Coordinates>,
    pub former_use: Option<FormerUse>,
    pub aliases: Vec<String>,
    pub operators: Vec<Id>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SiteStatus {
    pub site: Id,
    pub date: PartialDate,
    pub status: SiteStatusValue,
    pub basis: ObservationBasis,
    pub relocated_to: Option<Id>,
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Intervention {
    pub site: Id,
    pub date: PartialDate,
    pub intervention_type: InterventionType,
    pub agencies: Vec<Id>,
    pub persons_removed: Option<u64>,
    pub persons_arrested: Option<u64>,
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Recruitment {
    pub channel: Option<RecruitmentChannel>,
    pub promised_job: Option<String>,
    pub promised_salary_usd: Option<f64>,
    pub date: Option<PartialDate>,
    pub ad: Option<Id>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Custody {
    pub site: Id,
    pub from: Option<PartialDate>,
    pub to: Option<PartialDate>,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Pii {
    pub legal_name: Option<String>,
    pub date_of_birth: Option<PartialDate>,
    pub contact: Option<String>,
    pub document_numbers: Vec<String>,
    pub address: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    pub alias: String,
    pub roles: Vec<PersonRole>,
    pub nationality: Option<String>,
    pub gender: Option<Gender>,
    pub age_at_entry: Option<u64>,
    pub recruitment: Option<Box<Recruitment>>,
    /// `None` when the field is absent; an empty list cannot be written.
    pub custody: Vec<Custody>,
    pub exit: Option<ExitMode>,
    /// Boxed, like `recruitment`: most records have neither, and a million persons
    /// should not each carry their space inline.
    pub pii: Option<Box<Pii>>,
}

impl Person {
    pub fn has_role(&self, role: PersonRole) -> bool {
        self.roles.contains(&role)
    }

    /// A minor is under 18 at entry; where the age is absent the person is not a minor.
    pub fn is_minor(&self) -> bool {
        self.age_at_entry.is_some_and(|age| age < 18)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub code: FindingCode,
    pub note: Option<String>,
    pub site: Option<Id>,
    pub date: Option<PartialDate>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Testimony {
    pub person: Id,
    pub date: PartialDate,
    pub consent: Consent,
    pub language: Option<String>,
    pub interviewer: Option<String>,
    pub transcript: Option<String>,
    pub findings: Vec<Finding>,
}

impl Testimony {
    /// A usable testimony is one whose consent is not withdrawn (FORMAT.md).
    pub fn is_usable(&self) -> bool {
        self.consent != Consent::Withdrawn
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Incident {
    pub incident_type: IncidentType,
    pub date: Option<PartialDate>,
    pub site: Option<Id>,
    pub victims: Vec<Id>,
    pub perpetrators: Vec<Id>,
    pub testimony: Option<Id>,
    pub description: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Ad {
    pub platform: Platform,
    pub text: String,
    pub url: Option<String>,
    pub posted: Option<PartialDate>,
    pub language: Option<String>,
}

/// Where a reference is written: `site`, `victims[2]`, `custody[1].site`. Kept in
/// parts and formatted only when an error names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldPath {
    pub name: &'static str,
    pub index: Option<usize>,
    pub sub: Option<&'static str>,
}

impl std::fmt::Display for FieldPath {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(self.name)?;
        if let Some(index) = self.index {
            write!(f, "[{index}]")?;
        }
        if let Some(sub) = self.sub {
            write!(f, ".{sub}")?;
        }
        Ok(())
    }
}

/// One reference from a record to another, with the kinds it may name.
#[derive(Clone, Debug, PartialEq)]
pub struct Reference<'a> {
    pub field: FieldPath,
    pub target: &'a str,
    pub expected: &'static [Kind],
}

impl Record {
    pub fn kind(&self) -> Kind {
        match &self.body {
            Body::Source(_) => Kind::Source,
            Body::Organization(_) => Kind::Organization,
            Body::Site(_) => Kind::Site,
            Body::SiteStatus(_) => Kind::SiteStatus,
            Body::Intervention(_) => Kind::Intervention,
            Body::Person(_) => Kind::Person,
            Body::Testimony(_) => Kind::Testimony,
            Body::Incident(_) => Kind::Incident,
            Body::Ad(_) => Kind::Ad,
        }
    }

    /// Every id this record names, with the kinds each may name.
    pub fn references(&self) -> Vec<Reference<'_>> {
        const SOURCE: &[Kind] = &[Kind::Source];
        const SITE: &[Kind] = &[Kind::Site];
        const ORGANIZATION: &[Kind] = &[Kind::Organization];
        const PERSON: &[Kind] = &[Kind::Person];
        const TESTIMONY: &[Kind] = &[Kind::Testimony];
        const AD: &[Kind] = &[Kind::Ad];
        const PERSON_OR_ORG: &[Kind] = &[Kind::Person, Kind::Organization];

        let mut refs = References(Vec::new());
        refs.list("sources", &self.sources, SOURCE);
        match &self.body {
            Body::Source(_) | Body::Ad(_) => {}
            Body::Organization(_) => {}
            Body::Site(site) => refs.list("operators", &site.operators, ORGANIZATION),
            Body::SiteStatus(status) => {
                refs.one(path("site"), &status.site, SITE);
                refs.opt("relocated_to", &status.relocated_to, SITE);
            }
            Body::Intervention(intervention) => {
                refs.one(path("site"), &intervention.site, SITE);
                refs.list("agencies", &intervention.agencies, ORGANIZATION);
            }
            Body::Person(person) => {
                if let Some(recruitment) = &person.recruitment {
                    if let Some(ad) = &recruitment.ad {
                        let field = FieldPath {
                            name: "recruitment",
                            index: None,
                            sub: Some("ad"),
                        };
                        refs.one(field, ad, AD);
                    }
                }
                for (i, custody) in person.custody.iter().enumerate() {
                    refs.one(item_path("custody", i, Some("site")), &custody.site, SITE);
                }
            }
            Body::Testimony(testimony) => {
                refs.one(path("person"), &testimony.person, PERSON);
                for (i, finding) in testimony.findings.iter().enumerate() {
                    if let Some(site) = &finding.site {
                        refs.one(item_path("findings", i, Some("site")), site, SITE);
                    }
                }
            }
            Body::Incident(incident) => {
                refs.opt("site", &incident.site, SITE);
                refs.list("victims", &incident.victims, PERSON);
                refs.list("perpetrators", &incident.perpetrators, PERSON_OR_ORG);
                refs.opt("testimony", &incident.testimony, TESTIMONY);
            }
        }
        refs.0
    }
}

impl Record {
    /// This record as a public output writes it, when only the ids `named` accepts
    /// may appear: references to other records are dropped (a source, an operator,
    /// a custody stay, a victim, …), and `None` when a reference the record cannot
    /// do without names one of them (an observation of a site that is not public) or
    /// what is left is no longer a valid v1 record.
    pub fn naming_only(&self, named: &dyn Fn(&str) -> bool) -> Option<Record> {
        let mut record = self.clone();
        let keep = |id: &Id| named(id);
        let opt = |id: &mut Option<Id>| {
            if id.as_ref().is_some_and(|id| !named(id)) {
                *id = None;
            }
        };
        record.sources.retain(keep);
        match &mut record.body {
            Body::Source(_) | Body::Ad(_) | Body::Organization(_) => {}
            Body::Site(site) => site.operators.retain(keep),
            Body::SiteStatus(status) => {
                if !named(&status.site) {
                    return None;
                }
                opt(&mut status.relocated_to);
            }
            Body::Intervention(intervention) => {
                if !named(&intervention.site) {
                    return None;
                }
                intervention.agencies.retain(keep);
            }
            Body::Person(person) => {
                if let Some(recruitment) = &mut person.recruitment {
                    opt(&mut recruitment.ad);
                }
                person.custody.retain(|c| named(&c.site));
            }
            Body::Testimony(testimony) => {
                if !named(&testimony.person) {
                    return None;
                }
                for finding in &mut testimony.findings {
                    opt(&mut finding.site);
                }
            }
            Body::Incident(incident) => {
                opt(&mut incident.site);
                incident.victims.retain(keep);
                incident.perpetrators.retain(keep);
                opt(&mut incident.testimony);
            }
        }
        if record == *self {
            return Some(record);
        }
        // Dropping may leave what the contract refuses (an empty list that must not
        // be): such a record is withheld, not written invalid.
        crate::decode_line(&record.to_line()).ok()
    }
}

struct References<'a>(Vec<Reference<'a>>);

impl<'a> References<'a> {
    fn one(&mut self, field: FieldPath, target: &'a str, expected: &'static [Kind]) {
        self.0.push(Reference {
            field,
            target,
            expected,
        });
    }
    fn opt(&mut self, field: &'static str, target: &'a Option<Id>, expected: &'static [Kind]) {
        if let Some(target) = target {
            self.one(path(field), target, expected);
        }
    }
    fn list(&mut self, field: &'static str, targets: &'a [Id], expected: &'static [Kind]) {
        for (i, target) in targets.iter().enumerate() {
            self.one(item_path(field, i, None), target, expected);
        }
    }
}

fn path(name: &'static str) -> FieldPath {
    FieldPath {
        name,
        index: None,
        sub: None,
    }
}

fn item_path(name: &'static str, index: usize, sub: Option<&'static str>) -> FieldPath {
    FieldPath {
        name,
        index: Some(index),
        sub,
    }
}
