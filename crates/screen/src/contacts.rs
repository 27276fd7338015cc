//! Contacts: phone numbers, messenger ids, emails, URLs and wallets, normalised as
//! FORMAT.md ("Screening") says.

use crate::matcher::{char_at, char_before, Messenger};
use crate::wallet::{self, Chain};
use std::cell::RefCell;
use std::collections::HashMap;

/// The kind of a contact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ContactType {
    Phone,
    Whatsapp,
    Telegram,
    Line,
    Wechat,
    Email,
    Url,
    Wallet,
    Zalo,
    Viber,
    Kakaotalk,
    Signal,
}

impl ContactType {
    pub fn as_str(self) -> &'static str {
        match self {
            ContactType::Phone => "phone",
            ContactType::Whatsapp => "whatsapp",
            ContactType::Telegram => "telegram",
            ContactType::Line => "line",
            ContactType::Wechat => "wechat",
            ContactType::Email => "email",
            ContactType::Url => "url",
            ContactType::Wallet => "wallet",
            ContactType::Zalo => "zalo",
            ContactType::Viber => "viber",
            ContactType::Kakaotalk => "kakaotalk",
            ContactType::Signal => "signal",
        }
    }

    pub fn parse(text: &str) -> Option<ContactType> {
        Some(match text {
            "phone" => ContactType::Phone,
            "whatsapp" => ContactType::Whatsapp,
            "telegram" => ContactType::Telegram,
            "line" => ContactType::Line,
            "wechat" => ContactType::Wechat,
            "email" => ContactType::Email,
            "url" => ContactType::Url,
            "wallet" => ContactType::Wallet,
            "zalo" => ContactType::Zalo,
            "viber" => ContactType::Viber,
            "kakaotalk" => ContactType::Kakaotalk,
            "signal" => ContactType::Signal,
            _ => return None,
        })
    }
}

/// A normalised contact. Two contacts are the same recruiter's when `kind` and
/// `value` are equal (`chain` follows from the value).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Contact {
    pub kind: ContactType,
    pub value: String,
    /// For wallets: the chain whose checksum the address passed.
    pub chain: Option<Chain>,
}

impl Contact {
    pub fn new(kind: ContactType, value: impl Into<String>) -> Contact {
        Contact {
            kind,
            value: value.into(),
            chain: None,
        }
    }
}

/// A phone region for numbers written without an international prefix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region(pub(crate) phonenumber::country::Id);

impl Region {
    /// An ISO 3166-1 alpha-2 code libphonenumber knows ("TH", "KH"), any case.
    pub fn parse(code: &str) -> Option<Region> {
        code.to_ascii_uppercase()
            .parse::<phonenumber::country::Id>()
            .ok()
            .map(Region)
    }

    /// The ISO 3166-1 alpha-2 code ("VN").
    pub fn code(&self) -> &str {
        self.0.as_ref()
    }
}

/// A mention of a messenger found by the matcher: which one and where.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Mention {
    pub messenger: Messenger,
    #[allow(dead_code)]
    pub start: usize,
    pub end: usize,
}

pub(crate) struct Found {
    pub at: usize,
    pub contact: Contact,
    /// The region a number without an international prefix was read in.
    pub region: Option<Region>,
}

impl Found {
    pub(crate) fn new(at: usize, contact: Contact) -> Found {
        Found {
            at,
            contact,
            region: None,
        }
    }
}

fn is_handle_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

fn valid_telegram_name(name: &str) -> bool {
    (5..=32).contains(&name.len()) && name.bytes().all(is_handle_byte)
}

/// At most this many answers are remembered per thread (a few MiB).
const MAX_CACHE: usize = 100_000;

thread_local! {
    /// Recruiters repeat their numbers across posts; libphonenumber's parse is the
    /// costly step, so each thread remembers its answers (bounded: cleared when full).
    /// Keyed by region code (or "+") and digits.
    static PHONE_CACHE: RefCell<(String, HashMap<String, Option<String>>)> = RefCell::new((String::new(), HashMap::new()));
}

