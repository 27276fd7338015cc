//! Numbers in text (ASCII, Thai, Khmer and Burmese digits), ranges of two numbers, and
//! from them the high_pay and age_range signs.

use std::cell::RefCell;

/// A number as written: `start..end` in bytes, its value, and whether it is a whole
/// number written without separators (an age can only be that).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Num {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub plain_int: Option<u32>,
}

/// The digit at byte `i`, and how many bytes it takes.
#[inline]
pub(crate) fn digit_at(bytes: &[u8], i: usize) -> Option<(u8, usize)> {
    let b = *bytes.get(i)?;
    if b.is_ascii_digit() {
        return Some((b - b'0', 1));
    }
    if b != 0xE0 && b != 0xE1 {
        return None;
    }
    let b1 = *bytes.get(i + 1)?;
    let b2 = *bytes.get(i + 2)?;
    match (b, b1) {
        // Thai U+0E50..U+0E59: E0 B9 90..99
        (0xE0, 0xB9) if (0x90..=0x99).contains(&b2) => Some((b2 - 0x90, 3)),
        // Khmer U+17E0..U+17E9: E1 9F A0..A9
        (0xE1, 0x9F) if (0xA0..=0xA9).contains(&b2) => Some((b2 - 0xA0, 3)),
        // Myanmar U+1040..U+1049: E1 81 80..89
        (0xE1, 0x81) if (0x80..=0x89).contains(&b2) => Some((b2 - 0x80, 3)),
        _ => None,
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

// Byte-lane tests on eight bytes at once ("Bit Twiddling Hacks"): each sets the high
// bit of exactly the lanes that pass; no lane's arithmetic carries into another.

/// Lanes equal to `c`.
#[inline]
fn lanes_eq(x: u64, c: u8) -> u64 {
    let t = x ^ (ONES * u64::from(c));
    !(((t & (ONES * 0x7F)) + ONES * 0x7F) | t) & HIGHS
}

/// Lanes in `lo..=lo + 9`, for `lo` with a zero low nibble.
#[inline]
fn lanes_ten_from(x: u64, lo: u8) -> u64 {
    let y = x ^ (ONES * u64::from(lo));
    (ONES * 0x89 - (y & (ONES * 0x7F))) & !y & HIGHS
}

/// The lanes of `w0` where a digit starts: an ASCII digit, or the three bytes of a
/// Thai (E0 B9 90..99), Khmer (E1 9F A0..A9) or Burmese (E1 81 80..89) digit, whose
/// second and third bytes are the same lanes of `w1` and `w2` (the words one and
/// two bytes on). Thai, Khmer and Burmese letters share those first bytes, so the
/// first byte alone would stop on most of their characters.
#[inline]
fn digit_starts(w0: u64, w1: u64, w2: u64) -> u64 {
    let ascii = lanes_ten_from(w0, b'0');
    // Most text has no E0 or E1 byte at all (0xE0 | 1 == 0xE1).
    if lanes_eq(w0 | ONES, 0xE1) == 0 {
        return ascii;
    }
    let thai = lanes_eq(w0, 0xE0) & lanes_eq(w1, 0xB9) & lanes_ten_from(w2, 0x90);
    let e1 = lanes_eq(w0, 0xE1);
    let khmer = lanes_eq(w1, 0x9F) & lanes_ten_from(w2, 0xA0);
    let burmese = lanes_eq(w1, 0x81) & lanes_ten_from(w2, 0x80);
    ascii | thai | (e1 & (khmer | burmese))
}

/// Eight bytes from the start of `bytes` (at least eight long), little-endian.
#[inline]
fn word(bytes: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&bytes[..8]);
    u64::from_le_bytes(w)
}

/// The length of the UTF-8 character whose first byte is `b` (1 for a stray
/// continuation byte).
#[inline]
pub(crate) fn utf8_len(b: u8) -> usize {
    match b {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

/// All numbers in `text`, in order. A number is digits with single `,` or `.`
/// between digit groups; how the separators read is decided by [`value_of`].
pub(crate) fn scan_numbers(text: &str, out: &mut Vec<Num>) {
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut scratch) => {
            let (digits, groups) = &mut *scratch;
            scan_numbers_with(text, out, digits, groups);
        }
        Err(_) => scan_numbers_with(text, out, &mut Vec::new(), &mut Vec::new()),
    })
}

