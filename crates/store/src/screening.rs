//! Derived screening rows (`migrations/*/0004_screening.sql`): what screening made of
//! ads and testimonies, kept so that `zonewatch networks` need not screen every ad
//! again. zonewatch-app computes them (it holds the screener and the keys); this
//! module keeps them, for both backends. They are never exported, and each row can
//! be rebuilt from its record: a record's rows go when the record is deleted.

use std::collections::HashSet;

use zonewatch_model::Kind;

use crate::Result;

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
fn state_table(kind: Kind) -> Option<(&'static str, &'static str)> {
    match kind {
        Kind::Ad => Some(("screen_ads", "ad_id")),
        Kind::Testimony => Some(("screen_testimonies", "testimony_id")),
        _ => None,
    }
}

pub(crate) mod sqlite {
    use rusqlite::{params, Connection, OptionalExtension};

    use super::*;

    const CLEAR_AD: [&str; 2] = [
        "DELETE FROM screen_ads WHERE ad_id = ?1",
        "DELETE FROM screen_ad_contacts WHERE ad_id = ?1",
    ];
    const CLEAR_TESTIMONY: [&str; 2] = [
        "DELETE FROM screen_testimonies WHERE testimony_id = ?1",
        "DELETE FROM screen_testimony_contacts WHERE testimony_id = ?1",
    ];

    /// Deletes every derived row of one record.
    pub fn clear(conn: &Connection, id: &str) -> Result<()> {
        clear_tables(conn, id, &CLEAR_AD)?;
        clear_tables(conn, id, &CLEAR_TESTIMONY)
    }

    fn clear_tables(conn: &Connection, id: &str, statements: &[&str]) -> Result<()> {
        for sql in statements {
            conn.prepare_cached(sql)?.execute([id])?;
        }
        Ok(())
    }

