//! Sealing many values at once: write sessions.
//!
//! [`crate::seal`] wraps every value key to the public key with HPKE, one X25519 key
//! agreement per value (about 85 µs here). An import of a million records with a few
//! hundred thousand restricted values would spend most of its time there. A write
//! session keeps the model — a fresh random key per value, the value bound to its
//! record id and field, nothing readable without the private key — and moves the
//! public-key step up one level: the session's own random key is sealed to the public
//! key once (in the v1 format, as the value of field `session-key` of record
//! `session:<id>`), and each value key is wrapped under the session key with
//! XChaCha20-Poly1305. Opening a value needs the session key, which needs the private
//! key. Key rotation re-wraps every value key under a new session sealed to the new
//! public key, and leaves the encrypted values as they are.
//!
//! # Format, version 2 (all integers big-endian)
//!
//! | offset | size | field |
//! |---|---|---|
//! | 0 | 4 | magic `ZWSF` |
//! | 4 | 1 | format version, `2` |
//! | 5 | 1 | suite, `1` (XChaCha20-Poly1305 for both wraps) |
//! | 6 | 16 | session id |
//! | 22 | 24 | nonce of the value key wrap |
//! | 46 | 48 | wrapped value key, with its 16-byte tag |
//! | 94 | 24 | value nonce |
//! | 118 | n + 16 | value ciphertext, with its 16-byte tag |
//!
//! - Value associated data: canonical(`"zonewatch-sealed-field-v2"`, record id, field).
//! - Wrap associated data: canonical(`"zonewatch-value-key-wrap-v2"`, session id, value
//!   nonce, record id, field): a wrapped key opens only beside its own value, in its
//!   own record and field.

use chacha20poly1305::aead::{Aead as _, KeyInit as _, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use zeroize::Zeroizing;

use crate::encoding::{hex, unhex_array, Canon};
use crate::field::{check_header, open, seal, FieldError};
use crate::keys::{KeyRing, PublicKey};
use crate::random::{random_public, random_secret, RandomError};

const MAGIC: &[u8; 4] = b"ZWSF";
/// The format version of values sealed in a session.
pub const SESSION_VERSION: u8 = 2;
const SUITE: u8 = 1;
const ID_AT: usize = 6;
const WRAP_NONCE_AT: usize = 22;
const WRAPPED_AT: usize = 46;
const NONCE_AT: usize = 94;
const BODY_AT: usize = 118;
const TAG_LEN: usize = 16;

/// Bytes a value sealed in a session adds to its plaintext.
pub const SESSION_OVERHEAD: usize = BODY_AT + TAG_LEN;

/// A session key, held in memory only while values are sealed or opened with it.
pub struct WriteSession {
    id: [u8; 16],
    key: Zeroizing<[u8; 32]>,
}

impl std::fmt::Debug for WriteSession {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "WriteSession({}, <redacted>)", self.id())
    }
}

impl WriteSession {
    /// A new session with a fresh random id and key.
    ///
    /// # Errors
    /// The operating system's random number generator failed.
    pub fn new() -> Result<WriteSession, RandomError> {
        Ok(WriteSession {
            id: random_public::<16>()?,
            key: random_secret::<32>()?,
        })
    }

    /// The session id, 32 lowercase hex digits.
    pub fn id(&self) -> String {
        hex(&self.id)
    }

    /// The session key sealed to `public` (format v1), to be stored beside the values.
    ///
    /// # Errors
    /// As [`seal`].
    pub fn seal_key(&self, public: &PublicKey) -> Result<Vec<u8>, FieldError> {
        seal(
            public,
            &session_record(&self.id()),
            SESSION_FIELD,
            &self.key[..],
        )
    }

    /// Recovers a session from its id and sealed key; needs the private key.
    ///
    /// # Errors
    /// As [`open`], or a malformed id.
    pub fn unseal_key(
        keyring: &KeyRing,
        id: &str,
        sealed_key: &[u8],
    ) -> Result<WriteSession, FieldError> {
        let id_bytes = unhex_array::<16>(id).ok_or(FieldError::Malformed("bad session id"))?;
        let key = Zeroizing::new(open(
            keyring,
            &session_record(id),
            SESSION_FIELD,
            sealed_key,
        )?);
        let mut out = Zeroizing::new([0u8; 32]);
        if key.len() != 32 {
            return Err(FieldError::KeyUnwrap);
        }
        out.copy_from_slice(&key);
        Ok(WriteSession {
            id: id_bytes,
            key: out,
        })
    }