/// E.164 form of `digits` read in `region` (None: `digits` start with the country
/// code), when libphonenumber holds the number valid.
pub(crate) fn e164(digits: &str, region: Option<phonenumber::country::Id>) -> Option<String> {
    PHONE_CACHE.with(|cell| {
        let Ok(mut cell) = cell.try_borrow_mut() else {
            return uncached(digits, region);
        };
        let (key, cache) = &mut *cell;
        key.clear();
        match region {
            Some(r) => key.push_str(r.as_ref()),
            None => key.push('+'),
        }
        key.push_str(digits);
        if let Some(hit) = cache.get(key.as_str()) {
            return hit.clone();
        }
        let answer = uncached(digits, region);
        if cache.len() >= MAX_CACHE {
            cache.clear();
        }
        cache.insert(key.clone(), answer.clone());
        answer
    })
}

fn uncached(digits: &str, region: Option<phonenumber::country::Id>) -> Option<String> {
    match region {
        None => crate::e164::international(digits),
        Some(_) => crate::e164::by_crate(digits, region),
    }
}

/// Digits of a phone number starting at `start` (a digit), with single spaces,
/// dashes, dots or brackets between groups. Returns the digits, where each group
/// ends in the text (for trimming), and the byte end.
fn collect_phone(
    text: &str,
    start: usize,
    digits: &mut String,
    group_ends: &mut Vec<(usize, usize)>,
) -> usize {
    let bytes = text.as_bytes();
    digits.clear();
    group_ends.clear();
    let mut i = start;
    let mut end = start;
    loop {
        let mut took = false;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            digits.push(bytes[i] as char);
            i += 1;
            took = true;
        }
        if took {
            end = i;
            group_ends.push((digits.len(), end));
        }
        if digits.len() > 17 {
            break;
        }
        // Up to two separator bytes, then a digit.
        let mut j = i;
        while j < bytes.len() && j - i < 2 && matches!(bytes[j], b' ' | b'-' | b'.' | b'(' | b')') {
            j += 1;
        }
        if j > i && j < bytes.len() && bytes[j].is_ascii_digit() {
            i = j;
            continue;
        }
        break;
    }
    end
}

/// Dates look like phone numbers once their separators are gone: 2024-05-12,
/// 12.05.2024. Group lengths tell them apart.
fn looks_like_date(text: &str) -> bool {
    let groups: Vec<usize> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .map(str::len)
        .collect();
    matches!(
        groups.as_slice(),
        [4, 1..=2, 1..=2] | [1..=2, 1..=2, 2] | [1..=2, 1..=2, 4] | [4, 1..=2] | [1..=2, 4]
    )
}

/// Lists, for the number starting at a position (given the contacts found so
/// far), the regions to read it in, most likely first.
pub(crate) type Infer<'a> = dyn FnMut(usize, &[Found], &mut Vec<Region>) + 'a;

