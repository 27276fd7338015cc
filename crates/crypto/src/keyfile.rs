//! The key file: a [`KeyRing`] at rest, sealed under a key derived from the passphrase.
//!
//! # Format (JSON, version 2)
//!
//! ```json
//! {
//!   "format": "zonewatch-keyring",
//!   "version": 2,
//!   "public_keys": { "encryption": "<64 hex: X25519>", "verifying": "<64 hex: Ed25519>" },
//!   "kdf": { "algorithm": "argon2id", "argon2_version": 19,
//!            "m_cost_kib": 65536, "t_cost": 3, "p_cost": 1, "salt": "<32 hex: 16 bytes>" },
//!   "cipher": "xchacha20poly1305",
//!   "nonce": "<48 hex: 24 bytes>",
//!   "sealed_secrets": "<224 hex: 96 bytes of secrets + 16-byte tag>",
//!   "audit_mark": { "seq": 12, "head_hash": "<64 hex>", "mac": "<64 hex>" }
//! }
//! ```
//!
//! The public keys are in clear so that writers can seal without the passphrase. The secrets
//! (X25519 private key, Ed25519 seed, keyed-hash secret, 32 bytes each) are encrypted with
//! XChaCha20-Poly1305 under `Argon2id(passphrase, salt, m, t, p)` → 32 bytes.
//!
//! # Why version 2: the public part is bound to the secrets by derivation
//!
//! Version 1 put the public keys in the AEAD's associated data. That authenticates them, but
//! only for whoever unlocks, and in a way that cannot tell a substituted public key from a
//! wrong passphrase: both make the AEAD fail. Someone who could write the database could put
//! their own verifying key in the row and re-sign forged audit checkpoints; anything that
//! read the key without unlocking believed it, and the next unlock said "wrong passphrase".
//!
//! Version 2 leaves the public keys out of the associated data, which is
//! canonical(`zonewatch-keyring-v2`, format, version, `argon2id`, 19, m, t, p, salt, cipher).
//! After decryption the public keys are *derived* from the private keys (X25519 private key →
//! public key, Ed25519 seed → verifying key) and compared with the stored ones. The public
//! keys are a function of the secrets the AEAD authenticates, so this binds them exactly as
//! tightly as the associated data did, and a mismatch now proves that the passphrase is right
//! and the clear part was altered: [`KeyFileError::PublicPartAltered`], "the key ring's public
//! part was altered". The KDF parameters and the salt stay in the associated data; they are
//! inputs to the key, so altering them still reads as a wrong passphrase.
//!
//! # The audit mark: the highest checkpoint signed
//!
//! `audit_mark` records the last audit checkpoint signed with this key ring, `{seq,
//! head_hash}`, with `mac` = HMAC-SHA256 under `K = HKDF-SHA256(salt =
//! "zonewatch-audit-mark-v1", ikm = the Ed25519 seed, info = "audit-mark")` over
//! canonical(`zonewatch-audit-mark-v1`, the 32 bytes of the verifying key, seq as 8 bytes, the
//! 32 raw bytes of the head hash). It lives outside the AEAD so that whoever signs a
//! checkpoint can move it forward with the unlocked key ring, without the passphrase. A
//! version 2 file always has one (seq 0, the genesis head, when nothing was signed yet), so
//! removing it, like editing it, is a [`KeyFileError::PublicPartAltered`] at unlock. An
//! auditor with the passphrase refuses a chain that ends, or whose checkpoints end, before
//! the mark ([`crate::verify_chain_authenticated`]): deleting every checkpoint and
//! recomputing the chain no longer goes unseen. What it cannot catch: an older copy of the
//! whole row (with an older mark) put back; only a head recorded outside the database does.
//!
//! # Version 1 is still read
//!
//! [`SealedKeyRing::unlock`] tries the version 2 associated data, then the version 1
//! associated data with the stored public keys; the `version` field must name the one that
//! opened, so relabelling a file is itself an alteration. For a version 1 file an altered
//! public key still makes the AEAD fail and reads as a wrong passphrase: the two cannot be
//! told apart there. [`SealedKeyRing::unlock_upgrading`] returns the same keys sealed as
//! version 2 (same salt and parameters, a fresh nonce, a genesis mark) for the caller to
//! store: zonewatch does so at the next successful unlock.

