//! zonewatch's interface languages, with Project Fluent (`fluent-bundle`).
//!
//! Every interface string — the web pages, the Markdown and HTML report, the
//! legal-test text, the labels of the field table and its vocabularies — is a
//! message in a `.ftl` file under `locales/<tag>/`, one folder per locale, embedded
//! in the binary at build time (nothing is read at run time). English (`en`) is the
//! source: every other locale has exactly its keys, with the same variables
//! (tests/locales.rs checks it). docs/TRANSLATING.md tells a translator how to add
//! or correct a locale.
//!
//! Numbers and dates: [`Tr::num`] and [`Tr::date`] write them as each locale's
//! CLDR data does (separators, native digits for Burmese, month names and the
//! order of day, month and year — the month names and patterns are messages too),
//! from a small table here rather than ICU4X: zonewatch writes whole counts and
//! partial dates (`2024`, `2024-05`, `2024-05-20`) in seven fixed locales, which
//! ICU4X's formatters do not model (a date without a day), for megabytes of data
//! and minutes of build. English keeps plain digits and ISO dates, as the report
//! has always written them (they match the JSON report and the records).
//!
//! No I/O: pure functions over the embedded messages.

#![deny(clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// An interface language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Locale {
    /// English, the source language.
    #[default]
    En,
    /// Khmer.
    Km,
    /// Thai.
    Th,
    /// Vietnamese.
    Vi,
    /// Chinese in simplified script.
    ZhHans,
    /// Burmese.
    My,
    /// Indonesian.
    Id,
}

impl Locale {
    pub const ALL: [Locale; 7] = [
        Locale::En,
        Locale::Km,
        Locale::Th,
        Locale::Vi,
        Locale::ZhHans,
        Locale::My,
        Locale::Id,
    ];

    /// The BCP 47 tag, as `<html lang>` and `--lang` write it.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Km => "km",
            Locale::Th => "th",
            Locale::Vi => "vi",
            Locale::ZhHans => "zh-Hans",
            Locale::My => "my",
            Locale::Id => "id",
        }
    }

    /// The language's own name for itself, for the language menu.
    pub fn autonym(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Km => "ខ្មែរ",
            Locale::Th => "ไทย",
            Locale::Vi => "Tiếng Việt",
            Locale::ZhHans => "简体中文",
            Locale::My => "မြန်မာ",
            Locale::Id => "Bahasa Indonesia",
        }
    }

    /// The locale a language tag asks for (`th`, `th-TH`, `zh-CN`, `ZH-hans`), if
    /// zonewatch has it. Every Chinese tag gets simplified Chinese, the only Chinese
    /// locale there is; `in` is the old code of Indonesian.
    pub fn parse(tag: &str) -> Option<Locale> {
        let tag = tag.trim();
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        Some(match primary.as_str() {
            "en" => Locale::En,
            "km" => Locale::Km,
            "th" => Locale::Th,
            "vi" => Locale::Vi,
            "zh" => Locale::ZhHans,
            "my" => Locale::My,
            "id" | "in" => Locale::Id,
            _ => return None,
        })
    }

    /// The best locale of an `Accept-Language` header: its languages by
    /// decreasing `q` (ties in the order written), the first zonewatch has.
    pub fn negotiate(accept_language: &str) -> Option<Locale> {
        let mut wanted: Vec<(u16, usize, &str)> = Vec::new();
        for (i, item) in accept_language.split(',').enumerate() {
            let mut parts = item.split(';');
            let tag = parts.next().unwrap_or("").trim();
            let mut q = 1000u16;
            for p in parts {
                if let Some(v) = p.trim().strip_prefix("q=") {
                    q = v
                        .trim()
                        .parse::<f32>()
                        .map_or(0, |f| (f.clamp(0.0, 1.0) * 1000.0) as u16);
                }
            }
            if !tag.is_empty() && q > 0 {
                wanted.push((q, i, tag));
            }
        }
        wanted.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        wanted
            .into_iter()
            .find_map(|(_, _, tag)| Locale::parse(tag))
    }

    fn index(self) -> usize {
        self as usize
    }

    /// The digits zero to nine (CLDR's default numbering system).
    fn zero(self) -> char {
        match self {
            Locale::My => '\u{1040}',
            _ => '0',
        }
    }

    /// (grouping separator, decimal separator); English writes no grouping.
    fn separators(self) -> (Option<char>, char) {
        match self {
            Locale::En => (None, '.'),
            Locale::Km | Locale::Vi | Locale::Id => (Some('.'), ','),
            Locale::Th | Locale::ZhHans | Locale::My => (Some(','), '.'),
        }
    }
}

