-- Every v1 record, one row each (see migrations/sqlite/0001_records.sql).
-- COLLATE "C" makes ids compare bytewise, as FORMAT.md requires, whatever the
-- server's locale.
CREATE TABLE records (
    id          TEXT COLLATE "C" PRIMARY KEY,
    kind        TEXT NOT NULL,
    sensitivity TEXT NOT NULL,
    body        TEXT NOT NULL,
    restricted  TEXT
);

CREATE INDEX records_by_kind ON records (kind, id);
