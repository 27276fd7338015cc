//! Small encoding helpers: lowercase hex, and the length-prefixed canonical writer used by
//! every authenticated structure in this crate (associated data, audit entries, signed
//! checkpoints, the key file's clear header).
//!
//! Canonical encoding rules (used everywhere in this crate):
//! - a string or byte string is its length in bytes as an 8-byte big-endian integer, then
//!   the bytes (strings are UTF-8);
//! - an integer is fixed width big-endian (`u8`, `u32` or `u64` as stated by the format);
//! - every structure starts with a domain-separation tag, itself written as a string.
//!
//! Length prefixes make the encoding injective: `("ab", "c")` and `("a", "bc")` differ.

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Lowercase hexadecimal.
pub(crate) fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 0x0f)]));
    }
    out
}

fn nibble(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        _ => None,
    }
}

/// Decodes lowercase hexadecimal. Upper case is rejected so that every value has exactly one
/// spelling (hashes are compared as strings).
pub(crate) fn unhex(s: &str) -> Option<Vec<u8>> {
    let bytes = s.as_bytes();
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    bytes
        .chunks_exact(2)
        .map(|pair| match pair {
            [hi, lo] => Some((nibble(*hi)? << 4) | nibble(*lo)?),
            _ => None,
        })
        .collect()
}

/// Decodes lowercase hexadecimal of exactly `N` bytes.
pub(crate) fn unhex_array<const N: usize>(s: &str) -> Option<[u8; N]> {
    let v = unhex(s)?;
    v.try_into().ok()
}

/// True when `s` is exactly `2 * n` lowercase hex digits.
pub(crate) fn is_lower_hex(s: &str, n: usize) -> bool {
    s.len() == 2 * n && s.bytes().all(|c| nibble(c).is_some())
}

/// Builder for the canonical length-prefixed encoding.
#[derive(Default)]
pub(crate) struct Canon(Vec<u8>);

impl Canon {
    pub(crate) fn new(tag: &str) -> Self {
        let mut c = Canon(Vec::with_capacity(128));
        c.str(tag);
        c
    }

    pub(crate) fn u8(&mut self, v: u8) -> &mut Self {
        self.0.push(v);
        self
    }

    pub(crate) fn u32(&mut self, v: u32) -> &mut Self {
        self.0.extend_from_slice(&v.to_be_bytes());
        self
    }

    pub(crate) fn u64(&mut self, v: u64) -> &mut Self {
        self.0.extend_from_slice(&v.to_be_bytes());
        self
    }

    /// Length-prefixed bytes: the length as 8-byte big-endian, then the bytes.
    pub(crate) fn bytes(&mut self, b: &[u8]) -> &mut Self {
        self.u64(b.len() as u64);
        self.0.extend_from_slice(b);
        self
    }

    pub(crate) fn str(&mut self, s: &str) -> &mut Self {
        self.bytes(s.as_bytes())
    }

    /// Raw bytes, no length prefix (only for fixed-size fields).
    pub(crate) fn raw(&mut self, b: &[u8]) -> &mut Self {
        self.0.extend_from_slice(b);
        self
    }

    pub(crate) fn finish(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trip() {
        let data = [0u8, 1, 0x7f, 0x80, 0xfe, 0xff];
        let h = hex(&data);
        assert_eq!(h, "00017f80feff");
        assert_eq!(unhex(&h).as_deref(), Some(&data[..]));
        assert_eq!(unhex("0"), None);
        assert_eq!(unhex("0G"), None);
        assert_eq!(
            unhex("AB"),
            None,
            "upper case has a second spelling: rejected"
        );
        assert!(is_lower_hex("00ff", 2));
        assert!(!is_lower_hex("00ff", 3));
    }

    #[test]
    fn canon_is_injective_on_splits() {
        let a = Canon::new("t").str("ab").str("c").finish();
        let b = Canon::new("t").str("a").str("bc").finish();
        assert_ne!(a, b);
    }
}
