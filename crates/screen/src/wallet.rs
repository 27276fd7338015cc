//! Crypto wallet addresses, accepted only when their checksum holds: TRON and Bitcoin
//! base58check, Bitcoin bech32/bech32m (segwit), Ethereum EIP-55 when written in mixed
//! case (all lower or all upper case has no checksum and is accepted as it is).

use sha2::{Digest, Sha256};
use sha3::Keccak256;

/// The chain a wallet address belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Chain {
    Tron,
    Ethereum,
    Bitcoin,
}

impl Chain {
    pub fn as_str(self) -> &'static str {
        match self {
            Chain::Tron => "tron",
            Chain::Ethereum => "ethereum",
            Chain::Bitcoin => "bitcoin",
        }
    }

    pub fn parse(text: &str) -> Option<Chain> {
        [Chain::Tron, Chain::Ethereum, Chain::Bitcoin]
            .into_iter()
            .find(|c| c.as_str() == text)
    }
}

const BASE58: &[u8; 58] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

fn base58_value(b: u8) -> Option<u8> {
    BASE58
        .iter()
        .position(|&c| c == b)
        .and_then(|p| u8::try_from(p).ok())
}

/// Decodes a base58check string of exactly 25 bytes (version, 20-byte hash,
/// 4-byte checksum) and checks the checksum. Returns the version byte.
fn base58check_25(text: &str) -> Option<u8> {
    let mut out = [0u8; 25];
    for &b in text.as_bytes() {
        let mut carry = u32::from(base58_value(b)?);
        for byte in out.iter_mut().rev() {
            carry += u32::from(*byte) * 58;
            *byte = (carry & 0xff) as u8;
            carry >>= 8;
        }
        if carry != 0 {
            return None;
        }
    }
    // Each leading '1' stands for one leading zero byte, and only those do.
    let ones = text.bytes().take_while(|&b| b == b'1').count();
    let zeros = out.iter().take_while(|&&b| b == 0).count();
    if ones != zeros {
        return None;
    }
    let first = Sha256::digest(&out[..21]);
    let second = Sha256::digest(first);
    (second[..4] == out[21..]).then_some(out[0])
}

fn is_tron(text: &str) -> bool {
    text.len() == 34 && text.starts_with('T') && base58check_25(text) == Some(0x41)
}

fn is_bitcoin_base58(text: &str) -> bool {
    (25..=35).contains(&text.len())
        && (text.starts_with('1') || text.starts_with('3'))
        && matches!(base58check_25(text), Some(0x00) | Some(0x05))
}

fn is_bitcoin_bech32(text: &str) -> bool {
    if !(14..=74).contains(&text.len())
        || !text.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("bc1"))
    {
        return false;
    }
    match bech32::segwit::decode(text) {
        Ok((hrp, _version, _program)) => hrp == bech32::hrp::BC,
        Err(_) => false,
    }
}

fn is_ethereum(text: &str) -> bool {
    let Some(hex) = text.strip_prefix("0x") else {
        return false;
    };
    if hex.len() != 40 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return false;
    }
    let has_lower = hex.bytes().any(|b| b.is_ascii_lowercase());
    let has_upper = hex.bytes().any(|b| b.is_ascii_uppercase());
    if !(has_lower && has_upper) {
        return true;
    }
    let lower = hex.to_ascii_lowercase();
    let hash = Keccak256::digest(lower.as_bytes());
    hex.bytes().enumerate().all(|(i, b)| {
        if !b.is_ascii_alphabetic() {
            return true;
        }
        let byte = hash[i / 2];
        let nibble = if i % 2 == 0 { byte >> 4 } else { byte & 0x0f };
        (nibble >= 8) == b.is_ascii_uppercase()
    })
}

/// The chain of `text` when it is a whole wallet address with a valid checksum.
pub fn classify(text: &str) -> Option<Chain> {
    let first = *text.as_bytes().first()?;
    match first {
        b'0' if is_ethereum(text) => Some(Chain::Ethereum),
        b'T' if is_tron(text) => Some(Chain::Tron),
        b'1' | b'3' if is_bitcoin_base58(text) => Some(Chain::Bitcoin),
        b'b' | b'B' if is_bitcoin_bech32(text) => Some(Chain::Bitcoin),
        _ => None,
    }
}

/// Whether a maximal run of ASCII letters and digits of this length and first byte
/// could be an address (a cheap test before [`classify`]).
pub(crate) fn may_be_address(run: &[u8]) -> bool {
    match run.first() {
        Some(b'0') => run.len() == 42 && run.get(1) == Some(&b'x'),
        Some(b'T') => run.len() == 34,
        Some(b'1') | Some(b'3') => (25..=35).contains(&run.len()),
        Some(b'b') | Some(b'B') => (14..=74).contains(&run.len()),
        _ => false,
    }
}

