//! The derived screening rows (`screen_ads`, `screen_ad_contacts`,
//! `screen_testimonies`, `screen_testimony_contacts`; their types are in
//! `crate::screening`): [`ScreeningStore`], and writing and clearing them in a write
//! transaction.

use rusqlite::{params, Connection, OptionalExtension};
use zonewatch_model::Kind;

use super::SqliteStore;
use crate::screening::state_table;
use crate::{AdScreening, Derived, Result, ScreeningStore, StoredContact};

const CLEAR_AD: [&str; 2] = [
    "DELETE FROM screen_ads WHERE ad_id = ?1",
    "DELETE FROM screen_ad_contacts WHERE ad_id = ?1",
];
const CLEAR_TESTIMONY: [&str; 2] = [
    "DELETE FROM screen_testimonies WHERE testimony_id = ?1",
    "DELETE FROM screen_testimony_contacts WHERE testimony_id = ?1",
];

/// Deletes every derived row of one record.
pub(super) fn clear(conn: &Connection, id: &str) -> Result<()> {
    clear_tables(conn, id, &CLEAR_AD)?;
    clear_tables(conn, id, &CLEAR_TESTIMONY)
}

fn clear_tables(conn: &Connection, id: &str, statements: &[&str]) -> Result<()> {
    for sql in statements {
        conn.prepare_cached(sql)?.execute([id])?;
    }
    Ok(())
}

/// [`crate::WriteTransaction::put_derived`].
pub(super) fn put(conn: &Connection, derived: &Derived) -> Result<()> {
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

impl ScreeningStore for SqliteStore {
    fn ad_screening(&mut self, id: &str) -> Result<Option<AdScreening>> {
        let conn = &self.conn;
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

    fn screening_fingerprints(&mut self, kind: Kind) -> Result<Vec<(String, Option<String>)>> {
        let Some((table, column)) = state_table(kind) else {
            return Ok(Vec::new());
        };
        let mut stmt = self.conn.prepare(&format!(
            "SELECT r.id, s.fingerprint FROM records r LEFT JOIN {table} s ON s.{column} = r.id
             WHERE r.kind = ?1 ORDER BY r.id"
        ))?;
        let rows = stmt
            .query_map([kind.as_str()], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    fn ad_contacts(&mut self) -> Result<Vec<(String, StoredContact)>> {
        let mut stmt = self.conn.prepare(
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

    fn testimony_contact_hashes(&mut self) -> Result<Vec<(String, String)>> {
        let mut stmt = self.conn.prepare(
            "SELECT testimony_id, hash FROM screen_testimony_contacts ORDER BY testimony_id, hash",
        )?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }
}
