//! The field table: every field of every kind, once — its path, type, whether it
//! is required, whether it is restricted, the kinds it may name, and its label for
//! people. The CSV schema (`zonewatch-interop`), the web forms, the OpenAPI schemas
//! and the restricted list are generated from it or checked against it by tests that
//! fail on any drift; the interface languages translate its labels by key
//! ([`FieldDef::label_key`]).
//!
//! Adding a field means one entry here, the record type and decoder it describes,
//! and their tests.
//!
//! Nested objects (`recruitment`, `pii`) have dotted paths (`recruitment.channel`);
//! lists of objects (`custody`, `findings`) are one entry with their members. The
//! order is FORMAT.md's: `id`, the fields, `sources`, `sensitivity`.

use crate::vocab::*;

/// What a field holds.
#[derive(Clone, Copy, Debug)]
pub enum FieldType {
    /// Free text.
    Text,
    /// A record id (of the kinds in [`FieldDef::targets`]).
    Id,
    /// A v1 date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Date,
    /// One value of a closed vocabulary.
    Vocab(Values),
    /// An ISO 3166-1 alpha-2 code.
    Country,
    /// A BCP 47 language tag.
    Language,
    /// 64 lowercase hex digits.
    Sha256,
    /// A JSON number (`lat`, `lon`, `promised_salary_usd`).
    Number,
    /// A whole number >= 0.
    Count,
    /// A list of free-text items.
    TextList,
    /// A list of record ids.
    IdList,
    /// A list of vocabulary values.
    VocabList(Values),
    /// A list of objects (`custody`, `findings`) with [`FieldDef::members`].
    Objects,
}

impl FieldType {
    pub fn is_list(self) -> bool {
        matches!(
            self,
            FieldType::TextList | FieldType::IdList | FieldType::VocabList(_)
        )
    }

    /// The vocabulary values, for vocabulary fields and lists.
    pub fn values(self) -> Option<Vec<&'static str>> {
        match self {
            FieldType::Vocab(values) | FieldType::VocabList(values) => Some((values.0)()),
            _ => None,
        }
    }
}

/// The values of one vocabulary, listed on demand.
#[derive(Clone, Copy)]
pub struct Values(pub fn() -> Vec<&'static str>);

impl std::fmt::Debug for Values {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.debug_list().entries((self.0)()).finish()
    }
}

fn values<V: Vocabulary>() -> Vec<&'static str> {
    V::values().iter().map(|v| v.as_str()).collect()
}

/// Whether a field is restricted (FORMAT.md, DOMAIN.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Restriction {
    Open,
    /// Restricted whatever the record says (`pii.*`, `transcript`): sealed, never
    /// echoed in an error, left out of redacted exports.
    Always,
    /// Free text that is restricted when the record is marked `restricted`.
    WhenRecordRestricted,
}

/// One field of a kind.
#[derive(Clone, Copy, Debug)]
pub struct FieldDef {
    /// `name`, or `recruitment.channel` for a field of a nested object.
    pub path: &'static str,
    pub ty: FieldType,
    pub required: bool,
    pub restricted: Restriction,
    /// The kinds an `Id` or `IdList` field may name.
    pub targets: &'static [Kind],
    /// The members of each object of an `Objects` field, in order.
    pub members: &'static [&'static str],
    /// Several lines of free text (a transcript, a description).
    pub multiline: bool,
    /// What the field is called, in English (the source language).
    pub label: &'static str,
    /// How to write it, when that is not obvious from the label.
    pub help: Option<&'static str>,
}

impl FieldDef {
    /// Restricted whatever the record says.
    pub fn secret(&self) -> bool {
        self.restricted == Restriction::Always
    }

    /// The top-level key: `recruitment` for `recruitment.channel`.
    pub fn top_key(&self) -> &'static str {
        self.path.split('.').next().unwrap_or(self.path)
    }

    /// The key of the label in the interface's message files:
    /// `field-person-recruitment-promised_salary_usd`.
    pub fn label_key(&self, kind: Kind) -> String {
        format!("field-{}-{}", kind.as_str(), self.path.replace('.', "-"))
    }

    /// The key of the help text, when there is one.
    pub fn help_key(&self, kind: Kind) -> Option<String> {
        self.help.map(|_| format!("{}-help", self.label_key(kind)))
    }
}

const fn def(path: &'static str, label: &'static str, ty: FieldType) -> FieldDef {
    FieldDef::new(path, label, ty)
}

impl FieldDef {
    /// An optional, open field (the table's entries refine it).
    pub const fn new(path: &'static str, label: &'static str, ty: FieldType) -> FieldDef {
        FieldDef {
            path,
            ty,
            required: false,
            restricted: Restriction::Open,
            targets: &[],
            members: &[],
            multiline: false,
            label,
            help: None,
        }
    }

