//! One Aho-Corasick automaton over every literal in the data files (signal phrases,
//! age words, currencies, period and salary words, messenger mentions, link starts),
//! searched once per text; and a trie for what may follow a number.

use crate::config::{Config, ConfigError};
use daachorse::{CharwiseDoubleArrayAhoCorasick, CharwiseDoubleArrayAhoCorasickBuilder};
use std::collections::HashMap;
use std::sync::Arc;

/// Which messenger a mention names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Messenger {
    Telegram,
    Whatsapp,
    Line,
    Wechat,
    Zalo,
    Viber,
    Kakaotalk,
    Signal,
    Imo,
}

impl Messenger {
    /// Its section name in contacts.toml.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Messenger::Telegram => "telegram",
            Messenger::Whatsapp => "whatsapp",
            Messenger::Line => "line",
            Messenger::Wechat => "wechat",
            Messenger::Zalo => "zalo",
            Messenger::Viber => "viber",
            Messenger::Kakaotalk => "kakaotalk",
            Messenger::Signal => "signal",
            Messenger::Imo => "imo",
        }
    }
}

/// What a matched literal means. A literal may mean several things.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    Signal(u16),
    AgeWord,
    Currency(u16),
    Period(u16),
    SalaryWord,
    Mention(Messenger),
    Link,
    Ignore,
    /// A word naming a country's people or language (countries.toml `people`).
    People(u16),
    /// A country's name or place (countries.toml `places`).
    Place(u16),
    /// A pattern of this language (index into `LANGUAGES`) matched.
    Language(u8),
}

/// What may follow a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SuffixRole {
    Currency(u16),
    Multiplier(u16),
    Period(u16),
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct PatternInfo {
    roles_start: u32,
    roles_len: u32,
    check_start: bool,
    check_end: bool,
}

/// URL starts; their boundaries are checked by the contact extractor.
pub(crate) const LINK_STARTS: [&str; 11] = [
    "http://",
    "https://",
    "www.",
    "t.me/",
    "telegram.me/",
    "telegram.dog/",
    "wa.me/",
    "api.whatsapp.com/",
    "chat.whatsapp.com/",
    "line.me/",
    "lin.ee/",
];

pub(crate) struct Matcher {
    /// Over the ASCII-lower-cased patterns; searched in the ASCII-lower-cased text
    /// (same byte offsets), which makes it ASCII case-insensitive.
    ac: CharwiseDoubleArrayAhoCorasick<u32>,
    info: Vec<PatternInfo>,
    roles: Vec<Role>,
    suffix: SuffixTrie,
    suffix_info: Vec<(SuffixRole, bool)>,
    pub(crate) signal_codes: Vec<Arc<str>>,
}

/// A Latin letter: the letters that are written with spaces between words, so a
/// pattern in them needs a word boundary. Digits are not letters here: "RM3000" and
/// "18tuổi" still match.
pub(crate) fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (('\u{00C0}'..='\u{024F}').contains(&c) && c != '\u{00D7}' && c != '\u{00F7}')
        || ('\u{1E00}'..='\u{1EFF}').contains(&c)
        || ('\u{0300}'..='\u{036F}').contains(&c)
}

fn is_latin_alnum(c: char) -> bool {
    c.is_ascii_digit() || is_latin_letter(c)
}

/// The char ending just before byte `at` (which must be a char boundary).
pub(crate) fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at).and_then(|t| t.chars().next_back())
}

pub(crate) fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..).and_then(|t| t.chars().next())
}

struct Builder {
    patterns: Vec<String>,
    info: Vec<(Vec<Role>, bool, bool)>,
    index: HashMap<String, usize>,
}

