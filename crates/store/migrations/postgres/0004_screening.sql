-- Derived data: what screening made of ads and testimonies, rebuilt whenever it is
-- missing or out of date (see migrations/sqlite/0004_screening.sql).
CREATE TABLE screen_ads (
    ad_id       TEXT COLLATE "C" PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    score       DOUBLE PRECISION NOT NULL,
    level       TEXT NOT NULL,
    signals     TEXT NOT NULL  -- JSON array of {"code","start","end"}
);

CREATE TABLE screen_ad_contacts (
    ad_id TEXT COLLATE "C" NOT NULL,
    seq   INTEGER NOT NULL,
    type  TEXT NOT NULL,
    value TEXT NOT NULL,
    chain TEXT,
    PRIMARY KEY (ad_id, seq)
);

CREATE INDEX screen_ad_contacts_by_value ON screen_ad_contacts (type, value);

CREATE TABLE screen_testimonies (
    testimony_id TEXT COLLATE "C" PRIMARY KEY,
    fingerprint  TEXT NOT NULL
);

-- Keyed hashes only: never a contact in plain text.
CREATE TABLE screen_testimony_contacts (
    testimony_id TEXT COLLATE "C" NOT NULL,
    hash         TEXT NOT NULL,
    PRIMARY KEY (testimony_id, hash)
);
