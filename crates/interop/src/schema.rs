//! The v1 fields of each kind as flat columns: the CSV export's header, the names a
//! mapping file may target, and what a cell must hold for each.
//!
//! Nested objects (`recruitment`, `pii`) are flattened to dotted names
//! (`recruitment.channel`); lists of objects (`custody`, `findings`) are one column
//! holding a JSON list. The order is FORMAT.md's: `id`, the fields, `sources`,
//! `sensitivity`.

use zonewatch_model::{
    Consent, ExitMode, FindingCode, Gender, IncidentType, InterventionType, Kind, ObservationBasis,
    OrganizationType, PersonRole, Platform, RecruitmentChannel, Sensitivity, SiteCategory,
    SiteStatusValue, SourceType, Vocabulary,
};

/// What a cell of a column holds.
#[derive(Clone, Copy, Debug)]
pub enum FieldType {
    /// Free text.
    Text,
    /// A record id.
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
    /// A list of objects (`custody`, `findings`), written as JSON in one cell.
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

/// One column of the export form.
#[derive(Clone, Copy, Debug)]
pub struct Field {
    /// `name`, or `recruitment.channel` for a field of a nested object.
    pub path: &'static str,
    pub ty: FieldType,
    /// Restricted whatever the record says (`pii.*`, `transcript`): never echoed in
    /// an error, left out of redacted exports.
    pub secret: bool,
}

const fn field(path: &'static str, ty: FieldType) -> Field {
    Field {
        path,
        ty,
        secret: false,
    }
}

const fn secret(path: &'static str, ty: FieldType) -> Field {
    Field {
        path,
        ty,
        secret: true,
    }
}

use FieldType::*;

pub const ID: Field = field("id", Id);
pub const SOURCES: Field = field("sources", IdList);
pub const SENSITIVITY: Field = field("sensitivity", Vocab(Values(values::<Sensitivity>)));

static SOURCE: &[Field] = &[
    field("title", Text),
    field("type", Vocab(Values(values::<SourceType>))),
    field("url", Text),
    field("date", Date),
    field("publisher", Text),
    field("sha256", Sha256),
];

static ORGANIZATION: &[Field] = &[
    field("name", Text),
    field("type", Vocab(Values(values::<OrganizationType>))),
    field("aliases", TextList),
    field("country", Country),
];

static SITE: &[Field] = &[
    field("name", Text),
    field("category", Vocab(Values(values::<SiteCategory>))),
    field("country", Country),
    field("admin1", Text),
    field("admin2", Text),
    field("lat", Number),
    field("lon", Number),
    field(
        "former_use",
        Vocab(Values(values::<zonewatch_model::FormerUse>)),
    ),
    field("aliases", TextList),
    field("operators", IdList),
];

static SITE_STATUS: &[Field] = &[
    field("site", Id),
    field("date", Date),
    field("status", Vocab(Values(values::<SiteStatusValue>))),
    field("basis", Vocab(Values(values::<ObservationBasis>))),
    field("relocated_to", Id),
    field("note", Text),
];

static INTERVENTION: &[Field] = &[
    field("site", Id),
    field("date", Date),
    field("type", Vocab(Values(values::<InterventionType>))),
    field("agencies", IdList),
    field("persons_removed", Count),
    field("persons_arrested", Count),
    field("note", Text),
];

static PERSON: &[Field] = &[
    field("alias", Text),
    field("roles", VocabList(Values(values::<PersonRole>))),
    field("nationality", Country),
    field("gender", Vocab(Values(values::<Gender>))),
    field("age_at_entry", Count),
    field(
        "recruitment.channel",
        Vocab(Values(values::<RecruitmentChannel>)),
    ),
    field("recruitment.promised_job", Text),
    field("recruitment.promised_salary_usd", Number),
    field("recruitment.date", Date),
    field("recruitment.ad", Id),
    field("custody", Objects),
    field("exit", Vocab(Values(values::<ExitMode>))),
    secret("pii.legal_name", Text),
    secret("pii.date_of_birth", Date),
    secret("pii.contact", Text),
    secret("pii.document_numbers", TextList),
    secret("pii.address", Text),
];

static TESTIMONY: &[Field] = &[
    field("person", Id),
    field("date", Date),
    field("consent", Vocab(Values(values::<Consent>))),
    field("language", Language),
    field("interviewer", Text),
    secret("transcript", Text),
    field("findings", Objects),
];

static INCIDENT: &[Field] = &[
    field("type", Vocab(Values(values::<IncidentType>))),
    field("date", Date),
    field("site", Id),
    field("victims", IdList),
    field("perpetrators", IdList),
    field("testimony", Id),
    field("description", Text),
];

static AD: &[Field] = &[
    field("platform", Vocab(Values(values::<Platform>))),
    field("text", Text),
    field("url", Text),
    field("posted", Date),
    field("language", Language),
];

/// The fields of a kind between `id` and `sources`, in FORMAT.md order.
pub fn body_fields(kind: Kind) -> &'static [Field] {
    match kind {
        Kind::Source => SOURCE,
        Kind::Organization => ORGANIZATION,
        Kind::Site => SITE,
        Kind::SiteStatus => SITE_STATUS,
        Kind::Intervention => INTERVENTION,
        Kind::Person => PERSON,
        Kind::Testimony => TESTIMONY,
        Kind::Incident => INCIDENT,
        Kind::Ad => AD,
    }
}

/// Every column of the export form of a kind: `id`, the fields, `sources`,
/// `sensitivity`.
pub fn columns(kind: Kind) -> impl Iterator<Item = &'static Field> {
    std::iter::once(&ID)
        .chain(body_fields(kind).iter())
        .chain([&SOURCES, &SENSITIVITY])
}

/// The column of the export form named `path`, if the kind has one.
pub fn column(kind: Kind, path: &str) -> Option<&'static Field> {
    columns(kind).find(|f| f.path == path)
}

/// The finding codes, for `findings.code` in mappings.
pub(crate) const FINDING_CODES: FieldType = VocabList(Values(values::<FindingCode>));

/// The top-level key of a dotted path: `recruitment` for `recruitment.channel`.
pub fn top_key(path: &str) -> &str {
    path.split('.').next().unwrap_or(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_follow_format_md_order() {
        let names: Vec<&str> = columns(Kind::Site).map(|f| f.path).collect();
        assert_eq!(
            names,
            [
                "id",
                "name",
                "category",
                "country",
                "admin1",
                "admin2",
                "lat",
                "lon",
                "former_use",
                "aliases",
                "operators",
                "sources",
                "sensitivity"
            ]
        );
        assert!(column(Kind::Person, "recruitment.channel").is_some());
        assert!(column(Kind::Person, "pii.legal_name").unwrap().secret);
        assert!(column(Kind::Site, "recruitment.channel").is_none());
        assert_eq!(
            FieldType::Vocab(Values(values::<SiteCategory>)).values(),
            Some(vec!["scam_compound", "suspected_site"])
        );
    }
}
