//! Field sealing on the Martus model: writers seal to the database's public key, only the
//! key ring opens.
//!
//! Each value gets a fresh random 256-bit value key. The value is encrypted with
//! XChaCha20-Poly1305 under that key with a random 192-bit nonce, and with associated data
//! that binds the record id and the field name, so a sealed value copied into another row or
//! another field fails to open. The value key is wrapped to the X25519 public key with HPKE
//! (RFC 9180, base mode, DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20-Poly1305).
//! Rotation re-wraps the value key and leaves the encrypted value as it is.
//!
//! # Format, version 1 (all integers big-endian)
//!
//! | offset | size | field |
//! |---|---|---|
//! | 0 | 4 | magic `ZWSF` |
//! | 4 | 1 | format version, `1` |
//! | 5 | 1 | suite, `1` (the algorithms above) |
//! | 6 | 8 | [`KeyId`] of the recipient public key |
//! | 14 | 32 | HPKE encapsulated key (ephemeral X25519 public key) |
//! | 46 | 48 | wrapped value key: HPKE ciphertext of the 32-byte key, with its 16-byte tag |
//! | 94 | 24 | XChaCha20-Poly1305 nonce |
//! | 118 | n + 16 | value ciphertext, with its 16-byte tag |
//!
//! - Value AEAD associated data: canonical(`"zonewatch-sealed-field-v1"`, version u8, suite u8,
//!   record id, field name), in the crate's canonical encoding (see the crate documentation).
//! - HPKE `info`: `zonewatch value key wrap v1`; HPKE associated data: bytes 0..14 of the
//!   header (magic, version, suite, key id) followed by the nonce, so a wrapped key only
//!   opens beside the value it was made for and under the key id it names.
//!
//! The overhead is [`SEALED_OVERHEAD`] = 134 bytes. The length of the plaintext is not
//! hidden.

