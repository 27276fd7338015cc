//! The message files stay whole: every locale has exactly English's keys, each
//! message uses the variables English's does, every key is used by some code (or
//! is one the field table, the record kinds or the calendar make), and every file
//! says how it was made.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast;
use zonewatch_i18n::{Locale, FILES, FILE_NAMES};
use zonewatch_model::fields::{fields, value_label_key, FieldType};
use zonewatch_model::Kind;

/// Per message: the variables it shows, and those it uses only to choose a variant.
#[derive(Default, Debug, Clone)]
struct Vars {
    shown: BTreeSet<String>,
    selectors: BTreeSet<String>,
}

impl Vars {
    fn all(&self) -> BTreeSet<String> {
        self.shown.union(&self.selectors).cloned().collect()
    }
}

fn walk_pattern(p: &ast::Pattern<&str>, vars: &mut Vars) {
    for element in &p.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            walk_expression(expression, vars);
        }
    }
}

fn walk_expression(e: &ast::Expression<&str>, vars: &mut Vars) {
    match e {
        ast::Expression::Select { selector, variants } => {
            if let ast::InlineExpression::VariableReference { id } = selector {
                vars.selectors.insert(id.name.to_owned());
            } else {
                walk_inline(selector, vars);
            }
            for v in variants {
                walk_pattern(&v.value, vars);
            }
        }
        ast::Expression::Inline(inline) => walk_inline(inline, vars),
    }
}

fn walk_inline(e: &ast::InlineExpression<&str>, vars: &mut Vars) {
    match e {
        ast::InlineExpression::VariableReference { id } => {
            vars.shown.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => walk_expression(expression, vars),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                walk_inline(a, vars);
            }
        }
        _ => {}
    }
}

/// locale -> key -> variables, with the file each key is in.
fn messages() -> BTreeMap<Locale, BTreeMap<String, (String, Vars)>> {
    let mut all: BTreeMap<Locale, BTreeMap<String, (String, Vars)>> = BTreeMap::new();
    for (locale, file, text) in FILES {
        let resource = match fluent_syntax::parser::parse(*text) {
            Ok(r) => r,
            Err((_, errors)) => panic!("{locale}/{file} does not parse: {errors:?}"),
        };
        let map = all.entry(*locale).or_default();
        for entry in resource.body {
            match entry {
                ast::Entry::Message(m) => {
                    let mut vars = Vars::default();
                    let Some(value) = &m.value else {
                        panic!("{locale}/{file}: {} has no value", m.id.name);
                    };
                    walk_pattern(value, &mut vars);
                    assert!(
                        m.attributes.is_empty(),
                        "{locale}/{file}: {} has attributes",
                        m.id.name
                    );
                    let old = map.insert(m.id.name.to_owned(), ((*file).to_owned(), vars));
                    assert!(old.is_none(), "{locale}: {} twice", m.id.name);
                }
                ast::Entry::Term(t) => {
                    panic!("{locale}/{file}: term -{} (use messages)", t.id.name)
                }
                ast::Entry::Junk { content } => panic!("{locale}/{file}: junk {content:?}"),
                _ => {}
            }
        }
    }
    all
}

/// Files not drafted yet: their messages fall back to English. Each is listed
/// here until it is drafted, and the test fails when a listed file is complete
/// (take it off) or when any other file lacks a key.
const PENDING: &[(Locale, &str)] = &[
    (Locale::Km, "report.ftl"),
    (Locale::Vi, "report.ftl"),
    (Locale::ZhHans, "report.ftl"),
    (Locale::My, "report.ftl"),
    (Locale::Id, "report.ftl"),
];