    /// Seals `plaintext` for field `field` of record `record_id` under a fresh value key.
    ///
    /// # Errors
    /// The random number generator failed.
    pub fn seal(
        &self,
        record_id: &str,
        field: &str,
        plaintext: &[u8],
    ) -> Result<Vec<u8>, FieldError> {
        let value_key = random_secret::<32>()?;
        let nonce = random_public::<24>()?;
        let body = aead(&value_key[..])?
            .encrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: plaintext,
                    aad: &value_aad(record_id, field),
                },
            )
            .map_err(|_| FieldError::Malformed("internal: value too long to encrypt"))?;
        let mut out = Vec::with_capacity(SESSION_OVERHEAD + plaintext.len());
        self.write_header(&mut out, &value_key, &nonce, record_id, field)?;
        out.extend_from_slice(&body);
        Ok(out)
    }

    /// Opens a value this session sealed, for the same record and field.
    ///
    /// # Errors
    /// Malformed, another session's value, or altered / moved to another record or field.
    pub fn open(&self, record_id: &str, field: &str, sealed: &[u8]) -> Result<Vec<u8>, FieldError> {
        let p = parse(sealed)?;
        if p.session != self.id {
            return Err(FieldError::Malformed("sealed in another session"));
        }
        let value_key = self.unwrap_value_key(&p, record_id, field)?;
        let nonce =
            XNonce::try_from(p.nonce).map_err(|_| FieldError::Malformed("bad nonce length"))?;
        aead(&value_key[..])?
            .decrypt(
                &nonce,
                Payload {
                    msg: p.body,
                    aad: &value_aad(record_id, field),
                },
            )
            .map_err(|_| FieldError::Authentication)
    }

    /// Moves a value sealed in session `from` into this session: its value key is
    /// unwrapped and wrapped again under this session's key; the encrypted value is
    /// copied unchanged. Used by key rotation.
    ///
    /// # Errors
    /// As [`WriteSession::open`] for the unwrap.
    pub fn rewrap_from(
        &self,
        from: &WriteSession,
        record_id: &str,
        field: &str,
        sealed: &[u8],
    ) -> Result<Vec<u8>, FieldError> {
        let p = parse(sealed)?;
        if p.session != from.id {
            return Err(FieldError::Malformed("sealed in another session"));
        }
        let value_key = from.unwrap_value_key(&p, record_id, field)?;
        let mut out = Vec::with_capacity(sealed.len());
        self.write_header(&mut out, &value_key, p.nonce, record_id, field)?;
        out.extend_from_slice(p.body);
        Ok(out)
    }

    fn write_header(
        &self,
        out: &mut Vec<u8>,
        value_key: &[u8; 32],
        nonce: &[u8],
        record_id: &str,
        field: &str,
    ) -> Result<(), FieldError> {
        let wrap_nonce = random_public::<24>()?;
        let wrapped = aead(&self.key[..])?
            .encrypt(
                &XNonce::from(wrap_nonce),
                Payload {
                    msg: value_key,
                    aad: &wrap_aad(&self.id, nonce, record_id, field),
                },
            )
            .map_err(|_| FieldError::Malformed("internal: key wrap"))?;
        out.extend_from_slice(MAGIC);
        out.push(SESSION_VERSION);
        out.push(SUITE);
        out.extend_from_slice(&self.id);
        out.extend_from_slice(&wrap_nonce);
        out.extend_from_slice(&wrapped);
        out.extend_from_slice(nonce);
        Ok(())
    }

    fn unwrap_value_key(
        &self,
        p: &Parsed<'_>,
        record_id: &str,
        field: &str,
    ) -> Result<Zeroizing<[u8; 32]>, FieldError> {
        let wrap_nonce = XNonce::try_from(p.wrap_nonce)
            .map_err(|_| FieldError::Malformed("bad nonce length"))?;
        let key = Zeroizing::new(
            aead(&self.key[..])?
                .decrypt(
                    &wrap_nonce,
                    Payload {
                        msg: p.wrapped,
                        aad: &wrap_aad(&self.id, p.nonce, record_id, field),
                    },
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
}

/// The session id (32 hex digits) a value sealed in a session names, read without any
/// key; `None` for a value in another format.
pub fn session_id_of(sealed: &[u8]) -> Option<String> {
    parse(sealed).ok().map(|p| hex(&p.session))
}

const SESSION_FIELD: &str = "session-key";

fn session_record(id: &str) -> String {
    format!("session:{id}")
}

struct Parsed<'a> {
    session: [u8; 16],
    wrap_nonce: &'a [u8],
    wrapped: &'a [u8],
    nonce: &'a [u8],
    body: &'a [u8],
}

fn parse(sealed: &[u8]) -> Result<Parsed<'_>, FieldError> {
    check_header(sealed, SESSION_VERSION, SUITE, SESSION_OVERHEAD)?;
    let mut session = [0u8; 16];
    session.copy_from_slice(&sealed[ID_AT..WRAP_NONCE_AT]);
    Ok(Parsed {
        session,
        wrap_nonce: &sealed[WRAP_NONCE_AT..WRAPPED_AT],
        wrapped: &sealed[WRAPPED_AT..NONCE_AT],
        nonce: &sealed[NONCE_AT..BODY_AT],
        body: &sealed[BODY_AT..],
    })
}

