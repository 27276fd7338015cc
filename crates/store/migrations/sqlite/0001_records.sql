-- Every v1 record, one row each. `body` is the canonical JSON of the record without
-- its restricted fields; `restricted` holds those fields (pii, transcript, and the
-- free text of records marked restricted) so they can be sealed and kept out of
-- indexes. Ids compare bytewise: SQLite's default BINARY collation is memcmp.
CREATE TABLE records (
    id          TEXT PRIMARY KEY NOT NULL,
    kind        TEXT NOT NULL,
    sensitivity TEXT NOT NULL,
    body        TEXT NOT NULL,
    restricted  TEXT
) WITHOUT ROWID;

CREATE INDEX records_by_kind ON records (kind, id);
