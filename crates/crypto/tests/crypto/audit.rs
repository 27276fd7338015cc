use std::collections::BTreeMap;

use proptest::prelude::*;
use zonewatch_crypto::{
    entry_hash, sign_checkpoint, verify_chain, verify_chain_authenticated, verify_chain_with,
    verify_checkpoint, AuditEntry, ChainErrorKind, ChainHead, Checkpoint, CheckpointError, KeyRing,
    GENESIS_HASH,
};

fn chain(n: u64) -> Vec<AuditEntry> {
    let mut out: Vec<AuditEntry> = Vec::new();
    for i in 1..=n {
        let head = out.last().map_or_else(ChainHead::genesis, AuditEntry::head);
        let mut details = BTreeMap::new();
        details.insert("n".to_owned(), i.to_string());
        if i % 3 == 0 {
            details.insert("file_sha256".to_owned(), "ab".repeat(32));
        }
        out.push(AuditEntry::new(
            &head,
            format!("2026-03-01T10:00:{:02}.000Z", i % 60),
            if i % 2 == 0 { "ana" } else { "local-admin" }.to_owned(),
            if i % 4 == 0 {
                "read-restricted"
            } else {
                "import"
            }
            .to_owned(),
            vec![format!("person:{i}"), format!("site:{}", i % 5)],
            details,
        ));
    }
    out
}

/// What an attacker with SQL access but no key does after editing: recompute every hash.
fn recompute(entries: &mut [AuditEntry]) {
    let mut prev = GENESIS_HASH.to_owned();
    for e in entries.iter_mut() {
        e.prev_hash = prev.clone();
        e.hash = entry_hash(e);
        prev = e.hash.clone();
    }
}

fn renumber(entries: &mut [AuditEntry]) {
    for (i, e) in entries.iter_mut().enumerate() {
        e.seq = i as u64 + 1;
    }
}

#[test]
fn an_intact_chain_verifies() {
    let k = KeyRing::generate().unwrap();
    let c = chain(20);
    let report = verify_chain(&c).unwrap();
    assert_eq!(report.entries, 20);
    assert_eq!(report.head, c[19].head());
    let cps = vec![
        sign_checkpoint(&k, 5, &c[4].hash).unwrap(),
        sign_checkpoint(&k, 20, &c[19].hash).unwrap(),
    ];
    let report = verify_chain_with(&c, &cps, &k.verifying_key(), Some(&c[12].head())).unwrap();
    assert_eq!(report.checkpoints_verified, 2);
    assert_eq!(report.last_checkpoint_seq, Some(20));
    // An expected head recorded earlier still verifies after the chain grew.
    let longer = chain(25);
    verify_chain_with(&longer, &cps, &k.verifying_key(), Some(&c[19].head())).unwrap();
}

#[test]
fn an_empty_chain_verifies_and_has_the_genesis_head() {
    let report = verify_chain(&[]).unwrap();
    assert_eq!(report.head, ChainHead::genesis());
    assert_eq!(report.entries, 0);
}

#[test]
fn an_edited_entry_is_named() {
    for target in [0usize, 6, 9] {
        let mut c = chain(10);
        c[target].actor = "someone-else".to_owned();
        let e = verify_chain(&c).unwrap_err();
        assert_eq!(e.first_bad_seq, target as u64 + 1, "{e}");
        assert_eq!(e.kind, ChainErrorKind::EntryHash);
        assert!(
            e.to_string().contains(&format!("entry {}", target + 1)),
            "{e}"
        );
    }
    // Every field is covered by the hash.
    type Edit = Box<dyn Fn(&mut AuditEntry)>;
    let edits: Vec<Edit> = vec![
        Box::new(|e| e.time.push('1')),
        Box::new(|e| e.action = "export".into()),
        Box::new(|e| e.records.push("person:999".into())),
        Box::new(|e| e.records.reverse()),
        Box::new(|e| {
            e.details.insert("n".into(), "x".into());
        }),
        Box::new(|e| e.prev_hash = "1".repeat(64)),
    ];
    for edit in edits {
        let mut c = chain(10);
        edit(&mut c[4]);
        let e = verify_chain(&c).unwrap_err();
        assert_eq!(e.first_bad_seq, 5, "{e}");
    }
}

#[test]
fn an_edit_with_its_own_hash_updated_is_caught_at_the_link() {
    let mut c = chain(10);
    c[4].actor = "x".into();
    c[4].hash = entry_hash(&c[4]);
    let e = verify_chain(&c).unwrap_err();
    assert_eq!(e.first_bad_seq, 6);
    assert_eq!(e.kind, ChainErrorKind::Link);
}