/// Base58check text of `version` followed by `hash` (for tests and generators of
/// fictional data).
pub fn base58check_encode(version: u8, hash: &[u8; 20]) -> String {
    let mut data = [0u8; 25];
    data[0] = version;
    data[1..21].copy_from_slice(hash);
    let check = Sha256::digest(Sha256::digest(&data[..21]));
    data[21..].copy_from_slice(&check[..4]);
    // Repeated division of the big-endian number by 58.
    let mut digits: Vec<u8> = Vec::with_capacity(35);
    let mut number = data.to_vec();
    while number.iter().any(|&b| b != 0) {
        let mut rem = 0u32;
        for byte in number.iter_mut() {
            let acc = (rem << 8) | u32::from(*byte);
            *byte = (acc / 58) as u8;
            rem = acc % 58;
        }
        digits.push(BASE58[rem as usize]);
    }
    digits.extend(data.iter().take_while(|&&b| b == 0).map(|_| b'1'));
    digits.reverse();
    String::from_utf8(digits).unwrap_or_default()
}

/// A TRON address for a 20-byte hash (for tests and generators of fictional data).
pub fn tron_address(hash: &[u8; 20]) -> String {
    base58check_encode(0x41, hash)
}

/// A Bitcoin P2PKH address for a 20-byte hash.
pub fn bitcoin_p2pkh_address(hash: &[u8; 20]) -> String {
    base58check_encode(0x00, hash)
}

/// A Bitcoin segwit v0 (bech32) address for a 20-byte program.
pub fn bitcoin_bech32_address(program: &[u8; 20]) -> String {
    bech32::segwit::encode_v0(bech32::hrp::BC, program).unwrap_or_default()
}

/// An Ethereum address for 20 bytes, in EIP-55 mixed case.
pub fn ethereum_address(bytes: &[u8; 20]) -> String {
    let lower: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let hash = Keccak256::digest(lower.as_bytes());
    let mixed: String = lower
        .chars()
        .enumerate()
        .map(|(i, c)| {
            let byte = hash[i / 2];
            let nibble = if i % 2 == 0 { byte >> 4 } else { byte & 0x0f };
            if nibble >= 8 {
                c.to_ascii_uppercase()
            } else {
                c
            }
        })
        .collect();
    format!("0x{mixed}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_addresses() {
        // Well-known public example addresses (genesis block, BIP-173, EIP-55 spec).
        assert_eq!(
            classify("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"),
            Some(Chain::Bitcoin)
        );
        assert_eq!(
            classify("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"),
            Some(Chain::Bitcoin)
        );
        assert_eq!(classify("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb"), None);
        assert_eq!(
            bitcoin_p2pkh_address(&[0; 20]),
            "1111111111111111111114oLvT2"
        );
        assert_eq!(
            classify("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"),
            Some(Chain::Ethereum)
        );
        assert_eq!(
            classify("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"),
            Some(Chain::Ethereum)
        );
        assert_eq!(classify("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"), None);
        assert_eq!(
            ethereum_address(&[
                0x5a, 0xae, 0xb6, 0x05, 0x3f, 0x3e, 0x94, 0xc9, 0xb9, 0xa0, 0x9f, 0x33, 0x66, 0x94,
                0x35, 0xe7, 0xef, 0x1b, 0xea, 0xed
            ]),
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
        );
    }

    #[test]
    fn generated_addresses_round_trip() {
        for seed in 0u8..40 {
            let hash: [u8; 20] =
                std::array::from_fn(|i| seed.wrapping_mul(31).wrapping_add(i as u8 * 7));
            let tron = tron_address(&hash);
            assert!(tron.starts_with('T') && tron.len() == 34, "{tron}");
            assert_eq!(classify(&tron), Some(Chain::Tron));
            assert_eq!(
                classify(&bitcoin_p2pkh_address(&hash)),
                Some(Chain::Bitcoin)
            );
            let bech = bitcoin_bech32_address(&hash);
            assert_eq!(classify(&bech), Some(Chain::Bitcoin), "{bech}");
            assert_eq!(classify(&bech.to_ascii_uppercase()), Some(Chain::Bitcoin));
            assert_eq!(classify(&ethereum_address(&hash)), Some(Chain::Ethereum));
            // One character changed: the checksum fails.
            let mut bad = tron.clone().into_bytes();
            bad[10] = if bad[10] == b'a' { b'b' } else { b'a' };
            assert_eq!(classify(std::str::from_utf8(&bad).unwrap()), None);
            let mut bad = bech.clone().into_bytes();
            bad[12] = if bad[12] == b'q' { b'p' } else { b'q' };
            assert_eq!(classify(std::str::from_utf8(&bad).unwrap()), None);
        }
    }
}
