//! The legal tests of DOMAIN.md — forced labour, slavery indicated, trafficking,
//! child trafficking — for one person, each result naming the facts behind it.
//!
//! A person's *facts* are finding codes, each remembered with the records it came
//! from: the codes in their usable testimonies (consent not withdrawn), plus the
//! codes DOMAIN.md derives from structured records (recruitment, custody, incidents
//! naming them as a victim) and from other codes (`ilo.deception` gives
//! `tip.means.deception`, citing the same records). A withdrawn testimony
//! contributes nothing; an incident that names one counts like any other.
//!
//! The tests only look at which codes are present ([`evaluate`] on a [`CodeSet`]),
//! so the report can count results for a million persons without building the
//! cited lists; [`assess`] builds the full [`Assessment`] from the same evaluation.
//!
//! A test is `met` or `not_established`, never "false": absence of a fact is not
//! evidence that it did not happen. The result is `met` exactly when no element is
//! missing.

use std::fmt::Write as _;

use zonewatch_i18n::{Locale, Tr};
use zonewatch_model::{FindingCode, IncidentType, Kind, Person, Record};

use crate::dataset::{as_incident, as_person, as_testimony, Dataset};

// ---------------------------------------------------------------------------
// Code sets

const CODE_COUNT: usize = FindingCode::ALL.len();
const _: () = assert!(CODE_COUNT <= 64, "CodeSet is a u64 bitmask");

fn index(code: FindingCode) -> usize {
    code as usize
}

/// A set of finding codes (a bitmask over [`FindingCode`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct CodeSet(u64);

impl CodeSet {
    pub const EMPTY: CodeSet = CodeSet(0);

    pub const fn of(codes: &[FindingCode]) -> CodeSet {
        let mut bits = 0;
        let mut i = 0;
        while i < codes.len() {
            bits |= 1 << (codes[i] as u32);
            i += 1;
        }
        CodeSet(bits)
    }

    pub fn insert(&mut self, code: FindingCode) {
        self.0 |= 1 << index(code);
    }

    pub fn contains(self, code: FindingCode) -> bool {
        self.0 & (1 << index(code)) != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    pub fn intersection(self, other: CodeSet) -> CodeSet {
        CodeSet(self.0 & other.0)
    }

    pub fn union(self, other: CodeSet) -> CodeSet {
        CodeSet(self.0 | other.0)
    }

    pub fn difference(self, other: CodeSet) -> CodeSet {
        CodeSet(self.0 & !other.0)
    }

    /// The codes, in the order DOMAIN.md lists them.
    pub fn iter(self) -> impl Iterator<Item = FindingCode> {
        FindingCode::ALL
            .iter()
            .copied()
            .filter(move |&code| self.contains(code))
    }
}

use FindingCode as C;

/// Forced labour, involuntariness (DOMAIN.md).
pub const INVOLUNTARINESS: CodeSet = CodeSet::of(&[
    C::IloDeception,
    C::IloRestrictionOfMovement,
    C::IloAbusiveConditions,
    C::IloExcessiveOvertime,
    C::IloIsolation,
]);

/// Forced labour, coercion (menace of penalty) (DOMAIN.md).
pub const COERCION: CodeSet = CodeSet::of(&[
    C::IloPhysicalSexualViolence,
    C::IloIntimidationThreats,
    C::IloRetentionOfDocuments,
    C::IloWithholdingOfWages,
    C::IloDebtBondage,
    C::IloRestrictionOfMovement,
    C::IloIsolation,
    C::IloAbuseOfVulnerability,
]);

pub const SLAVERY: CodeSet = CodeSet::of(&[
    C::SlaverySale,
    C::SlaveryOwnershipClaim,
    C::SlaveryControlAsPossession,
]);

pub const ACT: CodeSet = CodeSet::of(&[
    C::TipActRecruitment,
    C::TipActTransportation,
    C::TipActTransfer,
    C::TipActHarbouring,
    C::TipActReceipt,
]);

pub const MEANS: CodeSet = CodeSet::of(&[
    C::TipMeansThreat,
    C::TipMeansForce,
    C::TipMeansCoercion,
    C::TipMeansAbduction,
    C::TipMeansFraud,
    C::TipMeansDeception,
    C::TipMeansAbuseOfPower,
    C::TipMeansAbuseOfVulnerability,
    C::TipMeansPaymentToController,
]);

pub const PURPOSE: CodeSet = CodeSet::of(&[
    C::TipPurposeSexualExploitation,
    C::TipPurposeForcedLabour,
    C::TipPurposeSlavery,
    C::TipPurposeServitude,
    C::TipPurposeOrganRemoval,
    C::TipPurposeForcedCriminality,
]);

/// What `from` cites for a purpose met through the forced-labour test (FORMAT.md).
pub const VIA_FORCED_LABOUR: &str = "forced_labour";
/// What `from` cites for a purpose met through slavery being indicated (FORMAT.md).
pub const VIA_SLAVERY: &str = "slavery";

// ---------------------------------------------------------------------------
// Facts

/// The codes DOMAIN.md derives from being the victim of an incident of this type.
pub fn codes_from_incident(incident_type: IncidentType) -> &'static [FindingCode] {
    match incident_type {
        IncidentType::SaleOrTransfer => &[C::TipActTransfer, C::SlaverySale],
        IncidentType::Torture
        | IncidentType::Beating
        | IncidentType::ElectricShock
        | IncidentType::SexualViolence => &[C::IloPhysicalSexualViolence, C::TipMeansForce],
        IncidentType::Threat => &[C::IloIntimidationThreats, C::TipMeansThreat],
        IncidentType::Confinement => &[C::IloRestrictionOfMovement, C::TipMeansCoercion],
        IncidentType::DocumentConfiscation => &[C::IloRetentionOfDocuments],
        IncidentType::DebtBondage => &[C::IloDebtBondage],
        IncidentType::WithheldWages => &[C::IloWithholdingOfWages],
        IncidentType::ForcedCriminality => &[C::TipPurposeForcedCriminality],
        IncidentType::Death | IncidentType::ChildLabour | IncidentType::Other => &[],
    }
}

