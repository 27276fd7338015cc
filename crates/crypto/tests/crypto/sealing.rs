use proptest::prelude::*;
use zonewatch_crypto::{
    is_sealed, open, rewrap, seal, sealed_key_id, FieldError, KeyRing, SEALED_OVERHEAD,
};

const NAME: &[u8] = "Nguyễn Thị Hoa, born 2004, from Nghệ An".as_bytes();

#[test]
fn round_trip() {
    let k = KeyRing::generate().unwrap();
    let s = seal(&k.public_key(), "person:17", "pii", NAME).unwrap();
    assert!(is_sealed(&s));
    assert_eq!(s.len(), NAME.len() + SEALED_OVERHEAD);
    assert_eq!(open(&k, "person:17", "pii", &s).unwrap(), NAME);
}

#[test]
fn the_plaintext_does_not_appear_in_the_sealed_bytes() {
    let k = KeyRing::generate().unwrap();
    let s = seal(&k.public_key(), "person:17", "pii", NAME).unwrap();
    assert!(!s.windows(8).any(|w| NAME.windows(8).any(|n| n == w)));
}

#[test]
fn sealing_twice_differs() {
    let k = KeyRing::generate().unwrap();
    let a = seal(&k.public_key(), "r", "f", b"same").unwrap();
    let b = seal(&k.public_key(), "r", "f", b"same").unwrap();
    assert_ne!(a, b, "fresh value key, nonce and ephemeral key every time");
}

#[test]
fn flipping_any_byte_fails_to_open() {
    let k = KeyRing::generate().unwrap();
    let s = seal(
        &k.public_key(),
        "r1",
        "transcript",
        b"what happened in the compound",
    )
    .unwrap();
    for i in 0..s.len() {
        let mut t = s.clone();
        t[i] ^= 0x01;
        assert!(
            open(&k, "r1", "transcript", &t).is_err(),
            "byte {i} flipped still opened"
        );
    }
    // Truncation and extension too.
    assert!(open(&k, "r1", "transcript", &s[..s.len() - 1]).is_err());
    let mut longer = s.clone();
    longer.push(0);
    assert!(matches!(
        open(&k, "r1", "transcript", &longer),
        Err(FieldError::Authentication)
    ));
}

#[test]
fn flipped_ciphertext_byte_is_an_authentication_failure() {
    let k = KeyRing::generate().unwrap();
    let mut s = seal(&k.public_key(), "r1", "pii", NAME).unwrap();
    let last = s.len() - 20;
    s[last] ^= 0x80;
    assert!(matches!(
        open(&k, "r1", "pii", &s),
        Err(FieldError::Authentication)
    ));
}

#[test]
fn moved_to_another_record_or_field_fails() {
    let k = KeyRing::generate().unwrap();
    let s = seal(&k.public_key(), "person:17", "pii", NAME).unwrap();
    assert!(matches!(
        open(&k, "person:18", "pii", &s),
        Err(FieldError::Authentication)
    ));
    assert!(matches!(
        open(&k, "person:17", "notes", &s),
        Err(FieldError::Authentication)
    ));
    // Length-prefixed associated data: moving characters between id and field fails too.
    let t = seal(&k.public_key(), "ab", "c", b"x").unwrap();
    assert!(open(&k, "a", "bc", &t).is_err());
    assert!(open(&k, "abc", "", &t).is_err());
}

#[test]
fn swapped_wrapped_keys_fail() {
    let k = KeyRing::generate().unwrap();
    let a = seal(&k.public_key(), "r1", "pii", b"first value").unwrap();
    let b = seal(&k.public_key(), "r2", "pii", b"second value").unwrap();
    // Header, encapsulated key and wrapped key: bytes 0..94.
    let mut a_with_b_key = b[..94].to_vec();
    a_with_b_key.extend_from_slice(&a[94..]);
    assert!(matches!(
        open(&k, "r1", "pii", &a_with_b_key),
        Err(FieldError::KeyUnwrap)
    ));
    // The wrapped key alone (without its encapsulated key) fails as well.
    let mut mixed = a.clone();
    mixed[46..94].copy_from_slice(&b[46..94]);
    assert!(matches!(
        open(&k, "r1", "pii", &mixed),
        Err(FieldError::KeyUnwrap)
    ));
    // And a value's body under another value's whole header+nonce.
    let mut body_swap = b[..118].to_vec();
    body_swap.extend_from_slice(&a[118..]);
    assert!(open(&k, "r1", "pii", &body_swap).is_err());
    assert!(open(&k, "r2", "pii", &body_swap).is_err());
}

