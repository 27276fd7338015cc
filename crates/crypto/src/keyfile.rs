//! The key file: a [`KeyRing`] at rest, sealed under a key derived from the passphrase.
//!
//! # Format (JSON, version 1)
//!
//! ```json
//! {
//!   "format": "zonewatch-keyring",
//!   "version": 1,
//!   "public_keys": { "encryption": "<64 hex: X25519>", "verifying": "<64 hex: Ed25519>" },
//!   "kdf": { "algorithm": "argon2id", "argon2_version": 19,
//!            "m_cost_kib": 65536, "t_cost": 3, "p_cost": 1, "salt": "<32 hex: 16 bytes>" },
//!   "cipher": "xchacha20poly1305",
//!   "nonce": "<48 hex: 24 bytes>",
//!   "sealed_secrets": "<224 hex: 96 bytes of secrets + 16-byte tag>"
//! }
//! ```
//!
//! The public keys are in clear so that writers can seal without the passphrase. The secrets
//! (X25519 private key, Ed25519 seed, keyed-hash secret, 32 bytes each) are encrypted with
//! XChaCha20-Poly1305 under `Argon2id(passphrase, salt, m, t, p)` → 32 bytes. Its associated
//! data is the canonical encoding of every clear field (format, version, both public keys,
//! the KDF algorithm, version, parameters and salt, the cipher name), so changing any of them
//! — in particular substituting another public key — makes the file fail to unlock. After
//! decryption the private keys are also checked against the clear public keys.