/// A number's digits, and its groups: (separator after the group or 0, digits).
type Digits = (Vec<u8>, Vec<(u8, usize)>);

thread_local! {
    /// The number being read, kept between texts so that reading one allocates nothing.
    static SCRATCH: RefCell<Digits> = const { RefCell::new((Vec::new(), Vec::new())) };
}

fn scan_numbers_with(
    text: &str,
    out: &mut Vec<Num>,
    digits: &mut Vec<u8>,
    groups: &mut Vec<(u8, usize)>,
) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Go to the next digit eight bytes at a time. A digit's first byte never
        // occurs inside another character, so this lands where stepping character
        // by character would stop.
        while let Some(window) = bytes.get(i..i + 10) {
            let starts = digit_starts(word(window), word(&window[1..]), word(&window[2..]));
            if starts != 0 {
                i += (starts.trailing_zeros() / 8) as usize;
                break;
            }
            i += 8;
        }
        let Some(&b) = bytes.get(i) else { break };
        if !b.is_ascii_digit() && (b < 0xE0 || digit_at(bytes, i).is_none()) {
            // Step over the whole character (the text is valid UTF-8).
            i += utf8_len(b);
            continue;
        }
        let start = i;
        digits.clear();
        groups.clear();
        let mut group_len = 0usize;
        loop {
            if let Some((d, len)) = digit_at(bytes, i) {
                digits.push(d);
                group_len += 1;
                i += len;
                continue;
            }
            let sep = bytes.get(i).copied();
            if matches!(sep, Some(b',') | Some(b'.')) && digit_at(bytes, i + 1).is_some() {
                groups.push((sep.unwrap_or(b'.'), group_len));
                group_len = 0;
                i += 1;
                continue;
            }
            break;
        }
        groups.push((0, group_len));
        let value = value_of(digits, groups);
        let plain_int = if groups.len() == 1 && digits.len() <= 9 {
            Some(digits.iter().fold(0u32, |acc, &d| acc * 10 + u32::from(d)))
        } else {
            None
        };
        out.push(Num {
            start,
            end: i,
            value,
            plain_int,
        });
    }
}

/// Reads digit groups: several separators of one kind, or one separator followed by
/// exactly three digits, group thousands ("1,500", "20.000.000"); otherwise the last
/// separator is the decimal point ("1.5", "2,5", "1,234.50").
fn value_of(digits: &[u8], groups: &[(u8, usize)]) -> f64 {
    // Every group but the last ends at a separator.
    let seps = groups.split_last().map_or(&[][..], |(_, before)| before);
    let decimal_from: Option<usize> = match seps {
        [] => None,
        [_] => {
            if groups.last().is_some_and(|g| g.1 == 3) {
                None
            } else {
                Some(groups.len() - 1)
            }
        }
        [.., last] => {
            if seps.iter().all(|s| s.0 == last.0) {
                None
            } else {
                Some(groups.len() - 1)
            }
        }
    };
    let mut value = 0f64;
    let mut idx = 0;
    for (g, &(_, len)) in groups.iter().enumerate() {
        let part = &digits[idx..idx + len];
        idx += len;
        if Some(g) == decimal_from {
            let mut scale = 0.1;
            for &d in part {
                value += f64::from(d) * scale;
                scale /= 10.0;
            }
        } else {
            for &d in part {
                value = value * 10.0 + f64::from(d);
            }
        }
    }
    value
}