impl std::fmt::Display for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(self.tag())
    }
}

macro_rules! files {
    ($(($locale:ident, $dir:literal)),*) => {
        [$(
            (Locale::$locale, "ui.ftl", include_str!(concat!("../locales/", $dir, "/ui.ftl"))),
            (Locale::$locale, "fields.ftl", include_str!(concat!("../locales/", $dir, "/fields.ftl"))),
            (Locale::$locale, "report.ftl", include_str!(concat!("../locales/", $dir, "/report.ftl"))),
            (Locale::$locale, "numbers.ftl", include_str!(concat!("../locales/", $dir, "/numbers.ftl"))),
        )*]
    };
}

/// The message files of every locale, embedded: (locale, file name, text).
pub const FILES: &[(Locale, &str, &str)] = &files![
    (En, "en"),
    (Km, "km"),
    (Th, "th"),
    (Vi, "vi"),
    (ZhHans, "zh-Hans"),
    (My, "my"),
    (Id, "id")
];

/// The files of each locale folder, by name.
pub const FILE_NAMES: [&str; 4] = ["ui.ftl", "fields.ftl", "report.ftl", "numbers.ftl"];

type Bundle = FluentBundle<FluentResource>;

fn bundles() -> &'static [Bundle] {
    static BUNDLES: OnceLock<Vec<Bundle>> = OnceLock::new();
    BUNDLES.get_or_init(|| Locale::ALL.iter().map(|&l| build(l)).collect())
}

fn build(locale: Locale) -> Bundle {
    let id: unic_langid::LanguageIdentifier = locale.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around placeables: the text goes into HTML,
    // Markdown and terminals, where they would be stray invisible characters.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(formatter(locale)));
    for (l, _, text) in FILES {
        if *l != locale {
            continue;
        }
        // A file that does not parse keeps the messages that do (the tests fail
        // on any error); the rest fall back to English.
        let resource = match FluentResource::try_new((*text).to_owned()) {
            Ok(r) => r,
            Err((r, _)) => r,
        };
        bundle.add_resource_overriding(resource);
    }
    bundle
}

type Formatter = fn(&FluentValue, &intl_memoizer::concurrent::IntlLangMemoizer) -> Option<String>;

/// Numbers in messages are written as the locale writes them.
fn formatter(locale: Locale) -> Formatter {
    fn of<const L: usize>(
        value: &FluentValue,
        _: &intl_memoizer::concurrent::IntlLangMemoizer,
    ) -> Option<String> {
        let locale = *Locale::ALL.get(L)?;
        match value {
            FluentValue::Number(n) => Some(format_number(locale, n.value)),
            _ => None,
        }
    }
    match locale {
        Locale::En => of::<0>,
        Locale::Km => of::<1>,
        Locale::Th => of::<2>,
        Locale::Vi => of::<3>,
        Locale::ZhHans => of::<4>,
        Locale::My => of::<5>,
        Locale::Id => of::<6>,
    }
}

fn format_number(locale: Locale, n: f64) -> String {
    let text = if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    };
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    let (group, decimal) = locale.separators();
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    let len = int.len();
    for (i, c) in int.chars().enumerate() {
        if let Some(g) = group {
            if i > 0 && (len - i) % 3 == 0 {
                out.push(g);
            }
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(decimal);
        out.push_str(frac);
    }
    digits_in(locale, &out)
}

fn digits_in(locale: Locale, text: &str) -> String {
    let zero = locale.zero();
    if zero == '0' {
        return text.to_owned();
    }
    text.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) if c.is_ascii_digit() => char::from_u32(zero as u32 + d).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// A value given to a message.
#[derive(Clone, Debug)]
pub enum Arg<'a> {
    Text(Cow<'a, str>),
    /// A number: written as the locale writes numbers, and chooses plural forms.
    Num(f64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Arg<'a> {
        Arg::Text(Cow::Borrowed(s))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Arg<'a> {
        Arg::Text(Cow::Borrowed(s.as_str()))
    }
}

impl From<String> for Arg<'_> {
    fn from(s: String) -> Arg<'static> {
        Arg::Text(Cow::Owned(s))
    }
}

macro_rules! num_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Arg<'static> {
                Arg::Num(n as f64)
            }
        }
        impl From<&$t> for Arg<'_> {
            fn from(n: &$t) -> Arg<'static> {
                Arg::Num(*n as f64)
            }
        }
    )*};
}
num_arg!(u8, u16, u32, u64, usize, i32, i64);