#[test]
fn a_deleted_entry_is_named() {
    let mut c = chain(10);
    c.remove(4);
    let e = verify_chain(&c).unwrap_err();
    assert_eq!(
        (e.first_bad_seq, e.kind),
        (5, ChainErrorKind::Sequence),
        "{e}"
    );
    assert!(e.reason.contains("entry 5 is missing"), "{e}");
    // Deleted and renumbered: the renumbered entry no longer matches its hash.
    let mut c = chain(10);
    c.remove(4);
    renumber(&mut c);
    let e = verify_chain(&c).unwrap_err();
    assert_eq!(e.first_bad_seq, 5, "{e}");
    // Deleting the first entry.
    let mut c = chain(10);
    c.remove(0);
    assert_eq!(verify_chain(&c).unwrap_err().first_bad_seq, 1);
}

#[test]
fn an_inserted_entry_is_named() {
    let base = chain(10);
    // A well-formed forged entry linked to entry 4, inserted as entry 5, the rest renumbered.
    let forged = AuditEntry::new(
        &base[3].head(),
        "2026-03-01T10:00:04.500Z".into(),
        "ana".into(),
        "import".into(),
        vec![],
        BTreeMap::new(),
    );
    let mut c = base.clone();
    c.insert(4, forged.clone());
    renumber(&mut c);
    let e = verify_chain(&c).unwrap_err();
    // The forged entry links correctly; the old entry 5, now numbered 6, does not.
    assert_eq!(e.first_bad_seq, 6, "{e}");
    // Without renumbering: two entries claim seq 5.
    let mut c = base.clone();
    c.insert(4, forged);
    let e = verify_chain(&c).unwrap_err();
    assert_eq!(
        (e.first_bad_seq, e.kind),
        (6, ChainErrorKind::Sequence),
        "{e}"
    );
    // An ill-formed inserted row is named itself.
    let mut junk = base[2].clone();
    junk.seq = 5;
    let mut c = base.clone();
    c.insert(4, junk);
    renumber(&mut c);
    assert_eq!(verify_chain(&c).unwrap_err().first_bad_seq, 5);
}

#[test]
fn reordered_entries_are_named() {
    // Rows swapped (their seq values swapped with them, as an UPDATE of seq would).
    let mut c = chain(10);
    c.swap(3, 6);
    renumber(&mut c);
    let e = verify_chain(&c).unwrap_err();
    assert_eq!(e.first_bad_seq, 4, "{e}");
    // Rows read back out of order with their original seq values.
    let mut c = chain(10);
    c.swap(3, 6);
    let e = verify_chain(&c).unwrap_err();
    assert_eq!(
        (e.first_bad_seq, e.kind),
        (4, ChainErrorKind::Sequence),
        "{e}"
    );
}

#[test]
fn a_recomputed_chain_fails_the_signed_checkpoint() {
    let k = KeyRing::generate().unwrap();
    let mut c = chain(12);
    let cps = vec![
        sign_checkpoint(&k, 3, &c[2].hash).unwrap(),
        sign_checkpoint(&k, 10, &c[9].hash).unwrap(),
    ];
    c[5].records = vec!["person:innocent".into()];
    recompute(&mut c);
    verify_chain(&c).expect("the chain alone is consistent after recomputation");
    let e = verify_chain_with(&c, &cps, &k.verifying_key(), None).unwrap_err();
    assert_eq!(e.kind, ChainErrorKind::CheckpointMismatch, "{e}");
    assert_eq!((e.first_bad_seq, e.last_bad_seq), (4, 10), "{e}");
    assert!((e.first_bad_seq..=e.last_bad_seq).contains(&6));
    // Forging a new checkpoint over the recomputed head needs the signing key.
    let other = KeyRing::generate().unwrap();
    let forged = Checkpoint {
        seq: 10,
        head_hash: c[9].hash.clone(),
        signature: sign_checkpoint(&other, 10, &c[9].hash).unwrap().signature,
    };
    let e = verify_chain_with(&c, &[cps[0].clone(), forged], &k.verifying_key(), None).unwrap_err();
    assert_eq!(e.kind, ChainErrorKind::CheckpointSignature, "{e}");
    // Moving the old signature onto the new head fails too.
    let moved = Checkpoint {
        head_hash: c[9].hash.clone(),
        ..cps[1].clone()
    };
    let e = verify_chain_with(&c, &[moved], &k.verifying_key(), None).unwrap_err();
    assert_eq!(e.kind, ChainErrorKind::CheckpointSignature, "{e}");
}