/// Extracts phone numbers: written with `+` or `00`, or without, read in `region`
/// when one is given and otherwise in the regions `infer` lists for the number at
/// that position, in order (given the numbers with a prefix found so far); none
/// listed, no number. `skip` holds byte spans already read as amounts or ages.
pub(crate) fn phones(
    text: &str,
    region: Option<Region>,
    skip: &[(usize, usize)],
    number_starts: impl Iterator<Item = usize>,
    infer: &mut Infer<'_>,
    out: &mut Vec<Found>,
) {
    let mut regions: Vec<Region> = Vec::new();
    let bytes = text.as_bytes();
    let mut digits = String::new();
    let mut groups: Vec<(usize, usize)> = Vec::new();
    let boundary_ok = |at: usize| {
        !char_before(text, at).is_some_and(|c| {
            c.is_alphanumeric() || matches!(c, '+' | '.' | ',' | '/' | '_' | '-' | '=')
        })
    };
    // Candidates, in order: every '+', and the first digit of every number (the
    // scan for numbers found those already; a digit inside a number is never a
    // phone's first digit).
    let mut plus = memchr::memchr_iter(b'+', bytes).peekable();
    let mut starts = number_starts
        .filter(|&p| bytes[p].is_ascii_digit())
        .peekable();
    let mut resume = 0;
    loop {
        let i = match (plus.peek(), starts.peek()) {
            (Some(&a), Some(&b)) if a < b => plus.next(),
            (Some(_), Some(_)) => starts.next(),
            (Some(_), None) => plus.next(),
            (None, Some(_)) => starts.next(),
            (None, None) => None,
        };
        let Some(i) = i else { break };
        if i < resume {
            continue;
        }
        let b = bytes[i];
        let (first_digit, intl) = if b == b'+' {
            // "+855", "+ 855" is not a number; neither is "a+1".
            if i + 1 < bytes.len()
                && bytes[i + 1].is_ascii_digit()
                && bytes[i + 1] != b'0'
                && boundary_ok(i)
            {
                (i + 1, true)
            } else {
                continue;
            }
        } else {
            if !boundary_ok(i) {
                continue;
            }
            if b == b'0'
                && bytes.get(i + 1) == Some(&b'0')
                && bytes.get(i + 2).is_some_and(|d| (b'1'..=b'9').contains(d))
            {
                (i + 2, true)
            } else {
                (i, false)
            }
        };
        let end = collect_phone(text, first_digit, &mut digits, &mut groups);
        let span_start = if intl { i } else { first_digit };
        let overlaps = skip.iter().any(|&(s, e)| s < end && span_start < e);
        let found = if overlaps
            || (!intl && looks_like_date(&text[first_digit..end]))
            || (!intl && digits.len() < 7)
        {
            None
        } else {
            regions.clear();
            if !intl {
                match region {
                    Some(r) => regions.push(r),
                    None => infer(first_digit, out, &mut regions),
                }
            }
            let tries: Vec<Option<Region>> = if intl {
                vec![None]
            } else {
                regions.iter().copied().map(Some).collect()
            };
            // Try the whole run, then without its last groups (a number followed by
            // another figure), while it is long enough; in each region in turn.
            let mut result = None;
            'regions: for r in tries {
                let mut n = groups.len();
                while n > 0 {
                    let (len, group_end) = groups[n - 1];
                    if len < 7 {
                        break;
                    }
                    if len <= 15 {
                        if let Some(e) = e164(&digits[..len], r.map(|r| r.0)) {
                            result = Some((e, group_end, r));
                            break 'regions;
                        }
                    }
                    n -= 1;
                    if groups.len() - n > 2 {
                        break;
                    }
                }
            }
            result
        };
        match found {
            Some((value, group_end, r)) => {
                out.push(Found {
                    at: span_start,
                    contact: Contact::new(ContactType::Phone, value),
                    region: r,
                });
                resume = group_end;
            }
            None => resume = end.max(i + 1),
        }
    }
}

/// A URL found in the text: its byte span.
pub(crate) type Span = (usize, usize);

fn url_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = start;
    while end < bytes.len() {
        let b = bytes[end];
        if b <= b' '
            || b >= 0x7f
            || matches!(
                b,
                b'<' | b'>' | b'"' | b'\'' | b'`' | b'\\' | b'{' | b'}' | b'|' | b'^'
            )
        {
            break;
        }
        end += 1;
    }
    // Trailing punctuation is the sentence's, not the URL's.
    while end > start {
        let last = bytes[end - 1];
        let strip = match last {
            b'.' | b',' | b';' | b':' | b'!' | b'?' | b'*' | b']' => true,
            b')' => {
                let url = &text[start..end];
                url.matches('(').count() < url.matches(')').count()
            }
            _ => false,
        };
        if !strip {
            break;
        }
        end -= 1;
    }
    end
}

