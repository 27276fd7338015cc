//! The derived screening rows (`screen_ads`, `screen_ad_contacts`,
//! `screen_testimonies`, `screen_testimony_contacts`; their types are in
//! `crate::screening`): [`ScreeningStore`], and writing them in batches and clearing
//! them in a write transaction.

use std::collections::HashSet;

use postgres::GenericClient;
use zonewatch_model::Kind;

use super::{PostgresStore, PostgresWrite};
use crate::screening::state_table;
use crate::{AdScreening, Derived, Result, ScreeningStore, StoredContact, TestimonyContacts};

impl PostgresWrite<'_> {
    /// Writes the screening rows batched so far ([`crate::WriteTransaction::put_derived`]).
    pub(super) fn write_derived(&mut self) -> Result<()> {
        let batch = std::mem::take(&mut self.derived);
        put_batch(&mut self.tx, &batch)
    }
}

const CLEAR_ADS: [&str; 2] = [
    "DELETE FROM screen_ads WHERE ad_id = ANY($1)",
    "DELETE FROM screen_ad_contacts WHERE ad_id = ANY($1)",
];
const CLEAR_TESTIMONIES: [&str; 2] = [
    "DELETE FROM screen_testimonies WHERE testimony_id = ANY($1)",
    "DELETE FROM screen_testimony_contacts WHERE testimony_id = ANY($1)",
];

/// Deletes every derived row of these records.
pub(super) fn clear(client: &mut impl GenericClient, ids: &[&str]) -> Result<()> {
    clear_tables(client, ids, &CLEAR_ADS)?;
    clear_tables(client, ids, &CLEAR_TESTIMONIES)
}

fn clear_tables(client: &mut impl GenericClient, ids: &[&str], statements: &[&str]) -> Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    for sql in statements {
        client.execute(*sql, &[&ids])?;
    }
    Ok(())
}

/// Writes a batch: one statement per table rather than one per row.
fn put_batch(client: &mut impl GenericClient, batch: &[Derived]) -> Result<()> {
    // Only the last write of a record counts (and a row written twice in one
    // INSERT would break its primary key).
    let mut seen = HashSet::new();
    let mut latest: Vec<&Derived> = batch.iter().rev().filter(|d| seen.insert(d.id())).collect();
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
        let fingerprints: Vec<&str> = testimonies.iter().map(|t| t.fingerprint.as_str()).collect();
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

impl ScreeningStore for PostgresStore {
    fn ad_screening(&mut self, id: &str) -> Result<Option<AdScreening>> {
        let client = &mut self.client;
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

    fn screening_fingerprints(&mut self, kind: Kind) -> Result<Vec<(String, Option<String>)>> {
        let Some((table, column)) = state_table(kind) else {
            return Ok(Vec::new());
        };
        self.client
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

    fn ad_contacts(&mut self) -> Result<Vec<(String, StoredContact)>> {
        self.client
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

    fn testimony_contact_hashes(&mut self) -> Result<Vec<(String, String)>> {
        self.client
            .query(
                "SELECT testimony_id, hash FROM screen_testimony_contacts ORDER BY testimony_id, hash",
                &[],
            )?
            .iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
            .collect()
    }
}
