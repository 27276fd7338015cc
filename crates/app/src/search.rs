//! Search over the open text of records: names, aliases, titles, descriptions,
//! notes and ad texts. Restricted values are never searched: they are not in a
//! row's open body (model `restricted.rs` moves them into the sealed part), so a
//! match can never reveal one, and nothing here needs the key ring or an audit entry.

use zonewatch_model::{Json, Kind, Sensitivity};

use crate::{Action, App, Result};

/// The open fields a search reads, wherever a kind has them.
const SEARCHED: &[&str] = &[
    "name",
    "alias",
    "aliases",
    "title",
    "description",
    "note",
    "text",
    "promised_job",
];

/// One record that matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchHit {
    pub kind: Kind,
    pub id: String,
    /// The record's name, alias or title, for showing the hit.
    pub label: String,
    /// The field the first term was found in, and the text around it.
    pub field: String,
    pub snippet: String,
}

impl App {
    /// Records whose open text holds every word of `query` (case-insensitive),
    /// in kind order then id order; at most `limit`. A query with no word matches
    /// nothing. Reads every record's open body: fine at field-laptop scale; an index
    /// would be the next step for very large stores.
    pub fn record_search(&mut self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        self.require(Action::ReadPublic)?;
        let terms: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        if terms.is_empty() {
            return Ok(Vec::new());
        }
        let internal = self.actor.may(Action::ReadInternal);
        let mut hits = Vec::new();
        for &kind in Kind::ALL {
            if hits.len() >= limit {
                break;
            }
            self.store.scan_kind(kind, &mut |row| {
                if hits.len() >= limit || (!internal && row.sensitivity != Sensitivity::Public) {
                    return Ok(());
                }
                if let Some(hit) = search_row(kind, &row.id, &row.body, &terms) {
                    hits.push(hit);
                }
                Ok(())
            })?;
        }
        Ok(hits)
    }
}

/// The hit for one record's open body, when every term is in its searched text.
fn search_row(kind: Kind, id: &str, body: &str, terms: &[String]) -> Option<SearchHit> {
    // Cheap reject before parsing: every term must be somewhere in the line (terms
    // with characters JSON escapes are left to the full check).
    let lowered = body.to_lowercase();
    if !terms
        .iter()
        .all(|t| t.contains(['"', '\\']) || lowered.contains(t.as_str()))
    {
        return None;
    }
    let Ok(Json::Object(fields)) = Json::parse(body) else {
        return None;
    };
    let mut texts: Vec<(String, String)> = Vec::new();
    collect_texts(&fields, "", &mut texts);
    let lowered: Vec<String> = texts.iter().map(|(_, t)| t.to_lowercase()).collect();
    if !terms
        .iter()
        .all(|term| lowered.iter().any(|t| t.contains(term.as_str())))
    {
        return None;
    }
    let first = terms.first()?;
    let (at, (field, text)) = lowered
        .iter()
        .zip(&texts)
        .find_map(|(low, pair)| low.find(first.as_str()).map(|at| (at, pair)))?;
    let label = ["name", "alias", "title"]
        .iter()
        .find_map(|key| {
            fields.iter().find_map(|(k, v)| match v {
                Json::String(s) if k == key => Some(s.clone()),
                _ => None,
            })
        })
        .unwrap_or_default();
    Some(SearchHit {
        kind,
        id: id.to_owned(),
        label,
        field: field.clone(),
        snippet: snippet(text, at),
    })
}

/// The searched strings of an object, with their field names (`recruitment.promised_job`).
fn collect_texts(fields: &[(String, Json)], prefix: &str, out: &mut Vec<(String, String)>) {
    for (key, value) in fields {
        let path = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        match value {
            Json::String(s) if SEARCHED.contains(&key.as_str()) => out.push((path, s.clone())),
            Json::Array(items) if SEARCHED.contains(&key.as_str()) => {
                for item in items {
                    if let Json::String(s) = item {
                        out.push((path.clone(), s.clone()));
                    }
                }
            }
            Json::Object(inner) => collect_texts(inner, &path, out),
            _ => {}
        }
    }
}

/// About 60 characters either side of byte offset `at` of the lowercased text.
/// Lowercasing can change byte lengths, so the offset is mapped by characters.
fn snippet(text: &str, at_in_lowered: usize) -> String {
    const SIDE: usize = 60;
    let chars_before = text
        .to_lowercase()
        .get(..at_in_lowered)
        .map_or(0, |s| s.chars().count());
    let start = chars_before.saturating_sub(SIDE);
    let total = text.chars().count();
    let end = (chars_before + SIDE).min(total);
    let mut out: String = text.chars().skip(start).take(end - start).collect();
    if start > 0 {
        out.insert(0, '…');
    }
    if end < total {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(q: &str) -> Vec<String> {
        q.split_whitespace().map(str::to_lowercase).collect()
    }

    #[test]
    fn every_term_must_be_in_a_searched_field() {
        let body = r#"{"kind":"site","id":"s-1","name":"Golden Dragon Resort","category":"casino","country":"KH","aliases":["Block 7"]}"#;
        let hit = search_row(Kind::Site, "s-1", body, &terms("dragon block")).unwrap();
        assert_eq!(hit.label, "Golden Dragon Resort");
        assert_eq!(hit.field, "name");
        assert!(search_row(Kind::Site, "s-1", body, &terms("dragon hotel")).is_none());
        // `casino` is a vocabulary value, not searched text.
        assert!(search_row(Kind::Site, "s-1", body, &terms("casino")).is_none());
    }

    #[test]
    fn nested_and_unicode_text_is_found_with_a_snippet() {
        let body = r#"{"kind":"person","id":"p-1","alias":"Lin","roles":["survivor"],"recruitment":{"promised_job":"客服 customer service"}}"#;
        let hit = search_row(Kind::Person, "p-1", body, &terms("客服")).unwrap();
        assert_eq!(hit.field, "recruitment.promised_job");
        assert_eq!(hit.snippet, "客服 customer service");
        let long = "x".repeat(200) + "needle" + &"y".repeat(200);
        let s = snippet(&long, 200);
        assert!(s.starts_with('…') && s.ends_with('…') && s.contains("needle"));
    }
}