#[test]
fn every_locale_has_exactly_the_english_keys_in_the_same_files() {
    let all = messages();
    let en = &all[&Locale::En];
    assert!(en.len() > 400, "{}", en.len());
    for locale in Locale::ALL {
        let theirs = &all[&locale];
        let pending = |key: &str| {
            PENDING
                .iter()
                .any(|(l, file)| *l == locale && en.get(key).is_some_and(|(f, _)| f == file))
        };
        for (l, file) in PENDING.iter().filter(|(l, _)| *l == locale) {
            let complete = en
                .iter()
                .filter(|(_, (f, _))| f == file)
                .all(|(k, _)| theirs.contains_key(k));
            assert!(!complete, "{l}/{file} is complete: take it off PENDING");
        }
        let missing: Vec<&String> = en
            .keys()
            .filter(|k| !theirs.contains_key(*k) && !pending(k))
            .collect();
        let extra: Vec<&String> = theirs.keys().filter(|k| !en.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{locale} lacks {missing:?}");
        assert!(
            extra.is_empty(),
            "{locale} has keys English has not: {extra:?}"
        );
        for (key, (file, _)) in theirs {
            assert_eq!(
                &en[key].0, file,
                "{locale}: {key} is in another file than English's"
            );
        }
    }
}

/// Messages whose translations may use any of English's variables, in their own
/// order and choice (a date writes the month by name or by number).
const FREE_FORM: &[&str] = &["date-year", "date-month", "date-day"];
const DATE_VARIABLES: &[&str] = &["year", "month", "mm", "day", "dd"];

#[test]
fn every_message_uses_the_variables_english_does() {
    let all = messages();
    let en = &all[&Locale::En];
    for locale in Locale::ALL {
        for (key, (_, vars)) in &all[&locale] {
            let english = &en[key].1;
            if FREE_FORM.contains(&key.as_str()) {
                let allowed: BTreeSet<String> =
                    DATE_VARIABLES.iter().map(|s| (*s).to_owned()).collect();
                assert!(
                    vars.all().is_subset(&allowed) && !vars.all().is_empty(),
                    "{locale}: {key} uses {:?}",
                    vars.all()
                );
                continue;
            }
            let (theirs, ours) = (vars.all(), english.all());
            let extra: Vec<&String> = theirs.difference(&ours).collect();
            assert!(
                extra.is_empty(),
                "{locale}: {key} uses {extra:?}, which English does not give it"
            );
            // A variable English shows must be shown (or at least used); one English
            // uses only to choose a plural form may be left out by a language
            // without plural forms.
            let missing: Vec<&String> = english
                .shown
                .iter()
                .filter(|v| !vars.all().contains(*v))
                .collect();
            assert!(missing.is_empty(), "{locale}: {key} leaves out {missing:?}");
        }
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn sources(dir: &Path, out: &mut String) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if name != "target" && name != "tests" && name != "fuzz" {
                sources(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs" || e == "html") {
            out.push_str(&std::fs::read_to_string(&path).unwrap_or_default());
        }
    }
}

/// The keys code makes from data: the field table's labels, help and vocabulary
/// values, the record kinds, the months, and the report's counts per kind.
fn generated_keys() -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for kind in Kind::ALL {
        keys.insert(format!("kind-{}", kind.as_str()));
        keys.insert(format!("kind-{}-plural", kind.as_str()));
        keys.insert(format!("report-records-{}", kind.as_str()));
        for def in fields(*kind) {
            keys.insert(def.label_key(*kind));
            keys.extend(def.help_key(*kind));
            if let FieldType::Vocab(_) | FieldType::VocabList(_) = def.ty {
                for value in def.ty.values().unwrap_or_default() {
                    keys.insert(value_label_key(value));
                }
            }
        }
    }
    for month in 1..=12 {
        keys.insert(format!("month-{month}"));
    }
    keys
}

#[test]
fn every_key_is_used_and_every_key_code_makes_is_there() {
    let all = messages();
    let en = &all[&Locale::En];
    let mut code = String::new();
    sources(&root().join("crates"), &mut code);
    assert!(code.len() > 100_000, "the sources were not found");
    let generated = generated_keys();
    let unused: Vec<&String> = en
        .keys()
        .filter(|k| !generated.contains(*k))
        // Countries are named by code from the records: any ISO code may be there.
        .filter(|k| {
            !k.strip_prefix("country-")
                .is_some_and(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()))
        })
        .filter(|k| !code.contains(&format!("\"{k}\"")))
        .collect();
    assert!(unused.is_empty(), "keys no code uses: {unused:?}");
    let absent: Vec<&String> = generated.iter().filter(|k| !en.contains_key(*k)).collect();
    assert!(
        absent.is_empty(),
        "keys code makes that English lacks: {absent:?}"
    );
}

#[test]
fn every_file_is_embedded_and_says_how_it_was_made() {
    for locale in Locale::ALL {
        let dir = root().join("crates/i18n/locales").join(locale.tag());
        let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        on_disk.sort();
        let mut embedded: Vec<String> = FILE_NAMES.iter().map(|s| (*s).to_owned()).collect();
        embedded.sort();
        assert_eq!(on_disk, embedded, "{locale}: files not embedded");
    }
    for (locale, file, text) in FILES {
        let head: String = text.lines().take(4).collect::<Vec<_>>().join("\n");
        if *locale == Locale::En {
            assert!(head.contains("source language"), "en/{file}");
        } else {
            assert!(
                head.contains("machine-drafted, awaiting review by a native speaker"),
                "{locale}/{file} does not say how it was made"
            );
        }
        assert!(
            zonewatch_i18n::parse_errors(text).is_empty(),
            "{locale}/{file}"
        );
    }
}

/// Every message of every locale formats without an error, with every variable
/// English gives it.
#[test]
fn every_message_formats() {
    let all = messages();
    for locale in Locale::ALL {
        let tr = zonewatch_i18n::Tr::new(locale);
        for (key, (_, vars)) in &all[&Locale::En] {
            // (A pending file's messages fall back to English, which formats too.)
            let mut names = vars.all();
            if FREE_FORM.contains(&key.as_str()) {
                names.extend(DATE_VARIABLES.iter().map(|v| (*v).to_owned()));
            }
            let args: Vec<(&str, zonewatch_i18n::Arg)> = names
                .iter()
                .map(|v| (v.as_str(), zonewatch_i18n::Arg::Num(2.0)))
                .collect();
            let text = tr.f(key, &args);
            assert!(!text.is_empty() && text != *key, "{locale}: {key}");
            assert!(!text.contains('{'), "{locale}: {key}: {text}");
        }
    }
}