/// Whether the text between two numbers joins them into a range: at most 24 bytes,
/// no line break, and a dash, tilde or one of the separator words.
pub(crate) fn joins_range(gap: &str, separators: &[String]) -> bool {
    if gap.len() > 24 || gap.contains('\n') {
        return false;
    }
    let trimmed = gap.trim();
    if trimmed.is_empty() {
        return false;
    }
    if gap.contains(['-', '–', '—', '~', '～', '－']) {
        return true;
    }
    separators.iter().any(|s| {
        // A Latin word separator must stand as a word.
        let Some(at) = find_short(gap, s) else {
            return false;
        };
        let latin = s.chars().all(|c| c.is_ascii_alphabetic());
        !latin
            || (!crate::matcher::char_before(gap, at).is_some_and(crate::matcher::is_latin_letter)
                && !crate::matcher::char_at(gap, at + s.len())
                    .is_some_and(crate::matcher::is_latin_letter))
    })
}

/// `hay.find(needle)` for a haystack of a few bytes: str::find prepares a two-way
/// search first, which costs more than this whole scan (gaps are at most 24 bytes).
/// A match of valid UTF-8 in valid UTF-8 starts at a character boundary.
fn find_short(hay: &str, needle: &str) -> Option<usize> {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = needle.first() else {
        return Some(0);
    };
    (0..=hay.len().checked_sub(needle.len())?)
        .find(|&i| hay[i] == first && hay[i..i + needle.len()] == *needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nums(text: &str) -> Vec<(String, f64)> {
        let mut out = Vec::new();
        scan_numbers(text, &mut out);
        out.iter()
            .map(|n| (text[n.start..n.end].to_string(), n.value))
            .collect()
    }

    #[test]
    fn digit_chunks() {
        // Every first, second and third byte in every lane, against digit_at.
        for lane in 0..8 {
            for b0 in [b'0', b'5', b'9', b'/', b':', b'a', 0xB0, 0xE0, 0xE1, 0xE2] {
                for b1 in [0x80, 0x81, 0x9F, 0xB9, 0xBA, 0x30, 0x01] {
                    for b2 in 0u8..=255 {
                        let mut bytes = [b'a'; 10];
                        bytes[lane] = b0;
                        bytes[lane + 1] = b1;
                        bytes[lane + 2] = b2;
                        let got = digit_starts(word(&bytes), word(&bytes[1..]), word(&bytes[2..]));
                        let expect = (0..8)
                            .filter(|&k| digit_at(&bytes, k).is_some())
                            .fold(0u64, |m, k| m | 0x80 << (8 * k));
                        assert_eq!(got, expect, "{bytes:x?}");
                    }
                }
            }
        }
        assert_eq!(
            nums("abcdefghijklmnop 7 qrstuvwxyz"),
            vec![("7".into(), 7.0)]
        );
    }

    #[test]
    fn short_find_is_find() {
        for (hay, needle) in [
            (" 18 đến ", "đến"),
            ("đếnđến", "đến"),
            (" to ", "to"),
            ("t", "to"),
            ("", "至"),
            ("a", ""),
            ("ถึง ถึง", "ถึง"),
            ("至到", "到"),
        ] {
            assert_eq!(
                find_short(hay, needle),
                hay.find(needle),
                "{hay:?} {needle:?}"
            );
        }
    }

    #[test]
    fn separators_and_scripts() {
        assert_eq!(
            nums("1,500 and 20.000.000"),
            vec![
                ("1,500".into(), 1500.0),
                ("20.000.000".into(), 20_000_000.0)
            ]
        );
        assert_eq!(
            nums("1.5k 2,5 juta 1,234.50"),
            vec![
                ("1.5".into(), 1.5),
                ("2,5".into(), 2.5),
                ("1,234.50".into(), 1234.5)
            ]
        );
        assert_eq!(nums("๓๐,๐๐๐ บาท"), vec![("๓๐,๐๐๐".into(), 30000.0)]);
        assert_eq!(nums("၁၅ သိန်း"), vec![("၁၅".into(), 15.0)]);
        assert_eq!(nums("១៥០០ ដុល្លារ"), vec![("១៥០០".into(), 1500.0)]);
        assert_eq!(nums("end 3000."), vec![("3000".into(), 3000.0)]);
    }
}
