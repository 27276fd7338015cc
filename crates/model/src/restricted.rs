//! Which fields of a record are restricted (FORMAT.md, DOMAIN.md): `person.pii` and
//! `testimony.transcript` always, and the free-text fields of any record marked
//! `restricted`. Stores keep these apart from the rest of the record so they can be
//! sealed, left out of indexes, and redacted on export.

use crate::json::Json;
use crate::vocab::{Kind, Sensitivity};

/// Top-level keys that are restricted whatever the record's sensitivity says.
pub fn always_restricted(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Person => &["pii"],
        Kind::Testimony => &["transcript"],
        _ => &[],
    }
}

/// Top-level free-text keys that become restricted when the record is marked
/// `restricted`. Required fields (names, titles, ad text) are not among them, so a
/// redacted export stays a valid v1 file.
pub fn free_text(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Source => &["publisher", "url"],
        Kind::Organization => &[],
        Kind::Site => &["admin2"],
        Kind::SiteStatus | Kind::Intervention => &["note"],
        Kind::Person => &[],
        Kind::Testimony => &["interviewer"],
        Kind::Incident => &["description"],
        Kind::Ad => &["url"],
    }
}

pub fn is_restricted_key(kind: Kind, sensitivity: Sensitivity, key: &str) -> bool {
    always_restricted(kind).contains(&key)
        || (sensitivity == Sensitivity::Restricted && free_text(kind).contains(&key))
}

/// Splits a record's canonical JSON object into its open part and its restricted
/// part (`None` when it has none). Member order within each part is kept.
pub fn split_restricted(kind: Kind, sensitivity: Sensitivity, json: Json) -> (Json, Option<Json>) {
    let Json::Object(members) = json else {
        return (json, None);
    };
    let (restricted, open): (Vec<_>, Vec<_>) = members
        .into_iter()
        .partition(|(key, _)| is_restricted_key(kind, sensitivity, key));
    let restricted = (!restricted.is_empty()).then_some(Json::Object(restricted));
    (Json::Object(open), restricted)
}

/// Puts a restricted part back into the open part. The result is a record object
/// whose member order may differ from the canonical one; decode it to normalise.
pub fn merge_restricted(open: Json, restricted: Option<Json>) -> Json {
    match (open, restricted) {
        (Json::Object(mut members), Some(Json::Object(extra))) => {
            members.extend(extra);
            Json::Object(members)
        }
        (open, _) => open,
    }
}
