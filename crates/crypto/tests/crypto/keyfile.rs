use zonewatch_crypto::{
    generate_passphrase, open, seal, sign_checkpoint, verify_checkpoint, HashPurpose, KdfParams,
    KeyFileError, KeyRing, SealedKeyRing,
};

const LOW: KdfParams = KdfParams::TEST_LOW;

#[test]
fn seal_unlock_round_trip_through_json() {
    let k = KeyRing::generate().unwrap();
    let sealed = k
        .seal_with_passphrase("correct horse battery staple", &LOW)
        .unwrap();
    let json = sealed.to_json().unwrap();
    let back = SealedKeyRing::from_json(&json).unwrap();
    assert_eq!(back, sealed);
    assert_eq!(back.public_keys(), k.public_keys());
    assert_eq!(back.kdf_params(), LOW);
    let unlocked = back.unlock("correct horse battery staple").unwrap();
    assert_eq!(unlocked.public_keys(), k.public_keys());
    // Same secrets: opens what the original sealed, same keyed hashes, same signatures.
    let v = seal(&k.public_key(), "r", "f", b"v").unwrap();
    assert_eq!(open(&unlocked, "r", "f", &v).unwrap(), b"v");
    assert_eq!(
        unlocked
            .hash_key(HashPurpose::EvidenceAddress)
            .keyed_hash(b"x"),
        k.hash_key(HashPurpose::EvidenceAddress).keyed_hash(b"x")
    );
    let cp = sign_checkpoint(&unlocked, 1, &"ab".repeat(32)).unwrap();
    verify_checkpoint(&k.verifying_key(), &cp).unwrap();
    // Serde through a containing struct works too.
    let via_serde: SealedKeyRing =
        serde_json::from_str(&serde_json::to_string(&sealed).unwrap()).unwrap();
    assert_eq!(via_serde, sealed);
}

#[test]
fn the_key_file_holds_no_private_key_in_clear() {
    let k = KeyRing::generate().unwrap();
    let json = k
        .seal_with_passphrase("pw", &LOW)
        .unwrap()
        .to_json()
        .unwrap();
    assert!(json.contains(&k.public_key().to_string()));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "cipher",
            "format",
            "kdf",
            "nonce",
            "public_keys",
            "sealed_secrets",
            "version"
        ],
        "no other field, and the only secret-bearing one is sealed"
    );
    // 96 bytes of secrets + 16-byte tag.
    assert_eq!(v["sealed_secrets"].as_str().unwrap().len(), 224);
    let dbg = format!("{k:?}");
    assert!(dbg.contains("redacted"));
}

#[test]
fn wrong_passphrase_fails() {
    let k = KeyRing::generate().unwrap();
    let sealed = k.seal_with_passphrase("right", &LOW).unwrap();
    assert!(matches!(
        sealed.unlock("wrong"),
        Err(KeyFileError::WrongPassphrase)
    ));
    assert!(matches!(
        sealed.unlock(""),
        Err(KeyFileError::WrongPassphrase)
    ));
    assert!(matches!(
        sealed.unlock("right "),
        Err(KeyFileError::WrongPassphrase)
    ));
    assert!(matches!(
        sealed.unlock("Right"),
        Err(KeyFileError::WrongPassphrase)
    ));
}

#[test]
fn empty_passphrase_is_refused() {
    let k = KeyRing::generate().unwrap();
    assert!(matches!(
        k.seal_with_passphrase("", &LOW),
        Err(KeyFileError::EmptyPassphrase)
    ));
}

#[test]
fn fresh_salt_and_nonce_each_time() {
    let k = KeyRing::generate().unwrap();
    let a = k
        .seal_with_passphrase("pw", &LOW)
        .unwrap()
        .to_json()
        .unwrap();
    let b = k
        .seal_with_passphrase("pw", &LOW)
        .unwrap()
        .to_json()
        .unwrap();
    assert_ne!(a, b);
}

#[test]
fn change_passphrase() {
    let k = KeyRing::generate().unwrap();
    let sealed = k.seal_with_passphrase("old one", &LOW).unwrap();
    assert!(matches!(
        sealed.change_passphrase("nope", "new one", &LOW),
        Err(KeyFileError::WrongPassphrase)
    ));
    let changed = sealed
        .change_passphrase("old one", "new one", &LOW)
        .unwrap();
    assert!(matches!(
        changed.unlock("old one"),
        Err(KeyFileError::WrongPassphrase)
    ));
    let unlocked = changed.unlock("new one").unwrap();
    assert_eq!(unlocked.public_keys(), k.public_keys(), "no re-wrap needed");
    // The old file still opens with the old passphrase: the caller must replace it.
    assert!(sealed.unlock("old one").is_ok());
}

fn edit_json(json: &str, edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut v: serde_json::Value = serde_json::from_str(json).unwrap();
    edit(&mut v);
    v.to_string()
}

