//! The E.164 form of a number written with an international prefix, read as the
//! phonenumber crate reads it (`parse(None, "+DIGITS")`, `is_valid`, E.164 format) on
//! the crate's own metadata (libphonenumber's data), but about ten times faster.
//!
//! Why not call the crate for these: every pattern test it makes goes through one
//! shared, mutex-guarded LRU cache keyed by the pattern's text (hashed on each call)
//! and searches unanchored; its parser runs general expressions for extensions and
//! punctuation that a run of digits cannot hold; and its E.164 formatter chooses a
//! display format it then does not use. Together about 45,000 instructions per
//! distinct number, the largest single cost of screening. Here the patterns of a
//! country code are compiled once per thread, anchored where the crate only accepts a
//! match at the start.
//!
//! The steps follow phonenumber 0.3.10 (`parser::parse_with`,
//! `parser::helper::{country_code, national_number}`, `validator::{source_for,
//! length, number_type, is_valid_with}`, `NationalNumber`, the E.164 formatter),
//! quirks included. Whatever this module does not model goes to the crate; the tests
//! compare the two on numbers for every country code.

use phonenumber::metadata::{Descriptor, Metadata, DATABASE};
use phonenumber::Mode;
use regex::{Regex, RegexBuilder};
use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::OnceLock;

/// The crate's answer: E.164 of `digits` read in `region` (None: `digits` start with
/// the country code), when it parses the number and holds it valid.
pub(crate) fn by_crate(digits: &str, region: Option<phonenumber::country::Id>) -> Option<String> {
    let text = match region {
        None => format!("+{digits}"),
        Some(_) => digits.to_string(),
    };
    let number = phonenumber::parse(region, &text).ok()?;
    if !phonenumber::is_valid(&number) {
        return None;
    }
    let formatted = phonenumber::format(&number).mode(Mode::E164).to_string();
    // Only the number itself: an extension or anything else is not E.164.
    (formatted.starts_with('+') && formatted[1..].bytes().all(|b| b.is_ascii_digit()))
        .then_some(formatted)
}

/// What `by_crate(digits, None)` answers, for `digits` of ASCII digits.
pub(crate) fn international(digits: &str) -> Option<String> {
    // Shorter runs take other paths in the crate's parser (and are never asked for).
    if digits.len() < 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return by_crate(digits, None);
    }
    // helper::country_code: no country code starts with 0; the first of the one-,
    // two- and three-digit prefixes that is a country code is the one.
    if digits.starts_with('0') {
        return None;
    }
    let known = country_codes();
    let (code, national) = (1..=3).find_map(|len| {
        let code: u16 = digits[..len].parse().ok()?;
        known[usize::from(code)].then(|| (code, &digits[len..]))
    })?;
    CODES.with(|cell| {
        let Ok(mut codes) = cell.try_borrow_mut() else {
            return by_crate(digits, None);
        };
        let entry = codes
            .entry(code)
            .or_insert_with(|| CodePatterns::new(code).map(Rc::new))
            .clone();
        drop(codes);
        match entry {
            Some(patterns) => patterns
                .e164(code, national)
                .unwrap_or_else(|Unmodelled| by_crate(digits, None)),
            None => by_crate(digits, None),
        }
    })
}

thread_local! {
    /// Compiled patterns per country code (None: not modelled here, ask the crate).
    static CODES: RefCell<HashMap<u16, Option<Rc<CodePatterns>>>> = RefCell::new(HashMap::new());
}

/// Which numbers below 1000 are country calling codes.
fn country_codes() -> &'static [bool; 1000] {
    static CODES: OnceLock<[bool; 1000]> = OnceLock::new();
    CODES.get_or_init(|| {
        let mut known = [false; 1000];
        for (code, k) in known.iter_mut().enumerate() {
            *k = u16::try_from(code).is_ok_and(|c| DATABASE.by_code(&c).is_some());
        }
        known
    })
}

/// A case the crate would handle in a way this module does not model.
struct Unmodelled;

/// A pattern compiled when first used: most of a country's patterns never are.
struct Pattern {
    source: String,
    compiled: OnceCell<Option<Regex>>,
}

impl Pattern {
    fn new(source: String) -> Pattern {
        Pattern {
            source,
            compiled: OnceCell::new(),
        }
    }

    /// `pattern` matching at the start only. The crate tests `find(value)` and
    /// accepts the match when it starts at 0; the leftmost match starts at 0 exactly
    /// when some match does. The line break ends any `#` comment
    /// (whitespace-insensitive mode).
    fn anchored(pattern: &str) -> Pattern {
        Pattern::new(format!("^(?:{pattern}\n)"))
    }

    fn regex(&self) -> Result<&Regex, Unmodelled> {
        self.compiled
            .get_or_init(|| {
                // The crate's options (regex_cache's defaults with ignore_whitespace),
                // but ASCII classes: the numbers tested are ASCII digits, on which
                // `\d` reads alike either way, and Unicode classes take several
                // times longer to compile. (A pattern this cannot compile goes to
                // the crate.)
                RegexBuilder::new(&self.source)
                    .ignore_whitespace(true)
                    .unicode(false)
                    .build()
                    .ok()
            })
            .as_ref()
            .ok_or(Unmodelled)
    }
}

