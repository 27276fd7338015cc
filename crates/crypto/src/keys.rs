//! Keys: the database's X25519 public key ([`PublicKey`]), the audit verifying key
//! ([`VerifyingKey`]), and the private [`KeyRing`] that only exists in memory after the
//! passphrase unlocked it.

use std::fmt;
use std::str::FromStr;

use ed25519_dalek::Signer as _;
use hpke::{Deserializable as _, Kem as _, Serializable as _};
use sha2::{Digest as _, Sha256};
use zeroize::{Zeroize as _, Zeroizing};

use crate::encoding::{hex, unhex_array, Canon};
use crate::random::{random_secret, RandomError};

/// HPKE KEM used to wrap value keys: DHKEM(X25519, HKDF-SHA256), RFC 9180 §7.1.
pub(crate) type Kem = hpke::kem::X25519HkdfSha256;
type HpkePrivateKey = <Kem as hpke::Kem>::PrivateKey;
pub(crate) type HpkePublicKey = <Kem as hpke::Kem>::PublicKey;

/// Length of the secret part of a key ring when serialised inside the sealed key file:
/// X25519 private key (32) || Ed25519 seed (32) || keyed-hash secret (32).
pub(crate) const SECRET_LEN: usize = 96;

/// A public key, a key id or a verifying key could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyParseError {
    /// Wrong length or not lowercase hex.
    #[error("expected {expected} lowercase hexadecimal digits")]
    Hex {
        /// Number of hex digits expected.
        expected: usize,
    },
    /// 32 bytes that are not a point on the Ed25519 curve.
    #[error("not a valid Ed25519 public key")]
    InvalidEd25519,
}

macro_rules! hex_string_serde {
    ($ty:ty) => {
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

/// A short identifier of a public key: the first 8 bytes of
/// SHA-256(canonical("zonewatch-key-id-v1", algorithm name, key bytes)), shown as 16 hex
/// digits. Every sealed value names the key id it is sealed to, so a rotation can find the
/// values that still need re-wrapping, and an operator can compare fingerprints.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KeyId(pub(crate) [u8; 8]);

impl KeyId {
    fn of(algorithm: &str, key: &[u8]) -> KeyId {
        let digest = Sha256::digest(
            Canon::new("zonewatch-key-id-v1")
                .str(algorithm)
                .bytes(key)
                .finish(),
        );
        let mut id = [0u8; 8];
        id.copy_from_slice(&digest[..8]);
        KeyId(id)
    }

    /// The raw 8 bytes.
    pub fn as_bytes(&self) -> &[u8; 8] {
        &self.0
    }
}

impl fmt::Display for KeyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&hex(&self.0))
    }
}

impl fmt::Debug for KeyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "KeyId({self})")
    }
}

impl FromStr for KeyId {
    type Err = KeyParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        unhex_array::<8>(s)
            .map(KeyId)
            .ok_or(KeyParseError::Hex { expected: 16 })
    }
}
hex_string_serde!(KeyId);

/// The database's X25519 public key. Writers seal restricted values to it without any
/// secret; only the [`KeyRing`] opens them. Not secret, but it must be authentic: whoever can
/// replace it can read what is sealed afterwards (see docs/SECURITY.md). Text form: 64
/// lowercase hex digits.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct PublicKey(pub(crate) [u8; 32]);

impl PublicKey {
    /// From the 32 raw bytes of an X25519 public key.
    pub fn from_bytes(bytes: [u8; 32]) -> PublicKey {
        PublicKey(bytes)
    }

    /// The 32 raw bytes.
    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// The key id sealed values carry.
    pub fn key_id(&self) -> KeyId {
        KeyId::of("x25519", &self.0)
    }

    pub(crate) fn to_hpke(self) -> Result<HpkePublicKey, hpke::HpkeError> {
        HpkePublicKey::from_bytes(&self.0)
    }
}

impl fmt::Display for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&hex(&self.0))
    }
}

impl fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PublicKey({self})")
    }
}

impl FromStr for PublicKey {
    type Err = KeyParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        unhex_array::<32>(s)
            .map(PublicKey)
            .ok_or(KeyParseError::Hex { expected: 64 })
    }
}
hex_string_serde!(PublicKey);

/// The Ed25519 key that verifies audit checkpoints. Text form: 64 lowercase hex digits.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct VerifyingKey(pub(crate) ed25519_dalek::VerifyingKey);

