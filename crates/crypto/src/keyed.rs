//! SHA-256 and keyed hashes (HMAC-SHA256) for evidence addressing and contact linking.
//!
//! A plain SHA-256 of a file lets anyone who holds a copy of the file (or guesses it)
//! confirm that the store has it. A keyed hash does not, as long as the key is secret.
//!
//! Two kinds of key, each derived per [`HashPurpose`] with HKDF-SHA256 so that an evidence
//! address and a contact link never share a key:
//!
//! - [`KeyRing::hash_key`]: from a 32-byte secret inside the key ring. Only available when
//!   the passphrase has unlocked the key ring. Someone holding the database (even all of it)
//!   cannot compute it, so cannot confirm a guessed file or phone number. Use it for
//!   restricted evidence and restricted contacts. It survives encryption-key rotation.
//! - [`PublicKeys::public_hash_key`]: from the public Ed25519 verifying key. Available
//!   without the passphrase, to any writer — and so also to anyone who has the database
//!   file. It only stops precomputed tables across deployments and casual reading of logs or
//!   partner exports that carry the hash but not the key file. Use it only where linking
//!   must work without the passphrase and the values are not restricted.
//!
//! Evidence added without the passphrase (a field laptop) cannot be given its secret keyed
//! address at once; address it by a random id and compute the keyed address at the next
//! unlock (see docs/SECURITY.md).

use std::fmt;
use std::io::{self, Read};

use hkdf::Hkdf;
use hmac::{Hmac, KeyInit, Mac as _};
use sha2::{Digest as _, Sha256};
use zeroize::{Zeroize as _, Zeroizing};

use crate::encoding::hex;
use crate::keys::{KeyRing, PublicKeys};

/// What a keyed hash is for. Each purpose has its own key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum HashPurpose {
    /// Addressing stored evidence files.
    EvidenceAddress,
    /// Linking records that share a contact (phone number, handle, e-mail).
    ContactLink,
}

impl HashPurpose {
    /// The HKDF `info` label.
    pub fn label(&self) -> &'static str {
        match self {
            HashPurpose::EvidenceAddress => "evidence-address",
            HashPurpose::ContactLink => "contact-link",
        }
    }
}

/// An HMAC-SHA256 key. `Debug` is redacted; wiped from memory on drop.
#[derive(Clone)]
pub struct HashKey(Zeroizing<[u8; 32]>);

impl fmt::Debug for HashKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("HashKey(<redacted>)")
    }
}

/// An HMAC-SHA256 instance keyed with 32 bytes. HMAC zero-pads keys shorter than the
/// 64-byte block, so passing the padded block through the infallible `KeyInit::new` is the
/// same MAC as keying with the 32 bytes (checked against RFC 4231 in the tests).
fn hmac32(key: &[u8; 32]) -> Hmac<Sha256> {
    let mut block = hmac::digest::Key::<Hmac<Sha256>>::default();
    block[..32].copy_from_slice(key);
    let mac = <Hmac<Sha256> as KeyInit>::new(&block);
    block[..].zeroize();
    mac
}

/// HKDF-SHA256 (RFC 5869) for one 32-byte output block: Extract with the `hkdf` crate, then
/// `T(1) = HMAC(PRK, info || 0x01)`, which is all of HKDF-Expand for L = 32 (equal to
/// `Hkdf::expand`, checked in the tests) and cannot fail.
fn derive(salt: &str, ikm: &[u8], purpose: HashPurpose) -> HashKey {
    derive_labelled(salt, ikm, purpose.label())
}

/// [`derive`] with any `info` label, for keys this crate uses internally (the key ring's
/// audit mark) and that must never equal a [`HashPurpose`] key: give them their own salt.
pub(crate) fn derive_labelled(salt: &str, ikm: &[u8], info: &str) -> HashKey {
    let (prk, _) = Hkdf::<Sha256>::extract(Some(salt.as_bytes()), ikm);
    let mut prk32 = Zeroizing::new([0u8; 32]);
    prk32.copy_from_slice(&prk);
    let mut mac = hmac32(&prk32);
    mac.update(info.as_bytes());
    mac.update(&[1]);
    let mut okm = Zeroizing::new([0u8; 32]);
    okm.copy_from_slice(&mac.finalize().into_bytes());
    HashKey(okm)
}

impl HashKey {
    /// A key from raw bytes (for keys kept elsewhere; tests).
    pub fn from_bytes(bytes: [u8; 32]) -> HashKey {
        HashKey(Zeroizing::new(bytes))
    }

    /// HMAC-SHA256 of `bytes`, lowercase hex.
    pub fn keyed_hash(&self, bytes: &[u8]) -> String {
        let mut h = self.hasher();
        h.update(bytes);
        h.finalize_hex()
    }

    /// A streaming HMAC, for large files.
    pub fn hasher(&self) -> KeyedHasher {
        KeyedHasher(hmac32(&self.0))
    }

