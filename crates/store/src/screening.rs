//! Derived screening rows (`migrations/*/0004_screening.sql`): what screening made of
//! ads and testimonies, kept so that `zonewatch networks` need not screen every ad
//! again. zonewatch-app computes them (it holds the screener and the keys); the
//! store keeps them, for both backends ([`crate::ScreeningStore`] reads them,
//! [`crate::WriteTransaction::put_derived`] writes them). They are never exported,
//! and each row can be rebuilt from its record: a record's rows go when the record
//! is deleted.
//!
//! This module holds the types both backends share; each backend's SQL for these
//! tables is in its own `screening.rs` (`sqlite/`, `postgres/`).

use zonewatch_model::Kind;

/// An ad's screening result.
#[derive(Clone, Debug, PartialEq)]
pub struct AdScreening {
    pub ad_id: String,
    /// The fingerprint of the screener that produced it (code version, pattern
    /// files and weights).
    pub fingerprint: String,
    pub score: f64,
    /// `high` | `medium` | `low`.
    pub level: String,
    /// JSON array of `{"code","start","end"}` (byte offsets into the ad's text).
    pub signals: String,
    /// In order of first appearance in the text.
    pub contacts: Vec<StoredContact>,
}

/// One normalised contact of an ad (FORMAT.md, "Screening").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredContact {
    /// `phone`, `telegram`, `wallet`...
    pub kind: String,
    pub value: String,
    /// Wallets: the chain whose checksum holds.
    pub chain: Option<String>,
}

/// The contacts in a testimony's transcript, as keyed hashes only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TestimonyContacts {
    pub testimony_id: String,
    pub fingerprint: String,
    pub hashes: Vec<String>,
}

/// What a write does to one record's derived rows. Each replaces whatever was kept
/// for the record before.
#[derive(Clone, Debug, PartialEq)]
pub enum Derived {
    Ad(AdScreening),
    Testimony(TestimonyContacts),
    /// A testimony was written without the key ring, so its transcript could not
    /// be indexed: its old rows go, and it waits for the next indexing.
    TestimonyUnindexed(String),
}

impl Derived {
    /// The record the rows belong to.
    pub fn id(&self) -> &str {
        match self {
            Derived::Ad(ad) => &ad.ad_id,
            Derived::Testimony(t) => &t.testimony_id,
            Derived::TestimonyUnindexed(id) => id,
        }
    }
}

/// The table holding one row per indexed record of `kind`, and its id column.
pub(crate) fn state_table(kind: Kind) -> Option<(&'static str, &'static str)> {
    match kind {
        Kind::Ad => Some(("screen_ads", "ad_id")),
        Kind::Testimony => Some(("screen_testimonies", "testimony_id")),
        _ => None,
    }
}
