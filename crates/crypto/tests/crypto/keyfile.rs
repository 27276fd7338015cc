use zonewatch_crypto::{
    generate_passphrase, open, seal, sign_checkpoint, verify_checkpoint, ChainHead, Checkpoint,
    HashPurpose, KdfParams, KeyFileError, KeyRing, SealedKeyRing,
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
            "audit_mark",
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
    assert_eq!(v["version"], 2);
    assert_eq!(v["audit_mark"]["seq"], 0, "nothing signed yet");
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
    let err = file.unlock("pw").unwrap_err();
    assert!(
        matches!(err, KeyFileError::PublicPartAltered(_)),
        "not a wrong passphrase: {err}"
    );
    assert!(err
        .to_string()
        .starts_with("the key ring's public part was altered"));
    assert!(err.to_string().contains("encryption"), "{err}");
    let swapped_vk = edit_json(&json, |v| {
        v["public_keys"]["verifying"] =
            serde_json::Value::String(attacker.verifying_key().to_string());
    });
    let err = SealedKeyRing::from_json(&swapped_vk)
        .unwrap()
        .unlock("pw")
        .unwrap_err();
    assert!(matches!(err, KeyFileError::PublicPartAltered(_)), "{err}");
    assert!(err.to_string().contains("verifying key"), "{err}");
    // With the wrong passphrase the altered file still reads as a wrong passphrase: nothing
    // about the public part is learnt without the secrets.
    assert!(matches!(
        SealedKeyRing::from_json(&swapped_vk)
            .unwrap()
            .unlock("wrong"),
        Err(KeyFileError::WrongPassphrase)
    ));
    // Both keys replaced by the attacker's, the attacker's whole public part.
    let both = edit_json(&json, |v| {
        v["public_keys"] = serde_json::to_value(attacker.public_keys()).unwrap();
    });
    assert!(matches!(
        SealedKeyRing::from_json(&both).unwrap().unlock("pw"),
        Err(KeyFileError::PublicPartAltered(_))
    ));
}

#[test]
fn a_whole_key_file_replaced_by_another_rings_cannot_be_told_from_a_wrong_passphrase() {
    // The attacker's own key ring, under their own passphrase: the operator's passphrase
    // does not open it. Documented: this reads as a wrong passphrase.
    let attacker = KeyRing::generate().unwrap();
    let theirs = attacker.seal_with_passphrase("attacker's", &LOW).unwrap();
    assert!(matches!(
        theirs.unlock("pw"),
        Err(KeyFileError::WrongPassphrase)
    ));
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
        edit_json(&json, |v| v["version"] = serde_json::json!(3)),
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
        edit_json(&json, |v| v["audit_mark"]["extra"] = serde_json::json!(1)),
        edit_json(&json, |v| v["audit_mark"]["mac"] = serde_json::json!("00")),
        edit_json(&json, |v| {
            v["audit_mark"]["head_hash"] = serde_json::json!("AB".repeat(32))
        }),
        "not json".to_owned(),
    ];
    for c in &cases {
        assert!(SealedKeyRing::from_json(c).is_err(), "{c}");
    }
    let msg = SealedKeyRing::from_json(&cases[0]).unwrap_err().to_string();
    assert!(msg.contains("version 3"), "{msg}");
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

fn head(seq: u64, byte: u8) -> ChainHead {
    ChainHead {
        seq,
        hash: format!("{byte:02x}").repeat(32),
    }
}

