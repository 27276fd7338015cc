//! Search over the open text of records: names, aliases, titles, descriptions,
//! notes and ad texts. Restricted values are never searched: they are not in a
//! row's open body (model `restricted.rs` moves them into the sealed part), so a
//! match can never reveal one, and nothing here needs the key ring or an audit entry.
//! The folded text ([`fold`]) is built only from that open body, per search, and
//! never kept.
//!
//! Search forgives how a word is typed: both the query and the text are folded —
//! compatibility-decomposed (NFKD: full-width and half-width forms become their
//! plain letters), lowercased, and stripped of the accents of Latin, Greek and
//! Cyrillic letters (`Tòa nhà Bóng` is found by `toa nha`, `BÓNG` and `bong`; `đ`
//! folds to `d`). The marks of other scripts are letters of their words (a Thai,
//! Khmer or Burmese vowel sign, a Devanagari virama) and are kept. Each query word
//! is found as a substring, so words of scripts written without spaces (Thai,
//! Khmer, Burmese, Chinese) are found inside the text around them.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;
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
        let terms: Vec<String> = query
            .split_whitespace()
            .map(fold)
            .filter(|t| !t.is_empty())
            .collect();
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
    let lowered = fold(body);
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
    let folded: Vec<(String, Vec<usize>)> = texts.iter().map(|(_, t)| fold_mapped(t)).collect();
    if !terms
        .iter()
        .all(|term| folded.iter().any(|(t, _)| t.contains(term.as_str())))
    {
        return None;
    }
    let first = terms.first()?;
    let (at, (field, text)) = folded.iter().zip(&texts).find_map(|((low, map), pair)| {
        low.find(first.as_str())
            .map(|at| (map.get(at).copied().unwrap_or(0), pair))
    })?;
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

/// Text as search compares it: NFKD, lowercase, the accents of Latin, Greek and
/// Cyrillic letters removed (the marks of other scripts kept), `đ` as `d`.
pub fn fold(text: &str) -> String {
    fold_mapped(text).0
}

/// [`fold`], with the index of the character of `text` each byte of the folded
/// text came from.
fn fold_mapped(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len());
    for (index, c) in text.chars().enumerate() {
        let mut base: Option<char> = None;
        for d in std::iter::once(c).nfkd() {
            if is_combining_mark(d) && base.is_some_and(accented_script) {
                continue;
            }
            if !is_combining_mark(d) {
                base = Some(d);
            }
            let special = match d {
                'đ' | 'Đ' | 'ð' | 'Ð' => Some("d"),
                'ł' | 'Ł' => Some("l"),
                'ø' | 'Ø' => Some("o"),
                'ß' | 'ẞ' => Some("ss"),
                'ı' => Some("i"),
                _ => None,
            };
            let start = out.len();
            match special {
                Some(s) => out.push_str(s),
                None => out.extend(d.to_lowercase()),
            }
            map.resize(out.len(), index);
            debug_assert_eq!(map.len(), out.len(), "{start}");
        }
    }
    (out, map)
}

/// Scripts whose accents are not letters of their own: Latin, Greek, Cyrillic.
fn accented_script(c: char) -> bool {
    matches!(c as u32,
        0x0041..=0x024F | 0x0370..=0x052F | 0x1D00..=0x1DBF | 0x1E00..=0x1FFF | 0x2C60..=0x2C7F
        | 0xA720..=0xA7FF | 0xAB30..=0xAB6F)
}

/// About 60 characters either side of the character at `chars_before` of `text`.
fn snippet(text: &str, chars_before: usize) -> String {
    const SIDE: usize = 60;
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
        q.split_whitespace().map(fold).collect()
    }

    #[test]
    fn case_accents_and_width_are_forgiven() {
        let body = r#"{"kind":"site","id":"s-vn","name":"Tòa nhà Bóng Đá","category":"scam_compound","country":"VN"}"#;
        for q in [
            "bong",
            "BÓNG",
            "Toa nha",
            "tòa",
            "da",
            "ＢＯＮＧ",
            "bóng đá",
        ] {
            assert!(
                search_row(Kind::Site, "s-vn", body, &terms(q)).is_some(),
                "{q}"
            );
        }
        assert!(search_row(Kind::Site, "s-vn", body, &terms("bang")).is_none());
        let hit = search_row(Kind::Site, "s-vn", body, &terms("nha")).unwrap();
        assert_eq!(hit.snippet, "Tòa nhà Bóng Đá");
        assert_eq!(fold("Ｔｏà"), "toa");
    }

    #[test]
    fn scripts_without_spaces_keep_their_vowel_signs_and_match_inside_words() {
        // Thai: "อาคารสีเขียว" (green building); the query is a word inside it.
        let body = r#"{"kind":"site","id":"s-th","name":"อาคารสีเขียวริมแม่น้ำ","category":"scam_compound","country":"TH"}"#;
        assert!(search_row(Kind::Site, "s-th", body, &terms("สีเขียว")).is_some());
        // A different vowel sign is a different word: never folded away.
        assert!(search_row(Kind::Site, "s-th", body, &terms("สีเขยว")).is_none());
        // Every mark is kept: folding them is only their compatibility form.
        let nfkd = |s: &str| s.nfkd().collect::<String>();
        assert_eq!(fold("แม่น้ำ"), nfkd("แม่น้ำ"));
        // Khmer and Burmese marks are kept too.
        assert_eq!(fold("ផ្ទះ"), nfkd("ផ្ទះ"));
        assert_eq!(fold("မြို့"), nfkd("မြို့"));
        let km = r#"{"kind":"site","id":"s-km","name":"អគារបៃតងជិតទន្លេ","category":"scam_compound","country":"KH"}"#;
        assert!(search_row(Kind::Site, "s-km", km, &terms("បៃតង")).is_some());
        assert!(search_row(Kind::Site, "s-km", km, &terms("បតង")).is_none());
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