use chacha20poly1305::aead::{Aead as _, KeyInit as _, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use zeroize::Zeroizing;

use crate::argon::{KdfError, KdfParams};
use crate::audit::ChainHead;
use crate::encoding::{hex, is_lower_hex, unhex, unhex_array, Canon};
use crate::keyed::derive_labelled;
use crate::keys::{KeyRing, PublicKeys, SECRET_LEN};
use crate::random::{random_public, random_secret, RandomError};
use crate::token::ct_eq;

const FORMAT: &str = "zonewatch-keyring";
/// The version written.
const VERSION: u32 = 2;
/// The first version (public keys in the associated data, no audit mark): still read.
const VERSION_1: u32 = 1;
const KDF_ALGORITHM: &str = "argon2id";
const ARGON2_VERSION: u32 = 0x13;
const CIPHER: &str = "xchacha20poly1305";
const SALT_LEN: usize = 16;
const MARK_SALT: &str = "zonewatch-audit-mark-v1";
const MARK_INFO: &str = "audit-mark";

/// A key file could not be made, read or unlocked.
#[derive(Debug, thiserror::Error)]
pub enum KeyFileError {
    /// The passphrase does not open the key file. The secrets, the nonce, the salt or the KDF
    /// parameters may also have been altered, or the whole file replaced by another key
    /// ring's, and for a version 1 file its public keys: none of these can be told apart from
    /// a wrong passphrase.
    #[error("wrong passphrase (or the key file was altered)")]
    WrongPassphrase,
    /// An empty passphrase was offered for sealing.
    #[error("the passphrase is empty")]
    EmptyPassphrase,
    /// Not a key file this build reads.
    #[error("not a valid zonewatch key file: {0}")]
    Malformed(String),
    /// The decrypted private keys do not match the clear public keys of a version 1 file
    /// (whose associated data authenticated those public keys: the file was made so).
    #[error("the key file's private keys do not match its public keys: the file was altered")]
    Inconsistent,
    /// The clear part (public keys, version, audit mark) does not match the private keys:
    /// the passphrase (or the unlocked key ring) is right, and someone altered the file.
    #[error("the key ring's public part was altered: {0}")]
    PublicPartAltered(&'static str),
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
struct MarkSection {
    seq: u64,
    head_hash: String,
    mac: String,
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    audit_mark: Option<MarkSection>,
}

/// The key ring's record of the last checkpoint signed, with its MAC (see the module
/// documentation). Only its MAC under the unlocked key ring makes it worth anything.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Mark {
    seq: u64,
    head_hash: String,
    mac: String,
}

impl Mark {
    fn mac_of(keyring: &KeyRing, seq: u64, head: &[u8; 32]) -> String {
        let message = Canon::new("zonewatch-audit-mark-v1")
            .raw(&keyring.verifying_key().to_bytes())
            .u64(seq)
            .raw(head)
            .finish();
        derive_labelled(MARK_SALT, keyring.signing_seed(), MARK_INFO).keyed_hash(&message)
    }

    fn over(keyring: &KeyRing, head: &ChainHead) -> Result<Mark, KeyFileError> {
        let hash = unhex_array::<32>(&head.hash).ok_or_else(|| {
            KeyFileError::Malformed("a chain head's hash must be 64 lowercase hex digits".into())
        })?;
        Ok(Mark {
            seq: head.seq,
            head_hash: head.hash.clone(),
            mac: Mark::mac_of(keyring, head.seq, &hash),
        })
    }

    fn is_valid_for(&self, keyring: &KeyRing) -> bool {
        unhex_array::<32>(&self.head_hash).is_some_and(|hash| {
            ct_eq(
                Mark::mac_of(keyring, self.seq, &hash).as_bytes(),
                self.mac.as_bytes(),
            )
        })
    }

    fn head(&self) -> ChainHead {
        ChainHead {
            seq: self.seq,
            hash: self.head_hash.clone(),
        }
    }
}

/// A [`KeyRing`] sealed under a passphrase: safe to store beside the database. Serialises to
/// and from the JSON documented in this module (also through serde).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "Wire", into = "Wire")]
pub struct SealedKeyRing {
    version: u32,
    public_keys: PublicKeys,
    params: KdfParams,
    salt: [u8; SALT_LEN],
    nonce: [u8; 24],
    sealed_secrets: Vec<u8>,
    mark: Option<Mark>,
}

impl From<SealedKeyRing> for Wire {
    fn from(k: SealedKeyRing) -> Wire {
        Wire {
            format: FORMAT.to_owned(),
            version: k.version,
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
            audit_mark: k.mark.map(|m| MarkSection {
                seq: m.seq,
                head_hash: m.head_hash,
                mac: m.mac,
            }),
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
        if w.version != VERSION && w.version != VERSION_1 {
            return Err(KeyFileError::Malformed(format!(
                "key file version {} is not supported (this build reads versions {VERSION_1} and {VERSION})",
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
        let mark = match w.audit_mark {
            Some(_) if w.version == VERSION_1 => {
                return Err(bad("a version 1 key file has no \"audit_mark\""));
            }
            Some(m) => {
                if !is_lower_hex(&m.head_hash, 32) || !is_lower_hex(&m.mac, 32) {
                    return Err(bad(
                        "\"audit_mark\" needs \"head_hash\" and \"mac\" of 64 lowercase hex digits",
                    ));
                }
                Some(Mark {
                    seq: m.seq,
                    head_hash: m.head_hash,
                    mac: m.mac,
                })
            }
            // A version 2 file without one parses (writers only need the public key), and
            // fails to unlock as altered.
            None => None,
        };
        Ok(SealedKeyRing {
            version: w.version,
            public_keys: w.public_keys,
            params,
            salt,
            nonce,
            sealed_secrets,
            mark,
        })
    }
}

/// Version 1: every clear field, the public keys included.
fn associated_data_v1(public_keys: &PublicKeys, params: &KdfParams, salt: &[u8]) -> Vec<u8> {
    Canon::new("zonewatch-keyring-v1")
        .str(FORMAT)
        .u32(VERSION_1)
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

/// Version 2: the clear fields but the public keys (checked by derivation instead) and the
/// audit mark (checked by its MAC).
fn associated_data_v2(params: &KdfParams, salt: &[u8]) -> Vec<u8> {
    Canon::new("zonewatch-keyring-v2")
        .str(FORMAT)
        .u32(VERSION)
        .str(KDF_ALGORITHM)
        .u32(ARGON2_VERSION)
        .u32(params.m_cost_kib)
        .u32(params.t_cost)
        .u32(params.p_cost)
        .bytes(salt)
        .str(CIPHER)
        .finish()
}

/// Seals `keyring` as version 2 under an already derived `key`, with a fresh nonce.
fn seal_under(
    keyring: &KeyRing,
    key: &[u8; 32],
    params: &KdfParams,
    salt: [u8; SALT_LEN],
    mark: Mark,
) -> Result<SealedKeyRing, KeyFileError> {
    let nonce = random_public::<24>()?;
    let cipher = XChaCha20Poly1305::new_from_slice(&key[..])
        .map_err(|_| KeyFileError::Malformed("internal: key length".into()))?;
    let secrets = keyring.secret_bytes();
    let sealed_secrets = cipher
        .encrypt(
            &XNonce::from(nonce),
            Payload {
                msg: &secrets[..],
                aad: &associated_data_v2(params, &salt),
            },
        )
        .map_err(|_| KeyFileError::Malformed("internal: encryption failed".into()))?;
    Ok(SealedKeyRing {
        version: VERSION,
        public_keys: keyring.public_keys(),
        params: *params,
        salt,
        nonce,
        sealed_secrets,
        mark: Some(mark),
    })
}

/// The stored public keys must be the ones the private keys make.
fn check_public_keys(stored: &PublicKeys, keyring: &KeyRing) -> Result<(), KeyFileError> {
    let derived = keyring.public_keys();
    if derived.encryption != stored.encryption {
        return Err(KeyFileError::PublicPartAltered(
            "its encryption public key is not the one its private key makes (the passphrase is right)",
        ));
    }
    if derived.verifying != stored.verifying {
        return Err(KeyFileError::PublicPartAltered(
            "its audit verifying key is not the one its private signing key makes (the passphrase is right)",
        ));
    }
    Ok(())
}

impl KeyRing {
    /// Seals this key ring under `passphrase` with Argon2id `params` (see
    /// [`crate::keyring_params`]), a fresh random salt and nonce, as version 2 with a genesis
    /// audit mark (nothing signed yet; see [`SealedKeyRing::with_signed_head`]).
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
        let key = params.derive_key(passphrase.as_bytes(), &salt)?;
        seal_under(
            self,
            &key,
            params,
            salt,
            Mark::over(self, &ChainHead::genesis())?,
        )
    }
}

impl SealedKeyRing {
    /// The public keys, readable without the passphrase — and so not authenticated until
    /// [`SealedKeyRing::unlock`] checks them against the private keys.
    pub fn public_keys(&self) -> PublicKeys {
        self.public_keys
    }

    /// The Argon2id parameters this file was sealed with.
    pub fn kdf_params(&self) -> KdfParams {
        self.params
    }

    /// The format version: 2 for every file this build writes, 1 for older ones.
    pub fn version(&self) -> u32 {
        self.version
    }

    /// Opens the secrets under an already derived key; see the module documentation.
    fn open_with_key(&self, key: &[u8; 32]) -> Result<KeyRing, KeyFileError> {
        let cipher = XChaCha20Poly1305::new_from_slice(&key[..])
            .map_err(|_| KeyFileError::WrongPassphrase)?;
        let open = |aad: &[u8]| {
            cipher
                .decrypt(
                    &XNonce::from(self.nonce),
                    Payload {
                        msg: &self.sealed_secrets,
                        aad,
                    },
                )
                .ok()
                .map(Zeroizing::new)
        };
        if let Some(secrets) = open(&associated_data_v2(&self.params, &self.salt)) {
            let keyring = KeyRing::from_secret_bytes(&secrets).ok_or(KeyFileError::Inconsistent)?;
            if self.version != VERSION {
                return Err(KeyFileError::PublicPartAltered(
                    "its \"version\" says 1, but it was sealed as version 2 (the passphrase is right)",
                ));
            }
            check_public_keys(&self.public_keys, &keyring)?;
            return match &self.mark {
                None => Err(KeyFileError::PublicPartAltered(
                    "its record of the last signed audit checkpoint (\"audit_mark\") was removed (the passphrase is right)",
                )),
                Some(mark) if !mark.is_valid_for(&keyring) => Err(KeyFileError::PublicPartAltered(
                    "its record of the last signed audit checkpoint (\"audit_mark\") does not carry a valid MAC (the passphrase is right)",
                )),
                Some(_) => Ok(keyring),
            };
        }
        if let Some(secrets) = open(&associated_data_v1(
            &self.public_keys,
            &self.params,
            &self.salt,
        )) {
            let keyring = KeyRing::from_secret_bytes(&secrets).ok_or(KeyFileError::Inconsistent)?;
            if keyring.public_keys() != self.public_keys {
                return Err(KeyFileError::Inconsistent);
            }
            if self.version != VERSION_1 {
                return Err(KeyFileError::PublicPartAltered(
                    "its \"version\" says 2, but it was sealed as version 1 (the passphrase is right)",
                ));
            }
            return Ok(keyring);
        }
        Err(KeyFileError::WrongPassphrase)
    }

    /// Derives the key from `passphrase` and opens the private keys, then checks the clear
    /// part against them: the public keys must be the ones the private keys make, and (version
    /// 2) the audit mark must carry a valid MAC. Takes as long as the stored Argon2id
    /// parameters make it.
    ///
    /// # Errors
    /// [`KeyFileError::WrongPassphrase`] when the passphrase (or the sealed part, or a version
    /// 1 file's public keys) is wrong; [`KeyFileError::PublicPartAltered`] when the passphrase
    /// is right but the public keys, the version or the audit mark were altered.
    pub fn unlock(&self, passphrase: &str) -> Result<KeyRing, KeyFileError> {
        let key = self.params.derive_key(passphrase.as_bytes(), &self.salt)?;
        self.open_with_key(&key)
    }

    /// As [`SealedKeyRing::unlock`], and for a version 1 file also the same keys sealed as
    /// version 2 (same passphrase, salt and parameters, a fresh nonce, a genesis audit mark),
    /// to store in its place. `None` for a version 2 file. One Argon2id run either way.
    ///
    /// # Errors
    /// As [`SealedKeyRing::unlock`]; the random number generator failed.
    pub fn unlock_upgrading(
        &self,
        passphrase: &str,
    ) -> Result<(KeyRing, Option<SealedKeyRing>), KeyFileError> {
        let key = self.params.derive_key(passphrase.as_bytes(), &self.salt)?;
        let keyring = self.open_with_key(&key)?;
        if self.version == VERSION {
            return Ok((keyring, None));
        }
        let mark = Mark::over(&keyring, &ChainHead::genesis())?;
        let upgraded = seal_under(&keyring, &key, &self.params, self.salt, mark)?;
        Ok((keyring, Some(upgraded)))
    }

    /// Unlocks with `old` and seals the same keys under `new` with `params`, keeping the audit
    /// mark. The key pair does not change, so nothing sealed needs re-wrapping.
    ///
    /// # Errors
    /// As [`SealedKeyRing::unlock`] and [`KeyRing::seal_with_passphrase`].
    pub fn change_passphrase(
        &self,
        old: &str,
        new: &str,
        params: &KdfParams,
    ) -> Result<SealedKeyRing, KeyFileError> {
        let keyring = self.unlock(old)?;
        let head = self.signed_head(&keyring)?;
        keyring
            .seal_with_passphrase(new, params)?
            .with_signed_head(&keyring, &head)
    }

    /// The head of the last audit checkpoint this file records as signed, authenticated with
    /// `keyring` (the one this file unlocked to): [`ChainHead::genesis`] when nothing was
    /// signed yet, and for a version 1 file, which keeps no record.
    ///
    /// # Errors
    /// [`KeyFileError::PublicPartAltered`] when the file's public keys are not `keyring`'s,
    /// or its mark is missing or does not carry a valid MAC.
    pub fn signed_head(&self, keyring: &KeyRing) -> Result<ChainHead, KeyFileError> {
        if self.public_keys != keyring.public_keys() {
            return Err(KeyFileError::PublicPartAltered(
                "its public keys are not those of the key ring the passphrase unlocked",
            ));
        }
        if self.version == VERSION_1 {
            return Ok(ChainHead::genesis());
        }
        match &self.mark {
            None => Err(KeyFileError::PublicPartAltered(
                "its record of the last signed audit checkpoint (\"audit_mark\") was removed",
            )),
            Some(mark) if !mark.is_valid_for(keyring) => Err(KeyFileError::PublicPartAltered(
                "its record of the last signed audit checkpoint (\"audit_mark\") does not carry a valid MAC",
            )),
            Some(mark) => Ok(mark.head()),
        }
    }

    /// The same file, recording `head` as the last audit checkpoint signed, with a MAC under
    /// `keyring`. Nothing else changes (no passphrase needed). The caller moves it only
    /// forward, after storing the checkpoint itself.
    ///
    /// # Errors
    /// [`KeyFileError::PublicPartAltered`] when the file's public keys are not `keyring`'s;
    /// [`KeyFileError::Malformed`] for a version 1 file (upgrade it first, see
    /// [`SealedKeyRing::unlock_upgrading`]) or a head hash that is not 64 hex digits.
    pub fn with_signed_head(
        &self,
        keyring: &KeyRing,
        head: &ChainHead,
    ) -> Result<SealedKeyRing, KeyFileError> {
        if self.public_keys != keyring.public_keys() {
            return Err(KeyFileError::PublicPartAltered(
                "its public keys are not those of the key ring the passphrase unlocked",
            ));
        }
        if self.version == VERSION_1 {
            return Err(KeyFileError::Malformed(
                "a version 1 key file keeps no record of signed checkpoints: unlock it to upgrade it first".into(),
            ));
        }
        Ok(SealedKeyRing {
            mark: Some(Mark::over(keyring, head)?),
            ..self.clone()
        })
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

    /// Reads the JSON written by [`SealedKeyRing::to_json`] (version 2), or by earlier builds
    /// (version 1).
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