#[test]
fn the_audit_mark_moves_forward_and_any_edit_of_it_is_caught() {
    let k = KeyRing::generate().unwrap();
    let fresh = k.seal_with_passphrase("pw", &LOW).unwrap();
    assert_eq!(fresh.version(), 2);
    assert_eq!(fresh.signed_head(&k).unwrap(), ChainHead::genesis());
    let marked = fresh.with_signed_head(&k, &head(12, 0xab)).unwrap();
    assert_eq!(marked.signed_head(&k).unwrap(), head(12, 0xab));
    let json = marked.to_json().unwrap();
    let back = SealedKeyRing::from_json(&json).unwrap();
    assert_eq!(back, marked);
    let unlocked = back.unlock("pw").unwrap();
    assert_eq!(back.signed_head(&unlocked).unwrap(), head(12, 0xab));
    assert_eq!(
        back.public_keys(),
        fresh.public_keys(),
        "only the mark changed"
    );

    // An older valid mark, made by the same key ring, is accepted: a replayed old row is
    // not caught here (docs/SECURITY.md, "What is not protected").
    let older = fresh.with_signed_head(&k, &head(3, 0xcd)).unwrap();
    assert!(older.unlock("pw").is_ok());

    let attacker = KeyRing::generate().unwrap();
    let attackers_mark: serde_json::Value = serde_json::from_str(
        &attacker
            .seal_with_passphrase("x", &LOW)
            .unwrap()
            .with_signed_head(&attacker, &head(1, 0x11))
            .unwrap()
            .to_json()
            .unwrap(),
    )
    .unwrap();
    let edits: Vec<(&str, String)> = vec![
        (
            "seq lowered",
            edit_json(&json, |v| v["audit_mark"]["seq"] = serde_json::json!(2)),
        ),
        (
            "seq set to 0",
            edit_json(&json, |v| v["audit_mark"]["seq"] = serde_json::json!(0)),
        ),
        (
            "head hash",
            edit_json(&json, |v| {
                v["audit_mark"]["head_hash"] = serde_json::json!("cd".repeat(32))
            }),
        ),
        (
            "mac",
            edit_json(&json, |v| {
                v["audit_mark"]["mac"] = serde_json::json!("00".repeat(32))
            }),
        ),
        (
            "removed",
            edit_json(&json, |v| {
                v.as_object_mut().unwrap().remove("audit_mark");
            }),
        ),
        (
            "another key ring's mark",
            edit_json(&json, |v| {
                v["audit_mark"] = attackers_mark["audit_mark"].clone();
            }),
        ),
    ];
    for (what, edited) in edits {
        let file = SealedKeyRing::from_json(&edited).unwrap();
        let err = file.unlock("pw").unwrap_err();
        assert!(
            matches!(err, KeyFileError::PublicPartAltered(_)),
            "{what}: {err}"
        );
        assert!(err.to_string().contains("audit_mark"), "{what}: {err}");
        assert!(
            matches!(
                file.signed_head(&unlocked),
                Err(KeyFileError::PublicPartAltered(_))
            ),
            "{what}"
        );
    }
    // Another key ring can neither read nor move this file's mark.
    assert!(matches!(
        marked.signed_head(&attacker),
        Err(KeyFileError::PublicPartAltered(_))
    ));
    assert!(matches!(
        marked.with_signed_head(&attacker, &head(20, 1)),
        Err(KeyFileError::PublicPartAltered(_))
    ));
    assert!(matches!(
        marked.with_signed_head(
            &k,
            &ChainHead {
                seq: 1,
                hash: "zz".into()
            }
        ),
        Err(KeyFileError::Malformed(_))
    ));
}

#[test]
fn a_passphrase_change_and_a_rotation_keep_the_audit_mark() {
    let k = KeyRing::generate().unwrap();
    let file = k
        .seal_with_passphrase("old", &LOW)
        .unwrap()
        .with_signed_head(&k, &head(7, 0x42))
        .unwrap();
    let changed = file.change_passphrase("old", "new", &LOW).unwrap();
    let unlocked = changed.unlock("new").unwrap();
    assert_eq!(changed.signed_head(&unlocked).unwrap(), head(7, 0x42));
    // Rotation keeps the signing key, so the mark made before still carries a valid MAC.
    let rotated = unlocked.rotate_encryption_key().unwrap();
    let new_file = rotated
        .seal_with_passphrase("new", &LOW)
        .unwrap()
        .with_signed_head(&rotated, &changed.signed_head(&unlocked).unwrap())
        .unwrap();
    let reopened = new_file.unlock("new").unwrap();
    assert_eq!(new_file.signed_head(&reopened).unwrap(), head(7, 0x42));
    assert_ne!(
        new_file.public_keys().encryption,
        file.public_keys().encryption
    );
    let copied_mark: serde_json::Value = serde_json::from_str(&changed.to_json().unwrap()).unwrap();
    let with_copied = edit_json(&new_file.to_json().unwrap(), |v| {
        v["audit_mark"] = copied_mark["audit_mark"].clone();
    });
    assert!(SealedKeyRing::from_json(&with_copied)
        .unwrap()
        .unlock("new")
        .is_ok());
}

