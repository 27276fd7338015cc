//! The report figures of FORMAT.md ("Report"), computed once into [`Figures`] so the
//! JSON report and the Markdown and HTML renderers all show the same numbers.
//!
//! Every figure is a [`Figure`]: a count and the sorted ids of the records that
//! make it up (the counted sites, persons or incidents, so `ids.len() == count`,
//! except for `persons.nationalities`, which counts distinct nationalities and
//! lists the persons that have them). Each figure also knows its [`Unit`], which
//! decides small-cell suppression in public reports.
//!
//! [`Figures::entries`] lists every FORMAT.md figure under its dotted path
//! (`interventions.operating_after`, `persons.by_nationality.TH`); [`report_json`]
//! builds the nested JSON object and the `trace` object from that one list.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde_json::{Map, Value};
use zonewatch_model::{IncidentType, Kind, ObservationBasis, PersonRole, SiteCategory};

use crate::dataset::{as_incident, as_person, as_site, as_site_status, as_testimony, Dataset};
use crate::legal::evaluate_at;
use crate::timeline::{latest_status_at, outcome_at, Outcome, SiteOutcome};

/// The default small-cell threshold of a public report: counts 1 to 4 become `<5`.
pub const DEFAULT_THRESHOLD: u64 = 5;

/// What a figure counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Never suppressed.
    Sites,
    /// Suppressed in public reports when small.
    Persons,
    /// Suppressed in public reports when small.
    Incidents,
    /// Distinct nationalities. Not a count of persons, and the keys of
    /// `persons.by_nationality` already show it, so it is never suppressed; its ids
    /// are persons, so it is never traced in a public report.
    Nationalities,
}

impl Unit {
    /// Whether small counts of this unit are suppressed in public reports.
    pub fn is_suppressible(self) -> bool {
        matches!(self, Unit::Persons | Unit::Incidents)
    }
}

/// One figure: a count and the records that make it up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figure<'a> {
    pub unit: Unit,
    pub count: u64,
    /// Sorted bytewise, no duplicates.
    pub ids: Vec<&'a str>,
}

impl<'a> Figure<'a> {
    fn new(unit: Unit) -> Figure<'a> {
        Figure {
            unit,
            count: 0,
            ids: Vec::new(),
        }
    }

    /// Counts one record. Callers add ids in increasing order (they loop over the
    /// dataset's id-sorted lists), which keeps `ids` sorted without a sort.
    fn add(&mut self, id: &'a str) {
        debug_assert!(self
            .ids
            .last()
            .is_none_or(|last| last.as_bytes() < id.as_bytes()));
        self.ids.push(id);
        self.count += 1;
    }

    fn from_set(unit: Unit, ids: BTreeSet<&'a str>) -> Figure<'a> {
        Figure {
            unit,
            count: ids.len() as u64,
            ids: ids.into_iter().collect(),
        }
    }

    /// The value to show: the count, or the suppressed label when `threshold` is
    /// given (a public report) and this is a count of persons or incidents from 1
    /// to `threshold - 1`.
    pub fn cell(&self, threshold: Option<u64>) -> Cell {
        match threshold {
            Some(threshold)
                if self.unit.is_suppressible() && self.count >= 1 && self.count < threshold =>
            {
                Cell::Suppressed { threshold }
            }
            _ => Cell::Count(self.count),
        }
    }
}

/// A figure as shown: an exact count or a suppressed small cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cell {
    Count(u64),
    /// Between 1 and `threshold - 1`; shown as `<{threshold}`.
    Suppressed {
        threshold: u64,
    },
}

impl Cell {
    /// An integer, or the string `"<5"`.
    pub fn to_json(self) -> Value {
        match self {
            Cell::Count(n) => Value::from(n),
            Cell::Suppressed { .. } => Value::String(self.to_string()),
        }
    }
}

