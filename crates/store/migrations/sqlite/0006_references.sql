-- Which record names which: one row per (target, source), kept by every write, so a
-- delete finds the records that still name its target with one indexed lookup
-- inside its own transaction. Rows of databases made before this migration are
-- filled in when it is applied (sqlite.rs, `backfill_references`).
CREATE TABLE record_refs (
    target TEXT NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (target, source)
) WITHOUT ROWID;

CREATE INDEX record_refs_by_source ON record_refs (source);