    /// HMAC-SHA256 of everything `reader` yields, lowercase hex.
    ///
    /// # Errors
    /// Reading failed.
    pub fn keyed_hash_reader<R: Read>(&self, reader: R) -> io::Result<String> {
        let mut h = self.hasher();
        copy_into(reader, |chunk| h.update(chunk))?;
        Ok(h.finalize_hex())
    }
}

/// `key.keyed_hash(bytes)`: HMAC-SHA256, lowercase hex.
pub fn keyed_hash(key: &HashKey, bytes: &[u8]) -> String {
    key.keyed_hash(bytes)
}

/// Streaming HMAC-SHA256.
pub struct KeyedHasher(Hmac<Sha256>);

impl KeyedHasher {
    /// Feeds bytes.
    pub fn update(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }

    /// The MAC, lowercase hex.
    pub fn finalize_hex(self) -> String {
        hex(&self.0.finalize().into_bytes())
    }
}

impl KeyRing {
    /// The secret keyed-hash key for `purpose`: HKDF-SHA256(salt = `zonewatch-keyed-hash-v1`,
    /// ikm = the key ring's hash secret, info = purpose label). Only exists while unlocked.
    pub fn hash_key(&self, purpose: HashPurpose) -> HashKey {
        derive("zonewatch-keyed-hash-v1", self.hash_secret(), purpose)
    }
}

impl PublicKeys {
    /// A keyed-hash key for `purpose` derived from public material only
    /// (HKDF-SHA256(salt = `zonewatch-public-keyed-hash-v1`, ikm = the Ed25519 verifying key,
    /// info = purpose label)). NOT secret: anyone with the database can compute it. See the
    /// module documentation for when it is acceptable.
    pub fn public_hash_key(&self, purpose: HashPurpose) -> HashKey {
        derive(
            "zonewatch-public-keyed-hash-v1",
            &self.verifying.to_bytes(),
            purpose,
        )
    }
}

/// SHA-256 of `bytes`, lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// SHA-256 of everything `reader` yields, lowercase hex (for files of any size).
///
/// # Errors
/// Reading failed.
pub fn sha256_hex_reader<R: Read>(reader: R) -> io::Result<String> {
    let mut h = Sha256::new();
    copy_into(reader, |chunk| h.update(chunk))?;
    Ok(hex(&h.finalize()))
}

fn copy_into<R: Read>(mut reader: R, mut sink: impl FnMut(&[u8])) -> io::Result<()> {
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        match reader.read(&mut buf) {
            Ok(0) => return Ok(()),
            Ok(n) => sink(&buf[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_known_answer() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(sha256_hex_reader(&b"abc"[..]).unwrap(), sha256_hex(b"abc"));
    }

    #[test]
    fn hmac_known_answer_rfc4231_case2() {
        // RFC 4231 test case 2 uses a 4-byte key; HMAC pads keys with zeros to the block
        // size, so the same key zero-padded to 32 bytes gives the same MAC.
        let mut key = [0u8; 32];
        key[..4].copy_from_slice(b"Jefe");
        let k = HashKey::from_bytes(key);
        assert_eq!(
            k.keyed_hash(b"what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn derive_is_hkdf_expand() {
        let ikm = [7u8; 32];
        let mut expected = [0u8; 32];
        Hkdf::<Sha256>::new(Some(b"salt-label"), &ikm)
            .expand(HashPurpose::ContactLink.label().as_bytes(), &mut expected)
            .unwrap();
        let k = derive("salt-label", &ikm, HashPurpose::ContactLink);
        assert_eq!(*k.0, expected);
    }

    #[test]
    fn keys_differ_by_purpose_and_source_and_survive_rotation() {
        let k = KeyRing::generate().unwrap();
        let ev = k.hash_key(HashPurpose::EvidenceAddress);
        let ct = k.hash_key(HashPurpose::ContactLink);
        let pub_ev = k
            .public_keys()
            .public_hash_key(HashPurpose::EvidenceAddress);
        let a = ev.keyed_hash(b"file");
        assert_ne!(a, ct.keyed_hash(b"file"));
        assert_ne!(a, pub_ev.keyed_hash(b"file"));
        assert_ne!(a, sha256_hex(b"file"));
        assert_eq!(a.len(), 64);
        let rotated = k.rotate_encryption_key().unwrap();
        assert_eq!(
            rotated
                .hash_key(HashPurpose::EvidenceAddress)
                .keyed_hash(b"file"),
            a
        );
        let other = KeyRing::generate().unwrap();
        assert_ne!(
            other
                .hash_key(HashPurpose::EvidenceAddress)
                .keyed_hash(b"file"),
            a
        );
        assert_eq!(ev.keyed_hash_reader(&b"file"[..]).unwrap(), a);
        assert_eq!(format!("{ev:?}"), "HashKey(<redacted>)");
    }
}