#[test]
fn another_key_cannot_open() {
    let k = KeyRing::generate().unwrap();
    let other = KeyRing::generate().unwrap();
    let s = seal(&k.public_key(), "r", "f", b"secret").unwrap();
    match open(&other, "r", "f", &s) {
        Err(FieldError::WrongKey {
            sealed_to,
            unlocked,
        }) => {
            assert_eq!(sealed_to, k.public_key().key_id());
            assert_eq!(unlocked, other.public_key().key_id());
        }
        other => panic!("expected WrongKey, got {other:?}"),
    }
    // Relabelling the key id to the other key's does not help: the HPKE unwrap fails.
    let mut relabelled = s.clone();
    relabelled[6..14].copy_from_slice(other.public_key().key_id().as_bytes());
    assert!(matches!(
        open(&other, "r", "f", &relabelled),
        Err(FieldError::KeyUnwrap)
    ));
}

#[test]
fn malformed_inputs_are_errors_not_panics() {
    let k = KeyRing::generate().unwrap();
    for bad in [
        &b""[..],
        b"ZWSF",
        b"ZWSF\x01\x01",
        b"plain text value",
        &[0u8; 200],
    ] {
        assert!(open(&k, "r", "f", bad).is_err());
        assert!(sealed_key_id(bad).is_err());
        assert!(!is_sealed(bad));
    }
    let mut s = seal(&k.public_key(), "r", "f", b"x").unwrap();
    s[4] = 2;
    assert!(matches!(
        open(&k, "r", "f", &s),
        Err(FieldError::Unsupported {
            version: 2,
            suite: 1
        })
    ));
}

#[test]
fn error_messages_carry_no_plaintext() {
    let k = KeyRing::generate().unwrap();
    let s = seal(&k.public_key(), "person:17", "pii", NAME).unwrap();
    let e = open(&k, "person:17", "other", &s).unwrap_err();
    let text = format!("{e} {e:?}");
    assert!(!text.contains("Nguyễn"));
}

#[test]
fn rotation_rewraps_and_keeps_the_value() {
    let old = KeyRing::generate().unwrap();
    let new = old.rotate_encryption_key().unwrap();
    let s = seal(&old.public_key(), "t:9", "transcript", NAME).unwrap();
    let r = rewrap(&old, &new.public_key(), &s).unwrap();
    assert_eq!(sealed_key_id(&r).unwrap(), new.public_key().key_id());
    // The encrypted value (nonce and ciphertext) is carried over unchanged.
    assert_eq!(&r[94..], &s[94..]);
    assert_eq!(open(&new, "t:9", "transcript", &r).unwrap(), NAME);
    assert!(matches!(
        open(&old, "t:9", "transcript", &r),
        Err(FieldError::WrongKey { .. })
    ));
    // Re-wrapping twice is refused (resumable rotation: skip what names the new key).
    assert!(matches!(
        rewrap(&old, &new.public_key(), &r),
        Err(FieldError::WrongKey { .. })
    ));
    // Binding to record and field survives rotation.
    assert!(open(&new, "t:10", "transcript", &r).is_err());
    // A tampered value still fails after rotation.
    let mut t = r.clone();
    let i = t.len() - 1;
    t[i] ^= 1;
    assert!(matches!(
        open(&new, "t:9", "transcript", &t),
        Err(FieldError::Authentication)
    ));
}

#[test]
fn rotation_to_an_unrelated_key() {
    let old = KeyRing::generate().unwrap();
    let fresh = KeyRing::generate().unwrap();
    let s = seal(&old.public_key(), "r", "f", b"v").unwrap();
    let r = rewrap(&old, &fresh.public_key(), &s).unwrap();
    assert_eq!(open(&fresh, "r", "f", &r).unwrap(), b"v");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn prop_round_trip(record in "[A-Za-z0-9._:-]{1,40}", field in "[a-z_.]{1,20}", value in proptest::collection::vec(any::<u8>(), 0..512)) {
        let k = KeyRing::generate().unwrap();
        let s = seal(&k.public_key(), &record, &field, &value).unwrap();
        prop_assert_eq!(open(&k, &record, &field, &s).unwrap(), value);
    }

    #[test]
    fn prop_other_record_fails(record in "[a-z0-9]{1,12}", other in "[a-z0-9]{1,12}", value in proptest::collection::vec(any::<u8>(), 0..64)) {
        prop_assume!(record != other);
        let k = KeyRing::generate().unwrap();
        let s = seal(&k.public_key(), &record, "pii", &value).unwrap();
        prop_assert!(open(&k, &other, "pii", &s).is_err());
    }

    #[test]
    fn prop_any_flip_fails(value in proptest::collection::vec(any::<u8>(), 0..64), pos in any::<prop::sample::Index>(), bit in 0u8..8) {
        let k = KeyRing::generate().unwrap();
        let mut s = seal(&k.public_key(), "r", "f", &value).unwrap();
        let i = pos.index(s.len());
        s[i] ^= 1 << bit;
        prop_assert!(open(&k, "r", "f", &s).is_err());
    }
}