    const fn required(mut self) -> FieldDef {
        self.required = true;
        self
    }
    const fn secret_field(mut self) -> FieldDef {
        self.restricted = Restriction::Always;
        self
    }
    const fn free_text(mut self) -> FieldDef {
        self.restricted = Restriction::WhenRecordRestricted;
        self
    }
    const fn naming(mut self, targets: &'static [Kind]) -> FieldDef {
        self.targets = targets;
        self
    }
    const fn with_members(mut self, members: &'static [&'static str]) -> FieldDef {
        self.members = members;
        self
    }
    const fn multiline(mut self) -> FieldDef {
        self.multiline = true;
        self
    }
    const fn help(mut self, help: &'static str) -> FieldDef {
        self.help = Some(help);
        self
    }
}

use FieldType::*;

const SITE: &[Kind] = &[Kind::Site];
const SOURCE: &[Kind] = &[Kind::Source];
const ORGANIZATION: &[Kind] = &[Kind::Organization];
const PERSON: &[Kind] = &[Kind::Person];
const PERSON_OR_ORGANIZATION: &[Kind] = &[Kind::Person, Kind::Organization];
const TESTIMONY: &[Kind] = &[Kind::Testimony];
const AD: &[Kind] = &[Kind::Ad];

const DATE_HELP: &str = "YYYY, YYYY-MM or YYYY-MM-DD";
const COUNTRY_HELP: &str = "ISO 3166-1 alpha-2, e.g. KH";
const LANGUAGE_HELP: &str = "BCP 47, e.g. km or zh-Hans";
const LIST_HELP: &str = "comma-separated";

pub const ID: FieldDef = def("id", "Id", Id)
    .required()
    .help("1 to 128 of A-Z a-z 0-9 . _ : -");
pub const SOURCES: FieldDef = def("sources", "Sources", IdList)
    .naming(SOURCE)
    .help("source ids, comma-separated");
pub const SENSITIVITY: FieldDef = def(
    "sensitivity",
    "Sensitivity",
    Vocab(Values(values::<Sensitivity>)),
);

static SOURCE_FIELDS: &[FieldDef] = &[
    def("title", "Title", Text).required(),
    def("type", "Type", Vocab(Values(values::<SourceType>))).required(),
    def("url", "URL", Text).free_text(),
    def("date", "Date", Date).help(DATE_HELP),
    def("publisher", "Publisher", Text).free_text(),
    def("sha256", "SHA-256 of an archived copy", Sha256),
];

static ORGANIZATION_FIELDS: &[FieldDef] = &[
    def("name", "Name", Text).required(),
    def("type", "Type", Vocab(Values(values::<OrganizationType>))).required(),
    def("aliases", "Aliases", TextList).help(LIST_HELP),
    def("country", "Country", Country).help(COUNTRY_HELP),
];

static SITE_FIELDS: &[FieldDef] = &[
    def("name", "Name", Text).required(),
    def(
        "category",
        "Category",
        Vocab(Values(values::<SiteCategory>)),
    )
    .required(),
    def("country", "Country", Country)
        .required()
        .help(COUNTRY_HELP),
    def("admin1", "Province / state", Text),
    def("admin2", "District / city", Text).free_text(),
    def("lat", "Latitude", Number),
    def("lon", "Longitude", Number),
    def(
        "former_use",
        "Former use",
        Vocab(Values(values::<FormerUse>)),
    ),
    def("aliases", "Aliases", TextList).help(LIST_HELP),
    def("operators", "Operators", IdList)
        .naming(ORGANIZATION)
        .help("organization ids, comma-separated"),
];

static SITE_STATUS_FIELDS: &[FieldDef] = &[
    def("site", "Site", Id).required().naming(SITE),
    def("date", "Date", Date).required().help(DATE_HELP),
    def("status", "Status", Vocab(Values(values::<SiteStatusValue>))).required(),
    def("basis", "Basis", Vocab(Values(values::<ObservationBasis>))).required(),
    def("relocated_to", "Relocated to", Id).naming(SITE),
    def("note", "Note", Text).free_text(),
];

static INTERVENTION_FIELDS: &[FieldDef] = &[
    def("site", "Site", Id).required().naming(SITE),
    def("date", "Date", Date).required().help(DATE_HELP),
    def("type", "Type", Vocab(Values(values::<InterventionType>))).required(),
    def("agencies", "Agencies", IdList)
        .naming(ORGANIZATION)
        .help("organization ids, comma-separated"),
    def("persons_removed", "Persons removed", Count),
    def("persons_arrested", "Persons arrested", Count),
    def("note", "Note", Text).free_text(),
];