/// Reads the URL starting at `start` (where a link start matched). Pushes the
/// contact it yields and returns its span, or None when it is not a URL start here.
pub(crate) fn url_at(text: &str, start: usize, out: &mut Vec<Found>) -> Option<Span> {
    if char_before(text, start)
        .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '/' | '@' | '-' | '_'))
    {
        return None;
    }
    let end = url_end(text, start);
    let url = &text[start..end];
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .unwrap_or(&lower);
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = &rest[..host_end];
    let host = host.strip_prefix("www.").unwrap_or(host);
    if !host.contains('.') || host.ends_with('.') {
        return None;
    }
    let path = &rest[host_end..];
    let original_path = &url[url.len() - path.len()..];
    let contact = match host {
        "t.me" | "telegram.me" | "telegram.dog" => telegram_from_path(original_path),
        "wa.me" => {
            let digits = path
                .trim_start_matches('/')
                .split(['/', '?', '#'])
                .next()
                .unwrap_or("");
            whatsapp_number(digits.trim_start_matches('+'))
        }
        "api.whatsapp.com" | "web.whatsapp.com" | "whatsapp.com" => {
            let phone = path
                .split(['?', '&'])
                .find_map(|kv| kv.strip_prefix("phone="))
                .map(|p| p.trim_start_matches("%2b").trim_start_matches('+'));
            phone.and_then(whatsapp_number)
        }
        "line.me" => {
            let id = path
                .strip_prefix("/ti/p/")
                .map(|p| p.trim_start_matches("%40").trim_start_matches('~'));
            id.filter(|id| valid_line_id(id))
                .map(|id| Contact::new(ContactType::Line, id.to_ascii_lowercase()))
        }
        _ => None,
    };
    let contact = contact.unwrap_or_else(|| Contact::new(ContactType::Url, url));
    out.push(Found::new(start, contact));
    Some((start, end))
}

fn telegram_from_path(path: &str) -> Option<Contact> {
    let mut segments = path.trim_start_matches('/').split(['/', '?', '#']);
    let mut name = segments.next()?;
    if name == "s" {
        name = segments.next()?;
    }
    let reserved = [
        "joinchat",
        "addstickers",
        "share",
        "proxy",
        "socks",
        "iv",
        "c",
        "addlist",
        "boost",
        "setlanguage",
    ];
    if reserved.iter().any(|r| name.eq_ignore_ascii_case(r)) || !valid_telegram_name(name) {
        return None;
    }
    Some(Contact::new(
        ContactType::Telegram,
        name.to_ascii_lowercase(),
    ))
}

fn whatsapp_number(digits: &str) -> Option<Contact> {
    if !(7..=15).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    e164(digits, None).map(|e| Contact::new(ContactType::Whatsapp, e))
}

fn valid_line_id(id: &str) -> bool {
    let body = id.strip_prefix('@').unwrap_or(id);
    (3..=32).contains(&body.len())
        && body
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
        && body.bytes().any(|b| b.is_ascii_alphabetic())
}

fn valid_wechat_id(id: &str) -> bool {
    (6..=20).contains(&id.len())
        && id.as_bytes()[0].is_ascii_alphabetic()
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-'))
}

/// KakaoTalk ids: 4 to 20 of `a-z 0-9 . _ -`, with a letter.
fn valid_kakaotalk_id(id: &str) -> bool {
    (4..=20).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
        && id.bytes().any(|b| b.is_ascii_alphabetic())
}

/// Signal usernames: a nickname (3 to 32 of `a-z 0-9 _`, starting with a letter), a
/// dot, and two or more digits ("name.01").
fn valid_signal_username(id: &str) -> bool {
    let Some((nick, digits)) = id.rsplit_once('.') else {
        return false;
    };
    (3..=32).contains(&nick.len())
        && nick.as_bytes()[0].is_ascii_alphabetic()
        && nick.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        && (2..=9).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
}

fn in_spans(spans: &[Span], at: usize) -> bool {
    spans.iter().any(|&(s, e)| s <= at && at < e)
}

/// The nearest mention before `at`, within `window` bytes and on the same line,
/// that `accept` takes.
fn mention_before(
    text: &str,
    mentions: &[Mention],
    at: usize,
    window: usize,
    accept: impl Fn(Messenger) -> bool,
) -> Option<Mention> {
    mentions
        .iter()
        .rev()
        .filter(|m| m.end <= at)
        .take_while(|m| at - m.end <= window)
        .find(|m| accept(m.messenger) && !text[m.end..at].contains('\n'))
        .copied()
}