#[test]
fn a_recomputed_chain_with_checkpoints_deleted_is_caught_by_the_expected_head() {
    let mut c = chain(12);
    let recorded = c[9].head();
    c[5].actor = "nobody".into();
    recompute(&mut c);
    let k = KeyRing::generate().unwrap();
    let e = verify_chain_with(&c, &[], &k.verifying_key(), Some(&recorded)).unwrap_err();
    assert_eq!(e.kind, ChainErrorKind::HeadMismatch, "{e}");
    assert_eq!((e.first_bad_seq, e.last_bad_seq), (1, 10));
}

#[test]
fn entries_cut_off_the_end_are_caught_with_the_expected_head() {
    let k = KeyRing::generate().unwrap();
    let mut c = chain(10);
    let recorded = c[9].head();
    let cp = sign_checkpoint(&k, 6, &c[5].hash).unwrap();
    c.truncate(7);
    // The chain alone cannot tell.
    verify_chain(&c).unwrap();
    verify_chain_with(&c, std::slice::from_ref(&cp), &k.verifying_key(), None).unwrap();
    let e = verify_chain_with(&c, &[cp], &k.verifying_key(), Some(&recorded)).unwrap_err();
    assert_eq!(e.kind, ChainErrorKind::Truncated, "{e}");
    assert_eq!((e.first_bad_seq, e.last_bad_seq), (8, 10));
    assert!(e.reason.contains("cut off"), "{e}");
}

#[test]
fn entries_cut_off_past_a_checkpoint_are_caught_by_it() {
    let k = KeyRing::generate().unwrap();
    let mut c = chain(10);
    let cp = sign_checkpoint(&k, 10, &c[9].hash).unwrap();
    c.truncate(8);
    let e = verify_chain_with(&c, &[cp], &k.verifying_key(), None).unwrap_err();
    assert_eq!((e.kind, e.first_bad_seq), (ChainErrorKind::Truncated, 9));
}

#[test]
fn cut_and_regrown_tail_is_caught() {
    let mut c = chain(10);
    let recorded = c[9].head();
    c.truncate(7);
    while c.len() < 12 {
        let head = c.last().map(AuditEntry::head).unwrap();
        c.push(AuditEntry::new(
            &head,
            "2026-03-02T00:00:00.000Z".into(),
            "x".into(),
            "noop".into(),
            vec![],
            BTreeMap::new(),
        ));
    }
    let k = KeyRing::generate().unwrap();
    let e = verify_chain_with(&c, &[], &k.verifying_key(), Some(&recorded)).unwrap_err();
    assert_eq!(e.kind, ChainErrorKind::HeadMismatch);
}

#[test]
fn a_plain_edit_is_named_precisely_even_with_checkpoints() {
    let k = KeyRing::generate().unwrap();
    let mut c = chain(10);
    let cps = vec![sign_checkpoint(&k, 10, &c[9].hash).unwrap()];
    c[6].action = "nothing".into();
    let e = verify_chain_with(&c, &cps, &k.verifying_key(), Some(&c[9].head())).unwrap_err();
    assert_eq!(
        (e.first_bad_seq, e.kind),
        (7, ChainErrorKind::EntryHash),
        "{e}"
    );
}