/// The code DOMAIN.md derives from another code, if any.
pub fn code_from_code(code: FindingCode) -> Option<FindingCode> {
    match code {
        C::IloDeception => Some(C::TipMeansDeception),
        C::IloAbuseOfVulnerability => Some(C::TipMeansAbuseOfVulnerability),
        _ => None,
    }
}

/// Calls `add(code, record id)` for every fact of the person at `pos`, derived
/// codes included (a code derived from a code cites the same record).
fn for_each_fact<'a>(
    dataset: &'a Dataset,
    pos: usize,
    person: &'a Person,
    mut add: impl FnMut(FindingCode, &'a str),
) {
    let mut add = |code: FindingCode, id: &'a str| {
        add(code, id);
        if let Some(derived) = code_from_code(code) {
            add(derived, id);
        }
    };
    let id = dataset.record_at(pos).id.as_str();
    if person.recruitment.is_some() {
        add(C::TipActRecruitment, id);
    }
    if !person.custody.is_empty() {
        add(C::TipActHarbouring, id);
    }
    for (record, testimony) in dataset.typed(dataset.testimonies_at(pos), as_testimony) {
        if testimony.is_usable() {
            for finding in &testimony.findings {
                add(finding.code, &record.id);
            }
        }
    }
    for (record, incident) in dataset.typed(dataset.incidents_at(pos), as_incident) {
        for &code in codes_from_incident(incident.incident_type) {
            add(code, &record.id);
        }
    }
}

/// A person's facts: each present code with the ids of the records it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Facts<'a> {
    present: CodeSet,
    from: [Vec<&'a str>; CODE_COUNT],
}

impl<'a> Facts<'a> {
    pub fn present(&self) -> CodeSet {
        self.present
    }

    /// The records a code came from, sorted bytewise; empty when absent.
    pub fn from(&self, code: FindingCode) -> &[&'a str] {
        &self.from[index(code)]
    }
}

/// The facts of a person, or `None` when `person` is not a person record.
pub fn person_facts<'a>(dataset: &'a Dataset, person: &str) -> Option<Facts<'a>> {
    let pos = dataset.position_of(person, Kind::Person)?;
    facts_at(dataset, pos)
}

fn facts_at(dataset: &Dataset, pos: usize) -> Option<Facts<'_>> {
    let person = as_person(&dataset.record_at(pos).body)?;
    let mut facts = Facts {
        present: CodeSet::EMPTY,
        from: std::array::from_fn(|_| Vec::new()),
    };
    for_each_fact(dataset, pos, person, |code, id| {
        facts.present.insert(code);
        facts.from[index(code)].push(id);
    });
    for ids in &mut facts.from {
        ids.sort_unstable_by(|a, b| a.as_bytes().cmp(b.as_bytes()));
        ids.dedup();
    }
    Some(facts)
}

fn present_codes_at(dataset: &Dataset, pos: usize, person: &Person) -> CodeSet {
    let mut present = CodeSet::EMPTY;
    for_each_fact(dataset, pos, person, |code, _| present.insert(code));
    present
}

// ---------------------------------------------------------------------------
// The tests, on present codes

/// Which codes serve each element, and the results (DOMAIN.md "The tests").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Evaluation {
    pub minor: bool,
    /// Forced labour: the two sets never share a code.
    pub involuntariness: CodeSet,
    pub coercion: CodeSet,
    pub forced_labour: bool,
    /// Slavery: the `slavery.*` codes present.
    pub indicators: CodeSet,
    pub slavery: bool,
    pub act: CodeSet,
    pub means: CodeSet,
    /// Includes `tip.purpose.forced_labour` when forced labour is met and
    /// `tip.purpose.slavery` when slavery is indicated.
    pub purpose: CodeSet,
    pub trafficking: bool,
    pub child_trafficking: bool,
}

/// Splits the forced-labour indicators present between the two elements so that
/// no code serves both. `ilo.restriction_of_movement` and `ilo.isolation` may serve
/// either: each first fills an element that would otherwise be empty
/// (involuntariness first), and any left over is listed under involuntariness. So
/// the test is met exactly when two *different* codes can serve the two elements
/// (e.g. restriction of movement and isolation together), and never on one code.
pub fn forced_labour_elements(present: CodeSet) -> (CodeSet, CodeSet) {
    let candidates_i = present.intersection(INVOLUNTARINESS);
    let candidates_c = present.intersection(COERCION);
    let either = candidates_i.intersection(candidates_c);
    let mut involuntariness = candidates_i.difference(either);
    let mut coercion = candidates_c.difference(either);
    let mut either = either.iter();
    if involuntariness.is_empty() {
        if let Some(code) = either.next() {
            involuntariness.insert(code);
        }
    }
    if coercion.is_empty() {
        if let Some(code) = either.next() {
            coercion.insert(code);
        }
    }
    for code in either {
        involuntariness.insert(code);
    }
    (involuntariness, coercion)
}

/// The tests of DOMAIN.md on a set of present codes.
pub fn evaluate(present: CodeSet, minor: bool) -> Evaluation {
    let (involuntariness, coercion) = forced_labour_elements(present);
    let forced_labour = !involuntariness.is_empty() && !coercion.is_empty();
    let indicators = present.intersection(SLAVERY);
    let slavery = !indicators.is_empty();
    let act = present.intersection(ACT);
    let means = present.intersection(MEANS);
    let mut purpose = present.intersection(PURPOSE);
    if forced_labour {
        purpose.insert(C::TipPurposeForcedLabour);
    }
    if slavery {
        purpose.insert(C::TipPurposeSlavery);
    }
    // Means are not required for a minor.
    let trafficking = !act.is_empty() && (minor || !means.is_empty()) && !purpose.is_empty();
    Evaluation {
        minor,
        involuntariness,
        coercion,
        forced_labour,
        indicators,
        slavery,
        act,
        means,
        purpose,
        trafficking,
        child_trafficking: trafficking && minor,
    }
}

