//! Numbers in text (ASCII, Thai, Khmer and Burmese digits), ranges of two numbers, and
//! from them the high_pay and age_range signs.

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

/// Whether any of the eight bytes is an ASCII digit or 0xE0 / 0xE1 (the lead bytes of
/// Thai, Khmer and Burmese digits). Bit tricks from "Bit Twiddling Hacks":
/// has-between for 0x30..=0x39 (bytes below 0x80), has-zero for the lead bytes.
#[inline]
fn may_start_digit(x: u64) -> bool {
    let low = x & (ONES * 127);
    let between = (ONES * (127 + 0x3A) - low) & !x & (low + ONES * (127 - 0x2F)) & HIGHS;
    let lead = (x & (ONES * 0xFE)) ^ (ONES * 0xE0);
    let zero = lead.wrapping_sub(ONES) & !lead & HIGHS;
    between != 0 || zero != 0
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
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut digits: Vec<u8> = Vec::new();
    let mut groups: Vec<(u8, usize)> = Vec::new();
    while i < bytes.len() {
        // Skip eight bytes at a time while none can start a digit.
        while let Some(chunk) = bytes.get(i..i + 8) {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            if may_start_digit(u64::from_le_bytes(word)) {
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
        let value = value_of(&digits, &groups);
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
    let seps: Vec<u8> = groups.iter().filter(|g| g.0 != 0).map(|g| g.0).collect();
    let decimal_from: Option<usize> = match seps.len() {
        0 => None,
        1 => {
            if groups.last().is_some_and(|g| g.1 == 3) {
                None
            } else {
                Some(groups.len() - 1)
            }
        }
        _ => {
            let last = seps[seps.len() - 1];
            if seps.iter().all(|&s| s == last) {
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
        let Some(at) = gap.find(s.as_str()) else {
            return false;
        };
        let latin = s.chars().all(|c| c.is_ascii_alphabetic());
        !latin
            || (!crate::matcher::char_before(gap, at).is_some_and(crate::matcher::is_latin_letter)
                && !crate::matcher::char_at(gap, at + s.len())
                    .is_some_and(crate::matcher::is_latin_letter))
    })
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
        for b in 0u8..=255 {
            let mut word = [b'a'; 8];
            word[5] = b;
            let expect = b.is_ascii_digit() || b == 0xE0 || b == 0xE1;
            assert_eq!(
                may_start_digit(u64::from_le_bytes(word)),
                expect,
                "byte {b:#x}"
            );
        }
        assert_eq!(
            nums("abcdefghijklmnop 7 qrstuvwxyz"),
            vec![("7".into(), 7.0)]
        );
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