use chacha20poly1305::aead::{Aead as _, KeyInit as _, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hpke::{Deserializable as _, OpModeR, OpModeS, Serializable as _};
use zeroize::Zeroizing;

use crate::encoding::Canon;
use crate::keys::{Kem, KeyId, KeyRing, PublicKey};
use crate::random::{random_public, random_secret, RandomError};

type WrapAead = hpke::aead::ChaCha20Poly1305;
type WrapKdf = hpke::kdf::HkdfSha256;

const MAGIC: &[u8; 4] = b"ZWSF";
/// The format version this crate writes.
pub const SEALED_VERSION: u8 = 1;
const SUITE: u8 = 1;
const HPKE_INFO: &[u8] = b"zonewatch value key wrap v1";

const KEY_ID_AT: usize = 6;
const ENC_AT: usize = 14;
const WRAPPED_AT: usize = 46;
const NONCE_AT: usize = 94;
const BODY_AT: usize = 118;
const TAG_LEN: usize = 16;

/// Bytes a sealed value adds to its plaintext.
pub const SEALED_OVERHEAD: usize = BODY_AT + TAG_LEN;

/// Why a value could not be sealed, opened or re-wrapped. No variant carries any part of a
/// plaintext or a key.
#[derive(Debug, thiserror::Error)]
pub enum FieldError {
    /// The operating system's random number generator failed.
    #[error(transparent)]
    Random(#[from] RandomError),
    /// The bytes are not a sealed value this crate can read.
    #[error("not a zonewatch sealed value: {0}")]
    Malformed(&'static str),
    /// A sealed value of a format version or suite this build does not know.
    #[error("sealed value has format version {version}, suite {suite}; this build reads version 1, suite 1")]
    Unsupported {
        /// Version byte found.
        version: u8,
        /// Suite byte found.
        suite: u8,
    },
    /// The value is sealed to another key (an older key before a rotation, or another
    /// database's key).
    #[error("the value is sealed to key {sealed_to}, but the unlocked key is {unlocked}")]
    WrongKey {
        /// Key id the value names.
        sealed_to: KeyId,
        /// Key id of the key ring that tried to open it.
        unlocked: KeyId,
    },
    /// The wrapped value key did not open: the sealed value was altered (its header, nonce
    /// or wrapped key), or its wrapped key was swapped with another value's.
    #[error("the wrapped value key failed authentication: the sealed value was altered")]
    KeyUnwrap,
    /// The value did not open: it was altered, or it belongs to another record or field.
    #[error("the sealed value failed authentication: it was altered, or it belongs to another record or field")]
    Authentication,
    /// The public key cannot be used (for example a low-order X25519 point).
    #[error("cannot seal to this public key: it is not a usable X25519 key")]
    BadPublicKey,
}

struct Parsed<'a> {
    key_id: KeyId,
    enc: &'a [u8],
    wrapped: &'a [u8],
    nonce: &'a [u8],
    body: &'a [u8],
}

/// Checks the `ZWSF` header every sealed format starts with: magic, then the
/// `version` and `suite` bytes this reader expects, and at least `overhead` bytes.
pub(crate) fn check_header(
    sealed: &[u8],
    version: u8,
    suite: u8,
    overhead: usize,
) -> Result<(), FieldError> {
    if sealed.len() < 6 || &sealed[..4] != MAGIC {
        return Err(FieldError::Malformed(
            "it does not start with the ZWSF marker",
        ));
    }
    if sealed[4] != version || sealed[5] != suite {
        return Err(FieldError::Unsupported {
            version: sealed[4],
            suite: sealed[5],
        });
    }
    if sealed.len() < overhead {
        return Err(FieldError::Malformed(
            "it is shorter than the smallest sealed value",
        ));
    }
    Ok(())
}

fn parse(sealed: &[u8]) -> Result<Parsed<'_>, FieldError> {
    check_header(sealed, SEALED_VERSION, SUITE, SEALED_OVERHEAD)?;
    let mut key_id = [0u8; 8];
    key_id.copy_from_slice(&sealed[KEY_ID_AT..ENC_AT]);
    Ok(Parsed {
        key_id: KeyId(key_id),
        enc: &sealed[ENC_AT..WRAPPED_AT],
        wrapped: &sealed[WRAPPED_AT..NONCE_AT],
        nonce: &sealed[NONCE_AT..BODY_AT],
        body: &sealed[BODY_AT..],
    })
}

fn value_aad(record_id: &str, field: &str) -> Vec<u8> {
    Canon::new("zonewatch-sealed-field-v1")
        .u8(SEALED_VERSION)
        .u8(SUITE)
        .str(record_id)
        .str(field)
        .finish()
}

fn wrap_aad(key_id: &KeyId, nonce: &[u8]) -> Vec<u8> {
    let mut aad = Vec::with_capacity(ENC_AT + 24);
    aad.extend_from_slice(MAGIC);
    aad.push(SEALED_VERSION);
    aad.push(SUITE);
    aad.extend_from_slice(&key_id.0);
    aad.extend_from_slice(nonce);
    aad
}

/// Wraps `value_key` to `public` and writes header, encapsulated key, wrapped key and nonce.
fn write_header(
    public: &PublicKey,
    value_key: &[u8; 32],
    nonce: &[u8],
) -> Result<Vec<u8>, FieldError> {
    let key_id = public.key_id();
    let pk = public.to_hpke().map_err(|_| FieldError::BadPublicKey)?;
    let (enc, wrapped) = hpke::single_shot_seal::<WrapAead, WrapKdf, Kem>(
        &OpModeS::Base,
        &pk,
        HPKE_INFO,
        value_key,
        &wrap_aad(&key_id, nonce),
    )
    .map_err(|_| FieldError::BadPublicKey)?;
    let enc = enc.to_bytes();
    if enc.len() != WRAPPED_AT - ENC_AT
        || wrapped.len() != NONCE_AT - WRAPPED_AT
        || nonce.len() != BODY_AT - NONCE_AT
    {
        return Err(FieldError::Malformed("internal: unexpected HPKE sizes"));
    }
    let mut out = Vec::with_capacity(SEALED_OVERHEAD);
    out.extend_from_slice(MAGIC);
    out.push(SEALED_VERSION);
    out.push(SUITE);
    out.extend_from_slice(&key_id.0);
    out.extend_from_slice(&enc);
    out.extend_from_slice(&wrapped);
    out.extend_from_slice(nonce);
    Ok(out)
}

fn unwrap_value_key(keyring: &KeyRing, p: &Parsed<'_>) -> Result<Zeroizing<[u8; 32]>, FieldError> {
    let unlocked = keyring.public_key().key_id();
    if p.key_id != unlocked {
        return Err(FieldError::WrongKey {
            sealed_to: p.key_id,
            unlocked,
        });
    }
    let enc =
        <Kem as hpke::Kem>::EncappedKey::from_bytes(p.enc).map_err(|_| FieldError::KeyUnwrap)?;
    let key = Zeroizing::new(
        hpke::single_shot_open::<WrapAead, WrapKdf, Kem>(
            &OpModeR::Base,
            keyring.hpke_private(),
            &enc,
            HPKE_INFO,
            p.wrapped,
            &wrap_aad(&p.key_id, p.nonce),
        )
        .map_err(|_| FieldError::KeyUnwrap)?,
    );
    let mut out = Zeroizing::new([0u8; 32]);
    if key.len() != 32 {
        return Err(FieldError::KeyUnwrap);
    }
    out.copy_from_slice(&key);
    Ok(out)
}

/// Seals `plaintext` for field `field` of record `record_id` to `public`.
///
/// # Errors
/// The random number generator failed, or `public` is not a usable X25519 key.
pub fn seal(
    public: &PublicKey,
    record_id: &str,
    field: &str,
    plaintext: &[u8],
) -> Result<Vec<u8>, FieldError> {
    let value_key = random_secret::<32>()?;
    let nonce = random_public::<24>()?;
    let cipher = XChaCha20Poly1305::new_from_slice(&value_key[..])
        .map_err(|_| FieldError::Malformed("internal: key length"))?;
    let body = cipher
        .encrypt(
            &XNonce::from(nonce),
            Payload {
                msg: plaintext,
                aad: &value_aad(record_id, field),
            },
        )
        .map_err(|_| FieldError::Malformed("internal: value too long to encrypt"))?;
    let mut out = write_header(public, &value_key, &nonce)?;
    out.reserve_exact(body.len());
    out.extend_from_slice(&body);
    Ok(out)
}

/// Opens a value sealed by [`seal`] for the same `record_id` and `field`.
///
/// # Errors
/// See [`FieldError`]: malformed or unknown format, sealed to another key, altered, or
/// belonging to another record or field.
pub fn open(
    keyring: &KeyRing,
    record_id: &str,
    field: &str,
    sealed: &[u8],
) -> Result<Vec<u8>, FieldError> {
    let p = parse(sealed)?;
    let value_key = unwrap_value_key(keyring, &p)?;
    let cipher = XChaCha20Poly1305::new_from_slice(&value_key[..])
        .map_err(|_| FieldError::Authentication)?;
    let nonce = XNonce::try_from(p.nonce).map_err(|_| FieldError::Malformed("bad nonce length"))?;
    cipher
        .decrypt(
            &nonce,
            Payload {
                msg: p.body,
                aad: &value_aad(record_id, field),
            },
        )
        .map_err(|_| FieldError::Authentication)
}

/// Re-wraps the value key of `sealed` from `old` to `new_public`, for key rotation. The
/// encrypted value itself (nonce and ciphertext) is copied unchanged; the value is not
/// decrypted, so this does not check that the value belongs to any record: [`open`] still
/// does.
///
/// # Errors
/// As [`open`] for the unwrap (including [`FieldError::WrongKey`] for a value already
/// re-wrapped), or as [`seal`] for the new wrap.
pub fn rewrap(old: &KeyRing, new_public: &PublicKey, sealed: &[u8]) -> Result<Vec<u8>, FieldError> {
    let p = parse(sealed)?;
    let value_key = unwrap_value_key(old, &p)?;
    let mut out = write_header(new_public, &value_key, p.nonce)?;
    out.reserve_exact(p.body.len());
    out.extend_from_slice(p.body);
    Ok(out)
}

/// The key id a sealed value is wrapped to, read without any key: a rotation that was
/// interrupted resumes with the values still naming the old key.
///
/// # Errors
/// Not a sealed value of a known format.
pub fn sealed_key_id(sealed: &[u8]) -> Result<KeyId, FieldError> {
    parse(sealed).map(|p| p.key_id)
}

/// True when `bytes` start like a sealed value (magic and a known version). Not an
/// authenticity check.
pub fn is_sealed(bytes: &[u8]) -> bool {
    parse(bytes).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_constants_match_hpke() {
        let k = KeyRing::generate().unwrap();
        let s = seal(&k.public_key(), "p1", "pii", b"").unwrap();
        assert_eq!(s.len(), SEALED_OVERHEAD);
        assert_eq!(&s[..4], MAGIC);
        assert_eq!(sealed_key_id(&s).unwrap(), k.public_key().key_id());
    }

    #[test]
    fn low_order_public_key_is_refused() {
        let zero = PublicKey::from_bytes([0u8; 32]);
        assert!(matches!(
            seal(&zero, "r", "f", b"x"),
            Err(FieldError::BadPublicKey)
        ));
    }
}
