//! The audit chain: entries hashed with SHA-256 over a canonical encoding, each naming the
//! hash of the one before; checkpoints over the head signed with Ed25519; and a verifier that
//! names the first entry that does not check out.
//!
//! # Canonical encoding of an entry (version 1)
//!
//! `entry_hash = SHA-256(canonical)`, lowercase hex, where `canonical` is the concatenation
//! of (strings: 8-byte big-endian length, then UTF-8 bytes; integers: big-endian):
//!
//! 1. the string `zonewatch-audit-entry-v1`
//! 2. `seq`, 8 bytes
//! 3. `time`, `actor`, `action`, each a string
//! 4. the number of `records`, 8 bytes, then each record id as a string, in the order given
//! 5. the number of `details`, 8 bytes, then each key and value as strings, keys in
//!    ascending byte order (the `BTreeMap` order)
//! 6. `prev_hash`, as a string (64 lowercase hex digits; the first entry uses
//!    [`GENESIS_HASH`], 64 zeros)
//!
//! The entry's own `hash` is stored beside it but is not part of the encoding. Sequence
//! numbers start at 1 and have no gaps.
//!
//! # Checkpoints
//!
//! A checkpoint is an Ed25519 signature by the key ring's signing key over the canonical
//! `("zonewatch-audit-checkpoint-v1", seq as 8 bytes, the 32 raw bytes of the head hash)`.
//! Someone who can write the database but does not have the passphrase can append entries
//! (every writer must), and can even recompute the whole chain after an edit, but cannot make
//! a checkpoint: a rewritten history no longer matches the signed head — as long as the
//! verifying key is authentic. The key stored in the database's key ring is not, until the
//! passphrase unlocks the private key it must match ([`crate::SealedKeyRing::unlock`]):
//! [`verify_chain_authenticated`] uses the unlocked key ring's own key, [`verify_chain_with`]
//! whatever key it is given. Checkpoints live in the same database, so they can be deleted;
//! the key ring records (under a MAC only the unlocked key ring makes) the last checkpoint
//! signed, which [`verify_chain_authenticated`] checks, and a head recorded elsewhere
//! (`audit head`, then `audit verify --head`) catches what happened after it, or an old key
//! ring put back.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;
use std::time::{SystemTime, UNIX_EPOCH};

use ed25519_dalek::Signature;
use sha2::{Digest as _, Sha256};

use crate::encoding::{hex, is_lower_hex, unhex_array, Canon};
use crate::keys::{KeyRing, VerifyingKey};

/// `prev_hash` of the first entry: 64 zeros.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One audit log entry.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AuditEntry {
    /// Position in the chain, from 1, without gaps.
    pub seq: u64,
    /// When, RFC 3339 in UTC (see [`rfc3339_utc_now`]).
    pub time: String,
    /// Who: a user name, or the local operator.
    pub actor: String,
    /// What, e.g. `import`, `read-restricted`, `evidence-add`.
    pub action: String,
    /// The record ids concerned.
    pub records: Vec<String>,
    /// Anything else (file SHA-256, counts, a request id). Never restricted plaintext: audit
    /// entries are stored in clear.
    pub details: BTreeMap<String, String>,
    /// Hash of the previous entry, or [`GENESIS_HASH`].
    pub prev_hash: String,
    /// This entry's hash as recorded when it was written (not part of the canonical encoding).
    pub hash: String,
}

impl AuditEntry {
    /// The entry that follows `head` (use [`ChainHead::genesis`] for the first), with its
    /// `seq`, `prev_hash` and `hash` filled in.
    pub fn new(
        head: &ChainHead,
        time: String,
        actor: String,
        action: String,
        records: Vec<String>,
        details: BTreeMap<String, String>,
    ) -> AuditEntry {
        let mut e = AuditEntry {
            seq: head.seq.saturating_add(1),
            time,
            actor,
            action,
            records,
            details,
            prev_hash: head.hash.clone(),
            hash: String::new(),
        };
        e.hash = e.compute_hash();
        e
    }