/// Written by the build before version 2 (`seal_with_passphrase` at `KdfParams::TEST_LOW`),
/// under `V1_PASSPHRASE`; `V1_SEALED` is `seal(public key, "p1", "pii", V1_PLAINTEXT)` and
/// `V1_SIGNATURE` a checkpoint over `(1, "ab" × 32)`, both made with it then.
const V1_KEY_FILE: &str = r#"{"format":"zonewatch-keyring","version":1,"public_keys":{"encryption":"a15a91f8154915720f4b9d53aaf47a4f2752ecba25c181668d0fd5e247e17d63","verifying":"5bd457624790ac3f26cbd3c58be5b449ace296c25d546015ad7d99e574674287"},"kdf":{"algorithm":"argon2id","argon2_version":19,"m_cost_kib":256,"t_cost":1,"p_cost":1,"salt":"e852c2a255e0270aaa2fdc9348ddbde4"},"cipher":"xchacha20poly1305","nonce":"37776fa753848e44f9e16fafe86342e5e951e9050649ce79","sealed_secrets":"44e4a5be494d74cc268b00a28ecb79bceaff13a2d282b607e4f71467ada27686cedddc41340ced58b96d24cbfb7450a364c5be5d36ccad9fd2cc43aefbd6c9d4beac219670522e0a52318ccb330b6b147ff5d54bbddd66719e816a1bd47c2f4a1ff0c04f7c2ff864e413fa788acc9b2f"}"#;
const V1_PASSPHRASE: &str = "test passphrase (fictional, tests only)";
const V1_PLAINTEXT: &[u8] = b"sealed under the version 1 key file (fictional)";
const V1_SEALED: &str = "5a5753460101eea98f2f7d9f72ba9bf4cc72256c07d0152a149ed3e334f89405c1d56c49d1a87b8601bb21f77a0078c3082d3f15337d62740576ebcfbb68e8debf4e35c6bbf343f8a060e2d0c49035ca5245b88d75d6f699dba9778879c7fc1c9fbd0a7da6601d2120a91e7fcf7ddd0ccf1964ad91b73e47db9163e6321a7c941bad03692cd8e92ee0c1ed25233353c39ab3186d9382ceb51e599964c5f891a2fcbd5beef9f21850e1b1274c340b6e3ad0c2dad275";
const V1_SIGNATURE: &str = "f0dd0ef7252d645ff2d9bea1b8586bad54bd06c4b84ac2c5de9651c8456df5f3e5ac62500e54e66b5500c497e7058faca768c8db425505317aef0c19c600f409";

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