impl fmt::Display for Cell {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Cell::Count(n) => write!(f, "{n}"),
            Cell::Suppressed { threshold } => write!(f, "<{threshold}"),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct SiteFigures<'a> {
    pub scam_compounds: Figure<'a>,
    pub suspected_sites: Figure<'a>,
    /// Sites with at least one `site_status` of basis `field_visit`.
    pub visited_scam_compounds: Figure<'a>,
    pub visited_suspected_sites: Figure<'a>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct InterventionFigures<'a> {
    /// Sites (any category) with at least one raid or rescue.
    pub sites_with_intervention: Figure<'a>,
    pub operating_after: Figure<'a>,
    pub not_operating_after: Figure<'a>,
    pub uncertain: Figure<'a>,
    pub unobserved: Figure<'a>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PersonFigures<'a> {
    /// Role survivor or victim and at least one usable testimony.
    pub survivors_interviewed: Figure<'a>,
    pub nationalities: Figure<'a>,
    pub by_nationality: BTreeMap<&'a str, Figure<'a>>,
    pub minors_interviewed: Figure<'a>,
    pub minors_interviewed_reporting_ill_treatment: Figure<'a>,
    /// Role survivor or victim and no usable testimony.
    pub other_victim_records: Figure<'a>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct IncidentFigures<'a> {
    /// Incident type -> incidents (types with none are absent).
    pub by_type: BTreeMap<&'static str, Figure<'a>>,
    /// Persons who are victims of an incident of type `death`.
    pub deaths: Figure<'a>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RecruitmentFigures<'a> {
    /// Channel -> persons of any role (channels with none are absent).
    pub by_channel: BTreeMap<&'static str, Figure<'a>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LegalFigures<'a> {
    pub trafficking: Figure<'a>,
    pub forced_labour: Figure<'a>,
    pub slavery_indicated: Figure<'a>,
    pub child_trafficking: Figure<'a>,
}

/// Every report figure, computed in one pass over the dataset.
#[derive(Clone, Debug, PartialEq)]
pub struct Figures<'a> {
    pub sites: SiteFigures<'a>,
    pub interventions: InterventionFigures<'a>,
    pub persons: PersonFigures<'a>,
    pub incidents: IncidentFigures<'a>,
    pub recruitment: RecruitmentFigures<'a>,
    pub legal: LegalFigures<'a>,
    /// The outcome at each site with a raid or rescue, sorted by site id: the detail
    /// behind `interventions.*`, for tables and the raids-against-operation chart.
    pub outcomes: Vec<SiteOutcome<'a>>,
    /// Not a FORMAT.md figure (so not in the JSON report): sites by latest status
    /// (`operating`, `closed`, ..., `uncertain`, `unobserved`; see
    /// [`crate::LatestStatus`]), for the charts of the Markdown and HTML reports.
    pub sites_by_latest_status: BTreeMap<&'static str, Figure<'a>>,
    /// The sites marked `public`: the only ones a public output names or traces.
    pub public_sites: std::collections::BTreeSet<&'a str>,
}

impl Figures<'_> {
    /// Whether a public output may name the site `id`: only records marked
    /// `public` are named, placed or traced there; the others are only counted.
    pub fn publicly_named(&self, id: &str) -> bool {
        self.public_sites.contains(id)
    }

    /// The ids a trace lists for `figure`: every id in an internal report; in a
    /// public one (`public`), only for figures counting sites, and of those only
    /// the sites marked `public`, so it names no person, reveals no suppressed
    /// count, and leaves internal and restricted sites unnamed.
    pub fn trace_ids<'f>(&self, figure: &'f Figure<'_>, public: bool) -> Vec<&'f str> {
        if !public {
            return figure.ids.to_vec();
        }
        if figure.unit != Unit::Sites {
            return Vec::new();
        }
        figure
            .ids
            .iter()
            .copied()
            .filter(|id| self.publicly_named(id))
            .collect()
    }
}

impl<'a> Figures<'a> {
    /// Computes every figure. The result depends only on the set of records.
    pub fn compute(dataset: &'a Dataset) -> Figures<'a> {
        let mut figures = Figures {
            public_sites: dataset
                .sites()
                .filter(|(r, _)| r.sensitivity == zonewatch_model::Sensitivity::Public)
                .map(|(r, _)| r.id.as_str())
                .collect(),
            sites: SiteFigures {
                scam_compounds: Figure::new(Unit::Sites),
                suspected_sites: Figure::new(Unit::Sites),
                visited_scam_compounds: Figure::new(Unit::Sites),
                visited_suspected_sites: Figure::new(Unit::Sites),
            },
            interventions: InterventionFigures {
                sites_with_intervention: Figure::new(Unit::Sites),
                operating_after: Figure::new(Unit::Sites),
                not_operating_after: Figure::new(Unit::Sites),
                uncertain: Figure::new(Unit::Sites),
                unobserved: Figure::new(Unit::Sites),
            },
            persons: PersonFigures {
                survivors_interviewed: Figure::new(Unit::Persons),
                nationalities: Figure::new(Unit::Nationalities),
                by_nationality: BTreeMap::new(),
                minors_interviewed: Figure::new(Unit::Persons),
                minors_interviewed_reporting_ill_treatment: Figure::new(Unit::Persons),
                other_victim_records: Figure::new(Unit::Persons),
            },
            incidents: IncidentFigures {
                by_type: BTreeMap::new(),
                deaths: Figure::new(Unit::Persons),
            },
            recruitment: RecruitmentFigures {
                by_channel: BTreeMap::new(),
            },
            legal: LegalFigures {
                trafficking: Figure::new(Unit::Persons),
                forced_labour: Figure::new(Unit::Persons),
                slavery_indicated: Figure::new(Unit::Persons),
                child_trafficking: Figure::new(Unit::Persons),
            },
            outcomes: Vec::new(),
            sites_by_latest_status: BTreeMap::new(),
        };
        figures.count_sites(dataset);
        figures.count_persons(dataset);
        figures.count_incidents(dataset);
        figures
    }

    fn count_sites(&mut self, dataset: &'a Dataset) {
        for &pos in dataset.positions_of_kind(Kind::Site) {
            let record = dataset.record_at(pos);
            let Some(site) = as_site(&record.body) else {
                continue;
            };
            let id = record.id.as_str();
            let visited = dataset
                .typed(dataset.statuses_at(pos), as_site_status)
                .any(|(_, status)| status.basis == ObservationBasis::FieldVisit);
            let s = &mut self.sites;
            let (all, seen) = match site.category {
                SiteCategory::ScamCompound => {
                    (&mut s.scam_compounds, &mut s.visited_scam_compounds)
                }
                SiteCategory::SuspectedSite => {
                    (&mut s.suspected_sites, &mut s.visited_suspected_sites)
                }
            };
            all.add(id);
            if visited {
                seen.add(id);
            }

            if let Some(outcome) = outcome_at(dataset, pos) {
                let i = &mut self.interventions;
                i.sites_with_intervention.add(id);
                match outcome.outcome {
                    Outcome::OperatingAfter => i.operating_after.add(id),
                    Outcome::NotOperatingAfter => i.not_operating_after.add(id),
                    Outcome::Uncertain(_) => i.uncertain.add(id),
                    Outcome::Unobserved => i.unobserved.add(id),
                }
                self.outcomes.push(outcome);
            }

            self.sites_by_latest_status
                .entry(latest_status_at(dataset, pos).as_str())
                .or_insert_with(|| Figure::new(Unit::Sites))
                .add(id);
        }
    }

    fn count_persons(&mut self, dataset: &'a Dataset) {
        let mut nationalities: BTreeSet<&str> = BTreeSet::new();
        for &pos in dataset.positions_of_kind(Kind::Person) {
            let record = dataset.record_at(pos);
            let Some(person) = as_person(&record.body) else {
                continue;
            };
            let id = record.id.as_str();
            let p = &mut self.persons;
            let victim =
                person.has_role(PersonRole::Survivor) || person.has_role(PersonRole::Victim);
            let usable: Vec<_> = dataset
                .typed(dataset.testimonies_at(pos), as_testimony)
                .filter(|(_, t)| t.is_usable())
                .collect();
            if victim && usable.is_empty() {
                p.other_victim_records.add(id);
            }
            if victim && !usable.is_empty() {
                p.survivors_interviewed.add(id);
                if let Some(nationality) = person.nationality.as_deref() {
                    nationalities.insert(nationality);
                    p.nationalities.ids.push(id);
                    p.by_nationality
                        .entry(nationality)
                        .or_insert_with(|| Figure::new(Unit::Persons))
                        .add(id);
                }
                if person.is_minor() {
                    p.minors_interviewed.add(id);
                    let in_testimony = usable.iter().any(|(_, t)| {
                        t.findings.iter().any(|f| {
                            f.code == zonewatch_model::FindingCode::IloPhysicalSexualViolence
                        })
                    });
                    let in_incident = dataset
                        .typed(dataset.incidents_at(pos), as_incident)
                        .any(|(_, incident)| is_ill_treatment(incident.incident_type));
                    if in_testimony || in_incident {
                        p.minors_interviewed_reporting_ill_treatment.add(id);
                    }
                }
            }

            if let Some(channel) = person.recruitment.as_ref().and_then(|r| r.channel) {
                self.recruitment
                    .by_channel
                    .entry(channel.as_str())
                    .or_insert_with(|| Figure::new(Unit::Persons))
                    .add(id);
            }

            let eval = evaluate_at(dataset, pos, person);
            let l = &mut self.legal;
            for (met, figure) in [
                (eval.trafficking, &mut l.trafficking),
                (eval.forced_labour, &mut l.forced_labour),
                (eval.slavery, &mut l.slavery_indicated),
                (eval.child_trafficking, &mut l.child_trafficking),
            ] {
                if met {
                    figure.add(id);
                }
            }
        }
        self.persons.nationalities.count = nationalities.len() as u64;
    }

    fn count_incidents(&mut self, dataset: &'a Dataset) {
        let mut deaths: BTreeSet<&str> = BTreeSet::new();
        for (record, incident) in
            dataset.typed(dataset.positions_of_kind(Kind::Incident), as_incident)
        {
            self.incidents
                .by_type
                .entry(incident.incident_type.as_str())
                .or_insert_with(|| Figure::new(Unit::Incidents))
                .add(&record.id);
            if incident.incident_type == IncidentType::Death {
                deaths.extend(
                    incident
                        .victims
                        .iter()
                        .filter(|victim| dataset.position_of(victim, Kind::Person).is_some())
                        .map(String::as_str),
                );
            }
        }
        self.incidents.deaths = Figure::from_set(Unit::Persons, deaths);
    }

    /// Every FORMAT.md figure under its dotted path, sorted by path. Breakdowns list
    /// only their non-zero entries.
    pub fn entries(&self) -> Vec<(String, &Figure<'a>)> {
        let mut entries: Vec<(String, &Figure<'a>)> = Vec::new();
        let mut add = |path: &str, figure| entries.push((path.to_owned(), figure));
        let s = &self.sites;
        add("sites.scam_compounds", &s.scam_compounds);
        add("sites.suspected_sites", &s.suspected_sites);
        add("sites.visited.scam_compounds", &s.visited_scam_compounds);
        add("sites.visited.suspected_sites", &s.visited_suspected_sites);
        let i = &self.interventions;
        add(
            "interventions.sites_with_intervention",
            &i.sites_with_intervention,
        );
        add("interventions.operating_after", &i.operating_after);
        add("interventions.not_operating_after", &i.not_operating_after);
        add("interventions.uncertain", &i.uncertain);
        add("interventions.unobserved", &i.unobserved);
        let p = &self.persons;
        add("persons.survivors_interviewed", &p.survivors_interviewed);
        add("persons.nationalities", &p.nationalities);
        add("persons.minors_interviewed", &p.minors_interviewed);
        add(
            "persons.minors_interviewed_reporting_ill_treatment",
            &p.minors_interviewed_reporting_ill_treatment,
        );
        add("persons.other_victim_records", &p.other_victim_records);
        add("incidents.deaths", &self.incidents.deaths);
        let l = &self.legal;
        add("legal.trafficking", &l.trafficking);
        add("legal.forced_labour", &l.forced_labour);
        add("legal.slavery_indicated", &l.slavery_indicated);
        add("legal.child_trafficking", &l.child_trafficking);
        for (nationality, figure) in &p.by_nationality {
            add(&format!("persons.by_nationality.{nationality}"), figure);
        }
        for (kind, figure) in &self.incidents.by_type {
            add(&format!("incidents.by_type.{kind}"), figure);
        }
        for (channel, figure) in &self.recruitment.by_channel {
            add(&format!("recruitment.by_channel.{channel}"), figure);
        }
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        entries
    }
}

/// Incident types that count as ill-treatment for
/// `persons.minors_interviewed_reporting_ill_treatment` (FORMAT.md).
pub fn is_ill_treatment(incident_type: IncidentType) -> bool {
    matches!(
        incident_type,
        IncidentType::Torture
            | IncidentType::Beating
            | IncidentType::ElectricShock
            | IncidentType::SexualViolence
    )
}

/// Options of `zonewatch report`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReportOptions {
    /// `Some(threshold)` for a public report: counts of persons or incidents from 1
    /// to `threshold - 1` become the string `"<{threshold}"`. Site counts are never
    /// suppressed. [`DEFAULT_THRESHOLD`] is 5.
    pub public: Option<u64>,
    /// Add a top-level `trace` object: dotted figure path -> sorted record ids.
    /// In a public report the trace keeps only figures counting sites, and of those
    /// only the ids of sites marked `public` (see [`Figures::trace_ids`]).
    pub trace: bool,
}

/// The FORMAT.md report object (keys sorted at every level, counts as integers).
pub fn report_json(figures: &Figures<'_>, options: &ReportOptions) -> Value {
    let mut tree = Node::default();
    let mut trace: BTreeMap<String, Value> = BTreeMap::new();
    // Breakdown objects exist even when empty (`"by_type": {}`).
    for path in [
        "persons.by_nationality",
        "incidents.by_type",
        "recruitment.by_channel",
    ] {
        tree.branch(path);
    }
    for (path, figure) in figures.entries() {
        tree.insert(&path, figure.cell(options.public).to_json());
        let traced = options.public.is_none() || figure.unit == Unit::Sites;
        if options.trace && traced {
            let ids = figures.trace_ids(figure, options.public.is_some());
            trace.insert(path, Value::from(ids));
        }
    }
    let mut report = tree.into_map();
    if options.trace {
        report.insert("trace".into(), Value::Object(trace.into_iter().collect()));
    }
    Value::Object(report)
}

/// Shorthand: compute the figures and build the report object.
pub fn report(dataset: &Dataset, options: &ReportOptions) -> Value {
    report_json(&Figures::compute(dataset), options)
}

/// A tree of nested objects, built from dotted paths and turned into JSON with
/// keys inserted in sorted order (so the output does not depend on whether
/// serde_json preserves insertion order).
#[derive(Default)]
struct Node {
    children: BTreeMap<String, Node>,
    value: Option<Value>,
}

impl Node {
    fn branch(&mut self, path: &str) -> &mut Node {
        path.split('.').fold(self, |node, key| {
            node.children.entry(key.to_owned()).or_default()
        })
    }

    fn insert(&mut self, path: &str, value: Value) {
        self.branch(path).value = Some(value);
    }

    fn into_map(self) -> Map<String, Value> {
        let mut map = Map::new();
        for (key, node) in self.children {
            let value = match node.value {
                Some(value) => value,
                None => Value::Object(node.into_map()),
            };
            map.insert(key, value);
        }
        map
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::dataset;
    use serde_json::json;

    fn person(id: &str, extra: &str) -> String {
        format!(r#"{{"kind":"person","id":"{id}","alias":"A","roles":["survivor"]{extra}}}"#)
    }

    fn testimony(id: &str, person: &str, consent: &str, codes: &[&str]) -> String {
        let findings: Vec<String> = codes
            .iter()
            .map(|c| format!(r#"{{"code":"{c}"}}"#))
            .collect();
        format!(
            r#"{{"kind":"testimony","id":"{id}","person":"{person}","date":"2024","consent":"{consent}","findings":[{}]}}"#,
            findings.join(",")
        )
    }

    fn incident(id: &str, kind: &str, victims: &[&str]) -> String {
        let victims: Vec<String> = victims.iter().map(|v| format!("\"{v}\"")).collect();
        format!(
            r#"{{"kind":"incident","id":"{id}","type":"{kind}","victims":[{}]}}"#,
            victims.join(",")
        )
    }

    #[test]
    fn empty_dataset_gives_zeros_and_empty_breakdowns() {
        let ds = dataset::<&str>(&[]);
        assert_eq!(
            report(&ds, &ReportOptions::default()),
            json!({
                "incidents": {"by_type": {}, "deaths": 0},
                "interventions": {"not_operating_after": 0, "operating_after": 0,
                    "sites_with_intervention": 0, "uncertain": 0, "unobserved": 0},
                "legal": {"child_trafficking": 0, "forced_labour": 0,
                    "slavery_indicated": 0, "trafficking": 0},
                "persons": {"by_nationality": {}, "minors_interviewed": 0,
                    "minors_interviewed_reporting_ill_treatment": 0, "nationalities": 0,
                    "other_victim_records": 0, "survivors_interviewed": 0},
                "recruitment": {"by_channel": {}},
                "sites": {"scam_compounds": 0, "suspected_sites": 0,
                    "visited": {"scam_compounds": 0, "suspected_sites": 0}}
            })
        );
    }

    #[test]
    fn withdrawn_testimony_makes_an_other_victim_record_but_its_incidents_count() {
        let ds = dataset(&[
            person("p", r#","age_at_entry":16,"nationality":"ID""#),
            testimony("t", "p", "withdrawn", &["ilo.physical_sexual_violence"]),
            r#"{"kind":"incident","id":"i","type":"beating","victims":["p"],"testimony":"t"}"#
                .to_owned(),
        ]);
        let figures = Figures::compute(&ds);
        assert_eq!(figures.persons.survivors_interviewed.count, 0);
        assert_eq!(figures.persons.other_victim_records.ids, ["p"]);
        assert_eq!(figures.persons.minors_interviewed.count, 0);
        assert!(figures.persons.by_nationality.is_empty());
        assert_eq!(figures.incidents.by_type["beating"].ids, ["i"]);

        // A usable testimony next to the withdrawn one: interviewed, and the incident
        // linked to the withdrawn testimony still reports ill-treatment.
        let ds = dataset(&[
            person("p", r#","age_at_entry":16,"nationality":"ID""#),
            testimony("t", "p", "withdrawn", &[]),
            testimony("t2", "p", "internal_only", &[]),
            r#"{"kind":"incident","id":"i","type":"beating","victims":["p"],"testimony":"t"}"#
                .to_owned(),
        ]);
        let figures = Figures::compute(&ds);
        assert_eq!(figures.persons.survivors_interviewed.ids, ["p"]);
        assert_eq!(
            figures
                .persons
                .minors_interviewed_reporting_ill_treatment
                .ids,
            ["p"]
        );
    }

    #[test]
    fn ill_treatment_from_a_usable_testimony_code_or_an_incident() {
        let ds = dataset(&[
            person("m-code", r#","age_at_entry":17"#),
            testimony(
                "t1",
                "m-code",
                "public_use",
                &["ilo.physical_sexual_violence"],
            ),
            person("m-inc", r#","age_at_entry":15"#),
            testimony("t2", "m-inc", "public_use", &[]),
            incident("i1", "torture", &["m-inc"]),
            person("m-none", r#","age_at_entry":17"#),
            testimony("t3", "m-none", "public_use", &["ilo.deception"]),
            incident("i2", "threat", &["m-none"]),
            person("m-withdrawn", r#","age_at_entry":17"#),
            testimony(
                "t4",
                "m-withdrawn",
                "withdrawn",
                &["ilo.physical_sexual_violence"],
            ),
            testimony("t5", "m-withdrawn", "public_use", &[]),
            person("adult", r#","age_at_entry":18"#),
            testimony(
                "t6",
                "adult",
                "public_use",
                &["ilo.physical_sexual_violence"],
            ),
        ]);
        let p = Figures::compute(&ds).persons;
        assert_eq!(
            p.minors_interviewed.ids,
            ["m-code", "m-inc", "m-none", "m-withdrawn"]
        );
        assert_eq!(
            p.minors_interviewed_reporting_ill_treatment.ids,
            ["m-code", "m-inc"]
        );
        assert_eq!(p.survivors_interviewed.count, 5);
    }

    #[test]
    fn roles_and_nationalities() {
        let ds = dataset(&[
            r#"{"kind":"person","id":"w","alias":"W","roles":["witness"],"nationality":"TH","recruitment":{"channel":"line"}}"#.to_owned(),
            testimony("tw", "w", "public_use", &[]),
            r#"{"kind":"person","id":"v","alias":"V","roles":["victim","witness"],"nationality":"TH"}"#.to_owned(),
            testimony("tv", "v", "public_use", &[]),
            person("s1", r#","nationality":"VN""#),
            testimony("ts1", "s1", "anonymous_use", &[]),
            person("s2", ""),
            testimony("ts2", "s2", "anonymous_use", &[]),
            person("s3", r#","nationality":"TH","recruitment":{"channel":"line"}"#),
        ]);
        let figures = Figures::compute(&ds);
        let p = &figures.persons;
        assert_eq!(p.survivors_interviewed.ids, ["s1", "s2", "v"]);
        assert_eq!(p.nationalities.count, 2);
        assert_eq!(p.nationalities.ids, ["s1", "v"]);
        assert_eq!(p.by_nationality["TH"].ids, ["v"]);
        assert_eq!(p.by_nationality["VN"].ids, ["s1"]);
        assert_eq!(p.other_victim_records.ids, ["s3"]);
        // Recruitment channels count persons of any role.
        assert_eq!(figures.recruitment.by_channel["line"].ids, ["s3", "w"]);
    }

    #[test]
    fn deaths_count_persons_once() {
        let ds = dataset(&[
            person("a", ""),
            person("b", ""),
            incident("d1", "death", &["a", "b"]),
            incident("d2", "death", &["a"]),
            incident("d3", "death", &[]),
        ]);
        let figures = Figures::compute(&ds);
        assert_eq!(figures.incidents.deaths.ids, ["a", "b"]);
        assert_eq!(figures.incidents.by_type["death"].count, 3);
    }

    #[test]
    fn public_reports_suppress_small_counts_of_persons_and_incidents_only() {
        let mut lines = vec![
            r#"{"kind":"site","id":"s1","name":"S","category":"scam_compound","country":"KH"}"#
                .to_owned(),
            r#"{"kind":"intervention","id":"r","site":"s1","date":"2024","type":"raid"}"#
                .to_owned(),
        ];
        for i in 0..5 {
            lines.push(person(&format!("p{i}"), r#","nationality":"TH""#));
            lines.push(testimony(
                &format!("t{i}"),
                &format!("p{i}"),
                "public_use",
                &[],
            ));
        }
        lines.push(person("q", r#","nationality":"VN""#));
        lines.push(testimony("tq", "q", "public_use", &[]));
        lines.push(incident("i1", "beating", &["q"]));
        let ds = dataset(&lines);
        let public = report(
            &ds,
            &ReportOptions {
                public: Some(DEFAULT_THRESHOLD),
                trace: false,
            },
        );
        assert_eq!(public["sites"]["scam_compounds"], 1);
        assert_eq!(public["interventions"]["unobserved"], 1);
        assert_eq!(public["persons"]["survivors_interviewed"], 6);
        assert_eq!(
            public["persons"]["by_nationality"],
            json!({"TH": 5, "VN": "<5"})
        );
        assert_eq!(public["persons"]["nationalities"], 2);
        assert_eq!(public["incidents"]["by_type"]["beating"], "<5");
        assert_eq!(public["persons"]["minors_interviewed"], 0);
        assert!(public.get("trace").is_none());

        let threshold_10 = report(
            &ds,
            &ReportOptions {
                public: Some(10),
                trace: false,
            },
        );
        assert_eq!(threshold_10["persons"]["survivors_interviewed"], "<10");
        assert_eq!(threshold_10["sites"]["scam_compounds"], 1);
    }

    #[test]
    fn trace_lists_the_records_behind_each_figure() {
        let ds = dataset(&[
            r#"{"kind":"site","id":"s1","name":"S","category":"suspected_site","country":"KH"}"#
                .to_owned(),
            r#"{"kind":"site","id":"s2","name":"S","category":"suspected_site","country":"KH","sensitivity":"public"}"#
                .to_owned(),
            person("p", r#","nationality":"TH""#),
            testimony("t", "p", "public_use", &[]),
            incident("i1", "beating", &["p"]),
        ]);
        let internal = report(
            &ds,
            &ReportOptions {
                public: None,
                trace: true,
            },
        );
        let trace = &internal["trace"];
        assert_eq!(trace["sites.suspected_sites"], json!(["s1", "s2"]));
        assert_eq!(trace["sites.scam_compounds"], json!([]));
        assert_eq!(trace["persons.by_nationality.TH"], json!(["p"]));
        assert_eq!(trace["incidents.by_type.beating"], json!(["i1"]));
        assert_eq!(trace["persons.survivors_interviewed"], json!(["p"]));
        // Every figure in the report has a trace entry, and only those.
        let figures = Figures::compute(&ds);
        let paths: Vec<String> = figures.entries().into_iter().map(|(p, _)| p).collect();
        let traced: Vec<String> = trace.as_object().unwrap().keys().cloned().collect();
        assert_eq!(paths, traced);

        let public = report(
            &ds,
            &ReportOptions {
                public: Some(5),
                trace: true,
            },
        );
        let trace = public["trace"].as_object().unwrap();
        // Only the site marked public is named.
        assert_eq!(trace["sites.suspected_sites"], json!(["s2"]));
        assert!(trace
            .keys()
            .all(|k| k.starts_with("sites.") || k.starts_with("interventions.")));
        assert!(!serde_json::to_string(&public).unwrap().contains("\"p\""));
    }
}
