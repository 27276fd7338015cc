-- Derived data: what screening (crates/screen) made of ads and testimonies. It is
-- never exported and never the only copy of anything: each row is rebuilt from its
-- record when missing, and when its `fingerprint` (the screener's code version,
-- pattern files and weights) is not the current screener's. Deleting a record
-- deletes its rows here (crates/store, `delete`).

-- One row per screened ad: the score, its level, and the signs that matched.
CREATE TABLE screen_ads (
    ad_id       TEXT PRIMARY KEY NOT NULL,
    fingerprint TEXT NOT NULL,
    score       REAL NOT NULL,
    level       TEXT NOT NULL,
    signals     TEXT NOT NULL  -- JSON array of {"code","start","end"}
) WITHOUT ROWID;

-- The contacts in each screened ad's text, normalised (FORMAT.md, "Screening").
-- Ad text is not restricted, so they are kept as they are.
CREATE TABLE screen_ad_contacts (
    ad_id TEXT NOT NULL,
    seq   INTEGER NOT NULL,  -- order of first appearance in the text
    type  TEXT NOT NULL,
    value TEXT NOT NULL,
    chain TEXT,              -- wallets: the chain whose checksum holds
    PRIMARY KEY (ad_id, seq)
) WITHOUT ROWID;

CREATE INDEX screen_ad_contacts_by_value ON screen_ad_contacts (type, value);

-- Testimonies whose transcript has been screened. Transcripts are restricted, so
-- this happens only with the key ring unlocked; a testimony written without it has
-- no row here until the next `zonewatch networks` or `screen reindex` with the
-- passphrase.
CREATE TABLE screen_testimonies (
    testimony_id TEXT PRIMARY KEY NOT NULL,
    fingerprint  TEXT NOT NULL
) WITHOUT ROWID;

-- The contacts in those transcripts, never in plain text: each is a keyed hash
-- (HMAC-SHA256 of type, NUL, value, under the key ring's secret contact-link key),
-- which links to an ad's contact only for someone holding the unlocked key ring.
CREATE TABLE screen_testimony_contacts (
    testimony_id TEXT NOT NULL,
    hash         TEXT NOT NULL,
    PRIMARY KEY (testimony_id, hash)
) WITHOUT ROWID;