    /// The canonical encoding documented in this module.
    pub fn canonical_bytes(&self) -> Vec<u8> {
        let mut c = Canon::new("zonewatch-audit-entry-v1");
        c.u64(self.seq)
            .str(&self.time)
            .str(&self.actor)
            .str(&self.action);
        c.u64(self.records.len() as u64);
        for r in &self.records {
            c.str(r);
        }
        c.u64(self.details.len() as u64);
        for (k, v) in &self.details {
            c.str(k).str(v);
        }
        c.str(&self.prev_hash);
        c.finish()
    }

    /// SHA-256 of the canonical encoding, lowercase hex (ignores the stored `hash`).
    pub fn compute_hash(&self) -> String {
        hex(&Sha256::digest(self.canonical_bytes()))
    }

    /// The head this entry makes, with its recorded hash.
    pub fn head(&self) -> ChainHead {
        ChainHead {
            seq: self.seq,
            hash: self.hash.clone(),
        }
    }
}

/// SHA-256 of the canonical encoding of `entry`, lowercase hex.
pub fn entry_hash(entry: &AuditEntry) -> String {
    entry.compute_hash()
}

/// The last entry of a chain: its sequence number and hash. Text form `SEQ:HASH`, e.g.
/// `1234:9f86…`, as `audit head` prints it and `audit verify --head` reads it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ChainHead {
    /// Sequence number of the last entry (0 for an empty chain).
    pub seq: u64,
    /// Its hash, 64 lowercase hex digits ([`GENESIS_HASH`] for an empty chain).
    pub hash: String,
}

impl ChainHead {
    /// The head of an empty chain.
    pub fn genesis() -> ChainHead {
        ChainHead {
            seq: 0,
            hash: GENESIS_HASH.to_owned(),
        }
    }
}

impl fmt::Display for ChainHead {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.seq, self.hash)
    }
}

/// A chain head or checkpoint could not be read or made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AuditFormatError {
    /// Not `SEQ:HASH`.
    #[error(
        "a chain head is written SEQ:HASH (as `audit head` prints it), with HASH 64 hex digits"
    )]
    Head,
    /// A hash that is not 64 lowercase hex digits.
    #[error("a hash must be 64 lowercase hex digits")]
    Hash,
    /// A signature that is not 128 lowercase hex digits.
    #[error("a checkpoint signature must be 128 lowercase hex digits")]
    Signature,
}

impl FromStr for ChainHead {
    type Err = AuditFormatError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (seq, hash) = s.trim().split_once(':').ok_or(AuditFormatError::Head)?;
        let seq = seq.parse::<u64>().map_err(|_| AuditFormatError::Head)?;
        let hash = hash.to_ascii_lowercase();
        if !is_lower_hex(&hash, 32) {
            return Err(AuditFormatError::Head);
        }
        Ok(ChainHead { seq, hash })
    }
}

/// A signed statement that entry `seq` of the chain has hash `head_hash`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Checkpoint {
    /// Sequence number of the entry signed over.
    pub seq: u64,
    /// Its hash, 64 lowercase hex digits.
    pub head_hash: String,
    /// Ed25519 signature, 128 lowercase hex digits.
    pub signature: String,
}

fn checkpoint_message(seq: u64, hash: &[u8; 32]) -> Vec<u8> {
    Canon::new("zonewatch-audit-checkpoint-v1")
        .u64(seq)
        .raw(hash)
        .finish()
}

/// Signs a checkpoint over the head `(seq, head_hash)` with the key ring's Ed25519 key.
///
/// # Errors
/// `head_hash` is not 64 lowercase hex digits.
pub fn sign_checkpoint(
    keyring: &KeyRing,
    seq: u64,
    head_hash: &str,
) -> Result<Checkpoint, AuditFormatError> {
    let hash = unhex_array::<32>(head_hash).ok_or(AuditFormatError::Hash)?;
    let signature = keyring.sign(&checkpoint_message(seq, &hash));
    Ok(Checkpoint {
        seq,
        head_hash: head_hash.to_owned(),
        signature: hex(&signature),
    })
}