#[test]
fn checkpoint_signatures() {
    let k = KeyRing::generate().unwrap();
    let h = "cd".repeat(32);
    let cp = sign_checkpoint(&k, 42, &h).unwrap();
    verify_checkpoint(&k.verifying_key(), &cp).unwrap();
    let mut other_seq = cp.clone();
    other_seq.seq = 43;
    assert_eq!(
        verify_checkpoint(&k.verifying_key(), &other_seq),
        Err(CheckpointError::BadSignature)
    );
    let mut other_hash = cp.clone();
    other_hash.head_hash = "ce".repeat(32);
    assert_eq!(
        verify_checkpoint(&k.verifying_key(), &other_hash),
        Err(CheckpointError::BadSignature)
    );
    let mut flipped = cp.clone();
    flipped.signature.replace_range(
        0..1,
        if cp.signature.starts_with('0') {
            "1"
        } else {
            "0"
        },
    );
    assert!(verify_checkpoint(&k.verifying_key(), &flipped).is_err());
    let other = KeyRing::generate().unwrap();
    assert!(verify_checkpoint(&other.verifying_key(), &cp).is_err());
    assert!(sign_checkpoint(&k, 1, "not a hash").is_err());
    assert!(sign_checkpoint(&k, 1, &"CD".repeat(32)).is_err());
    let json = serde_json::to_string(&cp).unwrap();
    assert_eq!(serde_json::from_str::<Checkpoint>(&json).unwrap(), cp);
    // Rotation keeps the signing key: old checkpoints still verify.
    let rotated = k.rotate_encryption_key().unwrap();
    verify_checkpoint(&rotated.verifying_key(), &cp).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any single edit of any field of any entry is named at that entry (or, for an edit of
    /// the stored hash alone, at that entry too).
    #[test]
    fn prop_single_edit_is_named(n in 1u64..15, pick in any::<prop::sample::Index>(), field in 0u8..8, text in "[a-z]{1,8}") {
        let mut c = chain(n);
        let i = pick.index(c.len());
        let e = &mut c[i];
        match field {
            0 => e.time.push_str(&text),
            1 => e.actor.push_str(&text),
            2 => e.action.push_str(&text),
            3 => e.records.push(text),
            4 => { e.details.insert(text, "v".into()); }
            5 => e.prev_hash = "f".repeat(64),
            6 => e.hash = "e".repeat(64),
            _ => e.seq += 1,
        }
        let err = verify_chain(&c).unwrap_err();
        prop_assert_eq!(err.first_bad_seq, i as u64 + 1);
    }

    #[test]
    fn prop_distinct_entries_hash_differently(a in "[a-z]{0,6}", b in "[a-z]{0,6}", c in "[a-z]{0,6}", d in "[a-z]{0,6}") {
        prop_assume!((a.clone(), b.clone()) != (c.clone(), d.clone()));
        let mk = |x: &str, y: &str| AuditEntry::new(&ChainHead::genesis(), "t".into(), x.into(), y.into(), vec![], BTreeMap::new());
        prop_assert_ne!(mk(&a, &b).hash, mk(&c, &d).hash);
    }
}

/// Signs a checkpoint after every `every` entries and over the head, as `App::close` would.
fn signed(k: &KeyRing, c: &[AuditEntry], every: usize) -> Vec<Checkpoint> {
    let mut cps: Vec<Checkpoint> = c
        .iter()
        .step_by(every)
        .map(|e| sign_checkpoint(k, e.seq, &e.hash).unwrap())
        .collect();
    let last = c.last().unwrap();
    if cps.last().map(|cp| cp.seq) != Some(last.seq) {
        cps.push(sign_checkpoint(k, last.seq, &last.hash).unwrap());
    }
    cps
}

#[test]
fn a_history_rewritten_and_resigned_under_a_substituted_key_fails_against_the_key_ring() {
    let k = KeyRing::generate().unwrap();
    let original = chain(405);
    let mark = original[404].head();
    let cps = signed(&k, &original, 10);
    let report = verify_chain_authenticated(&k, &original, &cps, None, &mark).unwrap();
    assert!(report.key_authenticated);
    assert_eq!(report.signed_head, Some(mark.clone()));
    assert_eq!(report.last_checkpoint_seq, Some(405));

    let attacker = KeyRing::generate().unwrap();
    let edited = {
        let mut c = original.clone();
        c[1].actor = "someone-else".into();
        recompute(&mut c);
        c
    };
    let thinned = {
        // 201 of the 405 entries deleted, the rest renumbered.
        let mut c: Vec<AuditEntry> = original
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 2 == 1 || *i >= 402)
            .map(|(_, e)| e.clone())
            .collect();
        assert_eq!(c.len(), 204);
        renumber(&mut c);
        recompute(&mut c);
        c
    };
    for (what, forged, without_checkpoints) in [
        ("edited", edited, ChainErrorKind::CheckpointMismatch),
        ("thinned", thinned, ChainErrorKind::Truncated),
    ] {
        let forged_cps = signed(&attacker, &forged, 10);
        // With the key the database now names, the forgery verifies: that is the attack on
        // a verification that takes the key from the database.
        let fooled =
            verify_chain_with(&forged, &forged_cps, &attacker.verifying_key(), None).unwrap();
        assert!(!fooled.key_authenticated, "{what}");
        assert_eq!(fooled.signed_head, None);
        // With the unlocked key ring: every re-signed checkpoint is refused.
        let e = verify_chain_authenticated(&k, &forged, &forged_cps, None, &mark).unwrap_err();
        assert_eq!(e.kind, ChainErrorKind::CheckpointSignature, "{what}: {e}");
        // And with the checkpoints deleted as well, the key ring's record catches it.
        let e = verify_chain_authenticated(&k, &forged, &[], None, &mark).unwrap_err();
        assert_eq!(e.kind, without_checkpoints, "{what}: {e}");
    }
}