use chacha20poly1305::aead::{Aead as _, KeyInit as _, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use zeroize::Zeroizing;

use crate::argon::{KdfError, KdfParams};
use crate::encoding::{hex, unhex, unhex_array, Canon};
use crate::keys::{KeyRing, PublicKeys, SECRET_LEN};
use crate::random::{random_public, random_secret, RandomError};

const FORMAT: &str = "zonewatch-keyring";
const VERSION: u32 = 1;
const KDF_ALGORITHM: &str = "argon2id";
const ARGON2_VERSION: u32 = 0x13;
const CIPHER: &str = "xchacha20poly1305";
const SALT_LEN: usize = 16;

/// A key file could not be made, read or unlocked.
#[derive(Debug, thiserror::Error)]
pub enum KeyFileError {
    /// The passphrase does not open the key file. The file may also have been altered: the
    /// two cannot be told apart.
    #[error("wrong passphrase (or the key file was altered)")]
    WrongPassphrase,
    /// An empty passphrase was offered for sealing.
    #[error("the passphrase is empty")]
    EmptyPassphrase,
    /// Not a key file this build reads.
    #[error("not a valid zonewatch key file: {0}")]
    Malformed(String),
    /// The decrypted private keys do not match the clear public keys.
    #[error("the key file's private keys do not match its public keys: the file was altered")]
    Inconsistent,
    /// Argon2 parameters out of range, or Argon2 failed.
    #[error(transparent)]
    Kdf(#[from] KdfError),
    /// The random number generator failed.
    #[error(transparent)]
    Random(#[from] RandomError),
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct KdfSection {
    algorithm: String,
    argon2_version: u32,
    m_cost_kib: u32,
    t_cost: u32,
    p_cost: u32,
    salt: String,
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Wire {
    format: String,
    version: u32,
    public_keys: PublicKeys,
    kdf: KdfSection,
    cipher: String,
    nonce: String,
    sealed_secrets: String,
}

/// A [`KeyRing`] sealed under a passphrase: safe to store beside the database. Serialises to
/// and from the JSON documented in this module (also through serde).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "Wire", into = "Wire")]
pub struct SealedKeyRing {
    public_keys: PublicKeys,
    params: KdfParams,
    salt: [u8; SALT_LEN],
    nonce: [u8; 24],
    sealed_secrets: Vec<u8>,
}

impl From<SealedKeyRing> for Wire {
    fn from(k: SealedKeyRing) -> Wire {
        Wire {
            format: FORMAT.to_owned(),
            version: VERSION,
            public_keys: k.public_keys,
            kdf: KdfSection {
                algorithm: KDF_ALGORITHM.to_owned(),
                argon2_version: ARGON2_VERSION,
                m_cost_kib: k.params.m_cost_kib,
                t_cost: k.params.t_cost,
                p_cost: k.params.p_cost,
                salt: hex(&k.salt),
            },
            cipher: CIPHER.to_owned(),
            nonce: hex(&k.nonce),
            sealed_secrets: hex(&k.sealed_secrets),
        }
    }
}

impl TryFrom<Wire> for SealedKeyRing {
    type Error = KeyFileError;
    fn try_from(w: Wire) -> Result<Self, KeyFileError> {
        let bad = |what: &str| KeyFileError::Malformed(what.to_owned());
        if w.format != FORMAT {
            return Err(bad("\"format\" is not \"zonewatch-keyring\""));
        }
        if w.version != VERSION {
            return Err(KeyFileError::Malformed(format!(
                "key file version {} is not supported (this build reads version {VERSION})",
                w.version
            )));
        }
        if w.kdf.algorithm != KDF_ALGORITHM || w.kdf.argon2_version != ARGON2_VERSION {
            return Err(bad("the KDF must be argon2id version 19"));
        }
        if w.cipher != CIPHER {
            return Err(bad("the cipher must be xchacha20poly1305"));
        }
        let params = KdfParams {
            m_cost_kib: w.kdf.m_cost_kib,
            t_cost: w.kdf.t_cost,
            p_cost: w.kdf.p_cost,
        };
        params.validate()?;
        let salt = unhex_array::<SALT_LEN>(&w.kdf.salt)
            .ok_or_else(|| bad("\"salt\" must be 32 lowercase hex digits"))?;
        let nonce = unhex_array::<24>(&w.nonce)
            .ok_or_else(|| bad("\"nonce\" must be 48 lowercase hex digits"))?;
        let sealed_secrets = unhex(&w.sealed_secrets)
            .filter(|s| s.len() == SECRET_LEN + 16)
            .ok_or_else(|| bad("\"sealed_secrets\" must be 224 lowercase hex digits"))?;
        Ok(SealedKeyRing {
            public_keys: w.public_keys,
            params,
            salt,
            nonce,
            sealed_secrets,
        })
    }
}

fn associated_data(public_keys: &PublicKeys, params: &KdfParams, salt: &[u8]) -> Vec<u8> {
    Canon::new("zonewatch-keyring-v1")
        .str(FORMAT)
        .u32(VERSION)
        .raw(public_keys.encryption.as_bytes())
        .raw(&public_keys.verifying.to_bytes())
        .str(KDF_ALGORITHM)
        .u32(ARGON2_VERSION)
        .u32(params.m_cost_kib)
        .u32(params.t_cost)
        .u32(params.p_cost)
        .bytes(salt)
        .str(CIPHER)
        .finish()
}

impl KeyRing {
    /// Seals this key ring under `passphrase` with Argon2id `params` (see
    /// [`crate::keyring_params`]), a fresh random salt and nonce.
    ///
    /// # Errors
    /// Empty passphrase, parameters out of range, or the random number generator failed.
    pub fn seal_with_passphrase(
        &self,
        passphrase: &str,
        params: &KdfParams,
    ) -> Result<SealedKeyRing, KeyFileError> {
        if passphrase.is_empty() {
            return Err(KeyFileError::EmptyPassphrase);
        }
        params.validate()?;
        let salt = random_public::<SALT_LEN>()?;
        let nonce = random_public::<24>()?;
        let key = params.derive_key(passphrase.as_bytes(), &salt)?;
        let public_keys = self.public_keys();
        let cipher = XChaCha20Poly1305::new_from_slice(&key[..])
            .map_err(|_| KeyFileError::Malformed("internal: key length".into()))?;
        let secrets = self.secret_bytes();
        let sealed_secrets = cipher
            .encrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: &secrets[..],
                    aad: &associated_data(&public_keys, params, &salt),
                },
            )
            .map_err(|_| KeyFileError::Malformed("internal: encryption failed".into()))?;
        Ok(SealedKeyRing {
            public_keys,
            params: *params,
            salt,
            nonce,
            sealed_secrets,
        })
    }
}

impl SealedKeyRing {
    /// The public keys, readable without the passphrase.
    pub fn public_keys(&self) -> PublicKeys {
        self.public_keys
    }

    /// The Argon2id parameters this file was sealed with.
    pub fn kdf_params(&self) -> KdfParams {
        self.params
    }

    /// Derives the key from `passphrase` and opens the private keys. Takes as long as the
    /// stored Argon2id parameters make it.
    ///
    /// # Errors
    /// [`KeyFileError::WrongPassphrase`] when the passphrase (or the file) is wrong;
    /// [`KeyFileError::Inconsistent`] when the private keys do not match the public ones.
    pub fn unlock(&self, passphrase: &str) -> Result<KeyRing, KeyFileError> {
        let key = self.params.derive_key(passphrase.as_bytes(), &self.salt)?;
        let cipher = XChaCha20Poly1305::new_from_slice(&key[..])
            .map_err(|_| KeyFileError::WrongPassphrase)?;
        let secrets = Zeroizing::new(
            cipher
                .decrypt(
                    &XNonce::from(self.nonce),
                    Payload {
                        msg: &self.sealed_secrets,
                        aad: &associated_data(&self.public_keys, &self.params, &self.salt),
                    },
                )
                .map_err(|_| KeyFileError::WrongPassphrase)?,
        );
        let keyring = KeyRing::from_secret_bytes(&secrets).ok_or(KeyFileError::Inconsistent)?;
        if keyring.public_keys() != self.public_keys {
            return Err(KeyFileError::Inconsistent);
        }
        Ok(keyring)
    }

    /// Unlocks with `old` and seals the same keys under `new` with `params`. The key pair does
    /// not change, so nothing sealed needs re-wrapping.
    ///
    /// # Errors
    /// As [`SealedKeyRing::unlock`] and [`KeyRing::seal_with_passphrase`].
    pub fn change_passphrase(
        &self,
        old: &str,
        new: &str,
        params: &KdfParams,
    ) -> Result<SealedKeyRing, KeyFileError> {
        self.unlock(old)?.seal_with_passphrase(new, params)
    }

    /// Pretty-printed JSON.
    ///
    /// # Errors
    /// Serialisation failed (it does not for these plain strings and integers, but the error
    /// is passed on rather than risk writing an empty key file).
    pub fn to_json(&self) -> Result<String, KeyFileError> {
        serde_json::to_string_pretty(&Wire::from(self.clone()))
            .map_err(|e| KeyFileError::Malformed(e.to_string()))
    }

    /// Reads the JSON written by [`SealedKeyRing::to_json`].
    ///
    /// # Errors
    /// Not valid JSON, unknown fields, or values out of range.
    pub fn from_json(json: &str) -> Result<SealedKeyRing, KeyFileError> {
        let wire: Wire =
            serde_json::from_str(json).map_err(|e| KeyFileError::Malformed(e.to_string()))?;
        SealedKeyRing::try_from(wire)
    }
}

/// 28 characters of the RFC 4648 base32 alphabet in lower case, in groups of four joined by
/// `-` (e.g. `k3qa-7vmd-…`): 140 bits from the operating system's generator. For `init` when
/// no passphrase is given; print it once.
///
/// # Errors
/// The random number generator failed.
pub fn generate_passphrase() -> Result<String, RandomError> {
    const ALPHABET: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyz234567";
    const CHARS: usize = 28;
    let bytes = random_secret::<CHARS>()?;
    let mut out = String::with_capacity(CHARS + CHARS / 4);
    for (i, b) in bytes.iter().enumerate() {
        if i > 0 && i % 4 == 0 {
            out.push('-');
        }
        // 256 is a multiple of 32: the low five bits are uniform.
        out.push(char::from(ALPHABET[usize::from(b & 31)]));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_passphrases_look_right() {
        let p = generate_passphrase().unwrap();
        assert_eq!(p.len(), 34, "{p}");
        assert_eq!(p.split('-').count(), 7);
        assert!(p.split('-').all(|g| g.len() == 4));
        assert!(p
            .chars()
            .all(|c| c == '-' || c.is_ascii_lowercase() || ('2'..='7').contains(&c)));
        assert_ne!(p, generate_passphrase().unwrap());
    }
}