/// Why a checkpoint does not verify.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CheckpointError {
    /// Malformed hash or signature.
    #[error(transparent)]
    Format(#[from] AuditFormatError),
    /// The signature does not verify with this key: the checkpoint was forged or altered, or
    /// made with another key.
    #[error("the checkpoint's signature is not valid for this verifying key")]
    BadSignature,
}

/// Verifies a checkpoint's signature (strict Ed25519 verification: no malleable or
/// small-order signatures).
///
/// # Errors
/// See [`CheckpointError`].
pub fn verify_checkpoint(
    key: &VerifyingKey,
    checkpoint: &Checkpoint,
) -> Result<(), CheckpointError> {
    let hash = unhex_array::<32>(&checkpoint.head_hash).ok_or(AuditFormatError::Hash)?;
    let sig = unhex_array::<64>(&checkpoint.signature).ok_or(AuditFormatError::Signature)?;
    key.0
        .verify_strict(
            &checkpoint_message(checkpoint.seq, &hash),
            &Signature::from_bytes(&sig),
        )
        .map_err(|_| CheckpointError::BadSignature)
}

/// What kind of break a [`ChainError`] reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChainErrorKind {
    /// Sequence numbers are not 1, 2, 3, …: an entry is missing, duplicated or out of order.
    Sequence,
    /// An entry's content does not match its recorded hash: it was edited.
    EntryHash,
    /// An entry's `prev_hash` does not match the previous entry: something was inserted,
    /// removed or replaced between them.
    Link,
    /// A checkpoint's signature does not verify.
    CheckpointSignature,
    /// The chain no longer matches a signed checkpoint: history was rewritten and the chain
    /// recomputed.
    CheckpointMismatch,
    /// The chain no longer matches the expected head recorded elsewhere.
    HeadMismatch,
    /// A signed checkpoint, the expected head or the key ring's record of the last checkpoint
    /// signed names an entry past the end: entries were cut off the end.
    Truncated,
    /// The key ring records a checkpoint signed over an entry that no checkpoint left in the
    /// database reaches: checkpoints were deleted.
    CheckpointsMissing,
}

/// The first place where the chain does not check out. Every entry before `first_bad_seq`
/// is consistent with the chain rules and every anchor (checkpoint, expected head) checked.
/// For a break found only through an anchor (a recomputed chain), the altered entry lies
/// somewhere in `first_bad_seq..=last_bad_seq`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("audit chain broken at entry {first_bad_seq}: {reason}")]
pub struct ChainError {
    /// The first entry that does not check out (or may have been altered).
    pub first_bad_seq: u64,
    /// The last entry the break may extend to (equal to `first_bad_seq` when the break is
    /// pinned to one entry).
    pub last_bad_seq: u64,
    /// What kind of break.
    pub kind: ChainErrorKind,
    /// A sentence for people.
    pub reason: String,
}

/// What a successful verification covered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainReport {
    /// Number of entries.
    pub entries: u64,
    /// The head of the chain ([`ChainHead::genesis`] when empty).
    pub head: ChainHead,
    /// Checkpoints whose signature verified and whose head matches the chain.
    pub checkpoints_verified: usize,
    /// The latest such checkpoint. Entries after it are protected only by the chain itself
    /// (and by an expected head, if one was given).
    pub last_checkpoint_seq: Option<u64>,
    /// True only from [`verify_chain_authenticated`]: the verifying key was derived from the
    /// unlocked private key. A key read from the database ([`verify_chain_with`]) is whatever
    /// the last writer put there: someone who rewrote the chain could have put their own and
    /// re-signed every checkpoint.
    pub key_authenticated: bool,
    /// The key ring's record of the last checkpoint signed, when it was checked (only by
    /// [`verify_chain_authenticated`]).
    pub signed_head: Option<ChainHead>,
}