fn aead(key: &[u8]) -> Result<XChaCha20Poly1305, FieldError> {
    XChaCha20Poly1305::new_from_slice(key)
        .map_err(|_| FieldError::Malformed("internal: key length"))
}

fn value_aad(record_id: &str, field: &str) -> Vec<u8> {
    Canon::new("zonewatch-sealed-field-v2")
        .str(record_id)
        .str(field)
        .finish()
}

fn wrap_aad(session: &[u8; 16], nonce: &[u8], record_id: &str, field: &str) -> Vec<u8> {
    Canon::new("zonewatch-value-key-wrap-v2")
        .bytes(session)
        .bytes(nonce)
        .str(record_id)
        .str(field)
        .finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session() -> WriteSession {
        WriteSession::new().unwrap()
    }

    #[test]
    fn round_trip_through_the_sealed_session_key() {
        let ring = KeyRing::generate().unwrap();
        let s = session();
        let sealed = s.seal("p-1", "pii", b"secret").unwrap();
        assert_eq!(sealed.len(), SESSION_OVERHEAD + 6);
        assert_eq!(session_id_of(&sealed), Some(s.id()));
        let key = s.seal_key(&ring.public_key()).unwrap();
        let again = WriteSession::unseal_key(&ring, &s.id(), &key).unwrap();
        assert_eq!(again.open("p-1", "pii", &sealed).unwrap(), b"secret");
    }

    #[test]
    fn another_key_ring_cannot_recover_the_session() {
        let s = session();
        let key = s
            .seal_key(&KeyRing::generate().unwrap().public_key())
            .unwrap();
        assert!(WriteSession::unseal_key(&KeyRing::generate().unwrap(), &s.id(), &key).is_err());
    }

    #[test]
    fn moved_or_altered_values_do_not_open() {
        let s = session();
        let sealed = s.seal("p-1", "pii", b"secret").unwrap();
        assert!(s.open("p-2", "pii", &sealed).is_err(), "another record");
        assert!(
            s.open("p-1", "transcript", &sealed).is_err(),
            "another field"
        );
        for i in 0..sealed.len() {
            let mut bad = sealed.clone();
            bad[i] ^= 1;
            assert!(s.open("p-1", "pii", &bad).is_err(), "byte {i} flipped");
        }
        let other = s.seal("p-1", "pii", b"other!").unwrap();
        let mut swapped = sealed.clone();
        swapped[WRAP_NONCE_AT..NONCE_AT].copy_from_slice(&other[WRAP_NONCE_AT..NONCE_AT]);
        assert!(
            s.open("p-1", "pii", &swapped).is_err(),
            "wrapped keys swapped"
        );
        assert!(
            session().open("p-1", "pii", &sealed).is_err(),
            "another session"
        );
    }

    #[test]
    fn rewrap_moves_a_value_to_a_new_session_without_reencrypting_it() {
        let old = session();
        let new = session();
        let sealed = old.seal("t-1", "transcript", b"long text").unwrap();
        let moved = new.rewrap_from(&old, "t-1", "transcript", &sealed).unwrap();
        assert_eq!(
            moved[NONCE_AT..],
            sealed[NONCE_AT..],
            "value nonce and ciphertext unchanged"
        );
        assert_eq!(new.open("t-1", "transcript", &moved).unwrap(), b"long text");
        assert!(old.open("t-1", "transcript", &moved).is_err());
    }
}
