-- Which record names which (see migrations/sqlite/0006_references.sql).
CREATE TABLE record_refs (
    target TEXT COLLATE "C" NOT NULL,
    source TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (target, source)
);

CREATE INDEX record_refs_by_source ON record_refs (source);