/// Translates into one locale. Cheap to copy; the bundles are built once.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tr {
    locale: Locale,
}

impl Tr {
    pub const EN: Tr = Tr { locale: Locale::En };

    pub fn new(locale: Locale) -> Tr {
        Tr { locale }
    }

    pub fn locale(&self) -> Locale {
        self.locale
    }

    pub fn is_english(&self) -> bool {
        self.locale == Locale::En
    }

    /// Whether the locale (or English, which every locale falls back to) has `key`.
    pub fn has(&self, key: &str) -> bool {
        bundles()
            .iter()
            .take(1)
            .chain(bundles().get(self.locale.index()))
            .any(|b| b.has_message(key))
    }

    /// The message `key` with no variables.
    pub fn t(&self, key: &str) -> String {
        self.f(key, &[])
    }

    /// The message `key` with its variables. A key the locale lacks falls back to
    /// English; one English lacks too comes out as the key itself (the tests fail
    /// on both).
    pub fn f(&self, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Text(s) => fluent_args.set(*name, FluentValue::from(s.as_ref())),
                Arg::Num(n) => fluent_args.set(*name, FluentValue::from(*n)),
            }
        }
        let all = bundles();
        let order = [self.locale.index(), Locale::En.index()];
        for bundle in order.iter().filter_map(|&i| all.get(i)) {
            let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
            return text.into_owned();
        }
        key.to_owned()
    }

    /// A whole number as the locale writes it.
    pub fn num(&self, n: u64) -> String {
        format_number(self.locale, n as f64)
    }

    /// The digits of `text` in the locale's digits (ids and codes are left alone
    /// by never being passed here).
    pub fn digits(&self, text: &str) -> String {
        digits_in(self.locale, text)
    }

    /// A partial date (`2024`, `2024-05`, `2024-05-20`) as the locale writes it,
    /// from the messages `date-year`, `date-month`, `date-day` and `month-N`.
    pub fn date(&self, year: u16, month: Option<u8>, day: Option<u8>) -> String {
        let y = self.digits(&format!("{year:04}"));
        match (month, day) {
            (None, _) => self.f("date-year", &[("year", y.into())]),
            (Some(m), d) => {
                let name = self.t(&format!("month-{m}"));
                let mm = self.digits(&format!("{m:02}"));
                let mut args: Vec<(&str, Arg)> = vec![
                    ("year", y.into()),
                    ("month", name.into()),
                    ("mm", mm.into()),
                ];
                let key = match d {
                    Some(d) => {
                        args.push(("day", self.digits(&d.to_string()).into()));
                        args.push(("dd", self.digits(&format!("{d:02}")).into()));
                        "date-day"
                    }
                    None => "date-month",
                };
                self.f(key, &args)
            }
        }
    }
}

/// Parses the messages of one file: for tests and tools (the key check).
pub fn parse_errors(text: &str) -> Vec<String> {
    match FluentResource::try_new(text.to_owned()) {
        Ok(_) => Vec::new(),
        Err((_, errors)) => errors.iter().map(|e| format!("{e:?}")).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_negotiation() {
        assert_eq!(Locale::parse("zh-CN"), Some(Locale::ZhHans));
        assert_eq!(Locale::parse("TH-th"), Some(Locale::Th));
        assert_eq!(Locale::parse("fr"), None);
        assert_eq!(
            Locale::negotiate("fr-FR,fr;q=0.9,th;q=0.8,en;q=0.7"),
            Some(Locale::Th)
        );
        assert_eq!(Locale::negotiate("en;q=0.5, km"), Some(Locale::Km));
        assert_eq!(Locale::negotiate("de, *;q=0.1"), None);
        assert_eq!(Locale::negotiate("vi;q=0, id"), Some(Locale::Id));
    }

    #[test]
    fn numbers_and_dates() {
        assert_eq!(Tr::new(Locale::En).num(12345), "12345");
        assert_eq!(Tr::new(Locale::Vi).num(12345), "12.345");
        assert_eq!(Tr::new(Locale::Th).num(1234567), "1,234,567");
        assert_eq!(Tr::new(Locale::My).num(2024), "၂,၀၂၄");
        assert_eq!(
            Tr::new(Locale::En).date(2024, Some(5), Some(2)),
            "2024-05-02"
        );
        assert_eq!(Tr::new(Locale::En).date(2024, Some(5), None), "2024-05");
        assert_eq!(
            Tr::new(Locale::ZhHans).date(2024, Some(5), Some(2)),
            "2024年5月2日"
        );
        assert_eq!(Tr::new(Locale::My).date(2024, None, None), "၂၀၂၄");
    }
}
