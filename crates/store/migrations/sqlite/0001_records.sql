-- Every v1 record, one row each. `body` is the canonical JSON of the record without
-- its restricted fields; `restricted` holds those fields (pii, transcript, and the
-- free text of records marked restricted) so they can be sealed and kept out of
-- indexes. Ids compare bytewise: SQLite's default BINARY collation is memcmp.
--
-- Rows are clustered by (kind, id): exports and findings read one kind at a time in
-- id order, which is then one sequential range scan. Ids stay unique across kinds.
CREATE TABLE records (
    kind        TEXT NOT NULL,
    id          TEXT NOT NULL UNIQUE,
    sensitivity TEXT NOT NULL,
    body        TEXT NOT NULL,
    restricted  TEXT,
    PRIMARY KEY (kind, id)
) WITHOUT ROWID;
