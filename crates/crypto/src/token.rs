//! API bearer tokens and constant-time comparison.
//!
//! A token is `zwt_` followed by 64 lowercase hex digits (256 random bits). It is shown to its
//! owner once; the database keeps only `sha256_hex(token)`. A 256-bit random value needs no
//! salt or slow hash: nobody can guess it, so its SHA-256 can be an indexed lookup key. The
//! `zwt_` prefix lets secret scanners recognise a leaked token.

use subtle::ConstantTimeEq as _;

use crate::encoding::{hex, is_lower_hex};
use crate::keyed::sha256_hex;
use crate::random::{random_secret, RandomError};

const PREFIX: &str = "zwt_";

/// A new API token: `(token, sha256_hex(token))`. Print the first once, store the second.
///
/// # Errors
/// The random number generator failed.
pub fn new_api_token() -> Result<(String, String), RandomError> {
    let bytes = random_secret::<32>()?;
    let token = format!("{PREFIX}{}", hex(&bytes[..]));
    let digest = token_sha256_hex(&token);
    Ok((token, digest))
}

/// The stored form of a presented token: SHA-256 of its UTF-8 bytes, lowercase hex.
pub fn token_sha256_hex(token: &str) -> String {
    sha256_hex(token.as_bytes())
}

/// True when `s` has the shape of a token (prefix and 64 lowercase hex digits). Lets a
/// server refuse garbage before hashing.
pub fn looks_like_api_token(s: &str) -> bool {
    s.strip_prefix(PREFIX)
        .is_some_and(|rest| is_lower_hex(rest, 32))
}

/// Checks a presented token against a stored SHA-256 hex digest, in constant time.
pub fn verify_api_token(presented: &str, stored_sha256_hex: &str) -> bool {
    ct_eq(
        token_sha256_hex(presented).as_bytes(),
        stored_sha256_hex.as_bytes(),
    )
}

/// Constant-time equality of two byte strings (the lengths are not secret).
pub fn ct_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && bool::from(a.ct_eq(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_round_trip() {
        let (token, digest) = new_api_token().unwrap();
        assert!(looks_like_api_token(&token), "{token}");
        assert_eq!(token.len(), 68);
        assert_eq!(digest.len(), 64);
        assert!(!digest.contains(&token[4..]));
        assert!(verify_api_token(&token, &digest));
        let mut wrong = token.clone();
        wrong.pop();
        wrong.push(if token.ends_with('0') { '1' } else { '0' });
        assert!(!verify_api_token(&wrong, &digest));
        assert!(!verify_api_token(&token, &digest[..63]));
        let (other, _) = new_api_token().unwrap();
        assert_ne!(token, other);
    }

    #[test]
    fn shape_check() {
        assert!(!looks_like_api_token("zwt_"));
        assert!(!looks_like_api_token(&format!("zwt_{}", "A".repeat(64))));
        assert!(!looks_like_api_token(&"0".repeat(68)));
    }

    #[test]
    fn ct_eq_basics() {
        assert!(ct_eq(b"", b""));
        assert!(ct_eq(b"abc", b"abc"));
        assert!(!ct_eq(b"abc", b"abd"));
        assert!(!ct_eq(b"abc", b"ab"));
    }
}
