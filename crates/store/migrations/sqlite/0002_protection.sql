-- The database's key ring: public keys in clear (so anyone may seal restricted
-- values), private keys sealed under a key derived from the passphrase.
CREATE TABLE keyring (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    sealed     TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE users (
    name          TEXT PRIMARY KEY NOT NULL,
    role          TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at    TEXT NOT NULL
);

-- API bearer tokens, kept only as their SHA-256.
CREATE TABLE api_tokens (
    token_sha256 TEXT PRIMARY KEY NOT NULL,
    user_name    TEXT NOT NULL REFERENCES users (name) ON DELETE CASCADE,
    created_at   TEXT NOT NULL
);

-- The append-only audit chain; see crates/crypto/src/audit.rs for the hashing.
CREATE TABLE audit_log (
    seq       INTEGER PRIMARY KEY NOT NULL,
    time      TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    records   TEXT NOT NULL,  -- JSON array of record ids
    details   TEXT NOT NULL,  -- JSON object of strings
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
);

-- Signed statements that entry `seq` had hash `head_hash` when the key was unlocked.
CREATE TABLE audit_checkpoints (
    seq       INTEGER PRIMARY KEY NOT NULL,
    head_hash TEXT NOT NULL,
    signature TEXT NOT NULL
);

-- Write sessions: each import seals its restricted values under a session key,
-- itself sealed to the key ring's public key (crates/crypto/src/session.rs).
CREATE TABLE key_sessions (
    id         TEXT PRIMARY KEY NOT NULL,
    sealed_key TEXT NOT NULL,  -- base64
    created_at TEXT NOT NULL
);
