-- Evidence files, stored as collected. `id` is the file's address: its SHA-256 for
-- open evidence, or a keyed hash (which only the key ring can compute) for evidence
-- of restricted records, so that a guessed file cannot be confirmed from the store.
-- For those, `content` and `meta` are sealed (zonewatch-app), `sealed` is 1.
CREATE TABLE evidence (
    id         TEXT PRIMARY KEY NOT NULL,
    record_id  TEXT NOT NULL,
    sealed     INTEGER NOT NULL,
    content    BLOB NOT NULL,
    meta       TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE INDEX evidence_by_record ON evidence (record_id);