/// The evaluation for the person at `pos`, without the cited records (for counting).
pub(crate) fn evaluate_at(dataset: &Dataset, pos: usize, person: &Person) -> Evaluation {
    evaluate(present_codes_at(dataset, pos, person), person.is_minor())
}

// ---------------------------------------------------------------------------
// Assessments

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TestResult {
    Met,
    NotEstablished,
}

impl TestResult {
    pub fn from_met(met: bool) -> TestResult {
        if met {
            TestResult::Met
        } else {
            TestResult::NotEstablished
        }
    }

    pub fn is_met(self) -> bool {
        self == TestResult::Met
    }

    pub fn as_str(self) -> &'static str {
        match self {
            TestResult::Met => "met",
            TestResult::NotEstablished => "not_established",
        }
    }
}

/// One code supporting an element, and what it came from: record ids, or
/// [`VIA_FORCED_LABOUR`] / [`VIA_SLAVERY`] for a purpose met through those tests.
#[derive(Clone, Debug, PartialEq)]
pub struct Support<'a> {
    pub code: FindingCode,
    /// Sorted bytewise.
    pub from: Vec<&'a str>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Element<'a> {
    /// `involuntariness`, `coercion`, `indicators`, `act`, `means`, `purpose`.
    pub name: &'static str,
    /// Sorted by code (bytewise).
    pub support: Vec<Support<'a>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Test<'a> {
    pub result: TestResult,
    pub elements: Vec<Element<'a>>,
    /// Names of the elements without support, in element order. For trafficking,
    /// `means` is never missing for a minor.
    pub missing: Vec<&'static str>,
}

impl Test<'_> {
    pub fn element(&self, name: &str) -> Option<&Element<'_>> {
        self.elements.iter().find(|e| e.name == name)
    }
}

/// The assessment of one person (FORMAT.md "Assessments").
#[derive(Clone, Debug, PartialEq)]
pub struct Assessment<'a> {
    pub person: &'a str,
    /// `age_at_entry` < 18.
    pub minor: bool,
    pub forced_labour: Test<'a>,
    pub slavery: Test<'a>,
    pub trafficking: Test<'a>,
    pub child_trafficking: TestResult,
}

/// The assessment of one person, or `None` when `person` is not a person record.
pub fn assess<'a>(dataset: &'a Dataset, person: &str) -> Option<Assessment<'a>> {
    let pos = dataset.position_of(person, Kind::Person)?;
    assess_at(dataset, pos)
}

/// The assessments of every person (any role), sorted by person id.
pub fn assess_all(dataset: &Dataset) -> Vec<Assessment<'_>> {
    dataset
        .positions_of_kind(Kind::Person)
        .iter()
        .filter_map(|&pos| assess_at(dataset, pos))
        .collect()
}

fn assess_at(dataset: &Dataset, pos: usize) -> Option<Assessment<'_>> {
    let record = dataset.record_at(pos);
    let person = as_person(&record.body)?;
    let facts = facts_at(dataset, pos)?;
    let eval = evaluate(facts.present, person.is_minor());

    let support = |codes: CodeSet| -> Vec<Support<'_>> {
        let mut list: Vec<Support<'_>> = codes
            .iter()
            .map(|code| {
                let mut from = facts.from(code).to_vec();
                if code == C::TipPurposeForcedLabour && eval.forced_labour {
                    from.push(VIA_FORCED_LABOUR);
                }
                if code == C::TipPurposeSlavery && eval.slavery {
                    from.push(VIA_SLAVERY);
                }
                from.sort_unstable_by(|a, b| a.as_bytes().cmp(b.as_bytes()));
                from.dedup();
                Support { code, from }
            })
            .collect();
        list.sort_unstable_by_key(|s| s.code.as_str());
        list
    };
    let test = |elements: Vec<(&'static str, CodeSet, bool)>, met: bool| -> Test<'_> {
        let missing = elements
            .iter()
            .filter(|(_, codes, required)| *required && codes.is_empty())
            .map(|(name, _, _)| *name)
            .collect();
        Test {
            result: TestResult::from_met(met),
            elements: elements
                .into_iter()
                .map(|(name, codes, _)| Element {
                    name,
                    support: support(codes),
                })
                .collect(),
            missing,
        }
    };

    Some(Assessment {
        person: &record.id,
        minor: eval.minor,
        forced_labour: test(
            vec![
                ("involuntariness", eval.involuntariness, true),
                ("coercion", eval.coercion, true),
            ],
            eval.forced_labour,
        ),
        slavery: test(vec![("indicators", eval.indicators, true)], eval.slavery),
        trafficking: test(
            vec![
                ("act", eval.act, true),
                ("means", eval.means, !eval.minor),
                ("purpose", eval.purpose, true),
            ],
            eval.trafficking,
        ),
        child_trafficking: TestResult::from_met(eval.child_trafficking),
    })
}

// ---------------------------------------------------------------------------
// JSON

/// The FORMAT.md JSON array of assessments (keys in sorted order).
pub fn assessments_json(assessments: &[Assessment<'_>]) -> serde_json::Value {
    serde_json::Value::Array(assessments.iter().map(Assessment::to_json).collect())
}

impl Assessment<'_> {
    /// One FORMAT.md assessment object. Keys are inserted in sorted order, so the
    /// output is the same whether or not serde_json preserves insertion order.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::{json, Map, Value};
        let test = |test: &Test<'_>, minor: Option<bool>| -> Value {
            let mut elements = Map::new();
            let mut sorted: Vec<&Element<'_>> = test.elements.iter().collect();
            sorted.sort_by_key(|e| e.name);
            for element in sorted {
                let support = element
                    .support
                    .iter()
                    .map(|s| json!({"code": s.code.as_str(), "from": s.from}))
                    .collect();
                elements.insert(element.name.into(), Value::Array(support));
            }
            let mut object = Map::new();
            object.insert("elements".into(), Value::Object(elements));
            if let Some(minor) = minor {
                object.insert("minor".into(), Value::Bool(minor));
            }
            object.insert("missing".into(), json!(test.missing));
            object.insert("result".into(), json!(test.result.as_str()));
            Value::Object(object)
        };
        let mut object = Map::new();
        object.insert(
            "child_trafficking".into(),
            json!({"result": self.child_trafficking.as_str()}),
        );
        object.insert("forced_labour".into(), test(&self.forced_labour, None));
        object.insert("person".into(), json!(self.person));
        object.insert("slavery".into(), test(&self.slavery, None));
        object.insert(
            "trafficking".into(),
            test(&self.trafficking, Some(self.minor)),
        );
        Value::Object(object)
    }
}