/// A number type's lengths and pattern (`Descriptor::is_match`).
struct TypePattern {
    lengths: &'static [u16],
    anchored: Pattern,
}

impl TypePattern {
    fn new(d: &'static Descriptor) -> TypePattern {
        TypePattern {
            lengths: d.possible_length(),
            anchored: Pattern::anchored(d.national_number().as_str()),
        }
    }

    fn is_match(&self, value: &str) -> Result<bool, Unmodelled> {
        Ok(
            (self.lengths.is_empty() || self.lengths.contains(&(value.len() as u16)))
                && self.anchored.regex()?.is_match(value),
        )
    }
}

/// One region's metadata and patterns.
struct Region {
    meta: &'static Metadata,
    general: TypePattern,
    /// The types `validator::number_type` tries after the general pattern; a number
    /// is of a known type (valid) when the general pattern and one of these match.
    types: Vec<TypePattern>,
    leading_digits: Option<Pattern>,
    /// As written: its captures and replacement are used, not only where it matches.
    prefix_for_parsing: Option<Pattern>,
}

impl Region {
    fn new(meta: &'static Metadata) -> Region {
        let d = meta.descriptors();
        let types = [
            d.premium_rate(),
            d.toll_free(),
            d.shared_cost(),
            d.voip(),
            d.personal_number(),
            d.pager(),
            d.uan(),
            d.voicemail(),
            d.fixed_line(),
            d.mobile(),
        ]
        .into_iter()
        .flatten()
        .map(TypePattern::new)
        .collect();
        Region {
            meta,
            general: TypePattern::new(d.general()),
            types,
            leading_digits: meta.leading_digits().map(|r| Pattern::anchored(r.as_str())),
            prefix_for_parsing: meta
                .national_prefix_for_parsing()
                .map(|r| Pattern::new(r.as_str().to_string())),
        }
    }