fn error(first: u64, last: u64, kind: ChainErrorKind, reason: String) -> ChainError {
    ChainError {
        first_bad_seq: first,
        last_bad_seq: last,
        kind,
        reason,
    }
}

/// Checks sequence numbers, each entry's hash and each link. Returns the number of entries
/// that check out (all of them when there is no error) and the first error.
fn structural(entries: &[AuditEntry]) -> (usize, Option<ChainError>) {
    for (i, e) in entries.iter().enumerate() {
        let expected = i as u64 + 1;
        if e.seq != expected {
            let reason = if e.seq > expected {
                format!(
                    "entry {expected} is missing: after entry {} comes entry {}",
                    expected - 1,
                    e.seq
                )
            } else {
                format!(
                    "entries are out of order or duplicated: where entry {expected} should be, there is an entry numbered {}",
                    e.seq
                )
            };
            return (
                i,
                Some(error(expected, expected, ChainErrorKind::Sequence, reason)),
            );
        }
        let computed = e.compute_hash();
        if computed != e.hash {
            return (
                i,
                Some(error(
                    expected,
                    expected,
                    ChainErrorKind::EntryHash,
                    format!(
                        "entry {expected} does not match its recorded hash: its content was edited"
                    ),
                )),
            );
        }
        let prev = match i.checked_sub(1).and_then(|j| entries.get(j)) {
            Some(p) => p.hash.as_str(),
            None => GENESIS_HASH,
        };
        if e.prev_hash != prev {
            let what = if i == 0 {
                "the start of the chain".to_owned()
            } else {
                format!("entry {}", expected - 1)
            };
            return (
                i,
                Some(error(
                    expected,
                    expected,
                    ChainErrorKind::Link,
                    format!(
                        "entry {expected} does not follow {what} (its prev_hash is {}, expected {prev}): an entry before it was inserted, removed or replaced",
                        e.prev_hash
                    ),
                )),
            );
        }
    }
    (entries.len(), None)
}

/// Verifies the chain alone: sequence numbers 1..=n, every entry's hash, every link. Detects
/// edits, deletions, insertions and reorders, but neither a chain recomputed after an edit
/// nor entries cut off the end: for those use [`verify_chain_with`].
///
/// # Errors
/// The first entry that does not check out.
pub fn verify_chain(entries: &[AuditEntry]) -> Result<ChainReport, ChainError> {
    verify(entries, &[], None, None, None)
}

/// Where an anchor comes from: it decides how a cut end is told.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Source {
    Checkpoint,
    ExpectedHead,
    SignedHead,
}

struct Anchor<'a> {
    seq: u64,
    hash: &'a str,
    kind: ChainErrorKind,
    source: Source,
    what: String,
}

/// Verifies the chain, the signature of every checkpoint with `key`, that the chain matches
/// every checkpoint, and, when given, that it matches `expected_head` (a head recorded
/// elsewhere earlier; the chain may have grown since).
///
/// `key` is taken on trust, and a key read from the database without the passphrase is not
/// authenticated: whoever rewrote the chain may have replaced it and re-signed the
/// checkpoints. With the key ring unlocked, use [`verify_chain_authenticated`].
///
/// When several problems exist, the one reported is the earliest entry at which something is
/// provably wrong (an anchor that no longer matches proves a break at or before it; a chain
/// rule pins it to one entry), preferring the more precise of two at the same place.
///
/// # Errors
/// See [`ChainError`] and [`ChainErrorKind`].
pub fn verify_chain_with(
    entries: &[AuditEntry],
    checkpoints: &[Checkpoint],
    key: &VerifyingKey,
    expected_head: Option<&ChainHead>,
) -> Result<ChainReport, ChainError> {
    verify(entries, checkpoints, Some(key), expected_head, None)
}