// ---------------------------------------------------------------------------
// Text

/// The disclaimer every text assessment carries (DOMAIN.md).
pub const DISCLAIMER: &str = "This summary is an aid to a human analyst, not a legal \
determination. It reflects only what the records hold: \"not established\" means the \
records do not show it, never that it did not happen.";

/// A plain-language label for a code.
pub fn code_label(code: FindingCode) -> &'static str {
    CODE_LABELS
        .iter()
        .find(|(c, _, _)| *c == code)
        .map_or("", |(_, label, _)| label)
}

/// Each code, its English label, and the message key of its label.
const CODE_LABELS: &[(FindingCode, &str, &str)] = &[
    (
        C::IloAbuseOfVulnerability,
        "abuse of vulnerability",
        "code-ilo_abuse_of_vulnerability",
    ),
    (C::IloDeception, "deception", "code-ilo_deception"),
    (
        C::IloRestrictionOfMovement,
        "restriction of movement",
        "code-ilo_restriction_of_movement",
    ),
    (C::IloIsolation, "isolation", "code-ilo_isolation"),
    (
        C::IloPhysicalSexualViolence,
        "physical or sexual violence",
        "code-ilo_physical_sexual_violence",
    ),
    (
        C::IloIntimidationThreats,
        "intimidation and threats",
        "code-ilo_intimidation_threats",
    ),
    (
        C::IloRetentionOfDocuments,
        "retention of identity documents",
        "code-ilo_retention_of_documents",
    ),
    (
        C::IloWithholdingOfWages,
        "withholding of wages",
        "code-ilo_withholding_of_wages",
    ),
    (C::IloDebtBondage, "debt bondage", "code-ilo_debt_bondage"),
    (
        C::IloAbusiveConditions,
        "abusive working and living conditions",
        "code-ilo_abusive_conditions",
    ),
    (
        C::IloExcessiveOvertime,
        "excessive overtime",
        "code-ilo_excessive_overtime",
    ),
    (
        C::TipActRecruitment,
        "recruitment",
        "code-tip_act_recruitment",
    ),
    (
        C::TipActTransportation,
        "transportation",
        "code-tip_act_transportation",
    ),
    (C::TipActTransfer, "transfer", "code-tip_act_transfer"),
    (C::TipActHarbouring, "harbouring", "code-tip_act_harbouring"),
    (C::TipActReceipt, "receipt", "code-tip_act_receipt"),
    (C::TipMeansThreat, "threat", "code-tip_means_threat"),
    (C::TipMeansForce, "use of force", "code-tip_means_force"),
    (C::TipMeansCoercion, "coercion", "code-tip_means_coercion"),
    (
        C::TipMeansAbduction,
        "abduction",
        "code-tip_means_abduction",
    ),
    (C::TipMeansFraud, "fraud", "code-tip_means_fraud"),
    (
        C::TipMeansDeception,
        "deception",
        "code-tip_means_deception",
    ),
    (
        C::TipMeansAbuseOfPower,
        "abuse of power",
        "code-tip_means_abuse_of_power",
    ),
    (
        C::TipMeansAbuseOfVulnerability,
        "abuse of a position of vulnerability",
        "code-tip_means_abuse_of_vulnerability",
    ),
    (
        C::TipMeansPaymentToController,
        "payments to a person having control",
        "code-tip_means_payment_to_controller",
    ),
    (
        C::TipPurposeSexualExploitation,
        "sexual exploitation",
        "code-tip_purpose_sexual_exploitation",
    ),
    (
        C::TipPurposeForcedLabour,
        "forced labour",
        "code-tip_purpose_forced_labour",
    ),
    (C::TipPurposeSlavery, "slavery", "code-tip_purpose_slavery"),
    (
        C::TipPurposeServitude,
        "servitude",
        "code-tip_purpose_servitude",
    ),
    (
        C::TipPurposeOrganRemoval,
        "removal of organs",
        "code-tip_purpose_organ_removal",
    ),
    (
        C::TipPurposeForcedCriminality,
        "forced criminality",
        "code-tip_purpose_forced_criminality",
    ),
    (
        C::SlaverySale,
        "sale or transfer between operators",
        "code-slavery_sale",
    ),
    (
        C::SlaveryOwnershipClaim,
        "claim of ownership",
        "code-slavery_ownership_claim",
    ),
    (
        C::SlaveryControlAsPossession,
        "control amounting to possession",
        "code-slavery_control_as_possession",
    ),
];

/// A code's label in the interface language.
fn code_label_in(tr: Tr, code: FindingCode) -> String {
    CODE_LABELS
        .iter()
        .find(|(c, _, _)| *c == code)
        .map_or_else(String::new, |(_, _, key)| tr.t(key))
}

fn element_label(tr: Tr, name: &str) -> String {
    let key = match name {
        "involuntariness" => "legal-element-involuntariness",
        "coercion" => "legal-element-coercion",
        "indicators" => "legal-element-indicators",
        "act" => "legal-element-act",
        "means" => "legal-element-means",
        "purpose" => "legal-element-purpose",
        other => return other.to_owned(),
    };
    tr.t(key)
}