impl Builder {
    fn add(&mut self, pattern: &str, role: Role) {
        let (text, prefix) = match pattern.strip_suffix('*') {
            Some(t) => (t.trim(), true),
            None => (pattern.trim(), false),
        };
        if text.is_empty() {
            return;
        }
        let key = text.to_ascii_lowercase();
        let check_start = text.chars().next().is_some_and(is_latin_alnum) && role != Role::Link;
        let check_end =
            !prefix && text.chars().next_back().is_some_and(is_latin_alnum) && role != Role::Link;
        match self.index.get(&key) {
            Some(&i) => {
                let entry = &mut self.info[i];
                if !entry.0.contains(&role) {
                    entry.0.push(role);
                }
            }
            None => {
                self.index.insert(key.clone(), self.patterns.len());
                self.patterns.push(key);
                self.info.push((vec![role], check_start, check_end));
            }
        }
    }
}

/// The tokens that may follow a number (currencies, multipliers, periods) as a trie
/// over ASCII-lower-cased bytes, for the longest token starting exactly at a position.
/// A general automaton's per-search setup cost more than the few steps this takes.
pub(crate) struct SuffixTrie {
    /// Node 0 is the root (its children are in `first`).
    nodes: Vec<TrieNode>,
    /// The root's child for each first byte, either ASCII case (0: none): most numbers
    /// are followed by no token's first byte.
    first: [u32; 256],
}

#[derive(Default)]
struct TrieNode {
    children: Vec<(u8, u32)>,
    /// The token ending here.
    token: Option<u32>,
}

impl SuffixTrie {
    /// `tokens` must be distinct ignoring ASCII case.
    fn new(tokens: &[String]) -> SuffixTrie {
        let mut trie = SuffixTrie {
            nodes: vec![TrieNode::default()],
            first: [0; 256],
        };
        for (t, token) in tokens.iter().enumerate() {
            let mut node = 0usize;
            for b in token.bytes().map(|b| b.to_ascii_lowercase()) {
                let existing = if node == 0 {
                    Some(trie.first[usize::from(b)]).filter(|&n| n != 0)
                } else {
                    trie.nodes[node]
                        .children
                        .iter()
                        .find(|c| c.0 == b)
                        .map(|c| c.1)
                };
                node = match existing {
                    Some(next) => next as usize,
                    None => {
                        let next = trie.nodes.len() as u32;
                        trie.nodes.push(TrieNode::default());
                        if node == 0 {
                            trie.first[usize::from(b)] = next;
                            trie.first[usize::from(b.to_ascii_uppercase())] = next;
                        } else {
                            trie.nodes[node].children.push((b, next));
                        }
                        next as usize
                    }
                };
            }
            trie.nodes[node].token.get_or_insert(t as u32);
        }
        trie
    }

    /// The longest token that `bytes[at..]` starts with (ASCII case ignored): its
    /// index and where it ends.
    fn longest(&self, bytes: &[u8], at: usize) -> Option<(u32, usize)> {
        let mut node = self.first[usize::from(*bytes.get(at)?)] as usize;
        let mut best = None;
        let mut end = at + 1;
        while node != 0 {
            let here = &self.nodes[node];
            if let Some(token) = here.token {
                best = Some((token, end));
            }
            let Some(&b) = bytes.get(end) else { break };
            let b = b.to_ascii_lowercase();
            node = here
                .children
                .iter()
                .find(|c| c.0 == b)
                .map_or(0, |c| c.1 as usize);
            end += 1;
        }
        best
    }
}