    /// `validator::number_type(meta, value) != Type::Unknown`.
    fn known_type(&self, value: &str) -> Result<bool, Unmodelled> {
        if !self.general.is_match(value)? {
            return Ok(false);
        }
        for t in &self.types {
            if t.is_match(value)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// `helper::national_number` (carrier codes dropped: E.164 has none).
    fn strip_prefix_for_parsing(&self, national: &str) -> Result<String, Unmodelled> {
        let Some(parsing) = &self.prefix_for_parsing else {
            return Ok(match self.meta.national_prefix() {
                Some(prefix) if national.starts_with(prefix) => national[prefix.len()..].into(),
                _ => national.into(),
            });
        };
        let parsing = parsing.regex()?;
        let Some(m) = parsing.find(national) else {
            return Ok(national.into());
        };
        if m.start() != 0 {
            return Ok(national.into());
        }
        let viable = self.general.is_match(national)?;
        let last_group = parsing
            .captures(national)
            .is_some_and(|c| c.get(c.len() - 1).is_some());
        Ok(match self.meta.national_prefix_transform_rule() {
            Some(transform) if last_group => {
                let transformed = parsing.replace(national, transform).into_owned();
                if viable && !self.general.is_match(&transformed)? {
                    return Ok(national.into());
                }
                transformed
            }
            // The crate tests the number from the match's start (0) here, not after
            // it, so this never keeps the prefix.
            _ => national[m.end()..].into(),
        })
    }

    /// `validator::length(meta, number, Type::Unknown) == Validation::TooShort`.
    fn too_short(&self, national: &str) -> bool {
        let general = self.meta.descriptors().general();
        let possible = general.possible_length();
        let len = national.len() as u16;
        !possible.is_empty() && !general.possible_local_length().contains(&len) && len < possible[0]
    }
}

/// Where `validator::source_for` looks for a country code's metadata.
enum Lookup {
    /// One region: always this one (an index into `regions`), or none.
    Single(Option<usize>),
    /// Several: the first whose leading digits match at the start or, without
    /// leading digits, whose types know the number.
    First(Vec<usize>),
}

/// A country code's regions.
struct CodePatterns {
    regions: Vec<Region>,
    lookup: Lookup,
}

impl CodePatterns {
    fn new(code: u16) -> Option<CodePatterns> {
        let metas = DATABASE.by_code(&code)?;
        let ids = DATABASE.region(&code)?;
        let index = |meta: &Metadata| metas.iter().position(|m| std::ptr::eq(*m, meta));
        // The crate reaches a region through its parsed id (`Left`), or takes the
        // code's first metadata for the non-geographic "001" (`Right`).
        let by_parsed_id = |id: &str| {
            id.parse::<phonenumber::country::Id>()
                .ok()
                .and_then(|parsed| DATABASE.by_id(parsed.as_ref()))
        };
        let lookup = if ids.len() == 1 {
            if ids[0] == "001" {
                Lookup::Single(Some(0))
            } else {
                match by_parsed_id(ids[0]) {
                    Some(meta) => Lookup::Single(Some(index(meta)?)),
                    None => Lookup::Single(None),
                }
            }
        } else {
            let mut order = Vec::with_capacity(ids.len());
            for id in &ids {
                // The crate unwraps both; a region it could not find is not modelled.
                let meta = DATABASE.by_id(*id)?;
                if !std::ptr::eq(meta, by_parsed_id(id)?) {
                    return None;
                }
                order.push(index(meta)?);
            }
            Lookup::First(order)
        };
        Some(CodePatterns {
            regions: metas.into_iter().map(Region::new).collect(),
            lookup,
        })
    }

    fn region(&self, i: usize) -> Result<&Region, Unmodelled> {
        self.regions.get(i).ok_or(Unmodelled)
    }

    /// `validator::source_for`.
    fn source_for(&self, national: &str) -> Result<Option<&Region>, Unmodelled> {
        match &self.lookup {
            Lookup::Single(None) => Ok(None),
            Lookup::Single(Some(i)) => self.region(*i).map(Some),
            Lookup::First(order) => {
                for &i in order {
                    let region = self.region(i)?;
                    let found = match &region.leading_digits {
                        Some(leading) => leading.regex()?.is_match(national),
                        None => region.known_type(national)?,
                    };
                    if found {
                        return Ok(Some(region));
                    }
                }
                Ok(None)
            }
        }
    }

    /// The rest of `parse_with` after the country code, then `is_valid` and the E.164
    /// format ("+", the code, the national number).
    fn e164(&self, code: u16, national: &str) -> Result<Option<String>, Unmodelled> {
        let mut national = national.to_string();
        if let Some(region) = self.source_for(national.trim_start_matches('0'))? {
            let mut potential = region.strip_prefix_for_parsing(&national)?;
            if let Some(prefix) = region.meta.national_prefix() {
                if potential.starts_with(prefix) {
                    potential.drain(..prefix.len());
                }
            }
            if !region.too_short(&potential) {
                national = potential;
            }
        }
        if !(2..=17).contains(&national.len()) {
            return Ok(None);
        }
        // NationalNumber: leading zeros counted, the rest read as an integer below
        // 2^56; written back as that many zeros and the integer.
        let zeros = national.bytes().take_while(|&b| b == b'0').count();
        let Ok(value) = national[zeros..].parse::<u64>() else {
            return Ok(None);
        };
        if value >= 1 << 56 {
            return Ok(None);
        }
        let national = format!("{}{value}", "0".repeat(zeros));
        let valid = match self.source_for(&national)? {
            Some(region) => region.known_type(&national)?,
            None => false,
        };
        Ok(valid.then(|| format!("+{code}{national}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (no dependency for one test).
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn digits(&mut self, n: usize) -> String {
            (0..n)
                .map(|_| char::from(b'0' + (self.next() % 10) as u8))
                .collect()
        }
    }

    /// Asserts that both read `digits` alike; counts the valid ones.
    fn agree(digits: &str, valid: &mut usize) {
        let answer = by_crate(digits, None);
        assert_eq!(
            international(digits),
            answer,
            "+{digits}: this module and the phonenumber crate disagree"
        );
        *valid += usize::from(answer.is_some());
    }

    /// Every country code: the example numbers of every type (valid ones), the same
    /// with a national prefix or a digit more or less, and random digits of every
    /// length screening asks about.
    #[test]
    fn agrees_with_the_crate() {
        let mut rng = Rng(0x5eed_cafe_f00d_1234);
        let (mut valid, mut asked) = (0, 0);
        let mut agree = |digits: &str| {
            asked += 1;
            agree(digits, &mut valid);
        };
        for code in 1u16..1000 {
            let Some(metas) = DATABASE.by_code(&code) else {
                continue;
            };
            for meta in metas {
                let d = meta.descriptors();
                let mut examples: Vec<&str> = [
                    Some(d.general()),
                    d.fixed_line(),
                    d.mobile(),
                    d.toll_free(),
                    d.premium_rate(),
                    d.shared_cost(),
                    d.personal_number(),
                    d.voip(),
                    d.pager(),
                    d.uan(),
                    d.voicemail(),
                ]
                .into_iter()
                .flatten()
                .filter_map(|x| x.example())
                .collect();
                examples.dedup();
                for example in examples {
                    agree(&format!("{code}{example}"));
                    agree(&format!("{code}0{example}"));
                    agree(&format!("{code}{example}{}", rng.digits(1)));
                    if let Some(shorter) = example.get(..example.len().saturating_sub(1)) {
                        agree(&format!("{code}{shorter}"));
                    }
                    if let Some(prefix) = meta.national_prefix() {
                        agree(&format!("{code}{prefix}{example}"));
                    }
                }
            }
            for len in 4..=13 {
                agree(&format!("{code}{}", rng.digits(len)));
            }
        }
        // Not country codes.
        for digits in ["0855123456", "999123456789", "2123456789"] {
            agree(digits);
        }
        // Both answers must have been exercised, valid numbers and not.
        assert!(
            valid > 2000 && asked - valid > 2000,
            "{valid} of {asked} valid"
        );
    }
}
