//! The data files an analyst edits: their shapes, the embedded defaults, and loading
//! them from a directory.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// The languages every sign covers. Keys of the per-language pattern lists.
pub const LANGUAGES: [&str; 10] = ["en", "zh", "th", "vi", "ms", "km", "my", "tl", "ko", "ja"];

pub const SIGNALS_TOML: &str = include_str!("../data/signals.toml");
pub const SALARY_TOML: &str = include_str!("../data/salary.toml");
pub const CONTACTS_TOML: &str = include_str!("../data/contacts.toml");
pub const WEIGHTS_TOML: &str = include_str!("../data/weights.toml");
pub const COUNTRIES_TOML: &str = include_str!("../data/countries.toml");

/// Why a data file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{file}: {message}")]
    Invalid { file: String, message: String },
    #[error("{file}: {source}")]
    Io {
        file: String,
        #[source]
        source: std::io::Error,
    },
}

impl ConfigError {
    pub(crate) fn invalid(file: &str, message: impl Into<String>) -> ConfigError {
        ConfigError::Invalid {
            file: file.to_string(),
            message: message.into(),
        }
    }
}

/// Patterns per language: `en = [...]`, `zh = [...]` ...
pub type PerLanguage = BTreeMap<String, Vec<String>>;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignalsFile {
    pub signal: Vec<SignalDef>,
    pub age_range: AgeRangeDef,
    pub ranges: RangesDef,
    #[serde(default)]
    pub ignore: IgnoreDef,
}

#[derive(Debug, Clone, Deserialize)]
pub struct SignalDef {
    pub code: String,
    pub label: String,
    #[serde(flatten)]
    pub patterns: PerLanguage,
}