#[test]
fn a_version_1_key_file_still_unlocks_and_upgrades_to_version_2() {
    let v1 = SealedKeyRing::from_json(V1_KEY_FILE).unwrap();
    assert_eq!(v1.version(), 1);
    let keys = v1.unlock(V1_PASSPHRASE).unwrap();
    assert_eq!(keys.public_keys(), v1.public_keys());
    assert_eq!(
        open(&keys, "p1", "pii", &unhex(V1_SEALED)).unwrap(),
        V1_PLAINTEXT
    );
    verify_checkpoint(
        &keys.verifying_key(),
        &Checkpoint {
            seq: 1,
            head_hash: "ab".repeat(32),
            signature: V1_SIGNATURE.into(),
        },
    )
    .unwrap();
    assert_eq!(v1.signed_head(&keys).unwrap(), ChainHead::genesis());
    assert!(matches!(
        v1.with_signed_head(&keys, &head(1, 0xab)),
        Err(KeyFileError::Malformed(_))
    ));
    assert!(matches!(
        v1.unlock("wrong"),
        Err(KeyFileError::WrongPassphrase)
    ));

    let (same, upgraded) = v1.unlock_upgrading(V1_PASSPHRASE).unwrap();
    assert_eq!(same.public_keys(), v1.public_keys());
    let v2 = upgraded.expect("a version 1 file is upgraded");
    assert_eq!(v2.version(), 2);
    assert_eq!(v2.public_keys(), v1.public_keys());
    assert_eq!(v2.kdf_params(), v1.kdf_params());
    let json: serde_json::Value = serde_json::from_str(&v2.to_json().unwrap()).unwrap();
    assert_eq!(json["version"], 2);
    assert_eq!(json["audit_mark"]["seq"], 0);
    let reopened = SealedKeyRing::from_json(&v2.to_json().unwrap())
        .unwrap()
        .unlock(V1_PASSPHRASE)
        .unwrap();
    assert_eq!(
        open(&reopened, "p1", "pii", &unhex(V1_SEALED)).unwrap(),
        V1_PLAINTEXT
    );
    assert_eq!(v2.signed_head(&reopened).unwrap(), ChainHead::genesis());
    let (_, again) = v2.unlock_upgrading(V1_PASSPHRASE).unwrap();
    assert!(again.is_none(), "version 2 needs no upgrade");
    assert!(matches!(
        v1.unlock_upgrading("wrong"),
        Err(KeyFileError::WrongPassphrase)
    ));
}

#[test]
fn version_1_alterations_and_relabelling_either_way() {
    let attacker = KeyRing::generate().unwrap();
    // Version 1 cannot tell a substituted public key from a wrong passphrase (documented):
    // the key is in the associated data, so the AEAD fails.
    let swapped = edit_json(V1_KEY_FILE, |v| {
        v["public_keys"]["verifying"] = serde_json::json!(attacker.verifying_key().to_string());
    });
    assert!(matches!(
        SealedKeyRing::from_json(&swapped)
            .unwrap()
            .unlock(V1_PASSPHRASE),
        Err(KeyFileError::WrongPassphrase)
    ));
    // A version 1 file relabelled version 2 (with or without a made-up mark), and a version 2
    // file relabelled version 1 (its mark dropped, as version 1 has none): caught.
    let v1_as_v2 = edit_json(V1_KEY_FILE, |v| v["version"] = serde_json::json!(2));
    let err = SealedKeyRing::from_json(&v1_as_v2)
        .unwrap()
        .unlock(V1_PASSPHRASE)
        .unwrap_err();
    assert!(matches!(err, KeyFileError::PublicPartAltered(_)), "{err}");
    let v2 = SealedKeyRing::from_json(V1_KEY_FILE)
        .unwrap()
        .unlock_upgrading(V1_PASSPHRASE)
        .unwrap()
        .1
        .unwrap()
        .to_json()
        .unwrap();
    let with_mark = edit_json(&v1_as_v2, |v| {
        let theirs: serde_json::Value = serde_json::from_str(&v2).unwrap();
        v["audit_mark"] = theirs["audit_mark"].clone();
    });
    assert!(matches!(
        SealedKeyRing::from_json(&with_mark)
            .unwrap()
            .unlock(V1_PASSPHRASE),
        Err(KeyFileError::PublicPartAltered(_))
    ));
    let v2_as_v1 = edit_json(&v2, |v| {
        v["version"] = serde_json::json!(1);
        v.as_object_mut().unwrap().remove("audit_mark");
    });
    let err = SealedKeyRing::from_json(&v2_as_v1)
        .unwrap()
        .unlock(V1_PASSPHRASE)
        .unwrap_err();
    assert!(matches!(err, KeyFileError::PublicPartAltered(_)), "{err}");
    assert!(err.to_string().contains("version"), "{err}");
    // A version 1 file cannot carry a mark.
    assert!(
        SealedKeyRing::from_json(&edit_json(&v2, |v| v["version"] = serde_json::json!(1))).is_err()
    );
}