impl Matcher {
    pub(crate) fn new(config: &Config) -> Result<Matcher, ConfigError> {
        let mut b = Builder {
            patterns: Vec::new(),
            info: Vec::new(),
            index: HashMap::new(),
        };
        // Ignore first, so that a pattern listed both ways is ignored AND keeps
        // nothing else: an analyst's ignore entry wins.
        for p in &config.signals.ignore.patterns {
            b.add(p, Role::Ignore);
        }
        let mut signal_codes: Vec<Arc<str>> = Vec::new();
        let code_index = |code: &str, codes: &mut Vec<Arc<str>>| -> u16 {
            match codes.iter().position(|c| &**c == code) {
                Some(i) => i as u16,
                None => {
                    codes.push(Arc::from(code));
                    (codes.len() - 1) as u16
                }
            }
        };
        // Fixed codes first, so their indexes are known.
        for code in [crate::HIGH_PAY, crate::AGE_RANGE, crate::MESSENGER] {
            code_index(code, &mut signal_codes);
        }
        let lang = |l: &str| {
            crate::config::LANGUAGES
                .iter()
                .position(|x| *x == l)
                .map(|i| Role::Language(i as u8))
        };
        for signal in &config.signals.signal {
            let i = code_index(&signal.code, &mut signal_codes);
            for (l, patterns) in &signal.patterns {
                for p in patterns {
                    b.add(p, Role::Signal(i));
                    if let Some(r) = lang(l) {
                        b.add(p, r);
                    }
                }
            }
        }
        for (l, patterns) in &config.signals.age_range.patterns {
            for p in patterns {
                b.add(p, Role::AgeWord);
                if let Some(r) = lang(l) {
                    b.add(p, r);
                }
            }
        }
        for (i, c) in config.countries.country.iter().enumerate() {
            for p in &c.people {
                b.add(p, Role::People(i as u16));
            }
            for p in &c.places {
                b.add(p, Role::Place(i as u16));
            }
        }
        let salary = &config.salary;
        for (i, c) in salary.currency.iter().enumerate() {
            for t in &c.tokens {
                b.add(t, Role::Currency(i as u16));
            }
        }
        for (i, p) in salary.period.iter().enumerate() {
            for t in &p.tokens {
                b.add(t, Role::Period(i as u16));
            }
        }
        for (l, words) in &salary.salary_words {
            for w in words {
                b.add(w, Role::SalaryWord);
                if let Some(r) = lang(l) {
                    b.add(w, r);
                }
            }
        }
        let contacts = &config.contacts;
        for (def, m) in [
            (&contacts.telegram, Messenger::Telegram),
            (&contacts.whatsapp, Messenger::Whatsapp),
            (&contacts.line, Messenger::Line),
            (&contacts.wechat, Messenger::Wechat),
            (&contacts.zalo, Messenger::Zalo),
            (&contacts.viber, Messenger::Viber),
            (&contacts.kakaotalk, Messenger::Kakaotalk),
            (&contacts.signal, Messenger::Signal),
            (&contacts.imo, Messenger::Imo),
        ] {
            for t in &def.mentions {
                b.add(t, Role::Mention(m));
            }
        }
        for l in LINK_STARTS {
            b.add(l, Role::Link);
        }
        // The main pass: a character-wise double-array Aho-Corasick automaton, which
        // measured faster than the aho-corasick crate's on these mostly multi-byte
        // patterns (one transition per character rather than per byte).
        let ac = CharwiseDoubleArrayAhoCorasickBuilder::new()
            .match_kind(daachorse::MatchKind::LeftmostLongest)
            .build(&b.patterns)
            .map_err(|e| {
                ConfigError::invalid(
                    "signals.toml",
                    format!("cannot build the pattern automaton: {e}"),
                )
            })?;
        let mut roles = Vec::new();
        let mut info = Vec::with_capacity(b.info.len());
        for (r, check_start, check_end) in b.info {
            // An ignored literal means nothing else.
            let r = if r.contains(&Role::Ignore) {
                vec![Role::Ignore]
            } else if r.iter().filter(|x| matches!(x, Role::Language(_))).count() > 1 {
                // Listed in several languages ("Myanmar"): says nothing of which.
                r.into_iter()
                    .filter(|x| !matches!(x, Role::Language(_)))
                    .collect()
            } else {
                r
            };
            info.push(PatternInfo {
                roles_start: roles.len() as u32,
                roles_len: r.len() as u32,
                check_start,
                check_end,
            });
            roles.extend(r);
        }

        // The suffix automaton: currency, multiplier and period tokens.
        let mut suffix_patterns: Vec<String> = Vec::new();
        let mut suffix_info: Vec<(SuffixRole, bool)> = Vec::new();
        let mut seen: HashMap<String, ()> = HashMap::new();
        let mut add_suffix = |t: &str, role: SuffixRole| {
            let t = t.trim();
            if t.is_empty() || seen.insert(t.to_ascii_lowercase(), ()).is_some() {
                return;
            }
            let check_end = t.chars().next_back().is_some_and(is_latin_letter);
            suffix_patterns.push(t.to_string());
            suffix_info.push((role, check_end));
        };
        for (i, m) in salary.multiplier.iter().enumerate() {
            for t in &m.tokens {
                add_suffix(t, SuffixRole::Multiplier(i as u16));
            }
        }
        for (i, c) in salary.currency.iter().enumerate() {
            for t in c.tokens.iter().chain(&c.suffix_only) {
                add_suffix(t, SuffixRole::Currency(i as u16));
            }
        }
        for (i, p) in salary.period.iter().enumerate() {
            for t in &p.tokens {
                add_suffix(t, SuffixRole::Period(i as u16));
            }
        }
        let suffix = SuffixTrie::new(&suffix_patterns);
        Ok(Matcher {
            ac,
            info,
            roles,
            suffix,
            suffix_info,
            signal_codes,
        })
    }