static PERSON_FIELDS: &[FieldDef] = &[
    def("alias", "Alias", Text)
        .required()
        .help("a pseudonym, never a legal name"),
    def("roles", "Roles", VocabList(Values(values::<PersonRole>)))
        .required()
        .help("comma-separated: survivor, victim, witness, perpetrator, recruiter"),
    def("nationality", "Nationality", Country).help(COUNTRY_HELP),
    def("gender", "Gender", Vocab(Values(values::<Gender>))),
    def("age_at_entry", "Age when recruited or first held", Count),
    def(
        "recruitment.channel",
        "Recruited through",
        Vocab(Values(values::<RecruitmentChannel>)),
    ),
    def("recruitment.promised_job", "Promised job", Text),
    def(
        "recruitment.promised_salary_usd",
        "Promised salary (USD per month)",
        Number,
    ),
    def("recruitment.date", "Recruited on", Date).help(DATE_HELP),
    def("recruitment.ad", "Recruitment ad", Id).naming(AD),
    def("custody", "Held at", Objects)
        .naming(SITE)
        .with_members(&["site", "from", "to"])
        .help("one stay per line: `site id; from; to` (dates may be left out)"),
    def("exit", "Exit", Vocab(Values(values::<ExitMode>))),
    def("pii.legal_name", "Legal name", Text).secret_field(),
    def("pii.date_of_birth", "Date of birth", Date)
        .secret_field()
        .help(DATE_HELP),
    def("pii.contact", "Contact", Text).secret_field(),
    def("pii.document_numbers", "Document numbers", TextList)
        .secret_field()
        .help(LIST_HELP),
    def("pii.address", "Address", Text).secret_field(),
];

static TESTIMONY_FIELDS: &[FieldDef] = &[
    def("person", "Person", Id).required().naming(PERSON),
    def("date", "Date of the interview", Date)
        .required()
        .help(DATE_HELP),
    def("consent", "Consent", Vocab(Values(values::<Consent>))).required(),
    def("language", "Language", Language).help(LANGUAGE_HELP),
    def("interviewer", "Interviewer", Text).free_text(),
    def("transcript", "Transcript", Text)
        .secret_field()
        .multiline(),
    def("findings", "Findings", Objects)
        .naming(SITE)
        .with_members(&["code", "site", "date", "note"])
        .help("one per line: `code; site id; date; note` (all but the code may be left empty)"),
];

static INCIDENT_FIELDS: &[FieldDef] = &[
    def("type", "Type", Vocab(Values(values::<IncidentType>))).required(),
    def("date", "Date", Date).help(DATE_HELP),
    def("site", "Site", Id).naming(SITE),
    def("victims", "Victims", IdList)
        .naming(PERSON)
        .help("person ids, comma-separated"),
    def("perpetrators", "Perpetrators", IdList)
        .naming(PERSON_OR_ORGANIZATION)
        .help("person or organization ids, comma-separated"),
    def("testimony", "Testimony", Id).naming(TESTIMONY),
    def("description", "Description", Text)
        .free_text()
        .multiline(),
];

static AD_FIELDS: &[FieldDef] = &[
    def("platform", "Platform", Vocab(Values(values::<Platform>))).required(),
    def("text", "Text", Text).required().multiline(),
    def("url", "URL", Text).free_text(),
    def("posted", "Posted", Date).help(DATE_HELP),
    def("language", "Language", Language).help(LANGUAGE_HELP),
];

/// The fields of a kind between `id` and `sources`, in FORMAT.md order.
pub fn body_fields(kind: Kind) -> &'static [FieldDef] {
    match kind {
        Kind::Source => SOURCE_FIELDS,
        Kind::Organization => ORGANIZATION_FIELDS,
        Kind::Site => SITE_FIELDS,
        Kind::SiteStatus => SITE_STATUS_FIELDS,
        Kind::Intervention => INTERVENTION_FIELDS,
        Kind::Person => PERSON_FIELDS,
        Kind::Testimony => TESTIMONY_FIELDS,
        Kind::Incident => INCIDENT_FIELDS,
        Kind::Ad => AD_FIELDS,
    }
}

/// Every field of a kind: `id`, the fields, `sources`, `sensitivity`.
pub fn fields(kind: Kind) -> impl Iterator<Item = &'static FieldDef> {
    std::iter::once(&ID)
        .chain(body_fields(kind).iter())
        .chain([&SOURCES, &SENSITIVITY])
}