impl VerifyingKey {
    /// From the 32 raw bytes of an Ed25519 public key.
    ///
    /// # Errors
    /// The bytes are not a point on the curve.
    pub fn from_bytes(bytes: &[u8; 32]) -> Result<VerifyingKey, KeyParseError> {
        ed25519_dalek::VerifyingKey::from_bytes(bytes)
            .map(VerifyingKey)
            .map_err(|_| KeyParseError::InvalidEd25519)
    }

    /// The 32 raw bytes.
    pub fn to_bytes(&self) -> [u8; 32] {
        self.0.to_bytes()
    }

    /// Fingerprint of this key.
    pub fn key_id(&self) -> KeyId {
        KeyId::of("ed25519", self.0.as_bytes())
    }
}

impl fmt::Display for VerifyingKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&hex(self.0.as_bytes()))
    }
}

impl fmt::Debug for VerifyingKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "VerifyingKey({self})")
    }
}

impl FromStr for VerifyingKey {
    type Err = KeyParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bytes = unhex_array::<32>(s).ok_or(KeyParseError::Hex { expected: 64 })?;
        VerifyingKey::from_bytes(&bytes)
    }
}
hex_string_serde!(VerifyingKey);

/// The public half of a key ring: what a writer and an auditor need, kept in clear.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublicKeys {
    /// Seal restricted values to this key.
    pub encryption: PublicKey,
    /// Verify audit checkpoints with this key.
    pub verifying: VerifyingKey,
}

/// The private keys of a database: an X25519 key that opens sealed values, an Ed25519 key
/// that signs audit checkpoints, and a 32-byte secret from which keyed hashes are derived.
///
/// It exists in memory only after [`crate::SealedKeyRing::unlock`] (or
/// [`KeyRing::generate`]), is not `Clone`, never prints its secrets (`Debug` is redacted),
/// and every secret is wiped from memory when it is dropped (the X25519 and Ed25519 keys are
/// zeroize-on-drop in their crates; the hash secret is held in [`Zeroizing`]).
pub struct KeyRing {
    x25519: HpkePrivateKey,
    public: PublicKey,
    signing: ed25519_dalek::SigningKey,
    hash_secret: Zeroizing<[u8; 32]>,
}

impl KeyRing {
    /// A fresh key ring from the operating system's random number generator.
    ///
    /// # Errors
    /// The random number generator failed.
    pub fn generate() -> Result<KeyRing, RandomError> {
        let (x25519, public) = new_x25519()?;
        let seed = random_secret::<32>()?;
        let signing = ed25519_dalek::SigningKey::from_bytes(&seed);
        let hash_secret = random_secret::<32>()?;
        Ok(KeyRing {
            x25519,
            public,
            signing,
            hash_secret,
        })
    }

    /// A new key ring with a new X25519 key pair, and the same signing key and keyed-hash
    /// secret (so checkpoints still verify with the same key and evidence addresses and
    /// contact links do not change). Re-wrap every sealed value with [`crate::rewrap`], then
    /// seal the new key ring under the passphrase and destroy the old one.
    ///
    /// # Errors
    /// The random number generator failed.
    pub fn rotate_encryption_key(&self) -> Result<KeyRing, RandomError> {
        let (x25519, public) = new_x25519()?;
        Ok(KeyRing {
            x25519,
            public,
            signing: ed25519_dalek::SigningKey::from_bytes(self.signing.as_bytes()),
            hash_secret: self.hash_secret.clone(),
        })
    }

    /// The X25519 public key values are sealed to.
    pub fn public_key(&self) -> PublicKey {
        self.public
    }

    /// The Ed25519 key that verifies this key ring's checkpoints.
    pub fn verifying_key(&self) -> VerifyingKey {
        VerifyingKey(self.signing.verifying_key())
    }

    /// Both public keys.
    pub fn public_keys(&self) -> PublicKeys {
        PublicKeys {
            encryption: self.public_key(),
            verifying: self.verifying_key(),
        }
    }

    pub(crate) fn hpke_private(&self) -> &HpkePrivateKey {
        &self.x25519
    }

    pub(crate) fn sign(&self, message: &[u8]) -> [u8; 64] {
        self.signing.sign(message).to_bytes()
    }

    pub(crate) fn hash_secret(&self) -> &[u8; 32] {
        &self.hash_secret
    }