    /// Every literal match in `text`, boundaries checked, in order. `lower` is a
    /// scratch buffer.
    pub(crate) fn scan(&self, text: &str, lower: &mut String, out: &mut Vec<Hit>) {
        lower.clear();
        lower.push_str(text);
        lower.make_ascii_lowercase();
        for m in self.ac.leftmost_find_iter(lower.as_str()) {
            let info = self.info[m.value() as usize];
            if info.check_start && char_before(text, m.start()).is_some_and(is_latin_letter) {
                continue;
            }
            if info.check_end && char_at(text, m.end()).is_some_and(is_latin_letter) {
                continue;
            }
            out.push(Hit {
                start: m.start() as u32,
                end: m.end() as u32,
                pattern: m.value(),
            });
        }
    }

    pub(crate) fn roles(&self, hit: &Hit) -> &[Role] {
        let info = self.info[hit.pattern as usize];
        let start = info.roles_start as usize;
        &self.roles[start..start + info.roles_len as usize]
    }

    /// The suffix token starting exactly at `at`, if any, with its end.
    pub(crate) fn suffix_at(&self, text: &str, at: usize) -> Option<(SuffixRole, usize)> {
        let (token, end) = self.suffix.longest(text.as_bytes(), at)?;
        let (role, check_end) = self.suffix_info[token as usize];
        if check_end && char_at(text, end).is_some_and(is_latin_letter) {
            return None;
        }
        Some((role, end))
    }
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Hit {
    pub start: u32,
    pub end: u32,
    pub pattern: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The trie against trying every token at every position of texts in several
    /// scripts and cases.
    #[test]
    fn suffix_trie_finds_the_longest_token() {
        let tokens: Vec<String> = [
            "k",
            "usd",
            "us$",
            "$",
            "bath",
            "baht",
            "บาท",
            "บ",
            "triệu",
            "tr",
            "/month",
            "/mo",
            "per month",
            "万",
            "萬元",
            "元",
            "rm",
            "ringgit",
            "juta",
            "jt",
        ]
        .map(String::from)
        .to_vec();
        let trie = SuffixTrie::new(&tokens);
        let texts = [
            "5K USD, 5k us$ 5 US$/Month",
            "30,000 บาท 30,000 บ. 2 Baht BATH",
            "8 TRIỆU 8 Tr 2 triệu/month per Month",
            "1万 2萬元 3元 RM3000 Ringgit 5 jutaan JT",
            "",
            "k",
            "per mont",
        ];
        for text in texts {
            let bytes = text.as_bytes();
            for at in 0..=bytes.len() {
                let expect = tokens
                    .iter()
                    .enumerate()
                    .filter(|(_, t)| {
                        bytes
                            .get(at..at + t.len())
                            .is_some_and(|w| w.eq_ignore_ascii_case(t.as_bytes()))
                    })
                    .max_by_key(|(_, t)| t.len())
                    .map(|(i, t)| (i as u32, at + t.len()));
                assert_eq!(trie.longest(bytes, at), expect, "{text:?} at {at}");
            }
        }
    }
}