/// Emails and `@NAME` handles. `urls` are the spans of URLs (an `@` inside one is
/// part of the URL).
pub(crate) fn at_signs(
    text: &str,
    urls: &[Span],
    mentions: &[Mention],
    window: usize,
    out: &mut Vec<Found>,
) {
    let bytes = text.as_bytes();
    for at in memchr::memchr_iter(b'@', bytes) {
        if in_spans(urls, at) {
            continue;
        }
        let is_local =
            |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-');
        let mut local_start = at;
        while local_start > 0 && is_local(bytes[local_start - 1]) {
            local_start -= 1;
        }
        // Emails: local@domain.tld
        if local_start < at && bytes[local_start] != b'.' {
            let mut end = at + 1;
            while end < bytes.len()
                && (bytes[end].is_ascii_alphanumeric() || matches!(bytes[end], b'.' | b'-'))
            {
                end += 1;
            }
            while end > at + 1 && matches!(bytes[end - 1], b'.' | b'-') {
                end -= 1;
            }
            let domain = &text[at + 1..end];
            let tld_ok = domain.rsplit_once('.').is_some_and(|(head, tld)| {
                !head.is_empty() && tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic())
            });
            if tld_ok && !domain.as_bytes().windows(2).any(|w| w == b"..") {
                out.push(Found::new(
                    local_start,
                    Contact::new(
                        ContactType::Email,
                        text[local_start..end].to_ascii_lowercase(),
                    ),
                ));
            }
            continue;
        }
        // Handles: @name after a Telegram mention.
        let mut end = at + 1;
        while end < bytes.len() && is_handle_byte(bytes[end]) {
            end += 1;
        }
        let name = &text[at + 1..end];
        if !valid_telegram_name(name)
            || char_at(text, end).is_some_and(|c| c == '@' || c.is_alphanumeric())
        {
            continue;
        }
        // "@name.com" is a domain, not a handle.
        if bytes.get(end) == Some(&b'.')
            && bytes
                .get(end + 1)
                .is_some_and(|b| b.is_ascii_alphanumeric())
        {
            continue;
        }
        let mention = mention_before(text, mentions, at, window, |m| {
            !matches!(
                m,
                Messenger::Whatsapp | Messenger::Zalo | Messenger::Viber | Messenger::Imo
            )
        });
        if mention.is_some_and(|m| m.messenger == Messenger::Telegram) {
            out.push(Found::new(
                at,
                Contact::new(ContactType::Telegram, name.to_ascii_lowercase()),
            ));
        }
    }
}

/// LINE, WeChat and KakaoTalk ids and Signal usernames written right after their
/// mention ("LINE ID: abc", "微信：abc_123", "카톡 ID: abc", "Signal: name.01").
pub(crate) fn messenger_ids(text: &str, mentions: &[Mention], urls: &[Span], out: &mut Vec<Found>) {
    for m in mentions {
        let kind = match m.messenger {
            Messenger::Line => ContactType::Line,
            Messenger::Wechat => ContactType::Wechat,
            Messenger::Kakaotalk => ContactType::Kakaotalk,
            Messenger::Signal => ContactType::Signal,
            _ => continue,
        };
        let mut i = m.end;
        // Separators and the words "ID", "号" between the mention and the id.
        loop {
            let rest = &text[i..];
            let skip = if let Some(c) = rest.chars().next().filter(|c| {
                c.is_whitespace()
                    || matches!(
                        c,
                        ':' | '：' | '-' | '=' | '|' | '/' | '（' | '(' | ')' | '）'
                    )
            }) {
                c.len_utf8()
            } else if rest.len() >= 2
                && rest.as_bytes()[..2].eq_ignore_ascii_case(b"id")
                && !char_at(rest, 2).is_some_and(|c| c.is_ascii_alphanumeric())
            {
                2
            } else if let Some(w) = ["号", "號", "ไอดี", "是"]
                .iter()
                .find(|w| rest.starts_with(**w))
            {
                w.len()
            } else {
                0
            };
            if skip == 0 || i - m.end > 16 {
                break;
            }
            i += skip;
        }
        if in_spans(urls, i) {
            continue;
        }
        let bytes = text.as_bytes();
        let mut end = i;
        while end < bytes.len()
            && (bytes[end].is_ascii_alphanumeric()
                || matches!(bytes[end], b'.' | b'_' | b'-' | b'@'))
        {
            end += 1;
        }
        while end > i && matches!(bytes[end - 1], b'.' | b'-') {
            end -= 1;
        }
        let id = &text[i..end];
        if id.contains('@') && !id.starts_with('@') || id[id.len().min(1)..].contains('@') {
            continue;
        }
        let ok = match kind {
            ContactType::Line => valid_line_id(id),
            ContactType::Kakaotalk => valid_kakaotalk_id(id),
            ContactType::Signal => valid_signal_username(id),
            _ => valid_wechat_id(id),
        };
        if ok {
            out.push(Found::new(i, Contact::new(kind, id.to_ascii_lowercase())));
        }
    }
}