/// Verifies as [`verify_chain_with`], with two things only the unlocked key ring gives:
///
/// - the verifying key is `keyring`'s own, derived from its private signing key, not one read
///   from the database, so checkpoints signed with a substituted key fail
///   ([`ChainErrorKind::CheckpointSignature`]);
/// - `signed_head`, the key ring's record of the last checkpoint signed
///   ([`crate::SealedKeyRing::signed_head`], authenticated with `keyring`), is an anchor: the
///   chain must still hold that entry with that hash ([`ChainErrorKind::CheckpointMismatch`],
///   or [`ChainErrorKind::Truncated`] when entries were cut off after it), and a checkpoint at
///   or after it must be left ([`ChainErrorKind::CheckpointsMissing`]). So deleting every
///   checkpoint and recomputing the chain is caught.
///
/// # Errors
/// See [`ChainError`] and [`ChainErrorKind`].
pub fn verify_chain_authenticated(
    keyring: &KeyRing,
    entries: &[AuditEntry],
    checkpoints: &[Checkpoint],
    expected_head: Option<&ChainHead>,
    signed_head: &ChainHead,
) -> Result<ChainReport, ChainError> {
    let key = keyring.verifying_key();
    let mut report = verify(
        entries,
        checkpoints,
        Some(&key),
        expected_head,
        Some(signed_head),
    )?;
    report.key_authenticated = true;
    report.signed_head = Some(signed_head.clone());
    Ok(report)
}

fn verify(
    entries: &[AuditEntry],
    checkpoints: &[Checkpoint],
    key: Option<&VerifyingKey>,
    expected_head: Option<&ChainHead>,
    signed_head: Option<&ChainHead>,
) -> Result<ChainReport, ChainError> {
    let n = entries.len() as u64;
    let (valid, structural_error) = structural(entries);
    let mut candidates: Vec<ChainError> = structural_error.into_iter().collect();

    let mut anchors = Vec::new();
    let mut highest_signed: Option<u64> = None;
    for cp in checkpoints {
        let ok = key.is_some_and(|k| verify_checkpoint(k, cp).is_ok());
        if ok {
            highest_signed = highest_signed.max(Some(cp.seq));
            anchors.push(Anchor {
                seq: cp.seq,
                hash: &cp.head_hash,
                kind: ChainErrorKind::CheckpointMismatch,
                source: Source::Checkpoint,
                what: format!("the checkpoint signed over entry {}", cp.seq),
            });
        } else {
            candidates.push(error(
                cp.seq,
                cp.seq,
                ChainErrorKind::CheckpointSignature,
                format!(
                    "the checkpoint over entry {} has an invalid signature: it was forged or altered, or signed with another key",
                    cp.seq
                ),
            ));
        }
    }
    if let Some(h) = expected_head {
        anchors.push(Anchor {
            seq: h.seq,
            hash: &h.hash,
            kind: ChainErrorKind::HeadMismatch,
            source: Source::ExpectedHead,
            what: format!("the expected head {h}"),
        });
    }
    // Pushed after the anchors' own reports: at the same place, "rewritten" or "cut off"
    // says more than "checkpoints deleted".
    let mut checkpoints_missing = None;
    // The genesis mark (nothing signed yet) anchors nothing.
    if let Some(mark) = signed_head.filter(|m| m.seq > 0) {
        anchors.push(Anchor {
            seq: mark.seq,
            hash: &mark.hash,
            kind: ChainErrorKind::CheckpointMismatch,
            source: Source::SignedHead,
            what: format!(
                "the key ring's record of the last checkpoint signed (over entry {})",
                mark.seq
            ),
        });
        if highest_signed.is_none_or(|h| h < mark.seq) {
            let left = match highest_signed {
                Some(h) => format!("the latest checkpoint left in the database is over entry {h}"),
                None => "no signed checkpoint is left in the database".to_owned(),
            };
            checkpoints_missing = Some(error(
                highest_signed.map_or(1, |h| h + 1),
                mark.seq,
                ChainErrorKind::CheckpointsMissing,
                format!(
                    "checkpoints were cut off after the last signed checkpoint: the key ring records a checkpoint signed over entry {}, but {left}",
                    mark.seq
                ),
            ));
        }
    }
    // Stable: at one sequence number a checkpoint comes before the key ring's record.
    anchors.sort_by_key(|a| a.seq);

    let mut last_good = 0u64;
    let mut checkpoints_verified = 0usize;
    let mut last_checkpoint_seq = None;
    for a in &anchors {
        if a.seq > n {
            let reason = if a.source == Source::SignedHead {
                format!(
                    "{} entries were cut off after the last signed checkpoint: the key ring records a checkpoint signed over entry {}, but the chain ends at entry {n} (entries {} to {} are missing)",
                    a.seq - n,
                    a.seq,
                    n + 1,
                    a.seq
                )
            } else {
                format!(
                    "{} names entry {}, but the chain ends at entry {n}: entries {} to {} were cut off",
                    a.what,
                    a.seq,
                    n + 1,
                    a.seq
                )
            };
            candidates.push(error(n + 1, a.seq, ChainErrorKind::Truncated, reason));
            break;
        }
        if a.seq > valid as u64 {
            // A chain rule already fails at or before this anchor; that report is more precise.
            break;
        }
        let actual = match a.seq.checked_sub(1).and_then(|i| usize::try_from(i).ok()) {
            None => GENESIS_HASH,
            Some(i) => entries.get(i).map_or("", |e| e.hash.as_str()),
        };
        if actual != a.hash {
            let first = last_good + 1;
            candidates.push(error(
                first,
                a.seq.max(first),
                a.kind,
                format!(
                    "the chain no longer matches {}: history between entries {first} and {} was rewritten and the chain recomputed",
                    a.what, a.seq
                ),
            ));
            break;
        }
        last_good = a.seq;
        if a.source == Source::Checkpoint {
            checkpoints_verified += 1;
            last_checkpoint_seq = Some(a.seq);
        }
    }

    candidates.extend(checkpoints_missing);
    if let Some(worst) = candidates.into_iter().min_by_key(|c| {
        (
            c.last_bad_seq,
            c.last_bad_seq - c.first_bad_seq.min(c.last_bad_seq),
        )
    }) {
        return Err(worst);
    }
    Ok(ChainReport {
        entries: n,
        head: entries
            .last()
            .map_or_else(ChainHead::genesis, AuditEntry::head),
        checkpoints_verified,
        last_checkpoint_seq,
        key_authenticated: false,
        signed_head: None,
    })
}

