-- Evidence files (see migrations/sqlite/0003_evidence.sql).
CREATE TABLE evidence (
    id         TEXT COLLATE "C" PRIMARY KEY,
    record_id  TEXT COLLATE "C" NOT NULL,
    sealed     BOOLEAN NOT NULL,
    content    BYTEA NOT NULL,
    meta       TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE INDEX evidence_by_record ON evidence (record_id);