/// Wallet addresses with a valid checksum: whole runs of ASCII letters and digits.
pub(crate) fn wallets(text: &str, out: &mut Vec<Found>) {
    // No address is shorter than this many characters.
    const MIN_RUN: usize = 14;
    let bytes = text.as_bytes();
    let alnum = |b: u8| b.is_ascii_alphanumeric();
    // Invariant: i is 0 or follows a byte that is not a letter or digit, and every
    // run before i has been looked at. A run of MIN_RUN or more that starts at or
    // after i covers byte i + MIN_RUN - 1, so only that byte needs a look first.
    let mut i = 0;
    while i + MIN_RUN <= bytes.len() {
        let probe = i + MIN_RUN - 1;
        if !alnum(bytes[probe]) {
            i = probe + 1;
            continue;
        }
        let mut start = probe;
        while start > i && alnum(bytes[start - 1]) {
            start -= 1;
        }
        let mut end = probe + 1;
        while end < bytes.len() && alnum(bytes[end]) {
            end += 1;
        }
        let run = &bytes[start..end];
        if run.len() >= MIN_RUN && wallet::may_be_address(run) {
            let word = &text[start..end];
            if let Some(chain) = wallet::classify(word) {
                out.push(Found::new(
                    start,
                    Contact {
                        kind: ContactType::Wallet,
                        value: word.to_string(),
                        chain: Some(chain),
                    },
                ));
            }
        }
        i = end + 1;
    }
}

/// Phones written within `window` bytes after a WhatsApp, Zalo, Viber or Signal
/// mention (on the same line) are contacts of that messenger too.
pub(crate) fn phones_beside(
    text: &str,
    mentions: &[Mention],
    window: usize,
    found: &mut Vec<Found>,
) {
    let mut extra: Vec<Found> = Vec::new();
    for f in found
        .iter()
        .filter(|f| f.contact.kind == ContactType::Phone)
    {
        for (m, kind) in [
            (Messenger::Whatsapp, ContactType::Whatsapp),
            (Messenger::Zalo, ContactType::Zalo),
            (Messenger::Viber, ContactType::Viber),
            (Messenger::Signal, ContactType::Signal),
        ] {
            if mention_before(text, mentions, f.at, window, |x| x == m).is_some() {
                extra.push(Found {
                    at: f.at,
                    contact: Contact::new(kind, f.contact.value.clone()),
                    region: f.region,
                });
            }
        }
    }
    found.extend(extra);
}

/// Orders contacts by first appearance and keeps each (type, value) once, with the
/// region each was read in (numbers without an international prefix).
pub(crate) fn finish(mut found: Vec<Found>) -> (Vec<Contact>, Vec<Option<Region>>) {
    found.sort_by_key(|f| f.at);
    let mut out: Vec<Contact> = Vec::with_capacity(found.len());
    let mut regions: Vec<Option<Region>> = Vec::with_capacity(found.len());
    for f in found {
        if !out
            .iter()
            .any(|c| c.kind == f.contact.kind && c.value == f.contact.value)
        {
            out.push(f.contact);
            regions.push(f.region);
        }
    }
    (out, regions)
}
