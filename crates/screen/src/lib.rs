//! Recruitment-lure screening (issue 6): which signs of a scam-compound recruitment
//! ad a text shows and where, the recruiter's contacts, a score, and networks of ads
//! that share a contact.
//!
//! - [`Screener`] holds the compiled data files (`data/*.toml`, embedded; an analyst's
//!   edited copies load with [`Screener::from_dir`]).
//! - [`screen_text`] screens one text; [`screen_stream`] screens JSON Lines, CSV or
//!   plain lines in parallel and writes FORMAT.md's Screening output in input order.
//! - [`evaluate`] and [`train`] measure and fit the logistic-regression weights.
//! - [`build_networks`] links ads (and testimonies or persons) sharing contacts;
//!   [`keyed_contact_hash`] lets restricted contacts link without plaintext.
//!
//! Pure apart from [`screen_stream`], which only reads and writes what it is given.
//! docs/SCREENING.md describes the signs, the data files and the scoring.

pub mod config;
mod contacts;
mod country;
mod e164;
mod matcher;
mod network;
mod numbers;
pub mod score;
mod stream;
pub mod wallet;

pub use config::{Config, ConfigError, LANGUAGES};
pub use contacts::{Contact, ContactType, Region};
pub use network::{build_networks, keyed_contact_hash, Network, NetworkMember};
pub use score::{evaluate, train, Confusion, EvalError, Level, Metrics, Weights};
pub use stream::{
    screen_stream, InputFormat, OutputFormat, ScreenOptions, Summary, MAX_LINE_BYTES,
};
pub use wallet::Chain;

use contacts::{Found, Mention};
use matcher::{Hit, Matcher, Role, SuffixRole};
use numbers::Num;
use std::cell::RefCell;
use std::path::Path;
use std::sync::Arc;

/// Pay far above the local market (salary.toml).
pub const HIGH_PAY: &str = "high_pay";
/// An age range as a requirement (signals.toml, `age_range`).
pub const AGE_RANGE: &str = "age_range";
/// Contact through a messenger app (contacts.toml mentions, t.me / wa.me links, and
/// the `messenger` phrases of signals.toml).
pub const MESSENGER: &str = "messenger";

const HIGH_PAY_IDX: u16 = 0;
const AGE_RANGE_IDX: u16 = 1;
const MESSENGER_IDX: u16 = 2;

/// A signal code: lower-case ASCII letters, digits and `_`.
pub(crate) fn is_code(code: &str) -> bool {
    !code.is_empty()
        && code
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// Which sign matched, and where: byte offsets into the screened text, end exclusive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signal {
    pub code: Arc<str>,
    pub start: usize,
    pub end: usize,
}

/// The result of screening one text.
#[derive(Clone, Debug, PartialEq)]
pub struct Screening {
    /// 0 to 1: the logistic model's probability that the text is a lure.
    pub score: f64,
    pub level: Level,
    /// In order of start, then end.
    pub signals: Vec<Signal>,
    /// Each (type, value) once, in order of first appearance.
    pub contacts: Vec<Contact>,
    /// For each contact (same order): the region a number written without an
    /// international prefix was read in, given or inferred from the text.
    pub contact_regions: Vec<Option<Region>>,
}

/// The compiled data files. Build once, share between threads.
pub struct Screener {
    matcher: Matcher,
    countries: country::Countries,
    config: Config,
    /// Index into `weights` per feature: signal codes, then contact features.
    weights: Vec<f64>,
    bias: f64,
    /// See [`Screener::fingerprint`].
    fingerprint: String,
}

fn fingerprint(config: &Config) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    h.update(concat!(
        "zonewatch-screen ",
        env!("CARGO_PKG_VERSION"),
        "\n"
    ));
    h.update(&config.patterns_sha256);
    h.update("\n");
    // The weights as written back, so that comments and layout do not count.
    h.update(config.weights.to_toml());
    let hex: String = h.finalize().iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}