/// Where a cited id comes from, in words.
fn describe_source(tr: Tr, dataset: &Dataset, person: &str, code: FindingCode, id: &str) -> String {
    match id {
        VIA_FORCED_LABOUR => return tr.t("legal-via-forced-labour"),
        VIA_SLAVERY => return tr.t("legal-via-slavery"),
        _ => {}
    }
    let Some(record) = dataset.get(id) else {
        return id.to_owned();
    };
    let date = |d: &zonewatch_model::PartialDate| tr.date(d.year, d.month, d.day);
    let value = |v: &str| {
        let key = zonewatch_model::fields::value_label_key(v);
        if tr.is_english() || !tr.has(&key) {
            v.to_owned()
        } else {
            tr.t(&key)
        }
    };
    match &record.body {
        zonewatch_model::Body::Testimony(t) => tr.f(
            "legal-source-testimony",
            &[("id", id.into()), ("date", date(&t.date).into())],
        ),
        zonewatch_model::Body::Incident(i) => match i.date {
            Some(d) => tr.f(
                "legal-source-incident-dated",
                &[
                    ("id", id.into()),
                    ("type", value(i.incident_type.as_str()).into()),
                    ("date", date(&d).into()),
                ],
            ),
            None => tr.f(
                "legal-source-incident",
                &[
                    ("id", id.into()),
                    ("type", value(i.incident_type.as_str()).into()),
                ],
            ),
        },
        zonewatch_model::Body::Person(p) if id == person => match code {
            C::TipActRecruitment => tr.t("legal-source-person-recruitment"),
            C::TipActHarbouring => {
                let sites: Vec<&str> = p.custody.iter().map(|c| c.site.as_str()).collect();
                tr.f(
                    "legal-source-person-custody",
                    &[("sites", sites.join(", ").into())],
                )
            }
            _ => tr.t("legal-source-person"),
        },
        _ => {
            let kind = if tr.is_english() {
                record.kind().to_string()
            } else {
                tr.t(&format!("kind-{}", record.kind().as_str()))
                    .to_lowercase()
            };
            tr.f(
                "legal-source-record",
                &[("kind", kind.into()), ("id", id.into())],
            )
        }
    }
}

/// A caseworker-style summary of one assessment.
pub fn render_assessment_text(dataset: &Dataset, assessment: &Assessment<'_>) -> String {
    render_assessment_text_in(dataset, assessment, Locale::En)
}

/// A caseworker-style summary of one assessment, in `locale`.
pub fn render_assessment_text_in(
    dataset: &Dataset,
    assessment: &Assessment<'_>,
    locale: Locale,
) -> String {
    let tr = Tr::new(locale);
    let mut out = String::new();
    let person = assessment.person;
    let details: Option<(&Record, &Person)> = dataset.person(person);
    match details {
        Some((_, p)) => {
            let _ = writeln!(
                out,
                "{}",
                tr.f(
                    "legal-assessment-for",
                    &[("alias", p.alias.as_str().into()), ("id", person.into())]
                )
            );
            let roles: Vec<String> = p
                .roles
                .iter()
                .map(|r| {
                    if tr.is_english() {
                        r.as_str().to_owned()
                    } else {
                        tr.t(&zonewatch_model::fields::value_label_key(r.as_str()))
                    }
                })
                .collect();
            let mut line = tr.f("legal-roles", &[("roles", roles.join(", ").into())]);
            if let Some(nationality) = &p.nationality {
                line.push(' ');
                line.push_str(&tr.f(
                    "legal-nationality",
                    &[("nationality", nationality.as_str().into())],
                ));
            }
            line.push(' ');
            match p.age_at_entry {
                Some(age) if assessment.minor => {
                    line.push_str(&tr.f("legal-age-minor", &[("age", age.into())]));
                }
                Some(age) => {
                    line.push_str(&tr.f("legal-age", &[("age", age.into())]));
                }
                None => line.push_str(&tr.t("legal-age-unknown")),
            }
            let _ = writeln!(out, "{line}");
        }
        None => {
            let _ = writeln!(
                out,
                "{}",
                tr.f("legal-assessment-for-id", &[("id", person.into())])
            );
        }
    }
    let _ = writeln!(out, "{}", tr.t("legal-disclaimer"));

    let write_test = |out: &mut String, title: &str, test: &Test<'_>, notes: &[String]| {
        let result = match test.result {
            TestResult::Met => tr.t("legal-met"),
            TestResult::NotEstablished => tr.t("legal-not-established"),
        };
        let _ = writeln!(out, "\n{title}: {result}");
        for element in &test.elements {
            let label = element_label(tr, element.name);
            if element.support.is_empty() {
                let state = if test.missing.contains(&element.name) {
                    tr.t("legal-nothing-missing")
                } else {
                    tr.t("legal-nothing-not-required")
                };
                let _ = writeln!(out, "  {label}: {state}");
                continue;
            }
            let _ = writeln!(out, "  {label}:");
            for support in &element.support {
                let sources: Vec<String> = support
                    .from
                    .iter()
                    .map(|id| describe_source(tr, dataset, person, support.code, id))
                    .collect();
                let _ = writeln!(
                    out,
                    "    - {} ({}): {}",
                    code_label_in(tr, support.code),
                    support.code,
                    sources.join("; ")
                );
            }
        }
        for note in notes {
            let _ = writeln!(
                out,
                "  {}",
                tr.f("legal-note", &[("note", note.as_str().into())])
            );
        }
    };

    let mut fl_notes = Vec::new();
    let either = CodeSet::of(&[C::IloRestrictionOfMovement, C::IloIsolation]);
    let used: CodeSet = assessment
        .forced_labour
        .elements
        .iter()
        .flat_map(|e| e.support.iter().map(|s| s.code))
        .fold(CodeSet::EMPTY, |mut set, code| {
            set.insert(code);
            set
        });
    if !assessment.forced_labour.result.is_met() && !used.intersection(either).is_empty() {
        fl_notes.push(tr.t("legal-note-either"));
    }
    write_test(
        &mut out,
        &tr.t("legal-test-forced-labour"),
        &assessment.forced_labour,
        &fl_notes,
    );
    write_test(
        &mut out,
        &tr.t("legal-test-slavery"),
        &assessment.slavery,
        &[],
    );
    let mut tip_notes = Vec::new();
    if assessment.minor {
        tip_notes.push(tr.t("legal-note-minor"));
    }
    write_test(
        &mut out,
        &tr.t("legal-test-trafficking"),
        &assessment.trafficking,
        &tip_notes,
    );
    let child = match (assessment.child_trafficking, assessment.minor) {
        (TestResult::Met, _) => tr.t("legal-child-met"),
        (TestResult::NotEstablished, true) => tr.t("legal-child-not-established-minor"),
        (TestResult::NotEstablished, false) => tr.t("legal-child-not-established"),
    };
    let _ = writeln!(
        out,
        "\n{}",
        tr.f("legal-child", &[("result", child.into())])
    );
    out
}