#[test]
fn the_key_rings_record_catches_deleted_checkpoints_and_a_cut_end() {
    let k = KeyRing::generate().unwrap();
    let c = chain(20);
    let cps = vec![
        sign_checkpoint(&k, 10, &c[9].hash).unwrap(),
        sign_checkpoint(&k, 20, &c[19].hash).unwrap(),
    ];
    let mark = c[19].head();
    verify_chain_authenticated(&k, &c, &cps, None, &mark).unwrap();
    // The chain grew since the last checkpoint: fine.
    verify_chain_authenticated(&k, &chain(25), &cps, None, &mark).unwrap();
    // Nothing signed yet.
    let r = verify_chain_authenticated(&k, &c, &[], None, &ChainHead::genesis()).unwrap();
    assert_eq!(r.last_checkpoint_seq, None);

    // Every checkpoint deleted, an entry edited and the chain recomputed.
    let mut rewritten = c.clone();
    rewritten[4].actor = "nobody".into();
    recompute(&mut rewritten);
    verify_chain_with(&rewritten, &[], &k.verifying_key(), None)
        .expect("without the key ring's record this goes unseen");
    let e = verify_chain_authenticated(&k, &rewritten, &[], None, &mark).unwrap_err();
    assert_eq!(e.kind, ChainErrorKind::CheckpointMismatch, "{e}");
    assert_eq!((e.first_bad_seq, e.last_bad_seq), (1, 20), "{e}");
    assert!(e.reason.contains("key ring's record"), "{e}");

    // Every checkpoint deleted and the last five entries cut off.
    let cut = &c[..15];
    verify_chain_with(cut, &[], &k.verifying_key(), None).unwrap();
    let e = verify_chain_authenticated(&k, cut, &[], None, &mark).unwrap_err();
    assert_eq!(e.kind, ChainErrorKind::Truncated, "{e}");
    assert_eq!((e.first_bad_seq, e.last_bad_seq), (16, 20), "{e}");
    assert!(
        e.reason
            .contains("5 entries were cut off after the last signed checkpoint"),
        "{e}"
    );
    // The same with the checkpoint before the cut left in place.
    let e = verify_chain_authenticated(&k, cut, &cps[..1], None, &mark).unwrap_err();
    assert_eq!(e.kind, ChainErrorKind::Truncated, "{e}");

    // Only checkpoints deleted, the entries untouched.
    let e = verify_chain_authenticated(&k, &c, &cps[..1], None, &mark).unwrap_err();
    assert_eq!(e.kind, ChainErrorKind::CheckpointsMissing, "{e}");
    assert_eq!((e.first_bad_seq, e.last_bad_seq), (11, 20), "{e}");
    assert!(
        e.reason
            .contains("checkpoints were cut off after the last signed checkpoint"),
        "{e}"
    );
    assert!(e.reason.contains("over entry 10"), "{e}");
    let e = verify_chain_authenticated(&k, &c, &[], None, &mark).unwrap_err();
    assert_eq!(e.kind, ChainErrorKind::CheckpointsMissing, "{e}");
    assert!(e.reason.contains("no signed checkpoint is left"), "{e}");
    // A checkpoint signed with another key does not count as one left.
    let other = KeyRing::generate().unwrap();
    let foreign = sign_checkpoint(&other, 20, &c[19].hash).unwrap();
    let e =
        verify_chain_authenticated(&k, &c, &[cps[0].clone(), foreign], None, &mark).unwrap_err();
    assert_eq!(e.kind, ChainErrorKind::CheckpointSignature, "{e}");
    assert_eq!(e.first_bad_seq, 20, "{e}");
    // An earlier edit is still named precisely.
    let mut edited = c.clone();
    edited[2].action = "nothing".into();
    let e = verify_chain_authenticated(&k, &edited, &[], None, &mark).unwrap_err();
    assert_eq!(
        (e.kind, e.first_bad_seq),
        (ChainErrorKind::EntryHash, 3),
        "{e}"
    );
}