#[test]
fn substituted_public_key_is_detected_at_unlock() {
    let k = KeyRing::generate().unwrap();
    let attacker = KeyRing::generate().unwrap();
    let json = k
        .seal_with_passphrase("pw", &LOW)
        .unwrap()
        .to_json()
        .unwrap();
    let swapped = edit_json(&json, |v| {
        v["public_keys"]["encryption"] =
            serde_json::Value::String(attacker.public_key().to_string());
    });
    let file = SealedKeyRing::from_json(&swapped).unwrap();
    assert_eq!(file.public_keys().encryption, attacker.public_key());
    assert!(file.unlock("pw").is_err());
    let swapped_vk = edit_json(&json, |v| {
        v["public_keys"]["verifying"] =
            serde_json::Value::String(attacker.verifying_key().to_string());
    });
    assert!(SealedKeyRing::from_json(&swapped_vk)
        .unwrap()
        .unlock("pw")
        .is_err());
}

#[test]
fn weakened_parameters_or_salt_fail_to_unlock() {
    let k = KeyRing::generate().unwrap();
    let params = KdfParams {
        m_cost_kib: 512,
        t_cost: 2,
        p_cost: 1,
    };
    let json = k
        .seal_with_passphrase("pw", &params)
        .unwrap()
        .to_json()
        .unwrap();
    for (field, value) in [("t_cost", 1), ("m_cost_kib", 256)] {
        let weaker = edit_json(&json, |v| v["kdf"][field] = serde_json::json!(value));
        assert!(
            SealedKeyRing::from_json(&weaker)
                .unwrap()
                .unlock("pw")
                .is_err(),
            "{field}"
        );
    }
    let salted = edit_json(&json, |v| {
        v["kdf"]["salt"] = serde_json::json!("00".repeat(16))
    });
    assert!(SealedKeyRing::from_json(&salted)
        .unwrap()
        .unlock("pw")
        .is_err());
}

#[test]
fn flipped_secret_byte_fails_to_unlock() {
    let k = KeyRing::generate().unwrap();
    let json = k
        .seal_with_passphrase("pw", &LOW)
        .unwrap()
        .to_json()
        .unwrap();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let sealed_hex = v["sealed_secrets"].as_str().unwrap().to_owned();
    let flipped_first = if sealed_hex.starts_with('0') {
        "1"
    } else {
        "0"
    };
    let tampered = edit_json(&json, |v| {
        v["sealed_secrets"] = serde_json::json!(format!("{flipped_first}{}", &sealed_hex[1..]));
    });
    assert!(matches!(
        SealedKeyRing::from_json(&tampered).unwrap().unlock("pw"),
        Err(KeyFileError::WrongPassphrase)
    ));
}

#[test]
fn malformed_files_are_rejected_with_reasons() {
    let k = KeyRing::generate().unwrap();
    let json = k
        .seal_with_passphrase("pw", &LOW)
        .unwrap()
        .to_json()
        .unwrap();
    let cases = [
        edit_json(&json, |v| v["version"] = serde_json::json!(2)),
        edit_json(&json, |v| v["format"] = serde_json::json!("other")),
        edit_json(&json, |v| v["cipher"] = serde_json::json!("aes-256-gcm")),
        edit_json(&json, |v| {
            v["kdf"]["algorithm"] = serde_json::json!("argon2i")
        }),
        edit_json(&json, |v| {
            v["kdf"]["m_cost_kib"] = serde_json::json!(u32::MAX)
        }),
        edit_json(&json, |v| v["nonce"] = serde_json::json!("00")),
        edit_json(&json, |v| v["extra"] = serde_json::json!(1)),
        "not json".to_owned(),
    ];
    for c in &cases {
        assert!(SealedKeyRing::from_json(c).is_err(), "{c}");
    }
    let msg = SealedKeyRing::from_json(&cases[0]).unwrap_err().to_string();
    assert!(msg.contains("version 2"), "{msg}");
}

#[test]
fn generated_passphrase_seals_and_unlocks() {
    let p = generate_passphrase().unwrap();
    let k = KeyRing::generate().unwrap();
    let sealed = k.seal_with_passphrase(&p, &LOW).unwrap();
    assert!(sealed.unlock(&p).is_ok());
}

#[test]
fn rotation_with_the_key_file() {
    // The flow `zonewatch key rotate` follows.
    let old = KeyRing::generate().unwrap();
    let file = old.seal_with_passphrase("pw", &LOW).unwrap();
    let values: Vec<(String, Vec<u8>)> = (0..5)
        .map(|i| {
            let id = format!("p{i}");
            let v = seal(
                &file.public_keys().encryption,
                &id,
                "pii",
                format!("name {i}").as_bytes(),
            )
            .unwrap();
            (id, v)
        })
        .collect();
    let unlocked = file.unlock("pw").unwrap();
    let new = unlocked.rotate_encryption_key().unwrap();
    let rewrapped: Vec<_> = values
        .iter()
        .map(|(id, v)| {
            (
                id,
                zonewatch_crypto::rewrap(&unlocked, &new.public_key(), v).unwrap(),
            )
        })
        .collect();
    let new_file = new.seal_with_passphrase("pw", &LOW).unwrap();
    let reopened = new_file.unlock("pw").unwrap();
    for (i, (id, v)) in rewrapped.iter().enumerate() {
        assert_eq!(
            open(&reopened, id, "pii", v).unwrap(),
            format!("name {i}").as_bytes()
        );
    }
    assert_eq!(
        new_file.public_keys().verifying,
        file.public_keys().verifying
    );
}