/// Features from contacts, after the signal codes.
pub const CONTACT_FEATURES: [&str; 3] = ["contact_messenger", "contact_phone", "contact_wallet"];

#[derive(Default)]
struct Scratch {
    lower: String,
    hits: Vec<Hit>,
    nums: Vec<Num>,
    mentions: Vec<Mention>,
    urls: Vec<(usize, usize)>,
    skip: Vec<(usize, usize)>,
    evidence: Vec<(usize, usize, Option<u16>)>,
    currencies: Vec<(usize, usize, u16)>,
    age_words: Vec<(usize, usize)>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// The most of one text that is screened (bytes). Real ads are a few kilobytes; the
/// longest lure in the test corpora is under 8 KiB. Signs and contacts after this
/// point are not found (docs/SCREENING.md).
pub const MAX_SCREENED_BYTES: usize = 64 * 1024;

/// The first [`MAX_SCREENED_BYTES`] of `text`, cut at a character boundary.
fn screened_part(text: &str) -> &str {
    if text.len() <= MAX_SCREENED_BYTES {
        return text;
    }
    let mut end = MAX_SCREENED_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Screens `text`; numbers without an international prefix are read in the region
/// their line points to (see [`Screener::screen`]).
pub fn screen_text(screener: &Screener, text: &str) -> Screening {
    screener.screen(text, None)
}

impl Screener {
    /// The screener over the data files shipped in the crate.
    pub fn new() -> Result<Screener, ConfigError> {
        Screener::from_config(Config::embedded()?)
    }

    /// The screener over an analyst's data directory (files missing there are taken
    /// from the embedded defaults).
    pub fn from_dir(dir: &Path) -> Result<Screener, ConfigError> {
        Screener::from_config(Config::from_dir(dir)?)
    }

    pub fn from_config(config: Config) -> Result<Screener, ConfigError> {
        let matcher = Matcher::new(&config)?;
        let countries = country::Countries::new(&config);
        let mut screener = Screener {
            matcher,
            countries,
            config,
            weights: Vec::new(),
            bias: 0.0,
            fingerprint: String::new(),
        };
        let weights = screener.config.weights.clone();
        screener.set_weights(&weights)?;
        Ok(screener)
    }

    /// Replaces the scoring weights (e.g. with freshly trained ones).
    pub fn set_weights(&mut self, weights: &Weights) -> Result<(), ConfigError> {
        let names = self.feature_names();
        for name in weights.weights.keys() {
            if !names.iter().any(|n| n == name) {
                return Err(ConfigError::invalid(
                    "weights.toml",
                    format!(
                        "weight for unknown feature {name:?}; features are {}",
                        names.join(", ")
                    ),
                ));
            }
        }
        self.weights = names
            .iter()
            .map(|n| weights.weights.get(n).copied().unwrap_or(0.0))
            .collect();
        self.bias = weights.bias;
        self.config.weights = weights.clone();
        self.fingerprint = fingerprint(&self.config);
        Ok(())
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// What the results of this screener depend on, as `sha256:` and 64 hex digits:
    /// this crate's version (the code), the pattern files' texts and the weights.
    /// Stored results carry it, so that results of other patterns or weights are
    /// known to be out of date.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// Signal codes in feature order, then [`CONTACT_FEATURES`].
    pub fn feature_names(&self) -> Vec<String> {
        self.matcher
            .signal_codes
            .iter()
            .map(|c| c.to_string())
            .chain(CONTACT_FEATURES.iter().map(|s| s.to_string()))
            .collect()
    }

    /// The binary feature vector of a screening (1.0 where the sign is present).
    pub fn features(&self, screening: &Screening) -> Vec<f64> {
        let codes = &self.matcher.signal_codes;
        let mut x = vec![0.0; codes.len() + CONTACT_FEATURES.len()];
        for s in &screening.signals {
            if let Some(i) = codes
                .iter()
                .position(|c| Arc::ptr_eq(c, &s.code) || **c == *s.code)
            {
                x[i] = 1.0;
            }
        }
        let n = codes.len();
        for c in &screening.contacts {
            match c.kind {
                ContactType::Telegram
                | ContactType::Whatsapp
                | ContactType::Line
                | ContactType::Wechat
                | ContactType::Zalo
                | ContactType::Viber
                | ContactType::Kakaotalk
                | ContactType::Signal => x[n] = 1.0,
                ContactType::Phone => x[n + 1] = 1.0,
                ContactType::Wallet => x[n + 2] = 1.0,
                _ => {}
            }
        }
        x
    }

    /// The score without building the feature vector: the signals' codes are this
    /// screener's own `Arc`s, found by pointer.
    fn score_fast(&self, screening: &Screening) -> f64 {
        let codes = &self.matcher.signal_codes;
        let mut present = [false; 64];
        if codes.len() + CONTACT_FEATURES.len() > present.len() {
            return self.score_of(&self.features(screening));
        }
        for s in &screening.signals {
            if let Some(i) = codes.iter().position(|c| Arc::ptr_eq(c, &s.code)) {
                present[i] = true;
            }
        }
        let n = codes.len();
        for c in &screening.contacts {
            match c.kind {
                ContactType::Telegram
                | ContactType::Whatsapp
                | ContactType::Line
                | ContactType::Wechat
                | ContactType::Zalo
                | ContactType::Viber
                | ContactType::Kakaotalk
                | ContactType::Signal => present[n] = true,
                ContactType::Phone => present[n + 1] = true,
                ContactType::Wallet => present[n + 2] = true,
                _ => {}
            }
        }
        let z = self.bias
            + self
                .weights
                .iter()
                .zip(&present)
                .filter(|(_, &p)| p)
                .map(|(w, _)| w)
                .sum::<f64>();
        1.0 / (1.0 + (-z).exp())
    }

    fn score_of(&self, x: &[f64]) -> f64 {
        let z = self.bias + x.iter().zip(&self.weights).map(|(a, b)| a * b).sum::<f64>();
        1.0 / (1.0 + (-z).exp())
    }

    /// Screens `text`, reading numbers written without an international prefix as
    /// phone numbers of `region` when one is given, else of the region their line
    /// (or the whole text) points to (countries.toml). Only the first
    /// [`MAX_SCREENED_BYTES`] are read: the work per text is bounded, whatever it
    /// holds (a megabyte of links took seconds).
    pub fn screen(&self, text: &str, region: Option<Region>) -> Screening {
        let text = screened_part(text);
        SCRATCH.with(|s| match s.try_borrow_mut() {
            Ok(mut scratch) => self.screen_with(text, region, &mut scratch),
            Err(_) => self.screen_with(text, region, &mut Scratch::default()),
        })
    }

    fn screen_with(&self, text: &str, region: Option<Region>, s: &mut Scratch) -> Screening {
        s.hits.clear();
        s.nums.clear();
        s.mentions.clear();
        s.urls.clear();
        s.skip.clear();
        s.evidence.clear();
        s.currencies.clear();
        s.age_words.clear();
        let codes = &self.matcher.signal_codes;
        let mut signals: Vec<Signal> = Vec::with_capacity(16);
        let mut found: Vec<Found> = Vec::new();
        let signal = |idx: u16, start: usize, end: usize| Signal {
            code: codes[idx as usize].clone(),
            start,
            end,
        };

        self.matcher.scan(text, &mut s.lower, &mut s.hits);

        // Links first: mentions and '@' inside a URL are part of it.
        for hit in &s.hits {
            let (start, end) = (hit.start as usize, hit.end as usize);
            if self.matcher.roles(hit).contains(&Role::Link)
                && !s.urls.iter().any(|&(a, b)| a <= start && start < b)
            {
                if let Some(span) = contacts::url_at(text, start, &mut found) {
                    if let Some(last) = found.last() {
                        if matches!(
                            last.contact.kind,
                            ContactType::Telegram | ContactType::Whatsapp | ContactType::Line
                        ) {
                            signals.push(signal(MESSENGER_IDX, start, span.1.max(end)));
                        }
                    }
                    s.urls.push(span);
                }
            }
        }
        for hit in &s.hits {
            let (start, end) = (hit.start as usize, hit.end as usize);
            for role in self.matcher.roles(hit) {
                match *role {
                    Role::Signal(i) => signals.push(signal(i, start, end)),
                    Role::Mention(m) => {
                        if !s.urls.iter().any(|&(a, b)| a <= start && start < b) {
                            s.mentions.push(Mention {
                                messenger: m,
                                start,
                                end,
                            });
                            signals.push(signal(MESSENGER_IDX, start, end));
                        }
                    }
                    Role::AgeWord => s.age_words.push((start, end)),
                    Role::Currency(c) => s.currencies.push((start, end, c)),
                    Role::Period(p) => s.evidence.push((start, end, Some(p))),
                    Role::SalaryWord => s.evidence.push((start, end, None)),
                    Role::Link
                    | Role::Ignore
                    | Role::People(_)
                    | Role::Place(_)
                    | Role::Language(_) => {}
                }
            }
        }

        numbers::scan_numbers(text, &mut s.nums);
        self.amounts_and_ages(text, s, &mut signals);

        // Numbers without a prefix: the regions their line points to, else the
        // whole text's. Each line is weighed at most once (numbers come in order).
        let countries = &self.countries;
        let hits = &s.hits;
        let mut line_cache: Option<(usize, Vec<u16>)> = None;
        let mut text_cache: Option<Vec<u16>> = None;
        let mut score = vec![0u32; countries.len()];
        let mut infer = |at: usize, found: &[Found], out: &mut Vec<Region>| {
            let line_start = text[..at].rfind('\n').map_or(0, |p| p + 1);
            let line_end = text[at..].find('\n').map_or(text.len(), |p| at + p);
            let prefixed = |(a, b): (usize, usize)| -> Vec<(usize, &str)> {
                found
                    .iter()
                    .filter(|f| {
                        f.contact.kind == ContactType::Phone
                            && f.region.is_none()
                            && a <= f.at
                            && f.at < b
                    })
                    .map(|f| (f.at, f.contact.value.as_str()))
                    .collect()
            };
            let fresh = !matches!(&line_cache, Some((start, _)) if *start == line_start);
            if fresh {
                score.iter_mut().for_each(|x| *x = 0);
                let phones = prefixed((line_start, line_end));
                countries.evidence(
                    &self.matcher,
                    text,
                    (line_start, line_end),
                    hits,
                    &phones,
                    at,
                    country::Purpose::Phone,
                    &mut score,
                );
                let mut ranked = Vec::new();
                countries.ranked(&score, &mut ranked);
                line_cache = Some((line_start, ranked));
            }
            let mut ranked = line_cache.as_ref().map(|c| c.1.clone()).unwrap_or_default();
            if ranked.is_empty() {
                if text_cache.is_none() {
                    score.iter_mut().for_each(|x| *x = 0);
                    let phones = prefixed((0, text.len()));
                    countries.evidence(
                        &self.matcher,
                        text,
                        (0, text.len()),
                        hits,
                        &phones,
                        at,
                        country::Purpose::Phone,
                        &mut score,
                    );
                    let mut r = Vec::new();
                    countries.ranked(&score, &mut r);
                    text_cache = Some(r);
                }
                ranked = text_cache.clone().unwrap_or_default();
            }
            out.extend(ranked.iter().map(|&c| countries.regions[c as usize]));
        };
        contacts::phones(
            text,
            region,
            &s.skip,
            s.nums.iter().map(|n| n.start),
            &mut infer,
            &mut found,
        );
        let window = self.config.contacts.window;
        contacts::phones_beside(text, &s.mentions, window, &mut found);
        contacts::at_signs(text, &s.urls, &s.mentions, window, &mut found);
        contacts::messenger_ids(text, &s.mentions, &s.urls, &mut found);
        contacts::wallets(text, &mut found);
        let (contacts, contact_regions) = contacts::finish(found);

        signals.sort_by_key(|a| (a.start, a.end));
        signals.dedup();
        let mut screening = Screening {
            score: 0.0,
            level: Level::Low,
            signals,
            contacts,
            contact_regions,
        };
        screening.score = self.score_fast(&screening);
        screening.level = self.config.weights.level(screening.score);
        screening
    }

    /// What follows a number: multiplier, currency and period tokens in any order,
    /// each at most once, separated by spaces, "+" or "/". Returns them and the end.
    fn suffix_chain(
        &self,
        text: &str,
        mut at: usize,
    ) -> (Option<u16>, Option<u16>, Option<u16>, usize) {
        let bytes = text.as_bytes();
        let (mut mult, mut cur, mut per) = (None, None, None);
        let mut end = at;
        for _ in 0..4 {
            let mut p = at;
            while p < bytes.len() && p - at < 3 && matches!(bytes[p], b' ' | b'+' | b'/') {
                p += 1;
            }
            // "/month" keeps its slash: try where the separators began first.
            let found = self.matcher.suffix_at(text, at).or_else(|| {
                if p > at {
                    self.matcher.suffix_at(text, p)
                } else {
                    None
                }
            });
            let Some((role, e)) = found else { break };
            let slot = match role {
                SuffixRole::Multiplier(_) => &mut mult,
                SuffixRole::Currency(_) => &mut cur,
                SuffixRole::Period(_) => &mut per,
            };
            let i = match role {
                SuffixRole::Multiplier(i) | SuffixRole::Currency(i) | SuffixRole::Period(i) => i,
            };
            if slot.is_some() {
                break;
            }
            *slot = Some(i);
            at = e;
            end = e;
        }
        (mult, cur, per, end)
    }

    /// The monthly wage, in units of `currency`, that an amount in it is compared
    /// with: its own country's; else the wage of the country the text is aimed at
    /// (or the fallback's), converted through USD. None when it cannot be converted.
    fn wage_for(
        &self,
        text: &str,
        hits: &[Hit],
        currency: u16,
        target: &mut Option<Option<u16>>,
    ) -> Option<f64> {
        let countries = &self.countries;
        let own = (0..countries.len())
            .find(|&c| countries.currency[c] == currency && countries.wage[c].is_some());
        if let Some(c) = own {
            return countries.wage[c];
        }
        let t = *target.get_or_insert_with(|| {
            let mut score = vec![0u32; countries.len()];
            countries.evidence(
                &self.matcher,
                text,
                (0, text.len()),
                hits,
                &[],
                0,
                country::Purpose::Wage,
                &mut score,
            );
            let mut ranked = Vec::new();
            countries.ranked(&score, &mut ranked);
            let rates = &self.config.salary.currency;
            ranked.into_iter().find(|&c| {
                countries.wage[c as usize].is_some()
                    && rates[countries.currency[c as usize] as usize].usd.is_some()
            })
        });
        let c = t.unwrap_or(countries.fallback) as usize;
        let wage = countries.wage[c]?;
        let rates = &self.config.salary.currency;
        let from = rates[countries.currency[c] as usize].usd?;
        let to = rates[currency as usize].usd?;
        Some(wage * from / to)
    }

    fn amounts_and_ages(&self, text: &str, s: &mut Scratch, signals: &mut Vec<Signal>) {
        let salary = &self.config.salary;
        let ages = &self.config.signals.age_range;
        let separators = &self.config.signals.ranges.separators;
        let nums = &s.nums;
        // The country the text is aimed at, weighed once when first needed.
        let mut target: Option<Option<u16>> = None;
        let mut i = 0;
        while i < nums.len() {
            let lower = nums[i];
            let upper = nums
                .get(i + 1)
                .filter(|u| {
                    text.get(lower.end..u.start)
                        .is_some_and(|gap| numbers::joins_range(gap, separators))
                })
                .copied();
            let next = if upper.is_some() { i + 2 } else { i + 1 };
            i = next;

            // Ages: a range of two whole numbers near an age word.
            if let (Some(u), false) = (upper, s.age_words.is_empty()) {
                if let (Some(a), Some(b)) = (lower.plain_int, u.plain_int) {
                    if ages.min <= a && a < b && b <= ages.max {
                        let word = s.age_words.iter().find(|&&(ws, we)| {
                            (we <= lower.start && lower.start - we <= ages.before)
                                || (ws >= u.end && ws - u.end <= ages.after)
                                || (ws >= lower.end && we <= u.start)
                        });
                        if let Some(&(ws, we)) = word {
                            let (start, end) = (ws.min(lower.start), we.max(u.end));
                            signals.push(Signal {
                                code: self.matcher.signal_codes[AGE_RANGE_IDX as usize].clone(),
                                start,
                                end,
                            });
                            s.skip.push((start, end));
                            continue;
                        }
                    }
                }
            }

            // Pay: needs a salary or period word somewhere (a period right after the
            // number is one too).
            if s.evidence.is_empty() {
                continue;
            }
            let prefix_currency = |n: &Num| {
                s.currencies.iter().find(|&&(_, ce, _)| {
                    ce <= n.start
                        && text[ce..n.start].bytes().all(|b| b == b' ')
                        && n.start - ce <= 2
                })
            };
            let (lm, lc, lp, lend) = self.suffix_chain(text, lower.end);
            let (um, uc, up, uend) = match upper {
                Some(u) => self.suffix_chain(text, u.end),
                None => (None, None, None, lower.end),
            };
            let lpre = prefix_currency(&lower);
            let upre = upper.as_ref().and_then(prefix_currency);
            let mult = lm.or(um);
            let implied = mult.and_then(|m| salary.multiplier[m as usize].implies.as_deref());
            let currency = lpre
                .map(|c| c.2)
                .or(lc)
                .or(upre.map(|c| c.2))
                .or(uc)
                .or_else(|| {
                    implied.and_then(|code| {
                        salary
                            .currency
                            .iter()
                            .position(|c| c.code == code)
                            .map(|p| p as u16)
                    })
                });
            let Some(currency) = currency else { continue };
            let start = lpre.map_or(lower.start, |c| c.0);
            let before =
                |e: &&(usize, usize, Option<u16>)| e.1 <= start && start - e.1 <= salary.window;
            let near_period = s
                .evidence
                .iter()
                .rev()
                .filter(|e| e.2.is_some())
                .find(before)
                .and_then(|e| e.2);
            let evidence = lp.is_some() || up.is_some() || s.evidence.iter().any(|e| before(&e));
            if !evidence {
                continue;
            }
            let period = lp.or(up).or(near_period);
            let months = period.map_or(1.0, |p| salary.period[p as usize].months);
            let factor = mult.map_or(1.0, |m| salary.multiplier[m as usize].factor);
            let local_month = lower.value * factor / months;
            let end = lend.max(uend).max(upper.map_or(lower.end, |u| u.end));
            s.skip.push((start, end));
            let Some(wage) = self.wage_for(text, &s.hits, currency, &mut target) else {
                continue;
            };
            if local_month >= salary.far_above * wage && local_month <= salary.max_times_wage * wage
            {
                signals.push(Signal {
                    code: self.matcher.signal_codes[HIGH_PAY_IDX as usize].clone(),
                    start,
                    end,
                });
            }
        }
    }
}