/// The field of a kind named `path`, if it has one.
pub fn field(kind: Kind, path: &str) -> Option<&'static FieldDef> {
    fields(kind).find(|f| f.path == path)
}

/// The label of a vocabulary value for people: `document_confiscation` is
/// "Document confiscation", `ilo.deception` is "Deception" (the interface languages
/// translate it by [`value_label_key`]).
pub fn value_label(value: &str) -> String {
    let word = value.rsplit('.').next().unwrap_or(value).replace('_', " ");
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => word,
    }
}

/// The key of a vocabulary value's label: `value-document_confiscation`,
/// `value-ilo-deception`.
pub fn value_label_key(value: &str) -> String {
    format!("value-{}", value.replace('.', "-"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::Json;
    use crate::restricted::{always_restricted, free_text};

    /// Every top-level key of `every-field.jsonl` (every kind, every field) is in the
    /// table, and every field of the table is in it: the table and the decoder
    /// describe the same records.
    #[test]
    fn the_table_names_exactly_the_fields_records_have() {
        let text = include_str!("../../../tests/fixtures/every-field.jsonl");
        for kind in Kind::ALL {
            let mut seen: Vec<String> = Vec::new();
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                let record = crate::decode_line(line).expect("fixture decodes");
                if record.kind() != *kind {
                    continue;
                }
                let Json::Object(members) = record.to_json() else {
                    panic!("an object");
                };
                for (key, value) in members {
                    if key == "kind" {
                        continue;
                    }
                    match value {
                        Json::Object(inner) if key == "recruitment" || key == "pii" => {
                            seen.extend(inner.into_iter().map(|(k, _)| format!("{key}.{k}")));
                        }
                        _ => seen.push(key),
                    }
                }
            }
            // Written only when not `internal`, so not on every kind's fixture line.
            seen.push("sensitivity".into());
            seen.sort();
            seen.dedup();
            let mut table: Vec<String> = fields(*kind).map(|f| f.path.to_owned()).collect();
            table.sort();
            assert_eq!(seen, table, "{kind}");
        }
    }

    /// The restricted list (`restricted.rs`, what the store splits off and seals)
    /// is the table's.
    #[test]
    fn the_restricted_list_is_the_tables() {
        for kind in Kind::ALL {
            let mut always: Vec<&str> = fields(*kind)
                .filter(|f| f.secret())
                .map(|f| f.top_key())
                .collect();
            always.dedup();
            assert_eq!(always, always_restricted(*kind), "{kind}");
            let mut free: Vec<&str> = fields(*kind)
                .filter(|f| f.restricted == Restriction::WhenRecordRestricted)
                .map(|f| f.path)
                .collect();
            free.sort_unstable();
            let mut listed = free_text(*kind).to_vec();
            listed.sort_unstable();
            assert_eq!(free, listed, "{kind}");
            // Required fields are never restricted: a redacted export stays valid.
            assert!(fields(*kind).all(|f| !(f.required && f.restricted != Restriction::Open)));
        }
    }

    /// The kinds each reference field may name are those the decoder checks.
    #[test]
    fn reference_targets_are_the_decoders() {
        let text = include_str!("../../../tests/fixtures/every-field.jsonl");
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let record = crate::decode_line(line).expect("fixture decodes");
            for reference in record.references() {
                let path = match reference.field.sub {
                    Some(sub) if reference.field.index.is_none() => {
                        format!("{}.{sub}", reference.field.name)
                    }
                    _ => reference.field.name.to_owned(),
                };
                let def = field(record.kind(), &path)
                    .unwrap_or_else(|| panic!("{}: {path}", record.kind()));
                assert_eq!(def.targets, reference.expected, "{}: {path}", record.kind());
            }
        }
    }

    #[test]
    fn labels_and_keys() {
        let salary = field(Kind::Person, "recruitment.promised_salary_usd").unwrap();
        assert_eq!(salary.label, "Promised salary (USD per month)");
        assert_eq!(
            salary.label_key(Kind::Person),
            "field-person-recruitment-promised_salary_usd"
        );
        assert_eq!(
            value_label("document_confiscation"),
            "Document confiscation"
        );
        assert_eq!(value_label("ilo.deception"), "Deception");
        assert_eq!(value_label_key("ilo.deception"), "value-ilo-deception");
        // Every label is set and no two fields of a kind share one.
        for kind in Kind::ALL {
            let mut labels: Vec<&str> = fields(*kind).map(|f| f.label).collect();
            assert!(labels.iter().all(|l| !l.is_empty()));
            labels.sort_unstable();
            let n = labels.len();
            labels.dedup();
            assert_eq!(labels.len(), n, "{kind}: a label used twice");
        }
    }
}