#[derive(Debug, Clone, Deserialize)]
pub struct AgeRangeDef {
    pub label: String,
    pub min: u32,
    pub max: u32,
    pub before: usize,
    pub after: usize,
    #[serde(flatten)]
    pub patterns: PerLanguage,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RangesDef {
    pub separators: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IgnoreDef {
    pub patterns: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SalaryFile {
    pub far_above: f64,
    pub window: usize,
    /// Amounts above this many times the wage they are compared with are taken as
    /// misreadings.
    pub max_times_wage: f64,
    pub currency: Vec<CurrencyDef>,
    pub multiplier: Vec<MultiplierDef>,
    pub period: Vec<PeriodDef>,
    pub salary_words: PerLanguage,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CurrencyDef {
    pub code: String,
    /// USD for one unit, where a sourced rate is known.
    #[serde(default)]
    pub usd: Option<f64>,
    /// Where the rate comes from, and its date.
    #[serde(default)]
    pub usd_source: Option<String>,
    pub tokens: Vec<String>,
    #[serde(default)]
    pub suffix_only: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MultiplierDef {
    pub factor: f64,
    pub tokens: Vec<String>,
    #[serde(default)]
    pub implies: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeriodDef {
    pub name: String,
    pub months: f64,
    pub tokens: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactsFile {
    pub window: usize,
    pub telegram: MentionDef,
    pub whatsapp: MentionDef,
    pub line: MentionDef,
    pub wechat: MentionDef,
    pub zalo: MentionDef,
    pub viber: MentionDef,
    pub kakaotalk: MentionDef,
    pub signal: MentionDef,
    pub imo: MentionDef,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MentionDef {
    pub mentions: Vec<String>,
}

/// `countries.toml`: the countries an ad may target or a number may belong to, with
/// the evidence that points to them and their wage.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountriesFile {
    /// The country whose wage an amount is compared with when its currency has no
    /// country of its own in the table and the text points to none with a wage.
    pub fallback: String,
    pub country: Vec<CountryDef>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountryDef {
    /// ISO 3166-1 alpha-2, as libphonenumber knows it.
    pub code: String,
    /// ISO 4217 code of its currency (a `[[currency]]` of salary.toml).
    pub currency: String,
    /// The typical monthly wage in `currency`, when a sourced figure was found.
    #[serde(default)]
    pub wage_month: Option<f64>,
    /// What the figure is (median or average, of whom, which period).
    #[serde(default)]
    pub wage: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
    /// When the source was published (YYYY-MM-DD or YYYY-MM).
    #[serde(default)]
    pub date: Option<String>,
    /// Words that name its people or language ("Vietnamese", "người Việt"): the
    /// ad is aimed at them, and a number beside them is likely theirs.
    #[serde(default)]
    pub people: Vec<String>,
    /// Its name and places: a number beside them is likely the country's (but an ad
    /// naming a place is not aimed at its people: it may be the destination).
    #[serde(default)]
    pub places: Vec<String>,
    /// Pattern languages of signals.toml whose matches point to it.
    #[serde(default)]
    pub languages: Vec<String>,
    /// Unicode ranges (first and last code point) of scripts written there.
    #[serde(default)]
    pub scripts: Vec<[u32; 2]>,
    /// Messengers (contacts.toml sections) used mostly there.
    #[serde(default)]
    pub messengers: Vec<String>,
}

/// All data files, parsed.
#[derive(Debug, Clone)]
pub struct Config {
    pub signals: SignalsFile,
    pub salary: SalaryFile,
    pub contacts: ContactsFile,
    pub countries: CountriesFile,
    pub weights: crate::score::Weights,
    /// SHA-256 (hex) of the texts of signals.toml, salary.toml, contacts.toml and
    /// countries.toml as
    /// read: part of [`crate::Screener::fingerprint`].
    pub patterns_sha256: String,
}

/// SHA-256 of the pattern files' texts, each preceded by its name and length so
/// that moving text from one file to another changes it too.
fn patterns_sha256(signals: &str, salary: &str, contacts: &str, countries: &str) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    for (name, text) in [
        ("signals.toml", signals),
        ("salary.toml", salary),
        ("contacts.toml", contacts),
        ("countries.toml", countries),
    ] {
        h.update(format!("{name} {}\n", text.len()));
        h.update(text);
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

fn parse<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T, ConfigError> {
    toml::from_str(text).map_err(|e| ConfigError::invalid(file, e.to_string()))
}

impl Config {
    /// The data files shipped in the crate.
    pub fn embedded() -> Result<Config, ConfigError> {
        Config::from_texts(SIGNALS_TOML, SALARY_TOML, CONTACTS_TOML, WEIGHTS_TOML)
    }

    /// The given texts, with the shipped countries.toml.
    pub fn from_texts(
        signals: &str,
        salary: &str,
        contacts: &str,
        weights: &str,
    ) -> Result<Config, ConfigError> {
        Config::from_all_texts(signals, salary, contacts, COUNTRIES_TOML, weights)
    }

    pub fn from_all_texts(
        signals: &str,
        salary: &str,
        contacts: &str,
        countries: &str,
        weights: &str,
    ) -> Result<Config, ConfigError> {
        let config = Config {
            signals: parse("signals.toml", signals)?,
            salary: parse("salary.toml", salary)?,
            contacts: parse("contacts.toml", contacts)?,
            countries: parse("countries.toml", countries)?,
            weights: crate::score::Weights::from_toml(weights)
                .map_err(|m| ConfigError::invalid("weights.toml", m))?,
            patterns_sha256: patterns_sha256(signals, salary, contacts, countries),
        };
        config.check()?;
        Ok(config)
    }

    /// Loads `signals.toml`, `salary.toml`, `contacts.toml` and `weights.toml` from
    /// `dir`; a file that is not there is taken from the embedded defaults, so an
    /// analyst can copy and edit only the file they change.
    pub fn from_dir(dir: &Path) -> Result<Config, ConfigError> {
        let read = |name: &str, default: &'static str| -> Result<String, ConfigError> {
            let path = dir.join(name);
            match std::fs::read_to_string(&path) {
                Ok(text) => Ok(text),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(default.to_string()),
                Err(source) => Err(ConfigError::Io {
                    file: path.display().to_string(),
                    source,
                }),
            }
        };
        let named = |name: &str, e: ConfigError| match e {
            ConfigError::Invalid { message, .. } => ConfigError::Invalid {
                file: dir.join(name).display().to_string(),
                message,
            },
            other => other,
        };
        let signals = read("signals.toml", SIGNALS_TOML)?;
        let salary = read("salary.toml", SALARY_TOML)?;
        let contacts = read("contacts.toml", CONTACTS_TOML)?;
        let weights = read("weights.toml", WEIGHTS_TOML)?;
        let countries = read("countries.toml", COUNTRIES_TOML)?;
        let config = Config {
            signals: parse("signals.toml", &signals).map_err(|e| named("signals.toml", e))?,
            salary: parse("salary.toml", &salary).map_err(|e| named("salary.toml", e))?,
            contacts: parse("contacts.toml", &contacts).map_err(|e| named("contacts.toml", e))?,
            countries: parse("countries.toml", &countries)
                .map_err(|e| named("countries.toml", e))?,
            weights: crate::score::Weights::from_toml(&weights).map_err(|m| {
                ConfigError::invalid(&dir.join("weights.toml").display().to_string(), m)
            })?,
            patterns_sha256: patterns_sha256(&signals, &salary, &contacts, &countries),
        };
        config.check()?;
        Ok(config)
    }

    fn check(&self) -> Result<(), ConfigError> {
        for signal in &self.signals.signal {
            if !crate::is_code(&signal.code) {
                return Err(ConfigError::invalid(
                    "signals.toml",
                    format!(
                        "signal code {:?}: expected lower-case letters, digits and _",
                        signal.code
                    ),
                ));
            }
            for (lang, patterns) in &signal.patterns {
                if !LANGUAGES.contains(&lang.as_str()) {
                    return Err(ConfigError::invalid(
                        "signals.toml",
                        format!(
                            "signal {}: unknown key {lang:?}; expected label or one of {}",
                            signal.code,
                            LANGUAGES.join(", ")
                        ),
                    ));
                }
                if let Some(p) = patterns
                    .iter()
                    .find(|p| p.trim_end_matches('*').trim().is_empty())
                {
                    return Err(ConfigError::invalid(
                        "signals.toml",
                        format!("signal {}: empty pattern {p:?} in {lang}", signal.code),
                    ));
                }
            }
        }
        let s = &self.salary;
        for c in &s.currency {
            if c.usd.is_some_and(|u| !(u > 0.0 && u.is_finite())) {
                return Err(ConfigError::invalid(
                    "salary.toml",
                    format!("currency {}: usd must be above 0", c.code),
                ));
            }
        }
        let countries = &self.countries;
        for c in &countries.country {
            let bad = |m: String| Err(ConfigError::invalid("countries.toml", m));
            if !s.currency.iter().any(|k| k.code == c.currency) {
                return bad(format!(
                    "country {}: unknown currency {}",
                    c.code, c.currency
                ));
            }
            if crate::contacts::Region::parse(&c.code).is_none() {
                return bad(format!(
                    "country {}: not a region libphonenumber knows",
                    c.code
                ));
            }
            if c.wage_month.is_some_and(|w| !(w > 0.0 && w.is_finite()))
                || (c.wage_month.is_some() && (c.source.is_none() || c.date.is_none()))
            {
                return bad(format!(
                    "country {}: a wage_month must be above 0 and have a source and a date",
                    c.code
                ));
            }
            if let Some(l) = c
                .languages
                .iter()
                .find(|l| !LANGUAGES.contains(&l.as_str()))
            {
                return bad(format!("country {}: unknown language {l:?}", c.code));
            }
            if let Some(r) = c.scripts.iter().find(|r| r[0] > r[1] || r[1] > 0x10FFFF) {
                return bad(format!("country {}: bad script range {r:?}", c.code));
            }
            let known = [
                "telegram",
                "whatsapp",
                "line",
                "wechat",
                "zalo",
                "viber",
                "kakaotalk",
                "signal",
                "imo",
            ];
            if let Some(m) = c.messengers.iter().find(|m| !known.contains(&m.as_str())) {
                return bad(format!("country {}: unknown messenger {m:?}", c.code));
            }
        }
        if !countries
            .country
            .iter()
            .any(|c| c.code == countries.fallback && c.wage_month.is_some())
        {
            return Err(ConfigError::invalid(
                "countries.toml",
                format!(
                    "fallback {}: must be a country with a wage_month",
                    countries.fallback
                ),
            ));
        }
        for m in &s.multiplier {
            if let Some(code) = &m.implies {
                if !s.currency.iter().any(|c| &c.code == code) {
                    return Err(ConfigError::invalid(
                        "salary.toml",
                        format!("multiplier {:?}: implies unknown currency {code}", m.tokens),
                    ));
                }
            }
        }
        if s.period.iter().any(|p| p.months <= 0.0) || s.far_above <= 0.0 || s.max_times_wage <= 0.0
        {
            return Err(ConfigError::invalid(
                "salary.toml",
                "period months, far_above and max_times_wage must be above 0",
            ));
        }
        Ok(())
    }
}