/// The current time as RFC 3339 in UTC with milliseconds, e.g. `2026-05-01T09:30:00.125Z`.
pub fn rfc3339_utc_now() -> String {
    rfc3339_utc(SystemTime::now())
}

/// `time` as RFC 3339 in UTC with milliseconds. Times before 1970 are written as the epoch.
pub fn rfc3339_utc(time: SystemTime) -> String {
    let since = time.duration_since(UNIX_EPOCH).unwrap_or_default();
    let secs = since.as_secs();
    let days = secs / 86_400;
    let rem = secs % 86_400;
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{:03}Z",
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60,
        since.subsec_millis()
    )
}

/// Days since 1970-01-01 to (year, month, day) in the proleptic Gregorian calendar
/// (H. Hinnant's `civil_from_days`, for non-negative day counts).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + u64::from(m <= 2);
    (y, m, d)
}

/// True for `YYYY-MM-DDTHH:MM:SS` with an optional fraction and a `Z`, with the month, day,
/// hour, minute and second in range (leap seconds allowed as `60`).
pub fn is_rfc3339_utc(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = b.get(r)?;
        if part.iter().all(u8::is_ascii_digit) {
            std::str::from_utf8(part).ok()?.parse().ok()
        } else {
            None
        }
    };
    let shape = b.len() >= 20
        && b.get(4) == Some(&b'-')
        && b.get(7) == Some(&b'-')
        && b.get(10) == Some(&b'T')
        && b.get(13) == Some(&b':')
        && b.get(16) == Some(&b':')
        && b.last() == Some(&b'Z');
    if !shape {
        return false;
    }
    let fraction_ok = match &b[19..b.len() - 1] {
        [] => true,
        [b'.', rest @ ..] => !rest.is_empty() && rest.iter().all(u8::is_ascii_digit),
        _ => false,
    };
    let ranges = (|| {
        Some(
            digits(0..4).is_some()
                && (1..=12).contains(&digits(5..7)?)
                && (1..=31).contains(&digits(8..10)?)
                && digits(11..13)? <= 23
                && digits(14..16)? <= 59
                && digits(17..19)? <= 60,
        )
    })();
    fraction_ok && ranges == Some(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn civil_dates() {
        let at = |s| rfc3339_utc(UNIX_EPOCH + Duration::from_secs(s));
        assert_eq!(at(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(at(951_782_400), "2000-02-29T00:00:00.000Z");
        assert_eq!(at(1_709_164_800 + 3_723), "2024-02-29T01:02:03.000Z");
        assert_eq!(at(4_102_444_799), "2099-12-31T23:59:59.000Z");
        assert_eq!(
            rfc3339_utc(UNIX_EPOCH + Duration::from_millis(1_500)),
            "1970-01-01T00:00:01.500Z"
        );
        assert!(is_rfc3339_utc(&rfc3339_utc_now()));
    }

    #[test]
    fn rfc3339_validation() {
        assert!(is_rfc3339_utc("2024-05-01T12:00:00Z"));
        assert!(is_rfc3339_utc("2024-05-01T12:00:00.123456Z"));
        assert!(!is_rfc3339_utc("2024-05-01T12:00:00+00:00"));
        assert!(!is_rfc3339_utc("2024-13-01T12:00:00Z"));
        assert!(!is_rfc3339_utc("2024-05-01 12:00:00Z"));
        assert!(!is_rfc3339_utc("2024-05-01T12:00:00.Z"));
        assert!(!is_rfc3339_utc(""));
    }

    #[test]
    fn canonical_encoding_known_answer() {
        // Pins the encoding: if this changes, every stored chain breaks.
        let mut details = BTreeMap::new();
        details.insert("sha256".to_owned(), "ab".to_owned());
        let e = AuditEntry::new(
            &ChainHead::genesis(),
            "2026-01-01T00:00:00.000Z".into(),
            "admin".into(),
            "import".into(),
            vec!["p1".into()],
            details,
        );
        let c = e.canonical_bytes();
        fn put(out: &mut Vec<u8>, s: &str) {
            out.extend_from_slice(&(s.len() as u64).to_be_bytes());
            out.extend_from_slice(s.as_bytes());
        }
        let mut expected = Vec::new();
        put(&mut expected, "zonewatch-audit-entry-v1");
        expected.extend_from_slice(&1u64.to_be_bytes());
        for s in ["2026-01-01T00:00:00.000Z", "admin", "import"] {
            put(&mut expected, s);
        }
        expected.extend_from_slice(&1u64.to_be_bytes());
        put(&mut expected, "p1");
        expected.extend_from_slice(&1u64.to_be_bytes());
        for s in ["sha256", "ab", GENESIS_HASH] {
            put(&mut expected, s);
        }
        assert_eq!(c, expected);
        assert_eq!(e.hash, hex(&Sha256::digest(&expected)));
    }

    #[test]
    fn head_text_form() {
        let h: ChainHead = format!("12:{}", "AB".repeat(32)).parse().unwrap();
        assert_eq!(h.seq, 12);
        assert_eq!(h.hash, "ab".repeat(32));
        assert_eq!(h.to_string().parse::<ChainHead>().unwrap(), h);
        assert!("ab".repeat(32).parse::<ChainHead>().is_err());
        assert!("x:00".parse::<ChainHead>().is_err());
    }
}