    /// The Ed25519 seed: the input of the key that authenticates the key ring's record of
    /// the last signed checkpoint (`keyfile.rs`, HKDF with its own salt and label).
    pub(crate) fn signing_seed(&self) -> &[u8; 32] {
        self.signing.as_bytes()
    }

    /// The secrets, serialised for sealing under the passphrase.
    pub(crate) fn secret_bytes(&self) -> Zeroizing<[u8; SECRET_LEN]> {
        let mut out = Zeroizing::new([0u8; SECRET_LEN]);
        let mut x = self.x25519.to_bytes();
        out[..32].copy_from_slice(&x);
        x[..].zeroize();
        out[32..64].copy_from_slice(self.signing.as_bytes());
        out[64..].copy_from_slice(&self.hash_secret[..]);
        out
    }

    /// The inverse of [`KeyRing::secret_bytes`]. `None` when the length is wrong.
    pub(crate) fn from_secret_bytes(bytes: &[u8]) -> Option<KeyRing> {
        if bytes.len() != SECRET_LEN {
            return None;
        }
        let x25519 = HpkePrivateKey::from_bytes(&bytes[..32]).ok()?;
        let public = public_of(&x25519);
        let mut seed = Zeroizing::new([0u8; 32]);
        seed.copy_from_slice(&bytes[32..64]);
        let signing = ed25519_dalek::SigningKey::from_bytes(&seed);
        let mut hash_secret = Zeroizing::new([0u8; 32]);
        hash_secret.copy_from_slice(&bytes[64..]);
        Some(KeyRing {
            x25519,
            public,
            signing,
            hash_secret,
        })
    }
}

impl fmt::Debug for KeyRing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KeyRing")
            .field("public", &self.public)
            .field("verifying", &self.verifying_key())
            .field("secrets", &"<redacted>")
            .finish()
    }
}

fn public_of(sk: &HpkePrivateKey) -> PublicKey {
    let pk = Kem::sk_to_pk(sk).to_bytes();
    let mut out = [0u8; 32];
    out.copy_from_slice(&pk);
    PublicKey(out)
}

/// A new X25519 key pair: RFC 9180 DeriveKeyPair over 32 bytes from the OS generator.
fn new_x25519() -> Result<(HpkePrivateKey, PublicKey), RandomError> {
    let ikm = random_secret::<32>()?;
    let (sk, _) = Kem::derive_keypair(&ikm[..]);
    let public = public_of(&sk);
    Ok((sk, public))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_bytes_round_trip() {
        let k = KeyRing::generate().unwrap();
        let bytes = k.secret_bytes();
        let k2 = KeyRing::from_secret_bytes(&bytes[..]).unwrap();
        assert_eq!(k.public_keys(), k2.public_keys());
        assert_eq!(k.hash_secret(), k2.hash_secret());
        assert!(KeyRing::from_secret_bytes(&bytes[..95]).is_none());
    }

    #[test]
    fn debug_is_redacted() {
        let k = KeyRing::generate().unwrap();
        let dbg = format!("{k:?}");
        assert!(dbg.contains("<redacted>"));
        assert!(!dbg.contains(&hex(k.hash_secret())));
        assert!(!dbg.contains(&hex(&k.secret_bytes()[..32])));
    }

    #[test]
    fn rotation_keeps_signing_and_hash_secret() {
        let k = KeyRing::generate().unwrap();
        let r = k.rotate_encryption_key().unwrap();
        assert_ne!(k.public_key(), r.public_key());
        assert_eq!(k.verifying_key(), r.verifying_key());
        assert_eq!(k.hash_secret(), r.hash_secret());
    }

    #[test]
    fn text_forms_round_trip() {
        let k = KeyRing::generate().unwrap();
        let pk = k.public_key();
        assert_eq!(pk.to_string().parse::<PublicKey>().unwrap(), pk);
        let vk = k.verifying_key();
        assert_eq!(vk.to_string().parse::<VerifyingKey>().unwrap(), vk);
        let id = pk.key_id();
        assert_eq!(id.to_string().len(), 16);
        assert_eq!(id.to_string().parse::<KeyId>().unwrap(), id);
        let json = serde_json::to_string(&k.public_keys()).unwrap();
        let back: PublicKeys = serde_json::from_str(&json).unwrap();
        assert_eq!(back, k.public_keys());
        assert!("zz".parse::<PublicKey>().is_err());
    }
}
