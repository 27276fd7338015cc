//! Which country a text, or one line of it, points to (countries.toml): for the wage
//! an amount is compared with, and the region a number without an international
//! prefix is read in. The evidence is what the one automaton pass found (words of a
//! country's people and places, the languages of the patterns matched, currencies,
//! messengers), the scripts of the characters, and numbers written with a prefix.

use crate::config::{Config, LANGUAGES};
use crate::contacts::Region;
use crate::matcher::{Hit, Matcher, Messenger, Role};

/// How much each piece of evidence counts. These only order the candidates (the
/// highest first, ties in file order); a number is read in the first region where
/// libphonenumber holds it valid.
const SCRIPT: u32 = 3;
const PEOPLE: u32 = 3;
const PLACE: u32 = 2;
const LANGUAGE: u32 = 1;
const CURRENCY: u32 = 2;
const MESSENGER: u32 = 2;
const PREFIX: u32 = 2;
const NEAREST_PREFIX: u32 = 1;

pub(crate) struct Countries {
    pub regions: Vec<Region>,
    /// "+84" per country: a number with this prefix points to it.
    pub calling: Vec<String>,
    /// Per country: index of its currency in salary.toml, and its monthly wage.
    pub currency: Vec<u16>,
    pub wage: Vec<Option<f64>>,
    /// Countries per pattern language, per currency, per messenger.
    by_language: Vec<Vec<u16>>,
    by_currency: Vec<Vec<u16>>,
    by_messenger: Vec<(Messenger, u16)>,
    /// (first, last code point, country), in file order.
    scripts: Vec<(u32, u32, u16)>,
    pub fallback: u16,
}

/// Which evidence counts: the wage an ad is aimed at takes no places and numbers.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Purpose {
    Wage,
    Phone,
}

impl Countries {
    pub(crate) fn new(config: &Config) -> Countries {
        let defs = &config.countries.country;
        let currencies = &config.salary.currency;
        let mut c = Countries {
            regions: Vec::new(),
            calling: Vec::new(),
            currency: Vec::new(),
            wage: Vec::new(),
            by_language: vec![Vec::new(); LANGUAGES.len()],
            by_currency: vec![Vec::new(); currencies.len()],
            by_messenger: Vec::new(),
            scripts: Vec::new(),
            fallback: 0,
        };
        for (i, d) in defs.iter().enumerate() {
            let i = i as u16;
            // Checked by Config::check.
            let region = Region::parse(&d.code).expect("a known region");
            let code = phonenumber::metadata::DATABASE
                .by_id(d.code.as_str())
                .map(|m| m.country_code())
                .unwrap_or(0);
            c.regions.push(region);
            c.calling.push(format!("+{code}"));
            let cur = currencies
                .iter()
                .position(|k| k.code == d.currency)
                .unwrap_or(0);
            c.currency.push(cur as u16);
            c.by_currency[cur].push(i);
            c.wage.push(d.wage_month);
            for l in &d.languages {
                if let Some(p) = LANGUAGES.iter().position(|x| x == l) {
                    c.by_language[p].push(i);
                }
            }
            for m in &d.messengers {
                for k in [
                    Messenger::Telegram,
                    Messenger::Whatsapp,
                    Messenger::Line,
                    Messenger::Wechat,
                    Messenger::Zalo,
                    Messenger::Viber,
                    Messenger::Kakaotalk,
                    Messenger::Signal,
                    Messenger::Imo,
                ] {
                    if k.name() == m {
                        c.by_messenger.push((k, i));
                    }
                }
            }
            for r in &d.scripts {
                c.scripts.push((r[0], r[1], i));
            }
            if d.code == config.countries.fallback {
                c.fallback = i;
            }
        }
        c
    }

    pub(crate) fn len(&self) -> usize {
        self.regions.len()
    }

    /// Adds the evidence in `text[start..end]` to `score` (one entry per country).
    /// `hits` are the automaton's matches in order; `phones` the E.164 numbers
    /// written with a prefix in the span, with their positions (for `Purpose::Phone`;
    /// `at` is where the number being read starts).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn evidence(
        &self,
        matcher: &Matcher,
        text: &str,
        (start, end): (usize, usize),
        hits: &[Hit],
        phones: &[(usize, &str)],
        at: usize,
        purpose: Purpose,
        score: &mut [u32],
    ) {
        let from = hits.partition_point(|h| (h.start as usize) < start);
        for hit in hits[from..].iter().take_while(|h| (h.end as usize) <= end) {
            for role in matcher.roles(hit) {
                match *role {
                    Role::People(c) => score[c as usize] += PEOPLE,
                    Role::Place(c) if purpose == Purpose::Phone => score[c as usize] += PLACE,
                    Role::Language(l) => {
                        for &c in &self.by_language[l as usize] {
                            score[c as usize] += LANGUAGE;
                        }
                    }
                    Role::Currency(k) => {
                        for &c in &self.by_currency[k as usize] {
                            score[c as usize] += CURRENCY;
                        }
                    }
                    Role::Mention(m) => {
                        for &(k, c) in &self.by_messenger {
                            if k == m {
                                score[c as usize] += MESSENGER;
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        // Scripts: each country's once per span.
        let mut seen = [false; 64];
        if let Some(span) = text.get(start..end) {
            for ch in span.chars().filter(|c| !c.is_ascii()) {
                let cp = ch as u32;
                for &(lo, hi, c) in &self.scripts {
                    if lo <= cp && cp <= hi && !seen.get(c as usize).copied().unwrap_or(true) {
                        seen[c as usize] = true;
                        score[c as usize] += SCRIPT;
                    }
                }
            }
        }
        if purpose == Purpose::Phone {
            let nearest = phones
                .iter()
                .filter(|(p, _)| *p < at)
                .max_by_key(|(p, _)| *p)
                .map(|(p, _)| *p);
            for &(p, value) in phones {
                for (c, code) in self.calling.iter().enumerate() {
                    if value.starts_with(code.as_str()) {
                        score[c] += PREFIX
                            + if Some(p) == nearest {
                                NEAREST_PREFIX
                            } else {
                                0
                            };
                    }
                }
            }
        }
    }

    /// Countries with evidence, highest score first, ties in file order.
    pub(crate) fn ranked(&self, score: &[u32], out: &mut Vec<u16>) {
        out.clear();
        out.extend((0..self.len() as u16).filter(|&c| score[c as usize] > 0));
        out.sort_by_key(|&c| std::cmp::Reverse(score[c as usize]));
    }
}
