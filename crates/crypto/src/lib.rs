//! Cryptographic building blocks for zonewatch: sealed fields, the key file, password and
//! token hashing, the audit hash chain, keyed hashes. Pure functions over bytes and strings:
//! no I/O besides the operating system's random number generator and a clock for
//! [`rfc3339_utc_now`]. The threat model, key hierarchy and formats are in `docs/SECURITY.md`.
//!
//! # How the pieces fit
//!
//! - **init**: [`KeyRing::generate`], then [`KeyRing::seal_with_passphrase`] with
//!   [`keyring_params`] and the operator's passphrase (or [`generate_passphrase`], printed
//!   once). Store [`SealedKeyRing::to_json`] in the database; print
//!   `public_keys().encryption.key_id()` for the operator to note.
//! - **write a restricted value** (no passphrase needed): [`seal`] to
//!   [`SealedKeyRing::public_keys`]`.encryption` with the record id and field name.
//! - **read**: [`SealedKeyRing::unlock`] with the passphrase, then [`open`] with the same
//!   record id and field name.
//! - **key passphrase**: [`SealedKeyRing::change_passphrase`]; nothing else changes.
//! - **key rotate**: unlock, [`KeyRing::rotate_encryption_key`], [`rewrap`] every sealed value
//!   (skip those whose [`sealed_key_id`] already names the new key, so an interrupted
//!   rotation resumes), seal the new key ring, replace the old key file last.
//! - **users**: [`hash_password`] with [`password_params`], [`verify_password`];
//!   **tokens**: [`new_api_token`] (print the token once, store the digest),
//!   [`verify_api_token`] or look up [`token_sha256_hex`].
//! - **audit**: [`AuditEntry::new`] after the current [`ChainHead`]; when unlocked,
//!   [`sign_checkpoint`] over the head, then record it in the key file with
//!   [`SealedKeyRing::with_signed_head`]; for `audit verify [--head]`,
//!   [`verify_chain_authenticated`] with the unlocked key ring and
//!   [`SealedKeyRing::signed_head`], or, without the passphrase, [`verify_chain_with`] and the
//!   stored verifying key, which is then not authenticated.
//! - **old key files**: [`SealedKeyRing::unlock_upgrading`] returns a version 1 file sealed
//!   as version 2; store it in place of the old one.
//! - **evidence and contacts**: [`KeyRing::hash_key`] (secret, needs the passphrase) or
//!   [`PublicKeys::public_hash_key`] (not secret), then [`HashKey::keyed_hash`];
//!   [`sha256_hex_reader`] for the file's SHA-256 at ingest.
//! - **tests**: set `ZONEWATCH_ARGON2_TEST_COST=low` (see [`TEST_COST_ENV`]).
//!
//! # Canonical encoding
//!
//! Everything this crate authenticates or signs is first encoded canonically: a string or
//! byte string is its length as an 8-byte big-endian integer followed by its bytes (UTF-8 for
//! strings), integers are fixed-width big-endian, and every structure starts with its own
//! domain-separation tag (a string such as `zonewatch-audit-entry-v1`). The length prefixes
//! make the encoding injective: `("ab", "c")` and `("a", "bc")` encode differently.
#![forbid(unsafe_code)]

pub mod argon;
pub mod audit;
mod encoding;
pub mod field;
pub mod keyed;
pub mod keyfile;
mod keys;
mod random;
pub mod session;
pub mod token;

pub use argon::{
    calibrate, calibrate_with_memory, cost_setting_from_env, hash_password, keyring_params,
    password_hash_params, password_needs_rehash, password_params, verify_password, CostSetting,
    KdfError, KdfParams, PasswordError, KEYRING_MEMORY_KIB, KEYRING_TARGET, MIN_T_COST,
    PASSWORD_MEMORY_KIB, PASSWORD_TARGET, TEST_COST_ENV,
};
pub use audit::{
    entry_hash, is_rfc3339_utc, rfc3339_utc, rfc3339_utc_now, sign_checkpoint, verify_chain,
    verify_chain_authenticated, verify_chain_with, verify_checkpoint, AuditEntry, AuditFormatError,
    ChainError, ChainErrorKind, ChainHead, ChainReport, Checkpoint, CheckpointError, GENESIS_HASH,
};
pub use field::{
    is_sealed, open, rewrap, seal, sealed_key_id, FieldError, SEALED_OVERHEAD, SEALED_VERSION,
};
pub use keyed::{keyed_hash, sha256_hex, sha256_hex_reader, HashKey, HashPurpose, KeyedHasher};
pub use keyfile::{generate_passphrase, KeyFileError, SealedKeyRing};
pub use keys::{KeyId, KeyParseError, KeyRing, PublicKey, PublicKeys, VerifyingKey};
pub use random::RandomError;
pub use session::{session_id_of, WriteSession, SESSION_OVERHEAD};
pub use token::{ct_eq, looks_like_api_token, new_api_token, token_sha256_hex, verify_api_token};