/// Text summaries of several assessments, separated by a rule.
pub fn render_assessments_text(dataset: &Dataset, assessments: &[Assessment<'_>]) -> String {
    render_assessments_text_in(dataset, assessments, Locale::En)
}

/// Text summaries of several assessments in `locale`, separated by a rule.
pub fn render_assessments_text_in(
    dataset: &Dataset,
    assessments: &[Assessment<'_>],
    locale: Locale,
) -> String {
    let parts: Vec<String> = assessments
        .iter()
        .map(|a| render_assessment_text_in(dataset, a, locale))
        .collect();
    parts.join("\n----------------------------------------\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::dataset;

    fn person(id: &str, extra: &str) -> String {
        format!(r#"{{"kind":"person","id":"{id}","alias":"A {id}","roles":["survivor"]{extra}}}"#)
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

    fn incident(id: &str, kind: &str, victims: &[&str], extra: &str) -> String {
        let victims: Vec<String> = victims.iter().map(|v| format!("\"{v}\"")).collect();
        format!(
            r#"{{"kind":"incident","id":"{id}","type":"{kind}","victims":[{}]{extra}}}"#,
            victims.join(",")
        )
    }

    /// The assessment of `p` given its testimony codes (one usable testimony).
    fn with_codes(extra: &str, codes: &[&str]) -> serde_json::Value {
        let ds = dataset(&[person("p", extra), testimony("t", "p", "public_use", codes)]);
        assess(&ds, "p").unwrap().to_json()
    }

    fn result(json: &serde_json::Value, test: &str) -> String {
        json[test]["result"].as_str().unwrap().to_owned()
    }

    fn codes(json: &serde_json::Value, test: &str, element: &str) -> Vec<String> {
        json[test]["elements"][element]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["code"].as_str().unwrap().to_owned())
            .collect()
    }

    #[test]
    fn a_person_with_no_facts_meets_nothing_and_misses_everything() {
        let ds = dataset(&[person("p", "")]);
        let json = assess(&ds, "p").unwrap().to_json();
        assert_eq!(
            json,
            serde_json::json!({
                "person": "p",
                "forced_labour": {"result": "not_established",
                    "elements": {"involuntariness": [], "coercion": []},
                    "missing": ["involuntariness", "coercion"]},
                "slavery": {"result": "not_established", "elements": {"indicators": []},
                    "missing": ["indicators"]},
                "trafficking": {"result": "not_established",
                    "elements": {"act": [], "means": [], "purpose": []},
                    "missing": ["act", "means", "purpose"], "minor": false},
                "child_trafficking": {"result": "not_established"}
            })
        );
        assert!(assess(&ds, "nobody").is_none());
    }

    #[test]
    fn forced_labour_needs_two_different_codes() {
        // One code that may serve either element never serves both.
        for code in ["ilo.restriction_of_movement", "ilo.isolation"] {
            let json = with_codes("", &[code]);
            assert_eq!(result(&json, "forced_labour"), "not_established", "{code}");
            assert_eq!(codes(&json, "forced_labour", "involuntariness"), [code]);
            assert!(codes(&json, "forced_labour", "coercion").is_empty());
            assert_eq!(
                json["forced_labour"]["missing"],
                serde_json::json!(["coercion"])
            );
        }
        // Restriction of movement and isolation are two different codes: one serves
        // each element.
        let json = with_codes("", &["ilo.isolation", "ilo.restriction_of_movement"]);
        assert_eq!(result(&json, "forced_labour"), "met");
        assert_eq!(
            codes(&json, "forced_labour", "involuntariness"),
            ["ilo.restriction_of_movement"]
        );
        assert_eq!(codes(&json, "forced_labour", "coercion"), ["ilo.isolation"]);
        // An either-way code completes whichever element is empty.
        let json = with_codes("", &["ilo.deception", "ilo.isolation"]);
        assert_eq!(result(&json, "forced_labour"), "met");
        assert_eq!(codes(&json, "forced_labour", "coercion"), ["ilo.isolation"]);
        let json = with_codes("", &["ilo.debt_bondage", "ilo.restriction_of_movement"]);
        assert_eq!(result(&json, "forced_labour"), "met");
        assert_eq!(
            codes(&json, "forced_labour", "involuntariness"),
            ["ilo.restriction_of_movement"]
        );
        // Only one side: not met.
        let json = with_codes("", &["ilo.deception", "ilo.excessive_overtime"]);
        assert_eq!(result(&json, "forced_labour"), "not_established");
        assert_eq!(
            json["forced_labour"]["missing"],
            serde_json::json!(["coercion"])
        );
        let json = with_codes("", &["ilo.debt_bondage", "ilo.abuse_of_vulnerability"]);
        assert_eq!(result(&json, "forced_labour"), "not_established");
        assert_eq!(
            json["forced_labour"]["missing"],
            serde_json::json!(["involuntariness"])
        );
    }

    #[test]
    fn no_code_is_ever_listed_under_both_forced_labour_elements() {
        // Every subset of the eleven indicators.
        let ilo: Vec<FindingCode> = INVOLUNTARINESS.union(COERCION).iter().collect();
        assert_eq!(ilo.len(), 11);
        for mask in 0u32..(1 << ilo.len()) {
            let mut present = CodeSet::EMPTY;
            for (i, &code) in ilo.iter().enumerate() {
                if mask & (1 << i) != 0 {
                    present.insert(code);
                }
            }
            let (i, c) = forced_labour_elements(present);
            assert!(i.intersection(c).is_empty());
            assert_eq!(i.union(c), present, "every indicator present is listed");
            assert!(i.difference(INVOLUNTARINESS).is_empty());
            assert!(c.difference(COERCION).is_empty());
            // Met exactly when two different codes can serve the two elements.
            let possible = present
                .intersection(INVOLUNTARINESS)
                .iter()
                .any(|a| present.intersection(COERCION).iter().any(|b| a != b));
            assert_eq!(evaluate(present, false).forced_labour, possible);
        }
    }

    #[test]
    fn trafficking_needs_act_means_and_purpose() {
        let json = with_codes(
            "",
            &[
                "tip.act.transportation",
                "tip.means.fraud",
                "tip.purpose.servitude",
            ],
        );
        assert_eq!(result(&json, "trafficking"), "met");
        assert_eq!(json["trafficking"]["missing"], serde_json::json!([]));
        let json = with_codes("", &["tip.act.transportation", "tip.purpose.servitude"]);
        assert_eq!(result(&json, "trafficking"), "not_established");
        assert_eq!(json["trafficking"]["missing"], serde_json::json!(["means"]));
        let json = with_codes("", &["tip.means.fraud", "tip.purpose.servitude"]);
        assert_eq!(json["trafficking"]["missing"], serde_json::json!(["act"]));
    }

    #[test]
    fn means_are_not_required_for_a_minor_and_17_is_a_minor_18_is_not() {
        let codes = ["tip.act.transportation", "tip.purpose.servitude"];
        let json = with_codes(r#","age_at_entry":17"#, &codes);
        assert_eq!(result(&json, "trafficking"), "met");
        assert_eq!(json["trafficking"]["minor"], true);
        assert_eq!(json["trafficking"]["missing"], serde_json::json!([]));
        assert_eq!(result(&json, "child_trafficking"), "met");

        let json = with_codes(r#","age_at_entry":18"#, &codes);
        assert_eq!(result(&json, "trafficking"), "not_established");
        assert_eq!(json["trafficking"]["minor"], false);
        assert_eq!(json["trafficking"]["missing"], serde_json::json!(["means"]));
        assert_eq!(result(&json, "child_trafficking"), "not_established");

        // Absent age: not a minor.
        let json = with_codes("", &codes);
        assert_eq!(result(&json, "trafficking"), "not_established");
        assert_eq!(json["trafficking"]["minor"], false);

        // An adult meeting trafficking is not child trafficking.
        let json = with_codes(
            r#","age_at_entry":18"#,
            &[
                "tip.act.transportation",
                "tip.means.fraud",
                "tip.purpose.servitude",
            ],
        );
        assert_eq!(result(&json, "trafficking"), "met");
        assert_eq!(result(&json, "child_trafficking"), "not_established");

        // A minor still needs act and purpose; means found are still listed.
        let json = with_codes(r#","age_at_entry":0"#, &["tip.means.fraud"]);
        assert_eq!(result(&json, "trafficking"), "not_established");
        assert_eq!(
            json["trafficking"]["missing"],
            serde_json::json!(["act", "purpose"])
        );
        assert_eq!(
            json["trafficking"]["elements"]["means"],
            serde_json::json!([{"code": "tip.means.fraud", "from": ["t"]}])
        );
    }

    #[test]
    fn purpose_through_forced_labour_or_slavery_cites_the_test() {
        let json = with_codes(
            "",
            &[
                "tip.act.receipt",
                "tip.means.threat",
                "ilo.deception",
                "ilo.debt_bondage",
                "slavery.ownership_claim",
            ],
        );
        assert_eq!(result(&json, "trafficking"), "met");
        assert_eq!(
            json["trafficking"]["elements"]["purpose"],
            serde_json::json!([
                {"code": "tip.purpose.forced_labour", "from": ["forced_labour"]},
                {"code": "tip.purpose.slavery", "from": ["slavery"]},
            ])
        );
        // A purpose code also written in a testimony cites both.
        let json = with_codes(
            "",
            &[
                "ilo.deception",
                "ilo.debt_bondage",
                "tip.purpose.forced_labour",
            ],
        );
        assert_eq!(
            json["trafficking"]["elements"]["purpose"],
            serde_json::json!([{"code": "tip.purpose.forced_labour", "from": ["forced_labour", "t"]}])
        );
        // Written in a testimony without the test being met: cites the testimony only.
        let json = with_codes("", &["tip.purpose.slavery"]);
        assert_eq!(
            json["trafficking"]["elements"]["purpose"],
            serde_json::json!([{"code": "tip.purpose.slavery", "from": ["t"]}])
        );
        assert_eq!(result(&json, "slavery"), "not_established");
    }

    #[test]
    fn derived_codes_cite_the_same_records_as_their_source() {
        let ds = dataset(&[
            person("p", ""),
            testimony("t1", "p", "public_use", &["ilo.deception"]),
            testimony(
                "t2",
                "p",
                "anonymous_use",
                &["ilo.deception", "ilo.abuse_of_vulnerability"],
            ),
        ]);
        let json = assess(&ds, "p").unwrap().to_json();
        assert_eq!(
            json["trafficking"]["elements"]["means"],
            serde_json::json!([
                {"code": "tip.means.abuse_of_vulnerability", "from": ["t2"]},
                {"code": "tip.means.deception", "from": ["t1", "t2"]},
            ])
        );
        assert_eq!(
            json["forced_labour"]["elements"]["involuntariness"],
            serde_json::json!([{"code": "ilo.deception", "from": ["t1", "t2"]}])
        );
    }

    #[test]
    fn structured_records_give_their_codes() {
        let ds = dataset(&[
            r#"{"kind":"site","id":"s","name":"S","category":"scam_compound","country":"KH"}"#
                .to_owned(),
            person(
                "p",
                r#","recruitment":{"promised_job":"typist"},"custody":[{"site":"s"}]"#,
            ),
            incident("i-sale", "sale_or_transfer", &["p"], ""),
            incident("i-shock", "electric_shock", &["p"], ""),
            incident("i-threat", "threat", &["p"], ""),
            incident("i-conf", "confinement", &["p"], ""),
            incident("i-docs", "document_confiscation", &["p"], ""),
            incident("i-debt", "debt_bondage", &["p"], ""),
            incident("i-wages", "withheld_wages", &["p"], ""),
            incident("i-crim", "forced_criminality", &["p"], ""),
            incident("i-death", "death", &["p"], ""),
            incident("i-other", "other", &["p", "q"], ""),
            person("q", ""),
        ]);
        let facts = person_facts(&ds, "p").unwrap();
        let expect: &[(FindingCode, &[&str])] = &[
            (C::TipActRecruitment, &["p"]),
            (C::TipActHarbouring, &["p"]),
            (C::TipActTransfer, &["i-sale"]),
            (C::SlaverySale, &["i-sale"]),
            (C::IloPhysicalSexualViolence, &["i-shock"]),
            (C::TipMeansForce, &["i-shock"]),
            (C::IloIntimidationThreats, &["i-threat"]),
            (C::TipMeansThreat, &["i-threat"]),
            (C::IloRestrictionOfMovement, &["i-conf"]),
            (C::TipMeansCoercion, &["i-conf"]),
            (C::IloRetentionOfDocuments, &["i-docs"]),
            (C::IloDebtBondage, &["i-debt"]),
            (C::IloWithholdingOfWages, &["i-wages"]),
            (C::TipPurposeForcedCriminality, &["i-crim"]),
        ];
        assert_eq!(facts.present().len(), expect.len());
        for (code, from) in expect {
            assert_eq!(facts.from(*code), *from, "{code}");
        }
        // The other victim of an incident type with no derived code gets nothing.
        assert!(person_facts(&ds, "q").unwrap().present().is_empty());
        let all = assess(&ds, "p").unwrap();
        assert!(all.forced_labour.result.is_met());
        assert!(all.slavery.result.is_met());
        assert!(all.trafficking.result.is_met());
    }

    #[test]
    fn beating_torture_and_sexual_violence_all_give_violence() {
        for kind in ["torture", "beating", "electric_shock", "sexual_violence"] {
            let ds = dataset(&[person("p", ""), incident("i", kind, &["p"], "")]);
            let facts = person_facts(&ds, "p").unwrap();
            assert_eq!(facts.from(C::IloPhysicalSexualViolence), ["i"], "{kind}");
            assert_eq!(facts.from(C::TipMeansForce), ["i"], "{kind}");
        }
        for kind in ["child_labour", "death", "other"] {
            let ds = dataset(&[person("p", ""), incident("i", kind, &["p"], "")]);
            assert!(
                person_facts(&ds, "p").unwrap().present().is_empty(),
                "{kind}"
            );
        }
    }

    #[test]
    fn a_withdrawn_testimony_contributes_nothing_but_its_incidents_count() {
        let ds = dataset(&[
            person("p", r#","age_at_entry":16,"custody":[{"site":"s"}]"#),
            r#"{"kind":"site","id":"s","name":"S","category":"scam_compound","country":"KH"}"#
                .to_owned(),
            testimony(
                "t-w",
                "p",
                "withdrawn",
                &[
                    "tip.purpose.forced_criminality",
                    "ilo.deception",
                    "slavery.sale",
                ],
            ),
            incident("i", "beating", &["p"], r#","testimony":"t-w""#),
        ]);
        let facts = person_facts(&ds, "p").unwrap();
        assert!(facts.from(C::TipPurposeForcedCriminality).is_empty());
        assert!(facts.from(C::IloDeception).is_empty());
        assert!(facts.from(C::TipMeansDeception).is_empty());
        assert!(facts.from(C::SlaverySale).is_empty());
        assert_eq!(facts.from(C::IloPhysicalSexualViolence), ["i"]);
        assert!(!facts.from(C::TipActHarbouring).contains(&"t-w"));
        let a = assess(&ds, "p").unwrap();
        assert_eq!(a.trafficking.missing, ["purpose"]);
        assert_eq!(a.forced_labour.missing, ["involuntariness"]);
        let json = serde_json::to_string(&a.to_json()).unwrap();
        assert!(!json.contains("t-w"), "{json}");
    }

    #[test]
    fn the_text_says_it_is_not_a_legal_determination_and_names_the_records() {
        let ds = dataset(&[
            person(
                "p",
                r#","age_at_entry":17,"recruitment":{"channel":"facebook"}"#,
            ),
            testimony("t", "p", "public_use", &["ilo.restriction_of_movement"]),
            incident("i", "beating", &["p"], r#","date":"2023-06""#),
        ]);
        let a = assess(&ds, "p").unwrap();
        let text = render_assessment_text(&ds, &a);
        assert!(text.contains("not a legal determination"), "{text}");
        assert!(text.contains("Assessment for A p (p)"), "{text}");
        assert!(text.contains("Age at entry: 17 (a minor)"), "{text}");
        assert!(text.contains("incident i (beating, 2023-06)"), "{text}");
        assert!(text.contains("testimony t (2024)"), "{text}");
        assert!(text.contains("the person record (recruitment)"), "{text}");
        assert!(
            text.contains("the forced-labour test above is met"),
            "{text}"
        );
        assert!(text.contains("means element is not required"), "{text}");
        assert!(text.contains("Child trafficking: MET"), "{text}");

        let ds = dataset(&[
            person("p", ""),
            testimony("t", "p", "public_use", &["ilo.isolation"]),
        ]);
        let text = render_assessment_text(&ds, &assess(&ds, "p").unwrap());
        assert!(
            text.contains("one indicator never counts as both"),
            "{text}"
        );
        assert!(text.contains("Coercion (menace of penalty): nothing recorded (missing)"));
    }
}