    pub fn put(conn: &Connection, derived: &Derived) -> Result<()> {
        match derived {
            Derived::Ad(ad) => {
                clear_tables(conn, &ad.ad_id, &CLEAR_AD)?;
                conn.prepare_cached(
                    "INSERT INTO screen_ads (ad_id, fingerprint, score, level, signals)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                )?
                .execute(params![
                    ad.ad_id,
                    ad.fingerprint,
                    ad.score,
                    ad.level,
                    ad.signals
                ])?;
                let mut insert = conn.prepare_cached(
                    "INSERT INTO screen_ad_contacts (ad_id, seq, type, value, chain)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                )?;
                for (seq, c) in ad.contacts.iter().enumerate() {
                    insert.execute(params![ad.ad_id, seq as i64, c.kind, c.value, c.chain])?;
                }
            }
            Derived::Testimony(t) => {
                clear_tables(conn, &t.testimony_id, &CLEAR_TESTIMONY)?;
                conn.prepare_cached(
                    "INSERT INTO screen_testimonies (testimony_id, fingerprint) VALUES (?1, ?2)",
                )?
                .execute([&t.testimony_id, &t.fingerprint])?;
                let mut insert = conn.prepare_cached(
                    "INSERT OR IGNORE INTO screen_testimony_contacts (testimony_id, hash)
                     VALUES (?1, ?2)",
                )?;
                for hash in &t.hashes {
                    insert.execute([&t.testimony_id, hash])?;
                }
            }
            Derived::TestimonyUnindexed(id) => clear_tables(conn, id, &CLEAR_TESTIMONY)?,
        }
        Ok(())
    }

    pub fn ad_screening(conn: &Connection, id: &str) -> Result<Option<AdScreening>> {
        let Some(mut ad) = conn
            .query_row(
                "SELECT ad_id, fingerprint, score, level, signals FROM screen_ads WHERE ad_id = ?1",
                [id],
                |r| {
                    Ok(AdScreening {
                        ad_id: r.get(0)?,
                        fingerprint: r.get(1)?,
                        score: r.get(2)?,
                        level: r.get(3)?,
                        signals: r.get(4)?,
                        contacts: Vec::new(),
                    })
                },
            )
            .optional()?
        else {
            return Ok(None);
        };
        let mut stmt = conn.prepare(
            "SELECT type, value, chain FROM screen_ad_contacts WHERE ad_id = ?1 ORDER BY seq",
        )?;
        ad.contacts = stmt
            .query_map([id], |r| {
                Ok(StoredContact {
                    kind: r.get(0)?,
                    value: r.get(1)?,
                    chain: r.get(2)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(Some(ad))
    }

    pub fn fingerprints(conn: &Connection, kind: Kind) -> Result<Vec<(String, Option<String>)>> {
        let Some((table, column)) = state_table(kind) else {
            return Ok(Vec::new());
        };
        let mut stmt = conn.prepare(&format!(
            "SELECT r.id, s.fingerprint FROM records r LEFT JOIN {table} s ON s.{column} = r.id
             WHERE r.kind = ?1 ORDER BY r.id"
        ))?;
        let rows = stmt
            .query_map([kind.as_str()], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    pub fn ad_contacts(conn: &Connection) -> Result<Vec<(String, StoredContact)>> {
        let mut stmt = conn.prepare(
            "SELECT ad_id, type, value, chain FROM screen_ad_contacts ORDER BY ad_id, seq",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get(0)?,
                    StoredContact {
                        kind: r.get(1)?,
                        value: r.get(2)?,
                        chain: r.get(3)?,
                    },
                ))
            })?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    pub fn testimony_hashes(conn: &Connection) -> Result<Vec<(String, String)>> {
        let mut stmt = conn.prepare(
            "SELECT testimony_id, hash FROM screen_testimony_contacts ORDER BY testimony_id, hash",
        )?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }
}

pub(crate) mod postgres {
    use ::postgres::GenericClient;

    use super::*;

    const CLEAR_ADS: [&str; 2] = [
        "DELETE FROM screen_ads WHERE ad_id = ANY($1)",
        "DELETE FROM screen_ad_contacts WHERE ad_id = ANY($1)",
    ];
    const CLEAR_TESTIMONIES: [&str; 2] = [
        "DELETE FROM screen_testimonies WHERE testimony_id = ANY($1)",
        "DELETE FROM screen_testimony_contacts WHERE testimony_id = ANY($1)",
    ];

    /// Deletes every derived row of these records.
    pub fn clear(client: &mut impl GenericClient, ids: &[&str]) -> Result<()> {
        clear_tables(client, ids, &CLEAR_ADS)?;
        clear_tables(client, ids, &CLEAR_TESTIMONIES)
    }

    fn clear_tables(
        client: &mut impl GenericClient,
        ids: &[&str],
        statements: &[&str],
    ) -> Result<()> {
        if ids.is_empty() {
            return Ok(());
        }
        for sql in statements {
            client.execute(*sql, &[&ids])?;
        }
        Ok(())
    }

    /// Writes a batch: one statement per table rather than one per row.
    pub fn put_batch(client: &mut impl GenericClient, batch: &[Derived]) -> Result<()> {
        // Only the last write of a record counts (and a row written twice in one
        // INSERT would break its primary key).
        let mut seen = HashSet::new();
        let mut latest: Vec<&Derived> =
            batch.iter().rev().filter(|d| seen.insert(d.id())).collect();
        latest.reverse();
        let ad_ids: Vec<&str> = latest
            .iter()
            .filter(|d| matches!(d, Derived::Ad(_)))
            .map(|d| d.id())
            .collect();
        let testimony_ids: Vec<&str> = latest
            .iter()
            .filter(|d| !matches!(d, Derived::Ad(_)))
            .map(|d| d.id())
            .collect();
        clear_tables(client, &ad_ids, &CLEAR_ADS)?;
        clear_tables(client, &testimony_ids, &CLEAR_TESTIMONIES)?;

        let ads: Vec<&AdScreening> = latest
            .iter()
            .filter_map(|d| match d {
                Derived::Ad(ad) => Some(ad),
                _ => None,
            })
            .collect();
        if !ads.is_empty() {
            let ids: Vec<&str> = ads.iter().map(|a| a.ad_id.as_str()).collect();
            let fingerprints: Vec<&str> = ads.iter().map(|a| a.fingerprint.as_str()).collect();
            let scores: Vec<f64> = ads.iter().map(|a| a.score).collect();
            let levels: Vec<&str> = ads.iter().map(|a| a.level.as_str()).collect();
            let signals: Vec<&str> = ads.iter().map(|a| a.signals.as_str()).collect();
            client.execute(
                "INSERT INTO screen_ads (ad_id, fingerprint, score, level, signals)
                 SELECT * FROM unnest($1::text[], $2::text[], $3::float8[], $4::text[], $5::text[])",
                &[&ids, &fingerprints, &scores, &levels, &signals],
            )?;
            let (mut ids, mut seqs, mut kinds, mut values, mut chains) =
                (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
            for ad in &ads {
                for (seq, c) in ad.contacts.iter().enumerate() {
                    ids.push(ad.ad_id.as_str());
                    seqs.push(seq as i32);
                    kinds.push(c.kind.as_str());
                    values.push(c.value.as_str());
                    chains.push(c.chain.as_deref());
                }
            }
            if !ids.is_empty() {
                client.execute(
                    "INSERT INTO screen_ad_contacts (ad_id, seq, type, value, chain)
                     SELECT * FROM unnest($1::text[], $2::int4[], $3::text[], $4::text[], $5::text[])",
                    &[&ids, &seqs, &kinds, &values, &chains],
                )?;
            }
        }

        let testimonies: Vec<&TestimonyContacts> = latest
            .iter()
            .filter_map(|d| match d {
                Derived::Testimony(t) => Some(t),
                _ => None,
            })
            .collect();
        if !testimonies.is_empty() {
            let ids: Vec<&str> = testimonies
                .iter()
                .map(|t| t.testimony_id.as_str())
                .collect();
            let fingerprints: Vec<&str> =
                testimonies.iter().map(|t| t.fingerprint.as_str()).collect();
            client.execute(
                "INSERT INTO screen_testimonies (testimony_id, fingerprint)
                 SELECT * FROM unnest($1::text[], $2::text[])",
                &[&ids, &fingerprints],
            )?;
            let (mut ids, mut hashes) = (Vec::new(), Vec::new());
            for t in &testimonies {
                for hash in &t.hashes {
                    ids.push(t.testimony_id.as_str());
                    hashes.push(hash.as_str());
                }
            }
            if !ids.is_empty() {
                client.execute(
                    "INSERT INTO screen_testimony_contacts (testimony_id, hash)
                     SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING",
                    &[&ids, &hashes],
                )?;
            }
        }
        Ok(())
    }

    pub fn ad_screening(client: &mut impl GenericClient, id: &str) -> Result<Option<AdScreening>> {
        let Some(row) = client.query_opt(
            "SELECT ad_id, fingerprint, score, level, signals FROM screen_ads WHERE ad_id = $1",
            &[&id],
        )?
        else {
            return Ok(None);
        };
        let contacts = client
            .query(
                "SELECT type, value, chain FROM screen_ad_contacts WHERE ad_id = $1 ORDER BY seq",
                &[&id],
            )?
            .iter()
            .map(|r| {
                Ok(StoredContact {
                    kind: r.try_get(0)?,
                    value: r.try_get(1)?,
                    chain: r.try_get(2)?,
                })
            })
            .collect::<Result<_>>()?;
        Ok(Some(AdScreening {
            ad_id: row.try_get(0)?,
            fingerprint: row.try_get(1)?,
            score: row.try_get(2)?,
            level: row.try_get(3)?,
            signals: row.try_get(4)?,
            contacts,
        }))
    }

    pub fn fingerprints(
        client: &mut impl GenericClient,
        kind: Kind,
    ) -> Result<Vec<(String, Option<String>)>> {
        let Some((table, column)) = state_table(kind) else {
            return Ok(Vec::new());
        };
        client
            .query(
                &format!(
                    "SELECT r.id, s.fingerprint FROM records r LEFT JOIN {table} s ON s.{column} = r.id
                     WHERE r.kind = $1 ORDER BY r.id"
                ),
                &[&kind.as_str()],
            )?
            .iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
            .collect()
    }

    pub fn ad_contacts(client: &mut impl GenericClient) -> Result<Vec<(String, StoredContact)>> {
        client
            .query(
                "SELECT ad_id, type, value, chain FROM screen_ad_contacts ORDER BY ad_id, seq",
                &[],
            )?
            .iter()
            .map(|r| {
                Ok((
                    r.try_get(0)?,
                    StoredContact {
                        kind: r.try_get(1)?,
                        value: r.try_get(2)?,
                        chain: r.try_get(3)?,
                    },
                ))
            })
            .collect()
    }

    pub fn testimony_hashes(client: &mut impl GenericClient) -> Result<Vec<(String, String)>> {
        client
            .query(
                "SELECT testimony_id, hash FROM screen_testimony_contacts ORDER BY testimony_id, hash",
                &[],
            )?
            .iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
            .collect()
    }
}
