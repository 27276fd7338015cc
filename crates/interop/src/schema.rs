//! The v1 fields of each kind as flat columns: the CSV export's header, the names a
//! mapping file may target, and what a cell must hold for each.
//!
//! Nested objects (`recruitment`, `pii`) are flattened to dotted names
//! (`recruitment.channel`); lists of objects (`custody`, `findings`) are one column
//! holding a JSON list. The order is FORMAT.md's: `id`, the fields, `sources`,
//! `sensitivity`.

//!
//! The table itself is the model's (`zonewatch_model::fields`): this module gives it
//! the names the CSV code reads it by.

pub use zonewatch_model::fields::{
    body_fields, field as column, fields as columns, FieldDef as Field, FieldType, Values, ID,
    SENSITIVITY, SOURCES,
};
use zonewatch_model::{FindingCode, Vocabulary};

fn values<V: Vocabulary>() -> Vec<&'static str> {
    V::values().iter().map(|v| v.as_str()).collect()
}

/// The finding codes, for `findings.code` in mappings.
pub(crate) const FINDING_CODES: FieldType = FieldType::VocabList(Values(values::<FindingCode>));

/// The top-level key of a dotted path: `recruitment` for `recruitment.channel`.
pub fn top_key(path: &str) -> &str {
    path.split('.').next().unwrap_or(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use zonewatch_model::{Kind, SiteCategory};

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
        assert!(column(Kind::Person, "pii.legal_name").unwrap().secret());
        assert!(column(Kind::Site, "recruitment.channel").is_none());
        assert_eq!(
            FieldType::Vocab(Values(values::<SiteCategory>)).values(),
            Some(vec!["scam_compound", "suspected_site"])
        );
    }
}
